// The matching rules of the unseen-article stance score (eval/stance-score.ts) on small hand-made inputs. This
// tests the scorer, not the extractor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  holderMatches,
  issueMatches,
  matchStances,
  scoreArticle,
  sumCounts,
  type GoldStance,
  type PredictedStance,
} from '../eval/stance-score.js';

const gold = (over: Partial<GoldStance>): GoldStance => ({
  holder: 'Sweden',
  holderKind: 'country',
  polarity: 'oppose',
  issue: 'steel tariffs',
  issueWords: ['tariff', 'steel'],
  evidence: 'Sweden warned against the move.',
  ...over,
});
const pred = (over: Partial<PredictedStance>): PredictedStance => ({
  holder: 'Sweden',
  polarity: 'oppose',
  issue: 'steel tariffs',
  evidence: 'Sweden warned against the move.',
  ...over,
});

test('holder: equal, containing the gold name as whole words, or a person by surname', () => {
  assert.ok(holderMatches('Sweden', gold({})));
  assert.ok(holderMatches('the Sweden', gold({})));
  assert.ok(holderMatches('Democratic Renewal party', gold({ holder: 'Democratic Renewal', holderKind: 'organization' })));
  const kalnina = gold({ holder: 'Ilze Kalnina', holderKind: 'person' });
  assert.ok(holderMatches('Ilze Kalnina', kalnina));
  assert.ok(holderMatches('Kalnina', kalnina));
  assert.ok(holderMatches('Ms Kalnina', kalnina));
  assert.ok(holderMatches('Ilze Kalniņa', kalnina), 'accents are ignored');
  assert.ok(!holderMatches('Ilze', kalnina), 'a first name alone is not the person');
  assert.ok(!holderMatches('Janis Berzins', kalnina));
});

test('holder: no partial words, no surname rule for countries and organisations, aliases only when listed', () => {
  assert.ok(!holderMatches('Swedes', gold({})));
  assert.ok(!holderMatches('Chilean', gold({ holder: 'Chile' })));
  assert.ok(!holderMatches('Soviet Union', gold({ holder: 'European Union', holderKind: 'organization' })));
  assert.ok(!holderMatches('Stockholm', gold({})), 'a capital is not its country unless the gold lists it');
  assert.ok(holderMatches('Paris', gold({ holder: 'France', holderAliases: ['Paris'] })));
  assert.ok(!holderMatches('', gold({})));
});

test('issue: one of the issue words, case-insensitive and plural-tolerant, as a whole word', () => {
  assert.ok(issueMatches('Steel tariffs', ['tariff']));
  assert.ok(issueMatches('the tariff', ['tariffs']));
  assert.ok(issueMatches('reception centres in Tunisia', ['centre']));
  assert.ok(issueMatches('energy policy', ['policies']));
  assert.ok(issueMatches('new EU-Mercosur deal', ['mercosur']));
  assert.ok(issueMatches("Kenya's offer", ['offer']));
  assert.ok(!issueMatches('the move', ['tariff', 'steel']));
  assert.ok(!issueMatches('tariffication', ['tariff']), 'no partial words');
  assert.ok(!issueMatches('', ['tariff']));
});

test('a match needs holder, polarity and (for the full score) the issue', () => {
  const g = [gold({})];
  assert.deepEqual(matchStances([pred({})], g), [0]);
  assert.deepEqual(matchStances([pred({ polarity: 'support' })], g), [-1]);
  assert.deepEqual(matchStances([pred({ holder: 'Norway' })], g), [-1]);
  assert.deepEqual(matchStances([pred({ issue: 'the move' })], g), [-1]);
  assert.deepEqual(matchStances([pred({ issue: 'the move' })], g, false), [0], 'holder+polarity ignores the issue');
});

test('each gold stance matches at most one prediction and each prediction at most one gold stance', () => {
  const s = scoreArticle([pred({}), pred({})], [gold({})]);
  assert.equal(s.full.tp, 1);
  assert.equal(s.full.predicted, 2);
  assert.equal(s.full.precision, 0.5);
  assert.equal(s.full.recall, 1);
  const two = scoreArticle([pred({})], [gold({}), gold({ evidence: 'Sweden said no.' })]);
  assert.equal(two.full.tp, 1);
  assert.equal(two.full.recall, 0.5);
});

test('the pairing is a maximum matching, whatever the order of the predictions', () => {
  // Prediction 0 fits both gold stances, prediction 1 only the first: a greedy pairing of 0 with the first gold
  // would lose one; the maximum matching finds both.
  const golds = [gold({ holder: 'France', issueWords: ['tariff'] }), gold({ holder: 'France', issueWords: ['steel'] })];
  const preds = [pred({ holder: 'France', issue: 'steel tariffs' }), pred({ holder: 'France', issue: 'tariffs' })];
  assert.equal(scoreArticle(preds, golds).full.tp, 2);
  assert.equal(scoreArticle([...preds].reverse(), golds).full.tp, 2);
});

test('precision, recall and F1 are summed over articles from counts', () => {
  const total = sumCounts([
    { tp: 1, predicted: 2, gold: 4 },
    { tp: 3, predicted: 3, gold: 4 },
  ]);
  assert.equal(total.tp, 4);
  assert.equal(total.precision, 4 / 5);
  assert.equal(total.recall, 4 / 8);
  assert.ok(Math.abs(total.f1 - (2 * 0.8 * 0.5) / 1.3) < 1e-12);
  assert.deepEqual(sumCounts([{ tp: 0, predicted: 0, gold: 0 }]).f1, 0);
});
