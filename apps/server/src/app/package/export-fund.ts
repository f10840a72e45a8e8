import { sql, type Kysely, type Transaction } from 'kysely';
import {
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  type FundPackage,
  type PackageContent,
} from '@huzhu/contract';
import { DEFAULT_CHART } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import type { Actor } from '../actor.js';
import { notFound } from '../errors.js';
import { loadBylaws } from '../books/bylaws-store.js';
import { fundInScope } from '../books/context.js';
import { contentChecksum } from './canonical.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Who wrote a package. */
export const PACKAGE_GENERATOR = 'huzhu 0.1.0';

/** Package ids: M<member no>, L<loan no>, G<n>, V<period>-<number>. */
export function memberPackageId(memberNo: number): string {
  return `M${memberNo}`;
}
export function loanPackageId(loanNo: number): string {
  return `L${loanNo}`;
}
export function voucherPackageId(period: string, number: number): string {
  return `V${period}-${String(number).padStart(4, '0')}`;
}

const DEFAULT_CODES = new Set(DEFAULT_CHART.map((a) => a.code));

function mapVoucherId(
  details: Record<string, unknown>,
  map: (id: number) => string | undefined,
): Record<string, unknown> {
  if (!('voucherId' in details)) return details;
  const id = Number(details.voucherId);
  return { ...details, voucherId: map(id) ?? null };
}

/**
 * The content of a fund's package, read from the database in a deterministic order so that the
 * same books always give the same content (and checksum), whatever their database ids.
 */
