/**
 * A release's images: listed from the body (pure, at extraction), then read
 * from disk for a build (`loadReleaseImages`), which fills in their size and
 * format, reports what cannot be embedded at the image's place, and returns
 * the loaded files for the renderers. A missing or refused image is never
 * fatal: the renderers print a placeholder where it was.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import type { Image, Root } from 'mdast';
import type { VFile } from 'vfile';
import { report, type RuleId } from '../diagnostics.js';
import type { ReleaseImage, Release } from '../release.js';
import { altOf, captionOf, imagesOf } from './figures.js';
import { DEFAULT_IMAGE_LIMITS, imageCache, type FileStamp, type ImageCache, type ImageLimits, type ImageProblem, type LoadedImage } from './image.js';
import { locateImage } from './resolve.js';

const listed = (node: Image): ReleaseImage => ({
  src: node.url,
  alt: altOf(node),
  caption: captionOf(node),
  width: null,
  height: null,
  format: null,
  ...(node.position ? { position: node.position } : {}),
});

/** The body's images as the record lists them, before any file is read. */
export function listImages(body: Root): ReleaseImage[] {
  return imagesOf(body).map(listed);
}

/** A file a release's outputs depend on, for the incremental build. */
export interface ImageDependency {
  /** Relative to the source's folder, "/" separators. */
  path: string;
  /** The file when it was read; null when it did not exist, so its appearance triggers a rebuild. */
  stamp: FileStamp | null;
}

/** The images a release's renderers may embed, by src as written. */
export class ReleaseMedia {
  static readonly none = new ReleaseMedia(new Map(), []);

  constructor(
    private readonly bySrc: ReadonlyMap<string, LoadedImage>,
    /** Every local file the release names, whether it could be embedded or not. */
    readonly dependencies: readonly ImageDependency[],
  ) {}

  /** The loaded image for `src` (as written in the Markdown), or undefined: missing, refused, remote or over the budget. */
  get(src: string): LoadedImage | undefined {
    return this.bySrc.get(src);
  }

  get size(): number {
    return this.bySrc.size;
  }
}

export interface MediaOptions {
  /** The source's absolute path (default: the file's path against its cwd); images resolve against its folder. */
  source?: string;
  /** The input folder: no image outside it is read (default: the source's folder). */
  root?: string;
  cache?: ImageCache;
  limits?: ImageLimits;
  /** Most image bytes embedded in one release, counting each place an image is shown (default 64 MB). */
  maxReleaseBytes?: number;
}

export const DEFAULT_MAX_RELEASE_BYTES = 64 * 1024 * 1024;

const RULE_OF: Record<ImageProblem['kind'], RuleId> = { missing: 'missing-image', unsupported: 'unsupported-image', 'too-large': 'image-too-large' };

type Outcome =
  | { kind: 'remote' }
  | { kind: 'refused'; rule: RuleId; message: string; dependency?: ImageDependency }
  | { kind: 'loaded'; image: LoadedImage; dependency: ImageDependency };

function locateAndRead(src: string, from: string, root: string, cache: ImageCache, limits: ImageLimits): Outcome {
  const location = locateImage(src, { from, root });
  if (location.kind === 'remote') return { kind: 'remote' };
  if (location.kind === 'refused') return { kind: 'refused', rule: location.rule, message: location.message };
  const path = relative(from, location.path).split(sep).join('/');
  const result = cache.read(location.path, limits);
  if (!result.ok) {
    const missing = result.problem.kind === 'missing';
    return {
      kind: 'refused',
      rule: RULE_OF[result.problem.kind],
      message: `${missing ? 'Missing image' : 'Image not embedded'} "${src}": ${result.problem.message}`,
      dependency: { path, stamp: result.problem.stamp ?? null },
    };
  }
  const { image } = result;
  return { kind: 'loaded', image, dependency: { path, stamp: { size: image.size, mtimeMs: image.mtimeMs, sha256: image.sha256 } } };
}

/**
 * Read the images `release` names from disk, relative to `file.path`. Fills
 * `release.images` with sizes and formats; diagnostics go on `file`.
 */
export function loadReleaseImages(release: Release, file: VFile, options: MediaOptions = {}): ReleaseMedia {
  const nodes = imagesOf(release.body);
  if (nodes.length === 0) return ReleaseMedia.none;
  const from = options.source ? dirname(resolve(options.source)) : file.path ? dirname(resolve(file.cwd, file.path)) : resolve(file.cwd);
  const root = options.root ? resolve(options.root) : from;
  const cache = options.cache ?? imageCache;
  const limits = options.limits ?? DEFAULT_IMAGE_LIMITS;
  const budget = options.maxReleaseBytes ?? DEFAULT_MAX_RELEASE_BYTES;
  // Each src is located and read once, however often the body shows it.
  const outcomes = new Map<string, Outcome>();
  const uses = new Map<string, number>();
  for (const node of nodes) {
    uses.set(node.url, (uses.get(node.url) ?? 0) + 1);
    if (!outcomes.has(node.url)) outcomes.set(node.url, locateAndRead(node.url, from, root, cache, limits));
  }
  // The budget counts every place an image is shown (the HTML repeats its data each time), and
  // decides per src: an image is embedded at all its places or at none.
  const loaded = new Map<string, LoadedImage>();
  const overBudget = new Set<string>();
  let spent = 0;
  for (const [src, outcome] of outcomes) {
    if (outcome.kind !== 'loaded') continue;
    const cost = outcome.image.bytes.byteLength * uses.get(src)!;
    if (spent + cost > budget) overBudget.add(src);
    else {
      spent += cost;
      loaded.set(src, outcome.image);
    }
  }
  const images: ReleaseImage[] = [];
  for (const node of nodes) {
    const entry = listed(node);
    images.push(entry);
    const outcome = outcomes.get(node.url)!;
    const where = node.position;
    if (outcome.kind === 'refused') report(file, outcome.rule, outcome.message, where);
    else if (overBudget.has(node.url)) {
      report(file, 'image-too-large', `Image not embedded "${node.url}": the release's images come to more than ${Math.round(budget / (1024 * 1024))} MB`, where);
    } else if (outcome.kind === 'loaded') {
      Object.assign(entry, { width: outcome.image.width, height: outcome.image.height, format: outcome.image.format });
    }
    if (entry.alt === '') report(file, 'missing-alt', `The image "${node.url}" has no alt text; write what it shows between the brackets: ![a crowd at the opening](${node.url})`, where);
  }
  const dependencies = new Map<string, ImageDependency>();
  for (const outcome of outcomes.values()) {
    if (outcome.kind === 'remote' || !outcome.dependency || dependencies.has(outcome.dependency.path)) continue;
    dependencies.set(outcome.dependency.path, outcome.dependency);
  }
  release.images = images;
  return new ReleaseMedia(loaded, [...dependencies.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
}
