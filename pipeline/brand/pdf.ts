/**
 * The brand as the PDF typesetter takes it: the accent colour made readable
 * on white, the font families, and the logo's bytes in a form the profile
 * allows (see logoForPdf).
 */
import { FONT_STACKS } from './fields.js';
import { parseHex } from './color.js';
import type { LogoImage } from './logo-image.js';
import { rasterise } from './svg.js';
import type { BrandView } from './view.js';
import type { PdfBrand } from '../render/pdf/typeset.js';

/** An SVG logo is rasterised at this many pixels per point of its drawn height (about 290 dpi: sharp in print). */
const SVG_PIXELS_PER_POINT = 4;

/** PNG or JPEG bytes for pdfkit: an SVG rasterised first. `archival`: the profile claims PDF/A. */
export async function logoForPdf(logo: LogoImage, drawnHeight: number, archival: boolean): Promise<Uint8Array> {
  const bytes = logo.type === 'image/svg+xml' ? await rasterise(logo.data, Math.ceil(drawnHeight * SVG_PIXELS_PER_POINT), logo.sha256) : logo.data;
  void archival;
  return bytes;
}

export async function pdfBrandOf(brand: BrandView, logo: LogoImage | undefined, archival: boolean): Promise<PdfBrand> {
  const result: PdfBrand = {};
  if (brand.accent) result.accent = parseHex(brand.accent.light);
  if (brand.fonts.body) result.body = FONT_STACKS[brand.fonts.body].pdf;
  if (brand.fonts.headings) result.headings = FONT_STACKS[brand.fonts.headings].pdf;
  if (brand.logo && logo) {
    result.logo = { image: await logoForPdf(logo, brand.logo.height, archival), width: brand.logo.width, height: brand.logo.height, alt: brand.logo.alt };
  }
  return result;
}
