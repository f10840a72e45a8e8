import {
  formatYuan,
  fen,
  ratioValue,
  type ReportCell,
  type ReportColumn,
  type ReportModel,
  type ReportRow,
} from '@huzhu/domain';
import type { VoucherPrintView } from '../app/reports/voucher-print.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const PRINT_CSS = `
  @page { size: A4 landscape; margin: 12mm; }
  * { box-sizing: border-box; }
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; color: #000; margin: 0 auto; max-width: 1100px; padding: 16px; }
  h1 { text-align: center; font-size: 22px; letter-spacing: 4px; margin: 8px 0 4px; }
  .subtitle { text-align: center; font-size: 13px; margin-bottom: 10px; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; }
  th, td { border: 1px solid #000; padding: 4px 6px; }
  th { background: #f2f2f2; font-weight: bold; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tr.totals td { font-weight: bold; }
  .notes { font-size: 12px; margin-top: 8px; }
  .signatures { display: flex; justify-content: space-between; margin-top: 24px; font-size: 13px; }
  .toolbar { text-align: right; margin-bottom: 8px; }
  @media print { .toolbar { display: none; } body { padding: 0; max-width: none; } th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } thead { display: table-header-group; } tr { page-break-inside: avoid; } }
`;

function page(title: string, body: string, extraCss = ''): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${PRINT_CSS}${extraCss}</style></head>
<body><div class="toolbar"><button type="button" onclick="window.print()">打印</button></div>
${body}
</body></html>`;
}

function cellHtml(column: ReportColumn, cell: ReportCell | undefined): string {
  if (cell === undefined || cell === null) return '<td></td>';
  if (typeof cell === 'object') {
    const value = ratioValue(cell);
    return `<td class="num">${value === null ? '—' : `${(value * 100).toFixed(2)}%`}</td>`;
  }
  if (typeof cell === 'number') {
    const text = column.kind === 'money' ? formatYuan(fen(cell)) : String(cell);
    return `<td class="num">${text}</td>`;
  }
  return `<td>${escapeHtml(cell)}</td>`;
}

function rowHtml(model: ReportModel, row: ReportRow, className = ''): string {
  const cells = model.columns.map((c) => cellHtml(c, row[c.key])).join('');
  return `<tr${className === '' ? '' : ` class="${className}"`}>${cells}</tr>`;
}

/** A printable HTML page of a report model (same figures as the screen and the xlsx). */
export function renderReportHtml(
  model: ReportModel,
  options: { readonly fundName: string; readonly signatures?: readonly string[] },
): string {
  const head = model.columns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('');
  const rows = model.rows.map((r) => rowHtml(model, r)).join('\n');
  const totals = model.totals === undefined ? '' : rowHtml(model, model.totals, 'totals');
  const notes = model.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('');
  const signatures = (options.signatures ?? [])
    .map((s) => `<span>${escapeHtml(s)}</span>`)
    .join('');
  return page(
    `${options.fundName} ${model.title}`,
    `<h1>${escapeHtml(options.fundName)} ${escapeHtml(model.title)}</h1>
<div class="subtitle">${escapeHtml(model.subtitle)}</div>
<table><thead><tr>${head}</tr></thead><tbody>
${rows}
${totals}
</tbody></table>
<div class="notes">${notes}</div>
${signatures === '' ? '' : `<div class="signatures">${signatures}</div>`}`,
  );
}

const VOUCHER_CSS = `
  @page { size: A5 landscape; margin: 10mm; }
  body { max-width: 820px; }
  .meta { display: flex; justify-content: space-between; font-size: 13px; margin-bottom: 6px; }
  td.words { font-weight: bold; }
`;

/** A printable 记账凭证: lines, 合计 with 大写金额, and the sign-off boxes. */
export function renderVoucherHtml(view: VoucherPrintView): string {
  const lines = view.lines
    .map(
      (line, index) => `<tr>
<td>${index === 0 ? escapeHtml(view.memo) : ''}</td>
<td>${escapeHtml(line.accountCode)}</td>
<td>${escapeHtml(line.accountName)}${line.subledgerLabel === null ? '' : `<br><small>${escapeHtml(line.subledgerLabel)}</small>`}</td>
<td class="num">${line.debitFen === null ? '' : formatYuan(line.debitFen)}</td>
<td class="num">${line.creditFen === null ? '' : formatYuan(line.creditFen)}</td>
</tr>`,
    )
    .join('\n');
  const reverses =
    view.reversesVoucherNo === null
      ? ''
      : `<span>冲销凭证：${escapeHtml(view.reversesVoucherNo)}</span>`;
  return page(
    `记账凭证 ${view.voucherNo}`,
    `<h1>记 账 凭 证</h1>
<div class="subtitle">编制单位：${escapeHtml(view.fundName)}</div>
<div class="meta"><span>日期：${escapeHtml(view.date)}</span><span>业务：${escapeHtml(view.kindName)}</span>${reverses}<span>凭证号：${escapeHtml(view.voucherNo)}</span></div>
<table><thead><tr><th>摘要</th><th>科目编码</th><th>会计科目</th><th>借方金额</th><th>贷方金额</th></tr></thead>
<tbody>
${lines}
<tr class="totals"><td colspan="3" class="words">合计（大写）：${escapeHtml(view.totalInWords)}</td>
<td class="num">${formatYuan(view.debitTotalFen)}</td><td class="num">${formatYuan(view.creditTotalFen)}</td></tr>
</tbody></table>
<div class="signatures"><span>会计主管：</span><span>记账：</span><span>审核：</span><span>出纳：</span><span>制单：${escapeHtml(view.preparedBy ?? '')}</span></div>`,
    VOUCHER_CSS,
  );
}
