/**
 * A batch build: discover sources, name their outputs, keep this shard's
 * share, skip what the manifest says is current, build the rest on a worker
 * pool and write the manifest. A build that finds nothing to do loads none of
 * the extractor, renderers, templates compiler or pool (they take most of a
 * second to load), starts no worker, and rewrites neither the press room nor
 * the manifest. A failure in one document becomes a diagnostic
 * on that document's VFile; the batch goes on. Two things stop it early: an
 * output folder that cannot be written (full disk, read-only, no permission)
 * and an aborted `signal` (Ctrl-C). Then no further document is started, the
 * ones running finish, the manifest records what completed, and no press room
 * is written (it is made by whole builds only).
 */
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { version } from '../package-root.js';
import { FORMATS, type Format } from '../render/formats.js';
import type { RenderOptions } from '../render/index.js';
import type { TemplateSet } from '../render/templates.js';
import { readTemplateFiles } from '../render/template-files.js';
import { PRESS_ROOM_STEMS, PressRoom, type PressRoomFile, type PressRoomOptions, type ReleaseSummary } from '../pressroom/index.js';
import { discover, type Source } from './discover.js';
import { nodeFs, type BuildFs } from './fs.js';
import { sha256, stableJson } from './hash.js';
import type { Job, JobResult, WorkerConfig } from './job.js';
import { checkCurrent, manifestPath, readManifest, relativeOutput, removeOutputs, writeManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { reviveMessages } from './messages.js';
import { createRunner, runAll } from './pool.js';
import { feedCachePath, loadFeedCache, pressRoomKey, pressRoomRecord, reportHeld, saveFeedCache, unchangedPressRoom, writePressRoom } from './pressroom.js';
import { shardOf, shardSuffix, type Shard } from './shard.js';
import { forgetFolders, sweepStaleTemps } from './write.js';
import { assignStems, type Naming } from './stems.js';

export interface BuildOptions {
  inputs: readonly string[];
  outDir: string;
  formats?: readonly Format[];
  /** A folder whose templates replace the defaults of the same name. */
  templatesDir?: string;
  /** Already compiled templates (watch mode reuses them); else loaded from `templatesDir`. */
  templates?: TemplateSet;
  render?: RenderOptions;
  /** Path shown in diagnostics: relative to this folder (default: the working directory). */
  cwd?: string;
  /** The press room (index.html, feed.xml, manifest.json) written after the batch; `false` for none. */
  pressroom?: PressRoomOptions | false;
  /** Worker threads (default: the number of cores); 1 builds in-process. */
  jobs?: number;
  /** Build only this shard's share of the documents. */
  shard?: Shard;
  /** Keep a manifest in the output folder and skip unchanged documents (default true). */
  incremental?: boolean;
  /** Rebuild every document even when the manifest says it is current. */
  force?: boolean;
  /** `mirror` (default) keeps source folders under the output folder; `flat` drops them. */
  naming?: Naming;
  /**
   * The time embargoes are judged against (default: now). Only the press room
   * reads it, on this thread; handouts never depend on it, so they stay reproducible.
   */
  now?: Date;
  /** Called as each document finishes or is skipped; `done` counts both. */
  onDocument?: (document: DocumentResult, done: number, total: number) => void;
  /** Refuse sources larger than this many bytes (default 10 MB), by stat before reading. */
  maxSize?: number;
  /** Once aborted (the CLI aborts on SIGINT), no further document is started; those running finish. */
  signal?: AbortSignal;
  /**
   * File-system calls for sources and outputs (tests inject faults here).
   * Functions cannot cross into worker threads, so with `fs` every document
   * is built in-process, whatever `jobs` says.
   */
  fs?: BuildFs;
}

export interface BuiltOutput {
  format: Format;
  path: string;
  bytes: number;
  sha256: string;
}

export type DocumentStatus = 'built' | 'skipped' | 'failed';

export interface DocumentResult {
  source: Source;
  /** Output stem under the output folder. */
  stem: string;
  /** Path and messages only: the source text is not kept, so a long batch stays small. */
  file: VFile;
  outputs: BuiltOutput[];
  ok: boolean;
  /** The record's header fields, for the press room; absent when the source could not be read. */
  summary?: ReleaseSummary;
  status: DocumentStatus;
  /** Time spent building it (0 when skipped). */
  ms: number;
}

export interface BuildTimings {
  discoverMs: number;
  checkMs: number;
  buildMs: number;
}

export interface BuildResult {
  documents: DocumentResult[];
  /** Problems not tied to one document (unreadable folders, missing inputs, a corrupt manifest). */
  problems: VFile[];
  /** Outputs deleted because their source is gone or no longer makes them. */
  removed: string[];
  durationMs: number;
  /** The press room files written after the batch (none with `pressroom: false`). */
  pressroom: PressRoomFile[];
  timings: BuildTimings;
  /** Threads used for the documents that were built. */
  jobs: number;
  shard?: Shard;
  /** The options that decide the outputs, as hashed into the manifest. */
  optionsHash: string;
  templatesHash: string;
  /** Why the batch stopped before its last document, if it did. */
  stopped?: 'interrupted' | 'output-unwritable';
}

/** Diagnostics name files relative to the working directory, as compilers do. */
function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** The input folder a source was found in: its path with the relative part taken off. */
function inputRoot(source: Source): string {
  let root = source.path;
  for (let n = source.relative.split(sep).length; n > 0; n--) root = dirname(root);
  return root;
}

/** Everything besides sources and templates that changes output bytes. */
export function optionsHash(formats: readonly Format[], render: RenderOptions, naming: Naming): string {
  return sha256(stableJson({ formats: [...formats].sort(), render, naming }));
}

interface Pending {
  index: number;
  source: Source;
  stem: string;
  clash: string | null;
  job: Job;
  previous: ManifestEntry | undefined;
}

/**
 * Build every source. Template errors that break all documents are thrown
 * (TemplateError) before anything is written; everything else is per document.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const formats = options.formats ?? FORMATS;
  const render = options.render ?? {};
  const naming = options.naming ?? 'mirror';
  const outDir = resolve(options.outDir);
  const incremental = options.incremental ?? true;
  const optsHash = optionsHash(formats, render, naming);
  const fs = options.fs ?? nodeFs;
  // The hash decides what is current; the compiler is loaded only when something must be rendered.
  const templatesHash = options.templates?.hash ?? readTemplateFiles(options.templatesDir).hash;
  let compiled: Promise<TemplateSet> | undefined = options.templates ? Promise.resolve(options.templates) : undefined;
  const templates = (): Promise<TemplateSet> => (compiled ??= import('../render/templates.js').then((m) => m.loadTemplates(options.templatesDir)));

  forgetFolders();
  // Temporary files of killed builds; this process's own (its workers' too) are never touched.
  await sweepStaleTemps(outDir, fs);
  const { sources, problems } = await discover(options.inputs);
  const problemFiles = problems.map((p) => {
    const file = new VFile({ path: p.path });
    report(file, 'read-error', p.reason);
    return file;
  });
  // A shard sees only its share of the releases: the press room is made from a whole build, never by a shard.
  const pressroom = options.pressroom === false || options.shard ? undefined : new PressRoom({ ...options.pressroom, ...(options.now ? { clock: options.now } : {}) });
  const feedCache = pressroom && incremental ? loadFeedCache(feedCachePath(outDir, options.shard)) : {};
  const assigned = assignStems(sources, naming, pressroom ? PRESS_ROOM_STEMS : {}).filter((a) => !options.shard || shardOf(a.source.relative, options.shard.count) === options.shard.index);
  const discovered = performance.now();

  const manifestFile = manifestPath(outDir, shardSuffix(options.shard));
  let manifest: Manifest = { version: 1, documents: Object.create(null) as Record<string, ManifestEntry> };
  let hadManifest = false;
  // Whether the manifest on disk must be rewritten (missing, corrupt, or any entry changed).
  let manifestDirty = true;
  if (incremental) {
    const loaded = readManifest(manifestFile);
    manifest = loaded.manifest;
    hadManifest = Object.keys(manifest.documents).length > 0;
    manifestDirty = !hadManifest || loaded.problem !== undefined;
    if (loaded.problem) {
      const file = new VFile({ path: displayPath(manifestFile, options.cwd) });
      report(file, 'invalid-manifest', loaded.problem);
      problemFiles.push(file);
    }
  }
  // Whether any document's entry (what the press room is made of) changed in this build.
  let entriesChanged = false;

  const total = assigned.length;
  const documents: (DocumentResult & { index: number })[] = [];
  const finish = (document: DocumentResult & { index: number }): void => {
    documents.push(document);
    options.onDocument?.(document, documents.length, total);
  };

  // Skip what is current; everything else is queued.
  const pending: Pending[] = [];
  const current = new Set<string>();
  for (const [index, { source, stem, clash }] of assigned.entries()) {
    const key = stem;
    current.add(key);
    const shown = displayPath(source.path, options.cwd);
    const previous = manifest.documents[key];
    const expected = { source: shown, templatesHash, optionsHash: optsHash, tool: version, clash: clash ?? null };
    // An entry without a summary (recorded by an older version without a press room) cannot be listed: rebuild it.
    const listable = !pressroom || previous?.summary !== undefined;
    const currency = incremental && !options.force && previous && listable ? checkCurrent(previous, expected, source.path, outDir, options.maxSize) : 'stale';
    if (previous && currency !== 'stale') {
      if (currency === 'refreshed') manifestDirty = true;
      const file = new VFile({ path: shown });
      reviveMessages(file, previous.messages);
      const outputs = previous.outputs.map((o) => ({ format: o.format, path: join(outDir, o.path), bytes: o.bytes, sha256: o.sha256 }));
      if (previous.summary) pressroom?.offer(previous.summary, feedCache[stem]);
      finish({ index, source, stem, file, outputs, ok: true, status: 'skipped', ms: 0, ...(previous.summary ? { summary: previous.summary } : {}) });
      continue;
    }
    pending.push({ index, source, stem, clash: clash ?? null, previous, job: { path: source.path, displayPath: shown, relative: source.relative, root: inputRoot(source), stem, ...(clash ? { clash } : {}) } });
  }

  // Broken templates fail the build here, before any output is written or removed.
  if (pending.length > 0) await templates();

  // Outputs of documents that are gone (or moved to another name).
  const removed: string[] = [];
  for (const [key, entry] of Object.entries(manifest.documents)) {
    if (current.has(key)) continue;
    removed.push(...(await removeOutputs(outDir, entry.outputs)));
    delete manifest.documents[key];
    entriesChanged = true;
  }
  const checked = performance.now();

  // An injected fs cannot reach worker threads: build in-process then.
  const jobs = options.fs ? 1 : Math.max(1, Math.min(options.jobs ?? availableParallelism(), pending.length));
  const cancel = new SharedArrayBuffer(4);
  const stopNow = (): void => void Atomics.store(new Int32Array(cancel), 0, 1);
  const config: WorkerConfig = {
    outDir,
    outLabel: options.outDir,
    formats,
    render,
    pressroom: pressroom !== undefined,
    cancel,
    ...(options.maxSize !== undefined ? { maxSize: options.maxSize } : {}),
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
  };
  let unwritable = false;
  const onAbort = (): void => stopNow();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) stopNow();
  const stale: Promise<string[]>[] = [];
  const record = (item: Pending, result: JobResult): void => {
    // Never started because the build was stopping: its previous record (if any) stays as it was.
    if (result.cancelled) return;
    entriesChanged = true;
    if (result.folderError) {
      if (unwritable) {
        // Ran alongside the first document to hit the folder error: same cause, reported once.
        // It is left out like a document never started; its record goes, as its outputs may have changed.
        delete manifest.documents[item.stem];
        return;
      }
      unwritable = true;
      stopNow();
    }
    const file = new VFile({ path: item.job.displayPath });
    reviveMessages(file, result.messages);
    const outputs = result.outputs.map((o) => ({ format: o.format, path: o.path, bytes: o.bytes, sha256: o.sha256 }));
    const produced = new Set(result.outputs.map((o) => relativeOutput(outDir, o.path)));
    const leftovers = item.previous?.outputs.filter((o) => !produced.has(o.path)) ?? [];
    if (leftovers.length > 0) stale.push(removeOutputs(outDir, leftovers));
    if (result.ok && result.sourceHash) {
      manifest.documents[item.stem] = {
        source: item.job.displayPath,
        sourceHash: result.sourceHash,
        fingerprint: result.fingerprint,
        // The main thread's copy when equal: 10,000 entries then share one string instead of 10,000 cloned ones.
        templatesHash: result.templatesHash === templatesHash ? templatesHash : result.templatesHash,
        optionsHash: optsHash,
        tool: version,
        clash: item.clash,
        outputs: result.outputs.map((o) => ({ format: o.format, path: relativeOutput(outDir, o.path), bytes: o.bytes, sha256: o.sha256, mtimeMs: o.mtimeMs })),
        messages: result.messages,
        images: result.images,
        ...(result.summary ? { summary: result.summary } : {}),
      };
    } else {
      // A failed document is never current: it is rebuilt next time.
      delete manifest.documents[item.stem];
    }
    if (result.summary) pressroom?.offer(result.summary, result.feedHtml);
    finish({ index: item.index, source: item.source, stem: item.stem, file, outputs, ok: result.ok, status: result.ok ? 'built' : 'failed', ms: result.ms, ...(result.summary ? { summary: result.summary } : {}) });
  };
  if (pending.length > 0) {
    const runner = await createRunner(config, jobs, await templates(), options.fs);
    try {
      await runAll(
        pending,
        runner,
        record,
        (item, error) => {
          // A worker that died or threw: this document fails, the rest go on.
          const file = new VFile({ path: item.job.displayPath });
          report(file, 'internal-error', `The build worker failed on this document: ${error.message}`);
          delete manifest.documents[item.stem];
          entriesChanged = true;
          finish({ index: item.index, source: item.source, stem: item.stem, file, outputs: [], ok: false, status: 'failed', ms: 0 });
        },
        () => unwritable || options.signal?.aborted === true,
      );
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      await runner.close();
    }
  } else {
    options.signal?.removeEventListener('abort', onAbort);
  }
  for (const paths of await Promise.all(stale)) removed.push(...paths);
  const stopped: BuildResult['stopped'] = unwritable ? 'output-unwritable' : options.signal?.aborted && documents.length < total ? 'interrupted' : undefined;
  documents.sort((a, b) => a.index - b.index);

  // A stopped build is not whole: the press room (and its feed cache) stays as the last whole build left it.
  let written: PressRoomFile[] = [];
  const previousRecord = manifest.pressroom;
  delete manifest.pressroom;
  if (pressroom && !stopped) {
    const key = pressRoomKey(options.pressroom || {}, templatesHash, reportHeld(pressroom, documents));
    const unchanged = entriesChanged ? undefined : unchangedPressRoom(previousRecord, key, outDir);
    if (unchanged) {
      written = unchanged;
      manifest.pressroom = previousRecord;
    } else {
      const files = await writePressRoom(pressroom, documents, templates, outDir, displayPath(outDir, options.cwd), problemFiles, fs);
      written = files ?? [];
      const kept = files && pressRoomRecord(key, files, outDir);
      if (kept) manifest.pressroom = kept;
      if (incremental) await saveFeedCache(feedCachePath(outDir, options.shard), pressroom.feedContents(), fs);
    }
  } else if (!entriesChanged && previousRecord) {
    // No press room this time (a shard, --no-pressroom or a stopped build), but the entries it was made from are unchanged: it stays current.
    manifest.pressroom = previousRecord;
  }
  if (manifest.pressroom !== previousRecord) manifestDirty = true;

  if (incremental && (entriesChanged || manifestDirty) && (total > 0 || hadManifest)) {
    try {
      // Atomic: the old manifest stays whole if this write fails.
      await writeManifest(manifestFile, manifest, fs);
    } catch (error) {
      // With the folder already reported unwritable, this is the same error again: the old manifest is left as it was.
      if (!unwritable) {
        const file = new VFile({ path: displayPath(manifestFile, options.cwd) });
        report(file, 'write-error', `Cannot write the build manifest: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
        problemFiles.push(file);
      }
    }
  }
  const ended = performance.now();
  return {
    documents: documents.map(({ index: _index, ...d }) => d),
    problems: problemFiles,
    removed,
    durationMs: ended - started,
    timings: { discoverMs: discovered - started, checkMs: checked - discovered, buildMs: ended - checked },
    jobs: pending.length > 0 ? jobs : 0,
    ...(options.shard ? { shard: options.shard } : {}),
    optionsHash: optsHash,
    templatesHash,
    pressroom: written,
    ...(stopped ? { stopped } : {}),
  };
}
