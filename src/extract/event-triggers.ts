// The words that express PLOVER events, by lemma, written from the category and mode definitions of the PLOVER
// manual (../shared/data/plover/PLOVER_MANUAL.tex). A verb's sense often depends on what it acts on ("lifted the
// curfew" concedes, "lifted the boat" is nothing; "released prisoners" is a retreat, "released funds" aid), so a verb
// lists its readings most specific first: by the head of its object, by a particle or preposition, by the content
// clause it takes, and last the verb alone when the verb alone is unambiguous.
import type { PloverType } from '../contract.js';

export interface Sense {
  type: PloverType;
  mode?: string;
}

export interface VerbReading extends Sense {
  /** The head lemma of the direct object (or of the passive subject) must be one of these. */
  object?: ReadonlySet<string>;
  /** A particle or the preposition of an oblique must be this ("pull out", "call for", "fire on"). */
  particle?: string;
  /** The verb takes a to-infinitive or clause whose verb is one of these ("refused to meet"). */
  content?: ReadonlySet<string>;
  /** The head lemma of an oblique must be one of these ("took Russia to court"). */
  oblique?: ReadonlySet<string>;
  /** The head lemma of the subject must be one of these ("troops will leave Mali"). */
  subject?: ReadonlySet<string>;
  /** The reading needs a direct object or passive subject (any). */
  needsObject?: boolean;
  /** The reading does not hold when the object is one of these ("asked questions" is no request). */
  unless?: ReadonlySet<string>;
}

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

// What an act is done to, as head lemmas of the object phrase.
export const RESTRICTIONS = words('curfew ban restriction sanction embargo blockade emergency siege lockdown limit cap moratorium quarantine rule requirement visa tariff duty control');
export const TROOPS = words('troop force soldier unit battalion brigade battlegroup reservist division fighter personnel officer police contingent marine paratrooper guard army militia commando sailor');
export const WEAPONS = words('missile tank artillery warship ship vessel frigate carrier submarine jet aircraft bomber drone minesweeper weapon battery system vehicle destroyer rocket launcher warplane helicopter fleet corvette patrol howitzer');
export const CAPTIVES = words('prisoner hostage detainee captive crew sailor journalist activist engineer national citizen child worker soldier student fisherman teacher tourist dissident opponent critic member leader');
export const AID_GOODS = words('aid assistance supply food rice wheat grain flour blanket medicine fund funding money loan grant credit tranche equipment vaccine tent dollar euro million billion package relief shelter fuel donation assets help support unit bailout $ € £ hospital medic doctor nurse rescuer firefighter water ration parcel kit maize corn sorghum seed seeds fertiliser fertilizer generator generators ambulance ambulances monitor monitors observer observers');
/** People a state shelters or frees from captors: taking them in or rescuing them is aid (the manual's asylum and hostage rescue). */
export const VICTIMS = words('refugee refugees migrant migrants asylum-seeker asylum-seekers hostage hostages victim victims captive captives');
export const MEETINGS = words('meeting talk talks visit summit trip negotiation negotiations session conference consultation dialogue round encounter');
export const RELATIONS = words('relation relations tie ties link links contact contacts');
export const DIPLOMATS = words('ambassador envoy diplomat consul charge attaché attache representative mission staff');
export const DEMANDS = words('demand claim request condition objection call insistence opposition veto');
export const PROTEST_ACTIONS = words('strike protest blockade boycott rally march sit-in demonstration walkout action');
export const MEASURES = words('bill law plan proposal measure reform decree rule policy legislation amendment candidacy bid');
export const INFORMATION = words('intelligence information data file files record records evidence recorder');
export const TRADE = words('import imports export exports trade flight flights shipment shipments border crossing route routes service services');
export const ENERGY = words('electricity gas oil power energy water fuel');
export const DEBT = words('debt debts loan loans obligation obligations arrears');
export const CENSORED = words('internet website websites site app application network platform newspaper broadcaster channel station outlet publication media access account accounts');
export const ORGANISATIONS = words('party parties organisation organization group movement union ngo association newspaper broadcaster opposition');
export const PLACES_ATTACKED = words('position positions base bases target targets city town village port refinery station plant infrastructure school hospital market convoy camp building buildings headquarters compound depot facility grid airport bridge house houses home homes block');

/** Verbs of saying something that is no act toward anyone: refusing them is not a rejection ("declined to comment"). */
export const COMMENT_VERBS = words('comment say speak elaborate answer respond confirm discuss disclose reveal specify give take name identify explain speculate');

/** Content verbs that make a vow or a warning a threat: harm, force or a cut in relations. */
export const HARMFUL_CONTENT = words('attack strike retaliate respond destroy annex invade expel eject oust evict sanction punish ban cut suspend freeze arrest seize bomb sink shoot kill crush hit block blockade shut paralyse paralyze close halt stop impose use act defend occupy take review end');

const VERBS = new Map<string, VerbReading[]>();
function verb(lemmas: string, ...readings: VerbReading[]): void {
  for (const lemma of lemmas.split(/\s+/)) VERBS.set(lemma, [...(VERBS.get(lemma) ?? []), ...readings]);
}

// AGREE: offers, promises and commitments to cooperate, invitations, acceptance of an offer.
verb('agree', { type: 'AGREE' });
// an apology offered or extended is made, not promised (CONCEDE: regret and apologies)
verb('offer extend tender', { type: 'CONCEDE', object: words('apology apologies regret') });
verb('pledge promise commit offer vow', { type: 'AGREE' });
verb('invite', { type: 'AGREE' });
verb('accept', { type: 'AGREE', needsObject: true });
// consenting to mediation, settling on a text: a commitment
verb('consent', { type: 'AGREE', particle: 'to' });
verb('settle', { type: 'AGREE', particle: 'on' });

