"""Communes, EPCI and perimeters: projected from their départements, or from a census import."""

import numpy as np
import pytest

from prospectif.calibration.local_structure import local_base
from prospectif.census import read_census_table
from prospectif.errors import DataError
from prospectif.pipeline import census_base, run_chains, run_demography
from prospectif.scenario import load_preset
from prospectif.territory import STRUCTURE_CENSUS, STRUCTURE_LOCAL, children, get_territory

pytestmark = pytest.mark.usefixtures("english_messages")  # the English texts

SCENARIO = load_preset("insee-central")
GROUPS = ("0014", "1529", "3044", "4559", "6074", "7589", "90P")


def census_file(tmp_path, rows, sep=";", encoding="utf-8", year="21"):
    columns = ["CODGEO"] + [f"P{year}_{s}{g}" for s in "HF" for g in GROUPS]
    lines = [sep.join(columns)] + [sep.join([code, *map(str, values)]) for code, values in rows]
    path = tmp_path / "base-cc-evol-struct-pop.csv"
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


OLD_TOWN = [900, 800, 900, 1200, 2000, 1800, 400] * 2
YOUNG_TOWN = [3000, 3500, 3200, 2000, 1000, 500, 50] * 2


def test_epci_and_commune_project_with_their_flag():
    for code in ("EPCI-200070308", "COM-71270"):
        run = run_demography(get_territory(code), SCENARIO)
        assert run.structure == STRUCTURE_LOCAL
        assert run.table().attrs["base_structure"] == STRUCTURE_LOCAL
        assert run.population.sum(axis=(-1, -2))[-1] > 0


def test_commune_keeps_its_share_of_the_departement_total():
    dep = run_demography(get_territory("DEP-71"), SCENARIO).population
    macon = get_territory("COM-71270")
    com = run_demography(macon, SCENARIO)
    assert com.population[0].sum() == pytest.approx(macon.shares["71"] * dep[0].sum(), rel=1e-12)


def share(population, first):
    return population[:, :, first:].sum(axis=(-1, -2)) / population.sum(axis=(-1, -2))


def test_macon_has_its_own_age_structure_and_growth():
    # figures quoted in docs/methodology/demography.md
    dep = run_demography(get_territory("DEP-71"), SCENARIO)
    com = run_demography(get_territory("COM-71270"), SCENARIO)
    at = {y: i for i, y in enumerate(com.years)}
    older_dep, older_com = share(dep.population, 65), share(com.population, 65)
    assert round(100 * older_dep[at[2025]], 1) == 28.0
    assert round(100 * older_com[at[2025]], 1) == 25.5
    assert round(100 * older_com[at[2050]], 1) == 26.4 < round(100 * older_dep[at[2050]], 1)
    totals_dep, totals_com = dep.population.sum((-1, -2)), com.population.sum((-1, -2))
    assert totals_com[at[2050]] / totals_com[0] > totals_dep[at[2050]] / totals_dep[0] + 0.05
    table = com.table().set_index("variable")
    median = table.loc["Median Age"].set_index("year")["value"]
    median_dep = dep.table().set_index("variable").loc["Median Age"].set_index("year")["value"]
    assert median[2025] < median_dep[2025] - 1


def test_epci_of_saone_et_loire_differ_and_run_alike_in_one_call():
    codes = children("DEP-71")
    assert len(codes) == 19
    runs = run_chains(codes, SCENARIO)
    change = [r.demography.population.sum((-1, -2)) for r in runs]
    change = np.array([c[-1] / c[0] - 1 for c in change])
    assert change.max() - change.min() > 0.05
    alone = run_demography(get_territory(codes[0]), SCENARIO)
    np.testing.assert_array_equal(runs[0].demography.population, alone.population)
    assert {r.demography.structure for r in runs} == {STRUCTURE_LOCAL}


