// The PolNeAR brat reader against one real train file (skipped when ../shared/data/polnear is absent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listSplit, overlapF1, parseAnn, polnearAvailable, polnearDir, readArticle } from '../eval/polnear.js';

const available = polnearAvailable();
const skip = available ? false : `PolNeAR not found at ${polnearDir()} (set PARLEY_DATA or put ../shared/data/polnear beside the repo)`;

test('reads a train article: every span slices non-empty text, every attribution has a cue and content', { skip }, () => {
  const first = listSplit('train')[0]!;
  const article = readArticle('train', first.name, first.annotators[0]!);
  assert.ok(article.text.length > 0);
  assert.ok(article.attributions.length > 0, 'the first train article has attributions');
  for (const a of article.attributions) {
    assert.ok(a.cue.length > 0, `${a.id} has a cue`);
    assert.ok(a.content.length > 0, `${a.id} has content`);
    for (const span of [...(a.source ?? []), ...a.cue, ...a.content]) {
      assert.ok(span.end > span.start, `${a.id} span ${span.start}-${span.end} is non-empty`);
      assert.equal(span.text, article.text.slice(span.start, span.end));
      assert.ok(span.text.trim().length > 0, `${a.id} span ${span.start}-${span.end} has text`);
    }
  }
});

test('parses discontinuous spans and attributions without a source', () => {
  const text = 'He said that taxes, he added, would rise. Rates rose, reports say.';
  const ann = [
    'T1\tSource 0 2\tHe',
    'T2\tCue 3 7\tsaid',
    'T3\tContent 8 18;30 40\tthat taxes would rise',
    'T4\tAttribution 3 7\tsaid',
    'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
    '#1\tAnnotatorNotes T3\ta note',
    'T5\tCue 62 65\tsay',
    'T6\tContent 42 52\tRates rose',
    'T7\tAttribution-no-source 62 65\tsay',
    'E2\tAttribution-no-source:T7 Cue:T5 Content:T6',
    'E3\tAttribution-no-source:T7 Cue:T5',
  ].join('\n');
  const { attributions, incomplete } = parseAnn(ann, text);
  assert.equal(incomplete, 1);
  assert.equal(attributions.length, 2);
  assert.deepEqual(attributions[0]!.content.map((s) => s.text), ['that taxes', 'would rise']);
  assert.equal(attributions[0]!.source?.[0]?.text, 'He');
  assert.equal(attributions[1]!.source, undefined);
  assert.equal(attributions[1]!.cue[0]!.text, 'say');
});

test('code-point offsets become UTF-16 offsets after astral characters', () => {
  const text = '😀 Lavrov said no.';
  const { attributions } = parseAnn('T1\tCue 9 13\tsaid\nT2\tContent 14 16\tno\nE1\tAttribution:T1 Cue:T1 Content:T2', text);
  assert.equal(attributions[0]!.cue[0]!.text, 'said');
  assert.equal(attributions[0]!.content[0]!.text, 'no');
});

test('word-overlap F1 of the scorer', () => {
  assert.equal(overlapF1('Taxes will rise.', 'taxes will RISE'), 1);
  assert.equal(overlapF1('a b c d', 'a b'), 2 / 3);
  assert.equal(overlapF1('', 'a'), 0);
});
