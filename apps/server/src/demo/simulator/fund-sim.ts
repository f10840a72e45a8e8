import type { Kysely } from 'kysely';
import {
  addDays,
  addMonths,
  amountOwedOn,
  applyRepayment,
  dateParts,
  daysBetween,
  daysInMonth,
  dueDateAfterMonths,
  extendLoan as extendState,
  fen,
  feeTermsFromBylaws,
  lumpSumSchedule,
  openLoan,
  type Bylaws,
  type IsoDate,
  type LoanState,
} from '@huzhu/domain';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../app/actor.js';
import { bylawsOn } from '../../app/books/bylaws-store.js';
import { recordCashEvent, type CashEventInput } from '../../app/books/cash-events.js';
import { addOfficer, recordHouseholdCount, setRegistration } from '../../app/books/fund-setup.js';
import { createGroup } from '../../app/books/groups.js';
import {
  applyForLoan,
  disburseLoan,
  extendLoan,
  recordLoanStep,
  repayLoan,
  writeOffLoan,
  type StepInput,
} from '../../app/books/loans.js';
import { changeCategory, contribute, exitMember, registerMember } from '../../app/books/members.js';
import { closePeriod, closeYear } from '../../app/books/periods.js';
import { decideReport, submitReport } from '../../app/monitoring/quarterly-reports.js';
import { idCardNumber, personName, phoneNumber, PURPOSES } from './names.js';
import type { Prng } from './prng.js';

/** Who acts for a fund: its bookkeeper, a board member, a supervisor, and the county office. */
export interface FundActors {
  readonly keeper: Actor;
  readonly board: Actor;
  readonly supervisor: Actor;
  readonly county: Actor;
}

/** One fund to simulate. */
export interface FundPlan {
  readonly fundId: number;
  readonly code: string;
  readonly villageName: string;
  readonly countyName: string;
  /** First 6 digits of the county's code (身份证号 prefix). */
  readonly county6: string;
  /** The first business date of its books (fiscal money arrives, members join). */
  readonly startOn: IsoDate;
  /** Members it grows to. */
  readonly targetMembers: number;
  readonly actors: FundActors;
}

export interface FundSimStats {
  calls: number;
  members: number;
  loans: number;
  disbursed: number;
  writtenOff: number;
  reports: number;
}

interface SimMember {
  readonly id: number;
  readonly name: string;
  poor: boolean;
  readonly joinedOn: IsoDate;
  exited: boolean;
  groupIndex: number | null;
  /** A loan of this member in the pipeline or outstanding. */
  loan: SimLoan | null;
  /** Loans this member guarantees (in the pipeline or outstanding). */
  guarantees: number;
  hasHadLoan: boolean;
  shares: number;
  officer: boolean;
}

interface SimGroup {
  readonly id: number;
  readonly members: number[];
}

interface SimLoan {
  readonly id: number;
  readonly borrower: number;
  readonly guarantors: readonly [number, number];
  readonly amountFen: number;
  readonly termMonths: number;
  state: LoanState | null;
  done: boolean;
  /** Committed money while in the pipeline (released at disbursement or rejection). */
  committed: boolean;
}

type Method = 'cash' | 'bank';

/** Relative loan demand by month (Jan … Dec): the spring planting peak, a quiet summer. */
const SEASON = [1.1, 1.7, 2.0, 1.5, 0.9, 0.7, 0.6, 0.6, 0.8, 0.9, 0.7, 0.8];
/** Loans a year per member on average (before the money and the rules limit them). */
const LOANS_PER_MEMBER_YEAR = 0.6;
/** Reasons the board gives when it turns an application down. */
const REJECTIONS = ['用途不明确，需补充养殖计划', '联保小组成员意见不一致', '申请金额超过实际需要'];

function yuan(n: number): number {
  return n * 100;
}

/**
 * Builds one fund's books day by day from `plan.startOn` to `today`, through the same use cases
 * the API calls (every rule checked, every voucher sealed). Deterministic for a given `prng`.
 * Business dates never pass `today`; each call gets a clock set to its business day.
 */
