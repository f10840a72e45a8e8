import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  FEN_PER_WAN_YUAN,
  ratioValue,
  type ColumnGroup,
  type ReportCell,
  type ReportColumn,
  type ReportModel,
  type ReportRow,
} from '@huzhu/domain';

/** Number formats of the money, count and ratio columns. */
const MONEY_FORMAT = '#,##0.00';
/** 万元 keep every fen: two decimals always, up to six when the amount has them. */
const WAN_YUAN_FORMAT = '#,##0.00####';
const INT_FORMAT = '0';
const RATIO_FORMAT = '0.00%';
/** Rows sampled to size the columns (the rest of a long report is not measured). */
const WIDTH_SAMPLE_ROWS = 500;
const MIN_WIDTH = 8;
const MAX_WIDTH = 48;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF999999' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFEFEFEF' },
};

/** Display width of a text: CJK and full-width characters count two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return width;
}

/** The unit money cells are printed in: 元 (the default) or 万元 (the plan table, 附件1). */
export type MoneyUnit = 'yuan' | 'wan_yuan';

/**
 * A report model as the renderer takes it: any `ReportModel`, optionally printed in 万元
 * (`moneyUnit`) and with columns headed together under merged group titles (`columnGroups`),
 * as the official plan table (附件1) has them.
 */
export type XlsxModel = ReportModel & {
  readonly moneyUnit?: MoneyUnit;
  readonly columnGroups?: readonly ColumnGroup[];
};

/**
 * The value written to a cell. Money is integer fen in the model and becomes 元 only here, as
 * fen ÷ 100 (exact to the cent for display), or 万元 as fen ÷ 1,000,000 (15万 is 15, 12.5万 is
 * 12.5); a ratio with a zero denominator is '—'.
 */
export function xlsxCellValue(
  column: ReportColumn,
  cell: ReportCell | undefined,
  unit: MoneyUnit = 'yuan',
): ExcelJS.CellValue {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'object') return ratioValue(cell) ?? '—';
  if (typeof cell === 'number') {
    if (column.kind !== 'money') return cell;
    return unit === 'wan_yuan' ? cell / FEN_PER_WAN_YUAN : cell / 100;
  }
  return cell;
}

function numberFormat(kind: ReportColumn['kind'], unit: MoneyUnit): string | undefined {
  if (kind === 'money') return unit === 'wan_yuan' ? WAN_YUAN_FORMAT : MONEY_FORMAT;
  if (kind === 'int') return INT_FORMAT;
  if (kind === 'ratio') return RATIO_FORMAT;
  return undefined;
}

function cellText(column: ReportColumn, cell: ReportCell | undefined, unit: MoneyUnit): string {
  const value = xlsxCellValue(column, cell, unit);
  if (value === null) return '';
  if (typeof value === 'number') {
    return column.kind === 'money'
      ? value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 6 })
      : String(value);
  }
  return typeof value === 'string' ? value : '';
}

function columnWidths(model: XlsxModel, unit: MoneyUnit): number[] {
  const sample: ReportRow[] = model.rows.slice(0, WIDTH_SAMPLE_ROWS);
  if (model.totals !== undefined) sample.push(model.totals);
  return model.columns.map((column) => {
    let width = displayWidth(column.title);
    for (const row of sample)
      width = Math.max(width, displayWidth(cellText(column, row[column.key], unit)));
    if (column.kind === 'money') width = Math.max(width, unit === 'wan_yuan' ? 10 : 14);
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
  });
}

