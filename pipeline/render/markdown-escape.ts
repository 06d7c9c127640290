/**
 * Make any text literal in CommonMark: every ASCII punctuation character gets
 * a backslash (CommonMark allows escaping all of them), and line breaks become
 * spaces so text cannot start a new block (a heading, a list, a fence).
 */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/gu;

export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?|\n/gu, ' ').replace(PUNCTUATION, '\\$&');
}
