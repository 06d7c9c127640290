/**
 * Ctrl-C during a build: the first SIGINT asks the build to start no further
 * document. Documents already running (in-process or on the worker pool)
 * finish, each output written atomically; those queued in the pool return
 * untouched. The pool is closed, the manifest records what completed, and the
 * run ends with whole outputs only. A second SIGINT ends the process at once,
 * as users expect of a second Ctrl-C (temporary files it leaves are swept by
 * the next build).
 */
export const INTERRUPTED_EXIT = 130;

let signal: AbortSignal | undefined;

export function sigintSignal(): AbortSignal {
  if (signal) return signal;
  const controller = new AbortController();
  signal = controller.signal;
  process.once('SIGINT', () => {
    controller.abort();
    process.once('SIGINT', () => process.exit(INTERRUPTED_EXIT));
  });
  return signal;
}
