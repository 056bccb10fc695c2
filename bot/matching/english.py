"""English words for matching: function words, chat spellings, US spellings, phrasal verbs.

`english_words` turns the folded words of an English text into its content words:
- the contracted forms of "couldn't", "we're", "they've" leave no "couldn", "re", "ve";
- irregular past forms become their verb ("forgotten" → "forget");
- US spellings become the British ones the content uses ("organize" → "organise",
  "neighborhood" → "neighbourhood", "center" → "centre"), so either spelling finds it;
- a phrasal verb or idiom whose meaning is not in its words becomes one word with that
  meaning ("reach out" → "contact", "drop out" → "quit", "get out of" → "benefit");
- function words and question fillers are dropped, chat spellings written out.

All lists are general English (standard stop word lists, the regular US/UK spelling
classes, common phrasal verbs of working life), not taken from any question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import snowballstemmer

# Function words and question fillers. "it" and "how" are here: they must never find
# "IT-Unternehmen" or "Know-how". The second block is what contractions leave behind
# ("couldn't" → "couldn" "t", "we're" → "we" "re") and the rest of the Snowball list.
ENGLISH_STOP_WORDS = frozenset(
    """
    a an the and or but of to in on at for with from by as about into than if so
    is are was were be been being am do does did done has have had having
    i me my we us our you your they them their he she him her his it its
    this that these those there here what which who whom whose how when where why
    can could should would will shall may might must not no
    dont doesnt isnt arent cant wont im ive don doesn isn aren won whats hows
    hi hey hello ok okay please
    couldn wouldn shouldn didn wasn weren hasn haven hadn mustn needn shan mightn ain
    ll re ve
    myself ourselves yourself yourselves themselves itself himself herself ours yours theirs
    doing ought let lets cannot because while until although though whether nor
    very too quite really just also even ever yet then once again further
    any some all each every both such much many
    something anything everything nothing someone anyone everyone somebody anybody
    everybody thing things stuff lot lots bit kind sort etc maybe perhaps anymore
    """.split()
)

# Chat and text-message spellings of English words, and common abbreviations of
# administrative words, as their full word (a general list, not taken from any question).
ENGLISH_CHAT_FORMS = dict(
    pair.split("=")
    for pair in """
    ppl=people ppls=people peeps=people u=you ur=your r=are y=why pls=please plz=please
    cuz=because coz=because bc=because b4=before tho=though thru=through gonna=going
    wanna=want gotta=have dunno=know govt=government gov=government dept=department
    depts=departments admin=administration info=information org=organisation
    orgs=organisations comms=communication mgmt=management msg=message
    nbhd=neighbourhood hood=neighbourhood vols=volunteers
    """.split()
)

# Frequent English verbs and fillers that carry little topic: they count, but weakly.
# The second block: how people frame a question ("any ideas?", "make sure", "I feel"); the
# third: adverbs of frequency, time and place, and sentence adverbs ("never", "clearly").
ENGLISH_LIGHT_WORDS = frozenset(
    """
    get gets getting got make makes making made go goes going went find finds finding
    need needs needed want wants wanted use uses using used help helps helping work works
    working good better best right new way ways best keep keeps take takes give gives put
    know knows see sees say says tell tells start starts try tries deal handle manage
    possible important actually always still already
    sure feel feels felt seem seems seemed think thought advice tip tips
    recommend ask asked wonder mean means come comes came happen happens happened whole
    totally basically tons loads bunch able
    never often sometimes usually rarely seldom now today soon later anywhere somewhere
    everywhere nowhere anyway clearly obviously certainly simply
    """.split()
)

# US spellings → British (the content's). Regular classes: -or/-our, -er/-re, -og/-ogue,
# -ense/-ence, single/double l, -ize/-yze (below, by rule); each base with its endings;
# and the US names of a council member.
_OUR = """color favor honor labor neighbor behavior harbor humor rumor endeavor flavor
          savior vapor odor armor parlor""".split()
_OUR_ENDINGS = ("", "s", "ed", "ing", "hood", "hoods", "ite", "ites", "able", "al", "ful",
                "er", "ers", "ly", "less")
_PAIRS = """center=centre centers=centres centered=centred centering=centring
    theater=theatre theaters=theatres fiber=fibre liter=litre meter=metre meters=metres
    program=programme programs=programmes catalog=catalogue catalogs=catalogues
    dialog=dialogue dialogs=dialogues analog=analogue defense=defence offense=offence
    license=licence judgment=judgement judgments=judgements acknowledgment=acknowledgement
    aging=ageing enroll=enrol enrollment=enrolment fulfill=fulfil fulfillment=fulfilment
    skillful=skilful willful=wilful gray=grey mom=mum moms=mums jewelry=jewellery
    counselor=counsellor counselors=counsellors counseling=counselling traveler=traveller
    travelers=travellers traveling=travelling modeling=modelling canceled=cancelled
    labeled=labelled labeling=labelling fueled=fuelled mold=mould plow=plough cozy=cosy
    math=maths practicing=practising nonprofit=charity nonprofits=charities
    councilor=councillor councilors=councillors councilman=councillor councilmen=councillors
    councilwoman=councillor councilwomen=councillors councilmember=councillor
    councilmembers=councillors alderman=councillor aldermen=councillors
    """.split()
US_TO_UK = {us + end: uk + end for base in _OUR for us, uk in [(base, base[:-2] + "our")]
            for end in _OUR_ENDINGS} | dict(pair.split("=") for pair in _PAIRS)
# -ize/-yze → -ise/-yse after a stem of three letters or more ("organize", "analyze");
# "size" and its compounds keep their z, "citizen" never ends like a verb.
_IZE = re.compile(r"^(\w{3,}?)(i|y)z(e|es|ed|ing|ation|ations|er|ers|able)$")


def british(word: str) -> str:
    """The British spelling of a folded English word ("organization" → "organisation")."""
    found = US_TO_UK.get(word)
    if found:
        return found
    if "z" in word and "size" not in word:
        match = _IZE.match(word)
        if match:
            return f"{match[1]}{match[2]}s{match[3]}"
    return word


# Irregular past forms as their verb, which the stemmer leaves alone ("forgotten" → forget,
# "built" → build); forms that are also other words ("found", "left", "saw", "rose") stay.
IRREGULAR = dict(
    pair.split("=")
    for pair in """
    led=lead built=build held=hold met=meet paid=pay sold=sell told=tell lost=lose
    chosen=choose chose=choose written=write wrote=write spoken=speak spoke=speak
    broken=break broke=break forgotten=forget forgot=forget understood=understand
    taught=teach sought=seek fought=fight bought=buy caught=catch dealt=deal meant=mean
    kept=keep began=begin begun=begin grew=grow grown=grow fell=fall fallen=fall hung=hang
    sent=send lent=lend brought=bring thought=think heard=hear stood=stand struck=strike
    withdrew=withdraw withdrawn=withdraw taken=take took=take given=give gave=give
    shown=show known=know knew=know seen=see done=do drew=draw drawn=draw
    """.split()
)

# Phrasal verbs and idioms whose meaning is not in their words, as the one word that says
# it (a general list of working-life English; the first word matches in any inflection).
# Irregular past forms are listed as first words of their own.
_PHRASES = """
    reach out=contact get in touch=contact got in touch=contact
    take part=participate took part=participate
    drop out=quit give up=quit gave up=quit pull the plug=quit
    call it a day=quit step down=quit wind down=quit phase out=quit
    fall apart=fail fell apart=fail fall through=fail fell through=fail
    bring together=connect brought together=connect team up=cooperate
    work together=cooperate
    show up=attend turn up=attend
    keep in the loop=inform kept in the loop=inform loop in=inform
    buy in=support on board=involve onboard=induction onboarding=induction
    carry out=implement come up with=develop came up with=develop
    spell out=clarify sort out=clarify tap into=use kick off=start
    hand over=handover get out of=benefit got out of=benefit
    pay off=benefit paid off=benefit make sure=ensure made sure=ensure in charge=responsible
    who does what=roles who is doing what=roles who did what=roles lay out=present
    turn to=contact turned to=contact get hold of=contact got hold of=contact
    close down=quit shut down=quit wind up=quit
    follow up=feedback followed up=feedback report back=feedback hear back=feedback
    heard back=feedback get back to=feedback got back to=feedback
