// Names of countries, their capitals, demonyms and seats of government, and the international organisations that
// news about diplomacy names most, from maintained packages (world-countries, i18n-iso-countries) plus what those
// packages lack: short forms used in headlines ("US", "UK"), metonyms ("the Kremlin") and organisation acronyms.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface WorldCountry {
  cca3: string;
  independent?: boolean;
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

export type GazetteerKind = 'country' | 'capital' | 'seat' | 'demonym' | 'organization';

export interface GazetteerEntry {
  kind: GazetteerKind;
  /** Canonical name: the country's common name or the organisation's full name. */
  name: string;
  /** ISO 3166-1 alpha-3 of the country meant, null for international organisations. */
  country: string | null;
}

/** Short and historical forms the packages do not list, or list under another country. */
const EXTRA_COUNTRY_NAMES: Record<string, string[]> = {
  USA: ['US', 'U.S.', 'U.S.A.', 'America', 'United States', 'the United States', 'United States of America'],
  GBR: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom', 'the United Kingdom'],
  RUS: ['Russia', 'Russian Federation'],
  KOR: ['South Korea'],
  PRK: ['North Korea'],
  IRN: ['Iran'],
  SYR: ['Syria'],
  VNM: ['Vietnam'],
  CZE: ['Czech Republic', 'Czechia'],
  TUR: ['Turkey', 'Türkiye', 'Turkiye'],
  PSE: ['Palestine', 'Palestinian territories', 'Gaza', 'West Bank'],
  COD: ['DR Congo', 'Democratic Republic of Congo', 'Democratic Republic of the Congo'],
  NLD: ['Netherlands', 'the Netherlands', 'Holland'],
  TWN: ['Taiwan'],
  VAT: ['Vatican', 'Holy See'],
};

const EXTRA_CAPITALS: Record<string, string[]> = {
  UKR: ['Kiev', 'Kyiv'],
  USA: ['Washington', 'Washington, D.C.'],
  ISR: ['Jerusalem', 'Tel Aviv'],
  CHN: ['Beijing', 'Peking'],
  IND: ['New Delhi', 'Delhi'],
  TUR: ['Ankara'],
  // the seat of the Dutch government, where its ministries and its datelines are
  NLD: ['The Hague'],
};

/** Seats of government and institutions that stand for their state. */
const SEATS: Record<string, string[]> = {
  RUS: ['Kremlin', 'the Kremlin'],
  USA: ['White House', 'the White House', 'Pentagon', 'the Pentagon', 'State Department', 'the State Department'],
  GBR: ['Downing Street', 'Whitehall', 'Foreign Office', 'the Foreign Office'],
  FRA: ['Elysee', 'Élysée', 'the Elysee', 'the Élysée', 'Quai d’Orsay', "Quai d'Orsay"],
  DEU: ['Bundestag', 'Chancellery'],
  CHN: ['Zhongnanhai'],
};

const EXTRA_DEMONYMS: Record<string, string[]> = {
  USA: ['American', 'Americans', 'US', 'U.S.'],
  GBR: ['British', 'Briton', 'Britons', 'UK', 'U.K.', 'English', 'Scottish', 'Welsh'],
  RUS: ['Russian', 'Russians'],
  UKR: ['Ukrainian', 'Ukrainians'],
  DEU: ['German', 'Germans'],
  FRA: ['French'],
  CHN: ['Chinese'],
  NLD: ['Dutch'],
  ISR: ['Israeli', 'Israelis'],
  PSE: ['Palestinian', 'Palestinians'],
  IRN: ['Iranian', 'Iranians'],
  TUR: ['Turkish'],
  SAU: ['Saudi', 'Saudis', 'Saudi Arabian'],
  KOR: ['South Korean'],
  PRK: ['North Korean'],
  KGZ: ['Kyrgyz'],
  BIH: ['Bosnian', 'Bosnians'],
  // world-countries gives only "Filipino"; "the Philippine coast guard" uses the adjective
  PHL: ['Philippine', 'Filipino', 'Filipinos'],
  TJK: ['Tajik', 'Tajiks'],
};

