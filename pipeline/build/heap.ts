/**
 * How V8 should size a batch build's heaps, by what the batch renders.
 *
 * By default V8 lets a heap grow to up to four times what was live after its
 * last full collection before collecting again. A thread building HTML, text
 * or JSON keeps ~30 MB live, but each document's parse trees outlive a few
 * young-generation collections and are promoted, so its old generation fills
 * with dead trees (~20 KB a document) and each worker floated up to ~170 MB
 * before V8 collected: most of a 10,000-document batch's peak RSS was
 * garbage. For such batches the heap may grow by 100 % (double the live data)
 * before a full collection.
 *
 * Not tighter: a full collection also drops the optimised code of every
 * function whose closures are gone, and the Markdown parser makes fresh
 * closures for each document, so after each one V8 compiles the same hot
 * parser functions again (measured on 1,000 corpus documents, HTML only: a
 * heap allowed to grow by 50 % made about 26 full collections and 2,000
 * TurboFan compilations against 14 and 1,400 at 100 %, and 1.13× the CPU). Young
 * generations keep V8's size (16 MB semi-spaces) in workers as in-process:
 * a 16 MB young generation doubled the scavenges and saved ~35 MB. 10,000
 * small documents with 2 workers peak at about 320 MB.
 *
 * The PDF renderer keeps a shaping cache that grows with the batch (it pays
 * for itself in CPU), so with PDFs the live set is large and growing: a tight
 * policy would mark it again every few dozen documents (measured: 15 % more
 * CPU on a full four-format build), so those batches keep V8's defaults.
 *
 * Not a limit: a document that needs more memory still gets it.
 */
import type { Format } from '../render/formats.js';

export interface HeapPolicy {
  /** For `--heap-growing-percent` (process-wide: only the CLI, which owns its process, sets it). */
  growingPercent?: number;
}

export function heapPolicy(formats: readonly Format[]): HeapPolicy {
  const pdf = formats.includes('pdf') || formats.includes('eml');
  return pdf ? {} : { growingPercent: 100 };
}
