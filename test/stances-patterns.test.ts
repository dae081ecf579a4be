// Stance patterns found wanting on the development articles (eval/data/stances-dev.jsonl), tested on sentences
// written for these tests: each test fails without the rule it names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText } from './extraction.js';

const nameOf = (record: ReturnType<typeof extractText>, id: string | null) => record.actors.find((a) => a.id === id)?.name;
const positions = (text: string) => {
  const record = extractText(text);
  return record.stances.map((s) => `${nameOf(record, s.holder)} ${s.polarity} ${s.issue}`);
};

test('a bare "the plan" or "the idea" with no named plan before it is the issue the article has discussed most', () => {
  const got = positions('Portugal backed a tax on private jets. Spain supported the tax on private jets too. Greece rejected the plan. Malta said it was open to the idea.');
  assert.ok(got.includes('Greece oppose tax on jets'), JSON.stringify(got));
  assert.ok(got.includes('Malta support tax on jets'), JSON.stringify(got));
});

test('not ruling out backing something is backing it, hedged', () => {
  const got = positions('Norwegian finance minister Erik Dahl did not rule out backing a carbon border levy.');
  assert.ok(got.includes('Erik Dahl support carbon border levy'), JSON.stringify(got));
  assert.ok(!got.some((p) => /^Erik Dahl oppose/.test(p)), JSON.stringify(got));
});

test('rejecting calls to do something opposes doing it', () => {
  const got = positions('Prime Minister Ana Costa on Monday rejected calls to lower the voting age.');
  assert.ok(got.some((p) => p === 'Ana Costa oppose voting age'), JSON.stringify(got));
});

test('having doubts or reservations about something opposes it', () => {
  const got = positions('Dutch agriculture minister Pieter Smit said The Hague had serious doubts about the nitrogen cap.');
  assert.ok(got.some((p) => /^Pieter Smit oppose .*nitrogen/.test(p)), JSON.stringify(got));
});

test('a proposal described by what it would do in a relative clause is named by that', () => {
  const got = positions('Ghana called for a regional agreement that would protect cocoa farmers from price swings.');
  assert.ok(got.some((p) => /^Ghana support .*cocoa farmers/.test(p)), JSON.stringify(got));
});

test('vowing to fight a measure opposes it', () => {
  const got = positions('Bavarian premier Klaus Hofer vowed to fight the new inheritance tax in the courts.');
  assert.ok(got.some((p) => /^Klaus Hofer oppose .*inheritance tax/.test(p)), JSON.stringify(got));
});

test('proposing something is no position on it, but names what "the plan" later is', () => {
  const got = positions('Slovenian finance minister Marko Zupan proposed a levy on short-term rentals. Croatia criticised the plan.');
  assert.ok(!got.some((p) => /^Marko Zupan /.test(p)), JSON.stringify(got));
  assert.ok(got.some((p) => /^Croatia oppose .*levy/.test(p)), JSON.stringify(got));
});

test('"X, not Y" in a position opposes Y', () => {
  const got = positions('"Our farmers need subsidies, not tariffs," Polish agriculture minister Jan Nowak told reporters.');
  assert.ok(got.includes('Jan Nowak oppose tariffs'), JSON.stringify(got));
});

test('keeping or extending a measure backs it; keeping on doing something is no position', () => {
  const got = positions('Egypt said it would keep its ban on Greek olive imports. The EU agreed to extend the embargo on arms sales to Libya. France said it would keep talking to Algeria.');
  assert.ok(got.some((p) => /^Egypt support .*ban/.test(p)), JSON.stringify(got));
  assert.ok(got.some((p) => /^European Union support .*(embargo|sanctions)/.test(p)), JSON.stringify(got));
  assert.ok(!got.some((p) => /^France /.test(p)), JSON.stringify(got));
});

test('dismissing criticism is no position against "criticism"; dismissing criticism of something backs it', () => {
  const got = positions('Peruvian energy minister Luis Rojas dismissed the criticism. His deputy Ana Soto rejected criticism of the new mining code.');
  assert.ok(!got.some((p) => /^Luis Rojas /.test(p)), JSON.stringify(got));
  assert.ok(got.some((p) => /^Ana Soto support .*mining code/.test(p)), JSON.stringify(got));
});

