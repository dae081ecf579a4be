// Quotes of one article: direct (in quote marks), indirect (a reporting verb and its clause or object) and mixed
// (a reported clause with a quoted fragment), each with its cue and its speaker. The dependency parse gives the
// reported clause (the cue's ccomp or object) and the speaker (the cue's subject); word order is the fallback.
import type { Quote, Span } from '../contract.js';
import { dependents, type Doc, type Token } from '../nlp/index.js';
import type { ActorIndex } from './actors.js';
import { CLAUSE_ONLY, cueLemma, MAKE_CLEAR_FORMS, OBJECT_CUES } from './cues.js';
import { firstTokenFrom, mentionLookup, type MentionLookup, tokensBetween } from './lookup.js';
import { bestFrame as bestLearntFrame, type FrameCandidate } from './frames.js';

interface QuoteMarks {
  /** Offset of the opening mark; the content runs [contentStart, contentEnd); the closing mark ends at closeEnd. */
  open: number;
  contentStart: number;
  contentEnd: number;
  closeEnd: number;
}

interface Speaker {
  speaker: string | null;
  mention: Span | null;
}

type QuoteDraft = Omit<Quote, 'id'>;

const PAIRS: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"', '``': "''", "''": "''" };
const ALTERNATIVE_CLOSE: Record<string, string> = { '“': '"', '"': '”' };
const SUBJECTS = new Set(['nsubj', 'nsubj:pass']);
const CLAUSE_BREAKS = new Set(['while', 'whereas', 'but', 'although', 'though', 'because', 'adding', 'saying', 'before', 'after']);
const MIXED_MAX_WORDS = 5;
const PERSONAL_SUBJECTS = /^(he|she|they|we|i|it)$/i;
const RELATIVE_PRONOUNS = /^(who|which|that)$/i;
const NO_SPEAKER: Speaker = { speaker: null, mention: null };

export function findQuotes(doc: Doc, index: ActorIndex, ignore: Array<{ start: number; end: number }>): Quote[] {
  const parsed = doc.tokens.some((t) => t.head >= 0 && t.deprel !== 'dep');
  const isIgnored = (s: { start: number; end: number }) => ignore.some((r) => s.start < r.end && s.end > r.start);
  const marks = findQuoteMarks(doc.text).filter((m) => !isIgnored({ start: m.open, end: m.closeEnd }));
  const context: Context = { doc, marks, index, parsed, children: dependents(doc), mentions: mentionLookup(index) };
  const usedCues = new Set<number>();
  // a short quoted fragment inside a sentence is usually part of a reported clause that the passes below find whole
  const fragments: QuoteDraft[] = [];
  const direct = directQuotes(context, marks, usedCues, fragments);
  const quotes: QuoteDraft[] = [];
  const insideMarkTokens = new Set<number>();
  for (const m of marks) for (const t of tokensBetween(doc, m.contentStart, m.contentEnd)) insideMarkTokens.add(t.i);
  const insideMarks = (t: Token) => insideMarkTokens.has(t.i);
  for (const token of doc.tokens) {
    if (usedCues.has(token.i) || insideMarks(token) || isIgnored(token) || !isCue(doc, token)) continue;
    // a confident learnt frame marks the reported words by the parse, which ends them better than word order does
    if (reportsNothing(context, token)) continue;
    const words = bestFrame(context, token)?.span ?? reportedContent(context, token, marks);
    if (!words) continue;
    let reported = withClosingMarks(doc, beforeJoinedCue(context, token, words), marks);
    const found = speakerFor(context, token, () => true);
    if (!found.speaker && !found.mention) continue;
    // "Cruz lacks support in Congress, said Larry Sabato, director of ...": the parser may take the clause for the
    // subject and the speaker for the object; the speaker is never what is reported, so the words are the clause
    const next = doc.tokens[token.i + 1];
    const inverted = doc.tokens[token.i - 1]?.text === ',' && next?.upos === 'PROPN' && found.mention?.start === next.start && !subjectAfter(next, token) && endsNamePhrase(doc.tokens[firstTokenFrom(doc, found.mention.end)]) && !hasSubjectBefore(context, token);
    const speakerInside = !!found.mention && found.mention.start >= reported.start && found.mention.end <= reported.end;
    if (speakerInside && opensSentence(doc, token) && found.mention!.start > token.end) {
      // "Asked if he was ever bullied, the candidate said no", parsed as one clause: the question ends at the comma
      const comma = tokensBetween(doc, reported.start, found.mention!.start).filter((t) => t.text === ',').at(-1);
      if (!comma || wordCount(doc.text.slice(reported.start, comma.start)) < 3) continue;
      reported = spanOf(doc.text, reported.start, doc.tokens[comma.i - 1]!.end);
    }
    if (inverted && speakerInside) {
      const before = contentBeforeCue(doc, token, { anyTail: true });
      if (!before) continue;
      reported = before;
    }
    usedCues.add(token.i);
    quotes.push({ ...shaped(doc, reported, marks), speaker: found.speaker, speakerMention: found.mention, cue: spanOf(doc.text, token.start, token.end) });
  }
  quotes.sort((a, b) => a.content.start - b.content.start);
  // then the frames learnt from PolNeAR, for what the hand-written rules above do not reach
  const framed: QuoteDraft[] = [];
  for (const token of doc.tokens) {
    if (usedCues.has(token.i) || insideMarks(token) || isIgnored(token) || reportsNothing(context, token)) continue;
    const frame = bestFrame(context, token);
    if (!frame || isIgnored(frame.span)) continue;
    const content = withClosingMarks(doc, beforeJoinedCue(context, token, frame.span), marks);
    const inContent = (t: Token) => t.start >= content.start && t.end <= content.end;
    const found = speakerFor(context, token, (t) => !inContent(t));
    if (!found.speaker && !found.mention) continue;
    framed.push({ ...shaped(doc, content, marks), speaker: found.speaker, speakerMention: found.mention, cue: spanOf(doc.text, token.start, token.end) });
  }
  const byStart = (a: QuoteDraft, b: QuoteDraft) => a.content.start - b.content.start;
  const headlines = headlineClaims(context, marks, isIgnored);
  const sourced = sourcePhraseClaims(context, marks, usedCues, isIgnored);
  const all = dropOverlaps([...direct, ...headlines, ...quotes, ...sourced, ...framed.sort(byStart), ...fragments]);
  all.sort((a, b) => a.content.start - b.content.start);
  return all.map((q, i) => ({ id: `q${i + 1}`, ...q }));
}

/**
 * "said she regretted her remarks and promised to stay out of it": a reporting verb in the same tense joined to the
 * reported words without a subject of its own is a second act of the speaker's, wherever the parser attached it;
 * the reported words end before it (and it reports its own).
 */
function beforeJoinedCue(context: Context, cue: Token, span: Span): Span {
  const { doc, children } = context;
  if (!context.parsed || !/^VB[DZ]$/.test(cue.xpos)) return span;
  for (const t of tokensBetween(doc, span.start, span.end)) {
    // (a past tense is often tagged as a participle there: "and promised/VBN to stay out")
    const sameTense = t.xpos === cue.xpos || (cue.xpos === 'VBD' && t.xpos === 'VBN');
    if (t.i <= cue.i || t.deprel !== 'conj' || !sameTense || !isCue(doc, t)) continue;
    if (children[t.i]!.some((c) => SUBJECTS.has(c.deprel) || c.deprel.startsWith('aux'))) continue;
    let end = t.i - 1;
    while (end > cue.i && (/^(and|or|but|then)$/i.test(doc.tokens[end]!.text) || /^[,;]$/.test(doc.tokens[end]!.text))) end--;
    const last = doc.tokens[end]!;
    if (last.end <= span.start || wordCount(doc.text.slice(span.start, last.end)) < 2) return span;
    return spanOf(doc.text, span.start, last.end);
  }
  return span;
}

