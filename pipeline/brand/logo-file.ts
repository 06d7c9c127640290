/**
 * The config's logo file, checked when the config is read: it must exist, be
 * a regular file no larger than LOGO_MAX_BYTES, and be a PNG, JPEG or SVG by
 * its bytes. The config is the operator's, so its path is not confined to the
 * input folder (a release's front-matter logo is: see logo.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { looksLikeSvg } from './svg.js';

/** A logo is embedded in every handout (twice in the HTML page: the letterhead and the JSON-LD), so it must stay small. */
export const LOGO_MAX_BYTES = 1024 * 1024;

export type LogoKind = 'png' | 'jpeg' | 'svg';

/** What a logo file is, by its bytes; undefined for anything else. */
export function sniffLogo(bytes: Uint8Array): LogoKind | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return looksLikeSvg(bytes) ? 'svg' : undefined;
}

/** Check the file; returns its sha256 (hex), or throws an Error whose message says what is wrong. */
export function checkLogoFile(path: string): string {
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `"${path}" does not exist` : `cannot read "${path}" (${code ?? (error as Error).message})`, { cause: error });
  }
  if (!info.isFile()) throw new Error(`"${path}" is not a regular file`);
  if (info.size > LOGO_MAX_BYTES) throw new Error(`"${path}" is ${Math.ceil(info.size / 1024)} KB; a logo may be at most ${LOGO_MAX_BYTES / 1024} KB`);
  const bytes = readFileSync(path);
  if (!sniffLogo(bytes)) throw new Error(`"${path}" is not a PNG, JPEG or SVG file`);
  return createHash('sha256').update(bytes).digest('hex');
}
