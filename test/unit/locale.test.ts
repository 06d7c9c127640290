/**
 * Locales: the templates' fixed words and the dates in the release's
 * language, in HTML, wire text and PDF, on the Spanish and Traditional Chinese
 * corpus releases; per-project overrides from the config file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseConfig } from '../../pipeline/config/index.js';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { UsageError } from '../../pipeline/errors.js';
import { renderHtml } from '../../pipeline/render/html/index.js';
import { fallbackChain, stringsFor, STRING_KEYS, CATALOGUE } from '../../pipeline/render/locale/strings.js';
import { formatInstant } from '../../pipeline/render/locale/instant.js';
import { dateTimeFormat } from '../../pipeline/render/locale/date-format.js';
import { formatDate } from '../../pipeline/render/view.js';
import { renderPdf } from '../../pipeline/render/pdf/index.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { renderText } from '../../pipeline/render/text/index.js';
import { renderFormat } from '../../pipeline/render/index.js';
import { renderFeed } from '../../pipeline/pressroom/feed.js';
import { entries } from '../support/index-page.js';
import type { StringOverrides } from '../../pipeline/render/locale/strings.js';
import { corpusRaw } from '../support/corpus.js';
import { flat, readPdf } from '../support/pdf.js';

const templates = loadTemplates();
const labels = JSON.parse(readFileSync(join(corpusRaw, '..', 'labels.json'), 'utf8')) as { file: string; language: string; contact: string | null }[];
// The Spanish release (the corpus's one, with a contact line) and a Traditional Chinese one, found by their labels.
const spanish = labels.find((l) => l.language === 'es')!.file;
const chinese = labels.find((l) => l.language === 'zh-Hant')!.file;

async function renderAll(source: string, name: string, strings?: StringOverrides) {
  const file = sourceFile(source, name);
  const release = extractRelease(file)!;
  const options = strings ? { strings } : {};
  const html = renderHtml(release, templates, options);
  const text = renderText(release, templates, options, file);
  const pdf = await readPdf(await renderPdf(release, file, templates, options));
  return { release, html, text, pdf, pdfText: flat(pdf.text.join(' ')) };
}

const corpus = (name: string): string => readFileSync(join(corpusRaw, name), 'utf8');
/** The corpus text under front matter that states a date (the corpus releases carry none). */
const dated = (name: string, date: string): string => `---\ndate: ${date}\n---\n\n${corpus(name)}`;

test('every locale the issue names has every string', () => {
  for (const tag of ['en', 'es', 'pt', 'fr', 'de', 'ja', 'zh-Hant']) {
    for (const key of STRING_KEYS) assert.ok(CATALOGUE[tag]?.[key], `${tag} lacks ${key}`);
  }
});

test('a language falls back by script, then primary subtag, then English', () => {
  assert.deepEqual(fallbackChain('zh-TW'), ['zh-TW', 'zh-Hant-TW', 'zh-Hant', 'zh', 'en']);
  assert.equal(stringsFor('zh-TW').contact, '聯絡資訊');
  assert.equal(stringsFor('zh').contact, '联系方式');
  assert.equal(stringsFor('es-MX').pageOf, 'Página {n} de {m}');
  assert.equal(stringsFor('pt-BR').contact, 'Contato');
  assert.equal(stringsFor('sw').contact, 'Contact');
  assert.equal(stringsFor('not a tag!').contact, 'Contact');
  // An override for "es" serves "es-MX" too; keys it leaves out keep the catalogue's.
  const over = stringsFor('es-MX', { es: { contact: 'Prensa' } });
  assert.equal(over.contact, 'Prensa');
  assert.equal(over.pageOf, 'Página {n} de {m}');
});

