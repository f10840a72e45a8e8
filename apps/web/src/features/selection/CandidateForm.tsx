import { useState } from 'react';
import {
  Alert,
  App,
  Checkbox,
  DatePicker,
  Form,
  InputNumber,
  Modal,
  Segmented,
  Tag,
  Typography,
} from 'antd';
import { NEW_PILOT_CRITERIA, NEW_PILOT_CRITERION_DEFINITIONS } from '@huzhu/domain';
import type { Dayjs } from 'dayjs';
import type { CandidateView } from '../../api/types.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { dateOf, today } from '../fund-setup/form-utils.js';
import { VillageSelect } from '../plans/VillageSelect.js';
import { EligibilityList } from './Eligibility.js';
import { useSubmitCandidate, type CandidateKind } from './queries.js';
import { fire } from '../plans/fire.js';

interface CandidateValues {
  villageId: number;
  criteria: string[];
  score: number;
  referenceDate: Dayjs;
}

/**
 * 申报候选村. A new pilot: the notice's criteria as a checklist and the competitive score; a
 * reward-and-expand village: a reference date, and the server's check of each condition.
 */
export function CandidateForm({
  year,
  initialKind,
  open,
  onClose,
}: {
  year: number;
  initialKind: CandidateKind;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<CandidateValues>();
  const [kind, setKind] = useState<CandidateKind>(initialKind);
  const [result, setResult] = useState<CandidateView | null>(null);
  const submit = useSubmitCandidate();
  const { message } = App.useApp();
  return (
    <Modal
      title={`申报 ${String(year)} 年候选村`}
      open={open}
      width={760}
      okText={result === null ? '提交' : '关闭'}
      confirmLoading={submit.isPending}
      onOk={() => {
        if (result === null) form.submit();
        else onClose();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={submit.error} />
      {result !== null ? (
        <div className="candidate-result">
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            title={`已申报：${result.county.name} ${result.township.name} ${result.village.name}`}
          />
          {result.eligibility === null ? (
            <Typography.Paragraph>
              竞争评分 {result.score ?? '—'} 分
              {result.ranking?.qualified === false ? (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  必备条件未满足
                </Tag>
              ) : null}
            </Typography.Paragraph>
          ) : (
            <EligibilityList eligibility={result.eligibility} />
          )}
        </div>
      ) : (
        <>
          <Segmented<CandidateKind>
            value={kind}
            onChange={setKind}
            style={{ marginBottom: 16 }}
            options={[
              { value: 'new_pilot', label: '新启动试点村' },
              { value: 'reward_expand', label: '奖励扩大规模试点村' },
            ]}
          />
          <Form<CandidateValues>
            form={form}
            layout="vertical"
            className="candidate-form"
            initialValues={{ criteria: [], referenceDate: today() }}
            onFinish={(values) => {
              fire(async () => {
                const view = await submit.mutateAsync(
                  kind === 'new_pilot'
                    ? {
                        kind,
                        year,
                        villageId: values.villageId,
                        score: values.score,
                        checklist: Object.fromEntries(
                          NEW_PILOT_CRITERIA.map((c) => [c, values.criteria.includes(c)]),
                        ) as Record<(typeof NEW_PILOT_CRITERIA)[number], boolean>,
                      }
                    : {
                        kind,
                        year,
                        villageId: values.villageId,
                        referenceDate: dateOf(values.referenceDate),
                      },
                );
                message.success(`${view.village.name} 已申报`);
                setResult(view);
              });
            }}
          >
            <Form.Item
              name="villageId"
              label="行政村"
              rules={[{ required: true, message: '请选择村' }]}
            >
              <VillageSelect valueKind="id" placeholder="输入村名查找" />
            </Form.Item>
            {kind === 'new_pilot' ? (
              <>
                <Form.Item name="criteria" label="遴选条件（通知要求）">
                  <Checkbox.Group
                    style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                    options={NEW_PILOT_CRITERIA.map((c) => ({
                      value: c,
                      label: `${NEW_PILOT_CRITERION_DEFINITIONS[c].name}${NEW_PILOT_CRITERION_DEFINITIONS[c].mandatory ? '（必备）' : ''}`,
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  name="score"
                  label="竞争评分（0–100）"
                  rules={[{ required: true, message: '请输入竞争评分' }]}
                >
                  <InputNumber min={0} max={100} precision={0} />
                </Form.Item>
              </>
            ) : (
              <Form.Item
                name="referenceDate"
                label="参照日（按该日账簿审核条件）"
                rules={[{ required: true }]}
              >
                <DatePicker />
              </Form.Item>
            )}
          </Form>
        </>
      )}
    </Modal>
  );
}
