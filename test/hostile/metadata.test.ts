/**
 * PDF metadata for any title: the XMP packet stays well-formed XML (parsed with
 * fast-xml-parser) and the Info dictionary reads back (pdfjs-dist) as the
 * record's title, for hostile fixed titles and for generated ones.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { renderPdf } from '../../pipeline/render/pdf/index.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { readPdf } from '../support/pdf.js';

const templates = loadTemplates();

async function metadataOf(title: string): Promise<{ recorded: string | null; info: unknown; xmpTitle: unknown }> {
  const file = sourceFile(`---\ntitle: ${JSON.stringify(title)}\n---\n\nPORTLAND, Ore., March 3, 2026 — Acme today shipped.\n`, 'meta.md');
  const release = extractRelease(file);
  assert.ok(release, file.messages.map(String).join('\n'));
  const pdf = await readPdf(await renderPdf(release, file, templates, { sourceDateEpoch: 1_700_000_000 }));
  assert.ok(pdf.xmp, 'no XMP packet');
  const valid = XMLValidator.validate(pdf.xmp);
  assert.equal(valid, true, `XMP is not well-formed for ${JSON.stringify(title)}: ${JSON.stringify(valid)}`);
  const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(pdf.xmp) as Record<string, unknown>;
  const descriptions = ((parsed['x:xmpmeta'] as Record<string, Record<string, unknown>>)['rdf:RDF']!['rdf:Description'] as Record<string, unknown>[]);
  const dc = descriptions.find((d) => 'dc:title' in d) as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
  const li = dc['dc:title']!['rdf:Alt']!['rdf:li']!;
  return { recorded: release.title, info: pdf.info['Title'], xmpTitle: li['#text'] ?? '' };
}

const HOSTILE = [
  'Acme & Sons <b>"Widget"</b> \'2.0\'',
  ']]><!-- --><?xpacket end="w"?><x:xmpmeta>',
  '<!DOCTYPE x [<!ENTITY a "lol">]>&a;',
  'Null\u0000 Bell\u0007 Esc\u001b[31m',
  'Over\u202eride and \u2066isolate\u2069',
  'Emoji \u{1f600} astral \u{1d400} \u{20000}',
  'Non-characters \ufffe \uffff end',
  'Lone \ud800 surrogate',
  'A'.repeat(2000),
  '\\) \\( ( ) \\ unbalanced ( parens',
];

test('metadata: XMP is well-formed and Info and XMP agree for hostile titles', async () => {
  for (const title of HOSTILE) {
    const { recorded, info, xmpTitle } = await metadataOf(title);
    assert.ok(recorded, title);
    // XML cannot carry controls, non-characters or lone surrogates: the XMP drops them, nothing else.
    const xmlSafe = recorded.replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '');
    assert.equal(String(xmpTitle), xmlSafe, title);
    if (!/[\ud800-\udfff]/u.test(recorded.replace(/[\u{10000}-\u{10ffff}]/gu, ''))) assert.equal(info, recorded, title);
  }
});

test('metadata: generated titles of any Unicode keep the XMP well-formed', async () => {
  const title = fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).filter((t) => t.trim() !== '');
  await fc.assert(
    fc.asyncProperty(title, async (t) => {
      await metadataOf(t);
    }),
    { numRuns: Number(process.env['FUZZ_RUNS'] ?? 15), seed: 7, endOnFailure: true, includeErrorInReport: true },
  );
});