def test_epci_base_structures_add_up_to_the_departement():
    dep = run_demography(get_territory("DEP-71"), SCENARIO).population[0]
    epci = [get_territory(c) for c in children("DEP-71")]
    inside = [e for e in epci if e.departements == ("71",)]
    bases = sum(local_base(e)[0] for e in inside)
    outside = 1 - sum(e.shares["71"] for e in inside)  # communes of EPCI based elsewhere
    assert bases.sum() == pytest.approx((1 - outside) * dep.sum(), rel=1e-9)


def test_census_import_changes_the_structure_and_keeps_the_total(tmp_path):
    macon = get_territory("COM-71270")
    census = read_census_table(census_file(tmp_path, [("71270", OLD_TOWN)]))
    base = census_base(macon, census)
    estimated = run_demography(macon, SCENARIO)
    imported = run_demography(macon, SCENARIO, base_population=base)
    assert imported.structure == STRUCTURE_CENSUS
    assert base.sum() == pytest.approx(estimated.population[0].sum())
    old_share = imported.population[0][:, 75:].sum() / base.sum()
    assert old_share > estimated.population[0][:, 75:].sum() / base.sum()


def test_census_comma_separated_with_bom_is_read(tmp_path):
    path = census_file(
        tmp_path, [("71270", YOUNG_TOWN), ("01370", OLD_TOWN)], sep=",", encoding="utf-8-sig"
    )
    table = read_census_table(path)
    assert list(table.index) == ["01370", "71270"]
    assert table.loc["71270", "H0014"] == 3000


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda p: p.write_bytes(p.read_text().replace("CODGEO", "CODE").encode()),
            r"no CODGEO column",
        ),
        (
            lambda p: p.write_bytes(p.read_text().replace("P21_F90P", "P21_FX").encode()),
            r"missing columns P21_F90P",
        ),
        (
            lambda p: p.write_bytes(p.read_text().replace("71270;900", "71270;-5").encode()),
            r"P21_H0014 of commune 71270 is '-5'; expected a non-negative number",
        ),
        (
            lambda p: p.write_bytes(p.read_text().replace("71270;900", "71270;abc").encode()),
            r"is 'abc'; expected a non-negative number",
        ),
        (
            lambda p: p.write_bytes(p.read_text().replace("71270", "7127").encode()),
            r"invalid commune codes in CODGEO, e.g. '7127'",
        ),
        (
            lambda p: p.write_bytes(p.read_text().replace("CODGEO", "CODGÉO").encode("latin-1")),
            r"not UTF-8 text",
        ),
        (lambda p: p.write_bytes(b"CODGEO;POP\n71270;5\n"), r"no census count columns"),
    ],
)
def test_malformed_census_files_are_explained(tmp_path, mutate, message):
    path = census_file(tmp_path, [("71270", OLD_TOWN)])
    mutate(path)
    with pytest.raises(DataError, match=message):
        read_census_table(path)


def test_census_without_the_territory_communes_is_refused(tmp_path):
    census = read_census_table(census_file(tmp_path, [("01370", OLD_TOWN)]))
    with pytest.raises(DataError, match="census table has no row for communes 71270"):
        census_base(get_territory("COM-71270"), census)


def test_an_epci_across_two_departements_follows_its_own_pieces_before_the_base_year():
    # Mâconnais Beaujolais Agglomération: 2 % of its people live in the Ain; its 2021–2024
    # estimates followed Ain + Saône-et-Loire at full weight (the Ain's growth)
    epci = run_demography(get_territory("EPCI-200070308"), load_preset("tendanciel"))
    assert epci.units == ("01", "71")
    _, local = epci.population_since(2021)
    pieces = epci.projection.population[0].sum(axis=(-1, -2))
    scenario = load_preset("tendanciel")
    changes = [
        run_demography(get_territory(f"DEP-{d}"), scenario).population_since(2021)[1]
        for d in epci.units
    ]
    expected = sum(p * c[0].sum() / c[4].sum() for p, c in zip(pieces, changes, strict=True))
    assert local[0].sum() == pytest.approx(expected, rel=1e-12)
    assert local[4].sum() == pytest.approx(pieces.sum())
