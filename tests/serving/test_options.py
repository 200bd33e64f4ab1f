"""The command line of ``prospectif serve`` and the server's committed configuration."""

from __future__ import annotations

import json

import pytest

from prospectif.errors import ServingError
from prospectif.serve import ServeOptions, preheat_option, url_prefix, voila_arguments
from prospectif.serving.app import SERVING_DIR, ProspectifVoila
from prospectif.serving.handlers import describe, list_dashboards

from .server import write_notebook


def test_localhost_unless_public():
    assert "--Voila.ip=127.0.0.1" in voila_arguments(ServeOptions())
    assert "--Voila.ip=0.0.0.0" in voila_arguments(ServeOptions(public=True))


def test_sizing_reaches_the_server():
    arguments = voila_arguments(
        ServeOptions(max_kernels=7, pool_size=2, cull_idle_timeout=120, allowed_hosts=("a.fr",))
    )
    for expected in (
        "--BoundedKernelManager.max_kernels=7",
        "--VoilaConfiguration.default_pool_size=2",
        "--MappingKernelManager.cull_idle_timeout=120",
        "--MappingKernelManager.cull_interval=30",
        "--ProspectifVoila.allowed_hosts=a.fr",
    ):
        assert expected in arguments


def test_preheat_option():
    assert preheat_option("demographie=20") == ("demographie.ipynb", 20)
    assert preheat_option("index.ipynb=0") == ("index.ipynb", 0)
    for wrong in ("demographie", "=3", "a=-1", "a=1.5", "a=101", "a=x"):
        with pytest.raises(ServingError, match="DASHBOARD=NOMBRE est attendu"):
            preheat_option(wrong)
    arguments = voila_arguments(ServeOptions(preheat=(("a.ipynb", 3),)))
    assert "--ProspectifVoila.preheat=a.ipynb=3" in arguments


@pytest.mark.parametrize(
    ("text", "prefix"),
    [("", "/"), ("/", "/"), ("prospectif", "/prospectif/"), ("//a//b/", "/a/b/")],
)
def test_url_prefix(text, prefix):
    assert url_prefix(text) == prefix


def test_configuration_comes_only_from_the_committed_file():
    assert ProspectifVoila().config_file_paths == [str(SERVING_DIR)]
    config = json.loads((SERVING_DIR / "voila.json").read_text(encoding="utf-8"))
    assert config["VoilaConfiguration"]["show_tracebacks"] is False
    assert config["VoilaConfiguration"]["strip_sources"] is True
    assert config["VoilaConfiguration"]["allow_template_override"] == "NO"


def test_dashboards_are_described_by_their_first_heading(tmp_path):
    write_notebook(tmp_path / "b.ipynb", "1", title="Deuxième")
    write_notebook(tmp_path / "a.ipynb", "1")
    (tmp_path / "broken.ipynb").write_text("{not json", encoding="utf-8")
    (tmp_path / "with space.ipynb").write_text("{}", encoding="utf-8")
    found = [(d.file, d.title, d.summary) for d in list_dashboards(tmp_path)]
    assert found == [
        ("a.ipynb", "a", ""),
        ("b.ipynb", "Deuxième", "Un tableau de test."),
        ("broken.ipynb", "broken", ""),
    ]
    assert describe(tmp_path / "b.ipynb").title == "Deuxième"
