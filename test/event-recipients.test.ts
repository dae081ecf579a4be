// Recipients of PLOVER events read from the parse, on sentences written for these tests: the owner of what is
// helped, hit or backed is whom the act is directed at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, codedEvents } from './extraction.js';

const coded = (text: string): string[] => codedEvents(text);

test('a promise of money to rebuild a country\'s grid is made to that country', () => {
  assert.deepEqual(coded('Canada promised to give 30 million dollars to rebuild Haiti\'s hospitals.'), ['AGREE Canada -> Haiti']);
});

test('restrictions on a country\'s goods are directed at that country', () => {
  assert.deepEqual(coded('The EU\'s new restrictions on Belarusian potash will take effect in June.'), ['SANCTION European Union -> Belarus']);
});

test('aid named in a phrase the parser hangs on the verb still gives its recipient', () => {
  assert.deepEqual(coded('Officials say Japan could release $1 billion in reconstruction funding for Sri Lanka next year.'), ['AID Japan -> Sri Lanka']);
});

test('backing a person\'s bid is directed at that person, also when the parser splits the object', () => {
  assert.deepEqual(coded('The Arab League endorsed Chilean diplomat Marta Vidal\'s bid to lead the International Labour Organization.'), ['SUPPORT Arab League -> Marta Vidal']);
});

test('a protest against a state measure is directed at the state; against anything else at no one', () => {
  assert.deepEqual(coded('Thousands of teachers marched through Lisbon on Saturday against a new education law.'), ['PROTEST teachers -> Portugal']);
  assert.deepEqual(coded('Thousands of teachers marched through Lisbon on Saturday against the heat.'), ['PROTEST teachers -> ']);
});

test('a state striking a site in another state\'s territory attacks that state', () => {
  assert.deepEqual(coded('Armenian artillery hit a fuel depot in Azerbaijan\'s Tovuz district on Monday.'), ['ASSAULT Armenia -> Azerbaijan']);
});

test('a perfect the parser reads as a passive keeps its subject as the actor', () => {
  const record = extractText('Serbian troops have not withdrawn from the disputed villages, observers said.');
  assert.deepEqual(coded('Serbian troops have not withdrawn from the disputed villages, observers said.'), ['RETREAT Serbia -> ']);
  assert.equal(record.events[0]!.negated, true);
});

test('people of a nationality marching are protesters, not their state', () => {
  assert.deepEqual(coded('Tens of thousands of Chileans marched in Valparaiso on Sunday.'), ['PROTEST protesters -> ']);
});

test('threatened with arrest by a minister: one threat, by the minister, to those threatened', () => {
  assert.deepEqual(coded('Striking miners in Oruro were threatened with arrest by Interior Minister Carlos Rojas if they blocked the highway.'), ['THREATEN Carlos Rojas -> miners']);
});

test('a call partner hung under "by telephone" is a participant', () => {
  assert.deepEqual(coded('President Ama Boateng of Ghana spoke by telephone with Kenyan President Daniel Mwangi about trade.'), ['CONSULT Ama Boateng, Daniel Mwangi -> ']);
});

test('countries named as members of delegations are both participants', () => {
  const record = extractText('Delegations from Armenia and Azerbaijan met for a new round of talks in Vienna.');
  assert.equal(record.events.length, 1, JSON.stringify(record.events));
  const parties = record.events[0]!.source.map((id) => record.actors.find((a) => a.id === id)?.name).sort();
  assert.deepEqual(parties, ['Armenia', 'Azerbaijan']);
});

test('a joint operation is cooperation between its parties, with no recipient', () => {
  assert.deepEqual(coded('Police in Peru and Chile detained nine suspects in a joint operation against smuggling.'), ['COERCE Peru, Chile -> suspects', 'COOPERATE Peru, Chile -> ']);
});

test('a dropped demand concedes to the person it was made of', () => {
  const events = coded('The opposition Unity Bloc dropped its demand that President Maria Okafor resign after the talks.');
  assert.equal(events.length, 1);
  assert.match(events[0]!, /^CONCEDE .* -> Maria Okafor$/);
});

