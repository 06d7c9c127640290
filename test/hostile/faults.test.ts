/**
 * Faults: a build killed at a random moment, a full disk, a read-only output
 * folder, and Ctrl-C. Outputs are whole or absent, never half-written, and
 * the next run completes what was left.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { nodeFs, type BuildFs } from '../../pipeline/build/fs.js';
import { assertNoStack, reported, runCli } from '../support/cli.js';
import { cli, seedPath, tempDir } from '../support/paths.js';
import { readPdf } from '../support/pdf.js';

const DOCS = 40;
const EXTS = ['html', 'json', 'pdf', 'txt'];

/** A batch of distinct releases made from the seed, so every document is real work. */
function batch(): { input: string; out: string } {
  const dir = tempDir('handout-faults-');
  const input = join(dir, 'in');
  mkdirSync(input);
  const seed = readFileSync(seedPath, 'utf8');
  for (let i = 0; i < DOCS; i++) writeFileSync(join(input, `doc-${String(i).padStart(2, '0')}.txt`), seed.replace('Cyber Dialogue', `Cyber Dialogue ${i}`));
  return { input, out: join(dir, 'out') };
}

/** Every final-looking file is complete and valid; temporary files are dot files ending .tmp. */
async function assertWhole(out: string): Promise<{ finals: string[]; temps: string[] }> {
  const names = existsSync(out) ? readdirSync(out) : [];
  const temps = names.filter((n) => n.startsWith('.'));
  for (const t of temps) assert.match(t, /^\.doc-\d\d\.(html|json|pdf|txt)\.\d+\.[0-9a-f]{8}\.tmp$/u);
  const finals = names.filter((n) => !n.startsWith('.')).sort();
  for (const name of finals) {
    assert.match(name, /^doc-\d\d\.(html|json|pdf|txt)$/u);
    const bytes = readFileSync(join(out, name));
    const n = Number(name.slice(4, 6));
    if (name.endsWith('.json')) assert.equal((JSON.parse(bytes.toString('utf8')) as { title: string }).title, `The Third U.S.-Japan Cyber Dialogue ${n}`);
    if (name.endsWith('.html')) assert.ok(bytes.toString('utf8').endsWith('</html>\n'), name);
    if (name.endsWith('.txt')) assert.ok(bytes.toString('utf8').endsWith('###\n'), name);
    if (name.endsWith('.pdf')) assert.equal((await readPdf(bytes)).info['Title'], `The Third U.S.-Japan Cyber Dialogue ${n}`);
  }
  return { finals, temps };
}

function spawnBuild(input: string, out: string): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [cli, 'build', input, '-o', out], { env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}

async function firstOutput(out: string): Promise<void> {
  while (!(existsSync(out) && readdirSync(out).some((n) => !n.startsWith('.')))) await sleep(20);
}

test('faults: SIGKILL at a random moment leaves only whole outputs; the next run completes and sweeps temporaries', async () => {
  const { input, out } = batch();
  const { child, done } = spawnBuild(input, out);
  await firstOutput(out);
  const delay = Math.floor(Math.random() * 1500);
  await sleep(delay);
  child.kill('SIGKILL');
  const killed = await done;
  assert.equal(killed.signal, 'SIGKILL', `killed ${delay} ms after the first output`);
  const before = await assertWhole(out);
  assert.ok(before.finals.length < DOCS * EXTS.length, `the build finished before the kill (${delay} ms)`);
  // A temporary file of the killed process must not survive the next run, whatever its name.
  writeFileSync(join(out, `.doc-00.pdf.${child.pid}.deadbeef.tmp`), 'partial');

  const rerun = spawnBuild(input, out);
  const second = await rerun.done;
  assert.equal(second.code, 0, second.stderr);
  const after = await assertWhole(out);
  assert.deepEqual(after.temps, []);
  assert.equal(after.finals.length, DOCS * EXTS.length);
});

test('faults: SIGINT finishes the current document, exits 130 with one line, and leaves no partial file', async () => {
  const { input, out } = batch();
  const { child, done } = spawnBuild(input, out);
  await firstOutput(out);
  child.kill('SIGINT');
  const { code, stderr } = await done;
  assert.equal(code, 130, stderr);
  assertNoStack(stderr);
  const lines = stderr.trimEnd().split('\n').filter((l) => l.startsWith('handout:'));
  assert.equal(lines.length, 1, stderr);
  assert.match(lines[0]!, /^handout: interrupted after \d+ documents? \(\d+ outputs?\); the rest were not started → /u);
  const { finals, temps } = await assertWhole(out);
  assert.deepEqual(temps, []);
  // Whole documents only: each begun document has all four outputs.
  const stems = new Set(finals.map((f) => f.slice(0, 6)));
  assert.equal(finals.length, stems.size * EXTS.length);
  assert.ok(stems.size < DOCS);
  assert.equal(Number(/after (\d+)/u.exec(lines[0]!)![1]), stems.size);
});

/** A file system whose writes fail with `code` once `after` outputs have been written. */
function failingFs(code: string, message: string, after: number): BuildFs {
  let writes = 0;
  return {
    ...nodeFs,
    writeFile: async (path, data, options) => {
      if (writes++ >= after) throw Object.assign(new Error(`${code}: ${message}, write '${path}'`), { code });
      return nodeFs.writeFile(path, data, options);
    },
  };
}

for (const [code, message, text] of [
  ['ENOSPC', 'no space left on device', 'the disk is full'],
  ['EROFS', 'read-only file system', 'the output folder is on a read-only file system'],
  ['EACCES', 'permission denied', 'permission denied'],
] as const) {
  test(`faults: ${code} on write stops the build with one clear error line and exit 1`, async () => {
    const dir = tempDir('handout-faults-');
    const input = join(dir, 'in');
    mkdirSync(input);
    for (let i = 0; i < 3; i++) writeFileSync(join(input, `doc-0${i}.txt`), readFileSync(seedPath, 'utf8').replace('Cyber Dialogue', `Cyber Dialogue ${i}`));
    const out = join(dir, 'out');
    // Five writes succeed: the first document whole, then the second fails at its second output.
    const run = await runCli(['build', input, '-o', out, '--format', 'html,pdf,txt,json'], {}, failingFs(code, message, 5));
    assert.equal(run.code, 1);
    assertNoStack(run.stderr);
    const errors = reported(run.stderr).filter((m) => m.severity === 'error');
    assert.deepEqual(errors.map((m) => [m.file.split('/').pop(), m.ruleId]), [['doc-01.txt', 'write-error']]);
    assert.match(run.stderr, new RegExp(`error\\s+Cannot write to the output folder ${out.replace(/[/\\]/gu, '.')}: ${text} \\(${code}\\); the build stopped\\s+write-error\\s+handout`, 'u'));
    assert.match(run.stderr, /handout: 2 documents, 5 outputs, 2 warnings, 1 error in [\d.]+ s/u);
    // What was written is whole; the failed write left no temporary file.
    assert.deepEqual(readdirSync(out).sort(), ['doc-00.html', 'doc-00.json', 'doc-00.pdf', 'doc-00.txt', 'doc-01.html']);
  });
}
