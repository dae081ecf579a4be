import { createHash } from 'node:crypto';
import type { Article } from '../contract.js';

export type ArticleMeta = Partial<Pick<Article, 'title' | 'published' | 'outlet' | 'url' | 'byline'>>;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Builds a contract Article; blank metadata strings become null. */
export function makeArticle(text: string, source: string, meta: ArticleMeta = {}): Article {
  return {
    id: sha256Hex(text),
    source,
    title: cleanField(meta.title),
    published: cleanField(meta.published),
    outlet: cleanField(meta.outlet),
    url: cleanField(meta.url),
    byline: cleanField(meta.byline),
    language: 'en',
    text,
  };
}

/** Collapses white space in a one-line metadata value. */
export function cleanField(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = value.replace(/\s+/g, ' ').trim();
  return cleaned || null;
}

/** Fills the gaps in `primary` from `fallback`. */
export function mergeMeta(primary: ArticleMeta, fallback: ArticleMeta): ArticleMeta {
  const merged: ArticleMeta = { ...fallback };
  for (const key of ['title', 'published', 'outlet', 'url', 'byline'] as const) {
    const value = cleanField(primary[key]);
    if (value !== null) merged[key] = value;
  }
  return merged;
}