/** Column spans (1-based, inclusive) of the groups, in column order; unknown keys are skipped. */
function groupSpans(model: XlsxModel): { title: string; first: number; last: number }[] {
  const spans = [];
  for (const group of model.columnGroups ?? []) {
    const indexes = group.keys
      .map((key) => model.columns.findIndex((c) => c.key === key))
      .filter((index) => index >= 0);
    if (indexes.length === 0) continue;
    spans.push({
      title: group.title,
      first: Math.min(...indexes) + 1,
      last: Math.max(...indexes) + 1,
    });
  }
  return spans.sort((a, b) => a.first - b.first);
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface XlsxOptions {
  /** The fund's name, written before the report title in the title row ('' for none). */
  readonly fundName: string;
  /** The worksheet's name (Excel allows 31 characters). */
  readonly sheetName?: string;
}

function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = { bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.fill = HEADER_FILL;
  cell.border = BORDER;
}

/**
 * Renders a report model to .xlsx, streaming rows so that tens of thousands of rows stay fast:
 * a merged title row (fund name and report title), the subtitle (period or date and unit 元),
 * the notes (the parameters the figures rest on, e.g. the bylaws fee rate), the Chinese header
 * (frozen), the rows, a bold totals row; landscape A4, fitted to the page width.
 *
 * A model with `columnGroups` is laid out as an official table: a group header row above the
 * column titles (a group's title merged across its columns, an ungrouped column's title merged
 * down both header rows) and the notes below the totals as 说明. `moneyUnit: 'wan_yuan'` prints
 * money in 万元 (fen ÷ 1,000,000, format #,##0.00####).
 */
export async function renderXlsx(model: XlsxModel, options: XlsxOptions): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'Huzhu 村级互助资金管理系统';
  const unit: MoneyUnit = model.moneyUnit ?? 'yuan';
  const groups = groupSpans(model);
  const grouped = groups.length > 0;
  const columnCount = Math.max(1, model.columns.length);
  const lastColumn = columnLetter(columnCount);
  const notesRows = model.notes.length > 0 && !grouped ? 1 : 0;
  const headerRow = 3 + notesRows + (grouped ? 1 : 0);
  const firstHeaderRow = grouped ? headerRow - 1 : headerRow;
  const sheet = workbook.addWorksheet((options.sheetName ?? model.title).slice(0, 31), {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: {
      // exceljs declares PaperSize as an ambient const enum, which isolatedModules code cannot
      // reference; 9 is its A4.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${firstHeaderRow}:${headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  const widths = columnWidths(model, unit);
  sheet.columns = widths.map((width) => ({ width }));

  const title = sheet.getRow(1);
  title.getCell(1).value =
    options.fundName === '' ? model.title : `${options.fundName}\u3000${model.title}`;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 28;
  sheet.mergeCells(`A1:${lastColumn}1`);
  title.commit();

  const subtitle = sheet.getRow(2);
  subtitle.getCell(1).value = model.subtitle;
  subtitle.getCell(1).alignment = { horizontal: 'center' };
  sheet.mergeCells(`A2:${lastColumn}2`);
  subtitle.commit();

  if (notesRows > 0) {
    const notes = sheet.getRow(3);
    notes.getCell(1).value = `说明：${model.notes.join(' ')}`;
    notes.getCell(1).alignment = { horizontal: 'left', wrapText: true, vertical: 'top' };
    notes.getCell(1).font = { size: 9, color: { argb: 'FF555555' } };
    notes.height = model.notes.length > 1 ? 30 : 18;
    sheet.mergeCells(`A3:${lastColumn}3`);
    notes.commit();
  }

  if (grouped) {
    const groupRow = sheet.getRow(firstHeaderRow);
    model.columns.forEach((column, index) => {
      const position = index + 1;
      const group = groups.find((g) => g.first <= position && position <= g.last);
      if (group === undefined) {
        groupRow.getCell(position).value = column.title;
        styleHeaderCell(groupRow.getCell(position));
        styleHeaderCell(sheet.getRow(headerRow).getCell(position));
        sheet.mergeCells(firstHeaderRow, position, headerRow, position);
      } else if (group.first === position) {
        groupRow.getCell(position).value = group.title;
        for (let c = group.first; c <= group.last; c += 1) styleHeaderCell(groupRow.getCell(c));
        if (group.last > group.first)
          sheet.mergeCells(firstHeaderRow, group.first, firstHeaderRow, group.last);
      }
    });
    groupRow.height = 20;
    groupRow.commit();
  }

  const header = sheet.getRow(headerRow);
  model.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    const inGroup = groups.some((g) => g.first <= index + 1 && index + 1 <= g.last);
    if (!grouped || inGroup) cell.value = column.title;
    styleHeaderCell(cell);
  });
  if (grouped) header.height = 30;
  header.commit();

  const formats = model.columns.map((column) => numberFormat(column.kind, unit));
  const writeRow = (rowNumber: number, data: ReportRow, bold: boolean): void => {
    const row = sheet.getRow(rowNumber);
    model.columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      const value = xlsxCellValue(column, data[column.key], unit);
      cell.value = value;
      const format = formats[index];
      if (format !== undefined && typeof value === 'number') cell.numFmt = format;
      if (value === '—') cell.alignment = { horizontal: 'right', vertical: 'middle' };
      else if (grouped) cell.alignment = { vertical: 'middle', wrapText: column.kind === 'text' };
      cell.border = BORDER;
      if (bold) cell.font = { bold: true };
    });
    if (grouped) row.height = 18;
    row.commit();
  };
  let rowNumber = headerRow + 1;
  for (const data of model.rows) writeRow(rowNumber++, data, false);
  if (model.totals !== undefined) writeRow(rowNumber++, model.totals, true);

  if (grouped && model.notes.length > 0) {
    const pageWidth = widths.reduce((sum, w) => sum + w, 0);
    model.notes.forEach((note, index) => {
      const row = sheet.getRow(rowNumber);
      const text = `${index === 0 ? '说明：' : '\u3000\u3000\u3000'}${note}`;
      row.getCell(1).value = text;
      row.getCell(1).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
      row.getCell(1).font = { size: 10 };
      row.height = 15 * Math.max(1, Math.ceil(displayWidth(text) / Math.max(1, pageWidth - 2)));
      sheet.mergeCells(`A${rowNumber}:${lastColumn}${rowNumber}`);
      row.commit();
      rowNumber += 1;
    });
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** A Content-Disposition header for a download with a Chinese file name (RFC 6266 / 5987). */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
