/**
 * Wire copy: the text.hbs template around a body wrapped by display width.
 * Text needs no escaping; the template is compiled without it.
 */
import type { Release } from '../../release.js';
import type { TemplateSet } from '../templates.js';
import { toView } from '../view.js';
import { bodyToText } from './body.js';

export interface TextRenderOptions {
  /** Columns, by display width. */
  width?: number;
  eol?: 'lf' | 'crlf';
}

export function renderText(release: Release, templates: TemplateSet, options: TextRenderOptions = {}): string {
  const width = options.width ?? 72;
  const view = toView(release);
  const lead = !view.bodyHasDateline && view.dateline ? view.dateline : undefined;
  const text = templates.text(
    {
      ...view,
      width,
      body: bodyToText(release.body, { width, ...(lead ? { lead } : {}) }),
      // No default template prints it: wrap it only when a user's template reads it.
      get bodyPlain() {
        return bodyToText(release.body, { width });
      },
    },
    { partials: templates.partials.text },
  );
  // Templates leave blank runs where optional parts are absent; a wire copy has at most one blank line.
  const tidy = `${text.replace(/[ \t]+$/gmu, '').replace(/\n{3,}/gu, '\n\n').trim()}\n`;
  return options.eol === 'crlf' ? tidy.replace(/\n/gu, '\r\n') : tidy;
}
