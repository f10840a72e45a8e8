import { Table, Typography } from 'antd';
import type { ProgrammeBlock, ProgrammeDocument } from '../../api/types.js';
import { UnitReportTable } from '../plans/UnitReportTable.js';
import { wanText } from '../plans/wan-yuan.js';

type Chart = Extract<ProgrammeBlock, { kind: 'chart' }>['chart'];

/** A chart of the document as its figures (the Word file draws it; the screen lists it). */
function ChartFigures({ chart }: { chart: Chart }) {
  const show = (value: number | null): string =>
    value === null
      ? '—'
      : chart.unit === 'percent'
        ? `${(value * 100).toFixed(1)}%`
        : `${wanText(value)}万元`;
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong>{chart.title}</Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="category"
        dataSource={chart.categories.map((category, index) => ({ category, index }))}
        columns={[
          { key: 'category', title: '', dataIndex: 'category' },
          ...chart.series.map((s) => ({
            key: s.name,
            title: s.name,
            align: 'right' as const,
            render: (_: unknown, row: { index: number }) => show(s.values[row.index] ?? null),
          })),
        ]}
      />
      {chart.caption === '' ? null : (
        <Typography.Text type="secondary">{chart.caption}</Typography.Text>
      )}
    </div>
  );
}

function Block({ block }: { block: ProgrammeBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return (
        <Typography.Paragraph style={{ textIndent: '2em' }}>{block.text}</Typography.Paragraph>
      );
    case 'list':
      return (
        <ul style={{ paddingInlineStart: 32 }}>
          {block.items.map((item, index) => (
            <li key={`${String(index)}-${item}`}>{item}</li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <div style={{ marginBottom: 16 }}>
          <UnitReportTable model={block.table} moneyUnit={block.moneyUnit} />
        </div>
      );
    case 'chart':
      return <ChartFigures chart={block.chart} />;
  }
}

/** The annual summary as a document on screen: title, sections, paragraphs, lists and tables. */
export function SummaryDocument({ document }: { document: ProgrammeDocument }) {
  return (
    <article className="summary-document" style={{ maxWidth: 1100, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {document.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {document.issuer}&emsp;{document.issuedOn}
      </Typography.Paragraph>
      {document.sections.map((section) => (
        <section key={section.heading}>
          <Typography.Title level={4}>{section.heading}</Typography.Title>
          {section.blocks.map((block, index) => (
            <Block key={`${section.heading}-${String(index)}`} block={block} />
          ))}
        </section>
      ))}
    </article>
  );
}
