"""Immutable content objects: statements, topics, entries, pointers, tips, glossary, UI messages.

Two kinds of answer live here. An `Entry` is a workshop principle (guideline, tension,
tool, practice, about) backed by statements of the 2017 documentation. A `Pointer`
(Wegweiser, content/wegweiser.yaml) is practical orientation the workshop never covered:
funding, insurance, Vereinsrecht and the like. A pointer has a short `orientation` (2–4
plain sentences), `who_helps` (kinds of offices or organisations), one or two checked
`links` to national resources, a `note` saying it is orientation and not legal or tax
advice, `related` ids of workshop entries that fit, and `questions`/`keywords` for the
matcher. Pointer ids never clash with entry ids, so one id names exactly one answer.

Entries may carry a plain-German version (`Plain`), steps per perspective (`Roles`), a
legal note and the list of attributing sentences an editor `checked`; `GlossaryTerm`s
(content/glossary.yaml) explain the jargon the content uses.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from bot.content.checks import Finding

logger = logging.getLogger(__name__)

KIND_GUIDELINE = "guideline"
KIND_TENSION = "tension"
KIND_TOOL = "tool"
KIND_PRACTICE = "practice"
KIND_ABOUT = "about"
KINDS = (KIND_GUIDELINE, KIND_TENSION, KIND_TOOL, KIND_PRACTICE, KIND_ABOUT)

ROLE_VERWALTUNG = "verwaltung"
ROLE_ENGAGIERTE = "engagierte"
ROLES = (ROLE_VERWALTUNG, ROLE_ENGAGIERTE)


@dataclass(frozen=True, slots=True)
class Statement:
    """One statement of the workshop documentation, with its section."""

    id: str
    text: str
    section_id: str
    section_title: str
    required: bool
    # The statement in the reader's language, shown beside the German quote ("" in German).
    translation: str = ""


@dataclass(frozen=True, slots=True)
class Topic:
    """A browsing topic; entries point to it by id."""

    id: str
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class Plain:
    """An entry in plain German (Einfache Sprache): short sentences, common words."""

    summary: str
    steps: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Roles:
    """Steps for one perspective each: administration staff, and initiatives/volunteers."""

    verwaltung: tuple[str, ...] = ()
    engagierte: tuple[str, ...] = ()

    def steps_for(self, role: str) -> tuple[str, ...]:
        """The steps for a role id from ROLES; () for an unknown role."""
        if role == ROLE_VERWALTUNG:
            return self.verwaltung
        if role == ROLE_ENGAGIERTE:
            return self.engagierte
        return ()


@dataclass(frozen=True, slots=True)
class Entry:
    """One focused principle: guideline, tension field, tool, practice or 'about'."""

    id: str
    kind: str
    topic: str
    title: str
    summary: str
    steps: tuple[str, ...]
    questions: tuple[str, ...]
    sources: tuple[str, ...]
    poles: tuple[str, ...] = ()
    tensions: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    # The same answer in plain German; None only for entries that need none (kind: about).
    plain: Plain | None = None
    # Steps per perspective, only where the perspectives really differ.
    roles: Roles | None = None
    # General legal information (not legal advice) with the office to ask; "" if none.
    legal_note: str = ""
    # Summary sentences attributing something to the workshop that an editor verified
    # against the cited statements (exact sentence or a unique beginning).
    checked: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    """A word the content uses that not everyone knows, explained in plain words."""

    id: str
    term: str
    explanation: str
    aliases: tuple[str, ...] = ()
    entries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Link:
    """A public web resource: what to call it and where it is (always https)."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Pointer:
    """A Wegweiser: practical orientation, who helps, links and the no-advice note."""

    id: str
    title: str
    orientation: str
    who_helps: tuple[str, ...]
    links: tuple[Link, ...]
    note: str
    related: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Tip:
    """A short daily impulse linked to an entry."""

    id: str
    entry: str
    text: str


@dataclass(frozen=True, slots=True)
class Reading:
    """A public resource for further reading, linked to the topics it fits."""

    id: str
    title: str
    url: str
    about: str
    topics: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Contact:
    """A local contact point people can turn to; at least one way to reach it is set."""

    name: str
    role: str
    helps_with: str
    email: str = ""
    phone: str = ""
    web: str = ""
    hours: str = ""


