import { sql, type Kysely, type Transaction } from 'kysely';
import {
  FundPackage,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  type PackageContent,
  type PackageImportResult,
  type PackageProblem,
} from '@huzhu/contract';
import type { Database } from '../../db/schema.js';
import { lockFund, seedChart } from '../../db/repositories/ledger.js';
import { can, inScope, type Actor } from '../actor.js';
import { recordAudit } from '../audit.js';
import { AppError } from '../errors.js';
import { contentChecksum } from './canonical.js';
import { fundPackageContent } from './export-fund.js';
import { ProblemList, schemaProblems, validatePackageContent } from './validate-package.js';
import { compareBooks, emptyContent } from './fast-forward.js';
import { applyBooksPlan } from './write-books.js';

type Trx = Transaction<Database>;

/** Refuses a package with every problem found (`package_invalid`). */
export function refusePackage(problems: readonly PackageProblem[]): never {
  throw new AppError('package_invalid', { problemCount: problems.length, problems });
}

/**
 * Reads the envelope and checks the schema and the checksum. A wrong format or a schema error
 * answers `package_invalid` with every schema problem; another version answers
 * `package_version_unsupported`; content that does not match its checksum answers
 * `package_checksum_mismatch` (the file was changed after export; nothing in it is trusted).
 */
export function parseFundPackage(raw: unknown): FundPackage {
  const envelope = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (envelope.format !== PACKAGE_FORMAT) {
    refusePackage([
      {
        path: 'format',
        record: null,
        field: 'format',
        code: 'package_format_unknown',
        message: `不是互助社数据包（format 须为 ${PACKAGE_FORMAT}）`,
      },
    ]);
  }
  if (envelope.version !== PACKAGE_VERSION) {
    throw new AppError('package_version_unsupported', {
      version: envelope.version ?? null,
      supported: [PACKAGE_VERSION],
    });
  }
  const parsed = FundPackage.safeParse(raw);
  if (!parsed.success) refusePackage(schemaProblems(raw, parsed.error.issues));
  const actual = contentChecksum(parsed.data.content);
  if (actual !== parsed.data.checksum) {
    throw new AppError('package_checksum_mismatch', { expected: parsed.data.checksum, actual });
  }
  return parsed.data;
}

interface Target {
  villageId: number;
  villagePath: string;
  /** The fund with the package's code already here, if any. */
  existingFundId: number | null;
}

/** The checks that need the database: the village, and the funds already there. */
async function checkTarget(
  db: Kysely<Database> | Trx,
  actor: Actor,
  content: PackageContent,
  problems: ProblemList,
): Promise<Target | null> {
  const village = await db
    .selectFrom('region')
    .select(['id', 'level', 'path'])
    .where('code', '=', content.fund.village.code)
    .executeTakeFirst();
  if (village === undefined) {
    problems.add(
      'content.fund.village.code',
      content.fund.code,
      'village',
      'region_unknown',
      `行政村区划代码 ${content.fund.village.code} 在本系统中不存在，请先导入区划`,
    );
    return null;
  }
  if (!inScope(actor, village.path)) throw new AppError('region_outside_scope', {});
  if (village.level !== 'village') {
    problems.add(
      'content.fund.village.code',
      content.fund.code,
      'village',
      'fund_region_not_village',
    );
    return null;
  }
  const funds = await db
    .selectFrom('fund')
    .select(['id', 'code', 'region_id'])
    .where((eb) => eb.or([eb('region_id', '=', village.id), eb('code', '=', content.fund.code)]))
    .execute();
  let existingFundId: number | null = null;
  for (const fund of funds) {
    if (fund.code === content.fund.code && fund.region_id === village.id) existingFundId = fund.id;
    else if (fund.code === content.fund.code) {
      problems.add(
        'content.fund.code',
        content.fund.code,
        'code',
        'fund_code_taken',
        `互助社编号 ${fund.code} 已被另一个村的互助社使用`,
      );
    } else {
      problems.add(
        'content.fund.village.code',
        content.fund.code,
        'village',
        'fund_exists_for_village',
        `该村已有编号为 ${fund.code} 的互助社，一个行政村只能有一个互助社`,
      );
    }
  }
  // The same household may be an active member of one fund only: report, like registration does.
  return { villageId: village.id, villagePath: village.path, existingFundId };
}

