import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Skeleton, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useFunds } from '../funds/queries.js';
import { useCurrentRegion } from '../layout/current-region.js';
import { useProgrammeAccess } from '../plans/programme-access.js';
import { SummaryDocument } from './SummaryDocument.js';
import { SurveysTable } from './SurveysTable.js';
import { TypicalCases } from './TypicalCases.js';
import { annualSummaryDocxUrl, useAnnualSummary } from './queries.js';

/** The funds a survey table lists: those under the region (the server's page limit). */
const FUNDS_PAGE = 200;

/**
 * 年度总结: for the current region and a year, farmers' satisfaction surveys per fund, the
 * typical cases, and the summary document (as on screen, or as Word).
 */
export function AnnualPage() {
  const { region } = useCurrentRegion();
  const access = useProgrammeAccess();
  const [year, setYear] = useState<number>(dayjs().year());
  const funds = useFunds({ regionId: region.id, page: 1, pageSize: FUNDS_PAGE });
  const summary = useAnnualSummary(region.id, year);
  const fundList = funds.data?.items ?? [];
  return (
    <div>
      <PageHeader
        title="年度工作总结"
        subtitle={`${region.name}：运行情况、发放回收、农户意见和典型案例`}
        extra={
          <Flex gap={8} align="center">
            <Typography.Text>年度</Typography.Text>
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs(`${String(year)}-01-01`)}
              disabledDate={(d: Dayjs) => d.year() > dayjs().year()}
              onChange={(value: Dayjs | null) => {
                if (value !== null) setYear(value.year());
              }}
              className="annual-year"
            />
          </Flex>
        }
      />
      <Card title="农户满意度调查" size="small" style={{ marginBottom: 16 }}>
        <ErrorAlert error={funds.error} />
        {funds.isPending ? (
          <Skeleton active />
        ) : (
          <SurveysTable funds={fundList} year={year} canEdit={access.surveys} />
        )}
        {(funds.data?.total ?? 0) > FUNDS_PAGE ? (
          <Typography.Text type="secondary">
            仅列出前 {FUNDS_PAGE} 个互助社，请在左侧区划树中选择下级区划。
          </Typography.Text>
        ) : null}
      </Card>
      <Card title="典型案例" size="small" style={{ marginBottom: 16 }}>
        <TypicalCases regionId={region.id} year={year} funds={fundList} canAdd={access.county} />
      </Card>
      <Card
        title="年度工作总结"
        size="small"
        extra={
          <Button
            icon={<FileWordOutlined />}
            href={annualSummaryDocxUrl(region.id, year)}
            disabled={!summary.isSuccess}
          >
            下载 Word
          </Button>
        }
      >
        {summary.isPending ? (
          <Skeleton active />
        ) : summary.isError ? (
          <ErrorAlert error={summary.error} />
        ) : (
          <SummaryDocument document={summary.data} />
        )}
      </Card>
    </div>
  );
}
