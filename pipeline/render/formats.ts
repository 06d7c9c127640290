/** The output formats, apart from the renderers so that naming them does not load them. */
export const FORMATS = ['html', 'pdf', 'txt', 'json'] as const;
export type Format = (typeof FORMATS)[number];
