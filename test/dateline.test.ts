// Datelines: the "PLACE, Date (Agency) -" opening of a report is where and when it was filed, not an actor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromText, boilerplateRanges } from '../src/ingest/index.js';
import { processArticle } from '../src/pipeline.js';

const opening = (text: string): string | null => {
  const range = boilerplateRanges(articleFromText(text)).find((r) => r.kind === 'dateline');
  return range ? text.slice(range.start, range.end) : null;
};

test('datelines in capitals, with a date, an agency or a region, are found at the start of the first paragraph', () => {
  assert.equal(opening('Port deal signed\n\nLIMA, Feb. 9 (Andean Wire) - Peru signed a port deal on Monday.'), 'LIMA, Feb. 9 (Andean Wire) -');
  assert.equal(opening('NEW DELHI — India recalled its envoy.'), 'NEW DELHI —');
  assert.equal(opening('Tbilisi, Georgia — Protesters gathered outside parliament on Sunday.'), 'Tbilisi, Georgia —');
  assert.equal(opening('OSLO: Norway expelled two diplomats.'), 'OSLO:');
  assert.equal(opening('RIGA/VILNIUS - Latvia and Lithuania closed two border crossings.'), 'RIGA/VILNIUS -');
});

test('prose that opens with a name and a dash is no dateline, nor is a dateline deep in the text', () => {
  assert.equal(opening('Chile - a long-time partner - said it would help.'), null);
  assert.equal(opening('Ministers: the talks went well, an aide said.'), null);
  assert.equal(opening('First paragraph.\n\nSecond paragraph.\n\nThird.\n\nQUITO - Ecuador closed the border.'), null);
});

test('a dateline place is no actor, and a dateline with a year dates a plain-text report', () => {
  const text = 'Peru closes border crossing\n\nLIMA, March 3, 2026 - Peru on Tuesday closed its main border crossing with Bolivia.';
  const { record } = processArticle(articleFromText(text));
  assert.equal(record.article.published, '2026-03-03');
  const names = record.actors.map((a) => a.name);
  assert.ok(!names.includes('LIMA'), names.join(', '));
  assert.ok(record.actors.every((a) => a.mentions.every((m) => m.start > text.indexOf('LIMA') + 4 || m.end <= text.indexOf('LIMA'))));
});

test('an event said to have happened in another month has no day; one on a weekday is dated from the dateline', () => {
  const text = 'ANKARA, April 14, 2026 - Turkish and Greek officials met in Ankara on Monday. Foreign ministers Ayse Demir and Nikos Pappas last met in Athens in January.';
  const { record } = processArticle(articleFromText(text));
  const meetings = record.events.filter((e) => e.type === 'CONSULT');
  const monday = meetings.find((e) => e.evidence.text.includes('on Monday'));
  const january = meetings.find((e) => e.evidence.text.includes('in January'));
  assert.equal(monday?.date, '2026-04-13');
  assert.ok(january, JSON.stringify(meetings));
  assert.equal(january.date, null);
});

test('a kicker is no dateline', () => {
  assert.equal(opening('EXCLUSIVE: Ministers drew up a plan in secret.'), null);
  assert.equal(opening('UPDATE - The talks resumed on Friday.'), null);
  assert.equal(opening('DEAL IS OFF: Talks collapse in Geneva.'), null);
  assert.equal(opening('PUBLISHED: 10:42 GMT, 3 March 2026'), null);
});

test('a dateline is parsed apart from the sentence it opens, so the sentence keeps its own subject', () => {
  const text = 'Dam row deepens\n\nADDIS ABABA (Horn Wire) - Ethiopia on Friday rejected a demand from Egypt to delay the filling of its dam.';
  const { doc, record } = processArticle(articleFromText(text));
  const lead = doc.sentences.find((s) => doc.text.slice(s.start, s.end).startsWith('Ethiopia'));
  assert.ok(lead, doc.sentences.map((s) => doc.text.slice(s.start, s.end)).join(' | '));
  const verb = doc.tokens.find((t) => t.text === 'rejected')!;
  const subject = doc.tokens.find((t) => t.head === verb.i && t.deprel === 'nsubj');
  assert.equal(subject?.text, 'Ethiopia');
  const quote = record.quotes.find((q) => q.cue?.text === 'rejected');
  const speaker = record.actors.find((a) => a.id === quote?.speaker);
  assert.equal(speaker?.name, 'Ethiopia');
});

test('a state body named alone in a datelined report belongs to the state it was filed from', () => {
  const text = 'Arrests after march\n\nBUCHAREST (Danube Wire) - Police detained six activists outside parliament on Friday, the interior ministry said.\n\n' +
    "The activists oppose Romania's new mining law, which Romania's government says will create jobs.";
  const { record } = processArticle(articleFromText(text, { published: '2026-05-09' }));
  const name = (id: string | null) => record.actors.find((a) => a.id === id)?.name;
  assert.equal(name(record.quotes.find((q) => q.cue?.text === 'said')?.speaker ?? null), 'Romania', JSON.stringify(record.quotes));
  const arrest = record.events.find((e) => e.type === 'COERCE');
  assert.deepEqual(arrest?.source.map(name), ['Romania'], JSON.stringify(record.events));
});
