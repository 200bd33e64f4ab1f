"""Files prepared on demand (exports, the 4-page report): a button, then their links, which
always hold the state on screen: a drawing of another state replaces them by a line saying so.
Files that cannot be prepared (no browser to print the report…) say why among the notices.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w

from ..errors import ProspectifError
from ..messages import Message
from .notices import Notices
from .texts import text

Prepared = tuple[str, tuple[str, str]]
"""The links' HTML and the state they hold (territory code, scenario hash)."""


class Downloads:
    """``button`` prepares the files with ``prepare()``; ``links`` offers them; a failure is
    told in ``notices`` under ``cause``.
    """

    def __init__(
        self,
        label: str,
        prepare: Callable[[], Prepared],
        notices: Notices,
        cause: str,
        **button: object,
    ):
        self.lang = notices.lang
        self.notices = notices
        self.cause = cause
        self.button = w.Button(description=label, **button)
        self.button.on_click(lambda _: self.prepare())
        self.links = w.HTML()
        self._prepare = prepare
        self._holds: tuple[str, str] | None = None

    def prepare(self) -> None:
        """Prepare the files of the state on screen and offer their links."""
        self.links.value = f"<i>{html.escape(text('computing', self.lang))}</i>"
        try:
            self.links.value, self._holds = self._prepare()
        except ProspectifError as exc:
            self.links.value, self._holds = "", None
            self.notices.show(self.cause, "error", Message("ui.error", {"message": exc.message}))
            return
        self.notices.clear(self.cause)

    def follow(self, shown: tuple[str, str]) -> None:
        """The state ``shown`` (territory code, scenario hash) is drawn: links prepared for
        another one say they are outdated (a move that reached the kernel after the click makes
        them so at once).
        """
        if self._holds is not None and self._holds != shown:
            self._holds = None
            self.links.value = f"<i>{html.escape(text('downloads_outdated', self.lang))}</i>"
