// Less common wordings of the PLOVER categories, on sentences written for these tests: synonyms a reporter uses for
// aid, protest, repression, threats, attacks, agreement and cooperation, checked one by one against the coder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codedEvents } from './extraction.js';

const coded = (text: string): string[] => codedEvents(text, '2026-03-02');

test('aid sent by other verbs: dispatched, rushed, channelled, allocated, handed over', () => {
  assert.deepEqual(coded('Finland dispatched a field hospital to Moldova on Sunday.'), ['AID Finland -> Moldova']);
  assert.deepEqual(coded('Egypt rushed relief supplies to Libya after the storm.'), ['AID Egypt -> Libya']);
  assert.deepEqual(coded('Denmark channelled 30 million dollars to Somalia.'), ['AID Denmark -> Somalia']);
  assert.deepEqual(coded('Austria handed over 12 tonnes of medicine to Armenia.'), ['AID Austria -> Armenia']);
});

test('aid received is given by the "from" party; with no giver named it is not coded', () => {
  assert.deepEqual(coded('Malawi has received 15 tonnes of maize from Zambia.'), ['AID Zambia -> Malawi']);
  assert.deepEqual(coded('Malawi received 15 tonnes of maize last week.'), []);
  assert.deepEqual(coded('Ghana received the Togolese president in Accra.'), ['CONSULT Togo -> Ghana']);
});

test('troops freeing hostages rescue them (AID); captors freeing them release them (RETREAT)', () => {
  assert.deepEqual(coded('Nigerien troops freed 20 hostages near Agadez.'), ['AID Niger -> hostages']);
  assert.deepEqual(coded('The Houthis freed 20 hostages on Monday.').map((e) => e.split(' ')[0]), ['RETREAT']);
  assert.deepEqual(coded('Turkey sheltered 4,000 Syrian refugees.'), ['AID Türkiye -> Syria']);
});

test('protest by other words: besieged, hurled stones, poured into the streets, stopped work, paraded', () => {
  assert.deepEqual(coded('Crowds hurled stones at police in Conakry.').map((e) => e.split(' ')[0]), ['PROTEST']);
  assert.deepEqual(coded('Thousands of people poured into the streets of Skopje.').map((e) => e.split(' ')[0]), ['PROTEST']);
  assert.deepEqual(coded('Dockers stopped work in Antwerp on Monday.'), ['PROTEST dockers -> ']);
  assert.deepEqual(coded('Opposition supporters paraded through Lusaka.').map((e) => e.split(' ')[0]), ['PROTEST']);
});

test('repression by other words: apprehended, searched offices, prohibited rallies, suspended the internet', () => {
  assert.deepEqual(coded('Jordanian police apprehended nine activists in Amman.'), ['COERCE Jordan -> activists']);
  assert.deepEqual(coded('Bolivia prohibited opposition rallies on Friday.').map((e) => e.split(' ').slice(0, 2).join(' ')), ['COERCE Bolivia']);
  assert.deepEqual(coded('Myanmar suspended mobile internet in Rakhine State.'), ['COERCE Myanmar -> ']);
  assert.deepEqual(coded('Belarus executed a crackdown on students.').map((e) => e.split(' ')[0]), ['COERCE']);
});

test('threats, attacks, agreement and cooperation by less common verbs', () => {
  assert.deepEqual(coded('Serbia menaced Kosovo with a new offensive.'), ['THREATEN Serbia -> Kosovo']);
  assert.deepEqual(coded('Eritrea put Ethiopia on notice that it would seize the port.'), ['THREATEN Eritrea -> Ethiopia']);
  assert.deepEqual(coded('Syrian jets pounded rebel positions in Idlib.').map((e) => e.split(' ').slice(0, 2).join(' ')), ['ASSAULT Syria']);
  assert.deepEqual(coded('Chadian soldiers opened fire on protesters in Ndjamena.'), ['ASSAULT Chad -> protesters']);
  assert.deepEqual(coded('Rebels torched 40 homes in Ituri.').map((e) => e.split(' ').slice(0, 2).join(' ')), ['ASSAULT rebels']);
  assert.deepEqual(coded('Bulgaria and Romania clinched a deal on energy cooperation.'), ['AGREE Bulgaria, Romania -> ']);
  assert.deepEqual(coded('Peru and Ecuador reached an understanding on fishing rights.'), ['AGREE Peru, Ecuador -> ']);
  assert.deepEqual(coded('Morocco and Spain teamed up to fight people smuggling.'), ['COOPERATE Morocco, Spain -> ']);
  assert.deepEqual(coded('Kenya sided with Somalia in the dispute.'), ['SUPPORT Kenya -> Somalia']);
  assert.deepEqual(coded('Canada blacklisted five Iranian firms.'), ['SANCTION Canada -> Iran']);
});

test('an attack with no recipient of its own is aimed at whom it killed', () => {
  assert.deepEqual(coded('Gunmen from Red Horizon opened fire on a bus station in Jos, killing six passengers.'), ['ASSAULT Red Horizon -> passengers']);
});

test('concessions, requests, refusals, sanctions, shows of force and meetings by less common verbs', () => {
  assert.deepEqual(coded('Kenya reversed its ban on Ugandan traders.'), ['CONCEDE Kenya -> Uganda']);
  assert.deepEqual(coded('Hungary waived its veto on the aid package.').map((e) => e.split(' ')[0]), ['CONCEDE']);
  assert.deepEqual(coded('Niger sought military help from Algeria.'), ['REQUEST Niger -> Algeria']);
  assert.deepEqual(coded("Iran snubbed France's offer of talks.").map((e) => e.split(' ')[0]), ['REJECT', 'AGREE']);
  assert.deepEqual(coded('India imposed export curbs on Bangladesh.'), ['SANCTION India -> Bangladesh']);
  assert.deepEqual(coded('Japan scrambled jets over the East China Sea.').map((e) => e.split(' ').slice(0, 2).join(' ')), ['MOBILIZE Japan']);
  assert.deepEqual(coded('Ministers from the G20 convened in Brasilia.').map((e) => e.split(' ')[0]), ['CONSULT']);
});

test('crowds that celebrate, gather for a ceremony or pour into polling stations are not protesting', () => {
  assert.deepEqual(coded('Fans poured into the streets of Lima to celebrate the title.'), []);
  assert.deepEqual(coded('Students gathered at the campus for the graduation ceremony.'), []);
  assert.deepEqual(coded('Voters poured into polling stations across Ghana.'), []);
  assert.deepEqual(coded('Thousands of people poured into the streets of Tbilisi.').map((e) => e.split(' ')[0]), ['PROTEST']);
});

test('plans and speculation with the new wordings stay uncoded', () => {
  assert.deepEqual(coded('The delivery of the new trains is expected next year.'), []);
  assert.deepEqual(coded('The flood waters flattened hundreds of homes in Sindh.'), []);
  assert.deepEqual(coded('The company received 300 orders from airlines.'), []);
});
