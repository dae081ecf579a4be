// The common scraped-page shape of plain-text news dumps:
//
//   Headline                 <- kind 'title' (the headline itself)
//   Admin / By Jane Doe      <- kind 'byline'
//   Headline                 <- kind 'title' (a repeat)
//   body ...
//   Source link              <- kind 'source-link'
//
// and, in any news text, the dateline that opens the first paragraph ("CAIRO, March 3 (Reuters) - ...", kind
// 'dateline'): where and when the report was filed, not an actor of the story.
//
// The text is never cut (offsets must stay valid against the file), so these lines are reported as ranges.

export type BoilerplateKind = 'title' | 'byline' | 'source-link' | 'dateline';

export interface BoilerplateRange {
  start: number;
  end: number;
  kind: BoilerplateKind;
}

interface Line {
  /** Offsets of the line's content with surrounding white space trimmed. */
  start: number;
  end: number;
  text: string;
}

export interface ScrapedShape {
  title: Line | null;
  byline: Line | null;
  titleRepeat: Line | null;
  sourceLink: Line | null;
  dateline: Dateline | null;
}

/** The "PLACE, Date (Agency) -" opening of a report; `date` is the date as written, when it gives one. */
export interface Dateline {
  start: number;
  end: number;
  text: string;
  place: string;
  date: string | null;
}

const LEADING_LINES = 3;
const MAX_TITLE_CHARS = 250;
const MAX_TITLE_WORDS = 30;
const MAX_BYLINE_CHARS = 80;
const MAX_BYLINE_WORDS = 8;
const BYLINE_PREFIX = /^(?:(?:posted|written|words)\s+)?by\b[:\s]*/i;
const SOURCE_LINK = /^(?:source(?:\s+link)?|original\s+article|read\s+more(?:\s+at\s+the\s+source)?)\s*:?$/i;

export function detectScrapedShape(text: string, knownTitle: string | null = null): ScrapedShape {
  const leading = leadingLines(text, LEADING_LINES + 1);
  const shape = readShape(text, knownTitle, leading.slice(0, LEADING_LINES));
  // the first paragraph, after a headline that nothing confirmed as one
  const furniture = new Set([shape.title?.start, shape.byline?.start, shape.titleRepeat?.start]);
  const opening = leading.filter((line) => !furniture.has(line.start)).slice(0, 2);
  return { ...shape, dateline: opening.map(datelineOf).find((d) => d !== null) ?? null };
}

function readShape(text: string, knownTitle: string | null, leading: Line[]): ScrapedShape {
  const shape: ScrapedShape = { title: null, byline: null, titleRepeat: null, sourceLink: null, dateline: null };
  const trailing = lastLine(text);
  if (trailing && SOURCE_LINK.test(trailing.text) && trailing.start > (leading[0]?.end ?? 0)) {
    shape.sourceLink = trailing;
  }

  const [first, second, third] = leading;
  if (first && BYLINE_PREFIX.test(first.text) && isBylineLike(first.text)) {
    shape.byline = first;
    return shape;
  }
  if (!first || !isHeadlineLike(first.text)) return shape;
  const repeatsTitle = (line: Line | undefined) => line !== undefined && sameText(line.text, first.text);

  if (repeatsTitle(second)) {
    shape.titleRepeat = second ?? null;
  } else if (second && isBylineLike(second.text)) {
    const explicitBy = BYLINE_PREFIX.test(second.text);
    if (repeatsTitle(third)) shape.titleRepeat = third ?? null;
    // A bare short line ("Admin") only counts as a byline when another signal confirms the shape.
    if (shape.titleRepeat || explicitBy || shape.sourceLink || matchesKnownTitle(first, knownTitle)) shape.byline = second;
  }
  const confirmed = shape.titleRepeat || matchesKnownTitle(first, knownTitle) || (shape.byline && !endsLikeSentence(first.text));
  if (confirmed) shape.title = first;
  return shape;
}

