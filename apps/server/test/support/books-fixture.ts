import { randomUUID } from 'node:crypto';
import { idCardCheckCharacter } from '@huzhu/domain';
import type { TestApp } from './test-app.js';

/** A valid 18-digit 身份证号 for a test household (region 500229, a birth date, a sequence). */
export function idCard(sequence: number, birth = '19800101'): string {
  const first17 = `500229${birth}${String(sequence).padStart(3, '0')}`;
  return `${first17}${idCardCheckCharacter(first17)}`;
}

export function rid(): string {
  return randomUUID();
}

export interface Books {
  t: TestApp;
  fundId: number;
  keeper: string;
  board: string;
  supervisor: string;
  post(
    url: string,
    body: unknown,
    token?: string,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  get(url: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** The demo village fund 东河村扶贫互助社 with logins for its bookkeeper, board and supervisor. */
export async function openBooks(t: TestApp): Promise<Books> {
  const keeper = await t.login('bookkeeper');
  const board = await t.login('board');
  const supervisor = await t.login('supervisor');
  const funds = (await t.call('GET', '/api/v1/funds', keeper)).json<{ items: { id: number }[] }>();
  const fundId = funds.items[0]?.id ?? 0;
  const base = `/api/v1/funds/${fundId}`;
  return {
    t,
    fundId,
    keeper,
    board,
    supervisor,
    post: async (url, body, token = keeper) => {
      const response = await t.call('POST', `${base}${url}`, token, body);
      return {
        status: response.statusCode,
        body: response.statusCode === 204 ? {} : response.json(),
      };
    },
    get: async (url, token = keeper) => {
      const response = await t.call('GET', `${base}${url}`, token);
      return { status: response.statusCode, body: response.json() };
    },
  };
}

export async function registerMember(
  books: Books,
  n: number,
  options: {
    category?: 'poor' | 'ordinary';
    shares?: number;
    joinedOn?: string;
    name?: string;
  } = {},
): Promise<number> {
  const response = await books.post('/members', {
    requestId: rid(),
    headName: options.name ?? `会员${n}`,
    idCardNo: idCard(n),
    householdSize: 4,
    category: options.category ?? 'ordinary',
    joinedOn: options.joinedOn ?? '2026-01-05',
    shares: options.shares ?? (options.category === 'poor' ? 0 : 2),
    method: 'cash',
  });
  if (response.status !== 201) throw new Error(`register ${n}: ${JSON.stringify(response.body)}`);
  return response.body.id as number;
}

/** Walks a loan from application to contract; returns its id. */
export async function approvedLoan(
  books: Books,
  memberId: number,
  guarantors: [number, number],
  options: { amountFen?: number; termMonths?: number; appliedOn?: string; noticeOn?: string } = {},
): Promise<number> {
  const applied = await books.post('/loans', {
    requestId: rid(),
    memberId,
    amountFen: options.amountFen ?? 300_000,
    termMonths: options.termMonths ?? 12,
    purpose: '养殖',
    appliedOn: options.appliedOn ?? '2026-02-01',
  });
  if (applied.status !== 201) throw new Error(`apply: ${JSON.stringify(applied.body)}`);
  const loanId = applied.body.id as number;
  const day = options.appliedOn ?? '2026-02-01';
  const steps: [unknown, string][] = [
    [
      {
        action: 'group_review',
        on: day,
        guarantor1MemberId: guarantors[0],
        guarantor2MemberId: guarantors[1],
      },
      books.keeper,
    ],
    [{ action: 'board_approve', on: day }, books.board],
    [{ action: 'supervisor_review', on: day }, books.supervisor],
    [{ action: 'publicize', on: options.noticeOn ?? day }, books.keeper],
    [{ action: 'contract', on: options.noticeOn ?? day, contractNo: `HT-${loanId}` }, books.keeper],
  ];
  for (const [body, token] of steps) {
    const step = await books.post(`/loans/${loanId}/steps`, body, token);
    if (step.status !== 200)
      throw new Error(`step ${JSON.stringify(body)}: ${JSON.stringify(step.body)}`);
  }
  return loanId;
}
