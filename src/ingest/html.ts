import { Readability } from '@mozilla/readability';
import type { Article } from '../contract.js';
import { type ArticleMeta, makeArticle, mergeMeta } from './article.js';
import { bylineName } from './boilerplate.js';
import { normaliseDate } from './dates.js';
import { type DomDocument, parseDocument, parseFragment } from './dom.js';
import { htmlInlineToText, joinParagraphs, PAGE_FURNITURE_TAGS, paragraphsOf } from './html-text.js';

const ARTICLE_TYPES = new Set(['NewsArticle', 'ReportageNews', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'Article', 'BlogPosting', 'LiveBlogPosting', 'Report']);

/** An HTML page to an Article: Readability picks the body, meta tags and JSON-LD give the metadata. */
export function articleFromHtml(html: string, source: string, url?: string): Article {
  const document = parseDocument(html);
  // Read metadata before Readability, which rewrites the document it is given.
  const pageMeta = pageMetadata(document);
  const readable = runReadability(document);
  const readableParagraphs = readable?.content ? paragraphsOf(bodyOf(parseFragment(readable.content))) : [];
  const paragraphs = readableParagraphs.length > 0 ? readableParagraphs : wholePageParagraphs(html);
  const title = pageMeta.title ?? readable?.title ?? null;
  const text = joinParagraphs(withoutLeadingFurniture(paragraphs, title));
  const byline = splitBylineDate(readable?.byline ?? '');
  const readabilityMeta: ArticleMeta = {
    title: readable?.title ?? null,
    byline: byline.name,
    published: normaliseDate(readable?.publishedTime) ?? byline.published,
    outlet: readable?.siteName ?? null,
  };
  return makeArticle(text, source, mergeMeta(mergeMeta({ url: url ?? null }, pageMeta), readabilityMeta));
}

/** Readability's byline is often the whole dateline: "Associated Press November 19, 2019, 9:02 AM". */
function splitBylineDate(byline: string): { name: string | null; published: string | null } {
  const dateStart = byline.search(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}\b|\b\d{4}-\d{2}-\d{2}\b/i);
  if (dateStart === -1) return { name: bylineName(byline) || null, published: null };
  const name = bylineName(byline.slice(0, dateStart).replace(/[\s,|·•-]+$/, ''));
  return { name: name || null, published: normaliseDate(byline.slice(dateStart)) };
}

function runReadability(document: DomDocument) {
  try {
    return new Readability(document as never).parse();
  } catch {
    // Readability gives up on some broken markup; the whole-page fallback still gets the text.
    return null;
  }
}

/** Fallback for pages Readability cannot read (very short or unusual pages). */
function wholePageParagraphs(html: string): string[] {
  return paragraphsOf(bodyOf(parseDocument(html)), PAGE_FURNITURE_TAGS);
}

/** The headline and "By ..." line often open the extracted body; they are metadata, not prose. */
function withoutLeadingFurniture(paragraphs: string[], title: string | null): string[] {
  const normalisedTitle = title?.toLowerCase();
  let start = 0;
  while (start < Math.min(paragraphs.length - 1, 2)) {
    const paragraph = paragraphs[start] ?? '';
    const isTitle = paragraph.toLowerCase() === normalisedTitle;
    const isByline = /^by\s/i.test(paragraph) && paragraph.length <= 80 && !/[.!?]$/.test(paragraph);
    if (!isTitle && !isByline) break;
    start++;
  }
  return paragraphs.slice(start);
}

function bodyOf(document: DomDocument) {
  return document.body ?? document.documentElement ?? document;
}

function pageMetadata(document: DomDocument): ArticleMeta {
  const jsonLd = newsArticleJsonLd(document);
  const meta = (...names: string[]) => metaContent(document, names);
  const authorMeta = meta('author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator');
  return {
    title: meta('og:title', 'twitter:title') ?? stringField(jsonLd?.headline) ?? (htmlInlineToText(document.title ?? '') || null),
    byline: personNames(jsonLd?.author) ?? (authorMeta && !isUrl(authorMeta) ? bylineName(authorMeta) : null),
    published: normaliseDate(
      meta('article:published_time', 'og:published_time', 'published_time', 'datepublished', 'pubdate', 'publishdate',
        'publish-date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.issued', 'sailthru.date',
        'parsely-pub-date') ??
        stringField(jsonLd?.datePublished) ??
        document.querySelector('time[itemprop="datePublished"]')?.getAttribute('datetime'),
    ),
    outlet: meta('og:site_name', 'application-name') ?? organisationName(jsonLd?.publisher),
    url: canonicalUrl(document) ?? meta('og:url') ?? stringField(jsonLd?.url),
  };
}

function metaContent(document: DomDocument, names: string[]): string | null {
  const wanted = new Map(names.map((name, rank) => [name, rank]));
  let best: { rank: number; content: string } | null = null;
  for (const element of Array.from(document.querySelectorAll('meta'))) {
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? '').toLowerCase();
    const rank = wanted.get(key);
    const content = htmlInlineToText(element.getAttribute('content') ?? '');
    if (rank !== undefined && content && (best === null || rank < best.rank)) best = { rank, content };
  }
  return best?.content ?? null;
}

function canonicalUrl(document: DomDocument): string | null {
  const href = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim();
  return href && isUrl(href) ? href : null;
}

type JsonObject = Record<string, unknown>;

/** The first JSON-LD object typed as a news (or other) article. */
function newsArticleJsonLd(document: DomDocument): JsonObject | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    for (const candidate of flattenJsonLd(parseJsonQuietly(script.textContent ?? ''))) {
      const types = [candidate['@type']].flat().filter((t): t is string => typeof t === 'string');
      if (types.some((type) => ARTICLE_TYPES.has(type))) return candidate;
    }
  }
  return null;
}

function flattenJsonLd(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(flattenJsonLd);
  if (!isObject(value)) return [];
  return [value, ...flattenJsonLd(value['@graph'])];
}

function parseJsonQuietly(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function personNames(value: unknown): string | null {
  const names = [value].flat().map((person) => (isObject(person) ? stringField(person.name) : stringField(person)));
  const cleaned = names.filter((name): name is string => name !== null && !isUrl(name)).map(bylineName);
  return cleaned.length > 0 ? cleaned.join(', ') : null;
}

function organisationName(value: unknown): string | null {
  const first = [value].flat()[0];
  return isObject(first) ? stringField(first.name) : stringField(first);
}

function stringField(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = htmlInlineToText(value);
  return text || null;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isUrl(text: string): boolean {
  return /^https?:\/\//i.test(text.trim());
}
