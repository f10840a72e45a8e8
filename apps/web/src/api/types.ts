import type { z } from 'zod';
import type {
  AuditEntry as AuditEntrySchema,
  AuditPage as AuditPageSchema,
  CurrentUser as CurrentUserSchema,
  FundPage as FundPageSchema,
  FundSummary as FundSummarySchema,
  LoginResponse as LoginResponseSchema,
  MeResponse as MeResponseSchema,
  Region as RegionSchema,
  RegionImportProblem as RegionImportProblemSchema,
  RegionImportResult as RegionImportResultSchema,
  RegionLevel as RegionLevelSchema,
  RegionPage as RegionPageSchema,
  RegionRef as RegionRefSchema,
  User as UserSchema,
  UserPage as UserPageSchema,
} from '@huzhu/contract';

/** The API's shapes, inferred from the contract's zod schemas (types only; no zod at runtime). */
export type CurrentUser = z.infer<typeof CurrentUserSchema>;
export type LoginResponse = z.infer<typeof LoginResponseSchema>;
export type MeResponse = z.infer<typeof MeResponseSchema>;
export type RegionLevel = z.infer<typeof RegionLevelSchema>;
export type RegionRef = z.infer<typeof RegionRefSchema>;
export type Region = z.infer<typeof RegionSchema>;
export type RegionPage = z.infer<typeof RegionPageSchema>;
export type RegionImportResult = z.infer<typeof RegionImportResultSchema>;
export type RegionImportProblem = z.infer<typeof RegionImportProblemSchema>;
export type FundSummary = z.infer<typeof FundSummarySchema>;
export type FundPage = z.infer<typeof FundPageSchema>;
export type User = z.infer<typeof UserSchema>;
export type UserPage = z.infer<typeof UserPageSchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;
export type { Role } from '@huzhu/contract';

// ---- The books of a fund (members, loans, ledger, setup) and its reports ----
import type {
  AccountList as AccountListSchema,
  AccountView as AccountViewSchema,
  Bylaws as BylawsSchema,
  FundProfile as FundProfileSchema,
  GroupList as GroupListSchema,
  JointGroup as JointGroupSchema,
  LoanDetail as LoanDetailSchema,
  LoanPage as LoanPageSchema,
  LoanSummary as LoanSummarySchema,
  Member as MemberSchema,
  MemberExitResult as MemberExitResultSchema,
  MemberPage as MemberPageSchema,
  MoneyResult as MoneyResultSchema,
  PeriodList as PeriodListSchema,
  Quote as QuoteSchema,
  ReportModelBody as ReportModelBodySchema,
  RepaymentResult as RepaymentResultSchema,
  VoucherPage as VoucherPageSchema,
  VoucherView as VoucherViewSchema,
  YearEndResult as YearEndResultSchema,
} from '@huzhu/contract';

export type FundProfile = z.infer<typeof FundProfileSchema>;
export type Bylaws = z.infer<typeof BylawsSchema>;
export type Member = z.infer<typeof MemberSchema>;
export type MemberPage = z.infer<typeof MemberPageSchema>;
export type MemberExitResult = z.infer<typeof MemberExitResultSchema>;
export type MoneyResult = z.infer<typeof MoneyResultSchema>;
export type JointGroup = z.infer<typeof JointGroupSchema>;
export type GroupList = z.infer<typeof GroupListSchema>;
export type LoanSummary = z.infer<typeof LoanSummarySchema>;
export type LoanDetail = z.infer<typeof LoanDetailSchema>;
export type LoanPage = z.infer<typeof LoanPageSchema>;
export type LoanStatus = LoanSummary['status'];
export type Quote = z.infer<typeof QuoteSchema>;
export type RepaymentResult = z.infer<typeof RepaymentResultSchema>;
export type AccountView = z.infer<typeof AccountViewSchema>;
export type AccountList = z.infer<typeof AccountListSchema>;
export type VoucherView = z.infer<typeof VoucherViewSchema>;
export type VoucherPage = z.infer<typeof VoucherPageSchema>;
export type PeriodList = z.infer<typeof PeriodListSchema>;
export type YearEndResult = z.infer<typeof YearEndResultSchema>;
export type ReportModel = z.infer<typeof ReportModelBodySchema>;
export type MoneyChannel = 'cash' | 'bank';