test('the Spanish corpus release: Spanish furniture in HTML, text and PDF', async () => {
  const { release, html, text, pdf, pdfText } = await renderAll(corpus(spanish), spanish);
  assert.equal(release.language, 'es');
  assert.match(html, /<section class="contact" aria-label="Contacto">\n<h2>Contacto<\/h2>/u);
  assert.equal(text.split('\n')[0], 'PARA PUBLICACIÓN INMEDIATA');
  assert.match(text, /^Contacto:$/mu);
  assert.ok(pdfText.includes('Contacto'), 'PDF contact heading');
  assert.ok(pdfText.includes(`Página 1 de ${pdf.pages}`), `PDF footer: ${pdfText.slice(-200)}`);
  assert.ok(!/Page \d of/u.test(pdfText));
});

test('the Spanish corpus release with a date: the date in Spanish everywhere', async () => {
  const { html, text, pdfText } = await renderAll(dated(spanish, '2016-01-15'), 'es.md');
  assert.match(html, /<time datetime="2016-01-15">15 de enero de 2016<\/time>/u);
  assert.ok(text.includes('15 de enero de 2016'));
  assert.ok(pdfText.includes('15 de enero de 2016'));
});

test('a Traditional Chinese corpus release: Chinese furniture and dates, with real glyphs in the PDF', async () => {
  const { release, text, pdf, pdfText } = await renderAll(corpus(chinese), chinese);
  assert.equal(release.language, 'zh-Hant');
  assert.equal(text.split('\n')[0], '即時發布');
  // pdf.js joins CJK text items without spaces where the PDF has none; compare without white space.
  const compact = pdfText.replace(/\s+/gu, '');
  assert.ok(compact.includes(`第1頁，共${pdf.pages}頁`), `PDF footer: ${pdfText.slice(-120)}`);
  assert.ok(!compact.includes('\ufffd'), 'no replacement characters');
  const datedOut = await renderAll(dated(chinese, '2016-01-15'), 'zh.md');
  assert.match(datedOut.html, /<time datetime="2016-01-15">2016年1月15日<\/time>/u);
  assert.ok(datedOut.text.includes('2016年1月15日'));
  assert.ok(datedOut.pdfText.replace(/\s+/gu, '').includes('2016年1月15日'));
});

test('English output keeps its words', async () => {
  const source = readFileSync(join(corpusRaw, labels.find((l) => l.language === 'en' && l.contact)!.file), 'utf8');
  const { html, text, pdfText } = await renderAll(source, 'en.txt');
  assert.match(html, /<h2>Contact<\/h2>/u);
  assert.ok(text.includes('Contact:'));
  assert.match(pdfText, /Page 1 of \d/u);
});

test('project overrides change the words, and stay escaped', async () => {
  const { html, text, pdfText } = await renderAll(corpus(spanish), spanish, { es: { contact: 'Prensa <b>&', pageOf: 'Hoja {n}/{m}' } });
  assert.ok(html.includes('<h2>Prensa &lt;b&gt;&amp;</h2>'));
  assert.ok(text.includes('Prensa <b>&:'));
  assert.ok(pdfText.includes('Prensa <b>&'));
  assert.match(pdfText, /Hoja 1\/\d/u);
});

test('config: strings are checked by locale and key', () => {
  const ok = parseConfig(JSON.stringify({ strings: { 'zh-hant': { contact: '聯絡' } } }), 'handout.config.json');
  assert.deepEqual(ok.values.strings, { 'zh-Hant': { contact: '聯絡' } });
  assert.throws(() => parseConfig(JSON.stringify({ strings: { es: { contacto: 'x' } } }), 'c.json'), (e: unknown) => e instanceof UsageError && /unknown key "contacto"/u.test(e.message));
  assert.throws(() => parseConfig(JSON.stringify({ strings: { 'es_ES!': {} } }), 'c.json'), /not a BCP 47/u);
  assert.throws(() => parseConfig(JSON.stringify({ strings: { es: { contact: 3 } } }), 'c.json'), /must be a string/u);
  assert.throws(() => parseConfig(JSON.stringify({ strings: ['es'] }), 'c.json'), /must be an object/u);
});

