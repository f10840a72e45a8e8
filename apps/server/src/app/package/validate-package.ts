import type { z } from 'zod';
import { errorMessage, type PackageContent, type PackageProblem } from '@huzhu/contract';
import {
  DEFAULT_CHART,
  validateBylaws,
  validateIdCardNumber,
  type Account,
  type Bylaws,
  type VoucherKind,
} from '@huzhu/domain';

const VOUCHER_KINDS = [
  'member_contribution',
  'contribution_refund',
  'loan_disbursement',
  'loan_repayment',
  'fiscal_funds_received',
  'donation_received',
  'bank_interest',
  'expense',
  'loan_write_off',
  'cash_deposit_to_bank',
  'bank_withdrawal',
  'year_end_close',
  'surplus_distribution',
  'manual',
  'reversal',
] as const satisfies readonly VoucherKind[];

/** Statuses of a loan that has been disbursed. */
const DISBURSED_STATUSES = new Set(['disbursed', 'extended', 'settled', 'written_off']);

/** Collects problems; `message` defaults to the contract's Chinese message of the code. */
export class ProblemList {
  readonly items: PackageProblem[] = [];

  add(
    path: string,
    record: string | null,
    field: string | null,
    code: string,
    message?: string,
  ): void {
    this.items.push({ path, record, field, code, message: message ?? errorMessage(code) });
  }
}

/** Schema problems from zod, each with the record id it sits in when there is one. */
export function schemaProblems(
  raw: unknown,
  issues: readonly z.core.$ZodIssue[],
): PackageProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
    let record: string | null = null;
    // The record an issue sits in: `content.<collection>[i]`, also inside a report package.
    const at = issue.path.indexOf('content');
    if (at >= 0 && typeof issue.path[at + 2] === 'number') {
      let item: unknown = raw;
      for (const key of issue.path.slice(0, at + 3)) {
        item =
          typeof item === 'object' && item !== null
            ? (item as Record<PropertyKey, unknown>)[key]
            : undefined;
      }
      const id = (item as { id?: unknown } | undefined)?.id;
      record = typeof id === 'string' ? id : null;
    }
    const last = [...issue.path].reverse().find((p) => typeof p === 'string');
    return {
      path: path.join('').replace(/^\./, ''),
      record,
      field: typeof last === 'string' ? last : null,
      code: `schema_${issue.code}`,
      message: `数据格式不符合数据包规范：${issue.message}`,
    };
  });
}

function duplicates<T>(items: readonly T[], key: (item: T) => string): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) twice.add(k);
    seen.add(k);
  }
  return twice;
}

/** The fund's chart: the default chart plus the package's additions (inheriting subledgers). */
function chartOf(content: PackageContent, problems: ProblemList): Map<string, Account> {
  const chart = new Map<string, Account>(DEFAULT_CHART.map((a) => [a.code, a]));
  content.chartAdditions.forEach((addition, index) => {
    const path = `content.chartAdditions[${index}]`;
    if (chart.has(addition.code)) {
      problems.add(path, addition.code, 'code', 'account_code_exists');
      return;
    }
    const parent = addition.parentCode === null ? undefined : chart.get(addition.parentCode);
    if (addition.parentCode !== null && parent === undefined) {
      problems.add(path, addition.code, 'parentCode', 'reference_missing', '上级科目不存在');
      return;
    }
    if (
      parent !== undefined &&
      (!addition.code.startsWith(parent.code) || addition.code.length !== parent.code.length + 2)
    ) {
      problems.add(path, addition.code, 'code', 'account_code_invalid');
      return;
    }
    if (parent !== undefined && parent.kind !== addition.kind) {
      problems.add(
        path,
        addition.code,
        'kind',
        'account_kind_mismatch',
        '明细科目的类别须与上级科目相同',
      );
      return;
    }
    chart.set(addition.code, {
      code: addition.code,
      name: addition.name,
      kind: addition.kind,
      normalSide: addition.kind === 'asset' || addition.kind === 'expense' ? 'debit' : 'credit',
      parentCode: addition.parentCode,
      subledger: parent?.subledger ?? null,
    });
  });
  return chart;
}

