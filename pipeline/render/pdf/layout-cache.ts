/**
 * Shaping (fontkit's OpenType layout) is the largest cost of a PDF, and pdfkit
 * caches it per document only, while the same words recur across a batch.
 * Fonts are loaded once per process, so their layout is memoised here, per
 * font, for calls without explicit features (pdfkit's word-by-word path).
 *
 * pdfkit scales the positions of the run it gets in place, so every call
 * returns fresh position objects over the shared, read-only glyphs.
 */
import type * as fontkit from 'fontkit';

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface Run {
  glyphs: fontkit.Glyph[];
  positions: Position[];
}

const LIMIT = 100_000;

export function memoizeLayout(font: fontkit.Font): void {
  const target = font as unknown as { layout: (text: string, features?: unknown, ...rest: unknown[]) => Run };
  const layout = target.layout.bind(font);
  const cache = new Map<string, Run>();
  target.layout = (text: string, features?: unknown, ...rest: unknown[]): Run => {
    if (features !== undefined || rest.length > 0) return layout(text, features, ...rest);
    let run = cache.get(text);
    if (!run) {
      run = layout(text);
      if (cache.size >= LIMIT) cache.clear();
      cache.set(text, run);
    }
    const positions = run.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth(): number {
        return positions.reduce((width, p) => width + p.xAdvance, 0);
      },
    } as Run;
  };
}
