// Wire-style leads, headline-and-lead pairs and reported acts, on sentences written for these tests: coordinated
// titled names the parser splits, one act told twice, reported requests, offers, absolutes and denials.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, codedEvents } from './extraction.js';

const coded = (text: string): string[] => codedEvents(text, '2026-05-04', true);

test('titled names coordinated after a dateline are all the subject', () => {
  assert.deepEqual(coded('LIMA, May 4, 2026 — Peruvian President Rosa Quispe and Bolivian Foreign Minister Tomas Arce signed a water-sharing accord on Monday.'), ['SUPPORT Rosa Quispe, Tomas Arce -> ']);
  assert.deepEqual(coded('Latvian Prime Minister Inga Berzina and Estonian President Karl Tamm met in Brussels on Friday.'), ['CONSULT Inga Berzina, Karl Tamm -> ']);
});

test('a name behind a preposition is not coordinated into the subject', () => {
  const events = coded('After talks with Norway and Danish Foreign Minister Lars Holm, Sweden signed the accord.');
  assert.ok(!events.some((e) => e.includes('Norway, ') && e.startsWith('SUPPORT')), events.join(' | '));
});

test('an act in the headline and again in the lead is one event, with the leaders named in the lead', () => {
  const text = 'Ghana and Togo agree to reopen border\n\nACCRA, May 4, 2026 - Ghanaian President Kofi Mensah and Togolese President Yao Agbeko agreed on Monday to reopen their shared border.';
  assert.deepEqual(coded(text), ['AGREE Kofi Mensah, Yao Agbeko -> ']);
});

test('an agreement to impose a measure against a state is that SANCTION, not AGREE', () => {
  assert.deepEqual(coded('NATO foreign ministers agreed on Tuesday to expel six Russian diplomats.'), ['SANCTION NATO -> Russia']);
  assert.deepEqual(coded('The African Union decided on Friday to suspend Guinea from all its activities.'), ['SANCTION African Union -> Guinea']);
  assert.deepEqual(coded('UN agrees new sanctions on North Korea over missile launches'), ['SANCTION United Nations -> North Korea']);
  // an agreement to cooperate stays AGREE
  assert.deepEqual(coded('Ghana and Togo agreed on Monday to reopen their shared border.'), ['AGREE Ghana, Togo -> ']);
});

test('an agreed measure keeps its own modality', () => {
  const record = extractText('EU ministers agreed on Monday to impose fresh sanctions on Iran.');
  assert.equal(record.events.length, 1);
  assert.equal(record.events[0]!.type, 'SANCTION');
  assert.equal(record.events[0]!.modality, 'asserted');
});

test('an absolute "with X calling ..." names no recipient', () => {
  assert.deepEqual(coded('Canada also endorsed the plan, with Foreign Minister Julie Tremblay calling it a realistic path to peace.'), ['SUPPORT Canada -> ']);
  assert.deepEqual(coded('Brazil praised the accord between Peru and Ecuador, with President Lucas Prado calling it historic.'), ['SUPPORT Brazil -> Ecuador, Peru']);
});

test('an offer welcomed by a named official is made to the state the official speaks for', () => {
  const events = coded('Malian Prime Minister Oumar Traore welcomed an offer by Senegal to mediate.');
  assert.ok(events.includes('AGREE Senegal -> Mali'), events.join(' | '));
});

test('"said it had asked X for help" is a REQUEST by the reporting state, also after a dateline or a first verb', () => {
  assert.deepEqual(coded('HANOI, May 4, 2026 - Vietnam said on Monday it had asked Japan and South Korea for coast guard vessels.'), ['REQUEST Vietnam -> Japan, South Korea']);
  const events = coded('Moldova condemned the blockade on Tuesday and said it had asked Romania for emergency fuel supplies.');
  assert.ok(events.includes('REQUEST Moldova -> Romania'), events.join(' | '));
});

test('what a denial says happened is not coded as an act', () => {
  const events = coded('Georgia denied the report, saying its border guards had only fired warning shots after Russian soldiers crossed the line.');
  assert.ok(!events.some((e) => /^(ASSAULT|MOBILIZE|COERCE)/.test(e)), events.join(' | '));
  assert.ok(!coded('Serbia denied that its police had detained the two Kosovo officials.').some((e) => e.startsWith('COERCE')));
  // an act coordinated with the denial is reported as an act of its own
  assert.ok(coded('Iran denied the report and expelled two British diplomats.').includes('SANCTION Iran -> United Kingdom'));
});

test('a title noun split off as a second subject before a named person is no actor of its own', () => {
  assert.deepEqual(coded('UN envoy Maria Lopes praised Cypriot President Nikos Andreou for his patience.'), ['SUPPORT Maria Lopes -> Nikos Andreou']);
});

