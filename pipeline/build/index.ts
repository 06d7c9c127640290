/**
 * A batch build: discover sources, then for each one read, extract, render
 * every format and write atomically. A failure in one document becomes a
 * diagnostic on that document's VFile; the batch goes on.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative } from 'node:path';
import { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { TemplateError } from '../errors.js';
import { FORMATS, renderFormat, type Format, type RenderOptions } from '../render/index.js';
import { loadTemplates, type TemplateSet } from '../render/templates.js';
import { discover, type Source } from './discover.js';
import { nodeFs, type BuildFs } from './fs.js';
import { outputPath, outputStem } from './naming.js';
import { readRelease } from './read.js';
import { sweepStaleTemps, writeAtomic } from './write.js';

export interface BuildOptions {
  inputs: readonly string[];
  outDir: string;
  formats?: readonly Format[];
  /** A folder whose templates replace the defaults of the same name. */
  templatesDir?: string;
  render?: RenderOptions;
  /** Path shown in diagnostics: relative to this folder (default: the working directory). */
  cwd?: string;
  /** Refuse sources larger than this many bytes (default 10 MB). */
  maxSize?: number;
  /** Stop before the next document once aborted (the CLI aborts on SIGINT); outputs already begun are finished. */
  signal?: AbortSignal;
  /** File-system calls for sources and outputs (tests inject faults here). */
  fs?: BuildFs;
}

export interface BuiltOutput {
  format: Format;
  path: string;
  bytes: number;
  sha256: string;
}

export interface DocumentResult {
  source: Source;
  file: VFile;
  outputs: BuiltOutput[];
  ok: boolean;
}

export interface BuildResult {
  documents: DocumentResult[];
  /** Problems not tied to one document (unreadable folders, missing inputs). */
  problems: VFile[];
  durationMs: number;
  /** Why the batch stopped before its last document, if it did. */
  stopped?: 'interrupted' | 'output-unwritable';
}

/** Errors that are the output folder's, not the document's: every later write would fail the same way. */
const FOLDER_ERRORS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EROFS: 'the output folder is on a read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
};

/** Thrown out of one document to stop the batch; carries that document's result. */
class OutputFolderError extends Error {
  constructor(readonly result: DocumentResult) {
    super('the output folder cannot be written');
  }
}

const EXTENSIONS: Record<Format, string> = { html: 'html', pdf: 'pdf', txt: 'txt', json: 'json' };

/** Diagnostics name files relative to the working directory, as compilers do. */
function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** Give each source a unique output stem; a clash keeps the first (in path order) and suffixes the rest. */
function assignStems(sources: readonly Source[]): { source: Source; stem: string; clash?: string }[] {
  const used = new Map<string, string>();
  return sources.map((source) => {
    const stem = outputStem(source.relative);
    const key = stem.toLowerCase();
    const first = used.get(key);
    if (first === undefined) {
      used.set(key, source.relative);
      return { source, stem };
    }
    const ext = source.relative.slice(source.relative.lastIndexOf('.') + 1) || 'src';
    let candidate = `${stem}-${ext}`;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem}-${ext}-${n}`;
    used.set(candidate.toLowerCase(), source.relative);
    return { source, stem: candidate, clash: first };
  });
}

async function buildOne(
  source: Source,
  stem: string,
  clash: string | undefined,
  templates: TemplateSet,
  options: BuildOptions,
): Promise<DocumentResult> {
  const file = new VFile({ path: displayPath(source.path, options.cwd) });
  const result: DocumentResult = { source, file, outputs: [], ok: false };
  if (clash) report(file, 'duplicate-output', `Output name "${stem.split('/').pop()}" would clash with ${clash}; this source's outputs get the name "${stem}"`);

  let release;
  try {
    release = await readRelease(source.path, file, { ...(options.maxSize !== undefined ? { maxSize: options.maxSize } : {}), fs: options.fs ?? nodeFs });
  } catch (error) {
    report(file, 'internal-error', `handout failed on this document: ${(error as Error).message}`);
    return result;
  }
  if (!release) return result;

  let failed = false;
  for (const format of options.formats ?? FORMATS) {
    let data: Uint8Array;
    try {
      data = await renderFormat(format, release, file, templates, options.render);
    } catch (error) {
      failed = true;
      if (error instanceof TemplateError) report(file, 'template-error', `${format}: ${error.message}`);
      else report(file, 'render-error', `${format}: ${(error as Error).message}`);
      continue;
    }
    let target: string;
    try {
      target = outputPath(options.outDir, stem, EXTENSIONS[format]);
      await writeAtomic(target, data, options.fs);
    } catch (error) {
      failed = true;
      const code = (error as NodeJS.ErrnoException).code ?? '';
      const folder = FOLDER_ERRORS[code];
      if (folder) {
        report(file, 'write-error', `Cannot write to the output folder ${options.outDir}: ${folder} (${code}); the build stopped`);
        result.ok = false;
        throw new OutputFolderError(result);
      }
      report(file, 'write-error', `Cannot write the ${format} output: ${code} ${(error as Error).message}`.trim());
      continue;
    }
    result.outputs.push({ format, path: target, bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') });
  }
  result.ok = !failed;
  return result;
}

/**
 * Build every source. Template errors that break all documents are thrown
 * (TemplateError) before anything is written; everything else is per document.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const templates = loadTemplates(options.templatesDir);
  await sweepStaleTemps(options.outDir, options.fs);
  const { sources, problems } = await discover(options.inputs);
  const problemFiles = problems.map((p) => {
    const file = new VFile({ path: p.path });
    report(file, 'read-error', p.reason);
    return file;
  });
  const documents: DocumentResult[] = [];
  let stopped: BuildResult['stopped'];
  for (const { source, stem, clash } of assignStems(sources)) {
    if (options.signal?.aborted) {
      stopped = 'interrupted';
      break;
    }
    try {
      documents.push(await buildOne(source, stem, clash, templates, options));
    } catch (error) {
      if (!(error instanceof OutputFolderError)) throw error;
      documents.push(error.result);
      stopped = 'output-unwritable';
      break;
    }
  }
  return { documents, problems: problemFiles, durationMs: performance.now() - started, ...(stopped ? { stopped } : {}) };
}
