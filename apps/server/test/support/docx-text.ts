import { inflateRawSync } from 'node:zlib';
import { expect } from 'vitest';

/** The entries of a .zip (enough of the format for a .docx): name → inflated bytes. */
export function unzip(file: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let end = file.length - 22;
  while (end >= 0 && file.readUInt32LE(end) !== 0x06054b50) end -= 1;
  expect(end, 'end of central directory').toBeGreaterThanOrEqual(0);
  const count = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  for (let i = 0; i < count; i += 1) {
    expect(file.readUInt32LE(at)).toBe(0x02014b50);
    const method = file.readUInt16LE(at + 10);
    const size = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const skip = nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    const local = file.readUInt32LE(at + 42);
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    expect(file.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const data = file.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + skip;
  }
  return entries;
}

/** The text of word/document.xml, runs joined. */
export function documentText(file: Buffer): { text: string; entries: Map<string, Buffer> } {
  const entries = unzip(file);
  const xml = entries.get('word/document.xml')?.toString('utf8') ?? '';
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .join('')
    .replaceAll('&amp;', '&');
  return { text, entries };
}
