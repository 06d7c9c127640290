/**
 * Who and what the body names: people (with the title written beside the
 * name), organisations and places, and quotations with their speakers.
 *
 * Government releases name people in two fixed shapes, "Secretary of State
 * Antony J. Blinken" and "Jane Roe, Chief Executive Officer of Acme", and
 * organisations by their head noun ("Department of Justice", "Acme Corp"),
 * so those shapes are read first. The capitalised runs of the body (see
 * runs.ts) add the rest: a run that starts with a given name, follows an
 * honorific or carries a middle initial or a patronymic is a person; a run
 * that names a country, capital, large city or region is a place; an acronym
 * used as a name ("the FBI", "NATO’s") is an organisation. Every result is a
 * string that occurs in the body.
 *
 * This replaced a full NLP pass (compromise), which cost about 25 ms per
 * document, most of the extraction, for readings the runs give as well.
 */
import type { Position } from 'unist';
import type { Mention, Mentions, PersonMention, Quote } from '../release.js';
import { anchoredMatches, type Anchoring } from './anchored.js';
import { countOccurrences } from './occurrences.js';
import { gazetteer } from './gazetteer.js';
import { readRun, GENERIC, SPEECH_VERBS, type Counter, type RunReading } from './run-reading.js';
import { capitalisedRuns, spanText, type Run } from './runs.js';

const NAME_TOKEN = String.raw`(?:\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?|\p{Lu}\.)`;
const NAME = String.raw`(?:${NAME_TOKEN} ){1,3}\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?(?:,? (?:Jr|Sr)\.?)?`;
/** A capitalised word; a period only inside an abbreviation ("U.S."), never a sentence's last. */
const CAP = String.raw`(?:\p{Lu}\.(?:\p{Lu}\.)+|\p{Lu}[\p{L}\p{M}'’&-]*)`;

/** Role heads, with the modifiers that may come before them. */
const ROLE_HEAD = String.raw`(?:Secretary(?:-General)?|Spokesperson|Spokesman|Spokeswoman|Ambassador|President|Vice\sPresident|Prime\sMinister|Minister|Director(?:-General)?|Administrator|Governor|Senator|Representative|Congressman|Congresswoman|Mayor|Chair(?:man|woman)?|Commissioner|Coordinator|Envoy|Adviser|Advisor|Counselor|Chief(?:\sof\sStaff)?|Attorney\sGeneral|Attorney|Judge|Justice|Officer|Speaker|Chancellor|King|Queen|Emperor|Pope|General|Admiral|Colonel|Captain|Sheriff|Detective|Leader|Premier|First\sLady|Foreign\sMinister|Press\sSecretary)`;
const ROLE_MOD = String.raw`(?:(?:Deputy|Assistant|Acting|Under|Special|Principal|Senior|Chief|Department|Executive|Associate|Former|former|U\.S\.|State|National|Foreign|Permanent|Vice|First|Second|Prime|Crown|Presiding|District|Federal|Regional|\p{Lu}[\p{Ll}]+(?:an|ian|ese|ish|i)) )*`;
const ROLE_TAIL = String.raw`(?: (?:of|for|to|at|on) (?:the )?${CAP}(?: (?:${CAP}|and|of|the|for)(?=[ ,]| ?$))*)?`;

/** "Secretary of State Antony J. Blinken", "Estonian Foreign Minister Urmas Reinsalu". */
const ROLE_THEN_NAME = new RegExp(String.raw`(${ROLE_MOD}${ROLE_HEAD}${ROLE_TAIL}) (${NAME})(?![\p{L}])`, 'gu');
/** "Jane Roe, Chief Executive Officer of Acme", "Mr. Christopher Painter, the Coordinator for Cyber Issues". */
const NAME_THEN_ROLE = new RegExp(
  String.raw`(?:(?:Mr|Mrs|Ms|Dr)\. )?(${NAME}), (?:the |a |an )?(${ROLE_MOD}(?:\p{Lu}[\p{Ll}]+ ){0,3}${ROLE_HEAD}${ROLE_TAIL})`,
  'gu',
);

