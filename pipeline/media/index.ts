/**
 * Images: where a source may point (resolve), reading and measuring a file
 * with a per-process cache (image), the forms HTML and PDF embed (image's
 * dataUri, pdf-image), and a release's images from its Markdown (figures,
 * release-images). The brand's logo goes through the same functions.
 */
export { sniffImage, describeKind, MIME, type ImageFormat, type SniffedKind } from './sniff.js';
export { loadImage, ImageCache, imageCache, dataUri, DEFAULT_IMAGE_LIMITS, type ImageLimits, type ImageProblem, type ImageResult, type LoadedImage } from './image.js';
export { locateImage, type ImageLocation, type LocateOptions } from './resolve.js';
export { pdfImageBytes, type PdfImageOptions } from './pdf-image.js';
export { isolateImages, figureImage, imagesOf, altOf, captionOf } from './figures.js';
export { listImages, loadReleaseImages, ReleaseMedia, DEFAULT_MAX_RELEASE_BYTES, type ImageDependency, type MediaOptions } from './release-images.js';
