/**
 * The embedded font files: handout assembles each TrueType subset from bytes
 * (render/pdf/subset.ts). Read back with fontkit, a subset must hold the same
 * glyphs (outlines and advances) as the font, and be a well-formed sfnt:
 * tables sorted and aligned, every checksum right, and the whole-file sum
 * closed by head.checkSumAdjustment.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import * as fontkit from 'fontkit';
import { loadFont } from '../../pipeline/render/pdf/fonts.js';
import { installSubsetEncoder } from '../../pipeline/render/pdf/subset.js';

const require = createRequire(import.meta.url);

interface Subset {
  glyphs: number[];
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}

function sum(bytes: Uint8Array, from: number, length: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (let i = from; i < from + length; i += 4) {
    let word = 0;
    for (let b = 0; b < 4; b++) word = word * 256 + (i + b < from + length ? view.getUint8(i + b) : 0);
    total = (total + word) >>> 0;
  }
  return total;
}

for (const face of ['DejaVuSerif.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf']) {
  test(`a ${face} subset keeps its glyphs and is a well-formed sfnt`, () => {
    const { font } = loadFont(require.resolve(`dejavu-fonts-ttf/ttf/${face}`));
    const subset = font.createSubset() as unknown as Subset;
    // "ç" and "é" are composites in DejaVu: their parts must come along.
    const text = 'Handout — ç é ø ß Ω Ж “quoted” 0123';
    const ids = [...text].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);
    for (const id of ids) subset.includeGlyph(id);
    installSubsetEncoder({ subset });
    const bytes = subset.encode();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

    assert.equal(view.getUint32(0), 0x00010000, 'TrueType version tag');
    const count = view.getUint16(4);
    const tags: string[] = [];
    for (let i = 0; i < count; i++) {
      const at = 12 + 16 * i;
      const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
      const offset = view.getUint32(at + 8);
      const length = view.getUint32(at + 12);
      tags.push(tag);
      assert.equal(offset % 4, 0, `${tag} is 4-byte aligned`);
      const expected = tag === 'head' ? (sum(bytes, offset, length) - view.getUint32(offset + 8)) >>> 0 : sum(bytes, offset, length);
      assert.equal(view.getUint32(at + 4), expected, `${tag} checksum`);
    }
    assert.deepEqual(tags, [...tags].sort(), 'tables sorted by tag');
    for (const tag of ['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep']) assert.ok(tags.includes(tag), tag);
    assert.equal(sum(bytes, 0, bytes.length), 0xb1b0afba, 'checkSumAdjustment closes the file sum');

    const parsed = fontkit.create(Buffer.from(bytes)) as fontkit.Font;
    assert.equal(parsed.numGlyphs, subset.glyphs.length);
    subset.glyphs.forEach((id, gid) => {
      const original = font.getGlyph(id);
      const copy = parsed.getGlyph(gid);
      assert.equal(copy.advanceWidth, original.advanceWidth, `advance of glyph ${id}`);
      assert.equal(copy.path.toSVG(), original.path.toSVG(), `outline of glyph ${id}`);
    });
    // Every character of the text is in the subset, composites included.
    for (const id of ids) assert.ok(subset.glyphs.includes(id));
    assert.ok(subset.glyphs.length > new Set(ids).size, 'composite parts were added');
  });
}
