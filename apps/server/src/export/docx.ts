import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  type IRunOptions,
  WidthType,
} from 'docx';
import {
  chineseDate,
  ratioValue,
  type IsoDate,
  type ReportCell,
  type ReportColumn,
} from '@huzhu/domain';
import type {
  MonitoringBlock,
  MonitoringChart,
  MonitoringReportDocument,
  ReportModelBody,
} from '@huzhu/contract';
import {
  NOT_APPLICABLE,
  formatFenAsYuan,
  formatPercent,
  formatWan,
} from '../app/monitoring/monitoring-format.js';
import { renderChart } from './chart-png.js';

/** A4 in twentieths of a point, and the margins (2.2 cm left and right, 2.5 cm top and bottom). */
const PAGE = { width: 11_906, height: 16_838, side: 1_247, top: 1_417, bottom: 1_417 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.side;
/** Chinese text in 宋体 (SimSun), headings in 黑体 (SimHei), Latin text and digits in Times New Roman. */
const LATIN = 'Times New Roman';
const BODY_FONT = { ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia: '宋体' };
const HEADING_FONT = { ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia: '黑体' };
/** Font sizes in half-points: 小二 18pt title, 四号 14pt headings, 小四 12pt body, 小五 9pt tables. */
const SIZE = { title: 36, heading: 28, body: 24, caption: 21, table: 18, wideTable: 16 };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '666666' } as const;
const CELL_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

/** A run of text (typed as options, not the string overload, so `bold` is the run's property). */
function textRun(options: IRunOptions): TextRun {
  return new TextRun(options);
}

/** The narrowest a column may be (display width): a percent '100.00%' must not wrap. */
const MIN_WIDTH: Readonly<Record<ReportColumn['kind'], number>> = {
  text: 6,
  money: 6,
  date: 10,
  ratio: 8,
  int: 5,
};

/** Display width of a text: CJK and full-width characters count two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return width;
}

/** A table cell as text: money in 万元 or 元, ratios as percent, — when not applicable. */
export function docxCellText(
  column: Pick<ReportColumn, 'kind'>,
  cell: ReportCell | undefined,
  moneyUnit: 'yuan' | 'wan_yuan',
): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'object')
    return ratioValue(cell) === null ? NOT_APPLICABLE : formatPercent(cell);
  if (typeof cell === 'string') return cell;
  if (column.kind === 'money')
    return moneyUnit === 'wan_yuan' ? formatWan(cell) : formatFenAsYuan(cell);
  return String(cell);
}

function paragraph(text: string, options: { indent?: boolean; size?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: 360, after: 60 },
    ...(options.indent === false ? {} : { indent: { firstLine: 480 } }),
    children: [new TextRun({ text, size: options.size ?? SIZE.body })],
  });
}

function caption(text: string, bold = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 60 },
    keepNext: true,
    children: [textRun({ text, bold, size: SIZE.caption })],
  });
}

function note(text: string): Paragraph {
  return new Paragraph({
    spacing: { after: 40 },
    children: [new TextRun({ text, size: SIZE.table, color: '444444' })],
  });
}

function columnWidths(table: ReportModelBody, moneyUnit: 'yuan' | 'wan_yuan'): number[] {
  const rows = table.totals === undefined ? table.rows : [...table.rows, table.totals];
  const weights = table.columns.map((column) => {
    // A header may wrap onto two or three lines; a figure may not.
    let width = Math.ceil(displayWidth(column.title) / 2) + 1;
    for (const row of rows.slice(0, 200))
      width = Math.max(width, displayWidth(docxCellText(column, row[column.key], moneyUnit)));
    return Math.min(column.kind === 'text' ? 30 : 16, Math.max(MIN_WIDTH[column.kind], width));
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
}

function tableCell(
  text: string,
  width: number,
  size: number,
  options: { header?: boolean; bold?: boolean; right?: boolean },
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: CELL_BORDERS,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    ...(options.header === true ? { shading: { fill: 'EFEFEF' } } : {}),
    children: [
      new Paragraph({
        alignment:
          options.header === true
            ? AlignmentType.CENTER
            : options.right === true
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
        children: [textRun({ text, size, bold: options.bold === true || options.header === true })],
      }),
    ],
  });
}