// CONSULT: meetings, visits, calls, mediation.
verb('meet', { type: 'CONSULT', object: words('demand condition') }, { type: 'CONSULT' });
verb('negotiate confer consult', { type: 'CONSULT' });
// "Brazil and Argentina discussed trade": discussions between parties (the coder keeps it only with two or more)
verb('discuss', { type: 'CONSULT' });
verb('visit tour', { type: 'CONSULT', mode: 'visit', needsObject: true });
verb('host receive', { type: 'CONSULT', mode: 'visit', needsObject: true });
/** Whom one hosts on a visit: leaders, officials, delegations. */
export const VISITORS = words('president president-elect minister ministers leader leaders counterpart counterparts delegation delegations envoy envoys king queen prince chancellor premier emir sultan pope secretary commissioner head heads');
verb('welcome greet', { type: 'CONSULT', mode: 'visit', object: VISITORS });
verb('phone telephone', { type: 'CONSULT', mode: 'phone' });
// "ministers from the G7 convened in Tokyo": officials coming together meet
verb('convene', { type: 'CONSULT', subject: words('minister ministers leader leaders delegate delegates envoy envoys official officials diplomat diplomats negotiator negotiators representative representatives') });
verb('mediate', { type: 'CONSULT', mode: 'third-party' });

// SUPPORT: political backing, praise, recognition, signing and ratifying, relations opened or restored.
verb('sign initial countersign co-sign', { type: 'SUPPORT', needsObject: true });
// "threw its weight behind", "sided with", "rallied behind": political backing
verb('throw', { type: 'SUPPORT', particle: 'behind', object: words('weight') });
verb('side', { type: 'SUPPORT', particle: 'with' });
verb('rally', { type: 'SUPPORT', particle: 'behind' });
verb('champion', { type: 'SUPPORT', needsObject: true });
verb('ratify endorse praise commend hail back support recognise recognize applaud congratulate', { type: 'SUPPORT', needsObject: true });
// thanking a party for what it did is praise of it ("Bogota thanked Caracas for the gesture")
verb('thank', { type: 'SUPPORT', needsObject: true });
verb('stand', { type: 'SUPPORT', particle: 'behind' }, { type: 'SUPPORT', particle: 'with' });
verb('welcome', { type: 'SUPPORT', needsObject: true });
verb('establish restore normalise normalize resume', { type: 'SUPPORT', object: RELATIONS });
verb('reopen', { type: 'SUPPORT', object: words('embassy consulate') });
// "upgraded their relations to a strategic partnership", "deepened ties": improved or expanded diplomatic cooperation
verb('upgrade deepen strengthen expand improve elevate', { type: 'SUPPORT', object: new Set([...RELATIONS, ...words('partnership partnerships')]) });
verb('approve', { type: 'AID', object: words('loan grant aid package assistance credit funding tranche disbursement bailout') }, { type: 'SUPPORT', object: MEASURES });

// CONCEDE: verbal concessions: easing and lifting restrictions, pardons and acquittals, apologies, dropped demands,
// called-off protests, declared ceasefires, withdrawn bills.
verb('ease lift relax', { type: 'CONCEDE', object: RESTRICTIONS });
verb('pardon acquit amnesty apologise apologize concede relent', { type: 'CONCEDE' });
// undoing a restriction or a ruling: "reversed its ban", "rescinded the decree", "commuted the death sentences",
// "waived its veto"
verb('reverse rescind repeal overturn revoke', { type: 'CONCEDE', object: new Set([...RESTRICTIONS, ...words('decree order decision ruling measure policy law sentence sentences conviction')]) });
verb('commute', { type: 'CONCEDE', object: words('sentence sentences penalty') });
verb('waive', { type: 'CONCEDE', object: new Set([...DEMANDS, ...words('requirement requirements fee fees')]) });
verb('drop abandon scrap shelve', { type: 'CONCEDE', object: words('demand claim condition objection opposition veto charge charges case plan bill proposal law lawsuit tax taxes levy levies toll tolls fee fees tariff tariffs') });
verb('call', { type: 'CONCEDE', particle: 'off', object: PROTEST_ACTIONS });
// ("announced a 90-day ceasefire" declares it, as the manual's declared, not implemented, ceasefire)
verb('announce proclaim', { type: 'CONCEDE', object: words('ceasefire truce') });
verb('declare', { type: 'CONCEDE', object: words('ceasefire truce') }, { type: 'COERCE', mode: 'martial-law', object: words('law emergency siege') });
verb('suspend end halt', { type: 'CONCEDE', object: PROTEST_ACTIONS });
verb('withdraw', { type: 'CONCEDE', object: MEASURES }, { type: 'CONCEDE', object: DEMANDS }, { type: 'CONCEDE', object: words('cut cuts tax taxes levy levies hike hikes increase increases fee fees tariff tariffs') });
verb('back', { type: 'CONCEDE', particle: 'down' });

// RETREAT: material concessions: withdrawals, releases, resignations, disarmament, access allowed.
verb('withdraw', { type: 'SANCTION', mode: 'withdraw', object: DIPLOMATS }, { type: 'SANCTION', mode: 'withdraw', object: AID_GOODS }, { type: 'RETREAT', mode: 'withdraw' });
verb('pull', { type: 'RETREAT', mode: 'withdraw', particle: 'out' }, { type: 'RETREAT', mode: 'withdraw', particle: 'back' });
verb('retreat evacuate', { type: 'RETREAT', mode: 'withdraw' });
// giving up held ground; abandoning a demand or a plan is a verbal concession (above)
verb('abandon vacate cede surrender', { type: 'RETREAT', mode: 'withdraw', object: PLACES_ATTACKED }, { type: 'RETREAT', mode: 'disarm', object: words('weapon weapons arm arms') });
verb('release free', { type: 'AID', object: AID_GOODS }, { type: 'RETREAT', mode: 'release', needsObject: true });
verb('swap exchange', { type: 'RETREAT', mode: 'release', object: words('prisoner prisoners captive captives detainee detainees hostage hostages') }, { type: 'COOPERATE', object: INFORMATION });
verb('resign quit', { type: 'RETREAT', mode: 'resign' });
verb('step', { type: 'RETREAT', mode: 'resign', particle: 'down' }, { type: 'RETREAT', mode: 'resign', particle: 'aside' });
verb('disarm demobilize demobilise', { type: 'RETREAT', mode: 'disarm' });
verb('return repatriate', { type: 'RETREAT', mode: 'release', object: CAPTIVES });
verb('hand', { type: 'AID', particle: 'over', object: AID_GOODS }, { type: 'RETREAT', mode: 'release', particle: 'to', object: CAPTIVES }, { type: 'COOPERATE', particle: 'to', object: words('suspect suspects fugitive fugitives') }, { type: 'RETREAT', mode: 'disarm', particle: 'in' }, { type: 'RETREAT', mode: 'release', particle: 'back' }, { type: 'RETREAT', mode: 'disarm', particle: 'over', object: words('weapon weapons arms rifle rifles gun guns mortar mortars ammunition grenade grenades explosive explosives') },
  // handing over captives frees them; handing over anything else (files, suspects) is cooperation
  { type: 'RETREAT', mode: 'release', particle: 'over', object: CAPTIVES }, { type: 'COOPERATE', particle: 'over' });
