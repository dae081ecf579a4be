// Events named by nouns and their arguments, and readiness threats, on sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromText } from '../src/ingest/index.js';
import { processArticle } from '../src/pipeline.js';
import { codedEvents } from './extraction.js';

const coded = (text: string): string[] => codedEvents(text, '2026-02-10');

test('an extradition named as a noun goes from the "from" state to the "to" state', () => {
  assert.deepEqual(coded('The extradition of the fugitive trader Marco Belli from Brazil to Italy was completed on Tuesday.'), ['COOPERATE Brazil -> Italy']);
});

test('"air strike" and "drone strike" are attacks, never labour strikes or diplomatic protests', () => {
  const events = coded('A Turkish drone strike destroyed a depot near Qamishli on Sunday.');
  assert.equal(events.length, 1, events.join(' | '));
  assert.match(events[0]!, /^ASSAULT Türkiye/);
});

test('the expulsion of people who are not envoys deports them; of envoys it is a sanction', () => {
  assert.deepEqual(coded('Georgia ordered the expulsion of three Belgian journalists.'), ['COERCE Georgia -> Belgium']);
  assert.deepEqual(coded('Georgia ordered the expulsion of three Belgian diplomats.'), ['SANCTION Georgia -> Belgium']);
});

test('a sanction named as a noun hits the owner of what follows "of"', () => {
  assert.deepEqual(coded("Tokyo's blacklisting of four Russian shipping firms took effect on Friday."), ['SANCTION Japan -> Russia']);
});

test('an invitation turned down was made to whoever turns it down', () => {
  const events = coded("Mali's president spurned an invitation from Senegal to attend a summit in Dakar.");
  assert.ok(events.includes('AGREE Senegal -> Mali'), events.join(' | '));
});

test('force used against a march is aimed at the marchers, and the march is a protest of its own', () => {
  assert.deepEqual(coded('Riot police fired tear gas at a march of nurses in Kampala on Monday.'), ['ASSAULT Uganda -> nurses', 'PROTEST nurses -> ']);
});

test('declared readiness to do harm is a threat made now', () => {
  const record = processArticle(articleFromText('Belarus is prepared to cut power exports to Lithuania.', { published: '2026-02-10' })).record;
  assert.deepEqual(record.events.map((e) => `${e.type} ${e.modality}`), ['THREATEN asserted']);
  assert.deepEqual(coded('Kenya said it was ready to send troops to help Somalia.').map((e) => e.split(' ')[0]), ['AGREE']);
});

test('an attack that killed "people" of no kind is aimed at the state where it struck', () => {
  assert.deepEqual(coded('A Russian missile strike flattened a building in the Ukrainian city of Sumy, killing four people.'), ['ASSAULT Russia -> Ukraine']);
});

test('"in March" is a month, not a march', () => {
  assert.deepEqual(coded("Chile's foreign minister will travel to Lima in March."), ['AGREE Chile -> Peru']);
});

test('an accusation made in a participle beside another act is an act of its own; a protest\'s demands are not', () => {
  assert.deepEqual(coded('Djibouti threatened to expel Eritrean diplomats, accusing Asmara of arming rebels.'), ['THREATEN Djibouti -> Eritrea', 'ACCUSE Djibouti -> Eritrea']);
  assert.deepEqual(coded('Farmers blocked the main road into Vienna, demanding lower diesel taxes.').map((e) => e.split(' ')[0]), ['PROTEST']);
});

test('what a named measure does once in force is that measure', () => {
  assert.deepEqual(coded("Ottawa's blacklisting of three Iranian airlines took effect on Friday, barring them from Canadian airports."), ['SANCTION Canada -> Iran']);
});

test('backing thrown "behind" a party\'s plan is aimed at that party', () => {
  assert.deepEqual(coded("Ghana threw its weight behind Nigeria's candidate for the post."), ['SUPPORT Ghana -> Nigeria']);
});
