/**
 * The CLI: the only layer that prints, reads the environment and decides the
 * exit code. It returns the code instead of setting it, so tests can call it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { BuildFs } from '../build/fs.js';
import { build, type BuildOptions, type BuildResult } from '../build/index.js';
import { createReport, diagnosticsOf, mergeReports, REPORT_NAME, type BuildReport } from '../build/report.js';
import { shardSuffix } from '../build/shard.js';
import { writeAtomic } from '../build/write.js';
import { counted } from '../counted.js';
import { loadConfig } from '../config/index.js';
import { report } from '../diagnostics.js';
import { TemplateError, UsageError } from '../errors.js';
import { version } from '../package-root.js';
import { annotation } from './annotations.js';
import { tuneHeapForBatch } from './heap.js';
import { HELP, parseCommand, resolveBuild, type BuildCommand, type ExtractCommand, type MergeReportsCommand } from './args.js';
import { INTERRUPTED_EXIT, sigintSignal } from './interrupt.js';
import { createProgress } from './progress.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal (colours, progress bar). */
  color: boolean;
  /** Folder a config file is looked for in (default: the working directory). */
  cwd?: string;
  /** Resolves when the user asks a long-running command (--watch) to stop. */
  stopSignal?: Promise<void>;
  /** Aborted when the user interrupts (SIGINT); a build then starts no further document. */
  signal?: AbortSignal;
  /**
   * File-system calls for the build (tests inject a full disk or a read-only
   * folder here). The build then runs in-process: functions cannot reach workers.
   */
  fs?: BuildFs;
}

const defaultIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  color: process.stderr.isTTY === true,
  // Installed on first use, so only a one-shot build (not help, extract or --watch) takes over Ctrl-C.
  get signal() {
    return sigintSignal();
  },
};

function countMessages(files: readonly VFile[]): { warnings: number; errors: number } {
  let warnings = 0;
  let errors = 0;
  for (const f of files) for (const m of f.messages) {
    if (m.fatal === true) errors++;
    else if (m.fatal === false) warnings++;
  }
  return { warnings, errors };
}

function sourceDateEpoch(env: Io['env']): number | undefined {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/u.test(raw)) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${raw}"`);
  return Number(raw);
}

function printDiagnostics(files: readonly VFile[], io: Io, quiet: boolean): void {
  const withMessages = files.filter((f) => f.messages.length > 0);
  if (withMessages.length === 0) return;
  const text = reporter(withMessages, { quiet: true, silent: quiet, color: io.color });
  if (text) io.stderr(`${text}\n`);
}

/** In GitHub Actions, diagnostics also become annotations on the pull request (on stdout, where the runner reads commands). */
function printAnnotations(files: readonly VFile[], io: Io, quiet: boolean): void {
  if (io.env['GITHUB_ACTIONS'] !== 'true') return;
  const lines = files.flatMap(diagnosticsOf).filter((d) => !quiet || d.severity === 'error').map(annotation);
  if (lines.length > 0) io.stdout(`${lines.join('\n')}\n`);
}

function templateFailure(error: TemplateError, io: Io): number {
  const file = new VFile({ path: error.location.file });
  const place = error.location.line ? { line: error.location.line, column: error.location.column ?? 1 } : undefined;
  report(file, 'template-error', error.message.replace(/^[^:]+(:\d+)*: /u, ''), place);
  io.stderr(`${reporter([file], { color: io.color })}\n`);
  printAnnotations([file], io, false);
  return 1;
}

