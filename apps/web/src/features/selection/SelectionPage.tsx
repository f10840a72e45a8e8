import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { NEW_PILOT_CRITERION_DEFINITIONS } from '@huzhu/domain';
import dayjs, { type Dayjs } from 'dayjs';
import type { CandidateView } from '../../api/types.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { Money } from '../../ui/Money.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { RatioText } from '../../ui/RatioText.js';
import { ReportTable } from '../reports/ReportTable.js';
import { useCurrentRegion } from '../layout/current-region.js';
import { useProgrammeAccess } from '../plans/programme-access.js';
import { CandidateForm } from './CandidateForm.js';
import { EligibilityList } from './Eligibility.js';
import {
  attachment2XlsxUrl,
  useAttachment2,
  useCandidates,
  type CandidateKind,
} from './queries.js';

function criterionName(code: string): string {
  const definitions: Readonly<Record<string, { name: string } | undefined>> =
    NEW_PILOT_CRITERION_DEFINITIONS;
  return definitions[code]?.name ?? code;
}

function ratio(value: { numerator: number; denominator: number } | undefined) {
  if (value === undefined) return <span>—</span>;
  return <RatioText value={value.denominator === 0 ? null : value.numerator / value.denominator} />;
}

const place = {
  key: 'position',
  title: '排序',
  width: 64,
  render: (_: unknown, c: CandidateView) => c.ranking?.position ?? '—',
};
const village = {
  key: 'village',
  title: '村',
  render: (_: unknown, c: CandidateView) => (
    <span>
      {c.village.name}
      <Typography.Text type="secondary">
        （{c.county.name} {c.township.name}）
      </Typography.Text>
    </span>
  ),
};

function NewPilots({ year, regionId }: { year: number; regionId: number }) {
  const list = useCandidates(year, 'new_pilot', regionId);
  return (
    <>
      <ErrorAlert error={list.error} />
      <Table<CandidateView>
        rowKey="id"
        size="small"
        className="candidates-new-pilot"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '尚无新启动试点村候选' }}
        columns={[
          place,
          village,
          { key: 'score', title: '竞争评分', dataIndex: 'score', align: 'right' },
          {
            key: 'ranking',
            title: '排序得分',
            align: 'right',
            render: (_: unknown, c) =>
              c.ranking?.rankingScoreTenths === undefined
                ? '—'
                : (c.ranking.rankingScoreTenths / 10).toFixed(1),
          },
          {
            key: 'tourism',
            title: '乡村旅游试点',
            render: (_: unknown, c) =>
              c.checklist.rural_tourism_pilot === true ? <Tag color="blue">优先</Tag> : null,
          },
          {
            key: 'qualified',
            title: '必备条件',
            render: (_: unknown, c) =>
              c.ranking?.qualified === false ? (
                <span>
                  <Tag color="red">未满足</Tag>
                  <Typography.Text type="danger">
                    {(c.ranking.missingCriteria ?? []).map(criterionName).join('、')}
                  </Typography.Text>
                </span>
              ) : (
                <Tag color="green">均满足</Tag>
              ),
          },
        ]}
      />
    </>
  );
}

function RewardExpand({ year, regionId }: { year: number; regionId: number }) {
  const list = useCandidates(year, 'reward_expand', regionId);
  return (
    <>
      <ErrorAlert error={list.error} />
      <Table<CandidateView>
        rowKey="id"
        size="small"
        className="candidates-reward-expand"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '尚无奖励扩大规模试点村候选' }}
        expandable={{
          expandedRowRender: (c) =>
            c.eligibility === null ? null : <EligibilityList eligibility={c.eligibility} />,
        }}
        columns={[
          place,
          village,
          {
            key: 'eligible',
            title: '条件审核',
            render: (_: unknown, c) =>
              c.eligibility?.eligible === true ? (
                <Tag color="green">符合</Tag>
              ) : (
                <Tag color="red">不符合</Tag>
              ),
          },
          { key: 'reference', title: '参照日', dataIndex: 'referenceDate' },
          {
            key: 'rankSum',
            title: '排序位次和',
            align: 'right',
            render: (_: unknown, c) => c.ranking?.rankSum ?? '—',
          },
          {
            key: 'fundTotal',
            title: '资金规模（元）',
            align: 'right',
            render: (_: unknown, c) =>
              c.ranking?.figures === undefined ? (
                '—'
              ) : (
                <Money fen={c.ranking.figures.fundTotalFen} />
              ),
          },
          {
            key: 'members',
            title: '会员户数',
            align: 'right',
            render: (_: unknown, c) => c.ranking?.figures?.members ?? '—',
          },
          {
            key: 'demand',
            title: '待批申请（元）',
            align: 'right',
            render: (_: unknown, c) =>
              c.ranking?.figures === undefined ? (
                '—'
              ) : (
                <Money fen={c.ranking.figures.pendingApplicationsFen} />
              ),
          },
          {
            key: 'turnover',
            title: '周转率',
            align: 'right',
            render: (_: unknown, c) => ratio(c.ranking?.figures?.turnover),
          },
          {
            key: 'recovery',
            title: '回收率',
            align: 'right',
            render: (_: unknown, c) => ratio(c.ranking?.figures?.recoveryRate),
          },
        ]}
      />
    </>
  );
}

function Attachment2({ year, regionId }: { year: number; regionId: number }) {
  const model = useAttachment2(year, regionId, true);
  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button icon={<FileExcelOutlined />} href={attachment2XlsxUrl(year, regionId)}>
          导出 Excel
        </Button>
      </Flex>
      {model.isPending ? (
        <Skeleton active />
      ) : model.isError ? (
        <ErrorAlert error={model.error} />
      ) : (
        <ReportTable model={model.data} />
      )}
    </>
  );
}

/** 试点村遴选: candidates of new pilot and reward-and-expand villages, ranked; 附件2. */
export function SelectionPage() {
  const { region } = useCurrentRegion();
  const access = useProgrammeAccess();
  const [year, setYear] = useState(dayjs().year());
  const [tab, setTab] = useState<CandidateKind | 'attachment'>('new_pilot');
  const [adding, setAdding] = useState(false);
  return (
    <div>
      <PageHeader
        title="试点村遴选"
        subtitle={`${region.name}：新启动试点村竞争入围，奖励扩大规模试点村按条件审核后排序`}
        extra={
          <>
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs(`${String(year)}-01-01`)}
              onChange={(value: Dayjs | null) => {
                if (value !== null) setYear(value.year());
              }}
            />
            {access.county ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => {
                  setAdding(true);
                }}
              >
                申报候选村
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setTab(key as CandidateKind | 'attachment');
          }}
          items={[
            {
              key: 'new_pilot',
              label: '新启动试点村',
              children: <NewPilots year={year} regionId={region.id} />,
            },
            {
              key: 'reward_expand',
              label: '奖励扩大规模试点村',
              children: <RewardExpand year={year} regionId={region.id} />,
            },
            {
              key: 'attachment',
              label: '附件2 统计表',
              children: <Attachment2 year={year} regionId={region.id} />,
            },
          ]}
        />
      </Card>
      {adding ? (
        <CandidateForm
          year={year}
          initialKind={tab === 'reward_expand' ? 'reward_expand' : 'new_pilot'}
          open
          onClose={() => {
            setAdding(false);
          }}
        />
      ) : null}
    </div>
  );
}
