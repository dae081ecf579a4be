// The briefing as data: sections of lines, each line made of text, bold names and citations of numbered sources.
// render.ts writes it as Markdown or HTML, so both say the same thing and every line can link to its articles.
//
// Near-duplicate articles (one report rewritten by several outlets: a story group of the store) are read as one
// report: their quotes, events and stances are matched up and counted once, and each line cites every article
// of the group that carries it.
import type { Extraction, Quote } from '../contract.js';
import { daysApart, groupEventReports, MAX_DAYS_APART, nameKey, normalisedWords, type Store } from '../kb/index.js';

export interface BriefingOptions {
  topic?: string;
  since?: string;
  /** Most articles to read, newest first. */
  limit?: number;
  /** Output of briefing(): Markdown (default) or a standalone HTML document. */
  format?: 'md' | 'html';
}

/** A piece of a line: plain text, a bold name, or citations of numbered sources. */
export type Part = { text: string } | { strong: string } | { cite: number[] };

export interface Line {
  parts: Part[];
}

export type SectionKey = 'parties' | 'positions' | 'shifts' | 'disagreements' | 'changed' | 'left-out' | 'events' | 'quotes';

export interface Section {
  key: SectionKey;
  title: string;
  /** A sentence before the lines (or instead of them when there are none). */
  note?: Part[];
  lines: Line[];
}

export interface Source {
  /** Its number in citations, from 1. */
  n: number;
  articleId: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  source: string;
  storyId: string;
  /** The number of the earliest article of its story group when this one is a near-duplicate of it. */
  sameReportAs: number | null;
  /** False for an article of the period before `since`, read only for "What changed". */
  inPeriod: boolean;
}

export interface Briefing {
  title: string;
  /** Set when there is nothing to brief on; the rest is then empty. */
  empty: string | null;
  summary: Part[][];
  sections: Section[];
  sources: Source[];
}

/** The words in a quote that mark an objection to being left out (besides stances on the issue "exclusion"). */
export const EXCLUSION_PATTERN = /\b(without us|left out|excluded|exclusion|sidelined|shut out)\b/i;
/** Event types whose source, when the sentence speaks of being left out, objects to it. */
const OBJECTIONS = new Set(['PROTEST', 'REQUEST', 'ACCUSE', 'REJECT']);

// ---- stories: a story group's articles read as one report -----------------------------------------------------

interface Story {
  id: string;
  /** The earliest article's date: the report's date. */
  date: string | null;
  /** Earliest first. */
  records: Extraction[];
  nums: number[];
  inPeriod: boolean;
}

interface StoryQuote {
  speaker: string;
  speakerKey: string;
  kind: Quote['kind'];
  content: string;
  words: string[];
  cites: number[];
  /** Where it is in each article of the story that carries it (by the article's index in the story). */
  spans: Map<number, { start: number; end: number }>;
}

interface StoryStance {
  holder: string;
  holderKey: string;
  issue: string;
  polarity: 'support' | 'oppose';
  evidence: string;
  evidenceWords: string[];
  cites: number[];
}

interface StoryEvent {
  date: string | null;
  type: string;
  text: string;
  /** Participants' name keys, sources then targets, and each side's. */
  who: string[];
  sourceKeys: string[];
  targetKeys: string[];
  location: string | null;
  evidence: string;
  evidenceWords: string[];
  /** Source actors' names, and whether its evidence speaks of being left out (see leftOutSection). */
  sources: string[];
  exclusion: boolean;
  /** Listed under Events: it has a source and a counterpart or a place (what happened between parties). */
  listed: boolean;
  cites: number[];
}

interface ReadStory extends Story {
  quotes: StoryQuote[];
  stances: StoryStance[];
  events: StoryEvent[];
}

