// Actors of PLOVER events found through harder constructions, on sentences written for these tests: misparsed
// relative clauses, pronouns, nationality adjectives, headlines, passives without an agent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, codedEvents } from './extraction.js';

const coded = (text: string): string[] => codedEvents(text);

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

test('people protesting are a group named by their plural noun; an embassy protested at stands for its state', () => {
  assert.deepEqual(coded('Hundreds of Tamils rallied outside the Sri Lankan embassy in London on Sunday.'), ['PROTEST Tamils -> Sri Lanka']);
});

test('a boycott of a nation\'s goods is aimed at that nation; staying away from parliament at its state', () => {
  assert.deepEqual(coded('Shoppers in Jordan are boycotting Danish dairy products.'), ['PROTEST shoppers -> Denmark']);
  assert.deepEqual(coded("Hungary's opposition stayed away from the budget session of parliament on Tuesday."), ['PROTEST opposition -> Hungary']);
});

test('a blockade promised on a condition is a threat, by the unions that promise it, to the government named in the condition', () => {
  assert.deepEqual(coded("Farmers' unions in Ireland said they would block motorways around Dublin if the government cut the subsidies."), ["THREATEN farmers' unions -> Ireland"]);
});

test('a body named by whom it organises keeps its organisation word and every word of the possessor', () => {
  assert.deepEqual(coded("The port workers' federation threatened a strike against the Chilean government on Monday."), ["THREATEN port workers' federation -> Chile"]);
  assert.deepEqual(coded("Teachers' associations in Peru staged a march through Lima on Friday."), ["PROTEST teachers' associations -> "]);
});

test('a possessive pronoun inside a reported subject refers to the reporter', () => {
  assert.deepEqual(coded('Poland said its troops had detained two suspects at the border.'), ['COERCE Poland -> suspects']);
});

test('a name the name model missed, after what the person is, is the person', () => {
  assert.deepEqual(coded('Police detained the blogger Otabek Yusupov in Tashkent on Monday.'), ['COERCE Uzbekistan -> Otabek Yusupov']);
});

test('a refused handover is directed at whom it would go to, even when the person handed over is named', () => {
  assert.deepEqual(coded('Armenia refused to extradite the businessman Davit Sargsyan to Moscow.'), ['REJECT Armenia -> Russia']);
});

test('"the opposition" before a group\'s name is no second actor', () => {
  const record = extractText('The opposition Democratic Renewal Movement staged a rally in Tbilisi against the new media law.');
  assert.deepEqual(record.events.map((e) => e.source.length), [1]);
});

test('paint thrown at a building is vandalism; students gathering outside a ministry protest against its state', () => {
  assert.deepEqual(coded('Three Greenpeace activists threw green paint over the facade of the Danish energy ministry in Copenhagen.').map((e) => e.split(' ')[0]), ['PROTEST']);
  assert.deepEqual(coded('Hundreds of students gathered outside the education ministry in Accra on Thursday.'), ['PROTEST students -> Ghana']);
});

test('a demonym and an institution read as one name stand for the state', () => {
  assert.deepEqual(coded('The Mexican navy rescued nine fishermen off Veracruz.'), ['AID Mexico -> fishermen']);
});

test('aid: a recipient hung inside the amount; people sent with the aid are not its recipient', () => {
  assert.deepEqual(coded('Canada pledged $200 million in humanitarian aid to Sudan on Monday.'), ['AGREE Canada -> Sudan']);
  assert.deepEqual(coded('Norway sent three field hospitals and 60 medics to Malawi.'), ['AID Norway -> Malawi']);
});

test('threats: whom the threatened act is done to, a reporter of a threat that names no one, "would not hesitate to"', () => {
  assert.deepEqual(coded('A Kurdish militia threatened to kill any journalists who entered the valley.'), ['THREATEN Kurdish militia -> journalists']);
  assert.deepEqual(coded('A Venezuelan government spokesperson said any Guyanese drilling in the disputed waters would be met with force.'), ['THREATEN Venezuela -> Guyana']);
  assert.deepEqual(coded('Iran said it would not hesitate to attack Israeli ships if Israel blocked the strait.'), ['THREATEN Iran -> Israel']);
});

