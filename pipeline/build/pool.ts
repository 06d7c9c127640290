/**
 * Running jobs: in-process for one job at a time, else on a piscina pool of
 * worker threads. At most a few jobs per thread are in flight, so memory
 * stays flat however long the batch is.
 */
import type { TemplateSet } from '../render/templates.js';
import type { BuildFs } from './fs.js';
import type { Job, JobResult, WorkerConfig } from './job.js';

export interface Runner {
  readonly threads: number;
  run(job: Job): Promise<JobResult>;
  close(): Promise<void>;
}

/**
 * `fs` (an injected file system) needs the in-process runner: functions cannot
 * be sent to workers. Called only when something needs building: the
 * renderers (in-process) and piscina are loaded here, never by a no-op build.
 */
export async function createRunner(config: WorkerConfig, jobs: number, templates: TemplateSet, fs?: BuildFs): Promise<Runner> {
  if (jobs <= 1 || fs) {
    const { buildDocument } = await import('./document.js');
    return { threads: 1, run: (job) => buildDocument(job, templates, config, fs), close: async () => {} };
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina<Job, JobResult>({
    filename: new URL('./worker.js', import.meta.url).href,
    workerData: config,
    minThreads: jobs,
    maxThreads: jobs,
    // Workers must not outlive the build; they are closed explicitly.
    idleTimeout: 60_000,
  });
  return { threads: jobs, run: (job) => pool.run(job), close: () => pool.destroy() };
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
  const limit = runner.threads === 1 ? 1 : runner.threads * 4;
  const inFlight = new Set<Promise<void>>();
  for (const item of items) {
    if (stopping()) break;
    const task: Promise<void> = runner.run(item.job).then(
      (result) => onResult(item, result),
      (error: unknown) => onError(item, error instanceof Error ? error : new Error(String(error))),
    ).finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}
