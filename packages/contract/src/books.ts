import { z } from 'zod';
import { MAX_MOVEMENT_FEN } from '@huzhu/domain';
import { IsoDateString, LongText, MonthString, PageQuery, pageOf, ShortText } from './common.js';

/** An amount in fen (分): a positive integer up to MAX_MOVEMENT_FEN (1亿元). 1 元 = 100 fen. */
export const AmountFen = z
  .number()
  .int()
  .min(1)
  .max(MAX_MOVEMENT_FEN, { error: 'amount_exceeds_limit' });
export const MoneyChannel = z.enum(['cash', 'bank']);
/** A client request id (8–100 chars, e.g. a UUID): a retry with the same id moves money once. */
export const RequestId = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/);

export const FundParam = z.strictObject({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
export const MemberParam = FundParam.extend({
  memberId: z.coerce.number().int().min(1).max(2_147_483_647),
}).strict();
export const LoanParam = FundParam.extend({
  loanId: z.coerce.number().int().min(1).max(2_147_483_647),
}).strict();
export const VoucherParam = FundParam.extend({
  voucherId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
}).strict();
export const PeriodParam = FundParam.extend({ period: MonthString }).strict();

// ---- Fund setup --------------------------------------------------------------------------

export const Bylaws = z.strictObject({
  effectiveOn: IsoDateString,
  feeRateBpPerYear: z.number().int().min(0).max(10_000),
  feeRateBasis: z.enum(['monthly_permille', 'annual_percent']),
  overdueMultiplierPercent: z.number().int().min(100).max(500),
  dayCountDaysPerYear: z.union([z.literal(360), z.literal(365)]),
  firstLoanLimitFen: AmountFen,
  laterLoanLimitFen: AmountFen,
  maxTermMonths: z.number().int().min(1).max(60),
  maxOutstandingLoansPerMember: z.number().int().min(1).max(10),
  maxExtensions: z.number().int().min(0).max(3),
  groupSize: z.number().int().min(2).max(15),
  maxConcurrentBorrowersPerGroup: z.number().int().min(1).max(15),
  shareUnitFen: AmountFen,
  minShares: z.number().int().min(0).max(1000),
  maxShares: z.number().int().min(1).max(1000),
  poorAllotmentShares: z.number().int().min(0).max(100),
  exitNoticeDays: z.number().int().min(0).max(365),
  publicNoticeDays: z.number().int().min(0).max(30),
  cashLimitFen: AmountFen,
  distribution: z.strictObject({
    commonReservePercent: z.number().int().min(0).max(100),
    welfareFundPercent: z.number().int().min(0).max(100),
    riskReservePercent: z.number().int().min(0).max(100),
  }),
  productivePurposes: z.array(z.string().min(1).max(20)).min(1).max(30),
});
export type BylawsBody = z.infer<typeof Bylaws>;

export const RegistrationBody = z.strictObject({
  registrationNo: z.string().trim().min(1).max(50),
  registeredOn: IsoDateString,
  bankName: z.string().trim().min(1).max(100),
  bankAccountNo: z
    .string()
    .trim()
    .regex(/^[0-9 -]{6,40}$/),
});

export const HouseholdCountBody = z.strictObject({
  asOf: IsoDateString,
  totalHouseholds: z.number().int().min(0).max(100_000),
  poorHouseholds: z.number().int().min(0).max(100_000),
});

export const OfficerBody = z.strictObject({
  memberId: z.number().int().min(1),
  body: z.enum(['board', 'supervisory']),
  title: ShortText,
  fromOn: IsoDateString,
});

export const FundProfile = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  villageName: z.string(),
  foundedOn: z.string().nullable(),
  registrationNo: z.string().nullable(),
  registeredOn: z.string().nullable(),
  bankName: z.string().nullable(),
  bankAccountNo: z.string().nullable(),
  householdCounts: z.array(
    z.object({
      asOf: z.string(),
      totalHouseholds: z.number().int(),
      poorHouseholds: z.number().int(),
    }),
  ),
  bylaws: z.array(Bylaws),
  officers: z.array(
    z.object({
      id: z.number().int(),
      memberId: z.number().int(),
      memberName: z.string(),
      body: z.enum(['board', 'supervisory']),
      title: z.string(),
      fromOn: z.string(),
      toOn: z.string().nullable(),
    }),
  ),
  balances: z.object({
    cashFen: z.number().int(),
    bankFen: z.number().int(),
    loansOutstandingFen: z.number().int(),
  }),
});