test('revoking a broadcaster\'s licence is censorship of the broadcaster named in apposition', () => {
  assert.deepEqual(coded("Hungary's media council revoked the licence of the independent broadcaster Radio Klara.").map((e) => e.replace(/ .*->/, ' ->')), ['COERCE -> Radio Klara']);
});

test('a title-case headline with a plural organ before a base-form verb', () => {
  assert.deepEqual(coded('Ghanaian Police Detain 30 Students in Kumasi'), ['COERCE Ghana -> students']);
});

test('agentless passives: an envoy recalled by the state he serves; an arrest by the state it happens in', () => {
  assert.deepEqual(coded("Mali's ambassador to Paris was recalled on Monday."), ['SANCTION Mali -> France']);
  assert.deepEqual(coded('Opposition leader Rosa Quintero has been placed under house arrest in Caracas.'), ['COERCE Venezuela -> Rosa Quintero']);
});

test('ordering people to stay indoors is a curfew, with no recipient', () => {
  assert.deepEqual(coded('Tajik authorities ordered villagers in the Rasht valley to stay indoors after dark.'), ['COERCE Tajikistan -> ']);
});

test('an allegation made as a that-clause the parser hung on "that" accuses its subject', () => {
  assert.deepEqual(coded('Egypt charged that Ethiopia was hoarding water behind the dam.'), ['ACCUSE Egypt -> Ethiopia']);
});

test('a show of force is aimed at whom its purpose names', () => {
  assert.deepEqual(coded('Poland sent two warships to the Baltic on Monday to shadow Russian submarines.'), ['MOBILIZE Poland -> Russia']);
});

test('a party calling for an end to its fighting with someone commits to that someone', () => {
  assert.deepEqual(coded('The Sahel Liberation Movement called for an end to the fighting with Malian troops.'), ['AGREE Sahel Liberation Movement -> Mali']);
});

test('"students who had gathered outside the parliament": a relative clause\'s "who" is its noun', () => {
  const events = coded('Soldiers detained 40 students who had gathered outside the parliament in Bamako on Friday.');
  assert.ok(events.includes('PROTEST students -> Mali'), events.join(' | '));
});

test('police named with no state act for the only state the sentence names', () => {
  assert.deepEqual(coded('Police fired water cannon at farmers in Lima on Monday.'), ['ASSAULT Peru -> farmers']);
});

test('a court jailing someone for a term convicts and imprisons', () => {
  assert.deepEqual(coded('A court in Tashkent jailed blogger Dilnoza Karimova for six years on Monday.'), ['COERCE Uzbekistan -> Dilnoza Karimova', 'SANCTION Uzbekistan -> Dilnoza Karimova']);
});

test('an outlet named after its kind ("the messaging app Telegram") is the recipient of censorship', () => {
  assert.deepEqual(coded('Iran blocked access to the messaging app Telegram on Sunday.'), ['COERCE Iran -> Telegram']);
});

test('forces qualified by a people that is no state are a group of their own', () => {
  assert.deepEqual(coded('Ethiopian troops did not attack Oromo forces near Nekemte, the army said.'), ['ASSAULT Ethiopia -> Oromo forces']);
});

test('a hyphenated two-syllable given name ("Lin Mei-hua") is one name', () => {
  assert.deepEqual(coded('Taiwanese President Lin Mei-hua invited Philippine President Ramon Cruz to visit Taipei.'), ['AGREE Lin Mei-hua -> Ramon Cruz']);
});

test('"the miners\' union" is one body; a condition read as a conjunct still says whom a threat is aimed at', () => {
  assert.deepEqual(coded("The nurses' union has threatened a nationwide walkout unless the Irish government restores the bonus."), ["THREATEN nurses' union -> Ireland"]);
});

test('title-case headlines with a group of civilians as subject, placed or qualified by a country', () => {
  assert.deepEqual(coded('Doctors in Ghana Down Tools Over Unpaid Salaries'), ['PROTEST doctors -> ']);
  assert.deepEqual(coded('Romanian Miners Down Tools Over Pit Closures'), ['PROTEST miners -> ']);
  assert.deepEqual(coded('Nurses Strike Across Portugal Over Pay'), ['PROTEST nurses -> ']);
});

