import { useState } from 'react';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  InputNumber,
  List,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { CopyOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { EvaluationScheme } from '@huzhu/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { dateOf } from '../fund-setup/form-utils.js';
import { useProgrammeAccess } from '../plans/programme-access.js';
import { SchemeEditor } from './SchemeEditor.js';
import { SchemeView } from './SchemeView.js';
import { recentRuns, rememberRun, useSchemes, useStartRun } from './queries.js';
import { fire } from '../plans/fire.js';

/** The path of a run's page; the scheme it used is kept in the URL (the run view lacks it). */
export function runPath(runId: number, schemeId: number | null): string {
  return `/evaluation/runs/${String(runId)}${schemeId === null ? '' : `?scheme=${String(schemeId)}`}`;
}

function StartRun({ schemes }: { schemes: { value: number | null; label: string }[] }) {
  const start = useStartRun();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ year: number; evaluatedOn: Dayjs; schemeId: number | null }>();
  return (
    <Card title="开展年度考评" size="small" style={{ marginBottom: 16 }}>
      <ErrorAlert error={start.error} />
      <Form
        form={form}
        layout="inline"
        className="start-run-form"
        initialValues={{ year: dayjs().year(), evaluatedOn: dayjs(), schemeId: null }}
        onFinish={(values) => {
          fire(async () => {
            const run = await start.mutateAsync({
              year: values.year,
              evaluatedOn: dateOf(values.evaluatedOn),
              ...(values.schemeId === null ? {} : { schemeId: values.schemeId }),
            });
            rememberRun({ id: run.id, year: run.year, schemeId: values.schemeId });
            await navigate(runPath(run.id, values.schemeId));
          });
        }}
      >
        <Form.Item name="year" label="考评年度" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="evaluatedOn" label="考评日期" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="schemeId" label="考评方案">
          <Select options={schemes} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlayCircleOutlined />}
            loading={start.isPending}
          >
            开始考评
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        自动指标按考评日期从各社账簿计算；人工评分项由区县录入后，市级审定考评结果。
      </Typography.Paragraph>
    </Card>
  );
}

function OpenRun() {
  const navigate = useNavigate();
  const [runId, setRunId] = useState<number | null>(null);
  const recent = recentRuns();
  return (
    <Card title="查看考评结果" size="small" style={{ marginBottom: 16 }}>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>考评批次号</Typography.Text>
        <InputNumber
          min={1}
          precision={0}
          value={runId}
          onChange={(value) => {
            setRunId(value);
          }}
          className="open-run-id"
        />
        <Button
          disabled={runId === null}
          onClick={() => {
            if (runId !== null) void navigate(runPath(runId, null));
          }}
        >
          打开
        </Button>
      </Flex>
      <List
        size="small"
        header="本机最近开展或查看的考评"
        locale={{ emptyText: '暂无' }}
        dataSource={recent}
        renderItem={(run) => (
          <List.Item>
            <Link to={runPath(run.id, run.schemeId)}>
              {run.year} 年度考评（批次 {run.id}）
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 绩效考评: the scheme in use, saving a modified copy, starting a year's run, opening one. */
export function EvaluationPage() {
  const schemes = useSchemes();
  const access = useProgrammeAccess();
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  if (schemes.isPending) return <Skeleton active />;
  if (schemes.isError) return <ErrorAlert error={schemes.error} />;
  const options: { value: number | null; label: string }[] = [
    { value: null, label: `默认方案：${schemes.data.default.name}` },
    ...schemes.data.items.map((s) => ({ value: s.id, label: s.name })),
  ];
  const scheme: EvaluationScheme =
    schemes.data.items.find((s) => s.id === selected)?.scheme ?? schemes.data.default;
  return (
    <div>
      <PageHeader title="绩效考评" subtitle="按考评方案为各互助社评分、定级、排名并提出处理建议" />
      <Row gutter={16}>
        {access.city ? (
          <Col xs={24} xl={14}>
            <StartRun schemes={options} />
          </Col>
        ) : null}
        <Col xs={24} xl={access.city ? 10 : 24}>
          <OpenRun />
        </Col>
      </Row>
      <Card
        title="考评方案"
        size="small"
        extra={
          <Flex gap={8}>
            <Select
              value={selected}
              options={options}
              onChange={setSelected}
              style={{ width: 300 }}
              className="scheme-select"
            />
            {access.city ? (
              <Button
                icon={<CopyOutlined />}
                onClick={() => {
                  setEditing(true);
                }}
              >
                另存为新方案
              </Button>
            ) : null}
          </Flex>
        }
      >
        <SchemeView scheme={scheme} />
      </Card>
      {editing ? (
        <SchemeEditor
          base={scheme}
          open
          onClose={() => {
            setEditing(false);
          }}
        />
      ) : null}
    </div>
  );
}
