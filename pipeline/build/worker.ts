/**
 * A pool worker (piscina). Templates are compiled and fonts parsed once, when
 * the worker starts, then every document it is given reuses them. Workers use
 * the real file system: an injected `BuildFs` cannot cross threads.
 */
import { workerData } from 'node:worker_threads';
import { loadTemplates } from '../render/templates.js';
import { buildDocument } from './document.js';
import type { Job, JobResult, WorkerConfig } from './job.js';

const config = workerData as WorkerConfig;
const templates = loadTemplates(config.templatesDir);
// The PDF renderer and its fonts only when PDFs are made (eml embeds one): an HTML-only batch's workers stay ~15 MB smaller.
if (config.formats.includes('pdf') || config.formats.includes('eml')) (await import('../render/pdf/fonts.js')).loadFontSet(config.render.pdf?.fonts);

export default function run(job: Job): Promise<JobResult> {
  return buildDocument(job, templates, config);
}