// ---- Members ------------------------------------------------------------------------------

export const MemberCategory = z.enum(['poor', 'ordinary']);

export const RegisterMemberBody = z.strictObject({
  requestId: RequestId,
  headName: z.string().trim().min(1).max(30),
  idCardNo: z.string().trim().min(1).max(30),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+ -]{5,20}$/)
    .optional(),
  villagerGroup: z.string().trim().max(30).optional(),
  householdSize: z.number().int().min(1).max(50),
  category: MemberCategory,
  dibao: z.boolean().default(false),
  wubao: z.boolean().default(false),
  joinedOn: IsoDateString,
  /** Shares paid in on entry (ordinary households); poor households get 配股 instead, unless they also pay. */
  shares: z.number().int().min(0).max(1000).default(0),
  method: MoneyChannel.default('cash'),
});

export const Member = z.object({
  id: z.number().int(),
  memberNo: z.number().int(),
  headName: z.string(),
  idCardNo: z.string(),
  phone: z.string().nullable(),
  villagerGroup: z.string().nullable(),
  householdSize: z.number().int(),
  category: MemberCategory,
  dibao: z.boolean(),
  wubao: z.boolean(),
  joinedOn: z.string(),
  exitedOn: z.string().nullable(),
  ownContributionFen: z.number().int(),
  allottedFen: z.number().int(),
  groupName: z.string().nullable(),
  /** Other funds where the same 身份证号 is an active member (a household may hold one membership). */
  duplicateIn: z.array(z.object({ fundId: z.number().int(), fundName: z.string() })),
});

export const MemberListQuery = PageQuery.extend({
  q: z.string().max(30).optional(),
  status: z.enum(['active', 'exited', 'all']).default('active'),
}).strict();
export const MemberPage = pageOf(Member);

export const ContributionBody = z.strictObject({
  requestId: RequestId,
  on: IsoDateString,
  shares: z.number().int().min(1).max(1000),
  method: MoneyChannel,
});

export const CategoryChangeBody = z.strictObject({
  effectiveOn: IsoDateString,
  category: MemberCategory,
  dibao: z.boolean(),
  wubao: z.boolean(),
});

export const MemberExitBody = z.strictObject({
  requestId: RequestId,
  on: IsoDateString,
  noticeOn: IsoDateString.optional(),
  method: MoneyChannel,
});

export const MemberExitResult = z.object({
  memberId: z.number().int(),
  refundFen: z.number().int(),
  voucherId: z.number().int().nullable(),
});

export const MoneyResult = z.object({ voucherId: z.number().int(), voucherNo: z.string() });

// ---- Joint-liability groups -------------------------------------------------------------------

export const CreateGroupBody = z.strictObject({
  name: z.string().trim().min(1).max(30),
  formedOn: IsoDateString,
  memberIds: z.array(z.number().int().min(1)).min(2).max(15),
});

export const JointGroup = z.object({
  id: z.number().int(),
  name: z.string(),
  formedOn: z.string(),
  members: z.array(
    z.object({ memberId: z.number().int(), headName: z.string(), borrowing: z.boolean() }),
  ),
});
export const GroupList = z.object({ items: z.array(JointGroup) });

// ---- Loans ---------------------------------------------------------------------------------

export const LOAN_STATUSES = [
  'applied',
  'group_reviewed',
  'board_approved',
  'supervisor_reviewed',
  'publicized',
  'contracted',
  'disbursed',
  'extended',
  'settled',
  'rejected',
  'written_off',
] as const;
export const LoanStatus = z.enum(LOAN_STATUSES);

export const ApplyLoanBody = z.strictObject({
  requestId: RequestId,
  memberId: z.number().int().min(1),
  amountFen: AmountFen,
  termMonths: z.number().int().min(1).max(60),
  instalments: z.number().int().min(1).max(60).default(1),
  purpose: z.string().trim().min(1).max(20),
  purposeDetail: z.string().trim().max(200).optional(),
  appliedOn: IsoDateString,
});

