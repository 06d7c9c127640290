/** The PDF read back through pdfjs-dist: text, fonts, metadata, determinism. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { toString } from 'mdast-util-to-string';
import { XMLValidator } from 'fast-xml-parser';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { renderPdf } from '../../pipeline/render/pdf/index.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { flat, readPdf } from '../support/pdf.js';
import { seedPath } from '../support/paths.js';

const templates = loadTemplates();
const seedSource = readFileSync(seedPath, 'utf8');

async function build(source: string, options: Parameters<typeof renderPdf>[3] = {}) {
  const file = sourceFile(source, 'release.txt');
  const release = extractRelease(file)!;
  const bytes = await renderPdf(release, file, templates, options);
  return { file, release, bytes, pdf: await readPdf(bytes) };
}

test('every body paragraph comes back from the PDF, in order', async () => {
  const { release, pdf } = await build(seedSource);
  // A line may break after a hyphen ("wide-" / "ranging"): compare with hyphens and breaks removed.
  const dehyphen = (t: string): string => flat(t).replace(/-\s*/gu, '');
  const text = dehyphen(pdf.text.join(' '));
  let from = 0;
  for (const node of release.body.children) {
    const paragraph = dehyphen(toString(node));
    for (const word of paragraph.split(' ')) {
      const at = text.indexOf(word, from);
      assert.ok(at >= 0, `"${word}" of "${paragraph.slice(0, 40)}…" not found after offset ${from}`);
      from = at;
    }
  }
  const plain = flat(pdf.text.join(' '));
  assert.ok(plain.includes('The Third U.S.-Japan Cyber Dialogue'));
  assert.ok(plain.includes('please contact the Office of the Coordinator for Cyber Issues at'));
  assert.match(plain, /Page 1 of \d/u);
});

test('every font is embedded (no standard-14 fonts)', async () => {
  const { pdf, bytes } = await build(seedSource);
  assert.ok(pdf.fonts.length >= 3, `fonts used: ${JSON.stringify(pdf.fonts)}`);
  for (const font of pdf.fonts) {
    assert.equal(font.embedded, true, `${font.name} is not embedded`);
    assert.match(font.name, /^[A-Z]{6}\+DejaVu/u);
  }
  const raw = Buffer.from(bytes).toString('latin1');
  assert.doesNotMatch(raw, /\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/u);
});

test('tagged PDF/A-2a by default: XMP carries pdfaid and agrees with Info', async () => {
  const { pdf } = await build(seedSource);
  assert.ok(pdf.xmp);
  assert.equal(XMLValidator.validate(pdf.xmp!), true);
  assert.match(pdf.xmp!, /<pdfaid:part>2<\/pdfaid:part>/u);
  assert.match(pdf.xmp!, /<pdfaid:conformance>A<\/pdfaid:conformance>/u);
  assert.match(pdf.xmp!, /<dc:title><rdf:Alt><rdf:li xml:lang="x-default">The Third U\.S\.-Japan Cyber Dialogue<\/rdf:li>/u);
  assert.match(pdf.xmp!, /<xmp:CreateDate>2015-07-17T00:00:00Z<\/xmp:CreateDate>/u);
  assert.equal(pdf.info['Title'], 'The Third U.S.-Japan Cyber Dialogue');
  assert.equal(pdf.info['Author'], 'Office of the Spokesperson');
  assert.equal(pdf.info['Language'], 'en');
  // Keywords: the record's labels, then the people, organisations and places the body names.
  assert.match(String(pdf.info['Keywords']), /^Media Note; Office of the Spokesperson; Washington, DC; Christopher Painter; /u);
  assert.match(pdf.xmp!, /<rdf:li>Christopher Painter<\/rdf:li>/u);
  assert.equal(pdf.info['PDFFormatVersion'], '1.7');
});

test('pdfa-1b writes PDF 1.4 and pdfaid part 1', async () => {
  const { pdf } = await build(seedSource, { profile: 'pdfa-1b' });
  assert.equal(pdf.info['PDFFormatVersion'], '1.4');
  assert.match(pdf.xmp!, /<pdfaid:part>1<\/pdfaid:part>/u);
});

test('two builds are byte-identical (dates from the release; SOURCE_DATE_EPOCH wins)', async () => {
  const a = await build(seedSource);
  const b = await build(seedSource);
  assert.ok(Buffer.from(a.bytes).equals(Buffer.from(b.bytes)));
  const c = await build(seedSource, { sourceDateEpoch: 1_700_000_000 });
  const d = await build(seedSource, { sourceDateEpoch: 1_700_000_000 });
  assert.ok(Buffer.from(c.bytes).equals(Buffer.from(d.bytes)));
  assert.ok(!Buffer.from(a.bytes).equals(Buffer.from(c.bytes)));
  assert.match(c.pdf.xmp!, /<xmp:CreateDate>2023-11-14T22:13:20Z<\/xmp:CreateDate>/u);
});

test('a hostile title is escaped in XMP and kept intact in Info and text', async () => {
  const title = 'Acme & Co <Widget> "2.0" \'quoted\' ]]> *not emphasis* # not heading';
  const { pdf } = await build(`${title.replace(/\*/gu, '\\*')}\n\nPress Release\nOffice of Acme\nPortland\nMarch 3, 2026\n\nAcme & Co ships the widget today, and it is a very good widget indeed.\n`);
  assert.equal(XMLValidator.validate(pdf.xmp!), true, 'XMP is well-formed XML');
  assert.ok(pdf.xmp!.includes('Acme &amp; Co &lt;Widget&gt; &quot;2.0&quot; &apos;quoted&apos; ]]&gt; *not emphasis* # not heading'));
  assert.equal(pdf.info['Title'], title);
  // Markdown syntax in the title is printed, not interpreted by the layout stage.
  assert.ok(flat(pdf.text.join(' ')).includes('*not emphasis* # not heading'));
});

test('a character no font has is reported with its source position, not drawn as .notdef', async () => {
  const { file, pdf } = await build('Test release\n\nMarch 3, 2026\n\nThis paragraph has an Egyptian hieroglyph \u{13000} in it, for testing.\n', { fonts: { systemFonts: false } });
  const missing = file.messages.filter((m) => m.ruleId === 'missing-glyph');
  assert.equal(missing.length, 1);
  assert.equal(missing[0]?.line, 5);
  assert.equal(missing[0]?.column, 43);
  assert.ok(flat(pdf.text.join(' ')).includes('hieroglyph \ufffd in it'));
});
