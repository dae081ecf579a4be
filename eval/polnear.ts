// Reader for the PolNeAR attribution corpus (../shared/data/polnear): brat standoff files of Source / Cue / Content
// spans joined by Attribution events, over the article texts. Evaluation and training read it at run time only;
// no PolNeAR text is ever copied into the repository.
//
// Format, as found in the shared copy:
//   T12<TAB>Cue 419 457<TAB>reserved his ...             a text-bound span; discontinuous spans are "s e;s e"
//   E3<TAB>Attribution:T12 Content:T11 Cue:T10 Source:T9 an attribution (trigger type Attribution or
//                                                        Attribution-no-source); roles Source, Cue, Content, Content2
// Offsets are Unicode code points into text/<name>.txt (UTF-8, no BOM); we convert them to UTF-16 indices so that
// text.slice(start, end) is the span. A span whose text runs over a line break continues the .ann line on the next
// physical lines; those continuation lines are skipped (the text is taken from the article, not the .ann file).
// Articles annotated by several annotators (agreement studies) have one .ann per annotator
// (<name>_<annotator>.ann); we use the first annotator in sorted order unless told otherwise.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type PolnearSplit = 'train' | 'dev' | 'test';

export interface PolnearSpan {
  /** UTF-16 offsets into the article text, end exclusive. */
  start: number;
  end: number;
  text: string;
}

export interface PolnearAttribution {
  id: string;
  /** Absent for Attribution-no-source events (or an event whose Source was not marked). */
  source?: PolnearSpan[];
  cue: PolnearSpan[];
  /** Content and Content2 fragments, in text order. */
  content: PolnearSpan[];
}

export interface PolnearArticle {
  name: string;
  split: PolnearSplit;
  annotator: string;
  text: string;
  attributions: PolnearAttribution[];
  /** Events left out because they had no Cue or no Content span. */
  incomplete: number;
}

/** $PARLEY_DATA/polnear, else ../shared/data/polnear beside the repository (found from this file upwards). */
export function polnearDir(): string {
  if (process.env.PARLEY_DATA) return resolve(process.env.PARLEY_DATA, 'polnear');
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = resolve(dir, '..', 'shared', 'data', 'polnear');
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  return resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'shared', 'data', 'polnear');
}

export function polnearAvailable(dir = polnearDir()): boolean {
  return existsSync(join(dir, 'train', 'attributions')) && existsSync(join(dir, 'train', 'text'));
}

/** Maps code-point offsets to UTF-16 offsets (identity when the text has no astral characters). */
function codePointMapper(text: string): (cp: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (cp) => cp;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (cp) => map[Math.min(cp, map.length - 1)]!;
}

interface TextBound {
  type: string;
  spans: PolnearSpan[];
}

/** Parses one .ann file against its article text. Throws on offsets outside the text. */
export function parseAnn(ann: string, text: string): { attributions: PolnearAttribution[]; incomplete: number } {
  const toUtf16 = codePointMapper(text);
  const bounds = new Map<string, TextBound>();
  const events: Array<{ id: string; roles: Array<[string, string]> }> = [];
  for (const line of ann.split('\n')) {
    const t = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t/.exec(line);
    if (t) {
      const spans = t[3]!.split(';').map((pair) => {
        const [a, b] = pair.split(' ').map(Number) as [number, number];
        const start = toUtf16(a);
        const end = toUtf16(b);
        if (!(start <= end && end <= text.length)) throw new Error(`span ${t[1]} ${pair} outside the text (${text.length})`);
        return { start, end, text: text.slice(start, end) };
      });
      bounds.set(t[1]!, { type: t[2]!, spans });
      continue;
    }
    const e = /^(E\d+)\t(.*)$/.exec(line);
    if (e) {
      const roles = e[2]!.trim().split(/\s+/).map((r) => {
        const i = r.lastIndexOf(':');
        return [r.slice(0, i), r.slice(i + 1)] as [string, string];
      });
      events.push({ id: e[1]!, roles });
    }
    // '#' notes, and continuation lines of span texts that contain a line break, are skipped
  }
  const attributions: PolnearAttribution[] = [];
  let incomplete = 0;
  for (const event of events) {
    const [trigger, ...args] = event.roles;
    if (!trigger || !/^Attribution/.test(trigger[0])) continue;
    const source: PolnearSpan[] = [];
    const cue: PolnearSpan[] = [];
    const content: PolnearSpan[] = [];
    for (const [role, ref] of args) {
      const bound = bounds.get(ref);
      if (!bound) continue;
      const kind = role.replace(/\d+$/, '');
      if (kind === 'Source') source.push(...bound.spans);
      else if (kind === 'Cue') cue.push(...bound.spans);
      else if (kind === 'Content') content.push(...bound.spans);
    }
    const clean = (spans: PolnearSpan[]) => spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
    const c = clean(content);
    const q = clean(cue);
    const s = clean(source);
    if (c.length === 0 || q.length === 0) {
      incomplete++;
      continue;
    }
    attributions.push({ id: event.id, ...(s.length ? { source: s } : {}), cue: q, content: c });
  }
  attributions.sort((a, b) => a.content[0]!.start - b.content[0]!.start || a.cue[0]!.start - b.cue[0]!.start);
  return { attributions, incomplete };
}