export const LoanStepBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('group_review'),
    on: IsoDateString,
    guarantor1MemberId: z.number().int().min(1),
    guarantor2MemberId: z.number().int().min(1),
    reason: LongText.optional(),
  }),
  z.strictObject({
    action: z.literal('board_approve'),
    on: IsoDateString,
    reason: LongText.optional(),
  }),
  z.strictObject({
    action: z.literal('supervisor_review'),
    on: IsoDateString,
    reason: LongText.optional(),
  }),
  z.strictObject({ action: z.literal('publicize'), on: IsoDateString }),
  z.strictObject({
    action: z.literal('contract'),
    on: IsoDateString,
    contractNo: z.string().trim().min(1).max(40),
  }),
  z.strictObject({
    action: z.literal('reject'),
    on: IsoDateString,
    reason: z.string().trim().min(1).max(2000),
  }),
]);

export const DisburseBody = z.strictObject({
  requestId: RequestId,
  on: IsoDateString,
  method: MoneyChannel,
});
export const RepayBody = z.strictObject({
  requestId: RequestId,
  on: IsoDateString,
  amountFen: AmountFen,
  method: MoneyChannel,
});
export const ExtendBody = z.strictObject({
  approvedOn: IsoDateString,
  newDueOn: IsoDateString,
  reason: z.string().trim().min(1).max(2000),
});
export const WriteOffBody = z.strictObject({
  requestId: RequestId,
  on: IsoDateString,
  resolutionNo: z.string().trim().min(1).max(60),
  resolutionDate: IsoDateString,
});
export const QuoteQuery = z.strictObject({ on: IsoDateString });

export const LoanSummary = z.object({
  id: z.number().int(),
  loanNo: z.number().int(),
  memberId: z.number().int(),
  borrowerName: z.string(),
  borrowerPoor: z.boolean(),
  amountFen: z.number().int(),
  termMonths: z.number().int(),
  purpose: z.string(),
  appliedOn: z.string(),
  status: LoanStatus,
  disbursedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  principalOutstandingFen: z.number().int(),
  settledOn: z.string().nullable(),
});

export const LoanDetail = LoanSummary.extend({
  purposeDetail: z.string().nullable(),
  instalments: z.number().int(),
  groupName: z.string().nullable(),
  guarantors: z.array(z.object({ memberId: z.number().int(), headName: z.string() })),
  noticeFrom: z.string().nullable(),
  noticeUntil: z.string().nullable(),
  contractNo: z.string().nullable(),
  disbursementMethod: MoneyChannel.nullable(),
  originalDueOn: z.string().nullable(),
  writtenOffOn: z.string().nullable(),
  writeOffResolution: z.string().nullable(),
  feeRateBpPerYear: z.number().int().nullable(),
  owedNormalFeeFen: z.number().int(),
  owedOverdueFeeFen: z.number().int(),
  schedule: z.array(z.object({ dueOn: z.string(), principalFen: z.number().int() })),
  steps: z.array(
    z.object({
      step: z.string(),
      decision: z.string(),
      onDate: z.string(),
      actorName: z.string(),
      reason: z.string().nullable(),
      recordedAt: z.string(),
    }),
  ),
  repayments: z.array(
    z.object({
      id: z.number().int(),
      onDate: z.string(),
      amountFen: z.number().int(),
      principalFen: z.number().int(),
      normalFeeFen: z.number().int(),
      overdueFeeFen: z.number().int(),
      method: MoneyChannel,
      voucherId: z.number().int(),
    }),
  ),
});

export const LoanListQuery = PageQuery.extend({
  status: LoanStatus.optional(),
  memberId: z.coerce.number().int().min(1).optional(),
  outstanding: z.enum(['true', 'false']).optional(),
}).strict();
export const LoanPage = pageOf(LoanSummary);

export const Quote = z.object({
  on: z.string(),
  principalFen: z.number().int(),
  normalFeeFen: z.number().int(),
  overdueFeeFen: z.number().int(),
  totalFen: z.number().int(),
  daysPastDue: z.number().int(),
});

