"""The exception tree: catch :class:`ProspectifError` for all, or one kind precisely."""


class ProspectifError(Exception):
    """Base of every error raised on purpose by Prospectif."""


class DataError(ProspectifError):
    """An embedded or user data table is missing, corrupted or malformed."""


class TerritoryError(ProspectifError, LookupError):
    """A territory code or name cannot be resolved."""


class ScenarioError(ProspectifError, ValueError):
    """A scenario file or value is invalid; the message lists every problem, one per line."""
