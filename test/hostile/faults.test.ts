/**
 * Faults: a build killed at a random moment, a full disk, a read-only output
 * folder, and Ctrl-C. Outputs are whole or absent, never half-written, and
 * the next run completes what was left.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { nodeFs, type BuildFs } from '../../pipeline/build/fs.js';
import { sha256 } from '../../pipeline/build/hash.js';
import { build } from '../../pipeline/build/index.js';
import { assertNoStack, BUILD_FILES, reported, runCli } from '../support/cli.js';
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

/**
 * Every final-looking file is complete and valid; temporary files are dot
 * files ending .tmp. The build's own files (manifest, feed cache, press room)
 * are returned apart, as `build`, each checked whole.
 */
async function assertWholeDir(out: string): Promise<{ finals: string[]; temps: string[]; build: string[] }> {
  const all = existsSync(out) ? readdirSync(out) : [];
  const build = all.filter((n) => (BUILD_FILES as readonly string[]).includes(n)).sort();
  for (const name of build) {
    const text = readFileSync(join(out, name), 'utf8');
    if (name.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(text), name);
    else if (name === 'index.html') assert.ok(text.endsWith('</html>\n'), name);
    else assert.ok(text.trimEnd().endsWith('</feed>'), name);
  }
  const names = all.filter((n) => !build.includes(n));
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
  return { finals, temps, build };
}

function spawnBuild(input: string, out: string): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [cli, 'build', input, '-o', out], { env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}

/** Wait until the build has written at least `count` outputs (temporaries start with a dot). */
async function outputs(out: string, count = 1): Promise<void> {
  while (!(existsSync(out) && readdirSync(out).filter((n) => !n.startsWith('.')).length >= count)) await sleep(10);
}

test('faults: SIGKILL at a random moment leaves only whole outputs; the next run completes and sweeps temporaries', async () => {
  const { input, out } = batch();
  const { child, done } = spawnBuild(input, out);
  // A random moment in the first half of the batch, counted in outputs rather than
  // milliseconds: a time would depend on how fast the build (and the machine) is.
  const at = 1 + Math.floor(Math.random() * ((DOCS * EXTS.length) / 2));
  await outputs(out, at);
  child.kill('SIGKILL');
  const killed = await done;
  assert.equal(killed.signal, 'SIGKILL', `killed after ${at} outputs`);
  const before = await assertWholeDir(out);
  assert.ok(before.finals.length < DOCS * EXTS.length, `the build finished before the kill (after ${at} outputs)`);
  // The manifest and the press room are written after the last document: a killed build has none.
  assert.deepEqual(before.build, []);
  // A temporary file of the killed process must not survive the next run, whatever its name.
  writeFileSync(join(out, `.doc-00.pdf.${child.pid}.deadbeef.tmp`), 'partial');

  const rerun = spawnBuild(input, out);
  const second = await rerun.done;
  assert.equal(second.code, 0, second.stderr);
  const after = await assertWholeDir(out);
  assert.deepEqual(after.temps, []);
  assert.equal(after.finals.length, DOCS * EXTS.length);
  // Since the merge with the press room and incremental builds, a whole build also writes these.
  assert.deepEqual(after.build, [...BUILD_FILES].sort());
});

