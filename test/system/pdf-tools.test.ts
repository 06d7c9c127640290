/**
 * PDFs checked by the tools archivists use: qpdf, poppler (pdffonts, pdfinfo,
 * pdftotext) and Apache PDFBox preflight. These need Debian packages (.ci/run
 * installs them); a missing tool fails the suite, it never skips.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { promisify } from 'node:util';
import { cli, seedPath, tempDir } from '../support/paths.js';

const run = promisify(execFile);

const PDFBOX_JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((j) => `/usr/share/java/${j}.jar`);

function requireTool(name: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'pipe' });
  } catch {
    assert.fail(`${name} is not installed: run .ci/run, or apt-get install the packages it lists`);
  }
}

const HOSTILE = `Acme & Co <Widget> "2.0" 'quoted' ]]> — ünïcödé Ελληνικά Кириллица 🚀 עברית

Press Release
Office of Acme & Sons <Communications>
Portland, Oregon
March 3, 2026

Acme & Co today released Widget "2.0", with <angle brackets>, & ampersands, {{mustaches}} and emoji 🚀 in the body.
`;

const dir = tempDir('handout-system-');
const builds: Record<string, string> = {};

before(async () => {
  for (const tool of ['qpdf', 'pdffonts', 'pdfinfo', 'pdftotext', 'java']) requireTool(tool);
  for (const jar of PDFBOX_JARS) assert.ok(existsSync(jar), `${jar} is missing: apt-get install libpdfbox2-java libactivation-java libjaxb-api-java`);
  const input = join(dir, 'in');
  mkdirSync(input);
  copyFileSync(seedPath, join(input, 'seed.txt'));
  writeFileSync(join(input, 'hostile.txt'), HOSTILE);
  for (const profile of ['pdfa-1b', 'pdfa-2b', 'pdfa-3b']) {
    const out = join(dir, profile);
    await run(process.execPath, [cli, 'build', input, '--out', out, '--format', 'pdf', '--pdf-profile', profile]);
    builds[profile] = out;
  }
});

const cases = ['seed', 'hostile'];
const profiles: [string, number][] = [['pdfa-1b', 1], ['pdfa-2b', 2], ['pdfa-3b', 3]];

for (const [profile, part] of profiles) {
  for (const name of cases) {
    test(`${profile} ${name}: qpdf --check is clean`, async () => {
      const { stdout } = await run('qpdf', ['--check', join(builds[profile]!, `${name}.pdf`)]);
      assert.match(stdout, /No syntax or stream encoding errors found/u);
    });

    test(`${profile} ${name}: pdffonts shows every font embedded`, async () => {
      const { stdout } = await run('pdffonts', [join(builds[profile]!, `${name}.pdf`)]);
      const rows = stdout.trim().split('\n').slice(2);
      assert.ok(rows.length >= 2, stdout);
      for (const row of rows) assert.match(row, /\s+yes\s+yes\s+yes\s+\d+\s+\d+$/u, `not embedded/subset/unicode: ${row}`);
    });

    test(`${profile} ${name}: pdfinfo -meta shows pdfaid part ${part}, conformance B`, async () => {
      const { stdout } = await run('pdfinfo', ['-meta', join(builds[profile]!, `${name}.pdf`)]);
      assert.match(stdout, new RegExp(`<pdfaid:part>${part}</pdfaid:part>`, 'u'));
      assert.match(stdout, /<pdfaid:conformance>B<\/pdfaid:conformance>/u);
    });
  }
}

// -raw keeps content-stream order, which is reading order here; the default layout
// heuristics reorder a justified line when the page also holds RTL text.
test('pdftotext gives back the hostile title and body words', async () => {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-raw', join(builds['pdfa-2b']!, 'hostile.pdf'), '-']);
  const text = stdout.replace(/\s+/gu, ' ');
  for (const phrase of ['Acme & Co <Widget> "2.0"', 'ünïcödé Ελληνικά Кириллица', 'Widget "2.0", with <angle brackets>, & ampersands, {{mustaches}}']) {
    assert.ok(text.includes(phrase), `"${phrase}" missing from: ${text.slice(0, 300)}`);
  }
});

for (const name of cases) {
  test(`pdfa-1b ${name}: Apache PDFBox preflight Validator_A1b passes`, async () => {
    const file = join(builds['pdfa-1b']!, `${name}.pdf`);
    let stdout = '';
    try {
      ({ stdout } = await run('java', ['-cp', PDFBOX_JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file]));
    } catch (error) {
      assert.fail(`PDFBox preflight rejected ${name}.pdf:\n${(error as { stdout?: string }).stdout ?? error}`);
    }
    assert.match(stdout, /is a valid PDF\/A-1b file/u);
  });
}
