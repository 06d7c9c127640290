/**
 * Batched shaping (render/pdf/layout-cache.ts): words shaped together in one
 * fontkit call, split at separators, must be exactly what shaping each word
 * alone gives — same glyphs, same positions, same width — or the PDF's text
 * would change with whatever else its batch held.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import * as fontkit from 'fontkit';
import { prefetchWords, shareLayout, wordKeys, type Run } from '../../pipeline/render/pdf/layout-cache.js';
import { packageRoot } from '../../pipeline/package-root.js';

const require = createRequire(import.meta.url);
const corpus = join(packageRoot, '..', 'shared', 'corpus', 'raw');

/** Every 7th distinct word of the corpus, with and without its space, and the line breaker's soft-hyphen pieces. */
function vocabulary(): string[] {
  const words = new Set<string>();
  let files: string[] = [];
  try {
    files = readdirSync(corpus).filter((f) => /\.(txt|md)$/u.test(f));
  } catch {
    // Without the corpus beside the checkout, the hand-made words below still run.
  }
  for (const f of files) for (const w of readFileSync(join(corpus, f), 'utf8').split(/\s+/u)) if (w) words.add(w);
  const sample = [...words].sort().filter((_, i) => i % 7 === 0);
  const made = [
    'AVATAR', 'To', 'Ty', 'LT', 'Yo', 'P.', 'r,', 'office', 'affluent', 'flow', 'fjord', '“quoted”', '‘single’', "l'État",
    'Tė', 'e\u0301te\u0301', 'Ωμέγα', 'Жёлтый', 'Україна', '2026-03-03', '$1,200.50', '(AP)', '—', '…', '@ECA_AS.', 'https://example.com/a/b?c=d',
    'hy\u00adphen\u00adation', 'Привет\u00adствие', 'Ünïcödé', 'ǅemal', 'ﬁne', 'Aβ', 'x\uffffy', '',
  ];
  const keys: string[] = [];
  for (const w of [...sample, ...made]) keys.push(...wordKeys(`${w} `, false), ...wordKeys(w, true));
  return keys;
}

/** pdfkit's layoutRun, on a font object of its own: a word shaped alone. */
function alone(font: fontkit.Font, text: string): Run {
  const run = font.layout(text) as unknown as { glyphs: fontkit.Glyph[]; positions: Record<string, number>[] };
  const scale = 1000 / font.unitsPerEm;
  run.positions.forEach((p, i) => {
    for (const key of Object.keys(p)) p[key]! *= scale;
    p.advanceWidth = run.glyphs[i]!.advanceWidth * scale;
  });
  let advanceWidth = 0;
  for (const p of run.positions) advanceWidth += p.xAdvance!;
  return { glyphs: run.glyphs, positions: run.positions as unknown as Run['positions'], advanceWidth };
}

const plain = (run: Run) => ({
  glyphs: run.glyphs.map((g) => g.id),
  positions: run.positions.map((p) => ({ ...p })),
  advanceWidth: run.advanceWidth,
});

for (const face of ['DejaVuSerif.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif-Italic.ttf']) {
  test(`${face}: words shaped together equal words shaped alone`, () => {
    const bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${face}`));
    const batched = fontkit.create(bytes) as fontkit.Font;
    const reference = fontkit.create(bytes) as fontkit.Font;
    const keys = vocabulary();
    prefetchWords(batched, keys);
    // A pdfkit font whose own shaping only counts: every word found in the shared cache was batched.
    const missed: string[] = [];
    const pdfkitFont = {
      font: batched,
      layoutRun: (text: string): Run => {
        missed.push(text);
        return alone(reference, text);
      },
      layoutCached: undefined as unknown as (text: string) => Run,
    };
    shareLayout(pdfkitFont);
    let compared = 0;
    for (const key of new Set(keys)) {
      if (key.length === 0) continue;
      assert.deepEqual(plain(pdfkitFont.layoutCached(key)), plain(alone(reference, key)), `"${key}"`);
      compared++;
    }
    assert.ok(compared > 200, `compared ${compared} words`);
    // Only the words that cannot be batched were shaped one by one: mixed scripts, and a word holding the separator.
    assert.ok(missed.includes('Aβ') && missed.includes('x\uffffy'), `missed: ${missed.join(' | ')}`);
    const batchable = /^(?:[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+|[\p{Script=Greek}\p{Script=Common}\p{Script=Inherited}]+|[\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]+)$/u;
    const unexpected = missed.filter((w) => batchable.test(w) && !w.includes('\uffff'));
    assert.deepEqual(unexpected, [], 'words of one alphabet were shaped alone');
  });
}

test('the keys of a paragraph are the line breaker\'s pieces and the words pdfkit draws', () => {
  assert.deepEqual(wordKeys('Hy\u00adphen the end', false), ['Hy\u00ad', 'phen ', 'Hyphen ', 'the ', 'the ', 'end', 'end']);
  assert.deepEqual(wordKeys('Hy\u00adphen the end', true), ['Hy\u00ad', 'phen ', 'Hyphen', 'the ', 'the', 'end', 'end']);
  assert.deepEqual(wordKeys('one\ntwo', true), ['one', 'one', 'two', 'two']);
});
