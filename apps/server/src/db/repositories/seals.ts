import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { toSafeInt } from '../connect.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The hash a fund's chain starts from. */
export const GENESIS = 'huzhu-voucher-chain-v1';

/** What a seal covers: the voucher header and every line, as stored. */
export async function voucherContent(
  db: Db,
  voucherIds: readonly number[],
): Promise<Map<number, string>> {
  const result = new Map<number, string>();
  if (voucherIds.length === 0) return result;
  const ids = voucherIds.map(String);
  const headers = await db
    .selectFrom('voucher as v')
    .leftJoin('voucher as r', 'r.id', 'v.reverses_voucher_id')
    .select([
      'v.id',
      'v.fund_id',
      'v.period',
      'v.number',
      'v.date',
      'v.kind',
      'v.memo',
      'r.period as r_period',
      'r.number as r_number',
    ])
    .where('v.id', 'in', ids)
    .execute();
  const lines = await db
    .selectFrom('voucher_line')
    .select([
      'voucher_id',
      'line_no',
      'account_code',
      'side',
      'amount_fen',
      'subledger_kind',
      'subledger_id',
    ])
    .where('voucher_id', 'in', ids)
    .orderBy('voucher_id')
    .orderBy('line_no')
    .execute();
  for (const h of headers) {
    const id = toSafeInt(h.id);
    const own = lines.filter((l) => l.voucher_id === h.id);
    result.set(
      id,
      JSON.stringify([
        h.fund_id,
        h.period,
        h.number,
        h.date,
        h.kind,
        h.memo,
        h.r_period === null ? null : `${h.r_period}-${String(h.r_number)}`,
        own.map((l) => [
          l.line_no,
          l.account_code,
          l.side,
          toSafeInt(l.amount_fen),
          l.subledger_kind,
          l.subledger_id,
        ]),
      ]),
    );
  }
  return result;
}

export function chainHash(previous: string, content: string): string {
  return createHash('sha256').update(previous).update('\n').update(content).digest('hex');
}

/**
 * Seals vouchers (in the given order) onto the end of their fund's chain. Called in the
 * transaction that records them, under the fund lock, after their lines are written.
 */
export async function sealVouchers(
  trx: Transaction<Database>,
  fundId: number,
  voucherIds: readonly number[],
): Promise<void> {
  if (voucherIds.length === 0) return;
  const fund = await trx
    .selectFrom('fund')
    .select(['seal_count', 'seal_head'])
    .where('id', '=', fundId)
    .executeTakeFirstOrThrow();
  const contents = await voucherContent(trx, voucherIds);
  let head = fund.seal_head ?? GENESIS;
  let seq = fund.seal_count;
  const rows = voucherIds.map((voucherId) => {
    const content = contents.get(voucherId);
    if (content === undefined) throw new Error(`voucher ${String(voucherId)} to seal is missing`);
    const hash = chainHash(head, content);
    seq += 1;
    const row = { fund_id: fundId, seq, voucher_id: voucherId, prev_hash: head, hash };
    head = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('voucher_seal')
      .values(rows.slice(i, i + 500))
      .execute();
  await trx
    .updateTable('fund')
    .set({ seal_count: seq, seal_head: head })
    .where('id', '=', fundId)
    .execute();
}

export interface IntegrityProblem {
  kind:
    'voucher_edited' | 'voucher_deleted' | 'voucher_unsealed' | 'chain_broken' | 'head_mismatch';
  seq: number | null;
  voucherId: number | null;
  voucherNo: string | null;
  message: string;
}

/**
 * Recomputes a fund's chain from the vouchers as they are now: an edited header or line, a deleted
 * voucher, a voucher without a seal, a broken link or a head that does not match are reported.
 */
export async function verifyChain(
  db: Db,
  fundId: number,
): Promise<{ vouchers: number; sealed: number; problems: IntegrityProblem[] }> {
  const fund = await db
    .selectFrom('fund')
    .select(['seal_count', 'seal_head'])
    .where('id', '=', fundId)
    .executeTakeFirstOrThrow();
  const seals = await db
    .selectFrom('voucher_seal')
    .selectAll()
    .where('fund_id', '=', fundId)
    .orderBy('seq')
    .execute();
  const vouchers = await db
    .selectFrom('voucher')
    .select(['id', 'period', 'number'])
    .where('fund_id', '=', fundId)
    .orderBy('id')
    .execute();
  const numbers = new Map(
    vouchers.map((v) => [toSafeInt(v.id), `${v.period}-${String(v.number).padStart(4, '0')}`]),
  );
  const contents = await voucherContent(db, [...numbers.keys()]);
  const problems: IntegrityProblem[] = [];
  let head = GENESIS;
  let expectedSeq = 1;
  for (const seal of seals) {
    const voucherId = toSafeInt(seal.voucher_id);
    if (seal.seq !== expectedSeq || seal.prev_hash !== head) {
      problems.push({
        kind: 'chain_broken',
        seq: seal.seq,
        voucherId,
        voucherNo: numbers.get(voucherId) ?? null,
        message: `第 ${String(seal.seq)} 个封记与前一封记不连续（封记被删除或改动）`,
      });
    }
    expectedSeq = seal.seq + 1;
    const content = contents.get(voucherId);
    if (content === undefined) {
      problems.push({
        kind: 'voucher_deleted',
        seq: seal.seq,
        voucherId,
        voucherNo: null,
        message: `凭证（id ${String(voucherId)}）已被删除`,
      });
    } else if (chainHash(seal.prev_hash, content) !== seal.hash) {
      problems.push({
        kind: 'voucher_edited',
        seq: seal.seq,
        voucherId,
        voucherNo: numbers.get(voucherId) ?? null,
        message: `凭证 ${numbers.get(voucherId) ?? ''} 的内容在记账后被改动`,
      });
    }
    head = seal.hash;
  }
  const sealedIds = new Set(seals.map((s) => toSafeInt(s.voucher_id)));
  for (const [id, no] of numbers) {
    if (!sealedIds.has(id))
      problems.push({
        kind: 'voucher_unsealed',
        seq: null,
        voucherId: id,
        voucherNo: no,
        message: `凭证 ${no} 没有封记（未经系统记账）`,
      });
  }
  if (fund.seal_count !== seals.length || (fund.seal_head ?? GENESIS) !== head) {
    problems.push({
      kind: 'head_mismatch',
      seq: null,
      voucherId: null,
      voucherNo: null,
      message: `封记链末端与记录不符（记录 ${String(fund.seal_count)} 个，实有 ${String(seals.length)} 个）：末尾的凭证或封记可能被删除`,
    });
  }
  return { vouchers: vouchers.length, sealed: seals.length, problems };
}
