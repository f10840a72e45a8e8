import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Select, Skeleton, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { REPORT_NAMES, REPORT_PARAMETERS, REPORT_TITLES, type ReportName } from '@huzhu/contract';
import dayjs, { type Dayjs } from 'dayjs';
import { PageHeader } from '../../ui/PageHeader.js';
import { BooksErrorAlert } from '../fund-setup/BooksErrorAlert.js';
import { BooksFundGate } from '../fund-setup/books-fund.js';
import { dateOf, disabledFuture } from '../fund-setup/form-utils.js';
import { useFund } from '../funds/queries.js';
import { MemberSelect } from '../members/MemberSelect.js';
import { ReportTable } from './ReportTable.js';
import { publicNoticePrintUrl, reportXlsxUrl, useReport, type ReportParams } from './queries.js';

function Reports({ fundId }: { fundId: number }) {
  const fund = useFund(fundId);
  const [report, setReport] = useState<ReportName>('trial-balance');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const [memberId, setMemberId] = useState<number | undefined>(undefined);
  const wants = REPORT_PARAMETERS[report];
  const params: ReportParams = {
    asOf: dateOf(asOf),
    from: dateOf(range[0]),
    through: dateOf(range[1]),
    memberId,
  };
  const ready = !wants.member || memberId !== undefined;
  const model = useReport(fundId, report, params, ready);
  return (
    <div>
      <PageHeader
        title="报表"
        subtitle={fund.data?.name}
        extra={
          <>
            <Button
              icon={<FileExcelOutlined />}
              href={reportXlsxUrl(fundId, report, params)}
              disabled={!ready}
            >
              导出 Excel
            </Button>
            {report === 'public-notice' ? (
              <Button
                icon={<PrinterOutlined />}
                href={publicNoticePrintUrl(fundId, params.asOf)}
                target="_blank"
              >
                打印公示
              </Button>
            ) : (
              <Button
                icon={<PrinterOutlined />}
                onClick={() => {
                  window.print();
                }}
              >
                打印
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} className="report-params">
          <Select<ReportName>
            value={report}
            style={{ width: 180 }}
            options={REPORT_NAMES.map((name) => ({ value: name, label: REPORT_TITLES[name] }))}
            onChange={setReport}
            className="report-select"
          />
          {wants.dates === 'range' ? (
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              disabledDate={disabledFuture}
              onChange={(value) => {
                const [from, through] = value ?? [];
                if (from != null && through != null) setRange([from, through]);
              }}
            />
          ) : (
            <Flex gap={8} align="center">
              <Typography.Text>截至</Typography.Text>
              <DatePicker
                value={asOf}
                allowClear={false}
                disabledDate={disabledFuture}
                onChange={(value: Dayjs | null) => {
                  if (value !== null) setAsOf(value);
                }}
              />
            </Flex>
          )}
          {wants.member ? (
            <div style={{ width: 260 }}>
              <MemberSelect
                fundId={fundId}
                value={memberId}
                onChange={(value) => {
                  setMemberId(typeof value === 'number' ? value : undefined);
                }}
                placeholder="选择会员"
              />
            </div>
          ) : null}
        </Flex>
        {!ready ? (
          <Typography.Text type="secondary">请选择会员</Typography.Text>
        ) : model.isPending ? (
          <Skeleton active />
        ) : model.isError ? (
          <BooksErrorAlert error={model.error} />
        ) : (
          <ReportTable model={model.data} />
        )}
      </Card>
    </div>
  );
}

/** 报表: any report of the fund on screen, as .xlsx, or printed. */
export function ReportsPage() {
  return <BooksFundGate>{(fundId) => <Reports key={fundId} fundId={fundId} />}</BooksFundGate>;
}
