// Repairs of parse mistakes the event coder reads around (src/extract/parse-repair.ts), on sentences written for
// these tests: a sentence-initial noun modifier tagged as a verb, an opening participle clause read as part of the
// subject, and "shot dead" read as a noun. Each repair is checked on the tokens and, where the coder then reads the
// sentence, on its events; and each has a guard case the repair must leave alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../src/nlp/index.js';
import { repairParse } from '../src/extract/parse-repair.js';
import { codedEvents } from './extraction.js';

const coded = (text: string): string[] => codedEvents(text, '2026-05-04', true);

/** The repaired head and relation of the first token spelled `word`. */
function arc(text: string, word: string): string {
  const doc = repairParse(analyze(text));
  const token = doc.tokens.find((t) => t.text === word)!;
  const head = doc.tokens[token.head];
  return `${token.deprel} ${head ? head.text : 'ROOT'}`;
}

test('a sentence-initial modifier tagged as a verb leaves the noun after it as the subject', () => {
  const text = 'Dock workers in Rotterdam walked off the job on Friday to protest the Dutch government\'s wage freeze.';
  assert.equal(arc(text, 'workers'), 'nsubj walked');
  assert.equal(arc(text, 'Dock'), 'compound workers');
  assert.ok(coded(text).some((e) => e.startsWith('PROTEST ') && e.includes('workers ->')), coded(text).join(' | '));
});

test('an opening participle clause is an adverbial clause of the main verb, not part of its subject', () => {
  const text = 'Ignoring appeals from Berlin, Poland\'s president vetoed the bill.';
  assert.equal(arc(text, 'Ignoring'), 'advcl vetoed');
  assert.equal(arc(text, 'appeals'), 'obj Ignoring');
  const events = coded(text);
  assert.ok(events.some((e) => e.startsWith('REJECT Poland ->')), events.join(' | '));
  assert.ok(!events.some((e) => e.includes('Germany, Poland')), events.join(' | '));
});

test('an opening participle with no subject after the comma is left alone', () => {
  const text = 'Rising prices, which hit record levels in May, angered voters.';
  const before = analyze(text).tokens.map((t) => `${t.head} ${t.deprel}`);
  const after = repairParse(analyze(text)).tokens.map((t) => `${t.head} ${t.deprel}`);
  assert.deepEqual(after, before);
});

test('"shot dead" read as a noun is the verb, with the subject before it and the victims after', () => {
  const text = 'Police shot dead three protesters in Nairobi on Friday.';
  assert.equal(arc(text, 'shot'), 'root ROOT');
  assert.equal(arc(text, 'protesters'), 'obj shot');
  assert.deepEqual(coded(text), ['ASSAULT Kenya -> protesters']);
  assert.deepEqual(coded('Gunmen shot dead a village chief near Gusau on Tuesday.'), ['ASSAULT gunmen -> ']);
});

test('"shot" as a noun without "dead" is not made a verb', () => {
  const text = 'The first shot was fired from the hills, officials said.';
  const before = analyze(text).tokens.map((t) => `${t.head} ${t.deprel} ${t.upos}`);
  const after = repairParse(analyze(text)).tokens.map((t) => `${t.head} ${t.deprel} ${t.upos}`);
  assert.deepEqual(after, before);
});

test('a verbless sentence whose only verb was read as a modifier is headed by that verb', () => {
  const text = 'The Red Crescent distributed blankets to 3,000 displaced families in Idlib.';
  assert.equal(arc(text, 'distributed'), 'root ROOT');
  assert.equal(arc(text, 'Crescent'), 'nsubj distributed');
  assert.equal(arc(text, 'blankets'), 'obj distributed');
});

test('a modifier verb after a determiner is left alone', () => {
  const text = 'The planned pension cuts.';
  const before = analyze(text).tokens.map((t) => `${t.head} ${t.deprel}`);
  assert.deepEqual(repairParse(analyze(text)).tokens.map((t) => `${t.head} ${t.deprel}`), before);
});

test('a number is counted into the noun after it, which heads the phrase', () => {
  const text = 'The World Food Programme distributed food to 60,000 displaced people in Haiti\'s Artibonite region.';
  assert.equal(arc(text, '60,000'), 'nummod people');
  assert.deepEqual(coded(text), ['AID World Food Programme -> displaced people']);
  // "60,000 of them": the noun has its own preposition and stays where it is
  const partitive = 'Police detained 2,000 of the protesters in Minsk.';
  assert.notEqual(arc(partitive, '2,000'), 'nummod protesters');
});

test('a subject behind a preposition belongs to a modifier, and the bare noun before it is the subject', () => {
  const text = 'Truckers angry about new tolls parked their rigs across the ring road around Warsaw.';
  assert.equal(arc(text, 'Truckers'), 'nsubj parked');
  assert.equal(arc(text, 'tolls'), 'obl angry');
});

