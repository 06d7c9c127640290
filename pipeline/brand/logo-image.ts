/**
 * A logo as the renderers receive it: read (and checked) by the build, never
 * by a renderer, which stays free of the file system.
 */
export interface LogoImage {
  type: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  /** The file's bytes as read: the HTML page embeds them as a data: URI. */
  data: Uint8Array;
  /** Intrinsic size in CSS pixels (an SVG's from its width/height or viewBox). */
  width: number;
  height: number;
  /** sha256 of `data`, hex: the cache key for what the PDF makes of it. */
  sha256: string;
  /** JPEG only: colour components (4 = CMYK, which an archival PDF converts to RGB). */
  components?: number;
}
