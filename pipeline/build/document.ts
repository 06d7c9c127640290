/**
 * One document, start to finish: read, extract, render every format, write
 * atomically. Runs in a worker or in-process; failures become messages.
 */
import { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { TemplateError } from '../errors.js';
import { bodyToHtml } from '../render/html/body.js';
import { stringsFor } from '../render/locale/strings.js';
import { renderFormat, type Format, type Rendered, type RenderOptions } from '../render/index.js';
import { summarize, type ReleaseSummary } from '../pressroom/summary.js';
import { prepareBrand, type PreparedBrand } from '../brand/logo.js';
import { loadReleaseImages, ReleaseMedia } from '../media/release-images.js';
import type { Release } from '../release.js';
import type { TemplateSet } from '../render/templates.js';
import { nodeFs, type BuildFs } from './fs.js';
import { sha256 } from './hash.js';
import type { Job, JobOutput, JobResult, WorkerConfig } from './job.js';
import { serializeMessages } from './messages.js';
import { outputPath } from './naming.js';
import { readSource, releaseFromBytes } from './read.js';
import { fingerprintOf, type Fingerprint } from './fingerprint.js';
import { writeAtomic } from './write.js';

export const EXTENSIONS: Record<Format, string> = { html: 'html', pdf: 'pdf', txt: 'txt', json: 'json', eml: 'eml' };

/** Errors that are the output folder's, not the document's: every later write would fail the same way. */
export const FOLDER_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EROFS: 'the output folder is on a read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
};

/** Whether the build is stopping (see WorkerConfig.cancel). */
export function cancelled(config: WorkerConfig): boolean {
  return config.cancel !== undefined && Atomics.load(new Int32Array(config.cancel), 0) !== 0;
}

export async function buildDocument(job: Job, templates: TemplateSet, config: WorkerConfig, fs: BuildFs = nodeFs): Promise<JobResult> {
  const started = performance.now();
  const file = new VFile({ path: job.displayPath });
  const outputs: JobOutput[] = [];
  let summary: ReleaseSummary | undefined;
  let feedHtml: string | undefined;
  let media = ReleaseMedia.none;
  let prepared: PreparedBrand = {};
  let fingerprint: Fingerprint | null = null;
  const done = (ok: boolean, sourceHash: string | null, extra: Partial<JobResult> = {}): JobResult => ({
    ...(summary ? { summary } : {}),
    fingerprint,
    ...(feedHtml !== undefined ? { feedHtml } : {}),
    ok,
    outputs,
    messages: serializeMessages(file),
    sourceHash,
    templatesHash: templates.hash,
    // A front-matter logo is a file the outputs depend on, like an image: a new logo rebuilds the release.
    images: [...media.dependencies, ...(prepared.dependency ? [prepared.dependency] : [])],
    ms: performance.now() - started,
    ...extra,
  });
  // Queued before the build began to stop: do nothing, so every document is whole or untouched.
  if (cancelled(config)) return done(false, null, { cancelled: true });
  if (job.clash) report(file, 'duplicate-output', `Output name "${job.stem.split('/').pop()}" would clash with ${job.clash}; this source's outputs get the name "${job.stem}"`);

  let sourceHash: string | null = null;
  let release: Release | undefined;
  try {
    const read = await readSource(job.path, file, { ...(config.maxSize !== undefined ? { maxSize: config.maxSize } : {}), fs });
    if (!read) return done(false, null);
    sourceHash = sha256(read.bytes);
    fingerprint = fingerprintOf(read.stats, read.statAt);
    release = releaseFromBytes(read.bytes, file);
    if (!release) return done(false, sourceHash);
    // Images are read here, in the worker, through its own cache: a batch reads a shared image once per worker.
    media = loadReleaseImages(release, file, { source: job.path, root: job.root });
    // So is the logo, after the project's brand is applied under the release's own.
    prepared = await prepareBrand(release, file, { ...(config.render.brand ? { settings: config.render.brand } : {}), source: job.path, root: job.root });
    // Always recorded in the manifest, so a later build with a press room can list a document built without one.
    summary = summarize(release, job.relative, job.stem);
    // Its image labels in the release's language, as on the page.
    if (config.pressroom) feedHtml = bodyToHtml(release.body, stringsFor(release.language, config.render.strings).image);
  } catch (error) {
    // A bug, not the source's fault: this document fails with one line, the batch goes on.
    report(file, 'internal-error', `handout failed on this document: ${(error as Error).message}`);
    return done(false, sourceHash);
  }

  let failed = false;
  // This document's outputs so far, for formats made of others (eml); dropped with the document.
  const rendered: Rendered = {};
  const render: RenderOptions = { ...config.render, ...(prepared.logo ? { logo: prepared.logo } : {}), eml: { pdfName: `${job.stem.split('/').pop()}.pdf`, ...config.render.eml }, media };
  for (const format of config.formats) {
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
    try {
      const target = outputPath(config.outDir, job.stem, EXTENSIONS[format]);
      await writeAtomic(target, data, fs, { within: config.outDir });
      // The mtime lets a no-op rebuild trust an output without rehashing it.
      const info = await fs.stat(target);
      outputs.push({ format, path: target, bytes: data.byteLength, sha256: sha256(data), mtimeMs: info.mtimeMs });
    } catch (error) {
      failed = true;
      const code = (error as NodeJS.ErrnoException).code ?? '';
      const folder = FOLDER_ERRORS[code];
      if (folder) {
        // Every later write would fail too: stop this document, and (in build) the batch.
        report(file, 'write-error', `Cannot write to the output folder ${config.outLabel ?? config.outDir}: ${folder} (${code}); the build stopped`);
        return done(false, sourceHash, { folderError: code });
      }
      const why = code === 'EOUTSIDE' ? (error as Error).message : `${code} ${(error as Error).message}`.trim();
      report(file, 'write-error', `Cannot write the ${format} output: ${why}`);
    }
  }
  return done(!failed, sourceHash);
}