test('"Security forces" with no country are the forces of the only state the sentence places the act in', () => {
  assert.deepEqual(coded('Security forces rounded up 40 students in overnight raids across Harare.'), ['COERCE Zimbabwe -> students']);
});

test('a capitalised plural noun opening a sentence is no person: its members are the actors', () => {
  assert.deepEqual(coded('Warships from Greece and Egypt began joint manoeuvres in the Mediterranean on Monday.'), ['COOPERATE Greece, Egypt -> ']);
});

test('a nationality adjective before an organised body stays in its label', () => {
  assert.deepEqual(coded("Hungarian teachers' unions suspended their strike on Friday.").map((e) => e.split(' -> ')[0]), ["CONCEDE Hungarian teachers' unions"]);
});

test('UN agencies are named organisations', () => {
  assert.deepEqual(coded('The World Food Programme sent 500 tonnes of rice to Malawi.'), ['AID World Food Programme -> Malawi']);
});

test('an organised body the parser split at the apostrophe into two subjects is still one body', () => {
  assert.deepEqual(coded("Polish farmers' unions threatened to block the border with Ukraine.").map((e) => e.split(' -> ')[0]), ["THREATEN Polish farmers' unions"]);
});

test('a prison sentence to a term is a conviction and an arrest of the named person', () => {
  assert.deepEqual(coded('A court in Baku sentenced journalist Rauf Mammadov to seven years in prison.'), ['COERCE Azerbaijan -> Rauf Mammadov', 'SANCTION Azerbaijan -> Rauf Mammadov']);
});

test('"It also said it would ..." in a second sentence continues the first sentence\'s subject', () => {
  const events = coded("Latvia's foreign ministry summoned the Russian ambassador. It also said it would expel two Russian diplomats.");
  assert.ok(events.includes('SANCTION Latvia -> Russia'), events.join(' | '));
});

test('crowd-control weapons used to disperse people are aimed at them', () => {
  assert.deepEqual(coded('Kenyan police used tear gas to disperse hundreds of traders in Nairobi.'), ['ASSAULT Kenya -> traders']);
});

test('allies, neighbours and critics are not the party they are named after', () => {
  const record = extractText('The two US allies agreed on Friday to share radar data.');
  assert.ok(!record.events.some((e) => e.source.some((id) => record.actors.find((a) => a.id === id)?.name === 'United States')), JSON.stringify(record.events));
  const quoted = extractText('Japan and South Korea, the two closest US allies in Asia, seek to put decades of disputes behind them, officials said.');
  assert.ok(!quoted.stances.some((s) => quoted.actors.find((a) => a.id === s.holder)?.name === 'United States'), JSON.stringify(quoted.stances));
});

test('a titled name after a nationality adjective is whom one met, and a title coordinated after it shares its country', () => {
  assert.deepEqual(coded('Japanese Foreign Minister Takeshi Iwaya met Ukrainian President Volodymyr Zelensky in Kyiv.'), ['CONSULT Takeshi Iwaya, Volodymyr Zelensky -> ']);
  const record = extractText('Iwaya met Ukrainian President Volodymyr Zelensky and Prime Minister Yulia Svyrydenko.');
  assert.equal(record.actors.find((a) => a.name === 'Yulia Svyrydenko')?.country, 'UKR');
  // (not an organisation's officer named next: "and EU trade commissioner Luc Verhaegen")
  const officer = extractText('Norwegian Foreign Minister Ingrid Vatne-Dahl and EU trade commissioner Luc Verhaegen attended the session.');
  assert.equal(officer.actors.find((a) => a.name === 'Luc Verhaegen')?.country, null);
});

test('a title and a name read as two subjects are one titled person', () => {
  assert.deepEqual(coded('European Commission President Ursula von der Leyen met Saudi Crown Prince Mohammed bin Salman.'), ['CONSULT Ursula von der Leyen, Mohammed bin Salman -> ']);
});
