/**
 * Counts in handout's own messages (the CLI's summary lines, diagnostics,
 * the scripts' reports), which are in English: "1 document", "0 documents",
 * "2 documents". The handouts' words are localised instead (render/locale).
 */
const english = new Intl.PluralRules('en');

/** `n` and the noun in the number English uses for it; `plural` for nouns that do not just add "s". */
export function counted(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${english.select(n) === 'one' ? word : plural}`;
}
