"""Dashboard query strings, random or malicious: a valid view, each bad parameter dropped."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from hypothesis import given
from hypothesis import strategies as st

from prospectif.scenario import load_preset
from prospectif.territory import get_territory
from prospectif.ui.state import MAX_QUERY_LENGTH, ViewState, parse_query, resolve

from .strategies import HOSTILE_NAMES, TEXT, fuzz

DEFAULTS = ViewState("DEP-71", "insee-central", 2070)
ASSUMPTIONS = sorted(load_preset("insee-central").assumptions())
KEYS = st.one_of(
    st.sampled_from(["territory", "scenario", "horizon", "lang", "view"]),
    st.sampled_from(ASSUMPTIONS),
    TEXT,
)
VALUES = st.one_of(
    TEXT,
    st.sampled_from(HOSTILE_NAMES),
    st.sampled_from(["nan", "inf", "-inf", "1e999", "-1", "0", "２０５０", "1,7", "<script>", "'"]),
    st.integers(-(10**40), 10**40).map(str),
    st.floats().map(repr),
    st.sampled_from(["DEP-71", "EPCI-200070308", "COM-71270", "tendanciel", "sobriete,tendanciel"]),
)
QUERIES = st.one_of(
    st.lists(st.tuples(KEYS, VALUES), max_size=8).map(urlencode),
    TEXT,
    st.text(max_size=300).map(quote),
)


@fuzz(max_examples=150)
@given(QUERIES)
def test_random_query_strings(query):
    state, problems = parse_query(query, DEFAULTS)
    assert all(p.render("fr") and p.render("en") for p in problems)
    get_territory(state.territory)
    assert 2030 <= state.horizon <= 2100
    scenario = resolve(state)
    assert scenario.horizon == state.horizon


def test_overlong_query_string_is_refused_whole():
    state, problems = parse_query("territory=DEP-2A&" + "x" * MAX_QUERY_LENGTH, DEFAULTS)
    assert state == DEFAULTS
    assert len(problems) == 1
