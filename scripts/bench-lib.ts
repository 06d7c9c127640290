/**
 * Helpers for `npm run bench`, kept apart from the measuring so a fast unit
 * test can check them: argument parsing, batch generation, process runs with
 * peak RSS, ratios and the verdict table.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchArgs {
  docs: number;
  noopDocs: number;
  sample: number;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { docs: 1000, noopDocs: 10_000, sample: 50 };
  const names: Record<string, keyof BenchArgs> = { '--docs': 'docs', '--noop-docs': 'noopDocs', '--sample': 'sample' };
  for (let i = 0; i < argv.length; i++) {
    const key = names[argv[i]!];
    const value = Number(argv[i + 1]);
    if (!key || !Number.isInteger(value) || value < 1) throw new Error(`usage: bench [--docs N] [--noop-docs N] [--sample N] (bad "${argv[i]} ${argv[i + 1] ?? ''}")`);
    args[key] = value;
    i++;
  }
  return args;
}

/**
 * Copy `count` sources from `corpus`, cycling through it, each under its own
 * name and spread over folders of 100, so names and paths vary like an archive.
 * Returns the relative paths written.
 */
export function makeBatch(corpus: string, dest: string, count: number): string[] {
  const sources = readdirSync(corpus).filter((f) => /\.(txt|md)$/u.test(f)).sort();
  if (sources.length === 0) throw new Error(`no .txt or .md sources in ${corpus}`);
  rmSync(dest, { recursive: true, force: true });
  const written: string[] = [];
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    const folder = `part-${String(Math.floor(i / 100)).padStart(3, '0')}`;
    const name = `${String(i).padStart(5, '0')}-${source.replace(/^\d+_/u, '')}`;
    mkdirSync(join(dest, folder), { recursive: true });
    copyFileSync(join(corpus, source), join(dest, folder, name));
    written.push(`${folder}/${name}`);
  }
  return written;
}

/** `count` small generated releases (a headline, a dateline, two paragraphs), for the no-op rebuild. */
export function makeSmallBatch(dest: string, count: number): void {
  rmSync(dest, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const folder = join(dest, `part-${String(Math.floor(i / 500)).padStart(3, '0')}`);
    if (i % 500 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, `release-${i}.txt`),
      `Acme Opens Office Number ${i}\n\nPortland, Oregon\nMarch 3, 2026\n\nAcme today opened office number ${i}.\n\nThe office employs ${i % 90 + 10} people.\n\n###\n\nMedia: Jane Roe, press@acme.example\n`,
    );
  }
}

export interface RunResult {
  code: number;
  seconds: number;
  /** Peak resident set of the process (workers are threads of it), in MB; null if unknown. */
  peakMb: number | null;
  /** CPU time (user + system, every thread) in seconds; null if unknown. On a shared machine it says what wall time cannot. */
  cpuSeconds: number | null;
  stderr: string;
}

/** Run a command under /usr/bin/time for its peak RSS and CPU time. */
export function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  const stats = join(process.env['TMPDIR'] ?? '/tmp', `bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn('/usr/bin/time', ['-f', '%M %U %S', '-o', stats, command, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      let peakMb: number | null = null;
      let cpuSeconds: number | null = null;
      try {
        // The last line: time prints "Command exited with non-zero status N" before it on failure.
        const [kb, user, system] = (readFileSync(stats, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
        if (Number.isFinite(kb)) peakMb = kb! / 1024;
        if (Number.isFinite(user) && Number.isFinite(system)) cpuSeconds = user! + system!;
        rmSync(stats, { force: true });
      } catch {
        // no stats: the run failed before time could write them
      }
      done({ code: code ?? 1, seconds, peakMb, cpuSeconds, stderr });
    });
  });
}

/** Run `tasks` with at most `concurrency` at once; resolves when all are done. */
export async function limit<T>(tasks: readonly (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}

export interface Target {
  name: string;
  /** The measured figure and the bound, in the same unit. */
  value: number | null;
  bound: number;
  /** `min`: value must be ≥ bound; `max`: value must be ≤ bound. */
  kind: 'min' | 'max';
  unit: string;
}

export function verdict(t: Target): 'PASS' | 'FAIL' | 'MISSING' {
  if (t.value === null || !Number.isFinite(t.value)) return 'MISSING';
  return (t.kind === 'min' ? t.value >= t.bound : t.value <= t.bound) ? 'PASS' : 'FAIL';
}

export function fmt(n: number | null, digits = 1): string {
  return n === null || !Number.isFinite(n) ? 'n/a' : n.toFixed(digits);
}

/** A Markdown table, so the bench output pastes straight into the README. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
