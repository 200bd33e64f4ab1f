"""The message catalogue: every sentence a user sees, in French and English.

The entries live in :mod:`.inputs`, :mod:`.runs`, :mod:`.build`, :mod:`.ui` (the live
dashboards) and :mod:`.analysis` (sensitivity and goal seeking), one per kind of message.

Each entry maps a message id to its French and English templates with the same named parameters
(``{file}``, ``{key}``, ``{value}``, ``{allowed}``…). :func:`message` renders one in the current
language: French unless :func:`set_language` or the ``PROSPECTIF_LANG`` environment variable says
otherwise. A parameter may itself be a :class:`Message` (rendered in the same language), a list
of them (rendered one per line, so an error listing every problem renders as a whole) or a
``{"fr": …, "en": …}`` pair (e.g. an assumption's labels).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from .analysis import CATALOGUE as _ANALYSIS
from .build import CATALOGUE as _BUILD
from .inputs import CATALOGUE as _INPUTS
from .runs import CATALOGUE as _RUNS
from .ui import CATALOGUE as _UI

LANGS = ("fr", "en")
DEFAULT_LANG = "fr"
LANG_ENV = "PROSPECTIF_LANG"
_SETTING: dict[str, str] = {}
"""The language chosen for this process by :func:`set_language` (empty: from the environment)."""


@dataclass(frozen=True)
class Message:
    """A catalogue message id and its parameters, rendered on demand in either language."""

    id: str
    params: Mapping[str, object] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        """The text in ``lang`` (default: the current language)."""
        return message(self.id, lang, **self.params)


def set_language(lang: str) -> None:
    """Choose the language of this process's messages: ``"fr"`` or ``"en"``."""
    _SETTING["lang"] = checked_language(lang)


def language() -> str:
    """The current language: set by :func:`set_language`, else ``PROSPECTIF_LANG``, else French."""
    chosen = _SETTING.get("lang") or os.environ.get(LANG_ENV, "")
    return chosen if chosen in LANGS else DEFAULT_LANG


def checked_language(lang: str) -> str:
    """``lang`` if it is a known language, else raise InputError."""
    if lang not in LANGS:
        from ..errors import InputError

        raise InputError("lang.unknown", value=lang, allowed=", ".join(LANGS))
    return lang


def message(msg_id: str, lang: str | None = None, **params: object) -> str:
    """Render the catalogue message ``msg_id`` in ``lang`` (default: the current language)."""
    lang = checked_language(lang) if lang else language()
    template = CATALOGUE[msg_id][LANGS.index(lang)]
    return template.format_map({name: _shown(value, lang) for name, value in params.items()})


def _shown(value: object, lang: str) -> object:
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, list | tuple) and value and all(isinstance(v, Message) for v in value):
        return "\n".join(v.render(lang) for v in value)
    if isinstance(value, Mapping) and set(value) == set(LANGS):
        return value[lang]
    return value


CATALOGUE: dict[str, tuple[str, str]] = {**_INPUTS, **_RUNS, **_BUILD, **_UI, **_ANALYSIS}
"""Every message id and its (French, English) templates."""
