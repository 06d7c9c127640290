/**
 * The brand as the PDF typesetter takes it: the accent colour made readable
 * on white, the font families, and the logo's bytes in a form the profile
 * allows (see logoForPdf).
 */
import { FONT_STACKS } from './fields.js';
import { parseHex } from './color.js';
import type { LogoImage } from './logo-image.js';
import { rasterise } from './svg.js';
import { ImageCache, MIME, pdfImageBytes, type LoadedImage } from '../media/index.js';
import type { BrandView } from './view.js';
import type { PdfBrand } from '../render/pdf/typeset.js';

/** An SVG logo is rasterised at this many pixels per point of its drawn height (about 290 dpi: sharp in print). */
const SVG_PIXELS_PER_POINT = 4;

const prepared = new Map<string, Uint8Array>();

/**
 * PNG or JPEG bytes for pdfkit, through the media module as any image: an
 * SVG rasterised first; a PNG rewritten as plain 8-bit RGB with its alpha
 * laid over the white page (so no soft mask: PDF/A-1 forbids transparency);
 * a CMYK JPEG made RGB for PDF/A. Memoised per process by content.
 */
export async function logoForPdf(logo: LogoImage, drawn: { width: number; height: number }, archival: boolean): Promise<Uint8Array> {
  const svg = logo.type === 'image/svg+xml';
  // Fitted along the longer side, so the raster stays small whatever proportions the SVG declares.
  const fit = logo.width >= logo.height ? { mode: 'width' as const, value: Math.ceil(drawn.width * SVG_PIXELS_PER_POINT) } : { mode: 'height' as const, value: Math.ceil(drawn.height * SVG_PIXELS_PER_POINT) };
  const key = `${logo.sha256}:${svg ? `${fit.mode}${fit.value}` : ''}:${archival ? 'archival' : 'plain'}`;
  const hit = prepared.get(key);
  if (hit) return hit;
  const bytes = svg ? await rasterise(logo.data, fit, logo.sha256) : logo.data;
  const format = svg || logo.type === 'image/png' ? 'png' : 'jpeg';
  // Not read from a file of its own (an SVG's raster), or already held by the caller: no cache entry to attach to.
  const image: LoadedImage = { path: '', bytes, format, mime: MIME[format], width: logo.width, height: logo.height, sha256: logo.sha256, size: bytes.byteLength, mtimeMs: 0, ...(!svg && logo.components ? { components: logo.components } : {}) };
  const result = pdfImageBytes(image, { archival }, new ImageCache(0));
  prepared.set(key, result);
  return result;
}

/** `onLogoProblem` hears why a logo could not be made ready for the PDF; the PDF is then made without it. */
export async function pdfBrandOf(brand: BrandView, logo: LogoImage | undefined, archival: boolean, onLogoProblem: (message: string) => void = () => {}): Promise<PdfBrand> {
  const result: PdfBrand = {};
  if (brand.accent) result.accent = parseHex(brand.accent.light);
  if (brand.fonts.body) result.body = FONT_STACKS[brand.fonts.body].pdf;
  if (brand.fonts.headings) result.headings = FONT_STACKS[brand.fonts.headings].pdf;
  if (brand.logo && logo) {
    try {
      result.logo = { image: await logoForPdf(logo, brand.logo, archival), width: brand.logo.width, height: brand.logo.height, alt: brand.logo.alt };
    } catch (error) {
      onLogoProblem((error as Error).message);
    }
  }
  return result;
}