function tableBlocks(
  table: ReportModelBody,
  moneyUnit: 'yuan' | 'wan_yuan',
): (Paragraph | Table)[] {
  const widths = columnWidths(table, moneyUnit);
  const size = table.columns.length > 8 ? SIZE.wideTable : SIZE.table;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column, i) =>
      tableCell(column.title, widths[i] ?? 0, size, { header: true }),
    ),
  });
  const row = (data: ReportModelBody['rows'][number], bold: boolean): TableRow =>
    new TableRow({
      cantSplit: true,
      children: table.columns.map((column, i) =>
        tableCell(docxCellText(column, data[column.key], moneyUnit), widths[i] ?? 0, size, {
          bold,
          right: column.kind !== 'text' && column.kind !== 'date',
        }),
      ),
    });
  const rows = [header, ...table.rows.map((r) => row(r, false))];
  if (table.totals !== undefined) rows.push(row(table.totals, true));
  return [
    caption(table.title, true),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      keepNext: true,
      children: [new TextRun({ text: table.subtitle, size: SIZE.table })],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows,
    }),
    ...table.notes.map((n) => note(`注：${n}`)),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function chartBlocks(chart: MonitoringChart, number: number): Paragraph[] {
  const images = renderChart(chart);
  const width = Math.round((TEXT_WIDTH / 1440) * 96 * 0.95);
  const height = Math.round((images.height / images.width) * width);
  return [
    caption(`图${String(number)}\u3000${chart.title}`, true),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(images.svg, 'utf8'),
          transformation: { width, height },
          fallback: { type: 'png', data: images.png },
          altText: { name: chart.id, title: chart.title, description: images.legend },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: images.legend, size: SIZE.table, color: '444444' })],
    }),
    ...(chart.caption === '' ? [] : [paragraph(chart.caption)]),
  ];
}

function blockParagraphs(block: MonitoringBlock, charts: { count: number }): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [paragraph(block.text)];
    case 'list':
      return block.items.map((item) => paragraph(item));
    case 'table':
      return tableBlocks(block.table, block.moneyUnit);
    case 'chart':
      charts.count += 1;
      return chartBlocks(block.chart, charts.count);
  }
}

/**
 * Renders a monitoring report to .docx: A4 portrait, 宋体 body with a Latin fallback, 黑体
 * headings, the title and the issuing office with the date, then each section's paragraphs,
 * tables (header row repeated on each page) and charts (SVG with a PNG fallback), and page numbers.
 */
export async function renderMonitoringDocx(document: MonitoringReportDocument): Promise<Buffer> {
  const charts = { count: 0 };
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [
        textRun({ text: document.title, bold: true, size: SIZE.title, font: HEADING_FONT }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [
        new TextRun({
          text: `${document.issuer}\u3000\u3000${chineseDate(document.issuedOn as IsoDate)}`,
          size: SIZE.body,
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [
        new TextRun({
          text: `数据截至${chineseDate(document.asOf as IsoDate)}\u3000数据来源：${document.source === 'books' ? '互助社账簿' : '已报送的季报'}`,
          size: SIZE.table,
          color: '444444',
        }),
      ],
    }),
  ];
  for (const section of document.sections) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
    );
    for (const block of section.blocks) children.push(...blockParagraphs(block, charts));
  }
  const doc = new Document({
    creator: 'Huzhu 村级互助资金管理系统',
    title: document.title,
    styles: {
      default: {
        document: {
          run: {
            font: BODY_FONT,
            size: SIZE.body,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
        },
        heading1: {
          run: { font: HEADING_FONT, size: SIZE.heading, bold: false, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.side, right: PAGE.side },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.table }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
