import type { ComponentType } from 'react';
import {
  ApartmentOutlined,
  BarChartOutlined,
  FileTextOutlined,
  MoneyCollectOutlined,
  SettingOutlined,
  ClusterOutlined,
  UserOutlined,
  AuditOutlined,
  BankOutlined,
  HomeOutlined,
  ShopOutlined,
  TeamOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  AlertOutlined,
} from '@ant-design/icons';
import {
  CalendarOutlined,
  FlagOutlined,
  LogoutOutlined,
  ProfileOutlined,
  TrophyOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { BOOKS_MENU_LABELS, MENU_LABELS, MONITORING_MENU_LABELS } from '../../text/zh.js';
import { PROGRAMME_MENU_LABELS as P } from '../../text/zh.js';
import type { RoleGroup } from '../auth/permissions.js';

export interface MenuEntry {
  /** Unique key; also the menu item's key. */
  key: string;
  /** The route it opens (routes.tsx maps paths to pages; a path may appear under several labels). */
  path: string;
  label: string;
  icon: ComponentType;
  /** Who sees it. */
  groups: readonly RoleGroup[];
}

const EVERYONE: readonly RoleGroup[] = ['admin', 'officer', 'auditor', 'village'];
/** The books of a fund: village roles on their own, officers and auditors on the selected village. */
const BOOKS: readonly RoleGroup[] = ['village', 'officer', 'auditor'];

/**
 * The left menu, in display order. To add a feature: add its page to routes.tsx and one entry
 * here, e.g. for the books of a fund
 *   { key: 'members', path: '/members', label: MENU_LABELS.members, icon: UserOutlined, groups: ['village', 'officer'] },
 *   { key: 'loans', path: '/loans', label: MENU_LABELS.loans, icon: MoneyCollectOutlined, groups: ['village', 'officer', 'auditor'] },
 *   { key: 'vouchers', path: '/vouchers', label: MENU_LABELS.vouchers, icon: FileTextOutlined, groups: ['village', 'officer', 'auditor'] },
 *   { key: 'reports', path: '/reports', label: MENU_LABELS.reports, icon: BarChartOutlined, groups: EVERYONE },
 * placed after 'ownFund'. Book pages for officers work on the current region's fund (a village
 * selected in the region tree); village roles always work on their own fund.
 */
export const MENU: readonly MenuEntry[] = [
  { key: 'home', path: '/', label: MENU_LABELS.home, icon: HomeOutlined, groups: EVERYONE },
  {
    key: 'ownFund',
    path: '/fund',
    label: MENU_LABELS.ownFund,
    icon: BankOutlined,
    groups: ['village'],
  },
  {
    key: 'dashboard',
    path: '/dashboard',
    label: MONITORING_MENU_LABELS.dashboard,
    icon: DashboardOutlined,
    groups: ['officer', 'auditor'],
  },
  {
    key: 'quarterlyReports',
    path: '/quarterly-reports',
    label: MONITORING_MENU_LABELS.quarterlyReports,
    icon: FileDoneOutlined,
    groups: BOOKS,
  },
  {
    key: 'warnings',
    path: '/warnings',
    label: MONITORING_MENU_LABELS.warnings,
    icon: AlertOutlined,
    groups: BOOKS,
  },
  {
    key: 'members',
    path: '/members',
    label: MENU_LABELS.members,
    icon: UserOutlined,
    groups: BOOKS,
  },
  {
    key: 'groups',
    path: '/groups',
    label: BOOKS_MENU_LABELS.groups,
    icon: ClusterOutlined,
    groups: BOOKS,
  },
  {
    key: 'loans',
    path: '/loans',
    label: MENU_LABELS.loans,
    icon: MoneyCollectOutlined,
    groups: BOOKS,
  },
  {
    key: 'vouchers',
    path: '/vouchers',
    label: MENU_LABELS.vouchers,
    icon: FileTextOutlined,
    groups: BOOKS,
  },
  {
    key: 'reports',
    path: '/reports',
    label: MENU_LABELS.reports,
    icon: BarChartOutlined,
    groups: BOOKS,
  },
  {
    key: 'fundSetup',
    path: '/fund-setup',
    label: BOOKS_MENU_LABELS.fundSetup,
    icon: SettingOutlined,
    groups: BOOKS,
  },
  {
    key: 'plans',
    path: '/plans',
    label: P.plans,
    icon: CalendarOutlined,
    groups: ['officer', 'auditor'],
  },
  {
    key: 'planReceipts',
    path: '/plan-receipts',
    label: P.planReceipts,
    icon: WalletOutlined,
    groups: BOOKS,
  },
  {
    key: 'selection',
    path: '/selection',
    label: P.selection,
    icon: FlagOutlined,
    groups: ['officer', 'auditor'],
  },
  {
    key: 'evaluation',
    path: '/evaluation',
    label: P.evaluation,
    icon: TrophyOutlined,
    groups: ['officer', 'auditor'],
  },
  { key: 'exit', path: '/exit', label: P.exit, icon: LogoutOutlined, groups: BOOKS },
  {
    key: 'annual',
    path: '/annual',
    label: P.annual,
    icon: ProfileOutlined,
    groups: ['officer', 'auditor'],
  },
  {
    key: 'regionsAdmin',
    path: '/regions',
    label: MENU_LABELS.regionsAdmin,
    icon: ApartmentOutlined,
    groups: ['admin'],
  },
  {
    key: 'regionsBrowse',
    path: '/regions',
    label: MENU_LABELS.regionsBrowse,
    icon: ApartmentOutlined,
    groups: ['officer', 'auditor'],
  },
  { key: 'funds', path: '/funds', label: MENU_LABELS.funds, icon: ShopOutlined, groups: ['admin'] },
  { key: 'users', path: '/users', label: MENU_LABELS.users, icon: TeamOutlined, groups: ['admin'] },
  { key: 'audit', path: '/audit', label: MENU_LABELS.audit, icon: AuditOutlined, groups: EVERYONE },
];

export function menuFor(group: RoleGroup): MenuEntry[] {
  return MENU.filter((entry) => entry.groups.includes(group));
}

/** The menu entry a location belongs to (the longest matching path), for highlighting. */
export function menuKeyOf(entries: readonly MenuEntry[], pathname: string): string | undefined {
  let best: MenuEntry | undefined;
  for (const entry of entries) {
    const matches =
      entry.path === '/'
        ? pathname === '/'
        : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (best === undefined || entry.path.length > best.path.length)) best = entry;
  }
  return best?.key;
}
