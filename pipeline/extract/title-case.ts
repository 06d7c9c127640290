/** Words of four letters or more, mostly capitalised: a headline-style line ("Widget Cuts Assembly Costs by Half"). */
export function isTitleCase(text: string): boolean {
  const long = text.split(/\s+/u).filter((w) => /^[\p{L}][\p{L}'’-]{3,}/u.test(w));
  if (long.length < 2) return false;
  const capital = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capital / long.length >= 0.75;
}
