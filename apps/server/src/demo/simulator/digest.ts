import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * A digest of funds' books that does not depend on database ids or clock times: per fund (by
 * code), its members, loans (with steps and repayments) and vouchers (with lines, subledgers
 * named by member and loan number). Two runs of the simulator with the same seed give the
 * same digest.
 */
export async function booksDigest(
  db: Kysely<Database>,
  fundCodes: readonly string[],
): Promise<{ digest: string; counts: { members: number; loans: number; vouchers: number } }> {
  const hash = createHash('sha256');
  const counts = { members: 0, loans: 0, vouchers: 0 };
  for (const code of [...fundCodes].sort()) {
    const fund = await db
      .selectFrom('fund')
      .select(['id', 'name', 'founded_on', 'seal_count'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    hash.update(JSON.stringify([code, fund.name, fund.founded_on, fund.seal_count]));
    const members = await sql<Record<string, unknown>>`
      SELECT m.member_no, m.head_name, m.id_card_no, m.phone, m.villager_group, m.household_size,
             m.category, m.dibao, m.wubao, m.joined_on, m.exited_on,
             (SELECT json_agg(json_build_array(s.kind, s.on_date, s.shares, s.amount_fen, s.method) ORDER BY s.id)
                FROM member_share s WHERE s.member_id = m.id) AS shares,
             (SELECT g.name FROM joint_group_member gm JOIN joint_group g ON g.id = gm.group_id
               WHERE gm.member_id = m.id ORDER BY g.name LIMIT 1) AS group_name
        FROM member m WHERE m.fund_id = ${fund.id} ORDER BY m.member_no`.execute(db);
    counts.members += members.rows.length;
    for (const row of members.rows) hash.update(JSON.stringify(row));
    const loans = await sql<Record<string, unknown>>`
      SELECT l.loan_no, b.member_no, g1.member_no AS g1, g2.member_no AS g2, l.purpose,
             l.purpose_detail, l.amount_fen, l.term_months, l.applied_on, l.status, l.notice_from,
             l.contract_no, l.disbursed_on, l.due_on, l.settled_on, l.written_off_on,
             l.write_off_resolution, l.principal_outstanding_fen, l.state,
             (SELECT json_agg(json_build_array(s.step, s.decision, s.on_date, s.actor_name, s.reason) ORDER BY s.id)
                FROM loan_step s WHERE s.loan_id = l.id) AS steps,
             (SELECT json_agg(json_build_array(r.on_date, r.amount_fen, r.principal_fen, r.normal_fee_fen, r.overdue_fee_fen, r.method) ORDER BY r.id)
                FROM repayment r WHERE r.loan_id = l.id) AS repayments
        FROM loan l
        JOIN member b ON b.id = l.member_id
        LEFT JOIN member g1 ON g1.id = l.guarantor1_member_id
        LEFT JOIN member g2 ON g2.id = l.guarantor2_member_id
       WHERE l.fund_id = ${fund.id} ORDER BY l.loan_no`.execute(db);
    counts.loans += loans.rows.length;
    for (const row of loans.rows) hash.update(JSON.stringify(row));
    const vouchers = await sql<Record<string, unknown>>`
      SELECT v.period, v.number, v.date, v.kind, v.memo,
             json_agg(json_build_array(l.line_no, l.account_code, l.side, l.amount_fen, l.subledger_kind,
               CASE l.subledger_kind
                 WHEN 'member' THEN (SELECT member_no FROM member WHERE id = l.subledger_id)
                 WHEN 'loan' THEN (SELECT loan_no FROM loan WHERE id = l.subledger_id)
               END) ORDER BY l.line_no) AS lines
        FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id
       WHERE v.fund_id = ${fund.id}
       GROUP BY v.id ORDER BY v.period, v.number`.execute(db);
    counts.vouchers += vouchers.rows.length;
    for (const row of vouchers.rows) hash.update(JSON.stringify(row));
    const reports = await sql<Record<string, unknown>>`
      SELECT period, status, indicators FROM quarterly_report WHERE fund_id = ${fund.id} ORDER BY period`.execute(
      db,
    );
    for (const row of reports.rows) hash.update(JSON.stringify(row));
  }
  return { digest: hash.digest('hex'), counts };
}
