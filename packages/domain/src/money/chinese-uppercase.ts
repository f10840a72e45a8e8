import type { Fen } from './fen.js';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const GROUP_UNITS = ['仟', '佰', '拾', ''] as const;

function digit(value: number): string {
  return DIGITS[value] ?? '';
}

/** A number 1–9999 without its leading zeros; inner zero runs become one 零. */
function groupText(value: number): string {
  const digits = String(value).padStart(4, '0');
  let text = '';
  let pendingZero = false;
  for (let position = 0; position < 4; position += 1) {
    const d = Number(digits[position]);
    if (d === 0) {
      pendingZero = text !== '';
    } else {
      if (pendingZero) text += '零';
      pendingZero = false;
      text += `${digit(d)}${GROUP_UNITS[position] ?? ''}`;
    }
  }
  return text;
}

/** A positive whole number of 元 in 大写: sections 万 and 亿, a 零 where a section starts with zeros. */
function integerText(value: number): string {
  if (value >= 100_000_000) {
    const high = Math.trunc(value / 100_000_000);
    const low = value % 100_000_000;
    const lowText = low === 0 ? '' : `${low < 10_000_000 ? '零' : ''}${integerText(low)}`;
    return `${integerText(high)}亿${lowText}`;
  }
  if (value >= 10_000) {
    const high = Math.trunc(value / 10_000);
    const low = value % 10_000;
    const lowText = low === 0 ? '' : `${low < 1000 ? '零' : ''}${groupText(low)}`;
    return `${groupText(high)}万${lowText}`;
  }
  return groupText(value);
}

/**
 * 大写金额 per the PBOC rules for filling in bills (正确填写票据和结算凭证的基本规定):
 * 10005.20 → 壹万零伍元贰角整, 16409.02 → 壹万陆仟肆佰零玖元零贰分, 0.50 → 伍角整,
 * 0 → 零元整, negative amounts get 负. Choices where the rules allow two forms: 壹拾 keeps its 壹;
 * no 零 between 元 and a non-zero 角 (1680.32 → 壹仟陆佰捌拾元叁角贰分); 整 after 元 and after 角,
 * never after 分.
 */
export function toChineseUppercase(amount: Fen): string {
  if (amount === 0) return '零元整';
  const sign = amount < 0 ? '负' : '';
  const magnitude = Math.abs(amount);
  const yuan = Math.trunc(magnitude / 100);
  const jiao = Math.trunc(magnitude / 10) % 10;
  const fenDigit = magnitude % 10;
  let text = yuan > 0 ? `${integerText(yuan)}元` : '';
  if (jiao > 0) text += `${digit(jiao)}角`;
  if (fenDigit > 0) {
    if (jiao === 0 && yuan > 0) text += '零';
    text += `${digit(fenDigit)}分`;
  } else {
    text += '整';
  }
  return `${sign}${text}`;
}
