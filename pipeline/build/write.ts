/**
 * Atomic writes: a temporary file beside the target, then a rename, so a
 * reader (or a killed build) never sees a half-written output. Temporary
 * files are dot files named `.<target>.<pid>.<random>.tmp`: never mistaken for
 * an output, and swept by the next build once their process is gone. Worker
 * threads share their process's pid, so a build never sweeps its own.
 *
 * No fsync: it made each output cost ~50 ms of disk wait, and outputs are
 * reproducible. After a power cut an output may be empty or missing, never
 * half-old; the manifest records size and hash, so the next build rebuilds it.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { nodeFs, type BuildFs } from './fs.js';

const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/u;

export interface WriteOptions {
  /**
   * The output folder the target must stay in. Its subfolders are checked
   * once each, after they are made: one that resolves outside it (a symbolic
   * link to /etc, say) is refused, because a path that is textually inside
   * the folder is not enough for "no output escapes the output folder".
   */
  within?: string;
}

/** An output folder's subfolder that resolves outside it. */
export class OutsideOutputError extends Error {
  readonly code = 'EOUTSIDE';
}

/**
 * Folders made and checked by this thread, keyed by the output folder they
 * must stay in and their path. A batch writes thousands of outputs into a
 * few folders: a recursive mkdir and a realpath per output cost about as
 * much as the write itself. A folder removed later (between watch rebuilds)
 * shows as ENOENT on the next write, which drops it from here and makes it
 * again.
 */
const readyFolders = new Map<string, Promise<void>>();

const folderKey = (dir: string, within: string | undefined): string => `${within ?? ''}\0${dir}`;

function prepareFolder(dir: string, fs: BuildFs, within: string | undefined): Promise<void> {
  const key = folderKey(dir, within);
  let ready = readyFolders.get(key);
  if (!ready) {
    ready = (async () => {
      await fs.mkdir(dir, { recursive: true });
      if (within === undefined) return;
      const [real, root] = await Promise.all([fs.realpath(dir), fs.realpath(within)]);
      const rel = relative(root, real);
      if (rel.startsWith('..') || isAbsolute(rel)) {
        throw new OutsideOutputError(`the folder ${relative(within, dir) || '.'} leads outside the output folder (to ${real}); outputs are never written through a link out of it`);
      }
    })();
    readyFolders.set(key, ready);
    // A failure is not remembered: the next output tries again and gets its own error.
    ready.catch(() => readyFolders.delete(key));
  }
  return ready;
}

/** Forget which folders were checked: each build checks its folders afresh, since they may have changed since the last. */
export function forgetFolders(): void {
  readyFolders.clear();
}

export async function writeAtomic(target: string, data: Uint8Array, fs: BuildFs = nodeFs, options: WriteOptions = {}): Promise<void> {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await prepareFolder(dir, fs, options.within);
  try {
    try {
      await fs.writeFile(temp, data, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // The folder went away after it was made (a watch session's output folder deleted): make it again.
      readyFolders.delete(folderKey(dir, options.within));
      await prepareFolder(dir, fs, options.within);
      await fs.writeFile(temp, data, { flag: 'wx' });
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Whether a process is running (ours always is; EPERM means it exists but is not ours). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove temporary files left by a build that was killed (SIGKILL, power
 * loss). Files of a build still running (its process alive, this one
 * included, with all its worker threads) are left alone.
 */
export async function sweepStaleTemps(outDir: string, fs: BuildFs = nodeFs): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(outDir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(outDir, entry.name);
    if (entry.isDirectory()) await sweepStaleTemps(path, fs);
    else if (entry.isFile()) {
      const pid = TEMP.exec(entry.name)?.[1];
      if (pid !== undefined && !alive(Number(pid))) await fs.rm(path, { force: true }).catch(() => undefined);
    }
  }
}
