/**
 * Wire copy: 72 columns by display width on the whole corpus, lists and quotes
 * laid out, --text-ascii (transliteration, placeholders with a warning and a
 * position), and CRLF line ends.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { test } from 'node:test';
import { extractRelease, sourceFile } from '../../pipeline/document.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { renderText } from '../../pipeline/render/text/index.js';
import { toAscii } from '../../pipeline/render/text/ascii.js';
import { stringWidth } from '../../pipeline/render/wrap.js';
import { corpusFiles } from '../support/corpus.js';
import { seedPath } from '../support/paths.js';

const templates = loadTemplates();

/** A line may pass the width only as one unbreakable token (after its indent or quote/list marker). */
function overlong(text: string, width: number): string[] {
  return text.split('\n').filter((line) => stringWidth(line) > width && /\S\s+\S/u.test(line.replace(/^(?:\s*(?:>|-|\d+\.)?\s*)*/u, '')));
}

test('every corpus release wraps at 72 columns by display width, in Unicode and in ASCII', () => {
  for (const path of corpusFiles()) {
    const release = extractRelease(sourceFile(readFileSync(path, 'utf8'), basename(path)))!;
    for (const ascii of [false, true]) {
      const text = renderText(release, templates, { ascii });
      assert.deepEqual(overlong(text, 72), [], `${basename(path)}${ascii ? ' (ascii)' : ''}`);
      if (ascii) assert.match(text, /^[\x09\x0a\x0d\x20-\x7e]*$/u, `${basename(path)} is ASCII`);
    }
  }
});

const MARKDOWN = `---
title: Lists, quotes and long things
date: 2026-03-03
---

Opening paragraph with a link to https://example.com/a/very/long/path/that/cannot/be/broken/anywhere/at/all/index.html in it.

- A first item whose text is long enough to wrap onto a second line under the bullet, indented.
- Second item
  - nested item that is also long enough to need wrapping when printed at seventy-two columns

1. Numbered item that runs past the width and must hang under its own text, not under the number.
2. Two

> A quotation long enough to wrap: every continuation line keeps the quote marker so readers see where it ends.

\`\`\`
a preformatted line that is much wider than seventy-two columns and must be folded rather than overflow
\`\`\`
`;

test('lists hang under their text, quotes keep their marker, a URL stands alone, code folds', () => {
  const text = renderText(extractRelease(sourceFile(MARKDOWN, 'lists.md'))!, templates);
  const lines = text.split('\n');
  assert.deepEqual(overlong(text, 72), []);
  assert.ok(lines.includes('https://example.com/a/very/long/path/that/cannot/be/broken/anywhere/at/all/index.html'), 'the URL on its own line');
  const item = lines.findIndex((l) => l.startsWith('- A first item'));
  assert.match(lines[item + 1]!, /^ {2}\S/u, 'bullet continuation hangs two spaces in');
  assert.ok(lines.some((l) => /^ {2}- nested item/u.test(l)));
  const nested = lines.findIndex((l) => /^ {2}- nested item/u.test(l));
  assert.match(lines[nested + 1]!, /^ {4}\S/u);
  const numbered = lines.findIndex((l) => l.startsWith('1. Numbered'));
  assert.match(lines[numbered + 1]!, /^ {3}\S/u, 'numbered continuation hangs under the text');
  const quote = lines.filter((l) => l.startsWith('> '));
  assert.ok(quote.length >= 2, 'the quotation wraps, each line marked');
  const folded = lines.filter((l) => l.startsWith('    a preformatted') || l.endsWith('\\'));
  assert.ok(folded.length >= 1 && lines.every((l) => stringWidth(l) <= 72 || !l.startsWith('    ')));
});

test('ASCII: quotes, dashes, ellipsis, no-break space, bullets and accents are transliterated', () => {
  assert.equal(toAscii('“Quoted” ‘single’ — en – dash… a\u00a0b • Café Zürich ß').text, '"Quoted" \'single\' -- en - dash... a b * Cafe Zurich ss');
  assert.equal(toAscii('e\u0301').text, 'e', 'combining marks fold into their letter');
  assert.equal(toAscii('總統，今天').text, 'Zong Tong, Jin Tian');
});

test('ASCII: a character with no transliteration is a visible placeholder and a warning with its position', () => {
  const source = 'Widget launch\n\nPress Release\nAcme\nMarch 3, 2026\n\nThe logo \uE000 and the “new” mark.\n';
  const file = sourceFile(source, 'pua.txt');
  const release = extractRelease(file)!;
  const text = renderText(release, templates, { ascii: true }, file);
  assert.ok(text.includes('The logo [U+E000] and the "new" mark.'), text);
  const warning = file.messages.find((m) => m.ruleId === 'untransliterable-character');
  assert.ok(warning, 'a warning');
  assert.equal(warning.line, 7);
  assert.equal(warning.column, 10);
  assert.match(warning.reason, /U\+E000/u);
});

test('CRLF: every line ends in CRLF and no bare LF is left', () => {
  const release = extractRelease(sourceFile(readFileSync(seedPath, 'utf8'), 'seed.txt'))!;
  const text = renderText(release, templates, { eol: 'crlf' });
  assert.ok(text.endsWith('\r\n'));
  assert.doesNotMatch(text, /[^\r]\n/u);
  assert.equal(text.replace(/\r\n/gu, '\n'), renderText(release, templates));
});
