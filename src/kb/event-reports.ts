// One real event is usually reported by many articles (and often by several in one day, each with its own
// sentence). Reports are taken to be of the same event when they agree on what happened, between whom, where and
// when: the same PLOVER type, the same modality and negation, a party in common on each side (or the two sides
// swapped, for reciprocal events such as meetings), no conflicting place, and dates at most a day apart. A one-sided
// report ("Norway protested") says too little to be matched on one source alone: it needs a second party in common
// or the same named place.
// Two events of one article are never one: extraction has already merged an article's repeated mentions.
// The rule is backend-neutral: stores, the API and briefings all group with it.
import type { Span } from '../contract.js';
import type { ArticleRef, EventFilter, EventItem, Page, Store } from './index.js';

export interface EventReportFacts {
  type: string;
  /** YYYY-MM-DD: the event's own date, else its article's. Reports without any date are never grouped. */
  date: string | null;
  location: string | null;
  negated: boolean;
  modality: string;
  /** The article reporting it. */
  articleId?: string;
  /** Name keys of the source and target actors. */
  sources: string[];
  targets: string[];
}

export const MAX_DAYS_APART = 1;

const DAY_MS = 86_400_000;

function dayNumber(date: string): number | null {
  const time = Date.parse(date.slice(0, 10) + 'T00:00:00Z');
  return Number.isNaN(time) ? null : Math.round(time / DAY_MS);
}

function placeKey(location: string | null): string | null {
  if (location === null) return null;
  const key = location.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return key === '' ? null : key;
}

function shareAny(a: readonly string[], b: readonly string[]): boolean {
  return a.some((key) => b.includes(key));
}

export function daysApart(a: string, b: string): number | null {
  const dayA = dayNumber(a);
  const dayB = dayNumber(b);
  return dayA === null || dayB === null ? null : Math.abs(dayA - dayB);
}

/** Whether two reports describe the same event (see the rule above). */
export function sameEvent(a: EventReportFacts, b: EventReportFacts, maxDaysApart = MAX_DAYS_APART): boolean {
  if (a.type !== b.type || a.negated !== b.negated || a.modality !== b.modality) return false;
  if (a.articleId !== undefined && a.articleId === b.articleId) return false;
  if (a.date === null || b.date === null) return false;
  const apart = daysApart(a.date, b.date);
  if (apart === null || apart > maxDaysApart) return false;
  const placeA = placeKey(a.location);
  const placeB = placeKey(b.location);
  if (placeA !== null && placeB !== null && placeA !== placeB) return false;
  if (a.targets.length === 0 || b.targets.length === 0) {
    const common = a.sources.filter((key) => b.sources.includes(key)).length;
    return common >= 2 || (common === 1 && placeA !== null && placeA === placeB);
  }
  const sameSides = shareAny(a.sources, b.sources) && shareAny(a.targets, b.targets);
  const swappedSides = shareAny(a.sources, b.targets) && shareAny(a.targets, b.sources);
  return sameSides || swappedSides;
}

/**
 * Groups reports of the same event, keeping input order within and across groups (a group sits where its first
 * report is). A report joins the first earlier group with any member it matches, so a chain of reports a day
 * apart each does not stretch one group over a week: the group's first report must be within reach too.
 */
export function groupEventReports<T>(items: readonly T[], factsOf: (item: T) => EventReportFacts, maxDaysApart = MAX_DAYS_APART): T[][] {
  const groups: Array<{ members: T[]; facts: EventReportFacts[] }> = [];
  for (const item of items) {
    const facts = factsOf(item);
    const home = groups.find((group) => sameEvent(group.facts[0]!, facts, maxDaysApart)
      || (group.facts.some((other) => sameEvent(other, facts, maxDaysApart)) && withinReach(group.facts[0]!, facts, maxDaysApart)));
    if (home) {
      home.members.push(item);
      home.facts.push(facts);
    } else {
      groups.push({ members: [item], facts: [facts] });
    }
  }
  return groups.map((group) => group.members);
}

function withinReach(first: EventReportFacts, facts: EventReportFacts, maxDaysApart: number): boolean {
  if (first.date === null || facts.date === null) return false;
  const apart = daysApart(first.date, facts.date);
  return apart !== null && apart <= maxDaysApart;
}

// ---- grouped pages of the events list ------------------------------------------------------------------------------

/** An event with every article that reports it: the first report's fields (place and mode from any report that has
 * them), then all reports in list order. */
export interface ReportedEvent extends EventItem {
  reports: Array<ArticleRef & { eventId: string; evidence: Span }>;
}

/**
 * A page of grouped events. Offsets stay those of the ungrouped list (so filters and totals keep their meaning): the
 * page holds the groups whose first report lies in [offset, offset + limit), with their later reports looked up
 * ahead, and a report that belongs to a group begun before the offset is left to that group's page.
 */
export interface ReportedEventPage extends Page<ReportedEvent> {
  /** The offset of the next page in the ungrouped list; null on the last page. */
  nextOffset: number | null;
}

/** How far before and after a page to look for reports of the page's events (they sort within a day of each other). */
const REPORT_WINDOW = 200;

export function eventFacts(event: EventItem): EventReportFacts {
  return {
    articleId: event.articleId,
    type: event.type,
    date: event.date,
    location: event.location,
    negated: event.negated,
    modality: event.modality,
    sources: event.sources.map((actor) => actor.key),
    targets: event.targets.map((actor) => actor.key),
  };
}

export async function groupedEvents(store: Store, filter: EventFilter): Promise<ReportedEventPage> {
  const limit = filter.limit ?? 20;
  const offset = filter.offset ?? 0;
  const lookBehind = Math.min(offset, REPORT_WINDOW);
  const window = await store.events({ ...filter, offset: offset - lookBehind, limit: lookBehind + limit + REPORT_WINDOW });
  const indexed = window.items.map((event, index) => ({ event, index: index + offset - lookBehind }));
  const groups = groupEventReports(indexed, ({ event }) => eventFacts(event));
  const items = groups
    .filter((group) => group[0]!.index >= offset && group[0]!.index < offset + limit)
    .map((group): ReportedEvent => ({
      ...group[0]!.event,
      // One report may name the place or the mode that another leaves out.
      location: group.find(({ event }) => event.location !== null)?.event.location ?? null,
      mode: group.find(({ event }) => event.mode !== null)?.event.mode ?? null,
      reports: group.map(({ event }) => ({
        articleId: event.articleId, articleTitle: event.articleTitle, published: event.published, eventId: event.eventId, evidence: event.evidence,
      })),
    }));
  const pageEnd = offset + limit;
  const more = window.hasMore || indexed.length > lookBehind + limit;
  return {
    items, limit, offset, hasMore: more, nextOffset: more ? pageEnd : null,
    ...(window.total !== undefined ? { total: window.total } : {}),
  };
}