test('an absolute coordinated into a "between" phrase adds no recipient', () => {
  assert.deepEqual(coded('Japan welcomed the deal between Chile and Peru, with Foreign Minister Haruto Sato calling it a model for the region.'), ['SUPPORT Japan -> Chile, Peru']);
});

test('sending monitors or observers is assistance, and a promise to send them is AGREE', () => {
  assert.deepEqual(coded('The OSCE sent 40 observers to Georgia for the election.'), ['AID OSCE -> Georgia']);
  const record = extractText('The African Union said it would send monitors to Sudan next month.');
  assert.deepEqual(record.events.map((e) => `${e.type} ${e.modality}`), ['AGREE future']);
});

test('the parties an act is between are not its owners when its own actor is named', () => {
  assert.deepEqual(coded('Germany backed Norwegian mediation between Colombia and the ELN.').filter((e) => e.startsWith('SUPPORT')), ['SUPPORT Germany -> Norway']);
  assert.deepEqual(coded('Canada welcomed the ceasefire between Armenia and Azerbaijan.'), ['SUPPORT Canada -> Armenia, Azerbaijan']);
});

test('"last met" recalls an earlier meeting: historical, and not merged with the new one', () => {
  const record = extractText('Ghanaian and Togolese officials met in Geneva on Monday. Their foreign ministers last met in Vienna in January.');
  assert.deepEqual(record.events.map((e) => `${e.type} ${e.modality}`), ['CONSULT asserted', 'CONSULT historical']);
  const names = (ids: string[]) => ids.map((id) => record.actors.find((a) => a.id === id)?.name).sort().join(', ');
  assert.equal(names([...record.events[1]!.source, ...record.events[1]!.target]), 'Ghana, Togo');
});

test('an auxiliary the parser made the subject hands over to the subject under it', () => {
  assert.deepEqual(coded('The African Union has so far refused to intervene.'), ['REJECT African Union -> ']);
});

test('an absolute whose -ing verb the parser hung on the name is still no recipient', () => {
  assert.deepEqual(coded('The Netherlands also condemned the attack, with Foreign Minister Eva Jansen calling it cowardly.'), ['ACCUSE Netherlands -> ']);
  // a "with" partner with no absolute stays a partner
  assert.deepEqual(coded("Kenya's president met on Monday with Somali officials."), ['CONSULT Kenya, Somalia -> ']);
});

test('a title coordinated with the name in apposition to it is that one person', () => {
  assert.deepEqual(coded('Spanish Foreign Minister Lucia Ortega and her Moroccan counterpart, Karim Benali, signed a migration accord in Rabat.'), ['SUPPORT Karim Benali, Lucia Ortega -> ']);
});

test('"calling it a basis for talks" names something and requests nothing', () => {
  assert.deepEqual(coded('The Arab League also backed the plan, with Secretary-General Amr Khalil calling it a basis for talks.'), ['SUPPORT Arab League -> ']);
});

test('regional blocs named by their acronyms are recipients too', () => {
  assert.deepEqual(coded('Ghana said it had asked ECOWAS to send monitors.'), ['REQUEST Ghana -> ECOWAS']);
  assert.deepEqual(coded('Armenia said it had asked the CSTO for help.'), ['REQUEST Armenia -> Collective Security Treaty Organization']);
});

test('a standing position ("has long opposed") is a description, not an act', () => {
  assert.deepEqual(coded('Turkey has long opposed the EU naval mission, calling it a threat to its interests.'), []);
  assert.deepEqual(coded('Turkey opposed the EU naval mission on Monday.').length, 1);
});

test('a committed retreat ("agreed to withdraw troops") is CONCEDE, not AGREE', () => {
  const record = extractText('Thai Prime Minister Somchai Wong and Cambodian Prime Minister Hun Rithy agreed on Friday to withdraw troops from the disputed temple area.');
  assert.deepEqual(record.events.map((e) => `${e.type} ${e.modality}`), ['CONCEDE asserted']);
  assert.deepEqual(coded('Russia pledged to withdraw its troops from the border.').map((e) => e.split(' ')[0]), ['CONCEDE']);
  // agreeing to cooperate stays AGREE
  assert.deepEqual(coded('Chile and Peru agreed to resume talks.'), ['AGREE Chile, Peru -> ']);
});

test('a demonym opening a sentence is not its head, and a crowd that had gathered for the act is news', () => {
  const record = extractText('Georgian riot police fired tear gas and water cannon on Sunday night at tens of thousands of demonstrators who had gathered outside parliament to oppose a bill on foreign influence.');
  const types = record.events.map((e) => `${e.type} ${e.modality}`).sort();
  assert.deepEqual(types, ['ASSAULT asserted', 'PROTEST asserted'], JSON.stringify(record.events));
  const assault = record.events.find((e) => e.type === 'ASSAULT')!;
  assert.deepEqual(assault.source.map((id) => record.actors.find((a) => a.id === id)?.name), ['Georgia']);
});