export function shapeRanges(shape: ScrapedShape): BoilerplateRange[] {
  const ranges: BoilerplateRange[] = [];
  const add = (line: Line | null, kind: BoilerplateKind) => {
    if (line) ranges.push({ start: line.start, end: line.end, kind });
  };
  add(shape.title, 'title');
  add(shape.byline, 'byline');
  add(shape.titleRepeat, 'title');
  add(shape.sourceLink, 'source-link');
  add(shape.dateline, 'dateline');
  return ranges.sort((a, b) => a.start - b.start);
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const CAPS_WORD = "[A-Z][A-Z.'’-]+";
const TITLE_WORD = "[A-Z][a-z.'’-]+";
const DATELINE = new RegExp(
  // ("OTTAWA/MEXICO CITY -": a report filed from two places)
  `^(?<place>${CAPS_WORD}(?:(?:[ -]|\\s?/\\s?)${CAPS_WORD}){0,4}|${TITLE_WORD}(?: ${TITLE_WORD}){0,2})` +
    `(?<region>,\\s*(?:${TITLE_WORD}|${CAPS_WORD})(?: (?:${TITLE_WORD}|${CAPS_WORD})){0,2})?` +
    `(?:,?\\s*(?<date>${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?))?` +
    `(?:\\s*\\((?<agency>[A-Za-z][A-Za-z .&'’-]{1,30})\\))?` +
    `\\s*(?<dash>[-–—]{1,2}|:)\\s+(?=\\S)`,
);

const KICKER_WORDS = new Set(['UPDATE', 'UPDATED', 'EXCLUSIVE', 'BREAKING', 'WATCH', 'LOOK', 'LISTEN', 'BYLINE',
  'ANALYSIS', 'OPINION', 'EDITORIAL', 'COMMENT', 'VIDEO', 'PHOTOS', 'LIVE', 'BUSTED', 'BOOM', 'REVEALED', 'FACT',
  'CHECK', 'NEWS', 'ALERT', 'PUBLISHED', 'POSTED', 'BY', 'SOURCE', 'PHOTO', 'CREDIT', 'IS', 'IN', 'THE', 'OF', 'AND', 'TO', 'A']);

/**
 * "CAIRO, March 3, 2026 - Egypt on Tuesday ...", "WASHINGTON (Reuters) -", "Kyiv, Ukraine — ...". A place in
 * capitals is a dateline by its look; a place in title case ("Kyiv, Ukraine —") needs a region, a date or an agency
 * beside it and a long dash, so that a sentence that opens with a name and a dash stays prose.
 */
export function datelineOf(line: { start: number; text: string }): Dateline | null {
  const match = DATELINE.exec(line.text);
  const groups = match?.groups;
  if (!match || !groups) return null;
  const place = groups.place!;
  const capitals = /^[A-Z .'’/-]+$/.test(place) && /[A-Z]{3}/.test(place);
  const framed = groups.region !== undefined || groups.date !== undefined || groups.agency !== undefined;
  if (!capitals && !(framed && /^[–—]/.test(groups.dash!))) return null;
  if (!capitals && groups.dash === ':') return null;
  // "EXCLUSIVE:", "UPDATE -", "FIX IS IN:": a kicker or a shouted phrase, not a place
  const words = place.split(/[ /-]+/);
  // ("THE HAGUE (Reuters) -": a place that starts with "The", when a date or an agency frames it as a dateline)
  const placeWords = framed && words.length === 2 && words[0] === 'THE' ? words.slice(1) : words;
  if (placeWords.some((w) => KICKER_WORDS.has(w.toUpperCase()))) return null;
  if (groups.dash === ':' && words.length > 2) return null;
  const text = match[0].trimEnd();
  return { start: line.start, end: line.start + text.length, text, place, date: groups.date ?? null };
}

/** "By Jane Doe" -> "Jane Doe". */
export function bylineName(line: string): string {
  return line.replace(BYLINE_PREFIX, '').trim();
}

function matchesKnownTitle(line: Line, knownTitle: string | null): boolean {
  return knownTitle !== null && sameText(line.text, knownTitle);
}

function isHeadlineLike(line: string): boolean {
  if (line.length > MAX_TITLE_CHARS || wordCount(line) > MAX_TITLE_WORDS) return false;
  return !/[,;:]$/.test(line);
}

/** "...said on Monday." ends a sentence; "...Talks with the U.S." is a headline ending in an abbreviation. */
function endsLikeSentence(line: string): boolean {
  return /\p{Ll}{2,}\.$/u.test(line);
}

function isBylineLike(line: string): boolean {
  if (line.length > MAX_BYLINE_CHARS || wordCount(line) > MAX_BYLINE_WORDS) return false;
  if (BYLINE_PREFIX.test(line)) return true;
  return !/[.!?,;:"“”]$/.test(line) && !SOURCE_LINK.test(line);
}

function sameText(a: string, b: string): boolean {
  const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return normalise(a) === normalise(b);
}

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

function leadingLines(text: string, count: number): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  while (lines.length < count && lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = trimmedLine(text, lineStart, lineEnd);
    if (line) lines.push(line);
    lineStart = lineEnd + 1;
  }
  return lines;
}

function lastLine(text: string): Line | null {
  let lineEnd = text.length;
  while (lineEnd > 0) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = trimmedLine(text, lineStart, lineEnd);
    if (line) return line;
    lineEnd = lineStart - 1;
  }
  return null;
}

function trimmedLine(text: string, start: number, end: number): Line | null {
  const raw = text.slice(start, end);
  const trimmedStart = raw.length - raw.trimStart().length;
  const content = raw.trim();
  if (!content) return null;
  return { start: start + trimmedStart, end: start + trimmedStart + content.length, text: content };
}