export async function buildBriefing(store: Store, options: BriefingOptions): Promise<Briefing> {
  const title = `Briefing${options.topic ? `: ${options.topic}` : ''}`;
  const { current, previous, previousRange } = await loadRecords(store, options);
  if (current.length === 0) {
    const empty = options.topic ? `No stored articles match "${options.topic}"${options.since ? ` since ${options.since}` : ''}.`
      : options.since ? `No stored articles since ${options.since}.` : 'The store has no articles yet.';
    return { title, empty, summary: [], sections: [], sources: [] };
  }
  const storyIds = await store.storyIds([...current, ...previous].map((r) => r.article.id));
  const all = [...current.map((r) => ({ r, inPeriod: true })), ...previous.map((r) => ({ r, inPeriod: false }))];
  // The period's articles first (numbered as without since), then those of the period before.
  all.sort((a, b) => Number(b.inPeriod) - Number(a.inPeriod) || byDate(a.r.article.published, b.r.article.published));

  // Number the sources in date order; the articles of one story group are read together as one report.
  const stories = new Map<string, Story>();
  const sources: Source[] = [];
  for (const { r, inPeriod } of all) {
    const storyId = storyIds[r.article.id] ?? r.article.id;
    // A story spanning the since boundary is split: each period reads its own articles.
    const key = `${inPeriod ? 'now' : 'before'}:${storyId}`;
    let story = stories.get(key);
    if (!story) {
      story = { id: storyId, date: r.article.published, records: [], nums: [], inPeriod };
      stories.set(key, story);
    }
    const n = sources.length + 1;
    story.records.push(r);
    story.nums.push(n);
    const { id, title: articleTitle, outlet, published, url, source } = r.article;
    sources.push({
      n, articleId: id, title: articleTitle, outlet, published, url, source, storyId,
      sameReportAs: story.nums.length > 1 ? story.nums[0]! : null, inPeriod,
    });
  }
  const read = [...stories.values()].map(readStory);
  const now = read.filter((s) => s.inPeriod);
  const before = read.filter((s) => !s.inPeriod);

  const sections: Section[] = [
    partiesSection(now),
    positionsSection(now),
  ];
  const shifts = shiftsSection(now);
  if (shifts.lines.length > 0) sections.push(shifts);
  const disagreements = disagreementsSection(now);
  if (disagreements.lines.length > 0) sections.push(disagreements);
  if (options.since) sections.push(changedSection(now, before, options.since, previousRange));
  sections.push(leftOutSection(now), eventsSection(now), quotesSection(now));

  const dates = current.map((r) => r.article.published).filter((d): d is string => !!d).sort();
  const span = dates.length ? ` (${dates[0]} to ${dates[dates.length - 1]})` : '';
  const summary: Part[][] = [[{ text: `${current.length} article(s)${span}` + (now.length < current.length ? `, ${now.length} distinct report(s).` : '.') }]];
  const carriedTwice = now.filter((s) => s.records.length > 1);
  for (const story of carriedTwice.slice(0, MAX_LISTED_REPORTS)) {
    const outlets = story.records.map((r) => `${r.article.outlet ?? r.article.source} (${r.article.published ?? 'undated'})`);
    summary.push([
      { text: `“${story.records[0]!.article.title ?? '(untitled)'}” was carried by ${joinList(outlets)}; it is counted once ` },
      { cite: story.nums },
      { text: '.' },
    ]);
  }
  if (carriedTwice.length > MAX_LISTED_REPORTS) {
    summary.push([{ text: `${carriedTwice.length - MAX_LISTED_REPORTS} more report(s) were carried by several outlets; see Sources.` }]);
  }
  return { title, empty: null, summary, sections, sources };
}

/** Reports carried by several outlets named in the summary; the rest are marked in Sources. */
const MAX_LISTED_REPORTS = 10;

// ---- reading one story ------------------------------------------------------------------------------------------

