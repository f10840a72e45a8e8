import { Button, Card, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { PlanList } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { WanYuan } from './WanYuan.js';
import { useProgrammeAccess } from './programme-access.js';
import { usePlans } from './queries.js';
import { wanText } from './wan-yuan.js';

type PlanRow = PlanList['items'][number];

/** 年度计划: the city's yearly plans with their totals and any remainder. */
export function PlansPage() {
  const plans = usePlans();
  const access = useProgrammeAccess();
  const navigate = useNavigate();
  return (
    <div>
      <PageHeader
        title="年度计划"
        subtitle="市级按资金来源安排预算、分配到区县和村，核对平衡后下达"
        extra={
          access.city ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                void navigate('/plans/new');
              }}
            >
              新建计划
            </Button>
          ) : undefined
        }
      />
      <ErrorAlert error={plans.error} />
      <Card>
        <Table<PlanRow>
          rowKey="id"
          className="plans-table"
          loading={plans.isPending}
          dataSource={plans.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '尚无年度计划' }}
          columns={[
            { key: 'year', title: '年度', dataIndex: 'year', width: 80 },
            {
              key: 'title',
              title: '计划名称',
              render: (_: unknown, row) => <Link to={`/plans/${String(row.id)}`}>{row.title}</Link>,
            },
            { key: 'doc', title: '文号', dataIndex: 'documentNumber' },
            {
              key: 'status',
              title: '状态',
              render: (_: unknown, row) =>
                row.status === 'issued' ? <Tag color="green">已下达</Tag> : <Tag>草稿</Tag>,
            },
            {
              key: 'budget',
              title: '预算（万元）',
              align: 'right',
              render: (_: unknown, row) => <WanYuan fen={row.budgetFen} />,
            },
            {
              key: 'allocated',
              title: '已分配（万元）',
              align: 'right',
              render: (_: unknown, row) => <WanYuan fen={row.allocatedFen} />,
            },
            {
              key: 'remainder',
              title: '结余',
              align: 'right',
              render: (_: unknown, row) =>
                row.remainderFen > 0 ? (
                  <Typography.Text style={{ color: '#d46b08' }}>
                    未分配结余 {wanText(row.remainderFen)}万元
                  </Typography.Text>
                ) : row.remainderFen < 0 ? (
                  <Typography.Text type="danger">
                    超出预算 {wanText(-row.remainderFen)}万元
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            { key: 'villages', title: '村数', dataIndex: 'villageCount', align: 'right' },
            {
              key: 'issuedOn',
              title: '下达日期',
              render: (_: unknown, row) => <DateText value={row.issuedOn} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