verb('lay', { type: 'RETREAT', mode: 'disarm', particle: 'down', object: words('weapon weapons arm arms') });
// letting observers or aid in: "allowed monitors into", "let inspectors enter the country"
verb('allow admit let', { type: 'RETREAT', mode: 'access', particle: 'into' }, { type: 'RETREAT', mode: 'access', content: words('enter visit access reach') }, { type: 'RETREAT', mode: 'access', object: words('access inspector inspectors observer observers monitor monitors team') });
verb('observe respect honour honor', { type: 'RETREAT', mode: 'ceasefire', object: words('ceasefire truce armistice') });
// "held their fire": stopping shooting is observing a ceasefire
verb('hold', { type: 'RETREAT', mode: 'ceasefire', object: words('fire') });

// COOPERATE: mutual material cooperation: joint operations, intelligence sharing, extradition, trade resumed.
verb('cooperate collaborate coordinate', { type: 'COOPERATE' });
// "teamed up to fight smuggling", "pooled resources", "joined forces"
verb('team', { type: 'COOPERATE', particle: 'up' });
verb('pool', { type: 'COOPERATE', object: words('resource resources effort efforts fund funds intelligence capability capabilities') });
verb('join', { type: 'COOPERATE', object: words('force forces') });
verb('share', { type: 'COOPERATE', object: INFORMATION });
verb('extradite', { type: 'COOPERATE', needsObject: true });
verb('resume restart', { type: 'COOPERATE', object: TRADE }, { type: 'COOPERATE', object: words('cooperation') });
verb('reopen open', { type: 'RETREAT', mode: 'access', object: words('crossing corridor'), particle: 'to' }, { type: 'COOPERATE', object: words('border borders crossing market') });
verb('supply', { type: 'COOPERATE', object: ENERGY }, { type: 'AID', needsObject: true });

// AID: material help that mainly benefits the recipient: money, arms, relief, asylum, rescue, debt relief.
verb('aid donate fund assist', { type: 'AID' });
// sending relief by other words: "dispatched a field hospital", "rushed supplies", "channelled $40 million"
verb('dispatch rush channel allocate airdrop ferry', { type: 'AID', object: AID_GOODS });
// "provided Ukraine with artillery shells": the one provided for is the object
verb('provide supply equip arm', { type: 'AID', particle: 'with', oblique: new Set([...AID_GOODS, ...WEAPONS]) });
// taking in refugees, freeing hostages and kidnap victims: asylum and rescue are aid
verb('shelter host', { type: 'AID', object: VICTIMS });
// (captors freeing their hostages retreat; troops or police freeing them rescue them)
verb('free release liberate rescue', { type: 'AID', object: VICTIMS, subject: TROOPS });
verb('liberate', { type: 'AID', needsObject: true });
// "has received 12 helicopters from South Africa": aid seen from the recipient's side (the giver is the "from" party)
verb('receive obtain', { type: 'AID', object: new Set([...AID_GOODS, ...WEAPONS]) });
verb('pay', { type: 'AID', particle: 'for' });
verb('grant', { type: 'AID', object: words('asylum aid loan credit assistance money refuge visa visas sanctuary protection') }, { type: 'CONCEDE', object: words('amnesty pardon clemency') });
verb('give provide deliver send transfer lend disburse', { type: 'AID', object: AID_GOODS });
// "deposited $2 billion in Pakistan's central bank": money placed with a state to support it
verb('deposit inject', { type: 'AID', object: AID_GOODS });
verb('give provide deliver transfer lend supply', { type: 'AID', object: WEAPONS });
verb('extend', { type: 'AID', object: words('loan credit line aid assistance') });
verb('rescue', { type: 'AID' });
verb('write', { type: 'AID', particle: 'off' });
verb('forgive cancel', { type: 'AID', object: DEBT });
verb('fly airlift ship truck', { type: 'AID', object: AID_GOODS });
// handing out relief: "distributed food to 60,000 displaced people"
verb('distribute', { type: 'AID', object: AID_GOODS });

// REQUEST: requests, demands, appeals, orders.
verb('urge request appeal petition implore beseech plead entreat', { type: 'REQUEST' });
// "sought military help from Turkey": asking for something
verb('seek solicit', { type: 'REQUEST', mode: 'assist', object: words('help assistance aid support loan loans fund funds funding credit bailout protection asylum') }, { type: 'REQUEST', mode: 'yield', object: words('release extradition withdrawal return') });
verb('demand', { type: 'REQUEST' });
verb('ask', { type: 'REQUEST', unless: words('question questions') });
verb('press', { type: 'REQUEST', needsObject: true }, { type: 'REQUEST', particle: 'for' });
// "called the ban unlawful": calling an act wrongful condemns it (ACCUSE disapprove)
verb('call', { type: 'ACCUSE', mode: 'disapprove', content: words('unlawful illegal illegitimate unacceptable unjustified unjustifiable outrageous irresponsible reckless barbaric criminal provocative shameful inhumane') });
verb('call', { type: 'REQUEST', particle: 'on' }, { type: 'REQUEST', particle: 'for' }, { type: 'REQUEST', particle: 'upon' });
// "ordered residents to stay indoors": keeping people at home is a curfew
verb('order', { type: 'COERCE', mode: 'curfew', content: words('stay remain') });
verb('order', { type: 'SANCTION', mode: 'expel', particle: 'out', object: DIPLOMATS }, { type: 'SANCTION', mode: 'expel', object: DIPLOMATS, content: words('leave depart quit') }, { type: 'COERCE', mode: 'deport', particle: 'out' }, { type: 'COERCE', mode: 'deport', content: words('leave depart quit') }, { type: 'COERCE', mode: 'arrest', object: words('arrest detention') }, { type: 'REQUEST', mode: 'change', needsObject: true });

