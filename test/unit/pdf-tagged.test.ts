/**
 * The PDF's logical side, read back through pdfjs-dist: the structure tree,
 * artifacts, /Lang, associated files, hyphenation, widows and orphans, page
 * size by locale, and byte-identical builds in every profile.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { renderPdf, type PdfOptions } from '../../pipeline/render/pdf/index.js';
import { canHyphenate, hyphenate } from '../../pipeline/render/pdf/hyphenate.js';
import { pageSizeFor } from '../../pipeline/render/pdf/page-size.js';
import { PROFILES, type PdfProfile } from '../../pipeline/render/pdf/profiles.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { contentIds, documentElement, readPdf, readTagged, type StructTreeNode, type TaggedPage } from '../support/pdf.js';
import { seedPath } from '../support/paths.js';

const templates = loadTemplates();
const seedSource = readFileSync(seedPath, 'utf8');

async function pdfOf(source: string, options: PdfOptions = {}, name = 'release.md') {
  const file = sourceFile(source, name);
  const release = extractRelease(file)!;
  const bytes = await renderPdf(release, file, templates, { sourceDateEpoch: 1_700_000_000, ...options });
  return { file, release, bytes };
}

const MARKDOWN = `---
title: Acme opens a plant in Portland
type: Press Release
issuer: Acme Communications
date: 2026-03-03
location: Portland, Oregon
---

Acme today opened its new plant, read the [announcement](https://example.com/plant).

## What it makes

- Widgets for schools
- Gadgets for hospitals

> "We are proud of Portland," said the chief executive.

公司今天在波特蘭開設了新工廠，為當地創造了數百個就業機會。

Contact: press@example.com
`;

function kids(node: StructTreeNode): StructTreeNode[] {
  return node.children.filter((c): c is StructTreeNode => 'role' in c);
}

function find(node: StructTreeNode, role: string): StructTreeNode[] {
  return [...(node.role === role ? [node] : []), ...kids(node).flatMap((k) => find(k, role))];
}

test('the structure tree follows the Markdown: H1, P, H2, L/LI/Lbl/LBody, BlockQuote, Link with alt text', async () => {
  const { bytes } = await pdfOf(MARKDOWN);
  const { pages } = await readTagged(bytes);
  assert.equal(pages.length, 1);
  const doc = documentElement(pages[0]!.tree);
  assert.ok(doc, 'a Document element at the root');
  const top = kids(doc).map((k) => k.role);
  // Letterhead lines, the headline, the dateline, then the body's blocks in order, then the contact and end mark.
  const body = top.indexOf('H1');
  assert.ok(body >= 0, top.join(' '));
  assert.deepEqual(top.slice(top.indexOf('H2') - 1, top.indexOf('H2') + 5), ['P', 'H2', 'L', 'BlockQuote', 'P', 'P'], top.join(' '));
  const [list] = find(doc, 'L');
  assert.equal(kids(list!).length, 2);
  for (const li of kids(list!)) assert.deepEqual(kids(li).map((k) => k.role), ['Lbl', 'LBody']);
  assert.deepEqual(kids(kids(kids(list!)[0]!)[1]!).map((k) => k.role), ['P']);
  const [link] = find(doc, 'Link');
  assert.equal(link?.alt, 'announcement (https://example.com/plant)');
  // pdfjs leaves object references out of its tree: the Link's annotation (OBJR) is checked in the file itself.
  const raw = Buffer.from(bytes).toString('latin1');
  assert.match(raw, /\/Type \/OBJR/u);
  assert.match(raw, /\/Subtype \/Link[^]*?\/StructParent \d+|\/StructParent \d+[^]*?\/Subtype \/Link/u);
  assert.deepEqual(kids(find(doc, 'BlockQuote')[0]!).map((k) => k.role), ['P']);
});

test('a paragraph in another script carries its own /Lang', async () => {
  const { bytes } = await pdfOf(MARKDOWN);
  const doc = documentElement((await readTagged(bytes)).pages[0]!.tree)!;
  const langs = find(doc, 'P').map((p) => p.lang).filter(Boolean);
  assert.deepEqual(langs, ['zh-Hant']);
});

test('page furniture is an artifact; every other piece of text is content of a structure element', async () => {
  const source = `${seedSource}\n${'Another paragraph that adds length to the release so that it runs onto a second page. '.repeat(40)}\n`;
  const { bytes } = await pdfOf(source, {}, 'release.txt');
  const { pages } = await readTagged(bytes);
  assert.ok(pages.length >= 2);
  pages.forEach((page, i) => {
    const artifacts = (page.text.get('artifact') ?? []).map((t) => t.str).join(' ');
    assert.match(artifacts, new RegExp(`Page ${i + 1} of ${pages.length}`, 'u'));
    assert.match(artifacts, /Office of the Spokesperson/u);
    if (i > 0) assert.match(artifacts, /The Third U\.S\.-Japan Cyber Dialogue/u, 'running header');
    assert.equal(page.text.get('untagged'), undefined, 'no text outside marked content');
    const tagged = new Set(contentIds(documentElement(page.tree)!));
    for (const key of page.text.keys()) if (key !== 'artifact') assert.ok(tagged.has(key), `${key} is in the structure tree`);
    assert.ok(![...page.text.entries()].some(([key, items]) => key !== 'artifact' && items.some((t) => /Page \d+ of/u.test(t.str))));
  });
});

test('page size follows the locale: Letter for en(-US), A4 for es, pt and zh-Hant; the option wins', async () => {
  assert.equal(pageSizeFor('en'), 'LETTER');
  assert.equal(pageSizeFor('en-US'), 'LETTER');
  assert.equal(pageSizeFor('en-GB'), 'A4');
  assert.equal(pageSizeFor('es'), 'A4');
  assert.equal(pageSizeFor('es-MX'), 'LETTER');
  assert.equal(pageSizeFor('pt'), 'A4');
  assert.equal(pageSizeFor('zh-Hant'), 'A4');
  assert.equal(pageSizeFor('not a tag'), 'A4');
  const size = async (source: string, options: PdfOptions = {}): Promise<[number, number]> => {
    const page = (await readTagged((await pdfOf(source, options)).bytes)).pages[0]!;
    return [Math.round(page.width), Math.round(page.height)];
  };
  assert.deepEqual(await size(seedSource), [612, 792]);
  const spanish = '---\ntitle: Comunicado\nlanguage: es\ndate: 2026-03-03\n---\n\nEl Departamento de Estado anuncia hoy una nueva iniciativa.\n';
  assert.deepEqual(await size(spanish), [595, 842]);
  assert.deepEqual(await size(seedSource, { pageSize: 'A4' }), [595, 842]);
});

test('justified text is hyphenated by the language patterns; soft hyphens and break marks never reach the text', async () => {
  assert.equal(hyphenate('international cooperation', 'en'), 'in\u00adter\u00adna\u00adtional co\u00adop\u00ader\u00ada\u00adtion');
  assert.equal(hyphenate('cooperación internacional', 'es'), 'coope\u00adra\u00adción in\u00adter\u00adna\u00adcio\u00adnal');
  // Names in capitals, numbers and URLs are never hyphenated; URLs get break opportunities at their separators.
  assert.equal(hyphenate('NATO 2026', 'en'), 'NATO 2026');
  assert.equal(hyphenate('https://example.com/a/b', 'en'), 'https://\u200bexample.\u200bcom/\u200ba/\u200bb');
  assert.equal(canHyphenate('zh-Hant'), false);
  assert.equal(canHyphenate('pt'), true);

  const words = 'Representatives of international organizations discussed intergovernmental cooperation, infrastructure, telecommunications and responsibilities.';
  const { bytes } = await pdfOf(`---\ntitle: Hyphenation\ndate: 2026-03-03\n---\n\n${`${words} `.repeat(12)}\n\nSee https://www.example.com/a/very/long/path/that/cannot/fit/on/one/line/of/the/handout/without/breaking/somewhere/index.html for details.\n`);
  const pdf = await readPdf(bytes);
  const text = pdf.text.join('\n');
  assert.doesNotMatch(text, /[\u00ad\u200b]/u);
  const hyphenated = text.split('\n').filter((line) => /\p{L}-$/u.test(line.trim()));
  assert.ok(hyphenated.length >= 3, `lines ending in a hyphenation hyphen: ${hyphenated.length}`);
  // Joined at the hyphens, the words come back whole.
  assert.ok(text.replace(/-\n/gu, '').replace(/\s+/gu, ' ').includes(words.replace(/-/gu, '')));
  // The long URL wraps inside the text block rather than running off the page.
  const { pages } = await readTagged(bytes);
  for (const items of pages[0]!.text.values()) for (const t of items) assert.ok(t.x + t.width <= 612 - 72 + 1, `"${t.str}" overflows the right margin`);
});

test('justified lines end exactly at the right margin, kerned pairs or not', async () => {
  // Pairs that kern ("AV", "To", "Ty", "LT", "Yo") at the ends of words: measured with the line's spaces
  // removed, they kerned across words drawn apart, and lines overshot the margin by up to half a point.
  const words = 'Representatives of international organizations discussed intergovernmental cooperation, AVATAR To Ty LT Yo Wave Avoid “Quoted” Fly. ';
  const { bytes } = await pdfOf(`---\ntitle: Justified\ndate: 2026-03-03\n---\n\n${words.repeat(8)}\n`);
  const { pages } = await readTagged(bytes);
  const rightEdges = new Map<number, number>();
  for (const [id, items] of pages[0]!.text) {
    if (id === 'artifact') continue;
    for (const t of items) rightEdges.set(Math.round(t.y * 10), Math.max(rightEdges.get(Math.round(t.y * 10)) ?? 0, t.x + t.width));
  }
  const full = [...rightEdges.values()].filter((right) => right > 500);
  assert.ok(full.length >= 10, `full lines: ${full.length}`);
  for (const right of full) assert.ok(Math.abs(right - (612 - 72)) < 0.01, `a justified line ends at ${right}, not at 540`);
});

/** Lines per structure element per page: a paragraph split across pages shows as a part on each. */
function linesPerElement(page: TaggedPage): number[] {
  const doc = documentElement(page.tree)!;
  return find(doc, 'P').map((p) => new Set(contentIds(p).flatMap((id) => (page.text.get(id) ?? []).map((t) => Math.round(t.y)))).size);
}