function buildOptions(cmd: BuildCommand, io: Io): BuildOptions {
  if (cmd.templatesDir && !(existsSync(cmd.templatesDir) && statSync(cmd.templatesDir).isDirectory())) {
    throw new UsageError(`--templates: "${cmd.templatesDir}" is not a folder`);
  }
  for (const font of cmd.fonts) {
    const path = font.split('#')[0]!;
    if (!existsSync(path)) throw new UsageError(`--font: "${path}" does not exist`);
  }
  const epoch = sourceDateEpoch(io.env);
  return {
    inputs: cmd.inputs,
    outDir: cmd.outDir,
    formats: cmd.formats,
    ...(cmd.templatesDir ? { templatesDir: cmd.templatesDir } : {}),
    render: {
      pdf: { profile: cmd.profile, ...(cmd.pageSize ? { pageSize: cmd.pageSize } : {}), fonts: { fallbacks: cmd.fonts }, ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}) },
      text: { width: cmd.textWidth, eol: cmd.textEol, ascii: cmd.textAscii },
      ...(cmd.strings ? { strings: cmd.strings } : {}),
      ...(cmd.brand ? { brand: cmd.brand } : {}),
    },
    jobs: cmd.jobs,
    maxSize: cmd.maxSize,
    ...(io.fs ? { fs: io.fs } : {}),
    ...(cmd.shard ? { shard: cmd.shard } : {}),
    force: cmd.force,
    naming: cmd.naming,
    pressroom: cmd.pressroom
      ? {
          ...(cmd.siteUrl ? { siteUrl: cmd.siteUrl } : {}),
          ...(epoch !== undefined ? { now: new Date(epoch * 1000) } : {}),
          includeEmbargoed: cmd.includeEmbargoed,
          ...(cmd.language ? { language: cmd.language } : {}),
          ...(cmd.strings ? { strings: cmd.strings } : {}),
        }
      : false,
  };
}

function reportPath(cmd: BuildCommand): string | undefined {
  if (!cmd.report) return undefined;
  return cmd.report === 'json' ? join(cmd.outDir, `${REPORT_NAME}${shardSuffix(cmd.shard)}.json`) : cmd.report;
}

