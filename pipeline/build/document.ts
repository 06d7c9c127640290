/**
 * One document, start to finish: read, extract, render every format, write
 * atomically. Runs in a worker or in-process; failures become messages.
 */
import { stat } from 'node:fs/promises';
import { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { TemplateError } from '../errors.js';
import { bodyToHtml } from '../render/html/body.js';
import { renderFormat, type Format, type Rendered, type RenderOptions } from '../render/index.js';
import { summarize, type ReleaseSummary } from '../pressroom/summary.js';
import type { TemplateSet } from '../render/templates.js';
import { sha256 } from './hash.js';
import type { Job, JobOutput, JobResult, WorkerConfig } from './job.js';
import { serializeMessages } from './messages.js';
import { outputPath } from './naming.js';
import { readSourceBytes, releaseFromBytes } from './read.js';
import { writeAtomic } from './write.js';

export const EXTENSIONS: Record<Format, string> = { html: 'html', pdf: 'pdf', txt: 'txt', json: 'json', eml: 'eml' };

export async function buildDocument(job: Job, templates: TemplateSet, config: WorkerConfig): Promise<JobResult> {
  const started = performance.now();
  const file = new VFile({ path: job.displayPath });
  const outputs: JobOutput[] = [];
  let summary: ReleaseSummary | undefined;
  let feedHtml: string | undefined;
  const done = (ok: boolean, sourceHash: string | null): JobResult => ({
    ...(summary ? { summary } : {}),
    ...(feedHtml !== undefined ? { feedHtml } : {}),
    ok,
    outputs,
    messages: serializeMessages(file),
    sourceHash,
    templatesHash: templates.hash,
    ms: performance.now() - started,
  });
  if (job.clash) report(file, 'duplicate-output', `Output name "${job.stem.split('/').pop()}" would clash with ${job.clash}; this source's outputs get the name "${job.stem}"`);

  const bytes = await readSourceBytes(job.path, file);
  if (!bytes) return done(false, null);
  const sourceHash = sha256(bytes);
  const release = releaseFromBytes(bytes, file);
  if (!release) return done(false, sourceHash);

  if (config.pressroom) {
    summary = summarize(release, job.relative, job.stem);
    feedHtml = bodyToHtml(release.body);
  }

  let failed = false;
  // This document's outputs so far, for formats made of others (eml); dropped with the document.
  const rendered: Rendered = {};
  const render: RenderOptions = { ...config.render, eml: { pdfName: `${job.stem.split('/').pop()}.pdf`, ...config.render.eml } };
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
      await writeAtomic(target, data);
      // The mtime lets a no-op rebuild trust an output without rehashing it.
      const info = await stat(target);
      outputs.push({ format, path: target, bytes: data.byteLength, sha256: sha256(data), mtimeMs: info.mtimeMs });
    } catch (error) {
      failed = true;
      report(file, 'write-error', `Cannot write the ${format} output: ${(error as NodeJS.ErrnoException).code ?? ''} ${(error as Error).message}`.trim());
    }
  }
  return done(!failed, sourceHash);
}
