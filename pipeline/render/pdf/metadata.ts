/**
 * Document metadata, written twice so the two agree, as PDF/A requires: the
 * Info dictionary (pdfkit encodes it) and the XMP packet (built here, because
 * pdfkit interpolates Info values into XMP without escaping them, so a title
 * with "&" or "<" would make the packet malformed).
 */
import type PDFDocument from 'pdfkit';
import { escapeXml } from '../../xml.js';

export { escapeXml };

export interface PdfMetadata {
  title: string;
  author: string | null;
  subject: string | null;
  keywords: readonly string[];
  language: string;
  creator: string;
  producer: string;
  created: Date;
  modified: Date;
  /** Claims PDF/UA-1: adds pdfuaid to the XMP. */
  ua?: boolean;
}

/** XMP dates: ISO 8601 to the second, in UTC, as PDF Info dates are written by pdfkit. */
function xmpDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

const PDFUA_ID = `<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>`;

/** PDF/A only admits XMP schemas it predefines or that the packet describes: pdfuaid is not predefined. */
const PDFUA_EXTENSION = [
  `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">`,
  `<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">`,
  `<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>`,
  `<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>`,
  `<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>`,
  `<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">`,
  `<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>`,
  `<pdfaProperty:category>internal</pdfaProperty:category><pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>`,
  `</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>`,
].join('');

/** The XMP descriptions for the record (pdfaid is added by pdfkit's profile code; pdfuaid here, since a profile may claim both). */
export function xmpDescriptions(meta: PdfMetadata): string {
  const e = escapeXml;
  const lang = e(meta.language);
  const dc: string[] = [
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`,
  ];
  if (meta.author) dc.push(`<dc:creator><rdf:Seq><rdf:li>${e(meta.author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (meta.subject) dc.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(meta.subject)}</rdf:li></rdf:Alt></dc:description>`);
  if (meta.keywords.length > 0) dc.push(`<dc:subject><rdf:Bag>${meta.keywords.map((k) => `<rdf:li>${e(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`);
  const pdf: string[] = [`<pdf:Producer>${e(meta.producer)}</pdf:Producer>`];
  if (meta.keywords.length > 0) pdf.push(`<pdf:Keywords>${e(meta.keywords.join('; '))}</pdf:Keywords>`);
  return [
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc.join('')}</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>${xmpDate(meta.created)}</xmp:CreateDate><xmp:ModifyDate>${xmpDate(meta.modified)}</xmp:ModifyDate><xmp:MetadataDate>${xmpDate(meta.modified)}</xmp:MetadataDate><xmp:CreatorTool>${e(meta.creator)}</xmp:CreatorTool></rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">${pdf.join('')}</rdf:Description>`,
    ...(meta.ua ? [PDFUA_ID, PDFUA_EXTENSION] : []),
  ].join('\n');
}

/** Info dictionary entries matching the XMP above. */
export function infoOf(meta: PdfMetadata): PDFKit.DocumentInfo & Record<string, unknown> {
  return {
    Title: meta.title,
    ...(meta.author ? { Author: meta.author } : {}),
    ...(meta.subject ? { Subject: meta.subject } : {}),
    ...(meta.keywords.length > 0 ? { Keywords: meta.keywords.join('; ') } : {}),
    Creator: meta.creator,
    Producer: meta.producer,
    CreationDate: meta.created,
    ModDate: meta.modified,
  };
}

/**
 * Replace pdfkit's XMP writer for this document with the escaping one. pdfkit
 * calls `_addInfo` once at `end()`, after the profile code appended its pdfaid.
 */
export function installXmp(doc: PDFKit.PDFDocument, meta: PdfMetadata): void {
  const target = doc as unknown as { _addInfo: () => void; appendXML: (xml: string) => void };
  if (typeof target._addInfo !== 'function' || typeof target.appendXML !== 'function') {
    throw new Error('pdfkit internals changed: cannot install the escaped XMP writer');
  }
  target._addInfo = () => target.appendXML(xmpDescriptions(meta));
}

export type PdfDocument = InstanceType<typeof PDFDocument>;
