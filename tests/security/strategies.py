"""Hypothesis strategies for hostile input, and the checks every refusal must pass.

The number of cases each property tries is its ``max_examples`` (``docs/security.md`` lists
them), times ``$PROSPECTIF_FUZZ_SCALE`` (default 1) for longer runs; examples are not stored
(``database=None``) so the tests write nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from prospectif.errors import ProspectifError


def fuzz(max_examples: int):
    """Hypothesis settings for a fuzzing property trying ``max_examples`` cases (scaled)."""
    return settings(
        max_examples=round(max_examples * float(os.environ.get("PROSPECTIF_FUZZ_SCALE", "1"))),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


HUGE_INTEGERS = st.one_of(
    st.integers(),
    st.integers(min_value=10**18, max_value=10**400),
    st.integers(min_value=-(10**400), max_value=-(10**18)),
)
FLOATS = st.floats(allow_nan=True, allow_infinity=True)
TEXT = st.text(st.characters(codec="utf-8"), max_size=80)
SCALARS = st.one_of(st.none(), st.booleans(), HUGE_INTEGERS, FLOATS, TEXT)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=6), st.dictionaries(TEXT, children, max_size=6)
    ),
    max_leaves=25,
)
"""Random nested structures as YAML or JSON can hold them."""

HOSTILE_NAMES = [
    "",
    ".",
    "..",
    "../evil",
    "../../etc/passwd",
    "/etc/passwd",
    "/tmp/evil",
    "C:\\Windows\\evil",
    "\\\\server\\share\\evil",
    "a/b",
    "a\\b",
    "a\x00b",
    "evil\n",
    "con",
    "CON",
    "nul",
    "aux",
    "com1",
    "lpt9",
    "prn",
    "-leading-dash",
    "x" * 65,
    "x" * 100_000,
    "ﬁle",
    "Ｅvil",
    "évite",
    "%2e%2e%2fevil",
    "~/evil",
    "$HOME",
    "name with spaces",
    "tab\tname",
]
"""Names an attacker or a slip of the keyboard could give as an id, a variant or a file."""


def assert_clear_refusal(exc: BaseException, source: str | None = None) -> None:
    """A Prospectif error: non-empty lines, each naming ``source`` when given, no traceback."""
    assert isinstance(exc, ProspectifError), repr(exc)
    lines = str(exc).splitlines()
    assert lines, "empty message"
    for line in lines:
        assert line.strip(), f"blank line in {str(exc)!r}"
        assert "Traceback" not in line
        if source is not None:
            assert line.startswith(source), f"{line!r} does not name {source!r}"


def listing(folder: Path) -> dict[str, int]:
    """Every file and folder under ``folder`` with its modification time (ns)."""
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            found[str(path.relative_to(folder))] = path.stat().st_mtime_ns
    return found
