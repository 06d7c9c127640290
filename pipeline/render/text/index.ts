/**
 * Wire copy: the text.hbs template around a body wrapped by display width.
 * Text needs no escaping; the template is compiled without it.
 */
import type { VFile } from 'vfile';
import type { Release } from '../../release.js';
import type { TemplateSet } from '../templates.js';
import { toView, type ViewOptions } from '../view.js';
import { asciiRelease, toAscii } from './ascii.js';
import { bodyToText } from './body.js';

export interface TextRenderOptions extends ViewOptions {
  /** Columns, by display width. */
  width?: number;
  eol?: 'lf' | 'crlf';
  /** ASCII only: transliterate, with a placeholder and a warning for what has no transliteration. */
  ascii?: boolean;
}

/** `file` receives the ASCII mode's warnings. */
export function renderText(original: Release, templates: TemplateSet, options: TextRenderOptions = {}, file?: VFile): string {
  const width = options.width ?? 72;
  // ASCII is made before wrapping, so that widths are measured on what is printed.
  const release = options.ascii ? asciiRelease(original, file) : original;
  const view = toView(release, options);
  if (options.ascii && view.dateline) view.dateline = toAscii(view.dateline).text;
  const lead = !view.bodyHasDateline && view.dateline ? view.dateline : undefined;
  const text = templates.text(
    {
      ...view,
      width,
      body: bodyToText(release.body, { width, photo: view.strings.photo, ...(lead ? { lead } : {}) }),
      // No default template prints it: wrap it only when a user's template reads it.
      get bodyPlain() {
        return bodyToText(release.body, { width, photo: view.strings.photo });
      },
    },
    { partials: templates.partials.text },
  );
  // Templates leave blank runs where optional parts are absent; a wire copy has at most one blank line.
  let tidy = `${text.replace(/[ \t]+$/gmu, '').replace(/\n{3,}/gu, '\n\n').trim()}\n`;
  // What a user's template writes itself (and helpers such as formatDate) is made ASCII last.
  if (options.ascii) tidy = toAscii(tidy).text;
  return options.eol === 'crlf' ? tidy.replace(/\n/gu, '\r\n') : tidy;
}
