"""The exception tree: catch :class:`ProspectifError` for all, or one kind precisely.

Every error carries a catalogue message id and its parameters (:mod:`prospectif.messages`), so it
renders in French or English: ``str(error)`` in the current language, ``error.render("en")``.
"""

from __future__ import annotations

from .messages import Message


class ProspectifError(Exception):
    """Base of every error raised on purpose by Prospectif."""

    def __init__(self, msg_id: str, **params: object) -> None:
        super().__init__(msg_id)
        self.message = Message(msg_id, params)

    @classmethod
    def wrap(cls, error: ProspectifError) -> ProspectifError:
        """The message of ``error`` as an error of this kind (e.g. a file error in a scenario)."""
        return cls(error.message.id, **error.message.params)

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        return self.message.render(lang)

    def __str__(self) -> str:
        return self.render()

    def __reduce__(self):
        return _rebuild, (type(self), self.message)


def _rebuild(kind: type[ProspectifError], message: Message) -> ProspectifError:
    return kind(message.id, **message.params)


class InputError(ProspectifError, ValueError):
    """An option, argument or address parameter given by the user is invalid."""


class InputFileError(InputError):
    """A user file cannot be read: missing, too large, not UTF-8 or not valid YAML."""


class DataError(ProspectifError):
    """An embedded or user data table is missing, corrupted or malformed."""


class CensusError(DataError, ValueError):
    """An INSEE census table given by the user cannot be used."""


class TerritoryError(ProspectifError, LookupError):
    """A territory code or name cannot be resolved."""


class ScenarioError(ProspectifError, ValueError):
    """A scenario file or value is invalid; the message lists every problem, one per line."""


class ModelError(ProspectifError, ValueError):
    """A model received inputs it cannot use, or its calibration did not converge."""


class BatchError(ProspectifError, ValueError):
    """A batch definition or snapshot is invalid; the message lists every problem, one per line."""


class ReportError(ProspectifError, RuntimeError):
    """A 4-page report cannot be printed (no Chromium, a page overflowing A4) or published."""


class ResultsError(ProspectifError):
    """A results table cannot be written."""


class ResultsDiffer(ResultsError, AssertionError):
    """Two results tables differ (raised by ``assert_results_equal``)."""


class ServingError(ProspectifError, ValueError):
    """A server option is invalid."""