/** Print one build's diagnostics and summary, write its report, and give its exit code. */
async function finishBuild(cmd: BuildCommand, result: BuildResult, io: Io): Promise<number> {
  const files = [...result.problems, ...result.documents.map((d) => d.file)];
  printDiagnostics(files, io, cmd.quiet);
  printAnnotations(files, io, cmd.quiet);
  const { warnings, errors } = countMessages(files);
  const outputs = result.documents.reduce((n, d) => n + d.outputs.length, 0);
  const failed = result.documents.filter((d) => !d.ok).length + result.problems.filter((f) => f.messages.some((m) => m.fatal === true)).length;
  const skipped = result.documents.filter((d) => d.status === 'skipped').length;
  if (result.stopped === 'interrupted') {
    // Instead of the summary (and the report): one line that says what was and was not done.
    io.stderr(`handout: interrupted after ${counted(result.documents.length, 'document')} (${counted(outputs, 'output')}); the rest were not started → ${cmd.outDir}\n`);
    return INTERRUPTED_EXIT;
  }
  const target = reportPath(cmd);
  if (target) {
    const json: BuildReport = createReport(result, resolve(cmd.outDir), cmd.formats);
    try {
      await writeAtomic(resolve(target), Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8'));
    } catch (error) {
      // An unwritable output folder is already reported once; anything else is said here.
      if (result.stopped !== 'output-unwritable') {
        io.stderr(`handout: cannot write the report ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
        return 1;
      }
    }
  }
  if (!cmd.quiet) {
    const extra = [skipped > 0 ? `${skipped} unchanged` : '', result.removed.length > 0 ? `${counted(result.removed.length, 'stale output')} removed` : ''].filter(Boolean);
    io.stderr(
      `handout: ${counted(result.documents.length, 'document')}, ${counted(outputs, 'output')}, ${counted(warnings, 'warning')}, ${counted(errors, 'error')} in ${(result.durationMs / 1000).toFixed(2)} s → ${cmd.outDir}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}\n`,
    );
  }
  if (result.documents.length === 0 && result.problems.length === 0 && !cmd.shard) {
    io.stderr(`handout: no .txt or .md sources found in ${cmd.inputs.join(', ')}\n`);
    return 1;
  }
  if (failed > 0 || errors > 0) return 1;
  if (cmd.frail && warnings > 0) return 1;
  return 0;
}

async function runBuild(cmd: BuildCommand, io: Io): Promise<number> {
  const options = buildOptions(cmd, io);
  tuneHeapForBatch(cmd.formats);
  if (cmd.watch) return runWatch(cmd, options, io);
  // A progress bar is for a person at a terminal: never in CI logs or with --quiet.
  const progress = createProgress(io.stderr, io.color && !cmd.quiet && io.env['CI'] === undefined);
  let result: BuildResult;
  try {
    const signal = io.signal;
    result = await build({ ...options, ...(signal ? { signal } : {}), onDocument: (_d, done, total) => progress.update(done, total) });
  } catch (error) {
    progress.end();
    if (error instanceof TemplateError) return templateFailure(error, io);
    throw error;
  }
  progress.end();
  return finishBuild(cmd, result, io);
}

async function runWatch(cmd: BuildCommand, options: BuildOptions, io: Io): Promise<number> {
  const { watchBuild } = await import('../build/watch.js');
  let code = 0;
  const watcher = watchBuild(options, (event) => {
    if (event.type === 'build') {
      void finishBuild(cmd, event.result, io).then((c) => {
        code = c;
        if (!cmd.quiet) io.stderr(`handout: watching ${cmd.inputs.join(', ')}${cmd.templatesDir ? ` and ${cmd.templatesDir}` : ''} (Ctrl-C to stop)\n`);
      });
    } else if (event.type === 'template-error') {
      code = templateFailure(event.error, io);
      io.stderr('handout: waiting for the template to be fixed…\n');
    } else {
      io.stderr(`handout: watch error: ${event.error.message}\n`);
    }
  });
  const stop =
    io.stopSignal ??
    new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    });
  await watcher.ready;
  await stop;
  await watcher.close();
  return code;
}

async function runExtract(cmd: ExtractCommand, io: Io): Promise<number> {
  // Imported here: the extractor and renderers are heavy, and a no-op build should not pay for them.
  const [{ readRelease }, { toReleaseJson }, { loadReleaseImages }] = await Promise.all([import('../build/read.js'), import('../render/json.js'), import('../media/release-images.js')]);
  const records: unknown[] = [];
  const files: VFile[] = [];
  let failed = 0;
  for (const path of cmd.files) {
    const file = new VFile({ path });
    files.push(file);
    const release = await readRelease(path, file, { maxSize: cmd.maxSize });
    if (!release) {
      failed++;
      continue;
    }
    // Images are measured as a build would, inside the file's own folder (a build's root is its input folder).
    loadReleaseImages(release, file, { source: resolve(path) });
    records.push({ file: path, ...toReleaseJson(release) });
  }
  io.stdout(`${JSON.stringify(cmd.files.length === 1 ? (records[0] ?? null) : records, null, 2)}\n`);
  printDiagnostics(files, io, cmd.quiet);
  return failed > 0 ? 1 : 0;
}

async function runMergeReports(cmd: MergeReportsCommand, io: Io): Promise<number> {
  const named = cmd.files.map((name) => {
    let text: string;
    try {
      text = readFileSync(name, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    try {
      return { name, value: JSON.parse(text) as unknown };
    } catch {
      throw new UsageError(`${name} is not JSON`);
    }
  });
  const merged = mergeReports(named);
  const text = `${JSON.stringify(merged, null, 2)}\n`;
  if (cmd.out) await writeAtomic(resolve(cmd.out), Buffer.from(text, 'utf8'));
  else io.stdout(text);
  const s = merged.summary;
  if (!cmd.quiet) {
    io.stderr(`handout: merged ${counted(named.length, 'report')}: ${counted(s.documents, 'document')}, ${counted(s.outputs, 'output')}, ${counted(s.warnings, 'warning')}, ${counted(s.errors, 'error')}\n`);
  }
  if (s.failed > 0 || s.errors > 0) return 1;
  if (cmd.frail && s.warnings > 0) return 1;
  return 0;
}

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    const cmd = parseCommand(argv);
    switch (cmd.command) {
      case 'help':
        io.stdout(`${HELP}\n`);
        return 0;
      case 'version':
        io.stdout(`${version}\n`);
        return 0;
      case 'build': {
        const config = loadConfig(io.cwd ?? process.cwd(), cmd.flags.config);
        return await runBuild(resolveBuild(cmd.flags, config, availableParallelism()), io);
      }
      case 'extract':
        return await runExtract(cmd, io);
      case 'merge-reports':
        return await runMergeReports(cmd, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`handout: ${error.message}\nRun "handout --help" for usage.\n`);
      return 2;
    }
    // An internal failure: one clear line; the stack only when asked for.
    io.stderr(`handout: internal error: ${(error as Error).message ?? String(error)}\n`);
    if (io.env['HANDOUT_DEBUG']) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}
