"""Files prepared on demand (exports, the 4-page report): a button, then their links, which
always hold the state on screen: a drawing of another state replaces them by a line saying so.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w

from .texts import text

Prepared = tuple[str, tuple[str, str]]
"""The links' HTML and the state they hold (territory code, scenario hash)."""


class Downloads:
    """``button`` prepares the files with ``prepare()``; ``links`` offers them."""

    def __init__(self, label: str, lang: str, prepare: Callable[[], Prepared], **button: object):
        self.lang = lang
        self.button = w.Button(description=label, **button)
        self.button.on_click(lambda _: self.prepare())
        self.links = w.HTML()
        self._prepare = prepare
        self._holds: tuple[str, str] | None = None

    def prepare(self) -> None:
        """Prepare the files of the state on screen and offer their links."""
        self.links.value = f"<i>{html.escape(text('computing', self.lang))}</i>"
        self.links.value, self._holds = self._prepare()

    def follow(self, shown: tuple[str, str]) -> None:
        """The state ``shown`` (territory code, scenario hash) is drawn: links prepared for
        another one say they are outdated (a move that reached the kernel after the click makes
        them so at once).
        """
        if self._holds is not None and self._holds != shown:
            self._holds = None
            self.links.value = f"<i>{html.escape(text('downloads_outdated', self.lang))}</i>"