test('wanting more detail, or a kind of thing with nothing said of what it is, is no position; a concrete want still is', () => {
  const got = positions('Ecuador said it wanted more detail on the timetable. Colombian trade minister Rosa Diaz said the region needed "a fair system". Peru said a political agreement was needed first. Chile said it needed an agreement on fishing quotas.');
  assert.ok(!got.some((p) => /^(Ecuador|Rosa Diaz|Peru) /.test(p)), JSON.stringify(got));
  assert.ok(got.some((p) => /^Chile support .*quota/.test(p)), JSON.stringify(got));
});

test('calling something "a matter of fairness" or a priority backs it; "a matter of time" does not', () => {
  const got = positions('Ghanaian trade minister Kofi Mensah said the export levy was "a matter of fairness" for farmers. Senegalese minister Awa Diop said the fishing ban was a matter of time.');
  assert.ok(got.some((p) => /^Kofi Mensah support .*levy/.test(p)), JSON.stringify(got));
  assert.ok(!got.some((p) => /^Awa Diop /.test(p)), JSON.stringify(got));
});

test('"adopt it before the summer": the issue is what "it" is, the issue of the position before, not the time word', () => {
  const got = positions('Portugal backed the ban on private jets. Spain said it wanted a longer transition period. The ban was put forward by a group of environmental organisations, including Greenpeace, which urged European governments to adopt it before the summer.');
  assert.ok(got.some((p) => /^Greenpeace support ban on jets/.test(p)), JSON.stringify(got));
  assert.ok(!got.some((p) => /summer/.test(p)), JSON.stringify(got));
});

test('a body a country only describes holds its own position, not the country', () => {
  const got = positions('The Mexican Chamber of Commerce rejected the new import levy. Peruvian fishing cooperatives remain opposed to the quota. Ghana\'s main opposition party on Monday rejected a plan to raise the tax on fuel.');
  assert.ok(got.some((p) => /^Mexican Chamber of Commerce oppose .*levy/.test(p)), JSON.stringify(got));
  assert.ok(got.some((p) => /^Peruvian fishing cooperatives oppose .*quota/.test(p)), JSON.stringify(got));
  assert.ok(got.some((p) => /^main opposition party oppose .*fuel/.test(p)), JSON.stringify(got));
  assert.ok(!got.some((p) => /^(Mexico|Peru|Ghana) /.test(p)), JSON.stringify(got));
});

test('saying something would do harm, or solves nothing, opposes it; a narrated harm is no position', () => {
  const got = positions('"This levy would hurt every family farm in the country," Irish agriculture minister Sean Byrne told reporters. "Raising tariffs solves nothing," EU envoy Marta Lind said. Floods damaged roads in the north, police spokesman Tom Hale said.');
  assert.ok(got.some((p) => /^Sean Byrne oppose .*levy/.test(p)), JSON.stringify(got));
  assert.ok(got.some((p) => /^Marta Lind oppose .*tariff/.test(p)), JSON.stringify(got));
  assert.ok(!got.some((p) => /^Tom Hale /.test(p)), JSON.stringify(got));
});

test('"said in a statement that it welcomed steps to raise revenue": the position is said, and is about raising revenue', () => {
  const got = positions('The World Bank said in a statement that it welcomed steps to cut fuel subsidies.');
  assert.ok(got.some((p) => /^World Bank support .*subsid/.test(p)), JSON.stringify(got));
});

test('a bare want of a deal may be the deal under discussion: only a kind described by a quality is dropped', () => {
  const got = positions('Norway backed the fisheries deal. Iceland said it wanted a deal.');
  assert.ok(got.some((p) => /^Iceland support /.test(p)), JSON.stringify(got));
});

test('a compromise is labelled a compromise, not concessions', () => {
  const got = positions('Swiss finance minister Urs Keller said he would back a compromise.');
  assert.ok(got.some((p) => /^Urs Keller support compromise/.test(p)), JSON.stringify(got));
});

test('a time phrase inside a plan is not what the plan is about', () => {
  const record = extractText('Chile and Peru signed an agreement on Tuesday to build a shared power line.');
  assert.deepEqual([...new Set(record.stances.map((s) => s.issue))], ['agreement to build shared power line'], JSON.stringify(record.stances));
});
