import { Button, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import type { BreakdownRow, RegionBreakdown } from '../../api/types.js';
import {
  IndicatorText,
  INDICATOR_DEFINITIONS,
  INDICATOR_GROUPS,
  valueOf,
  type IndicatorCode,
} from './indicator-format.js';

/** Nulls ('—') sort below every number, whichever the direction. */
function compareValues(a: number | null, b: number | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a - b;
}

function indicatorColumn(code: IndicatorCode) {
  const definition = INDICATOR_DEFINITIONS[code];
  return {
    key: code,
    title: (
      <Tooltip title={definition.description}>
        <span>{definition.name}</span>
      </Tooltip>
    ),
    align: 'right' as const,
    width: definition.display === 'yuan' ? 130 : 100,
    sorter: (a: BreakdownRow, b: BreakdownRow) =>
      compareValues(valueOf(a.indicators, code), valueOf(b.indicators, code)),
    render: (_: unknown, row: BreakdownRow) => (
      <IndicatorText code={code} value={row.indicators[code]} />
    ),
  };
}

/**
 * Every §8 indicator of each child region (or fund) under the region, sortable, with the
 * region's own rolled-up figures as the 合计 row. A region row drills down; a fund row opens its
 * books.
 */
export function IndicatorTable({
  breakdown,
  loading,
  onOpenRegion,
  onOpenFund,
}: {
  breakdown: RegionBreakdown;
  loading: boolean;
  onOpenRegion: (regionId: number) => void;
  onOpenFund: (fundId: number, path: string) => void;
}) {
  const open = (row: BreakdownRow) => {
    if (row.kind === 'region') onOpenRegion(row.id);
    else onOpenFund(row.id, '/loans');
  };
  const columns: TableColumnsType<BreakdownRow> = [
    {
      key: 'name',
      title: breakdown.children[0]?.kind === 'fund' ? '互助社' : '下级区划',
      fixed: 'left',
      width: 170,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (_: unknown, row) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          className="drill-link"
          onClick={(event) => {
            event.stopPropagation();
            open(row);
          }}
        >
          {row.name}
        </Button>
      ),
    },
    {
      key: 'fundCount',
      title: '互助社数',
      align: 'right',
      width: 90,
      sorter: (a, b) => a.fundCount - b.fundCount,
      render: (_: unknown, row) =>
        row.kind === 'fund' && row.fundCount === 0 ? <Tag>未报</Tag> : row.fundCount,
    },
    ...INDICATOR_GROUPS.map((group) => ({
      key: group.title,
      title: group.title,
      children: group.codes.map(indicatorColumn),
    })),
    {
      key: 'actions',
      title: '查看',
      fixed: 'right',
      width: 150,
      render: (_: unknown, row) =>
        row.kind === 'region' ? (
          <Button
            size="small"
            onClick={(event) => {
              event.stopPropagation();
              onOpenRegion(row.id);
            }}
          >
            下钻
          </Button>
        ) : (
          <Space size={4}>
            {(
              [
                ['借款', '/loans'],
                ['报表', '/reports'],
                ['季报', '/quarterly-reports'],
              ] as const
            ).map(([label, path]) => (
              <Button
                key={path}
                size="small"
                type="link"
                style={{ padding: '0 2px' }}
                onClick={(event) => {
                  event.stopPropagation();
                  onOpenFund(row.id, path);
                }}
              >
                {label}
              </Button>
            ))}
          </Space>
        ),
    },
  ];
  const allCodes = INDICATOR_GROUPS.flatMap((group) => group.codes);
  return (
    <Table<BreakdownRow>
      className="indicator-table"
      rowKey={(row) => `${row.kind}-${String(row.id)}`}
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={breakdown.children}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(row) => ({
        onClick: () => {
          open(row);
        },
        style: { cursor: 'pointer' },
      })}
      summary={() => (
        <Table.Summary>
          <Table.Summary.Row
            className="indicator-total"
            style={{ fontWeight: 600, background: '#fafafa' }}
          >
            <Table.Summary.Cell index={0}>合计：{breakdown.total.name}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {breakdown.total.fundCount}
            </Table.Summary.Cell>
            {allCodes.map((code, index) => (
              <Table.Summary.Cell key={code} index={index + 2} align="right">
                <IndicatorText code={code} value={breakdown.total.indicators[code]} />
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={allCodes.length + 2} />
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
