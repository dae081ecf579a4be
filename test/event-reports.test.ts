// One event, many reports: the grouping rule on its own, then through a real store and the HTTP API, with records
// written by hand (two outlets' own accounts of one meeting, and events that must stay apart).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { SCHEMA_ID, type Extraction } from '../src/contract.js';
import { groupedEvents, openStore, sameEvent, type EventReportFacts, type Store } from '../src/kb/index.js';
import { startServer } from '../src/server/index.js';
import { spanOf } from './server-fixtures.js';

const meeting: EventReportFacts = {
  type: 'CONSULT', date: '2025-05-12', location: 'Tallinn', negated: false, modality: 'asserted',
  sources: ['kaja mets'], targets: ['janis ozols'],
};

describe('the same-event rule', () => {
  test('two accounts of one meeting, a day apart, either way round', () => {
    assert.ok(sameEvent(meeting, { ...meeting, date: '2025-05-13' }));
    assert.ok(sameEvent(meeting, { ...meeting, sources: ['janis ozols'], targets: ['kaja mets'] }), 'reciprocal');
    assert.ok(sameEvent(meeting, { ...meeting, location: null }), 'one report leaves out the place');
    assert.ok(sameEvent(meeting, { ...meeting, location: 'the Tallinn' }), 'place names compared loosely');
  });

  test('what keeps reports apart', () => {
    assert.ok(!sameEvent(meeting, { ...meeting, date: '2025-05-14' }), 'two days apart');
    assert.ok(!sameEvent(meeting, { ...meeting, date: null }), 'undated');
    assert.ok(!sameEvent(meeting, { ...meeting, location: 'Riga' }), 'another place');
    assert.ok(!sameEvent(meeting, { ...meeting, type: 'AGREE' }), 'another type');
    assert.ok(!sameEvent(meeting, { ...meeting, modality: 'future' }), 'a planned meeting is not the meeting');
    assert.ok(!sameEvent(meeting, { ...meeting, negated: true }));
    assert.ok(!sameEvent(meeting, { ...meeting, targets: ['lina berg'] }), 'another counterpart');
    assert.ok(!sameEvent({ ...meeting, articleId: 'x' }, { ...meeting, articleId: 'x' }), 'two events of one article');
  });

  test('one-sided reports need a second party or the same named place', () => {
    const oneSided = { ...meeting, sources: ['estonia', 'latvia'], targets: [], location: null };
    assert.ok(sameEvent(oneSided, { ...oneSided, sources: ['latvia', 'estonia', 'lithuania'] }));
    assert.ok(!sameEvent(oneSided, { ...oneSided, sources: ['estonia'] }), 'one source in common, no place');
    assert.ok(sameEvent({ ...oneSided, sources: ['estonia'], location: 'Tallinn' }, { ...oneSided, sources: ['estonia'], location: 'Tallinn' }));
  });
});

// ---- through the store and the API ------------------------------------------------------------------------------

function record(text: string, fields: { outlet: string; published: string }, build: (text: string) => Pick<Extraction, 'actors' | 'events'>): Extraction {
  const { actors, events } = build(text);
  return {
    schema: SCHEMA_ID,
    article: {
      id: createHash('sha256').update(text).digest('hex'), source: `fixture:${fields.outlet}`, title: text.slice(0, 40),
      published: fields.published, outlet: fields.outlet, url: null, byline: null, language: 'en', text,
    },
    actors, quotes: [], events, stances: [],
  };
}

function person(id: string, name: string, text: string, mention: string, country: string) {
  return { id, name, type: 'person' as const, roles: ['Foreign Minister'], country, mentions: [spanOf(text, mention)] };
}

const first = record('Estonian Foreign Minister Kaja Mets met Latvian Foreign Minister Janis Ozols in Tallinn on Monday.',
  { outlet: 'Baltic Wire', published: '2025-05-12' }, (text) => ({
    actors: [person('a1', 'Kaja Mets', text, 'Kaja Mets', 'EST'), person('a2', 'Janis Ozols', text, 'Janis Ozols', 'LVA')],
    events: [{ id: 'e1', type: 'CONSULT', mode: null, source: ['a1'], target: ['a2'], location: 'Tallinn', date: '2025-05-12', negated: false, modality: 'asserted', evidence: spanOf(text, text) }],
  }));

