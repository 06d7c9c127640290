/**
 * Shaping (fontkit's OpenType layout) is the largest cost of a PDF. pdfkit
 * shapes word by word and caches the runs in each document's font object, so
 * every document of a batch shaped its words again. Fonts are loaded once per
 * process, so the cache is kept here, per font, for the whole process: each
 * document's pdfkit font looks its words up in the shared one.
 *
 * The cached runs are read-only once made: pdfkit scales a run's positions in
 * place only when it creates it (in `layoutRun`), and its line drawing copies
 * a position before changing it (justification). The advance width is stored
 * rather than summed again at every lookup, as fontkit's getter would.
 */
import type * as fontkit from 'fontkit';

interface Run {
  glyphs: fontkit.Glyph[];
  positions: { xAdvance: number }[];
  advanceWidth: number;
}

/** pdfkit's per-document font object, as far as this module reaches into it. */
interface PdfkitFont {
  font?: unknown;
  layoutRun?: (text: string, features?: unknown) => Run;
  layoutCached?: (text: string) => Run;
  __sharedRuns?: true;
}

/** Words per font before the cache starts over: bounds memory in long batches (about 0.5 kB a word). */
const LIMIT = 50_000;

const caches = new WeakMap<object, Map<string, Run>>();

/** Point the document's current pdfkit font at the process-wide runs of its fontkit font. */
export function shareLayout(current: unknown): void {
  const font = current as PdfkitFont;
  if (font.__sharedRuns || typeof font.layoutRun !== 'function' || !font.font || typeof font.font !== 'object') return;
  let cache = caches.get(font.font);
  if (!cache) {
    cache = new Map();
    caches.set(font.font, cache);
  }
  const runs = cache;
  const layoutRun = font.layoutRun.bind(font);
  font.layoutCached = (text: string): Run => {
    let run = runs.get(text);
    if (!run) {
      const made = layoutRun(text);
      run = { glyphs: made.glyphs, positions: made.positions, advanceWidth: made.advanceWidth };
      if (runs.size >= LIMIT) runs.clear();
      runs.set(text, run);
    }
    return run;
  };
  font.__sharedRuns = true;
}
