import type { Kysely, Transaction } from 'kysely';
import {
  REPORT_PACKAGE_FORMAT,
  REPORT_PACKAGE_VERSION,
  ReportPackage,
  type PackageContent,
  type ReportPackageImportResult,
} from '@huzhu/contract';
import type { Period } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { lockFund } from '../../db/repositories/ledger.js';
import { can, inScope, requirePermission, type Actor } from '../actor.js';
import { AppError } from '../errors.js';
import { auditFund, fundInScope } from '../books/context.js';
import { canonicalJson, contentChecksum } from '../package/canonical.js';
import { exportFund } from '../package/export-fund.js';
import {
  importFundInTransaction,
  lockPackageCode,
  parseFundPackage,
  refusePackage,
} from '../package/import-fund.js';
import { schemaProblems } from '../package/validate-package.js';
import { fundIndicators } from './fund-indicators.js';
import { endedQuarter, firstSubmission, type ReportStatus } from './quarterly-reports.js';

type Trx = Transaction<Database>;

/** The checksum of a report package: over the canonical JSON of `{ period, fundPackage, report }`. */
export function reportPackageChecksum(
  doc: Pick<ReportPackage, 'period' | 'fundPackage' | 'report'>,
) {
  return contentChecksum({ period: doc.period, fundPackage: doc.fundPackage, report: doc.report });
}

/** A value as JSON carries it (what a file holds and what is compared). */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/**
 * 导出季报数据包: the fund package and the quarter's indicators computed from the same books, read
 * in one snapshot, sealed by one checksum. Needs `reports.submit`; the quarter must have ended.
 */
export async function exportReportPackage(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  periodInput: string,
  now: Date,
): Promise<ReportPackage> {
  const fund = await fundInScope(db, actor, fundId);
  requirePermission(actor, 'reports.submit');
  const period = endedQuarter(periodInput, now);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const fundPackage = await exportFund(trx, fund.code, now);
      const indicators = asJson(
        await fundIndicators(trx, fund.id, period),
      ) as ReportPackage['report']['indicators'];
      const report = { period, indicators };
      return {
        format: REPORT_PACKAGE_FORMAT,
        version: REPORT_PACKAGE_VERSION,
        period,
        exportedAt: now.toISOString(),
        fundPackage,
        report,
        checksum: reportPackageChecksum({ period, fundPackage, report }),
      };
    });
}

/**
 * Reads a report package: format and version, the schema (every issue listed,
 * `package_invalid`), the report package's checksum and the fund package's own
 * (`package_checksum_mismatch`), and the report's period.
 */
export function parseReportPackage(raw: unknown): ReportPackage {
  const envelope = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (envelope.format !== REPORT_PACKAGE_FORMAT) {
    refusePackage([
      {
        path: 'format',
        record: null,
        field: 'format',
        code: 'package_format_unknown',
        message: `不是季报数据包（format 须为 ${REPORT_PACKAGE_FORMAT}）`,
      },
    ]);
  }
  if (envelope.version !== REPORT_PACKAGE_VERSION) {
    throw new AppError('package_version_unsupported', {
      version: envelope.version ?? null,
      supported: [REPORT_PACKAGE_VERSION],
    });
  }
  const parsed = ReportPackage.safeParse(raw);
  if (!parsed.success) refusePackage(schemaProblems(raw, parsed.error.issues));
  const doc = parsed.data;
  const actual = reportPackageChecksum(doc);
  if (actual !== doc.checksum) {
    throw new AppError('package_checksum_mismatch', { expected: doc.checksum, actual });
  }
  parseFundPackage(doc.fundPackage);
  if (doc.report.period !== doc.period || doc.report.indicators.period !== doc.period) {
    refusePackage([
      {
        path: 'report.period',
        record: null,
        field: 'period',
        code: 'report_period_mismatch',
        message: `季报期间（${doc.report.period} / ${doc.report.indicators.period}）与数据包期间 ${doc.period} 不符`,
      },
    ]);
  }
  return doc;
}

/** The indicators that differ between a report and its books' recomputation. */
function indicatorDifferences(
  report: ReportPackage['report']['indicators'],
  books: unknown,
): { indicator: string; report: unknown; books: unknown }[] {
  const own = books as { period?: unknown; asOf?: unknown; values?: Record<string, unknown> };
  const differences: { indicator: string; report: unknown; books: unknown }[] = [];
  for (const field of ['period', 'asOf'] as const) {
    if (canonicalJson(report[field]) !== canonicalJson(own[field]))
      differences.push({ indicator: field, report: report[field], books: own[field] ?? null });
  }
  const values = own.values ?? {};
  const codes = new Set([...Object.keys(report.values), ...Object.keys(values)]);
  for (const code of codes) {
    const a = report.values[code];
    const b = values[code];
    if (canonicalJson(a ?? null) !== canonicalJson(b ?? null))
      differences.push({ indicator: code, report: a ?? null, books: b ?? null });
  }
  return differences;
}

