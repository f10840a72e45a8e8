import { describe, expect, it } from 'vitest';
import { isoDate } from '../src/calendar/iso-date.js';
import { DEFAULT_BYLAWS } from '../src/fund/bylaws.js';
import {
  birthDateOfIdCard,
  categoryOn,
  checkMemberExit,
  entryContribution,
  findDuplicateIdCards,
  idCardCheckCharacter,
  isMemberOn,
  memberExitFailures,
  validateIdCardNumber,
  type IdCardNumber,
  type MemberExitContext,
} from '../src/members/index.js';
import { fen } from '../src/money/fen.js';

const d = isoDate;

describe('身份证号', () => {
  it('accepts the GB 11643 sample number and a lower-case x', () => {
    expect(validateIdCardNumber('11010519491231002X')).toEqual({
      ok: true,
      value: '11010519491231002X',
    });
    expect(validateIdCardNumber(' 11010519491231002x ')).toEqual({
      ok: true,
      value: '11010519491231002X',
    });
    expect(validateIdCardNumber('440524188001010014').ok).toBe(true);
  });

  it('computes the MOD 11-2 check character', () => {
    expect(idCardCheckCharacter('11010519491231002')).toBe('X');
    expect(idCardCheckCharacter('44052418800101001')).toBe('4');
  });

  it.each([
    ['1101051949123100', 'id_card_invalid_format'],
    ['11010519491231002Y', 'id_card_invalid_format'],
    ['110105194912310021', 'id_card_invalid_checksum'],
    ['110105194902300021', 'id_card_invalid_birth_date'],
  ] as const)('rejects %s with %s', (input, code) => {
    expect(validateIdCardNumber(input)).toMatchObject({ ok: false, code });
  });

  it('reads the birth date and finds duplicates', () => {
    const id = '11010519491231002X' as IdCardNumber;
    expect(birthDateOfIdCard(id)).toBe('1949-12-31');
    const duplicates = findDuplicateIdCards([
      { memberId: 'm1', idCardNumber: id },
      { memberId: 'm2', idCardNumber: '440524188001010014' as IdCardNumber },
      { memberId: 'm3', idCardNumber: id },
    ]);
    expect([...duplicates]).toEqual([[id, ['m1', 'm3']]]);
  });
});

describe('membership', () => {
  it('counts a member from the join date up to the day before the exit date', () => {
    const member = { joinedOn: d('2025-01-10'), exitedOn: d('2025-06-30') };
    expect(isMemberOn(member, d('2025-01-09'))).toBe(false);
    expect(isMemberOn(member, d('2025-01-10'))).toBe(true);
    expect(isMemberOn(member, d('2025-06-29'))).toBe(true);
    expect(isMemberOn(member, d('2025-06-30'))).toBe(false);
  });

  it('takes the category recorded on the date of the event', () => {
    const history = [
      { from: d('2020-01-01'), category: 'poor' as const },
      { from: d('2024-07-01'), category: 'ordinary' as const },
    ];
    expect(categoryOn(history, d('2024-06-30'))).toBe('poor');
    expect(categoryOn(history, d('2024-07-01'))).toBe('ordinary');
    expect(categoryOn(history, d('2019-12-31'))).toBeNull();
  });

  it('prices entry shares at 100元 each, with a 配股 for poor households', () => {
    expect(entryContribution(DEFAULT_BYLAWS, 'ordinary', 3)).toEqual({
      ok: true,
      value: { contributionFen: 30_000, allotmentFen: 0 },
    });
    expect(entryContribution(DEFAULT_BYLAWS, 'poor', 0)).toEqual({
      ok: true,
      value: { contributionFen: 0, allotmentFen: 10_000 },
    });
    expect(entryContribution(DEFAULT_BYLAWS, 'ordinary', 0)).toMatchObject({
      code: 'member_shares_out_of_range',
    });
    expect(entryContribution(DEFAULT_BYLAWS, 'ordinary', 11)).toMatchObject({
      code: 'member_shares_out_of_range',
    });
  });
});

describe('member exit', () => {
  const clean: MemberExitContext = {
    joinedOn: d('2024-01-01'),
    exitedOn: null,
    noticeGivenOn: d('2025-11-01'),
    exitOn: d('2025-11-01'),
    exitNoticeDays: 0,
    outstandingLoanCount: 0,
    guaranteedOutstandingLoanCount: 0,
    unpaidFeeFen: fen(0),
    ownContributionsFen: fen(50_000),
    allotmentFen: fen(10_000),
  };

  it('refunds only the member’s own 互助金; the 配股 stays with the fund', () => {
    expect(checkMemberExit(clean)).toEqual({
      ok: true,
      value: { refundFen: 50_000, allotmentReturnedFen: 10_000 },
    });
  });

  it('lists every reason an exit is blocked', () => {
    const blocked = {
      ...clean,
      exitNoticeDays: 30,
      outstandingLoanCount: 1,
      guaranteedOutstandingLoanCount: 2,
      unpaidFeeFen: fen(1),
    };
    expect(memberExitFailures(blocked).map((f) => f.code)).toEqual([
      'member_has_outstanding_loan',
      'member_is_guarantor',
      'member_has_unpaid_fee',
      'member_exit_notice_period',
    ]);
    expect(checkMemberExit(blocked)).toMatchObject({ code: 'member_has_outstanding_loan' });
    expect(checkMemberExit({ ...clean, exitNoticeDays: 30, exitOn: d('2025-12-01') }).ok).toBe(
      true,
    );
  });
});
