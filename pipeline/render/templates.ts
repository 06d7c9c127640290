/**
 * Template sets: the default templates, with any file of a user's
 * `--templates DIR` taking the place of the default of the same name.
 * Compiled once per process and rendered for every document.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../package-root.js';
import { compileTemplate, type RenderFn, type TemplateMode } from './handlebars.js';

export const DEFAULT_TEMPLATES = join(packageRoot, 'templates', 'default');

export interface TemplateSet {
  html: RenderFn;
  text: RenderFn;
  pdf: RenderFn;
  /** Partials by output language, passed at render time. */
  partials: Record<TemplateMode, Record<string, RenderFn>>;
  /** The stylesheet inlined into HTML (a template file, not user text). */
  css: string;
  /** The press room's index page (index.hbs), its extra stylesheet and its filter script. */
  index: RenderFn;
  indexCss: string;
  indexScript: string;
  /** Hash of every template source: a change invalidates incremental builds. */
  hash: string;
}

const PARTIAL_MODES: readonly [string, TemplateMode][] = [
  ['.text.hbs', 'text'],
  ['.md.hbs', 'markdown'],
  ['.hbs', 'html'],
];

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** The file for `name`: the user's if present, else the default. */
function pick(name: string, overrideDir: string | undefined): string {
  if (overrideDir) {
    const candidate = join(overrideDir, name);
    if (existsSync(candidate)) return candidate;
  }
  return join(DEFAULT_TEMPLATES, name);
}

function partialFiles(overrideDir: string | undefined): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of [DEFAULT_TEMPLATES, overrideDir]) {
    if (!dir) continue;
    const partialsDir = join(dir, 'partials');
    if (!existsSync(partialsDir)) continue;
    for (const name of readdirSync(partialsDir).sort()) {
      if (name.endsWith('.hbs')) files.set(name, join(partialsDir, name));
    }
  }
  return files;
}

export function loadTemplates(overrideDir?: string): TemplateSet {
  const hash = createHash('sha256');
  const read = (path: string): string => {
    const source = readFileSync(path, 'utf8');
    hash.update(`${display(path)}\0${source}\0`);
    return source;
  };
  const compile = (name: string, mode: TemplateMode): RenderFn => {
    const path = pick(name, overrideDir);
    return compileTemplate(read(path), display(path), mode);
  };

  const partials: TemplateSet['partials'] = { html: {}, text: {}, markdown: {} };
  for (const [file, path] of partialFiles(overrideDir)) {
    const [suffix, mode] = PARTIAL_MODES.find(([s]) => file.endsWith(s))!;
    partials[mode][file.slice(0, -suffix.length)] = compileTemplate(read(path), display(path), mode);
  }
  return {
    html: compile('html.hbs', 'html'),
    text: compile('text.hbs', 'text'),
    pdf: compile('pdf.md.hbs', 'markdown'),
    partials,
    css: read(pick('style.css', overrideDir)),
    index: compile('index.hbs', 'html'),
    indexCss: read(pick('index.css', overrideDir)),
    indexScript: read(pick('index.js', overrideDir)),
    hash: hash.digest('hex'),
  };
}
