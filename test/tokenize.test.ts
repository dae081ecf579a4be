import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences, tokenize } from '../src/nlp/tokenize.js';

const words = (text: string) => tokenize(text).map((t) => t.text);

test('tokens follow UD English: clitics, possessives, abbreviations, curly quotes', () => {
  assert.deepEqual(words('“It won’t change,” Lavrov said.'), ['“', 'It', 'wo', 'n’t', 'change', ',', '”', 'Lavrov', 'said', '.']);
  assert.deepEqual(words("Russia's stance and the countries' view"), ['Russia', "'s", 'stance', 'and', 'the', 'countries', "'", 'view']);
  assert.deepEqual(words('talks with the U.S. in Riyadh'), ['talks', 'with', 'the', 'U.S.', 'in', 'Riyadh']);
  assert.deepEqual(words('Dr. Smith met Mr. Jones at 3.30 p.m. on 1,200 ships'), ['Dr.', 'Smith', 'met', 'Mr.', 'Jones', 'at', '3.30', 'p.m.', 'on', '1,200', 'ships']);
  assert.deepEqual(words('a long-held, non-binding view'), ['a', 'long', '-', 'held', ',', 'non-binding', 'view']);
  assert.deepEqual(words('ceasefire—for now'), ['ceasefire', '—', 'for', 'now']);
});

test('every token slices exactly out of the text', () => {
  const text = 'Sir Keir Starmer (UK) said: “We can’t—and won’t—wait.”\n\nJ. R. Smith’s e-mail at https://x.example/a?b=1 …';
  for (const token of tokenize(text)) assert.equal(text.slice(token.start, token.end), token.text);
});

test('sentences end at final punctuation, blank lines and headlines, not at abbreviations', () => {
  const text = 'Russia Rejects Plan\n\nMr. Lavrov met the U.S. envoy. He said “no.” Talks go on.\nThe U.S. The end';
  const sentences = splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(sentences, ['Russia Rejects Plan', 'Mr. Lavrov met the U.S. envoy.', 'He said “no.”', 'Talks go on.', 'The U.S.', 'The end']);
});