test('a withdrawal handing control to another side retreats toward it', () => {
  assert.deepEqual(coded('Serbian troops completed their withdrawal from the valley on Sunday, handing control to Albanian border guards.'), ['RETREAT Serbia -> Albania']);
});

test('a refused handover is directed at whom it would go to; a cancelled meeting at the other party', () => {
  assert.deepEqual(coded('Kenya refused to extradite the businessman Omar Said to Mogadishu.'), ['REJECT Kenya -> Somalia']);
  assert.deepEqual(coded('Tokyo abruptly cancelled a planned meeting between its trade minister and the Chinese commerce minister.'), ['REJECT Japan -> China']);
});

test('barring party leaders from politics restricts them; it is no rejection', () => {
  const types = coded('A court in Minsk dissolved the opposition Freedom Party and barred 12 of its leaders from politics.').map((e) => e.split(' ')[0]);
  assert.deepEqual(types, ['COERCE']);
});

test('a warning that an act would cross a red line is a threat to whom it is made', () => {
  assert.deepEqual(coded('In 2019, Washington warned Caracas that arresting opposition leaders would cross a red line.'), ['THREATEN United States -> Venezuela']);
});

test('a group name the entity model missed is still an actor, but a capital city is not a group', () => {
  assert.deepEqual(coded('The Azawad Liberation Movement attacked an army base near Kidal.'), ['ASSAULT Azawad Liberation Movement -> ']);
  assert.deepEqual(coded('The opposition Democratic Renewal Movement held a rally in Lusaka on Friday.'), ['PROTEST Democratic Renewal Movement -> ']);
  assert.deepEqual(coded('Chile recalled its ambassador from Buenos Aires after the Argentine minister\'s remarks.'), ['SANCTION Chile -> Argentina']);
});

test('gunmen from a named cartel act for it; captives rescued from kidnappers are not the kidnappers\'', () => {
  assert.deepEqual(coded('Julio Ortega, mayor of the Colombian town of Tame, was shot dead by gunmen from the Sonora New Generation Cartel.'), ['ASSAULT Sonora New Generation Cartel -> Julio Ortega']);
  assert.deepEqual(coded('Kenyan police rescued 12 schoolchildren from kidnappers near Lamu on Monday.'), ['AID Kenya -> schoolchildren']);
});

test('"weighing whether to send" keeps the deliberating actor and is hypothetical', () => {
  const record = extractText('Officials in Seoul are weighing whether to send warships to the Red Sea.');
  assert.deepEqual(coded('Officials in Seoul are weighing whether to send warships to the Red Sea.'), ['MOBILIZE South Korea -> ']);
  assert.equal(record.events[0]!.modality, 'hypothetical');
});

test('meeting a counterpart of the host country in its capital is a visit to that counterpart', () => {
  const record = extractText('"We had an open exchange," Finnish Foreign Minister Mikko Laine said after meeting his Swedish counterpart, Karin Holm, in Stockholm.');
  assert.deepEqual(coded('"We had an open exchange," Finnish Foreign Minister Mikko Laine said after meeting his Swedish counterpart, Karin Holm, in Stockholm.'), ['CONSULT Mikko Laine -> Karin Holm']);
  assert.equal(record.events[0]!.mode, 'visit');
});

test('a name with an acronym in it that the entity model missed is an actor ("TV Pirin")', () => {
  assert.deepEqual(coded('Security forces raided the studios of the private broadcaster TV Nord in Minsk and took its cameras.'), ['COERCE Belarus -> TV Nord']);
});

test('"any incursion will be met with a firm response", said in a quote, is the speaker\'s threat, made now', () => {
  const text = '"Any incursion into our waters will be met with a firm response," said Admiral Tomas Lindqvist, the head of the Swedish navy.';
  assert.deepEqual(coded(text), ['THREATEN Tomas Lindqvist -> ']);
  assert.equal(extractText(text).events[0]!.modality, 'asserted');
});

