import {
  Alert,
  App,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Typography,
} from 'antd';
import type { EvaluationScheme, ManualItem } from '@huzhu/domain';
import type { EvaluationRunFund } from '../../api/types.js';
import { ProblemsAlert } from '../plans/ProblemsAlert.js';
import { pointsText } from './evaluation-text.js';
import { useManualScores } from './queries.js';
import { fire } from '../plans/fire.js';

interface ManualValues {
  scores: Record<string, { points: number | null; evidence: string }>;
  misappropriation: boolean;
}

/**
 * 人工评分 of one fund: every manual item of the scheme, points within 0..its maximum and the
 * evidence it rests on (required), and whether 挪用 or a loss was found (proposes 退出).
 */
export function ManualScoreDrawer({
  runId,
  scheme,
  fund,
  onClose,
}: {
  runId: number;
  scheme: EvaluationScheme;
  fund: EvaluationRunFund | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ManualValues>();
  const save = useManualScores(runId);
  const { message } = App.useApp();
  const dimensions = scheme.dimensions
    .map((d) => ({
      ...d,
      manual: d.items.filter((i): i is ManualItem => i.kind === 'manual'),
    }))
    .filter((d) => d.manual.length > 0);
  return (
    <Drawer
      title={fund === null ? '人工评分' : `人工评分：${fund.fundName}`}
      open={fund !== null}
      size="large"
      className="manual-score-drawer"
      onClose={() => {
        save.reset();
        onClose();
      }}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() => {
            form.submit();
          }}
        >
          保存评分
        </Button>
      }
    >
      {fund === null ? null : (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`当前得分 ${pointsText(fund.totalTenths)} 分；每项须填写分值（0 至该项满分）和评分依据。`}
          />
          <ProblemsAlert error={save.error} />
          <Form<ManualValues>
            form={form}
            layout="vertical"
            className="manual-score-form"
            initialValues={{ misappropriation: false, scores: {} }}
            onFinish={(values) => {
              fire(async () => {
                const scores = Object.fromEntries(
                  Object.entries(values.scores).map(([code, s]) => [
                    code,
                    { points: s.points ?? 0, evidence: s.evidence.trim() },
                  ]),
                );
                const run = await save.mutateAsync({
                  fundId: fund.fundId,
                  scores,
                  misappropriation: values.misappropriation,
                });
                const after = run.funds.find((f) => f.fundId === fund.fundId);
                message.success(
                  `已保存评分：${fund.fundName} ${after === undefined ? '' : `${pointsText(after.totalTenths)} 分`}`,
                );
                onClose();
              });
            }}
          >
            {dimensions.map((d) => (
              <div key={d.code}>
                <Divider titlePlacement="start" style={{ marginTop: 4 }}>
                  {d.name}
                </Divider>
                {d.manual.map((item) => (
                  <Flex key={item.code} gap={12} align="flex-start" className="manual-item">
                    <Form.Item
                      name={['scores', item.code, 'points']}
                      label={`${item.name}（满分 ${String(item.maxPoints)}）`}
                      tooltip={item.guidance}
                      rules={[
                        { required: true, message: '请评分' },
                        {
                          type: 'number',
                          min: 0,
                          max: item.maxPoints,
                          message: `须在 0–${String(item.maxPoints)} 分之间`,
                        },
                      ]}
                      style={{ width: 220 }}
                    >
                      <InputNumber
                        min={0}
                        max={item.maxPoints}
                        step={0.5}
                        precision={1}
                        style={{ width: '100%' }}
                        aria-label={`${item.name}得分`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={['scores', item.code, 'evidence']}
                      label="评分依据"
                      rules={[{ required: true, whitespace: true, message: '请写明评分依据' }]}
                      style={{ flex: 1 }}
                    >
                      <Input
                        maxLength={2000}
                        placeholder={item.guidance}
                        aria-label={`${item.name}依据`}
                      />
                    </Form.Item>
                  </Flex>
                ))}
              </div>
            ))}
            <Divider />
            <Form.Item name="misappropriation" valuePropName="checked">
              <Checkbox>发现挪用或资金损失（建议退出）</Checkbox>
            </Form.Item>
            <Typography.Text type="secondary">
              保存后重新计算得分、等级和排名；已审定的考评不能再修改。
            </Typography.Text>
          </Form>
        </>
      )}
    </Drawer>
  );
}
