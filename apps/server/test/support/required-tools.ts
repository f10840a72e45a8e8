import { existsSync } from 'node:fs';

/**
 * The outside programs some tests drive. A missing one fails those tests with a message naming
 * it and its Debian package — always, on CI and locally: a skipped test would pass as green.
 */
export function requiredTool(name: string, candidates: string[], install: string): string {
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined) {
    throw new Error(
      `${name} is required by this test but missing (${candidates.join(', ')}): ${install}`,
    );
  }
  return found;
}

export const soffice = () =>
  requiredTool(
    'LibreOffice',
    ['/usr/bin/soffice', '/usr/bin/libreoffice'],
    'apt-get install libreoffice-writer-nogui libreoffice-calc-nogui',
  );

export const pdftotext = () =>
  requiredTool('pdftotext', ['/usr/bin/pdftotext'], 'apt-get install poppler-utils');

export const chromiumPath = () =>
  requiredTool('Chromium', ['/usr/bin/chromium'], 'apt-get install chromium fonts-noto-cjk');
