import type { Kysely, Transaction } from 'kysely';
import { errorMessage, type PlanView } from '@huzhu/contract';
import {
  allocationAmountFen,
  fen,
  formatWanYuan,
  PLAN_CATEGORY_NAMES,
  PLAN_SOURCE_NAMES,
  reconcilePlan,
  validatePlan,
  type Fen,
  type IsoDate,
  type PlanAllocation,
  type PlanCategory,
  type PlanProblem,
  type PlanSource,
  type YearlyPlan,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import { toSafeInt } from '../../db/connect.js';
import { requirePermission, type Actor } from '../actor.js';
import { recordAudit } from '../audit.js';
import { AppError, notFound } from '../errors.js';
import { calendarDate, chinaToday } from '../books/context.js';
import { loadPlanContext, type PlanRegion } from './plan-context.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A plan as the city officer enters it (the API body after defaults). */
export interface PlanInput {
  title: string;
  year: number;
  documentNumber: string;
  issuingOffice: string;
  issuedOn?: string | undefined;
  standardAmountFen: number;
  budget: { source: PlanSource; amountFen: number }[];
  allocations: {
    countyCode: string;
    villageCode: string | null;
    category: PlanCategory;
    source: PlanSource;
    villageCount: number;
    amountFen?: number | undefined;
    remark?: string | undefined;
  }[];
}

/** A stored plan's row with its region's path. */
export interface PlanRecord {
  id: number;
  regionId: number;
  regionPath: string;
  year: number;
  title: string;
  documentNo: string;
  issuingOffice: string;
  issuedOn: string | null;
  standardAmountFen: Fen;
  status: 'draft' | 'issued';
  plan: YearlyPlan;
}

/** The domain plan of an input; `issuedOn` is the document's date, or the draft's day. */
export function toDomainPlan(input: PlanInput, issuedOn: IsoDate): YearlyPlan {
  return {
    year: input.year,
    issuingOffice: input.issuingOffice,
    documentNumber: input.documentNumber,
    issuedOn,
    standardAmountFen: fen(input.standardAmountFen),
    budget: input.budget.map((b) => ({ source: b.source, amountFen: fen(b.amountFen) })),
    allocations: input.allocations.map((line): PlanAllocation => {
      const remark = line.remark?.trim() ?? '';
      return {
        countyCode: line.countyCode,
        villageCode: line.villageCode,
        category: line.category,
        source: line.source,
        villageCount: line.villageCount,
        ...(line.amountFen === undefined ? {} : { amountFen: fen(line.amountFen) }),
        ...(remark === '' ? {} : { remark }),
      };
    }),
  };
}

// Reading

function planSelect(db: Db) {
  return db
    .selectFrom('yearly_plan as p')
    .innerJoin('region as r', 'r.id', 'p.region_id')
    .select([
      'p.id',
      'p.region_id',
      'r.path',
      'p.year',
      'p.title',
      'p.document_no',
      'p.issuing_office',
      'p.issued_on',
      'p.standard_amount_fen',
      'p.status',
      'p.plan',
    ]);
}

type PlanRow = Awaited<ReturnType<ReturnType<typeof planSelect>['executeTakeFirstOrThrow']>>;

function toRecord(row: PlanRow): PlanRecord {
  return {
    id: row.id,
    regionId: row.region_id,
    regionPath: row.path,
    year: row.year,
    title: row.title,
    documentNo: row.document_no ?? '',
    issuingOffice: row.issuing_office,
    issuedOn: row.issued_on,
    standardAmountFen: fen(toSafeInt(row.standard_amount_fen)),
    status: row.status,
    plan: row.plan as YearlyPlan,
  };
}

/**
 * Who sees a plan: anyone at or above its region sees drafts and issued plans; anyone below it
 * (a county, a township, a fund of the city) sees it once issued — the notice is sent down.
 */
function visible(actor: Actor, record: { regionPath: string; status: string }): boolean {
  if (record.regionPath.startsWith(actor.regionPath)) return true;
  return record.status === 'issued' && actor.regionPath.startsWith(record.regionPath);
}

/** A plan the actor may read (404 otherwise); `forUpdate` locks its row. */
export async function planInScope(
  db: Db,
  actor: Actor,
  planId: number,
  forUpdate = false,
): Promise<PlanRecord> {
  let query = planSelect(db).where('p.id', '=', planId);
  if (forUpdate) query = query.forUpdate('p');
  const row = await query.executeTakeFirst();
  if (row === undefined) throw notFound('plan');
  const record = toRecord(row);
  if (!visible(actor, record)) throw notFound('plan');
  return record;
}

/** A plan the city officer may change: at or above its region, with `programme.city`. */
async function planToChange(trx: Transaction<Database>, actor: Actor, planId: number) {
  const record = await planInScope(trx, actor, planId, true);
  if (!record.regionPath.startsWith(actor.regionPath)) throw notFound('plan');
  requirePermission(actor, 'programme.city');
  return record;
}

const wan = (amount: number): string => `${formatWanYuan(fen(amount))}万元`;

/** A problem with its Chinese message made specific from its details (line, village, figures). */
function describe(
  problem: PlanProblem,
  regions: ReadonlyMap<string, PlanRegion>,
): { code: string; message: string; details: Record<string, unknown> } {
  const d = problem.details;
  const lineNo = typeof d.line === 'number' ? d.line + 1 : null;
  const at = lineNo === null ? '' : `第${lineNo}行：`;
  const villageCode = typeof d.villageCode === 'string' ? d.villageCode : null;
  const village =
    villageCode === null ? '' : (regions.get(villageCode)?.name ?? `村（${villageCode}）`);
  const source =
    typeof d.source === 'string' && d.source in PLAN_SOURCE_NAMES
      ? PLAN_SOURCE_NAMES[d.source as PlanSource]
      : String(d.source);
  const lines = Array.isArray(d.lines)
    ? (d.lines as number[]).map((i) => `第${i + 1}行`).join('、')
    : '';
  const num = (key: string): number => (typeof d[key] === 'number' ? d[key] : 0);
  let message: string;
  switch (problem.code) {
    case 'plan_source_over_allocated':
      message = `${source}预算${wan(num('budgetFen'))}，已分配${wan(num('allocatedFen'))}，超出预算${wan(num('overFen'))}`;
      break;
    case 'plan_source_unknown':
      message = `${at}资金来源“${source}”没有预算行`;
      break;
    case 'plan_source_twice':
      message = `${source}的预算填写了两次`;
      break;
    case 'plan_village_twice':
      message = `${village}在${lines}安排了两次`;
      break;
    case 'plan_village_without_fund':
      message = `${at}${village}没有互助社，不能安排${PLAN_CATEGORY_NAMES[d.category as PlanCategory]}资金`;
      break;
    case 'plan_cumulative_cap_exceeded':
      message = `${village}（${lines}）累计财政投入${wan(num('previousFen'))} + 本计划${wan(num('thisPlanFen'))} = ${wan(num('afterFen'))}，超过${wan(num('capFen'))}上限${wan(num('overFen'))}`;
      break;
    case 'plan_cumulative_input_unknown':
      message = `${village}（${lines}）没有互助社账簿，无法确定累计财政投入`;
      break;
    default:
      message = `${at}${errorMessage(problem.code)}`;
  }
  return {
    code: problem.code,
    message,
    details: { ...d, ...(lineNo === null ? {} : { lineNo }) },
  };
}

/** The reconciliation, problems and names of a plan, as the screen shows them. */
async function viewOf(
  db: Db,
  head: {
    id: number | null;
    regionId: number;
    cityPath: string;
    title: string;
    documentNo: string;
    issuingOffice: string;
    issuedOn: string | null;
    status: PlanView['status'];
  },
  plan: YearlyPlan,
): Promise<{ view: PlanView; problems: PlanProblem[]; regions: Map<string, PlanRegion> }> {
  const loaded = await loadPlanContext(db, plan, head.id, head.cityPath);
  const problems = [...loaded.treeProblems, ...validatePlan(plan, loaded.context)];
  const reconciliation = reconcilePlan(plan);
  const countyName = (code: string): string => loaded.regions.get(code)?.name ?? code;
  const receipts =
    head.id === null
      ? []
      : await db
          .selectFrom('plan_allocation_receipt')
          .select(['amount_fen', 'received_on'])
          .where('plan_id', '=', head.id)
          .execute();
  const received = receipts.filter((r) => r.received_on !== null);
  const sum = (rows: typeof receipts): number =>
    rows.reduce((total, r) => total + toSafeInt(r.amount_fen), 0);
  const view: PlanView = {
    id: head.id,
    regionId: head.regionId,
    year: plan.year,
    title: head.title,
    documentNumber: head.documentNo,
    issuingOffice: head.issuingOffice,
    issuedOn: head.issuedOn,
    standardAmountFen: plan.standardAmountFen,
    status: head.status,
    budget: plan.budget.map((b) => ({
      source: b.source,
      name: PLAN_SOURCE_NAMES[b.source],
      amountFen: b.amountFen,
    })),
    allocations: plan.allocations.map((line, index) => {
      const village = line.villageCode === null ? undefined : loaded.regions.get(line.villageCode);
      return {
        lineNo: index + 1,
        countyCode: line.countyCode,
        countyName: loaded.regions.get(line.countyCode)?.name ?? null,
        villageCode: line.villageCode,
        villageName: village?.name ?? null,
        fundId: village?.fundId ?? null,
        category: line.category,
        categoryName: PLAN_CATEGORY_NAMES[line.category],
        source: line.source,
        villageCount: line.villageCount,
        amountFen: allocationAmountFen(plan, line),
        remark: line.remark ?? null,
      };
    }),
    reconciliation: {
      sources: reconciliation.sources.map((s) => ({ ...s, name: PLAN_SOURCE_NAMES[s.source] })),
      byCategory: Object.entries(reconciliation.byCategory).map(([category, tally]) => ({
        category: category as PlanCategory,
        name: PLAN_CATEGORY_NAMES[category as PlanCategory],
        ...tally,
      })),
      byCounty: reconciliation.byCounty.map((county) => ({
        countyCode: county.countyCode,
        countyName: countyName(county.countyCode),
        ...county.total,
        byCategory: county.byCategory,
        bySource: county.bySource,
      })),
      total: reconciliation.total,
    },
    problems: problems.map((p) => describe(p, loaded.regions)),
    canIssue: head.status !== 'issued' && problems.length === 0,
    receipts: {
      count: receipts.length,
      received: received.length,
      amountFen: sum(receipts),
      receivedFen: sum(received),
    },
  };
  return { view, problems, regions: loaded.regions };
}

function refuse(problems: PlanProblem[], regions: ReadonlyMap<string, PlanRegion>): never {
  const described = problems.map((p) => describe(p, regions));
  const [first] = described;
  if (first === undefined) throw new Error('refuse without a problem');
  throw new AppError(first.code, { ...first.details, message: first.message, problems: described });
}

async function viewOfRecord(db: Db, record: PlanRecord) {
  const city = await db
    .selectFrom('region')
    .select('path')
    .where('id', '=', record.regionId)
    .executeTakeFirstOrThrow();
  return viewOf(
    db,
    {
      id: record.id,
      regionId: record.regionId,
      cityPath: city.path,
      title: record.title,
      documentNo: record.documentNo,
      issuingOffice: record.issuingOffice,
      issuedOn: record.issuedOn,
      status: record.status,
    },
    record.plan,
  );
}

/** One plan with its reconciliation, its problems against today's books and whether it can issue. */
export async function getPlan(db: Db, actor: Actor, planId: number): Promise<PlanView> {
  const record = await planInScope(db, actor, planId);
  return (await viewOfRecord(db, record)).view;
}

/** Plans the actor may read (drafts of their region and below; issued plans above them too). */
export async function listPlans(db: Db, actor: Actor, year: number | undefined) {
  const lineage = actor.regionPath.split('/').filter(Boolean).map(Number);
  let query = planSelect(db).where((eb) =>
    eb.or([
      eb('r.path', 'like', `${actor.regionPath}%`),
      ...(lineage.length === 0
        ? []
        : [eb.and([eb('p.status', '=', 'issued'), eb('p.region_id', 'in', lineage)])]),
    ]),
  );
  if (year !== undefined) query = query.where('p.year', '=', year);
  const rows = await query.orderBy('p.year', 'desc').orderBy('p.id', 'desc').execute();
  return {
    items: rows.map((row) => {
      const record = toRecord(row);
      const total = reconcilePlan(record.plan).total;
      return {
        id: record.id,
        year: record.year,
        title: record.title,
        documentNumber: record.documentNo,
        issuingOffice: record.issuingOffice,
        status: record.status,
        issuedOn: record.issuedOn,
        budgetFen: total.budgetFen,
        allocatedFen: total.allocatedFen,
        remainderFen: total.remainderFen,
        villageCount: total.villageCount,
      };
    }),
  };
}

// Writing

async function cityOf(trx: Db, actor: Actor): Promise<{ id: number; path: string }> {
  requirePermission(actor, 'programme.city');
  const region = await trx
    .selectFrom('region')
    .select(['id', 'path', 'level'])
    .where('id', '=', actor.regionId)
    .executeTakeFirst();
  if (region?.level !== 'city') throw new AppError('forbidden', { reason: 'plan_region_not_city' });
  return { id: region.id, path: region.path };
}

async function assertTitleFree(
  trx: Db,
  regionId: number,
  year: number,
  title: string,
  exceptId: number | null,
): Promise<void> {
  let query = trx
    .selectFrom('yearly_plan')
    .select('id')
    .where('region_id', '=', regionId)
    .where('year', '=', year)
    .where('title', '=', title);
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  if ((await query.executeTakeFirst()) !== undefined)
    throw new AppError('plan_title_taken', { year, title });
}

function draftDate(input: PlanInput, now: Date): IsoDate {
  return input.issuedOn === undefined ? chinaToday(now) : calendarDate(input.issuedOn, 'issuedOn');
}

/**
 * Checks a plan without saving it: the same view as a saved draft (status `preview`), so the
 * officer sees the reconciliation and every problem while entering it.
 */
export async function previewPlan(
  db: Kysely<Database>,
  actor: Actor,
  input: PlanInput,
  now: Date,
): Promise<PlanView> {
  const city = await cityOf(db, actor);
  const plan = toDomainPlan(input, draftDate(input, now));
  const { view } = await viewOf(
    db,
    {
      id: null,
      regionId: city.id,
      cityPath: city.path,
      title: input.title,
      documentNo: input.documentNumber,
      issuingOffice: input.issuingOffice,
      issuedOn: input.issuedOn ?? null,
      status: 'preview',
    },
    plan,
  );
  return view;
}

/**
 * Saves a draft plan of the actor's city. A plan with any problem is refused with every problem
 * (`details.problems`, the first one's code answered) and nothing is written; an unallocated
 * remainder is not a problem: the reconciliation shows it.
 */
export async function createPlan(
  db: Kysely<Database>,
  actor: Actor,
  input: PlanInput,
  now: Date,
): Promise<PlanView> {
  const id = await db.transaction().execute(async (trx) => {
    const city = await cityOf(trx, actor);
    const plan = toDomainPlan(input, draftDate(input, now));
    const { problems, regions } = await viewOf(
      trx,
      {
        id: null,
        regionId: city.id,
        cityPath: city.path,
        title: input.title,
        documentNo: input.documentNumber,
        issuingOffice: input.issuingOffice,
        issuedOn: input.issuedOn ?? null,
        status: 'draft',
      },
      plan,
    );
    if (problems.length > 0) refuse(problems, regions);
    await assertTitleFree(trx, city.id, input.year, input.title, null);
    const inserted = await trx
      .insertInto('yearly_plan')
      .values({
        region_id: city.id,
        year: input.year,
        title: input.title,
        document_no: input.documentNumber === '' ? null : input.documentNumber,
        issuing_office: input.issuingOffice,
        issued_on: input.issuedOn ?? null,
        standard_amount_fen: input.standardAmountFen,
        status: 'draft',
        plan: JSON.stringify(plan),
        created_by: actor.userId > 0 ? actor.userId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      command: 'programme.plan.create',
      region: city,
      entities: [{ type: 'yearly_plan', id: String(inserted.id) }],
      details: { year: input.year, title: input.title, lines: input.allocations.length },
    });
    return inserted.id;
  });
  return getPlan(db, actor, id);
}

/** Replaces a draft (refused once issued: `plan_already_issued`), with the same checks as create. */
export async function replacePlan(
  db: Kysely<Database>,
  actor: Actor,
  planId: number,
  input: PlanInput,
  now: Date,
): Promise<PlanView> {
  await db.transaction().execute(async (trx) => {
    const record = await planToChange(trx, actor, planId);
    if (record.status !== 'draft') throw new AppError('plan_already_issued', { planId });
    const plan = toDomainPlan(input, draftDate(input, now));
    const { problems, regions } = await viewOfRecord(trx, { ...record, plan });
    if (problems.length > 0) refuse(problems, regions);
    await assertTitleFree(trx, record.regionId, input.year, input.title, record.id);
    await trx
      .updateTable('yearly_plan')
      .set({
        year: input.year,
        title: input.title,
        document_no: input.documentNumber === '' ? null : input.documentNumber,
        issuing_office: input.issuingOffice,
        issued_on: input.issuedOn ?? null,
        standard_amount_fen: input.standardAmountFen,
        plan: JSON.stringify(plan),
      })
      .where('id', '=', record.id)
      .execute();
    await recordAudit(trx, actor, {
      command: 'programme.plan.replace',
      region: { id: record.regionId, path: record.regionPath },
      entities: [{ type: 'yearly_plan', id: String(record.id) }],
      details: { year: input.year, title: input.title, lines: input.allocations.length },
    });
  });
  return getPlan(db, actor, planId);
}

/**
 * Issues (下达) a draft: re-checked against today's books; any problem refuses it with every
 * problem and writes nothing. Issued, each village-level line whose village has a fund gets a
 * receipt (`plan_allocation_receipt`) that the fund confirms when the money arrives. The
 * document date stays as entered, or becomes today.
 */
export async function issuePlan(
  db: Kysely<Database>,
  actor: Actor,
  planId: number,
  now: Date,
): Promise<{ plan: PlanView; receiptsCreated: number }> {
  const created = await db.transaction().execute(async (trx) => {
    const record = await planToChange(trx, actor, planId);
    if (record.status !== 'draft') throw new AppError('plan_already_issued', { planId });
    const { problems, regions } = await viewOfRecord(trx, record);
    if (problems.length > 0) refuse(problems, regions);
    const issuedOn = (record.issuedOn ?? chinaToday(now)) as IsoDate;
    const plan: YearlyPlan = { ...record.plan, issuedOn };
    await trx
      .updateTable('yearly_plan')
      .set({
        status: 'issued',
        issued_on: issuedOn,
        issued_by: actor.userId > 0 ? actor.userId : null,
        issued_at: now,
        plan: JSON.stringify(plan),
      })
      .where('id', '=', record.id)
      .execute();
    const receipts = plan.allocations.flatMap((line, index) => {
      const fundId = line.villageCode === null ? null : regions.get(line.villageCode)?.fundId;
      const amount = allocationAmountFen(plan, line);
      if (fundId === null || fundId === undefined || amount === null) return [];
      return [
        {
          plan_id: record.id,
          line_no: index + 1,
          fund_id: fundId,
          category: line.category,
          source: line.source,
          amount_fen: amount,
        },
      ];
    });
    if (receipts.length > 0)
      await trx.insertInto('plan_allocation_receipt').values(receipts).execute();
    await recordAudit(trx, actor, {
      command: 'programme.plan.issue',
      region: { id: record.regionId, path: record.regionPath },
      entities: [{ type: 'yearly_plan', id: String(record.id) }],
      details: { issuedOn, receipts: receipts.length },
    });
    return receipts.length;
  });
  return { plan: await getPlan(db, actor, planId), receiptsCreated: created };
}

/** The plan's domain form and the names of its counties, for the plan table (附件1). */
export async function planForTable(
  db: Db,
  actor: Actor,
  planId: number,
): Promise<{ record: PlanRecord; countyNames: Map<string, string> }> {
  const record = await planInScope(db, actor, planId);
  const codes = [...new Set(record.plan.allocations.map((line) => line.countyCode))];
  const rows =
    codes.length === 0
      ? []
      : await db.selectFrom('region').select(['code', 'name']).where('code', 'in', codes).execute();
  return { record, countyNames: new Map(rows.map((r) => [r.code, r.name])) };
}
