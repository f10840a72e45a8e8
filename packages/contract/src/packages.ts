import { z } from 'zod';
import { MAX_MOVEMENT_FEN } from '@huzhu/domain';
import { MonthString } from './common.js';
import { Bylaws, MemberCategory, MoneyChannel, LoanStatus } from './books.js';
import { RealIsoDate } from './reports.js';
import { IndicatorSet, QuarterString } from './monitoring.js';

/**
 * The fund data package (数据包): one fund's complete books as one versioned JSON document, for
 * moving a fund between installations and for archiving. docs/package-format.md is the
 * field-by-field specification. Ids inside the package are the package's own (M1, L1, G1,
 * V2025-11-0001); the importer maps them to new database ids.
 */
export const PACKAGE_FORMAT = 'huzhu-fund-package';
export const PACKAGE_VERSION = 1;
/** The largest package the HTTP import accepts. */
export const MAX_PACKAGE_BYTES = 64 * 1024 * 1024;

// Every amount of a package is one fund's movement or balance: bounded like the API's (17.1).
const LIMIT = { error: 'amount_exceeds_limit' } as const;
const Fen = z.number().int().min(-MAX_MOVEMENT_FEN, LIMIT).max(MAX_MOVEMENT_FEN, LIMIT);
const PositiveFen = z.number().int().min(1).max(MAX_MOVEMENT_FEN, LIMIT);
const NonNegativeFen = z.number().int().min(0).max(MAX_MOVEMENT_FEN, LIMIT);
const PackageId = z.string().min(1).max(40);
const Text = (max: number) => z.string().max(max);
const Timestamp = z.iso.datetime({ offset: true });

export const PackageFund = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9-]{2,32}$/),
  name: z.string().min(1).max(100),
  /** The village (行政村) by its 12-digit 统计用区划代码; the region must exist on import. */
  village: z.strictObject({ code: z.string().regex(/^\d{12}$/), name: z.string().min(1).max(100) }),
  foundedOn: RealIsoDate.nullable(),
  registration: z.strictObject({ no: Text(50), registeredOn: RealIsoDate.nullable() }).nullable(),
  bank: z.strictObject({ name: Text(100), accountNo: Text(40) }).nullable(),
});

export const PackageHouseholdCount = z.strictObject({
  asOf: RealIsoDate,
  totalHouseholds: z.number().int().min(0),
  poorHouseholds: z.number().int().min(0),
});

export const PackageAccount = z.strictObject({
  code: z.string().regex(/^[0-9]{4}([0-9]{2})*$/),
  name: z.string().min(1).max(100),
  kind: z.enum(['asset', 'liability', 'net_assets', 'income', 'expense']),
  parentCode: z.string().nullable(),
});

export const PackageCategoryRecord = z.strictObject({
  effectiveOn: RealIsoDate,
  category: MemberCategory,
  dibao: z.boolean(),
  wubao: z.boolean(),
});

export const PackageShare = z.strictObject({
  kind: z.enum(['contribution', 'refund', 'allotment', 'allotment_return']),
  on: RealIsoDate,
  shares: z.number().int(),
  amountFen: PositiveFen,
  method: MoneyChannel.nullable(),
  voucherId: PackageId.nullable(),
});

export const PackageMember = z.strictObject({
  id: PackageId,
  memberNo: z.number().int().min(1),
  headName: z.string().min(1).max(30),
  idCardNo: z.string(),
  phone: Text(20).nullable(),
  villagerGroup: Text(30).nullable(),
  householdSize: z.number().int().min(1).max(50),
  category: MemberCategory,
  dibao: z.boolean(),
  wubao: z.boolean(),
  joinedOn: RealIsoDate,
  exitedOn: RealIsoDate.nullable(),
  categoryHistory: z.array(PackageCategoryRecord),
  shares: z.array(PackageShare),
});

export const PackageOfficer = z.strictObject({
  memberId: PackageId,
  body: z.enum(['board', 'supervisory']),
  title: z.string().min(1).max(100),
  fromOn: RealIsoDate,
  toOn: RealIsoDate.nullable(),
});

