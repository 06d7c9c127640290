/**
 * A pool worker (piscina). Templates are compiled and fonts parsed once, when
 * the worker starts, then every document it is given reuses them. Workers use
 * the real file system: an injected `BuildFs` cannot cross threads.
 */
import { workerData } from 'node:worker_threads';
import { loadTemplates } from '../render/templates.js';
import { loadFontSet } from '../render/pdf/fonts.js';
import { buildDocument } from './document.js';
import type { Job, JobResult, WorkerConfig } from './job.js';

const config = workerData as WorkerConfig;
const templates = loadTemplates(config.templatesDir);
if (config.formats.includes('pdf')) loadFontSet(config.render.pdf?.fonts);

export default function run(job: Job): Promise<JobResult> {
  return buildDocument(job, templates, config);
}
