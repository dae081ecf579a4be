import * as chrono from 'chrono-node';

const ISO_DATE = /^(\d{4})[-/](\d{2})[-/](\d{2})(?![\d])/;
/** A written-out date with weekday, time and zone fits in far less; longer values are not dates, and the free-text
 * date parser's cost grows with its input. */
const MAX_DATE_CHARS = 200;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Normalises a publication date to YYYY-MM-DD, or null when unknown.
 * ISO-like values keep the calendar date as written (the publisher's local day) rather than shifting to UTC.
 */
export function normaliseDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text || text.length > MAX_DATE_CHARS) return null;
  const iso = ISO_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (iso) return formatDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return parseFreeTextDate(text);
}

function parseFreeTextDate(text: string): string | null {
  const result = chrono.parse(text)[0];
  // Relative phrases ("3 days ago") and year-less dates would be resolved against today, which is wrong for
  // a publication date, so demand an explicit year.
  if (!result || !/\d{4}/.test(result.text)) return null;
  const start = result.start;
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return null;
  return formatDate(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0);
}

function formatDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