test('instants keep the offset they were written with', () => {
  assert.equal(formatInstant('2026-03-03T10:00:00-05:00', 'en'), 'March 3, 2026 at 10:00 AM GMT-5');
  assert.equal(formatInstant('2026-03-03T10:00:00-05:00', 'es'), '3 de marzo de 2026 a las 10:00 GMT-5');
  assert.equal(formatInstant('2026-03-03T10:00:00+05:30', 'en'), 'March 3, 2026 at 10:00 AM GMT+5:30');
  assert.equal(formatInstant('2026-03-03T10:00:00Z', 'de'), '3. März 2026 um 10:00 UTC');
});

test('date formatters are made once per language and options, and a refused tag still falls back to English', () => {
  const long = { dateStyle: 'long', timeZone: 'UTC' } as const;
  assert.equal(dateTimeFormat('de', long), dateTimeFormat('de', { ...long }));
  assert.notEqual(dateTimeFormat('de', long), dateTimeFormat('fr', long));
  assert.throws(() => dateTimeFormat('not a tag!', long), RangeError);
  // Many languages (a hostile batch) evict old formatters; the answers stay the same.
  for (let i = 0; i < 100; i++) dateTimeFormat(`en-x-p${i}`, long);
  assert.equal(formatDate('2026-03-03', 'de'), '3. März 2026');
  assert.equal(formatDate('2026-03-03', 'not a tag!'), 'March 3, 2026');
  assert.equal(formatInstant('2026-03-03T10:00:00Z', 'de'), '3. März 2026 um 10:00 UTC');
});

test('strings are made once per language and overrides table, and a hostile batch of tags does not change the answers', () => {
  const overrides: StringOverrides = { es: { about: 'Acerca de esta nota' } };
  assert.equal(stringsFor('es'), stringsFor('es'));
  assert.equal(stringsFor('es', overrides), stringsFor('es', overrides));
  assert.notEqual(stringsFor('es'), stringsFor('es', overrides));
  assert.equal(stringsFor('es-MX', overrides).about, 'Acerca de esta nota');
  assert.equal(stringsFor('es-MX').about, CATALOGUE['es']!.about);
  assert.ok(Object.isFrozen(stringsFor('fr')));
  for (let i = 0; i < 100; i++) stringsFor(`en-x-p${i}`, overrides);
  assert.equal(stringsFor('es', overrides).about, 'Acerca de esta nota');
  assert.equal(stringsFor('zh-TW').about, CATALOGUE['zh-Hant']!.about);
});

/** A release in `language` with a figure, a remote image and one with no alt text; no image is read, so HTML and PDF show placeholders. */
const withImages = (language: string, alt: string, caption: string): string =>
  `---\ntitle: Festival\nlanguage: ${language}\ndate: 2026-03-03\n---\n\nThe festival opened on Tuesday evening on the waterfront, the council said.\n\n![${alt}](boats.jpg "${caption}")\n\nMore text ![Poster](https://example.com/poster.png) and ![](https://example.com/x.png) here.\n`;