test('goods counted in tonnes or shipments are aid; protests by blockade, on the streets and by walking out', () => {
  assert.deepEqual(coded('Japan sent 50 tonnes of rice to Myanmar.'), ['AID Japan -> Myanmar']);
  assert.deepEqual(coded('India delivered two shipments of vaccines to Nepal last week.'), ['AID India -> Nepal']);
  assert.deepEqual(coded('Farmers blockaded the main road into Paris with tractors.'), ['PROTEST farmers -> ']);
  assert.deepEqual(coded('Opposition supporters took to the streets of Kinshasa after the vote.'), ['PROTEST opposition supporters -> ']);
  assert.deepEqual(coded('Workers at the port of Durban walked out over pay.').map((e) => e.split(' ')[0]), ['PROTEST']);
  assert.deepEqual(coded('The Ukrainian delegation walked out of the talks in Istanbul.'), ['SANCTION Ukraine -> ']);
});

test('unnamed attackers are actors, also a single one and a group noun that opens the sentence', () => {
  assert.deepEqual(coded('Gunmen killed 12 villagers in an attack on a village in Zamfara state.'), ['ASSAULT gunmen -> villagers']);
  assert.deepEqual(coded('A suicide bomber attacked a police checkpoint in Kabul.'), ['ASSAULT suicide bomber -> ']);
});

test('the possessor owns a thing, not its qualifier; a warning of a strike is a threat, of a catastrophe none', () => {
  assert.deepEqual(coded('Turkey threatened to block Sweden\'s NATO bid.'), ['THREATEN Türkiye -> Sweden']);
  assert.deepEqual(coded('The nurses\' union warned of a nationwide strike if wages were not raised.').map((e) => e.split(' ')[0]), ['THREATEN']);
  assert.deepEqual(coded('Aid agencies warned of a humanitarian catastrophe in Gaza.'), []);
});

test('a state of emergency imposed on a region is COERCE; one declared over floods is no event', () => {
  assert.deepEqual(coded('Ethiopia imposed a state of emergency in the Amhara region.'), ['COERCE Ethiopia -> ']);
  assert.deepEqual(coded('Floods forced Malawi to declare a state of emergency.'), []);
});

test('"human rights groups" is a group actor, also when the parser splits the compound into two subjects', () => {
  assert.deepEqual(coded('Human rights groups condemned the executions in Iran.').map((e) => e.split(' -> ')[0]), ['ACCUSE human rights groups']);
  assert.deepEqual(coded('Groups of protesters marched in Lima.'), ['PROTEST protesters -> ']);
});

test('retreats in other words: captives handed over, arms laid down, monitors let in, positions abandoned', () => {
  assert.deepEqual(coded('Five Thai fishermen were handed over by Cambodia at the border.').map((e) => e.split(' ')[0]), ['RETREAT']);
  assert.deepEqual(coded('Hundreds of fighters of the Rift Valley Defence Force laid down their weapons.'), ['RETREAT Rift Valley Defence Force -> ']);
  assert.deepEqual(coded('Belarus let a team of OSCE observers enter the country.'), ['RETREAT Belarus -> OSCE']);
  assert.deepEqual(coded('Ukrainian troops abandoned their positions near the town.'), ['RETREAT Ukraine -> ']);
});

test('downing tools is a strike, refusing food a hunger strike', () => {
  assert.deepEqual(coded('Miners in Silesia downed tools on Friday.'), ['PROTEST miners -> ']);
  const hunger = extractText('Omar Haddad refused food for a week.').events;
  assert.deepEqual(hunger.map((e) => `${e.type}/${e.mode}`), ['PROTEST/hunger']);
});

test('envoys called home are recalled; trade cut off is a sanction; martial law imposed; lambasting is criticism', () => {
  assert.deepEqual(coded('Hungary called its ambassador home from Kyiv.'), ['SANCTION Hungary -> Ukraine']);
  assert.deepEqual(coded('Lithuania cut off all trade with Belarus.'), ['SANCTION Lithuania -> Belarus']);
  assert.deepEqual(coded("Peru's president imposed martial law in the south."), ['COERCE Peru -> ']);
  assert.deepEqual(coded("Spain lambasted Morocco's decision."), ['ACCUSE Spain -> Morocco']);
});