// ACCUSE: accusations, condemnations, criticism, charges and lawsuits, investigations, diplomatic protests.
verb('accuse blame', { type: 'ACCUSE', mode: 'allege' });
verb('condemn denounce criticise criticize fault rebuke deplore decry slam censure reprimand lambast lambaste blast berate castigate chastise excoriate assail', { type: 'ACCUSE', mode: 'disapprove' });
verb('take drag haul', { type: 'ACCUSE', mode: 'allege', particle: 'to', oblique: words('court tribunal') });
verb('charge indict sue prosecute', { type: 'ACCUSE', mode: 'allege', needsObject: true });
// alleging needs no object: "alleged that Somalia had armed the militia" accuses whoever the clause names
verb('allege', { type: 'ACCUSE', mode: 'allege' });
verb('investigate probe', { type: 'ACCUSE', mode: 'investigate', needsObject: true });
verb('summon', { type: 'ACCUSE', mode: 'disapprove', object: DIPLOMATS });
verb('lodge file', { type: 'ACCUSE', mode: 'disapprove', object: words('protest complaint objection') }, { type: 'ACCUSE', mode: 'allege', object: words('lawsuit suit case charge charges') });

// REJECT: rejections and refusals, vetoes, defiance, cancelled meetings, entry barred.
verb('reject rebuff spurn veto repudiate oppose snub', { type: 'REJECT', needsObject: true });
// refusing food is a hunger strike, not a refusal of anything asked
verb('refuse', { type: 'PROTEST', mode: 'hunger', object: words('food meal meals water') }, { type: 'REJECT' });
verb('decline', { type: 'REJECT', needsObject: true }, { type: 'REJECT', content: words('meet attend join sign accept allow release free extradite hand cooperate participate negotiate recognise recognize grant lift withdraw pay help provide send') });
verb('dismiss', { type: 'REJECT', object: words('proposal plan offer call calls demand demands claim claims accusation accusations allegation allegations report reports idea request criticism warning ultimatum suggestion deal agreement accord arrangement statement finding findings decision move resolution initiative threat threats concern concerns') });
verb('turn', { type: 'REJECT', particle: 'down' });
verb('rule', { type: 'REJECT', particle: 'out' });
verb('defy', { type: 'REJECT', needsObject: true });
verb('cancel postpone', { type: 'REJECT', mode: 'meet', object: MEETINGS });
verb('deny', { type: 'REJECT', object: words('entry access visa visas request permission accusation accusations allegation allegations claim claims report reports involvement responsibility') });
verb('block', { type: 'COERCE', mode: 'censor', object: CENSORED }, { type: 'PROTEST', mode: 'obstruct', object: words('road roads highway highways motorway bridge bridges street streets border crossing crossings port ports railway entrance entrances access square junction traffic') }, { type: 'REJECT', object: words('statement resolution draft deal proposal plan sanction sanctions package agreement motion decision bid accession membership') });
// barring people from politics, office or travel restricts them (COERCE); barring an outside body is a rejection
verb('bar', { type: 'SANCTION', mode: 'expel', object: words('team teams athlete athletes country member') }, { type: 'COERCE', mode: 'restrict', object: ORGANISATIONS },
  { type: 'COERCE', mode: 'restrict', object: words('leader leaders candidate candidates politician politicians lawmaker lawmakers official officials activist activists journalist journalists opponent opponents critic critics') },
  { type: 'REJECT', needsObject: true });

// THREATEN: threats and forceful warnings; in-absentia arrest warrants.
verb('threaten menace', { type: 'THREATEN' });
// "put Guyana on notice that ...": a formal warning
verb('put', { type: 'THREATEN', particle: 'on', oblique: words('notice') });
verb('warn', { type: 'THREATEN', content: HARMFUL_CONTENT }, { type: 'THREATEN', particle: 'against', needsObject: true },
  // "warned of a nationwide strike", "warned of retaliation": a warning of one's own harmful answer
  { type: 'THREATEN', particle: 'of', oblique: words('strike strikes retaliation reprisal reprisals consequence consequences countermeasure countermeasures response') });
verb('vow', { type: 'THREATEN', content: HARMFUL_CONTENT });

// PROTEST: collective civilian dissent.
verb('protest demonstrate rally march picket riot', { type: 'PROTEST', mode: 'demo' });
verb('boycott', { type: 'PROTEST', mode: 'boycott', needsObject: true });
verb('strike', { type: 'PROTEST', mode: 'strike', particle: 'over' }, { type: 'PROTEST', mode: 'strike', particle: 'for' });
/** Who strikes: workers walking out stop work, while a delegation walking out of talks breaks them off. */
export const WORKERS = words('worker workers employee employees staff nurse nurses doctor doctors teacher teachers miner miners docker dockers driver drivers pilot pilots union unions crew crews');
verb('walk', { type: 'PROTEST', mode: 'strike', particle: 'off' }, { type: 'PROTEST', mode: 'strike', particle: 'out', subject: WORKERS }, { type: 'SANCTION', mode: 'withdraw', particle: 'out' });
// "downed tools": workers stopping work
verb('down', { type: 'PROTEST', mode: 'strike', object: words('tool tools') });
verb('blockade barricade', { type: 'PROTEST', mode: 'obstruct', needsObject: true });
verb('take', { type: 'PROTEST', mode: 'demo', particle: 'to', oblique: words('street streets') });
/** Unorganised crowds: when they loot or burn, they riot. */
export const CROWDS = words('crowd crowds mob mobs rioter rioters youth youths protester protesters demonstrator demonstrators');
verb('loot ransack torch burn', { type: 'PROTEST', mode: 'riot', subject: CROWDS });
// stones and petrol bombs thrown by a crowd, fires set by it: a riot
verb('throw hurl pelt', { type: 'PROTEST', mode: 'riot', subject: CROWDS, object: words('stone stones rock rocks bomb bombs bottle bottles molotov cocktail cocktails brick bricks firebomb firebombs projectile projectiles') });
verb('set', { type: 'PROTEST', mode: 'riot', subject: CROWDS, object: words('fire fires') });
// "poured into the streets", "flooded the square": crowds taking to public space
verb('pour flood throng', { type: 'PROTEST', mode: 'demo', particle: 'into', oblique: words('street streets square squares'), subject: words('protester protesters demonstrator demonstrators people citizen citizens resident residents student students worker workers opposition supporter supporters crowd crowds thousand thousands') });
// "stopped work": a strike; "brought the capital to a standstill": an obstruction
verb('stop cease halt', { type: 'PROTEST', mode: 'strike', object: words('work') });
verb('deface vandalise vandalize spray-paint daub', { type: 'PROTEST', mode: 'vandalize' });
// paint, eggs or soup thrown at a statue, a painting or a ministry: damage done as a symbol (the manual's vandalize)
verb('throw hurl splash pour', { type: 'PROTEST', mode: 'vandalize', object: words('paint ink egg eggs soup dye') });
/** Civilians who take part in protests: what they occupy or stay away from is a protest, whatever the place. */
export const PROTESTERS = words('protester protesters protestor protestors demonstrator demonstrators student students activist activists worker workers farmer farmers opposition strikers supporters youth youths crowd crowds');
// a protest by civilians that paralyses a place
verb('bring', { type: 'PROTEST', mode: 'obstruct', particle: 'to', oblique: words('standstill halt'), subject: new Set([...PROTESTERS, ...WORKERS]) });
verb('besiege surround', { type: 'PROTEST', mode: 'obstruct', subject: PROTESTERS });
verb('parade', { type: 'PROTEST', mode: 'demo', subject: PROTESTERS });
verb('occupy', { type: 'PROTEST', mode: 'obstruct', object: words('square building street streets office offices parliament campus road') }, { type: 'PROTEST', mode: 'obstruct', subject: PROTESTERS });
// "the opposition stayed away from the session": a boycott
verb('stay', { type: 'PROTEST', mode: 'boycott', particle: 'away', subject: PROTESTERS });
// a gathering of civilians outside a seat of power: "workers gathered outside the ministry"
verb('gather assemble converge', { type: 'PROTEST', mode: 'demo', subject: PROTESTERS });

