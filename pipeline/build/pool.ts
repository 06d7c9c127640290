/**
 * Running jobs: in-process for one job at a time, else on a piscina pool of
 * worker threads. At most a few jobs per thread are in flight, so memory
 * stays flat however long the batch is.
 *
 * Each thread holds two documents: when one ends, the other is already
 * there, so a worker never sits idle while its result travels to the main
 * thread and the next document travels back; the PDF renderer and image
 * loading also await between a document's stages. (A document's file calls
 * themselves are synchronous: see nodeFs.) Documents share no state across
 * an await (the PDF renderer makes and ends its document in one synchronous
 * stretch), so holding two changes no output byte and no diagnostic.
 */
import type { TemplateSet } from '../render/templates.js';
import type { BuildFs } from './fs.js';
import type { Job, JobResult, WorkerConfig } from './job.js';

/** Documents held by one thread: two keep it busy between documents; more only keep more trees alive. */
export const DOCUMENTS_PER_THREAD = 2;

export interface Runner {
  readonly threads: number;
  /** How many documents `runAll` keeps started at once. */
  readonly inFlight: number;
  run(job: Job): Promise<JobResult>;
  close(): Promise<void>;
}

/**
 * `fs` (an injected file system) needs the in-process runner: functions cannot
 * be sent to workers. It also builds one document at a time, in order, so a
 * fault it injects lands on a predictable document. Called only when
 * something needs building: the renderers (in-process) and piscina are loaded
 * here, never by a no-op build.
 */
export async function createRunner(config: WorkerConfig, jobs: number, templates: TemplateSet, fs?: BuildFs): Promise<Runner> {
  if (jobs <= 1 || fs) {
    const { buildDocument } = await import('./document.js');
    return { threads: 1, inFlight: fs ? 1 : DOCUMENTS_PER_THREAD, run: (job) => buildDocument(job, templates, config, fs), close: async () => {} };
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina<Job, JobResult>({
    filename: new URL('./worker.js', import.meta.url).href,
    workerData: config,
    minThreads: jobs,
    maxThreads: jobs,
    concurrentTasksPerWorker: DOCUMENTS_PER_THREAD,
    // Its run and wait-time histograms are never read.
    recordTiming: false,
    // Workers must not outlive the build; they are closed explicitly.
    idleTimeout: 60_000,
  });
  // Two more per worker wait in the pool's queue, ready for whichever worker frees a slot first.
  return { threads: jobs, inFlight: jobs * (DOCUMENTS_PER_THREAD + 2), run: (job) => pool.run(job), close: () => pool.destroy() };
}

/**
 * Run `jobs` through `runner`, calling `onResult` as each finishes (in
 * completion order). A job that throws is handed to `onError`, never fatal.
 * Once `stopping()` is true no further job is dispatched; those in flight
 * are awaited (jobs queued in the pool see the shared cancel flag and return
 * at once).
 */
export async function runAll<T extends { job: Job }>(
  items: Iterable<T>,
  runner: Runner,
  onResult: (item: T, result: JobResult) => void,
  onError: (item: T, error: Error) => void,
  stopping: () => boolean = () => false,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  for (const item of items) {
    if (stopping()) break;
    const task: Promise<void> = runner.run(item.job).then(
      (result) => onResult(item, result),
      (error: unknown) => onError(item, error instanceof Error ? error : new Error(String(error))),
    ).finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= runner.inFlight) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}
