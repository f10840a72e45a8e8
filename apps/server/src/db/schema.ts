import type { Generated, ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface RegionTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: 'city' | 'county' | 'township' | 'village';
  parent_id: number | null;
  path: string;
  created_at: Timestamp;
}

export interface FundTable {
  id: Generated<number>;
  region_id: number;
  code: string;
  name: string;
  founded_on: string | null;
  registration_no: ColumnType<string | null, string | null | undefined, string | null>;
  registered_on: ColumnType<string | null, string | null | undefined, string | null>;
  bank_name: ColumnType<string | null, string | null | undefined, string | null>;
  bank_account_no: ColumnType<string | null, string | null | undefined, string | null>;
  books_changed_at: Timestamp;
  seal_count: Generated<number>;
  seal_head: ColumnType<string | null, string | null | undefined, string | null>;
  warnings_checked_at: ColumnType<
    Date | null,
    Date | string | null | undefined,
    Date | string | null
  >;
  created_at: Timestamp;
}

/** bigint columns: pg returns strings; convert with toSafeInt in the mapper. */
type Int8 = ColumnType<string, number | bigint | string, number | bigint | string>;
type Int8Generated = ColumnType<string, never, never>;

export interface FundHouseholdCountTable {
  fund_id: number;
  as_of: string;
  total_households: number;
  poor_households: number;
}

