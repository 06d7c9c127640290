/** Wrapping by display width. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import measure from 'string-width';
import { stringWidth, wrapParagraph, wrapText } from '../../pipeline/render/wrap.js';

test('no line is wider than the width, except a lone unbreakable token', () => {
  const text = 'The quick brown fox jumps over the lazy dog '.repeat(10) + 'https://example.com/a/very/long/url/that/cannot/be/broken/anywhere/at/all/really ok';
  const lines = wrapParagraph(text, { width: 40 });
  for (const line of lines) {
    if (stringWidth(line) > 40) assert.equal(line.includes(' '), false, `overlong line with a space: ${line}`);
  }
  assert.ok(lines.includes('https://example.com/a/very/long/url/that/cannot/be/broken/anywhere/at/all/really'));
});

test('CJK characters count double, and lines break between them', () => {
  const cjk = '總統今天在總統府接見美國跨黨派眾議員訪問團，感謝美國國會長期以來對臺灣的支持。'.repeat(3);
  const lines = wrapParagraph(cjk, { width: 20 });
  for (const line of lines) assert.ok(stringWidth(line) <= 20, `${line} is ${stringWidth(line)} wide`);
  assert.equal(lines.join(''), cjk);
  // Closing punctuation never starts a line.
  for (const line of lines) assert.doesNotMatch(line, /^[，。]/u);
});

test('combining marks take no width', () => {
  const word = 'cafe\u0301';
  assert.equal(stringWidth(word), 4);
  assert.deepEqual(wrapParagraph(`${word} ${word}`, { width: 9 }), [`${word} ${word}`]);
});

test('indents and hanging indents', () => {
  assert.deepEqual(wrapParagraph('one two three four', { width: 10, firstIndent: '- ', indent: '  ' }), ['- one two', '  three', '  four']);
  assert.equal(wrapText('a b\n\nc d', { width: 72 }), 'a b\n\nc d');
});

test('the fast width of Latin text and punctuation agrees with string-width, and other text is measured by it', () => {
  const samples = ['“Don’t,” she said — café, Ñandú, Łódź, naïve… • 10–12%', 'plain ASCII text', '總統府', '。「」、ひらがなカタカナ！', '〪〫', 'ｱｲｳ', 'e\u0301', 'flag 🇺🇸 and 👩‍👩‍👧', 'zero\u200bwidth', 'soft\u00adhyphen', ''];
  for (const s of samples) assert.equal(stringWidth(s), measure(s), s);
});
