// Briefings written from stored facts: the parties, where each stands, what happened in date order, key quotes and
// shifts in position. Every line cites the article it comes from, as a numbered source.
import type { Extraction } from '../contract.js';
import type { Store } from '../kb/index.js';

export interface BriefingOptions {
  topic?: string;
  since?: string;
  /** Most articles to read, newest first. */
  limit?: number;
}

interface Cited {
  date: string | null;
  text: string;
  source: number;
}

export async function briefing(store: Store, options: BriefingOptions): Promise<string> {
  const records = await loadRecords(store, options);
  if (records.length === 0) return options.topic ? `No stored articles match "${options.topic}".` : 'The store has no articles yet.';
  records.sort((a, b) => (a.article.published ?? '').localeCompare(b.article.published ?? ''));
  const sources = records.map((r) => r.article);
  const cite = (r: Extraction) => sources.indexOf(r.article) + 1;
  const nameIn = (r: Extraction, id: string | null) => r.actors.find((a) => a.id === id)?.name ?? 'someone';
  const dates = records.map((r) => r.article.published).filter((d): d is string => !!d);

  const parties = new Map<string, { roles: Set<string>; country: string | null; type: string; articles: number }>();
  for (const r of records) {
    for (const actor of r.actors) {
      const party = parties.get(actor.name) ?? { roles: new Set<string>(), country: actor.country, type: actor.type, articles: 0 };
      actor.roles.forEach((role) => party.roles.add(role));
      party.articles++;
      parties.set(actor.name, party);
    }
  }

  const positions = new Map<string, Map<string, Cited[] & { polarity?: string }>>();
  const shifts: string[] = [];
  const lastPolarity = new Map<string, { polarity: string; date: string | null; source: number }>();
  for (const r of records) {
    for (const stance of r.stances) {
      const holder = nameIn(r, stance.holder);
      const row = positions.get(holder) ?? new Map();
      const cell = row.get(stance.issue) ?? [];
      cell.push({ date: r.article.published, text: `${stance.polarity}`, source: cite(r) });
      row.set(stance.issue, cell);
      positions.set(holder, row);
      const key = `${holder}\u0000${stance.issue}`;
      const before = lastPolarity.get(key);
      if (before && before.polarity !== stance.polarity) {
        shifts.push(`- ${holder} moved from ${before.polarity} to ${stance.polarity} on “${stance.issue}” (${before.date ?? 'undated'} [${before.source}] → ${r.article.published ?? 'undated'} [${cite(r)}]).`);
      }
      lastPolarity.set(key, { polarity: stance.polarity, date: r.article.published, source: cite(r) });
    }
  }

  const events: Cited[] = [];
  for (const r of records) {
    for (const e of r.events) {
      if (e.modality !== 'asserted' || e.negated) continue;
      const who = [...e.source, ...e.target].map((id) => nameIn(r, id));
      const what = e.type === 'CONSULT' ? 'met or held talks' : e.type.toLowerCase();
      events.push({ date: e.date ?? r.article.published, text: `${e.type}: ${who.join(', ')} ${what}${e.location ? ` in ${e.location}` : ''}`, source: cite(r) });
    }
  }
  const uniqueEvents = dedupe(events, (e) => `${e.date}|${e.text}`);

  const quotes: Cited[] = [];
  const quotedSpeakers = new Set<string>();
  for (const r of [...records].reverse()) {
    for (const q of r.quotes) {
      if (q.kind !== 'direct' || !q.speaker) continue;
      const speaker = nameIn(r, q.speaker);
      if (quotedSpeakers.has(speaker) || q.content.text.split(/\s+/).length < 6) continue;
      quotedSpeakers.add(speaker);
      quotes.push({ date: r.article.published, text: `${speaker}: “${q.content.text.replace(/\s+/g, ' ').trim().replace(/[,]$/, '')}”`, source: cite(r) });
    }
  }

  const lines: string[] = [];
  const span = dates.length ? ` (${dates[0]} to ${dates[dates.length - 1]})` : '';
  lines.push(`# Briefing${options.topic ? `: ${options.topic}` : ''}`, '', `${records.length} article(s)${span}.`, '');
  lines.push('## Parties', '');
  const topParties = [...parties.entries()].sort((a, b) => b[1].articles - a[1].articles).slice(0, 15);
  for (const [name, p] of topParties) {
    const details = [[...p.roles].join(', '), p.country].filter(Boolean).join(', ');
    lines.push(`- **${name}** (${p.type}${details ? `; ${details}` : ''}), in ${p.articles} article(s)`);
  }
  lines.push('', '## Positions', '');
  if (positions.size === 0) lines.push('No positions were found.');
  for (const [holder, row] of positions) {
    const cells = [...row.entries()].map(([issue, cited]) => `${cited[cited.length - 1]!.text} “${issue}” [${[...new Set(cited.map((c) => c.source))].join(', ')}]`);
    lines.push(`- ${holder}: ${cells.join('; ')}`);
  }
  if (shifts.length) lines.push('', '## Shifts', '', ...shifts);
  lines.push('', '## Events', '');
  if (uniqueEvents.length === 0) lines.push('No events were found.');
  for (const e of uniqueEvents.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))) lines.push(`- ${e.date ?? 'undated'} ${e.text} [${e.source}]`);
  lines.push('', '## Key quotes', '');
  for (const q of quotes.reverse()) lines.push(`- ${q.date ?? 'undated'} ${q.text} [${q.source}]`);
  lines.push('', '## Sources', '');
  sources.forEach((a, i) => lines.push(`${i + 1}. ${a.title ?? '(untitled)'}, ${[a.outlet, a.published].filter(Boolean).join(', ')} (${a.url ?? a.source})`));
  return lines.join('\n');
}

async function loadRecords(store: Store, options: BriefingOptions): Promise<Extraction[]> {
  const summaries = await store.articles({ limit: options.limit ?? 500 });
  const records: Extraction[] = [];
  const words = (options.topic ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  for (const summary of summaries) {
    if (options.since && (!summary.published || summary.published < options.since)) continue;
    const record = await store.getRecord(summary.id);
    if (!record) continue;
    const haystack = `${record.article.title ?? ''} ${record.article.text}`.toLowerCase();
    if (words.length && !words.every((w) => haystack.includes(w))) continue;
    records.push(record);
  }
  return records;
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
