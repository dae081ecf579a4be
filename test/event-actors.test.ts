// Actors of PLOVER events found through harder constructions, on sentences written for these tests: misparsed
// relative clauses, pronouns, nationality adjectives, headlines, passives without an agent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromText } from '../src/ingest/index.js';
import { processArticle } from '../src/pipeline.js';

const extractText = (text: string, published = '2026-05-04') => processArticle(articleFromText(text, { published })).record;

/** The events of a text as "TYPE source -> target" with actor names, for readable assertions. */
function coded(text: string): string[] {
  const record = extractText(text);
  const names = (ids: string[]) => ids.map((id) => record.actors.find((a) => a.id === id)?.name ?? id).join(', ');
  return record.events.map((e) => `${e.type} ${names(e.source)} -> ${names(e.target)}`);
}

test('a relative clause the parser made the main clause stands for the noun before it', () => {
  assert.deepEqual(coded('Zambian police, who have been accused of brutality, arrested 12 miners in Kitwe on Tuesday.'), ['COERCE Zambia -> miners']);
});

test('"he" reporting about himself is the unnamed office holder who reports', () => {
  assert.deepEqual(coded("Chile's foreign minister said he would expel the Bolivian consul if Bolivia did not withdraw the remarks."), ['THREATEN Chile -> Bolivia']);
});

test('"It" opening a later sentence continues the subject of the sentence before', () => {
  const events = coded("Ghana's foreign ministry criticised the Togolese border closure on Friday. It also warned that it would suspend electricity exports if Togo kept the border shut.");
  assert.ok(events.includes('THREATEN Ghana -> Togo'), events.join(' | '));
});

test('"him" after one named person is that person', () => {
  assert.deepEqual(coded('Tunisian blogger Amine Ferchichi wrote a post about corruption on Sunday. Police arrested him in Tunis on Monday.'), ['COERCE Tunisia -> Amine Ferchichi']);
});

test('"Philippine" names the Philippines', () => {
  assert.deepEqual(coded('The Philippine navy moved three frigates to Palawan on Sunday.'), ['MOBILIZE Philippines -> ']);
});
