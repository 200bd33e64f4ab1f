"""Scenario documents and YAML files, random or hostile: a scenario or a clear ScenarioError."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from prospectif.errors import ScenarioError
from prospectif.scenario import Scenario, load_preset, load_scenario_file, scenario_from_dict
from prospectif.scenario.fields import assumption_meta
from prospectif.scenario.io import scenario_document
from prospectif.scenario.schema import flatten, section_models, set_dotted
from prospectif.yamlio import MAX_YAML_BYTES, MAX_YAML_DEPTH

from .strategies import DOCUMENTS, SCALARS, TEXT, assert_clear_refusal, fuzz, listing

BASE = scenario_document(load_preset("tendanciel"))
LEAVES = sorted(flatten(BASE))
SECTIONS = section_models()


def validate(document: object, source: str = "<fuzz>") -> Scenario | None:
    """The scenario, or None after checking the refusal is a clear ScenarioError."""
    try:
        return scenario_from_dict(document, source)
    except ScenarioError as exc:
        assert_clear_refusal(exc, source)
        return None


@fuzz(max_examples=300)
@given(DOCUMENTS)
def test_random_documents(document):
    validate(document)


@fuzz(max_examples=300)
@given(st.sampled_from(LEAVES), st.one_of(SCALARS, DOCUMENTS))
def test_one_value_changed_in_a_valid_scenario(key, value):
    document = yaml.safe_load(yaml.safe_dump(BASE))
    document.pop("format")
    set_dotted(document, key, value)
    scenario = validate(document)
    section, _, name = key.rpartition(".")
    if scenario is not None and section in SECTIONS and name in SECTIONS[section].model_fields:
        meta = assumption_meta(SECTIONS[section], name)
        accepted = flatten(scenario.model_dump(mode="json"))[key]
        if isinstance(accepted, int | float) and not isinstance(accepted, bool):
            assert meta.get("ge", accepted) <= accepted <= meta.get("le", accepted)


@fuzz(max_examples=200)
@given(
    st.one_of(
        DOCUMENTS.map(lambda d: yaml.safe_dump(d, allow_unicode=True).encode("utf-8")),
        TEXT.map(lambda t: t.encode("utf-8")),
        st.binary(max_size=2000),
    )
)
def test_random_files(content):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(content)
        before = listing(Path(folder))
        try:
            load_scenario_file(path)
        except ScenarioError as exc:
            assert_clear_refusal(exc, str(path))
        assert listing(Path(folder)) == before


BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(20)
)

HOSTILE_FILES = {
    "alias-bomb": BILLION_LAUGHS,
    "merge-key": "base: &b {horizon: 2050}\nid: x\n<<: *b\n",
    "deep-lists": "[" * 10_000 + "]" * 10_000,
    "deep-mappings": "{a: " * 5_000 + "1" + "}" * 5_000,
    "depth-limit": "id: x\nlabel: " + "[" * MAX_YAML_DEPTH + "]" * MAX_YAML_DEPTH,
    "too-large": "id: x\n" + "# padding\n" * (MAX_YAML_BYTES // 10 + 1),
    "huge-integer": "id: x\nlabel: {fr: x}\nhorizon: " + "9" * 5_000,
    "nan": "id: x\nlabel: {fr: x}\ndemography: {fertility: {tfr_target: .nan}}",
    "infinity": "id: x\nlabel: {fr: x}\ndemography: {fertility: {tfr_target: -.inf}}",
    "python-object": "!!python/object/apply:os.system ['touch /tmp/prospectif-pwned']",
    "python-name": "id: !!python/name:os.system x",
    "binary": "id: !!binary aGVsbG8=",
    "timestamp": "id: x\nlabel: {fr: x}\nhorizon: 2050-01-01",
    "nul-character": 'id: "a\\0b"',
    "control-character": "id: \x07",
    "invalid-utf8": b"id: \xff\xfe\xfd",
    "utf16": "id: x".encode("utf-16"),
    "empty": "",
    "comments-only": "# rien\n",
    "top-level-list": "- a\n- b\n",
    "top-level-string": "juste du texte",
    "extends-traversal": "id: x\nlabel: {fr: x}\nextends: ../../etc/passwd",
    "extends-absolute": "id: x\nlabel: {fr: x}\nextends: /etc/passwd",
    "extends-self": "id: self\nlabel: {fr: x}\nextends: self",
    "extends-not-a-list": "id: x\nlabel: {fr: x}\nextends: {a: 1}",
    "extends-nul": 'id: x\nlabel: {fr: x}\nextends: "a\\0b"',
    "id-traversal": "id: ../../x\nlabel: {fr: x}",
    "unknown-section": "id: x\nlabel: {fr: x}\nrm -rf: 1",
    "long-key": "id: x\nlabel: {fr: x}\n" + "k" * 100_000 + ": 1",
}


@pytest.mark.parametrize("name", HOSTILE_FILES)
def test_hostile_files(tmp_path, name):
    content = HOSTILE_FILES[name]
    path = tmp_path / ("self.yaml" if name == "extends-self" else "hostile.yaml")
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = listing(tmp_path)
    with pytest.raises(ScenarioError, match=r"^\S*hostile\.yaml : |^\S*self\.yaml : ") as caught:
        load_scenario_file(path)
    assert_clear_refusal(caught.value, str(path))
    assert listing(tmp_path) == before
    assert not Path("/tmp/prospectif-pwned").exists()


def test_extends_chain_beyond_the_limit(tmp_path):
    for i in range(12):
        (tmp_path / f"s{i}.yaml").write_text(f"id: s{i}\nlabel: {{fr: x}}\nextends: s{i + 1}\n")
    (tmp_path / "s12.yaml").write_text("id: s12\nlabel: {fr: x}\n")
    with pytest.raises(ScenarioError, match="extends circulaire") as caught:
        load_scenario_file(tmp_path / "s0.yaml")
    assert_clear_refusal(caught.value)
