"""Tests of the ageing builders (DREES APA and EHPA) against published DREES figures."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from prospectif.data.build import ageing as mod
from prospectif.data.build import check_frame, readers
from prospectif.data.catalog import write_table
from prospectif.errors import DataError

pytestmark = pytest.mark.usefixtures("english_messages")  # the English texts

SPECS = {spec.name: spec for spec in mod.TABLES}

# DREES publishes beneficiary counts rounded to the hundred (Panorama 2024: 1,336,400;
# 793,900 at home; 542,500 in institution, end 2022): 0.1 % covers that rounding.
PUBLISHED_ROUNDING = 1e-3


def cog_departements(raw: Path) -> set[str]:
    """The 101 département codes of the INSEE 2024 geography."""
    cog = pd.read_csv(raw / "population/v_departement_2024.csv", dtype=str)
    return set(cog["DEP"])


@pytest.fixture(scope="module")
def apa_dep(raw_dir: Path) -> pd.DataFrame:
    return mod.build_apa_departement(raw_dir)


@pytest.fixture(scope="module")
def apa_prev(raw_dir: Path) -> pd.DataFrame:
    return mod.build_apa_prevalence(raw_dir)


@pytest.fixture(scope="module")
def ehpa(raw_dir: Path) -> pd.DataFrame:
    return mod.build_institution_residents(raw_dir)


@pytest.fixture(scope="module")
def tables(apa_dep, apa_prev, ehpa) -> dict[str, pd.DataFrame]:
    return {"apa_departement": apa_dep, "apa_prevalence": apa_prev, "institution_residents": ehpa}


# ------------------------------------------------------------------ shape and provenance


def test_specs_declare_sources_and_builders() -> None:
    assert set(SPECS) == {"apa_departement", "apa_prevalence", "institution_residents"}
    for spec in mod.TABLES:
        assert spec.sources and spec.notes and spec.description.endswith(".")
        assert all(s.publisher == "DREES" for s in spec.sources)
        assert all(s.derived == s.file.endswith(".rda") for s in spec.sources)
        assert set(spec.key) <= set(spec.column_names)


@pytest.mark.parametrize("name", ["apa_departement", "apa_prevalence", "institution_residents"])
def test_tables_match_spec_sorted_unique(tables, name: str) -> None:
    frame = tables[name]
    checked = check_frame(SPECS[name], frame)  # columns, missing keys, duplicates
    pd.testing.assert_frame_equal(checked, frame)  # already sorted by key


def test_dtypes(apa_dep, apa_prev, ehpa) -> None:
    assert apa_dep["year"].dtype == np.int64 and apa_dep["dep"].map(type).eq(str).all()
    assert (apa_dep[["beneficiaries", "home", "institution"]].dtypes == np.float64).all()
    assert (apa_prev[["year", "age_min", "age_max"]].dtypes == np.int64).all()
    assert apa_prev["prevalence"].dtype == np.float64
    assert (ehpa[["year", "age"]].dtypes == np.int64).all()
    assert (ehpa[["residents", "prevalence"]].dtypes == np.float64).all()


def test_build_is_deterministic(raw_dir: Path, apa_prev, tmp_path: Path) -> None:
    again = mod.build_apa_prevalence(raw_dir)
    pd.testing.assert_frame_equal(again, apa_prev)
    a = write_table(apa_prev, tmp_path / "a.parquet").read_bytes()
    b = write_table(again, tmp_path / "b.parquet").read_bytes()
    assert a == b


# ------------------------------------------------------------------ apa_departement


def test_apa_departements(apa_dep, raw_dir: Path) -> None:
    cog = cog_departements(raw_dir)
    by_year = apa_dep.groupby("year")["dep"].agg(set)
    assert list(by_year.index) == list(range(2002, 2023))
    # Mayotte is outside the DREES survey; Corsica is split until 2017, merged (20) after
    for year, deps in by_year.items():
        if year <= 2017:
            assert deps == cog - {"976"}, year
        else:
            assert deps == (cog - {"976", "2A", "2B"}) | {"20"}, year
    assert not apa_dep["dep"].isin(["69D", "69M"]).any()


def test_apa_france_2022_matches_drees(apa_dep) -> None:
    france = apa_dep[apa_dep["year"] == 2022][["beneficiaries", "home", "institution"]].sum()
    assert france["beneficiaries"] == 1_336_340  # = DREES "TOTAL estimé France entière"
    published = {"beneficiaries": 1_336_400, "home": 793_900, "institution": 542_500}
    for col, value in published.items():
        assert france[col] == pytest.approx(value, rel=PUBLISHED_ROUNDING), col
    # the 1.37 M quoted in SOURCES.md counts the Rhône twice (69 plus 69D and 69M)
    assert france["beneficiaries"] < 1_350_000


def test_apa_sum_equals_official_france_totals(apa_dep, raw_dir: Path) -> None:
    # the official footer "TOTAL estimé France entière" (2002-2020), then the derived one
    sheet = pd.read_excel(
        raw_dir / mod.SERIES_XLSX, sheet_name="Tab4-pa", header=None, engine="calamine"
    )
    row = sheet[sheet[0].astype(str).str.startswith("TOTAL estimé France entière")].iloc[0]
    header = sheet.iloc[5]
    official = {mod._year(header[c]): float(row[c]) for c in sheet.columns[3:]}
    asdep = mod.read_rda(raw_dir / mod.ASDEP_RDA, "latin1")
    derived = asdep[asdep["Territoire"] == "TOTAL estimé France entière, hors Mayotte"]
    official |= {
        int(y): v for y, v in zip(derived["Annee"], derived["NbBenefAPA"], strict=True) if y >= 2021
    }
    sums = apa_dep.groupby("year")["beneficiaries"].sum()
    for year, total in official.items():
        assert sums[year] == pytest.approx(total, abs=0.5), year


def test_apa_home_plus_institution_is_total_in_source(apa_dep) -> None:
    # documented property of the source, not forced by the builder
    gap = apa_dep["home"] + apa_dep["institution"] - apa_dep["beneficiaries"]
    assert gap.abs().max() == 0


def test_apa_official_values_preferred(apa_dep) -> None:
    hauts_de_seine = apa_dep.set_index(["dep", "year"]).loc[("92", 2019)]
    assert hauts_de_seine["beneficiaries"] == 16_610  # official; the derived file says 14,714
    assert apa_dep.set_index(["dep", "year"]).loc[("92", 2021), "beneficiaries"] == 15_221


def test_apa_values_plausible(apa_dep) -> None:
    values = apa_dep[["beneficiaries", "home", "institution"]]
    assert values.notna().all().all() and (values >= 0).all().all()
    france = apa_dep.groupby("year")["beneficiaries"].sum()
    assert france[2003] > france[2002] and 1.2e6 < france[2022] < 1.4e6


# ------------------------------------------------------------------ apa_prevalence


def test_prevalence_layout(apa_prev) -> None:
    assert set(apa_prev["year"]) == set(range(2016, 2025))
    assert set(apa_prev["setting"]) == {"home", "institution", "total"}
    assert set(apa_prev["sex"]) == {"F", "M", "T"}
    assert not ((apa_prev["sex"] == "T") & (apa_prev["year"] < 2018)).any()
    groups = apa_prev[apa_prev["year"] != 2018][["age_min", "age_max"]].drop_duplicates()
    assert list(groups.itertuples(index=False, name=None)) == [
        (a, a + 4) for a in range(60, 95, 5)
    ] + [(95, 200)]
    # 2018 has an open 90+ group instead of 90-94 and 95+
    assert apa_prev[apa_prev["year"] == 2018]["age_max"].max() == 200
    assert set(apa_prev[apa_prev["year"] == 2018]["age_min"]) == set(range(60, 95, 5))
    assert apa_prev["prevalence"].between(0, 1).all()


def test_prevalence_home_plus_institution_is_total(apa_prev) -> None:
    wide = apa_prev.pivot_table(
        index=["year", "sex", "age_min"], columns="setting", values="prevalence"
    )
    np.testing.assert_allclose(wide["home"] + wide["institution"], wide["total"], atol=1e-12)


def test_prevalence_2018_both_sexes_institution_repaired(apa_prev) -> None:
    inst = apa_prev[(apa_prev["year"] == 2018) & (apa_prev["setting"] == "institution")]
    wide = inst.pivot(index="age_min", columns="sex", values="prevalence")
    # rebuilt both-sexes value lies between the men's and the women's ones
    assert (
        (wide["T"] > wide[["F", "M"]].min(axis=1)) & (wide["T"] < wide[["F", "M"]].max(axis=1))
    ).all()


def test_prevalence_continuous_across_2018_2019(apa_prev) -> None:
    # 2019 switches from fractions to percentages in the source: a wrong conversion would give
    # a factor of 100; genuine year-to-year changes below 90 stay within about +-15 %
    total = apa_prev[
        (apa_prev["setting"] == "total")
        & (apa_prev["age_min"] < 90)
        & apa_prev["sex"].isin(["F", "M"])
    ]
    wide = total.pivot_table(index=["sex", "age_min"], columns="year", values="prevalence")
    ratio = wide[2019] / wide[2018]
    assert ratio.between(0.85, 1.15).all(), ratio


def national_population_2022(raw: Path) -> pd.DataFrame:
    """France population on 1 January 2022 by sex and APA age group (60+)."""
    pop = pd.read_csv(raw / "population/donnees_pyramide_act_2022.csv", sep=";", dtype={"AGE": str})
    pop = pop[pop["ANNEE"] == 2022]
    age = pop["AGE"].str.extract(r"(\d+)")[0].astype(int)
    frame = pd.DataFrame(
        {"sex": pop["SEXE"], "age_min": age.clip(upper=95) // 5 * 5, "population": pop["POP"]}
    )
    return frame[age >= 60].groupby(["sex", "age_min"], as_index=False)["population"].sum()


def test_prevalence_times_population_gives_beneficiaries(apa_prev, apa_dep, raw_dir) -> None:
    # 2022 prevalence x population (1 January 2022, France) against the DREES counts: the
    # population date (1 Jan vs 31 Dec) and Mayotte explain a gap of about 0.2 %; allow 2 %
    cells = apa_prev[(apa_prev["year"] == 2022) & apa_prev["sex"].isin(["F", "M"])].merge(
        national_population_2022(raw_dir), on=["sex", "age_min"]
    )
    count = (cells["prevalence"] * cells["population"]).groupby(cells["setting"]).sum()
    counts = apa_dep[apa_dep["year"] == 2022][["beneficiaries", "home", "institution"]].sum()
    assert count["total"] == pytest.approx(counts["beneficiaries"], rel=0.02)
    assert count["home"] == pytest.approx(counts["home"], rel=0.02)
    assert count["institution"] == pytest.approx(counts["institution"], rel=0.02)
    # DREES: 7.2 % of the 60+ receive the APA and more than a third of the 85+
    pop = cells[cells["setting"] == "total"]
    share_60 = count["total"] / pop["population"].sum()
    old = pop[pop["age_min"] >= 85]
    share_85 = (old["prevalence"] * old["population"]).sum() / old["population"].sum()
    assert share_60 == pytest.approx(0.072, abs=0.002)
    assert share_85 > 1 / 3


# ------------------------------------------------------------------ institution_residents


def test_ehpa_layout(ehpa) -> None:
    assert set(ehpa["year"]) == {2007, 2011, 2015, 2019, 2023}
    assert set(ehpa["sex"]) == {"F", "M"}
    ages = ehpa.groupby(["year", "sex"])["age"].agg(["min", "max", "size"])
    assert (ages["min"] == 50).all() and (ages["max"] == 105).all() and (ages["size"] == 56).all()
    assert (ehpa["residents"] >= 0).all()
    assert ehpa.loc[ehpa["age"] < 105, "prevalence"].between(0, 1).all()
    assert ehpa.loc[ehpa["age"] == 105, "prevalence"].isna().all()


def test_ehpa_totals_match_drees(ehpa) -> None:
    totals = ehpa.groupby("year")["residents"].sum()
    # DREES rounds to the thousand: 697,000 at end 2023, 730,000 at end 2019 (0.1 %)
    assert totals[2023] == pytest.approx(697_000, rel=PUBLISHED_ROUNDING)
    assert totals[2019] == pytest.approx(730_000, rel=PUBLISHED_ROUNDING)
    assert round(totals[2023]) == 696_447


def test_ehpa_aggregation_keeps_every_resident(ehpa, raw_dir: Path) -> None:
    source = mod.read_rda(raw_dir / mod.EHPA_RDA, "latin1")
    source = source[source["sex"] != "all"]
    assert ehpa["residents"].sum() == pytest.approx(source["nb"].sum(), rel=1e-12)
    young = ehpa[(ehpa["year"] == 2023) & (ehpa["sex"] == "F") & (ehpa["age"] == 100)]
    assert young["residents"].item() == 5702
    assert young["prevalence"].item() == pytest.approx(5702 / 12509)


# ------------------------------------------------------------------ error paths


def test_read_rda_needs_one_object(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(readers.pyreadr, "read_r", lambda *a, **k: {"a": 1, "b": 2})
    (tmp_path / "x.rda").touch()
    with pytest.raises(DataError, match="expected one R object"):
        readers.read_rda(tmp_path / "x.rda")
    with pytest.raises(DataError, match="y.rda is missing"):
        readers.read_rda(tmp_path / "y.rda")


def test_series_sheet_without_years() -> None:
    sheet = pd.DataFrame([["x", "y", "z"]] * 7)
    with pytest.raises(DataError, match="no year column"):
        mod.read_series_sheet(sheet, "beneficiaries")


def test_series_sheet_reads_mixed_headers() -> None:
    rows = [[None] * 5] * 5 + [
        ["Code région", "Code département", "Nom", 2002.0, "2003"],
        ["84", "01", "Ain", 10, 11],
        ["TOTAL estimé France", None, None, 99, 99],
    ]
    out = mod.read_series_sheet(pd.DataFrame(rows), "home")
    assert out.to_dict("list") == {"dep": ["01", "01"], "year": [2002, 2003], "home": [10.0, 11.0]}


def test_keep_departements_avoids_double_counting() -> None:
    frame = pd.DataFrame(
        {
            "dep": ["20", "2A", "2B", "20", "2A", "69", "69D", "69M"],
            "year": [2017, 2017, 2017, 2018, 2018, 2018, 2018, 2018],
            "beneficiaries": [3.0, 1.0, 2.0, 3.0, np.nan, 5.0, 2.0, 3.0],
            "home": 1.0,
            "institution": 1.0,
        }
    )
    frame.loc[4, ["home", "institution"]] = np.nan
    kept = mod.keep_departements(frame)
    assert list(zip(kept["dep"], kept["year"], strict=True)) == [
        ("2A", 2017),
        ("2B", 2017),
        ("20", 2018),
        ("69", 2018),
    ]


def test_check_agreement_rejects_unknown_disagreement() -> None:
    a = pd.DataFrame(
        {
            "dep": ["01", "92"],
            "year": [2010, 2019],
            "beneficiaries": [5.0, 9.0],
            "home": [2.0, 4.0],
            "institution": [3.0, 5.0],
        }
    )
    b = a.copy()
    b.loc[1, "beneficiaries"] = 8.0  # a known revision: tolerated
    assert len(mod.check_agreement(a, b)) == 1
    b.loc[0, "home"] = 1.0
    with pytest.raises(DataError, match="disagree on 1 département-years"):
        mod.check_agreement(a, b)


def test_parse_age_bracket() -> None:
    out = mod.parse_age_bracket(pd.Series(["[60,65)", "[95,Inf]"]))
    assert out.to_dict("list") == {"age_min": [60, 95], "age_max": [64, 200]}
    with pytest.raises(DataError, match="unexpected APA age brackets"):
        mod.parse_age_bracket(pd.Series(["60-64"]))


def test_repair_settings_rejects_other_inconsistencies() -> None:
    wide = pd.DataFrame(
        {
            "year": [2018, 2020],
            "sex": ["T", "F"],
            "age_min": 60,
            "age_max": 64,
            "home": [0.1, 0.1],
            "institution": [0.5, 0.2],
            "total": [0.3, 0.3],
        }
    )
    repaired = mod.repair_settings(wide)
    assert repaired["institution"].tolist() == pytest.approx([0.2, 0.2])
    wide.loc[1, "institution"] = 0.25
    with pytest.raises(DataError, match="home \\+ institution differs from total"):
        mod.repair_settings(wide)


def test_sex_codes_rejects_unknown() -> None:
    assert mod.sex_codes(pd.Series(["female", "all"])).tolist() == ["F", "T"]
    with pytest.raises(DataError, match="unknown sex labels"):
        mod.sex_codes(pd.Series(["both"]))


def fake_apa(typepresta: str, prevalence: float, year: float = 2019.0) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sex": ["male"],
            "age": [60.0],
            "agebracket": ["[60,65)"],
            "typepresta": [typepresta],
            "prevalence": [prevalence],
            "year": [year],
        }
    )


def test_apa_prevalence_rejects_unknown_setting(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(mod, "read_rda", lambda path, encoding: fake_apa("APA ailleurs", 1.0))
    with pytest.raises(DataError, match="unknown APA settings"):
        mod.build_apa_prevalence(tmp_path)


def test_apa_prevalence_rejects_bad_percentages(monkeypatch, tmp_path: Path) -> None:
    frame = pd.concat(
        [
            fake_apa(label, value, 2017.0)
            for label, value in [
                ("APA à domicile", 30.0),
                ("APA en établissement", 20.0),
                ("APA domicile+établissement", 50.0),
            ]
        ]
    )
    monkeypatch.setattr(mod, "read_rda", lambda path, encoding: frame.reset_index(drop=True))
    with pytest.raises(DataError, match="outside \\[0, 1\\]"):
        mod.build_apa_prevalence(tmp_path)


def test_apa_prevalence_rejects_inconsistent_ages(monkeypatch, tmp_path: Path) -> None:
    frame = fake_apa("apa_a_domicile", 1.0).assign(age=65.0)
    monkeypatch.setattr(mod, "read_rda", lambda path, encoding: frame)
    with pytest.raises(DataError, match="disagree with the 'age' column"):
        mod.build_apa_prevalence(tmp_path)


def fake_ehpa(**changes) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "age": [80.0] * 3,
            "nb": [10.0, 20.0, 30.0],
            "sex": ["female", "male", "all"],
            "year": [2023.0] * 3,
            "poptot": [100.0, 100.0, 200.0],
            "prevalence": [0.1, 0.2, 0.15],
        }
    )
    for col, values in changes.items():
        frame[col] = values
    return frame


def test_institution_residents_checks(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(mod, "read_rda", lambda path, encoding: fake_ehpa())
    assert mod.build_institution_residents(tmp_path)["residents"].tolist() == [10.0, 20.0]
    monkeypatch.setattr(
        mod, "read_rda", lambda path, encoding: fake_ehpa(prevalence=[0.1, 0.2, 0.3])
    )
    with pytest.raises(DataError, match="prevalence differs"):
        mod.build_institution_residents(tmp_path)
    monkeypatch.setattr(
        mod,
        "read_rda",
        lambda path, encoding: fake_ehpa(nb=[10.0, 20.0, 31.0], prevalence=[0.1, 0.2, 0.155]),
    )
    with pytest.raises(DataError, match="both sexes differ"):
        mod.build_institution_residents(tmp_path)