test('faults: SIGINT finishes the current document, exits 130 with one line, and leaves no partial file', async () => {
  const { input, out } = batch();
  const { child, done } = spawnBuild(input, out);
  await outputs(out);
  child.kill('SIGINT');
  const { code, stderr } = await done;
  assert.equal(code, 130, stderr);
  assertNoStack(stderr);
  const lines = stderr.trimEnd().split('\n').filter((l) => l.startsWith('handout:'));
  assert.equal(lines.length, 1, stderr);
  assert.match(lines[0]!, /^handout: interrupted after \d+ documents? \(\d+ outputs?\); the rest were not started → /u);
  const { finals, temps, build } = await assertWholeDir(out);
  assert.deepEqual(temps, []);
  // Whole documents only: each begun document has all four outputs.
  const stems = new Set(finals.map((f) => f.slice(0, 6)));
  assert.equal(finals.length, stems.size * EXTS.length);
  assert.ok(stems.size < DOCS);
  assert.equal(Number(/after (\d+)/u.exec(lines[0]!)![1]), stems.size);
  // The manifest records exactly the completed documents; an interrupted build writes no press room.
  assert.deepEqual(build, ['.handout-manifest.json']);
  const manifest = JSON.parse(readFileSync(join(out, '.handout-manifest.json'), 'utf8')) as { documents: Record<string, unknown> };
  assert.deepEqual(Object.keys(manifest.documents).sort(), [...stems].sort());
  // The next run builds only the rest.
  const rerun = await spawnBuild(input, out).done;
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.match(rerun.stderr, new RegExp(`handout: ${DOCS} documents, ${DOCS * EXTS.length} outputs, .* \\(${stems.size} unchanged\\)`, 'u'));
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
    // What was written is whole; the failed write left no temporary file. The manifest write failed
    // the same way (silently: one error line), so there is no manifest, and no press room either.
    assert.deepEqual(readdirSync(out).sort(), ['doc-00.html', 'doc-00.json', 'doc-00.pdf', 'doc-00.txt', 'doc-01.html']);
  });
}

/** Three seed-based sources in a fresh folder; `tag` changes their titles (and so their bytes). */
function three(input: string, tag: string): void {
  for (let i = 0; i < 3; i++) writeFileSync(join(input, `doc-0${i}.txt`), readFileSync(seedPath, 'utf8').replace('Cyber Dialogue', `Cyber Dialogue ${tag}${i}`));
}

/** A fresh input folder of three sources, and an output folder beside it. */
function threeSources(): { dir: string; input: string; out: string } {
  const dir = tempDir('handout-faults-');
  const input = join(dir, 'in');
  mkdirSync(input);
  three(input, '');
  return { dir, input, out: join(dir, 'out') };
}

interface ManifestFile {
  documents: Record<string, { sourceHash: string; outputs: { path: string; sha256: string }[] }>;
}

test('faults: a full disk on a rebuild leaves the previous manifest whole; the next run completes', async () => {
  const { input, out } = threeSources();
  assert.equal((await runCli(['build', input, '-o', out, '--format', 'html,json'])).code, 0);
  const manifestBefore = readFileSync(join(out, '.handout-manifest.json'));
  const indexBefore = readFileSync(join(out, 'index.html'));
  three(input, 'v2-');
  // One write succeeds (doc-00.html), then the disk is full: for outputs and the manifest alike.
  const full = await runCli(['build', input, '-o', out, '--format', 'html,json'], {}, failingFs('ENOSPC', 'no space left on device', 1));
  assert.equal(full.code, 1);
  assert.deepEqual(reported(full.stderr).filter((m) => m.severity === 'error').map((m) => m.ruleId), ['write-error']);
  assert.deepEqual(readFileSync(join(out, '.handout-manifest.json')), manifestBefore);
  assert.deepEqual(readFileSync(join(out, 'index.html')), indexBefore);
  assert.deepEqual((await assertWholeDir(out)).temps, []);
  // The old manifest's hashes no longer match the sources: everything is rebuilt.
  const next = await runCli(['build', input, '-o', out, '--format', 'html,json']);
  assert.equal(next.code, 0, next.stderr);
  assert.match(next.stderr, /handout: 3 documents, 6 outputs, /u);
  assert.doesNotMatch(next.stderr, /unchanged/u);
  assert.equal((JSON.parse(readFileSync(join(out, 'doc-00.json'), 'utf8')) as { title: string }).title, 'The Third U.S.-Japan Cyber Dialogue v2-0');
});