test('images are labelled in the release\'s language: "[Foto: …]" in the wire text, "[Imagen: …]" where HTML and PDF cannot show one', async () => {
  const spanish = await renderAll(withImages('es', 'Barcos en el puerto', 'Noche de estreno'), 'es.md');
  assert.equal(spanish.release.language, 'es');
  assert.match(spanish.text, /^\[Foto: Barcos en el puerto — Noche de estreno\]$/mu);
  assert.match(spanish.text, /^\[Foto: Poster\]$/mu);
  assert.match(spanish.text, /^\[Foto\]$/mu, 'no alt text: the word alone');
  assert.doesNotMatch(spanish.text, /\[Photo/u);
  assert.match(spanish.html, /<span>\[Imagen: Barcos en el puerto\]<\/span>/u);
  assert.match(spanish.html, /<a href="https:\/\/example\.com\/poster\.png">\[Imagen: Poster\]<\/a>/u);
  assert.match(spanish.html, /<a href="https:\/\/example\.com\/x\.png">\[Imagen\]<\/a>/u);
  assert.ok(spanish.pdfText.includes('[Imagen: Barcos en el puerto]'), spanish.pdfText);
  assert.ok(!/\[(Image|Photo)\b/u.test(spanish.html + spanish.pdfText));

  const japanese = await renderAll(withImages('ja', '港の船', '初日の夜'), 'ja.md');
  assert.match(japanese.text, /^\[写真: 港の船 — 初日の夜\]$/mu);
  assert.match(japanese.html, /<span>\[画像: 港の船\]<\/span>/u);
  assert.ok(japanese.pdfText.replace(/\s+/gu, '').includes('[画像:港の船]'), japanese.pdfText);
  // English keeps its words; a project's override changes them, and stays escaped in HTML.
  const english = await renderAll(withImages('en', 'Boats', 'Opening night'), 'en.md');
  assert.match(english.text, /^\[Photo: Boats — Opening night\]$/mu);
  assert.match(english.html, /<span>\[Image: Boats\]<\/span>/u);
  const over = await renderAll(withImages('en', 'Boats', 'Opening night'), 'en.md', { en: { photo: 'Picture <1>', image: 'Pic & <2>' } });
  assert.match(over.text, /^\[Picture <1>: Boats — Opening night\]$/mu);
  assert.ok(over.html.includes('<span>[Pic &#x26; &#x3C;2>: Boats]</span>'), 'escaped as text by the HTML serializer');
});

test('every catalogued language has its own word for a photo, an image and a press office', () => {
  const expected: Record<string, [string, string, string]> = {
    en: ['Photo', 'Image', 'Press office'],
    es: ['Foto', 'Imagen', 'Oficina de prensa'],
    pt: ['Foto', 'Imagem', 'Assessoria de imprensa'],
    fr: ['Photo', 'Image', 'Service de presse'],
    de: ['Foto', 'Bild', 'Pressestelle'],
    ja: ['写真', '画像', '広報担当'],
    'zh-Hant': ['照片', '圖片', '新聞室'],
    'zh-Hans': ['照片', '图片', '新闻办公室'],
  };
  assert.deepEqual(Object.keys(expected).sort(), Object.keys(CATALOGUE).sort());
  for (const [tag, [photo, image, office]] of Object.entries(expected)) {
    assert.deepEqual([CATALOGUE[tag]!.photo, CATALOGUE[tag]!.image, CATALOGUE[tag]!.pressOffice], [photo, image, office], tag);
  }
  for (const [tag, table] of Object.entries(CATALOGUE)) for (const key of STRING_KEYS) assert.ok(table[key], `${tag} lacks ${key}`);
});

test('an email from nobody named is from the press office in the release\'s language', async () => {
  const file = sourceFile('---\ntitle: Festival\nlanguage: de\n---\n\nDas Festival beginnt am Dienstag am Hafen, teilte die Stadt mit.\n', 'de.md');
  const release = extractRelease(file)!;
  assert.equal(release.issuer ?? release.organization ?? null, null);
  const rendered = { html: Buffer.from('<!DOCTYPE html><title>x</title>'), pdf: Buffer.from('%PDF-1.7 x') };
  const eml = Buffer.from(await renderFormat('eml', release, file, templates, {}, rendered)).toString('utf8');
  assert.match(eml, /^From: Pressestelle <press@invalid>$/mu);
});

test('an untitled release is untitled in its own language in the feed, as on the index page', () => {
  const [entry] = entries(1);
  const untitled = { ...entry!, summary: { ...entry!.summary, title: null, language: 'fr' } };
  // The feed carries the entries it has a body for.
  const bodies = new Map([[untitled.summary.stem, '<p>x</p>']]);
  const feed = renderFeed([untitled], bodies, { title: 'Press releases', generator: { name: 'handout', version: '0' }, fallbackUpdated: new Date(0) });
  assert.match(feed, /<title>Communiqué sans titre<\/title>/u);
  const over = renderFeed([untitled], bodies, { title: 'x', generator: { name: 'handout', version: '0' }, fallbackUpdated: new Date(0), strings: { fr: { untitled: 'Sans titre & <x>' } } });
  assert.match(over, /<title>Sans titre &amp; &lt;x&gt;<\/title>/u);
});
