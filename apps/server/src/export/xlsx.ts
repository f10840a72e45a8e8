import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  ratioValue,
  type ReportCell,
  type ReportColumn,
  type ReportModel,
  type ReportRow,
} from '@huzhu/domain';

/** Number formats of the money, count and ratio columns. */
const MONEY_FORMAT = '#,##0.00';
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

/**
 * The value written to a cell. Money is integer fen in the model and becomes 元 only here, as
 * fen ÷ 100 (exact to the cent for display); a ratio with a zero denominator is '—'.
 */
export function xlsxCellValue(
  column: ReportColumn,
  cell: ReportCell | undefined,
): ExcelJS.CellValue {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'object') return ratioValue(cell) ?? '—';
  if (typeof cell === 'number') return column.kind === 'money' ? cell / 100 : cell;
  return cell;
}

function numberFormat(kind: ReportColumn['kind']): string | undefined {
  if (kind === 'money') return MONEY_FORMAT;
  if (kind === 'int') return INT_FORMAT;
  if (kind === 'ratio') return RATIO_FORMAT;
  return undefined;
}

function cellText(column: ReportColumn, cell: ReportCell | undefined): string {
  const value = xlsxCellValue(column, cell);
  if (value === null) return '';
  if (typeof value === 'number') {
    return column.kind === 'money'
      ? value.toLocaleString('en-US', { minimumFractionDigits: 2 })
      : String(value);
  }
  return typeof value === 'string' ? value : '';
}

function columnWidths(model: ReportModel): number[] {
  const sample: ReportRow[] = model.rows.slice(0, WIDTH_SAMPLE_ROWS);
  if (model.totals !== undefined) sample.push(model.totals);
  return model.columns.map((column) => {
    let width = displayWidth(column.title);
    for (const row of sample)
      width = Math.max(width, displayWidth(cellText(column, row[column.key])));
    if (column.kind === 'money') width = Math.max(width, 14);
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
  });
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
  /** The fund's name, written before the report title in the title row. */
  readonly fundName: string;
  /** The worksheet's name (Excel allows 31 characters). */
  readonly sheetName?: string;
}

/**
 * Renders a report model to .xlsx, streaming rows so that tens of thousands of rows stay fast:
 * a merged title row (fund name and report title), the subtitle (period or date and unit 元),
 * the notes (the parameters the figures rest on, e.g. the bylaws fee rate), the Chinese header
 * (frozen), the rows, a bold totals row; landscape A4, fitted to the page width.
 */
export async function renderXlsx(model: ReportModel, options: XlsxOptions): Promise<Buffer> {
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
  const columnCount = Math.max(1, model.columns.length);
  const lastColumn = columnLetter(columnCount);
  const notesRows = model.notes.length > 0 ? 1 : 0;
  const headerRow = 3 + notesRows;
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
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = columnWidths(model).map((width) => ({ width }));

  const title = sheet.getRow(1);
  title.getCell(1).value = `${options.fundName}\u3000${model.title}`;
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

  const header = sheet.getRow(headerRow);
  model.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.title;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  header.commit();

  const formats = model.columns.map((column) => numberFormat(column.kind));
  const writeRow = (rowNumber: number, data: ReportRow, bold: boolean): void => {
    const row = sheet.getRow(rowNumber);
    model.columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      const value = xlsxCellValue(column, data[column.key]);
      cell.value = value;
      const format = formats[index];
      if (format !== undefined && typeof value === 'number') cell.numFmt = format;
      if (value === '—') cell.alignment = { horizontal: 'right' };
      cell.border = BORDER;
      if (bold) cell.font = { bold: true };
    });
    row.commit();
  };
  let rowNumber = headerRow + 1;
  for (const data of model.rows) writeRow(rowNumber++, data, false);
  if (model.totals !== undefined) writeRow(rowNumber, model.totals, true);
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
