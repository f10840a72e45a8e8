import { Button, Card, Flex } from 'antd';
import { ApartmentOutlined, AuditOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { MENU_LABELS } from '../../text/zh.js';

/** The administrator's entry points. */
export function AdminShortcuts() {
  return (
    <Card title="系统管理" style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap>
        <Link to="/users">
          <Button type="primary" icon={<TeamOutlined />}>
            {MENU_LABELS.users}
          </Button>
        </Link>
        <Link to="/regions">
          <Button icon={<ApartmentOutlined />}>{MENU_LABELS.regionsAdmin}</Button>
        </Link>
        <Link to="/funds">
          <Button icon={<ShopOutlined />}>{MENU_LABELS.funds}</Button>
        </Link>
        <Link to="/audit">
          <Button icon={<AuditOutlined />}>{MENU_LABELS.audit}</Button>
        </Link>
      </Flex>
    </Card>
  );
}
