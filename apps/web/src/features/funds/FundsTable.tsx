import { useState } from 'react';
import { Input, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { FundSummary } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useFunds } from './queries.js';

const COLUMNS: TableColumnsType<FundSummary> = [
  { title: '编号', dataIndex: 'code', width: 140 },
  {
    title: '互助社名称',
    dataIndex: 'name',
    render: (_: unknown, fund) => <Link to={`/funds/${String(fund.id)}`}>{fund.name}</Link>,
  },
  { title: '行政村', key: 'village', render: (_: unknown, fund) => fund.village.name },
  { title: '乡镇', key: 'township', render: (_: unknown, fund) => fund.township.name },
  { title: '区县', key: 'county', render: (_: unknown, fund) => fund.county.name },
  {
    title: '成立日期',
    dataIndex: 'foundedOn',
    width: 120,
    render: (_: unknown, fund) => <DateText value={fund.foundedOn} />,
  },
];

/** The funds under a region, searchable, paged by the server. */
export function FundsTable({ regionId }: { regionId: number }) {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [lastRegion, setLastRegion] = useState(regionId);
  if (lastRegion !== regionId) {
    setLastRegion(regionId);
    setPage(1);
  }
  const funds = useFunds({ regionId, q, page, pageSize });
  return (
    <div>
      <ErrorAlert error={funds.error} />
      <Input.Search
        placeholder="按名称、编号或村名搜索"
        allowClear
        style={{ maxWidth: 320, marginBottom: 12 }}
        onSearch={(value) => {
          setQ(value.trim());
          setPage(1);
        }}
      />
      <Table<FundSummary>
        rowKey="id"
        size="middle"
        columns={COLUMNS}
        dataSource={funds.data?.items ?? []}
        loading={funds.isFetching}
        pagination={{
          current: page,
          pageSize,
          total: funds.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${String(total)} 个互助社`,
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
      />
    </div>
  );
}
