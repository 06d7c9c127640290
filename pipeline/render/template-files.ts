/**
 * Which files make a template set, read and hashed, without compiling them.
 * Kept apart from templates.ts (which loads Handlebars and the renderers) so
 * that a build can tell from the hash alone whether its recorded documents
 * are current, and load the compiler only when something must be rendered.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../package-root.js';

export const DEFAULT_TEMPLATES = join(packageRoot, 'templates', 'default');

/** The set's single files, in the order they are hashed. */
export const TEMPLATE_NAMES = ['html.hbs', 'text.hbs', 'pdf.md.hbs', 'style.css', 'index.hbs', 'index.css', 'index.js'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface TemplateFile {
  /** The path as diagnostics name it (relative to the working directory when inside it). */
  display: string;
  source: string;
}

export interface TemplateFiles {
  files: Record<TemplateName, TemplateFile>;
  /** Partials by file name ("lead.hbs", "footer.text.hbs"), the user's replacing the default's. */
  partials: Map<string, TemplateFile>;
  /** Hash of every file's path and source: a change invalidates incremental builds. */
  hash: string;
}

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

function partialPaths(overrideDir: string | undefined): Map<string, string> {
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

/** Read (never compile) the files of the set: the defaults, with `overrideDir`'s files in their place. */
export function readTemplateFiles(overrideDir?: string): TemplateFiles {
  const hash = createHash('sha256');
  const read = (path: string): TemplateFile => {
    const file = { display: display(path), source: readFileSync(path, 'utf8') };
    hash.update(`${file.display}\0${file.source}\0`);
    return file;
  };
  const partials = new Map<string, TemplateFile>();
  for (const [name, path] of partialPaths(overrideDir)) partials.set(name, read(path));
  const files = Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, read(pick(name, overrideDir))])) as Record<TemplateName, TemplateFile>;
  return { files, partials, hash: hash.digest('hex') };
}
