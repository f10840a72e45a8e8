import { sql, type Kysely, type Transaction } from 'kysely';
import {
  DEFAULT_CHART,
  assertBalanced,
  fen,
  type PostedLine,
  type VoucherKind,
  dateFromParts,
  daysInMonth,
  type Account,
  type IsoDate,
  type Voucher,
} from '@huzhu/domain';
import type { Database } from '../schema.js';
import { toSafeInt } from '../connect.js';
import { sealVouchers } from './seals.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Writes the default chart of accounts for a new fund. */
export async function seedChart(trx: Db, fundId: number): Promise<void> {
  await trx
    .insertInto('account')
    .values(
      DEFAULT_CHART.map((a) => ({
        fund_id: fundId,
        code: a.code,
        name: a.name,
        kind: a.kind,
        parent_code: a.parentCode,
      })),
    )
    .execute();
}

/** The fund's chart as the domain sees it (sub-accounts inherit their parent's subledger). */
export async function loadChart(trx: Db, fundId: number): Promise<Account[]> {
  const rows = await trx
    .selectFrom('account')
    .select(['code', 'name', 'kind', 'parent_code'])
    .where('fund_id', '=', fundId)
    .orderBy(sql`length(code)`)
    .orderBy('code')
    .execute();
  const defaults = new Map(DEFAULT_CHART.map((a) => [a.code, a]));
  const byCode = new Map<string, Account>();
  for (const row of rows) {
    const parent = row.parent_code === null ? undefined : byCode.get(row.parent_code);
    const account: Account = {
      code: row.code,
      name: row.name,
      kind: row.kind,
      normalSide: row.kind === 'asset' || row.kind === 'expense' ? 'debit' : 'credit',
      parentCode: row.parent_code,
      subledger: defaults.get(row.code)?.subledger ?? parent?.subledger ?? null,
    };
    byCode.set(row.code, account);
  }
  return [...byCode.values()];
}

/**
 * Locks the fund row for the rest of the transaction. Every command that moves a fund's money
 * takes this lock first, so balance checks and voucher numbers never race.
 */
export async function lockFund(trx: Transaction<Database>, fundId: number): Promise<void> {
  await trx
    .selectFrom('fund')
    .select('id')
    .where('id', '=', fundId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** The last day of the last closed month of a fund, or null when no month is closed. */
export async function closedThrough(trx: Db, fundId: number): Promise<IsoDate | null> {
  const row = await trx
    .selectFrom('period_close')
    .select((eb) => eb.fn.max('period').as('period'))
    .where('fund_id', '=', fundId)
    .executeTakeFirst();
  const period = row?.period ?? null;
  if (period === null) return null;
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  return dateFromParts({ year, month, day: daysInMonth(year, month) });
}

export interface PostedVoucher {
  id: number;
  period: string;
  number: number;
}

/**
 * Records a voucher the domain built: asserts it balances (the database checks again at commit),
 * numbers it sequentially within its fund and month, and writes header and lines.
 */
export async function insertVoucher(
  trx: Transaction<Database>,
  fundId: number,
  voucher: Voucher,
  createdBy: number | null,
): Promise<PostedVoucher> {
  assertBalanced(voucher);
  const period = voucher.date.slice(0, 7);
  const counter = await trx
    .insertInto('voucher_counter')
    .values({ fund_id: fundId, period, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['fund_id', 'period'])
        .doUpdateSet({ last_number: sql`voucher_counter.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  const header = await trx
    .insertInto('voucher')
    .values({
      fund_id: fundId,
      period,
      number: counter.last_number,
      date: voucher.date,
      kind: voucher.kind,
      memo: voucher.memo,
      reverses_voucher_id: voucher.reversesVoucherId ?? null,
      created_by: createdBy !== null && createdBy > 0 ? createdBy : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = toSafeInt(header.id);
  await trx
    .insertInto('voucher_line')
    .values(
      voucher.lines.map((line, index) => ({
        voucher_id: id,
        line_no: index + 1,
        fund_id: fundId,
        account_code: line.accountCode,
        side: line.side,
        amount_fen: line.amountFen,
        subledger_kind: line.subledger?.kind ?? null,
        subledger_id: line.subledger === undefined ? null : Number(line.subledger.id),
        memo: null,
      })),
    )
    .execute();
  await sealVouchers(trx, fundId, [id]);
  return { id, period, number: counter.last_number };
}

/** Net debit balance (debits − credits) of accounts whose code starts with each prefix, all dates. */
export async function netDebitBalances(
  trx: Db,
  fundId: number,
  codes: readonly string[],
  asOf?: string,
): Promise<Map<string, number>> {
  const result = new Map<string, number>(codes.map((c) => [c, 0]));
  if (codes.length === 0) return result;
  let query = trx
    .selectFrom('voucher_line as l')
    .innerJoin('voucher as v', 'v.id', 'l.voucher_id')
    .select([
      'l.account_code',
      sql<string>`sum(CASE WHEN l.side = 'debit' THEN l.amount_fen ELSE -l.amount_fen END)`.as(
        'net',
      ),
    ])
    .where('l.fund_id', '=', fundId)
    .where((eb) => eb.or(codes.map((code) => eb('l.account_code', 'like', `${code}%`))))
    .groupBy('l.account_code');
  if (asOf !== undefined) query = query.where('v.date', '<=', asOf);
  for (const row of await query.execute()) {
    for (const code of codes) {
      if (row.account_code.startsWith(code))
        result.set(code, (result.get(code) ?? 0) + toSafeInt(row.net));
    }
  }
  return result;
}

/** Every posted line of a fund (optionally only dated on or before `through`), in voucher order. */
export async function loadPostedLines(
  trx: Db,
  fundId: number,
  through?: string,
): Promise<PostedLine[]> {
  let query = trx
    .selectFrom('voucher_line as l')
    .innerJoin('voucher as v', 'v.id', 'l.voucher_id')
    .select([
      'v.id',
      'v.period',
      'v.number',
      'v.date',
      'v.kind',
      'v.memo',
      'l.account_code',
      'l.side',
      'l.amount_fen',
      'l.subledger_kind',
      'l.subledger_id',
    ])
    .where('v.fund_id', '=', fundId)
    .orderBy('v.date')
    .orderBy('v.id')
    .orderBy('l.line_no');
  if (through !== undefined) query = query.where('v.date', '<=', through);
  const rows = await query.execute();
  return rows.map((row) => {
    const base = {
      voucherId: row.id,
      voucherNo: `${row.period}-${String(row.number).padStart(4, '0')}`,
      date: row.date as IsoDate,
      voucherKind: row.kind as VoucherKind,
      memo: row.memo,
      accountCode: row.account_code,
      side: row.side,
      amountFen: fen(toSafeInt(row.amount_fen)),
    };
    return row.subledger_kind === null || row.subledger_id === null
      ? base
      : { ...base, subledger: { kind: row.subledger_kind, id: String(row.subledger_id) } };
  });
}
