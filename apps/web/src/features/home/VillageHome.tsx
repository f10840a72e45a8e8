import { Alert, Button, Card, Flex, Skeleton } from 'antd';
import { AuditOutlined, BankOutlined, KeyOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { FundCard } from '../funds/FundCard.js';
import { useFund } from '../funds/queries.js';
import { useCurrentRegion } from '../layout/current-region.js';

/** The landing page of the fund's own people: their fund and the day's entry points. */
export function VillageHome() {
  const { root } = useCurrentRegion();
  const fund = useFund(root.fundId);
  return (
    <div>
      {root.fundId === null ? (
        <Alert type="info" showIcon title={`${root.name}尚未组建互助社`} />
      ) : fund.isPending ? (
        <Skeleton active />
      ) : fund.isError ? (
        <ErrorAlert error={fund.error} />
      ) : (
        <FundCard fund={fund.data} extra={<Link to="/fund">本社概况</Link>} />
      )}
      <Card title="常用功能" style={{ marginTop: 16 }}>
        <Flex gap={12} wrap>
          <Link to="/fund">
            <Button icon={<BankOutlined />}>本社概况</Button>
          </Link>
          <Link to="/audit">
            <Button icon={<AuditOutlined />}>操作日志</Button>
          </Link>
          <Link to="/account/password">
            <Button icon={<KeyOutlined />}>修改密码</Button>
          </Link>
        </Flex>
      </Card>
    </div>
  );
}