/** Verbs of appearance: with an adjective ("appeared visibly troubled") they describe how the subject looks to the writer. */
const APPEARANCE_VERBS = new Set(['appear', 'seem', 'look', 'sound']);

/**
 * Words that PolNeAR-style cue lists share with reporting but that report no words of the subject's here: a
 * description of how someone looks ("appeared visibly troubled"), a choice ("decided to form teams"), knowledge
 * taken for granted in a participle (", knowing that ..."), and reaching agreement on a matter ("struggled to agree
 * on a unified response": the matter is what was negotiated, not anything said; "agree that ..." still reports).
 */
function reportsNothing(context: Context, cue: Token): boolean {
  const lemma = cue.lemma.toLowerCase();
  const kids = context.children[cue.i]!;
  if (cue.upos !== 'VERB' && cue.upos !== 'AUX') return false;
  // the adjective may be a participle ("seemed shaken", "appeared poised to ...")
  if (APPEARANCE_VERBS.has(lemma)) return kids.some((k) => k.deprel === 'xcomp' && (k.upos === 'ADJ' || k.xpos === 'VBN'));
  if (lemma === 'decide') return true;
  if (lemma === 'know') return cue.xpos === 'VBG' && cue.deprel === 'advcl';
  if (lemma === 'agree') {
    const topic = kids.find((k) => k.deprel === 'obl' && context.children[k.i]!.some((c) => c.deprel === 'case' && /^on$/i.test(c.text)));
    return !!topic && !kids.some((k) => k.deprel === 'ccomp' || k.deprel === 'xcomp');
  }
  return false;
}

/** Reported words that open a quotation run to its closing mark (the parse or the trimming may stop short of it). */
function withClosingMarks(doc: Doc, content: Span, marks: QuoteMarks[]): Span {
  const open = marks.find((m) => m.open >= content.start && m.open < content.end && m.closeEnd > content.end && m.contentEnd - content.end <= 3);
  return open ? spanOf(doc.text, content.start, open.closeEnd) : content;
}