/** International and supranational organisations, with the forms news uses for them. */
const ORGANIZATIONS: Array<{ name: string; aliases: string[] }> = [
  { name: 'NATO', aliases: ['NATO', 'Nato', 'North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation', 'the Alliance'] },
  { name: 'European Union', aliases: ['European Union', 'EU', 'E.U.', 'the European Union', 'Brussels'] },
  { name: 'European Commission', aliases: ['European Commission', 'the European Commission', 'the Commission'] },
  { name: 'European Parliament', aliases: ['European Parliament', 'the European Parliament'] },
  { name: 'European Council', aliases: ['European Council'] },
  { name: 'United Nations', aliases: ['United Nations', 'UN', 'U.N.', 'the United Nations'] },
  { name: 'UN Security Council', aliases: ['Security Council', 'UN Security Council', 'U.N. Security Council', 'United Nations Security Council'] },
  { name: 'UN General Assembly', aliases: ['General Assembly', 'UN General Assembly'] },
  { name: 'International Monetary Fund', aliases: ['International Monetary Fund', 'IMF'] },
  { name: 'World Bank', aliases: ['World Bank'] },
  { name: 'World Trade Organization', aliases: ['World Trade Organization', 'WTO'] },
  { name: 'World Health Organization', aliases: ['World Health Organization', 'WHO'] },
  { name: 'World Food Programme', aliases: ['World Food Programme', 'World Food Program', 'WFP'] },
  { name: 'UNHCR', aliases: ['UNHCR', 'UN refugee agency', 'UN Refugee Agency'] },
  { name: 'UNICEF', aliases: ['UNICEF', 'Unicef'] },
  { name: 'OSCE', aliases: ['OSCE', 'Organization for Security and Co-operation in Europe'] },
  { name: 'OPEC', aliases: ['OPEC'] },
  { name: 'G7', aliases: ['G7', 'G-7', 'Group of Seven'] },
  { name: 'G20', aliases: ['G20', 'G-20', 'Group of 20'] },
  { name: 'African Union', aliases: ['African Union', 'AU'] },
  { name: 'ECOWAS', aliases: ['ECOWAS', 'Ecowas', 'Economic Community of West African States'] },
  { name: 'Collective Security Treaty Organization', aliases: ['Collective Security Treaty Organization', 'CSTO'] },
  { name: 'ASEAN', aliases: ['ASEAN', 'Association of Southeast Asian Nations'] },
  { name: 'Arab League', aliases: ['Arab League'] },
  { name: 'IAEA', aliases: ['IAEA', 'International Atomic Energy Agency'] },
  { name: 'International Criminal Court', aliases: ['International Criminal Court', 'ICC'] },
  { name: 'International Court of Justice', aliases: ['International Court of Justice', 'ICJ'] },
  { name: 'Red Cross', aliases: ['Red Cross', 'ICRC', 'International Committee of the Red Cross'] },
  { name: 'Council of Europe', aliases: ['Council of Europe'] },
  { name: 'Nordic Council', aliases: ['Nordic Council'] },
  { name: 'Arctic Council', aliases: ['Arctic Council'] },
  { name: 'International Maritime Organization', aliases: ['International Maritime Organization', 'IMO'] },
  { name: 'Hamas', aliases: ['Hamas'] },
  { name: 'Hezbollah', aliases: ['Hezbollah'] },
  { name: 'Taliban', aliases: ['Taliban', 'the Taliban'] },
];

/** Demonyms that name a region or bloc rather than one state ("European leaders"). */
export const REGIONAL_ADJECTIVES = new Set([
  'European', 'Western', 'Arab', 'African', 'Asian', 'Nordic', 'Baltic', 'Gulf', 'Latin American', 'Scandinavian',
  'Eastern', 'Balkan', 'Pacific', 'Atlantic', 'Allied', 'Coalition',
]);

export interface Gazetteer {
  /** Looks up a surface form exactly as written (case-sensitive, so "US" is not "us"). */
  lookup(surface: string): GazetteerEntry | undefined;
  /** Longest number of whitespace-separated words of any entry, for greedy matching. */
  maxWords: number;
  /**
   * Whether some entry begins with prefix (one to three characters): false means no surface starting with these
   * characters can be found, so a caller can skip its lookups there.
   */
  mayStart(prefix: string): boolean;
  /** Common English name of a country code. */
  countryName(alpha3: string): string | undefined;
}

let cached: Gazetteer | undefined;

