/**
 * Watch mode: an incremental build, then another each time sources or
 * templates change (debounced, one at a time). The manifest makes each
 * rebuild touch only changed sources; a template change changes the
 * templates hash, so everything is rebuilt. A broken template is reported and
 * the watcher waits for the fix instead of exiting.
 */
import { resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { TemplateError } from '../errors.js';
import { loadTemplates, type TemplateSet } from '../render/templates.js';
import { build, type BuildOptions, type BuildResult } from './index.js';

export type WatchReason = 'initial' | 'sources' | 'templates';

export type WatchEvent =
  | { type: 'build'; reason: WatchReason; result: BuildResult }
  | { type: 'template-error'; error: TemplateError }
  | { type: 'error'; error: Error };

export interface WatchOptions extends BuildOptions {
  /** Quiet time after the last change before rebuilding (default 150 ms). */
  debounceMs?: number;
}

export interface BuildWatcher {
  /** Resolves once the files are watched and the first build has finished. */
  ready: Promise<void>;
  close(): Promise<void>;
}

const inside = (dir: string, path: string): boolean => path === dir || path.startsWith(dir + sep);

export function watchBuild(options: WatchOptions, onEvent: (event: WatchEvent) => void): BuildWatcher {
  const templatesDir = options.templatesDir ? resolve(options.templatesDir) : undefined;
  const outDir = resolve(options.outDir);
  let templates: TemplateSet | undefined;
  let templatesChanged = true;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const rebuild = async (reason: WatchReason): Promise<void> => {
    if (templatesChanged) {
      templatesChanged = false;
      try {
        templates = loadTemplates(options.templatesDir);
      } catch (error) {
        templates = undefined;
        if (error instanceof TemplateError) onEvent({ type: 'template-error', error });
        else onEvent({ type: 'error', error: error as Error });
        return;
      }
    }
    // Sources changed while the templates are still broken: wait for the fix.
    if (!templates) return;
    try {
      const result = await build({ ...options, templates });
      onEvent({ type: 'build', reason, result });
    } catch (error) {
      if (error instanceof TemplateError) onEvent({ type: 'template-error', error });
      else onEvent({ type: 'error', error: error as Error });
    }
  };

  // One build at a time; changes during a build trigger exactly one more.
  const run = (reason: WatchReason): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = rebuild(reason).finally(() => {
      running = undefined;
      if (again && !closed) {
        again = false;
        void run(templatesChanged ? 'templates' : 'sources');
      }
    });
    return running;
  };

  const watcher: FSWatcher = watch([...options.inputs.map((i) => resolve(i)), ...(templatesDir ? [templatesDir] : [])], {
    ignoreInitial: true,
    // Outputs (and our own temp files) inside a watched input must not retrigger builds.
    ignored: (path: string) => inside(outDir, resolve(path)),
  });
  watcher.on('all', (_event, path) => {
    const abs = resolve(path);
    if (templatesDir && inside(templatesDir, abs)) templatesChanged = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!closed) void run(templatesChanged ? 'templates' : 'sources');
    }, options.debounceMs ?? 150);
  });
  watcher.on('error', (error) => onEvent({ type: 'error', error: error instanceof Error ? error : new Error(String(error)) }));

  const ready = new Promise<void>((done) => watcher.once('ready', () => done())).then(() => run('initial'));
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
