/**
 * What one capitalised run (see runs.ts) names: the places the gazetteer knows
 * and the people whose names it holds. The mention finder adds these to what
 * its fixed patterns (roles, organisations) find.
 */
import { gazetteer } from './gazetteer.js';
import { CONNECTORS, spanText, type Run } from './runs.js';

export const SPEECH_VERBS = String.raw`(?:said|says|added|noted|stated|explained|emphasized|emphasised|remarked|declared|announced|told|wrote|continued|dijo|afirmó|declaró|señaló|agregó|disse|afirmou|declarou)`;

export const GENERIC = new Set([
  'The', 'This', 'That', 'These', 'Those', 'We', 'Our', 'It', 'He', 'She', 'They', 'I', 'In', 'On', 'At', 'For', 'And', 'But', 'United States', 'America',
  // The same in the other languages read, so that a translated release names the same places.
  'Estados Unidos', 'États-Unis', 'Vereinigte Staaten', 'Stati Uniti', 'Verenigde Staten', 'América', 'Amérique', 'Amerika',
]);

/** Whole-word occurrences of a phrase in the text being read (see occurrences.ts). */
export type Counter = (phrase: string) => number;

const HONORIFIC = /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Mx|Dr|Sr|Sra|Srta|Mme|Mlle|Hr|Fr)\.? $/u;
/** Russian and other East Slavic middle names: "Vladimir Vladimirovich Artyakov". */
const PATRONYMIC = /^\p{Lu}\p{Ll}+(?:ovich|evich|ovna|evna|ichna)$/u;
const SPEECH_AFTER = new RegExp(String.raw`^,? ${SPEECH_VERBS}\b`, 'u');
const SPEECH_BEFORE = new RegExp(String.raw`\b${SPEECH_VERBS},? $`, 'u');
/** Words that may sit inside a person's name; "of", "the" and "and" end it. */
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'van', 'von', 'der', 'den', 'la', 'le', 'y', 'bin', 'ibn', 'al', 'el']);

/** What one capitalised run names: places and people, as token ranges [from, to). */
export interface RunReading {
  run: Run;
  places: [number, number][];
  people: [number, number][];
}

/** Words a name never ends on: pronouns ("Q You said", "As I’ve said" in a transcript). */
const PRONOUN = /^(?:I|You|We|He|She|It|They|Me|Us|Him|Her|Them|This|That)(?:['’]\p{L}+)?$/u;

/**
 * Read one run. Places the gazetteer knows are taken first, longest first from
 * the left ("New York City", "Costa Rica", "Viva Mexico"). A person starts at
 * a given name outside them (a run can open with a word that is not part of
 * the name, "Affairs Brian Nichols", and hold two, "Chris Dodd and Debbie
 * Mucarsel-Powell"). A run after an honorific, next to a speech verb, or
 * with a middle initial or a patronymic is a person from its first word,
 * whatever the gazetteer says. A name has at most five words and ends on a surname.
 */
export function readRun(text: string, run: Run, occurrences: Counter): RunReading {
  const { tokens } = run;
  const { givenNames, places, cities, placeStarts } = gazetteer();
  const before = text.slice(Math.max(0, run.start - 16), run.start);
  const marked =
    tokens.length >= 2 &&
    (HONORIFIC.test(before) ||
      (!run.possessive && SPEECH_AFTER.test(text.slice(run.end, run.end + 16))) ||
      SPEECH_BEFORE.test(before) ||
      tokens.some((t, i) => i > 0 && i < tokens.length - 1 && (t.kind === 'initial' || PATRONYMIC.test(t.text))));
  // Place spans by their first token: index → end (exclusive).
  const placeEnd = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) {
    // Only a word that starts some place name can start a place here, and no longer than that place.
    const t = tokens[i]!;
    const longest = Math.max(placeStarts.get(t.text) ?? 0, t.kind === 'upper' ? (placeStarts.get(titleCase(t.text)) ?? 0) : 0);
    for (let j = Math.min(tokens.length, i + longest) - 1; j >= i; j--) {
      if (places.has(placeKey(text, run, i, j))) {
        // A city that is also a given name, before a capitalised word, starts a name: "Vladimir Venkov", "Victoria Nuland".
        const next = tokens[i + 1];
        if (j === i && cities.has(tokens[i]!.text) && isGivenName(tokens[i]!.text, givenNames) && next?.kind === 'cap' && !places.has(next.text)) break;
        placeEnd.set(i, j + 1);
        i = j;
        break;
      }
    }
  }
  const people: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = marked && i === 0;
    const end = placeEnd.get(i);
    if (end !== undefined && !first) {
      i = end - 1;
      continue;
    }
    const t = tokens[i]!;
    const given = t.kind === 'cap' && isGivenName(t.text, givenNames) && !GENERIC.has(t.text) && !CONNECTORS.has(t.text.toLowerCase());
    // In a line of capitals with a middle initial ("DEPUTY SECRETARY BRIAN P. MCKEON") the name starts at its given name.
    const givenInCapitals = marked && t.kind === 'upper' && isGivenName(titleCase(t.text), givenNames);
    if (!first && !given && !givenInCapitals) continue;
    let to = i + 1;
    let patronymic = false;
    const capitals = tokens[i]!.kind === 'upper';
    while (to < tokens.length && to - i < 5 && (first || !placeEnd.has(to))) {
      const t = tokens[to]!;
      if ((t.kind === 'connector' && !NAME_PARTICLES.has(t.text)) || t.kind === 'abbr') break;
      // A word in capitals after a written name is an acronym ("Ed Simcox HHS"), except a surname after a patronymic.
      if (t.kind === 'upper' && !capitals && !patronymic) break;
      to++;
      // Given name, patronymic, surname: a list of such names without commas is several people.
      if (patronymic) break;
      patronymic = PATRONYMIC.test(t.text);
    }
    // A name ends on a surname, not on an initial or a particle.
    while (to > i + 1 && (tokens[to - 1]!.kind === 'initial' || tokens[to - 1]!.kind === 'connector')) to--;
    if (isPersonSpan(text, run, i, to, first || givenInCapitals, occurrences)) {
      people.push([i, to]);
      i = to - 1;
    }
  }
  const inPerson = (k: number): boolean => people.some(([a, b]) => k >= a && k < b);
  return { run, people, places: [...placeEnd].filter(([from]) => !inPerson(from)) };
}

