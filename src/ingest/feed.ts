import { type AnyFeed, parseFeed } from 'feedsmith';
import { type ArticleMeta } from './article.js';
import { normaliseDate } from './dates.js';
import { describeError, IngestError } from './errors.js';
import { htmlFragmentToText, htmlInlineToText } from './html-text.js';

/**
 * Most items read from one feed. News feeds carry tens of items, archives a few thousand; a million tiny items
 * would cost seconds and hundreds of megabytes to parse before any was found empty, so the items are counted in the
 * raw XML first and such a feed is refused.
 */
export const MAX_FEED_ITEMS = 10_000;
const ITEM_START = /<(?:[\w.-]+:)?(?:item|entry)[\s>/]/gi;

/** One feed item with text; `position` is its 1-based place among all the feed's items. */
export interface FeedEntry {
  position: number;
  text: string;
  meta: ArticleMeta;
}

export function parseFeedEntries(content: string): FeedEntry[] {
  if (content.trimStart().startsWith('<')) refuseTooMany(content.match(ITEM_START)?.length ?? 0);
  let parsed: AnyFeed;
  try {
    parsed = parseFeed(content);
  } catch (error) {
    throw new IngestError(`malformed feed (${describeError(error)})`);
  }
  refuseTooMany(itemCount(parsed));
  let entries: FeedEntry[];
  try {
    entries = entriesOf(parsed).filter((entry) => entry.text);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    // Item content is third-party HTML; a parser failure on it is a bad input, not a bug here.
    throw new IngestError(`cannot read feed items (${describeError(error)})`);
  }
  if (entries.length === 0) throw new IngestError('feed has no items with text');
  return entries;
}

function refuseTooMany(items: number): void {
  if (items > MAX_FEED_ITEMS) throw new IngestError(`feed has too many items (${items}; the limit is ${MAX_FEED_ITEMS})`);
}

function itemCount(parsed: AnyFeed): number {
  const items = parsed.format === 'atom' ? parsed.feed.entries : parsed.feed.items;
  return Array.isArray(items) ? items.length : 0;
}

function entriesOf(parsed: AnyFeed): FeedEntry[] {
  switch (parsed.format) {
    case 'rss':
    case 'rdf':
      return rssEntries(parsed.feed);
    case 'atom':
      return atomEntries(parsed.feed);
    case 'json':
      return jsonFeedEntries(parsed.feed);
  }
}

type RssLikeFeed = Extract<AnyFeed, { format: 'rss' | 'rdf' }>['feed'];
type AtomFeed = Extract<AnyFeed, { format: 'atom' }>['feed'];
type JsonFeed = Extract<AnyFeed, { format: 'json' }>['feed'];

function rssEntries(feed: RssLikeFeed): FeedEntry[] {
  const outlet = inline(feed.title);
  return (feed.items ?? []).map((item, index) => ({
    position: index + 1,
    text: htmlFragmentToText(item.content?.encoded ?? item.description ?? item.dc?.descriptions?.[0] ?? ''),
    meta: {
      title: inline(item.title ?? item.dc?.titles?.[0]),
      url: item.link?.trim() || null,
      published: normaliseDate(('pubDate' in item ? item.pubDate : undefined) ?? item.dc?.dates?.[0]),
      byline: inline(rssAuthor(item) ?? item.dc?.creators?.[0]),
      outlet,
    },
  }));
}

function atomEntries(feed: AtomFeed): FeedEntry[] {
  const outlet = inline(feed.title?.value);
  return (feed.entries ?? []).map((entry, index) => ({
    position: index + 1,
    text: atomText(entry.content) || atomText(entry.summary),
    meta: {
      title: inline(entry.title?.value),
      url: alternateLink(entry.links),
      published: normaliseDate(entry.published ?? entry.updated),
      byline: inline(entry.authors?.map((author) => author.name).filter(Boolean).join(', ')),
      outlet,
    },
  }));
}

function jsonFeedEntries(feed: JsonFeed): FeedEntry[] {
  const outlet = inline(feed.title);
  return (feed.items ?? []).map((item, index) => ({
    position: index + 1,
    text: item.content_html ? htmlFragmentToText(item.content_html) : tidyPlainText(item.content_text ?? item.summary ?? ''),
    meta: {
      title: inline(item.title),
      url: item.url?.trim() || item.external_url?.trim() || null,
      published: normaliseDate(item.date_published),
      byline: inline(item.authors?.map((author) => author.name).filter(Boolean).join(', ')),
      outlet,
    },
  }));
}

function rssAuthor(item: NonNullable<RssLikeFeed['items']>[number]): string | undefined {
  const author = 'authors' in item ? item.authors?.[0] : undefined;
  return author?.name ?? author?.email;
}

function atomText(text: { value?: string; type?: string } | undefined): string {
  if (!text?.value) return '';
  return text.type === 'text' ? tidyPlainText(text.value) : htmlFragmentToText(text.value);
}

function alternateLink(links: Array<{ href?: string; rel?: string }> | undefined): string | null {
  const link = links?.find((l) => !l.rel || l.rel === 'alternate') ?? links?.[0];
  return link?.href?.trim() || null;
}

function inline(value: string | undefined | null): string | null {
  return value ? htmlInlineToText(value) || null : null;
}

function tidyPlainText(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/[ \t\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim())
    .filter(Boolean)
    .join('\n\n');
}
