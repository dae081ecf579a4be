import type { Article } from '../contract.js';
import { type ArticleMeta, makeArticle, mergeMeta } from './article.js';
import { bylineName, detectScrapedShape } from './boilerplate.js';
import { normaliseDate } from './dates.js';

export type TextMeta = ArticleMeta & { source?: string };

const BOM = '\uFEFF';
const FRONT_MATTER_FENCE = /^---[ \t]*\r?$/;
const FRONT_MATTER_ENTRY = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*\r?$/;

const FRONT_MATTER_KEYS: Record<string, keyof ArticleMeta> = {
  title: 'title',
  headline: 'title',
  published: 'published',
  date: 'published',
  outlet: 'outlet',
  publisher: 'outlet',
  site: 'outlet',
  site_name: 'outlet',
  url: 'url',
  link: 'url',
  byline: 'byline',
  author: 'byline',
};

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Reads an optional front-matter block (`---`, `key: value` lines, `---`) at the very top.
 * The returned text starts right after the closing fence's newline, so offsets count from there.
 */
export function splitFrontMatter(content: string): { text: string; meta: ArticleMeta } {
  const firstNewline = content.indexOf('\n');
  if (firstNewline === -1 || !FRONT_MATTER_FENCE.test(content.slice(0, firstNewline))) return { text: content, meta: {} };

  const meta: ArticleMeta = {};
  let lineStart = firstNewline + 1;
  while (lineStart <= content.length) {
    const newline = content.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? content.length : newline;
    const line = content.slice(lineStart, lineEnd);
    if (FRONT_MATTER_FENCE.test(line)) {
      return { text: newline === -1 ? '' : content.slice(newline + 1), meta };
    }
    if (line.trim() && !line.trimStart().startsWith('#')) {
      const entry = FRONT_MATTER_ENTRY.exec(line);
      // A `---` rule followed by prose is not front matter.
      if (!entry) break;
      setFrontMatterField(meta, entry[1] ?? '', entry[2] ?? '');
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return { text: content, meta: {} };
}

function setFrontMatterField(meta: ArticleMeta, key: string, rawValue: string): void {
  const field = FRONT_MATTER_KEYS[key.toLowerCase()];
  if (!field || meta[field]) return;
  const value = unquote(rawValue);
  meta[field] = field === 'published' ? normaliseDate(value) : value;
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value.trim());
  return quoted ? (quoted[2] ?? '') : value.trim();
}

/**
 * Plain text to an Article: BOM and front matter removed, metadata from (in priority order) `meta`, the front
 * matter, and the scraped-page shape (headline line, byline line).
 */
export function articleFromPlainText(content: string, meta: TextMeta = {}): Article {
  const { text, meta: frontMatter } = splitFrontMatter(stripBom(content));
  const explicit: ArticleMeta = { ...meta, published: meta.published == null ? meta.published : normaliseDate(meta.published) };
  const known = mergeMeta(explicit, frontMatter);
  const shape = detectScrapedShape(text, known.title ?? null);
  const fromShape: ArticleMeta = {
    title: shape.title?.text ?? null,
    byline: shape.byline ? bylineName(shape.byline.text) : null,
    // "CAIRO, March 3, 2026 -": a dateline with a year dates the report when nothing else does
    published: shape.dateline?.date ? normaliseDate(shape.dateline.date) : null,
  };
  return makeArticle(text, meta.source ?? 'text', mergeMeta(known, fromShape));
}