/** Words that label a line rather than name who speaks in it ("Update: ...", "Photo: ..."). */
const LINE_LABELS = /^(update|updated|photo|photos|video|watch|read|source|sources|related|editor's note|note|correction|disclosure|by|via|see also|listen|more|breaking|exclusive|opinion|analysis|q|a)$/i;

/**
 * "Graham: Trump's Rhetoric Destroying GOP's Chance", "Poll: Sanders Leads": a line that opens with a short name
 * and a colon reports what the named one says, in headline style. The name has no verb of its own; the claim
 * is the rest of the line.
 */
function headlineClaims(context: Context, marks: QuoteMarks[], isIgnored: (s: { start: number; end: number }) => boolean): QuoteDraft[] {
  const { doc, index } = context;
  const claims: QuoteDraft[] = [];
  const lineRe = /^[ \t]*([^\n:]{2,60}?)[ \t]*:[ \t]+([^\n]+?)[ \t]*$/gmu;
  for (let m = lineRe.exec(doc.text); m; m = lineRe.exec(doc.text)) {
    const label = m[1]!;
    const labelStart = m.index + m[0].indexOf(label);
    const claimStart = m.index + m[0].lastIndexOf(m[2]!);
    let claimEnd = claimStart + m[2]!.length;
    while (claimEnd > claimStart && /[.\s]/.test(doc.text[claimEnd - 1]!)) claimEnd--;
    if (isIgnored({ start: labelStart, end: claimEnd })) continue;
    const labelTokens = tokensBetween(doc, labelStart, labelStart + label.length);
    if (labelTokens.length === 0 || labelTokens.length > 6 || !/^\p{Lu}/u.test(label) || LINE_LABELS.test(label.trim().replace(/’/g, "'"))) continue;
    // "The Latest: ...", "At issue: ...", "STAT OF THE WEEK: ...": a label, not a speaker
    const shouted = /^[\p{Lu}\s]+$/u.test(label) && label.replace(/\s/g, '').length > 4;
    if (!['PROPN', 'NOUN', 'ADJ'].includes(labelTokens[0]!.upos) || shouted) continue;
    if (labelTokens.some((t) => t.upos === 'VERB' || t.upos === 'AUX' || /^\d/.test(t.text))) continue;
    // a headline: one sentence of a few words, not a paragraph or a list that happens to follow a colon
    const claim = doc.text.slice(claimStart, claimEnd);
    const claimTokens = tokensBetween(doc, claimStart, claimEnd);
    if (wordCount(claim) < 3 || wordCount(claim) > 30 || claim.includes('@') || /[.!?]\s+\p{Lu}/u.test(claim)) continue;
    if (claimTokens.length && claimTokens[0]!.sentence !== claimTokens[claimTokens.length - 1]!.sentence) continue;
    // "Clinton to Planned Parenthood: ...": the first one named speaks
    const named = index.mentions.find((x) => x.span.start >= labelStart && x.span.end <= labelStart + label.length && x.actor.type !== 'country');
    const speaker: Speaker = named ? { speaker: named.actor.id, mention: named.span } : { speaker: null, mention: spanOf(doc.text, labelStart, labelStart + label.length) };
    const colon = doc.text.indexOf(':', labelStart + label.length);
    claims.push({ ...shaped(doc, spanOf(doc.text, claimStart, claimEnd), marks), speaker: speaker.speaker, speakerMention: speaker.mention, cue: spanOf(doc.text, colon, colon + 1) });
  }
  return claims;
}

/** Nouns for things that carry what someone says or finds ("in a statement", "in a CBS News poll"). */
const RECORD_NOUNS = new Set([
  'poll', 'polls', 'survey', 'surveys', 'statement', 'statements', 'interview', 'interviews', 'report', 'reports', 'letter',
  'study', 'analysis', 'memo', 'op-ed', 'column', 'essay', 'tweet', 'tweets', 'post', 'speech', 'remarks', 'testimony',
  'filing', 'complaint', 'lawsuit', 'book', 'email', 'e-mail', 'message', 'editorial', 'article', 'ruling', 'video',
  'ad', 'advertisement', 'release', 'briefing', 'address', 'note', 'blog', 'podcast', 'documents', 'document', 'findings',
]);

/**
 * "In a CBS News poll last month, Cruz had a 10-point lead", "To Frank, the party has lost its way": an opening phrase names where a claim comes from or whose view it is, and the
 * clause after its comma is the claim (when that clause has no reporting cue of its own).
 */
function sourcePhraseClaims(context: Context, marks: QuoteMarks[], usedCues: Set<number>, isIgnored: (s: { start: number; end: number }) => boolean): QuoteDraft[] {
  const { doc, index } = context;
  const claims: QuoteDraft[] = [];
  for (const sentence of doc.sentences) {
    const first = doc.tokens[sentence.tokenStart]!;
    const preposition = first.text.toLowerCase();
    if (!['in', 'to'].includes(preposition) || isIgnored(first)) continue;
    let comma = -1;
    for (let k = sentence.tokenStart + 1; k < Math.min(sentence.tokenEnd, sentence.tokenStart + 16); k++) {
      if (doc.tokens[k]!.text === ',') {
        comma = k;
        break;
      }
    }
    if (comma < 0) continue;
    const phrase = doc.tokens.slice(sentence.tokenStart + 1, comma);
    const named = index.mentions.find((m) => m.tokenStart > sentence.tokenStart && m.tokenEnd <= comma && m.actor.type !== 'country' && m.actor.type !== 'location');
    const record = phrase.some((t) => RECORD_NOUNS.has(t.text.toLowerCase()));
    // "in" a record; "to" someone (a view: "to Frank, ...", not "to that end")
    if (preposition === 'in' ? !record : !named || named.actor.type !== 'person') continue;
    if (preposition !== 'in' && phrase.some((t) => t.upos === 'VERB')) continue;
    let end = sentence.tokenEnd - 1;
    while (end > comma && /^[.!?"”']$/.test(doc.tokens[end]!.text)) end--;
    const clause = doc.tokens.slice(comma + 1, end + 1);
    if (clause.length < 4 || clause.some((t) => usedCues.has(t.i) || isCue(doc, t))) continue;
    const content = spanOf(doc.text, clause[0]!.start, clause[clause.length - 1]!.end);
    const source = named && preposition !== 'in' ? { speaker: named.actor.id, mention: named.span } : { speaker: named?.actor.id ?? null, mention: spanOf(doc.text, phrase[0]!.start, phrase[phrase.length - 1]!.end) };
    claims.push({ ...shaped(doc, content, marks), speaker: source.speaker, speakerMention: source.mention, cue: spanOf(doc.text, first.start, first.end) });
  }
  return claims;
}

/**
 * Reported words holding a quotation are a mixed quote; reported words that are one quotation and nothing else
 * (“said "we will win."”, “said that "..."”) are a direct quote, its content inside the marks.
 */
function shaped(doc: Doc, content: Span, marks: QuoteMarks[]): { kind: 'direct' | 'mixed' | 'indirect'; content: Span } {
  const inside = marks.filter((m) => m.contentStart >= content.start && m.contentEnd <= content.end);
  if (inside.length === 0) return { kind: 'indirect', content };
  const only = inside[0]!;
  const lead = doc.text.slice(content.start, only.open);
  const tail = doc.text.slice(only.closeEnd, content.end);
  if (inside.length === 1 && /^\s*(that\s*)?$/i.test(lead) && /^[\s.,;:!?]*$/.test(tail)) return { kind: 'direct', content: spanOf(doc.text, only.contentStart, only.contentEnd) };
  return { kind: 'mixed', content };
}

/** The most precise learnt frame of a word, when it is precise enough to report. */
function bestFrame(context: Context, token: Token): FrameCandidate | null {
  const frame = bestLearntFrame(context.doc, context.children, token);
  // "struggled to agree on a response", "tried to decide": an attempt at an act that reports nothing reports nothing
  if (frame && frame.relation.startsWith('xcomp') && reportsNothing(context, frame.head)) return null;
  // "according to X": the to-phrase is the source, and the claim lies around it (contentAroundAccording)
  if (frame && /^according$/i.test(token.text)) return null;
  if (frame && frame.relation === 'obj>') return clauseFromObject(context, token, frame);
  return frame;
}

/**
 * "argued the piece made Obama look too good", "fear the new approach will leave ...": a verb that reports only
 * clauses, parsed with the clause's subject as its object, reports the whole clause: the object runs straight into
 * a finite verb, and the words run on as a clause does.
 */
function clauseFromObject(context: Context, cue: Token, frame: FrameCandidate): FrameCandidate {
  const { doc } = context;
  const lemma = cueLemma(cue.text);
  if (!lemma || !CLAUSE_ONLY.has(lemma) || OBJECT_CUES.has(lemma)) return frame;
  const next = doc.tokens[firstTokenFrom(doc, frame.span.end)];
  if (!next || next.sentence !== cue.sentence || !/^(VBD|VBZ|VBP|MD)$/.test(next.xpos)) return frame;
  const first = doc.tokens[firstTokenFrom(doc, frame.span.start)]!;
  const clause = clauseAfter(doc, first.i, context.marks);
  return clause && clause.end > frame.span.end ? { ...frame, span: clause } : frame;
}

interface Context {
  doc: Doc;
  marks: QuoteMarks[];
  index: ActorIndex;
  parsed: boolean;
  children: Token[][];
  mentions: MentionLookup;
}

/** A direct quote being built, with what is needed to join the next quote to it. */
interface OpenQuote {
  draft: QuoteDraft;
  /** The cue token, when there is one, and where the quote's marks close. */
  cue: Token | undefined;
  closeEnd: number;
}

function directQuotes(context: Context, marks: QuoteMarks[], usedCues: Set<number>, fragments: QuoteDraft[]): QuoteDraft[] {
  const { doc } = context;
  const drafts: QuoteDraft[] = [];
  let previous: (Speaker & { sentence: number }) | null = null;
  let last: OpenQuote | null = null;
  for (const mark of marks) {
    const inside = tokensBetween(doc, mark.contentStart, mark.contentEnd);
    if (inside.length === 0) continue;
    const sentence = inside[inside.length - 1]!.sentence;
    const firstSentence = inside[0]!.sentence;
    const outsideQuote = (t: Token) => t.end <= mark.open || t.start >= mark.closeEnd;
    const outside = [firstSentence, ...(sentence === firstSentence ? [] : [sentence])]
      .flatMap((k) => doc.tokens.slice(doc.sentences[k]!.tokenStart, doc.sentences[k]!.tokenEnd))
      .filter(outsideQuote);
    // "Lavrov said:" closing the sentence or paragraph before the quote
    const before = doc.sentences[firstSentence - 1];
    const introduced = before && doc.tokens[before.tokenEnd - 1]?.text === ':' ? doc.tokens.slice(before.tokenStart, before.tokenEnd).find((t) => isQuoteCue(doc, t)) : undefined;
    // of several cues in the sentence, the one nearest the quote introduces it ("Lazar said he welcomed X and added,
    // “...”", "Asked whether ..., Ryan said, “...”"); the others report their own clauses
    // (a short quotation is a phrase inside someone's clause, and keeps the sentence's first cue)
    const words = inside.filter((t) => /[\p{L}\p{N}]/u.test(t.text)).length;
    const distance = (t: Token) => (words < MIXED_MAX_WORDS ? t.i : t.end <= mark.open ? mark.open - t.end : t.start - mark.closeEnd);
    const ownCue = nearest(outside.filter((t) => isQuoteCue(doc, t) && !(t.end <= mark.open && usedCues.has(t.i))), distance) ?? tagCue(doc, mark) ?? introduced;
    // “We came to listen,” said Berg. “The rest can wait.” is one quote interrupted by its speaker tag
    if (last && !ownCue && interruptedBy(doc, last, mark, marks)) {
      tagGaps.set(last.draft, [...(tagGaps.get(last.draft) ?? []), { start: last.closeEnd, end: mark.open }]);
      last.draft.content = spanOf(doc.text, last.draft.content.start, mark.contentEnd);
      last.closeEnd = mark.closeEnd;
      if (previous) previous.sentence = sentence;
      continue;
    }
    const cue = ownCue ?? outside.find((t) => isQuoteCue(doc, t));
    // a title or scare quote in the same sentence as someone else's quote and its cue ("said Adam Segal, the author of “Hacked World Order”")
    if (cue && usedCues.has(cue.i) && words < MIXED_MAX_WORDS) continue;
    const content = spanOf(doc.text, mark.contentStart, mark.contentEnd);
    // “Fox News Sunday”, “Guardians of the Galaxy”, “@bcuban”: a title or a handle, not words anyone says
    if (isTitle(content.text)) continue;
    if (!cue) {
      // “...” ― Name, and Name: “...”: a dash after the quote or a colon before it stands for the cue
      const tagged = dashOrColonSpeaker(context, mark);
      if (tagged) {
        const draft: QuoteDraft = { kind: 'direct', content, speaker: tagged.found.speaker, speakerMention: tagged.found.mention, cue: tagged.cue };
        drafts.push(draft);
        last = { draft, cue: undefined, closeEnd: mark.closeEnd };
        previous = { ...tagged.found, sentence };
        continue;
      }
      // A whole quoted sentence with no cue continues the last speaker; a short one is a scare quote or a title.
      const continues = previous && firstSentence - previous.sentence <= 3 && words >= 4 && startsSentence(doc, mark.open);
      if (continues) {
        // the speaker as last named (the mention may lie a sentence or two back)
        const draft: QuoteDraft = { kind: 'direct', content, speaker: previous!.speaker, speakerMention: previous!.mention, cue: null };
        drafts.push(draft);
        last = { draft, cue: undefined, closeEnd: mark.closeEnd };
        previous!.sentence = sentence;
      }
      continue;
    }
    const found = speakerFor(context, cue, outsideQuote);
    const cueBeforeQuote = cue.end <= mark.open;
    const fragment = words < MIXED_MAX_WORDS && cueBeforeQuote && !startsSentence(doc, mark.open) && !/[:,]\s*$/.test(doc.text.slice(cue.end, mark.open));
    if (fragment) {
      // the reported clause runs from after the cue (or its "that") to the closing mark
      const that = doc.tokens.slice(cue.i + 1, cue.i + 6).find((t) => t.text.toLowerCase() === 'that' && t.end <= mark.open);
      const after = doc.tokens[(that ?? cue).i + 1]!;
      fragments.push({ kind: 'mixed', content: spanOf(doc.text, after.start, mark.closeEnd), speaker: found.speaker, speakerMention: found.mention, cue: spanOf(doc.text, cue.start, cue.end) });
      last = null;
    } else if (integrated(doc, mark, cue)) {
      // 'The failure was “heartbreaking,” she said': the quoted words are part of a clause the passes below report whole
      fragments.push({ kind: 'direct', content, speaker: found.speaker, speakerMention: found.mention, cue: spanOf(doc.text, cue.start, cue.end) });
      last = null;
    } else {
      usedCues.add(cue.i);
      const draft: QuoteDraft = { kind: 'direct', content, speaker: found.speaker, speakerMention: found.mention, cue: spanOf(doc.text, cue.start, cue.end) };
      drafts.push(draft);
      last = { draft, cue, closeEnd: mark.closeEnd };
    }
    previous = { ...found, sentence };
  }
  return drafts;
}

/** The token with the least distance (the first of equals). */
function nearest(tokens: Token[], distance: (t: Token) => number): Token | undefined {
  let best: Token | undefined;
  for (const t of tokens) if (!best || distance(t) < distance(best)) best = t;
  return best;
}

const MINOR_WORDS = /^(of|the|a|an|and|or|in|on|for|to|at|by|with|from|as|vs|de|la|le|du)$/i;

/** A short quotation whose every word but the minor ones is capitalised (or a handle, a hashtag, a number). */
function isTitle(text: string): boolean {
  const words = text.replace(/[“”"'‘’.,!?:;()]/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 7) return false;
  if (words.length === 1 && !/^[@#\d]/.test(words[0]!)) return false;
  return words.every((w) => MINOR_WORDS.test(w) || /^[\p{Lu}\d@#]/u.test(w)) && !/^(I|We|You)$/.test(words[0]!);
}

/**
 * Is a quotation part of the syntax of its sentence: it opens right after a word ("was “heartbreaking”", "argued
 * that “every candidate” favoured ..."), not after a colon, comma, dash or the sentence start. (A clause that
 * turns out to be the quotation alone is made a direct quote again by `shaped`.)
 */
function integrated(doc: Doc, mark: QuoteMarks, cue: Token): boolean {
  const before = doc.tokens.filter((t) => t.end <= mark.open && t.sentence === cue.sentence).at(-1);
  return !!before && /[\p{L}\p{N}]$/u.test(before.text);
}

/**
 * The cue of a speaker tag right after the closing mark, whatever the tagger made of it and even where the sentence
 * splitter cut after "?”": “Why now?” asked Bennett. / “...,” Viguerie notes.
 */
function tagCue(doc: Doc, mark: QuoteMarks): Token | undefined {
  if (/\n/.test(doc.text.slice(mark.closeEnd, mark.closeEnd + 2))) return undefined;
  const first = doc.tokens.findIndex((t) => t.start >= mark.closeEnd);
  if (first < 0) return undefined;
  for (let k = first; k < Math.min(doc.tokens.length, first + 5); k++) {
    const t = doc.tokens[k]!;
    if (/^[.,;:!?]$/.test(t.text) || isQuoteMark(t.text)) return undefined;
    if (t.upos !== 'PROPN' && cueLemma(t.text)) return t;
  }
  return undefined;
}

/**
 * Does `mark` carry on the quote `last` after its speaker tag: the tag between them holds the quote's cue and its
 * speaker, stays in the paragraph, is short beside the quoted words (a long aside is no interruption), and the new
 * quote opens a sentence or follows the tag's comma.
 */
function interruptedBy(doc: Doc, last: OpenQuote, mark: QuoteMarks, marks: QuoteMarks[]): boolean {
  const speaker = last.draft.speakerMention;
  const between = (s: { start: number; end: number }) => s.start >= last.closeEnd && s.end <= mark.open;
  if (!last.cue || !between(last.cue) || !speaker || !between(speaker)) return false;
  const gap = doc.text.slice(last.closeEnd, mark.open);
  if (gap.includes('\n')) return false;
  // quote marks in the tag are a title's ("said Adam Segal, the author of “Hacked World Order,”"), when they pair there
  const marksInGap = marks.filter((m) => m.open >= last.closeEnd && m.open < mark.open);
  const titles = marksInGap.filter((m) => m.closeEnd <= mark.open && isTitle(doc.text.slice(m.contentStart, m.contentEnd)));
  if (titles.length !== marksInGap.length || (titles.length === 0 && /["“”«»„]|''/.test(gap))) return false;
  const opening = doc.tokens.find((t) => t.start >= mark.contentStart);
  if (!opening || opening.sentence - last.cue.sentence > 1) return false;
  // the tag ends a sentence ("..., Sanders said at a rally in Binghamton, N.Y. “...”", where the splitter may not cut) or a clause
  if (!startsSentence(doc, mark.open) && !/[,.!?]\s*$/.test(gap)) return false;
  const quoted = wordCount(doc.text.slice(last.draft.content.start, last.closeEnd)) + wordCount(doc.text.slice(mark.contentStart, mark.contentEnd));
  return wordCount(gap) <= quoted;
}

function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

function startsSentence(doc: Doc, offset: number): boolean {
  const token = doc.tokens[firstTokenFrom(doc, offset)];
  if (!token) return false;
  return doc.sentences[token.sentence]!.start === token.start;
}


/** Quote-mark pairs within a paragraph; a quote still open at the end of its paragraph ends there (the next one reopens it). */
export function findQuoteMarks(text: string): QuoteMarks[] {
  const found: QuoteMarks[] = [];
  const paragraphs = text.split(/(\n\s*\n)/);
  let offset = 0;
  for (const paragraph of paragraphs) {
    for (let i = 0; i < paragraph.length; i++) {
      const opening = paragraph.startsWith('``', i) || paragraph.startsWith("''", i) ? paragraph.slice(i, i + 2) : paragraph[i]!;
      const closing = PAIRS[opening];
      if (!closing) continue;
      // an apostrophe pair only opens a quote before a word, never inside one ("rock''n")
      if (opening === "''" && (/\w/.test(paragraph[i - 1] ?? '') || !/\w/.test(paragraph[i + 2] ?? ''))) {
        i += 1;
        continue;
      }
      const contentStart = i + opening.length;
      // a curly quote closed by a straight one, or the other way round, still closes (copy-edited text mixes them)
      const alternative = ALTERNATIVE_CLOSE[opening];
      let close = paragraph.indexOf(closing, contentStart);
      const other = alternative ? paragraph.indexOf(alternative, contentStart) : -1;
      if (other >= 0 && (close < 0 || other < close)) close = other;
      if (close < 0) {
        const tail = paragraph.slice(contentStart).trimEnd();
        if (tail.length > 0) found.push({ open: offset + i, contentStart: offset + contentStart, contentEnd: offset + contentStart + tail.length, closeEnd: offset + contentStart + tail.length });
        break;
      }
      const closeLength = paragraph.startsWith(closing, close) ? closing.length : alternative!.length;
      found.push({ open: offset + i, contentStart: offset + contentStart, contentEnd: offset + close, closeEnd: offset + close + closeLength });
      i = close + closeLength - 1;
    }
    offset += paragraph.length;
  }
  return found;
}

/**
 * A cue of a quotation: a reporting cue, or "put it" ("As one diplomat put it, “...”", "Ridge put it: “...”"), which
 * introduces the words themselves and never a clause about them.
 */
function isQuoteCue(doc: Doc, token: Token): boolean {
  if (isCue(doc, token)) return true;
  return /^put$/i.test(token.text) && token.upos === 'VERB' && /^it$/i.test(doc.tokens[token.i + 1]?.text ?? '');
}

function isCue(doc: Doc, token: Token): boolean {
  const lower = token.text.toLowerCase();
  if (MAKE_CLEAR_FORMS.has(lower)) return /^\s*(it\s+)?clear\b/.test(doc.text.slice(token.end, token.end + 12));
  if (lower === 'according') return doc.tokens[token.i + 1]?.text.toLowerCase() === 'to';
  const lemma = cueLemma(token.text);
  if (!lemma) return false;
  return token.upos === 'VERB' || token.upos === 'AUX' || token.upos === 'X';
}

/** “...” ― Ana Ruiz, and Ana Ruiz: “...”. */
function dashOrColonSpeaker(context: Context, mark: QuoteMarks): { found: Speaker; cue: Span } | null {
  const { doc, mentions } = context;
  // (a plain hyphen stands for the dash when spaced apart: “...”\n- Ana Ruiz)
  const after = /^\s*([―—–]|--|-(?=\s))\s*/.exec(doc.text.slice(mark.closeEnd, mark.closeEnd + 6));
  if (after) {
    const dashStart = mark.closeEnd + after[0].indexOf(after[1]!);
    const next = doc.tokens[firstTokenFrom(doc, mark.closeEnd + after[0].length)];
    const mention = next && mentions.startingAt(next.i);
    if (mention) return { found: { speaker: mention.actor.id, mention: mention.span }, cue: spanOf(doc.text, dashStart, dashStart + after[1]!.length) };
  }
  const before = /(\S)\s*:\s*$/.exec(doc.text.slice(Math.max(0, mark.open - 4), mark.open));
  if (before) {
    // the tokens ending within the three characters before the mark start after mark.open - 4
    const colon = doc.tokens.slice(firstTokenFrom(doc, mark.open - 4), firstTokenFrom(doc, mark.open))
      .find((t) => t.text === ':' && t.end <= mark.open && t.end >= mark.open - 3);
    const mention = colon && mentions.endingAt(colon.i).find((m) => m.actor.type !== 'country');
    if (colon && mention) return { found: { speaker: mention.actor.id, mention: mention.span }, cue: spanOf(doc.text, colon.start, colon.end) };
  }
  return null;
}

/** What an indirect cue reports: its clausal complement or object from the parse, else a that-clause, a bare clause, an object phrase, or the clause before ", X said". */
function reportedContent(context: Context, cue: Token, marks: QuoteMarks[]): Span | null {
  const { doc } = context;
  const lemma = cueLemma(cue.text) ?? (MAKE_CLEAR_FORMS.has(cue.text.toLowerCase()) ? 'make' : 'according');
  if (lemma === 'according') return contentAroundAccording(doc, cue);
  if (context.parsed) {
    const fromParse = complementOf(context, cue, lemma, marks);
    if (fromParse !== undefined) return fromParse;
  }
  return contentByWordOrder(doc, cue, lemma, marks);
}

/**
 * Where the reported clause starts, from the parse: the cue's clausal complement (ccomp) or, for object cues, its
 * object; an object's own that-clause ("stance that ...") starts after "that". It ends where the clause does in word
 * order, which holds up better than the parse's attachment of trailing phrases.
 */
function complementOf(context: Context, cue: Token, lemma: string, marks: QuoteMarks[]): Span | null | undefined {
  const { doc, children } = context;
  const kids = children[cue.i]!;
  const clause = kids.find((c) => c.deprel === 'ccomp' && c.i > cue.i);
  // "called for an end to the fighting", "asked for help": the for-phrase is the object
  const object = kids.find((c) => c.deprel === 'obj' && c.i > cue.i) ?? kids.find((c) => c.deprel === 'obl' && c.i > cue.i && children[c.i]!.some((g) => g.deprel === 'case' && g.text.toLowerCase() === 'for' && g.i === cue.i + 1));
  let head: Token | undefined;
  if (clause) head = clause;
  else if (object && (OBJECT_CUES.has(lemma) || lemma === 'make')) head = object;
  if (!head) {
    // "The talks will go on, he said." — the reported clause is the cue's head (parataxis) or the root it hangs from
    if ((cue.deprel === 'parataxis' || cue.deprel === 'ccomp') && cue.head >= 0 && cue.head < cue.i) {
      const reported = doc.tokens[cue.head]!;
      // ("Ramesh said the government had conceded too much": a clause reported by another cue reports nothing back)
      if (cue.deprel === 'ccomp' && isCue(doc, reported)) return null;
      const span = subtreeSpan(context, reported, (t) => t.i < cue.i && !isSubjectOf(cue, t, context));
      return span && wordCount(span.text) >= 3 ? span : null;
    }
    return lemma === 'make' ? null : undefined;
  }
  let start = leftmost(children, head, cue.i);
  const that = doc.tokens.slice(start, start + 8).find((t) => /^that$/i.test(t.text) && t.sentence === cue.sentence);
  if (that && (head === object || that.i === start)) start = that.i + 1;
  else if (lemma === 'make') return null;
  const span = clauseAfter(doc, start, marks);
  if (!span || wordCount(span.text) < 3) return null;
  if (marks.some((m) => span.start <= m.open && span.end >= m.closeEnd && wordCount(doc.text.slice(m.contentStart, m.contentEnd)) >= MIXED_MAX_WORDS)) return null;
  return span;
}

/** The first token of a subtree that comes after `after`. */
function leftmost(children: Token[][], head: Token, after: number): number {
  let first = head.i;
  const stack = [head];
  while (stack.length) {
    const t = stack.pop()!;
    if (t.i > after && t.i < first) first = t.i;
    stack.push(...children[t.i]!);
  }
  return first;
}

function isSubjectOf(cue: Token, token: Token, context: Context): boolean {
  for (let t: Token | undefined = token; t; t = t.head >= 0 ? context.doc.tokens[t.head] : undefined) {
    if (t.head === cue.i && SUBJECTS.has(t.deprel)) return true;
    if (t.head === cue.i || t.i === cue.i) return false;
  }
  return false;
}

/** The character span of a token's subtree, restricted to tokens that pass `keep`, trimmed of edge punctuation. */
function subtreeSpan(context: Context, head: Token, keep: (t: Token) => boolean): Span | null {
  const { doc, children } = context;
  const members: Token[] = [];
  const stack = [head];
  while (stack.length) {
    const t = stack.pop()!;
    if (!keep(t)) continue;
    members.push(t);
    stack.push(...children[t.i]!);
  }
  if (members.length === 0) return null;
  members.sort((a, b) => a.i - b.i);
  // a subtree with gaps (the quote's own cue inside it) is cut at the first gap
  let last = 0;
  while (last + 1 < members.length && members[last + 1]!.i === members[last]!.i + 1) last++;
  let first = 0;
  const isEdgePunct = (t: Token) => /^[,.;:!?"“”'’()\-—–]+$/.test(t.text);
  while (first <= last && isEdgePunct(members[first]!)) first++;
  while (last >= first && isEdgePunct(members[last]!)) last--;
  if (first > last) return null;
  return spanOf(doc.text, members[first]!.start, members[last]!.end);
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

function clauseAfter(doc: Doc, from: number, marks: QuoteMarks[]): Span | null {
  const sentence = doc.sentences[doc.tokens[from]?.sentence ?? -1];
  if (!sentence) return null;
  let end = from;
  while (end < sentence.tokenEnd) {
    const t = doc.tokens[end]!;
    if (/^[.;?!]$/.test(t.text)) break;
    if (isQuoteMark(t.text) && marks.some((m) => m.open === t.start)) break;
    if (t.text === ',' && endsReportedClause(doc, end + 1)) break;
    end++;
  }
  if (end - from < 3) return null;
  return spanOf(doc.text, doc.tokens[from]!.start, doc.tokens[end - 1]!.end);
}

function contentByWordOrder(doc: Doc, cue: Token, lemma: string, marks: QuoteMarks[]): Span | null {
  const sentence = doc.sentences[cue.sentence]!;
  let k = cue.i + 1;
  const limit = Math.min(sentence.tokenEnd, cue.i + 7);
  let thatAt = -1;
  for (let j = cue.i + 1; j < limit; j++) {
    const t = doc.tokens[j]!;
    if (t.text === '.' || t.text === ';' || isQuoteMark(t.text)) break;
    if (t.text.toLowerCase() === 'that') {
      thatAt = j;
      break;
    }
  }
  if (thatAt >= 0) k = thatAt + 1;
  else if (lemma === 'make') return null;
  else {
    while (k < sentence.tokenEnd && /^(to|reporters|journalists|him|her|them|us|me)$/i.test(doc.tokens[k]!.text) && lemma === 'tell') k++;
    const next = doc.tokens[k];
    const clauseBefore = contentBeforeCue(doc, cue);
    if (clauseBefore) return clauseBefore;
    if (!next || next.text === ',' || next.text === '.' || isQuoteMark(next.text) || (next.upos === 'ADP' && next.text !== 'about')) return null;
    if (CLAUSE_ONLY.has(lemma) && !startsClause(next)) return null;
    if (!CLAUSE_ONLY.has(lemma) && !OBJECT_CUES.has(lemma)) return null;
  }
  return clauseAfter(doc, k, marks);
}

function startsClause(token: Token): boolean {
  return ['DET', 'PRON', 'PROPN', 'NOUN', 'NUM', 'ADJ'].includes(token.upos) || /^\p{Lu}/u.test(token.text);
}

function isQuoteMark(text: string): boolean {
  return /^(["“”«»„]|''|``)$/.test(text);
}

/** A comma followed by a participial cue ("suggesting"), a conjunction of contrast, or "he said". */
function endsReportedClause(doc: Doc, k: number): boolean {
  const next = doc.tokens[k];
  if (!next) return true;
  if (CLAUSE_BREAKS.has(next.text.toLowerCase())) return true;
  if (next.text.endsWith('ing') && cueLemma(next.text)) return true;
  return false;
}

/** "All parties need to agree, he said." -> the clause before the comma. */
function contentBeforeCue(doc: Doc, cue: Token, options: { anyTail?: boolean } = {}): Span | null {
  const sentence = doc.sentences[cue.sentence]!;
  const after = doc.tokens.slice(cue.i + 1, sentence.tokenEnd).filter((t) => !/^[.!?]$/.test(t.text));
  const before = doc.tokens.slice(sentence.tokenStart, cue.i);
  let comma = -1;
  for (let j = before.length - 1; j >= Math.max(0, before.length - 5); j--) {
    if (before[j]!.text === ',') {
      comma = j;
      break;
    }
  }
  // a long tail after the cue is usually a clause of its own, unless it is known to be the speaker's phrase
  if (comma < 3 || (after.length > 4 && !options.anyTail)) return null;
  const first = before[0]!;
  const last = before[comma - 1]!;
  if (isQuoteMark(last.text) || isQuoteMark(first.text)) return null;
  return spanOf(doc.text, first.start, last.end);
}

/**
 * "According to X, CONTENT.", "CONTENT, according to X." and "A, according to X, B." (then the whole sentence:
 * the source interrupts the claim, which the reported words are on both sides of).
 */
function contentAroundAccording(doc: Doc, cue: Token): Span | null {
  const sentence = doc.sentences[cue.sentence]!;
  let last = sentence.tokenEnd - 1;
  while (last > cue.i && /^[.!?"”']+$/.test(doc.tokens[last]!.text)) last--;
  let comma = -1;
  for (let j = cue.i + 2; j <= last; j++) {
    if (doc.tokens[j]!.text === ',') {
      comma = j;
      break;
    }
  }
  if (cue.i === sentence.tokenStart) {
    if (comma < 0 || last - comma < 3) return null;
    return spanOf(doc.text, doc.tokens[comma + 1]!.start, doc.tokens[last]!.end);
  }
  const beforeEnd = doc.tokens[cue.i - 1]?.text === ',' ? cue.i - 2 : cue.i - 1;
  // "(93 percent of voters there were white, according to exit polls)": the claim is what the brackets hold
  let bracket = -1;
  for (let j = cue.i - 1; j >= sentence.tokenStart && bracket < 0; j--) {
    if (doc.tokens[j]!.text === ')') break;
    if (doc.tokens[j]!.text === '(') bracket = j;
  }
  if (bracket >= 0) return beforeEnd - bracket >= 3 ? spanOf(doc.text, doc.tokens[bracket + 1]!.start, doc.tokens[beforeEnd]!.end) : null;
  if (beforeEnd - sentence.tokenStart < 2) return null;
  const first = doc.tokens[sentence.tokenStart]!;
  if (comma > 0 && last - comma >= 2) return spanOf(doc.text, first.start, doc.tokens[last]!.end);
  return spanOf(doc.text, first.start, doc.tokens[beforeEnd]!.end);
}

/** Head nouns of a state's bodies and voices that speak for the state ("the foreign ministry said"). */
const SPEAKING_BODIES = new Set(['ministry', 'government', 'embassy', 'presidency', 'cabinet', 'office', 'army', 'military', 'police', 'parliament', 'administration', 'regime', 'authorities', 'spokesman', 'spokeswoman', 'spokesperson', 'council', 'junta', 'senate', 'assembly', 'agency', 'service', 'authority', 'guard', 'coastguard', 'navy', 'forces']);

const SPOKESPEOPLE = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'spokeswomen', 'spokespeople', 'representative', 'representatives']);

/** The speaker of a cue: its parsed subject, else the nearest actor mention around it in the clause. */
function speakerFor(context: Context, cue: Token, allowed: (t: Token) => boolean): Speaker {
  const { doc, mentions, children } = context;
  const sentence = doc.sentences[cue.sentence]!;
  const mentionAt = (k: number) => mentions.covering(k);
  const atToken = (k: number): Speaker => {
    const m = mentionAt(k);
    if (m) return { speaker: m.actor.id, mention: m.span };
    const t = doc.tokens[k]!;
    return { speaker: null, mention: spanOf(doc.text, t.start, t.end) };
  };
  // a speaker that is no actor ("officials", "a source close to the talks"): the subject's phrase, unattributed
  const phraseOf = (token: Token): Speaker => {
    // "Latvia's foreign minister, Ilze Ozola, said": the person named in apposition to the subject
    const named = children[token.i]!.map((t) => (t.deprel === 'appos' ? mentionAt(t.i) : undefined)).find((m) => m?.actor.type === 'person');
    if (named) return { speaker: named.actor.id, mention: named.span };
    const span = subtreeSpan(context, token, (t) => !['acl:relcl', 'punct', 'acl'].includes(t.deprel) || t === token);
    // "US Secretary of State Marco Rubio": the person named inside the subject phrase
    const inside = span && mentions.within(span.start, span.end);
    const person = inside?.find((m) => m.actor.type === 'person') ?? inside?.find((m) => m.actor.type !== 'country');
    if (person) return { speaker: person.actor.id, mention: person.span };
    // "Belarus's foreign ministry", "the Kremlin": a state's organ, or its seat, speaks for the state; "officials
    // in Ukraine" stay unattributed
    const state = inside?.find((m) => m.actor.type === 'country' && ((token.i >= m.tokenStart && token.i < m.tokenEnd) || SPEAKING_BODIES.has(token.text.toLowerCase())));
    if (state) return { speaker: state.actor.id, mention: span };
    // ("BELGRADE - ... the interior ministry said": a state body named alone is one of the state the report was
    // filed from)
    const home = SPEAKING_BODIES.has(token.text.toLowerCase()) && !inside?.length && /^the\s/i.test(span?.text ?? '') ? context.index.homeCountry() : null;
    if (home) return { speaker: home.id, mention: span };
    // "The Rapid Support Forces, which have been fighting ..., said": a group or organisation named by the head itself
    const own = mentionAt(token.i);
    if (own && own.actor.type !== 'country' && own.actor.type !== 'location') return { speaker: own.actor.id, mention: own.span };
    // "a spokesman for the commission": a spokesperson speaks for the body named after the title
    const body = SPOKESPEOPLE.has(token.text.toLowerCase())
      ? children[token.i]!.filter((t) => t.deprel === 'nmod' && children[t.i]!.some((c) => c.deprel === 'case' && /^(for|of)$/i.test(c.text))).map((t) => mentionAt(t.i)).find((m) => m && m.actor.type !== 'person')
      : undefined;
    if (body) return { speaker: body.actor.id, mention: span };
    return { speaker: null, mention: span };
  };
  if (cue.text.toLowerCase() === 'according') {
    let last = cue.i + 1;
    for (let k = cue.i + 2; k < Math.min(sentence.tokenEnd, cue.i + 8); k++) {
      // the source phrase ends at a bracket or a clause's punctuation ("(..., according to exit polls) backed Holm")
      if (/^[)(,.;:]$/.test(doc.tokens[k]!.text)) break;
      if (mentionAt(k)) return atToken(k);
      last = k;
    }
    const object = doc.tokens[cue.i + 2];
    // no actor named: the source phrase as written ("exit polls", "court documents")
    return object && last > cue.i + 1 && context.parsed ? { speaker: null, mention: spanOf(doc.text, object.start, doc.tokens[last]!.end) } : NO_SPEAKER;
  }
  // ", said Michael Kofman, an expert ...": a name right after an inverted cue is its speaker, whatever the parse says
  if (/^[,”"’']$/.test(doc.tokens[cue.i - 1]?.text ?? '') && (cue.xpos === 'VBD' || cue.xpos === 'VBZ') && CLAUSE_ONLY.has(cueLemma(cue.text) ?? '')) {
    const named = mentionAt(cue.i + 1);
    // (a pronoun there is the reported clause's subject: "Trump, in an interview, said he would ...")
    // (a pronoun there, or a name the parse makes the subject of a later verb, is the reported clause's subject:
    // "Trump, in an interview, said he would ...", "Steele, a former governor, said Perez was ...")
    const first = doc.tokens[cue.i + 1]!;
    if (named && named.actor.type === 'person' && named.tokenStart === cue.i + 1 && first.upos !== 'PRON' && !subjectAfter(first, cue) && endsNamePhrase(doc.tokens[named.tokenEnd])) return atToken(named.tokenStart);
  }
  if (context.parsed && cue.upos === 'NOUN') {
    // "Clinton's support for ...", "his criticism of ...": a noun cue's possessor
    const owner = children[cue.i]!.find((t) => t.deprel === 'nmod:poss' && allowed(t));
    if (owner) {
      const m = mentionAt(owner.i);
      return m ? atToken(m.tokenStart) : phraseOf(owner);
    }
  }
  if (context.parsed) {
    // "Starmer stated that any deal would require US backing, suggesting ...": a participle after a comma goes with
    // the reporting clause, so its speaker is that cue's, wherever the parser attached it inside the reported words
    const reporter = cue.xpos === 'VBG' && doc.tokens[cue.i - 1]?.text === ',' && !children[cue.i]!.some((t) => SUBJECTS.has(t.deprel)) ? reportingAncestor(context, cue) : undefined;
    if (reporter) return speakerFor(context, reporter, allowed);
    // "Belarus ordered two diplomats to leave the country, accusing them of ...": a participle after a comma
    // that the parser hung inside an infinitive describes the act of the clause's own subject
    const actor = cue.xpos === 'VBG' && doc.tokens[cue.i - 1]?.text === ',' && !children[cue.i]!.some((t) => SUBJECTS.has(t.deprel)) ? finiteAncestorAcrossInfinitive(context, cue) : undefined;
    if (actor) return speakerFor(context, actor, allowed);
  }
  if (context.parsed) {
    // the cue's subject, or that of the verb it hangs from ("..., suggesting", "was quoted as saying")
    // "was first reported by the Post": a passive cue's agent
    const agent = cue.xpos === 'VBN' ? children[cue.i]!.find((t) => t.deprel.startsWith('obl') && t.i > cue.i && allowed(t) && children[t.i]!.some((c) => c.deprel === 'case' && /^by$/i.test(c.text))) : undefined;
    if (agent) {
      const m = mentionAt(agent.i);
      return m ? atToken(m.tokenStart) : phraseOf(agent);
    }
    let verb: Token | undefined = cue;
    for (let hop = 0; hop < 3 && verb; hop++) {
      // of two subjects ("Harvey, who acknowledged"), the one nearest the verb
      const here = verb;
      const subject = children[here.i]!.filter((t) => SUBJECTS.has(t.deprel) && allowed(t)).sort((a, b) => Math.abs(a.i - here.i) - Math.abs(b.i - here.i))[0];
      if (subject) {
        // "Obama, who called the nominee unfit": the relative pronoun is the speaker's mention, its antecedent the actor
        if (RELATIVE_PRONOUNS.test(subject.text) && (subject.xpos === 'WP' || subject.xpos === 'WDT') && subject.i < verb.i) {
          let k = subject.i - 1;
          while (k > sentence.tokenStart && /^[,(]$/.test(doc.tokens[k]!.text)) k--;
          const antecedent = mentionAt(k) ?? (verb.head >= 0 ? mentionAt(verb.head) : undefined);
          return { speaker: antecedent?.actor.id ?? null, mention: spanOf(doc.text, subject.start, subject.end) };
        }
        const m = mentionAt(subject.i);
        if ((m && m.actor.type === 'person') || PERSONAL_SUBJECTS.test(subject.text)) return atToken(subject.i);
        if (m && subject.upos !== 'NOUN' && subject.upos !== 'PROPN') return atToken(subject.i);
        // any other subject, named or not ("officials", "six in 10", "some", "you"), is the speaker as the text gives it
        return phraseOf(subject);
      }
      const governor = verb.head >= 0 ? doc.tokens[verb.head]! : undefined;
      // "adopted a resolution condemning the arrests", "issued a statement calling for calm": a text that says
      // something is said by whoever issued it
      const issuer = governor && verb.deprel === 'acl' && governor.deprel === 'obj' && governor.head >= 0 ? doc.tokens[governor.head]! : undefined;
      if (issuer && /^(adopt|pass|issue|release|publish|approve|sign|table|submit|unveil|put)$/.test(issuer.lemma.toLowerCase()) && children[issuer.i]!.some((t) => SUBJECTS.has(t.deprel))) return speakerFor(context, issuer, allowed);
      // "stories alleging cronyism", "a petition calling on him": the noun a participle describes
      if (governor && verb.deprel === 'acl' && governor.i < verb.i && ['NOUN', 'PROPN', 'NUM', 'PRON'].includes(governor.upos) && !/^(obl|nmod)/.test(governor.deprel) && allowed(governor)) return phraseOf(governor);
      // "leads many experts to suspect": the object of the verb an infinitive completes
      const infinitive = verb;
      const controller = governor && infinitive.deprel === 'xcomp' ? children[governor.i]!.find((t) => t.deprel === 'obj' && t.i < infinitive.i && allowed(t)) : undefined;
      if (controller) return phraseOf(controller);
      if (!['xcomp', 'advcl', 'conj', 'ccomp', 'parataxis', 'acl'].includes(verb.deprel)) break;
      verb = verb.head >= 0 ? doc.tokens[verb.head] : undefined;
      // "said a merged command would weaken ... and called the plan unrealistic": a past-tense verb joined to a
      // reported clause in another tense continues the reporting clause, whose subject it shares
      if (verb && here.deprel === 'conj' && verb.deprel === 'ccomp' && verb.head >= 0 && /^VB[DZ]$/.test(here.xpos)) {
        const reporting: Token = doc.tokens[verb.head]!;
        const reportedTense = children[verb.i]!.some((t) => t.deprel === 'aux' && t.xpos === 'MD') ? 'MD' : verb.xpos;
        if (reporting.xpos === here.xpos && reportedTense !== here.xpos && isCue(doc, reporting)) verb = reporting;
      }
    }
  }
  // inverted order after a quote or a clause: "…,” said Rubio", ", stated Lavrov"
  const inverted = /^[,”"’']$/.test(doc.tokens[cue.i - 1]?.text ?? '') && CLAUSE_ONLY.has(cueLemma(cue.text) ?? '');
  for (let k = cue.i + 1; inverted && k < Math.min(sentence.tokenEnd, cue.i + 4); k++) {
    const t = doc.tokens[k]!;
    if (/^[,.;:]$/.test(t.text) || isQuoteMark(t.text)) break;
    if (mentionAt(k)) return atToken(k);
  }
  // nearest mention before the cue in the sentence, outside the quote
  for (let k = cue.i - 1; k >= sentence.tokenStart; k--) {
    const t = doc.tokens[k]!;
    if (!allowed(t)) continue;
    const m = mentionAt(k);
    if (m && m.actor.type !== 'country' && m.actor.type !== 'location') return atToken(m.tokenStart);
    if (PERSONAL_SUBJECTS.test(t.text) && !/^it$/i.test(t.text)) return atToken(k);
  }
  for (let k = sentence.tokenStart; k < cue.i; k++) if (mentionAt(k) && allowed(doc.tokens[k]!)) return atToken(mentionAt(k)!.tokenStart);
  // "Asked whether ..., Mrs. Clinton said ...": a participle opening the sentence has the main clause's subject
  // (the one asked), whatever the parser made of the two clauses (it may tag the participle as a past tense)
  const subject = context.parsed && opensSentence(doc, cue) ? subjectAfterComma(doc, cue, allowed) : undefined;
  if (subject) {
    const m = mentionAt(subject.i);
    return m ? atToken(m.tokenStart) : phraseOf(subject);
  }
  return phraseBefore(doc, cue, allowed) ?? NO_SPEAKER;
}

/**
 * After the speaker's name in ", said NAME": the sentence ends, or an apposition or a phrase about the speaker
 * follows ("said Larry Sabato, director of", "said Sen. Cole of Ohio"); a verb there makes the name a subject.
 */
function endsNamePhrase(next: Token | undefined): boolean {
  return !next || next.upos === 'PUNCT' || next.upos === 'ADP';
}

/** A noun or pronoun subject before the cue ("Trump, who leads, mocked Rubio"): then the cue is not inverted. */
function hasSubjectBefore(context: Context, cue: Token): boolean {
  return context.children[cue.i]!.some((t) => SUBJECTS.has(t.deprel) && t.i < cue.i && ['PROPN', 'NOUN', 'PRON'].includes(t.upos));
}

/** A participle that opens its sentence, alone or after "when" ("Asked whether ...,", "When pressed on ...,"). */
function opensSentence(doc: Doc, cue: Token): boolean {
  const first = doc.sentences[cue.sentence]!.tokenStart;
  const opening = cue.i === first || (cue.i === first + 1 && /^(when|if|once)$/i.test(doc.tokens[first]!.text));
  return opening && (cue.xpos === 'VBN' || cue.xpos === 'VBD');
}

/** The first subject after the comma that closes an opening participle's clause. */
function subjectAfterComma(doc: Doc, cue: Token, allowed: (t: Token) => boolean): Token | undefined {
  const sentence = doc.sentences[cue.sentence]!;
  const comma = doc.tokens.slice(cue.i + 1, sentence.tokenEnd).find((t) => t.text === ',');
  return comma && doc.tokens.slice(comma.i + 1, sentence.tokenEnd).find((t) => SUBJECTS.has(t.deprel) && allowed(t));
}

/** Is `token` the subject of a verb after `cue` (so the start of a clause the cue reports)? */
function subjectAfter(token: Token, cue: Token): boolean {
  return SUBJECTS.has(token.deprel) && token.head > cue.i;
}

/** The reporting verb whose clausal complement holds `token` (within a few heads), if any. */
function finiteAncestorAcrossInfinitive(context: Context, token: Token): Token | undefined {
  const { doc, children } = context;
  const infinitive = token.head >= 0 ? doc.tokens[token.head]! : undefined;
  if (!infinitive || token.deprel !== 'advcl' || !children[infinitive.i]!.some((t) => t.deprel === 'mark' && /^to$/i.test(t.text))) return undefined;
  // "to leave" describing the object of the finite verb, or completing it
  const object = infinitive.deprel === 'acl' && infinitive.head >= 0 ? doc.tokens[infinitive.head]! : infinitive;
  const finite = object.head >= 0 ? doc.tokens[object.head]! : undefined;
  if (!finite || !/^VB[DZP]$/.test(finite.xpos) || !children[finite.i]!.some((t) => SUBJECTS.has(t.deprel))) return undefined;
  return ['acl', 'xcomp'].includes(infinitive.deprel) && (infinitive.deprel === 'xcomp' || object.deprel === 'obj' || object.deprel === 'iobj') ? finite : undefined;
}

function reportingAncestor(context: Context, token: Token): Token | undefined {
  const { doc } = context;
  let t = token;
  for (let hop = 0; hop < 5 && t.head >= 0; hop++) {
    const head = doc.tokens[t.head]!;
    if (t.deprel === 'ccomp' && head.i < token.i && isCue(doc, head)) return head;
    t = head;
  }
  return undefined;
}

/**
 * Word order when the parse found no subject: the noun phrase that runs up to the cue from the start of its
 * clause ("People briefed on the move said", "Only about 4 in 10 voters in each state want").
 */
function phraseBefore(doc: Doc, cue: Token, allowed: (t: Token) => boolean): Speaker | null {
  const sentence = doc.sentences[cue.sentence]!;
  let first = cue.i;
  while (first > sentence.tokenStart) {
    const t = doc.tokens[first - 1]!;
    if (/^[,;:(—–-]$/.test(t.text) || isQuoteMark(t.text) || ['CCONJ', 'SCONJ', 'VERB', 'AUX'].includes(t.upos) || !allowed(t)) break;
    first--;
  }
  while (first < cue.i && doc.tokens[first]!.upos === 'ADV') first++;
  const words = doc.tokens.slice(first, cue.i);
  if (words.length === 0 || words.length > 12 || !['DET', 'NOUN', 'PROPN', 'PRON', 'NUM', 'ADJ'].includes(words[0]!.upos)) return null;
  if (!words.some((t) => ['NOUN', 'PROPN', 'PRON', 'NUM'].includes(t.upos))) return null;
  return { speaker: null, mention: spanOf(doc.text, words[0]!.start, words[words.length - 1]!.end) };
}

/**
 * The speaker tags inside quotes joined across them (“...,” said X, who ... “...”): the tag is not the speaker's
 * quoted words, so what it reports itself ("who said ...", "noting that ...") is a quote of its own.
 */
const tagGaps = new WeakMap<object, Array<{ start: number; end: number }>>();

/** Keeps each quote that overlaps none kept before it: callers list the quotes they prefer first. */
function dropOverlaps<T extends { content: Span }>(quotes: T[]): T[] {
  const kept: T[] = [];
  const inTagOf = (quote: T, k: T) => (tagGaps.get(k) ?? []).some((gap) => quote.content.start >= gap.start && quote.content.end <= gap.end);
  for (const quote of quotes) {
    const clash = kept.some((k) => quote.content.start < k.content.end && k.content.start < quote.content.end && !inTagOf(quote, k));
    if (!clash) kept.push(quote);
  }
  return kept;
}