export const RepaymentResult = MoneyResult.extend({
  principalFen: z.number().int(),
  normalFeeFen: z.number().int(),
  overdueFeeFen: z.number().int(),
  principalOutstandingFen: z.number().int(),
  settled: z.boolean(),
});

// ---- Ledger ----------------------------------------------------------------------------------

export const AccountView = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['asset', 'liability', 'net_assets', 'income', 'expense']),
  parentCode: z.string().nullable(),
  postable: z.boolean(),
});
export const AccountList = z.object({ items: z.array(AccountView) });
export const CreateAccountBody = z.strictObject({
  parentCode: z.string().regex(/^\d{4,8}$/),
  code: z.string().regex(/^\d{6,10}$/),
  name: ShortText,
});

export const VoucherLineInput = z.strictObject({
  accountCode: z.string().regex(/^\d{4,10}$/),
  side: z.enum(['debit', 'credit']),
  amountFen: AmountFen,
  subledger: z
    .strictObject({ kind: z.enum(['loan', 'member']), id: z.number().int().min(1) })
    .optional(),
});
export const ManualVoucherBody = z.strictObject({
  requestId: RequestId,
  date: IsoDateString,
  memo: z.string().trim().min(1).max(200),
  lines: z.array(VoucherLineInput).min(2).max(50),
});
export const ReverseVoucherBody = z.strictObject({
  requestId: RequestId,
  on: IsoDateString,
  reason: z.string().trim().min(1).max(200),
});

export const VoucherView = z.object({
  id: z.number().int(),
  voucherNo: z.string(),
  period: z.string(),
  number: z.number().int(),
  date: z.string(),
  kind: z.string(),
  memo: z.string(),
  reversesVoucherId: z.number().int().nullable(),
  reversedByVoucherId: z.number().int().nullable(),
  createdBy: z.string().nullable(),
  recordedAt: z.string(),
  totalFen: z.number().int(),
  totalInWords: z.string(),
  lines: z.array(
    z.object({
      lineNo: z.number().int(),
      accountCode: z.string(),
      accountName: z.string(),
      side: z.enum(['debit', 'credit']),
      amountFen: z.number().int(),
      subledger: z.object({ kind: z.string(), id: z.number().int(), label: z.string() }).nullable(),
    }),
  ),
});
export const VoucherListQuery = PageQuery.extend({
  period: MonthString.optional(),
  kind: z.string().max(40).optional(),
}).strict();
export const VoucherPage = pageOf(VoucherView);

export const CashEventBody = z.strictObject({
  requestId: RequestId,
  kind: z.enum([
    'fiscal_funds',
    'donation',
    'bank_interest',
    'expense',
    'cash_to_bank',
    'bank_to_cash',
  ]),
  on: IsoDateString,
  amountFen: AmountFen,
  method: MoneyChannel.optional(),
  memo: z.string().trim().max(200).optional(),
});

export const PeriodList = z.object({
  items: z.array(
    z.object({
      period: z.string(),
      closed: z.boolean(),
      closedAt: z.string().nullable(),
      voucherCount: z.number().int(),
    }),
  ),
});

export const YearEndBody = z.strictObject({
  requestId: RequestId,
  year: z.number().int().min(2000).max(2100),
});
export const YearEndResult = z.object({
  year: z.number().int(),
  netSurplusFen: z.number().int(),
  commonReserveFen: z.number().int(),
  welfareFundFen: z.number().int(),
  riskReserveFen: z.number().int(),
  voucherIds: z.array(z.number().int()),
});

export const IntegrityReport = z.object({
  fundId: z.number().int(),
  fundCode: z.string(),
  intact: z.boolean(),
  vouchers: z.number().int(),
  sealed: z.number().int(),
  problems: z.array(
    z.object({
      kind: z.enum([
        'voucher_edited',
        'voucher_deleted',
        'voucher_unsealed',
        'chain_broken',
        'head_mismatch',
      ]),
      seq: z.number().int().nullable(),
      voucherId: z.number().int().nullable(),
      voucherNo: z.string().nullable(),
      message: z.string(),
    }),
  ),
});