// SANCTION: reductions of relations: sanctions, expulsions of diplomats, recalls, suspensions, convictions.
verb('sanction embargo', { type: 'SANCTION', mode: 'discontinue' });
verb('blacklist', { type: 'SANCTION', mode: 'discontinue', needsObject: true });
verb('eject oust', { type: 'SANCTION', mode: 'expel', object: DIPLOMATS }, { type: 'COERCE', mode: 'deport', needsObject: true });
verb('expel', { type: 'SANCTION', mode: 'expel', object: DIPLOMATS }, { type: 'COERCE', mode: 'deport' });
verb('recall', { type: 'SANCTION', mode: 'withdraw', object: DIPLOMATS });
// "called its envoy home" recalls him; "called in the ambassador" summons him to hear a complaint
verb('call', { type: 'SANCTION', mode: 'withdraw', particle: 'home', object: DIPLOMATS }, { type: 'ACCUSE', mode: 'disapprove', particle: 'in', object: DIPLOMATS });
// taking a broadcaster's or newspaper's licence away silences it (the manual's COERCE censor)
// (what a broadcaster sends: "suspended the broadcasts of Radio X" censors it)
export const LICENCES = words('licence license licences licenses accreditation accreditations permit frequency broadcast broadcasts transmission transmissions programme programmes program programs');
verb('suspend revoke withdraw cancel strip', { type: 'COERCE', mode: 'censor', object: LICENCES });
verb('suspend', { type: 'COERCE', mode: 'withhold', object: words('internet network networks service services electricity power') }, { type: 'SANCTION', mode: 'withdraw', object: AID_GOODS }, { type: 'SANCTION', mode: 'expel', object: words('membership member') }, { type: 'SANCTION', mode: 'expel', particle: 'from' }, { type: 'SANCTION', mode: 'withdraw', object: MEETINGS }, { type: 'COERCE', mode: 'restrict', object: words('parliament constitution party parties') }, { type: 'SANCTION', mode: 'discontinue', needsObject: true });
verb('freeze', { type: 'SANCTION', mode: 'discontinue', needsObject: true });
verb('sever', { type: 'SANCTION', mode: 'discontinue' });
verb('break', { type: 'SANCTION', mode: 'discontinue', particle: 'off' }, { type: 'SANCTION', mode: 'discontinue', object: RELATIONS });
verb('cut', { type: 'SANCTION', mode: 'discontinue', object: RELATIONS }, { type: 'COERCE', mode: 'withhold', object: words('water electricity power internet food') }, { type: 'SANCTION', mode: 'discontinue', object: words('gas oil supply supplies import imports export exports aid funding') }, { type: 'SANCTION', mode: 'discontinue', object: TRADE });
verb('halt stop', { type: 'SANCTION', mode: 'discontinue', object: TRADE }, { type: 'SANCTION', mode: 'withdraw', object: AID_GOODS }, { type: 'SANCTION', mode: 'discontinue', content: words('import export buy sell supply') });
verb('downgrade', { type: 'SANCTION', mode: 'discontinue', object: RELATIONS });
verb('fine convict', { type: 'SANCTION', mode: 'convict', needsObject: true });
verb('close shut', { type: 'SANCTION', mode: 'withdraw', object: words('embassy consulate mission') }, { type: 'SANCTION', mode: 'discontinue', object: words('airspace border borders port ports') });
verb('ban', { type: 'SANCTION', mode: 'discontinue', object: TRADE }, { type: 'SANCTION', mode: 'discontinue', object: words('product products good goods') }, { type: 'COERCE', mode: 'censor', object: CENSORED }, { type: 'COERCE', mode: 'restrict', needsObject: true });
verb('leave', { type: 'SANCTION', mode: 'withdraw', object: words('alliance organisation organization treaty union bloc agreement pact talks') }, { type: 'RETREAT', mode: 'withdraw', subject: TROOPS });

// MOBILIZE: military and police moves short of force: deployments, drills, alerts, missile tests.
verb('deploy mobilize mobilise station dispatch mass reinforce position scramble', { type: 'MOBILIZE', mode: 'weapons', object: WEAPONS }, { type: 'MOBILIZE', mode: 'troops' });
verb('move send', { type: 'MOBILIZE', mode: 'troops', object: TROOPS }, { type: 'MOBILIZE', mode: 'weapons', object: WEAPONS });
verb('test-fire test', { type: 'MOBILIZE', mode: 'weapons' });
// showing off a new weapon raises military capability (MOBILIZE: weapons)
verb('unveil', { type: 'MOBILIZE', mode: 'weapons', object: WEAPONS });
verb('put place', { type: 'MOBILIZE', mode: 'troops', particle: 'on', object: TROOPS });
verb('call', { type: 'MOBILIZE', mode: 'troops', particle: 'up', object: TROOPS }, { type: 'PROTEST', mode: 'strike', object: words('strike strikes walkout') });
verb('impose slap', { type: 'SANCTION', mode: 'discontinue', object: words('measure measures duty duties levy levies quota quotas ban curb curbs') });
verb('impose', { type: 'COERCE', mode: 'martial-law', object: words('emergency siege law') });

