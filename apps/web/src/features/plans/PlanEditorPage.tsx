import { useEffect, useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  DeleteOutlined,
  FileExcelOutlined,
  PlusOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  PLAN_CATEGORIES,
  PLAN_CATEGORY_NAMES,
  PLAN_SOURCES,
  PLAN_SOURCE_NAMES,
  STANDARD_VILLAGE_AMOUNT_FEN,
} from '@huzhu/domain';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { PlanView } from '../../api/types.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemsAlert } from './ProblemsAlert.js';
import { ReconciliationPanel } from './ReconciliationPanel.js';
import { UnitReportTable } from './UnitReportTable.js';
import { VillageSelect } from './VillageSelect.js';
import {
  bodyOfValues,
  emptyPlanValues,
  NEW_LINE,
  sourceOfCategory,
  valuesOfPlan,
  type PlanValues,
} from './plan-form.js';
import { useProgrammeAccess } from './programme-access.js';
import {
  attachment1XlsxUrl,
  useAttachment1,
  useCounties,
  useIssuePlan,
  usePlan,
  usePlanPreview,
  useSavePlan,
} from './queries.js';
import { parseWanYuan, wanText } from './wan-yuan.js';
import { fire } from './fire.js';

/** A value that settles `delay` ms after its last change (the preview is not asked per key). */
function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, delay);
    return () => {
      clearTimeout(timer);
    };
  }, [value, delay]);
  return settled;
}

const WAN_RULE = {
  validator: async (_rule: unknown, value: string | undefined) => {
    if (value === undefined || value.trim() === '') return;
    if (parseWanYuan(value) === null) throw new Error('请输入万元金额（最多六位小数）');
  },
};

export const PLAN_STATUS_TAGS: Readonly<
  Record<PlanView['status'], { color: string; text: string }>
> = {
  draft: { color: 'default', text: '草稿' },
  issued: { color: 'green', text: '已下达' },
  preview: { color: 'blue', text: '核对中' },
};

