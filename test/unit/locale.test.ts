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
