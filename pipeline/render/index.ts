/**
 * One entry point per output format. Renderers are pure apart from messages on
 * the VFile (missing glyphs); they never touch the file system.
 */
import type { VFile } from 'vfile';
import type { Release } from '../release.js';
import { renderHtml } from './html/index.js';
import { renderJson } from './json.js';
import { renderPdf, type PdfOptions } from './pdf/index.js';
import type { TemplateSet } from './templates.js';
import { renderText, type TextRenderOptions } from './text/index.js';

import type { Format } from './formats.js';

export { FORMATS, type Format } from './formats.js';

export interface RenderOptions {
  pdf?: PdfOptions;
  text?: TextRenderOptions;
}

export async function renderFormat(format: Format, release: Release, file: VFile, templates: TemplateSet, options: RenderOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'html':
      return Buffer.from(renderHtml(release, templates), 'utf8');
    case 'txt':
      return Buffer.from(renderText(release, templates, options.text), 'utf8');
    case 'json':
      return Buffer.from(renderJson(release), 'utf8');
    case 'pdf':
      return renderPdf(release, file, templates, options.pdf);
  }
}
