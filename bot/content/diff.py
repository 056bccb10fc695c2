"""What a content change does: entries and Wegweiser pointers added, changed, removed; tips
and topics added, removed.

Used for the summary after an upload and by `python -m bot validate --diff OTHER_DIR`.
The wording comes from messages.yaml of the new content.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from bot.content.model import Content

MAX_LISTED = 10


@dataclass(frozen=True, slots=True)
class ContentDiff:
    """Ids (sorted) of what differs between an old and a new content set."""

    entries_added: tuple[str, ...] = ()
    entries_changed: tuple[str, ...] = ()
    entries_removed: tuple[str, ...] = ()
    tips_added: tuple[str, ...] = ()
    tips_removed: tuple[str, ...] = ()
    topics_added: tuple[str, ...] = ()
    topics_removed: tuple[str, ...] = ()
    messages_changed: tuple[str, ...] = ()
    pointers_added: tuple[str, ...] = ()
    pointers_changed: tuple[str, ...] = ()
    pointers_removed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


def _added_removed(old: set[str], new: set[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(sorted(new - old)), tuple(sorted(old - new))


def diff_content(old: Content, new: Content) -> ContentDiff:
    """Compare two validated content sets by id."""
    old_entries = {e.id: e for e in old.entries}
    new_entries = {e.id: e for e in new.entries}
    entries_added, entries_removed = _added_removed(set(old_entries), set(new_entries))
    changed = tuple(
        sorted(i for i in set(old_entries) & set(new_entries) if old_entries[i] != new_entries[i])
    )
    tips_added, tips_removed = _added_removed({t.id for t in old.tips}, {t.id for t in new.tips})
    topics_added, topics_removed = _added_removed(
        {t.id for t in old.topics}, {t.id for t in new.topics}
    )
    old_pointers = {p.id: p for p in old.pointers}
    new_pointers = {p.id: p for p in new.pointers}
    pointers_added, pointers_removed = _added_removed(set(old_pointers), set(new_pointers))
    common = set(old_pointers) & set(new_pointers)
    pointers_changed = tuple(sorted(i for i in common if old_pointers[i] != new_pointers[i]))
    keys = set(old.messages) | set(new.messages)
    messages_changed = tuple(sorted(k for k in keys if old.messages.get(k) != new.messages.get(k)))
    return ContentDiff(
        entries_added,
        changed,
        entries_removed,
        tips_added,
        tips_removed,
        topics_added,
        topics_removed,
        messages_changed,
        pointers_added,
        pointers_changed,
        pointers_removed,
    )


def _listed(ids: tuple[str, ...]) -> str:
    shown = ", ".join(ids[:MAX_LISTED])
    return shown + (f", … (+{len(ids) - MAX_LISTED})" if len(ids) > MAX_LISTED else "")


def describe_diff(diff: ContentDiff, content: Content) -> list[str]:
    """One plain-text line per kind of change, worded from `content`'s messages."""
    if diff.empty:
        return [content.text("diff_none")]
    lines = []
    for change in fields(diff):
        ids: tuple[str, ...] = getattr(diff, change.name)
        if ids:
            lines.append(content.text(f"diff_{change.name}", count=len(ids), ids=_listed(ids)))
    return lines
