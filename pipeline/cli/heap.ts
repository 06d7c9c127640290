/**
 * The process-wide half of the build's heap policy (see build/heap.ts): the
 * CLI owns its process, so it may set V8 flags; the library never does.
 * Worker threads started afterwards inherit the flag.
 */
import { setFlagsFromString } from 'node:v8';
import { heapPolicy } from '../build/heap.js';
import type { Format } from '../render/formats.js';

let tuned = false;

export function tuneHeapForBatch(formats: readonly Format[]): void {
  const { growingPercent } = heapPolicy(formats);
  // Once per process: a watch session or a test calling main() twice keeps the first setting.
  if (tuned || growingPercent === undefined) return;
  tuned = true;
  setFlagsFromString(`--heap-growing-percent=${growingPercent}`);
}
