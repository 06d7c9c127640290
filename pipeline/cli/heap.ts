/**
 * V8's heap policy for a batch build. By default V8 lets a heap grow to up to
 * four times what was live after its last full collection before collecting
 * again. A build worker keeps ~30 MB live, but each document's parse trees
 * outlive a few young-generation collections and are promoted, so the old
 * generation fills with dead trees at ~20 KB a document and each worker
 * floated up to ~170 MB before V8 collected: peak RSS was mostly garbage.
 * Growing by half instead keeps each worker near 100 MB, at the cost of a
 * full collection every few hundred documents (a few ms each).
 *
 * This is a process-wide V8 flag, so the CLI (which owns its process) sets
 * it, never the library; worker threads started afterwards inherit it. It is
 * not a limit: a document that needs more memory still gets it.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

let tuned = false;

export function tuneHeapForBatch(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
