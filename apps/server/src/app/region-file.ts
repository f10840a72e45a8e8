import ExcelJS from 'exceljs';
import { AppError } from './errors.js';
import type { RegionImportRow } from './regions.js';

const CODE_HEADERS = ['code', '代码', '区划代码', '统计用区划代码'];
const NAME_HEADERS = ['name', '名称', '区划名称'];
const PARENT_HEADERS = ['parent_code', 'parent', '上级代码', '上级区划代码'];

function columnIndex(headers: string[], names: string[]): number {
  return headers.findIndex((h) => names.includes(h.trim().toLowerCase()));
}

function rowsFromTable(table: string[][]): RegionImportRow[] {
  const [header, ...body] = table;
  if (header === undefined) throw new AppError('region_import_format', { reason: 'empty' });
  const code = columnIndex(header, CODE_HEADERS);
  const name = columnIndex(header, NAME_HEADERS);
  const parent = columnIndex(header, PARENT_HEADERS);
  if (code < 0 || name < 0 || parent < 0) {
    throw new AppError('region_import_format', {
      reason: 'header',
      expected: ['代码', '名称', '上级代码'],
    });
  }
  return body
    .map((cells, index) => ({
      row: index + 2,
      code: (cells[code] ?? '').trim(),
      name: (cells[name] ?? '').trim(),
      parentCode: (cells[parent] ?? '').trim(),
    }))
    .filter((row) => row.code !== '' || row.name !== '');
}

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i += 1) {
    const c = input.charAt(i);
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value.toFixed(0);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('text' in value) return value.text;
  if ('result' in value) return typeof value.result === 'object' ? '' : String(value.result);
  return '';
}

/** Reads region rows from a CSV (UTF-8) or .xlsx file (first sheet, header row first). */
export async function readRegionFile(filename: string, bytes: Buffer): Promise<RegionImportRow[]> {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    return rowsFromTable(parseCsv(bytes.toString('utf8')));
  }
  if (lower.endsWith('.xlsx')) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new AppError('region_import_format', { reason: 'unreadable xlsx' });
    }
    const sheet = workbook.worksheets[0];
    if (sheet === undefined) throw new AppError('region_import_format', { reason: 'no sheet' });
    const table: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      for (let col = 1; col <= row.cellCount; col += 1)
        values.push(cellText(row.getCell(col).value));
      table.push(values);
    });
    return rowsFromTable(table);
  }
  throw new AppError('region_import_format', { filename });
}
