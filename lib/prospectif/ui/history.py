"""The undo stack of a workshop: the settings the room has left, newest last.

A setting is what a move changes: the starting scenario and the assumptions moved from it.
Moves of one control that follow each other closely (a key held down, ten presses of an
arrow) are one step to undo, so « Annuler » goes back to where the room started moving that
control, not one arrow press at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from time import monotonic

UNDO_LEVELS = 30
"""Settings kept to go back to."""
MERGE_S = 2.0
"""Moves of the same control closer than this (seconds) are undone together."""

Setting = tuple[str | Path, tuple[tuple[str, object], ...]]
"""A starting scenario and the moved assumptions, as ``ViewState`` holds them."""


@dataclass
class _Step:
    setting: Setting
    cause: str
    at: float


class History:
    """Settings to go back to; ``record`` before each move, ``undo`` to go back one step."""

    def __init__(
        self,
        levels: int = UNDO_LEVELS,
        merge_s: float = MERGE_S,
        clock: Callable[[], float] = monotonic,
    ):
        self.levels = levels
        self.merge_s = merge_s
        self.clock = clock
        self._steps: list[_Step] = []

    def record(self, before: Setting, cause: str, merge: bool = True) -> None:
        """Remember ``before``, the setting a move of ``cause`` (a control's key, or « reset »,
        « preset »…) is leaving; with ``merge``, a move of the same control soon after the last
        one is part of the same step and keeps the older setting (a value typed is a step of
        its own: ``merge=False``).
        """
        now = self.clock()
        last = self._steps[-1] if self._steps else None
        if merge and last is not None and last.cause == cause and now - last.at < self.merge_s:
            last.at = now
            return
        self._steps.append(_Step(before, cause, now))
        del self._steps[: -self.levels]

    def undo(self) -> Setting | None:
        """The setting to go back to (forgotten here), or None when there is none."""
        return self._steps.pop().setting if self._steps else None

    def __len__(self) -> int:
        return len(self._steps)