test('faults: an unwritable document folder stops the batch; the manifest keeps only whole documents', async () => {
  const { input, out } = threeSources();
  assert.equal((await runCli(['build', input, '-o', out, '--format', 'html,json'])).code, 0);
  const before = JSON.parse(readFileSync(join(out, '.handout-manifest.json'), 'utf8')) as ManifestFile;
  three(input, 'v2-');
  // Only doc-01's outputs fail (EACCES); the manifest itself can be written.
  const fs: BuildFs = {
    ...nodeFs,
    writeFile: async (path, data, options) => {
      if (path.includes('doc-01')) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      return nodeFs.writeFile(path, data, options);
    },
  };
  const run = await runCli(['build', input, '-o', out, '--format', 'html,json'], {}, fs);
  assert.equal(run.code, 1);
  assert.deepEqual(reported(run.stderr).filter((m) => m.severity === 'error').map((m) => [m.file.split('/').pop(), m.ruleId]), [['doc-01.txt', 'write-error']]);
  assert.match(run.stderr, /handout: 2 documents, 2 outputs, /u);
  const after = JSON.parse(readFileSync(join(out, '.handout-manifest.json'), 'utf8')) as ManifestFile;
  // doc-00 rebuilt and recorded; doc-01 failed, so it is not recorded at all; doc-02 never started, so its old record stays (and no longer matches its source).
  assert.deepEqual(Object.keys(after.documents).sort(), ['doc-00', 'doc-02']);
  assert.notEqual(after.documents['doc-00']!.sourceHash, before.documents['doc-00']!.sourceHash);
  assert.deepEqual(after.documents['doc-02'], before.documents['doc-02']);
  for (const output of after.documents['doc-00']!.outputs) assert.equal(sha256(readFileSync(join(out, output.path))), output.sha256);
  const next = await runCli(['build', input, '-o', out, '--format', 'html,json']);
  assert.equal(next.code, 0, next.stderr);
  assert.match(next.stderr, /handout: 3 documents, 6 outputs, .*\(1 unchanged\)/u);
});

test('faults: build({ fs }) runs in-process whatever jobs says, and every source read and output write goes through fs', async () => {
  const { dir, input } = threeSources();
  const seen = { reads: 0, writes: 0 };
  const fs: BuildFs = {
    ...nodeFs,
    readFile: async (path) => (seen.reads++, nodeFs.readFile(path)),
    writeFile: async (path, data, options) => (seen.writes++, nodeFs.writeFile(path, data, options)),
  };
  const result = await build({ inputs: [input], outDir: join(dir, 'out'), formats: ['html', 'json'], jobs: 4, fs });
  assert.equal(result.jobs, 1);
  assert.equal(seen.reads, 3);
  // 6 outputs, the manifest, the feed cache and the press room's 3 files.
  assert.equal(seen.writes, 6 + 2 + 3);
  assert.ok(result.documents.every((d) => d.status === 'built'));
});

test('faults: the stale-temporary sweep keeps files of live processes, this one (and its workers) included', async () => {
  const { input, out } = threeSources();
  mkdirSync(join(out, 'sub'), { recursive: true });
  const ours = `.doc-00.html.${process.pid}.0123abcd.tmp`;
  const parent = `.doc-01.html.${process.ppid}.0123abcd.tmp`;
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  const gone = `.doc-02.html.${dead}.0123abcd.tmp`;
  for (const name of [ours, parent, gone]) writeFileSync(join(out, name), 'partial');
  writeFileSync(join(out, 'sub', gone), 'partial');
  const result = await build({ inputs: [input], outDir: out, formats: ['json'], jobs: 2 });
  assert.equal(result.jobs, 2);
  assert.ok(existsSync(join(out, ours)));
  assert.ok(existsSync(join(out, parent)));
  assert.ok(!existsSync(join(out, gone)));
  assert.ok(!existsSync(join(out, 'sub', gone)));
});
