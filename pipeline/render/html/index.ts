/**
 * HTML handout: the html.hbs template around a sanitized body. The template
 * escapes every record field; only values this module builds itself (the
 * sanitized body, the JSON-LD, the template's own CSS) are passed as SafeString.
 */
import type { Release } from '../../release.js';
import { SafeString } from '../handlebars.js';
import type { TemplateSet } from '../templates.js';
import { toView, type ViewOptions } from '../view.js';
import type { ReleaseMedia } from '../../media/release-images.js';
import { brandCss } from '../../brand/css.js';
import { bodyToHtml } from './body.js';
import { jsonLd, scriptSafeJson } from './json-ld.js';

export interface HtmlOptions extends ViewOptions {
  /** The release's images, read by loadReleaseImages; without them images are placeholders. */
  media?: ReleaseMedia;
}

/** The logo as a data: URI, the only kind of image the page's CSP loads; an SVG stays an image, so its scripts never run. */
export function logoDataUri(options: ViewOptions): string | null {
  return options.logo ? `data:${options.logo.type};base64,${Buffer.from(options.logo.data).toString('base64')}` : null;
}

export function renderHtml(release: Release, templates: TemplateSet, options: HtmlOptions = {}): string {
  const view = toView(release, options);
  const logoSrc = view.brand.logo ? logoDataUri(options) : null;
  const html = templates.html(
    {
      ...view,
      body: new SafeString(bodyToHtml(release.body, view.strings.image, options.media)),
      jsonLd: new SafeString(scriptSafeJson(jsonLd(release, view, logoSrc && options.logo ? { src: logoSrc, width: options.logo.width, height: options.logo.height } : undefined))),
      css: new SafeString(templates.css.replace(/<\/style/giu, '<\\/style')),
      // Checked values only (see brand/css.ts); the data: URI is base64 of the file.
      brandCss: new SafeString(brandCss(view.brand)),
      logoSrc: logoSrc ? new SafeString(logoSrc) : null,
    },
    { partials: templates.partials.html },
  );
  return html.endsWith('\n') ? html : `${html}\n`;
}
