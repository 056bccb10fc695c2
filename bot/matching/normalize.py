"""German text normalisation for matching: fold, tokenise, drop stop words, stem.

`Augenhoehe` and `Augenhöhe`, `Strasse` and `Straße` end up as the same token because
umlauts and ß are folded to their two-letter spellings before stemming.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from bot.matching.closed import UMLAUTS
from bot.matching.english import ENGLISH_LIGHT_WORDS, english_words
from bot.matching.senses import may_clash, other_senses, tax_sense

# The umlauts spelled out, and accents dropped. No replacement contains a character that is
# replaced, so replacing one after the other equals a simultaneous translation (and is
# several times faster than str.translate).
FOLDS = (*UMLAUTS.items(), ("é", "e"), ("è", "e"))
_NON_WORD = re.compile(r"[^a-z0-9]+")
# A folded text's words, fast: every byte but a-z and 0-9 becomes a space (after a non-ASCII
# character became "?"), and bytes.split cuts there — as _NON_WORD.split, without regex.
_WORD_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789"
_SEPARATORS = bytes(b if b in _WORD_BYTES else 32 for b in range(256))
_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")  # a compound written with hyphens
_STEMMER = snowballstemmer.stemmer("german")
_ENGLISH_STEMMER = snowballstemmer.stemmer("english")
GERMAN = "de"
ENGLISH = "en"
# A spelled-out umlaut typed without it: "ae" → "a", "oe" → "o", "ue" → "u".
DEUMLAUT = tuple((spelled, spelled[0]) for char, spelled in UMLAUTS.items() if char != "ß")
_RAW_WORD = re.compile(r"[^\W\d_]+")
# A letter typed three times or more is chat emphasis ("sooo", "bitteee"): once is meant.
_REPEATED = re.compile(r"([a-z])\1\1+")
# A request sentence ends at . ! ? or a line break; "z. B." and "ca. 5" do not end one.
_SENTENCE_END = re.compile(r"(?<=[!?])\s+|(?<=[^\W\d]{2}\.)\s+(?!\d)|\n+")

# Function words and the chatty filler of questions; folded spelling (ae/oe/ue/ss). The last
# block: function words and fillers of the regional everyday languages (Bavarian, Swabian,
# Berlin, Rhineland, Saxon, northern) and common chat abbreviations, as written in chats.
STOP_WORDS = frozenset(
    """
    a ab aber ach alle allem allen aller alles als also am an ander andere anderem
    anderen anderer anderes anders auch auf aus bei beim bin bis bisschen bist bitte
    bloss bzw da dabei dadurch dafuer dagegen daher damit dann daran darauf darf
    darueber darum das dass dasselbe davon dazu dein deine dem den denen denn der deren
    des deshalb dessen die dies diese diesem diesen dieser dieses doch dort du durch
    eigentlich ein eine einem einen einer eines einfach einige einmal er es etwa etwas
    euch euer eure fuer ganz gar gibt gern gerne geht gehen hab habe haben hat hatte
    hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer
    in ins irgendwie ist ja je jede jedem jeden jeder jedes jemand jetzt kann kannst
    koennen koennt konnte koennte koennten mach mache machen macht man manche manchmal
    mehr mein meine meinem meinen meiner mich mir mit moechte moechten muss muessen
    musst nach naemlich nein nicht nichts noch nun nur ob oder ohne okay ok schon sehr
    sein seine seinem seinen seiner sich sie sind so soll sollen sollte sollten sondern
    sowie tun ueber um und uns unser unsere unserem unseren unserer unter viel viele vom
    von vor waere war waren warum was weil welche welchem welchen welcher welches wem
    wen wenn wer werde werden wie wieder will wir wird wirklich wo wobei woher wohin
    wollen wollt worden wuerde wuerden zu zum zur zwar zwischen hallo hi guten tag frage
    fragen eigentlich gibts heisst beim sowas wann innen bzw usw etc
    mal halt eben erstmal gerade total gar echt irgendwas jemanden dran drin drauf
    naechste naechsten naechster naechstes letzte letzten heute morgen gestern co
    nich net ne nen nem ner wat is ham wolln solln gehn andre unsre unsren unsrem gibts
    wirs reichts brauchts machts gehts hats isses haste biste kannste weisste sone son
    so eh na jo joa ne hm hmm oh boah tja ey naja okay
    nix nischt nee jep jup yo oki ah aha aeh aehm oehm hae lol xd evtl vllt vlt iwie iwas
    grad grade dat wa weiss weisst wisst habt hast hab haett haette haetten haettest
    war warst wart wars waer waern waers gabs gings ging gingen isn issn sone soner sonen
    aufm aufn ausm fuern innem inner uebern untern vorm hinterm nochmal nochn nen nem
    quasi sozusagen praktisch irgendwann irgendwo irgendwer irgendwelche ziemlich voll mega
    krass bissl bissel wohl denn damals inzwischen mittlerweile bereits bisher seitdem
    neulich sonst trotzdem obwohl dennoch weshalb wieso weswegen worum woran worauf wodurch
    womit wozu wofuer wovon worueber wann wies obs wenns wos dis des muesste muessten
    duerfte duerften wollte wollten mochte konnten sollen sollt solltet
    gell gelle odda oda isch nit mer jetz nu ebend ick nuescht weng koa hoid scho ned hamma
    samma simmer willste musste gehste machste ggf zb bspw usw mmn imho btw lg vg mfg
    dahinter danach daneben daraus darin darunter davor dazwischen draus drueber drunter
    drum drumherum wogegen wonach woraus worin worunter wovor hierfuer hierzu hiermit hierbei
    frag
    mia ma hob wia oiso bissal bissle zamm zam zsamm doa do nimma gemma gehma simma
    mr hen hent au ebbes icke det dit janz keene ooch och jibt jeht et jet haet aach ni de
    noe buesschen bueschen eig eigl iwer iwo iwann nochma nomma tlw teilw grds zw insb bzgl
    dh zzt inkl ca wern werd hamse hattn sollste gibste wirste siehste taet taeten haha hihi
    hehe jaja nene najaa omg wtf rofl ehh heut heit
    """.split()
)


# Frequent verbs and fillers that carry little topic: they count, but weakly.
LIGHT_WORDS = frozenset(
    """
    bringen bringe bringt kommen komme kommt geben gebe gibt finden finde findet
    brauchen brauche braucht sichern sichert holen hole lohnen lohnt klaeren klaert
    entstehen entsteht bedeuten bedeutet gehoeren gehoert wissen weiss spielen spielt
    sinnvoll richtig gut gute guten besser beste am ehesten eigentlich ueberhaupt
    wichtig genau stellen stellt sehen sieht lassen laesst nehmen nimmt halten haelt
    bekommen bekommt kriegen kriegt schaffen schafft erreichen erreicht umgehen wirken
    wirkt dafuer darf duerfen sollen tun tut passiert passieren laufen laeuft sagen sagt
    moeglich neu neue neuen gucken gucke guckt schauen schaue schaut
    """.split()
)


def deumlaut(word: str) -> str:
    """A folded word as typed without umlaut keys: "fuer" → "fur", "grundsaetze" → "grundsatze"."""
    if "e" not in word:
        return word
    for spelled, plain in DEUMLAUT:
        word = word.replace(spelled, plain)
    return word


def fold(text: str) -> str:
    """Casefold and spell umlauts and ß out (Straße → strasse)."""
    text = text.casefold()
    if text.isascii():
        return text
    for char, spelled in FOLDS:
        if char in text:
            text = text.replace(char, spelled)
    return text


def raw_words(folded: str) -> list[bytes]:
    """A folded text cut into its raw words (ASCII bytes; a non-ASCII character is a
    separator), before stop words and emphasis are dealt with (`content_word`)."""
    return folded.encode("ascii", "replace").translate(_SEPARATORS).split()


def words(text: str, lang: str = GERMAN) -> list[str]:
    """Folded words of a text, stop words (also typed without umlauts) removed, in order;
    letters repeated for emphasis ("sooo", "neeee") count once.

    `lang` "en" drops English function words instead (translated content, English questions):
    "it", "how" and "the" are no content words there.

    A compound written with hyphens counts as its parts and as the one word German may
    also write it as ("Online-Beteiligung": online, beteiligung, onlinebeteiligung), so
    it finds a document that names it, however either side spells it. The tax
    "Steuer(n)" comes out as `bot.matching.senses.TAX_WORD` (`tax_sense`), the verb
    "räumen", the adjective "fest" and the noun "Zahlen" as other words (`other_senses`)."""
    if lang != GERMAN:
        return _english_words(text)
    folded = fold(text)
    if "steuer" in folded:  # the tax "Steuern" is no form of the verb "steuern"
        text = tax_sense(text)
        folded = fold(text)
    if may_clash(folded):  # "Räume"/"räumen", "Fest"/"fest", …
        folded = fold(other_senses(text))
    found = list(filter(None, map(_CONTENT_WORDS.__getitem__, raw_words(folded))))
    if "-" in folded:  # "Online-Beteiligung" is also the one word "onlinebeteiligung"
        folded = _REPEATED.sub(r"\1", folded)
        found.extend(match.group().replace("-", "") for match in _HYPHENATED.finditer(folded))
    return found


class _ContentWords(dict[bytes, str]):
    """One raw word (ASCII bytes) → the content word it is, "" for none: its emphasis
    collapsed ("sooo" → "so"), then dropped if a stop word or a single character. Kept per
    distinct word (at most MAX_WORDS), so each word is read once and shared."""

    MAX_WORDS = 100_000

    def __missing__(self, raw: bytes) -> str:
        if len(self) >= self.MAX_WORDS:
            self.clear()
        word = _REPEATED.sub(r"\1", raw.decode("ascii"))
        found = self[raw] = word if len(word) > 1 and word not in _STOP_FORMS else ""
        return found


_CONTENT_WORDS = _ContentWords()


def _english_words(text: str) -> list[str]:
    """English content words (`bot.matching.english`): "ppl" → "people", "organize" →
    "organise", "reach out" → "contact"; function words dropped."""
    return english_words(_NON_WORD.split(fold(text)))


def lower_case_words(text: str) -> frozenset[str]:
    """Folded words written in lower case, in a text whose writer uses capital letters.

    German capitalises nouns, so in such a text a lower-case word is a verb, adjective or
    function word: it tells less about the topic than a noun. In a text written all in
    lower case (chat style) nothing can be told, and the set is empty.
    """
    inside = [w for part in sentences(text) for w in _RAW_WORD.findall(part)[1:]]
    if not any(w[0].isupper() for w in inside):
        return frozenset()
    return frozenset(fold(w) for w in inside if w[0].islower())


def sentences(text: str) -> list[str]:
    """The sentences of a message (split at . ! ? and line breaks), empty ones dropped."""
    return [s for s in (part.strip() for part in _SENTENCE_END.split(text)) if s]


@lru_cache(maxsize=65536)
def stem(word: str, lang: str = GERMAN) -> str:
    """Snowball stem of one folded word (German, or English for lang "en")."""
    stemmer = _STEMMER if lang == GERMAN else _ENGLISH_STEMMER
    return str(stemmer.stemWord(word))


def tokens(text: str) -> list[str]:
    """Stemmed content tokens of a text."""
    return [stem(w) for w in words(text)]


def light_stems(lang: str) -> frozenset[str]:
    """The stems of the frequent verbs and fillers of a language (they count weakly)."""
    return LIGHT_STEMS if lang == GERMAN else ENGLISH_LIGHT_STEMS


_STOP_FORMS = STOP_WORDS | frozenset(deumlaut(word) for word in STOP_WORDS)
LIGHT_STEMS = frozenset(stem(word) for word in LIGHT_WORDS)
ENGLISH_LIGHT_STEMS = frozenset(stem(word, ENGLISH) for word in ENGLISH_LIGHT_WORDS)

# For reading many texts at once (`bot.matching.reader`): the bytes words are made of, and
# the content word of one raw word (ASCII bytes of a folded text) as `words` finds it.
WORD_BYTES = _WORD_BYTES
content_word = _CONTENT_WORDS.__getitem__
