/**
 * Finding sources: files as given, and .txt/.md files under directories,
 * in a stable (sorted) order. Symlinked directories are followed once: a
 * link loop is detected by real path and skipped.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';

export const SOURCE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);

export interface Source {
  /** Absolute path of the source. */
  path: string;
  /** Path relative to the input it was found under; mirrored under --out. */
  relative: string;
}

export interface DiscoveryProblem {
  path: string;
  reason: string;
}

async function walk(dir: string, base: string, seen: Set<string>, out: Source[], problems: DiscoveryProblem[]): Promise<void> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (error) {
    problems.push({ path: dir, reason: (error as Error).message });
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: dir, reason: `cannot read directory: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const info = await stat(full);
        isDir = info.isDirectory();
        isFile = info.isFile();
      } catch (error) {
        problems.push({ path: full, reason: (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'symbolic link loop' : 'broken symbolic link' });
        continue;
      }
    }
    const isSource = SOURCE_EXTENSIONS.has(extname(entry.name).toLowerCase());
    if (isDir) await walk(full, base, seen, out, problems);
    else if (isFile && isSource) out.push({ path: full, relative: relative(base, full) });
    // Reading a FIFO would block the build; say why a source-named entry was left out.
    else if (isSource) problems.push({ path: full, reason: 'not a regular file (a FIFO, socket or device)' });
  }
}

export async function discover(inputs: readonly string[]): Promise<{ sources: Source[]; problems: DiscoveryProblem[] }> {
  const sources: Source[] = [];
  const problems: DiscoveryProblem[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const abs = resolve(input);
    let info;
    try {
      info = await stat(abs);
    } catch (error) {
      problems.push({ path: input, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message });
      continue;
    }
    if (info.isDirectory()) await walk(abs, abs, seen, sources, problems);
    else sources.push({ path: abs, relative: relative(dirname(abs), abs) });
  }
  // The same file named twice (as a file and inside a directory) is built once.
  const unique = new Map<string, Source>();
  for (const s of sources) if (!unique.has(s.path)) unique.set(s.path, s);
  return { sources: [...unique.values()], problems };
}
