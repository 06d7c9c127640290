/** End-to-end CLI runs against fixture folders: outputs, diagnostics and exit codes. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { cli, seedPath, tempDir } from '../support/paths.js';

const run = promisify(execFile);

async function handout(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env: { ...process.env, ...env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function inputDir(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'in', 'nested'), { recursive: true });
  copyFileSync(seedPath, join(dir, 'in', 'us-japan-cyber-dialogue.txt'));
  return dir;
}

test('build writes all four formats, mirrored folders, and reports the seed warning the unified way', async () => {
  const dir = inputDir();
  copyFileSync(seedPath, join(dir, 'in', 'nested', 'copy.txt'));
  const { code, stderr } = await handout(['build', join(dir, 'in'), '--out', join(dir, 'out')]);
  assert.equal(code, 0, stderr);
  for (const ext of ['html', 'pdf', 'txt', 'json']) {
    assert.ok(existsSync(join(dir, 'out', `us-japan-cyber-dialogue.${ext}`)), ext);
    assert.ok(existsSync(join(dir, 'out', 'nested', `copy.${ext}`)), `nested ${ext}`);
  }
  const record = JSON.parse(readFileSync(join(dir, 'out', 'us-japan-cyber-dialogue.json'), 'utf8'));
  assert.equal(record.title, 'The Third U.S.-Japan Cyber Dialogue');
  assert.equal(record.body.length, 4);
  assert.match(stderr, /16:1-16:104\s+warning\s+Contact line ends in "at".*truncated-contact\s+handout/u);
  assert.match(stderr, /handout: 2 documents, 8 outputs, 2 warnings, 0 errors/u);
  // No temporary files are left behind.
  assert.deepEqual(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.tmp')), []);
});

test('--format limits the outputs; --frail turns the warning into exit 1', async () => {
  const dir = inputDir();
  const out = join(dir, 'out');
  const { code } = await handout(['build', join(dir, 'in'), '-o', out, '--format', 'txt,json']);
  assert.equal(code, 0);
  assert.deepEqual(readdirSync(out).sort(), ['.handout-feed.json', '.handout-manifest.json', 'feed.xml', 'index.html', 'manifest.json', 'us-japan-cyber-dialogue.json', 'us-japan-cyber-dialogue.txt']);
  const frail = await handout(['build', join(dir, 'in'), '-o', out, '--format', 'json', '--frail']);
  assert.equal(frail.code, 1);
});

test('a bad document is reported and the others are still built (exit 1)', async () => {
  const dir = inputDir();
  writeFileSync(join(dir, 'in', 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 0]));
  writeFileSync(join(dir, 'in', 'empty.md'), '   \n\n');
  const { code, stderr } = await handout(['build', join(dir, 'in'), '-o', join(dir, 'out'), '--format', 'json,txt']);
  assert.equal(code, 1);
  assert.match(stderr, /binary\.txt[\s\S]*error.*invalid-encoding/u);
  assert.match(stderr, /empty\.md[\s\S]*error.*empty-document/u);
  assert.ok(existsSync(join(dir, 'out', 'us-japan-cyber-dialogue.json')));
  assert.ok(!existsSync(join(dir, 'out', 'binary.json')));
  assert.doesNotMatch(stderr, /\n\s+at .*\.js:\d+/u, 'no stack trace');
});

test('usage errors exit 2 with one clear line', async () => {
  for (const args of [['build', '--pdf-profile', 'pdfa-9'], ['build', '--format', 'docx'], ['build', '--nope'], ['frobnicate'], ['extract'], ['build', '--templates', '/no/such/dir']]) {
    const { code, stderr } = await handout(args);
    assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
    assert.match(stderr, /^handout: .+\nRun "handout --help" for usage\.\n$/u);
  }
});

test('a template syntax error exits 1 and names the template file:line:column', async () => {
  const dir = inputDir();
  mkdirSync(join(dir, 'tpl'));
  writeFileSync(join(dir, 'tpl', 'text.hbs'), 'ok\n{{#if title}}\n{{/if\n');
  const { code, stderr } = await handout(['build', join(dir, 'in'), '-o', join(dir, 'out'), '--templates', join(dir, 'tpl')]);
  assert.equal(code, 1);
  assert.match(stderr, /text\.hbs\n\s*\d+:\d+\s+error\s+.*template-error/u);
  assert.ok(!existsSync(join(dir, 'out')), 'nothing is written when the templates are broken');
});

test('extract prints one object for one file and an array for several', async () => {
  const one = await handout(['extract', seedPath, '--json']);
  assert.equal(one.code, 0);
  const record = JSON.parse(one.stdout);
  assert.equal(record.date, '2015-07-17');
  assert.equal(record.type, 'Media Note');
  const two = await handout(['extract', seedPath, seedPath]);
  const records = JSON.parse(two.stdout);
  assert.ok(Array.isArray(records));
  assert.equal(records.length, 2);
});

test('--version and --help', async () => {
  const version = await handout(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(cli, '..', '..', 'package.json'), 'utf8')).version);
  const help = await handout(['--help']);
  assert.match(help.stdout, /Usage: handout <command>/u);
  assert.match(help.stdout, /--pdf-profile/u);
});
