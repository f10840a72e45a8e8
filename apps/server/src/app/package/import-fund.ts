import { sql, type Kysely, type Transaction } from 'kysely';
import {
  FundPackage,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  type PackageContent,
  type PackageImportResult,
  type PackageProblem,
} from '@huzhu/contract';
import { validateIdCardNumber } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import { seedChart } from '../../db/repositories/ledger.js';
import { can, inScope, type Actor } from '../actor.js';
import { recordAudit } from '../audit.js';
import { AppError } from '../errors.js';
import { contentChecksum } from './canonical.js';
import { fundPackageContent } from './export-fund.js';
import { ProblemList, schemaProblems, validatePackageContent } from './validate-package.js';

type Trx = Transaction<Database>;

/** Rows per INSERT statement when writing a package. */
const INSERT_CHUNK = 1000;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<void>) {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await insert(rows.slice(start, start + INSERT_CHUNK));
  }
}

function refuse(problems: readonly PackageProblem[]): never {
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
    refuse([
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
  if (!parsed.success) refuse(schemaProblems(raw, parsed.error.issues));
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

/** Vouchers in waves: a reversed voucher is written in a wave before its reversal's. */
function reversalWaves(vouchers: PackageContent['vouchers']): PackageContent['vouchers'][] {
  const done = new Set<string>();
  const waves: PackageContent['vouchers'][] = [];
  let pending = [...vouchers];
  while (pending.length > 0) {
    const ready = pending.filter(
      (v) => v.reversesVoucherId === null || done.has(v.reversesVoucherId),
    );
    if (ready.length === 0) throw new Error('Invariant violated: voucher reversal cycle');
    waves.push(ready);
    for (const v of ready) done.add(v.id);
    pending = pending.filter((v) => !done.has(v.id));
  }
  return waves;
}

function required<T>(map: ReadonlyMap<string, T>, key: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Invariant violated: package id ${key} not mapped`);
  return value;
}

/** Writes a validated package as a new fund; all inside the caller's transaction. */
async function writeFund(trx: Trx, content: PackageContent, villageId: number): Promise<number> {
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
  for (const account of content.chartAdditions) {
    await trx
      .insertInto('account')
      .values({
        fund_id: fundId,
        code: account.code,
        name: account.name,
        kind: account.kind,
        parent_code: account.parentCode,
      })
      .execute();
  }
  if (content.bylaws.length > 0) {
    await trx
      .insertInto('fund_bylaws')
      .values(
        content.bylaws.map(({ effectiveOn, ...params }) => ({
          fund_id: fundId,
          effective_on: effectiveOn,
          params: JSON.stringify(params),
        })),
      )
      .execute();
  }
  if (content.householdCounts.length > 0) {
    await trx
      .insertInto('fund_household_count')
      .values(
        content.householdCounts.map((c) => ({
          fund_id: fundId,
          as_of: c.asOf,
          total_households: c.totalHouseholds,
          poor_households: c.poorHouseholds,
        })),
      )
      .execute();
  }

  const memberIds = new Map<string, number>();
  await insertChunked(content.members, async (chunk) => {
    const rows = await trx
      .insertInto('member')
      .values(
        chunk.map((m) => {
          const card = validateIdCardNumber(m.idCardNo);
          return {
            fund_id: fundId,
            member_no: m.memberNo,
            head_name: m.headName,
            id_card_no: card.ok ? card.value : m.idCardNo,
            phone: m.phone,
            villager_group: m.villagerGroup,
            household_size: m.householdSize,
            category: m.category,
            dibao: m.dibao,
            wubao: m.wubao,
            joined_on: m.joinedOn,
            exited_on: m.exitedOn,
          };
        }),
      )
      .returning(['id', 'member_no'])
      .execute();
    const byNo = new Map(rows.map((r) => [r.member_no, r.id]));
    for (const m of chunk) {
      const id = byNo.get(m.memberNo);
      if (id === undefined) throw new Error(`Invariant violated: member ${m.id} not written`);
      memberIds.set(m.id, id);
    }
  });
  const memberId = (id: string): number => required(memberIds, id);
  const categories = content.members.flatMap((m) =>
    m.categoryHistory.map((c) => ({
      member_id: memberId(m.id),
      effective_on: c.effectiveOn,
      category: c.category,
      dibao: c.dibao,
      wubao: c.wubao,
    })),
  );
  await insertChunked(categories, async (chunk) => {
    await trx.insertInto('member_category').values(chunk).execute();
  });
  if (content.officers.length > 0) {
    await trx
      .insertInto('fund_officer')
      .values(
        content.officers.map((o) => ({
          fund_id: fundId,
          member_id: memberId(o.memberId),
          body: o.body,
          title: o.title,
          from_on: o.fromOn,
          to_on: o.toOn,
        })),
      )
      .execute();
  }

  const groupIds = new Map<string, number>();
  for (const group of content.groups) {
    const { id } = await trx
      .insertInto('joint_group')
      .values({ fund_id: fundId, name: group.name, formed_on: group.formedOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    groupIds.set(group.id, id);
    if (group.members.length > 0) {
      await trx
        .insertInto('joint_group_member')
        .values(
          group.members.map((gm) => ({
            group_id: id,
            member_id: memberId(gm.memberId),
            joined_on: gm.joinedOn,
            left_on: gm.leftOn,
          })),
        )
        .execute();
    }
  }

  const loanIds = new Map<string, number>();
  await insertChunked(content.loans, async (chunk) => {
    const rows = await trx
      .insertInto('loan')
      .values(
        chunk.map((l) => ({
          fund_id: fundId,
          loan_no: l.loanNo,
          member_id: memberId(l.memberId),
          group_id: l.groupId === null ? null : required(groupIds, l.groupId),
          purpose: l.purpose,
          purpose_detail: l.purposeDetail,
          amount_fen: l.amountFen,
          term_months: l.termMonths,
          instalments: l.instalments,
          applied_on: l.appliedOn,
          borrower_poor: l.borrowerPoor,
          first_loan: l.firstLoan,
          status: l.status,
          guarantor1_member_id:
            l.guarantor1MemberId === null ? null : memberId(l.guarantor1MemberId),
          guarantor2_member_id:
            l.guarantor2MemberId === null ? null : memberId(l.guarantor2MemberId),
          notice_from: l.noticeFrom,
          notice_until: l.noticeUntil,
          contract_no: l.contractNo,
          contracted_on: l.contractedOn,
          disbursed_on: l.disbursedOn,
          disbursement_method: l.disbursementMethod,
          due_on: l.dueOn,
          original_due_on: l.originalDueOn,
          settled_on: l.settledOn,
          written_off_on: l.writtenOffOn,
          write_off_resolution: l.writeOffResolution,
          principal_outstanding_fen: l.principalOutstandingFen,
          state: l.state === null ? null : JSON.stringify(l.state),
        })),
      )
      .returning(['id', 'loan_no'])
      .execute();
    const byNo = new Map(rows.map((r) => [r.loan_no, r.id]));
    for (const l of chunk) {
      const id = byNo.get(l.loanNo);
      if (id === undefined) throw new Error(`Invariant violated: loan ${l.id} not written`);
      loanIds.set(l.id, id);
    }
  });

  const voucherIds = new Map<string, number>();
  for (const wave of reversalWaves(content.vouchers)) {
    await insertChunked(wave, async (chunk) => {
      const rows = await trx
        .insertInto('voucher')
        .values(
          chunk.map((voucher) => ({
            fund_id: fundId,
            period: voucher.period,
            number: voucher.number,
            date: voucher.date,
            kind: voucher.kind,
            memo: voucher.memo,
            reverses_voucher_id:
              voucher.reversesVoucherId === null
                ? null
                : required(voucherIds, voucher.reversesVoucherId),
            created_by: null,
            recorded_at: voucher.recordedAt,
          })),
        )
        .returning(['id', 'period', 'number'])
        .execute();
      const byNumber = new Map(rows.map((r) => [`${r.period}-${r.number}`, toSafeInt(r.id)]));
      for (const voucher of chunk) {
        const id = byNumber.get(`${voucher.period}-${voucher.number}`);
        if (id === undefined)
          throw new Error(`Invariant violated: voucher ${voucher.id} not written`);
        voucherIds.set(voucher.id, id);
      }
    });
  }
  const lines = content.vouchers.flatMap((voucher) =>
    voucher.lines.map((line, index) => ({
      voucher_id: required(voucherIds, voucher.id),
      line_no: index + 1,
      fund_id: fundId,
      account_code: line.accountCode,
      side: line.side,
      amount_fen: line.amountFen,
      subledger_kind: line.subledger?.kind ?? null,
      subledger_id:
        line.subledger === null
          ? null
          : line.subledger.kind === 'loan'
            ? required(loanIds, line.subledger.id)
            : memberId(line.subledger.id),
      memo: line.memo,
    })),
  );
  await insertChunked(lines, async (chunk) => {
    await trx.insertInto('voucher_line').values(chunk).execute();
  });
  const lastNumbers = new Map<string, number>();
  for (const v of content.vouchers)
    lastNumbers.set(v.period, Math.max(lastNumbers.get(v.period) ?? 0, v.number));
  if (lastNumbers.size > 0) {
    await trx
      .insertInto('voucher_counter')
      .values(
        [...lastNumbers].map(([period, last]) => ({ fund_id: fundId, period, last_number: last })),
      )
      .execute();
  }

  const shares = content.members.flatMap((m) =>
    m.shares.map((s) => ({
      fund_id: fundId,
      member_id: memberId(m.id),
      kind: s.kind,
      on_date: s.on,
      shares: s.shares,
      amount_fen: s.amountFen,
      method: s.method,
      voucher_id: s.voucherId === null ? null : required(voucherIds, s.voucherId),
    })),
  );
  await insertChunked(shares, async (chunk) => {
    await trx.insertInto('member_share').values(chunk).execute();
  });
  const steps = content.loans.flatMap((l) =>
    l.steps.map((s) => {
      const ref = s.details.voucherId;
      const details =
        typeof ref === 'string'
          ? { ...s.details, voucherId: required(voucherIds, ref) }
          : s.details;
      return {
        loan_id: required(loanIds, l.id),
        step: s.step,
        decision: s.decision,
        on_date: s.on,
        actor_id: null,
        actor_name: s.actorName,
        reason: s.reason,
        details: JSON.stringify(details),
        recorded_at: s.recordedAt,
      };
    }),
  );
  await insertChunked(steps, async (chunk) => {
    await trx.insertInto('loan_step').values(chunk).execute();
  });
  const repayments = content.loans.flatMap((l) =>
    l.repayments.map((r) => ({
      loan_id: required(loanIds, l.id),
      fund_id: fundId,
      on_date: r.on,
      amount_fen: r.amountFen,
      principal_fen: r.principalFen,
      normal_fee_fen: r.normalFeeFen,
      overdue_fee_fen: r.overdueFeeFen,
      method: r.method,
      voucher_id: required(voucherIds, r.voucherId),
    })),
  );
  await insertChunked(repayments, async (chunk) => {
    await trx.insertInto('repayment').values(chunk).execute();
  });
  // Closed after the vouchers: a closed period takes no new vouchers.
  if (content.periodCloses.length > 0) {
    await trx
      .insertInto('period_close')
      .values(
        content.periodCloses.map((c) => ({
          fund_id: fundId,
          period: c.period,
          closed_at: c.closedAt,
          closed_by: null,
        })),
      )
      .execute();
  }
  return fundId;
}

/**
 * Imports a fund data package. Everything is checked first and every problem listed
 * (`package_invalid` with `details.problems`); only a clean package is written, in one
 * transaction. A fund with the package's code already in its village is compared with the
 * package: identical content answers `unchanged` and writes nothing; different content answers
 * `package_conflict` (a package never overwrites books). The actor needs `books.write` or
 * `funds.create` and the village in scope.
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
  const { content } = doc;
  const counts = {
    members: content.members.length,
    loans: content.loans.length,
    vouchers: content.vouchers.length,
  };
  return db.transaction().execute(async (trx) => {
    // One import of a fund code at a time.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`package:${content.fund.code}`}))`.execute(
      trx,
    );
    const problems = new ProblemList();
    const target = await checkTarget(trx, actor, content, problems);
    problems.items.push(...validatePackageContent(content));
    if (problems.items.length > 0) refuse(problems.items);
    if (target === null) throw new Error('Invariant violated: target missing without a problem');
    if (target.existingFundId !== null) {
      const existing = contentChecksum(await fundPackageContent(trx, target.existingFundId));
      if (existing !== doc.checksum) {
        throw new AppError('package_conflict', {
          fundId: target.existingFundId,
          fundCode: content.fund.code,
          packageChecksum: doc.checksum,
          existingChecksum: existing,
        });
      }
      return {
        status: 'unchanged',
        fundId: target.existingFundId,
        fundCode: content.fund.code,
        counts,
      };
    }
    const fundId = await writeFund(trx, content, target.villageId);
    await recordAudit(trx, actor.userId > 0 ? actor : null, {
      command: 'package.import',
      region: { id: target.villageId, path: target.villagePath },
      entities: [{ type: 'fund', id: String(fundId) }],
      details: { code: content.fund.code, checksum: doc.checksum, by: actor.username, ...counts },
    });
    return { status: 'imported', fundId, fundCode: content.fund.code, counts };
  });
}