async function actorName(trx: Trx, actor: Actor): Promise<string> {
  if (actor.userId <= 0) return actor.username;
  const row = await trx
    .selectFrom('app_user')
    .select('display_name')
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  return row?.display_name ?? actor.username;
}

/** The report already recorded for the package's fund and quarter, if the fund is here. */
async function recordedReport(trx: Trx, actor: Actor, content: PackageContent, period: Period) {
  const village = await trx
    .selectFrom('region')
    .select(['id', 'path'])
    .where('code', '=', content.fund.village.code)
    .executeTakeFirst();
  if (village === undefined) return undefined;
  if (!inScope(actor, village.path)) throw new AppError('region_outside_scope', {});
  return trx
    .selectFrom('quarterly_report as q')
    .innerJoin('fund as f', 'f.id', 'q.fund_id')
    .select(['q.id', 'q.fund_id', 'q.package_checksum'])
    .where('f.code', '=', content.fund.code)
    .where('f.region_id', '=', village.id)
    .where('q.period', '=', period)
    .executeTakeFirst();
}

/**
 * 导入季报数据包 (township or county: `reports.submit` or `reports.review`, the village in scope).
 * In one transaction: the fund package is imported (a new fund, or the books brought forward —
 * see `importFundInTransaction`), the quarter's indicators are recomputed from the books now
 * here and must equal the report's (`report_package_inconsistent` otherwise: a report comes from
 * the books, it is never typed twice), and the quarter's report is created or replaced as
 * submitted, `source = 'package'`, with the package's checksum, an `import_package` event and an
 * audit entry. Any refusal rolls everything back. A reviewed report answers
 * `report_invalid_transition`, a locked one `report_locked`. The same report package again
 * answers `unchanged` and writes nothing.
 */
export async function importReportPackage(
  db: Kysely<Database>,
  actor: Actor,
  raw: unknown,
  now: Date,
): Promise<ReportPackageImportResult> {
  if (!can(actor, 'reports.submit') && !can(actor, 'reports.review'))
    throw new AppError('forbidden', { permission: 'reports.submit' });
  const doc = parseReportPackage(raw);
  const period = endedQuarter(doc.period, now);
  const { content } = doc.fundPackage;
  return db.transaction().execute(async (trx) => {
    await lockPackageCode(trx, content.fund.code);
    const recorded = await recordedReport(trx, actor, content, period);
    if (recorded !== undefined && recorded.package_checksum === doc.checksum) {
      return {
        status: 'unchanged',
        fundId: recorded.fund_id,
        fundCode: content.fund.code,
        period,
        reportId: recorded.id,
        books: 'unchanged',
        checksum: doc.checksum,
      };
    }
    const books = await importFundInTransaction(trx, actor, doc.fundPackage);
    const fund = await fundInScope(trx, actor, books.fundId);
    await lockFund(trx, fund.id);
    const indicators = asJson(await fundIndicators(trx, fund.id, period));
    const differences = indicatorDifferences(doc.report.indicators, indicators);
    if (differences.length > 0) {
      throw new AppError('report_package_inconsistent', {
        period,
        fundCode: fund.code,
        differenceCount: differences.length,
        differences,
      });
    }
    const existing = await trx
      .selectFrom('quarterly_report')
      .selectAll()
      .where('fund_id', '=', fund.id)
      .where('period', '=', period)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.status === 'locked')
      throw new AppError('report_locked', { status: existing.status });
    if (existing?.status === 'reviewed')
      throw new AppError('report_invalid_transition', {
        status: existing.status,
        action: 'import_package',
      });
    const values = {
      status: 'submitted' as const,
      indicators: JSON.stringify(indicators),
      generated_at: now,
      submitted_at: now,
      submitted_by: actor.userId > 0 ? actor.userId : null,
      source: 'package' as const,
      package_checksum: doc.checksum,
      returned_reason: null,
    };
    const reportId =
      existing === undefined
        ? (
            await trx
              .insertInto('quarterly_report')
              .values({ fund_id: fund.id, period, ...values, first_submitted_at: now })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        : existing.id;
    if (existing !== undefined)
      await trx
        .updateTable('quarterly_report')
        .set({ ...values, first_submitted_at: firstSubmission(now) })
        .where('id', '=', reportId)
        .execute();
    const from: ReportStatus | null = existing?.status ?? null;
    await trx
      .insertInto('quarterly_report_event')
      .values({
        report_id: reportId,
        action: 'import_package',
        from_status: from,
        to_status: 'submitted',
        actor_id: actor.userId > 0 ? actor.userId : null,
        actor_name: await actorName(trx, actor),
        reason: null,
      })
      .execute();
    await auditFund(trx, actor, fund, {
      command: 'report.import_package',
      entities: [{ type: 'quarterly_report', id: String(reportId) }],
      details: {
        period,
        checksum: doc.checksum,
        books: books.status,
        exportedAt: doc.exportedAt,
        ...(books.changes === undefined ? {} : { changes: books.changes }),
      },
    });
    return {
      status: 'imported',
      fundId: fund.id,
      fundCode: fund.code,
      period,
      reportId,
      books: books.status,
      checksum: doc.checksum,
    };
  });
}