/**
 * Everything that can be checked inside the package, without the database: unique ids,
 * references, 身份证号, bylaws, the chart, every voucher balanced on postable accounts with the
 * right subledgers, each repayment and contribution matching its voucher, and each loan's
 * outstanding principal matching the ledger. Every problem is listed, not just the first.
 */
export function validatePackageContent(content: PackageContent): PackageProblem[] {
  const problems = new ProblemList();

  // Household counts and bylaws.
  for (const asOf of duplicates(content.householdCounts, (c) => c.asOf)) {
    problems.add(
      'content.householdCounts',
      asOf,
      'asOf',
      'duplicate_record',
      `户数统计日期 ${asOf} 重复`,
    );
  }
  content.householdCounts.forEach((count, index) => {
    if (count.poorHouseholds > count.totalHouseholds) {
      problems.add(
        `content.householdCounts[${index}]`,
        count.asOf,
        'poorHouseholds',
        'household_counts_invalid',
      );
    }
  });
  for (const on of duplicates(content.bylaws, (b) => b.effectiveOn)) {
    problems.add(
      'content.bylaws',
      on,
      'effectiveOn',
      'duplicate_record',
      `章程生效日期 ${on} 重复`,
    );
  }
  content.bylaws.forEach((bylaws, index) => {
    const checked = validateBylaws(bylaws as unknown as Bylaws);
    if (!checked.ok) {
      const detail = Array.isArray(checked.details.problems)
        ? checked.details.problems.join('；')
        : '';
      problems.add(
        `content.bylaws[${index}]`,
        bylaws.effectiveOn,
        null,
        'bylaws_invalid',
        `${errorMessage('bylaws_invalid')}：${detail}`,
      );
    }
  });

  const chart = chartOf(content, problems);
  const postable = (code: string): boolean =>
    chart.has(code) && ![...chart.values()].some((a) => a.parentCode === code);

  // Members.
  const memberIds = new Set(content.members.map((m) => m.id));
  for (const id of duplicates(content.members, (m) => m.id)) {
    problems.add('content.members', id, 'id', 'duplicate_id', `会员编号 ${id} 重复`);
  }
  for (const no of duplicates(content.members, (m) => String(m.memberNo))) {
    problems.add('content.members', no, 'memberNo', 'duplicate_record', `会员序号 ${no} 重复`);
  }
  const activeCards = new Map<string, string[]>();
  content.members.forEach((member, index) => {
    const path = `content.members[${index}]`;
    const card = validateIdCardNumber(member.idCardNo);
    if (!card.ok) problems.add(`${path}.idCardNo`, member.id, 'idCardNo', card.code);
    else if (member.exitedOn === null) {
      activeCards.set(card.value, [...(activeCards.get(card.value) ?? []), member.id]);
    }
    if (member.exitedOn !== null && member.exitedOn < member.joinedOn) {
      problems.add(
        `${path}.exitedOn`,
        member.id,
        'exitedOn',
        'date_order_invalid',
        '退社日期早于入社日期',
      );
    }
    for (const on of duplicates(member.categoryHistory, (c) => c.effectiveOn)) {
      problems.add(
        `${path}.categoryHistory`,
        member.id,
        'effectiveOn',
        'duplicate_record',
        `类别变更日期 ${on} 重复`,
      );
    }
  });
  for (const [card, ids] of activeCards) {
    if (ids.length > 1) {
      problems.add(
        'content.members',
        ids.join(','),
        'idCardNo',
        'member_already_registered',
        `身份证号 ${card.slice(0, 6)}… 在本社有 ${ids.length} 个在册会员：${ids.join('、')}`,
      );
    }
  }
  const needMember = (
    path: string,
    record: string | null,
    field: string,
    id: string | null,
  ): void => {
    if (id !== null && !memberIds.has(id)) {
      problems.add(path, record, field, 'reference_missing', `引用的会员 ${id} 不在数据包中`);
    }
  };

  content.officers.forEach((officer, index) => {
    needMember(
      `content.officers[${index}].memberId`,
      officer.memberId,
      'memberId',
      officer.memberId,
    );
  });

  // Groups.
  const groupIds = new Set(content.groups.map((g) => g.id));
  for (const id of duplicates(content.groups, (g) => g.id)) {
    problems.add('content.groups', id, 'id', 'duplicate_id', `小组编号 ${id} 重复`);
  }
  for (const name of duplicates(content.groups, (g) => g.name)) {
    problems.add('content.groups', name, 'name', 'duplicate_record', `小组名称 ${name} 重复`);
  }
  const currentGroup = new Map<string, string>();
  content.groups.forEach((group, index) => {
    group.members.forEach((gm, j) => {
      const path = `content.groups[${index}].members[${j}].memberId`;
      needMember(path, group.id, 'memberId', gm.memberId);
      if (gm.leftOn === null) {
        const other = currentGroup.get(gm.memberId);
        if (other !== undefined)
          problems.add(
            path,
            group.id,
            'memberId',
            'group_member_in_other_group',
            `会员 ${gm.memberId} 同时在小组 ${other} 和 ${group.id}`,
          );
        currentGroup.set(gm.memberId, group.id);
      }
    });
  });

  // Vouchers.
  const vouchers = new Map(content.vouchers.map((v) => [v.id, v]));
  const loanIds = new Set(content.loans.map((l) => l.id));
  for (const id of duplicates(content.vouchers, (v) => v.id)) {
    problems.add('content.vouchers', id, 'id', 'duplicate_id', `凭证编号 ${id} 重复`);
  }
  for (const key of duplicates(content.vouchers, (v) => `${v.period}-${v.number}`)) {
    problems.add('content.vouchers', key, 'number', 'duplicate_record', `凭证号 ${key} 重复`);
  }
  /** Net debit per (account, subledger) from all vouchers: to check loans and members against. */
  const subledgerNet = new Map<string, number>();
  content.vouchers.forEach((voucher, index) => {
    const path = `content.vouchers[${index}]`;
    if (voucher.date.slice(0, 7) !== voucher.period) {
      problems.add(
        `${path}.period`,
        voucher.id,
        'period',
        'voucher_period_mismatch',
        `凭证期间 ${voucher.period} 与日期 ${voucher.date} 不符`,
      );
    }
    if (!(VOUCHER_KINDS as readonly string[]).includes(voucher.kind)) {
      problems.add(
        `${path}.kind`,
        voucher.id,
        'kind',
        'voucher_kind_unknown',
        `未知的凭证类型 ${voucher.kind}`,
      );
    }
    if (
      voucher.reversesVoucherId !== null &&
      (!vouchers.has(voucher.reversesVoucherId) || voucher.reversesVoucherId === voucher.id)
    ) {
      problems.add(
        `${path}.reversesVoucherId`,
        voucher.id,
        'reversesVoucherId',
        'reference_missing',
        `被冲销的凭证 ${voucher.reversesVoucherId} 不在数据包中`,
      );
    }
    if (voucher.lines.length === 0)
      problems.add(`${path}.lines`, voucher.id, 'lines', 'voucher_empty');
    let debit = 0;
    let credit = 0;
    voucher.lines.forEach((line, j) => {
      const linePath = `${path}.lines[${j}]`;
      if (!Number.isSafeInteger(line.amountFen) || line.amountFen <= 0) {
        problems.add(
          `${linePath}.amountFen`,
          voucher.id,
          'amountFen',
          'voucher_line_amount_invalid',
        );
      }
      if (line.side === 'debit') debit += line.amountFen;
      else credit += line.amountFen;
      const account = chart.get(line.accountCode);
      if (account === undefined) {
        problems.add(
          `${linePath}.accountCode`,
          voucher.id,
          'accountCode',
          'account_unknown',
          `会计科目 ${line.accountCode} 不存在`,
        );
        return;
      }
      if (!postable(line.accountCode)) {
        problems.add(`${linePath}.accountCode`, voucher.id, 'accountCode', 'account_not_postable');
      }
      if (account.subledger !== null && line.subledger?.kind !== account.subledger) {
        problems.add(`${linePath}.subledger`, voucher.id, 'subledger', 'voucher_subledger_missing');
      }
      if (account.subledger === null && line.subledger !== null) {
        problems.add(
          `${linePath}.subledger`,
          voucher.id,
          'subledger',
          'voucher_subledger_not_allowed',
        );
      }
      if (line.subledger !== null) {
        const known =
          line.subledger.kind === 'loan'
            ? loanIds.has(line.subledger.id)
            : memberIds.has(line.subledger.id);
        if (!known)
          problems.add(
            `${linePath}.subledger.id`,
            voucher.id,
            'subledger',
            'reference_missing',
            `分录引用的${line.subledger.kind === 'loan' ? '借款' : '会员'} ${line.subledger.id} 不在数据包中`,
          );
        const key = `${line.accountCode}|${line.subledger.id}`;
        subledgerNet.set(
          key,
          (subledgerNet.get(key) ?? 0) + (line.side === 'debit' ? line.amountFen : -line.amountFen),
        );
      }
    });
    if (debit !== credit) {
      problems.add(
        path,
        voucher.id,
        'lines',
        'voucher_unbalanced',
        `借贷不平衡：借方 ${debit} 分，贷方 ${credit} 分`,
      );
    }
  });
  const voucherLineAmount = (
    voucherId: string,
    accountCode: string,
    side: 'debit' | 'credit',
    subledgerId?: string,
  ): number =>
    (vouchers.get(voucherId)?.lines ?? [])
      .filter(
        (l) =>
          l.accountCode === accountCode &&
          l.side === side &&
          (subledgerId === undefined || l.subledger?.id === subledgerId),
      )
      .reduce((sum, l) => sum + l.amountFen, 0);

  // Member shares against their vouchers.
  content.members.forEach((member, index) => {
    member.shares.forEach((share, j) => {
      const path = `content.members[${index}].shares[${j}]`;
      const movesMoney = share.kind === 'contribution' || share.kind === 'refund';
      if (share.voucherId === null) {
        if (movesMoney)
          problems.add(
            `${path}.voucherId`,
            member.id,
            'voucherId',
            'reference_missing',
            '互助金缴入或退还须有对应凭证',
          );
        return;
      }
      if (!vouchers.has(share.voucherId)) {
        problems.add(
          `${path}.voucherId`,
          member.id,
          'voucherId',
          'reference_missing',
          `凭证 ${share.voucherId} 不在数据包中`,
        );
        return;
      }
      if (movesMoney) {
        const side = share.kind === 'contribution' ? 'credit' : 'debit';
        const booked = voucherLineAmount(share.voucherId, '220901', side, member.id);
        if (booked !== share.amountFen) {
          problems.add(
            `${path}.amountFen`,
            member.id,
            'amountFen',
            'share_voucher_mismatch',
            `互助金金额 ${share.amountFen} 分与凭证 ${share.voucherId} 记入该会员的 ${booked} 分不符`,
          );
        }
      }
    });
  });

  // Loans.
  for (const id of duplicates(content.loans, (l) => l.id)) {
    problems.add('content.loans', id, 'id', 'duplicate_id', `借款编号 ${id} 重复`);
  }
  for (const no of duplicates(content.loans, (l) => String(l.loanNo))) {
    problems.add('content.loans', no, 'loanNo', 'duplicate_record', `借款序号 ${no} 重复`);
  }
  content.loans.forEach((loan, index) => {
    const path = `content.loans[${index}]`;
    needMember(`${path}.memberId`, loan.id, 'memberId', loan.memberId);
    needMember(
      `${path}.guarantor1MemberId`,
      loan.id,
      'guarantor1MemberId',
      loan.guarantor1MemberId,
    );
    needMember(
      `${path}.guarantor2MemberId`,
      loan.id,
      'guarantor2MemberId',
      loan.guarantor2MemberId,
    );
    if (loan.groupId !== null && !groupIds.has(loan.groupId)) {
      problems.add(
        `${path}.groupId`,
        loan.id,
        'groupId',
        'reference_missing',
        `联保小组 ${loan.groupId} 不在数据包中`,
      );
    }
    const disbursed = DISBURSED_STATUSES.has(loan.status);
    if (disbursed && (loan.disbursedOn === null || loan.state === null)) {
      problems.add(
        `${path}.state`,
        loan.id,
        'state',
        'loan_state_missing',
        '已放款的借款须有放款日期和借款状态（state）',
      );
    }
    let principalRepaid = 0;
    loan.repayments.forEach((repayment, j) => {
      const rPath = `${path}.repayments[${j}]`;
      principalRepaid += repayment.principalFen;
      if (
        repayment.amountFen !==
        repayment.principalFen + repayment.normalFeeFen + repayment.overdueFeeFen
      ) {
        problems.add(
          `${rPath}.amountFen`,
          loan.id,
          'amountFen',
          'repayment_parts_mismatch',
          '还款金额不等于本金、占用费、逾期占用费之和',
        );
      }
      const voucher = vouchers.get(repayment.voucherId);
      if (voucher === undefined) {
        problems.add(
          `${rPath}.voucherId`,
          loan.id,
          'voucherId',
          'reference_missing',
          `还款凭证 ${repayment.voucherId} 不在数据包中`,
        );
        return;
      }
      const booked = {
        principal: voucherLineAmount(voucher.id, '1121', 'credit', loan.id),
        fee: voucherLineAmount(voucher.id, '430101', 'credit'),
        overdue: voucherLineAmount(voucher.id, '430102', 'credit'),
      };
      if (
        voucher.kind !== 'loan_repayment' ||
        voucher.date !== repayment.on ||
        booked.principal !== repayment.principalFen ||
        booked.fee !== repayment.normalFeeFen ||
        booked.overdue !== repayment.overdueFeeFen
      ) {
        problems.add(
          rPath,
          loan.id,
          'voucherId',
          'repayment_voucher_mismatch',
          `还款记录（${repayment.on}，本金 ${repayment.principalFen} 分，占用费 ${repayment.normalFeeFen} 分，逾期占用费 ${repayment.overdueFeeFen} 分）与凭证 ${voucher.id} 不符`,
        );
      }
    });
    if (disbursed) {
      const expected = loan.status === 'written_off' ? 0 : loan.amountFen - principalRepaid;
      if (loan.principalOutstandingFen !== expected) {
        problems.add(
          `${path}.principalOutstandingFen`,
          loan.id,
          'principalOutstandingFen',
          'loan_balance_mismatch',
          `借款余额 ${loan.principalOutstandingFen} 分与借款金额减已还本金（${expected} 分）不符`,
        );
      }
      const ledger = subledgerNet.get(`1121|${loan.id}`) ?? 0;
      if (ledger !== loan.principalOutstandingFen) {
        problems.add(
          `${path}.principalOutstandingFen`,
          loan.id,
          'principalOutstandingFen',
          'loan_ledger_mismatch',
          `借款余额 ${loan.principalOutstandingFen} 分与应收借款明细账 ${ledger} 分不符`,
        );
      }
      if (
        loan.state !== null &&
        loan.status !== 'written_off' &&
        loan.state.principalFen !== loan.principalOutstandingFen
      ) {
        problems.add(
          `${path}.state.principalFen`,
          loan.id,
          'state',
          'loan_state_mismatch',
          '借款状态（state）中的本金余额与借款余额不符',
        );
      }
    }
    loan.steps.forEach((step, j) => {
      const ref = step.details.voucherId;
      if (ref !== undefined && ref !== null && (typeof ref !== 'string' || !vouchers.has(ref))) {
        problems.add(
          `${path}.steps[${j}].details.voucherId`,
          loan.id,
          'voucherId',
          'reference_missing',
          `审批步骤引用的凭证 ${JSON.stringify(ref)} 不在数据包中`,
        );
      }
    });
  });

  // Period closes.
  for (const period of duplicates(content.periodCloses, (c) => c.period)) {
    problems.add(
      'content.periodCloses',
      period,
      'period',
      'duplicate_record',
      `结账期间 ${period} 重复`,
    );
  }
  return problems.items;
}
