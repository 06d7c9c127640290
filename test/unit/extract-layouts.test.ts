/**
 * Extraction, one layout rule at a time, on small inline sources written in
 * the shapes real releases use (see ../shared/corpus for the real ones).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from '../support/paths.js';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { extract } from '../../pipeline/extract/index.js';
import { parse } from '../../pipeline/parse.js';
import type { Release } from '../../pipeline/release.js';


function run(source: string, path = 'test.txt'): { release: Release; file: VFile; first: string } {
  const file = new VFile({ path, value: source });
  const release = extract(parse(file), file);
  const node = release.body.children[0];
  return { release, file, first: node ? toString(node) : '' };
}

function messages(file: VFile): string[] {
  return file.messages.map((m) => `${m.ruleId}@${m.place && 'start' in m.place ? `${m.place.start.line}:${m.place.start.column}-${m.place.end.line}:${m.place.end.column}` : `${m.line}:${m.column}`}`);
}

test('the seed extracts exactly as before', () => {
  const source = readFileSync(join(root, 'input', 'us-japan-cyber-dialogue.txt'), 'utf8');
  const { release, file } = run(source, 'input/us-japan-cyber-dialogue.txt');
  assert.equal(release.title, 'The Third U.S.-Japan Cyber Dialogue');
  assert.equal(release.type, 'Media Note');
  assert.equal(release.issuer, 'Office of the Spokesperson');
  assert.equal(release.location, 'Washington, DC');
  assert.equal(release.date, '2015-07-17');
  assert.equal(release.language, 'en');
  assert.equal(release.contact, 'For more information on this dialogue, please contact the Office of the Coordinator for Cyber Issues at');
  assert.equal(release.body.children.length, 4);
  assert.deepEqual(messages(file), ['truncated-contact@16:1-16:104']);
});

test('header block with a byline name above its title line: the title line is the issuer', () => {
  const { release, first } = run(
    'Mexico’s National Day\n\nPress Statement\nJohn Kerry\nSecretary of State\nWashington, DC\nSeptember 16, 2015\n\nOn behalf of President Obama, I congratulate the people of Mexico.\n',
  );
  assert.equal(release.title, 'Mexico’s National Day');
  assert.equal(release.type, 'Press Statement');
  assert.equal(release.issuer, 'Secretary of State');
  assert.equal(release.location, 'Washington, DC');
  assert.equal(release.date, '2015-09-16');
  assert.equal(first, 'On behalf of President Obama, I congratulate the people of Mexico.');
  assert.ok(release.mentions.people.some((p) => p.name === 'John Kerry'));
});

test('a one-line byline "Name, Title" is the issuer as written, and a place-shaped headline is still the headline', () => {
  const { release } = run('Benin National Day\n\nAntony J. Blinken, Secretary of State\n\nOn behalf of the United States, I offer congratulations to the people of Benin.\n');
  assert.equal(release.title, 'Benin National Day');
  assert.equal(release.issuer, 'Antony J. Blinken, Secretary of State');
  assert.equal(release.location, null);
});

test('organisation + office pair, release status and weekday date before the headline, deck after it', () => {
  const { release, first } = run(
    [
      'Department of Justice', '', 'Office of Public Affairs', '', 'FOR IMMEDIATE RELEASE', '', 'Tuesday, December 12, 2017', '',
      'Trustees Reach Settlement for Damages at Harbor Site', '', 'Trustees Seek Public Comment on Draft Restoration Plan', '',
      'WASHINGTON  The United States today announced a settlement with three companies.', '',
    ].join('\n'),
  );
  assert.equal(release.organization, 'Department of Justice');
  assert.equal(release.issuer, 'Office of Public Affairs');
  assert.equal(release.release, 'FOR IMMEDIATE RELEASE');
  assert.equal(release.date, '2017-12-12');
  assert.equal(release.title, 'Trustees Reach Settlement for Damages at Harbor Site');
  assert.equal(release.subtitle, 'Trustees Seek Public Comment on Draft Restoration Plan');
  // The dash was lost with the punctuation, but the capitals and the double space still make a dateline.
  assert.equal(release.location, 'WASHINGTON');
  assert.match(first, /^WASHINGTON {2}The United States/u);
});

test('Markdown: a "FACT SHEET:" prefix gives the type, an italic deck is the subtitle, "\\###" is the end mark as written', () => {
  const { release } = run(
    'FACT SHEET: Administration Announces Support for Maui\n\n \n*More than 1,000 personnel are on the ground*  \n*to aid response efforts*\n\n*$12 million approved to date*\n\nOn Monday the President traveled to Maui.\n\n\\###\n',
    'wh.md',
  );
  assert.equal(release.title, 'FACT SHEET: Administration Announces Support for Maui');
  assert.equal(release.type, 'FACT SHEET');
  assert.equal(release.subtitle, 'More than 1,000 personnel are on the ground to aid response efforts');
  assert.equal(release.endMark, '\\###');
  assert.equal(run('Statement on Something\n\nText of the statement here today.\n\n*\\###*\n', 'x.md').release.endMark, '*\\###*');
});

test('datelines opening the first paragraph', () => {
  const tokyo = run('Acme Ships Widget\n\nTOKYO, Japan, March 3, 2020 — Acme today shipped its widget to customers.\n').release;
  assert.equal(tokyo.location, 'TOKYO, Japan');
  assert.equal(tokyo.date, '2020-03-03');
  assert.equal(tokyo.dateline, 'TOKYO, Japan, March 3, 2020 —');
  const reuters = run('Company Posts Record Profit\n\nWASHINGTON (Reuters) - The company posted a record profit on Tuesday.\n').release;
  assert.equal(reuters.location, 'WASHINGTON');
  assert.equal(reuters.dateline, 'WASHINGTON (Reuters) -');
  // A place named inside the first sentence is not a dateline.
  assert.equal(run('Readout of a Meeting\n\nOffice of the Spokesperson\n\nOn Thursday, June 24, the Deputy Secretary traveled to Atlanta, Georgia.\n').release.location, null);
});

test('dates in other forms and languages', () => {
  assert.equal(run('Ministerio anuncia medidas\n\nMadrid, 1 de marzo de 2006\n\nEl Ministerio anunció hoy nuevas medidas contra la gripe en todo el país.\n').release.date, '2006-03-01');
  const zh = run('總統接見美國訪問團\n\n2006年3月1日\n\n陳總統今天上午接見美國訪問團，雙方就區域安全與經貿合作交換意見。總統表示，臺美關係穩定發展，未來將持續深化合作。\n').release;
  assert.equal(zh.date, '2006-03-01');
  assert.equal(zh.language, 'zh-Hant');
  assert.equal(run('Background Press Call on Rules\n\n \n(November 3, 2021)\n\nMR. SMITH: Good evening, everybody.\n', 'x.md').release.date, '2021-11-03');
  // A headline that ends in its date gives the date; one in the body does not.
  assert.equal(run('Public Schedule – July 14, 2022\n\nOffice of the Spokesperson\n\nThe Secretary is on travel.\n').release.date, '2022-07-14');
  assert.equal(run('Bill Signed into Law\n\nOn Wednesday, November 12, 2025, the President signed into law the bill.\n').release.date, null);
});

test('a relative word ("today", "now") is no date: it would be read against a fixed reference day in 2000', () => {
  const { release, file } = run('Today Marks the Anniversary of the Treaty\n\nWASHINGTON — The Secretary spoke today about the treaty and its history.\n');
  assert.equal(release.title, 'Today Marks the Anniversary of the Treaty');
  assert.equal(release.date, null);
  assert.deepEqual(messages(file), ['missing-date@1:1-1:1']);
});

test('an ambiguous numeric date is reported with its position, never guessed', () => {
  const { release, file } = run('Company Posts Record Profit\n\n03/04/2020\n\nThe company posted a record profit today.\n');
  assert.equal(release.date, null);
  assert.deepEqual(messages(file), ['ambiguous-date@3:1-3:11']);
});

test('a document with no date gets missing-date, one with no headline gets missing-title', () => {
  const noDate = run('Statement on the Election\n\nThe United States congratulates the people of Kenya on the election.\n');
  assert.equal(noDate.release.date, null);
  assert.deepEqual(messages(noDate.file), ['missing-date@1:1-1:1']);
  const noTitle = run('Taken Question\n\nQuestion: Will the Secretary travel to the region this week?\n\nAnswer: The Secretary has no travel to announce at this time.\n');
  assert.equal(noTitle.release.title, null);
  assert.equal(noTitle.release.type, 'Taken Question');
  assert.ok(messages(noTitle.file).includes('missing-title@1:1-1:1'));
});

test('end marks in their common forms, and "End text." is not one', () => {
  for (const mark of ['###', '-30-', '# # #', 'END', '- 30 -']) {
    assert.equal(run(`Acme Ships Widget\n\nAcme shipped its widget today to all of its customers.\n\n${mark}\n`).release.endMark, mark, mark);
  }
  const quoted = run('Joint Statement\n\nOffice of the Spokesperson\n\nBegin text:\n\nWe condemn the attack in the strongest terms.\n\nEnd text.\n');
  assert.equal(quoted.release.endMark, null);
});

test('closing contacts: a lead phrase, a short line with an address, a long one clipped to 200 characters', () => {
  assert.equal(
    run('Travel to Maine\n\nOffice of the Spokesperson\n\nThe Assistant Secretary will travel to Maine.\n\nFor press inquiries, contact OES-PA-DG@state.gov.\n').release.contact,
    'For press inquiries, contact OES-PA-DG@state.gov.',
  );
  assert.equal(
    run('Ministerio anuncia medidas\n\nEl Ministerio anunció hoy nuevas medidas contra la gripe.\n\nPara más información: prensa@ministerio.example\n').release.contact,
    'Para más información: prensa@ministerio.example',
  );
  // A moderator's closing words mention an address but are speech, not a contact block.
  const call = run('Telephonic Press Briefing\n\nModerator: That concludes today’s call. If you have questions, you may contact the Hub at hub@state.gov. Thank you.\n');
  assert.equal(call.release.contact, null);
  const long = `For more information, visit www.example.gov. ${'We encourage anyone with information to contact the program through its tip line. '.repeat(4)}`;
  const clipped = run(`Reward Offer\n\nOffice of the Spokesperson\n\nThe program offers a reward.\n\n${long}\n\nThe program has paid out millions since 1984.\n`).release;
  assert.equal(clipped.contact, long.slice(0, 200).trim());
  // Nothing is lost: a clipped contact stays in the body in full.
  assert.ok(clipped.body.children.some((n) => toString(n) === long.trim()));
});

test('site navigation before a release is neither the headline nor the first paragraph', () => {
  const { release, first } = run(
    'Skip to main content\nHome\nNews\n\nSearch This Blog\n\nFollowing are links to various government press releases.\n\nPopular Posts\n\nGovernor Signs Water Bill\n\nOffice of the Governor\nSacramento, California\nTuesday, June 4, 2019\n\nThe Governor today signed a bill to protect water supplies.\n\n###\n\nRelated Posts\n',
  );
  assert.equal(release.title, 'Governor Signs Water Bill');
  assert.equal(release.issuer, 'Office of the Governor');
  assert.equal(release.location, 'Sacramento, California');
  assert.equal(release.date, '2019-06-04');
  assert.equal(first, 'The Governor today signed a bill to protect water supplies.');
});

test('a page title glued to the headline, and a page-title suffix naming the issuer', () => {
  const glued = run('Statement by Secretary Kerry\n\nStatement by Secretary KerryEl Salvador’s National Day\n\nOn behalf of the people of the United States, I congratulate El Salvador.\n');
  assert.equal(glued.release.title, 'El Salvador’s National Day');
  assert.equal(glued.release.issuer, null);
  const page = run(
    'FOR IMMEDIATE RELEASE: Clerk Arrested in Title Fraud Scheme - Office of the County State Attorney\nNews\nPress Release\nAdmin | May 14, 2024\nfor immediate release\nClerk Arrested in Title Fraud Scheme\nMiami (May 14, 2024)\nThe State Attorney today announced the arrest of a clerk for title fraud.\n',
  ).release;
  assert.equal(page.title, 'Clerk Arrested in Title Fraud Scheme');
  assert.equal(page.issuer, 'Office of the County State Attorney');
  assert.equal(page.type, 'Press Release');
  assert.equal(page.release, 'for immediate release');
  assert.equal(page.location, 'Miami');
  assert.equal(page.date, '2024-05-14');
});

test('an embargo line is the release status', () => {
  const { release } = run('EMBARGOED UNTIL 00:01 GMT, 5 MARCH 2020\n\nMinistry of Health\nPress Office\n\nNew Measures Against Influenza\n\nLONDON – The Ministry announced new measures today.\n');
  assert.equal(release.release, 'EMBARGOED UNTIL 00:01 GMT, 5 MARCH 2020');
  assert.equal(release.organization, 'Ministry of Health');
  assert.equal(release.issuer, 'Press Office');
  assert.equal(release.title, 'New Measures Against Influenza');
  assert.equal(release.location, 'LONDON');
});

test('transcript headers: a city line wins over a venue, a venue alone is the location, time lines are skipped', () => {
  const city = run('Remarks by the President at a Reception\n\n \nDublin Airport  \nDublin, Republic of Ireland\n\n3:40 P.M. IST\n\nTHE PRESIDENT: Hello, hello.\n', 'x.md').release;
  assert.equal(city.location, 'Dublin, Republic of Ireland');
  const venue = run('Press Briefing by the Press Secretary, June 1, 2022\n\n \nJames S. Brady Press Briefing Room\n\n4:09 P.M. EDT\n\nMS. SMITH: Hello. Good afternoon.\n', 'x.md').release;
  assert.equal(venue.location, 'James S. Brady Press Briefing Room');
  assert.equal(venue.date, '2022-06-01');
});

test('a flattened scrape: breadcrumb skipped, headline cut where the body starts, footer dropped, closing sentence as contact', () => {
  const body = 'The Department of Health today announced the teams selected for the eighth round of its accelerator program. '.repeat(4);
  const source = `[Home &gt; About &gt; News &gt; Ignite Accelerator Announces 19 Teams Selected for the Eighth Round ${body}Learn more about Ignite at https://www.hhs.gov/cto/index.html Enter your email: Receive latest updates  HHS Media Information]`;
  const { release, first } = run(source);
  assert.equal(release.title, 'Ignite Accelerator Announces 19 Teams Selected for the Eighth Round');
  assert.equal(release.contact, 'Learn more about Ignite at https://www.hhs.gov/cto/index.html');
  assert.ok(first.startsWith('The Department of Health'));
  assert.ok(!first.includes('Enter your email'));
});

test('punctuation-stripped text: release status before the first sentence, names and a number as the contact', () => {
  const { release } = run(
    '         FOR IMMEDIATE RELEASE  I commend the Senate President and the Speaker for their tireless efforts to put the health care needs of the people first  We have fought over the years to expand access to quality  affordable health care and today I am encouraged that this may provide a framework   Melissa Wagoner Keith Maley  617  565 4472 ',
  );
  assert.equal(release.release, 'FOR IMMEDIATE RELEASE');
  assert.equal(release.contact, 'Melissa Wagoner Keith Maley 617 565 4472');
  assert.equal(release.title, null);
});

test('a run-in header glued onto one line is read field by field', () => {
  const { release, first } = run(
    'You are subscribed to Press Releases. This information has recently been updated. 07/02/2015 01:50 PM EDT Venezuela’s Independence DayPress Statement John Kerry Secretary of State Washington, DC July 2, 2015\nOn behalf of the people of the United States, I send my best wishes to the people of Venezuela.\n',
  );
  assert.equal(release.title, 'Venezuela’s Independence Day');
  assert.equal(release.type, 'Press Statement');
  assert.equal(release.issuer, 'Secretary of State');
  assert.equal(release.location, 'Washington, DC');
  assert.equal(release.date, '2015-07-02');
  assert.ok(first.startsWith('On behalf of the people'));
});

test('a head-first type label in Spanish, and the body language', () => {
  const { release } = run('Comunicado de Prensa\n\nEl Ministerio de Salud anuncia nuevas medidas\n\nMadrid, 1 de marzo de 2006\n\nEl Ministerio de Salud anunció hoy nuevas medidas contra la gripe. Las medidas entrarán en vigor la próxima semana en todos los hospitales.\n');
  assert.equal(release.type, 'Comunicado de Prensa');
  assert.equal(release.title, 'El Ministerio de Salud anuncia nuevas medidas');
  assert.equal(release.language, 'es');
});

test('a wrapped Markdown paragraph is never read as header lines', () => {
  const { release } = run(
    'Statement from the President\n\n \nSince their first day in office, the President and the Vice President\nAdministration is focused on respecting sacred lands, cultures, and\nby the rugged mountains and azure blue sky. Visitors from across the\ncountry come to see it.\n',
    'x.md',
  );
  assert.equal(release.title, 'Statement from the President');
  assert.equal(release.issuer, null);
  assert.equal(release.location, null);
});

test('people with their titles, organisations, places, quotes with speakers, word count and reading time', () => {
  const { release } = run(
    [
      'Acme Opens Office in Lyon', '',
      'LYON, France – Secretary of Commerce Jane Roe met Acme Corp executives in Lyon on Monday.', '',
      '“This office brings hundreds of jobs to the region,” said Jane Roe. The Department of Commerce will follow up.', '',
      'John Smith, Chief Executive Officer of Acme Corp, thanked the Secretary.', '',
    ].join('\n'),
  );
  const roe = release.mentions.people.find((p) => p.name === 'Jane Roe');
  assert.equal(roe?.title, 'Secretary of Commerce');
  assert.equal(release.mentions.people.find((p) => p.name === 'John Smith')?.title, 'Chief Executive Officer of Acme Corp');
  assert.ok(release.mentions.organizations.some((o) => o.name === 'Department of Commerce'));
  assert.ok(release.mentions.places.some((p) => p.name === 'Lyon'));
  assert.deepEqual(
    release.quotes.map((q) => [q.text, q.speaker]),
    [['This office brings hundreds of jobs to the region,', 'Jane Roe']],
  );
  assert.equal(release.stats.words, 45);
  assert.equal(release.stats.readingMinutes, 1);
  assert.equal(release.stats.sentences, 4);
});

test('page metadata after a release ends the body and does not hide the contact', () => {
  const { release } = run(
    'Settlement Reached\n\nThe United States today announced a settlement.\n\nFor more information, visit www.justice.gov/enrd.\n\nTopic(s): \n\nEnvironment\n\nComponent(s): \n\nEnvironment and Natural Resources Division\n\nPress Release Number: \n\n17-1405\n\nUpdated December 12, 2017\n',
  );
  assert.equal(release.contact, 'For more information, visit www.justice.gov/enrd.');
  assert.equal(release.date, null, '"Updated …" is page metadata, not the release date');
  assert.equal(release.body.children.length, 1);
});

test('a Markdown breadcrumb list under the headline is not the first paragraph', () => {
  const { release, first } = run(
    'Statement by the President on a New Initiative\n\n \n-   [Home](https://example.gov/)\n-   [Briefing Room](https://example.gov/briefing-room/)\n\nToday I am proud to announce a new initiative that will help\nfamilies across the country.\n\n\\###\n',
    'x.md',
  );
  assert.equal(release.title, 'Statement by the President on a New Initiative');
  assert.match(first, /^Today I am proud/u);
});

test('a label prefix on a repeated headline is the type; a two-line "Aboard … / En Route …" place is one location', () => {
  const advisory = run(
    'MEDIA ADVISORY: State Attorney Unveils Campaign - Office of the County State Attorney\nNews\nPress Release\nMEDIA ADVISORY: State Attorney Unveils Campaign\nState Attorney Unveils Campaign\nMiami (May 13, 2026)\nThe State Attorney will unveil a new awareness campaign on Friday.\n#####\n',
  ).release;
  assert.equal(advisory.title, 'State Attorney Unveils Campaign');
  assert.equal(advisory.type, 'MEDIA ADVISORY');
  assert.equal(advisory.endMark, '#####');
  const aboard = run('Remarks by the President Aboard Air Force One\n\n \nAboard Air Force One  \nEn Route Philadelphia, Pennsylvania\n\n2:46 P.M. EDT\n\nTHE PRESIDENT: Thank you all.\n', 'x.md').release;
  assert.equal(aboard.location, 'Aboard Air Force One En Route Philadelphia, Pennsylvania');
});

test('the language is the opening language, not that of a translation appended after it', () => {
  const zh = '總統今天上午接見美國訪問團，雙方就區域安全與經貿合作交換意見。總統表示，臺美關係穩定發展，未來將持續深化合作。'.repeat(12);
  const en = 'The President met a delegation from the United States this morning and discussed regional security and trade. '.repeat(60);
  assert.equal(run(`總統接見美國訪問團\n\n${zh}\n\n${en}\n`).release.language, 'zh-Hant');
});

test('word counts keep list items and quoted paragraphs apart', () => {
  const { release } = run(
    [
      'Acme Ships Widget', '',
      'PORTLAND, Ore., March 3, 2026 — Acme today shipped the widget.', '',
      '- Twice the speed', '- Half the weight', '- Ships today', '',
      '> First quoted paragraph', '>', '> Second quoted paragraph', '',
    ].join('\n'),
  );
  // 10 + 8 (list) + 6 (quote); glued ("speedHalf", "weightShips", "paragraphSecond") it was 21.
  assert.equal(release.stats.words, 24);
});
