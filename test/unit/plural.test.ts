/**
 * Count-bearing words in every language: each catalogue table has exactly the
 * plural forms its language's CLDR rules use, and the press room's page says
 * "1 release", "21 communiqués", "21 пресс-релиз" (with a project's Russian
 * forms), both as the server renders it and as the page's filter script
 * rewrites it, for counts 0, 1, 2, 5 and 21.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../../pipeline/config/index.js';
import { UsageError } from '../../pipeline/errors.js';
import { counted } from '../../pipeline/counted.js';
import { formatSize } from '../../pipeline/build/size.js';
import { CATALOGUE, fillCount, PLURAL_KEYS, stringsFor, type StringOverrides } from '../../pipeline/render/locale/strings.js';
import { pluralCategories, selectForm } from '../../pipeline/render/locale/plural.js';
import { env } from '../../pipeline/render/handlebars.js';
import { loadTemplates } from '../../pipeline/render/templates.js';
import { indexPage, runIndexScript, upTo } from '../support/index-page.js';

const templates = loadTemplates();
const COUNTS = [0, 1, 2, 5, 21] as const;

/** A project's Russian words: Russian has "one" (1, 21), "few" (2–4, 22), "many" (0, 5–20) and "other" (fractions). */
const RUSSIAN: StringOverrides = {
  ru: {
    releasesCount: { one: '{count} пресс-релиз', few: '{count} пресс-релиза', many: '{count} пресс-релизов', other: '{count} пресс-релиза' },
    releasesShown: { one: '{shown} из {count} пресс-релиза', few: '{shown} из {count} пресс-релизов', many: '{shown} из {count} пресс-релизов', other: '{shown} из {count} пресс-релиза' },
    roomIntro: { one: '{count} пресс-релиз. {feed}; {manifest}.', few: '{count} пресс-релиза. {feed}; {manifest}.', many: '{count} пресс-релизов. {feed}; {manifest}.', other: '{count} пресс-релиза. {feed}; {manifest}.' },
  },
};

/** What the page says for each count: [all shown, none of them shown], by language. */
const EXPECTED: Record<string, { language: string; strings?: StringOverrides; all: readonly string[]; none: readonly string[]; intro: readonly string[] }> = {
  en: {
    language: 'en',
    all: ['0 releases', '1 release', '2 releases', '5 releases', '21 releases'],
    none: ['0 of 0 releases', '0 of 1 release', '0 of 2 releases', '0 of 5 releases', '0 of 21 releases'],
    intro: ['0 releases, newest first.', '1 release. Subscribe', '2 releases, newest first.', '5 releases, newest first.', '21 releases, newest first.'],
  },
  // French counts 0 as singular.
  fr: {
    language: 'fr',
    all: ['0 communiqué', '1 communiqué', '2 communiqués', '5 communiqués', '21 communiqués'],
    none: ['0 sur 0 communiqué', '0 sur 1 communiqué', '0 sur 2 communiqués', '0 sur 5 communiqués', '0 sur 21 communiqués'],
    intro: ['0 communiqué. Abonnez-vous', '1 communiqué. Abonnez-vous', '2 communiqués, du plus récent', '5 communiqués, du plus récent', '21 communiqués, du plus récent'],
  },
  ru: {
    language: 'ru',
    strings: RUSSIAN,
    all: ['0 пресс-релизов', '1 пресс-релиз', '2 пресс-релиза', '5 пресс-релизов', '21 пресс-релиз'],
    none: ['0 из 0 пресс-релизов', '0 из 1 пресс-релиза', '0 из 2 пресс-релизов', '0 из 5 пресс-релизов', '0 из 21 пресс-релиза'],
    intro: ['0 пресс-релизов.', '1 пресс-релиз.', '2 пресс-релиза.', '5 пресс-релизов.', '21 пресс-релиз.'],
  },
  ja: {
    language: 'ja',
    all: ['0 件', '1 件', '2 件', '5 件', '21 件'],
    none: ['0 件中 0 件', '1 件中 0 件', '2 件中 0 件', '5 件中 0 件', '21 件中 0 件'],
    intro: ['0 件のリリース', '1 件のリリース', '2 件のリリース', '5 件のリリース', '21 件のリリース'],
  },
};

test('every catalogue table has exactly the plural forms its language uses, each with the same placeholders', () => {
  const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!).sort();
  for (const [tag, table] of Object.entries(CATALOGUE)) {
    const categories = pluralCategories(tag).sort();
    for (const key of PLURAL_KEYS) {
      assert.deepEqual(Object.keys(table[key]).sort(), categories, `${tag}.${key}: Intl.PluralRules("${tag}") uses ${categories.join(', ')}`);
      for (const [category, text] of Object.entries(table[key])) {
        assert.deepEqual(placeholders(text!), placeholders(CATALOGUE['en']![key].other), `${tag}.${key}.${category}`);
      }
    }
  }
  // The languages the catalogue has cover all three shapes: one form, one/other, one/many/other.
  assert.deepEqual(pluralCategories('ja'), ['other']);
  assert.deepEqual(pluralCategories('de').sort(), ['one', 'other']);
  assert.deepEqual(pluralCategories('fr').sort(), ['many', 'one', 'other']);
});