// COERCE: repression short of violence: arrests, raids, seizures, bans, curfews, deportations, censorship, cyber attacks.
verb('arrest detain jail imprison apprehend incarcerate', { type: 'COERCE', mode: 'arrest', needsObject: true });
// "took 12 protesters into custody"
verb('take', { type: 'COERCE', mode: 'arrest', particle: 'into', oblique: words('custody detention') });
// "searched the offices of the newspaper": a search of premises (the manual's seize)
verb('search', { type: 'COERCE', mode: 'seize', object: words('office offices home homes house houses headquarters premises flat flats apartment apartments newsroom compound') });
// "stripped 94 critics of their citizenship"
verb('strip', { type: 'COERCE', mode: 'restrict', particle: 'of', oblique: words('citizenship nationality immunity seat seats passport passports mandate mandates right rights') });
// "banned opposition rallies", "prohibited gatherings": restrictions on political freedom
verb('ban prohibit forbid', { type: 'COERCE', mode: 'restrict', object: words('rally rallies protest protests demonstration demonstrations gathering gatherings march marches strike strikes assembly assemblies party parties meeting meetings') });
verb('round', { type: 'COERCE', mode: 'arrest', particle: 'up' });
// "placed under house arrest", "put under arrest"
verb('place put', { type: 'COERCE', mode: 'arrest', particle: 'under', oblique: words('arrest detention custody') });
verb('seize', { type: 'ASSAULT', mode: 'abduct', object: words('hostage hostages worker workers engineer engineers tourist tourists journalist journalists passenger passengers crew sailor sailors child children national nationals citizen citizens missionary missionaries') });
verb('seize confiscate impound raid', { type: 'COERCE', mode: 'seize', needsObject: true });
// stopping a boat at sea takes it; intercepting a missile or a message does not
verb('intercept', { type: 'COERCE', mode: 'seize', object: words('vessel vessels ship ships boat boats tanker tankers freighter freighters trawler trawlers yacht shipment shipments cargo') });
verb('deport', { type: 'COERCE', mode: 'deport', needsObject: true });
verb('censor', { type: 'COERCE', mode: 'censor' });
// "suspended access to the messaging app Telegram", "restricted access to X": cutting off access to information
verb('suspend restrict cut limit throttle', { type: 'COERCE', mode: 'censor', object: words('access') });
verb('dissolve outlaw', { type: 'COERCE', mode: 'restrict', object: words('party parties parliament organisation organization group movement union assembly') });
verb('shut', { type: 'COERCE', mode: 'withhold', particle: 'down', object: words('internet network networks service services') }, { type: 'COERCE', mode: 'censor', particle: 'down' });
verb('hack', { type: 'COERCE', mode: 'cyber', needsObject: true });
verb('disrupt cripple paralyse paralyze', { type: 'COERCE', mode: 'cyber', object: words('website websites site sites server servers network networks system systems email account accounts') });
verb('take knock', { type: 'COERCE', mode: 'cyber', particle: 'down', object: words('website websites site sites server servers network networks') });
// "knocked the commission's website offline", "broke into the servers of a shipbuilder"
verb('knock take force', { type: 'COERCE', mode: 'cyber', object: words('offline') }, { type: 'COERCE', mode: 'cyber', particle: 'offline' });
const COMPUTERS = words('server servers network networks system systems computer computers database databases account accounts email emails inbox website websites');
verb('break hack', { type: 'COERCE', mode: 'cyber', particle: 'into', oblique: COMPUTERS });
verb('breach infiltrate penetrate', { type: 'COERCE', mode: 'cyber', object: COMPUTERS });
verb('sentence', { type: 'COERCE', mode: 'arrest', oblique: words('year years month months prison jail life term terms') }, { type: 'SANCTION', mode: 'convict', needsObject: true });
verb('crack', { type: 'COERCE', mode: 'restrict', particle: 'down' });

// ASSAULT: deliberate physical harm.
verb('attack', { type: 'COERCE', mode: 'cyber', object: words('server servers website websites network networks system systems email account accounts') }, { type: 'ASSAULT' });
verb('bomb strafe', { type: 'ASSAULT', mode: 'aerial' });
verb('bombard pound', { type: 'ASSAULT', mode: 'heavy-weapons', needsObject: true });
// killing by other words: "gunned down", "beheaded", "slaughtered"
verb('gun', { type: 'ASSAULT', mode: 'firearms', particle: 'down' });
verb('behead decapitate lynch slaughter butcher slay', { type: 'ASSAULT', mode: 'targeted', needsObject: true });
verb('club bludgeon', { type: 'ASSAULT', mode: 'primitive', needsObject: true });
verb('torch burn', { type: 'ASSAULT', mode: 'destroy', object: words('home homes house houses village villages hut huts church churches mosque mosques school schools shop shops market') });
// "opened fire on protesters"
verb('open', { type: 'ASSAULT', mode: 'firearms', object: words('fire') });
verb('shell', { type: 'ASSAULT', mode: 'heavy-weapons' });
verb('kill murder massacre assassinate execute', { type: 'ASSAULT', mode: 'targeted', needsObject: true, unless: words('crackdown plan order operation search warrant strategy policy raid') });
verb('shoot', { type: 'ASSAULT', mode: 'aerial', particle: 'down' }, { type: 'ASSAULT', mode: 'firearms' });
// "fired live rounds at supporters": firing ammunition at someone is firearms
verb('fire', { type: 'ASSAULT', mode: 'firearms', object: words('round rounds ammunition') }, { type: 'ASSAULT', mode: 'crowd-control', object: words('gas cannon bullet bullets grenade grenades') }, { type: 'ASSAULT', mode: 'firearms', particle: 'on' }, { type: 'ASSAULT', mode: 'firearms', particle: 'at' }, { type: 'ASSAULT', mode: 'heavy-weapons', object: words('missile missiles rocket rockets shell shells') });
verb('strike hit', { type: 'ASSAULT', object: PLACES_ATTACKED }, { type: 'ASSAULT', needsObject: true });
verb('invade storm ambush raze', { type: 'ASSAULT', needsObject: true });
verb('abduct kidnap hijack', { type: 'ASSAULT', mode: 'abduct', needsObject: true });
verb('capture', { type: 'ASSAULT', mode: 'abduct', object: TROOPS }, { type: 'ASSAULT', needsObject: true });
verb('torture', { type: 'ASSAULT', mode: 'torture', needsObject: true });
verb('beat', { type: 'ASSAULT', mode: 'beat', needsObject: true });
verb('stab', { type: 'ASSAULT', mode: 'primitive', needsObject: true });
verb('blow', { type: 'ASSAULT', mode: 'destroy', particle: 'up' });
verb('destroy demolish', { type: 'ASSAULT', mode: 'destroy', needsObject: true });
// "the strike flattened a four-storey building"
verb('flatten', { type: 'ASSAULT', mode: 'destroy', object: PLACES_ATTACKED });
verb('clash fight', { type: 'ASSAULT', particle: 'with' }, { type: 'ASSAULT', particle: 'against' });
verb('exchange', { type: 'ASSAULT', mode: 'firearms', object: words('fire gunfire shots') });
// "used tear gas to disperse the crowd": crowd-control weapons used on people
verb('use deploy', { type: 'ASSAULT', mode: 'crowd-control', object: words('gas cannon cannons bullet bullets grenade grenades baton batons truncheon truncheons') });

