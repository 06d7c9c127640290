/**
 * Ctrl-C during a build: the first SIGINT asks the build to stop before its
 * next document (the current one's outputs are finished, each written
 * atomically), so the run ends with whole outputs only; a second SIGINT ends
 * the process at once, as users expect of a second Ctrl-C.
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
