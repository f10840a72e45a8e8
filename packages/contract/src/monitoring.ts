import { z } from 'zod';
import { PageQuery, yearBounded } from './common.js';

export const QuarterString = yearBounded(z.string().regex(/^\d{4}Q[1-4]$/, 'YYYYQn'));
export const PeriodString = yearBounded(
  z.string().regex(/^(\d{4}|\d{4}-\d{2}|\d{4}Q[1-4])$/, 'YYYY, YYYY-MM or YYYYQn'),
);
export const REPORT_STATUSES = ['draft', 'submitted', 'reviewed', 'returned', 'locked'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);

export const ReportPeriodBody = z.strictObject({ period: QuarterString });
export const ReportDecisionBody = z.strictObject({
  action: z.enum(['approve', 'return', 'lock']),
  reason: z.string().trim().max(500).optional(),
});
export const UnlockRequestBody = z.strictObject({ reason: z.string().max(500) });
export const UnlockDecisionBody = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export const ReportIdParam = z.strictObject({
  reportId: z.coerce.number().int().min(1).max(2_147_483_647),
});

/** One indicator value: counts and money (fen) as numbers; ratios keep numerator and denominator. */
export const IndicatorValue = z.union([
  z.number(),
  z.object({ numerator: z.number(), denominator: z.number() }),
]);
export const IndicatorSet = z.record(z.string(), IndicatorValue);

export const QuarterlyReportView = z.object({
  id: z.number().int(),
  fundId: z.number().int(),
  fundCode: z.string(),
  fundName: z.string(),
  period: z.string(),
  status: ReportStatus,
  indicators: z.record(z.string(), z.unknown()),
  generatedAt: z.string(),
  submittedAt: z.string().nullable(),
  /** The first submission, kept through return and resubmission; lateness is judged on it. */
  firstSubmittedAt: z.string().nullable(),
  deadline: z.string(),
  late: z.boolean(),
  /** 更正重报: submitted again after the county returned or unlocked it. */
  corrected: z.boolean(),
  source: z.enum(['online', 'package']),
  returnedReason: z.string().nullable(),
  events: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actorName: z.string(),
      reason: z.string().nullable(),
      at: z.string(),
    }),
  ),
  unlockRequests: z.array(
    z.object({
      id: z.number().int(),
      reason: z.string(),
      status: z.string(),
      requestedAt: z.string(),
      decisionNote: z.string().nullable(),
    }),
  ),
});

export const StatusBoardQuery = z.strictObject({
  period: QuarterString,
  regionId: z.coerce.number().int().min(1).optional(),
});
export const StatusBoard = z.object({
  period: z.string(),
  deadline: z.string(),
  items: z.array(
    z.object({
      fundId: z.number().int(),
      fundCode: z.string(),
      fundName: z.string(),
      village: z.string(),
      township: z.string(),
      county: z.string(),
      countyId: z.number().int(),
      reportId: z.number().int().nullable(),
      status: z.enum([...REPORT_STATUSES, 'missing']),
      submittedOn: z.string().nullable(),
      firstSubmittedOn: z.string().nullable(),
      late: z.boolean(),
      corrected: z.boolean(),
      missing: z.boolean(),
    }),
  ),
  summary: z.object({
    funds: z.number().int(),
    submitted: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
    locked: z.number().int(),
  }),
});

export const IndicatorQuery = z.strictObject({
  period: PeriodString,
  /** books: recompute from the books now; snapshot: the submitted/locked quarterly reports. */
  source: z.enum(['books', 'snapshot']).default('books'),
});
export const RegionIndicatorQuery = IndicatorQuery.extend({
  regionId: z.coerce.number().int().min(1).optional(),
}).strict();

export const IndicatorsResponse = z.object({
  period: z.string(),
  asOf: z.string(),
  source: z.enum(['books', 'snapshot']),
  fundCount: z.number().int(),
  indicators: IndicatorSet,
});

export const RegionBreakdown = z.object({
  period: z.string(),
  asOf: z.string(),
  source: z.enum(['books', 'snapshot']),
  /** The region itself (rolled up) then each child region or, under a township, each fund. */
  total: z.object({
    id: z.number().int(),
    name: z.string(),
    fundCount: z.number().int(),
    indicators: IndicatorSet,
  }),
  children: z.array(
    z.object({
      kind: z.enum(['region', 'fund']),
      id: z.number().int(),
      name: z.string(),
      fundCount: z.number().int(),
      indicators: IndicatorSet,
    }),
  ),
});

export const WarningListQuery = PageQuery.extend({
  regionId: z.coerce.number().int().min(1).optional(),
  fundId: z.coerce.number().int().min(1).optional(),
  status: z.enum(['open', 'acknowledged', 'resolved', 'active']).default('active'),
  code: z.string().max(40).optional(),
}).strict();
export const WarningView = z.object({
  id: z.number().int(),
  fundId: z.number().int(),
  fundName: z.string(),
  county: z.string(),
  code: z.string(),
  severity: z.enum(['high', 'medium', 'low']),
  message: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});
export const WarningPage = z.object({
  items: z.array(WarningView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const WarningIdParam = z.strictObject({
  warningId: z.coerce.number().int().min(1).max(2_147_483_647),
});
export const WarningActionBody = z.strictObject({
  action: z.enum(['acknowledge', 'resolve', 'reopen']),
  note: z.string().trim().min(1).max(500),
});
export const ThresholdsBody = z.record(z.string(), z.number());