// Another outlet's own account the next day: the sides named the other way round, no place given.
const second = record('Ozols held talks with Kaja Mets on Monday, his office said on Tuesday. Ozols later met Lina Berg.',
  { outlet: 'Riga Courier', published: '2025-05-13' }, (text) => ({
    actors: [person('a1', 'Janis Ozols', text, 'Ozols', 'LVA'), person('a2', 'Kaja Mets', text, 'Kaja Mets', 'EST'), person('a3', 'Lina Berg', text, 'Lina Berg', 'SWE')],
    events: [
      { id: 'e1', type: 'CONSULT', mode: null, source: ['a1'], target: ['a2'], location: null, date: '2025-05-12', negated: false, modality: 'asserted', evidence: spanOf(text, 'Ozols held talks with Kaja Mets on Monday, his office said on Tuesday.') },
      { id: 'e2', type: 'CONSULT', mode: null, source: ['a1'], target: ['a3'], location: null, date: '2025-05-13', negated: false, modality: 'asserted', evidence: spanOf(text, 'Ozols later met Lina Berg.') },
    ],
  }));

// The same pair a week later: another meeting.
const later = record('Kaja Mets and Janis Ozols met again in Riga.', { outlet: 'Baltic Wire', published: '2025-05-19' }, (text) => ({
  actors: [person('a1', 'Kaja Mets', text, 'Kaja Mets', 'EST'), person('a2', 'Janis Ozols', text, 'Janis Ozols', 'LVA')],
  events: [{ id: 'e1', type: 'CONSULT', mode: null, source: ['a1', 'a2'], target: [], location: 'Riga', date: '2025-05-19', negated: false, modality: 'asserted', evidence: spanOf(text, text) }],
}));

let store: Store;
before(async () => {
  store = await openStore(':memory:');
  for (const r of [first, second, later]) await store.put(r);
});
after(async () => store?.close());

describe('grouped events from a store', () => {
  test('two outlets\' reports of one meeting are one event with both reports; the others stay apart', async () => {
    const page = await groupedEvents(store, { limit: 20 });
    assert.equal(page.total, 4);
    assert.equal(page.items.length, 3);
    const [tallinn, berg, riga] = page.items;
    assert.deepEqual(tallinn!.reports.map((r) => r.articleId).sort(), [first.article.id, second.article.id].sort());
    assert.equal(tallinn!.location, 'Tallinn');
    assert.deepEqual(berg!.targets.map((t) => t.name), ['Lina Berg']);
    assert.equal(berg!.reports.length, 1);
    assert.equal(riga!.reports.length, 1);
    assert.equal(page.nextOffset, null);
  });

  test('pages keep the ungrouped offsets, and a report of an earlier page\'s event is not repeated', async () => {
    const one = await groupedEvents(store, { limit: 1 });
    assert.equal(one.items.length, 1);
    assert.equal(one.items[0]!.reports.length, 2, 'its second report is looked up ahead');
    assert.equal(one.nextOffset, 1);
    const two = await groupedEvents(store, { limit: 1, offset: 1 });
    assert.equal(two.items.length, 0, 'the event at offset 1 is a report of the one on the page before');
    assert.equal(two.nextOffset, 2);
    const three = await groupedEvents(store, { limit: 2, offset: 2 });
    assert.deepEqual(three.items.map((e) => e.reports.length), [1, 1]);
    assert.equal(three.hasMore, false);
  });

  test('GET /api/events/grouped', async () => {
    const server = await startServer({ store, port: 0, host: '127.0.0.1' });
    try {
      const reply = await fetch(`${server.url}/api/events/grouped?type=consult&actor=Kaja%20Mets`);
      assert.equal(reply.status, 200);
      const body = (await reply.json()) as { items: Array<{ reports: unknown[] }>; total: number };
      assert.equal(body.total, 3);
      assert.deepEqual(body.items.map((e) => e.reports.length), [2, 1]);
      assert.equal((await fetch(`${server.url}/api/events/grouped?from=May`)).status, 400);
    } finally {
      await server.close();
    }
  });
});
