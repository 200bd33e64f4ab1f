"""Safe YAML reading and writing for user files (scenarios, batches, perimeters)."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml

from .errors import InputFileError
from .fileio import atomic_write_text, read_user_file

MAX_YAML_BYTES = 256 * 1024
MAX_YAML_DEPTH = 32
"""Deepest nesting of lists and mappings accepted (deeper ones exhaust Python's stack)."""


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader refusing aliases (no "billion laughs"), deep nesting and repeated keys."""

    def __init__(self, stream):
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent, index):  # noqa: D102
        mark = self.peek_event().start_mark
        if self.check_event(yaml.AliasEvent):
            raise InputFileError("yaml.alias", line=mark.line + 1)
        if self.depth >= MAX_YAML_DEPTH:
            raise InputFileError("yaml.too_deep", limit=MAX_YAML_DEPTH, line=mark.line + 1)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_mapping(self, node, deep=False):  # noqa: D102
        lines: dict[object, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                continue  # refused by the parent class with its own message
            line = key_node.start_mark.line + 1
            if key in lines:
                raise InputFileError("yaml.duplicate_key", key=key, first=lines[key], line=line)
            lines[key] = line
        return super().construct_mapping(node, deep)


def parse_yaml(text: str, source: str) -> Any:
    """Parse YAML text from ``source`` (a file name, for messages), aliases refused.

    Raises
    ------
    InputFileError
        With a one-line message naming the source and the line of the syntax error.
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise InputFileError("file.too_large", file=source, limit=MAX_YAML_BYTES // 1024)
    try:
        return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except InputFileError as exc:  # refused by the loader
        raise InputFileError("at", source=source, problem=exc.message) from None
    except yaml.MarkedYAMLError as exc:
        if (mark := exc.problem_mark) is None:
            raise InputFileError("yaml.invalid", file=source, problem=exc.problem) from None
        line, column = mark.line + 1, mark.column + 1
        raise InputFileError(
            "yaml.invalid_at", file=source, line=line, column=column, problem=exc.problem
        ) from None
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: integers of over 4300 digits
        raise InputFileError(
            "yaml.invalid", file=source, problem=" ".join(str(exc).split())
        ) from None


def read_yaml(path: Path) -> Any:
    """Read a YAML file (see :func:`parse_yaml`).

    Raises
    ------
    InputFileError
        If the file is missing, not a regular file, too large, not UTF-8 or not valid YAML.
    """
    path = Path(path)
    try:
        text = read_user_file(path, MAX_YAML_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        raise InputFileError("file.not_utf8", file=path) from None
    return parse_yaml(text, str(path))


def dump_yaml(document: Any) -> str:
    """YAML text of a document: block style, key order kept, accents kept."""
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


def write_yaml(document: Any, path: Path) -> Path:
    """Write a document as YAML atomically."""
    return atomic_write_text(Path(path), dump_yaml(document))
