/** The JSON report, merging shard reports, GitHub annotations, config files and exit codes, through the CLI. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { sha256 } from '../../pipeline/build/hash.js';
import { annotation, escapeData, escapeProperty } from '../../pipeline/cli/annotations.js';
import { makeInput } from '../support/batch.js';
import { parse as parseYaml } from 'yaml';
import { cli, root } from '../support/paths.js';

const run = promisify(execFile);

async function handout(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  if (!options.env?.['GITHUB_ACTIONS']) delete env['GITHUB_ACTIONS'];
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env, ...(options.cwd ? { cwd: options.cwd } : {}) });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('annotations escape data and properties the way the GitHub runner reads them', () => {
  assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
  assert.equal(escapeProperty('a:b,c%d\n'), 'a%3Ab%2Cc%25d%0A');
  const line = annotation({ file: 'in/a,b:c.txt', line: 16, column: 1, endLine: 16, endColumn: 104, severity: 'warning', ruleId: 'truncated-contact', message: 'Ends in "at": 100%\ncut' });
  assert.equal(line, '::warning file=in/a%2Cb%3Ac.txt,line=16,col=1,endLine=16,endColumn=104,title=truncated-contact::Ends in "at": 100%25%0Acut');
  assert.equal(annotation({ file: 'x.txt', line: null, column: null, endLine: null, endColumn: null, severity: 'error', ruleId: 'empty-document', message: 'The file has no text' }), '::error file=x.txt,title=empty-document::The file has no text');
  assert.match(annotation({ file: 'x.md', line: 1, column: 1, endLine: null, endColumn: null, severity: 'info', ruleId: 'unknown-front-matter', message: 'm' }), /^::notice /u);
});

test('--report json: documents, outputs with hashes, diagnostics with positions and rule ids, timings; annotations in GitHub Actions', async () => {
  const { dir, input, out } = makeInput(2, { 'empty.txt': ' \n' });
  const { code, stdout, stderr } = await handout(['build', 'in', '-o', 'out', '-f', 'txt,json', '-j', '1', '--report', 'json'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
  assert.equal(code, 1, stderr);
  assert.match(stderr, /handout: 3 documents, 4 outputs, 2 warnings, 1 error in/u);
  const report = JSON.parse(readFileSync(join(out, 'handout-report.json'), 'utf8'));
  assert.equal(report.reportVersion, 1);
  assert.equal(report.shard, null);
  assert.deepEqual(report.formats, ['txt', 'json']);
  assert.deepEqual(report.summary, { documents: 3, built: 2, skipped: 0, failed: 1, outputs: 4, removed: 0, errors: 1, warnings: 2, infos: 0 });
  assert.deepEqual(report.documents.map((d: { source: string; status: string }) => [d.source, d.status]), [
    [join('in', 'empty.txt'), 'failed'],
    [join('in', 'release-1.txt'), 'built'],
    [join('in', 'release-2.txt'), 'built'],
  ]);
  const [empty, first] = report.documents;
  assert.deepEqual(empty.diagnostics, [{ file: join('in', 'empty.txt'), line: null, column: null, endLine: null, endColumn: null, severity: 'error', ruleId: 'empty-document', message: 'The file has no text' }]);
  assert.deepEqual(first.diagnostics.map((d: Record<string, unknown>) => [d['line'], d['column'], d['endLine'], d['endColumn'], d['severity'], d['ruleId']]), [[16, 1, 16, 104, 'warning', 'truncated-contact']]);
  assert.deepEqual(first.outputs.map((o: { format: string; path: string }) => [o.format, o.path]), [['txt', 'release-1.txt'], ['json', 'release-1.json']]);
  assert.equal(first.outputs[1].sha256, sha256(readFileSync(join(out, 'release-1.json'))));
  assert.equal(first.outputs[1].bytes, readFileSync(join(out, 'release-1.json')).length);
  assert.equal(typeof first.ms, 'number');
  assert.equal(typeof report.timings.totalMs, 'number');
  assert.equal(report.timings.jobs, 1);
  // Annotations on stdout, one per diagnostic.
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 3);
  assert.ok(lines.includes(`::error file=${join('in', 'empty.txt')},title=empty-document::The file has no text`));
  assert.ok(lines.some((l) => l.startsWith(`::warning file=${join('in', 'release-1.txt')},line=16,col=1,endLine=16,endColumn=104,title=truncated-contact::Contact line ends in "at"`)));

  // A no-op rebuild: everything skipped, warnings still reported; --frail makes them fail.
  const again = await handout(['build', 'in', '-o', 'out', '-f', 'txt,json', '-j', '1', '--report', 'json', '--frail'], { cwd: dir });
  assert.equal(again.code, 1);
  assert.equal(again.stdout, '', 'no annotations outside GitHub Actions');
  const second = JSON.parse(readFileSync(join(out, 'handout-report.json'), 'utf8'));
  assert.deepEqual([second.summary.built, second.summary.skipped, second.summary.failed, second.summary.warnings], [0, 2, 1, 2]);
});

test('merge-reports joins shard reports into the report of one full build', async () => {
  const { dir } = makeInput(5);
  const shards = [1, 2, 3].map((i) => join(dir, `s${i}`));
  for (const [i, out] of shards.entries()) {
    const r = await handout(['build', 'in', '-o', out, '-f', 'json', '-j', '1', '--shard', `${i + 1}/3`, '--report', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
  }
  const full = await handout(['build', 'in', '-o', 'full', '-f', 'json', '-j', '1', '--report', 'json'], { cwd: dir });
  assert.equal(full.code, 0);
  const files = shards.map((out, i) => join(out, `handout-report.${i + 1}-of-3.json`));
  const merged = await handout(['merge-reports', ...files, '-o', join(dir, 'merged.json')], { cwd: dir });
  assert.equal(merged.code, 0, merged.stderr);
  assert.match(merged.stderr, /merged 3 reports: 5 documents, 5 outputs, 5 warnings, 0 errors/u);
  const m = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8'));
  const f = JSON.parse(readFileSync(join(dir, 'full', 'handout-report.json'), 'utf8'));
  const strip = (docs: { source: string; outputs: unknown[]; diagnostics: unknown[] }[]): unknown[] => docs.map((d) => [d.source, d.outputs, d.diagnostics]);
  assert.deepEqual(strip(m.documents), strip(f.documents));
  assert.deepEqual(m.summary, f.summary);
  assert.deepEqual(m.shards, [{ index: 1, count: 3 }, { index: 2, count: 3 }, { index: 3, count: 3 }]);
  // The same shard twice is not one build.
  const twice = await handout(['merge-reports', files[0]!, files[0]!], { cwd: dir });
  assert.equal(twice.code, 2);
  assert.match(twice.stderr, /is in both/u);
});

test('handout.config.json: flags override it, paths are relative to it, unknown keys are usage errors naming file and key', async () => {
  const { dir, out } = makeInput(1);
  writeFileSync(join(dir, 'handout.config.json'), JSON.stringify({ inputs: ['in'], out: 'out', formats: ['txt'], textWidth: 40, jobs: 1 }));
  const sub = join(dir, 'elsewhere');
  mkdirSync(sub);
  const viaFlag = await handout(['build', '--config', join(dir, 'handout.config.json')], { cwd: sub });
  assert.equal(viaFlag.code, 0, viaFlag.stderr);
  const narrow = readFileSync(join(out, 'release-1.txt'), 'utf8');
  assert.ok(narrow.split('\n').every((l) => l.length <= 40), 'textWidth from the config');
  const overridden = await handout(['build', '--text-width', '60', '-f', 'txt,json'], { cwd: dir });
  assert.equal(overridden.code, 0, overridden.stderr);
  const wide = readFileSync(join(out, 'release-1.txt'), 'utf8');
  assert.ok(wide.split('\n').some((l) => l.length > 40), 'the flag wins');
  assert.match(overridden.stderr, /1 document, 2 outputs/u);

  writeFileSync(join(dir, 'handout.config.json'), JSON.stringify({ formats: ['txt'], textWidht: 40 }));
  const unknown = await handout(['build'], { cwd: dir });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^handout: handout\.config\.json: unknown key "textWidht" \(known keys: .*textWidth.*\)\n/u);
  writeFileSync(join(dir, 'handout.config.json'), JSON.stringify({ textWidth: 'wide' }));
  assert.match((await handout(['build'], { cwd: dir })).stderr, /handout\.config\.json: "textWidth" must be a number/u);
  writeFileSync(join(dir, 'handout.config.json'), JSON.stringify({ textWidth: 5 }));
  assert.match((await handout(['build'], { cwd: dir })).stderr, /handout\.config\.json: textWidth must be a whole number from 20 to 1000/u);
  writeFileSync(join(dir, 'handout.config.json'), '{ nope');
  const broken = await handout(['build'], { cwd: dir });
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /handout\.config\.json: not valid JSON/u);
  assert.equal((await handout(['build', '--config', 'missing.json'], { cwd: dir })).code, 2);
});

test('the example GitHub workflow shards with a matrix and merges with a real subcommand', () => {
  const workflow = parseYaml(readFileSync(join(root, 'examples', 'github-actions.yml'), 'utf8')) as {
    jobs: { build: { strategy: { matrix: { shard: number[] } }; steps: { run?: string }[] }; merge: { needs: string; steps: { run?: string }[] } };
  };
  const shards = workflow.jobs.build.strategy.matrix.shard;
  assert.deepEqual(shards, [1, 2, 3]);
  const buildRun = workflow.jobs.build.steps.map((s) => s.run ?? '').find((r) => r.includes('handout build'))!;
  assert.match(buildRun, /--shard \$\{\{ matrix\.shard \}\}\/3 --report json/u);
  assert.equal(workflow.jobs.merge.needs, 'build');
  const mergeRun = workflow.jobs.merge.steps.map((s) => s.run ?? '').find((r) => r.includes('merge-reports'))!;
  assert.match(mergeRun, /handout merge-reports out\/handout-report\.\*-of-3\.json -o out\/handout-report\.json/u);
});
