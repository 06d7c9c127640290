/**
 * SVG logos, through resvg (npm @resvg/resvg-wasm: the resvg renderer
 * compiled to WebAssembly, so no native binary is installed).
 *
 * The HTML page embeds an SVG logo as it is, in an <img> data: URI, where a
 * browser runs none of its scripts and fetches nothing. The PDF gets it
 * rasterised to a PNG instead of drawn as vectors: a PNG goes through the
 * same checked path as any PNG logo (an image XObject, transparency flattened
 * where PDF/A-1 forbids it), whereas vector drawing from SVG (svg-to-pdfkit,
 * unmaintained since 2020) would bring its own SVG parser, opacity groups
 * PDF/A-1 forbids, and text in fonts that are not embedded. resvg runs no
 * script and reads no file or URL (the WebAssembly build has no file system,
 * and images the SVG links to are never resolved); text is set in the DejaVu
 * faces the PDF embeds anyway.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

const require = createRequire(import.meta.url);
const DEJAVU = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

let ready: Promise<void> | undefined;
let fonts: Uint8Array[] | undefined;

/** Compile the WebAssembly module once per process (about 30 ms), when the first SVG logo needs it. */
function init(): Promise<void> {
  ready ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return ready;
}

function fontOptions(): { fontBuffers: Uint8Array[]; defaultFontFamily: string; sansSerifFamily: string; serifFamily: string; monospaceFamily: string } {
  fonts ??= ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif.ttf', 'DejaVuSansMono.ttf'].map((f) => readFileSync(join(DEJAVU, f)));
  return { fontBuffers: fonts, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans', serifFamily: 'DejaVu Serif', monospaceFamily: 'DejaVu Sans Mono' };
}

// An XML declaration, comments and a DOCTYPE without an internal subset (no entity
// definitions, so no entity expansion) may come before the <svg> root element.
const SVG_START = /^\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*>)\s*)*<svg[\s>/]/iu;

/** Whether the bytes are an SVG document (by its start, not its name). */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8');
  return SVG_START.test(head);
}

/** The most elongated logo accepted, either way. */
export const MAX_ASPECT = 100;

/** The SVG's intrinsic size in CSS px (its width/height, else its viewBox); throws when resvg cannot read it. */
export async function svgSize(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  await init();
  const svg = new Resvg(bytes, { font: { fontBuffers: [] } });
  try {
    const { width, height } = svg;
    if (!(width > 0 && height > 0)) throw new Error('the SVG has no size (width, height or viewBox)');
    // A logo is never a hair-thin line; such proportions would also make a raster of zero or of millions of pixels.
    if (Math.max(width / height, height / width) > MAX_ASPECT) throw new Error(`the SVG is ${Math.round(width)} × ${Math.round(height)}, proportions beyond ${MAX_ASPECT}:1`);
    return { width, height };
  } finally {
    svg.free();
  }
}

const rasters = new Map<string, Promise<Uint8Array>>();

/**
 * The SVG as a PNG, `fit.value` pixels along its longer side (`fit.mode`),
 * the other following its aspect ratio, on a transparent background: fitting
 * the longer side keeps the raster within value × value however extreme the
 * proportions an SVG declares. Memoised by `key` (the file's sha256) and size,
 * so a batch's logo is rasterised once per process.
 */
export function rasterise(bytes: Uint8Array, fit: { mode: 'width' | 'height'; value: number }, key: string): Promise<Uint8Array> {
  const id = `${key}@${fit.mode}:${fit.value}`;
  let png = rasters.get(id);
  if (!png) {
    png = init().then(() => {
      const svg = new Resvg(bytes, { fitTo: fit, font: fontOptions() });
      try {
        const image = svg.render();
        try {
          return image.asPng();
        } finally {
          image.free();
        }
      } finally {
        svg.free();
      }
    });
    rasters.set(id, png);
  }
  return png;
}
