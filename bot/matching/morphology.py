"""German verb morphology the Snowball stemmer leaves alone.

- `verb_forms`: the -t of the third person, the ge- of the participle and the -zu- of the
  infinitive ("anquatscht" → anquatschen, "gesteuert" → steuern, "eingeladen" → einladen,
  "einzubeziehen" → einbeziehen);
- `particle_verb`: a verb with a separable particle ("losplanen", "klarmachen"), split
  into particle and verb;
- `dropped_e`: a verb in -eln and its noun in -lung, which drops the e ("sammeln" ~
  "Sammlung", "vermitteln" ~ "Vermittlung", "entwickeln" ~ "Entwicklung"): their stems
  share no start long enough for the prefix family (`bot.matching.spellings`).
"""

from __future__ import annotations

from functools import lru_cache

from bot.matching.normalize import stem

MIN_STEM = 4
MIN_VERB = 5
# Separable verb particles ("eingeladen", "abgestimmt", "losplanen").
PARTICLES = ("ab", "an", "auf", "aus", "bei", "ein", "fest", "her", "hin", "los", "mit", "weiter",
             "nach", "vor", "weg", "zu", "zurueck", "zusammen", "um", "durch", "dar",
             # spoken short forms of her-/hin- ("rumgeschickt", "rausfinden", "reinholen")
             "rum", "raus", "rein", "rauf", "runter", "rueber", "ran")
# Adjectives used as particles ("klarmachen", "offenlegen", "festlegen").
ADJECTIVE_PARTICLES = ("klar", "offen", "frei", "bekannt", "sicher", "gut", "schlecht", "kaputt",
                       "schief", "fertig")


@lru_cache(maxsize=65536)
def verb_forms(word: str) -> tuple[str, ...]:
    """Stems of the infinitive a German verb form may belong to, where Snowball misses it.

    Snowball leaves the -t of the third person, the ge- of the participle and the -zu- of a
    separable verb's infinitive ("Lust, sie einzubeziehen"): "anquatscht" → "anquatsch",
    "gesteuert" → "steu", "eingeladen" → "einlad", "vorzulegen" → "vorleg".
    """
    bases = [word]
    if word.endswith(("t", "en")):
        for particle in ("", *PARTICLES, *ADJECTIVE_PARTICLES):
            if word.startswith(particle + "ge") and len(word) - len(particle) >= 6:
                bases.append(particle + word[len(particle) + 2 :])
    if word.endswith("en"):
        for particle in (*PARTICLES, *ADJECTIVE_PARTICLES):
            rest = word[len(particle) + 2 :]
            if word.startswith(particle + "zu") and len(rest) >= MIN_VERB:
                bases.append(particle + rest)
    forms = []
    for base in bases:
        if base.endswith("t") and len(base) >= 5:
            forms.append(stem(base[:-1] + "en"))
        elif base is not word:
            forms.append(stem(base))
    return tuple(f for f in dict.fromkeys(forms) if len(f) >= MIN_STEM)


@lru_cache(maxsize=65536)
def particle_verb(word: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(particle, verb, the verb's infinitive stems) for each particle the word starts with,
    the longest particle first; the verb keeps at least MIN_VERB letters."""
    found = []
    for particle in sorted((*PARTICLES, *ADJECTIVE_PARTICLES), key=len, reverse=True):
        verb = word[len(particle) :]
        if word.startswith(particle) and len(verb) >= MIN_VERB:
            found.append((particle, verb, verb_forms(verb)))
    return tuple(found)


_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=65536)
def dropped_e(token: str) -> tuple[str, ...]:
    """The stems of the other side of an -eln verb and its -lung noun: "sammel" (sammeln) →
    "sammlung", "sammlung" → "sammel"; Snowball stems some of these nouns without their
    -ung ("vermittl" of Vermittlung, "entwickl" of Entwicklung), so both noun stems are
    given, and "vermittl" → "vermittel". A form that is no word ("spilung" of "spiel")
    matches no stem of the index."""
    if len(token) < MIN_VERB:
        return ()
    if token.endswith("el") and token[-3] not in _VOWELS:
        return (token[:-2] + "l", token[:-2] + "lung")
    if token.endswith("lung") and token[-5] not in _VOWELS:
        return (token[:-4] + "el",)
    if token.endswith("l") and token[-2] not in _VOWELS:
        return (token[:-1] + "el",)
    return ()