/** Article names of a split with the annotators that have a .ann file for each, in sorted order. */
export function listSplit(split: PolnearSplit, dir = polnearDir()): Array<{ name: string; annotators: string[] }> {
  const byName = new Map<string, string[]>();
  for (const file of readdirSync(join(dir, split, 'attributions')).sort()) {
    const m = /^(.*)_([0-9a-f]{4})\.ann$/.exec(file);
    if (!m) continue;
    const list = byName.get(m[1]!) ?? [];
    list.push(m[2]!);
    byName.set(m[1]!, list);
  }
  return [...byName.entries()]
    .filter(([name]) => existsSync(join(dir, split, 'text', `${name}.txt`)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, annotators]) => ({ name, annotators: annotators.sort() }));
}

export function readArticle(split: PolnearSplit, name: string, annotator: string, dir = polnearDir()): PolnearArticle {
  const text = readFileSync(join(dir, split, 'text', `${name}.txt`), 'utf8');
  if (text.charCodeAt(0) === 0xfeff) throw new Error(`${name}: unexpected BOM`);
  const ann = readFileSync(join(dir, split, 'attributions', `${name}_${annotator}.ann`), 'utf8');
  const { attributions, incomplete } = parseAnn(ann, text);
  return { name, split, annotator, text, attributions, incomplete };
}

/** Every article of a split, one annotation each (the first annotator in sorted order), in name order. */
export function readSplit(split: PolnearSplit, options: { limit?: number; dir?: string } = {}): PolnearArticle[] {
  const dir = options.dir ?? polnearDir();
  const names = listSplit(split, dir).slice(0, options.limit ?? Infinity);
  return names.map(({ name, annotators }) => readArticle(split, name, annotators[0]!, dir));
}

/** Words of the scorer: lower-case runs of letters and digits. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** F1 of the multiset overlap of the two texts' words (0 when either has none). */
export function overlapF1(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  if (common === 0) return 0;
  const p = common / wb.length;
  const r = common / wa.length;
  return (2 * p * r) / (p + r);
}

export function spansText(spans: PolnearSpan[]): string {
  return spans.map((s) => s.text).join(' ');
}

// ---- Cue words, shared by the cue-lexicon trainer and the evaluation's error listing ----

export interface WordToken {
  /** Lower case, with ’ made '. */
  form: string;
  start: number;
  end: number;
}

/** Word tokens of a text for cue statistics: letter/digit runs, with clitics kept on ("don't", "clinton's"). */
export function wordTokens(text: string, from = 0, to = text.length): WordToken[] {
  const out: WordToken[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    out.push({ form: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end });
  }
  return out;
}

/** Auxiliaries, modals and negation that open a cue span ("has said", "did not deny", "would like"). */
export const CUE_AUXILIARIES = new Set([
  'be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", 's', "'re", 'has', 'have', 'had', 'having', "'ve", "'d",
  'do', 'does', 'did', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', "'ll", 'not',
  'never', "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "cannot", "couldn't", "isn't", "wasn't",
  "aren't", "weren't", "hasn't", "haven't", "hadn't", "shouldn't", 'to', 'also', 'still', 'again', 'just', 'even',
  'already', 'later', 'then', 'now', 'once', 'often', 'soon', 'ever', 'yet', 'too', 'first', 'last', 'further',
  'long', 'since', 'reportedly', 'apparently', 'allegedly', 'repeatedly', 'previously', 'recently', 'publicly',
  'privately', 'openly', 'explicitly', 'only', 'always',
]);

