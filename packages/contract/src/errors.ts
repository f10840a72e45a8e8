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
  text_invalid_character: { status: 400, message: '文本中含有不允许的控制字符' },
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
  // Fund setup
  bylaws_invalid: { status: 400, message: '章程参数不一致（如分配比例之和须为 100%）' },
  bylaws_not_in_effect: { status: 400, message: '该日期没有生效的章程参数' },
  household_counts_invalid: { status: 400, message: '贫困户数不能大于总户数' },
  officer_not_member: { status: 400, message: '理事会、监事会成员须为本社在册会员' },
  // Dates
  date_invalid: { status: 400, message: '日期无效（须为真实存在的日期，格式 YYYY-MM-DD）' },
  date_in_future: { status: 400, message: '业务日期不能晚于今天' },
  period_invalid: { status: 400, message: '期间格式无效（如 2025-11、2025Q4、2025）' },
  // Members
  id_card_invalid_format: {
    status: 400,
    message: '身份证号格式不正确（须为 18 位，出生日期有效）',
  },
  id_card_invalid_checksum: { status: 400, message: '身份证号校验位不正确' },
  id_card_invalid_birth_date: { status: 400, message: '身份证号中的出生日期无效' },
  member_not_active: { status: 400, message: '该会员在该日期不是在册会员' },
  member_shares_out_of_range: { status: 400, message: '入股股数超出章程规定的范围' },
  member_already_registered: {
    status: 409,
    message: '该户（身份证号）已是本社会员，一户只能入社一次',
  },
  member_exited: { status: 400, message: '该会员已退社' },
  shares_out_of_range: { status: 400, message: '入股股数超出章程规定的范围' },
  member_has_outstanding_loan: { status: 400, message: '该会员尚有未还清的借款，不能退社' },
  member_is_guarantor: { status: 400, message: '该会员正在为未还清的借款担保，不能退社' },
  member_has_unpaid_fee: { status: 400, message: '该会员尚有未缴清的占用费，不能退社' },
  member_exit_notice_period: { status: 400, message: '退社申请未满章程规定的提前通知期' },
  // Groups
  group_member_in_other_group: { status: 400, message: '该会员已在另一个联保小组中' },
  group_too_large: { status: 400, message: '联保小组人数超过章程规定' },
  group_member_not_active: { status: 400, message: '联保小组成员须为本社在册会员' },
  // Loans
  borrower_not_active_member: { status: 400, message: '借款人不是本社在册会员' },
  borrower_no_group: { status: 400, message: '借款人尚未加入联保小组' },
  purpose_not_productive: { status: 400, message: '借款用途不属于章程规定的生产性用途' },
  loan_amount_exceeds_limit: { status: 400, message: '借款金额超过章程规定的限额' },
  loan_amount_invalid: { status: 400, message: '借款金额须大于零' },
  schedule_instalments_invalid: { status: 400, message: '分期期数须能整除借款月数' },
  rejection_needs_reason: { status: 400, message: '驳回须写明理由' },
  loan_term_exceeds_limit: { status: 400, message: '借款期限超过章程规定的最长期限' },
  borrower_has_outstanding_loan: { status: 400, message: '借款人已有未还清的借款' },
  borrower_is_guarantor: { status: 400, message: '借款人正在为他人未还清的借款担保，不能借款' },
  group_concurrent_borrowers_exceeded: { status: 400, message: '该联保小组同时借款的户数已达上限' },
  borrower_has_overdue_loan: { status: 400, message: '借款人有逾期借款，不能再借' },
  guarantor_invalid: { status: 400, message: '代偿人须为同一联保小组的其他在册会员，且两人不同' },
  public_notice_not_ended: { status: 400, message: '公示期未满，不能放款' },
  insufficient_funds: { status: 400, message: '可用资金（现金加银行存款）不足' },
  insufficient_cash: { status: 400, message: '库存现金不足' },
  insufficient_bank: { status: 400, message: '银行存款不足' },
  loan_not_approved: { status: 400, message: '借款未完成审批、公示和签约，不能放款' },
  loan_invalid_transition: { status: 400, message: '借款当前状态不允许此操作' },
  loan_already_extended: { status: 400, message: '该借款已展期过，不能再次展期' },
  extension_after_due_date: { status: 400, message: '展期须在到期日前批准' },
  extension_due_date_not_later: { status: 400, message: '展期后的到期日须晚于原到期日' },
  extension_exceeds_term: { status: 400, message: '展期后的期限超过章程规定' },
  write_off_needs_resolution: { status: 400, message: '核销须有会员大会决议' },
  loan_already_settled: { status: 400, message: '该借款已结清' },
  loan_not_disbursed: { status: 400, message: '该借款尚未放款' },
  repayment_before_last_settlement: { status: 400, message: '还款日期早于上次结算日期' },
  repayment_before_disbursement: { status: 400, message: '还款日期早于放款日期' },
  repayment_exceeds_amount_owed: { status: 400, message: '还款金额超过应还总额' },
  amount_must_be_positive: { status: 400, message: '金额须大于零' },
  step_date_out_of_order: { status: 400, message: '审批日期不能早于上一步骤的日期' },
  // Ledger
  voucher_empty: { status: 400, message: '凭证没有分录' },
  voucher_line_amount_invalid: { status: 400, message: '分录金额须为正整数（分）' },
  account_unknown: { status: 400, message: '会计科目不存在' },
  account_not_postable: { status: 400, message: '只能记入末级科目' },
  account_code_exists: { status: 409, message: '科目代码已存在' },
  account_code_invalid: { status: 400, message: '明细科目代码须以上级科目代码开头并加两位' },
  voucher_subledger_missing: { status: 400, message: '该科目须注明对应的借款或会员' },
  voucher_subledger_not_allowed: { status: 400, message: '该科目不设明细账，不能注明借款或会员' },
  subledger_unknown: { status: 400, message: '凭证注明的借款或会员不属于本社' },
  voucher_unbalanced: { status: 400, message: '借贷不平衡：借方合计须等于贷方合计' },
  voucher_already_reversed: { status: 409, message: '该凭证已被冲销' },
  voucher_is_reversal: { status: 400, message: '冲销凭证不能再冲销' },
  voucher_not_manual: { status: 400, message: '业务生成的凭证须通过对应业务更正，不能直接冲销' },
  period_closed: { status: 400, message: '该月已结账，不能再记账' },
  period_already_closed: { status: 409, message: '该月已结账' },
  period_not_ended: { status: 400, message: '期间尚未结束' },
  period_close_out_of_order: { status: 400, message: '须先结账更早的月份' },
  year_end_already_done: { status: 409, message: '该年度已结转' },
  year_not_ended: { status: 400, message: '年度尚未结束，不能年终结转' },
  // Reports
  report_range_invalid: { status: 400, message: '开始日期不能晚于截止日期' },
  report_param_missing: { status: 400, message: '该报表缺少必需的参数（如会员或日期）' },
  report_date_in_future: { status: 400, message: '报表日期不能晚于今天：该期间尚未结束' },
  report_too_large: { status: 413, message: '报表行数超过上限，请缩小日期范围' },
  // Fund data package
  package_invalid: { status: 400, message: '数据包有错误，未导入任何记录' },
  package_version_unsupported: { status: 400, message: '数据包版本不受支持' },
  package_checksum_mismatch: { status: 400, message: '数据包校验和不符，文件可能已被修改' },
  package_conflict: {
    status: 409,
    message: '本系统已有该互助社，且数据与数据包不同，未导入任何记录',
  },
  package_diverged: {
    status: 409,
    message: '数据包与本系统的账簿历史不一致（已有的记录不同），未导入任何记录',
  },
  package_older_than_books: {
    status: 409,
    message: '数据包比本系统的账簿旧（缺少本系统已有的凭证或记录），未导入任何记录',
  },
  report_package_inconsistent: {
    status: 400,
    message: '季报数据与数据包中的账簿不一致（季报须由账簿生成），未导入任何记录',
  },
  // Monitoring and quarterly reports
  report_period_not_quarter: { status: 400, message: '季报期间须为季度，如 2025Q4' },
  report_locked: { status: 409, message: '该季报已锁定，须经区县批准解锁后才能修改' },
  report_invalid_transition: { status: 409, message: '季报当前状态不允许此操作' },
  report_return_needs_reason: { status: 400, message: '退回季报须写明理由' },
  report_not_locked: { status: 400, message: '只有已锁定的季报才需要申请解锁' },
  unlock_needs_reason: { status: 400, message: '申请解锁须写明理由' },
  unlock_request_pending: { status: 409, message: '该季报已有待审批的解锁申请' },
  unlock_request_missing: { status: 400, message: '该季报没有待审批的解锁申请' },
  warning_threshold_out_of_range: { status: 400, message: '预警阈值超出允许范围' },
  warning_threshold_unknown: { status: 400, message: '未知的预警阈值项' },
  warning_note_required: { status: 400, message: '处理预警须填写说明' },
  // Programme: exit
  exit_needs_reason: { status: 400, message: '退出决定须写明理由' },
  exit_already_decided: { status: 409, message: '该互助社已作出退出决定' },
  exit_not_decided: { status: 400, message: '市级尚未作出该互助社的退出决定' },
  exit_loans_outstanding: {
    status: 400,
    message: '尚有未收回的借款，须收回或经会员大会决议核销后才能退出清算',
  },
  exit_books_not_clear: {
    status: 400,
    message: '账上尚有借款、会员互助金或往来款未清，不能上缴结余',
  },
  fund_closed: { status: 409, message: '该互助社已退出清算，账簿已关闭' },
  survey_counts_invalid: { status: 400, message: '满意、一般、不满意人数之和须等于受访人数' },
  // Programme: yearly plans, allocation receipts, selection
  plan_source_over_allocated: { status: 400, message: '该资金来源的分配额超过预算，不能下达' },
  plan_source_unknown: {
    status: 400,
    message: '资金来源不明：该来源没有预算行（来源须为中央奖励资金、市级资金或区县配套资金）',
  },
  plan_source_twice: { status: 400, message: '同一资金来源的预算填写了两次' },
  plan_village_twice: { status: 400, message: '同一个村在计划中安排了两次' },
  plan_amount_invalid: { status: 400, message: '金额无效：须为大于零的整数（分）' },
  plan_village_count_invalid: {
    status: 400,
    message: '村数无效：区县汇总行至少 1 个村，具体到村的行只能是 1 个村',
  },
  plan_region_invalid: { status: 400, message: '区划代码无效：须为本市的区县及其所属行政村' },
  plan_cumulative_cap_exceeded: {
    status: 400,
    message: '安排后该村累计财政投入超过 50 万元上限',
  },
  plan_cumulative_input_unknown: {
    status: 400,
    message: '无法确定该村的累计财政投入（该村没有互助社账簿）',
  },
  plan_village_without_fund: { status: 400, message: '该村没有互助社，不能安排奖励资金' },
  plan_already_issued: { status: 409, message: '该计划已下达，不能再修改或重复下达' },
  plan_not_issued: { status: 409, message: '该计划尚未下达' },
  plan_title_taken: { status: 409, message: '本年度已有同名的计划' },
  allocation_already_received: { status: 409, message: '该笔计划资金已确认到位，不能重复确认' },
  allocation_receipt_before_plan: { status: 400, message: '到位日期不能早于计划文件日期' },
  selection_score_invalid: { status: 400, message: '竞争评分须为 0–100 的整数' },
  selection_region_not_village: { status: 400, message: '候选对象须为行政村' },
  selection_village_without_fund: {
    status: 400,
    message: '该村没有互助社，不能申报奖励扩大规模试点村',
  },
  // Programme: evaluation
  evaluation_weights_not_100: { status: 400, message: '考评维度权重之和须为 100' },
  evaluation_items_not_weight: { status: 400, message: '各维度内评分项分值之和须等于该维度权重' },
  evaluation_band_invalid: {
    status: 400,
    message: '评分档次须从 0 开始、首尾相接、按顺序排列，且至少一档得满分',
  },
  evaluation_points_invalid: { status: 400, message: '分值须为正数且最多一位小数' },
  evaluation_code_twice: { status: 400, message: '考评方案中的代码重复' },
  evaluation_indicator_unknown: { status: 400, message: '评分项绑定的监测指标不存在' },
  evaluation_grades_invalid: { status: 400, message: '等级分数线须满足 优秀 > 良好 > 合格 > 0' },
  manual_score_out_of_band: { status: 400, message: '人工评分超出该项的分值范围' },
  manual_score_unknown_item: { status: 400, message: '该评分项不是人工评分项' },
  manual_score_missing: { status: 400, message: '人工评分项尚未评分' },
  manual_evidence_missing: { status: 400, message: '人工评分须填写依据' },
  evaluation_date_before_year: { status: 400, message: '考评日期不能早于考评年度' },
  evaluation_run_exists: { status: 409, message: '该年度已开展考评' },
  evaluation_run_approved: { status: 409, message: '该次考评结果已审定，不能再修改' },
  rectification_already_closed: { status: 409, message: '该整改任务已完成' },
  rectification_needs_evidence: { status: 400, message: '整改完成须提供整改材料说明' },
  period_not_started: { status: 400, message: '该年度尚未开始' },
  // Idempotency
  request_id_reused: {
    status: 409,
    message: '该请求编号已用于另一笔不同的操作',
  },
  // Bounds on amounts, dates and requests (issue 17)
  amount_exceeds_limit: {
    status: 400,
    message: '金额超出系统上限：单笔不超过 1亿元，计划金额不超过 100亿元',
  },
  fund_total_exceeds_limit: {
    status: 400,
    message: '互助资金资产总额将超过系统上限（1000亿元），请核对金额',
  },
  books_amount_out_of_range: {
    status: 422,
    message: '账簿中有超出系统上限的金额（可能是绕过系统写入的数据），无法计算，请联系管理员核查',
  },
  date_out_of_range: { status: 400, message: '日期或期间超出允许范围（2000 年至 2100 年）' },
  json_too_deep: { status: 400, message: '请求内容嵌套层数过多' },
  request_header_too_large: { status: 431, message: '请求头过大' },
  malformed_request: { status: 400, message: '请求格式错误' },
  warning_action_not_for_village: {
    status: 403,
    message: '风险预警须由乡镇或区县确认和处理，村级人员不能确认或解除',
  },
  // Infrastructure
  database_unavailable: {
    status: 503,
    message: '数据库暂时无法连接，请稍后重试（已确认的操作不会丢失）',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code);
}

export function errorMessage(code: string): string {
  return isErrorCode(code) ? ERRORS[code].message : '操作失败';
}
