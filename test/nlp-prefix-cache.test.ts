// The tagger, recogniser and parser start scores from cached sums of their first features, which is only exact
// while those features depend on nothing but what the caches are keyed by. These tests pin that contract and
// check that warm caches give what fresh models give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModelDir, NER_FILE, PARSER_FILE, TAGGER_FILE } from '../src/nlp/models.js';
import { AmbiguityLexicon, MAX_TAG_FEATS, sentenceAttrs, TAG_WORD_FEATS, Tagger, tagFeatures } from '../src/nlp/tagger.js';
import { MAX_NER_FEATS, NER_CONST_LABEL_FEATS, NER_WORD_FEATS, nerContext, nerFeatures, nerLabelFeatures, Recogniser } from '../src/nlp/ner.js';
import { GazetteerMatcher } from '../src/nlp/ner-lexicon.js';
import {
  LABEL_DEP_FEATS, labelFeatures, MAX_PARSE_FEATS, MOVE_S0_FEATS, parseFeatures, parseInput, Parser, ParseState,
} from '../src/nlp/parser.js';

const a = 'Yesterday , the Norwegian minister said talks in Oslo had failed .'.split(' ');
const b = 'Talks failed in Oslo , minister says'.split(' ');

function first(out: Int32Array, k: number): number[] {
  return Array.from(out.subarray(0, k));
}

test('the first TAG_WORD_FEATS tagger features depend on the word alone', () => {
  const lex = new AmbiguityLexicon(new Int32Array(0), new Int32Array(0));
  const ca = sentenceAttrs(a);
  const cb = sentenceAttrs(b);
  const out = new Int32Array(MAX_TAG_FEATS);
  for (const w of ['minister', 'Oslo', 'failed', ',']) {
    tagFeatures(ca, lex.classes(ca), a.indexOf(w), 3, 4, out);
    const fa = first(out, TAG_WORD_FEATS);
    tagFeatures(cb, lex.classes(cb), b.indexOf(w), 7, 9, out);
    assert.deepEqual(first(out, TAG_WORD_FEATS), fa, w);
  }
});

test('the first recogniser features depend on the word alone (emission) or on nothing (pairs)', () => {
  const gaz = new GazetteerMatcher([['Oslo', 'CITY'], ['Norwegian', 'DEMONYM']]);
  const ca = nerContext(a, a.map((_, i) => (i % 2 ? 'NN' : 'NNP')), gaz);
  const cb = nerContext(b, b.map((_, i) => (i % 3 ? 'VBD' : 'IN')), gaz);
  const out = new Int32Array(MAX_NER_FEATS);
  for (const w of ['minister', 'Oslo', 'failed', ',']) {
    nerFeatures(ca, a.indexOf(w), out);
    const fa = first(out, NER_WORD_FEATS);
    nerFeatures(cb, b.indexOf(w), out);
    assert.deepEqual(first(out, NER_WORD_FEATS), fa, w);
  }
  nerLabelFeatures(ca, a.indexOf('minister'), out);
  const la = first(out, NER_CONST_LABEL_FEATS);
  nerLabelFeatures(cb, b.indexOf('Oslo'), out);
  assert.deepEqual(first(out, NER_CONST_LABEL_FEATS), la);
});

test('the first parser features depend on s0 (moves) or the dependent (labels) alone', () => {
  const tags = (ws: string[]) => ws.map((w) => (w === 'minister' ? 'NN' : w === 'Oslo' ? 'NNP' : 'VBD'));
  const upos = (ws: string[]) => ws.map((w) => (w === 'minister' ? 'NOUN' : 'X'));
  const xa = parseInput(a, tags(a), upos(a));
  const xb = parseInput(b, tags(b), upos(b));
  const labelHashes = Int32Array.from([11, 22, 33]);
  const out = new Int32Array(MAX_PARSE_FEATS);
  const withS0 = (n: number, below: number[], s0: number): ParseState => {
    const st = new ParseState();
    st.reset(n);
    st.stack.set([...below, s0]);
    st.sp = below.length + 1;
    st.b = s0 + 1;
    return st;
  };
  // s0 = "minister" in both, with different stacks, buffers and words around it.
  const sa = withS0(a.length, [0, 2], a.indexOf('minister'));
  const sb = withS0(b.length, [0], b.indexOf('minister'));
  parseFeatures(xa, sa, labelHashes, out);
  const fa = first(out, MOVE_S0_FEATS);
  parseFeatures(xb, sb, labelHashes, out);
  assert.deepEqual(first(out, MOVE_S0_FEATS), fa);
  for (const dir of [1, 2]) {
    labelFeatures(xa, sa, a.indexOf('said'), a.indexOf('minister'), dir, labelHashes, out);
    const la = first(out, LABEL_DEP_FEATS);
    labelFeatures(xb, sb, b.indexOf('says'), b.indexOf('minister'), dir, labelHashes, out);
    assert.deepEqual(first(out, LABEL_DEP_FEATS), la);
  }
});

const haveModels = [TAGGER_FILE, NER_FILE, PARSER_FILE].every((f) => existsSync(join(defaultModelDir(), f)));

test('warm prefix caches give what fresh models give', { skip: !haveModels }, () => {
  const dir = defaultModelDir();
  const sentences = [
    a,
    b,
    'The Norwegian minister met Russian officials in Oslo on Monday , the ministry said .'.split(' '),
    'Officials said the minister had failed to meet the Russian delegation .'.split(' '),
  ];
  const warmTagger = Tagger.load(join(dir, TAGGER_FILE));
  const warmNer = Recogniser.load(join(dir, NER_FILE));
  const warmParser = Parser.load(join(dir, PARSER_FILE));
  const warm = sentences.map((s) => {
    const tags = warmTagger.tag(s);
    return { tags, entities: warmNer.entities(s, tags), arcs: warmParser.parse(s, tags) };
  });
  // Again, now that every word of every sentence is cached.
  const again = sentences.map((s) => {
    const tags = warmTagger.tag(s);
    return { tags, entities: warmNer.entities(s, tags), arcs: warmParser.parse(s, tags) };
  });
  assert.deepEqual(again, warm);
  // Each sentence alone through models that have seen nothing else.
  const last = sentences.length - 1;
  const s = sentences[last]!;
  const tags = Tagger.load(join(dir, TAGGER_FILE)).tag(s);
  const fresh = {
    tags,
    entities: Recogniser.load(join(dir, NER_FILE)).entities(s, tags),
    arcs: Parser.load(join(dir, PARSER_FILE)).parse(s, tags),
  };
  assert.deepEqual(warm[last], fresh);
});