test('no widows or orphans: a paragraph leaves at least two lines on each page it touches', async () => {
  // Five-line paragraphs after an opening of varied length, so that page ends fall at every point of a paragraph.
  for (const opening of [1, 2, 3, 4, 5]) {
    const paragraph = 'The delegation will discuss cooperation on trade, energy and security, and will meet officials of both governments in the capital. '.repeat(3).trim();
    const lead = 'Short opening line. '.repeat(opening * 4).trim();
    const { bytes } = await pdfOf(`---\ntitle: Widows and orphans\ndate: 2026-03-03\n---\n\n${lead}\n\n${Array.from({ length: 14 }, () => paragraph).join('\n\n')}\n`);
    const { pages } = await readTagged(bytes);
    assert.ok(pages.length >= 2);
    pages.forEach((page, i) => {
      const counts = linesPerElement(page);
      // The body paragraphs are the ones with three or more lines in all; any part with one line would be a widow or an orphan.
      const first = counts[i === 0 ? 0 : 0]!;
      const last = counts[counts.length - 1]!;
      if (i > 0) assert.notEqual(first, 1, `opening ${opening}: page ${i + 1} starts with a widow (${counts.join(',')})`);
      if (i < pages.length - 1) assert.notEqual(last, 1, `opening ${opening}: page ${i + 1} ends with an orphan (${counts.join(',')})`);
    });
  }
});