function readStory(story: Story): ReadStory {
  const quotes: StoryQuote[] = [];
  const stances: StoryStance[] = [];
  const events: StoryEvent[] = [];
  const texts = story.records.map((r) => new TextWords(r.article.text));
  story.records.forEach((r, i) => {
    const n = story.nums[i]!;
    const nameOf = (id: string | null) => r.actors.find((a) => a.id === id)?.name ?? 'someone';
    for (const q of r.quotes) {
      if (!q.speaker) continue;
      const speaker = nameOf(q.speaker);
      const speakerKey = nameKey(speaker);
      const content = q.content.text.replace(/\s+/g, ' ').trim().replace(/[,]$/, '');
      const words = normalisedWords(content);
      const span = { start: q.content.start, end: q.content.end };
      // The same statement in a rewrite: the same words, or (extraction may cut a quote differently in each
      // article) words of one found in the other's text where the other quotes the same speaker.
      const same = quotes.find((other) => other.speakerKey === speakerKey
        && (sameWords(other.words, words) || [...other.spans].some(([j, at]) => j !== i
          && (texts[j]!.near(words, at) || texts[i]!.near(other.words, span)))));
      if (same) {
        addCite(same.cites, n);
        if (!same.spans.has(i)) same.spans.set(i, span);
      } else {
        quotes.push({ speaker, speakerKey, kind: q.kind, content, words, cites: [n], spans: new Map([[i, span]]) });
      }
    }
    for (const s of r.stances) {
      const holder = nameOf(s.holder);
      const holderKey = nameKey(holder);
      const evidence = s.evidence.text.replace(/\s+/g, ' ').trim();
      const evidenceWords = normalisedWords(evidence);
      // The earliest article's reading of a position stands for the report; a rewrite adds what it alone says. A
      // rewrite's sentence may get another issue label: the same holder, polarity and sentence are the same stance.
      const same = stances.find((other) => other.holderKey === holderKey
        && (other.issue === s.issue || (other.polarity === s.polarity && sameWords(other.evidenceWords, evidenceWords))));
      if (same) {
        if (same.polarity === s.polarity) addCite(same.cites, n);
        continue;
      }
      stances.push({ holder, holderKey, issue: s.issue, polarity: s.polarity, evidence, evidenceWords, cites: [n] });
    }
    for (const e of r.events) {
      if (e.modality !== 'asserted' || e.negated) continue;
      const names = [...e.source, ...e.target].map(nameOf);
      const who = names.map(nameKey);
      // An undated event takes the report's date, not each rewrite's own, so that the rewrites' copies meet.
      const date = e.date ?? story.date;
      const parties = e.target.length ? `${e.source.map(nameOf).join(', ')} → ${e.target.map(nameOf).join(', ')}` : e.source.map(nameOf).join(', ');
      const sentence = e.evidence.text.replace(/\s+/g, ' ').trim();
      const gist = sentence.length > 140 ? `${sentence.slice(0, 139).trimEnd()}…` : sentence;
      const text = `${e.type}${e.mode ? ` (${e.mode})` : ''}: ${parties}${e.location ? `, in ${e.location}` : ''}: “${gist}”`;
      const evidenceWords = normalisedWords(e.evidence.text);
      // Within one report, a rewrite's copy of an event may carry another date (its own publication's "Friday"):
      // the same type with the same participants or the same sentence is the same event.
      const same = events.find((other) => other.type === e.type
        && ((other.date === date && other.text === text)
          || (story.records.length > 1 && (sameList(other.who, who) || sameWords(other.evidenceWords, evidenceWords)))));
      if (same) addCite(same.cites, n);
      else {
        events.push({
          date, type: e.type, text, who, sourceKeys: e.source.map((id) => nameKey(nameOf(id))),
          targetKeys: e.target.map((id) => nameKey(nameOf(id))), location: e.location, evidence: e.evidence.text.replace(/\s+/g, ' ').trim(), evidenceWords, cites: [n],
          sources: e.source.map(nameOf), exclusion: EXCLUSION_PATTERN.test(e.evidence.text),
          listed: e.source.length > 0 && (e.target.length > 0 || !!e.location),
        });
      }
    }
  });
  return { ...story, quotes, stances, events };
}

/** The words of an article with their offsets, and an index of its word 4-grams, to find a passage from another. */
class TextWords {
  private readonly words: Array<{ word: string; start: number }> = [];
  private grams: Map<string, number[]> | null = null;
  static readonly GRAM = 4;
  /** How far (in characters) a found passage may lie from the quote it is taken to be. */
  static readonly SLACK = 80;

