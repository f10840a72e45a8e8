import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Typography } from 'antd';
import { ApiError } from '../../api/client.js';
import type { Region } from '../../api/types.js';
import { levelName } from '../../text/zh.js';
import { errorText } from '../../ui/ErrorAlert.js';
import { useSetThresholds, useThresholds } from './queries.js';
import { THRESHOLD_NAMES } from './warning-text.js';

/** The cost coverage minimum is a ratio the server keeps; the form shows it, not edits it. */
const READ_ONLY = new Set(['costCoverageMin']);

function numberFields(values: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(values).filter(
      (entry): entry is [string, number] =>
        typeof entry[1] === 'number' && !READ_ONLY.has(entry[0]),
    ),
  );
}

function ratioText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '—';
  const { numerator, denominator } = value as { numerator?: unknown; denominator?: unknown };
  return typeof numerator === 'number' && typeof denominator === 'number' && denominator !== 0
    ? String(numerator / denominator)
    : '—';
}

/** The server's refusal in words, naming the field and its allowed range when it says them. */
function thresholdError(error: unknown): string {
  const text = errorText(error);
  if (!(error instanceof ApiError)) return text;
  const { field, min, max } = error.details;
  const name = typeof field === 'string' ? (THRESHOLD_NAMES[field] ?? field) : null;
  if (name === null) return text;
  const range =
    typeof min === 'number' && typeof max === 'number'
      ? `，允许 ${String(min)}–${String(max)}`
      : '';
  return `${text}：${name}${range}`;
}

/**
 * 预警阈值 of a city or county: each value in force (inherited from the city or the defaults
 * until set here); saving sends only the values changed, so the rest stay inherited.
 */
export function ThresholdsForm({ region }: { region: Region }) {
  const { message } = App.useApp();
  const thresholds = useThresholds(region.id);
  const save = useSetThresholds(region.id);
  const [form] = Form.useForm<Record<string, number | null>>();
  if (thresholds.isPending) return <Skeleton active />;
  if (thresholds.isError)
    return <Alert type="error" showIcon title={errorText(thresholds.error)} />;
  const current = numberFields(thresholds.data);
  const fields = Object.keys(current);
  return (
    <Card
      size="small"
      title={`预警阈值：${region.name}（${levelName(region.level)}）`}
      className="thresholds-form"
    >
      <Typography.Paragraph type="secondary">
        未在本级设置的项沿用上级（市）或系统默认值；保存时只提交修改过的项。阈值变化后，各社预警在下次查看时重新计算。
      </Typography.Paragraph>
      {save.isError ? (
        <Alert
          type="error"
          showIcon
          title={thresholdError(save.error)}
          style={{ marginBottom: 16 }}
          className="thresholds-error"
        />
      ) : null}
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ flex: '300px' }}
        labelWrap
        initialValues={current}
        onFinish={(values) => {
          const changed = Object.fromEntries(
            fields
              .filter(
                (field) => typeof values[field] === 'number' && values[field] !== current[field],
              )
              .map((field) => [field, values[field] as number]),
          );
          if (Object.keys(changed).length === 0) {
            void message.info('没有修改');
            return;
          }
          save.mutate(changed, {
            onSuccess: () => {
              void message.success('预警阈值已保存');
            },
          });
        }}
        style={{ maxWidth: 560 }}
      >
        {fields.map((field) => (
          <Form.Item
            key={field}
            name={field}
            label={THRESHOLD_NAMES[field] ?? field}
            rules={[{ required: true, message: '请输入数值' }]}
          >
            <InputNumber precision={0} style={{ width: 140 }} />
          </Form.Item>
        ))}
        <Form.Item label={THRESHOLD_NAMES.costCoverageMin}>
          <Typography.Text>{ratioText(thresholds.data.costCoverageMin)}</Typography.Text>
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存阈值
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
