/**
 * Every expected failure of the API: a code, its HTTP status and its Chinese message. The server
 * answers `{ code, message, details }`; the web shows `message` (or maps `code` itself).
 * Domain codes (from @huzhu/domain) are listed here too so that no code reaches a user unexplained.
 */
export const ERRORS = {
  // Transport and validation
  malformed_json: { status: 400, message: '请求内容不是有效的 JSON' },
  validation_failed: { status: 400, message: '请求参数不符合要求' },
  payload_too_large: { status: 413, message: '请求内容过大' },
  unsupported_media_type: { status: 415, message: '不支持的请求内容类型' },
  not_found: { status: 404, message: '未找到该记录，或您无权查看' },
  route_not_found: { status: 404, message: '接口不存在' },
  method_not_allowed: { status: 405, message: '不支持该请求方法' },
  conflict: { status: 409, message: '记录已被修改，请刷新后重试' },
  // Authentication and access
  auth_required: { status: 401, message: '请先登录' },
  session_expired: { status: 401, message: '登录已过期，请重新登录' },
  login_failed: { status: 401, message: '用户名或密码错误' },
  login_throttled: { status: 429, message: '登录失败次数过多，请 15 分钟后再试' },
  user_disabled: { status: 403, message: '该账号已停用' },
  csrf_token_invalid: { status: 403, message: '安全校验失败，请刷新页面后重试' },
  forbidden: { status: 403, message: '您的角色无权执行此操作' },
  password_too_weak: {
    status: 400,
    message: '密码至少 10 位，且须同时包含字母和数字',
  },
  password_wrong: { status: 400, message: '原密码不正确' },
  // Regions
  region_code_invalid: { status: 400, message: '区划代码须为 12 位数字' },
  region_code_exists: { status: 409, message: '该区划代码已存在' },
  region_parent_missing: { status: 400, message: '上级区划不存在' },
  region_level_mismatch: { status: 400, message: '区划层级与上级不匹配（市→区县→乡镇→村）' },
  region_outside_scope: { status: 403, message: '该区划不在您的管理范围内' },
  region_import_invalid: { status: 400, message: '区划导入文件有错误，未导入任何记录' },
  region_import_format: { status: 400, message: '无法识别的导入文件格式（支持 CSV 和 xlsx）' },
  // Users
  username_taken: { status: 409, message: '用户名已被使用' },
  role_region_level_mismatch: { status: 400, message: '该角色不能绑定到此层级的区划' },
  // Funds
  fund_exists_for_village: { status: 409, message: '该村已有互助社，一个行政村只能有一个互助社' },
  fund_region_not_village: { status: 400, message: '互助社只能建立在行政村一级' },
  fund_code_taken: { status: 409, message: '互助社编号已被使用' },
  // Idempotency
  request_id_reused: {
    status: 409,
    message: '该请求编号已用于另一笔不同的操作',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code);
}

export function errorMessage(code: string): string {
  return isErrorCode(code) ? ERRORS[code].message : '操作失败';
}
