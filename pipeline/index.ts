/**
 * handout's public API. Every stage can be called on its own; `build` is what
 * the CLI runs.
 */
export type { Release, ReleaseJson, ReleaseStats, ReleaseImage, HeaderField, FieldSource, BodyBlockJson, Brand, BrandContact, BrandFonts } from './release.js';
export { HEADER_FIELDS } from './release.js';
export { RULES, type RuleId } from './diagnostics.js';
export { HandoutError, TemplateError, UsageError } from './errors.js';
export { parse } from './parse.js';
export { extract } from './extract/index.js';
export { decodeSource, extractRelease, sourceFile } from './document.js';
export { loadReleaseImages, ReleaseMedia, type MediaOptions, type ImageDependency } from './media/index.js';
export { prepareBrand, type BrandOptions, type PreparedBrand } from './brand/logo.js';
export { applyBrand, type BrandSettings } from './brand/apply.js';
export { loadTemplates, type TemplateSet } from './render/templates.js';
export { renderHtml } from './render/html/index.js';
export { renderText, type TextRenderOptions } from './render/text/index.js';
export { renderJson, toReleaseJson } from './render/json.js';
export { renderPdf, type PdfOptions, type PageSize } from './render/pdf/index.js';
export { PROFILES, type PdfProfile } from './render/pdf/profiles.js';
export { FORMATS, DEFAULT_FORMATS, renderFormat, type Format, type RenderOptions, type Rendered } from './render/index.js';
export { renderEml, type EmlOptions, type EmlParts } from './render/eml.js';
export { PressRoom, type PressRoomOptions, type ReleaseSummary, type PressEntry } from './pressroom/index.js';
export { build, type BuildOptions, type BuildResult, type DocumentResult, type BuiltOutput } from './build/index.js';
