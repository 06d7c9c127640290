/**
 * How V8 should size a batch build's heaps, by what the batch renders.
 *
 * By default V8 lets a heap grow to up to four times what was live after its
 * last full collection before collecting again. A worker building HTML, text
 * or JSON keeps ~30 MB live, but each document's parse trees outlive a few
 * young-generation collections and are promoted, so its old generation fills
 * with dead trees (~20 KB a document) and each worker floated up to ~170 MB
 * before V8 collected: most of a 10,000-document batch's peak RSS was
 * garbage. For such batches the heap may grow by half instead (a full
 * collection every few hundred documents, a few ms each) and a worker's young
 * generation is 16 MB instead of 48: about 300 MB instead of 520 for 10,000
 * small documents with 2 workers, at no measurable CPU cost.
 *
 * The PDF renderer keeps a shaping cache that grows with the batch (it pays
 * for itself in CPU), so with PDFs the live set is large and growing: a tight
 * policy would mark it again every few dozen documents (measured: 15 % more
 * CPU on a full four-format build), so those batches keep V8's defaults.
 *
 * Neither setting is a limit: a document that needs more memory still gets it.
 */
import type { Format } from '../render/formats.js';

export interface HeapPolicy {
  /** For `--heap-growing-percent` (process-wide: only the CLI, which owns its process, sets it). */
  growingPercent?: number;
  /** For each worker's `resourceLimits.maxYoungGenerationSizeMb`. */
  youngGenerationMb?: number;
}

export function heapPolicy(formats: readonly Format[]): HeapPolicy {
  const pdf = formats.includes('pdf') || formats.includes('eml');
  return pdf ? {} : { growingPercent: 50, youngGenerationMb: 16 };
}