export class FundSimulation {
  readonly stats: FundSimStats = {
    calls: 0,
    members: 0,
    loans: 0,
    disbursed: 0,
    writtenOff: 0,
    reports: 0,
  };
  private cash = 0;
  private bank = 0;
  private committed = 0;
  private readonly members: SimMember[] = [];
  private readonly groups: SimGroup[] = [];
  private readonly queue = new Map<IsoDate, (() => Promise<void>)[]>();
  private requestNo = 0;
  private bylaws: Bylaws | null = null;
  private writeOffNo = 0;
  private memberSeq = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly plan: FundPlan,
    private readonly prng: Prng,
    private readonly today: IsoDate,
    private readonly realNow: Date,
    private readonly seed: number,
    private readonly onMonth: () => void = () => undefined,
  ) {}

  /** Months the run will tick `onMonth` for (for a progress bar). */
  static monthsBetween(startOn: IsoDate, today: IsoDate): number {
    const a = dateParts(startOn);
    const b = dateParts(today);
    return (b.year - a.year) * 12 + (b.month - a.month) + 1;
  }

  private clock(day: IsoDate): Date {
    const at = new Date(`${day}T04:00:00Z`);
    return at.getTime() > this.realNow.getTime() ? this.realNow : at;
  }

  private requestId(): string {
    this.requestNo += 1;
    return `sim:${String(this.seed)}:${this.plan.code}:${String(this.requestNo)}`;
  }

  private at(day: IsoDate, event: () => Promise<void>): void {
    if (day > this.today) return; // not yet happened: the books end today
    if (day < this.current) throw new Error(`event scheduled in the past (${day})`);
    const list = this.queue.get(day);
    if (list === undefined) this.queue.set(day, [event]);
    else list.push(event);
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    this.stats.calls += 1;
    return run();
  }

  async run(): Promise<FundSimStats> {
    const { startOn } = this.plan;
    this.bylaws = await bylawsOn(this.db, this.plan.fundId, startOn);
    this.setUp(startOn);
    let day = startOn;
    let month = startOn.slice(0, 7);
    while (day <= this.today) {
      this.daily(day);
      // Events may schedule more for the same day: run until the day is empty.
      for (let events = this.queue.get(day); events !== undefined; events = this.queue.get(day)) {
        this.queue.delete(day);
        for (const event of events) await event();
      }
      await this.keepCashWithinLimit(day);
      const next = addDays(day, 1);
      if (next.slice(0, 7) !== month) {
        month = next.slice(0, 7);
        this.onMonth();
      }
      day = next;
    }
    this.onMonth();
    return this.stats;
  }

  // ── founding ────────────────────────────────────────────────────────────────────────────

  private setUp(startOn: IsoDate): void {
    const { fundId, actors } = this.plan;
    const prng = this.prng;
    const households = Math.round(this.plan.targetMembers / (0.25 + prng.next() * 0.2));
    const poorHouseholds = Math.round(households * (0.14 + prng.next() * 0.1));
    this.at(startOn, async () => {
      await this.call(() =>
        setRegistration(this.db, actors.keeper, fundId, {
          registrationNo: `渝民登字${startOn.slice(0, 4)}第${String(prng.int(1, 999)).padStart(3, '0')}号`,
          registeredOn: addDays(startOn, -prng.int(10, 60)),
          bankName: `重庆农村商业银行${this.plan.countyName}支行`,
          bankAccountNo: `6228 48${String(prng.int(10, 99))} ${String(prng.int(1000, 9999))} ${String(prng.int(1000, 9999))} ${String(prng.int(100, 999))}`,
        }),
      );
      await this.householdCount(startOn, households, poorHouseholds);
      await this.cashEvent(startOn, {
        kind: 'fiscal_funds',
        amountFen: yuan(150_000),
        memo: `${startOn.slice(0, 4)}年度财政扶贫资金（新启动试点村）`,
      });
      await this.cashEvent(startOn, {
        kind: 'bank_to_cash',
        amountFen: yuan(1_000),
        memo: '备用金',
      });
    });
    // The founding wave: about 70% of the households join in the first ten days.
    const wave = Math.max(8, Math.round(this.plan.targetMembers * 0.7));
    for (let i = 0; i < wave; i += 1) this.at(addDays(startOn, prng.int(0, 10)), () => this.join());
    this.at(addDays(startOn, 12), async () => {
      await this.formGroups(addDays(startOn, 12), 3);
      await this.appointOfficers(addDays(startOn, 12));
    });
  }

  private async householdCount(asOf: IsoDate, total: number, poor: number): Promise<void> {
    const members = this.members.filter((m) => !m.exited);
    const poorMembers = members.filter((m) => m.poor).length;
    await this.call(() =>
      recordHouseholdCount(this.db, this.plan.actors.keeper, this.plan.fundId, {
        asOf,
        totalHouseholds: Math.max(total, members.length),
        poorHouseholds: Math.min(Math.max(total, members.length), Math.max(poor, poorMembers)),
      }),
    );
  }

  private async join(): Promise<void> {
    const prng = this.prng;
    const day = this.current;
    const poor = prng.chance(0.35);
    const shares = poor
      ? prng.chance(0.2)
        ? 1
        : 0
      : prng.weighted([
          [1, 4],
          [2, 4],
          [3, 2],
          [5, 1],
        ] as const);
    const sequence = this.memberSeq;
    this.memberSeq += 1;
    const name = personName(prng);
    const phone = phoneNumber(prng);
    const view = await this.call(() =>
      registerMember(
        this.db,
        this.plan.actors.keeper,
        this.plan.fundId,
        {
          requestId: this.requestId(),
          headName: name,
          idCardNo: idCardNumber(prng, this.plan.county6, sequence),
          phone,
          villagerGroup: `${String(prng.int(1, 8))}组`,
          householdSize: prng.int(1, 7),
          category: poor ? 'poor' : 'ordinary',
          dibao: poor && prng.chance(0.25),
          wubao: poor && prng.chance(0.05),
          joinedOn: day,
          shares,
          method: 'cash',
        },
        this.clock(day),
      ),
    );
    if (shares > 0) this.cash += shares * this.shareUnit();
    this.members.push({
      id: view.id,
      name,
      poor,
      joinedOn: day,
      exited: false,
      groupIndex: null,
      loan: null,
      guarantees: 0,
      hasHadLoan: false,
      shares,
      officer: false,
    });
    this.stats.members += 1;
  }

  private shareUnit(): number {
    return this.bylaws?.shareUnitFen ?? 10_000;
  }

  /** Forms 联保小组 of five from members not yet in one (a last group of at least `min`). */
  private async formGroups(day: IsoDate, min: number): Promise<void> {
    const free = this.members
      .map((m, index) => ({ m, index }))
      .filter(({ m }) => !m.exited && m.groupIndex === null && m.joinedOn <= day)
      .map(({ index }) => index);
    const order = this.prng.shuffle(free);
    for (let i = 0; i + min <= order.length; i += 5) {
      const chunk = order.slice(i, i + 5);
      if (chunk.length < min) break;
      const name = `第${String(this.groups.length + 1)}联保小组`;
      const id = await this.call(() =>
        createGroup(
          this.db,
          this.plan.actors.keeper,
          this.plan.fundId,
          { name, formedOn: day, memberIds: chunk.map((index) => this.member(index).id) },
          this.clock(day),
        ),
      );
      const groupIndex = this.groups.length;
      this.groups.push({ id, members: chunk });
      for (const index of chunk) this.member(index).groupIndex = groupIndex;
    }
  }

  private async appointOfficers(day: IsoDate): Promise<void> {
    const candidates = this.prng.shuffle(
      this.members.map((m, index) => ({ m, index })).filter(({ m }) => !m.exited && !m.poor),
    );
    const titles: ['board' | 'supervisory', string][] = [
      ['board', '理事长'],
      ['board', '理事'],
      ['board', '理事'],
      ['supervisory', '监事长'],
      ['supervisory', '监事'],
    ];
    for (const [i, [body, title]] of titles.entries()) {
      const chosen = candidates[i];
      if (chosen === undefined) break;
      chosen.m.officer = true;
      await this.call(() =>
        addOfficer(this.db, this.plan.actors.keeper, this.plan.fundId, {
          memberId: chosen.m.id,
          body,
          title,
          fromOn: day,
        }),
      );
    }
  }

  private member(index: number): SimMember {
    const m = this.members[index];
    if (m === undefined) throw new Error(`member ${String(index)} missing`);
    return m;
  }

  // ── the daily round ─────────────────────────────────────────────────────────────────────

  private current: IsoDate = '0000-01-01' as IsoDate;

  /** Schedules what happens today: month and year ends, reports, expenses, new applications. */
  private daily(day: IsoDate): void {
    this.current = day;
    const { year, month, day: dom } = dateParts(day);
    const start = this.plan.startOn;
    const prng = this.prng;
    // Year end (on 3 January): 年终结转 and 收益分配 for last year, then December is closed.
    if (month === 1 && dom === 3 && start <= `${String(year - 1)}-12-31`) {
      this.at(day, () => this.closeYear(year - 1));
    }
    // Month close on the 3rd for the month before.
    if (dom === 3) {
      const previous = addMonths(day, -1).slice(0, 7);
      if (previous >= start.slice(0, 7)) this.at(day, () => this.closeMonth(previous));
    }
    // Quarterly report for the quarter just ended, after the month close (deadline: the 5th).
    if ((month - 1) % 3 === 0 && dom === 1 && addDays(day, -1) >= start) {
      const last = dateParts(addDays(day, -1));
      const quarter = `${String(last.year)}Q${String(Math.ceil(last.month / 3))}`;
      const offset = prng.weighted([
        [3, 3],
        [4, 4],
        [5, 1],
        [6, 0.5],
        [7, 0.5],
      ] as const);
      this.at(addDays(day, offset), () => this.report(quarter));
    }
    // New year: household count, a few members leave or cease to be poor, some add shares.
    if (month === 1 && dom === 10 && start < day) this.at(day, () => this.yearlyHousekeeping());
    // 年度计划 reward money for some established funds.
    if (month === 5 && dom === 20 && daysBetween(start, day) > 730 && prng.chance(0.12)) {
      this.at(day, () =>
        this.cashEvent(day, {
          kind: 'fiscal_funds',
          amountFen: yuan(prng.pick([50_000, 100_000])),
          memo: `${String(year)}年度奖励扩大规模资金`,
        }),
      );
    }
    // Quarterly bank interest (结息日 the 21st of the quarter's last month).
    if (month % 3 === 0 && dom === 21 && start < day) {
      this.at(day, async () => {
        const interest = Math.round((this.bank * 35) / 40_000);
        if (interest > 0)
          await this.cashEvent(day, {
            kind: 'bank_interest',
            amountFen: interest,
            memo: `${String(month)}月结息`,
          });
      });
    }
    // Expenses: 误工补助 most months, office supplies now and then.
    if (dom === 25 && start < day) {
      if (prng.chance(0.4))
        this.at(day, () =>
          this.expense(day, yuan(prng.int(2, 4) * 100), `${String(month)}月理事会、监事会误工补助`),
        );
      if (prng.chance(0.15))
        this.at(day, () =>
          this.expense(day, yuan(prng.int(5, 30) * 10), '购买账簿、票据和办公用品'),
        );
    }
    // Later joiners and new groups.
    if (daysBetween(start, day) > 20) {
      const rest = Math.max(0, this.plan.targetMembers - this.members.length);
      if (rest > 0 && prng.chance(Math.min(0.5, rest / 300))) this.at(day, () => this.join());
      if (dom === 15) this.at(day, () => this.formGroups(day, 5));
    }
    // Loan applications.
    if (daysBetween(start, day) >= 14) {
      const active = this.members.filter((m) => !m.exited).length;
      const mean =
        (active * LOANS_PER_MEMBER_YEAR * (SEASON[month - 1] ?? 1)) / 12 / daysInMonth(year, month);
      const count = prng.poisson(mean);
      for (let i = 0; i < count; i += 1) this.at(day, () => this.apply(day));
    }
  }

  private async yearlyHousekeeping(): Promise<void> {
    const day = this.current;
    const prng = this.prng;
    const members = this.members.filter((m) => !m.exited);
    const total = Math.round(members.length / (0.3 + prng.next() * 0.15));
    await this.householdCount(
      `${day.slice(0, 4)}-01-01` as IsoDate,
      total,
      Math.round(total * 0.18),
    );
    for (const m of members) {
      if (m.poor && prng.chance(0.04)) {
        m.poor = false;
        await this.call(() =>
          changeCategory(
            this.db,
            this.plan.actors.keeper,
            this.plan.fundId,
            m.id,
            { effectiveOn: day, category: 'ordinary', dibao: false, wubao: false },
            this.clock(day),
          ),
        );
      } else if (!m.poor && m.shares > 0 && m.shares < 9 && prng.chance(0.05)) {
        m.shares += 1;
        await this.call(() =>
          contribute(
            this.db,
            this.plan.actors.keeper,
            this.plan.fundId,
            m.id,
            { requestId: this.requestId(), on: day, shares: 1, method: 'cash' },
            this.clock(day),
          ),
        );
        this.cash += this.shareUnit();
      } else if (
        !m.officer &&
        m.loan === null &&
        m.guarantees === 0 &&
        m.joinedOn < day &&
        prng.chance(0.015)
      ) {
        await this.exit(m, day);
      }
    }
  }

  private async exit(m: SimMember, day: IsoDate): Promise<void> {
    const refund = m.shares * this.shareUnit();
    const method: Method = this.bank >= refund ? 'bank' : 'cash';
    if (refund > (method === 'bank' ? this.bank : this.cash)) return;
    await this.call(() =>
      exitMember(
        this.db,
        this.plan.actors.keeper,
        this.plan.fundId,
        m.id,
        { requestId: this.requestId(), on: day, method },
        this.clock(day),
      ),
    );
    if (method === 'bank') this.bank -= refund;
    else this.cash -= refund;
    m.exited = true;
    if (m.groupIndex !== null) {
      const group = this.groups[m.groupIndex];
      const index = this.members.indexOf(m);
      const at = group === undefined ? -1 : group.members.indexOf(index);
      if (group !== undefined && at >= 0) group.members.splice(at, 1);
      m.groupIndex = null;
    }
  }

  // ── money ───────────────────────────────────────────────────────────────────────────────

  private async cashEvent(
    day: IsoDate,
    input: Omit<CashEventInput, 'requestId' | 'on'>,
  ): Promise<void> {
    await this.call(() =>
      recordCashEvent(
        this.db,
        this.plan.actors.keeper,
        this.plan.fundId,
        { requestId: this.requestId(), on: day, ...input },
        this.clock(day),
      ),
    );
    const amount = input.amountFen;
    const via = input.method ?? 'cash';
    switch (input.kind) {
      case 'fiscal_funds':
      case 'bank_interest':
        this.bank += amount;
        break;
      case 'donation':
        if (via === 'bank') this.bank += amount;
        else this.cash += amount;
        break;
      case 'expense':
        if (via === 'bank') this.bank -= amount;
        else this.cash -= amount;
        break;
      case 'cash_to_bank':
        this.cash -= amount;
        this.bank += amount;
        break;
      case 'bank_to_cash':
        this.bank -= amount;
        this.cash += amount;
        break;
    }
  }

  private async expense(day: IsoDate, amountFen: number, memo: string): Promise<void> {
    if (this.cash < amountFen) {
      const need = amountFen - this.cash + yuan(500);
      if (this.bank < need) return;
      await this.cashEvent(day, { kind: 'bank_to_cash', amountFen: need, memo: '提取备用金' });
    }
    await this.cashEvent(day, { kind: 'expense', amountFen, method: 'cash', memo });
  }

  /** Cash over the limit goes to the bank at the end of the day (库存现金限额). */
  private async keepCashWithinLimit(day: IsoDate): Promise<void> {
    const limit = this.bylaws?.cashLimitFen ?? yuan(2_000);
    if (this.cash <= Math.round(limit * 0.75)) return;
    const amount = this.cash - yuan(500);
    await this.cashEvent(day, { kind: 'cash_to_bank', amountFen: amount, memo: '现金送存银行' });
  }

  private available(): number {
    return this.cash + this.bank - this.committed;
  }

  // ── loans ───────────────────────────────────────────────────────────────────────────────

  private eligibleGuarantors(group: SimGroup, borrower: number): number[] {
    return group.members.filter((index) => {
      const m = this.member(index);
      return index !== borrower && !m.exited && m.loan === null;
    });
  }

  private async apply(day: IsoDate): Promise<void> {
    const prng = this.prng;
    const candidates: number[] = [];
    for (const [index, m] of this.members.entries()) {
      if (m.exited || m.loan !== null || m.guarantees > 0 || m.groupIndex === null) continue;
      const group = this.groups[m.groupIndex];
      if (group === undefined) continue;
      const borrowing = group.members.filter((i) => this.member(i).loan !== null).length;
      if (borrowing >= 2) continue;
      if (this.eligibleGuarantors(group, index).length < 2) continue;
      candidates.push(index);
      if (m.poor) candidates.push(index); // poor households are keener borrowers (and come first)
    }
    if (candidates.length === 0) return;
    const borrower = prng.pick(candidates);
    const m = this.member(borrower);
    const group = this.groups[m.groupIndex ?? -1];
    if (group === undefined) return;
    const [g1, g2] = prng.shuffle(this.eligibleGuarantors(group, borrower));
    if (g1 === undefined || g2 === undefined) return;
    const bylaws = this.bylaws;
    if (bylaws === null) return;
    const limit = m.hasHadLoan ? bylaws.laterLoanLimitFen : bylaws.firstLoanLimitFen;
    const amountFen = Math.min(
      limit,
      m.hasHadLoan
        ? yuan(
            prng.weighted([
              [3_000, 1],
              [5_000, 3],
              [8_000, 3],
              [10_000, 3],
            ] as const) +
              prng.int(-2, 0) * 500,
          )
        : yuan(
            prng.weighted([
              [1_000, 1],
              [2_000, 2],
              [3_000, 3],
              [5_000, 4],
            ] as const),
          ),
    );
    // Leave a margin for fees, refunds and expenses; an application the fund cannot fund waits.
    if (this.available() - yuan(2_000) < amountFen) return;
    const month = Number(day.slice(5, 7));
    const spring = month >= 2 && month <= 4;
    const [purpose, details] = prng.weighted(
      PURPOSES.map((p, i) => [p, i === 0 ? (spring ? 6 : 2) : i === 1 ? 4 : 1] as const),
    );
    const termMonths = prng.weighted([
      [6, 1],
      [8, 1],
      [10, 2],
      [12, 6],
    ] as const);
    const loanId = await this.call(() =>
      applyForLoan(
        this.db,
        this.plan.actors.keeper,
        this.plan.fundId,
        {
          requestId: this.requestId(),
          memberId: m.id,
          amountFen,
          termMonths,
          instalments: 1,
          purpose,
          purposeDetail: prng.pick(details),
          appliedOn: day,
        },
        this.clock(day),
      ),
    );
    this.stats.loans += 1;
    const seq = this.stats.loans;
    const loan: SimLoan = {
      id: loanId,
      borrower,
      guarantors: [g1, g2],
      amountFen,
      termMonths,
      state: null,
      done: false,
      committed: true,
    };
    this.committed += amountFen;
    m.loan = loan;
    this.member(g1).guarantees += 1;
    this.member(g2).guarantees += 1;
    // The approval path, each step on its own day.
    const boardOn = addDays(day, prng.int(1, 3));
    const supervisorOn = addDays(boardOn, prng.int(0, 2));
    const noticeOn = addDays(supervisorOn, prng.int(0, 1));
    const contractOn = addDays(noticeOn, bylaws.publicNoticeDays);
    const disburseOn = addDays(contractOn, prng.int(0, 2));
    const keeper = this.plan.actors.keeper;
    await this.step(loan, keeper, {
      action: 'group_review',
      on: day,
      guarantor1MemberId: this.member(g1).id,
      guarantor2MemberId: this.member(g2).id,
    });
    if (prng.chance(0.03)) {
      this.at(boardOn, async () => {
        await this.step(loan, this.plan.actors.board, {
          action: 'reject',
          on: boardOn,
          reason: prng.pick(REJECTIONS),
        });
        this.release(loan);
      });
      return;
    }
    this.at(boardOn, () =>
      this.step(loan, this.plan.actors.board, { action: 'board_approve', on: boardOn }),
    );
    this.at(supervisorOn, () =>
      this.step(loan, this.plan.actors.supervisor, {
        action: 'supervisor_review',
        on: supervisorOn,
      }),
    );
    this.at(noticeOn, () => this.step(loan, keeper, { action: 'publicize', on: noticeOn }));
    this.at(contractOn, () =>
      this.step(loan, keeper, {
        action: 'contract',
        on: contractOn,
        contractNo: `${this.plan.code}-${contractOn.slice(0, 4)}-${String(seq).padStart(3, '0')}`,
      }),
    );
    this.at(disburseOn, () => this.disburse(loan, disburseOn, 0));
  }

  private async step(loan: SimLoan, actor: Actor, input: StepInput): Promise<void> {
    await this.call(() =>
      recordLoanStep(
        this.db,
        actor,
        this.plan.fundId,
        loan.id,
        input,
        this.clock(input.on as IsoDate),
      ),
    );
  }

  /** The loan no longer ties up its borrower, guarantors or money. */
  private release(loan: SimLoan): void {
    if (loan.committed) {
      this.committed -= loan.amountFen;
      loan.committed = false;
    }
    loan.done = true;
    this.member(loan.borrower).loan = null;
    for (const g of loan.guarantors) this.member(g).guarantees -= 1;
  }

  private async disburse(loan: SimLoan, day: IsoDate, attempt: number): Promise<void> {
    const prng = this.prng;
    if (this.cash + this.bank < loan.amountFen) {
      if (attempt < 3) {
        this.at(addDays(day, 7), () => this.disburse(loan, addDays(day, 7), attempt + 1));
        return;
      }
      await this.step(loan, this.plan.actors.board, {
        action: 'reject',
        on: day,
        reason: '互助资金暂时不足，暂缓放款',
      });
      this.release(loan);
      return;
    }
    let method: Method = prng.chance(0.8) ? 'bank' : 'cash';
    if (method === 'cash' && this.cash < loan.amountFen) method = 'bank';
    if (method === 'bank' && this.bank < loan.amountFen) {
      await this.cashEvent(day, {
        kind: 'cash_to_bank',
        amountFen: loan.amountFen - this.bank,
        memo: '现金送存银行',
      });
    }
    await this.call(() =>
      disburseLoan(
        this.db,
        this.plan.actors.keeper,
        this.plan.fundId,
        loan.id,
        { requestId: this.requestId(), on: day, method },
        this.clock(day),
      ),
    );
    if (method === 'bank') this.bank -= loan.amountFen;
    else this.cash -= loan.amountFen;
    this.committed -= loan.amountFen;
    loan.committed = false;
    this.stats.disbursed += 1;
    const borrower = this.member(loan.borrower);
    borrower.hasHadLoan = true;
    const bylaws = this.bylaws;
    if (bylaws === null) return;
    const termMonths = loan.termMonths;
    const principal = fen(loan.amountFen);
    loan.state = openLoan({
      principalFen: principal,
      disbursedOn: day,
      schedule: lumpSumSchedule(principal, dueDateAfterMonths(day, termMonths)),
      terms: feeTermsFromBylaws(bylaws),
    });
    this.planRepayment(loan, loan.state.dueOn);
  }

  /** How this borrower will repay: mostly on time, some late, a few partly, a few never. */
  private planRepayment(loan: SimLoan, due: IsoDate): void {
    const prng = this.prng;
    const disbursedOn = loan.state?.disbursedOn ?? due;
    const r = prng.next();
    const notBefore = (d: IsoDate): IsoDate => (d <= disbursedOn ? addDays(disbursedOn, 1) : d);
    if (r < 0.84) {
      const on = notBefore(
        addDays(
          due,
          -prng.weighted([
            [0, 5],
            [1, 2],
            [3, 2],
            [7, 1],
            [15, 1],
          ] as const),
        ),
      );
      this.at(on, () => this.repay(loan, on, 1));
    } else if (r < 0.92) {
      const on = addDays(due, prng.int(3, 60));
      this.at(on, () => this.repay(loan, on, 1));
    } else if (r < 0.95) {
      const first = addDays(due, prng.int(0, 20));
      const second = addDays(first, prng.int(45, 150));
      this.at(first, () => this.repay(loan, first, 0.4 + prng.next() * 0.3));
      this.at(second, () => this.repay(loan, second, 1));
    } else if (r < 0.97) {
      const approvedOn = notBefore(addDays(due, -prng.int(3, 20)));
      this.at(approvedOn, () => this.extend(loan, approvedOn));
    } else {
      if (prng.chance(0.5)) {
        const partOn = addDays(due, prng.int(10, 60));
        this.at(partOn, () => this.repay(loan, partOn, 0.2 + prng.next() * 0.2));
      }
      const writeOffOn = addDays(due, prng.int(100, 200));
      this.at(writeOffOn, () => this.writeOff(loan, writeOffOn));
    }
  }

  private async repay(loan: SimLoan, day: IsoDate, share: number): Promise<void> {
    const state = loan.state;
    if (state === null || loan.done) return;
    const owed = amountOwedOn(state, day);
    if (!owed.ok) throw new Error(`loan ${String(loan.id)}: ${owed.code}`);
    const total = owed.value.totalFen;
    const amountFen =
      share >= 1
        ? total
        : Math.min(total, Math.max(yuan(100), Math.round((total * share) / 10_000) * 10_000));
    const method: Method = this.prng.chance(0.4) ? 'cash' : 'bank';
    const result = await this.call(() =>
      repayLoan(
        this.db,
        this.plan.actors.keeper,
        this.plan.fundId,
        loan.id,
        { requestId: this.requestId(), on: day, amountFen, method },
        this.clock(day),
      ),
    );
    const outcome = applyRepayment(state, { on: day, amountFen: fen(amountFen) });
    if (!outcome.ok) throw new Error(`loan ${String(loan.id)}: ${outcome.code}`);
    loan.state = outcome.value.state;
    if (result.principalOutstandingFen !== loan.state.principalFen)
      throw new Error(`loan ${String(loan.id)}: the simulator and the books disagree`);
    if (method === 'cash') this.cash += amountFen;
    else this.bank += amountFen;
    if (result.settled) this.release(loan);
  }

  private async extend(loan: SimLoan, day: IsoDate): Promise<void> {
    const state = loan.state;
    if (state === null || loan.done) return;
    const newDueOn = addMonths(state.dueOn, 3);
    await this.call(() =>
      extendLoan(
        this.db,
        this.plan.actors.board,
        this.plan.fundId,
        loan.id,
        { approvedOn: day, newDueOn, reason: '受灾减产，理事会同意展期三个月' },
        this.clock(day),
      ),
    );
    const extended = extendState(state, { approvedOn: day, newDueOn, maxExtensions: 1 });
    if (!extended.ok) throw new Error(`loan ${String(loan.id)}: ${extended.code}`);
    loan.state = extended.value;
    const on = addDays(newDueOn, -this.prng.int(0, 5));
    this.at(on, () => this.repay(loan, on, 1));
  }

  private async writeOff(loan: SimLoan, day: IsoDate): Promise<void> {
    if (loan.state === null || loan.done) return;
    this.writeOffNo += 1;
    const resolutionDate = addDays(day, -this.prng.int(3, 15));
    await this.call(() =>
      writeOffLoan(
        this.db,
        this.plan.actors.keeper,
        this.plan.fundId,
        loan.id,
        {
          requestId: this.requestId(),
          on: day,
          resolutionNo: `会员大会决议〔${day.slice(0, 4)}〕${String(this.writeOffNo)}号`,
          resolutionDate,
        },
        this.clock(day),
      ),
    );
    this.stats.writtenOff += 1;
    this.release(loan);
  }

  // ── closing and reporting ───────────────────────────────────────────────────────────────

  private async closeMonth(period: string): Promise<void> {
    const day = this.current;
    await this.call(() =>
      closePeriod(this.db, this.plan.actors.keeper, this.plan.fundId, period, this.clock(day)),
    );
  }

  private async closeYear(year: number): Promise<void> {
    const day = this.current;
    await this.call(() =>
      closeYear(
        this.db,
        this.plan.actors.keeper,
        this.plan.fundId,
        { requestId: this.requestId(), year },
        this.clock(day),
      ),
    );
  }

  private async report(quarter: string): Promise<void> {
    const day = this.current;
    const id = await this.call(() =>
      submitReport(this.db, this.plan.actors.keeper, this.plan.fundId, quarter, this.clock(day)),
    );
    this.stats.reports += 1;
    const county = this.plan.actors.county;
    const reviewOn = addDays(day, this.prng.int(3, 12));
    const lockOn = addDays(reviewOn, this.prng.int(5, 25));
    this.at(reviewOn, () =>
      this.call(() =>
        decideReport(this.db, county, id, { action: 'approve' }, this.clock(reviewOn)),
      ),
    );
    this.at(lockOn, () =>
      this.call(() => decideReport(this.db, county, id, { action: 'lock' }, this.clock(lockOn))),
    );
  }
}
