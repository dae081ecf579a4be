// General patterns found on texts written after the coder was tuned (ev471 to ev530): concessions agreed to and whom
// they answer, the addressee of a message that carries a verbal act. Sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codedEvents } from './extraction.js';

const coded = (text: string): string[] => codedEvents(text, '2026-05-04', true);

test('an agreement to scrap a tax or lift a restriction is the concession itself', () => {
  assert.deepEqual(coded('The Romanian government agreed on Monday to scrap the fuel levy.'), ['CONCEDE Romania -> ']);
  assert.deepEqual(coded('Hungary promised to lift the curfew in Szeged.'), ['CONCEDE Hungary -> ']);
});

test('a concession made under pressure goes to whoever pressed for it', () => {
  assert.deepEqual(coded('Under pressure from fishermen, Portugal agreed to drop the new licence fees.'), ['CONCEDE Portugal -> fishermen']);
  assert.deepEqual(coded('Bowing to pressure from farmers, Poland lifted the ban on fertiliser imports.'), ['CONCEDE Poland -> farmers']);
});

test('the addressee of a letter is the recipient of the request it carries', () => {
  assert.deepEqual(coded('In a letter to NATO, Moldova requested help in clearing mines near its border with Ukraine.'), ['REQUEST Moldova -> NATO']);
  // an offer goes to whom it helps, an accusation to the accused, not to whoever receives the letter
  assert.deepEqual(coded('In a letter to the United Nations, Chile offered to send engineers to Haiti.'), ['AGREE Chile -> Haiti']);
  assert.deepEqual(coded('In a statement to the African Union, Chad accused Sudan of arming rebels.'), ['ACCUSE Chad -> Sudan']);
});

test('people working for a state act as that state', () => {
  assert.deepEqual(coded('Hackers working for Iranian intelligence knocked the Albanian parliament\'s website offline on Monday.'), ['COERCE Iran -> Albania']);
  assert.deepEqual(coded('Agents working for Belarus broke into the email accounts of Lithuanian officials.'), ['COERCE Belarus -> Lithuania']);
});

test('an intrusion into computers is a cyber attack on whoever owns them', () => {
  assert.deepEqual(coded('Chinese state hackers breached the email accounts of Czech diplomats.'), ['COERCE China -> Czechia']);
  assert.deepEqual(coded('North Korean hackers broke into the servers of a Japanese bank.'), ['COERCE North Korea -> Japan']);
});

test('an order with the harm that follows disobeying it is a threat', () => {
  assert.deepEqual(coded('Nigerian police told the protesters to go home or face arrest.'), ['THREATEN Nigeria -> protesters']);
  assert.deepEqual(coded('Gunmen told farmers in Katsina to pay a levy or be killed.'), ['THREATEN gunmen -> farmers']);
  assert.deepEqual(coded("Mali's junta told the French ambassador to leave within 72 hours or face arrest."), ['THREATEN Mali -> France']);
  // an order with no harm named stays what it is (ordering an envoy to leave expels him: SANCTION expel, README)
  assert.deepEqual(coded('Mali ordered the French ambassador to leave the country.'), ['SANCTION Mali -> France']);
  assert.deepEqual(coded('Mali ordered the Norwegian Refugee Council to leave the country.'), ['COERCE Mali -> Norwegian Refugee Council']);
});

test('a hyphenated "flood-hit" or "war-torn" modifier leaves the state it describes as the recipient', () => {
  assert.deepEqual(coded('Japan sent tents and blankets to quake-hit Afghanistan.'), ['AID Japan -> Afghanistan']);
  assert.deepEqual(coded('Canada Sends Medical Supplies to Cyclone-Hit Mozambique'), ['AID Canada -> Mozambique']);
  assert.deepEqual(coded('Chinese aid arrived in war-torn Sudan on Monday.'), ['AID China -> Sudan']);
});

test('an order in the imperative, quoted, is the speaker\'s request to whom it is told', () => {
  assert.deepEqual(coded('"Release our fishermen," Sri Lankan Foreign Minister Ravi Perera told India.'), ['REQUEST Ravi Perera -> India']);
  assert.deepEqual(coded('"Open the border crossings and let the aid through," UN envoy Lina Haddad told Israeli officials on Monday.'), ['REQUEST Lina Haddad -> Israel']);
  // a statement in the quote is not an order
  assert.ok(!coded('"We released the fishermen," the Indian foreign minister said.').some((e) => e.startsWith('REQUEST')));
});

test('triggers from the PLOVER definitions: upgraded relations, suspended access, money deposited', () => {
  assert.deepEqual(coded('Chile and Peru upgraded their ties to a strategic partnership on Monday.'), ['SUPPORT Chile, Peru -> ']);
  assert.deepEqual(coded('Iran suspended access to the messaging app WhatsApp on Friday.'), ['COERCE Iran -> WhatsApp']);
  assert.deepEqual(coded("Qatar deposited $1 billion in Egypt's central bank."), ['AID Qatar -> Egypt']);
});

test('the condition and the harms of a threat are its content, not events of their own', () => {
  // "unless Brussels releases frozen funds" is the threat's condition, though the parser reads it as a relative clause
  assert.deepEqual(coded('Slovak Prime Minister Jan Horvat threatened to block the European Union\'s budget unless Brussels releases frozen funds to Bratislava.'), ['THREATEN Jan Horvat -> European Union']);
  // a second harm coordinated with the first is the same threat, aimed at whom the warning addresses
  assert.deepEqual(coded('"If their jets enter our airspace again, we will shoot them down and strike their bases," Estonian Defence Minister Mart Kask warned Russia.'), ['THREATEN Mart Kask -> Russia']);
});

test('"them" as an object is the nearest group of people named before it', () => {
  const events = coded('Thousands of nurses rallied outside parliament in Lisbon, where police fired tear gas to disperse them.');
  assert.ok(events.includes('ASSAULT Portugal -> nurses'), events.join(' | '));
});

test('exiles, captors and relatives are groups of people', () => {
  assert.deepEqual(coded('Belarus seized the passports of exiles returning from Poland.'), ['COERCE Belarus -> exiles']);
});
