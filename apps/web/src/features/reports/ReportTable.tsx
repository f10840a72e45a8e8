import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReportModel } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { Money } from '../../ui/Money.js';
import { RatioText } from '../../ui/RatioText.js';

type Cell = ReportModel['rows'][number][string];
type Kind = ReportModel['columns'][number]['kind'];

/** One cell by its column kind: money in 元, ratios as % ('—' without a denominator). */
export function ReportCell({ kind, value }: { kind: Kind; value: Cell | undefined }) {
  if (value === null || value === undefined || value === '') return <span>—</span>;
  if (typeof value === 'object')
    return (
      <RatioText value={value.denominator === 0 ? null : value.numerator / value.denominator} />
    );
  if (kind === 'money' && typeof value === 'number') return <Money fen={value} />;
  if (kind === 'date' && typeof value === 'string') return <DateText value={value} />;
  if (kind === 'ratio' && typeof value === 'number') return <RatioText value={value} />;
  return <span>{String(value)}</span>;
}

const NUMERIC: readonly Kind[] = ['money', 'int', 'ratio'];

/** Any report model as a table: title, subtitle, columns by kind, a totals row and the notes. */
export function ReportTable({ model, pageSize = 50 }: { model: ReportModel; pageSize?: number }) {
  const columns: TableColumnsType<ReportModel['rows'][number]> = model.columns.map((column) => ({
    key: column.key,
    title: column.title,
    align: NUMERIC.includes(column.kind) ? ('right' as const) : ('left' as const),
    render: (_: unknown, row) => <ReportCell kind={column.kind} value={row[column.key]} />,
  }));
  const totals = model.totals;
  return (
    <div className="report-table">
      <Typography.Title level={5} style={{ textAlign: 'center', marginBottom: 0 }}>
        {model.title}
      </Typography.Title>
      {model.subtitle === '' ? null : (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {model.subtitle}
        </Typography.Paragraph>
      )}
      <Table<ReportModel['rows'][number]>
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
                <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
                  {model.columns.map((column, index) => (
                    <Table.Summary.Cell
                      key={column.key}
                      index={index}
                      align={NUMERIC.includes(column.kind) ? 'right' : 'left'}
                    >
                      {column.key in totals ? (
                        <ReportCell kind={column.kind} value={totals[column.key]} />
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
        <ul style={{ color: '#666', marginTop: 8, paddingInlineStart: 20 }}>
          {model.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