test('a count picks its form by the language, and numbers are written the language\'s way', () => {
  for (const { language, strings, all, none } of Object.values(EXPECTED)) {
    const s = stringsFor(language, strings);
    COUNTS.forEach((count, i) => {
      assert.equal(fillCount(s.releasesCount, { count }), all[i], `${language} ${count}`);
      assert.equal(fillCount(s.releasesShown, { count, shown: 0 }), none[i], `${language} 0 of ${count}`);
    });
  }
  // Round millions are "many" in French, Spanish and Portuguese: "de" before the noun.
  assert.equal(fillCount(stringsFor('fr').releasesCount, { count: 1_000_000 }), '1\u202f000\u202f000 de communiqués');
  assert.equal(fillCount(stringsFor('es').releasesCount, { count: 1_000_000 }), '1.000.000 de comunicados');
  assert.equal(fillCount(stringsFor('pt').releasesCount, { count: 2_000_000 }), '2.000.000 de comunicados');
  assert.equal(fillCount(stringsFor('en').releasesCount, { count: 10_000 }), '10,000 releases');
  assert.equal(fillCount(stringsFor('de').releasesCount, { count: 1 }), '1 Mitteilung');
  assert.equal(fillCount(stringsFor('zh-TW').releasesShown, { count: 1, shown: 1 }), '1 則中的 1 則');
});

test('the rules are the page language\'s when the words are in it, else those of the words\' own language', () => {
  // pt-BR counts 0 as singular, pt-PT does not: both read the one Portuguese table.
  assert.equal(fillCount(stringsFor('pt-BR').releasesCount, { count: 0 }), '0 comunicado');
  assert.equal(fillCount(stringsFor('pt-PT').releasesCount, { count: 0 }), '0 comunicados');
  // A Russian page with no Russian words falls back to English ones, counted by English rules (21 is "one" in Russian).
  assert.equal(stringsFor('ru').releasesCount.locale, 'en');
  assert.equal(fillCount(stringsFor('ru').releasesCount, { count: 21 }), '21 releases');
});

test('a form a table leaves out falls back to "other"; one text for a count-bearing key serves every count', () => {
  const partial: StringOverrides = { ru: { releasesCount: { one: '{count} релиз', other: '{count} релизов' } } };
  const s = stringsFor('ru', partial);
  assert.deepEqual(COUNTS.map((count) => fillCount(s.releasesCount, { count })), ['0 релизов', '1 релиз', '2 релизов', '5 релизов', '21 релиз']);
  assert.equal(selectForm({ locale: 'ar', forms: { other: 'x' } }, 2), 'x', 'Arabic "two", not in the table');
  const single = stringsFor('es', { es: { releasesCount: '{count} notas' } });
  assert.deepEqual(single.releasesCount, { locale: 'es', forms: { other: '{count} notas' } });
  assert.equal(fillCount(single.releasesCount, { count: 1 }), '1 notas');
});

test('config: a count-bearing key takes a string or forms by plural category, with "other"', () => {
  const ok = parseConfig(JSON.stringify({ strings: { ru: RUSSIAN['ru'], es: { releasesCount: '{count} notas' } } }), 'handout.config.json');
  assert.deepEqual(ok.values.strings, { ru: RUSSIAN['ru'], es: { releasesCount: '{count} notas' } });
  const usage = (config: unknown, pattern: RegExp): void => {
    assert.throws(() => parseConfig(JSON.stringify(config), 'c.json'), (e: unknown) => e instanceof UsageError && pattern.test(e.message));
  };
  usage({ strings: { ru: { releasesCount: { one: '{count} релиз' } } } }, /strings\.ru\.releasesCount needs an "other" form/u);
  usage({ strings: { en: { releasesCount: { single: 'x', other: 'y' } } } }, /"single" is not a plural category \(zero, one, two, few, many, other\)/u);
  usage({ strings: { en: { releasesCount: { other: 3 } } } }, /strings\.en\.releasesCount\.other must be a string/u);
  usage({ strings: { en: { releasesCount: ['x'] } } }, /must be a string or an object of plural forms/u);
  // A key that carries no count takes text only.
  usage({ strings: { en: { contact: { other: 'x' } } } }, /strings\.en\.contact must be a string$/u);
});

