"""Synthetic content for scale benchmarks, recombined from the shipped entries.

Each synthetic entry takes the summary, steps and kind of one shipped entry, gets a title
extended by a keyword of another entry, questions and keywords drawn from both, and a fresh
id. The vocabulary stays the real, German one, so postings grow the way they would with a
bigger curated corpus. `python -m benchmarks.corpus` prints the synthetic queries.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace

from bot.content import Content, Entry

SEED = 20170614
QUESTIONS_PER_ENTRY = 5
KEYWORDS_PER_ENTRY = 5
SYNTHETIC_QUERIES = 200


def synthetic_content(base: Content, size: int, seed: int = SEED) -> Content:
    """A Content with `size` recombined entries and fresh ids (no files involved)."""
    rng = random.Random(seed)
    shipped = base.entries
    entries = []
    for number in range(size):
        own = shipped[number % len(shipped)]
        other = rng.choice(shipped)
        extra = rng.choice(other.keywords or (other.title,))
        questions = list(dict.fromkeys(own.questions + other.questions))
        keywords = list(dict.fromkeys(own.keywords + other.keywords))
        entries.append(
            Entry(
                id=f"syn-{number:05d}",
                kind=own.kind,
                topic=own.topic,
                title=f"{own.title}: {extra}",
                summary=own.summary,
                steps=own.steps,
                questions=tuple(rng.sample(questions, min(QUESTIONS_PER_ENTRY, len(questions)))),
                sources=tuple(dict.fromkeys(own.sources + other.sources[:1])),
                poles=own.poles,
                keywords=tuple(rng.sample(keywords, min(KEYWORDS_PER_ENTRY, len(keywords)))),
            )
        )
    return replace(base, entries=tuple(entries), tips=(), version=f"synthetic-{size}")


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 6:
        return word
    at = rng.randrange(1, len(word) - 2)
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def synthetic_queries(
    base: Content, count: int = SYNTHETIC_QUERIES, seed: int = SEED
) -> list[str]:
    """Questions like users type them: shipped questions, shortened, some with a typo."""
    rng = random.Random(seed + 1)
    pool = [q for entry in base.entries for q in entry.questions]
    queries = []
    for _ in range(count):
        words = rng.choice(pool).rstrip("?").split()
        if len(words) > 4 and rng.random() < 0.5:
            del words[rng.randrange(len(words))]
        if rng.random() < 0.3:
            at = rng.randrange(len(words))
            words[at] = _typo(words[at], rng)
        queries.append(" ".join(words) + rng.choice(("?", "", " ?")))
    return queries


if __name__ == "__main__":
    from bot.config import DEFAULT_CONTENT_DIR
    from bot.content import load_content

    queries = synthetic_queries(load_content(DEFAULT_CONTENT_DIR))
    sys.stdout.write("".join(query + "\n" for query in queries))
