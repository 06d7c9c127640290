/**
 * Hostile files rather than hostile text: huge sources, many paragraphs,
 * dangerous names, FIFOs, link loops and unreadable files.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from '../../pipeline/build/index.js';
import { nodeFs } from '../../pipeline/build/fs.js';
import { outputPath, outputStem } from '../../pipeline/build/naming.js';
import { assertNoStack, reported, runCli, withBuildFiles } from '../support/cli.js';
import { tempDir } from '../support/paths.js';

const BODY = 'PORTLAND, Ore., March 3, 2026 — Acme today shipped the widget.\n';

function inputDir(files: Record<string, string | Buffer> = {}): { dir: string; input: string; out: string } {
  const dir = tempDir('handout-files-');
  const input = join(dir, 'in');
  mkdirSync(input);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(input, name), content);
  return { dir, input, out: join(dir, 'out') };
}

const at = (stderr: string): string[] => reported(stderr).map((m) => `${m.file.split('/').pop()} ${m.ruleId}@${m.at}`);

test('files: a 5 MB one-line paragraph is built in every format', async () => {
  const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa ';
  const { input, out } = inputDir({ 'long.txt': `Acme Ships Widget\n\n${BODY}\n${words.repeat(Math.ceil(5e6 / words.length)).slice(0, 5e6)}\n` });
  const { code, stderr } = await runCli(['build', input, '-o', out]);
  assertNoStack(stderr);
  assert.equal(code, 0, stderr);
  assert.deepEqual(at(stderr), []);
  const text = readFileSync(join(out, 'long.txt'), 'utf8');
  assert.ok(text.split('\n').every((line) => line.length <= 72));
  assert.ok(readFileSync(join(out, 'long.pdf')).byteLength > 100_000);
});

test('files: a 50 MB source is refused by --max-size (default 10 MB) before it is read', async () => {
  const { input, out } = inputDir({ 'ok.txt': `Acme Ships Widget\n\n${BODY}` });
  writeFileSync(join(input, 'huge.txt'), '');
  truncateSync(join(input, 'huge.txt'), 50 * 1024 * 1024);
  const { code, stderr } = await runCli(['build', input, '-o', out, '--format', 'json']);
  assert.equal(code, 1);
  assertNoStack(stderr);
  assert.deepEqual(at(stderr), ['huge.txt too-large@']);
  assert.match(stderr, /The source is 50 MB, over the 10 MB limit; raise it with --max-size/u);
  assert.deepEqual(readdirSync(out).sort(), withBuildFiles(['ok.json']));
  // A lower limit refuses smaller files; a bad size is a usage error.
  const low = await runCli(['build', input, '-o', out, '--format', 'json', '--max-size', '64']);
  assert.deepEqual(at(low.stderr), ['huge.txt too-large@', 'ok.txt too-large@']);
  const bad = await runCli(['build', input, '--max-size', 'lots']);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, 'handout: --max-size must be a size such as 500KB or 20MB, not "lots"\nRun "handout --help" for usage.\n');
});

test('files: 100,000 tiny paragraphs', async () => {
  const paragraphs = Array.from({ length: 100_000 }, (_, i) => `P${i}.`);
  const { input, out } = inputDir({ 'many.txt': `Acme Ships Widget\n\n${BODY}\n${paragraphs.join('\n\n')}\n` });
  const { code, stderr } = await runCli(['build', input, '-o', out, '--format', 'txt']);
  assert.equal(code, 0, stderr);
  const text = readFileSync(join(out, 'many.txt'), 'utf8');
  assert.equal(text.split('\n\n').filter((p) => /^P\d+\.$/u.test(p)).length, 100_000);
});

/** Safe on Linux, macOS and Windows: no reserved names or characters, no trailing dot or space, ≤ 255 bytes. */
function assertPortable(name: string): void {
  assert.doesNotMatch(name, /[<>:"/\\|?*\u0000-\u001f]/u, name);
  assert.doesNotMatch(name, /[. ]$/u, name);
  assert.doesNotMatch(name.split('.')[0]!, /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/iu, name);
  assert.ok(!name.startsWith('-'), name);
  assert.ok(Buffer.byteLength(name) <= 255, name);
}

test('files: hostile source names give portable output names inside --out', async () => {
  const long = `${'a'.repeat(246)}.txt`;
  const names = ['press release.txt', 'Pre\u0301sentation.txt', '-rf.txt', 'CON.txt', 'nul.md', 'aux.notes.txt', 'com1.md', 'trailing. .txt', 'what?.txt', long, 'foo.txt', 'foo.md'];
  const files = Object.fromEntries(names.map((n) => [n, `Acme Ships Widget\n\n${BODY}`]));
  const { input, out } = inputDir(files);
  const { code, stderr } = await runCli(['build', input, '-o', out, '--format', 'json']);
  assert.equal(code, 0, stderr);
  assert.deepEqual(at(stderr), ['foo.txt duplicate-output@']);
  const built = readdirSync(out).sort();
  assert.deepEqual(
    built,
    withBuildFiles([
      '_CON.json', '_aux.notes.json', '_com1.json', '_nul.json', '_rf.json', `${'a'.repeat(200)}.json`, 'foo-txt.json', 'foo.json',
      'press release.json', 'trailing.json', 'what_.json', 'Présentation.json',
    ]),
  );
  for (const name of built) assertPortable(name);
  assert.equal(built.find((n) => n.startsWith('Pr'))!.normalize('NFC'), built.find((n) => n.startsWith('Pr')));
});

test('files: no output path leaves --out, whatever the source path or front matter says', async () => {
  assert.equal(outputStem('../../etc/passwd.txt'), 'etc/passwd');
  assert.equal(outputStem('a/../../b.md'), 'a/b');
  assert.throws(() => outputPath('/tmp/out', '../escape', 'html'), /escapes the output folder/u);
  assert.throws(() => outputPath('/tmp/out', 'a/../../escape', 'html'), /escapes the output folder/u);
  assert.equal(outputPath('/tmp/out', '/abs', 'html'), '/tmp/out/abs.html');
  const { input, out, dir } = inputDir({ 'x.md': `---\ntitle: ../../../escape\n---\n\n${BODY}` });
  mkdirSync(join(input, 'sub'));
  writeFileSync(join(input, 'sub', 'y.txt'), `Acme\n\n${BODY}`);
  const { code } = await runCli(['build', join(input, 'sub', '..', 'x.md'), join(input, 'sub', '..', 'sub'), '-o', out, '--format', 'json']);
  assert.equal(code, 0);
  assert.deepEqual(readdirSync(dir).sort(), ['in', 'out']);
  assert.deepEqual(readdirSync(out).sort(), withBuildFiles(['x.json', 'y.json']));
});

test('files: a subfolder of --out that links outside it is never written through; links that stay inside are followed', async () => {
  const { input, out, dir } = inputDir();
  for (const folder of ['escape', 'inside', 'fine']) {
    mkdirSync(join(input, folder));
    writeFileSync(join(input, folder, `${folder}.txt`), `Acme Ships Widget\n\n${BODY}`);
  }
  const elsewhere = join(dir, 'elsewhere');
  mkdirSync(elsewhere);
  mkdirSync(join(out, 'real'), { recursive: true });
  symlinkSync(elsewhere, join(out, 'escape'));
  symlinkSync(join(out, 'real'), join(out, 'inside'));
  // Twice: the second build must check its folders again, not trust what the first one saw.
  for (let round = 0; round < 2; round++) {
    const { code, stderr } = await runCli(['build', input, '-o', out, '--format', 'json', '--force']);
    assertNoStack(stderr);
    assert.equal(code, 1, stderr);
    assert.deepEqual(at(stderr), ['escape.txt write-error@']);
    assert.match(stderr, /Cannot write the json output: the folder escape leads outside the output folder/u);
    assert.deepEqual(readdirSync(elsewhere), [], 'nothing, not even a temporary file, lands outside');
    assert.deepEqual(readdirSync(join(out, 'real')), ['inside.json']);
    assert.ok(existsSync(join(out, 'fine', 'fine.json')));
  }
});

test('files: a FIFO, a symlink loop, a dangling link and a directory loop are reported; nothing hangs', async () => {
  const { input, out } = inputDir({ 'ok.txt': `Acme Ships Widget\n\n${BODY}` });
  execFileSync('mkfifo', [join(input, 'pipe.txt')]);
  symlinkSync('loop-b.txt', join(input, 'loop-a.txt'));
  symlinkSync('loop-a.txt', join(input, 'loop-b.txt'));
  symlinkSync('missing.txt', join(input, 'dangling.txt'));
  symlinkSync('..', join(input, 'parent'));
  const { code, stderr } = await runCli(['build', input, '-o', out, '--format', 'json']);
  assert.equal(code, 1);
  assertNoStack(stderr);
  assert.deepEqual(at(stderr), ['dangling.txt read-error@', 'loop-a.txt read-error@', 'loop-b.txt read-error@', 'pipe.txt read-error@']);
  assert.match(stderr, /pipe\.txt\n\s+error\s+not a regular file \(a FIFO, socket or device\)/u);
  assert.match(stderr, /loop-a\.txt\n\s+error\s+symbolic link loop/u);
  assert.deepEqual(readdirSync(out).sort(), withBuildFiles(['ok.json']));
  // Named directly, the FIFO is refused by stat before any read could block.
  const direct = await runCli(['build', join(input, 'pipe.txt'), '-o', out, '--format', 'json']);
  assert.equal(direct.code, 1);
  assert.match(direct.stderr, /error\s+Cannot read the source: not a regular file \(a FIFO, socket or device\)\s+read-error/u);
});

test('files: an unreadable source is one read-error and the others are built', async () => {
  const { input, out } = inputDir({ 'ok.txt': `Acme Ships Widget\n\n${BODY}`, 'secret.txt': `Secret\n\n${BODY}` });
  const secret = join(input, 'secret.txt');
  // As root, chmod 000 does not stop reads; then the same refusal is injected through the fs seam.
  const root = process.getuid?.() === 0;
  chmodSync(secret, 0);
  const fs = root
    ? { ...nodeFs, readFile: async (path: string) => (path === secret ? Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })) : nodeFs.readFile(path)) }
    : nodeFs;
  const result = await build({ inputs: [input], outDir: out, formats: ['json'], fs });
  const messages = result.documents.map((d) => [d.source.relative, d.file.messages.map((m) => `${m.ruleId}: ${m.reason}`)]);
  assert.deepEqual(messages, [['ok.txt', []], ['secret.txt', ['read-error: Cannot read the source: EACCES']]]);
  assert.ok(existsSync(join(out, 'ok.json')));
  assert.ok(!existsSync(join(out, 'secret.json')));
});