test('pdfa-3b carries the source and the JSON record as attachments', async () => {
  const { bytes, release } = await pdfOf(MARKDOWN, { profile: 'pdfa-3b' });
  const { attachments } = await readTagged(bytes);
  assert.ok(attachments);
  assert.deepEqual(Object.keys(attachments).sort(), ['release.json', 'release.md']);
  assert.equal(Buffer.from(attachments['release.md']!.content).toString('utf8'), MARKDOWN);
  const record = JSON.parse(Buffer.from(attachments['release.json']!.content).toString('utf8')) as { title: string };
  assert.equal(record.title, release.title);
  const raw = Buffer.from(bytes).toString('latin1');
  assert.match(raw, /\/AFRelationship \/Source/u);
  assert.match(raw, /\/AFRelationship \/Data/u);
  assert.equal(attachments['release.md']!.description, 'The press release as it was written: the source of this document');
  // Described in the release's language.
  const spanish = await pdfOf('---\ntitle: Festival\nlanguage: es\n---\n\nEl festival abrió el martes por la noche en el puerto, dijo el ayuntamiento.\n', { profile: 'pdfa-3b' });
  const described = (await readTagged(spanish.bytes)).attachments!;
  assert.equal(described['release.md']!.description, 'El comunicado tal como se escribió: la fuente de este documento');
  assert.equal(described['release.json']!.description, 'Los datos del comunicado extraídos de la fuente (JSON de handout)');
  // Other profiles carry nothing: PDF/A-2 forbids non-PDF/A attachments.
  assert.equal((await readTagged((await pdfOf(MARKDOWN, { profile: 'pdfa-2a' })).bytes)).attachments, null);
});