export async function fundPackageContent(db: Db, fundId: number): Promise<PackageContent> {
  const fund = await db
    .selectFrom('fund as f')
    .innerJoin('region as r', 'r.id', 'f.region_id')
    .select([
      'f.id',
      'f.code',
      'f.name',
      'f.founded_on',
      'f.registration_no',
      'f.registered_on',
      'f.bank_name',
      'f.bank_account_no',
      'r.code as village_code',
      'r.name as village_name',
    ])
    .where('f.id', '=', fundId)
    .executeTakeFirst();
  if (fund === undefined) throw notFound('fund');

  const counts = await db
    .selectFrom('fund_household_count')
    .selectAll()
    .where('fund_id', '=', fundId)
    .orderBy('as_of')
    .execute();
  const bylaws = await loadBylaws(db, fundId);
  const accounts = await db
    .selectFrom('account')
    .select(['code', 'name', 'kind', 'parent_code'])
    .where('fund_id', '=', fundId)
    .orderBy(sql`length(code)`)
    .orderBy('code')
    .execute();

  const members = await db
    .selectFrom('member')
    .selectAll()
    .where('fund_id', '=', fundId)
    .orderBy('member_no')
    .execute();
  const memberIds = new Map(members.map((m) => [m.id, memberPackageId(m.member_no)]));
  const memberId = (id: number | null): string | null =>
    id === null ? null : (memberIds.get(id) ?? null);

  const vouchers = await db
    .selectFrom('voucher')
    .selectAll()
    .where('fund_id', '=', fundId)
    .orderBy('period')
    .orderBy('number')
    .execute();
  const voucherIds = new Map(
    vouchers.map((v) => [toSafeInt(v.id), voucherPackageId(v.period, v.number)]),
  );
  const voucherId = (id: string | number | null): string | null =>
    id === null ? null : (voucherIds.get(toSafeInt(id)) ?? null);

  const loans = await db
    .selectFrom('loan')
    .selectAll()
    .where('fund_id', '=', fundId)
    .orderBy('loan_no')
    .execute();
  const loanIds = new Map(loans.map((l) => [l.id, loanPackageId(l.loan_no)]));

  const categories = await db
    .selectFrom('member_category as c')
    .innerJoin('member as m', 'm.id', 'c.member_id')
    .select(['c.member_id', 'c.effective_on', 'c.category', 'c.dibao', 'c.wubao'])
    .where('m.fund_id', '=', fundId)
    .orderBy('c.effective_on')
    .execute();
  const shares = await db
    .selectFrom('member_share')
    .selectAll()
    .where('fund_id', '=', fundId)
    .orderBy('on_date')
    .orderBy('id')
    .execute();
  const officers = await db
    .selectFrom('fund_officer')
    .selectAll()
    .where('fund_id', '=', fundId)
    .orderBy('from_on')
    .orderBy('id')
    .execute();
  const groups = await db
    .selectFrom('joint_group')
    .selectAll()
    .where('fund_id', '=', fundId)
    .orderBy('formed_on')
    .orderBy('name')
    .execute();
  const groupIds = new Map(groups.map((g, index) => [g.id, `G${index + 1}`]));
  const groupMembers = await db
    .selectFrom('joint_group_member as gm')
    .innerJoin('joint_group as g', 'g.id', 'gm.group_id')
    .innerJoin('member as m', 'm.id', 'gm.member_id')
    .select(['gm.group_id', 'gm.member_id', 'gm.joined_on', 'gm.left_on'])
    .where('g.fund_id', '=', fundId)
    .orderBy('m.member_no')
    .orderBy('gm.joined_on')
    .execute();
  const steps = await db
    .selectFrom('loan_step as s')
    .innerJoin('loan as l', 'l.id', 's.loan_id')
    .select([
      's.loan_id',
      's.step',
      's.decision',
      's.on_date',
      's.actor_name',
      's.reason',
      's.details',
      's.recorded_at',
    ])
    .where('l.fund_id', '=', fundId)
    .orderBy('s.id')
    .execute();
  const repayments = await db
    .selectFrom('repayment')
    .selectAll()
    .where('fund_id', '=', fundId)
    .orderBy('on_date')
    .orderBy('id')
    .execute();
  const lines = await db
    .selectFrom('voucher_line')
    .selectAll()
    .where('fund_id', '=', fundId)
    .orderBy('voucher_id')
    .orderBy('line_no')
    .execute();
  const linesByVoucher = new Map<number, typeof lines>();
  for (const line of lines) {
    const key = toSafeInt(line.voucher_id);
    linesByVoucher.set(key, [...(linesByVoucher.get(key) ?? []), line]);
  }
  const closes = await db
    .selectFrom('period_close')
    .selectAll()
    .where('fund_id', '=', fundId)
    .orderBy('period')
    .execute();

  return {
    fund: {
      code: fund.code,
      name: fund.name,
      village: { code: fund.village_code, name: fund.village_name },
      foundedOn: fund.founded_on,
      registration:
        fund.registration_no === null
          ? null
          : { no: fund.registration_no, registeredOn: fund.registered_on },
      bank:
        fund.bank_name === null && fund.bank_account_no === null
          ? null
          : { name: fund.bank_name ?? '', accountNo: fund.bank_account_no ?? '' },
    },
    householdCounts: counts.map((c) => ({
      asOf: c.as_of,
      totalHouseholds: c.total_households,
      poorHouseholds: c.poor_households,
    })),
    bylaws: bylaws.map((b) => ({
      effectiveOn: b.effectiveOn,
      feeRateBpPerYear: b.feeRateBpPerYear,
      feeRateBasis: b.feeRateBasis,
      overdueMultiplierPercent: b.overdueMultiplierPercent,
      dayCountDaysPerYear: b.dayCountDaysPerYear === 365 ? 365 : 360,
      firstLoanLimitFen: b.firstLoanLimitFen,
      laterLoanLimitFen: b.laterLoanLimitFen,
      maxTermMonths: b.maxTermMonths,
      maxOutstandingLoansPerMember: b.maxOutstandingLoansPerMember,
      maxExtensions: b.maxExtensions,
      groupSize: b.groupSize,
      maxConcurrentBorrowersPerGroup: b.maxConcurrentBorrowersPerGroup,
      shareUnitFen: b.shareUnitFen,
      minShares: b.minShares,
      maxShares: b.maxShares,
      poorAllotmentShares: b.poorAllotmentShares,
      exitNoticeDays: b.exitNoticeDays,
      publicNoticeDays: b.publicNoticeDays,
      cashLimitFen: b.cashLimitFen,
      distribution: {
        commonReservePercent: b.distribution.commonReservePercent,
        welfareFundPercent: b.distribution.welfareFundPercent,
        riskReservePercent: b.distribution.riskReservePercent,
      },
      productivePurposes: [...b.productivePurposes],
    })),
    chartAdditions: accounts
      .filter((a) => !DEFAULT_CODES.has(a.code))
      .map((a) => ({ code: a.code, name: a.name, kind: a.kind, parentCode: a.parent_code })),
    members: members.map((m) => ({
      id: memberPackageId(m.member_no),
      memberNo: m.member_no,
      headName: m.head_name,
      idCardNo: m.id_card_no,
      phone: m.phone,
      villagerGroup: m.villager_group,
      householdSize: m.household_size,
      category: m.category,
      dibao: m.dibao,
      wubao: m.wubao,
      joinedOn: m.joined_on,
      exitedOn: m.exited_on,
      categoryHistory: categories
        .filter((c) => c.member_id === m.id)
        .map((c) => ({
          effectiveOn: c.effective_on,
          category: c.category,
          dibao: c.dibao,
          wubao: c.wubao,
        })),
      shares: shares
        .filter((s) => s.member_id === m.id)
        .map((s) => ({
          kind: s.kind,
          on: s.on_date,
          shares: s.shares,
          amountFen: toSafeInt(s.amount_fen),
          method: s.method,
          voucherId: voucherId(s.voucher_id),
        })),
    })),
    officers: officers.map((o) => ({
      memberId: memberId(o.member_id) ?? '',
      body: o.body,
      title: o.title,
      fromOn: o.from_on,
      toOn: o.to_on,
    })),
    groups: groups.map((g) => ({
      id: groupIds.get(g.id) ?? '',
      name: g.name,
      formedOn: g.formed_on,
      members: groupMembers
        .filter((gm) => gm.group_id === g.id)
        .map((gm) => ({
          memberId: memberId(gm.member_id) ?? '',
          joinedOn: gm.joined_on,
          leftOn: gm.left_on,
        })),
    })),
    loans: loans.map((l) => ({
      id: loanPackageId(l.loan_no),
      loanNo: l.loan_no,
      memberId: memberId(l.member_id) ?? '',
      groupId: l.group_id === null ? null : (groupIds.get(l.group_id) ?? null),
      purpose: l.purpose,
      purposeDetail: l.purpose_detail,
      amountFen: toSafeInt(l.amount_fen),
      termMonths: l.term_months,
      instalments: l.instalments,
      appliedOn: l.applied_on,
      borrowerPoor: l.borrower_poor,
      firstLoan: l.first_loan,
      status: l.status as PackageContent['loans'][number]['status'],
      guarantor1MemberId: memberId(l.guarantor1_member_id),
      guarantor2MemberId: memberId(l.guarantor2_member_id),
      noticeFrom: l.notice_from,
      noticeUntil: l.notice_until,
      contractNo: l.contract_no,
      contractedOn: l.contracted_on,
      disbursedOn: l.disbursed_on,
      disbursementMethod: l.disbursement_method,
      dueOn: l.due_on,
      originalDueOn: l.original_due_on,
      settledOn: l.settled_on,
      writtenOffOn: l.written_off_on,
      writeOffResolution: l.write_off_resolution,
      principalOutstandingFen: toSafeInt(l.principal_outstanding_fen),
      state: (l.state ?? null) as PackageContent['loans'][number]['state'],
      steps: steps
        .filter((s) => s.loan_id === l.id)
        .map((s) => ({
          step: s.step,
          decision: s.decision,
          on: s.on_date,
          actorName: s.actor_name,
          reason: s.reason,
          details: mapVoucherId(s.details, (id) => voucherIds.get(id)),
          recordedAt: s.recorded_at.toISOString(),
        })),
      repayments: repayments
        .filter((r) => r.loan_id === l.id)
        .map((r) => ({
          on: r.on_date,
          amountFen: toSafeInt(r.amount_fen),
          principalFen: toSafeInt(r.principal_fen),
          normalFeeFen: toSafeInt(r.normal_fee_fen),
          overdueFeeFen: toSafeInt(r.overdue_fee_fen),
          method: r.method,
          voucherId: voucherId(r.voucher_id) ?? '',
        })),
    })),
    vouchers: vouchers.map((v) => ({
      id: voucherPackageId(v.period, v.number),
      period: v.period,
      number: v.number,
      date: v.date,
      kind: v.kind,
      memo: v.memo,
      reversesVoucherId: voucherId(v.reverses_voucher_id),
      recordedAt: v.recorded_at.toISOString(),
      lines: (linesByVoucher.get(toSafeInt(v.id)) ?? []).map((line) => ({
        accountCode: line.account_code,
        side: line.side,
        amountFen: toSafeInt(line.amount_fen),
        subledger:
          line.subledger_kind === null || line.subledger_id === null
            ? null
            : {
                kind: line.subledger_kind,
                id:
                  (line.subledger_kind === 'loan'
                    ? loanIds.get(line.subledger_id)
                    : memberIds.get(line.subledger_id)) ?? '',
              },
        memo: line.memo,
      })),
    })),
    periodCloses: closes.map((c) => ({ period: c.period, closedAt: c.closed_at.toISOString() })),
  };
}

/** The fund's package: format, version, when, and the content with its checksum. */
export async function exportFund(db: Db, fundCode: string, now = new Date()): Promise<FundPackage> {
  const read = async (trx: Db): Promise<PackageContent> => {
    const fund = await trx
      .selectFrom('fund')
      .select('id')
      .where('code', '=', fundCode)
      .executeTakeFirst();
    if (fund === undefined) throw notFound('fund');
    return fundPackageContent(trx, fund.id);
  };
  // One snapshot: a package never mixes the books before and after a concurrent command.
  const content = db.isTransaction
    ? await read(db)
    : await db.transaction().setIsolationLevel('repeatable read').execute(read);
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    exportedAt: now.toISOString(),
    generator: PACKAGE_GENERATOR,
    checksum: contentChecksum(content),
    content,
  };
}

/** The package of a fund in the actor's scope (404 outside it), for download. */
export async function exportFundInScope(
  db: Kysely<Database>,
  actor: Actor,
  fundId: number,
  now: Date,
): Promise<FundPackage> {
  const fund = await fundInScope(db, actor, fundId);
  return exportFund(db, fund.code, now);
}
