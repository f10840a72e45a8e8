import { useQuery } from '@tanstack/react-query';
import { REPORT_PARAMETERS, type ReportName } from '@huzhu/contract';
import { apiGet, apiUrl } from '../../api/client.js';
import type { ReportModel } from '../../api/types.js';
import { booksKey } from '../fund-setup/queries.js';

export interface ReportParams {
  asOf?: string | undefined;
  from?: string | undefined;
  through?: string | undefined;
  memberId?: number | undefined;
}

/** Only the parameters the report reads (the others would be refused or ignored). */
export function reportQuery(report: ReportName, params: ReportParams): ReportParams {
  const wants = REPORT_PARAMETERS[report];
  return {
    ...(wants.dates === 'asOf'
      ? { asOf: params.asOf }
      : { from: params.from, through: params.through }),
    ...(wants.member ? { memberId: params.memberId } : {}),
  };
}

export function useReport(
  fundId: number,
  report: ReportName,
  params: ReportParams,
  enabled = true,
) {
  const query = reportQuery(report, params);
  return useQuery({
    queryKey: [...booksKey(fundId), 'report', report, query],
    queryFn: () => apiGet<ReportModel>(`/funds/${String(fundId)}/reports/${report}`, { ...query }),
    enabled,
  });
}

/** The .xlsx of a report (the same model as the screen), downloaded by the browser. */
export function reportXlsxUrl(fundId: number, report: ReportName, params: ReportParams): string {
  return apiUrl(`/funds/${String(fundId)}/reports/${report}`, {
    ...reportQuery(report, params),
    format: 'xlsx',
  });
}

/** The printable 借款公示 page. */
export function publicNoticePrintUrl(fundId: number, asOf: string | undefined): string {
  return apiUrl(`/funds/${String(fundId)}/reports/public-notice/print`, { asOf });
}

/** The printable 记账凭证 page (with 大写金额). */
export function voucherPrintUrl(fundId: number, voucherId: number): string {
  return apiUrl(`/funds/${String(fundId)}/vouchers/${String(voucherId)}/print`);
}
