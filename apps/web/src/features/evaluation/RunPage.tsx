import { useEffect, useState } from 'react';
import { Button, Card, Flex, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, EditOutlined, WarningOutlined } from '@ant-design/icons';
import type { EvaluationScheme } from '@huzhu/domain';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { EvaluationRun, EvaluationRunFund } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useProgrammeAccess } from '../plans/programme-access.js';
import { ApproveModal } from './ApproveModal.js';
import { ManualScoreDrawer } from './ManualScoreDrawer.js';
import { GradeTag, OutcomeTag, pointsText, problemTexts } from './evaluation-text.js';
import { rememberRun, useRun, useSchemes } from './queries.js';

type County = EvaluationRun['counties'][number];

function CountySummary({ run }: { run: EvaluationRun }) {
  return (
    <Table<County>
      rowKey="countyId"
      size="small"
      pagination={false}
      className="run-counties"
      dataSource={run.counties}
      columns={[
        { key: 'county', title: '区县', dataIndex: 'county' },
        { key: 'funds', title: '互助社数', dataIndex: 'funds', align: 'right' },
        {
          key: 'average',
          title: '平均分',
          align: 'right',
          render: (_: unknown, c) => (c.averageTenths === null ? '—' : pointsText(c.averageTenths)),
        },
        ...(['excellent', 'good', 'pass', 'fail'] as const).map((grade) => ({
          key: grade,
          title: <GradeTag grade={grade} />,
          align: 'right' as const,
          render: (_: unknown, c: County) => c.grades[grade] ?? 0,
        })),
      ]}
    />
  );
}

function FundsTable({
  run,
  onScore,
  canScore,
}: {
  run: EvaluationRun;
  onScore: (fund: EvaluationRunFund) => void;
  canScore: boolean;
}) {
  return (
    <Table<EvaluationRunFund>
      rowKey="fundId"
      size="small"
      className="run-funds"
      pagination={run.funds.length > 50 ? { pageSize: 50 } : false}
      dataSource={run.funds}
      scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowRender: (f) => (
          <Flex gap={16} wrap>
            {f.dimensions.map((d) => (
              <span key={d.code}>
                {d.name}：{pointsText(d.pointsTenths)} / {pointsText(d.weightTenths)}
              </span>
            ))}
          </Flex>
        ),
      }}
      columns={[
        {
          key: 'rank',
          title: '全市排名',
          dataIndex: 'rankInCity',
          width: 90,
          sorter: (a, b) => (a.rankInCity ?? 1e9) - (b.rankInCity ?? 1e9),
          defaultSortOrder: 'ascend',
        },
        {
          key: 'fund',
          title: '互助社',
          render: (_: unknown, f) => (
            <Link to={`/evaluation/funds/${String(f.fundId)}`}>{f.fundName}</Link>
          ),
        },
        { key: 'county', title: '区县', dataIndex: 'county' },
        {
          key: 'score',
          title: '得分',
          align: 'right',
          sorter: (a, b) => a.totalTenths - b.totalTenths,
          render: (_: unknown, f) => (
            <Typography.Text strong className="fund-score">
              {pointsText(f.totalTenths)}
            </Typography.Text>
          ),
        },
        { key: 'grade', title: '等级', render: (_: unknown, f) => <GradeTag grade={f.grade} /> },
        {
          key: 'rankInCounty',
          title: '县内排名',
          dataIndex: 'rankInCounty',
          align: 'right',
          sorter: (a, b) => (a.rankInCounty ?? 1e9) - (b.rankInCounty ?? 1e9),
        },
        {
          key: 'complete',
          title: '评分',
          render: (_: unknown, f) =>
            f.complete ? (
              <Tag icon={<CheckCircleOutlined />} color="success">
                完整
              </Tag>
            ) : (
              <Tooltip title={problemTexts(f.problems).join('；')}>
                <Tag icon={<WarningOutlined />} color="warning" className="run-incomplete">
                  未完成
                </Tag>
              </Tooltip>
            ),
        },
        {
          key: 'eligible',
          title: '奖励条件',
          render: (_: unknown, f) =>
            f.eligibleForReward ? <Tag color="green">符合</Tag> : <Tag>不符合</Tag>,
        },
        {
          key: 'proposed',
          title: '建议处理',
          render: (_: unknown, f) => (
            <Space size={4}>
              <OutcomeTag outcome={f.proposedOutcome} />
              {f.proposedOutcome === 'rectify' && f.outcomeDeadline !== null ? (
                <Typography.Text type="secondary">
                  限 <DateText value={f.outcomeDeadline} />
                </Typography.Text>
              ) : null}
            </Space>
          ),
        },
        {
          key: 'approved',
          title: '审定处理',
          render: (_: unknown, f) => <OutcomeTag outcome={f.approvedOutcome} />,
        },
        ...(canScore
          ? [
              {
                key: 'actions',
                title: '操作',
                render: (_: unknown, f: EvaluationRunFund) => (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => {
                      onScore(f);
                    }}
                  >
                    人工评分
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** 考评结果: one run's scores, grades, ranks and outcomes; manual scoring and approval. */
export function RunPage() {
  const { runId: param } = useParams();
  const [search] = useSearchParams();
  const runId = Number(param);
  const schemeParam = search.get('scheme');
  const schemeId = schemeParam === null ? null : Number(schemeParam);
  const run = useRun(runId);
  const schemes = useSchemes();
  const access = useProgrammeAccess();
  const [scoring, setScoring] = useState<EvaluationRunFund | null>(null);
  const [approving, setApproving] = useState(false);
  useEffect(() => {
    if (run.data !== undefined) rememberRun({ id: run.data.id, year: run.data.year, schemeId });
  }, [run.data, schemeId]);
  if (run.isPending) return <Skeleton active />;
  if (run.isError) return <ErrorAlert error={run.error} />;
  const scheme: EvaluationScheme | undefined =
    schemeId === null
      ? schemes.data?.default
      : (schemes.data?.items.find((s) => s.id === schemeId)?.scheme ?? schemes.data?.default);
  const data = run.data;
  const open = data.status === 'open';
  const incomplete = data.funds.filter((f) => !f.complete).length;
  return (
    <div>
      <PageHeader
        title={
          <Space>
            {`${String(data.year)} 年度绩效考评`}
            {open ? <Tag color="processing">待审定</Tag> : <Tag color="green">已审定</Tag>}
          </Space>
        }
        subtitle={
          <span>
            批次 {data.id}，考评日期 <DateText value={data.evaluatedOn} />，{data.funds.length}{' '}
            个互助社{incomplete > 0 ? `，${String(incomplete)} 个评分未完成` : ''}
          </span>
        }
        extra={
          <>
            <Link to="/evaluation">
              <Button>返回</Button>
            </Link>
            {access.city && open ? (
              <Button
                type="primary"
                onClick={() => {
                  setApproving(true);
                }}
              >
                审定结果
              </Button>
            ) : null}
          </>
        }
      />
      <Card title="区县汇总" size="small" style={{ marginBottom: 16 }}>
        <CountySummary run={data} />
      </Card>
      <Card title="各互助社得分与排名" size="small">
        <FundsTable
          run={data}
          canScore={access.county && open && scheme !== undefined}
          onScore={setScoring}
        />
      </Card>
      {scheme === undefined ? null : (
        <ManualScoreDrawer
          runId={data.id}
          scheme={scheme}
          fund={scoring}
          onClose={() => {
            setScoring(null);
          }}
        />
      )}
      {approving ? (
        <ApproveModal
          run={data}
          open
          onClose={() => {
            setApproving(false);
          }}
        />
      ) : null}
    </div>
  );
}
