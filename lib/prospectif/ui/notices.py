"""What the dashboard tells the room after an action: one line per cause, styled by kind.

Each notice is a catalogue :class:`~prospectif.messages.Message` shown under an icon and a
word (« Erreur », « Attention », « C'est fait ») as well as a colour, so the kind reads on a
washed-out projector and for colour-blind viewers. A notice is filed under its *cause* (the
territory box, the variant name, the computation…) and cleared when that cause is fixed: a
territory found clears « aucun territoire ne correspond », a computation that succeeds
clears « calcul impossible ».
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..messages import Message

KINDS = {
    "error": ("ui.kind.error", "✖", "#fde8e8", "#9b1c1c"),
    "warning": ("ui.kind.warning", "⚠", "#fff4d6", "#7a4b00"),
    "success": ("ui.kind.success", "✔", "#e6f4ea", "#1e5e2f"),
}
"""Word (message id), icon, background and text colour of each kind of notice."""


def notice_html(kind: str, message: Message, lang: str) -> str:
    """One notice: icon, the word of its kind, the message, in its kind's colours."""
    word_id, icon, background, colour = KINDS[kind]
    word = Message(word_id).render(lang) + (" :" if lang == "fr" else ":")
    return (
        f'<div class="prospectif-notice prospectif-{kind}" role="status" '
        f'style="background:{background};color:{colour};border-left:6px solid {colour};'
        f'padding:6px 10px;margin:4px 0;font-size:18px">'
        f'<span aria-hidden="true">{icon}</span> <b>{html.escape(word, quote=False)}</b> '
        f"{html.escape(message.render(lang), quote=False)}</div>"
    )


class Notices(w.HTML):
    """The notices on screen, one per cause, in the order they were given."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang
        self.shown: dict[str, tuple[str, Message]] = {}
        self.add_class("prospectif-notices")

    def show(self, cause: str, kind: str, message: Message) -> None:
        """Tell ``message`` (of ``kind``: error, warning or success) for ``cause``, replacing
        what was said about that cause.
        """
        self.shown.pop(cause, None)
        self.shown[cause] = (kind, message)
        self._draw()

    def clear(self, *causes: str) -> None:
        """Forget what was said about ``causes`` (fixed)."""
        for cause in causes:
            self.shown.pop(cause, None)
        self._draw()

    def kinds(self) -> dict[str, str]:
        """The kind of the notice shown for each cause."""
        return {cause: kind for cause, (kind, _) in self.shown.items()}

    def _draw(self) -> None:
        self.value = "".join(notice_html(k, m, self.lang) for k, m in self.shown.values())
