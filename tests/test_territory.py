import pytest
from click.testing import CliRunner

from prospectif.cli import main
from prospectif.errors import TerritoryError
from prospectif.territory import (
    STRUCTURE_ESTIMATES,
    STRUCTURE_LOCAL,
    children,
    fold,
    geometries,
    get_territory,
    load_perimeter,
    search,
    territory_names,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Saône-et-Loire", "saone et loire"),
        ("L'Île-d'Yeu", "l ile d yeu"),
        ("  CÔTE D’OR ", "cote d or"),
    ],
)
def test_fold_ignores_case_accents_and_punctuation(text, folded):
    assert fold(text) == folded


def test_search_finds_both_saone_departements():
    hits = search("saone", kinds=("DEP",))
    assert list(hits["code"]) == ["DEP-71", "DEP-70"] or set(hits["code"]) == {"DEP-70", "DEP-71"}


def test_search_ranks_exact_names_first_and_needs_every_word():
    assert search("saone et loire").iloc[0]["code"] == "DEP-71"
    assert search("macon")["code"].iloc[0] == "COM-71270"
    assert search("zzzz").empty


def test_cli_search_lists_codes():
    result = CliRunner().invoke(main, ["territories", "search", "saone"])
    assert result.exit_code == 0
    assert "DEP-71" in result.output and "Saône-et-Loire" in result.output
    assert "DEP-70" in result.output and "Haute-Saône" in result.output


@pytest.mark.parametrize(
    ("code", "kind", "name", "departements"),
    [
        ("FR", "FR", "France", 101),
        ("FR-METRO", "FR-METRO", "France métropolitaine", 96),
        ("REG-27", "REG", "Bourgogne-Franche-Comté", 8),
        ("DEP-71", "DEP", "Saône-et-Loire", 1),
        ("DEP-2A", "DEP", "Corse-du-Sud", 1),
        ("DEP-974", "DEP", "La Réunion", 1),
    ],
)
def test_whole_departement_territories(code, kind, name, departements):
    territory = get_territory(code)
    assert (territory.kind, territory.name) == (kind, name)
    assert len(territory.departements) == departements
    assert (territory.shares == 1.0).all()
    assert territory.structure == STRUCTURE_ESTIMATES


def test_epci_and_commune_are_shares_of_their_departements():
    epci = get_territory("EPCI-200070308")
    assert epci.kind == "EPCI" and "Mâconnais" in epci.name
    assert epci.parents[:2] == ("DEP-71", "REG-27")
    assert epci.structure == STRUCTURE_LOCAL
    assert 0 < epci.shares["71"] < 1
    macon = get_territory("COM-71270")
    assert macon.name == "Mâcon" and macon.parents[0] == "EPCI-200070308"
    assert macon.shares["71"] < epci.shares["71"]


def test_every_territory_is_named_as_it_resolves():
    names = territory_names()
    for code in ("FR", "REG-27", "DEP-71", "DEP-2A", "EPCI-200070308", "COM-71270"):
        assert names[code] == get_territory(code).name
    assert len(names) > 35_000  # communes, EPCI, départements, régions and France


def test_children_go_one_level_down():
    assert "REG-27" in children("FR")
    assert "DEP-71" in children("REG-27")
    assert "EPCI-200070308" in children("DEP-71")
    assert "COM-71270" in children("EPCI-200070308")


def test_geometries_cover_every_departement_and_epci():
    deps = geometries("departements")
    assert len(deps) == 101 and deps.geometry.is_valid.all()
    assert len(geometries("epci")) > 1200
    assert get_territory("DEP-71").geometry().bounds[0] == pytest.approx(3.6, abs=0.5)
    with pytest.raises(TerritoryError, match="les contours des communes ne sont pas embarqués"):
        get_territory("COM-71270").geometry()


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("DEP-99", r"code de territoire 'DEP-99' inconnu ; codes les plus proches : DEP-"),
        ("EPCI-123", r"code de territoire 'EPCI-123' inconnu"),
        ("saone", r"formats : FR, FR-METRO, REG-27"),
        ("PER-../../etc", r"code de périmètre .* invalide"),
        ("PER-absent", r"périmètre 'PER-absent' : fichier .* introuvable"),
    ],
)
def test_unknown_codes_are_explained(code, message):
    with pytest.raises(TerritoryError, match=message):
        get_territory(code)


def test_perimeter_from_yaml(tmp_path):
    path = tmp_path / "bassin.yaml"
    path.write_text(
        "name: Bassin mâconnais\ncommunes: ['71270', 71076, COM-01370]\n", encoding="utf-8"
    )
    territory = load_perimeter(path)
    assert territory.code == "PER-bassin" and territory.kind == "PER"
    assert set(territory.departements) == {"01", "71"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: x\ncommunes: ['99999']\n", r"codes de commune inconnus : '99999'"),
        ("name: x\ncommunes: []\n", r"'communes' doit être une liste non vide"),
        ("communes: ['71270']\n", r"les clés 'name' \(texte\) et 'communes'"),
        ("name: [unclosed\n", r"YAML invalide"),
    ],
)
def test_malformed_perimeters_are_explained(tmp_path, text, message):
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TerritoryError, match=message):
        load_perimeter(path)