test('an act weighed as the object of a verb of deliberation is hypothetical', () => {
  const record = extractText('Canada is considering sanctions against Nicaragua, officials said.');
  assert.deepEqual(record.events.map((e) => `${e.type} ${e.modality}`), ['SANCTION hypothetical'], JSON.stringify(record.events));
});

test('ordering diplomats to leave expels them, and a participle after the comma accuses whom the act concerns', () => {
  assert.deepEqual(coded('On Friday, Azerbaijan ordered three Iranian diplomats to leave the country within two days, accusing them of espionage.'),
    ['SANCTION Azerbaijan -> Iran', 'ACCUSE Azerbaijan -> Iran']);
});

test('a package of measures agreed is that measure, and "as NAME VERB" in a headline is a clause of its own', () => {
  assert.deepEqual(coded('NATO ministers on Thursday agreed a new package of sanctions against Iran.'), ['SANCTION NATO -> Iran']);
  assert.deepEqual(coded('EU imposes new tariffs on China as Beijing expels Dutch diplomats'), ['SANCTION European Union -> China', 'SANCTION China -> Netherlands']);
});

test('a conditional threat is aimed at whoever its condition asks to act', () => {
  assert.deepEqual(coded('Turkmenistan warned that it would halt gas exports to China if Moscow did not pay its debts.'), ['THREATEN Turkmenistan -> Russia']);
});

test('warning that something will take years is no threat', () => {
  assert.deepEqual(coded('The Slovak defence minister warned that a joint air command would take years to build.'), []);
});

test('talks named in an opening "after" phrase were held by the parties of the clause, which keeps its subject', () => {
  assert.deepEqual(coded('After two days of talks in Cairo, Sudan and South Sudan agreed to reopen their oil pipeline.'), ['CONSULT South Sudan, Sudan -> ', 'AGREE South Sudan, Sudan -> ']);
  assert.deepEqual(coded('After two days of talks in Beijing, India and China agreed to resume joint patrols.'), ['CONSULT India -> China', 'AGREE China, India -> ']);
  // a meeting left "after just one session" names no meeting of its own
  assert.deepEqual(coded('The Chilean delegation walked out of the talks in Lima after just one session.').filter((e) => e.startsWith('CONSULT')), []);
  // nor do talks referred back to
  assert.deepEqual(coded('After the discussions, Chile and Peru agreed to reopen the crossing.').filter((e) => e.startsWith('CONSULT')), []);
});

test('an act hours before the news is news, not background', () => {
  const record = extractText('Mediators presented a new truce plan on Wednesday, hours after Israeli air strikes killed at least 30 people in Rafah.');
  assert.deepEqual(record.events.filter((e) => e.type === 'ASSAULT').map((e) => e.modality), ['asserted'], JSON.stringify(record.events));
});

test('"after Chinese coast guard vessels fired ...": a clause after "after" keeps its own subject', () => {
  const record = extractText('The Philippines lodged a diplomatic protest with China on Tuesday after Chinese coast guard vessels fired water cannon at a Philippine fisheries boat near Scarborough Shoal.');
  const name = (id: string) => record.actors.find((a) => a.id === id)?.name;
  const assault = record.events.find((e) => e.type === 'ASSAULT');
  assert.deepEqual([assault?.source.map(name), assault?.target.map(name)], [['China'], ['Philippines']], JSON.stringify(record.events));
  const guard = extractText("China's coast guard said it had expelled the vessel.");
  assert.equal(guard.actors.find((a) => a.id === guard.quotes[0]?.speaker)?.name, 'China');
});

test('a headline with a past participle after its noun is passive: the noun is what was done to', () => {
  assert.deepEqual(coded('Three activists detained in Belarus'), ['COERCE Belarus -> activists']);
});

test('speaking to reporters is no meeting; speaking with a leader is', () => {
  assert.deepEqual(coded('Slovak Foreign Minister Juraj Blanar spoke to reporters after the vote.'), []);
  assert.deepEqual(coded('Slovak Foreign Minister Juraj Blanar spoke with Peter Szijjarto by phone.'), ['CONSULT Juraj Blanar, Peter Szijjarto -> ']);
});

test('"after a court in Tehran sentenced ...": the clause after "after" keeps a subject with a place of its own', () => {
  const record = extractText('Britain summoned Iran\'s ambassador on Monday after a court in Tehran sentenced a British aid worker to death on espionage charges.');
  const name = (id: string) => record.actors.find((a) => a.id === id)?.name;
  assert.deepEqual(record.events.filter((e) => e.type === 'SANCTION').map((e) => e.source.map(name)), [['Iran']], JSON.stringify(record.events));
  const spokesman = extractText("Iran's judiciary spokesman Asghar Jahangir said the man had confessed.");
  assert.equal(spokesman.actors.find((a) => a.name === 'Asghar Jahangir')?.country, 'IRN');
});