  constructor(text: string) {
    for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’‘ʼ][\p{L}]+)*/gu)) {
      for (const word of normalisedWords(match[0])) this.words.push({ word, start: match.index });
    }
  }

  /** True when a run of the given words (4 in a row, or all of them when fewer) occurs within SLACK of a span. */
  near(words: string[], span: { start: number; end: number }): boolean {
    if (words.length === 0) return false;
    const k = Math.min(TextWords.GRAM, words.length);
    const close = (i: number) => {
      const at = this.words[i]!.start;
      return at >= span.start - TextWords.SLACK && at <= span.end + TextWords.SLACK;
    };
    if (k < TextWords.GRAM) {
      for (let i = 0; i + k <= this.words.length; i++) {
        if (words.every((w, j) => this.words[i + j]!.word === w) && close(i)) return true;
      }
      return false;
    }
    const grams = this.index();
    for (let i = 0; i + k <= words.length; i++) {
      for (const at of grams.get(words.slice(i, i + k).join(' ')) ?? []) if (close(at)) return true;
    }
    return false;
  }

  private index(): Map<string, number[]> {
    if (this.grams) return this.grams;
    this.grams = new Map();
    for (let i = 0; i + TextWords.GRAM <= this.words.length; i++) {
      const key = this.words.slice(i, i + TextWords.GRAM).map((w) => w.word).join(' ');
      const list = this.grams.get(key);
      if (list) list.push(i);
      else this.grams.set(key, [i]);
    }
    return this.grams;
  }
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The same quotation in two articles: the same words, one inside the other, or most words shared. */
function sameWords(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const x = ` ${a.join(' ')} `;
  const y = ` ${b.join(' ')} `;
  if (x.includes(y) || y.includes(x)) return true;
  const setA = new Set(a);
  const setB = new Set(b);
  let both = 0;
  for (const w of setA) if (setB.has(w)) both++;
  return both / (setA.size + setB.size - both) >= 0.6;
}

// ---- sections ---------------------------------------------------------------------------------------------------

function partiesSection(stories: ReadStory[]): Section {
  const parties = new Map<string, { name: string; roles: Set<string>; country: string | null; type: string; stories: Set<string>; cites: number[]; quotes: number }>();
  for (const story of stories) {
    story.records.forEach((r, i) => {
      for (const actor of r.actors) {
        const party = parties.get(actor.name) ?? { name: actor.name, roles: new Set<string>(), country: actor.country, type: actor.type, stories: new Set<string>(), cites: [], quotes: 0 };
        actor.roles.forEach((role) => party.roles.add(role));
        party.country ??= actor.country;
        party.stories.add(story.id);
        addCite(party.cites, story.nums[i]!);
        parties.set(actor.name, party);
      }
    });
    for (const q of story.quotes) {
      const party = parties.get(q.speaker);
      if (party) party.quotes++;
    }
  }
  const top = [...parties.values()].sort((a, b) => b.stories.size - a.stories.size || b.cites.length - a.cites.length).slice(0, 15);
  return {
    key: 'parties',
    title: 'Parties',
    lines: top.map((p) => {
      const details = [[...p.roles].join(', '), p.country].filter(Boolean).join(', ');
      const quotes = p.quotes > 0 ? `, ${p.quotes} quote(s)` : '';
      return line({ strong: p.name }, { text: ` (${p.type}${details ? `; ${details}` : ''}), in ${p.stories.size} report(s)${quotes} ` }, { cite: p.cites });
    }),
  };
}

interface Position {
  holder: string;
  issue: string;
  polarity: 'support' | 'oppose';
  date: string | null;
  cites: number[];
}

/** The latest position of each holder on each issue (stories in date order), keyed holder key + issue. */
function latestPositions(stories: ReadStory[]): Map<string, Position & { all: number[] }> {
  const positions = new Map<string, Position & { all: number[] }>();
  for (const story of stories) {
    for (const s of story.stances) {
      const key = `${s.holderKey}\u0000${s.issue}`;
      const all = positions.get(key)?.all ?? [];
      s.cites.forEach((n) => addCite(all, n));
      positions.set(key, { holder: s.holder, issue: s.issue, polarity: s.polarity, date: story.date, cites: s.cites, all });
    }
  }
  return positions;
}

