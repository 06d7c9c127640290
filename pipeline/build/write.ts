/**
 * Atomic writes: a temporary file beside the target, then a rename, so a
 * reader (or a killed build) never sees a half-written output.
 *
 * No fsync: it made each output cost ~50 ms of disk wait, and outputs are
 * reproducible. After a power cut an output may be empty or missing, never
 * half-old; the manifest records size and hash, so the next build rebuilds it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeAtomic(target: string, data: Uint8Array): Promise<void> {
  const dir = dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