export const PackageGroup = z.strictObject({
  id: PackageId,
  name: z.string().min(1).max(30),
  formedOn: RealIsoDate,
  members: z.array(
    z.strictObject({ memberId: PackageId, joinedOn: RealIsoDate, leftOn: RealIsoDate.nullable() }),
  ),
});

/** The domain's `LoanState` (schedule, fee terms, fee owed) after the loan's last event. */
export const PackageLoanState = z.strictObject({
  originalPrincipalFen: PositiveFen,
  principalFen: NonNegativeFen,
  schedule: z.array(z.strictObject({ dueOn: RealIsoDate, principalFen: PositiveFen })).min(1),
  dueOn: RealIsoDate,
  disbursedOn: RealIsoDate,
  lastSettledOn: RealIsoDate,
  owedNormalFeeFen: NonNegativeFen,
  owedOverdueFeeFen: NonNegativeFen,
  terms: z.strictObject({
    rateBpPerYear: z.number().int().min(0),
    overdueMultiplierPercent: z.number().int().min(0),
    dayCountDaysPerYear: z.number().int().min(1),
  }),
  extensionCount: z.number().int().min(0),
  status: z.enum(['outstanding', 'settled']),
  settledOn: RealIsoDate.nullable(),
});

export const PackageLoanStep = z.strictObject({
  step: z.string().min(1).max(40),
  decision: z.enum(['approved', 'rejected', 'done']),
  on: RealIsoDate,
  actorName: z.string().max(100),
  reason: z.string().max(2000).nullable(),
  /** Free details; a `voucherId` in them is a package voucher id. */
  details: z.record(z.string(), z.unknown()),
  recordedAt: Timestamp,
});

export const PackageRepayment = z.strictObject({
  on: RealIsoDate,
  amountFen: PositiveFen,
  principalFen: NonNegativeFen,
  normalFeeFen: NonNegativeFen,
  overdueFeeFen: NonNegativeFen,
  method: MoneyChannel,
  voucherId: PackageId,
});

export const PackageLoan = z.strictObject({
  id: PackageId,
  loanNo: z.number().int().min(1),
  memberId: PackageId,
  groupId: PackageId.nullable(),
  purpose: z.string().min(1).max(20),
  purposeDetail: z.string().max(200).nullable(),
  amountFen: PositiveFen,
  termMonths: z.number().int().min(1),
  instalments: z.number().int().min(1).max(60),
  appliedOn: RealIsoDate,
  borrowerPoor: z.boolean(),
  firstLoan: z.boolean(),
  status: LoanStatus,
  guarantor1MemberId: PackageId.nullable(),
  guarantor2MemberId: PackageId.nullable(),
  noticeFrom: RealIsoDate.nullable(),
  noticeUntil: RealIsoDate.nullable(),
  contractNo: z.string().max(40).nullable(),
  contractedOn: RealIsoDate.nullable(),
  disbursedOn: RealIsoDate.nullable(),
  disbursementMethod: MoneyChannel.nullable(),
  dueOn: RealIsoDate.nullable(),
  originalDueOn: RealIsoDate.nullable(),
  settledOn: RealIsoDate.nullable(),
  writtenOffOn: RealIsoDate.nullable(),
  writeOffResolution: z.string().max(200).nullable(),
  principalOutstandingFen: NonNegativeFen,
  state: PackageLoanState.nullable(),
  steps: z.array(PackageLoanStep),
  repayments: z.array(PackageRepayment),
});

export const PackageVoucherLine = z.strictObject({
  accountCode: z.string().min(4).max(10),
  side: z.enum(['debit', 'credit']),
  amountFen: Fen,
  subledger: z.strictObject({ kind: z.enum(['loan', 'member']), id: PackageId }).nullable(),
  memo: z.string().max(200).nullable(),
});