export function verbReadings(lemma: string): VerbReading[] {
  return VERBS.get(lemma) ?? [];
}

export interface NounSense extends Sense {
  /** A nominal that counts only with its own participant (possessor, "by", "between"), never alone as subject. */
  needsParticipant?: boolean;
}

const NOUNS = new Map<string, NounSense>();
function noun(lemmas: string, sense: NounSense): void {
  for (const lemma of lemmas.split(/\s+/)) if (!NOUNS.has(lemma)) NOUNS.set(lemma, sense);
}

noun('meeting talks talk summit negotiation negotiations discussion discussions consultation consultations encounter', { type: 'CONSULT' });
noun('conference session dialogue conversation', { type: 'CONSULT', needsParticipant: true });
noun('visit trip tour', { type: 'CONSULT', mode: 'visit' });
noun('call', { type: 'CONSULT', mode: 'phone', needsParticipant: true });
noun('agreement deal accord pact treaty memorandum understanding', { type: 'AGREE', needsParticipant: true });
noun('offer pledge promise invitation', { type: 'AGREE', needsParticipant: true });
noun('support backing endorsement recognition praise solidarity', { type: 'SUPPORT', needsParticipant: true });
noun('apology regret remorse pardon amnesty acquittal concession concessions', { type: 'CONCEDE' });
noun('extradition cooperation', { type: 'COOPERATE', needsParticipant: true });
noun('aid assistance loan grant donation asylum funding bailout delivery deliveries shipment shipments airlift airlifts airdrop airdrops consignment consignments', { type: 'AID', needsParticipant: true });
noun('withdrawal pullout retreat', { type: 'RETREAT', mode: 'withdraw' });
noun('release', { type: 'RETREAT', mode: 'release', needsParticipant: true });
noun('resignation', { type: 'RETREAT', mode: 'resign' });
noun('request appeal demand plea', { type: 'REQUEST', needsParticipant: true });
noun('accusation condemnation criticism complaint lawsuit indictment', { type: 'ACCUSE', mode: 'disapprove', needsParticipant: true });
noun('investigation inquiry probe', { type: 'ACCUSE', mode: 'investigate' });
noun('rejection refusal veto', { type: 'REJECT', needsParticipant: true });
noun('threat threats ultimatum', { type: 'THREATEN', needsParticipant: true });
noun('warrant', { type: 'THREATEN', mode: 'arrest' });
noun('protest protests demonstration demonstrations rally rallies march marches sit-in riot riots rioting', { type: 'PROTEST', mode: 'demo' });
noun('strike strikes walkout', { type: 'PROTEST', mode: 'strike' });
noun('boycott', { type: 'PROTEST', mode: 'boycott' });
noun('sanction sanctions embargo tariff tariffs', { type: 'SANCTION', mode: 'discontinue' });
noun('restriction restrictions', { type: 'SANCTION', mode: 'discontinue', needsParticipant: true });
noun('expulsion', { type: 'SANCTION', mode: 'expel' });
noun('blacklisting', { type: 'SANCTION', mode: 'discontinue', needsParticipant: true });
noun('recall', { type: 'SANCTION', mode: 'withdraw', needsParticipant: true });
noun('deployment mobilization mobilisation reinforcement reinforcements buildup build-up', { type: 'MOBILIZE', mode: 'troops' });
noun('operation operations', { type: 'MOBILIZE', mode: 'troops', needsParticipant: true });
noun('drill drills exercise exercises manoeuvre manoeuvres maneuver maneuvers patrol patrols', { type: 'MOBILIZE', mode: 'troops' });
noun('test launch', { type: 'MOBILIZE', mode: 'weapons', needsParticipant: true });
noun('alert', { type: 'MOBILIZE', mode: 'troops', needsParticipant: true });
noun('arrest arrests detention crackdown raid raids', { type: 'COERCE', mode: 'arrest' });
noun('curfew', { type: 'COERCE', mode: 'curfew' });
noun('deportation', { type: 'COERCE', mode: 'deport' });
noun('cyberattack hack', { type: 'COERCE', mode: 'cyber' });
noun('seizure seizures', { type: 'COERCE', mode: 'seize' });
noun('attack attacks strike strikes airstrike airstrikes invasion offensive bombing bombings shelling bombardment assault ambush incursion', { type: 'ASSAULT' });
noun('killing killings execution executions massacre assassination', { type: 'ASSAULT', mode: 'targeted' });
noun('bomb bombs', { type: 'ASSAULT', mode: 'explosives', needsParticipant: true });
noun('abduction kidnapping', { type: 'ASSAULT', mode: 'abduct' });
noun('fighting clashes clash', { type: 'ASSAULT' });

export function nounSense(lemma: string): NounSense | undefined {
  return NOUNS.get(lemma);
}

/**
 * Verbs that only carry a noun that names the event ("held talks", "imposed sanctions", "launched an inquiry"):
 * the noun decides the category, the verb gives the clause its subject, tense and negation.
 */
export const LIGHT_VERBS = words(`hold have conduct stage launch begin start resume continue open impose announce issue
  reach conclude strike make pay carry order approve join attend enter sit complete lodge file express voice
  extend give grant receive seal finalize finalise secure broker hammer go take lead mount unleash step set
  declare introduce adopt slap level bring host undertake kick send deliver provide run perform reopen restart
  clinch ink execute stage consider weigh mull`);

