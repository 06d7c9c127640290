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
import { bodyToHtml } from './body.js';
import { jsonLd, scriptSafeJson } from './json-ld.js';

export interface HtmlOptions extends ViewOptions {
  /** The release's images, read by loadReleaseImages; without them images are placeholders. */
  media?: ReleaseMedia;
}

export function renderHtml(release: Release, templates: TemplateSet, options: HtmlOptions = {}): string {
  const view = toView(release, options);
  const html = templates.html(
    {
      ...view,
      body: new SafeString(bodyToHtml(release.body, options.media)),
      jsonLd: new SafeString(scriptSafeJson(jsonLd(release, view))),
      css: new SafeString(templates.css.replace(/<\/style/giu, '<\\/style')),
    },
    { partials: templates.partials.html },
  );
  return html.endsWith('\n') ? html : `${html}\n`;
}
