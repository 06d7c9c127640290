/**
 * Subsetting a TrueType font decodes every included glyph's outline, in every
 * document, only to learn whether it is a composite. The glyph objects are
 * cached by the shared font, so their decoded data is kept on them: each
 * glyph is decoded once per process. fontkit only reads the decoded data (no
 * variation fonts are involved here), so sharing it is safe.
 */
import type * as fontkit from 'fontkit';

interface DecodableGlyph {
  _decode?: () => unknown;
  __decodeMemo?: true;
}

export function memoizeGlyphDecode(font: fontkit.Font): void {
  if ((font as unknown as { _variationProcessor?: unknown })._variationProcessor) return;
  const target = font as unknown as { getGlyph: (id: number, codePoints?: number[]) => DecodableGlyph };
  const getGlyph = target.getGlyph.bind(font);
  target.getGlyph = (id: number, codePoints?: number[]) => {
    const glyph = getGlyph(id, codePoints);
    const decode = glyph._decode;
    if (!glyph.__decodeMemo && typeof decode === 'function') {
      let decoded: unknown;
      let done = false;
      glyph._decode = () => {
        if (!done) {
          decoded = decode.call(glyph);
          done = true;
        }
        return decoded;
      };
      glyph.__decodeMemo = true;
    }
    return glyph;
  };
}
