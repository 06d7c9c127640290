/**
 * fontkit caches each glyph object by id with the code points of its first
 * request. Subsetting asks for the parts of a composite glyph (the "c" inside
 * "ç") with no code points at all, so when a document's subset is encoded
 * before a later document first lays out a plain "c", that later document's
 * "c" has no Unicode mapping and reads back as a control character. Fonts are
 * shared by every document of a batch, so this hit any multi-document build.
 * A later request that knows the glyph's code points fills them in.
 */
import type * as fontkit from 'fontkit';

export function keepGlyphCodePoints(font: fontkit.Font): void {
  const target = font as unknown as { getGlyph: (id: number, codePoints?: number[]) => { codePoints: number[] } };
  const getGlyph = target.getGlyph.bind(font);
  target.getGlyph = (id: number, codePoints: number[] = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = codePoints;
    return glyph;
  };
}
