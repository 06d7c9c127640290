/**
 * A brand's accent colour, made readable. Brand colours are chosen for logos,
 * not for text: a pale yellow or a light blue on white fails WCAG's 4.5:1 for
 * text. The colour itself is used as given where nothing needs reading (rules
 * and borders); where it colours text (links, the type label, the embargo
 * line), it is darkened on a light background, or lightened on a dark one,
 * just enough to reach 4.5:1, so it keeps its hue.
 *
 * Ratios are WCAG 2.1's (relative luminance of sRGB).
 */

export type Rgb = [number, number, number];

/** WCAG 2.1 AA for normal text. */
export const TEXT_CONTRAST = 4.5;

/** The default template's paper in its light and dark schemes (style.css `--paper`). */
export const LIGHT_PAPER = '#ffffff';
export const DARK_PAPER = '#15161a';

export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/iu.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t].map(Math.round) as Rgb;
}

/**
 * `color` as text on `background`: itself when it already reaches `min`, else
 * mixed toward black (on a light background) or white (on a dark one) by the
 * smallest step, in 1% steps, that reaches it. Black and white always do.
 */
export function readableOn(color: string, background: string, min = TEXT_CONTRAST): string {
  const fg = parseHex(color);
  const bg = parseHex(background);
  if (contrast(fg, bg) >= min) return toHex(fg);
  const target: Rgb = luminance(bg) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 1; step <= 100; step++) {
    const candidate = mix(fg, target, step / 100);
    if (contrast(candidate, bg) >= min) return toHex(candidate);
  }
  return toHex(target);
}