export const PackageVoucher = z.strictObject({
  id: PackageId,
  period: MonthString,
  number: z.number().int().min(1),
  date: RealIsoDate,
  kind: z.string().min(1).max(40),
  memo: z.string().max(500),
  reversesVoucherId: PackageId.nullable(),
  recordedAt: Timestamp,
  lines: z.array(PackageVoucherLine),
});

export const PackagePeriodClose = z.strictObject({
  period: MonthString,
  closedAt: Timestamp,
});

/** What the checksum covers. */
export const PackageContent = z.strictObject({
  fund: PackageFund,
  householdCounts: z.array(PackageHouseholdCount),
  bylaws: z.array(Bylaws),
  chartAdditions: z.array(PackageAccount),
  members: z.array(PackageMember),
  officers: z.array(PackageOfficer),
  groups: z.array(PackageGroup),
  loans: z.array(PackageLoan),
  vouchers: z.array(PackageVoucher),
  periodCloses: z.array(PackagePeriodClose),
});
export type PackageContent = z.infer<typeof PackageContent>;

export const FundPackage = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  exportedAt: Timestamp,
  generator: z.string().max(100),
  /** 'sha256:' + hex SHA-256 of the canonical JSON of `content` (keys sorted, no spaces). */
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  content: PackageContent,
});
export type FundPackage = z.infer<typeof FundPackage>;

/** One problem found in a package: where, which field, a code and a Chinese message. */
export const PackageProblem = z.object({
  path: z.string(),
  record: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type PackageProblem = z.infer<typeof PackageProblem>;

/** What an import added to and changed in books already there (a fast-forward). */
export const PackageChanges = z.object({
  added: z.record(z.string(), z.number().int()),
  updated: z.record(z.string(), z.number().int()),
});
export type PackageChanges = z.infer<typeof PackageChanges>;

/**
 * `imported`: a new fund was written; `updated`: the books already here were an earlier state of
 * the package's books and were brought forward (fast-forward); `unchanged`: nothing to do.
 */
export const PackageImportResult = z.object({
  status: z.enum(['imported', 'updated', 'unchanged']),
  fundId: z.number().int(),
  fundCode: z.string(),
  counts: z.object({
    members: z.number().int(),
    loans: z.number().int(),
    vouchers: z.number().int(),
  }),
  changes: PackageChanges.optional(),
});
export type PackageImportResult = z.infer<typeof PackageImportResult>;

/**
 * The report package (季报数据包): a village without network sends its fund package together with
 * the quarter's report generated from those books; the township or county imports both at once.
 */
export const REPORT_PACKAGE_FORMAT = 'huzhu-report-package';
export const REPORT_PACKAGE_VERSION = 1;

/** The indicators snapshot of a quarterly report (`FundIndicators` of the domain). */
export const ReportIndicators = z.strictObject({
  period: QuarterString,
  asOf: RealIsoDate,
  values: IndicatorSet,
});

export const ReportPackage = z.strictObject({
  format: z.literal(REPORT_PACKAGE_FORMAT),
  version: z.literal(REPORT_PACKAGE_VERSION),
  period: QuarterString,
  exportedAt: Timestamp,
  fundPackage: FundPackage,
  report: z.strictObject({ period: QuarterString, indicators: ReportIndicators }),
  /** 'sha256:' + hex SHA-256 of the canonical JSON of `{ period, fundPackage, report }`. */
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
});
export type ReportPackage = z.infer<typeof ReportPackage>;

export const ReportPackageQuery = z.strictObject({ period: QuarterString });

export const ReportPackageImportResult = z.object({
  status: z.enum(['imported', 'unchanged']),
  fundId: z.number().int(),
  fundCode: z.string(),
  period: z.string(),
  reportId: z.number().int(),
  /** What happened to the books: a new fund, brought forward, or already the same. */
  books: z.enum(['imported', 'updated', 'unchanged']),
  checksum: z.string(),
});
export type ReportPackageImportResult = z.infer<typeof ReportPackageImportResult>;
