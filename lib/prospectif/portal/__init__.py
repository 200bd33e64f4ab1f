"""The static portal of a millésime (``prospectif publish``)."""

from .site import previous_snapshot, publish, search_key

__all__ = ["previous_snapshot", "publish", "search_key"]
