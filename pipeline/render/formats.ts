/**
 * The output formats, apart from the renderers so that naming them does not
 * load them. Render order matters: eml comes last because it is made of the
 * html, txt and pdf already rendered for the document.
 */
export const FORMATS = ['html', 'pdf', 'txt', 'json', 'eml'] as const;
export type Format = (typeof FORMATS)[number];

/** What a build makes when no format is asked for: eml repeats three outputs, so it is opt-in. */
export const DEFAULT_FORMATS: readonly Format[] = ['html', 'pdf', 'txt', 'json'];
