/**
 * PDF/A-3 associated files: the release's source and its JSON record travel
 * inside the PDF, so an archive keeps the document, what it was made from and
 * what was read out of it as one file. Each is linked from the catalog's /AF
 * with its relationship (Source, Data), MIME type and dates, as PDF/A-3 asks.
 */
import type { VFile } from 'vfile';
import type { Release } from '../../release.js';
import { renderJson } from '../json.js';
import type { PdfDocument } from './metadata.js';
import type { Strings } from '../locale/strings.js';

interface EmbedOptions {
  name: string;
  type: string;
  description: string;
  relationship: 'Source' | 'Data';
  creationDate: Date;
  modifiedDate: Date;
}

/** `strings` are the release's words: the attachments' descriptions are in its language. */
export function attachSources(doc: PdfDocument, release: Release, file: VFile, date: Date, strings: Strings): void {
  const embed = (doc as unknown as { file: (src: Uint8Array, options: EmbedOptions) => unknown }).file.bind(doc);
  const name = file.basename ?? 'release.txt';
  const markdown = /\.(md|markdown)$/iu.test(name);
  embed(new Uint8Array(Buffer.from(String(file.value), 'utf8')), {
    name,
    type: markdown ? 'text/markdown' : 'text/plain',
    description: strings.sourceAttachment,
    relationship: 'Source',
    creationDate: date,
    modifiedDate: date,
  });
  const stem = name.replace(/\.[^.]*$/u, '') || 'release';
  embed(new Uint8Array(Buffer.from(renderJson(release), 'utf8')), {
    name: `${stem}.json`,
    type: 'application/json',
    description: strings.dataAttachment,
    relationship: 'Data',
    creationDate: date,
    modifiedDate: date,
  });
}
