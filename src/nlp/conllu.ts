// Readers for the training/evaluation formats: CoNLL-U (syntactic words only) and IOB2 NER files.

export interface UDSentence {
  id: string;
  doc: string;
  words: string[];
  lemmas: string[];
  upos: string[];
  xpos: string[];
  /** 0-based head index, -1 for the root. */
  heads: number[];
  deprels: string[];
  misc: string[];
}

export function parseConllu(text: string, docName = ''): UDSentence[] {
  const out: UDSentence[] = [];
  let doc = docName;
  let cur: UDSentence | null = null;
  let id = '';
  const flush = (): void => {
    if (cur && cur.words.length > 0) out.push(cur);
    cur = null;
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      const m = /^#\s*(newdoc id|sent_id)\s*=\s*(.*)$/.exec(line);
      if (m) {
        if (m[1] === 'newdoc id') doc = m[2]!.trim();
        else id = m[2]!.trim();
      }
      continue;
    }
    const f = line.split('\t');
    if (f.length < 10 || !/^\d+$/.test(f[0]!)) continue;
    if (!cur) cur = { id, doc, words: [], lemmas: [], upos: [], xpos: [], heads: [], deprels: [], misc: [] };
    const c: UDSentence = cur;
    c.words.push(f[1]!);
    c.lemmas.push(f[2]!);
    c.upos.push(f[3]!);
    c.xpos.push(f[4]!);
    c.heads.push(f[6] === '_' ? -1 : Number(f[6]) - 1);
    c.deprels.push(f[7]!);
    c.misc.push(f[9]!);
  }
  flush();
  return out;
}

export interface NERSentence {
  id: string;
  words: string[];
  /** IOB2 tags, e.g. B-PER, I-PER, O. */
  tags: string[];
}

export function parseIob2(text: string): NERSentence[] {
  const out: NERSentence[] = [];
  let cur: NERSentence | null = null;
  let id = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line === '') {
      if (cur && cur.words.length) out.push(cur);
      cur = null;
      continue;
    }
    if (line.startsWith('#')) {
      const m = /^#\s*sent_id\s*=\s*(.*)$/.exec(line);
      if (m) id = m[1]!.trim();
      continue;
    }
    const f = line.split('\t');
    if (f.length < 3) continue;
    if (!cur) cur = { id, words: [], tags: [] };
    cur.words.push(f[1]!);
    cur.tags.push(f[2]!);
  }
  if (cur && cur.words.length) out.push(cur);
  return out;
}

export interface Span {
  start: number;
  end: number;
  label: string;
}

/** Entity spans from IOB2 tags (an I- without a matching B- starts a new span). */
export function iobToSpans(tags: string[]): Span[] {
  const spans: Span[] = [];
  let cur: Span | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 'O' || t.length < 3) {
      if (cur) spans.push(cur);
      cur = null;
      continue;
    }
    const label = t.slice(2);
    if (t[0] === 'I' && cur && cur.label === label) {
      cur.end = i + 1;
      continue;
    }
    if (cur) spans.push(cur);
    cur = { start: i, end: i + 1, label };
  }
  if (cur) spans.push(cur);
  return spans;
}

export function spansToIob(n: number, spans: Span[]): string[] {
  const tags = new Array<string>(n).fill('O');
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) tags[i] = (i === s.start ? 'B-' : 'I-') + s.label;
  }
  return tags;
}
