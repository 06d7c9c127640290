/**
 * The file-system calls a build makes on sources and outputs, as an interface
 * so that tests (and embedders) can inject faults such as a full disk or a
 * read-only folder through `build({ fs })`, without touching the real disk.
 *
 * Functions cannot be sent to worker threads, so a build given an `fs` runs
 * its documents in-process (as with `jobs: 1`); workers always use `nodeFs`.
 */
import { mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';

export interface BuildFs {
  readFile(path: string): Promise<Uint8Array>;
  /** ctime and inode are optional: without them a source gets no fingerprint and is hashed on every build. */
  stat(path: string): Promise<{ size: number; mtimeMs: number; ctimeMs?: number; ino?: number; isFile(): boolean }>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  /** Called with `flag: 'wx'`: the file must not exist yet. */
  writeFile(path: string, data: Uint8Array, options: { flag: 'wx' }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Where a folder really is, links resolved: outputs must stay in the output folder. */
  realpath(path: string): Promise<string>;
  rm(path: string, options: { force: true }): Promise<void>;
  readdir(path: string, options: { withFileTypes: true }): Promise<{ name: string; isDirectory(): boolean; isFile(): boolean }[]>;
}

export const nodeFs: BuildFs = { readFile, stat, mkdir, writeFile, rename, rm, readdir, realpath };
