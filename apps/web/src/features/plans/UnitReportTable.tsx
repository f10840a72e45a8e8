import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReportModel } from '../../api/types.js';
import { ReportCell } from '../reports/ReportTable.js';
import { WanYuan } from './WanYuan.js';

type Row = ReportModel['rows'][number];
type Cell = Row[string];
type Column = ReportModel['columns'][number];

export interface ColumnGroup {
  readonly title: string;
  readonly keys: readonly string[];
}

const NUMERIC: readonly Column['kind'][] = ['money', 'int', 'ratio'];

function UnitCell({
  column,
  value,
  moneyUnit,
}: {
  column: Column;
  value: Cell | undefined;
  moneyUnit: 'yuan' | 'wan_yuan';
}) {
  if (moneyUnit === 'wan_yuan' && column.kind === 'money' && typeof value === 'number')
    return <WanYuan fen={value} />;
  return <ReportCell kind={column.kind} value={value} />;
}

/**
 * A report model as a table whose money is printed in 元 or 万元 (the cells stay fen), with the
 * official table's merged group headers (试点村个数（个）, 资金（万元）) over their columns.
 */
export function UnitReportTable({
  model,
  moneyUnit,
  columnGroups = [],
  className,
  pageSize = 100,
}: {
  model: ReportModel;
  moneyUnit: 'yuan' | 'wan_yuan';
  columnGroups?: readonly ColumnGroup[];
  className?: string;
  pageSize?: number;
}) {
  const leaf = (column: Column) => ({
    key: column.key,
    title: column.title,
    align: NUMERIC.includes(column.kind) ? ('right' as const) : ('left' as const),
    render: (_: unknown, row: Row) => (
      <UnitCell column={column} value={row[column.key]} moneyUnit={moneyUnit} />
    ),
  });
  const columns: TableColumnsType<Row> = [];
  /** The leaf columns in header order (the totals row follows it). */
  const order: Column[] = [];
  const grouped = new Set<string>();
  for (const column of model.columns) {
    if (grouped.has(column.key)) continue;
    const group = columnGroups.find((g) => g.keys.includes(column.key));
    if (group === undefined) {
      columns.push(leaf(column));
      order.push(column);
      continue;
    }
    for (const key of group.keys) grouped.add(key);
    const members = model.columns.filter((c) => group.keys.includes(c.key));
    order.push(...members);
    columns.push({
      key: `group-${group.title}`,
      title: group.title,
      align: 'center',
      children: members.map(leaf),
    });
  }
  const totals = model.totals;
  return (
    <div className={['report-table', className].filter(Boolean).join(' ')}>
      <Typography.Title level={5} style={{ textAlign: 'center', marginBottom: 0 }}>
        {model.title}
      </Typography.Title>
      {model.subtitle === '' ? null : (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {model.subtitle}
        </Typography.Paragraph>
      )}
      <Table<Row>
        rowKey={(_row, index) => String(index)}
        size="small"
        bordered
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={model.rows}
        pagination={model.rows.length > pageSize ? { pageSize, showSizeChanger: false } : false}
        {...(totals === undefined
          ? {}
          : {
              summary: () => (
                <Table.Summary.Row
                  className="report-totals"
                  style={{ fontWeight: 600, background: '#fafafa' }}
                >
                  {order.map((column, index) => (
                    <Table.Summary.Cell
                      key={column.key}
                      index={index}
                      align={NUMERIC.includes(column.kind) ? 'right' : 'left'}
                    >
                      {column.key in totals ? (
                        <UnitCell
                          column={column}
                          value={totals[column.key]}
                          moneyUnit={moneyUnit}
                        />
                      ) : index === 0 ? (
                        '合计'
                      ) : null}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              ),
            })}
      />
      {model.notes.length === 0 ? null : (
        <ul
          className="report-notes"
          style={{ color: '#666', marginTop: 8, paddingInlineStart: 20 }}
        >
          {model.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