test('pdfua claims PDF/UA-1 and PDF/A-2a, with the pdfuaid schema described for PDF/A', async () => {
  const { pdf } = { pdf: await readPdf((await pdfOf(MARKDOWN, { profile: 'pdfua' })).bytes) };
  assert.equal(XMLValidator.validate(pdf.xmp!), true);
  assert.match(pdf.xmp!, /<pdfuaid:part>1<\/pdfuaid:part>/u);
  assert.match(pdf.xmp!, /<pdfaSchema:prefix>pdfuaid<\/pdfaSchema:prefix>/u);
  assert.match(pdf.xmp!, /<pdfaid:part>2<\/pdfaid:part>/u);
  assert.match(pdf.xmp!, /<pdfaid:conformance>A<\/pdfaid:conformance>/u);
  const raw = Buffer.from((await pdfOf(MARKDOWN, { profile: 'pdfua' })).bytes).toString('latin1');
  assert.match(raw, /\/DisplayDocTitle true/u);
  assert.match(raw, /\/Lang \(en\)/u);
  assert.match(raw, /\/Tabs \/S/u);
});

test('every profile builds byte-identical files from the same input and SOURCE_DATE_EPOCH', async () => {
  for (const profile of Object.keys(PROFILES) as PdfProfile[]) {
    const a = await pdfOf(MARKDOWN, { profile });
    const b = await pdfOf(MARKDOWN, { profile });
    assert.ok(Buffer.from(a.bytes).equals(Buffer.from(b.bytes)), `${profile} differs between two builds`);
  }
});

test('a run of bold or fallback-font text that crosses a page keeps its font (no .notdef glyphs)', async () => {
  // pdfkit re-applied the default face on each new page, so the rest of such a run was drawn as .notdef.
  const long = `**${'Bold words that run over the end of the page and keep running. '.repeat(90)}**`;
  const { bytes } = await pdfOf(`---\ntitle: Runs across pages\ndate: 2026-03-03\n---\n\n${long}\n`);
  const { pages } = await readTagged(bytes);
  assert.ok(pages.length >= 2);
  for (const page of pages) assert.equal(page.notdef, 0);
  const text = (await readPdf(bytes)).text.join(' ').replace(/-\s+/gu, '').replace(/\s+/gu, ' ');
  assert.equal((text.match(/keep running\./gu) ?? []).length, 90);
});

test('a glyph first met as part of a composite keeps its Unicode mapping for later documents', async () => {
  // fontkit caches glyphs with the code points of their first request; subsetting "ç" asks for its "c" with none.
  const { readFileSync: read } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const fontkit = await import('fontkit');
  const { shareGlyphs } = await import('../../pipeline/render/pdf/shared-glyphs.js');
  const font = fontkit.create(read(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'))) as import('fontkit').Font;
  shareGlyphs(font);
  const id = font.glyphForCodePoint(0x63).id;
  const fresh = fontkit.create(read(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'))) as import('fontkit').Font;
  shareGlyphs(fresh);
  fresh.getGlyph(id); // as the subsetter does for a composite's component
  assert.deepEqual(fresh.glyphForCodePoint(0x63).codePoints, [0x63]);
  assert.deepEqual(fresh.layout('cat').glyphs[0]!.codePoints, [0x63]);
});
