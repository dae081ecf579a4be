import { z } from 'zod';
import type { ArticleMeta } from './article.js';
import { normaliseDate } from './dates.js';
import { describeError } from './errors.js';

const optionalString = z.string().nullish();
const JsonlArticle = z.object({
  text: z.string().refine((text) => text.trim().length > 0, 'must not be empty'),
  title: optionalString,
  url: optionalString,
  published: optionalString,
  outlet: optionalString,
  byline: optionalString,
});

export type JsonLine =
  | { line: number; ok: true; text: string; meta: ArticleMeta }
  | { line: number; ok: false; reason: string };

export type JsonKind = 'json-feed' | 'json-lines' | 'other-json';

const JSON_FEED_VERSION = /jsonfeed\.org\/version/;

/** Tells a JSON Feed from JSON Lines articles from any other JSON. */
export function classifyJson(content: string): { kind: JsonKind; lines: JsonLine[] } {
  const whole = parseJson(content);
  if (whole.ok) {
    if (isObject(whole.value) && JSON_FEED_VERSION.test(String(whole.value.version))) return { kind: 'json-feed', lines: [] };
    // One article object, possibly pretty-printed over several lines.
    const single = toJsonLine(1, whole.value);
    return single.ok ? { kind: 'json-lines', lines: [single] } : { kind: 'other-json', lines: [] };
  }
  if (JSON_FEED_VERSION.test(content.slice(0, 1000))) return { kind: 'json-feed', lines: [] };
  const lines = parseJsonLines(content);
  return lines.some((line) => line.ok) ? { kind: 'json-lines', lines } : { kind: 'other-json', lines: [] };
}

function parseJsonLines(content: string): JsonLine[] {
  const results: JsonLine[] = [];
  content.split('\n').forEach((rawLine, index) => {
    if (!rawLine.trim()) return;
    const parsed = parseJson(rawLine);
    results.push(parsed.ok ? toJsonLine(index + 1, parsed.value) : { line: index + 1, ok: false, reason: `invalid JSON (${parsed.reason})` });
  });
  return results;
}

function toJsonLine(line: number, value: unknown): JsonLine {
  const result = JsonlArticle.safeParse(value);
  if (!result.success) return { line, ok: false, reason: `not an article (${describeIssue(result.error.issues[0])})` };
  const { text, title, url, published, outlet, byline } = result.data;
  return { line, ok: true, text, meta: { title, url, outlet, byline, published: normaliseDate(published) } };
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid';
  const path = issue.path.join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
