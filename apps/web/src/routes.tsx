import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { RoleGroup } from './features/auth/permissions.js';

/** A page loaded on demand, so the first screen does not carry every feature. */
function page<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}

export interface PageRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Who may open it; others see 无权访问. */
  groups: readonly RoleGroup[];
}

const EVERYONE: readonly RoleGroup[] = ['admin', 'officer', 'auditor', 'village'];
const IN_SCOPE: readonly RoleGroup[] = ['admin', 'officer', 'auditor'];
const BOOKS: readonly RoleGroup[] = ['officer', 'auditor', 'village'];

/**
 * Every page of the signed-in app. A new feature adds its page here (and a menu entry in
 * features/layout/menu.ts), e.g. { path: '/loans', page: page(() => import('./features/loans/LoansPage.js'), 'LoansPage'), groups: [...] }.
 */
export const ROUTES: readonly PageRoute[] = [
  {
    path: '/',
    page: page(() => import('./features/home/HomePage.js'), 'HomePage'),
    groups: EVERYONE,
  },
  {
    path: '/fund',
    page: page(() => import('./features/funds/OwnFundPage.js'), 'OwnFundPage'),
    groups: ['village'],
  },
  {
    path: '/regions',
    page: page(() => import('./features/regions/RegionsPage.js'), 'RegionsPage'),
    groups: IN_SCOPE,
  },
  {
    path: '/funds',
    page: page(() => import('./features/funds/FundsPage.js'), 'FundsPage'),
    groups: IN_SCOPE,
  },
  {
    path: '/funds/:id',
    page: page(() => import('./features/funds/FundDetailPage.js'), 'FundDetailPage'),
    groups: EVERYONE,
  },
  {
    path: '/users',
    page: page(() => import('./features/users/UsersPage.js'), 'UsersPage'),
    groups: ['admin'],
  },
  {
    path: '/audit',
    page: page(() => import('./features/audit/AuditPage.js'), 'AuditPage'),
    groups: EVERYONE,
  },
  {
    path: '/account/password',
    page: page(() => import('./features/account/ChangePassword.js'), 'ChangePassword'),
    groups: EVERYONE,
  },
  {
    path: '/members',
    page: page(() => import('./features/members/MembersPage.js'), 'MembersPage'),
    groups: BOOKS,
  },
  {
    path: '/groups',
    page: page(() => import('./features/groups/GroupsPage.js'), 'GroupsPage'),
    groups: BOOKS,
  },
  {
    path: '/loans',
    page: page(() => import('./features/loans/LoansPage.js'), 'LoansPage'),
    groups: BOOKS,
  },
  {
    path: '/loans/:loanId',
    page: page(() => import('./features/loans/LoanDetailPage.js'), 'LoanDetailPage'),
    groups: BOOKS,
  },
  {
    path: '/vouchers',
    page: page(() => import('./features/ledger/LedgerPage.js'), 'LedgerPage'),
    groups: BOOKS,
  },
  {
    path: '/reports',
    page: page(() => import('./features/reports/ReportsPage.js'), 'ReportsPage'),
    groups: BOOKS,
  },
  {
    path: '/dashboard',
    page: page(() => import('./features/dashboard/DashboardPage.js'), 'DashboardPage'),
    groups: IN_SCOPE,
  },
  {
    path: '/quarterly-reports',
    page: page(
      () => import('./features/quarterly-reports/QuarterlyReportsPage.js'),
      'QuarterlyReportsPage',
    ),
    groups: EVERYONE,
  },
  {
    path: '/warnings',
    page: page(() => import('./features/warnings/WarningsPage.js'), 'WarningsPage'),
    groups: EVERYONE,
  },
  {
    path: '/fund-setup',
    page: page(() => import('./features/fund-setup/FundSetupPage.js'), 'FundSetupPage'),
    groups: BOOKS,
  },
  // The city's programme: plans, selection, evaluation, exit, annual summary.
  {
    path: '/plans',
    page: page(() => import('./features/plans/PlansPage.js'), 'PlansPage'),
    groups: IN_SCOPE,
  },
  {
    path: '/plans/:planId',
    page: page(() => import('./features/plans/PlanEditorPage.js'), 'PlanEditorPage'),
    groups: IN_SCOPE,
  },
  {
    path: '/plan-receipts',
    page: page(() => import('./features/plans/PlanReceiptsPage.js'), 'PlanReceiptsPage'),
    groups: BOOKS,
  },
  {
    path: '/selection',
    page: page(() => import('./features/selection/SelectionPage.js'), 'SelectionPage'),
    groups: IN_SCOPE,
  },
  {
    path: '/evaluation',
    page: page(() => import('./features/evaluation/EvaluationPage.js'), 'EvaluationPage'),
    groups: IN_SCOPE,
  },
  {
    path: '/evaluation/runs/:runId',
    page: page(() => import('./features/evaluation/RunPage.js'), 'RunPage'),
    groups: IN_SCOPE,
  },
  {
    path: '/evaluation/funds/:fundId',
    page: page(() => import('./features/evaluation/FundEvaluationPage.js'), 'FundEvaluationPage'),
    groups: EVERYONE,
  },
  {
    path: '/exit',
    page: page(() => import('./features/exit/ExitPage.js'), 'ExitPage'),
    groups: BOOKS,
  },
  {
    path: '/annual',
    page: page(() => import('./features/annual/AnnualPage.js'), 'AnnualPage'),
    groups: IN_SCOPE,
  },
];
