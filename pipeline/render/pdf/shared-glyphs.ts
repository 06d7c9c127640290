/**
 * Glyph objects are cached by the font, and the font is shared by every
 * document of a batch, so two things about them are settled here, in one
 * wrapper around fontkit's `getGlyph`:
 *
 * - Code points. fontkit keeps the code points of a glyph's first request.
 *   Subsetting asks for the parts of a composite glyph (the "c" inside "ç")
 *   with none, so a later document's "c" had no Unicode mapping and read back
 *   as a control character. A later request that knows them fills them in.
 * - Decoded outlines. Subsetting decodes every included glyph in every
 *   document only to learn whether it is a composite; the decoded data is kept
 *   on the glyph. fontkit only reads it (no variation fonts here), so sharing
 *   it is safe.
 */
import type * as fontkit from 'fontkit';

interface SharedGlyph {
  codePoints: number[];
  _decode?: () => unknown;
  __shared?: true;
}

export function shareGlyphs(font: fontkit.Font): void {
  const target = font as unknown as { getGlyph: (id: number, codePoints?: number[]) => SharedGlyph; _variationProcessor?: unknown };
  const getGlyph = target.getGlyph.bind(font);
  const memoizeDecode = !target._variationProcessor;
  target.getGlyph = (id: number, codePoints: number[] = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = codePoints;
    const decode = glyph._decode;
    if (memoizeDecode && !glyph.__shared && typeof decode === 'function') {
      let decoded: unknown;
      let done = false;
      glyph._decode = () => {
        if (!done) {
          decoded = decode.call(glyph);
          done = true;
        }
        return decoded;
      };
    }
    glyph.__shared = true;
    return glyph;
  };
}