export interface FundBylawsTable {
  fund_id: number;
  effective_on: string;
  params: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface MemberTable {
  id: Generated<number>;
  fund_id: number;
  member_no: number;
  head_name: string;
  id_card_no: string;
  phone: string | null;
  villager_group: string | null;
  household_size: number;
  category: 'poor' | 'ordinary';
  dibao: boolean;
  wubao: boolean;
  joined_on: string;
  exited_on: string | null;
  created_at: Timestamp;
}

export interface MemberCategoryTable {
  member_id: number;
  effective_on: string;
  category: 'poor' | 'ordinary';
  dibao: boolean;
  wubao: boolean;
}

export interface FundOfficerTable {
  id: Generated<number>;
  fund_id: number;
  member_id: number;
  body: 'board' | 'supervisory';
  title: string;
  from_on: string;
  to_on: string | null;
}

export interface JointGroupTable {
  id: Generated<number>;
  fund_id: number;
  name: string;
  formed_on: string;
}

export interface JointGroupMemberTable {
  group_id: number;
  member_id: number;
  joined_on: string;
  left_on: string | null;
}

export interface AccountTable {
  fund_id: number;
  code: string;
  name: string;
  kind: 'asset' | 'liability' | 'net_assets' | 'income' | 'expense';
  parent_code: string | null;
}

export interface VoucherTable {
  id: Int8Generated;
  fund_id: number;
  period: string;
  number: number;
  date: string;
  kind: string;
  memo: string;
  reverses_voucher_id: Int8 | null;
  created_by: number | null;
  recorded_at: Timestamp;
}

export interface VoucherLineTable {
  voucher_id: Int8;
  line_no: number;
  fund_id: number;
  account_code: string;
  side: 'debit' | 'credit';
  amount_fen: Int8;
  subledger_kind: 'loan' | 'member' | null;
  subledger_id: number | null;
  memo: string | null;
}

export interface VoucherCounterTable {
  fund_id: number;
  period: string;
  last_number: number;
}

export interface PeriodCloseTable {
  fund_id: number;
  period: string;
  closed_at: Timestamp;
  closed_by: number | null;
}

export interface MemberShareTable {
  id: Generated<number>;
  fund_id: number;
  member_id: number;
  kind: 'contribution' | 'refund' | 'allotment' | 'allotment_return';
  on_date: string;
  shares: number;
  amount_fen: Int8;
  method: 'cash' | 'bank' | null;
  voucher_id: Int8 | null;
  created_at: Timestamp;
}

export interface LoanTable {
  id: Generated<number>;
  fund_id: number;
  loan_no: number;
  member_id: number;
  group_id: number | null;
  purpose: string;
  purpose_detail: string | null;
  amount_fen: Int8;
  term_months: number;
  instalments: number;
  applied_on: string;
  borrower_poor: boolean;
  first_loan: boolean;
  status: string;
  guarantor1_member_id: number | null;
  guarantor2_member_id: number | null;
  notice_from: string | null;
  notice_until: string | null;
  contract_no: string | null;
  contracted_on: string | null;
  disbursed_on: string | null;
  disbursement_method: 'cash' | 'bank' | null;
  due_on: string | null;
  original_due_on: string | null;
  settled_on: string | null;
  written_off_on: string | null;
  write_off_resolution: string | null;
  principal_outstanding_fen: ColumnType<
    string,
    number | bigint | string | undefined,
    number | bigint | string
  >;
  state: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface LoanStepTable {
  id: Generated<number>;
  loan_id: number;
  step: string;
  decision: 'approved' | 'rejected' | 'done';
  on_date: string;
  actor_id: number | null;
  actor_name: string;
  reason: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  recorded_at: Timestamp;
}

export interface RepaymentTable {
  id: Generated<number>;
  loan_id: number;
  fund_id: number;
  on_date: string;
  amount_fen: Int8;
  principal_fen: Int8;
  normal_fee_fen: Int8;
  overdue_fee_fen: Int8;
  method: 'cash' | 'bank';
  voucher_id: Int8;
  created_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  region_id: number;
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Timestamp;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface LoginAttemptTable {
  id: Generated<string>;
  username: string;
  ip: string | null;
  succeeded: boolean;
  at: Timestamp;
}

export interface AuditEntityRef {
  type: string;
  id: string;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: number | null;
  username: string | null;
  ip: string | null;
  command: string;
  region_id: number | null;
  region_path: string | null;
  entities: Json<AuditEntityRef[]>;
  details: Json<Record<string, unknown>>;
}

export interface ClientRequestTable {
  request_id: string;
  user_id: number | null;
  command: string;
  payload_hash: string;
  response: Json<unknown>;
  created_at: Timestamp;
}

export interface QuarterlyReportTable {
  id: Generated<number>;
  fund_id: number;
  period: string;
  status: 'draft' | 'submitted' | 'reviewed' | 'returned' | 'locked';
  indicators: ColumnType<unknown, string, string>;
  generated_at: ColumnType<Date, Date | string, Date | string>;
  submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When the report was first handed in; kept through return and resubmission (0014). */
  first_submitted_at: ColumnType<
    Date | null,
    Date | string | null | undefined,
    Date | string | null
  >;
  submitted_by: number | null;
  source: ColumnType<'online' | 'package', 'online' | 'package' | undefined, 'online' | 'package'>;
  package_checksum: string | null;
  reviewed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  reviewed_by: number | null;
  returned_reason: string | null;
  locked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  locked_by: number | null;
}

export interface QuarterlyReportEventTable {
  id: Generated<number>;
  report_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string;
  reason: string | null;
  at: Timestamp;
}

export interface UnlockRequestTable {
  id: Generated<number>;
  report_id: number;
  reason: string;
  requested_by: number | null;
  requested_at: Timestamp;
  status: ColumnType<
    'pending' | 'approved' | 'rejected',
    'pending' | 'approved' | 'rejected' | undefined,
    'pending' | 'approved' | 'rejected'
  >;
  decided_by: number | null;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  decision_note: string | null;
}

export interface WarningThresholdTable {
  region_id: number;
  thresholds: Json<Record<string, unknown>>;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface FundWarningTable {
  id: Generated<number>;
  fund_id: number;
  code: string;
  subject: string;
  severity: 'high' | 'medium' | 'low';
  message: string;
  evidence: Json<Record<string, unknown>>;
  status: 'open' | 'acknowledged' | 'resolved';
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface FundWarningEventTable {
  id: Generated<number>;
  warning_id: number;
  action: string;
  to_status: string;
  actor_id: number | null;
  actor_name: string;
  note: string | null;
  at: Timestamp;
}

export interface AssemblyMeetingTable {
  id: Generated<number>;
  fund_id: number;
  held_on: string;
  subject: string;
  attendees: number | null;
}

type NullableDate = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface YearlyPlanTable {
  id: Generated<number>;
  region_id: number;
  year: number;
  title: string;
  document_no: string | null;
  issuing_office: string;
  issued_on: string | null;
  standard_amount_fen: Int8;
  status: 'draft' | 'issued';
  plan: Json<unknown>;
  created_by: number | null;
  created_at: Timestamp;
  issued_by: number | null;
  issued_at: NullableDate;
}

export interface PlanAllocationReceiptTable {
  id: Generated<number>;
  plan_id: number;
  line_no: number;
  fund_id: number;
  category: string;
  source: string;
  amount_fen: Int8;
  received_on: string | null;
  voucher_id: Int8 | null;
}

export interface SelectionCandidateTable {
  id: Generated<number>;
  year: number;
  kind: 'new_pilot' | 'reward_expand';
  village_id: number;
  checklist: Json<Record<string, unknown>>;
  score: number | null;
  reference_date: string | null;
  eligibility: ColumnType<unknown, string | null | undefined, string | null>;
  submitted_by: number | null;
  submitted_at: Timestamp;
}

export interface EvaluationSchemeTable {
  id: Generated<number>;
  region_id: number;
  name: string;
  scheme: Json<unknown>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface EvaluationRunTable {
  id: Generated<number>;
  region_id: number;
  year: number;
  scheme_id: number;
  evaluated_on: string;
  status: 'open' | 'approved';
  created_by: number | null;
  created_at: Timestamp;
  approved_by: number | null;
  approved_at: NullableDate;
}

export interface EvaluationResultTable {
  run_id: number;
  fund_id: number;
  indicators: Json<unknown>;
  manual_scores: Json<Record<string, unknown>>;
  score: Json<unknown>;
  total_tenths: number;
  grade: string;
  rank_in_county: number | null;
  rank_in_city: number | null;
  proposed_outcome: string;
  approved_outcome: string | null;
  outcome_deadline: string | null;
}

export interface RectificationTaskTable {
  id: Generated<number>;
  fund_id: number;
  run_id: number | null;
  description: string;
  deadline: string;
  status: 'open' | 'done' | 'overdue';
  evidence: string | null;
  closed_on: string | null;
  created_at: Timestamp;
}

export interface FundExitTable {
  fund_id: number;
  decided_on: string;
  reason: string;
  closed_on: string | null;
  final_check: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface SatisfactionSurveyTable {
  fund_id: number;
  year: number;
  respondents: number;
  satisfied: number;
  neutral: number;
  dissatisfied: number;
  opinions: string;
}

export interface TypicalCaseTable {
  id: Generated<number>;
  region_id: number;
  year: number;
  fund_id: number | null;
  title: string;
  body: string;
}

export interface VoucherSealTable {
  fund_id: number;
  seq: number;
  voucher_id: Int8;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

export interface Database {
  region: RegionTable;
  fund: FundTable;
  app_user: AppUserTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  client_request: ClientRequestTable;
  schema_migration: SchemaMigrationTable;
  fund_household_count: FundHouseholdCountTable;
  fund_bylaws: FundBylawsTable;
  member: MemberTable;
  member_category: MemberCategoryTable;
  fund_officer: FundOfficerTable;
  joint_group: JointGroupTable;
  joint_group_member: JointGroupMemberTable;
  account: AccountTable;
  voucher: VoucherTable;
  voucher_line: VoucherLineTable;
  voucher_counter: VoucherCounterTable;
  period_close: PeriodCloseTable;
  member_share: MemberShareTable;
  loan: LoanTable;
  loan_step: LoanStepTable;
  repayment: RepaymentTable;
  quarterly_report: QuarterlyReportTable;
  quarterly_report_event: QuarterlyReportEventTable;
  unlock_request: UnlockRequestTable;
  warning_threshold: WarningThresholdTable;
  fund_warning: FundWarningTable;
  fund_warning_event: FundWarningEventTable;
  assembly_meeting: AssemblyMeetingTable;
  yearly_plan: YearlyPlanTable;
  plan_allocation_receipt: PlanAllocationReceiptTable;
  selection_candidate: SelectionCandidateTable;
  evaluation_scheme: EvaluationSchemeTable;
  evaluation_run: EvaluationRunTable;
  evaluation_result: EvaluationResultTable;
  rectification_task: RectificationTaskTable;
  fund_exit: FundExitTable;
  satisfaction_survey: SatisfactionSurveyTable;
  typical_case: TypicalCaseTable;
  voucher_seal: VoucherSealTable;
}
