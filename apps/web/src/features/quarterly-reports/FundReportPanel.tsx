import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Popconfirm,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { CloudUploadOutlined, SyncOutlined } from '@ant-design/icons';
import type { Region } from '../../api/types.js';
import { DateText } from '../../ui/DateText.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useCurrentUser } from '../auth/session.js';
import { lastEndedQuarter, periodLabel, type Period } from '../dashboard/period.js';
import { PeriodPicker } from '../dashboard/PeriodPicker.js';
import { canSubmitReports } from './monitoring-access.js';
import {
  useGenerateReport,
  useQuarterlyReport,
  useReportStatus,
  useSubmitReport,
} from './queries.js';
import { ReportDetail } from './ReportDetail.js';
import { ReportStatusTag } from './report-text.js';

/** A report may be (re)generated and submitted while it is missing, a draft, or returned. */
const EDITABLE = new Set(['missing', 'draft', 'returned']);

/**
 * 季报 of one fund (the village's own, or the village chosen in the tree): pick a quarter,
 * 生成草稿 from the books, 提交; then its status, frozen figures, history and unlock requests.
 */
export function FundReportPanel({ fundId, village }: { fundId: number; village: Region }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [period, setPeriod] = useState<Period>(lastEndedQuarter);
  const board = useReportStatus(period, village.id);
  const item = board.data?.items.find((i) => i.fundId === fundId);
  const reportId = item?.reportId ?? null;
  const report = useQuarterlyReport(reportId);
  const generate = useGenerateReport(fundId);
  const submit = useSubmitReport(fundId);
  const mayEdit = canSubmitReports(user.role) && item !== undefined && EDITABLE.has(item.status);
  const error = generate.error ?? submit.error;
  return (
    <div>
      <PageHeader
        title="季报"
        subtitle={`${item?.fundName ?? village.name} · ${periodLabel(period)}`}
        extra={
          mayEdit ? (
            <>
              <Button
                icon={<SyncOutlined />}
                loading={generate.isPending}
                onClick={() => {
                  submit.reset();
                  generate.mutate(period, {
                    onSuccess: () => {
                      void message.success('已从账簿生成季报草稿');
                    },
                  });
                }}
              >
                生成草稿
              </Button>
              <Popconfirm
                title="提交季报"
                description="提交时数据从账簿重新计算并冻结，报区县审核。确定提交？"
                okText="提交"
                onConfirm={() => {
                  generate.reset();
                  submit.mutate(period, {
                    onSuccess: () => {
                      void message.success('季报已提交');
                    },
                  });
                }}
              >
                <Button type="primary" icon={<CloudUploadOutlined />} loading={submit.isPending}>
                  提交
                </Button>
              </Popconfirm>
            </>
          ) : undefined
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center">
          <PeriodPicker value={period} onChange={setPeriod} kinds={['quarter']} endedOnly />
          {item === undefined ? null : (
            <Space size={8} wrap>
              <ReportStatusTag status={item.status} />
              {item.late ? <Tag color="red">逾期报送</Tag> : null}
              {item.corrected ? <Tag color="blue">更正重报</Tag> : null}
              {item.missing ? <Tag color="red">逾期未报</Tag> : null}
              <Typography.Text type="secondary">
                报送截止 <DateText value={board.data?.deadline ?? null} />
              </Typography.Text>
            </Space>
          )}
        </Flex>
      </Card>
      <ErrorAlert error={error} />
      <ErrorAlert error={board.error} />
      {board.isPending ? (
        <Skeleton active />
      ) : reportId === null ? (
        <Card>
          <Empty
            description={
              mayEdit
                ? '本季度尚未生成季报：点击“生成草稿”从账簿计算，核对后提交。'
                : '本季度尚未生成季报。'
            }
          />
        </Card>
      ) : report.isPending ? (
        <Skeleton active />
      ) : report.isError ? (
        <ErrorAlert error={report.error} />
      ) : (
        <>
          {report.data.status === 'draft' && mayEdit ? (
            <Alert
              type="info"
              showIcon
              title="这是草稿：核对数据无误后点击“提交”。"
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <ReportDetail report={report.data} />
        </>
      )}
    </div>
  );
}