test('the condition of a threat and what an accused is said to have done are not events of their own', () => {
  assert.deepEqual(coded("The dockers' union has threatened a nationwide stoppage unless the Greek government withdraws the port privatisation.").map((e) => e.split(' ')[0]), ['THREATEN']);
  assert.deepEqual(coded('Sweden accused Russia of threatening to attack its ships.').map((e) => e.split(' ')[0]), ['ACCUSE']);
});

test('a passive removal with no agent is done by the body or state it is from', () => {
  assert.deepEqual(coded('Mali was suspended from ECOWAS.'), ['SANCTION ECOWAS -> Mali']);
  assert.deepEqual(coded('A Swedish journalist was deported from Hungary.'), ['COERCE Hungary -> Sweden']);
  assert.deepEqual(coded('Two Russian diplomats were ordered out of Estonia.'), ['SANCTION Estonia -> Russia']);
});

test('"is expected to visit", "is scheduled to meet": the subject of the passive is the one who will act', () => {
  const text = 'The Kenyan president is scheduled to meet his Ugandan counterpart on Friday.';
  assert.deepEqual(coded(text), ['AGREE Kenya, Uganda -> ']);
  assert.equal(extractText(text).events[0]!.modality, 'future');
});

test('people the parser split off as a bare oblique are the recipients; an allegation in a that-clause accuses its subject', () => {
  assert.deepEqual(coded('Belarusian riot police rounded up about 40 opposition supporters in Minsk on Sunday.'), ['COERCE Belarus -> opposition supporters']);
  assert.deepEqual(coded('Kenya alleged that Somalia had armed the militia.'), ['ACCUSE Kenya -> Somalia']);
});

test('a warning "of countermeasures" the parser hung on the named object is still a threat to that object', () => {
  assert.deepEqual(coded('The Kremlin warned Finland of countermeasures should it allow American troops on its soil.'), ['THREATEN Russia -> Finland']);
});

test('an arrest ordered for an exiled person is a threat of arrest, made to that person', () => {
  const events = extractText('An Ankara court ordered the arrest of exiled journalist Selim Aksoy, who lives in Germany.').events;
  assert.deepEqual(events.map((e) => `${e.type}/${e.mode}`), ['THREATEN/arrest']);
  assert.deepEqual(coded('A Cairo court ordered the arrest of the blogger Ahmed Samir.'), ['COERCE Egypt -> Ahmed Samir']);
});

test('a place held by a side belongs to it; arms laid down before peacekeepers are surrendered to them', () => {
  assert.deepEqual(coded('Ukrainian drones struck Russian-occupied towns.'), ['ASSAULT Ukraine -> Russia']);
  assert.deepEqual(coded("Azerbaijan's president warned that his army could take the remaining Armenian-held villages by force."), ['THREATEN Azerbaijan -> Armenia']);
  assert.deepEqual(coded('The Rift Valley Defence Force handed in its weapons before ECOWAS monitors.'), ['RETREAT Rift Valley Defence Force -> ECOWAS']);
});

test('civilians occupying any building or staying away from classes protest', () => {
  assert.deepEqual(coded('Workers occupied the factory in Lodz.'), ['PROTEST workers -> ']);
  assert.deepEqual(coded('Students stayed away from classes in protest at the fee rise.'), ['PROTEST students -> ']);
  assert.deepEqual(coded('Russian troops occupied the airport.').filter((e) => e.startsWith('PROTEST')), []);
});

test('a boat intercepted is seized, a missile intercepted is not; reopening talks is resuming them', () => {
  assert.deepEqual(coded('The Greek navy intercepted a Turkish freighter.').map((e) => e.split(' ')[0]), ['COERCE']);
  assert.deepEqual(coded('Israel intercepted the missile over Haifa.'), []);
  assert.deepEqual(coded('Armenia and Azerbaijan will reopen talks in Vienna.'), ['AGREE Armenia, Azerbaijan -> ']);
});

test('protesters demanding something from a government protest against its state', () => {
  assert.deepEqual(coded('Farmers marched through Lima to demand compensation from the government.'), ['PROTEST farmers -> Peru']);
  assert.deepEqual(coded('Students rallied in Dakar to demand cheaper meals.'), ['PROTEST students -> ']);
});

