"""Wording cues of linking: the verbs and phrases that show a country, a government or a group acting."""
from __future__ import annotations

import re


# Verbs of more than one syllable stressed on the last one double their consonant: "expelled", "transferring".
_DOUBLING = frozenset("expel compel propel control patrol commit admit submit permit transfer refer confer prefer deter "
                      "incur occur regret equip rebut bar".split())


def _ing(lemma: str) -> str:
    if lemma.endswith("e") and not lemma.endswith("ee"):
        return lemma[:-1] + "ing"
    if lemma in _DOUBLING or (len(lemma) <= 4 and lemma[-1] in "bdgmnprt" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou"):
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def _verb_forms(lemmas: str, irregular: str, irregular_lemmas: str = "") -> str:
    """Every form of the regular lemmas, the irregular forms as given, and the -ing forms of irregular_lemmas."""
    forms = set(irregular.split()) | {_ing(lemma) for lemma in irregular_lemmas.split()}
    for lemma in lemmas.split():
        forms.add(lemma)
        forms.add(_ing(lemma))  # "is pressing", "has been mediating", "keeps shipping"
        if lemma in _DOUBLING:
            forms |= {lemma + "s", lemma + lemma[-1] + "ed"}
        elif lemma.endswith("y") and lemma[-2] not in "aeiou":
            forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
        elif lemma.endswith("e"):
            forms |= {lemma + "s", lemma + "d"}
        elif lemma.endswith(("s", "sh", "ch", "x", "z")):
            forms |= {lemma + "es", lemma + "ed"}
        else:
            forms |= {lemma + "s", lemma + "ed"}
    return "|".join(sorted(forms, key=len, reverse=True))


# What a country or capital does in a news story when it stands for its government.
_ACTING_VERBS = _verb_forms(
    "accuse acknowledge agree allow announce annex approve arm arrest ask attack back ban blame block bomb broker call "
    "capture claim close condemn confirm consider continue criticise criticize decide declare demand deny deploy deport "
    "designate detain dismiss dispute expel extend fear finance fund halt host impose insist intend intercept invade "
    "invite join launch lobby maintain mediate mobilise mobilize move negotiate object offer oppose order pledge press "
    "pressure promise push raid ratify recognise recognize recruit refuse reject rely remain repel request respond resume "
    "retaliate sanction seize shell ship sign summon supply support suspend target threaten train try urge veto vow want "
    "warn welcome regard reopen insist argue accept abstain vote cut use reduce point compensate provide allocate "
    "transfer withhold delay increase raise lower slash freeze treat tie tackle address ensure implement introduce adopt "
    "enforce borrow repay issue restructure invest spend reach file lift deliver renew revoke grant appoint nominate settle recall "
    "appeal reaffirm reiterate endorse hail propose caution complain express evacuate repatriate extradite debate amend "
    "exchange swap release bar view",
    "said says say sent sends send struck strike strikes built builds build sees see saw held holds hold kept keeps keep "
    "paid pays pay gave gives give sought seeks seek began begins begin sold sells sell bought buys buy told tells tell "
    "met meets meet led leads lead left withdrew withdraws withdraw banned bans plans planned stepped shipped vetoed tying "
    # "protested" only: "Kenya protests" is as often a noun phrase; "talked", "talking" only: "the Doha talks" is one
    "beginning protested passed talked talking",
    "say send strike build see hold keep pay give seek sell buy tell meet lead leave withdraw",
)
_FILLER = (r"(?:(?:has|have|had|is|was|were|are|been|being|would|will|could|can|may|might|must|should|also|now|still|again|then|"
           r"repeatedly|reportedly|long|already|never|not|quickly|formally|publicly|officially|itself|so\s+far|"
           # what the state is yet, due or set to do: "Israel has yet to withdraw", "Kenya is expected to deploy"
           r"(?:yet|due|set|expected|likely|unlikely|ready|willing|prepared|able|unable|trying|failed|about)\s+to|"
           r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+)*")
# "Pakistan and the Taliban agreed": a name the base lacks, coordinated after the country, shares its verb
_AND_NAME = r"(?:\s+and\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?"
# (a country that hosts a tournament or votes in its own election is a venue: guideline section 2)
_VENUE_AFTER = (r"(?:(?<=host)|(?<=hosts)|(?<=hosted)|(?<=hosting))\s+(?:(?:the|a|an|this|next|its|their|[\w-]+['’]s)\s+)?(?:[\w-]+\s+){0,3}?"
                r"(?:(?:World\s+)?Cup|[Ff]inals?|[Gg]ames|Olympics|[Tt]ournament|[Cc]hampionships?|[Mm]atch(?:es)?|[Rr]ace|"
                r"[Mm]arathon|[Ff]estival|[Cc]oncert|[Ee]xhibition|[Ff]air|Expo|[Gg]rand\s+[Pp]rix)\b|"
                r"(?:(?<=vote)|(?<=votes)|(?<=voted)|(?<=voting))\s+(?:(?:again|today|tomorrow|on\s+\w+)\s+)?in\s+(?:a|an|the|its|their)\s+"
                r"(?:[\w-]+\s+){0,3}?(?:elections?|polls?|referendum|vote|ballot|run-?off)\b")
# "Puntland and Jubaland, whose leaders have cut ties": the state acts through its leaders
_WHOSE_LEADERS = r",\s+whose\s+(?:[a-z]+\s+){0,2}?(?:leaders?|leadership|government|officials|president|authorities|ministers?|cabinet)"
# ties a state deepens or severs are its doing ("Russia has deepened ties with the juntas"; not "anger has deepened")
_TIES = (rf"(?:{_verb_forms('deepen strengthen expand forge restore normalise normalize sever', '')})\s+(?:[\w-]+\s+){{0,2}}?"
         r"(?:ties|relations|links|contacts|cooperation)")
ACTING_AFTER_RE = re.compile(rf"{_AND_NAME}(?:,[^,.;]{{1,60}},|,\s+(?:which|who)|{_WHOSE_LEADERS})?\s+{_FILLER}"
                             rf"(?:{_ACTING_VERBS}|{_TIES})\b(?!{_VENUE_AFTER})|"
                              r"-(?:backed|led|brokered|funded|sponsored|supported|mediated|imposed|run|controlled)\b")
# A base phrase opening with its backer: "Iran-backed militias" (not "-led" or "-aligned": no act of the state).
BACKED_PREFIX_RE = re.compile(r"(?:the\s+)?(?P<form>[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,2})-(?:backed|funded|sponsored|supported|"
                              r"armed|brokered|mediated)\b")
# (a war or clashes "with" a country are its forces' doing, not its government's: see the guideline)
_RELATION_NOUNS = (r"talks|agreement|deal|accord|negotiations|ceasefire|truce|tensions|dispute|relations|ties|pact|treaty|"
                   r"cooperation|summit|meeting|rift")
# names coordinated before the country ("pressure from Washington and Israel", "between the Democratic Republic of
# Congo and Rwanda") belong to the same chain even when they are no country form themselves
_COORDINATED_NAMES = r"(?:(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+|the\s+)*[A-Z][\w'’-]*)*(?:,\s+|\s+and\s+))*"
ACTING_BEFORE_RE = re.compile(
    rf"(?:\b(?:\w+(?:ed|en|ght)|made)\s+by|\b[Aa]ccording\s+to|\b(?:accus(?:ed|es|ing)|urg(?:ed|es|ing)|call(?:ed|s|ing)\s+on|press(?:ed|es|ing)|"
    rf"warn(?:ed|ing)|critici[sz](?:ed|ing)|condemn(?:ed|ing)|blam(?:ed|ing)|sanction(?:ed|ing)|ask(?:ed|ing)|"
    rf"credit(?:ed|s|ing)?|prais(?:ed|es|ing)|thank(?:ed|s|ing)?|su(?:ed|es|ing)|prompt(?:ed|s|ing)|forc(?:ed|es|ing))|"
    rf"\b(?:spoke|speak(?:s|ing)?|talk(?:ed|s|ing)|met|meet(?:s|ing)?|negotiat(?:ed|es|ing|e)|deal(?:s|t|ing)?)\s+"
    rf"(?:by\s+(?:tele)?phone\s+|directly\s+)?with(?:\s+both)?|"
    rf"\b(?:[Ss]pokes(?:man|woman|person)|[Mm]inisters?|[Oo]fficials?|[Dd]elegations?|[Dd]elegates|[Ee]nvoys?|[Nn]egotiators|"
    rf"[Rr]epresentatives?)\s+(?:for|of|from)|"
    rf"\b(?:ruling|rulings|case|lawsuit|complaint|verdict|award|arbitration|judgment|judgement)\s+against|"
    # the one pressed or criticised, named by the noun: "criticism of Israel", "calls on Rwanda", "an appeal to Kinshasa"
    rf"\b(?i:criticism|condemnation|censure)\s+of|\b(?i:calls)\s+on|\b(?i:appeals?|ultimatum)\s+to|"
    rf"\b(?i:sanctions|suspension|embargo|tariffs|pressure)\s+(?:on|against|of)|\b(?i:pressure|support|backing|funding|mediation|objections|opposition|demands|money|"
    rf"weapons|arms|loans|deposits|grants|abstentions|payments|compensation|transfers|aid|assistance|salaries|"
    rf"subsidies|funds|proposal|offer|request|plan|invitation|guarantees|approval|consent|permission)"
    rf"(?:\s+(?:came|comes|come|flowed|flows|flow|arrived|arrives|arrive))?\s+from|"
    rf"\b(?i:{_RELATION_NOUNS})\b[^.;]{{0,60}}?\s(?:between|with)|"
    # a state among those who act together: "its creditors, including China", "donors such as Japan"
    rf"\b(?:creditors|lenders|donors|signatories|guarantors|mediators|sponsors|backers|allies|members|partners)\b,?\s+"
    rf"(?:including|such\s+as|like|led\s+by|notably|among\s+them))"
    rf"\s+{_COORDINATED_NAMES}(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:of\s+)?)*$"
)
OFFICIALS_AFTER_RE = re.compile(
    r"['’]s\s+(?:(?:new|interim|transitional|military|federal|army-backed|army-led|civilian|current|central|national|elected|"
    r"caretaker|ruling|unity|coalition|de\s+facto|internationally\s+recogni[sz]ed|military-led|junta-led|incoming|outgoing)\s+)*"
    r"(?:government|authorities|administration|cabinet)\b|"
    r"\s+(?:(?:state|provincial|regional)\s+)?(?:government|authorities)\b|"
    r"\s+(?:and|or)\s+[A-Z][\w'’-]*\s+(?:authorities|officials|governments)\b|"
    # a relation the state keeps with another: "Bamako's relations with Algiers", "Ethiopia's deal with Somaliland"
    rf"['’]s\s+(?:[a-z-]+\s+){{0,2}}?(?:{_RELATION_NOUNS}|rapprochement|normali[sz]ation)\s+with\b|"
    r"(?:['’]s)?\s+(?:(?:special|senior|top|federal|government|foreign\s+ministry|deputy|permanent|acting|chief|UN)\s+){0,2}"
    r"(?:officials?|diplomats?|negotiators?|envoys?|delegation|delegates|leaders?|leadership|"
    r"mediators?|ambassador|representatives?|counterparts?|backers|patrons|sponsors|allies|mediation|auspices|pressure|"
    r"sanctions|designation|decision|position|role|policy|demands|approval|proposal|offer|request|"
    r"support|backing|funding|stance|response|refusal|threats?|warnings?|accusations?|allegations|statement|"
    r"announcement|initiative|efforts|veto|recognition|involvement|interference|"
    # what only a state imposes: "Israeli restrictions on the agency", "a Saudi ban on imports"
    r"restrictions|ban|curbs|embargo|tariffs)\b"
)
SHARED_OFFICIALS_RE = re.compile(r"\s+(?:(?:senior|top|federal|government)\s+)?(?:authorities|officials|governments|leaders|"
                                 r"diplomats|mediators|negotiators|envoys|delegations|ambassadors)\b")
# People of the state in its capital: "officials in Kinshasa" (the capital itself right after "in": "local officials in
# Mopti, Mali" or "officials in Lahore" are no national government, guideline section 2).
OFFICIALS_IN_BEFORE_RE = re.compile(
    r"(?<![Ll]ocal\s)(?<![Rr]egional\s)(?<![Pp]rovincial\s)(?<![Ss]tate\s)(?<![Mm]unicipal\s)(?<![Dd]istrict\s)(?<![Cc]ity\s)"
    r"(?<![Cc]ounty\s)"
    r"\b(?:[Oo]fficials|[Aa]uthorities|(?<!Western\s)(?<!foreign\s)(?<!European\s)[Dd]iplomats|[Mm]inisters|[Ll]eaders|"
    r"[Nn]egotiators)\s+in\s+(?:the\s+)?$")
# A war or clashes "with" a country are its armed forces' doing (guideline section 2); a trade or price war with it
# makes no actor at all.
CLASHES_WITH_BEFORE_RE = re.compile(
    r"\b(?i:clashes|fighting|hostilities|skirmishes|firefights?|gunfights?|gun\s+battles?|exchanges\s+of\s+fire|wars?)\s+"
    r"with\s+(?:neighbouring\s+|neighboring\s+)?(?:the\s+)?$")
ECONOMIC_WAR_WITH_BEFORE_RE = re.compile(
    r"\b(?i:trade|tariff|price|currency|sanctions|media|propaganda|word)\s+wars?\s+with\s+(?:the\s+)?$")
# (not "the army-led government": a military word that only qualifies the next one)
MILITARY_AFTER_RE = re.compile(
    r"(?:['’]s\s+|\s+|-)(?:(?:drone|air|missile|artillery|guided|aerial|glide|attack|ballistic|cruise|military|ground|"
    r"full-scale|naval|security|fighter|combat)\s+)*(?:strikes?|airstrikes?|jets?|warplanes?|aircraft|helicopters?|drones?|missiles?|bombs?|"
    r"rockets?|shells|artillery|shelling|troops|soldiers?|forces|officers|military|army|navy|air\s+force|"
    r"air\s+defen[cs]es|warships?|tanks?|raids?|bombardment|bombing|offensive|assault|incursion|invasion|attacks?|"
    r"gunfire|fire)\b(?!-)(?!\s+(?:makers?|manufacturers?|industry|exports?|compan(?:y|ies)|firms?|brigades?|sales|"
    r"technology|programme|program)\b)"
    # "Israel's war in Gaza", "Russia's war on Ukraine": a war the state wages on someone (not "Sudan's war")
    r"|['’]s\s+(?:war|military\s+campaign)\s+(?:in|on|against)\b"
)
_NOT_A_BODY_WORD = r"(?!(?:said|says|say|told|tells|has|have|had|is|was|were|will|would|warned|called|urged|reported|added)\b)[a-z]+\s+"
# (its own spokesperson, officials or figures speak for the organisation itself: "a UNHCR spokesperson said", guideline
# section 4; "the UN humanitarian spokesperson" speaks for a body of it, and so, see UN_VOICE_AFTER_RE, may "a UN spokesperson")
UMBRELLA_AFTER_RE = re.compile(
    rf"['’]s\s+[A-Z]|(?:['’]s)?(?:-[a-z]|\s+(?:{_NOT_A_BODY_WORD}){{0,3}}?(?:agency|agencies|office|offices|envoy|envoys|mission|"
    r"missions|force|peacekeepers|peacekeeping|staff|workers|resolution|resolutions|experts|panel|fact-finding|"
    r"investigators|coordinator|chief|team|teams|convoy|convoys|compound|report|monitors|observers|special\s+rapporteur|"
    rf"rapporteur|body|bodies|programme|fund|summit|talks)\b|\s+(?:{_NOT_A_BODY_WORD}){{1,3}}?(?:data|figures|official|"
    r"officials|spokesperson|spokesman|spokeswoman)\b)"
)
# The UN's spokesperson, officials or figures in a story are most often those of the UN body it is about; its
# sanctions are the Security Council's (the EU, ECOWAS or the African Union impose their own: they act).
UN_VOICE_AFTER_RE = re.compile(r"(?:['’]s)?\s+(?:(?:data|figures|official|officials|spokesperson|spokesman|spokeswoman)\b|"
                               rf"(?:{_NOT_A_BODY_WORD}){{0,3}}?sanctions\b)")
# (and the countries of a place where borders meet: "the tri-border area where Niger, Mali and Burkina Faso meet")
LOCATED_BEFORE_RE = re.compile(r"\b(?:in|at|near|outside|inside|across|around|from|to)\s+"
                               r"(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?\s+)?$|"
                               r"\b(?:area|region|zone|point|corner|junction|triangle|borders?|frontiers?)\s+where\s+(?:the\s+)?"
                               r"(?:(?:borders?|frontiers?)\s+of\s+(?:the\s+)?)?$")
# "an al-Qaeda-linked group": the parent organisation itself, not its local branch.
AFFILIATES_AFTER_RE = re.compile(r"-(?:linked|affiliated|allied|aligned|inspired|style)\b")
# A state's envoy to an organisation speaks for the state: "Syria's ambassador to the UN".
ENVOY_TO_BEFORE_RE = re.compile(r"\b(?:ambassador|envoy|representative|mission|delegation|delegate)s?\s+(?:to|at)\s+(?:the\s+)?$",
                                 re.IGNORECASE)
# A person's name on a building or place: "taken to Erdogan and Medina hospitals".
NAMED_PLACE_AFTER_RE = re.compile(
    r"(?:\s+and\s+[A-Z][\w'’-]*)?\s+(?i:hospitals?|airport|university|stadium|street|avenue|road|bridge|dam|mosque|"
    r"school|square|park|camp|centre|center|library|museum|port)\b")
# An outlet only as the place a story ran: "told the state news agency SONNA", "in an interview with the BBC".
TOLD_BEFORE_RE = re.compile(
    r"\b(?:told|tells|telling|(?:spoke|speaking|talking)\s+to|(?:an\s+)?interview\s+with)\s+(?:the\s+)?(?:(?:state|state-run|"
    r"state-owned|official|local|national|pan-Arab|private|independent|broadcaster|news|agency|newspaper|daily|television|"
    r"radio|channel|outlet|TV)\s+)*$")
INDEFINITE_BEFORE_RE = re.compile(r"\b(?:a|an|A|An)\s+$")
AND_RE = re.compile(r"\s+(?:and|or|&)\s+(?:the\s+)?")
UN_RE = re.compile(r"(?:the\s+)?(?:UN|U\.N\.|United\s+Nations)(?:['’]s)?")
# A group named as its members' past: "former FARC rebels", "ex-PKK fighters".
FORMER_BEFORE_RE = re.compile(r"\b(?:former|ex-|erstwhile)\s*(?:the\s+)?$", re.IGNORECASE)
MEMBERS_AFTER_RE = re.compile(r"\s+(?:rebels|fighters|members|combatants|guerrillas|militants|officers|soldiers|commanders)\b")
FORMER_OPENING_RE = re.compile(r"(?:former|ex-|erstwhile)\b", re.IGNORECASE)  # an alias that holds the word itself
# "dissidents of the former FARC": the group is only where they came from
MEMBERS_OF_BEFORE_RE = re.compile(r"\b(?:dissidents|members|fighters|rebels|combatants|remnants|splinter\s+groups?|factions?)\s+"
                                  r"of\s+(?:the\s+)?(?:former\s+|ex-)?$", re.IGNORECASE)
# A bare "the government": the government of the country the story is about (not "the government of X",
# "government forces", "government-held").
# "the government of President X" is the government X heads; the acting cue follows X's name.
_HEAD_OF_GOVERNMENT = (r"(?i:(?:transitional|interim|acting|military|caretaker)\s+)?(?i:president|prime\s+minister|premier|"
                       r"chancellor|captain|colonel|general|field\s+marshal|king|emir|sultan)")
THE_GOVERNMENT_RE = re.compile(
    r"(?P<head>\b[Tt]he\s+(?:(?:federal|national|central|interim|transitional|military|army-backed|army-led|civilian|new|"
    r"current)\s+)?government\b|"
    # "the interim authorities": a national qualifier says they are the state's, not a town's
    r"\b[Tt]he\s+(?:federal|national|central|interim|transitional|military|army-backed|army-led)\s+authorities\b|"
    r"\b[Tt]he\s+(?:federal|national|central)\s+and\s+(?:provincial|state|regional)\s+governments\b|"
    # "the ruling junta", "the country's military junta": the junta of the story's country is its government
    r"\b[Tt]he\s+(?:(?:ruling|military|country['’]s|new|current)\s+)+junta\b)"
    # ("the military government of Assimi Goita": a name without a title must be a person's, which the caller checks)
    rf"(?:\s+of\s+(?:{_HEAD_OF_GOVERNMENT}(?:\s+[A-Z][\w'’.-]*)+|(?P<leader>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)))?"
    # "the government of Chad" is named, "accused the government of abuses" is the story's
    r"(?!['’]s\s+(?:forces|troops|army))(?![-\s]+(?:of(?=\s+(?:the\s+|national\b|[A-Z]))|in|forces|troops|soldiers|units|army|"
    r"military|held|controlled|backed|aligned|allied|run|owned|side|areas|positions)\b)"
)
# "Government spokesman X said", "a government spokeswoman": the national government speaking.
GOVERNMENT_SPOKESPERSON_RE = re.compile(r"\b[Gg]overnment(?=\s+spokes(?:man|woman|person)\b)")
SUBNATIONAL_WORDS = frozenset({"regional", "provincial", "state", "local", "municipal", "city", "county", "district"})
COORDINATION_RE = re.compile(r"-?,?\s+(?:and|or|&)\s+(?:the\s+)?|,\s+(?:the\s+)?")
LAST_COORDINATION_RE = re.compile(r"-?,?\s+(?:and|or|&)\s")  # a list of names ends in "and"/"or" ("Qatar- and Turkey-")
PREVIOUS_WORD_RE = re.compile(r"([\w.'’-]+)\s+$")
TITLES = frozenset(
    "President Prime Minister Premier General Gen Lt Col Colonel Major Maj Captain Capt Commander Mr Mrs Ms Dr Sheikh "
    "Spokesman Spokeswoman Spokesperson Official Officials Head Director Founder Member Members Fighters "
    "King Queen Prince Emir Sultan Chairman Chief Judge Governor Gov Senator Sen Rep Speaker Secretary Ambassador Envoy "
    "Field Marshal Admiral Adm Brigadier Imam Ayatollah Pope Father Rev Bishop Leader Former Late Deputy Acting Interim "
    "Foreign Defence Defense Interior Finance Vice".split()
)


ARMED_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia", "state_forces"})
# What a police force does besides what states do: "police dispersed the crowd", "police had taken him".
# (past forms only of the verbs that are also nouns: "under police escort", "a police patrol")
_POLICING_VERBS = _verb_forms("disperse struggle authorise authorize evict", "took taken take takes taking broke breaks beat beaten "
                              "beating clashed searched questioned charged escorted stopped patrolled guarded stormed rounded")
POLICING_AFTER_RE = re.compile(rf"\s+{_FILLER}(?:{_POLICING_VERBS})\b")
# A military action right after a government's name: its forces did it ("the junta shelled villages").
FIGHTING_AFTER_RE = re.compile(
    rf"\s+{_FILLER}(?:{_verb_forms('shell bomb attack raid recapture retake strafe bombard fire kill invade', 'struck strikes retook shot pounded pounding hit hits hitting fought')}|"
    r"(?:launched|carried\s+out|conducted|mounted|staged)\s+(?:[\w-]+\s+){0,2}(?:strikes|airstrikes|offensive|attacks?|raids?|"
    r"assault|invasion|drones|missiles|rockets|(?:military|ground|security|counter-?terrorism)\s+operations?))\b(?!\s+(?:a|an)\s+(?:\w+\s+)?deal|\s+(?:back|by|hard|out)\b)"
)
# A country that keeps, sends or deploys troops: they are its national armed forces ("Russia still keeps forces at
# the base", "the US has about 2,000 troops in Syria"); the verb may make its government act as well.
FORCES_HELD_AFTER_RE = re.compile(
    rf"\s+{_FILLER}(?:{_verb_forms('keep maintain deploy station send move', 'has have had kept sent')})\s+"
    r"(?:(?:its|their|some|about|around|nearly|almost|roughly|over|more\s+than|fewer\s+than|up\s+to|an\s+estimated|"
    r"[\d,.]+|additional|extra|more|new|own|several|a\s+few|thousands\s+of|hundreds\s+of|ground|combat|special)\s+)*"
    r"(?:troops|forces|soldiers|military\s+advisers|warships|fighter\s+jets)\b")
# A state holding ground does so through its forces: "the towns Ukraine still controls", "Russia occupies a fifth of it".
TERRITORY_AFTER_RE = re.compile(rf"\s+{_FILLER}(?:controls?|controlled|occupies|occupy)\s+(?!(?:the\s+)?(?:prices?|inflation|"
                                r"budgets?|spending|access|exports?|imports?|trade|supply|supplies|flows?|market|media|narrative)\b)")
# A group's armed branch named through the group: "the group's military", "the movement's armed wing" (not "its
# fighters": an armed group's fighters are the group; not "the group's military infrastructure": a thing of it).
WING_RE = re.compile(r"\b(?:[Tt]he\s+(?:group|movement|organi[sz]ation|party|faction|rebels|militia)['’]s?|[Ii]ts)\s+(?:own\s+)?"
                     r"(?:armed\s+wing|military\s+wing|military|armed\s+forces)\b(?![-'’])(?!\s+(?:infrastructure|capabilit|"
                     r"positions|sites|targets|assets|facilities|build|arsenal|strength|power|operations|command|leadership|"
                     r"commanders?|hardware|equipment|wing|campaign|activit|presence|might)\w*)")
# What names an armed branch as such: "Qassam Brigades", "Tigray Defence Forces", "PKK armed wing", "Houthi military"
# (not a unit, "Radwan Forces", nor a group whose own name holds "Army": "Sudan Liberation Army").
WING_NAME_RE = re.compile(r"\b(?i:(?:armed|military)\s+(?:wing|forces)|defen[cs]e\s+forces?)\b|\bBrigades\b|\s(?:army|military)$")
# A government's forces named through it: "the Palestinian Authority, whose security services raided the camp",
# "the regional government's security forces".
FORCES_OF_AFTER_RE = re.compile(r"(?:['’]s|,\s+whose)\s+(?:own\s+)?(?:security\s+)?(?:forces|services|troops|soldiers)\b(?![-'’])")
# The two sides of a relation named in one word: "US-Iran talks", "the Ethiopia-Eritrea peace deal" (not a war: that
# is the forces' doing, guideline section 2; not trade: "US-China trade talks" are still the states', the noun decides).
_PAIR_RELATION = (r"(?:\s+(?:[a-z]+\s+){0,2}?)(?:talks|negotiations|deal|agreement|accord|summit|ceasefire|truce|pact|treaty|"
                  r"relations|ties|cooperation|meeting|rapprochement|normali[sz]ation|dialogue|prisoner\s+exchange|"
                  r"prisoner\s+swap)\b")
PAIR_FIRST_AFTER_RE = re.compile(rf"-(?:[A-Z][\w'’]*)(?:\s+[A-Z][\w'’]*)?{_PAIR_RELATION}")
PAIR_SECOND_RE = (re.compile(r"\b[A-Z][\w'’]*-$"), re.compile(_PAIR_RELATION))
# Unnamed ministers of a country's office: "Turkish and Syrian defence ministers signed", "Iraq's oil minister said";
# not a named one ("Foreign Minister Ali Bashir said", "its finance minister, Ali Bashir,": the person acts).
MINISTER_AFTER_RE = re.compile(r"(?:['’]s)?\s+(?P<x>[a-z]+(?:\s+(?:and\s+)?[a-z]+)?)\s+ministers?\b(?!,?\s+(?:[A-Z]|and\b|of\b))")
# A group named through its leader: "Hemedti's fighters", "the faction of Hafiz Gul Bahadur", "men loyal to X".
_FOLLOWERS = r"(?:faction|group|fighters|forces|men|militiamen|militia|loyalists|followers|troops|outfit|network|paramilitaries)"
FOLLOWERS_AFTER_RE = re.compile(rf"['’]s?\s+(?:own\s+|armed\s+)?{_FOLLOWERS}\b")
# A party or movement named through its leader: "Muqtada al-Sadr, whose movement ...", "Masra's party".
PARTY_AFTER_RE = re.compile(r"(?:['’]s?|,\s+whose)\s+(?:own\s+)?(?:political\s+)?(?:party|movement)\b")
PARTY_NAME_RE = re.compile(r"\b(?:Movement|Party|Parti|Mouvement|Transformateurs|Bloc|Alliance)\b")
FOLLOWERS_BEFORE_RE = re.compile(
    rf"\b{_FOLLOWERS}\s+(?:of|loyal\s+to|led\s+by|commanded\s+by|headed\s+by|allied\s+(?:to|with))\s+"
    r"(?:(?:the\s+)?(?:[a-z]+\s+)?(?:commander|leader|chief|warlord|general|cleric)\s+)?$"
)
