"""Read YAML while remembering the line of every mapping key and list item.

Validation findings must name the line an admin has to fix, so the loader keeps the
positions that PyYAML knows while it parses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class LineDict(dict[Any, Any]):
    """A dict that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]
    duplicate_keys: list[tuple[Any, int]]


class LineList(list[Any]):
    """A list that knows its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


# The C parser (libyaml) when PyYAML was built with it: same nodes and marks, several
# times faster, which matters now that entries carry plain versions and role steps.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """SafeLoader whose mappings and sequences carry line numbers."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    result.duplicate_keys = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, dict | list):
            raise YamlSyntaxError(
                key_node.start_mark.line + 1,
                "ein Schlüssel muss ein einfacher Text sein, keine Liste oder Zuordnung",
            )
        if key in result:
            result.duplicate_keys.append((key, key_node.start_mark.line + 1))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class YamlSyntaxError(Exception):
    """The file is not valid YAML; `line` is where the parser gave up (1-based, 0 if unknown)."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


def _refuse_anchors(text: str) -> None:
    """Content never needs YAML anchors or aliases (`&name`, `*name`); they are refused, because
    a few aliased lines can expand into millions of values (a "billion laughs" file)."""
    if "&" not in text and "*" not in text:
        return  # neither can occur: skip the extra pass
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlSyntaxError(
                event.start_mark.line + 1,
                "Anker und Verweise (&name, *name) sind in Inhaltsdateien nicht erlaubt",
            )


def parse_yaml(text: str) -> Any:
    """Parse YAML text into LineDict/LineList/scalars; raise YamlSyntaxError on bad syntax."""
    try:
        _refuse_anchors(text)
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = exc.problem or exc.context or "ungültiges YAML"
        raise YamlSyntaxError(line, problem) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(0, str(exc)) from exc


def read_yaml_file(path: Path) -> Any:
    """Read and parse one YAML file (UTF-8)."""
    return parse_yaml(path.read_text(encoding="utf-8"))
