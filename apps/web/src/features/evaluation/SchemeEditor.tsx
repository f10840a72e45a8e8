import { App, Col, Form, Input, InputNumber, Modal, Row, Table, Typography } from 'antd';
import type { EvaluationScheme } from '@huzhu/domain';
import { ProblemsAlert, type Problem } from '../plans/ProblemsAlert.js';
import { useCreateScheme } from './queries.js';
import { fire } from '../plans/fire.js';

interface SchemeValues {
  name: string;
  grades: { excellent: number; good: number; pass: number };
  dimensions: { weight: number; items: { maxPoints: number }[] }[];
}

/**
 * 另存为新方案: a copy of a scheme with changed weights, item points and grade lines. The server
 * checks it (weights sum to 100, items to their dimension…) and lists every problem.
 */
export function SchemeEditor({
  base,
  open,
  onClose,
}: {
  base: EvaluationScheme;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<SchemeValues>();
  const create = useCreateScheme();
  const { message } = App.useApp();
  const dimensions = Form.useWatch('dimensions', form) as SchemeValues['dimensions'] | undefined;
  const weightSum = (dimensions ?? []).reduce((sum, d) => sum + (d.weight || 0), 0);
  const describe = (problem: Problem): string => {
    const code = problem.details?.dimension;
    const dimension = base.dimensions.find((d) => d.code === code);
    return dimension === undefined ? problem.message : `${dimension.name}：${problem.message}`;
  };
  return (
    <Modal
      title="另存为新方案"
      open={open}
      width={900}
      okText="保存方案"
      confirmLoading={create.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <ProblemsAlert error={create.error} describe={describe} className="scheme-problems" />
      <Form<SchemeValues>
        form={form}
        layout="vertical"
        className="scheme-form"
        initialValues={{
          name: `${base.name}（修订）`,
          grades: base.grades,
          dimensions: base.dimensions.map((d) => ({
            weight: d.weight,
            items: d.items.map((i) => ({ maxPoints: i.maxPoints })),
          })),
        }}
        onFinish={(values) => {
          fire(async () => {
            const scheme: EvaluationScheme = {
              ...base,
              code: `custom_${String(Date.now())}`,
              name: values.name.trim(),
              grades: values.grades,
              dimensions: base.dimensions.map((d, i) => ({
                ...d,
                weight: values.dimensions[i]?.weight ?? d.weight,
                items: d.items.map((item, j) => ({
                  ...item,
                  maxPoints: values.dimensions[i]?.items[j]?.maxPoints ?? item.maxPoints,
                })),
              })),
            };
            const saved = await create.mutateAsync({ name: scheme.name, scheme });
            message.success(`方案已保存（编号 ${String(saved.id)}）`);
            onClose();
          });
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="name"
              label="方案名称"
              rules={[{ required: true, whitespace: true, message: '请输入方案名称' }]}
            >
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name={['grades', 'excellent']} label="优秀 ≥">
              <InputNumber min={0} max={100} step={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name={['grades', 'good']} label="良好 ≥">
              <InputNumber min={0} max={100} step={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name={['grades', 'pass']} label="合格 ≥">
              <InputNumber min={0} max={100} step={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph>
          维度权重合计：
          <Typography.Text
            strong
            type={weightSum === 100 ? 'success' : 'danger'}
            className="scheme-weight-sum"
          >
            {weightSum}
          </Typography.Text>
          （须为 100；各维度内评分项分值之和须等于该维度权重）
        </Typography.Paragraph>
        <Table
          size="small"
          bordered
          pagination={false}
          rowKey="key"
          scroll={{ y: 420 }}
          dataSource={base.dimensions.flatMap((d, i) =>
            d.items.map((item, j) => ({
              key: `${d.code}.${item.code}`,
              i,
              j,
              dimension: d.name,
              item: item.name,
              span: j === 0 ? d.items.length : 0,
            })),
          )}
          columns={[
            {
              key: 'dimension',
              title: '维度与权重',
              width: 220,
              onCell: (row) => ({ rowSpan: row.span }),
              render: (_: unknown, row) => (
                <Form.Item
                  name={['dimensions', row.i, 'weight']}
                  label={row.dimension}
                  style={{ margin: 0 }}
                >
                  <InputNumber
                    min={0}
                    max={100}
                    step={0.5}
                    className={`scheme-weight-${String(row.i)}`}
                  />
                </Form.Item>
              ),
            },
            { key: 'item', title: '评分项', dataIndex: 'item' },
            {
              key: 'max',
              title: '分值',
              width: 140,
              render: (_: unknown, row) => (
                <Form.Item name={['dimensions', row.i, 'items', row.j, 'maxPoints']} noStyle>
                  <InputNumber min={0} max={100} step={0.5} />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
