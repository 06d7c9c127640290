/**
 * The handout as an email (.eml): multipart/mixed holding a
 * multipart/alternative (wire text, then the HTML page) and the PDF attached,
 * composed by nodemailer's MailComposer. The parts are the bytes the other
 * renderers made; nothing is rendered twice. Everything that varies between
 * runs in a plain MIME build (boundaries, Message-ID, Date) is derived from the
 * content, so the same release gives the same file.
 */
import { createHash } from 'node:crypto';
import MailComposer, { type MailComposerOptions } from 'nodemailer/lib/mail-composer';
import type { Release } from '../release.js';
import { toView, type View, type ViewOptions } from './view.js';

export interface EmlOptions extends ViewOptions {
  /** The sender's address; the issuer is the display name. No real address by default. */
  fromAddress?: string;
  /** The Date header, in seconds since the epoch (SOURCE_DATE_EPOCH); else the release date, else now. */
  sourceDateEpoch?: number;
}

export interface EmlParts {
  html: Uint8Array;
  txt: Uint8Array;
  pdf: Uint8Array;
  /** The attachment's file name ("release.pdf"). */
  pdfName: string;
}

function dateOf(release: Release, options: EmlOptions): Date {
  if (options.sourceDateEpoch !== undefined) return new Date(options.sourceDateEpoch * 1000);
  if (release.date) return new Date(`${release.date}T12:00:00Z`);
  return new Date();
}

/** The title, with the embargo notice first when there is one: a mail client shows the subject before anything else. */
function subjectOf(release: Release, view: View): string {
  const title = release.title ?? view.strings.pressRelease;
  return view.embargoNotice ? `[${view.embargoNotice}] ${title}` : title;
}

export async function renderEml(release: Release, parts: EmlParts, options: EmlOptions = {}): Promise<Uint8Array> {
  const digest = createHash('sha256').update(parts.txt).update(parts.html).update(parts.pdf).digest('hex');
  const view = toView(release, options);
  const mail: MailComposerOptions & { baseBoundary: string } = {
    // With no one named, "Press office" in the release's language.
    from: { name: release.issuer ?? release.brand?.name ?? release.organization ?? view.strings.pressOffice, address: options.fromAddress ?? 'press@invalid' },
    subject: subjectOf(release, view),
    date: dateOf(release, options),
    messageId: `<${digest.slice(0, 32)}@handout.invalid>`,
    text: { content: Buffer.from(parts.txt), contentType: 'text/plain; charset=utf-8' },
    html: { content: Buffer.from(parts.html), contentType: 'text/html; charset=utf-8' },
    attachments: [{ content: Buffer.from(parts.pdf), filename: parts.pdfName, contentType: 'application/pdf' }],
    // Organization (RFC 4021) names the brand's press office; mail clients show it beside the sender.
    headers: { 'Content-Language': release.language, ...(release.brand?.name ? { Organization: release.brand.name } : {}) },
    // Content is given as bytes; nodemailer must never read a path or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
    // Not in the typings, but read by MailComposer: fixed boundaries make the bytes reproducible.
    baseBoundary: digest.slice(32, 48),
  };
  return new MailComposer(mail).compile().build();
}
