import { Descriptions, Table, Tag, Typography } from 'antd';
import { INDICATOR_DEFINITIONS, type EvaluationItem, type EvaluationScheme } from '@huzhu/domain';
import { bandText } from './evaluation-text.js';

function shownInTimes(code: string): boolean {
  return (
    (INDICATOR_DEFINITIONS as Readonly<Record<string, { display: string } | undefined>>)[code]
      ?.display === 'times'
  );
}

function indicatorName(code: string): string {
  return (
    (INDICATOR_DEFINITIONS as Readonly<Record<string, { name: string } | undefined>>)[code]?.name ??
    code
  );
}

/** A scheme as the officer reads it: dimensions with weights, items, bands and grade lines. */
export function SchemeView({ scheme }: { scheme: EvaluationScheme }) {
  const total = scheme.dimensions.reduce((sum, d) => sum + d.weight, 0);
  return (
    <div className="scheme-view">
      <Descriptions
        size="small"
        column={4}
        bordered
        style={{ marginBottom: 12 }}
        items={[
          { key: 'name', label: '方案', children: scheme.name },
          { key: 'total', label: '总分', children: `${String(total)} 分` },
          {
            key: 'grades',
            label: '等级',
            span: 2,
            children: `优秀 ≥ ${String(scheme.grades.excellent)}，良好 ≥ ${String(scheme.grades.good)}，合格 ≥ ${String(scheme.grades.pass)}，其余不合格`,
          },
        ]}
      />
      <Table<EvaluationItem & { dimension: string; weight: number; span: number }>
        size="small"
        bordered
        pagination={false}
        rowKey="code"
        className="scheme-items"
        dataSource={scheme.dimensions.flatMap((d) =>
          d.items.map((item, index) => ({
            ...item,
            dimension: d.name,
            weight: d.weight,
            span: index === 0 ? d.items.length : 0,
          })),
        )}
        columns={[
          {
            key: 'dimension',
            title: '考评维度（权重）',
            onCell: (row) => ({ rowSpan: row.span }),
            render: (_: unknown, row) => (
              <strong>
                {row.dimension}（{row.weight}）
              </strong>
            ),
          },
          { key: 'name', title: '评分项', dataIndex: 'name' },
          {
            key: 'kind',
            title: '方式',
            render: (_: unknown, row) =>
              row.kind === 'automatic' ? <Tag color="blue">自动</Tag> : <Tag>人工</Tag>,
          },
          { key: 'max', title: '分值', dataIndex: 'maxPoints', align: 'right', width: 64 },
          {
            key: 'rule',
            title: '指标与评分档次 / 考评要点',
            render: (_: unknown, row) =>
              row.kind === 'automatic' ? (
                <div>
                  <div>
                    {indicatorName(row.indicator)}：
                    {row.bands
                      .map((band) => bandText(band, shownInTimes(row.indicator)))
                      .join('；')}
                  </div>
                  <Typography.Text type="secondary">
                    不适用时：{row.notApplicableReason}
                  </Typography.Text>
                </div>
              ) : (
                row.guidance
              ),
          },
        ]}
      />
    </div>
  );
}
