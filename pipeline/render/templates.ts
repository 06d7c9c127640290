/**
 * Template sets: the default templates, with any file of a user's
 * `--templates DIR` taking the place of the default of the same name.
 * Compiled once per process and rendered for every document.
 */
import { compileTemplate, type RenderFn, type TemplateMode } from './handlebars.js';
import { readTemplateFiles } from './template-files.js';

export { DEFAULT_TEMPLATES } from './template-files.js';

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

export function loadTemplates(overrideDir?: string): TemplateSet {
  const { files, partials: partialFiles, hash } = readTemplateFiles(overrideDir);
  const partials: TemplateSet['partials'] = { html: {}, text: {}, markdown: {} };
  for (const [name, file] of partialFiles) {
    const [suffix, mode] = PARTIAL_MODES.find(([s]) => name.endsWith(s))!;
    partials[mode][name.slice(0, -suffix.length)] = compileTemplate(file.source, file.display, mode);
  }
  return {
    html: compileTemplate(files['html.hbs'].source, files['html.hbs'].display, 'html'),
    text: compileTemplate(files['text.hbs'].source, files['text.hbs'].display, 'text'),
    pdf: compileTemplate(files['pdf.md.hbs'].source, files['pdf.md.hbs'].display, 'markdown'),
    partials,
    css: files['style.css'].source,
    index: compileTemplate(files['index.hbs'].source, files['index.hbs'].display, 'html'),
    indexCss: files['index.css'].source,
    indexScript: files['index.js'].source,
    hash,
  };
}