/** Function words that cannot head a cue (a cue starting with one is headed by its first content word). */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'in', 'on',
  'at', 'for', 'of', 'with', 'by', 'from', 'as', 'about', 'into', 'and', 'or', 'but', 'it', 'he', 'she', 'they', 'we',
  'i', 'you', 'him', 'them', 'us', 'me', 'what', 'which', 'who', 'whom', 'whose', 'some', 'any', 'all', 'no', 'so',
]);

const LY_VERBS = new Set(['reply', 'apply', 'rely', 'supply', 'imply', 'comply', 'rally', 'tally', 'ally', 'fly', 'bully']);

function isOpener(form: string): boolean {
  if (CUE_AUXILIARIES.has(form)) return true;
  return form.length > 4 && form.endsWith('ly') && !LY_VERBS.has(form);
}

/**
 * The words of a cue after the auxiliaries and adverbs that open it, and the index of its head among them: the
 * first word, or the first content word when the cue opens with a preposition or determiner ("in a statement").
 * `words` is empty when the cue has no word (":").
 */
export function cueCore(text: string, cue: PolnearSpan[]): { tokens: WordToken[]; head: number } {
  const tokens = cue.flatMap((s) => wordTokens(text, s.start, s.end));
  let k = 0;
  while (k < tokens.length - 1 && isOpener(tokens[k]!.form)) k++;
  const core = tokens.slice(k);
  const content = core.findIndex((t) => !FUNCTION_WORDS.has(t.form));
  return { tokens: core, head: content < 0 ? 0 : content };
}

const IRREGULAR: Record<string, string> = {
  according: 'according', said: 'say', says: 'say', told: 'tell', wrote: 'write', written: 'write', thought: 'think', saw: 'see', seen: 'see',
  knew: 'know', known: 'know', felt: 'feel', made: 'make', sought: 'seek', found: 'find', spoke: 'speak',
  spoken: 'speak', gave: 'give', given: 'give', took: 'take', taken: 'take', meant: 'mean', heard: 'hear', held: 'hold',
  began: 'begin', begun: 'begin', chose: 'choose', chosen: 'choose', forgot: 'forget', forgotten: 'forget',
  understood: 'understand', taught: 'teach', brought: 'bring', got: 'get', gotten: 'get', ran: 'run', went: 'go',
  gone: 'go', came: 'come', kept: 'keep', left: 'leave', lost: 'lose', led: 'lead', won: 'win', became: 'become',
  stood: 'stand', shown: 'show', drew: 'draw', drawn: 'draw', grew: 'grow', threw: 'throw', swore: 'swear',
  sworn: 'swear', bought: 'buy', fought: 'fight', struck: 'strike', hid: 'hide', hidden: 'hide',
  spent: 'spend', sent: 'send', built: 'build', dealt: 'deal', paid: 'pay', laid: 'lay', withdrew: 'withdraw',
  foresaw: 'foresee', foreseen: 'foresee', misled: 'mislead', mistook: 'mistake', overheard: 'overhear',
};

/**
 * A rule lemma of a word form: irregular table, then -ies/-ied/-es/-s/-ed/-ing stripped, choosing the first
 * candidate that `known` accepts (e.g. is a word form seen in the corpus), else the form itself.
 */
export function ruleLemma(form: string, known: (w: string) => boolean): string {
  const irregular = IRREGULAR[form];
  if (irregular) return irregular;
  const candidates: string[] = [];
  const undouble = (x: string) => (/([bdgklmnprtz])\1$/.test(x) ? x.slice(0, -1) : null);
  if (/ies$/.test(form) && form.length > 4) candidates.push(form.slice(0, -3) + 'y');
  if (/ied$/.test(form) && form.length > 4) candidates.push(form.slice(0, -3) + 'y', form.slice(0, -1));
  if (/ed$/.test(form) && form.length > 4) {
    const x = form.slice(0, -2);
    candidates.push(x + 'e', x);
    const u = undouble(x);
    if (u) candidates.push(u);
  }
  if (/ing$/.test(form) && form.length > 5) {
    const x = form.slice(0, -3);
    candidates.push(x + 'e', x);
    const u = undouble(x);
    if (u) candidates.push(u);
  }
  if (/[^s]s$/.test(form) && form.length > 3) candidates.push(form.slice(0, -1));
  if (/es$/.test(form) && form.length > 4) candidates.push(form.slice(0, -2));
  for (const c of candidates) if (c !== form && known(c)) return c;
  return form;
}