/** Names that, without their accents, are English words ("Malé" -> "Male", "Réunion" -> "Reunion"). */
const ENGLISH_WHEN_FOLDED = new Set(['Male', 'Reunion']);

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const table = new Map<string, GazetteerEntry>();
  const names = new Map<string, string>();
  const add = (surface: string, entry: GazetteerEntry, override = false) => {
    const key = surface.trim();
    if (!key) return;
    if (override || !table.has(key)) table.set(key, entry);
    // "Chisinau", "Bogota", "Reykjavik": English news mostly drops the accents the packages keep
    const folded = key.normalize('NFKD').replace(/\p{M}/gu, '');
    if (folded !== key && !table.has(folded) && !ENGLISH_WHEN_FOLDED.has(folded)) table.set(folded, entry);
  };
  const worldCountries = require('world-countries') as WorldCountry[];
  const isoNames = (require('i18n-iso-countries') as { getNames(lang: string, opts: object): Record<string, string | string[]>; alpha2ToAlpha3(code: string): string })
  ;
  for (const country of worldCountries) {
    names.set(country.cca3, country.name.common);
  }
  for (const [alpha3, common] of Object.entries(EXTRA_COUNTRY_NAMES)) names.set(alpha3, names.get(alpha3) ?? common[0]!);
  const countryEntry = (alpha3: string): GazetteerEntry => ({ kind: 'country', name: names.get(alpha3) ?? alpha3, country: alpha3 });
  // Hand-made forms first: they win over package spellings that collide ("Georgia" stays the country).
  for (const [alpha3, forms] of Object.entries(EXTRA_COUNTRY_NAMES)) for (const form of forms) add(form, countryEntry(alpha3));
  for (const org of ORGANIZATIONS) for (const alias of org.aliases) add(alias, { kind: 'organization', name: org.name, country: null });
  for (const [alpha3, forms] of Object.entries(SEATS)) {
    for (const form of forms) add(form, { kind: 'seat', name: names.get(alpha3) ?? alpha3, country: alpha3 });
  }
  for (const [alpha3, forms] of Object.entries(EXTRA_DEMONYMS)) {
    for (const form of forms) add(form, { kind: 'demonym', name: names.get(alpha3) ?? alpha3, country: alpha3 });
  }
  for (const country of worldCountries) {
    const entry = countryEntry(country.cca3);
    add(country.name.common, entry);
    add(country.name.official, entry);
    for (const alt of country.altSpellings) if (alt.length > 3 && /^[A-Z][a-z]/.test(alt)) add(alt, entry);
  }
  const allNames = isoNames.getNames('en', { select: 'all' });
  for (const [alpha2, forms] of Object.entries(allNames)) {
    const alpha3 = isoNames.alpha2ToAlpha3(alpha2);
    if (!alpha3) continue;
    for (const form of Array.isArray(forms) ? forms : [forms]) if (form.length > 3 && !form.includes(',')) add(form, countryEntry(alpha3));
  }
  for (const [alpha3, forms] of Object.entries(EXTRA_CAPITALS)) {
    for (const form of forms) add(form, { kind: 'capital', name: names.get(alpha3) ?? alpha3, country: alpha3 });
  }
  for (const country of worldCountries) {
    if (country.independent === false) continue;
    for (const capital of country.capital ?? []) add(capital, { kind: 'capital', name: country.name.common, country: country.cca3 });
    const demonym = country.demonyms?.eng;
    if (demonym) {
      // "Bosnian, Herzegovinian": some entries list several demonyms in one string
      for (const form of new Set([demonym.m, demonym.f].flatMap((d) => (d ?? '').split(/,\s*/)))) {
        if (form && !REGIONAL_ADJECTIVES.has(form)) add(form, { kind: 'demonym', name: country.name.common, country: country.cca3 });
      }
    }
  }
  // Adjectives the packages lack ("Icelandic", "Swedish"), guessed from the common name; a wrong guess names no
  // real word, so it never matches.
  for (const country of worldCountries) {
    if (country.independent === false) continue;
    const name = country.name.common;
    if (/\s/.test(name)) continue;
    const guesses = [name + 'ic', name + 'ish', name.replace(/land$/, 'ish'), name.replace(/en$/, 'ish'), name.replace(/a$/, 'an'), name.replace(/y$/, 'ian'), name + 'ian', name.replace(/e$/, 'ian')];
    for (const form of guesses) if (form !== name) add(form, { kind: 'demonym', name, country: country.cca3 });
  }
  let maxWords = 1;
  for (const key of table.keys()) maxWords = Math.max(maxWords, key.split(/\s+/).length);
  const starts = new Set<string>();
  for (const key of table.keys()) for (let len = 1; len <= 3 && len <= key.length; len++) starts.add(key.slice(0, len));
  cached = {
    lookup: (surface) => table.get(surface),
    maxWords,
    mayStart: (prefix) => starts.has(prefix),
    countryName: (alpha3) => names.get(alpha3),
  };
  return cached;
}
