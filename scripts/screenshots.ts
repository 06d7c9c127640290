/**
 * `npm run screenshots`: PNGs of the seed's handout for the README, made in
 * Debian's Chromium (phone, desktop, dark, print) and with pdftoppm (the
 * PDF's first page), into docs/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContextOptions } from 'playwright-core';
import { build } from '../pipeline/build/index.js';
import { packageRoot } from '../pipeline/package-root.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Shot {
  name: string;
  context: BrowserContextOptions;
  print?: boolean;
}

const SHOTS: Shot[] = [
  { name: 'phone.png', context: { viewport: { width: 375, height: 812 }, colorScheme: 'light' } },
  { name: 'desktop.png', context: { viewport: { width: 1280, height: 860 }, colorScheme: 'light' } },
  { name: 'dark.png', context: { viewport: { width: 1280, height: 860 }, colorScheme: 'dark' } },
  // A4 at 96 px per inch, printed styles.
  { name: 'print.png', context: { viewport: { width: 794, height: 1123 }, colorScheme: 'light' }, print: true },
];

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  const outDir = join(packageRoot, 'docs', 'screenshots');
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'handout-shots-'));
  const result = await build({ inputs: [join(packageRoot, 'input', 'us-japan-cyber-dialogue.txt')], outDir: work, formats: ['html', 'pdf'], pressroom: false, render: { pdf: { sourceDateEpoch: 0 } } });
  const outputs = result.documents[0]?.outputs ?? [];
  const html = outputs.find((o) => o.format === 'html')?.path;
  const pdf = outputs.find((o) => o.format === 'pdf')?.path;
  if (!html || !pdf) throw new Error('the seed did not build');

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    for (const shot of SHOTS) {
      const context = await browser.newContext(shot.context);
      const page = await context.newPage();
      await page.goto(pathToFileURL(html).href);
      if (shot.print) await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(outDir, shot.name) });
      await context.close();
      console.log(`docs/screenshots/${shot.name}`);
    }
  } finally {
    await browser.close();
  }
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(work, 'pdf-page-1')]);
  renameSync(join(work, 'pdf-page-1.png'), join(outDir, 'pdf-page-1.png'));
  console.log('docs/screenshots/pdf-page-1.png');
}

main().catch((error: unknown) => {
  console.error(`screenshots: ${(error as Error).message}`);
  process.exitCode = 1;
});