"""


def _phrase_table() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for item in re.findall(r"([a-z ]+?)=([a-z]+)", _PHRASES):
        phrase, meaning = item
        first, *rest = phrase.split()
        options = table.setdefault(_key(first), [])
        if (tuple(rest), meaning) not in options:
            options.append((tuple(rest), meaning))
    return {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in table.items()}


_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    """What a phrase's first word is looked up by: its stem ("reaching" → "reach")."""
    return str(_STEMMER.stemWord(word))


PHRASES = _phrase_table()


def english_words(raw: list[str]) -> list[str]:
    """The content words of an English text's folded words, in order (see module doc)."""
    found = []
    index, end = 0, len(raw)
    while index < end:
        word = raw[index]
        index += 1
        options = PHRASES.get(_key(word)) if word else None
        if options:
            for rest, meaning in options:
                if tuple(raw[index : index + len(rest)]) == rest:
                    word, index = meaning, index + len(rest)
                    break
        word = british(IRREGULAR.get(word) or ENGLISH_CHAT_FORMS.get(word, word))
        if len(word) > 1 and word not in ENGLISH_STOP_WORDS:
            found.append(word)
    return found


# Words of one family that the Snowball stemmer gives different stems ("decide" → decid,
# "decision" → decis): verb and noun, adjective and noun (general English derivation).
_FAMILIES = """
    decide=decision divide=division provide=provision explain=explanation
    succeed=success fail=failure apply=application describe=description
    define=definition solve=solution permit=permission admit=admission submit=submission
    extend=extension intend=intention expand=expansion agree=agreement
    maintain=maintenance receive=reception perceive=perception conclude=conclusion
    include=inclusion exclude=exclusion persuade=persuasion assume=assumption
    intervene=intervention compare=comparison repeat=repetition pursue=pursuit
    destroy=destruction clear=clarity clarify=clarity free=freedom long=length
    strong=strength
"""
# Noun endings that keep the meaning of the noun they are added to ("partnership",
# "neighbourhood", "membership"): the stem without them is the same family.
_FAMILY_ENDINGS = ("ship", "hood")


