import type { PackageContent, PackageProblem } from '@huzhu/contract';
import { validateIdCardNumber } from '@huzhu/domain';
import { canonicalJson } from './canonical.js';
import { loanPackageId, memberPackageId, voucherPackageId } from './export-fund.js';
import { ProblemList } from './validate-package.js';

type Content = PackageContent;
type Member = Content['members'][number];
type Loan = Content['loans'][number];
type Group = Content['groups'][number];
type GroupMember = Group['members'][number];
type Voucher = Content['vouchers'][number];
type Officer = Content['officers'][number];
type Share = Member['shares'][number];
type CategoryRecord = Member['categoryHistory'][number];
type Step = Loan['steps'][number];
type Repayment = Loan['repayments'][number];

/**
 * What bringing books forward to a package writes: new records to insert and existing records
 * whose mutable fields change. Ids are normalised package ids (below).
 */
export interface BooksPlan {
  fundProfile: boolean;
  /**
   * The books held only the setup of a new fund (see `setupOnly`): their bylaws versions are
   * replaced by the package's rather than compared with them.
   */
  replaceBylaws: boolean;
  chartInsert: Content['chartAdditions'];
  chartRename: Content['chartAdditions'];
  householdUpsert: Content['householdCounts'];
  bylawsUpsert: Content['bylaws'];
  memberInsert: Member[];
  memberUpdate: Member[];
  categoryUpsert: { memberId: string; record: CategoryRecord }[];
  shareInsert: { memberId: string; share: Share }[];
  officerInsert: Officer[];
  /** Officers by their key (see `officerKeys`) whose end date changes. */
  officerUpdate: { key: string; toOn: string | null }[];
  groupInsert: Group[];
  groupMemberInsert: { groupId: string; member: GroupMember }[];
  groupMemberUpdate: { groupId: string; member: GroupMember }[];
  loanInsert: Loan[];
  loanUpdate: Loan[];
  stepInsert: { loanId: string; step: Step }[];
  repaymentInsert: { loanId: string; repayment: Repayment }[];
  voucherInsert: Voucher[];
  closeInsert: Content['periodCloses'];
}

/**
 * - `identical`: the package holds exactly the books;
 * - `forward`: the books are an earlier state of the package's books (fast-forward);
 * - `older`: the package is an earlier state of the books (they hold records it lacks);
 * - `diverged`: a record both hold differs in a field that never changes, or each holds records
 *   the other lacks — two histories;
 * - `unordered`: the same history, but current values (a name, a status) differ: nothing tells
 *   which state is later.
 */
export type ComparisonOutcome = 'identical' | 'forward' | 'older' | 'diverged' | 'unordered';

export interface BooksComparison {
  outcome: ComparisonOutcome;
  /** Records both hold that differ where they may not, and new vouchers in closed months. */
  differing: PackageProblem[];
  /** Records the books hold and the package lacks. */
  missing: PackageProblem[];
  /** New records by collection. */
  added: Record<string, number>;
  /** Existing records whose mutable fields change, by collection. */
  updated: Record<string, number>;
  plan: BooksPlan;
}

/**
 * Books holding nothing but what registering a fund creates (the default chart and initial bylaws
 * versions): no member, loan, group, officer, voucher, close, household count or added account.
 */
export function setupOnly(content: Content): boolean {
  return (
    content.members.length === 0 &&
    content.loans.length === 0 &&
    content.groups.length === 0 &&
    content.officers.length === 0 &&
    content.vouchers.length === 0 &&
    content.periodCloses.length === 0 &&
    content.householdCounts.length === 0 &&
    content.chartAdditions.length === 0
  );
}

