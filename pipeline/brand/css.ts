/**
 * The brand's CSS custom properties for the HTML page. Built only from
 * checked values (a `#rrggbb` colour and the colours derived from it, font
 * stacks from a fixed table), never from free text, so it can go into the
 * page's <style> as it is. style.css reads them with fallbacks, so a page
 * without a brand looks as before; its print rules still win, as they set
 * `--accent`, which this never does.
 */
import { FONT_STACKS } from './fields.js';
import type { BrandView } from './view.js';

export function brandCss(brand: BrandView): string {
  const properties: string[] = [];
  if (brand.accent) {
    properties.push(`--brand: ${brand.accent.color}`, `--brand-text: ${brand.accent.light}`, `--brand-text-dark: ${brand.accent.dark}`);
  }
  if (brand.fonts.body) properties.push(`--font-body: ${FONT_STACKS[brand.fonts.body].css}`);
  if (brand.fonts.headings) properties.push(`--font-headings: ${FONT_STACKS[brand.fonts.headings].css}`);
  return properties.length > 0 ? `:root { ${properties.join('; ')}; }\n` : '';
}