/** A span as the gazetteer writes it: datelines and headings in capitals ("PORTLAND", "NEW YORK") in title case. */
function placeKey(text: string, run: Run, i: number, j: number): string {
  const span = spanText(text, run, i, j);
  for (let k = i; k <= j; k++) if (run.tokens[k]!.kind !== 'upper' && run.tokens[k]!.kind !== 'connector') return span;
  return span
    .toLowerCase()
    .split(' ')
    .map((word, k) => (k > 0 && CONNECTORS.has(word) ? word : titleCase(word)))
    .join(' ');
}

/** "GUINEA-BISSAU" → "Guinea-Bissau". */
function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|-)(\p{Ll})/gu, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

/** "Dee-Ann" is a given name when its parts are. */
function isGivenName(word: string, givenNames: ReadonlySet<string>): boolean {
  return givenNames.has(word) || (word.includes('-') && word.split('-').every((part) => givenNames.has(part)));
}

/** Whether tokens [from, to) of a run are a person's name rather than a capitalised phrase. */
function isPersonSpan(text: string, run: Run, from: number, to: number, marked: boolean, occurrences: Counter): boolean {
  if (to - from < 2) return false;
  const tokens = run.tokens.slice(from, to);
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!.text;
  if (first.text.length < 2 || PRONOUN.test(last)) return false;
  if (first.kind === 'upper') {
    // A signature in capitals, "JOSEPH R. BIDEN JR.": only with a middle initial and a known given name.
    const title = first.text.charAt(0) + first.text.slice(1).toLowerCase();
    return marked && tokens.every((t) => t.kind === 'upper' || t.kind === 'initial') && tokens.some((t) => t.kind === 'initial') && isGivenName(title, gazetteer().givenNames);
  }
  if (first.kind !== 'cap') return false;
  if (marked) return true;
  // "North American", "South African": a place's people, not a person.
  const name = spanText(text, run, from, to - 1);
  if (name.endsWith('n') && gazetteer().places.has(name.slice(0, -1))) return false;
  // Without another sign, a word the text also writes in lower case is a common word ("Way Forward", "Read More").
  return occurrences(last.toLowerCase()) === 0 && occurrences(first.text.toLowerCase()) === 0;
}

