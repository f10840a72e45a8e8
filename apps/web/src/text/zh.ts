import { ROLE_NAMES, type Role } from '@huzhu/contract';
import { REGION_LEVEL_NAMES } from '@huzhu/domain';
import type { RegionLevel } from '../api/types.js';

/** All fixed Chinese text of the shell in one place; features keep their own labels nearby. */
export const SYSTEM_NAME = '村级互助资金管理系统';

export function roleName(role: Role): string {
  return ROLE_NAMES[role];
}

export function levelName(level: RegionLevel): string {
  return REGION_LEVEL_NAMES[level];
}

export const MENU_LABELS = {
  home: '首页',
  regionsAdmin: '区划管理',
  regionsBrowse: '区划与互助社',
  funds: '互助社',
  ownFund: '本社概况',
  users: '用户管理',
  audit: '操作日志',
  // Reserved for the book-keeping features.
  members: '会员',
  loans: '借款',
  vouchers: '凭证',
  reports: '报表',
} as const;

/** Audit commands in the user's words. */
export const AUDIT_COMMAND_NAMES: Readonly<Record<string, string>> = {
  'auth.login': '登录',
  'auth.change_password': '修改密码',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'region.create': '新增区划',
  'region.import': '导入区划',
  'fund.create': '组建互助社',
};

export const ENTITY_TYPE_NAMES: Readonly<Record<string, string>> = {
  user: '用户',
  region: '区划',
  fund: '互助社',
};

/** Keys of audit details in the user's words (unknown keys are shown as they are). */
export const AUDIT_DETAIL_NAMES: Readonly<Record<string, string>> = {
  username: '用户名',
  role: '角色',
  code: '编号',
  name: '名称',
  level: '层级',
  created: '新增',
  unchanged: '未变',
  displayName: '姓名',
  disabled: '停用',
};

export const PASSWORD_RULE_HINT = '至少 10 位，含字母和数字';

/** Menu labels of the fund's books (besides the reserved ones above). */
export const BOOKS_MENU_LABELS = {
  groups: '联保小组',
  fundSetup: '本社设置',
} as const;

/** Menu labels of monitoring (监测看板, 季报, 预警). */
export const MONITORING_MENU_LABELS = {
  dashboard: '监测看板',
  quarterlyReports: '季报',
  warnings: '预警',
} as const;

/** Menu labels of the city's programme (年度计划, 遴选, 考评, 退出, 年度总结). */
export const PROGRAMME_MENU_LABELS = {
  plans: '年度计划',
  planReceipts: '计划资金到位',
  selection: '试点村遴选',
  evaluation: '绩效考评',
  exit: '退出',
  annual: '年度总结',
} as const;