function positionsSection(stories: ReadStory[]): Section {
  const byHolder = new Map<string, Array<Position & { all: number[] }>>();
  for (const position of latestPositions(stories).values()) {
    byHolder.set(position.holder, [...(byHolder.get(position.holder) ?? []), position]);
  }
  const lines = [...byHolder.entries()].map(([holder, cells]) => {
    const parts: Part[] = [{ text: `${holder}: ` }];
    cells.forEach((cell, i) => {
      parts.push({ text: `${i > 0 ? '; ' : ''}${cell.polarity} “${cell.issue}” ` }, { cite: cell.all });
    });
    return { parts };
  });
  return { key: 'positions', title: 'Positions', lines, ...(lines.length === 0 ? { note: [{ text: 'No positions were found.' }] } : {}) };
}

/** Two outlets giving one actor opposite positions within a day of each other: a disagreement, not a change of mind. */
function outletsDisagree(a: { date: string | null; outlet: string | null }, b: { date: string | null; outlet: string | null }): boolean {
  if (a.date === null || b.date === null || a.outlet === null || b.outlet === null || a.outlet === b.outlet) return false;
  const apart = daysApart(a.date, b.date);
  return apart !== null && apart <= MAX_DAYS_APART;
}

function outletOf(story: ReadStory): string | null {
  return story.records[0]?.article.outlet ?? null;
}

function disagreementsSection(stories: ReadStory[]): Section {
  const lines: Line[] = [];
  const byCell = new Map<string, Array<{ holder: string; issue: string; polarity: string; date: string | null; outlet: string | null; cites: number[] }>>();
  for (const story of stories) {
    for (const s of story.stances) {
      const key = `${s.holderKey}\u0000${s.issue}`;
      byCell.set(key, [...(byCell.get(key) ?? []), { holder: s.holder, issue: s.issue, polarity: s.polarity, date: story.date, outlet: outletOf(story), cites: s.cites }]);
    }
  }
  for (const reports of byCell.values()) {
    const support = reports.filter((r) => r.polarity === 'support');
    const oppose = reports.filter((r) => r.polarity === 'oppose');
    const pair = support.flatMap((a) => oppose.filter((b) => outletsDisagree(a, b)).map((b) => [a, b] as const))[0];
    if (!pair) continue;
    const [a, b] = byDate(pair[0].date, pair[1].date) <= 0 ? pair : [pair[1], pair[0]];
    lines.push(line(
      { text: `${a.holder} on “${a.issue}”: ${a.outlet} reports ${a.polarity} (${a.date}) ` },
      { cite: a.cites },
      { text: `; ${b.outlet} reports ${b.polarity} (${b.date}) ` },
      { cite: b.cites },
      { text: '.' },
    ));
  }
  return { key: 'disagreements', title: 'Where reports disagree', lines };
}

function shiftsSection(stories: ReadStory[]): Section {
  const lines: Line[] = [];
  const last = new Map<string, { polarity: string; date: string | null; outlet: string | null; cites: number[] }>();
  for (const story of stories) {
    for (const s of story.stances) {
      const key = `${s.holderKey}\u0000${s.issue}`;
      const before = last.get(key);
      const here = { date: story.date, outlet: outletOf(story) };
      if (before && before.polarity !== s.polarity && outletsDisagree(before, here)) continue;
      if (before && before.polarity !== s.polarity) {
        lines.push(line(
          { text: `${s.holder} moved from ${before.polarity} to ${s.polarity} on “${s.issue}” (${before.date ?? 'undated'} ` },
          { cite: before.cites },
          { text: ` → ${story.date ?? 'undated'} ` },
          { cite: s.cites },
          { text: ').' },
        ));
      }
      last.set(key, { polarity: s.polarity, date: story.date, outlet: here.outlet, cites: s.cites });
    }
  }
  return { key: 'shifts', title: 'Shifts', lines };
}

