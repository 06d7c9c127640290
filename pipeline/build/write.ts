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
import { basename, dirname, join } from 'node:path';
import { nodeFs, type BuildFs } from './fs.js';

const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/u;

export async function writeAtomic(target: string, data: Uint8Array, fs: BuildFs = nodeFs): Promise<void> {
  const dir = dirname(target);
  await fs.mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, data, { flag: 'wx' });
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