test('a past form with an object, read as a modifier in a verbless sentence, is its main verb', () => {
  const text = 'Farmers angry about cheap imports blocked roads into Paris on Monday.';
  assert.equal(arc(text, 'blocked'), 'root ROOT');
  assert.equal(arc(text, 'Farmers'), 'nsubj blocked');
  assert.deepEqual(coded(text), ['PROTEST farmers -> ']);
  // a headline noun phrase with a participle and no object stays a noun phrase
  const headline = 'Protesters hit by rubber bullets in Paris.';
  const before = analyze(headline).tokens.map((t) => `${t.head} ${t.deprel}`);
  assert.deepEqual(repairParse(analyze(headline)).tokens.map((t) => `${t.head} ${t.deprel}`), before);
});

test('"since March" is no subject: the finite passive after it is the main verb', () => {
  const text = 'Three journalists detained since March were freed by Belarus on Friday.';
  assert.equal(arc(text, 'freed'), 'root ROOT');
  assert.equal(arc(text, 'journalists'), 'nsubj:pass freed');
  assert.equal(arc(text, 'March'), 'obl detained');
  assert.deepEqual(coded(text), ['RETREAT Belarus -> ']);
});

test('a passive participle after an object modifies it instead of heading a clause', () => {
  const text = 'Spain extradited a Colombian businessman wanted for money laundering to Bogota on Thursday.';
  assert.equal(arc(text, 'businessman'), 'obj extradited');
  assert.equal(arc(text, 'wanted'), 'acl businessman');
  assert.deepEqual(coded(text), ['COOPERATE Spain -> Colombia']);
  // a verb that takes a clause keeps it: "the minister said the businessman wanted ..."
  const reported = 'The minister said the businessman wanted for questioning had fled.';
  assert.notEqual(arc(reported, 'wanted'), 'acl businessman');
});

test('a noun right after a modal, compounded into the next noun, is the verb', () => {
  const text = 'Japan will station long-range missiles on Kyushu from 2027, the defence ministry said.';
  assert.equal(arc(text, 'missiles'), 'obj station');
  assert.deepEqual(coded(text), ['MOBILIZE Japan -> ']);
  // a noun after a modal and its verb stays a noun
  assert.equal(arc('The ministry will review station security.', 'station'), 'compound security');
});

test('an "-ing" word before the object of a verb that takes no "-ing" complement modifies the object', () => {
  const text = 'Brazil will send firefighting aircraft to Bolivia to help contain the wildfires.';
  assert.equal(arc(text, 'aircraft'), 'obj send');
  assert.equal(arc(text, 'firefighting'), 'amod aircraft');
  assert.ok(!coded(text).some((e) => e.startsWith('ASSAULT')), coded(text).join(' | '));
  // "kept burning tyres": a verb that takes the "-ing" complement keeps whatever the parser read
  for (const guard of ['Protesters kept burning tyres in Lagos.', 'Protesters began burning tyres in Lagos.']) {
    const before = analyze(guard).tokens.map((t) => `${t.head} ${t.deprel}`);
    assert.deepEqual(repairParse(analyze(guard)).tokens.map((t) => `${t.head} ${t.deprel}`), before);
  }
});

test('a reported clause after an opening participle phrase keeps both coordinated subjects', () => {
  const text = 'Following two days of talks in Doha, Sudan\'s army and the Rapid Support Forces committed to a 72-hour humanitarian pause, Qatari mediators said.';
  assert.equal(arc(text, 'committed'), 'ccomp said');
  assert.equal(arc(text, 'army'), 'nsubj committed');
  assert.ok(coded(text).includes('AGREE Rapid Support Forces, Sudan -> '), coded(text).join(' | '));
  // an opener that belongs to the act itself, not to a later reporting verb, is left alone
  // (its opener stays on the act, which stays the head; other repairs may still mend the subject's title)
  const own = 'Citing security threats, Kyrgyz President Almaz Toktogulov declared martial law.';
  assert.equal(arc(own, 'Citing'), 'advcl declared');
  assert.equal(arc(own, 'declared'), 'root ROOT');
  assert.equal(arc(own, 'Almaz'), 'nsubj declared');
});

test('a verb read as a modifier of the last of a run of conjuncts heads the sentence, the others its subject', () => {
  const text = 'Prime Minister Tom Hale of Samoa and Tonga\'s Prime Minister Sione Fifita last held formal talks in 2022, in Apia.';
  assert.equal(arc(text, 'held'), 'root ROOT');
  assert.equal(arc(text, 'talks'), 'obj held');
  assert.ok(/^nmod:poss (Sione|Minister)$/.test(arc(text, 'Tonga')));
  // a meeting lists both leaders, and the possessor country is not a third participant
  assert.deepEqual(coded(text).map((e) => e.replace(' -> ', ', ').split(', ').filter(Boolean).sort().join(', ')), ['CONSULT Sione Fifita, Tom Hale']);
});