@dataclass(frozen=True, slots=True)
class SocialClass:
    """A kind of message that is no question about the content (content/smalltalk.yaml).

    `words` are lower-case single words typical of the class ("danke", "tschüss"); `heads`
    (request classes only) are word endings that mark a compound as one of its objects
    ("…bescheid", "…urkunde"); `reply` is the messages.yaml key of the answer.
    """

    id: str
    reply: str
    words: frozenset[str]
    heads: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SmallTalk:
    """Small-talk classes (in order of precedence) and request classes.

    Request classes (those with `heads`: everyday municipal services, private matters) are
    about something else than working together; their words never count for a principle.
    """

    classes: tuple[SocialClass, ...] = ()
    requests: tuple[SocialClass, ...] = ()


@dataclass(frozen=True, slots=True)
class Content:
    """A validated, immutable content set. Swap whole objects; never mutate one."""

    topics: tuple[Topic, ...]
    entries: tuple[Entry, ...]
    tips: tuple[Tip, ...]
    statements: Mapping[str, Statement]
    messages: Mapping[str, str]
    version: str
    synonyms: tuple[tuple[str, ...], ...] = ()
    pointers: tuple[Pointer, ...] = ()
    reading: tuple[Reading, ...] = ()
    contacts: tuple[Contact, ...] = ()
    contacts_are_example: bool = False
    glossary: tuple[GlossaryTerm, ...] = ()
    smalltalk: SmallTalk = SmallTalk()
    # OpenThesaurus synsets (content/thesaurus.txt, German): weak links from everyday words
    # to the Wegweiser pointers' own words (`bot.matching.thesaurus`)
    thesaurus: tuple[tuple[str, ...], ...] = ()
    # pointer id -> its topic vocabulary (content/lexicon.yaml, German): words public pages
    # on the pointer's topic use that its own texts do not (`bot.content.lexicon`)
    lexicon: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    # "de" for the content as written; translated copies carry their own language.
    lang: str = "de"
    # The same content in other languages (German wherever a translation is missing or stale).
    translations: Mapping[str, Content] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, repr=False
    )
    # Missing and stale translations (they do not stop the content from loading).
    translation_notes: tuple[Finding, ...] = field(default=(), compare=False, repr=False)
    _entries_by_id: Mapping[str, Entry] = field(init=False, repr=False, compare=False)
    _topics_by_id: Mapping[str, Topic] = field(init=False, repr=False, compare=False)
    _pointers_by_id: Mapping[str, Pointer] = field(init=False, repr=False, compare=False)
    _terms_by_id: Mapping[str, GlossaryTerm] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_entries_by_id", MappingProxyType({e.id: e for e in self.entries})
        )
        object.__setattr__(self, "_topics_by_id", MappingProxyType({t.id: t for t in self.topics}))
        object.__setattr__(
            self, "_pointers_by_id", MappingProxyType({p.id: p for p in self.pointers})
        )
        object.__setattr__(
            self, "_terms_by_id", MappingProxyType({t.id: t for t in self.glossary})
        )

    def in_language(self, lang: str) -> Content:
        """This content in `lang`; itself for its own or an unknown language."""
        if lang == self.lang:
            return self
        return self.translations.get(lang, self)

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        return self._entries_by_id.get(entry_id)

    def pointer(self, pointer_id: str) -> Pointer | None:
        """The Wegweiser pointer with this id, or None."""
        return self._pointers_by_id.get(pointer_id)

    def topic(self, topic_id: str) -> Topic | None:
        """The topic with this id, or None."""
        return self._topics_by_id.get(topic_id)

    def term(self, term_id: str) -> GlossaryTerm | None:
        """The glossary term with this id, or None."""
        return self._terms_by_id.get(term_id)

    def entries_in(self, topic_id: str) -> tuple[Entry, ...]:
        """Entries of one topic, in file order."""
        return tuple(e for e in self.entries if e.topic == topic_id)

    def reading_for(self, topic_id: str) -> tuple[Reading, ...]:
        """Further reading that fits one topic, in file order."""
        return tuple(r for r in self.reading if topic_id in r.topics)

    def text(self, key: str, **values: object) -> str:
        """A UI message by key, with {placeholders} filled in."""
        template = self.messages.get(key)
        if template is None:
            logger.error("Message key %s is missing from messages.yaml", key)
            return key
        if not values:
            return template
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            logger.error("Message %s has placeholders that do not fit %s", key, sorted(values))
            return template

    def source_label(self, entry: Entry) -> str:
        """Human-readable source of an entry: the workshop sections it builds on."""
        sections: list[str] = []
        for statement_id in entry.sources:
            statement = self.statements.get(statement_id)
            if statement and statement.section_title not in sections:
                sections.append(statement.section_title)
        return "; ".join(sections)
