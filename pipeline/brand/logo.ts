/**
 * The logo a release's brand names, read for its renderers. A build calls
 * `prepareBrand` once per document, after extraction: it applies the
 * project's brand under the release's own, then reads the logo that applies.
 *
 * A front-matter logo is untrusted, like a Markdown image, and goes through
 * the same gate (media/resolve.ts): relative to the source, inside the
 * input folder both as written and after symbolic links are followed, never
 * a URL. The config's logo is the operator's and is read where it says.
 * PNG and JPEG are read through the media module's per-process cache (a
 * batch reads a shared logo once per worker); SVG, which the media module
 * does not embed, is read here with the same limits and its own cache.
 *
 * A logo that cannot be used is a diagnostic at the front matter's value
 * (the rules Markdown images use) and the handout is built without a logo:
 * never with the project's logo instead, which could be the wrong one for a
 * co-branded release.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { VFile } from 'vfile';
import { report, type RuleId } from '../diagnostics.js';
import { imageCache, type FileStamp, type ImageCache } from '../media/image.js';
import { locateImage } from '../media/resolve.js';
import type { ImageDependency } from '../media/release-images.js';
import type { Release } from '../release.js';
import { applyBrand, type BrandSettings } from './apply.js';
import { LOGO_MAX_BYTES, sniffLogo } from './logo-file.js';
import type { LogoImage } from './logo-image.js';
import { svgSize } from './svg.js';

/** A logo file's limits: small (it is in every handout), and no more pixels than a poster. */
export const LOGO_LIMITS = { maxBytes: LOGO_MAX_BYTES, maxPixels: 16_000_000 } as const;

export interface BrandOptions {
  /** The project's brand (handout.config.json), if any. */
  settings?: BrandSettings;
  /** The source's absolute path (default: the file's path against its cwd); a front-matter logo resolves against its folder. */
  source?: string;
  /** The input folder the source was found in: a front-matter logo must stay inside it (default: the source's folder). */
  root?: string;
  cache?: ImageCache;
}

export interface PreparedBrand {
  /** The logo to draw, when the brand names one and it could be read. */
  logo?: LogoImage;
  /** The logo file a front-matter brand names, for the incremental build (null fields: missing or refused). */
  dependency?: ImageDependency;
}

type Outcome = { ok: true; logo: LogoImage; stamp: FileStamp } | { ok: false; rule: RuleId; message: string; stamp: FileStamp | null };

const svgCache = new Map<string, { identity: string; outcome: Promise<Outcome> }>();

/** A refusal; `info` when the file exists, so that the incremental build notices when it changes. */
function fail(rule: RuleId, message: string, info?: { size: number; mtimeMs: number }): Outcome {
  return { ok: false, rule, message, stamp: info ? { size: info.size, mtimeMs: info.mtimeMs, sha256: null } : null };
}

/** The first bytes of a file, to tell an SVG from a raster image before reading it whole. */
function head(path: string): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(4096);
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function readSvg(path: string): Promise<Outcome> {
  const info = statSync(path);
  const identity = `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
  const cached = svgCache.get(path);
  if (cached?.identity === identity) return cached.outcome;
  const outcome = (async (): Promise<Outcome> => {
    if (info.size > LOGO_LIMITS.maxBytes) return fail('image-too-large', `the file is ${Math.ceil(info.size / 1024)} KB; a logo may be at most ${LOGO_LIMITS.maxBytes / 1024} KB`, info);
    const data = readFileSync(path);
    let size;
    try {
      size = await svgSize(data);
    } catch (error) {
      return fail('unsupported-image', `the SVG cannot be read (${(error as Error).message})`, info);
    }
    const sha256 = createHash('sha256').update(data).digest('hex');
    return { ok: true, logo: { type: 'image/svg+xml', data, ...size, sha256 }, stamp: { size: data.byteLength, mtimeMs: info.mtimeMs, sha256 } };
  })();
  svgCache.set(path, { identity, outcome });
  return outcome;
}

/** Read and check the logo file at `path` (already allowed). */
async function readLogo(path: string, cache: ImageCache): Promise<Outcome> {
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail('missing-image', code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : `the file cannot be read (${code ?? (error as Error).message})`);
  }
  // A FIFO or device would block or never end.
  if (!info.isFile()) return fail('unsupported-image', 'not a regular file', info);
  const start = head(path);
  if (start === undefined) return fail('missing-image', 'the file cannot be read', info);
  const kind = sniffLogo(start);
  if (kind === 'svg') return readSvg(path);
  if (!kind) return fail('unsupported-image', 'the file is not a PNG, JPEG or SVG image (its bytes say so, whatever its name)', info);
  const result = cache.read(path, LOGO_LIMITS);
  if (!result.ok) {
    const rule = result.problem.kind === 'missing' ? 'missing-image' : result.problem.kind === 'too-large' ? 'image-too-large' : 'unsupported-image';
    return { ok: false, rule, message: result.problem.message, stamp: result.problem.stamp ?? null };
  }
  const { image } = result;
  const logo: LogoImage = { type: image.format === 'png' ? 'image/png' : 'image/jpeg', data: image.bytes, width: image.width, height: image.height, sha256: image.sha256, ...(image.components ? { components: image.components } : {}) };
  return { ok: true, logo, stamp: { size: image.size, mtimeMs: image.mtimeMs, sha256: image.sha256 } };
}

/**
 * Apply the project's brand to `release` (its own front matter wins, field
 * by field) and read the logo that applies. Diagnostics go on `file`, at the
 * front matter's logo value when it is the release's.
 */
export async function prepareBrand(release: Release, file: VFile, options: BrandOptions = {}): Promise<PreparedBrand> {
  applyBrand(release, options.settings);
  const written = release.brand?.logo;
  if (!written) return {};
  const source = release.sources['brand.logo'];
  const at = source?.position;
  const cache = options.cache ?? imageCache;
  if (source?.origin === 'config') {
    // The operator's file, checked when the config was read; it may have gone since.
    const path = options.settings?.logoPath;
    if (!path) return {};
    const outcome = await readLogo(path, cache);
    if (!outcome.ok) {
      report(file, outcome.rule, `Logo "${written}" (from the config) not used: ${outcome.message}; the handout is built without a logo`);
      return {};
    }
    return { logo: outcome.logo };
  }
  const from = options.source ? dirname(resolve(options.source)) : file.path ? dirname(resolve(file.cwd, file.path)) : resolve(file.cwd);
  const location = locateImage(written, { from, root: options.root ? resolve(options.root) : from });
  if (location.kind === 'remote') {
    report(file, 'unsupported-image', `Logo "${written}" not used: it is a URL, and handout fetches nothing; give the path of a PNG, JPEG or SVG file beside the release`, at);
    return {};
  }
  if (location.kind === 'refused') {
    report(file, location.rule, `Logo not used: ${location.message.replace(/^The image/u, 'the logo')}; the handout is built without a logo`, at);
    return {};
  }
  const path = relative(from, location.path).split(sep).join('/');
  const outcome = await readLogo(location.path, cache);
  if (!outcome.ok) {
    report(file, outcome.rule, `Logo "${written}" not used: ${outcome.message}; the handout is built without a logo`, at);
    return { dependency: { path, stamp: outcome.stamp } };
  }
  return { logo: outcome.logo, dependency: { path, stamp: outcome.stamp } };
}