function isoTimestamp(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/**
 * The content with every id replaced by the natural key it stands for: members `M<memberNo>`,
 * loans `L<loanNo>`, vouchers `V<period>-<number>`, groups `G:<name>`; timestamps in UTC with
 * milliseconds, 身份证号 as stored. Two producers' packages of the same books normalise to the
 * same content. The content must be valid (unique ids, every reference resolving).
 */
export function normaliseContent(content: Content): Content {
  const members = new Map(content.members.map((m) => [m.id, memberPackageId(m.memberNo)]));
  const loans = new Map(content.loans.map((l) => [l.id, loanPackageId(l.loanNo)]));
  const vouchers = new Map(
    content.vouchers.map((v) => [v.id, voucherPackageId(v.period, v.number)]),
  );
  const groups = new Map(content.groups.map((g) => [g.id, `G:${g.name}`]));
  const member = (id: string): string => members.get(id) ?? id;
  const memberOrNull = (id: string | null): string | null => (id === null ? null : member(id));
  const voucher = (id: string): string => vouchers.get(id) ?? id;
  const voucherOrNull = (id: string | null): string | null => (id === null ? null : voucher(id));
  return {
    ...content,
    members: content.members.map((m) => {
      const card = validateIdCardNumber(m.idCardNo);
      return {
        ...m,
        id: member(m.id),
        idCardNo: card.ok ? card.value : m.idCardNo,
        shares: m.shares.map((s) => ({ ...s, voucherId: voucherOrNull(s.voucherId) })),
      };
    }),
    officers: content.officers.map((o) => ({ ...o, memberId: member(o.memberId) })),
    groups: content.groups.map((g) => ({
      ...g,
      id: groups.get(g.id) ?? g.id,
      members: g.members.map((gm) => ({ ...gm, memberId: member(gm.memberId) })),
    })),
    loans: content.loans.map((l) => ({
      ...l,
      id: loans.get(l.id) ?? l.id,
      memberId: member(l.memberId),
      groupId: l.groupId === null ? null : (groups.get(l.groupId) ?? l.groupId),
      guarantor1MemberId: memberOrNull(l.guarantor1MemberId),
      guarantor2MemberId: memberOrNull(l.guarantor2MemberId),
      steps: l.steps.map((s) => ({
        ...s,
        recordedAt: isoTimestamp(s.recordedAt),
        details:
          typeof s.details.voucherId === 'string'
            ? { ...s.details, voucherId: voucher(s.details.voucherId) }
            : s.details,
      })),
      repayments: l.repayments.map((r) => ({ ...r, voucherId: voucher(r.voucherId) })),
    })),
    vouchers: content.vouchers.map((v) => ({
      ...v,
      id: voucher(v.id),
      reversesVoucherId: voucherOrNull(v.reversesVoucherId),
      recordedAt: isoTimestamp(v.recordedAt),
      lines: v.lines.map((line) => ({
        ...line,
        subledger:
          line.subledger === null
            ? null
            : {
                kind: line.subledger.kind,
                id:
                  (line.subledger.kind === 'loan'
                    ? loans.get(line.subledger.id)
                    : members.get(line.subledger.id)) ?? line.subledger.id,
              },
      })),
    })),
    periodCloses: content.periodCloses.map((c) => ({ ...c, closedAt: isoTimestamp(c.closedAt) })),
  };
}

/** Keys of officers: member, body, title and start, numbered when the same key repeats. */
export function officerKeys(officers: readonly Officer[]): string[] {
  return occurrenceKeys(officers, (o) => `${o.memberId}|${o.body}|${o.title}|${o.fromOn}`);
}

function occurrenceKeys<T>(items: readonly T[], key: (item: T) => string): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const k = key(item);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return `${k}#${n}`;
  });
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** The top-level fields where two records differ. */
function fieldsDiffering<T extends object>(a: T, b: T, fields: readonly (keyof T)[]): string[] {
  return fields.filter((f) => !same(a[f], b[f])).map(String);
}

function allFields<T extends object>(record: T): (keyof T)[] {
  return Object.keys(record) as (keyof T)[];
}

interface CollectionSpec<T extends object> {
  /** Counter name in `added` / `updated`, e.g. `vouchers`. */
  name: string;
  /** Chinese name of a record, e.g. 凭证. */
  label: string;
  /** Path of the collection in the package, e.g. `content.loans[2].repayments`. */
  path: string;
  /** The record id to report; for nested records the parent's. */
  record: (item: T, key: string) => string;
  base: readonly T[];
  next: readonly T[];
  keys: (items: readonly T[]) => string[];
  /** Fields that may never change once recorded. */
  immutable: (item: T) => readonly (keyof T)[];
  /** Fields that may change (updated on import); the rest are ignored or compared elsewhere. */
  mutable: (item: T) => readonly (keyof T)[];
}

class Comparison {
  readonly differing = new ProblemList();
  readonly missing = new ProblemList();
  readonly added: Record<string, number> = {};
  readonly updated: Record<string, number> = {};