function changedSection(now: ReadStory[], before: ReadStory[], since: string, range: { from: string; to: string } | null): Section {
  const section: Section = { key: 'changed', title: 'What changed', lines: [] };
  const period = range ? `${range.from} to ${range.to}` : 'the period before';
  if (before.length === 0) {
    section.note = [{ text: `No articles are stored for the period before ${since}${range ? ` (${period})` : ''}, so there is nothing to compare with.` }];
    return section;
  }
  const was = latestPositions(before);
  const is = latestPositions(now);
  let unchanged = 0;
  for (const [key, position] of is) {
    const old = was.get(key);
    if (!old) {
      section.lines.push(line({ text: `${position.holder} newly takes a position: ${position.polarity} “${position.issue}” ` }, { cite: position.cites }, { text: '.' }));
    } else if (old.polarity !== position.polarity) {
      section.lines.push(line(
        { text: `${position.holder} moved from ${old.polarity} to ${position.polarity} on “${position.issue}” ` },
        { cite: old.cites }, { text: ' → ' }, { cite: position.cites }, { text: '.' },
      ));
    } else {
      unchanged++;
    }
  }
  const dropped = [...was.keys()].filter((key) => !is.has(key)).length;
  const changedPositions = section.lines.length;
  // Event counts by type, where they moved.
  const count = (stories: ReadStory[]) => {
    const counts = new Map<string, { n: number; cites: number[] }>();
    for (const story of stories) {
      for (const e of story.events) {
        const type = e.type;
        const entry = counts.get(type) ?? { n: 0, cites: [] };
        entry.n++;
        e.cites.forEach((n) => addCite(entry.cites, n));
        counts.set(type, entry);
      }
    }
    return counts;
  };
  const eventsBefore = count(before);
  const eventsNow = count(now);
  const types = [...new Set([...eventsBefore.keys(), ...eventsNow.keys()])].sort();
  for (const type of types) {
    const a = eventsBefore.get(type);
    const b = eventsNow.get(type);
    if ((a?.n ?? 0) === (b?.n ?? 0)) continue;
    const parts: Part[] = [{ text: `${type} events: ${a?.n ?? 0} before` }];
    if (a) parts.push({ text: ' ' }, { cite: a.cites });
    parts.push({ text: `, ${b?.n ?? 0} since ${since}` });
    if (b) parts.push({ text: ' ' }, { cite: b.cites });
    parts.push({ text: '.' });
    section.lines.push({ parts });
  }
  section.note = [{
    text: `Positions since ${since} against ${period}: ${changedPositions === 0 ? 'no new or reversed position' : `${changedPositions} new or reversed`}`
      + `; ${unchanged} held in both unchanged; ${dropped} of the period before not restated since.`,
  }];
  return section;
}

function leftOutSection(stories: ReadStory[]): Section {
  const byActor = new Map<string, { name: string; evidence: Array<{ text: string; words: string[]; cites: number[] }> }>();
  const add = (name: string, text: string, cites: number[]) => {
    const key = nameKey(name);
    const entry = byActor.get(key) ?? { name, evidence: [] };
    const words = normalisedWords(text);
    const same = entry.evidence.find((e) => sameWords(e.words, words));
    if (same) cites.forEach((n) => addCite(same.cites, n));
    else entry.evidence.push({ text, words, cites: [...cites] });
    byActor.set(key, entry);
  };
  for (const story of stories) {
    for (const s of story.stances) if (/\bexclusion\b/i.test(s.issue)) add(s.holder, s.evidence, s.cites);
    for (const q of story.quotes) if (EXCLUSION_PATTERN.test(q.content)) add(q.speaker, `“${q.content}”`, q.cites);
    // Protests and demands about being left out ("Britain has protested against its exclusion from the talks").
    for (const e of story.events) {
      if (!e.exclusion || !OBJECTIONS.has(e.type)) continue;
      for (const source of e.sources) add(source, e.evidence, e.cites);
    }
  }
  const lines = [...byActor.values()].map(({ name, evidence }) => {
    const parts: Part[] = [{ strong: name }, { text: ': ' }];
    evidence.slice(0, 3).forEach((e, i) => parts.push({ text: `${i > 0 ? '; ' : ''}${e.text} ` }, { cite: e.cites }));
    return { parts };
  });
  return {
    key: 'left-out',
    title: 'Who is left out',
    lines,
    ...(lines.length === 0 ? { note: [{ text: 'No actor was found objecting to being left out.' }] } : {}),
  };
}

