import { crc32, deflateSync } from 'node:zlib';
import type { MonitoringChart } from '@huzhu/contract';

/**
 * Bar charts of the monitoring report drawn without a graphics library: one layout, two outputs —
 * an SVG (with the Chinese category names) and a PNG (for viewers that cannot show SVG, such as
 * LibreOffice and older Word), rasterised here with a tiny bitmap font for digits, so the PNG
 * numbers its categories and the legend line under the picture names them.
 */

/** Logical size of a chart (pixels at 96 dpi); the PNG is drawn at `SCALE` times that. */
const WIDTH = 640;
const HEIGHT = 300;
const SCALE = 2;
const PLOT = { left: 64, right: WIDTH - 16, top: 36, bottom: HEIGHT - 40 };
const COLORS = ['#3b6fb6', '#e07b39', '#5a9e5a', '#8e5ab5'] as const;
const COLOR_NAMES = ['蓝色', '橙色', '绿色', '紫色'] as const;
const AXIS = '#444444';
const GRID = '#dddddd';
const TEXT = '#222222';
const FONT_FAMILY = "SimSun, '宋体', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

type Anchor = 'start' | 'middle' | 'end';

type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string; svgOnly?: boolean }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      /** What the PNG writes instead (digits only), or null to leave it out of the PNG. */
      raster: string | null;
      size: number;
      color: string;
      anchor: Anchor;
    };

/** A chart drawn both ways, and the sentence that explains its colours and numbering. */
export interface ChartImages {
  readonly png: Buffer;
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly legend: string;
}

const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);

/** A round step for about four intervals up to `max`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(max: number): number {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10;
  return step * power;
}

function trimNumber(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** The chart's values in display units: percent for ratios, 万元 for fen. */
function displayValue(chart: MonitoringChart, value: number): number {
  return chart.unit === 'percent' ? value * 100 : value / 1_000_000;
}

/** A bar's label: percent with two decimals (one on a narrow bar), or 万元 with two. */
function valueLabel(chart: MonitoringChart, value: number | null, barWidth: number): string {
  if (value === null) return '-';
  const shown = displayValue(chart, value);
  return chart.unit === 'percent' ? `${shown.toFixed(barWidth >= 36 ? 2 : 1)}%` : shown.toFixed(2);
}

