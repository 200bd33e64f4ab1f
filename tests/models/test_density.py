"""Density classification of communes and territories' mixes of types."""

import numpy as np
import pytest

from prospectif.calibration.density import (
    DENSITY_TYPES,
    INSEE_SHARES_2016,
    THRESHOLDS,
    URBAN_CENTRE,
    classify,
    commune_density_types,
    departement_type_mix,
    territory_type_mix,
)
from prospectif.data import load_table
from prospectif.territory import get_territory, load_perimeter

pytestmark = pytest.mark.usefixtures("english_messages")  # the English texts

DENSE, INTERMEDIATE, RURAL, VERY_RURAL = range(4)


@pytest.mark.parametrize(
    ("population", "area", "group", "expected"),
    [
        ([90_000], [90_000 / THRESHOLDS[0]], ["a"], [DENSE]),  # exactly at the threshold
        ([89_999], [90_000 / THRESHOLDS[0]], ["a"], [INTERMEDIATE]),
        ([4_000], [4_000 / THRESHOLDS[1]], ["a"], [INTERMEDIATE]),
        ([3_999], [4_000 / THRESHOLDS[1]], ["a"], [RURAL]),
        ([100], [100 / THRESHOLDS[2]], ["a"], [RURAL]),
        ([99], [100 / THRESHOLDS[2]], ["a"], [VERY_RURAL]),
        # a dense commune alone under 50,000 people is no urban centre: intermediate
        ([20_000], [10.0], ["a"], [INTERMEDIATE]),
        # two dense communes of one EPCI together make an urban centre
        ([30_000, 30_000], [10.0, 10.0], ["a", "a"], [DENSE, DENSE]),
        ([30_000, 30_000], [10.0, 10.0], ["a", "b"], [INTERMEDIATE, INTERMEDIATE]),
        # population floors: a large town over a large area
        ([URBAN_CENTRE], [1_000.0], ["a"], [INTERMEDIATE]),
        ([5_000], [1_000.0], ["a"], [RURAL]),
    ],
)
def test_classify_thresholds_centres_and_floors(population, area, group, expected):
    assert classify(np.array(population), np.array(area), np.array(group)).tolist() == expected


def test_every_commune_has_a_type_and_a_positive_area():
    table = commune_density_types()
    assert len(table) == len(load_table("communes"))
    assert table["type"].notna().all()
    assert (table["area_km2"] > 0).all()
    assert set(table["type"].cat.categories) == set(DENSITY_TYPES)


def test_france_shares_are_close_to_insee_grid():
    mix = 100 * territory_type_mix(get_territory("FR"))
    for kind, published in INSEE_SHARES_2016.items():
        assert mix[kind] == pytest.approx(published, abs=1.5), kind


def test_known_communes():
    table = commune_density_types().set_index("code")
    assert table.at["75056", "type"] == "dense"  # Paris
    assert table.at["71270", "type"] == "intermediate"  # Le Creusot: dense, too small a centre
    assert table.at["13004", "type"] == "intermediate"  # Arles: 52,000 people over 759 km²
    assert table.at["48095", "type"] == "intermediate"  # Mende, 12,000 people, 329/km²
    assert table.at["01001", "type"] == "rural"  # L'Abergement-Clémenciat, 49/km²
    assert table.at["48001", "type"] == "very_rural"  # Albaret-le-Comtal, 6/km²


@pytest.mark.parametrize(
    "code", ["FR", "FR-METRO", "REG-27", "DEP-71", "DEP-976", "EPCI-200070308"]
)
def test_mixes_are_shares(code):
    mix = territory_type_mix(get_territory(code))
    assert list(mix.index) == list(DENSITY_TYPES)
    assert (mix >= 0).all()
    assert mix.sum() == pytest.approx(1.0, abs=1e-12)


def test_member_and_departement_routes_agree():
    table = commune_density_types()
    commune = territory_type_mix(get_territory("COM-75056"))
    assert commune["dense"] == 1.0
    epci = get_territory("EPCI-200070308")
    rows = table[table["code"].isin(epci.members)]
    expected = rows.groupby("type", observed=False)["population"].sum() / rows["population"].sum()
    np.testing.assert_allclose(territory_type_mix(epci).to_numpy(), expected.to_numpy())
    france = territory_type_mix(get_territory("FR"))
    by_type = table.groupby("type", observed=False)["population"].sum()
    np.testing.assert_allclose(france.to_numpy(), (by_type / by_type.sum()).to_numpy())


def test_departement_map_table_matches_territories():
    mixes = departement_type_mix()
    assert len(mixes) == 101
    np.testing.assert_allclose(mixes.sum(axis=1), 1.0)
    for dep in ("71", "75", "2A", "974"):
        np.testing.assert_allclose(
            mixes.loc[dep].to_numpy(), territory_type_mix(get_territory(f"DEP-{dep}")).to_numpy()
        )


def test_mayotte_without_commune_population_is_still_classified():
    rows = commune_density_types().query("dep == '976'")
    assert (rows["population"] > 0).all()
    assert territory_type_mix(get_territory("DEP-976")).sum() == pytest.approx(1.0)


def test_uninhabited_territory_is_refused(tmp_path):
    table = commune_density_types()
    empty = table.loc[table["population"] == 0, "code"].iloc[0]
    path = tmp_path / "vide.yaml"
    path.write_text(f"name: Vide\ncommunes: ['{empty}']\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no population to weight the density types"):
        territory_type_mix(load_perimeter(path))
