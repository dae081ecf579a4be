import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModelDir, loadModels, NER_FILE, PARSER_FILE } from '../src/nlp/models.js';
import { trainTagger } from '../train/tagger.js';
import { trainNer } from '../train/ner.js';
import { trainParser, projectivize } from '../train/parser.js';

const words = 'On Monday , President Emmanuel Macron of France met Angela Merkel in Berlin to discuss the crisis .'.split(' ');

test('models load and tag a sentence sensibly', () => {
  const m = loadModels();
  const tags = m.tag(words);
  assert.equal(tags.length, words.length);
  const upos = tags.map((t) => t.upos);
  assert.equal(upos[0], 'ADP');
  assert.equal(upos[2], 'PUNCT');
  assert.equal(upos[4], 'PROPN');
  assert.equal(upos[8], 'VERB');
  assert.equal(tags[8]!.xpos, 'VBD');
  assert.equal(upos[13], 'PART');
  assert.equal(upos[15], 'DET');
  assert.equal(upos[16], 'NOUN');
  assert.equal(loadModels(), m, 'cached');
  assert.deepEqual(m.tag([]), []);
});

test('NER finds a person and a country', { skip: !existsSync(join(defaultModelDir(), NER_FILE)) }, () => {
  const m = loadModels();
  const ents = m.entities(words, m.tag(words));
  const found = ents.map((e) => `${words.slice(e.start, e.end).join(' ')}/${e.label}`);
  assert.ok(found.includes('Angela Merkel/PER'), found.join(', '));
  assert.ok(found.includes('Emmanuel Macron/PER'), found.join(', '));
  assert.ok(found.includes('France/GPE'), found.join(', '));
  assert.ok(found.includes('Monday/DATE'), found.join(', '));
});

test('parse returns one tree per sentence', { skip: !existsSync(join(defaultModelDir(), PARSER_FILE)) }, () => {
  const m = loadModels();
  for (const s of [words, ['Hello'], 'The talks , which began in Geneva , ended without agreement on Tuesday .'.split(' ')]) {
    const arcs = m.parse(s, m.tag(s));
    assert.equal(arcs.length, s.length);
    assert.equal(arcs.filter((a) => a.head === -1).length, 1);
    for (const a of arcs) assert.ok(a.head >= -1 && a.head < s.length && a.deprel.length > 0);
    for (let i = 0; i < s.length; i++) {
      let x = i;
      for (let steps = 0; x !== -1; steps++) {
        assert.ok(steps <= s.length, 'cycle');
        x = arcs[x]!.head;
      }
    }
  }
  const simple = 'The minister signed the agreement in Paris .'.split(' ');
  const arcs = m.parse(simple, m.tag(simple));
  assert.equal(arcs[2]!.deprel, 'root');
  assert.deepEqual(arcs[1], { head: 2, deprel: 'nsubj' });
  assert.deepEqual(arcs[4], { head: 2, deprel: 'obj' });
  assert.equal(arcs[0]!.head, 1);
});

const tiny = [
  { words: ['John', 'sees', 'Mary', '.'], upos: ['PROPN', 'VERB', 'PROPN', 'PUNCT'], xpos: ['NNP', 'VBZ', 'NNP', '.'], heads: [1, -1, 1, 1], deprels: ['nsubj', 'root', 'obj', 'punct'] },
  { words: ['The', 'dog', 'barked', 'in', 'Paris', '.'], upos: ['DET', 'NOUN', 'VERB', 'ADP', 'PROPN', 'PUNCT'], xpos: ['DT', 'NN', 'VBD', 'IN', 'NNP', '.'], heads: [1, 2, -1, 4, 2, 2], deprels: ['det', 'nsubj', 'root', 'case', 'obl', 'punct'] },
  { words: ['She', 'left', 'early', '.'], upos: ['PRON', 'VERB', 'ADV', 'PUNCT'], xpos: ['PRP', 'VBD', 'RB', '.'], heads: [1, -1, 1, 1], deprels: ['nsubj', 'root', 'advmod', 'punct'] },
];

test('training is deterministic (identical bytes)', () => {
  const a = trainTagger(tiny, { epochs: 3 }).file;
  const b = trainTagger(tiny, { epochs: 3 }).file;
  assert.ok(a.equals(b));
  const nerData = tiny.map((s) => ({ words: s.words, xpos: s.xpos, spans: s.words.map((w, i) => ({ start: i, end: i + 1, label: /^[A-Z][a-z]+$/.test(w) && s.xpos[i] === 'NNP' ? (w === 'Paris' ? 'GPE' : 'PER') : '' })).filter((x) => x.label) }));
  const gaz: Array<[string, 'CITY']> = [['Paris', 'CITY']];
  assert.ok(trainNer(nerData, gaz, { epochs: 3 }).file.equals(trainNer(nerData, gaz, { epochs: 3 }).file));
  const p1 = trainParser(tiny, { epochs: 3 });
  const p2 = trainParser(tiny, { epochs: 3 });
  assert.ok(p1.file.equals(p2.file));
  const arcs = p1.parser.parse(tiny[0]!.words, tiny[0]!.upos.map((u, i) => ({ upos: u, xpos: tiny[0]!.xpos[i]! })));
  assert.equal(arcs.filter((x) => x.head === -1).length, 1);
});

test('projectivize lifts crossing arcs', () => {
  // 0 -> 2, 1 -> 3 cross; root is 0.
  const h = projectivize([-1, 3, 0, 0]);
  assert.deepEqual(h, [4, 0, 0, 0]);
});
