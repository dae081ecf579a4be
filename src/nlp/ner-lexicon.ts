// Gazetteer for the named-entity recogniser: countries, capitals and demonyms from the installed country packages,
// plus hand-written lists of US states, large cities, groups (NORP) and international organisations.
// Used at training time; the phrase list is stored inside the NER model so prediction needs no package.

import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';

export type GazType = 'COUNTRY' | 'CITY' | 'STATE' | 'DEMONYM' | 'GROUP' | 'ORG' | 'ORGX' | 'PERSON';

interface WorldCountry {
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

const US_STATES = `Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois
Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska
Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island
South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington State|West Virginia|Wisconsin|Wyoming
Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|Queensland|New South Wales|Victoria|Tasmania
Scotland|Wales|England|Northern Ireland|Catalonia|Bavaria|Punjab|Kashmir|Tibet|Xinjiang|Chechnya|Crimea|Donbas|Kurdistan
Darfur|Gaza|West Bank|Golan Heights|Hong Kong|Macau|Kosovo|Transnistria|Abkhazia|Balochistan|Sindh|Kerala|Gujarat|Bengal`;

const CITIES = `New York City|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|San Jose|Austin
Boston|Seattle|Denver|Atlanta|Miami|Detroit|Baltimore|Portland|Las Vegas|New Orleans|Cleveland|Pittsburgh|St. Louis
San Francisco|Oakland|Sacramento|Minneapolis|Nashville|Memphis|Milwaukee|Cincinnati|Orlando|Tampa|Honolulu|Anchorage
Washington, D.C.|Washington D.C.|Washington DC|Brooklyn|Manhattan|Toronto|Montreal|Vancouver|Mexico City|Havana
Rio de Janeiro|Sao Paulo|São Paulo|Buenos Aires|Bogota|Bogotá|Lima|Santiago|Caracas|London|Manchester|Liverpool
Birmingham|Edinburgh|Glasgow|Dublin|Belfast|Paris|Marseille|Lyon|Berlin|Munich|Hamburg|Frankfurt|Cologne|Vienna|Zurich
Geneva|Bern|Brussels|Amsterdam|The Hague|Rotterdam|Madrid|Barcelona|Lisbon|Rome|Milan|Naples|Venice|Florence|Athens
Istanbul|Ankara|Moscow|St. Petersburg|Saint Petersburg|Kiev|Kyiv|Kharkiv|Odesa|Odessa|Minsk|Warsaw|Krakow|Prague
Budapest|Bucharest|Sofia|Belgrade|Zagreb|Stockholm|Oslo|Copenhagen|Helsinki|Reykjavik|Tallinn|Riga|Vilnius|Tbilisi
Baku|Yerevan|Tehran|Baghdad|Basra|Mosul|Fallujah|Damascus|Aleppo|Beirut|Amman|Jerusalem|Tel Aviv|Riyadh|Jeddah|Mecca
Medina|Doha|Dubai|Abu Dhabi|Kuwait City|Muscat|Sanaa|Cairo|Alexandria|Tripoli|Benghazi|Tunis|Algiers|Rabat|Casablanca
Khartoum|Addis Ababa|Nairobi|Mogadishu|Kampala|Kigali|Lagos|Abuja|Accra|Dakar|Kinshasa|Johannesburg|Cape Town|Pretoria
Harare|Luanda|Kabul|Kandahar|Islamabad|Karachi|Lahore|Peshawar|Delhi|New Delhi|Mumbai|Bombay|Kolkata|Calcutta|Chennai
Bangalore|Bengaluru|Hyderabad|Dhaka|Colombo|Kathmandu|Beijing|Shanghai|Hong Kong|Shenzhen|Guangzhou|Wuhan|Taipei|Seoul
Pyongyang|Tokyo|Osaka|Kyoto|Hiroshima|Manila|Jakarta|Bangkok|Hanoi|Ho Chi Minh City|Saigon|Singapore|Kuala Lumpur
Yangon|Phnom Penh|Sydney|Melbourne|Brisbane|Perth|Canberra|Auckland|Wellington|Christchurch|Davos|Strasbourg|Minsk
Sochi|Vladivostok|Grozny|Donetsk|Luhansk|Mariupol|Bakhmut|Sevastopol|Rafah|Khan Younis|Ramallah|Hebron|Haifa|Gaza City`;

const GROUPS = `Muslim|Muslims|Christian|Christians|Jew|Jews|Jewish|Catholic|Catholics|Protestant|Protestants|Hindu|Hindus
Buddhist|Buddhists|Sikh|Sikhs|Sunni|Sunnis|Shia|Shiite|Shiites|Shi'ite|Islamic|Islamist|Islamists|Orthodox|Evangelical
Evangelicals|Mormon|Mormons|Democrat|Democrats|Republican|Republicans|Democratic|Conservative|Conservatives|Tory|Tories
Labour|Liberal|Liberals|Socialist|Socialists|Communist|Communists|Arab|Arabs|Kurd|Kurds|Kurdish|Palestinian|Palestinians
European|Europeans|African|Africans|Asian|Asians|Latino|Latinos|Hispanic|Hispanics|Western|Westerners|Pashtun|Pashtuns
Tamil|Tamils|Sinhalese|Hutu|Tutsi|Uyghur|Uyghurs|Uighur|Uighurs|Rohingya|Baloch|Yazidi|Yazidis|Druze|Alawite|Alawites
Bedouin|Persian|Persians|Slavic|Aboriginal|Maori|Zionist|Zionists|Ba'athist|Baathist`;

const ORGS = `United Nations|UN|U.N.|NATO|Nato|EU|E.U.|European Union|European Commission|European Parliament|European Council
Council of Europe|Security Council|UN Security Council|General Assembly|World Health Organization|WHO|World Bank
International Monetary Fund|IMF|World Trade Organization|WTO|OPEC|ASEAN|African Union|Arab League|League of Arab States
Gulf Cooperation Council|GCC|G7|G8|G20|G-7|G-20|OSCE|OECD|Interpol|Europol|UNESCO|UNICEF|UNHCR|UNRWA|IAEA|ICC|ICJ
World Food Programme|World Food Program|WFP
International Criminal Court|International Court of Justice|Red Cross|Red Crescent|International Committee of the Red Cross
Amnesty International|Human Rights Watch|Doctors Without Borders|Medecins Sans Frontieres|Greenpeace|Commonwealth
Organization of American States|Shanghai Cooperation Organisation|BRICS|Mercosur|APEC|World Economic Forum|WEF
Hamas|Hezbollah|Hizbollah|Taliban|al-Qaeda|al Qaeda|Al Qaeda|al-Qaida|Al-Qaeda|ISIS|ISIL|Islamic State|Boko Haram
al-Shabaab|Al-Shabaab|Houthis|Fatah|PLO|Palestinian Authority|Muslim Brotherhood|Kremlin|Pentagon|White House|Congress
Senate|House of Representatives|Supreme Court|State Department|Department of State|Defense Department|Justice Department
Department of Justice|Department of Defense|Homeland Security|FBI|CIA|NSA|EPA|FDA|CDC|NASA|Federal Reserve|Fed|Treasury
Parliament|Knesset|Duma|Bundestag|Downing Street|Foreign Office|Élysée|Elysee|Bundeswehr|Politburo|Reuters|Associated Press
AP|AFP|BBC|CNN|Fox News|New York Times|Washington Post|Wall Street Journal|Al Jazeera|Xinhua|TASS|Democratic Party
Republican Party|Labour Party|Conservative Party|GOP|European Central Bank|ECB|Bank of England|Microsoft|Google|Apple
Amazon|Facebook|Meta|Enron|Exxon|ExxonMobil|Shell|BP|Gazprom|Rosneft|Aramco|Saudi Aramco|Toyota|Boeing|Airbus|Huawei`;

function splitList(s: string): string[] {
  const out: string[] = [];
  for (const line of s.split('\n')) {
    const parts = line.includes('|') ? line.split('|') : line.split(' ');
    for (const p of parts) if (p.trim()) out.push(p.trim());
  }
  return out;
}

function pluralDemonym(d: string): string[] {
  if (/(ese|ss|ch|sh)$/.test(d) || /ish$/.test(d) || /[iy]$/.test(d) === false && /[aeiou]$/.test(d) === false && !/n$/.test(d)) return [d];
  if (/i$/.test(d)) return [d, d + 's'];
  return [d, d + 's'];
}

const CORP_SUFFIX = /\s+(INC|INCORPORATED|CORP|CORPORATION|CO|COMPANY|COMPANIES|LTD|LIMITED|PLC|LLC|LP|AG|SA|NV|GROUP|HOLDINGS?)\.?$/;

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(' ')
    .map((w) => (/^(of|the|and|for|de|la|du|des|del|in|on|at|to)$/.test(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

/**
 * Organisations (IGOs, NGOs, multinationals) and office holders from the PETRARCH2 international actors
 * dictionary (MIT licence): entries with a date range name people, the others organisations.
 */
export function petrarchActors(path: string): Array<[string, GazType]> {
  const out: Array<[string, GazType]> = [];
  let currentType: GazType | null = null;
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (!line || line.startsWith('#')) continue;
    const m = /^(\+?)([A-Z0-9][A-Z0-9_.&'-]*)\s*(\[[^\]]*\])?/.exec(line.trim());
    if (!m) continue;
    const synonym = m[1] === '+';
    const name = m[2]!.replace(/_+$/, '').replace(/_/g, ' ').trim();
    if (!synonym) {
      const code = m[3] ?? '';
      currentType = /\d{6}/.test(code) || /\d{6}/.test(line) ? 'PERSON' : 'ORGX';
    }
    if (!currentType || name.length < 3 || name.includes(' SECRETARY') || name.includes('SECY')) continue;
    const forms = new Set([name]);
    const stripped = name.replace(CORP_SUFFIX, '');
    if (stripped.length >= 4 && stripped !== name) forms.add(stripped);
    if (/^THE /.test(name)) forms.add(name.slice(4));
    for (const f of forms) {
      out.push([titleCase(f), currentType]);
      if (f.length <= 5 && !f.includes(' ')) out.push([f, currentType]);
    }
  }
  return out;
}

/** Sorted, de-duplicated [phrase, type] pairs (deterministic for a given set of package versions and data). */
export function buildGazetteer(petrarchPath?: string): Array<[string, GazType]> {
  const require = createRequire(import.meta.url);
  const wcMod = require('world-countries') as WorldCountry[] | { default: WorldCountry[] };
  const countries: WorldCountry[] = Array.isArray(wcMod) ? wcMod : wcMod.default;
  const iso = require('i18n-iso-countries') as { getNames(lang: string, opts: { select: string }): Record<string, string | string[]> };
  const map = new Map<string, GazType>();
  const add = (phrase: string, type: GazType): void => {
    const p = phrase.trim();
    if (p.length < 2 || /[^\p{L}\p{N} .,'&()-]/u.test(p)) return;
    if (!map.has(p)) map.set(p, type);
  };
  for (const c of countries) {
    add(c.name.common, 'COUNTRY');
    add(c.name.official, 'COUNTRY');
    for (const a of c.altSpellings) if (a.length > 3 && /^[A-Z]/.test(a)) add(a, 'COUNTRY');
  }
  for (const v of Object.values(iso.getNames('en', { select: 'all' }))) {
    for (const n of Array.isArray(v) ? v : [v]) add(n, 'COUNTRY');
  }
  for (const extra of ['US', 'U.S.', 'USA', 'U.S.A.', 'America', 'UK', 'U.K.', 'Britain', 'Great Britain', 'Russia', 'Iran',
    'Syria', 'North Korea', 'South Korea', 'Korea', 'Vietnam', 'Laos', 'Taiwan', 'Palestine', 'Burma', 'Holland', 'UAE', 'DRC',
    'Congo', 'Ivory Coast', 'Czech Republic', 'Czechia', 'Turkey', 'Vatican', 'Soviet Union', 'USSR', 'Yugoslavia']) add(extra, 'COUNTRY');
  for (const c of countries) for (const cap of c.capital ?? []) add(cap, 'CITY');
  for (const city of splitList(CITIES)) add(city, 'CITY');
  for (const s of splitList(US_STATES)) add(s, 'STATE');
  for (const c of countries) {
    const d = c.demonyms?.eng;
    if (!d) continue;
    for (const form of new Set([d.m, d.f])) for (const part of form.split(',')) for (const p of pluralDemonym(part.trim())) add(p, 'DEMONYM');
  }
  for (const g of splitList(GROUPS)) add(g, 'GROUP');
  for (const o of splitList(ORGS)) add(o, 'ORG');
  if (petrarchPath && existsSync(petrarchPath)) for (const [p, t] of petrarchActors(petrarchPath)) add(p, t);
  return [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Splits a phrase into tokens the way treebank tokenisation would (commas and hyphen variants). */
export function phraseTokens(phrase: string): string[][] {
  const base = phrase.replace(/,/g, ' ,').split(/\s+/).filter(Boolean);
  const variants = [base];
  if (phrase.includes('-')) {
    const split: string[] = [];
    for (const t of base) {
      const parts = t.split(/(-)/).filter(Boolean);
      split.push(...parts);
    }
    variants.push(split);
  }
  if (base[0] === 'The' || base[0] === 'the') variants.push(base.slice(1));
  return variants.filter((v) => v.length > 0);
}

/** Longest-match phrase lookup over token sequences. */
export class GazetteerMatcher {
  private readonly byFirst = new Map<string, Array<{ toks: string[]; type: number }>>();
  private readonly byFirstLower = new Map<string, Array<{ toks: string[]; type: number }>>();
  readonly types: GazType[] = ['COUNTRY', 'CITY', 'STATE', 'DEMONYM', 'GROUP', 'ORG', 'ORGX', 'PERSON'];

  constructor(entries: Array<[string, GazType]>) {
    for (const [phrase, type] of entries) {
      for (const toks of phraseTokens(phrase)) {
        const first = toks[0]!;
        let list = this.byFirst.get(first);
        if (!list) this.byFirst.set(first, (list = []));
        list.push({ toks, type: this.types.indexOf(type) });
      }
    }
    for (const [first, list] of this.byFirst) {
      const lower = first.toLowerCase();
      let l2 = this.byFirstLower.get(lower);
      if (!l2) this.byFirstLower.set(lower, (l2 = []));
      for (const e of list) l2.push({ toks: e.toks.map((t) => t.toLowerCase()), type: e.type });
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.toks.length - a.toks.length);
    for (const list of this.byFirstLower.values()) list.sort((a, b) => b.toks.length - a.toks.length);
  }

  /** Like match, ignoring case. */
  matchLower(words: readonly string[]): Array<{ start: number; end: number; type: GazType }> {
    return this.matchIn(this.byFirstLower, words.map((w) => w.toLowerCase()));
  }

  /** Non-overlapping longest matches, left to right. */
  match(words: readonly string[]): Array<{ start: number; end: number; type: GazType }> {
    return this.matchIn(this.byFirst, words);
  }

  private matchIn(index: Map<string, Array<{ toks: string[]; type: number }>>, words: readonly string[]): Array<{ start: number; end: number; type: GazType }> {
    const out: Array<{ start: number; end: number; type: GazType }> = [];
    let i = 0;
    while (i < words.length) {
      const list = index.get(words[i]!);
      let found = false;
      if (list) {
        for (const e of list) {
          if (i + e.toks.length > words.length) continue;
          let ok = true;
          for (let k = 1; k < e.toks.length; k++) if (words[i + k] !== e.toks[k]) { ok = false; break; }
          if (ok) {
            out.push({ start: i, end: i + e.toks.length, type: this.types[e.type]! });
            i += e.toks.length;
            found = true;
            break;
          }
        }
      }
      if (!found) i++;
    }
    return out;
  }
}
