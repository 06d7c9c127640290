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
 *
 * Words a document brings that the cache lacks are shaped together
 * (`prefetchWords`): each fontkit call sets up a shaping plan (script, features,
 * lookups) before it touches a glyph, so one call per paragraph and script
 * instead of one per word saves that setup; the per-glyph GSUB/GPOS work
 * (about 2 µs a character) stays.
 */
import type * as fontkit from 'fontkit';

export interface Run {
  glyphs: fontkit.Glyph[];
  positions: Position[];
  advanceWidth: number;
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth?: number;
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

function cacheOf(font: object): Map<string, Run> {
  let cache = caches.get(font);
  if (!cache) {
    cache = new Map();
    caches.set(font, cache);
  }
  return cache;
}

function remember(runs: Map<string, Run>, text: string, run: Run): Run {
  const kept = { glyphs: run.glyphs, positions: run.positions, advanceWidth: run.advanceWidth };
  if (runs.size >= LIMIT) runs.clear();
  runs.set(text, kept);
  return kept;
}

/** Point the document's current pdfkit font at the process-wide runs of its fontkit font. */
export function shareLayout(current: unknown): void {
  const font = current as PdfkitFont;
  if (font.__sharedRuns || typeof font.layoutRun !== 'function' || !font.font || typeof font.font !== 'object') return;
  const runs = cacheOf(font.font);
  const layoutRun = font.layoutRun.bind(font);
  font.layoutCached = (text: string): Run => runs.get(text) ?? remember(runs, text, layoutRun(text));
  font.__sharedRuns = true;
}

/**
 * Scripts whose words shape alike alone and side by side: simple left-to-right
 * alphabets (fontkit's default shaper), each with the characters common to all
 * scripts (digits, punctuation) and combining marks. A word is batched only
 * with words of its own script, so fontkit picks the same script tag for the
 * batch as for the word alone; words of other scripts, or mixing two, are
 * shaped one by one as before.
 */
const GROUPS: readonly [string, RegExp][] = [
  ['common', /^[\p{Script=Common}\p{Script=Inherited}]+$/u],
  ['latin', /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+$/u],
  ['greek', /^[\p{Script=Greek}\p{Script=Common}\p{Script=Inherited}]+$/u],
  ['cyrillic', /^[\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]+$/u],
];

/**
 * Between two batched words: a noncharacter, which no font maps, so it becomes
 * .notdef, which no ligature, kerning pair or contextual rule names: the words
 * on either side shape as they would alone. The batch is split at these
 * glyphs; a word that itself holds one makes the split fail, and the batch is
 * then shaped word by word.
 */
const SEPARATOR = '\uffff';
const SEPARATOR_CODE = 0xffff;

/** Words per fontkit call: enough to spread the plan's setup, few enough to keep its arrays small. */
const BATCH = 200;

/**
 * Shape, in as few fontkit calls as the scripts allow, the words of `keys`
 * that `font`'s shared cache lacks, and cache them as pdfkit's `layoutRun`
 * would have (positions in 1000ths of an em, with each glyph's own advance).
 * `keys` are what pdfkit will ask for: text split after each space or tab.
 */
export function prefetchWords(font: fontkit.Font, keys: Iterable<string>): void {
  const runs = cacheOf(font);
  const groups = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const key of keys) {
    if (key.length === 0 || runs.has(key) || seen.has(key)) continue;
    seen.add(key);
    const group = GROUPS.find(([, pattern]) => pattern.test(key))?.[0];
    if (group === undefined) continue;
    let words = groups.get(group);
    if (!words) groups.set(group, (words = []));
    words.push(key);
  }
  const scale = 1000 / font.unitsPerEm;
  for (const words of groups.values()) {
    for (let i = 0; i < words.length; i += BATCH) shapeTogether(font, scale, words.slice(i, i + BATCH), runs);
  }
}

function shapeTogether(font: fontkit.Font, scale: number, words: readonly string[], runs: Map<string, Run>): void {
  if (words.length < 2) return;
  const run = font.layout(words.join(SEPARATOR)) as unknown as { glyphs: fontkit.Glyph[]; positions: Position[] };
  const pieces: Run[] = [];
  let start = 0;
  const cut = (end: number): void => {
    const glyphs = run.glyphs.slice(start, end);
    const positions = run.positions.slice(start, end);
    let advanceWidth = 0;
    for (let j = 0; j < positions.length; j++) {
      const p = positions[j]!;
      p.xAdvance *= scale;
      p.yAdvance *= scale;
      p.xOffset *= scale;
      p.yOffset *= scale;
      p.advanceWidth = glyphs[j]!.advanceWidth * scale;
      advanceWidth += p.xAdvance;
    }
    pieces.push({ glyphs, positions, advanceWidth });
  };
  for (let i = 0; i < run.glyphs.length; i++) {
    const glyph = run.glyphs[i]!;
    if (glyph.id === 0 && glyph.codePoints.length === 1 && glyph.codePoints[0] === SEPARATOR_CODE) {
      cut(i);
      start = i + 1;
    }
  }
  cut(run.glyphs.length);
  // A separator inside a word, or one a font did map after all: the split does not line up, so cache nothing.
  if (pieces.length !== words.length) return;
  for (let i = 0; i < words.length; i++) remember(runs, words[i]!, pieces[i]!);
}

/**
 * The keys pdfkit will look up for `text` in a paragraph: the line breaker's
 * pieces (split after spaces and soft hyphens) when it measures, and when it
 * draws, whole words without their soft hyphens, with their space (ragged
 * lines) or without it (justified lines, drawn word by word).
 */
export function wordKeys(text: string, justified: boolean): string[] {
  const keys: string[] = [];
  for (const word of text.split(/(?<=[ \t])|\n/u)) {
    if (word.length === 0) continue;
    keys.push(...word.split(/(?<=\u00ad)/u));
    const bare = word.replace(/[\u00ad\u200b]/gu, '');
    keys.push(justified ? bare.trimEnd() : bare);
  }
  return keys;
}