  /** Compares one collection; returns the records to insert and those to update. */
  collection<T extends object>(spec: CollectionSpec<T>): { insert: T[]; update: T[] } {
    const baseKeys = spec.keys(spec.base);
    const nextKeys = spec.keys(spec.next);
    const next = new Map(nextKeys.map((k, i) => [k, i]));
    const base = new Map(baseKeys.map((k, i) => [k, i]));
    const insert: T[] = [];
    const update: T[] = [];
    baseKeys.forEach((key, i) => {
      const old = spec.base[i];
      if (old === undefined) return;
      if (!next.has(key)) {
        this.missing.add(
          spec.path,
          spec.record(old, key),
          null,
          'record_missing',
          `本系统账簿中的${spec.label} ${key.replace(/#\d+$/, '')} 不在数据包中`,
        );
      }
    });
    nextKeys.forEach((key, i) => {
      const item = spec.next[i];
      if (item === undefined) return;
      const at = base.get(key);
      const old = at === undefined ? undefined : spec.base[at];
      if (old === undefined) {
        insert.push(item);
        this.added[spec.name] = (this.added[spec.name] ?? 0) + 1;
        return;
      }
      const fields = fieldsDiffering(old, item, spec.immutable(item));
      if (fields.length > 0) {
        this.differing.add(
          `${spec.path}[${i}]`,
          spec.record(item, key),
          fields.join(','),
          'record_differs',
          `${spec.label} ${key.replace(/#\d+$/, '')} 与本系统账簿中的记录不同（${fields.join('、')}），已记录的内容不能改变`,
        );
        return;
      }
      if (fieldsDiffering(old, item, spec.mutable(item)).length > 0) {
        update.push(item);
        this.updated[spec.name] = (this.updated[spec.name] ?? 0) + 1;
      }
    });
    return { insert, update };
  }
}

const byKey =
  <T>(key: (item: T) => string) =>
  (items: readonly T[]): string[] =>
    items.map(key);

const MEMBER_MUTABLE = [
  'headName',
  'phone',
  'villagerGroup',
  'householdSize',
  'category',
  'dibao',
  'wubao',
  'exitedOn',
] as const satisfies readonly (keyof Member)[];

const LOAN_IMMUTABLE = [
  'loanNo',
  'memberId',
  'amountFen',
  'appliedOn',
] as const satisfies readonly (keyof Loan)[];
const LOAN_NESTED = new Set<keyof Loan>(['id', 'steps', 'repayments', ...LOAN_IMMUTABLE]);
/** Every other field of a loan changes with its life: status, dates, balance, state. */
function loanMutable(loan: Loan): (keyof Loan)[] {
  return allFields(loan).filter((f) => !LOAN_NESTED.has(f));
}

/**
 * Compares the books already in the database (`base`, as their own package content) with a
 * package (`next`), both valid. Vouchers, loan steps, repayments, share movements and period
 * closes are append-only: every one the books hold must be in the package, identical. Members,
 * loans, groups and the rest must agree on the fields that never change (身份证号 and join date;
 * borrower, amount and application date) and may differ in the others, which the import
 * updates. Every difference is listed.
 */
