"""Long tune messages in the forms people send them: does the answer hold up?

    python -m benchmarks.longforms

The long tune messages (tests/data/realistic.yaml's tune half, tests/data/long.yaml,
tests/data/long_fresh.yaml) are rewritten mechanically into the shapes real long messages
take — a sign-off ("Vielen Dank im Voraus!", "Viele Grüße, Petra Schulte"), a salutation
("Hallo zusammen, …"), an e-mail frame with signature, no question mark (chat style), the
question first and the situation after it — and each form is scored like the plain text:
the best principle's top-1 (ranked, and answered). A form that scores below `plain` shows a
way of writing the matcher misreads. Long off-topic messages in the same forms must stay
refused. Only tune messages are used.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence

from benchmarks import groups, quality
from bot.matching.matcher import Matcher
from bot.matching.normalize import sentences

CLOSINGS = (
    "Vielen Dank im Voraus!",
    "Viele Grüße, Petra Schulte",
    "Danke und liebe Grüße aus Hattingen",
    "Ich freue mich auf Ihre Antwort.",
)


def forms(text: str) -> Iterator[tuple[str, str]]:
    """The message in each form (name, text); the question-first forms only when the
    message asks in its last sentence."""
    yield "plain", text
    for number, closing in enumerate(CLOSINGS, 1):
        yield f"closing {number}", f"{text} {closing}"
    yield "salutation", "Hallo zusammen, " + text[:1].lower() + text[1:]
    yield "no '?'", text.replace("?", "")
    yield "e-mail", f"Sehr geehrte Damen und Herren,\n\n{text}\n\nMit freundlichen Grüßen\nPetra"
    yield "chat e-mail", "Hallo,\n" + text.replace("?", "") + "\nDanke schon mal!\nLG\nTom"
    parts = sentences(text)
    if len(parts) > 1 and "?" in parts[-1]:
        yield "question first", " ".join([parts[-1], *parts[:-1]])
        yield "question first, no '?'", " ".join([parts[-1].replace("?", "."), *parts[:-1]])


def long_items() -> tuple[list[groups.Item], list[groups.Item]]:
    """The long tune messages in scope and off topic."""
    items = [i for i in groups.load(groups.REALISTIC) if i["half"] == "tune"]
    items += groups.load(groups.LONG) + groups.load(groups.LONG_FRESH)
    return (
        [i for i in items if i["group"] == "long"],
        [i for i in items if i["group"] == "long_offtopic"],
    )


def table(matcher: Matcher, in_scope: Sequence[groups.Item], off_topic: Sequence[groups.Item]
          ) -> list[str]:
    """One line per form: ranked and answered top-1 in scope, refused off topic."""
    counts: dict[str, list[int]] = {}
    for item in in_scope:
        expect = set(item["expect"])  # type: ignore[call-overload]
        for name, text in forms(quality.questions_of([item])[0]):
            result = matcher.search(text)
            best = result.matches[0].entry if result.matches else None
            hit = best is not None and bool(set(best.sources) & expect)
            row = counts.setdefault(name, [0, 0, 0, 0, 0])
            row[0] += hit
            row[1] += hit and result.answered
            row[2] += 1
    for item in off_topic:
        for name, text in forms(quality.questions_of([item])[0]):
            row = counts.setdefault(name, [0, 0, 0, 0, 0])
            row[3] += not matcher.search(text).answered
            row[4] += 1
    lines = [f"{'form':<24}{'n':>5}{'ranked':>8}{'answered':>10}{'off-topic refused':>19}"]
    for name, (ranked, answered, n, refused, off) in counts.items():
        lines.append(
            f"{name:<24}{n:>5}{ranked / n:>8.3f}{answered / n:>10.3f}"
            f"{(refused / off if off else 1.0):>19.3f}"
        )
    return lines


def main() -> int:
    from bot.config import DEFAULT_CONTENT_DIR
    from bot.snapshot import build_snapshot

    matcher = build_snapshot(DEFAULT_CONTENT_DIR).matcher
    print("\n".join(table(matcher, *long_items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