const ORG_HEAD = String.raw`(?:Department|Ministry|Office|Bureau|Agency|Council|Commission|Committee|Administration|Service|Institute|Foundation|Association|University|College|Court|Embassy|Consulate|Mission|Congress|Senate|Parliament|Government|Coalition|Organization|Organisation|Union|Bank|Fund|Program|Programme|Corps|Force|Forces|Authority|Board|Center|Centre|Division|Directorate|Secretariat|Assembly|Party|Corp\.?|Corporation|Inc\.?|LLC|Ltd\.?|Company|Group|Alliance|Network|Academy|Nations|Observatory|Airlines)`;
/** "Department of Justice", "the U.S. Department of State", "Federal Bureau of Investigation", "Acme Corp". */
const ORGANIZATION = new RegExp(
  String.raw`(?:(?:U\.S\.|United States|${CAP}) ){0,3}${ORG_HEAD}(?: (?:of|for|on) (?:the )?${CAP}(?: (?:and )?${CAP})*)?`,
  'gu',
);
/** "Office of the Chief Technology Officer (CTO)": the name before a defined acronym. */
const ACRONYM = /((?:\p{Lu}[\p{L}'’-]* (?:(?:of|for|and|the|on) )*){1,8})\((\p{Lu}{2,8})\)/gu;

// Where each pattern above can be tried (see anchored.ts): its head, and the words that can come before it.
// A role head's first word is enough to find it ("Vice" for "Vice President"); a later word either is a head itself or cannot start one.
const ROLE_FIRST_WORDS = [...ROLE_HEAD.matchAll(/(?:^\(\?:|\|)([A-Z][a-z]+)/gu)].map((m) => m[1]!).join('|');
const ROLE_ANCHORING: Anchoring = { pattern: ROLE_THEN_NAME, head: new RegExp(ROLE_FIRST_WORDS, 'gu'), word: /(?:\p{Lu}[\p{L}.]*|former)$/u, start: /^(?:\p{Lu}|f)$/u };
// A name and its role: back from the role's head over the role's words, an article, the comma and the name ("Smith, Jr.," "Mr.").
const NAME_ROLE_ANCHORING: Anchoring = {
  pattern: NAME_THEN_ROLE,
  head: ROLE_ANCHORING.head,
  word: /(?:\p{Lu}[\p{L}\p{M}'’.-]*,?|the|a|an|former)$/u,
  start: /^\p{Lu}$/u,
};
const ORGANIZATION_ANCHORING: Anchoring = { pattern: ORGANIZATION, head: new RegExp(ORG_HEAD, 'gu'), word: /\p{Lu}[\p{L}\p{M}'’&.-]*$/u, start: /^\p{Lu}$/u };
const ACRONYM_ANCHORING: Anchoring = { pattern: ACRONYM, head: /\(\p{Lu}{2,8}\)/gu, word: /(?:\p{Lu}[\p{L}'’-]*|of|for|and|the|on)$/u, start: /^\p{Lu}$/u };
/** For the test that the anchored search finds what a global search finds. */
export const ANCHORINGS: Readonly<Record<string, Anchoring>> = { role: ROLE_ANCHORING, nameRole: NAME_ROLE_ANCHORING, organization: ORGANIZATION_ANCHORING, acronym: ACRONYM_ANCHORING };

interface Person {
  name: string;
  title: string | null;
  count: number;
  first: number;
}

function clean(name: string): string {
  return name
    .replace(/^(?:the|The|Mr\.|Mrs\.|Ms\.|Dr\.)\s+/u, '')
    .replace(/[’']s$/u, '')
    .replace(/(?<!\b\p{Lu})[\s,.;:’'"“”)(]+$/u, '')
    .replace(/^[\s"“(]+/u, '')
    .trim();
}

/** Words that make a capitalised run a role or an institution rather than a name. */
const NOT_A_NAME = new RegExp(String.raw`\b(?:${ROLE_HEAD}|${ORG_HEAD}|District|States|Republic|Kingdom|Union|Deputy|Assistant|Acting|Executive|Department|House|Room|Street|Avenue|Day|Act|Plan|Program|Policy|Development|Treaty|Agreement|Accord|Convention|Summit|Forum|Dialogue|Initiative|Partnership|Strategy|Garden|Wing|Hall|Building|Park|Monument|Memorial|Museum|Church|Cathedral|School|Hospital|City|County|Island|Islands|Mountain|Mountains|Canyon|Harbor|Harbour|Bay|River|Lake|Sea|Ocean|Valley|Country|Region|Cross|News|Times|Post|Band|Camp|Library|Leaders|Ministers)\b`, 'u');

function surname(name: string): string {
  const parts = name.replace(/,?\s(?:Jr|Sr)\.?$/u, '').split(/\s+/u);
  return parts[parts.length - 1] ?? name;
}

function addPerson(people: Map<string, Person>, name: string, title: string | null, at: number, occurrences: Counter): void {
  const n = clean(name);
  if (n.split(/\s+/u).length < 2 || GENERIC.has(n) || NOT_A_NAME.test(n) || /[^\p{L}\p{M}.'’ -]/u.test(n)) return;
  // A shorter form of a known name ("Antony Blinken" / "Antony J. Blinken") joins it.
  for (const p of people.values()) {
    const sameSurname = surname(p.name) === surname(n) && (p.name.startsWith(n.split(' ')[0]!) || n.startsWith(p.name.split(' ')[0]!));
    // "Gil Castillo" after "Luis Alberto Gil Castillo" is the same person by the end of the name.
    if (p.name.endsWith(` ${n}`)) return;
    if (sameSurname || p.name.startsWith(`${n} `) || n.startsWith(`${p.name} `)) {
      if (!p.title && title) p.title = title;
      // The form the body uses more often wins ("Katherine Fernandez Rundle" over "… Rundle Regarding").
      const [a, b] = [occurrences(n), occurrences(p.name)];
      if (a > b || (a === b && n.length > p.name.length && sameSurname)) p.name = n;
      return;
    }
  }
  people.set(n, { name: n, title, count: 0, first: at });
}

function findPeople(text: string, extra: readonly string[], readings: readonly RunReading[], occurrences: Counter): Person[] {
  const people = new Map<string, Person>();
  for (const m of anchoredMatches(text, ROLE_ANCHORING)) {
    // The role's tail can swallow a given name before an initial: "Secretary of State Antony" + "J. Blinken".
    const role = /^(.*) (\p{Lu}[\p{Ll}\p{M}'’-]+)$/u.exec(clean(m[1]!));
    if (role && /^\p{Lu}\. /u.test(m[2]!)) addPerson(people, `${role[2]} ${m[2]!}`, role[1]!, m.index, occurrences);
    else addPerson(people, m[2]!, clean(m[1]!), m.index, occurrences);
  }
  for (const m of anchoredMatches(text, NAME_ROLE_ANCHORING)) addPerson(people, m[1]!, clean(m[2]!), m.index, occurrences);
  for (const name of extra) addPerson(people, name, null, text.indexOf(name), occurrences);
  for (const { run, people: spans } of readings) {
    for (const [from, to] of spans) {
      const name = spanText(text, run, from, to - 1);
      addPerson(people, name, null, text.indexOf(name), occurrences);
    }
  }
  for (const p of people.values()) {
    // Later mentions by surname alone ("Secretary Blinken") count too; a byline name counts once even if the body never repeats it.
    p.count = Math.max(occurrences(p.name), occurrences(surname(p.name)), extra.includes(p.name) ? 1 : 0);
  }
  return [...people.values()].filter((p) => p.count > 0).sort((a, b) => a.first - b.first);
}

/**
 * "the FBI", "NATO’s": a word in capitals used as a name, the way an NLP
 * tagger reads "the ABC". Words in a run of capitals are a heading, and codes
 * ("UK"), Roman numerals and compounds ("COVID-19", "LGBTQI+") are not names.
 */
function acronymOrganizations(text: string, runs: readonly Run[]): { name: string; at: number }[] {
  const found: { name: string; at: number }[] = [];
  const { codes } = gazetteer();
  for (const run of runs) {
    run.tokens.forEach((t, k) => {
      const before = run.tokens[k - 1];
      if (t.kind !== 'upper' || before?.kind === 'upper' || run.tokens[k + 1]?.kind === 'upper') return;
      // The last word of a longer name ("Perkins Coie LLP’s") is not a name of its own.
      if (before?.kind === 'cap' && before.text !== 'The') return;
      if (t.text.length > 8 || codes.has(t.text) || /^[IVXLC]+$/u.test(t.text) || /^[-+\p{N}]/u.test(text.charAt(t.end))) return;
      const owned = run.possessive && k === run.tokens.length - 1;
      if (owned || /(?:^|[^\p{L}])(?:the|The) $/u.test(text.slice(Math.max(0, t.start - 5), t.start))) found.push({ name: t.text, at: t.start });
    });
  }
  return found;
}

function findOrganizations(text: string, people: readonly Person[], runs: readonly Run[], occurrences: Counter): Mention[] {
  const found = new Map<string, number>();
  const add = (raw: string, at: number): void => {
    const n = clean(raw);
    if (n.split(/\s+/u).length < 2 && !/^\p{Lu}{2,}$/u.test(n)) return;
    if (/[^\p{L}\p{M}\p{N}.'’& -]/u.test(n) || /^(?:About|In|On|At|For|The|This|That|These|Those|Our|Its|Their)\s/u.test(n)) return;
    if (GENERIC.has(n) || people.some((p) => p.name === n || p.title === n)) return;
    // Keep the longest form: "U.S. Department of State" over "Department of State".
    for (const k of found.keys()) if (k.includes(n)) return;
    for (const k of [...found.keys()]) if (n.includes(k)) found.delete(k);
    if (!found.has(n)) found.set(n, at);
  };
  for (const m of anchoredMatches(text, ORGANIZATION_ANCHORING)) add(m[0], m.index);
  for (const m of anchoredMatches(text, ACRONYM_ANCHORING)) add(`${m[1]!.trim()}`, m.index);
  for (const { name, at } of acronymOrganizations(text, runs)) add(name, at);
  return [...found.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([name]) => ({ name, count: occurrences(name) }))
    .filter((m) => m.count > 0);
}

/** Places the gazetteer knows, as the runs read them, and the body's dateline place. */
function findPlaces(text: string, taken: ReadonlySet<string>, extra: readonly string[], readings: readonly RunReading[], occurrences: Counter): Mention[] {
  const found = new Map<string, number>();
  for (const name of extra) if (text.includes(name)) found.set(name, text.indexOf(name));
  for (const { run, places } of readings) {
    for (const [from, to] of places) {
      const n = spanText(text, run, from, to - 1);
      // Ordered by first occurrence, which may be outside any run ("U.S-Japan").
      if (!GENERIC.has(n) && !NOT_A_NAME.test(n) && ![...taken].some((t) => t.includes(n)) && !found.has(n)) found.set(n, text.indexOf(n));
    }
  }
  return [...found.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([name]) => ({ name, count: occurrences(name) }))
    .filter((m) => m.count > 0);
}

/** The people, organisations and places a body names. Latin-script bodies only get the pattern and run readings. */
export function findMentions(text: string, language: string, bylinePeople: readonly string[], places: readonly string[] = []): Mentions {
  if (!/^(?:en|es|pt|fr|de|it|nl)\b/u.test(language)) {
    return { people: bylinePeople.map((name) => ({ name, title: null, count: 1 })), organizations: [], places: places.map((name) => ({ name, count: 1 })) };
  }
  const runs = capitalisedRuns(text);
  const occurrences = countOccurrences(text);
  const readings = runs.map((run) => readRun(text, run, occurrences));
  const people = findPeople(text, bylinePeople, readings, occurrences);
  const organizations = findOrganizations(text, people, runs, occurrences);
  const taken = new Set([...people.map((p) => p.name), ...organizations.map((o) => o.name)]);
  const personMentions: PersonMention[] = people.map((p) => ({ name: p.name, title: p.title, count: p.count }));
  return { people: personMentions, organizations, places: findPlaces(text, taken, places, readings, occurrences) };
}

interface Paragraph {
  text: string;
  position?: Position | undefined;
}

const LEADING_ROLE = new RegExp(String.raw`^${ROLE_MOD}${ROLE_HEAD} `, 'u');

const QUOTE = /[“"]([^”"]{12,}?)[”"]/gu;
/** The speaker after a quotation ("…," said Jane Roe) and before one (Jane Roe said: "…"). */
const SPEAKER_AFTER = new RegExp(String.raw`^[\s,]*(?:${SPEECH_VERBS} (?:(?:Mr|Mrs|Ms|Dr)\. )?(${NAME})|(${NAME})(?:,[^,.]{0,80},)? ${SPEECH_VERBS})`, 'u');
const SPEAKER_BEFORE = new RegExp(String.raw`(${NAME})(?:,[^,.]{0,80},)? ${SPEECH_VERBS}[,:]? *$`, 'u');

/**
 * Quotations of at least a few words, with the speaker named next to them
 * ("…," said Jane Roe, … / Jane Roe said: "…"). A pronoun or nothing gives a
 * null speaker rather than a guess.
 */
export function findQuotes(paragraphs: readonly Paragraph[], language: string, known: readonly PersonMention[] = []): Quote[] {
  const quotes: Quote[] = [];
  if (!/^(?:en|es|pt|fr|de|it|nl)\b/u.test(language)) return quotes;
  let lastSpeaker: string | null = null;
  for (const para of paragraphs) {
    for (const m of para.text.matchAll(QUOTE)) {
      const words = m[1]!.trim().split(/\s+/u).length;
      if (words < 3) continue;
      const tail = para.text.slice(m.index + m[0].length, m.index + m[0].length + 160);
      const head = para.text.slice(Math.max(0, m.index - 160), m.index);
      const a = SPEAKER_AFTER.exec(tail);
      const b = SPEAKER_BEFORE.exec(head);
      let speaker = clean(a?.[1] ?? a?.[2] ?? b?.[1] ?? '').replace(LEADING_ROLE, '');
      if (speaker === '' && /^[\s,]*(?:he|she|they)\s(?:said|added|says)/iu.test(tail)) speaker = lastSpeaker ?? '';
      const full = known.find((p) => speaker !== '' && (p.name === speaker || p.name.startsWith(`${speaker} `) || surname(p.name) === surname(speaker)));
      const name = full?.name ?? (speaker === '' ? null : speaker);
      if (name) lastSpeaker = name;
      quotes.push({ text: m[1]!.trim(), speaker: name, ...(para.position ? { position: para.position } : {}) });
    }
  }
  return quotes;
}