test('crowds that loot, torch or ransack riot, and are named as rioters; soldiers looting are no protest', () => {
  assert.deepEqual(coded('A mob ransacked the electoral commission office in Lusaka.'), ['PROTEST rioters -> ']);
  assert.deepEqual(coded('Soldiers looted the village.').filter((e) => e.startsWith('PROTEST')), []);
});

test('one ship striking another is a collision, not an attack; a warship firing on a boat still attacks', () => {
  assert.deepEqual(coded('The ferry Nordlys was struck on its bow by the Polar Star, a Latvian tanker.'), []);
  assert.deepEqual(coded('A Maltese freighter hit the fishing boat Agios Nikolaos off Crete on Tuesday.'), []);
  assert.deepEqual(coded('A Turkish warship fired on a Greek fishing boat.').map((e) => e.split(' ')[0]), ['ASSAULT']);
});

test('"it" in a reported clause never stands for the person reporting it', () => {
  assert.deepEqual(coded('Dumont said the African Union supported the peace mission and would help to pay for it.').filter((e) => e.endsWith('Dumont')), []);
});

test('talks a state will host or hold are a planned meeting, not a promise', () => {
  const record = extractText('Portugal will host crisis talks in Lisbon on Friday on water rights, its prime minister said.');
  assert.deepEqual(record.events.map((e) => `${e.type} ${e.modality}`), ['CONSULT future']);
});

test('a conditional harm by the speaker\'s side is a threat also when the parser hangs the condition on a noun', () => {
  assert.deepEqual(coded('Peru\'s deputy trade minister, Rosa Ibarra, said Lima would “review the work” of the joint Peruvian-Chilean water council if the United States imposed sanctions on Peruvian banks and Chile followed suit.'), ['THREATEN Rosa Ibarra -> United States']);
});

test('a threat to suspend years of cooperation with a state is aimed at that state, not at a fleet sent alongside', () => {
  assert.deepEqual(coded('Ankara has threatened to suspend years of gas cooperation with Athens and has sent a Black Sea Fleet frigate to guard Turkish tankers.').filter((e) => e.startsWith('THREATEN')), ['THREATEN Türkiye -> Greece']);
});

test('a unit reported sent by its state is mobilised by that state, not by the unit', () => {
  assert.deepEqual(coded('In a statement, the Turkish defence ministry said an Aegean Fleet frigate had been dispatched to protect Turkish tankers.'), ['MOBILIZE Türkiye -> ']);
  assert.deepEqual(coded('Turkey threatened on Monday to suspend its gas deal with Greece and said an Aegean Fleet frigate had been sent to escort Turkish tankers.'), ['THREATEN Türkiye -> Greece', 'MOBILIZE Türkiye -> ']);
});

test('a pluperfect act in a relative clause the parser did not read as one is still background', () => {
  const record = extractText('Haddad also said Lebanon would send a delegation to the next regular session of the joint Lebanese-Syrian border commission, whose future he had threatened to review this month if Syria joined Iranian sanctions on a Lebanese shipping company.');
  assert.deepEqual(record.events.filter((e) => e.type === 'THREATEN').map((e) => e.modality), ['historical']);
});

test('a threat to suspend cooperation the parser reads as a bare oblique is still aimed at the partner', () => {
  assert.deepEqual(coded('Turkey threatened on Monday to suspend its decades-old energy cooperation with Greece.'), ['THREATEN Türkiye -> Greece']);
});

test('an act in a present-tense "until" clause has not happened and is not coded', () => {
  assert.deepEqual(coded('Until Ankara accepts the new border line, the navy will keep patrolling the strait, the admiral said.'), []);
  assert.deepEqual(coded('“Until Ankara accepts the border line, the navy will be patrolling waters that many captains do not recognise,” Demir said.'), []);
});

test('help a body says it would give is a promise (AGREE, future), like any promised aid', () => {
  const record = extractText('Dumont said the African Union supported the peace mission and would help to pay for it.');
  assert.deepEqual(record.events.map((e) => `${e.type} ${e.modality}`), ['SUPPORT asserted', 'AGREE future']);
});
