/**
 * One entry point per output format. Renderers are pure apart from messages on
 * the VFile (missing glyphs); they never touch the file system.
 */
import type { VFile } from 'vfile';
import type { Release } from '../release.js';
import { renderHtml } from './html/index.js';
import { renderJson } from './json.js';
import type { PdfOptions } from './pdf/index.js';
import type { TemplateSet } from './templates.js';
import type { EmlOptions } from './eml.js';
import { renderText, type TextRenderOptions } from './text/index.js';

import type { Format } from './formats.js';
import type { StringOverrides } from './locale/strings.js';
import type { BrandSettings } from '../brand/apply.js';
import type { LogoImage } from '../brand/logo-image.js';
import type { ReleaseMedia } from '../media/release-images.js';

export { DEFAULT_FORMATS, FORMATS, type Format } from './formats.js';

/** Formats already rendered for this document, reused by formats built from them (eml). */
export type Rendered = Partial<Record<Format, Uint8Array>>;

export interface RenderOptions {
  pdf?: PdfOptions;
  text?: TextRenderOptions;
  eml?: EmlOptions & { /** The PDF attachment's name. */ pdfName?: string };
  /** Per-locale overrides of the templates' fixed words; plain data, so it crosses to build workers as is. */
  strings?: StringOverrides;
  /** The project's brand (handout.config.json); a build applies it to each release under the release's own (brand/logo.ts). */
  brand?: BrandSettings;
  /** This document's logo, read by the build (see prepareBrand); renderers never read files. Never part of the options hash. */
  logo?: LogoImage;
  /**
   * The document's images, read from disk (`loadReleaseImages`). Per document,
   * added by the build inside the worker: never part of the options hash. Without
   * it, images render as placeholders.
   */
  media?: ReleaseMedia;
}

/**
 * Render one format. `rendered` carries this document's outputs so far: eml
 * takes html, txt and pdf from it and renders only what is missing (and adds
 * what it rendered, so nothing is made twice).
 */
export async function renderFormat(format: Format, release: Release, file: VFile, templates: TemplateSet, options: RenderOptions = {}, rendered: Rendered = {}): Promise<Uint8Array> {
  // What every template's view takes: the project's strings and this document's logo.
  const view = { ...(options.strings ? { strings: options.strings } : {}), ...(options.logo ? { logo: options.logo } : {}) };
  const media = options.media ? { media: options.media } : {};
  switch (format) {
    case 'eml': {
      const part = async (f: 'html' | 'txt' | 'pdf'): Promise<Uint8Array> => (rendered[f] ??= await renderFormat(f, release, file, templates, options, rendered));
      const epoch = options.eml?.sourceDateEpoch ?? options.pdf?.sourceDateEpoch;
      // PDF and mail are loaded on first use: pdfkit, fontkit and the mail builder cost each build worker ~15 MB that an HTML-only batch never needs.
      const { renderEml } = await import('./eml.js');
      return renderEml(release, { html: await part('html'), txt: await part('txt'), pdf: await part('pdf'), pdfName: options.eml?.pdfName ?? 'release.pdf' }, { ...options.eml, ...view, ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}) });
    }
    case 'html':
      return Buffer.from(renderHtml(release, templates, { ...view, ...media }), 'utf8');
    case 'txt':
      return Buffer.from(renderText(release, templates, { ...options.text, ...view }, file), 'utf8');
    case 'json':
      return Buffer.from(renderJson(release), 'utf8');
    case 'pdf': {
      const { renderPdf } = await import('./pdf/index.js');
      return renderPdf(release, file, templates, { ...options.pdf, ...view, ...media });
    }
  }
}
