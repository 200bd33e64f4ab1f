"""The message catalogue and the exception tree: complete, used, and one language at a time."""

import ast
import importlib
import pickle
import re
import string
import typing
from pathlib import Path

import pytest
from click.testing import CliRunner

import prospectif
from prospectif import messages
from prospectif.cli import main
from prospectif.errors import InputError, ProspectifError, ScenarioError
from prospectif.messages import CATALOGUE, LANGS, Message, message, set_language

LIB = Path(prospectif.__file__).parent
PROTOCOL_ERRORS = {"web.HTTPError", "AttributeError", "subprocess.TimeoutExpired"}
"""Errors a protocol requires, with no user message: Tornado's way to answer a status code
(404), the ``AttributeError`` of a module ``__getattr__`` (``prospectif/__init__.py``), and
``Popen.wait``'s time-out, which jupyter_client expects from a forked kernel's process
(``prospectif.serving.forkserver.ForkedProcess``)."""
ENGLISH = re.compile(r"\b(the|allowed|unknown|missing|too (large|small)|invalid|expected)\b")
FRENCH = re.compile(r"\b(admises?|inconnue?|manquant|trop|invalide|attendue?s?|fichier|clés)\b")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _modules():
    for path in sorted(LIB.rglob("*.py")):
        name = ".".join(("prospectif", *path.relative_to(LIB).with_suffix("").parts))
        yield name.removesuffix(".__init__"), ast.parse(path.read_text(encoding="utf-8"))


def _raised_calls():
    for module, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                yield module, node.lineno, ast.unparse(node.exc.func)


def _names(module: str) -> dict[str, object]:
    """The module's globals and the names it imports inside functions."""
    scope = dict(vars(importlib.import_module(module)))
    tree = ast.parse(Path(scope["__file__"]).read_text(encoding="utf-8"))
    package = module if scope["__file__"].endswith("__init__.py") else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            source = importlib.import_module("." * node.level + (node.module or ""), package)
            scope.update({a.asname or a.name: getattr(source, a.name) for a in node.names})
    return scope


@pytest.mark.parametrize("msg_id", sorted(CATALOGUE))
def test_each_message_has_both_languages_with_the_same_parameters(msg_id):
    french, english = CATALOGUE[msg_id]
    assert french.strip() and english.strip()
    assert _fields(french) == _fields(english)


def _raised_kind(module: str, callee: str) -> object:
    head, *rest = callee.split(".")
    found = _names(module)[head]
    for part in rest:
        found = getattr(found, part)
    if isinstance(found, type):
        return found
    if hasattr(found, "__self__"):  # a class method such as ScenarioError.wrap
        return found.__self__
    return typing.get_type_hints(found)["return"]  # a function building the error


@pytest.mark.parametrize(
    ("module", "line", "callee"),
    [c for c in _raised_calls() if c[2] not in PROTOCOL_ERRORS],
    ids=lambda value: str(value),
)
def test_every_raise_is_a_prospectif_error(module, line, callee):
    kind = _raised_kind(module, callee)
    assert isinstance(kind, type) and issubclass(kind, ProspectifError), f"{module}:{line}"


def _string_constants() -> set[str]:
    """Strings in the library's code, the catalogue itself left out."""
    return {
        node.value
        for module, tree in _modules()
        for top in tree.body
        if not (module.startswith("prospectif.messages") and isinstance(top, ast.AnnAssign))
        for node in ast.walk(top)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_every_message_id_is_used_and_every_used_id_exists():
    constants = _string_constants()
    assert sorted(set(CATALOGUE) - constants) == []
    called = {
        node.args[0].value
        for _, tree in _modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and re.search(r"(Error|Differ|Message|message|say)$", ast.unparse(node.func))
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
        and re.fullmatch(r"[a-z_0-9]+(\.[a-z_0-9]+)*", node.args[0].value)
    }
    assert sorted(called - set(CATALOGUE)) == []


def test_an_error_renders_in_the_chosen_language_and_survives_pickling():
    error = ScenarioError("lines", lines=[Message("key.missing", {"key": "horizon"})])
    assert str(error) == "horizon : manquant (obligatoire)"
    assert error.render("en") == "horizon: missing (required)"
    set_language("en")
    assert str(pickle.loads(pickle.dumps(error))) == "horizon: missing (required)"
    assert isinstance(error, ValueError)


def test_the_language_comes_from_the_environment_when_not_set(monkeypatch):
    monkeypatch.setenv(messages.LANG_ENV, "en")
    assert message("key.missing", key="k") == "k: missing (required)"
    monkeypatch.setenv(messages.LANG_ENV, "de")
    assert message("key.missing", key="k") == "k : manquant (obligatoire)"


def test_an_unknown_language_is_refused():
    with pytest.raises(InputError, match=r"langue « de » inconnue : choisir parmi fr, en"):
        set_language("de")
    with pytest.raises(InputError, match=r"langue « xx » inconnue"):
        message("key.missing", "xx", key="k")


def test_parameters_in_both_languages_are_picked():
    pair = {"fr": " année", "en": ""}
    text = Message("allowed.range", {"low": 1, "high": 2, "unit": pair})
    assert (text.render("fr"), text.render("en")) == (
        "plage admise 1 à 2 année",
        "allowed range 1 to 2",
    )


BAD_SCENARIO = """\
id: casse
label: {fr: Cassé}
horizon: 2200
colour: red
demography:
  fertility: {tfr_target: beaucoup}
"""


@pytest.mark.parametrize(("lang", "foreign"), [("fr", ENGLISH), ("en", FRENCH)])
def test_the_cli_speaks_one_language_for_a_bad_scenario_file(tmp_path, monkeypatch, lang, foreign):
    monkeypatch.chdir(tmp_path)
    Path("s.yaml").write_text(BAD_SCENARIO, encoding="utf-8")
    outputs = {}
    for name, args, status in [
        ("validate", ["scenarios", "validate", "s.yaml"], 1),
        (
            "run",
            ["run", "--territory", "DEP-71", "--scenario-file", "s.yaml", "--output", "r.csv"],
            2,
        ),
        ("usage", ["run", "--output", "r.csv"], 2),
    ]:
        result = CliRunner().invoke(main, ["--lang", lang, *args])
        assert result.exit_code == status, result.output
        outputs[name] = result.output
    assert len(outputs["validate"].splitlines()) == 3
    for output in outputs.values():
        assert not foreign.search(output), output


def test_french_is_the_default_language_of_the_cli():
    result = CliRunner().invoke(main, ["run", "--output", "r.csv"])
    assert result.output.strip() == "donner au moins un --scenario ou un --scenario-file"


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_renders_with_its_parameters(lang):
    for msg_id, templates in CATALOGUE.items():
        template = templates[LANGS.index(lang)]
        params = {name: _sample(template, name) for name in _fields(template)}
        assert message(msg_id, lang, **params)


def _sample(template: str, name: str) -> object:
    spec = re.search(r"\{" + re.escape(name) + r"(![rsa])?:([^}]*)\}", template)
    return 1.5 if spec and spec.group(2) and spec.group(2)[-1] in "gf" else "x"
