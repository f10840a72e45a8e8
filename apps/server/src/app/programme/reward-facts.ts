import type { Kysely, Transaction } from 'kysely';
import { fen, type IsoDate, type RewardFacts } from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The facts reward-and-expand eligibility is judged on, from a fund's books as of a date:
 * registration, first disbursement, overdue balance and write-offs (from the §8 indicators passed
 * in), and the fiscal money received so far (credits to 4401 政府补助收入).
 */
export async function rewardFactsFor(
  db: Db,
  fundId: number,
  asOf: IsoDate,
  figures: { overdueBalanceFen: number; writtenOffFen: number },
): Promise<RewardFacts> {
  const fund = await db
    .selectFrom('fund as f')
    .innerJoin('region as v', 'v.id', 'f.region_id')
    .select(['f.registration_no', 'f.registered_on', 'v.code'])
    .where('f.id', '=', fundId)
    .executeTakeFirstOrThrow();
  const first = await db
    .selectFrom('loan')
    .select((eb) => eb.fn.min('disbursed_on').as('first'))
    .where('fund_id', '=', fundId)
    .where('disbursed_on', '<=', asOf)
    .executeTakeFirst();
  const fiscal = await db
    .selectFrom('voucher_line as l')
    .innerJoin('voucher as v', 'v.id', 'l.voucher_id')
    .select((eb) => eb.fn.sum<string>('l.amount_fen').as('total'))
    .where('l.fund_id', '=', fundId)
    .where('l.account_code', '=', '4401')
    .where('l.side', '=', 'credit')
    .where('v.date', '<=', asOf)
    .executeTakeFirst();
  return {
    villageCode: fund.code,
    registrationNo: fund.registration_no,
    registeredOn: fund.registered_on as IsoDate | null,
    firstDisbursedOn: (first?.first ?? null) as IsoDate | null,
    overdueBalanceFen: fen(figures.overdueBalanceFen),
    writtenOffFen: fen(figures.writtenOffFen),
    cumulativeFiscalInputFen: fen(toSafeInt(fiscal?.total ?? null)),
  };
}
