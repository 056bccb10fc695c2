"""English loanwords in a German message, understood through the content's English version.

German writers in this field mix in English management and civic-tech words ("Lessons
Learned", "Opinion Leader", "Touchpoints", "Civil Society"). The content's English
translation (content/en/, aligned with the German entries and pointers by id) already says
in English what each entry is about, in its titles, questions and keywords. So an English
word the German content does not know is resolved by the English vocabulary (its stems,
synonyms and word families) and explains the German documents the English one does: the
content's own translation is the bilingual dictionary, for every loanword it uses, not a
list of words.

A word counts as a loanword when it is a real English word (`MIN_ENGLISH_ZIPF`, also as an
inflected form: "learnings") and either no frequent German word and at least as common in
English ("stakeholder", "lessons"), or much more common in English than in German
(`LOAN_MARGIN`: "key", "civil", "leader" occur in German texts too, but far less); not
"Kind", "Art", "Chef" or a typo.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.matching.background import ENGLISH, GERMAN, english_bases, is_common, zipf
from bot.matching.english import english_words

LOAN_PREFIX = "en:"  # English stems live in the German index under this prefix
LOAN_SIMILARITY = 0.8  # as a synonym: another word for what the content says
MIN_ENGLISH_ZIPF = 2.0
LOAN_MARGIN = 1.0  # Zipf difference English − German from which a frequent word is English


def is_loanword(word: str) -> bool:
    """True for a folded word that is English rather than German (see the module doc)."""
    english = max(zipf(form, ENGLISH) for form in (word, *english_bases(word)))
    german = zipf(word, GERMAN)
    if english < MIN_ENGLISH_ZIPF:
        return False
    return english >= german + LOAN_MARGIN or (english >= german and not is_common(word))


def english_forms(word: str) -> list[str]:
    """The English content words a loanword stands for ("organize" → "organise"); none
    for an English function word ("of", "the")."""
    return english_words([word])


def aligned_postings(
    english_postings: Mapping[str, Mapping[int, float]],
    english_ids: Sequence[tuple[str, str]],
    german_ids: Sequence[tuple[str, str]],
) -> dict[str, dict[int, float]]:
    """The English index's postings moved to the German documents of the same id, each
    stem under LOAN_PREFIX. Ids are (kind, id) pairs; documents without a German
    counterpart are left out."""
    german_index = {doc_id: index for index, doc_id in enumerate(german_ids)}
    moved = {i: german_index[doc_id] for i, doc_id in enumerate(english_ids)
             if doc_id in german_index}
    result: dict[str, dict[int, float]] = {}
    for token, posting in english_postings.items():
        aligned = {moved[i]: weight for i, weight in posting.items() if i in moved}
        if aligned:
            result[LOAN_PREFIX + token] = aligned
    return result