/** One import of a fund code at a time (the fund may not exist yet, so not the fund lock). */
export async function lockPackageCode(trx: Trx, code: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`package:${code}`}))`.execute(trx);
}

/** Writes a validated package as a new fund: the default chart, then everything in it. */
async function writeNewFund(trx: Trx, content: PackageContent, villageId: number): Promise<number> {
  const { fund } = content;
  const { id: fundId } = await trx
    .insertInto('fund')
    .values({
      region_id: villageId,
      code: fund.code,
      name: fund.name,
      founded_on: fund.foundedOn,
      registration_no: fund.registration?.no ?? null,
      registered_on: fund.registration?.registeredOn ?? null,
      bank_name: fund.bank?.name ?? null,
      bank_account_no: fund.bank?.accountNo ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await seedChart(trx, fundId);
  const { plan } = compareBooks(emptyContent(fund), content);
  await applyBooksPlan(trx, fundId, content, plan);
  return fundId;
}

/**
 * Imports a parsed fund package inside the caller's transaction, checking everything first and
 * listing every problem. A new fund is written whole (`imported`). A fund already in the village
 * is compared with the package (`compareBooks`): the same books answer `unchanged`; books that
 * are an earlier state of the package's are brought forward under the fund lock (`updated`);
 * books holding records the package lacks answer `package_older_than_books`; two histories
 * answer `package_diverged` with every differing record; the same history with different current
 * values answers `package_conflict`. The caller checks the permission.
 */
export async function importFundInTransaction(
  trx: Trx,
  actor: Actor,
  doc: FundPackage,
): Promise<PackageImportResult> {
  const { content } = doc;
  const counts = {
    members: content.members.length,
    loans: content.loans.length,
    vouchers: content.vouchers.length,
  };
  await lockPackageCode(trx, content.fund.code);
  const problems = new ProblemList();
  const target = await checkTarget(trx, actor, content, problems);
  problems.items.push(...validatePackageContent(content));
  if (problems.items.length > 0) refusePackage(problems.items);
  if (target === null) throw new Error('Invariant violated: target missing without a problem');
  const fundCode = content.fund.code;
  if (target.existingFundId === null) {
    const fundId = await writeNewFund(trx, content, target.villageId);
    await recordAudit(trx, actor.userId > 0 ? actor : null, {
      command: 'package.import',
      region: { id: target.villageId, path: target.villagePath },
      entities: [{ type: 'fund', id: String(fundId) }],
      details: { code: fundCode, checksum: doc.checksum, by: actor.username, ...counts },
    });
    return { status: 'imported', fundId, fundCode, counts };
  }
  const fundId = target.existingFundId;
  await lockFund(trx, fundId);
  const baseContent = await fundPackageContent(trx, fundId);
  const existingChecksum = contentChecksum(baseContent);
  if (existingChecksum === doc.checksum) return { status: 'unchanged', fundId, fundCode, counts };
  const comparison = compareBooks(baseContent, content);
  const refusal = { fundId, fundCode, packageChecksum: doc.checksum, existingChecksum };
  switch (comparison.outcome) {
    case 'identical':
      return { status: 'unchanged', fundId, fundCode, counts };
    case 'unordered':
      throw new AppError('package_conflict', refusal);
    case 'older':
      throw new AppError('package_older_than_books', {
        ...refusal,
        problemCount: comparison.missing.length,
        problems: comparison.missing,
      });
    case 'diverged': {
      const listed = [...comparison.differing, ...comparison.missing];
      throw new AppError('package_diverged', {
        ...refusal,
        problemCount: listed.length,
        problems: listed,
      });
    }
    case 'forward':
      break;
  }
  await applyBooksPlan(trx, fundId, content, comparison.plan);
  const changes = { added: comparison.added, updated: comparison.updated };
  await trx
    .updateTable('fund')
    .set({ books_changed_at: new Date() })
    .where('id', '=', fundId)
    .execute();
  await recordAudit(trx, actor.userId > 0 ? actor : null, {
    command: 'package.fast_forward',
    region: { id: target.villageId, path: target.villagePath },
    entities: [{ type: 'fund', id: String(fundId) }],
    details: {
      code: fundCode,
      checksum: doc.checksum,
      previousChecksum: existingChecksum,
      by: actor.username,
      ...changes,
    },
  });
  return { status: 'updated', fundId, fundCode, counts, changes };
}

/**
 * Imports a fund data package. Everything is checked first and every problem listed
 * (`package_invalid` with `details.problems`); only a clean package is written, in one
 * transaction: a new fund whole, or books already here brought forward to the package when they
 * are an earlier state of its books (see `importFundInTransaction`). The actor needs
 * `books.write` or `funds.create` and the village in scope.
 */
export async function importFundPackage(
  db: Kysely<Database>,
  raw: unknown,
  actor: Actor,
): Promise<PackageImportResult> {
  if (!can(actor, 'books.write') && !can(actor, 'funds.create')) {
    throw new AppError('forbidden', { permission: 'books.write' });
  }
  const doc = parseFundPackage(raw);
  return db.transaction().execute((trx) => importFundInTransaction(trx, actor, doc));
}
