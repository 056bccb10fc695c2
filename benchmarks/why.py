"""Why a message gets the answer it gets: its terms and how each ranked pointer explains them.

    python -m benchmarks.why "Frage …" ["Frage …" …]

For each message: the answer (`Matcher.search`), the request's asked predicate and head; per
term its ranking weight, specificity (info), whether it is practical (P) or a service or
private word (F), its first candidates, and how well each of the best pointers explains it
(field weight times similarity, "-" for not at all); per pointer its score, fit, practical
share left open, whether it names what is asked (core), its confidence, whether the message
names its topic or names it by its own word (`Ranker.names_topic`, `names_own`), and the
n-gram classifier's posterior. A tool for finding WHY a pointer comes first — for tune
questions only (never for the check halves of the eval sets).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bot.config import DEFAULT_CONTENT_DIR
from bot.content.loader import load_content
from bot.matching.frames import asks_practically
from bot.matching.matcher import Matcher
from bot.matching.ngrams import NONE, WORKSHOP
from bot.matching.normalize import sentences
from bot.matching.request import request_sentence

POINTERS = 4  # pointers shown side by side
CANDIDATES = 3  # candidates shown per term


def explain(matcher: Matcher, text: str) -> list[str]:
    """The lines that say why `text` gets its answer (see the module docstring)."""
    result = matcher.search(text)
    asking = request_sentence(text, matcher.content.lang)
    terms = matcher.terms(text)
    principles, pointers = matcher.rank(
        terms,
        asks_practically(asking),
        len(sentences(text)) > 1,
        *matcher.asked(asking),
        keep=POINTERS,
        predicate=matcher.predicate(asking),
        head=matcher.head(asking),
    )
    offered = result.pointer.pointer.id if result.pointer else "-"
    lines = [
        text,
        f"answer: {result.kind}, pointer {offered}, principle "
        f"{result.matches[0].entry.id if result.answered and result.matches else '-'}; "
        f"predicate {matcher.predicate(asking)}, head {matcher.head(asking)}",
        "best principles: "
        + ", ".join(f"{matcher.content.entries[r.index].id} {r.score}" for r in principles[:2]),
    ]
    ids = [matcher.pointer_at(r.index).id for r in pointers]
    lines.append(
        f"{'term':<22}{'weight':>7}{'info':>6}    {'candidates':<30}"
        + "".join(f"{pointer[:15]:>16}" for pointer in ids)
    )
    found_by, _ = matcher.ranker._found_by(terms)
    for term, practical, explains in found_by:
        mark = "P" if practical else ("F" if term.foreign else "")
        shown = ",".join(f"{c}:{s:.2f}" for c, s in term.candidates[:CANDIDATES])
        values = "".join(
            f"{'-' if (v := explains.value(r.index)) is None else f'{v:.2f}':>16}"
            for r in pointers
        )
        lines.append(
            f"{term.token[:21]:<22}{term.weight:7.2f}{term.info:6.2f} {mark:<2} "
            f"{shown[:30]:<30}{values}"
        )
    posterior = matcher.ngrams.posterior(text, leave_out=(WORKSHOP, NONE))
    for pointer_id, ranked in zip(ids, pointers, strict=True):
        fit = ranked.fit
        confidence = matcher.ranker.pointer_confidence(terms, ranked, matcher.pointer_weights)
        lines.append(
            f"  {pointer_id:<24} score {ranked.score:5.1f}  fit {fit.fit:.2f}  practical left "
            f"{fit.practical_left:.2f}  core {fit.core!s:<5}  confidence {confidence:.2f}  "
            f"topic {matcher.ranker.names_topic(terms, ranked.index)!s:<5}  own "
            f"{matcher.ranker.names_own(terms, ranked.index)!s:<5}  "
            f"n-grams {posterior.get(pointer_id, 0.0):.2f}"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m benchmarks.why MESSAGE …`: print why each message gets its answer."""
    messages = list(sys.argv[1:] if argv is None else argv)
    if not messages:
        print(__doc__)
        return 2
    matcher = Matcher(load_content(DEFAULT_CONTENT_DIR))
    for message in messages:
        print("\n".join(explain(matcher, message)), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
