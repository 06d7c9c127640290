/**
 * The CLI: the only layer that prints, reads the environment and decides the
 * exit code. It returns the code instead of setting it, so tests can call it.
 */
import { existsSync, statSync } from 'node:fs';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { BuildFs } from '../build/fs.js';
import { build, type BuildResult } from '../build/index.js';
import { readRelease } from '../build/read.js';
import { report } from '../diagnostics.js';
import { TemplateError, UsageError } from '../errors.js';
import { version } from '../package-root.js';
import { toReleaseJson } from '../render/json.js';
import { HELP, parseCommand, type BuildCommand, type ExtractCommand } from './args.js';
import { INTERRUPTED_EXIT, sigintSignal } from './interrupt.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal (colours). */
  color: boolean;
  /** Aborted when the user interrupts (SIGINT); a build then stops before its next document. */
  signal?: AbortSignal;
  /** File-system calls for the build (tests inject a full disk or a read-only folder here). */
  fs?: BuildFs;
}

const defaultIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  color: process.stderr.isTTY === true,
  // Installed on first use, so only a build (not help or extract) takes over Ctrl-C.
  get signal() {
    return sigintSignal();
  },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

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

function templateFailure(error: TemplateError, io: Io): number {
  const file = new VFile({ path: error.location.file });
  const place = error.location.line ? { line: error.location.line, column: error.location.column ?? 1 } : undefined;
  report(file, 'template-error', error.message.replace(/^[^:]+(:\d+)*: /u, ''), place);
  io.stderr(`${reporter([file], { color: io.color })}\n`);
  return 1;
}

async function runBuild(cmd: BuildCommand, io: Io): Promise<number> {
  if (cmd.templatesDir && !(existsSync(cmd.templatesDir) && statSync(cmd.templatesDir).isDirectory())) {
    throw new UsageError(`--templates: "${cmd.templatesDir}" is not a folder`);
  }
  for (const font of cmd.fonts) {
    const path = font.split('#')[0]!;
    if (!existsSync(path)) throw new UsageError(`--font: "${path}" does not exist`);
  }
  const epoch = sourceDateEpoch(io.env);
  let result: BuildResult;
  try {
    result = await build({
      inputs: cmd.inputs,
      outDir: cmd.outDir,
      formats: cmd.formats,
      maxSize: cmd.maxSize,
      ...(io.signal ? { signal: io.signal } : {}),
      ...(io.fs ? { fs: io.fs } : {}),
      ...(cmd.templatesDir ? { templatesDir: cmd.templatesDir } : {}),
      render: {
        pdf: { profile: cmd.profile, ...(cmd.pageSize ? { pageSize: cmd.pageSize } : {}), fonts: { fallbacks: cmd.fonts }, ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}) },
        text: { width: cmd.textWidth, eol: cmd.textEol },
      },
    });
  } catch (error) {
    if (error instanceof TemplateError) return templateFailure(error, io);
    throw error;
  }
  const files = [...result.problems, ...result.documents.map((d) => d.file)];
  printDiagnostics(files, io, cmd.quiet);
  const { warnings, errors } = countMessages(files);
  const outputs = result.documents.reduce((n, d) => n + d.outputs.length, 0);
  const failed = result.documents.filter((d) => !d.ok).length + result.problems.length;
  if (result.stopped === 'interrupted') {
    // Instead of the summary: one line that says what was and was not done.
    io.stderr(`handout: interrupted after ${plural(result.documents.length, 'document')} (${plural(outputs, 'output')}); the rest were not started → ${cmd.outDir}\n`);
    return INTERRUPTED_EXIT;
  }
  if (!cmd.quiet) {
    io.stderr(
      `handout: ${plural(result.documents.length, 'document')}, ${plural(outputs, 'output')}, ${plural(warnings, 'warning')}, ${plural(errors, 'error')} in ${(result.durationMs / 1000).toFixed(2)} s → ${cmd.outDir}\n`,
    );
  }
  if (result.documents.length === 0 && result.problems.length === 0) {
    io.stderr(`handout: no .txt or .md sources found in ${cmd.inputs.join(', ')}\n`);
    return 1;
  }
  if (failed > 0 || errors > 0) return 1;
  if (cmd.frail && warnings > 0) return 1;
  return 0;
}

async function runExtract(cmd: ExtractCommand, io: Io): Promise<number> {
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
    records.push({ file: path, ...toReleaseJson(release) });
  }
  io.stdout(`${JSON.stringify(cmd.files.length === 1 ? (records[0] ?? null) : records, null, 2)}\n`);
  printDiagnostics(files, io, cmd.quiet);
  return failed > 0 ? 1 : 0;
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
      case 'build':
        return await runBuild(cmd, io);
      case 'extract':
        return await runExtract(cmd, io);
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