/** Verbs of motion that make a trip a visit when they take the traveller to a place for talks ("flew to Warsaw for talks"). */
export const TRAVEL_VERBS = words('arrive travel fly go head come land return');

/** Verbs of coming together that make a summit or talks a meeting of those who gather ("gathered for a summit"). */
export const GATHERING_VERBS = words('gather convene assemble meet');

/** Modifiers that make drills, exercises, patrols and operations joint, hence COOPERATE rather than MOBILIZE. */
export const JOINT = words('joint combined bilateral trilateral multinational');

/**
 * Words of an accident or a natural disaster: violence is deliberate (the manual's ASSAULT), so a sentence that
 * tells of a collision or a flood does not code its "struck" or "killed" as an attack.
 */
export const ACCIDENT_WORDS = words(`collide collided colliding collision collisions crash crashed accident accidents
  capsize capsized sank sink sinking earthquake earthquakes quake flood floods flooding storm storms cyclone hurricane
  typhoon landslide landslides wildfire wildfires avalanche derail derailed derailment drown drowned eruption
  fog mishap shipwreck grounding`);

/** Past forms the suffix rules cannot undo. */
const IRREGULAR_FORMS: Record<string, string> = {
  held: 'hold', struck: 'strike', stricken: 'strike', hit: 'hit', shot: 'shoot', fought: 'fight', sent: 'send', met: 'meet',
  sought: 'seek', took: 'take', taken: 'take', gave: 'give', given: 'give', went: 'go', gone: 'go', came: 'come',
  began: 'begin', begun: 'begin', broke: 'break', broken: 'break', froze: 'freeze', frozen: 'freeze', forgave: 'forgive',
  forgiven: 'forgive', withdrew: 'withdraw', withdrawn: 'withdraw', drew: 'draw', drawn: 'draw', flew: 'fly', flown: 'fly',
  wrote: 'write', written: 'write', led: 'lead', paid: 'pay', laid: 'lay', spoke: 'speak', spoken: 'speak', told: 'tell',
  said: 'say', made: 'make', put: 'put', cut: 'cut', shut: 'shut', set: 'set', quit: 'quit', stood: 'stand', sat: 'sit',
  threw: 'throw', thrown: 'throw', blew: 'blow', blown: 'blow', beat: 'beat', beaten: 'beat', kept: 'keep', lent: 'lend',
  brought: 'bring', fled: 'flee', undertook: 'undertake', undertaken: 'undertake', upheld: 'uphold', swore: 'swear',
  sworn: 'swear', won: 'win', got: 'get', gotten: 'get', ran: 'run', run: 'run', felt: 'feel', meant: 'mean', dealt: 'deal',
  forbade: 'forbid', forbidden: 'forbid', arose: 'arise', arisen: 'arise', sank: 'sink', sunk: 'sink', spread: 'spread',
  chose: 'choose', chosen: 'choose', hid: 'hide', hidden: 'hide', drove: 'drive', driven: 'drive', fell: 'fall',
  fallen: 'fall', grew: 'grow', grown: 'grow', knew: 'know', known: 'know', saw: 'see', seen: 'see', shook: 'shake',
  shaken: 'shake', showed: 'show', shown: 'show', rose: 'rise', risen: 'rise', bid: 'bid', overtook: 'overtake',
  overran: 'overrun', overrun: 'overrun', bound: 'bind', left: 'leave', lost: 'lose', found: 'find', heard: 'hear',
  became: 'become', become: 'become', did: 'do', done: 'do', had: 'have', has: 'have', was: 'be', were: 'be', been: 'be',
  is: 'be', are: 'be', shed: 'shed', slew: 'slay', slain: 'slay', stole: 'steal', stolen: 'steal', swept: 'sweep',
  spent: 'spend', split: 'split', stuck: 'stick', understood: 'understand', woke: 'wake', rode: 'ride', ridden: 'ride',
  bore: 'bear', borne: 'bear', tore: 'tear', torn: 'tear', 'test-fired': 'test-fire',
};

/**
 * The verb lemma of a word form, checked against the verbs Parley knows (the tagger's lemmas undo "-ed" badly:
 * "imposed" as "impos"): irregular forms, then "-ies", "-es", "-s", "-ied", "-ed", "-d", "-ing" with doubled
 * consonants and a restored final e, keeping the first candidate that is a known verb.
 */
export function verbLemma(form: string, known: (lemma: string) => boolean): string | undefined {
  const w = form.toLowerCase().replace(/’/g, "'");
  if (IRREGULAR_FORMS[w]) return IRREGULAR_FORMS[w];
  const candidates = [w];
  const stem = (s: string) => [s, s + 'e', /([bdgklmnprtz])\1$/.test(s) ? s.slice(0, -1) : s];
  if (w.endsWith('ies')) candidates.push(w.slice(0, -3) + 'y');
  if (w.endsWith('es')) candidates.push(w.slice(0, -2));
  if (w.endsWith('s')) candidates.push(w.slice(0, -1));
  if (w.endsWith('ied')) candidates.push(w.slice(0, -3) + 'y');
  if (w.endsWith('ed')) candidates.push(...stem(w.slice(0, -2)));
  if (w.endsWith('d')) candidates.push(w.slice(0, -1));
  if (w.endsWith('ing')) candidates.push(...stem(w.slice(0, -3)));
  return candidates.find(known);
}

/** Every verb lemma the event coder knows by name. */
export function knownVerb(lemma: string): boolean {
  return VERBS.has(lemma) || LIGHT_VERBS.has(lemma) || TRAVEL_VERBS.has(lemma) || COMMENT_VERBS.has(lemma) || HARMFUL_CONTENT.has(lemma) || OTHER_VERBS.has(lemma);
}

/** Verbs the coder reads as governors (reporting, committing, planning, failing) rather than as events. */
const OTHER_VERBS = words(`say tell add state note announce confirm declare report stress insist reiterate write explain indicate
  signal mention emphasise emphasize repeat claim believe expect decide resolve plan intend prepare aim schedule poise
  consider weigh suggest want seek hope wish mull explore debate float study contemplate need fail refrain neglect happen
  occur proceed stall collapse finish last mark wrap focus produce yield cover drag follow include involve see be get
  have do speak talk chat link help relieve rebuild travel deliver`);