function PlanEditor({ plan }: { plan: PlanView | null }) {
  const access = useProgrammeAccess();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const initial = useMemo(() => (plan === null ? emptyPlanValues() : valuesOfPlan(plan)), [plan]);
  const [values, setValues] = useState<PlanValues>(initial);
  const [dirty, setDirty] = useState(plan === null);
  const editable = access.city && (plan === null || plan.status === 'draft');
  const body = useMemo(() => bodyOfValues(values), [values]);
  const settledBody = useDebounced(body, 400);
  const preview = usePlanPreview(editable && dirty ? settledBody : null);
  const save = useSavePlan(plan?.id ?? null);
  const issue = useIssuePlan(plan?.id ?? 0);
  const counties = useCounties();
  const attachment = useAttachment1(plan?.id ?? 0, plan !== null && !dirty);
  const standardFen = parseWanYuan(values.standardWan) ?? STANDARD_VILLAGE_AMOUNT_FEN;
  const villageNames = new Map(
    (plan?.allocations ?? []).flatMap((line) =>
      line.villageCode === null || line.villageName === null
        ? []
        : [[line.villageCode, line.villageName] as const],
    ),
  );
  const countyOptions = (counties.data?.items ?? []).map((c) => ({
    value: c.code,
    label: c.name,
  }));
  const shown: PlanView | undefined = dirty || plan === null ? preview.data : plan;

  async function onSave() {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const saved = await save.mutateAsync(bodyOfValues(form.getFieldsValue(true) as PlanValues));
    setDirty(false);
    message.success(`计划已保存：${saved.title}`);
    if (plan === null && saved.id !== null) await navigate(`/plans/${String(saved.id)}`);
  }

  return (
    <div>
      <PageHeader
        title={
          <Space>
            {plan === null ? '新建年度计划' : plan.title}
            {plan === null ? null : (
              <Tag color={PLAN_STATUS_TAGS[plan.status].color}>
                {PLAN_STATUS_TAGS[plan.status].text}
              </Tag>
            )}
          </Space>
        }
        subtitle={
          plan?.status === 'issued'
            ? `${plan.issuedOn ?? ''} 已下达；到位确认 ${String(plan.receipts.received)}/${String(plan.receipts.count)} 笔`
            : '预算按资金来源（万元），分配到区县和村；结余如实列出，超出预算不能下达'
        }
        extra={
          <>
            <Button
              onClick={() => {
                void navigate('/plans');
              }}
            >
              返回列表
            </Button>
            {editable ? (
              <Button
                icon={<SaveOutlined />}
                loading={save.isPending}
                onClick={() => {
                  void onSave().catch(() => undefined);
                }}
              >
                保存草稿
              </Button>
            ) : null}
            {editable && plan !== null ? (
              <Popconfirm
                title="下达计划"
                description="下达后计划不能再修改，各村的资金到位确认随之生成。"
                okText="下达"
                cancelText="取消"
                disabled={dirty || !plan.canIssue}
                onConfirm={() => {
                  fire(async () => {
                    const result = await issue.mutateAsync();
                    message.success(
                      `计划已下达，生成资金到位确认 ${String(result.receiptsCreated)} 笔`,
                    );
                  });
                }}
              >
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  disabled={dirty || !plan.canIssue}
                  loading={issue.isPending}
                  className="plan-issue"
                >
                  下达
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <ProblemsAlert error={save.error} className="plan-save-error" />
      <ErrorAlert error={issue.error} />
      <Form<PlanValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={!editable}
        className="plan-form"
        onValuesChange={() => {
          setValues({ ...(form.getFieldsValue(true) as PlanValues) });
          setDirty(true);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} xl={10}>
            <Card title="计划信息" size="small" style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col span={24}>
                  <Form.Item
                    name="title"
                    label="计划名称"
                    rules={[{ required: true, whitespace: true, message: '请输入计划名称' }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item
                    name="year"
                    label="年度"
                    rules={[{ required: true, message: '请输入年度' }]}
                  >
                    <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={16}>
                  <Form.Item name="documentNumber" label="文号">
                    <Input maxLength={60} placeholder="渝扶办发〔2012〕93号" />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item
                    name="issuingOffice"
                    label="发文机关"
                    rules={[{ required: true, whitespace: true, message: '请输入发文机关' }]}
                  >
                    <Input maxLength={200} placeholder="重庆市扶贫开发办公室　重庆市财政局" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="issuedOn" label="成文日期" tooltip="不填则为下达当日">
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="standardWan"
                    label="每村标准补助（万元）"
                    rules={[{ required: true, message: '请输入标准补助' }, WAN_RULE]}
                  >
                    <Input inputMode="decimal" suffix="万元" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            <Card title="预算（按资金来源）" size="small" style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                {PLAN_SOURCES.map((source) => (
                  <Col span={8} key={source}>
                    <Form.Item
                      name={['budget', source]}
                      label={`${PLAN_SOURCE_NAMES[source]}（万元）`}
                      rules={[WAN_RULE]}
                    >
                      <Input inputMode="decimal" suffix="万元" placeholder="不安排" />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card
              title={
                <Space>
                  核对结果
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                    {dirty || plan === null ? '（按当前录入，未保存）' : '（已保存）'}
                  </Typography.Text>
                </Space>
              }
              size="small"
              style={{ marginBottom: 16 }}
              loading={shown === undefined && preview.isFetching}
            >
              {preview.isError && (dirty || plan === null) ? (
                <ErrorAlert error={preview.error} />
              ) : null}
              {shown === undefined ? (
                <Empty description="录入预算和分配后显示核对结果" />
              ) : (
                <ReconciliationPanel plan={shown} />
              )}
              {plan !== null && editable && dirty ? (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  有未保存的修改：保存后才能下达。
                </Typography.Paragraph>
              ) : null}
            </Card>
          </Col>
        </Row>
        <Card title="分配（按区县、村）" size="small" style={{ marginBottom: 16 }}>
          <Form.List name="allocations">
            {(fields, { add, remove }) => (
              <>
                <Table
                  className="plan-allocations"
                  size="small"
                  bordered
                  pagination={false}
                  rowKey="key"
                  dataSource={fields}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    {
                      key: 'no',
                      title: '序号',
                      width: 56,
                      render: (_: unknown, _field, index) => index + 1,
                    },
                    {
                      key: 'county',
                      title: '区县',
                      render: (_: unknown, field) => (
                        <Form.Item
                          name={[field.name, 'countyCode']}
                          rules={[{ required: true, message: '请选择区县' }]}
                          style={{ margin: 0 }}
                        >
                          <Select
                            showSearch={{ optionFilterProp: 'label' }}
                            options={countyOptions}
                            placeholder="选择区县"
                            style={{ width: 170 }}
                            className="plan-county"
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      key: 'village',
                      title: '村（可选）',
                      render: (_: unknown, field) => {
                        const line = values.allocations?.[field.name];
                        const code = line?.villageCode ?? null;
                        return (
                          <Form.Item name={[field.name, 'villageCode']} style={{ margin: 0 }}>
                            <VillageSelect
                              countyCode={line?.countyCode}
                              knownName={code === null ? null : villageNames.get(code)}
                              style={{ width: 220 }}
                              className="plan-village"
                            />
                          </Form.Item>
                        );
                      },
                    },
                    {
                      key: 'category',
                      title: '类别',
                      render: (_: unknown, field) => (
                        <Form.Item name={[field.name, 'category']} style={{ margin: 0 }}>
                          <Select
                            style={{ width: 170 }}
                            className="plan-category"
                            options={PLAN_CATEGORIES.map((c) => ({
                              value: c,
                              label: PLAN_CATEGORY_NAMES[c],
                            }))}
                            onChange={(category: (typeof PLAN_CATEGORIES)[number]) => {
                              form.setFieldValue(
                                ['allocations', field.name, 'source'],
                                sourceOfCategory(category),
                              );
                            }}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      key: 'source',
                      title: '资金来源',
                      render: (_: unknown, field) => (
                        <Form.Item name={[field.name, 'source']} style={{ margin: 0 }}>
                          <Select
                            style={{ width: 140 }}
                            className="plan-source"
                            options={PLAN_SOURCES.map((s) => ({
                              value: s,
                              label: PLAN_SOURCE_NAMES[s],
                            }))}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      key: 'count',
                      title: '村数',
                      render: (_: unknown, field) => {
                        const named =
                          (values.allocations?.[field.name]?.villageCode ?? null) !== null;
                        return (
                          <Form.Item
                            name={[field.name, 'villageCount']}
                            style={{ margin: 0 }}
                            rules={[{ required: !named, message: '请输入村数' }]}
                          >
                            <InputNumber
                              min={1}
                              max={100000}
                              precision={0}
                              disabled={named || !editable}
                              style={{ width: 80 }}
                              className="plan-count"
                            />
                          </Form.Item>
                        );
                      },
                    },
                    {
                      key: 'amount',
                      title: '金额（万元）',
                      render: (_: unknown, field) => {
                        const line = values.allocations?.[field.name];
                        const count =
                          (line?.villageCode ?? null) !== null ? 1 : (line?.villageCount ?? 0);
                        return (
                          <Form.Item
                            name={[field.name, 'amountWan']}
                            style={{ margin: 0 }}
                            rules={[WAN_RULE]}
                          >
                            <Input
                              inputMode="decimal"
                              style={{ width: 130 }}
                              className="plan-amount"
                              placeholder={`标准 ${wanText(standardFen * count)}`}
                            />
                          </Form.Item>
                        );
                      },
                    },
                    {
                      key: 'remark',
                      title: '备注',
                      render: (_: unknown, field) => (
                        <Form.Item name={[field.name, 'remark']} style={{ margin: 0 }}>
                          <Input maxLength={200} style={{ width: 160 }} />
                        </Form.Item>
                      ),
                    },
                    ...(editable
                      ? [
                          {
                            key: 'actions',
                            title: '',
                            width: 48,
                            render: (_: unknown, field: { name: number }) => (
                              <Button
                                type="text"
                                danger
                                aria-label="删除此行"
                                icon={<DeleteOutlined />}
                                onClick={() => {
                                  remove(field.name);
                                }}
                              />
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
                {editable ? (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    style={{ marginTop: 12 }}
                    className="plan-add-line"
                    onClick={() => {
                      add({ ...NEW_LINE });
                    }}
                  >
                    添加分配行
                  </Button>
                ) : null}
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  金额不填即按每村标准补助 × 村数；指定村的行村数为
                  1。奖励扩大规模试点村须为已组建互助社的村，累计财政投入原则上不超过 50 万元。
                </Typography.Paragraph>
              </>
            )}
          </Form.List>
        </Card>
      </Form>
      {plan === null ? null : (
        <Card
          title="附件1 计划表"
          size="small"
          className="plan-attachment-1"
          extra={
            <Button
              icon={<FileExcelOutlined />}
              href={attachment1XlsxUrl(plan.id ?? 0)}
              disabled={dirty}
            >
              导出 Excel
            </Button>
          }
        >
          {dirty ? (
            <Typography.Text type="secondary">保存后显示附件1。</Typography.Text>
          ) : attachment.isPending ? (
            <Skeleton active />
          ) : attachment.isError ? (
            <ErrorAlert error={attachment.error} />
          ) : (
            <UnitReportTable
              model={attachment.data}
              moneyUnit="wan_yuan"
              columnGroups={attachment.data.columnGroups}
            />
          )}
        </Card>
      )}
    </div>
  );
}

/** 年度计划: enter a plan's budget and allocations, see the server's reconciliation, issue it. */
export function PlanEditorPage() {
  const { planId } = useParams();
  const id = planId === undefined || planId === 'new' ? null : Number(planId);
  const plan = usePlan(id !== null && Number.isInteger(id) ? id : null);
  const access = useProgrammeAccess();
  if (id === null) {
    if (!access.city)
      return <Result status="403" title="无权新建计划" subTitle="年度计划由市级录入和下达" />;
    return <PlanEditor key="new" plan={null} />;
  }
  if (plan.isPending) return <Skeleton active />;
  if (plan.isError)
    return (
      <Flex vertical gap={12}>
        <ErrorAlert error={plan.error} />
        <Link to="/plans">返回列表</Link>
      </Flex>
    );
  // Keyed by the saved state, so a save or an issue re-reads the form from the server's view.
  return (
    <PlanEditor
      key={`${String(id)}-${plan.data.status}-${String(plan.dataUpdatedAt)}`}
      plan={plan.data}
    />
  );
}
