/**
 * A one-line progress bar on stderr, for people at a terminal only: CI logs
 * (no TTY) and --quiet get nothing. Redraws are throttled so a fast batch
 * does not spend its time painting.
 */
export interface Progress {
  update(done: number, total: number): void;
  end(): void;
}

const NONE: Progress = { update: () => {}, end: () => {} };
const WIDTH = 30;

export function createProgress(write: (text: string) => void, enabled: boolean, intervalMs = 80): Progress {
  if (!enabled) return NONE;
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = performance.now();
      if (done < total && now - last < intervalMs) return;
      last = now;
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}`);
      drawn = true;
    },
    end() {
      if (drawn) write('\r\x1b[K');
    },
  };
}
