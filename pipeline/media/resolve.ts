/**
 * Where an image reference written in an untrusted source may point. A
 * relative path resolves against the source's folder and must stay inside the
 * build's input folder, lexically and after symbolic links are followed: no
 * `../../etc/passwd`, no absolute path, no `file:` URL, no link out of the
 * folder. Remote URLs are never fetched; they are reported as remote and the
 * renderers link to them instead.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export type ImageLocation =
  /** An absolute path inside the input folder (it may not exist: reading it says so). */
  | { kind: 'local'; path: string }
  /** http(s) or protocol-relative: never fetched. */
  | { kind: 'remote'; url: string }
  | { kind: 'refused'; rule: 'image-outside-input' | 'unsupported-image' | 'missing-image'; message: string };

export interface LocateOptions {
  /** The folder of the source that names the image. */
  from: string;
  /** The input folder the build was given: nothing outside it is read. */
  root: string;
}

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

function realpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** The path part of a URL as written: no query or fragment, percent-escapes decoded. */
function pathOf(src: string): string {
  const bare = src.replace(/[?#].*$/su, '');
  try {
    return decodeURIComponent(bare);
  } catch {
    // A stray "%" is part of the name.
    return bare;
  }
}

export function locateImage(src: string, options: LocateOptions): ImageLocation {
  const written = src.trim();
  if (written === '') return { kind: 'refused', rule: 'missing-image', message: 'The image has no path' };
  if (/^https?:\/\//iu.test(written) || written.startsWith('//')) return { kind: 'remote', url: written };
  const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(written)?.[1]?.toLowerCase();
  if (scheme === 'file') return { kind: 'refused', rule: 'image-outside-input', message: `The image "${written}" is a file: URL; only paths relative to the release, inside the input folder, are embedded` };
  if (scheme) return { kind: 'refused', rule: 'unsupported-image', message: `The image "${written}" is a ${scheme}: URL; only PNG and JPEG files beside the release are embedded` };
  const path = pathOf(written);
  if (path.includes('\0')) return { kind: 'refused', rule: 'unsupported-image', message: `The image path "${written}" contains a NUL character` };
  if (isAbsolute(path)) return { kind: 'refused', rule: 'image-outside-input', message: `The image "${written}" is an absolute path; write it relative to the release, inside the input folder` };
  const root = resolve(options.root);
  const target = resolve(options.from, path);
  if (!inside(root, target)) return { kind: 'refused', rule: 'image-outside-input', message: `The image "${written}" is outside the input folder; only images inside it are embedded` };
  // A symbolic link inside the folder may point out of it: compare real paths.
  const real = realpath(target);
  if (real === undefined) return { kind: 'local', path: target };
  const realRoot = realpath(root) ?? root;
  if (!inside(realRoot, real)) return { kind: 'refused', rule: 'image-outside-input', message: `The image "${written}" is a symbolic link to a file outside the input folder; only images inside it are embedded` };
  return { kind: 'local', path: real };
}