test('a template asks for a count-bearing string with a number, or fails naming the key', () => {
  const render = env.compile('{{t "releasesCount" count=n}}', { strict: true });
  assert.equal(render({ language: 'fr', strings: stringsFor('fr'), n: 0 }), '0 communiqué');
  assert.throws(() => env.compile('{{t "releasesCount"}}')({ language: 'en', strings: stringsFor('en') }), /\{\{t "releasesCount"\}\} needs count=<a number>/u);
  assert.throws(() => render({ language: 'en', strings: stringsFor('en'), n: '3' }), /needs count=<a number>/u);
});

test('the index page, as rendered: the count in the description and the introduction, for 0, 1, 2, 5 and 21 releases', () => {
  for (const { language, strings, all, intro } of Object.values(EXPECTED)) {
    COUNTS.forEach((count, i) => {
      const html = indexPage(count, templates, language, strings);
      assert.ok(html.includes(`<meta name="description" content="${all[i]}">`), `${language} ${count}: ${/<meta name="description"[^>]*>/u.exec(html)?.[0]}`);
      const p = /<header class="room-header">\n<h1>[^<]*<\/h1>\n<p>([^\n]*)<\/p>/u.exec(html)?.[1] ?? '';
      assert.ok(p.startsWith(intro[i]!), `${language} ${count}: ${p}`);
    });
  }
  // The links stay links inside the chosen form.
  assert.match(indexPage(1, templates, 'fr'), /<p>1 communiqué\. Abonnez-vous au <a href="feed\.xml">flux Atom<\/a> ; les sommes de contrôle sont dans <a href="manifest\.json">manifest\.json<\/a>\.<\/p>/u);
});

test('the index page\'s script says the same, for every count as the user filters', () => {
  for (const { language, strings, all, none } of Object.values(EXPECTED)) {
    COUNTS.forEach((count, i) => {
      const html = indexPage(count, templates, language, strings);
      const run = runIndexScript(html);
      assert.equal(run.text, all[i], `${language}: all ${count} shown`);
      if (count > 0) assert.equal(run.filter('no entry says this'), none[i], `${language}: none of ${count} shown`);
    });
    // Of 21, the filter shows 0, 1, 2, 5 and then all 21 again: the total picks the form.
    const run = runIndexScript(indexPage(21, templates, language, strings));
    const shown = [0, 1, 2, 5].map((k) => run.filter(upTo(k)));
    assert.equal(run.filter(''), all[4]);
    if (language === 'en') assert.deepEqual(shown, ['0 of 21 releases', '1 of 21 releases', '2 of 21 releases', '5 of 21 releases']);
    if (language === 'fr') assert.deepEqual(shown, ['0 sur 21 communiqués', '1 sur 21 communiqués', '2 sur 21 communiqués', '5 sur 21 communiqués']);
    if (language === 'ru') assert.deepEqual(shown, ['0 из 21 пресс-релиза', '1 из 21 пресс-релиза', '2 из 21 пресс-релиза', '5 из 21 пресс-релиза']);
  }
});

test('the script\'s words reach it as escaped data, never as code, and its hash still matches', () => {
  const hostile: StringOverrides = { en: { releasesCount: { one: '</script><script>alert(1)</script> {count}', other: '"\'&<>{count}' } } };
  const html = indexPage(2, templates, 'en', hostile);
  assert.equal([...html.matchAll(/<script\b/gu)].length, 1, 'one script element');
  assert.ok(!html.includes('<script>alert'), 'the override stays in an attribute, escaped');
  assert.equal(runIndexScript(html).text, '"\'&<>2');
  assert.equal(runIndexScript(indexPage(1, templates, 'en', hostile)).text, '</script><script>alert(1)</script> 1');
  // The script is the same bytes whatever the language, so one hash serves every page.
  const script = (page: string): string => /<script>([\s\S]*?)<\/script>/u.exec(page)![1]!;
  assert.equal(script(indexPage(1, templates, 'fr')), script(indexPage(5, templates, 'ja')));
});

test("handout's own English messages count by English rules: the CLI summary, sizes, config problems", () => {
  assert.deepEqual([0, 1, 2, 21].map((n) => counted(n, 'warning')), ['0 warnings', '1 warning', '2 warnings', '21 warnings']);
  assert.equal(counted(1, 'stale output'), '1 stale output');
  assert.equal(formatSize(1), '1 byte');
  assert.equal(formatSize(0), '0 bytes');
  assert.equal(formatSize(512), '512 bytes');
  const brandProblems = (brand: unknown): string => {
    try {
      parseConfig(JSON.stringify({ brand }), 'c.json');
    } catch (error) {
      return (error as Error).message;
    }
    return '';
  };
  assert.match(brandProblems({ bogus: 1, other: 2 }), /\(and 1 more problem\)$/u);
  assert.match(brandProblems({ bogus: 1, other: 2, third: 3 }), /\(and 2 more problems\)$/u);
});
