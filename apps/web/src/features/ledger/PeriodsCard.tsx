import { useState } from 'react';
import { App, Button, Descriptions, Flex, InputNumber, Popconfirm, Table, Tag } from 'antd';
import type { YearEndResult } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { Money } from '../../ui/Money.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { useRequestIds } from '../fund-setup/request-id.js';
import { useClosePeriod, usePeriods, useYearEnd } from './queries.js';

type PeriodRow = { period: string; closed: boolean; closedAt: string | null; voucherCount: number };

/** 会计期间: each month with its voucher count; 结账 in order. */
export function PeriodsCard({ fundId, canClose }: { fundId: number; canClose: boolean }) {
  const periods = usePeriods(fundId);
  const close = useClosePeriod(fundId);
  const { message } = App.useApp();
  return (
    <div>
      <BooksErrorAlert error={periods.error ?? close.error} />
      <Table<PeriodRow>
        rowKey="period"
        size="small"
        className="periods-table"
        loading={periods.isFetching}
        dataSource={periods.data?.items ?? []}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        columns={[
          { title: '期间', dataIndex: 'period' },
          { title: '凭证数', dataIndex: 'voucherCount', align: 'right' },
          {
            title: '状态',
            dataIndex: 'closed',
            render: (closed: boolean) =>
              closed ? <Tag color="default">已结账</Tag> : <Tag color="green">未结账</Tag>,
          },
          {
            title: '结账时间',
            dataIndex: 'closedAt',
            render: (value: string | null) => <DateText value={value} time />,
          },
          {
            title: '操作',
            key: 'a',
            render: (_: unknown, row) =>
              canClose && !row.closed ? (
                <Popconfirm
                  title={`结账 ${row.period}？`}
                  description="结账后该月不能再记账"
                  okText="结账"
                  cancelText="取消"
                  onConfirm={() => {
                    close.mutate(row.period, {
                      onSuccess: () => {
                        void message.success(`${row.period} 已结账`);
                      },
                    });
                  }}
                >
                  <Button size="small">结账</Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </div>
  );
}

/** 年终结转: closes the year's income and expenses and distributes the surplus by the bylaws. */
export function YearEndCard({ fundId, canClose }: { fundId: number; canClose: boolean }) {
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [result, setResult] = useState<YearEndResult | null>(null);
  const yearEnd = useYearEnd(fundId);
  const ids = useRequestIds();
  return (
    <div>
      <BooksErrorAlert error={yearEnd.error} />
      {canClose ? (
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <span>年度</span>
          <InputNumber<number>
            min={2000}
            max={2100}
            value={year}
            onChange={(value) => {
              if (value !== null) setYear(value);
            }}
          />
          <Popconfirm
            title={`对 ${String(year)} 年度进行年终结转和收益分配？`}
            okText="结转"
            cancelText="取消"
            onConfirm={() => {
              const body = { year };
              yearEnd.mutate(
                { ...body, requestId: ids.idFor(body) },
                {
                  onSuccess: (r) => {
                    ids.done();
                    setResult(r);
                  },
                },
              );
            }}
          >
            <Button type="primary" loading={yearEnd.isPending}>
              年终结转
            </Button>
          </Popconfirm>
        </Flex>
      ) : null}
      {result === null ? null : (
        <Descriptions
          title={`${String(result.year)} 年度收益分配`}
          bordered
          size="small"
          column={2}
          items={[
            { key: 'n', label: '本年结余', children: <Money fen={result.netSurplusFen} unit /> },
            { key: 'c', label: '公积金', children: <Money fen={result.commonReserveFen} unit /> },
            { key: 'w', label: '公益金', children: <Money fen={result.welfareFundFen} unit /> },
            { key: 'r', label: '风险准备金', children: <Money fen={result.riskReserveFen} unit /> },
          ]}
        />
      )}
    </div>
  );
}