function layout(chart: MonitoringChart): { shapes: Shape[]; numbered: boolean } {
  const shapes: Shape[] = [];
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(0, ...values.map((v) => displayValue(chart, v)));
  const step = niceStep(max > 0 ? max : chart.unit === 'percent' ? 100 : 1);
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  const plotHeight = PLOT.bottom - PLOT.top;
  const yOf = (shown: number): number =>
    PLOT.bottom - (Math.max(0, Math.min(shown, top)) / top) * plotHeight;
  const decimals = step < 1 ? 2 : step % 1 === 0 ? 0 : 1;
  for (let tick = 0; tick <= top + 1e-9; tick += step) {
    const y = Math.round(yOf(tick));
    shapes.push({ kind: 'rect', x: PLOT.left, y, w: PLOT.right - PLOT.left, h: 1, color: GRID });
    const label = `${trimNumber(tick, decimals)}${chart.unit === 'percent' ? '%' : ''}`;
    shapes.push({
      kind: 'text',
      x: PLOT.left - 6,
      y: y + 4,
      text: label,
      raster: label,
      size: 10,
      color: TEXT,
      anchor: 'end',
    });
  }
  shapes.push({ kind: 'rect', x: PLOT.left, y: PLOT.top, w: 1, h: plotHeight, color: AXIS });
  shapes.push({
    kind: 'rect',
    x: PLOT.left,
    y: PLOT.bottom,
    w: PLOT.right - PLOT.left,
    h: 1,
    color: AXIS,
  });
  const unit = chart.unit === 'percent' ? '单位：%' : '单位：万元';
  shapes.push({
    kind: 'text',
    x: PLOT.left - 50,
    y: PLOT.top - 18,
    text: unit,
    raster: null,
    size: 11,
    color: TEXT,
    anchor: 'start',
  });

  const n = Math.max(1, chart.categories.length);
  const group = (PLOT.right - PLOT.left) / n;
  const seriesCount = Math.max(1, chart.series.length);
  const barWidth = Math.min(48, (group * 0.7) / seriesCount);
  const numbered = !chart.categories.every(isAscii);
  const namesFit = chart.categories.every((c) => c.length * 12 + 16 <= group);
  chart.categories.forEach((category, i) => {
    const centre = PLOT.left + group * (i + 0.5);
    chart.series.forEach((series, s) => {
      const value = series.values[i] ?? null;
      const x = centre - (barWidth * seriesCount) / 2 + barWidth * s;
      const color = COLORS[s % COLORS.length] ?? AXIS;
      if (value !== null) {
        const y = yOf(displayValue(chart, value));
        const h = PLOT.bottom - y;
        if (h >= 0.5) shapes.push({ kind: 'rect', x: x + 1, y, w: barWidth - 2, h, color });
      }
      if (barWidth >= 18) {
        const label = valueLabel(chart, value, barWidth);
        const y =
          value === null
            ? PLOT.bottom - 4
            : Math.min(yOf(displayValue(chart, value)), PLOT.bottom) - 4;
        shapes.push({
          kind: 'text',
          x: x + barWidth / 2,
          y,
          text: label,
          raster: label,
          size: 9,
          color: TEXT,
          anchor: 'middle',
        });
      }
    });
    const number = String(i + 1);
    shapes.push({
      kind: 'text',
      x: centre,
      y: PLOT.bottom + 18,
      text: numbered ? (namesFit ? category : number) : category,
      raster: numbered ? number : category,
      size: 11,
      color: TEXT,
      anchor: 'middle',
    });
  });
  chart.series.forEach((series, s) => {
    const x = PLOT.right - 130 * (chart.series.length - s);
    const color = COLORS[s % COLORS.length] ?? AXIS;
    shapes.push({ kind: 'rect', x, y: 10, w: 14, h: 10, color, svgOnly: true });
    shapes.push({
      kind: 'text',
      x: x + 20,
      y: 19,
      text: series.name,
      raster: null,
      size: 11,
      color: TEXT,
      anchor: 'start',
    });
  });
  return { shapes, numbered };
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function toSvg(shapes: readonly Shape[]): string {
  const body = shapes.map((shape) =>
    shape.kind === 'rect'
      ? `<rect x="${shape.x.toFixed(1)}" y="${shape.y.toFixed(1)}" width="${shape.w.toFixed(1)}" height="${shape.h.toFixed(1)}" fill="${shape.color}"/>`
      : `<text x="${shape.x.toFixed(1)}" y="${shape.y.toFixed(1)}" font-size="${String(shape.size)}" fill="${shape.color}" text-anchor="${shape.anchor}">${escapeXml(shape.text)}</text>`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(WIDTH)}" height="${String(HEIGHT)}" viewBox="0 0 ${String(WIDTH)} ${String(HEIGHT)}" font-family="${escapeXml(FONT_FAMILY)}">` +
    `<rect x="0" y="0" width="${String(WIDTH)}" height="${String(HEIGHT)}" fill="#ffffff"/>` +
    `${body.join('')}</svg>`
  );
}

// ---------------------------------------------------------------------------------------------
// Raster

/** A 5×7 bitmap font for what the PNG writes: digits, '.', '%', '-', ',', '+', 'Q', space. */
const GLYPHS: Readonly<Record<string, readonly string[]>> = {
  '0': ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
  '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  '3': ['#####', '...#.', '..#..', '...#.', '....#', '#...#', '.###.'],
  '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
  '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
  '.': ['.....', '.....', '.....', '.....', '.....', '.##..', '.##..'],
  '%': ['##...', '##..#', '...#.', '..#..', '.#...', '#..##', '...##'],
  '-': ['.....', '.....', '.....', '.###.', '.....', '.....', '.....'],
  ',': ['.....', '.....', '.....', '.....', '.##..', '..#..', '.#...'],
  '+': ['.....', '..#..', '..#..', '#####', '..#..', '..#..', '.....'],
  Q: ['.###.', '#...#', '#...#', '#...#', '#.#.#', '#..#.', '.##.#'],
  ' ': ['.....', '.....', '.....', '.....', '.....', '.....', '.....'],
};