function eventsSection(stories: ReadStory[]): Section {
  const listed = stories.flatMap((story) => story.events.filter((e) => e.listed));
  // Reports of one event by different stories (outlets that wrote their own accounts) become one line citing all.
  const groups = groupEventReports(listed, (e) => ({
    type: e.type, date: e.date, location: e.location, negated: false, modality: 'asserted', sources: e.sourceKeys, targets: e.targetKeys,
  }));
  const merged = groups.map((group) => {
    const cites: number[] = [];
    for (const e of group) e.cites.forEach((n) => addCite(cites, n));
    return { ...group[0]!, cites };
  });
  merged.sort((a, b) => byDate(a.date, b.date));
  const lines = merged.map((e) => line({ text: `${e.date ?? 'undated'} ${e.text} ` }, { cite: e.cites }));
  return { key: 'events', title: 'Events', lines, ...(lines.length === 0 ? { note: [{ text: 'No events were found.' }] } : {}) };
}

function quotesSection(stories: ReadStory[]): Section {
  const picked: Array<{ date: string | null; quote: StoryQuote }> = [];
  const speakers = new Set<string>();
  for (const story of [...stories].reverse()) {
    for (const q of story.quotes) {
      if (q.kind !== 'direct' || speakers.has(q.speakerKey) || q.content.split(/\s+/).length < 6) continue;
      speakers.add(q.speakerKey);
      picked.push({ date: story.date, quote: q });
    }
  }
  const lines = picked.reverse().map(({ date, quote }) => line({ text: `${date ?? 'undated'} ${quote.speaker}: “${quote.content}” ` }, { cite: quote.cites }));
  return { key: 'quotes', title: 'Key quotes', lines };
}

// ---- loading ----------------------------------------------------------------------------------------------------

async function loadRecords(store: Store, options: BriefingOptions): Promise<{
  current: Extraction[]; previous: Extraction[]; previousRange: { from: string; to: string } | null;
}> {
  const summaries = await store.articles({ limit: options.limit ?? 500 });
  const words = (options.topic ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const matches = async (id: string): Promise<Extraction | null> => {
    const record = await store.getRecord(id);
    if (!record) return null;
    const haystack = `${record.article.title ?? ''} ${record.article.text}`.toLowerCase();
    return words.length && !words.every((w) => haystack.includes(w)) ? null : record;
  };
  const current: Extraction[] = [];
  const since = options.since;
  for (const summary of summaries) {
    if (since && (!summary.published || summary.published < since)) continue;
    const record = await matches(summary.id);
    if (record) current.push(record);
  }
  if (!since || current.length === 0) return { current, previous: [], previousRange: null };
  // The period before is as long as the last one (since to its latest article), and ends the day before since.
  const latest = current.map((r) => r.article.published ?? since).sort().at(-1) ?? since;
  const days = Math.max(1, dayNumber(latest) - dayNumber(since) + 1);
  const range = { from: dateOfDay(dayNumber(since) - days), to: dateOfDay(dayNumber(since) - 1) };
  const previous: Extraction[] = [];
  for (const summary of summaries) {
    if (!summary.published || summary.published < range.from || summary.published > range.to) continue;
    const record = await matches(summary.id);
    if (record) previous.push(record);
  }
  return { current, previous, previousRange: range };
}

// ---- helpers ----------------------------------------------------------------------------------------------------

function line(...parts: Part[]): Line {
  return { parts };
}

function addCite(cites: number[], n: number): void {
  if (!cites.includes(n)) {
    cites.push(n);
    cites.sort((a, b) => a - b);
  }
}

/** Dates ascending, undated last. */
function byDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function joinList(items: string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