export function compareBooks(baseContent: Content, nextContent: Content): BooksComparison {
  // A fund registered here but never kept here takes the village's bylaws as they are: its
  // initial version (dated by the registration) is not part of the village's history.
  const replaceBylaws = setupOnly(baseContent) && baseContent.bylaws.length > 0;
  const base = normaliseContent(replaceBylaws ? { ...baseContent, bylaws: [] } : baseContent);
  const next = normaliseContent(nextContent);
  const c = new Comparison();
  const plan: BooksPlan = {
    replaceBylaws,
    fundProfile: !same(
      { ...base.fund, village: base.fund.village.code },
      { ...next.fund, village: next.fund.village.code },
    ),
    chartInsert: [],
    chartRename: [],
    householdUpsert: [],
    bylawsUpsert: [],
    memberInsert: [],
    memberUpdate: [],
    categoryUpsert: [],
    shareInsert: [],
    officerInsert: [],
    officerUpdate: [],
    groupInsert: [],
    groupMemberInsert: [],
    groupMemberUpdate: [],
    loanInsert: [],
    loanUpdate: [],
    stepInsert: [],
    repaymentInsert: [],
    voucherInsert: [],
    closeInsert: [],
  };

  const chart = c.collection({
    name: 'chartAdditions',
    label: '会计科目',
    path: 'content.chartAdditions',
    record: (a) => a.code,
    base: base.chartAdditions,
    next: next.chartAdditions,
    keys: byKey((a) => a.code),
    immutable: () => ['kind', 'parentCode'],
    mutable: () => ['name'],
  });
  plan.chartInsert = chart.insert;
  plan.chartRename = chart.update;

  const counts = c.collection({
    name: 'householdCounts',
    label: '户数统计',
    path: 'content.householdCounts',
    record: (h) => h.asOf,
    base: base.householdCounts,
    next: next.householdCounts,
    keys: byKey((h) => h.asOf),
    immutable: () => [],
    mutable: () => ['totalHouseholds', 'poorHouseholds'],
  });
  plan.householdUpsert = [...counts.insert, ...counts.update];

  const bylaws = c.collection({
    name: 'bylaws',
    label: '章程版本',
    path: 'content.bylaws',
    record: (b) => b.effectiveOn,
    base: base.bylaws,
    next: next.bylaws,
    keys: byKey((b) => b.effectiveOn),
    immutable: () => [],
    mutable: allFields,
  });
  plan.bylawsUpsert = [...bylaws.insert, ...bylaws.update];

  const members = c.collection({
    name: 'members',
    label: '会员',
    path: 'content.members',
    record: (m) => m.id,
    base: base.members,
    next: next.members,
    keys: byKey((m) => m.id),
    immutable: () => ['idCardNo', 'joinedOn'],
    mutable: () => MEMBER_MUTABLE,
  });
  plan.memberInsert = members.insert;
  plan.memberUpdate = members.update;
  const baseMembers = new Map(base.members.map((m) => [m.id, m]));
  next.members.forEach((member, index) => {
    const old = baseMembers.get(member.id);
    const history = c.collection({
      name: 'categoryHistory',
      label: '会员类别记录',
      path: `content.members[${index}].categoryHistory`,
      record: (_r, key) => `${member.id}@${key}`,
      base: old?.categoryHistory ?? [],
      next: member.categoryHistory,
      keys: byKey((r) => r.effectiveOn),
      immutable: () => [],
      mutable: () => ['category', 'dibao', 'wubao'],
    });
    for (const record of [...history.insert, ...history.update])
      plan.categoryUpsert.push({ memberId: member.id, record });
    const shares = c.collection({
      name: 'shares',
      label: '股金记录',
      path: `content.members[${index}].shares`,
      record: () => member.id,
      base: old?.shares ?? [],
      next: member.shares,
      keys: (items) =>
        occurrenceKeys(items, (s) =>
          s.voucherId === null
            ? `${s.kind} ${s.on} ${s.shares} 股 ${s.amountFen} 分 ${s.method ?? ''}`
            : `${s.kind} ${s.voucherId}`,
        ),
      immutable: allFields,
      mutable: () => [],
    });
    for (const share of shares.insert) plan.shareInsert.push({ memberId: member.id, share });
  });
  // Members the package lacks are already listed; their nested records go with them.

  const officers = c.collection({
    name: 'officers',
    label: '理事/监事任职',
    path: 'content.officers',
    record: (o) => o.memberId,
    base: base.officers,
    next: next.officers,
    keys: officerKeys,
    immutable: () => [],
    mutable: () => ['toOn'],
  });
  plan.officerInsert = officers.insert;
  const nextOfficerKeys = officerKeys(next.officers);
  for (const officer of officers.update) {
    const key = nextOfficerKeys[next.officers.indexOf(officer)];
    if (key !== undefined) plan.officerUpdate.push({ key, toOn: officer.toOn });
  }

  const groups = c.collection({
    name: 'groups',
    label: '联保小组',
    path: 'content.groups',
    record: (g) => g.name,
    base: base.groups,
    next: next.groups,
    keys: byKey((g) => g.id),
    immutable: () => ['formedOn'],
    mutable: () => [],
  });
  plan.groupInsert = groups.insert;
  const baseGroups = new Map(base.groups.map((g) => [g.id, g]));
  next.groups.forEach((group, index) => {
    const old = baseGroups.get(group.id);
    if (old === undefined) return;
    const memberships = c.collection({
      name: 'groupMembers',
      label: '小组成员',
      path: `content.groups[${index}].members`,
      record: (gm) => `${group.name}/${gm.memberId}`,
      base: old.members,
      next: group.members,
      keys: byKey((gm) => gm.memberId),
      immutable: () => ['joinedOn'],
      mutable: () => ['leftOn'],
    });
    for (const member of memberships.insert)
      plan.groupMemberInsert.push({ groupId: group.id, member });
    for (const member of memberships.update)
      plan.groupMemberUpdate.push({ groupId: group.id, member });
  });

  const loans = c.collection({
    name: 'loans',
    label: '借款',
    path: 'content.loans',
    record: (l) => l.id,
    base: base.loans,
    next: next.loans,
    keys: byKey((l) => l.id),
    immutable: () => LOAN_IMMUTABLE,
    mutable: loanMutable,
  });
  plan.loanInsert = loans.insert;
  plan.loanUpdate = loans.update;
  const baseLoans = new Map(base.loans.map((l) => [l.id, l]));
  next.loans.forEach((loan, index) => {
    const old = baseLoans.get(loan.id);
    if (old === undefined) return;
    const steps = c.collection({
      name: 'loanSteps',
      label: '借款审批步骤',
      path: `content.loans[${index}].steps`,
      record: () => loan.id,
      base: old.steps,
      next: loan.steps,
      // Append-only in order: step n of the books must be step n of the package.
      keys: (items) => items.map((_s, n) => `${loan.id} 第 ${n + 1} 步`),
      immutable: allFields,
      mutable: () => [],
    });
    for (const step of steps.insert) plan.stepInsert.push({ loanId: loan.id, step });
    const repayments = c.collection({
      name: 'repayments',
      label: '还款记录',
      path: `content.loans[${index}].repayments`,
      record: () => loan.id,
      base: old.repayments,
      next: loan.repayments,
      keys: (items) => occurrenceKeys(items, (r) => `${loan.id}/${r.voucherId}`),
      immutable: allFields,
      mutable: () => [],
    });
    for (const repayment of repayments.insert)
      plan.repaymentInsert.push({ loanId: loan.id, repayment });
  });
  // Steps and repayments of new loans are inserted with them.
  for (const loan of plan.loanInsert) {
    for (const step of loan.steps) plan.stepInsert.push({ loanId: loan.id, step });
    for (const repayment of loan.repayments)
      plan.repaymentInsert.push({ loanId: loan.id, repayment });
    c.added.loanSteps = (c.added.loanSteps ?? 0) + loan.steps.length;
    c.added.repayments = (c.added.repayments ?? 0) + loan.repayments.length;
  }
  for (const group of plan.groupInsert) {
    for (const member of group.members) plan.groupMemberInsert.push({ groupId: group.id, member });
  }

  const vouchers = c.collection({
    name: 'vouchers',
    label: '凭证',
    path: 'content.vouchers',
    record: (v) => v.id,
    base: base.vouchers,
    next: next.vouchers,
    keys: byKey((v) => v.id),
    immutable: allFields,
    mutable: () => [],
  });
  plan.voucherInsert = vouchers.insert;
  const closed = new Set(base.periodCloses.map((p) => p.period));
  for (const voucher of vouchers.insert) {
    if (closed.has(voucher.period)) {
      c.differing.add(
        `content.vouchers[${next.vouchers.indexOf(voucher)}]`,
        voucher.id,
        'period',
        'voucher_in_closed_period',
        `凭证 ${voucher.id} 记在本系统已结账的 ${voucher.period} 月，已结账的月份不能再增加凭证`,
      );
    }
  }

  const closes = c.collection({
    name: 'periodCloses',
    label: '月末结账',
    path: 'content.periodCloses',
    record: (p) => p.period,
    base: base.periodCloses,
    next: next.periodCloses,
    keys: byKey((p) => p.period),
    immutable: () => ['closedAt'],
    mutable: () => [],
  });
  plan.closeInsert = closes.insert;

  const differing = c.differing.items;
  const missing = c.missing.items;
  const added = Object.values(c.added).reduce((sum, n) => sum + n, 0);
  const updated = Object.values(c.updated).reduce((sum, n) => sum + n, 0);
  let outcome: ComparisonOutcome;
  if (differing.length > 0) outcome = 'diverged';
  else if (missing.length > 0) outcome = added > 0 ? 'diverged' : 'older';
  else if (added > 0) outcome = 'forward';
  else if (updated > 0 || plan.fundProfile || replaceBylaws) outcome = 'unordered';
  else outcome = 'identical';
  return { outcome, differing, missing, added: c.added, updated: c.updated, plan };
}

/** The content of a fund with nothing in it yet (the default chart only): the base of a new fund. */
export function emptyContent(fund: Content['fund']): Content {
  return {
    fund,
    householdCounts: [],
    bylaws: [],
    chartAdditions: [],
    members: [],
    officers: [],
    groups: [],
    loans: [],
    vouchers: [],
    periodCloses: [],
  };
}