class Raster {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }

  fill(x0: number, y0: number, w: number, h: number, color: string): void {
    const r = parseInt(color.slice(1, 3), 16);
    const g = parseInt(color.slice(3, 5), 16);
    const b = parseInt(color.slice(5, 7), 16);
    const left = Math.max(0, Math.round(x0));
    const top = Math.max(0, Math.round(y0));
    const right = Math.min(this.width, Math.round(x0 + w));
    const bottom = Math.min(this.height, Math.round(y0 + h));
    for (let y = top; y < bottom; y += 1) {
      for (let x = left; x < right; x += 1) {
        const at = (y * this.width + x) * 3;
        this.pixels[at] = r;
        this.pixels[at + 1] = g;
        this.pixels[at + 2] = b;
      }
    }
  }

  /** Writes text with the bitmap font; `y` is the baseline, like SVG. */
  text(x: number, y: number, text: string, size: number, color: string, anchor: Anchor): void {
    const dot = Math.max(1, Math.round((size * SCALE) / 8));
    const advance = 6 * dot;
    const width = text.length * advance - dot;
    let left = anchor === 'start' ? x : anchor === 'middle' ? x - width / 2 : x - width;
    const top = y - 7 * dot;
    for (const char of text) {
      const glyph = GLYPHS[char];
      if (glyph !== undefined) {
        glyph.forEach((row, gy) => {
          for (let gx = 0; gx < row.length; gx += 1)
            if (row[gx] === '#') this.fill(left + gx * dot, top + gy * dot, dot, dot, color);
        });
      }
      left += advance;
    }
  }

  png(): Buffer {
    const stride = this.width * 3 + 1;
    const raw = Buffer.alloc(stride * this.height);
    for (let y = 0; y < this.height; y += 1) {
      raw[y * stride] = 0;
      raw.set(this.pixels.subarray(y * this.width * 3, (y + 1) * this.width * 3), y * stride + 1);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header[8] = 8; // bit depth
    header[9] = 2; // colour type: RGB
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(raw)),
      pngChunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

function toPng(shapes: readonly Shape[]): Buffer {
  const raster = new Raster(WIDTH * SCALE, HEIGHT * SCALE);
  for (const shape of shapes) {
    if (shape.kind === 'rect') {
      if (shape.svgOnly !== true)
        raster.fill(
          shape.x * SCALE,
          shape.y * SCALE,
          shape.w * SCALE,
          shape.h * SCALE,
          shape.color,
        );
    } else if (shape.raster !== null) {
      raster.text(
        shape.x * SCALE,
        shape.y * SCALE,
        shape.raster,
        shape.size,
        shape.color,
        shape.anchor,
      );
    }
  }
  return raster.png();
}

/** Draws a chart as SVG and PNG, with the legend sentence to print under it. */
export function renderChart(chart: MonitoringChart): ChartImages {
  const { shapes, numbered } = layout(chart);
  const colours = chart.series
    .map((s, i) => `${COLOR_NAMES[i % COLOR_NAMES.length] ?? ''}柱为${s.name}`)
    .join('，');
  const numbering = numbered
    ? `；横轴序号：${chart.categories.map((c, i) => `${String(i + 1)} ${c}`).join('，')}`
    : '';
  const unit = chart.unit === 'percent' ? '单位：%' : '单位：万元';
  return {
    png: toPng(shapes),
    svg: toSvg(shapes),
    width: WIDTH,
    height: HEIGHT,
    legend: `${colours}（${unit}）${numbering}。`,
  };
}