def _family_table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for pair in _FAMILIES.split():
        first, second = (_key(word) for word in pair.split("="))
        table.setdefault(first, set()).add(second)
        table.setdefault(second, set()).add(first)
    return {stem: frozenset(others) for stem, others in table.items()}


FAMILIES = _family_table()


@lru_cache(maxsize=65536)
def family(token: str) -> tuple[str, ...]:
    """English stems of the same word family as a stem, as far as the stemmer splits them:
    "decis" → decid, "partnership" → partner (candidates: whichever the index holds)."""
    found = set(FAMILIES.get(token, ()))
    if token.endswith("is") and len(token) >= 7:  # "finalis(e)" → final, "formalis" → formal
        found.add(token[:-2])
    ending = next((e for e in _FAMILY_ENDINGS if token.endswith(e)), None)
    if ending is None:
        found.update(token + e for e in _FAMILY_ENDINGS)
    elif len(token) - len(ending) >= 4:
        found.add(token[: -len(ending)])
    return tuple(sorted(found))


# A synonym whose stem is an everyday word at least this frequent (Zipf) and clearly more
# frequent than the synonym itself stays out of its group (`synonym_collides`).
COLLIDING_ZIPF = 4.3
COLLIDING_GAP = 0.5
INFLECTIONS = ("s", "es", "ed", "d")


def synonym_collides(word: str, frequency: Callable[[str], float]) -> bool:
    """True when a synonym's English stem is another, much more frequent word: "backing"
    stems to "back", "setting" to "set", "publicity" to "public", the German "Spende" to
    "spend"; in a synonym group it would make every "back", "set up" or "spend" mean the
    group. Inflections ("roles" → "role") keep their word. `frequency`: Zipf in English."""
    token = _key(word)
    if token == word or (word.startswith(token) and word[len(token) :] in INFLECTIONS):
        return False
    common = frequency(token)
    return common >= COLLIDING_ZIPF and common > frequency(word) + COLLIDING_GAP