// ---- Monitoring: indicators, quarterly reports, warnings ----
import type {
  IndicatorSet as IndicatorSetSchema,
  IndicatorsResponse as IndicatorsResponseSchema,
  IndicatorValue as IndicatorValueSchema,
  QuarterlyReportView as QuarterlyReportViewSchema,
  RegionBreakdown as RegionBreakdownSchema,
  StatusBoard as StatusBoardSchema,
  WarningPage as WarningPageSchema,
  WarningView as WarningViewSchema,
} from '@huzhu/contract';

export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;
export type IndicatorSet = z.infer<typeof IndicatorSetSchema>;
export type IndicatorsResponse = z.infer<typeof IndicatorsResponseSchema>;
export type RegionBreakdown = z.infer<typeof RegionBreakdownSchema>;
export type BreakdownRow = RegionBreakdown['children'][number];
export type IndicatorSource = RegionBreakdown['source'];
export type QuarterlyReport = z.infer<typeof QuarterlyReportViewSchema>;
export type QuarterlyReportStatus = QuarterlyReport['status'];
export type StatusBoard = z.infer<typeof StatusBoardSchema>;
export type StatusBoardItem = StatusBoard['items'][number];
export type WarningView = z.infer<typeof WarningViewSchema>;
export type WarningPage = z.infer<typeof WarningPageSchema>;
export type WarningStatus = WarningView['status'];
export interface WarningEvent {
  action: string;
  toStatus: string;
  actorName: string;
  note: string | null;
  at: string;
}

// ---- The city's programme: plans, selection, evaluation, exit, annual summary ----
import type {
  CandidateList as CandidateListSchema,
  CandidateView as CandidateViewSchema,
  ConfirmReceiptResult as ConfirmReceiptResultSchema,
  EvaluationRunView as EvaluationRunViewSchema,
  ExitFinalCheck as ExitFinalCheckSchema,
  ExitStatus as ExitStatusSchema,
  FundEvaluationHistory as FundEvaluationHistorySchema,
  MonitoringReportDocument as MonitoringReportDocumentSchema,
  PlanIssueResult as PlanIssueResultSchema,
  PlanList as PlanListSchema,
  PlanReceiptList as PlanReceiptListSchema,
  PlanTableBody as PlanTableBodySchema,
  PlanView as PlanViewSchema,
  SurveyList as SurveyListSchema,
  TypicalCaseList as TypicalCaseListSchema,
} from '@huzhu/contract';

export type PlanView = z.infer<typeof PlanViewSchema>;
export type PlanList = z.infer<typeof PlanListSchema>;
export type PlanTable = z.infer<typeof PlanTableBodySchema>;
export type PlanIssueResult = z.infer<typeof PlanIssueResultSchema>;
export type PlanReceiptList = z.infer<typeof PlanReceiptListSchema>;
export type PlanReceipt = PlanReceiptList['items'][number];
export type ConfirmReceiptResult = z.infer<typeof ConfirmReceiptResultSchema>;
export type CandidateView = z.infer<typeof CandidateViewSchema>;
export type CandidateList = z.infer<typeof CandidateListSchema>;
export type EvaluationRun = z.infer<typeof EvaluationRunViewSchema>;
export type EvaluationRunFund = EvaluationRun['funds'][number];
export type FundEvaluationHistory = z.infer<typeof FundEvaluationHistorySchema>;
export type ExitStatus = z.infer<typeof ExitStatusSchema>;
export type ExitFinalCheck = z.infer<typeof ExitFinalCheckSchema>;
export type SurveyList = z.infer<typeof SurveyListSchema>;
export type Survey = SurveyList['items'][number];
export type TypicalCaseList = z.infer<typeof TypicalCaseListSchema>;
export type ProgrammeDocument = z.infer<typeof MonitoringReportDocumentSchema>;
export type ProgrammeBlock = ProgrammeDocument['sections'][number]['blocks'][number];
