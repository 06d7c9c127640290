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
import { DEFAULT_FORMATS, renderFormat, type Format, type Rendered, type RenderOptions } from '../render/index.js';
import { loadTemplates, type TemplateSet } from '../render/templates.js';
import { PRESS_ROOM_STEMS, PressRoom, relativeOutput, summarize, type PressRoomFile, type PressRoomOptions, type ReleaseSummary } from '../pressroom/index.js';
import { discover, type Source } from './discover.js';
import { outputPath, outputStem } from './naming.js';
import { readRelease } from './read.js';
import { writeAtomic } from './write.js';

export interface BuildOptions {
  inputs: readonly string[];
  outDir: string;
  formats?: readonly Format[];
  /** A folder whose templates replace the defaults of the same name. */
  templatesDir?: string;
  render?: RenderOptions;
  /** Path shown in diagnostics: relative to this folder (default: the working directory). */
  cwd?: string;
  /** The press room (index.html, feed.xml, manifest.json) written after the batch; `false` for none. */
  pressroom?: PressRoomOptions | false;
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
  /** The record's header fields, for the press room; absent when the source could not be read. */
  summary?: ReleaseSummary;
}

export interface BuildResult {
  documents: DocumentResult[];
  /** Problems not tied to one document (unreadable folders, missing inputs). */
  problems: VFile[];
  durationMs: number;
  /** The press room files written after the batch (none with `pressroom: false`). */
  pressroom: PressRoomFile[];
}

const EXTENSIONS: Record<Format, string> = { html: 'html', pdf: 'pdf', txt: 'txt', json: 'json', eml: 'eml' };

/** Diagnostics name files relative to the working directory, as compilers do. */
function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** Give each source a unique output stem; a clash keeps the first (in path order) and suffixes the rest. */
function assignStems(sources: readonly Source[], reserved: Readonly<Record<string, string>> = {}): { source: Source; stem: string; clash?: string }[] {
  const used = new Map<string, string>(Object.entries(reserved).map(([stem, name]) => [stem, `the press room's ${name}`]));
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
  pressroom?: PressRoom,
): Promise<DocumentResult> {
  const file = new VFile({ path: displayPath(source.path, options.cwd) });
  const result: DocumentResult = { source, file, outputs: [], ok: false };
  if (clash) report(file, 'duplicate-output', `Output name "${stem.split('/').pop()}" would clash with ${clash}; this source's outputs get the name "${stem}"`);

  const release = await readRelease(source.path, file);
  if (!release) return result;
  result.summary = summarize(release, source.relative, stem);
  pressroom?.offer(result.summary, release);

  let failed = false;
  // This document's outputs, for formats made of others (eml); dropped with the document.
  const rendered: Rendered = {};
  const render: RenderOptions = { ...options.render, eml: { pdfName: `${stem.split('/').pop()}.pdf`, ...options.render?.eml } };
  for (const format of options.formats ?? DEFAULT_FORMATS) {
    let data: Uint8Array;
    try {
      data = await renderFormat(format, release, file, templates, render, rendered);
      rendered[format] = data;
    } catch (error) {
      failed = true;
      if (error instanceof TemplateError) report(file, 'template-error', `${format}: ${error.message}`);
      else report(file, 'render-error', `${format}: ${(error as Error).message}`);
      continue;
    }
    let target: string;
    try {
      target = outputPath(options.outDir, stem, EXTENSIONS[format]);
      await writeAtomic(target, data);
    } catch (error) {
      failed = true;
      report(file, 'write-error', `Cannot write the ${format} output: ${(error as NodeJS.ErrnoException).code ?? ''} ${(error as Error).message}`.trim());
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
  const { sources, problems } = await discover(options.inputs);
  const problemFiles = problems.map((p) => {
    const file = new VFile({ path: p.path });
    report(file, 'read-error', p.reason);
    return file;
  });
  const pressroom = options.pressroom === false ? undefined : new PressRoom(options.pressroom);
  const documents: DocumentResult[] = [];
  for (const { source, stem, clash } of assignStems(sources, pressroom ? PRESS_ROOM_STEMS : {})) {
    documents.push(await buildOne(source, stem, clash, templates, options, pressroom));
  }
  const written = pressroom ? await writePressRoom(pressroom, documents, templates, options.outDir, problemFiles) : [];
  return { documents, problems: problemFiles, durationMs: performance.now() - started, pressroom: written };
}

/** The press room from the documents' summaries and outputs; a failure is a problem of the batch, not of a document. */
async function writePressRoom(pressroom: PressRoom, documents: readonly DocumentResult[], templates: TemplateSet, outDir: string, problems: VFile[]): Promise<PressRoomFile[]> {
  const entries = documents.flatMap((d) =>
    d.summary ? [{ summary: d.summary, outputs: d.outputs.map((o) => ({ format: o.format, path: relativeOutput(outDir, o.path), bytes: o.bytes, sha256: o.sha256 })) }] : [],
  );
  if (entries.length === 0) return [];
  try {
    return await pressroom.write(entries, outDir, templates);
  } catch (error) {
    const file = new VFile({ path: displayPath(outDir) });
    if (error instanceof TemplateError) report(file, 'template-error', `press room: ${error.message}`);
    else report(file, 'write-error', `Cannot write the press room: ${(error as Error).message}`);
    problems.push(file);
    return [];
  }
}
