// The nlp stage: text -> Doc. Components run in order, each with one job: tokenizer and sentence splitter, tagger,
// parser, entity recogniser (trained model, then gazetteer and document name memory), coreference.
import type { Doc, Entity, Sentence, Token } from './doc.js';
import { splitSentences, tokenize, type SentenceBounds } from './tokenize.js';
import { loadModels } from './models.js';
import {
  addGazetteerEntities, dropHeadlineGuesses, placeNameAsFirstName, joinHyphenatedNames, joinNameParticles, joinOrganizationNames, rememberNames, separateTitles,
} from './entities.js';
import { resolveCoreference } from './coref.js';

export type { Doc, Token, Sentence, Entity, EntityLabel, CorefLink } from './doc.js';
export { gazetteer, REGIONAL_ADJECTIVES } from './gazetteer.js';
export { FAMILY_NAME_FIRST, HONORIFICS, ROLE_HEADS } from './lexicon.js';
export { dependents } from './tree.js';
export { loadModels } from './models.js';
export type { GazetteerEntry, GazetteerKind } from './gazetteer.js';

export interface AnalyzeOptions {
  /** Character ranges that are page furniture (bylines, "Source link"): tokenised but given no entities. */
  ignore?: Array<{ start: number; end: number }>;
}

/** Runs the whole linguistic pipeline over a text. */
export function analyze(text: string, options: AnalyzeOptions = {}): Doc {
  const models = loadModels();
  const rawTokens = tokenize(text);
  const bounds = splitAtFurniture(splitSentences(text, rawTokens), rawTokens, options.ignore ?? []);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const modelEntities: Entity[] = [];
  bounds.forEach((bound, sentenceIndex) => {
    const slice = rawTokens.slice(bound.tokenStart, bound.tokenEnd);
    const words = slice.map((t) => t.text);
    const tags = models.tag(words);
    const arcs = models.parse(words, tags);
    slice.forEach((raw, k) => {
      const arc = arcs[k]!;
      tokens.push({
        i: bound.tokenStart + k,
        start: raw.start,
        end: raw.end,
        text: raw.text,
        upos: tags[k]!.upos,
        xpos: tags[k]!.xpos,
        lemma: tags[k]!.lemma ?? raw.text.toLowerCase(),
        head: arc.head < 0 ? -1 : bound.tokenStart + arc.head,
        deprel: arc.deprel,
        sentence: sentenceIndex,
        spaceAfter: raw.spaceAfter,
      });
    });
    sentences.push({ ...bound });
    for (const found of models.entities(words, tags)) {
      const first = slice[found.start]!;
      const last = slice[found.end - 1]!;
      modelEntities.push({
        start: first.start,
        end: last.end,
        text: text.slice(first.start, last.end),
        label: found.label,
        tokenStart: bound.tokenStart + found.start,
        tokenEnd: bound.tokenStart + found.end,
      });
    }
  });
  const ignored = (e: { start: number; end: number }) =>
    (options.ignore ?? []).some((r) => e.start < r.end && e.end > r.start);
  const trimmed = modelEntities.map((e) => withoutLeadingArticle(text, tokens, e)).filter((e): e is Entity => e !== null);
  let entities = separateTitles(text, tokens, trimmed.filter((e) => !ignored(e) && looksLikeName(e)));
  entities = joinNameParticles(text, tokens, joinHyphenatedNames(text, tokens, entities));
  entities = addGazetteerEntities(text, tokens, entities);
  entities = placeNameAsFirstName(text, tokens, entities);
  entities = joinOrganizationNames(text, tokens, entities);
  entities = rememberNames(text, tokens, entities).filter((e) => !ignored(e));
  entities = dropHeadlineGuesses(text, tokens, sentences, entities);
  const doc: Doc = { text, sentences, tokens, entities, coref: [] };
  doc.coref = resolveCoreference(doc);
  return doc;
}

/**
 * "CAIRO, March 3 (Reuters) - Egypt said ...": furniture that runs into the first sentence (a dateline) becomes a
 * sentence of its own, so that the parser sees the sentence as written rather than a place name as its subject.
 */
function splitAtFurniture(
  bounds: SentenceBounds[],
  tokens: ReadonlyArray<{ start: number; end: number }>,
  ignore: ReadonlyArray<{ start: number; end: number }>,
): SentenceBounds[] {
  if (ignore.length === 0) return bounds;
  const split: SentenceBounds[] = [];
  for (const bound of bounds) {
    let from = bound.tokenStart;
    for (let k = bound.tokenStart + 1; k < bound.tokenEnd; k++) {
      const endsFurniture = ignore.some((r) => tokens[k - 1]!.end <= r.end && tokens[k - 1]!.end > r.start && tokens[k]!.start >= r.end);
      if (!endsFurniture) continue;
      split.push({ start: tokens[from]!.start, end: tokens[k - 1]!.end, tokenStart: from, tokenEnd: k });
      from = k;
    }
    split.push(from === bound.tokenStart ? bound : { start: tokens[from]!.start, end: bound.end, tokenStart: from, tokenEnd: bound.tokenEnd });
  }
  return split;
}

/** "A Downing Street spokesman": a sentence-initial article is not part of the name. */
function withoutLeadingArticle(text: string, tokens: Token[], entity: Entity): Entity | null {
  let from = entity.tokenStart;
  while (from < entity.tokenEnd && /^(A|An|The)$/.test(tokens[from]!.text)) from++;
  if (from === entity.tokenStart) return entity;
  if (from === entity.tokenEnd) return null;
  const start = tokens[from]!.start;
  return { ...entity, start, text: text.slice(start, entity.end), tokenStart: from };
}

/** A name has a capitalised word (or, for a date, a digit or a month or weekday name) and no clause punctuation. */
function looksLikeName(entity: Entity): boolean {
  if (/^[\p{P}\s]|[\p{P}]$/u.test(entity.text) && !/[.)]$/.test(entity.text)) return false;
  if (entity.label === 'DATE') return /\d|\p{Lu}/u.test(entity.text);
  return /(^|\s)\p{Lu}/u.test(entity.text) && !/^(?:\p{Ll}+\s)+/u.test(entity.text);
}

/** The contract's `parley analyze --json` record. */
export function analysisRecord(doc: Doc): {
  text: string;
  sentences: Array<{ start: number; end: number }>;
  tokens: Array<{ start: number; end: number; text: string; upos: string; xpos: string; lemma: string; head: number; deprel: string }>;
  entities: Array<{ start: number; end: number; text: string; label: string }>;
  coref: Doc['coref'];
} {
  return {
    text: doc.text,
    sentences: doc.sentences.map(({ start, end }) => ({ start, end })),
    tokens: doc.tokens.map(({ start, end, text, upos, xpos, lemma, head, deprel }) => ({ start, end, text, upos, xpos, lemma, head, deprel })),
    entities: doc.entities.map(({ start, end, text, label }) => ({ start, end, text, label })),
    coref: doc.coref,
  };
}
