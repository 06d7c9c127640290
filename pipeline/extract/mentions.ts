/**
 * Who and what the body names: people (with the title written beside the
 * name), organisations and places, and quotations with their speakers.
 *
 * Government releases name people in two fixed shapes, "Secretary of State
 * Antony J. Blinken" and "Jane Roe, Chief Executive Officer of Acme", and
 * organisations by their head noun ("Department of Justice", "Acme Corp"),
 * so those shapes are read first; compromise (an English NLP library) adds
 * the names and places the shapes miss. Every result is a string that occurs
 * in the body.
 */
import nlp from 'compromise';
import type { Position } from 'unist';
import type { Mention, Mentions, PersonMention, Quote } from '../release.js';

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

const ORG_HEAD = String.raw`(?:Department|Ministry|Office|Bureau|Agency|Council|Commission|Committee|Administration|Service|Institute|Foundation|Association|University|College|Court|Embassy|Consulate|Mission|Congress|Senate|Parliament|Government|Coalition|Organization|Organisation|Union|Bank|Fund|Program|Programme|Corps|Force|Forces|Authority|Board|Center|Centre|Division|Directorate|Secretariat|Assembly|Party|Corp\.?|Corporation|Inc\.?|LLC|Ltd\.?|Company|Group|Alliance|Network|Academy)`;
/** "Department of Justice", "the U.S. Department of State", "Federal Bureau of Investigation", "Acme Corp". */
const ORGANIZATION = new RegExp(
  String.raw`(?:(?:U\.S\.|United States|${CAP}) ){0,3}${ORG_HEAD}(?: (?:of|for|on) (?:the )?${CAP}(?: (?:and )?${CAP})*)?`,
  'gu',
);
/** "Office of the Chief Technology Officer (CTO)": the name before a defined acronym. */
const ACRONYM = /((?:\p{Lu}[\p{L}'’-]* (?:(?:of|for|and|the|on) )*){1,8})\((\p{Lu}{2,8})\)/gu;

const SPEECH_VERBS = String.raw`(?:said|says|added|noted|stated|explained|emphasized|emphasised|remarked|declared|announced|told|wrote|continued|dijo|afirmó|declaró|señaló|agregó|disse|afirmou|declarou)`;

const GENERIC = new Set(['The', 'This', 'That', 'These', 'Those', 'We', 'Our', 'It', 'He', 'She', 'They', 'I', 'In', 'On', 'At', 'For', 'And', 'But', 'United States', 'America']);

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
const NOT_A_NAME = new RegExp(String.raw`\b(?:${ROLE_HEAD}|${ORG_HEAD}|District|States|Republic|Kingdom|Union|Deputy|Assistant|Acting|Executive|Department|House|Room|Street|Avenue|Day|Act|Plan|Program)\b`, 'u');

function surname(name: string): string {
  const parts = name.replace(/,?\s(?:Jr|Sr)\.?$/u, '').split(/\s+/u);
  return parts[parts.length - 1] ?? name;
}

/** Count whole-word occurrences. */
function occurrences(text: string, phrase: string): number {
  if (phrase === '') return 0;
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return (text.match(new RegExp(String.raw`(?<![\p{L}])${escaped}(?![\p{L}])`, 'gu')) ?? []).length;
}

function addPerson(people: Map<string, Person>, name: string, title: string | null, at: number, text: string): void {
  const n = clean(name);
  if (n.split(/\s+/u).length < 2 || GENERIC.has(n) || NOT_A_NAME.test(n) || /[^\p{L}\p{M}.'’ -]/u.test(n)) return;
  // A shorter form of a known name ("Antony Blinken" / "Antony J. Blinken") joins it.
  for (const p of people.values()) {
    const sameSurname = surname(p.name) === surname(n) && (p.name.startsWith(n.split(' ')[0]!) || n.startsWith(p.name.split(' ')[0]!));
    if (sameSurname || p.name.startsWith(`${n} `) || n.startsWith(`${p.name} `)) {
      if (!p.title && title) p.title = title;
      // The form the body uses more often wins ("Katherine Fernandez Rundle" over "… Rundle Regarding").
      const [a, b] = [occurrences(text, n), occurrences(text, p.name)];
      if (a > b || (a === b && n.length > p.name.length && sameSurname)) p.name = n;
      return;
    }
  }
  people.set(n, { name: n, title, count: 0, first: at });
}

type Doc = ReturnType<typeof nlp>;

function findPeople(text: string, extra: readonly string[], doc: Doc): Person[] {
  const people = new Map<string, Person>();
  for (const m of text.matchAll(ROLE_THEN_NAME)) addPerson(people, m[2]!, clean(m[1]!), m.index, text);
  for (const m of text.matchAll(NAME_THEN_ROLE)) addPerson(people, m[1]!, clean(m[2]!), m.index, text);
  for (const name of extra) addPerson(people, name, null, text.indexOf(name), text);
  for (const term of doc.people().json() as { text: string }[]) {
    const n = clean(term.text);
    if (/^[\p{Lu}]/u.test(n) && text.includes(n)) addPerson(people, n, null, text.indexOf(n), text);
  }
  for (const p of people.values()) {
    // Later mentions by surname alone ("Secretary Blinken") count too; a byline name counts once even if the body never repeats it.
    p.count = Math.max(occurrences(text, p.name), occurrences(text, surname(p.name)), extra.includes(p.name) ? 1 : 0);
  }
  return [...people.values()].filter((p) => p.count > 0).sort((a, b) => a.first - b.first);
}

function findOrganizations(text: string, people: readonly Person[], doc: Doc): Mention[] {
  const found = new Map<string, number>();
  const add = (raw: string, at: number): void => {
    const n = clean(raw);
    if (n.split(/\s+/u).length < 2 && !/^\p{Lu}{2,}$/u.test(n)) return;
    if (/[^\p{L}\p{M}\p{N}.'’& -]/u.test(n) || /^(?:About|In|On|At|For|The)\s/u.test(n)) return;
    if (GENERIC.has(n) || people.some((p) => p.name === n || p.title === n)) return;
    // Keep the longest form: "U.S. Department of State" over "Department of State".
    for (const k of found.keys()) if (k.includes(n)) return;
    for (const k of [...found.keys()]) if (n.includes(k)) found.delete(k);
    if (!found.has(n)) found.set(n, at);
  };
  for (const m of text.matchAll(ORGANIZATION)) add(m[0], m.index);
  for (const m of text.matchAll(ACRONYM)) add(`${m[1]!.trim()}`, m.index);
  for (const term of doc.organizations().json() as { text: string }[]) {
    const n = clean(term.text);
    if (n.length > 2 && text.includes(n)) add(n, text.indexOf(n));
  }
  return [...found.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([name]) => ({ name, count: occurrences(text, name) }))
    .filter((m) => m.count > 0);
}

function findPlaces(text: string, taken: ReadonlySet<string>, extra: readonly string[], doc: Doc): Mention[] {
  const found = new Map<string, number>();
  for (const name of extra) if (text.includes(name)) found.set(name, text.indexOf(name));
  for (const term of doc.places().json() as { text: string }[]) {
    const n = clean(term.text);
    if (n.length < 3 || !/^\p{Lu}/u.test(n) || GENERIC.has(n) || !text.includes(n) || NOT_A_NAME.test(n)) continue;
    if ([...taken].some((t) => t.includes(n))) continue;
    if (!found.has(n)) found.set(n, text.indexOf(n));
  }
  return [...found.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([name]) => ({ name, count: occurrences(text, name) }))
    .filter((m) => m.count > 0);
}

/** The people, organisations and places a body names. Latin-script bodies only get the pattern and NLP readings. */
export function findMentions(text: string, language: string, bylinePeople: readonly string[], places: readonly string[] = []): Mentions {
  if (!/^(?:en|es|pt|fr|de|it|nl)\b/u.test(language)) {
    return { people: bylinePeople.map((name) => ({ name, title: null, count: 1 })), organizations: [], places: places.map((name) => ({ name, count: 1 })) };
  }
  // The NLP pass is the slow part: one parse per document, over at most the first 30,000 characters.
  const doc = nlp(text.slice(0, 30_000));
  const people = findPeople(text, bylinePeople, doc);
  const organizations = findOrganizations(text, people, doc);
  const taken = new Set([...people.map((p) => p.name), ...organizations.map((o) => o.name)]);
  const personMentions: PersonMention[] = people.map((p) => ({ name: p.name, title: p.title, count: p.count }));
  return { people: personMentions, organizations, places: findPlaces(text, taken, places, doc) };
}

interface Paragraph {
  text: string;
  position?: Position | undefined;
}

const LEADING_ROLE = new RegExp(String.raw`^${ROLE_MOD}${ROLE_HEAD} `, 'u');

const QUOTE = /[“"]([^”"]{12,}?)[”"]/gu;

/**
 * Quotations of at least a few words, with the speaker named next to them
 * ("…," said Jane Roe, … / Jane Roe said: "…"). A pronoun or nothing gives a
 * null speaker rather than a guess.
 */
export function findQuotes(paragraphs: readonly Paragraph[], language: string, known: readonly PersonMention[] = []): Quote[] {
  const quotes: Quote[] = [];
  if (!/^(?:en|es|pt|fr|de|it|nl)\b/u.test(language)) return quotes;
  const after = new RegExp(String.raw`^[\s,]*(?:${SPEECH_VERBS} (?:(?:Mr|Mrs|Ms|Dr)\. )?(${NAME})|(${NAME})(?:,[^,.]{0,80},)? ${SPEECH_VERBS})`, 'u');
  const before = new RegExp(String.raw`(${NAME})(?:,[^,.]{0,80},)? ${SPEECH_VERBS}[,:]? *$`, 'u');
  let lastSpeaker: string | null = null;
  for (const para of paragraphs) {
    for (const m of para.text.matchAll(QUOTE)) {
      const words = m[1]!.trim().split(/\s+/u).length;
      if (words < 3) continue;
      const tail = para.text.slice(m.index + m[0].length, m.index + m[0].length + 160);
      const head = para.text.slice(Math.max(0, m.index - 160), m.index);
      const a = after.exec(tail);
      const b = before.exec(head);
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
