/**
 * Mentions without an NLP pass: people from role patterns, given names,
 * honorifics and middle initials; places from the gazetteer; acronyms used as
 * names; and the common phrases that look like names but are not. Also the
 * date reader's refusal of relative words, which the same change made.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { anchoredMatches } from '../../pipeline/extract/anchored.js';
import { findDate, findInstant } from '../../pipeline/extract/date.js';
import { ANCHORINGS, findMentions } from '../../pipeline/extract/mentions.js';
import { countOccurrences } from '../../pipeline/extract/occurrences.js';

const names = (list: readonly { name: string }[]): string[] => list.map((m) => m.name);

test('people: a given name starts a name inside a longer run, and one run can hold two', () => {
  const text =
    'The Assistant Secretary for Western Hemisphere Affairs Brian Nichols spoke. Our advisors Chris Dodd and Debbie Mucarsel-Powell have worked on it. Nichols closed the call.';
  const people = findMentions(text, 'en', []).people;
  assert.ok(names(people).includes('Brian Nichols'));
  assert.ok(names(people).includes('Chris Dodd'));
  assert.ok(names(people).includes('Debbie Mucarsel-Powell'));
  assert.ok(!names(people).some((n) => n.startsWith('Affairs')));
  // "Nichols" alone counts as a later mention.
  assert.equal(people.find((p) => p.name === 'Brian Nichols')?.count, 2);
});

test('people: an honorific, a middle initial or a patronymic marks a name the given-name lists lack', () => {
  const text = 'Mr. Koichi Mizushima led the delegation. Roland W. Jackson attended, as did Dmitry Yuryevich Lelikov.';
  const people = names(findMentions(text, 'en', []).people);
  assert.deepEqual(people, ['Koichi Mizushima', 'Roland W. Jackson', 'Dmitry Yuryevich Lelikov']);
});

test('people: a name in capitals with a middle initial (a signature, a schedule heading) starts at its given name', () => {
  const text = 'SECRETARY ANTONY J. BLINKEN\nSecretary Blinken is on travel.\nNOW, THEREFORE, I, JOSEPH R. BIDEN JR., President of the United States.\nAMERICAN WORKERS FIRST';
  assert.deepEqual(names(findMentions(text, 'en', []).people), ['ANTONY J. BLINKEN', 'JOSEPH R. BIDEN JR']);
});

test('people: a role tail does not swallow the given name before an initial', () => {
  const people = findMentions('Secretary of State Antony J. Blinken spoke with Estonian Foreign Minister Urmas Reinsalu.', 'en', []).people;
  assert.deepEqual(
    people.map((p) => [p.name, p.title]),
    [
      ['Antony J. Blinken', 'Secretary of State'],
      ['Urmas Reinsalu', 'Estonian Foreign Minister'],
    ],
  );
});

test('people: places, demonyms and common phrases are not people', () => {
  const text = 'Leaders from North America met in El Salvador. The North American partners agreed on the Way Forward, moving forward together, as in Costa Rica.';
  const { people, places } = findMentions(text, 'en', []);
  assert.deepEqual(names(people), []);
  assert.deepEqual(names(places), ['North America', 'El Salvador', 'Costa Rica']);
});

test('places: countries in other languages, capitals, cities, regions and datelines in capitals', () => {
  const en = findMentions('PORTLAND, Ore. — Officials from Kampala, Berlin and the Middle East met in Miami.', 'en', []);
  assert.deepEqual(names(en.places), ['PORTLAND', 'Kampala', 'Berlin', 'Middle East', 'Miami']);
  const pt = findMentions('O Canadá, a Colômbia e o México assinaram a declaração nos Estados Unidos.', 'pt', []);
  assert.deepEqual(names(pt.places), ['Canadá', 'Colômbia', 'México']);
});

test('organisations: an acronym used as a name counts, a code or a compound does not', () => {
  const text = 'The FBI and NATO’s partners met the UK delegation about COVID-19 and the LGBTQI+ community, with the Department of Justice.';
  const orgs = names(findMentions(text, 'en', []).organizations);
  assert.ok(orgs.includes('FBI'));
  assert.ok(orgs.includes('NATO'));
  assert.ok(orgs.includes('Department of Justice'));
  for (const junk of ['UK', 'COVID', 'LGBTQI']) assert.ok(!orgs.includes(junk), junk);
});

test('non-Latin bodies keep only the byline people and the dateline place', () => {
  const m = findMentions('總統今天接見美國訪問團。', 'zh-Hant', ['王小明'], ['臺北']);
  assert.deepEqual(m, { people: [{ name: '王小明', title: null, count: 1 }], organizations: [], places: [{ name: '臺北', count: 1 }] });
});

test('occurrences count whole words only, without overlaps', () => {
  const count = countOccurrences('Rice met Price. Rice, again; rice is food. aaa');
  assert.equal(count('Rice'), 2);
  assert.equal(count('rice'), 1);
  assert.equal(count('aa'), 0);
  assert.equal(count(''), 0);
});

test('dates: relative words state no date against the fixed reference; stated dates read in any script mix', () => {
  for (const text of ['Acme shipped its widget today.', 'El Ministerio anunció hoy nuevas medidas.', '總統今天接見美國訪問團', 'tomorrow']) {
    assert.equal(findDate(text), undefined, text);
    assert.equal(findInstant(text), undefined, text);
  }
  assert.equal(findDate('Berlin, 3. März 2026 – 中文')?.iso, '2026-03-03');
  assert.equal(findDate('Madrid, 1 de marzo de 2006')?.iso, '2006-03-01');
  assert.equal(findDate('Paris, le 3 mars 2026')?.iso, '2026-03-03');
  // English words that other languages' parsers read as dates ("So" as a German Sunday) no longer hide the real one.
  assert.equal(findDate('So, after January 4, 2022, what should businesses expect?')?.iso, '2022-01-04');
  assert.equal(findDate('總統於2022年3月4日接見訪問團')?.iso, '2022-03-04');
  assert.deepEqual(findInstant('10:00 a.m. EST, March 3, 2026'), { year: 2026, month: 3, day: 3, time: { hour: 10, minute: 0 }, offset: -300, text: '10:00 a.m. EST, March 3, 2026' });
});

test('the anchored search for the name patterns finds exactly what a global search finds', () => {
  const words = [
    'Deputy', 'Secretary', 'of', 'State', 'Antony', 'J.', 'Blinken', 'Vice', 'President', 'Harris', 'former', 'U.S.', 'United', 'States', 'Department', 'Office', 'the',
    'Federal', 'Bureau', 'Investigation', 'Acme', 'Corp.', 'Inc.', 'and', 'for', 'on', 'Director-General', 'Prime', 'Minister', 'Chief', 'Staff', 'said', 'met', 'with',
    'Mr.', 'Jane', 'Roe', 'Jr.', 'Sr', 'a', 'an', 'Chief Executive', 'Estonian', 'Foreign', '(FBI)', '(CTO)', 'Technology', 'Officer', 'Coordinator', 'Cyber', 'Issues', 'xDeputy', 'Ünal', 'Çelik', '𝐀lpha',
  ];
  const gaps = [' ', ' ', ' ', ' ', ', ', '. ', '\n', '  ', ' (', ') ', '; ', '-', '’s '];
  const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...gaps)), { maxLength: 40 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
  fc.assert(
    fc.property(text, (t) => {
      for (const anchoring of Object.values(ANCHORINGS)) {
        const global = [...t.matchAll(anchoring.pattern)].map((m) => [m.index, ...m]);
        const anchored = anchoredMatches(t, anchoring).map((m) => [m.index, ...m]);
        assert.deepEqual(anchored, global);
      }
    }),
    { numRuns: 500 },
  );
});
