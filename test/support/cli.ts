/** Running the CLI in-process (main with a captured Io) and reading vfile-reporter output back. */
import assert from 'node:assert/strict';
import type { BuildFs } from '../../pipeline/build/fs.js';
import { main } from '../../pipeline/cli/main.js';

/**
 * What a whole build writes into the output folder besides the documents' own
 * outputs: the incremental manifest, the feed cache and the press room.
 */
export const BUILD_FILES = ['.handout-feed.json', '.handout-manifest.json', 'feed.xml', 'index.html', 'manifest.json'] as const;

/** The expected listing of an output folder after a whole build: the documents' outputs and BUILD_FILES, sorted. */
export function withBuildFiles(outputs: readonly string[]): string[] {
  return [...BUILD_FILES, ...outputs].sort();
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: readonly string[], env: Record<string, string | undefined> = {}, fs?: BuildFs): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { SOURCE_DATE_EPOCH: '1700000000', ...env },
    color: false,
    ...(fs ? { fs } : {}),
  });
  return { code, stdout, stderr };
}

export interface Reported {
  file: string;
  /** "line:column" of the start, or "" for a file-level message. */
  at: string;
  severity: string;
  ruleId: string;
}

/** The messages in vfile-reporter text: a file name line, then indented message lines. */
export function reported(stderr: string): Reported[] {
  const out: Reported[] = [];
  let file = '';
  for (const line of stderr.split('\n')) {
    if (line === '' || line.startsWith('handout:') || /^\s*[✖⚠]|^\d+ messages?/u.test(line)) continue;
    const m = /^\s*(?:(\d+:\d+)(?:-\d+:\d+)?)?\s+(error|warning|info)\s+.*\s([a-z-]+)\s+handout$/u.exec(line);
    if (m) out.push({ file, at: m[1] ?? '', severity: m[2]!, ruleId: m[3]! });
    else if (!line.startsWith(' ')) file = line;
  }
  return out;
}

/** A stack trace line, as Node prints them. */
export function assertNoStack(text: string): void {
  assert.doesNotMatch(text, /^\s+at .+(\(|:\d+:\d+)/mu, `a stack trace reached the user:\n${text}`);
  assert.doesNotMatch(text, /internal error/u, `an internal error reached the user:\n${text}`);
}
