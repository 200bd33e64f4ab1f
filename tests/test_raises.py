"""Error paths that no other test reaches: each raise names its message (in French)."""

import pandas as pd
import pytest

from prospectif.calibration.mobility_survey import load_survey
from prospectif.errors import DataError, InputError, ResultsDiffer, ScenarioError, TerritoryError
from prospectif.results import assert_results_equal
from prospectif.scenario import Scenario, load_scenario_file
from prospectif.scenario.schema import set_dotted
from prospectif.territory import geometries
from prospectif.ui import show
from prospectif.ui.variants import variant_id

ROW = {"model": "m", "scenario": "s", "region": "r", "variable": "v", "unit": "u", "year": 2030}
BASE = Scenario(id="t", label={"fr": "t"})


def _results(**values: float) -> pd.DataFrame:
    return pd.DataFrame([{**ROW, "variable": name, "value": v} for name, v in values.items()])


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("call", "kind", "match"),
    [
        (
            lambda: set_dotted({"a": 1}, "a.b", 2),
            ScenarioError,
            r"a\.b : « a » n'est pas une section",
        ),
        (
            lambda: BASE.with_values(
                {"mobility.fleet.electric_sales": 90, "mobility.fleet.plug_in_hybrid_sales": 30}
            ),
            ScenarioError,
            r"electric_sales \+ plug_in_hybrid_sales = 120 % dépasse 100 % des ventes",
        ),
        (lambda: variant_id("!!!"), ScenarioError, r"nom de variante « !!! » : mettre au moins"),
        (lambda: geometries("cantons"), TerritoryError, r"pas de niveau de géométrie 'cantons'"),
        (
            lambda: assert_results_equal(_results(a=1.0), _results(b=1.0)),
            ResultsDiffer,
            r"lignes présentes d'un seul côté",
        ),
        (
            lambda: assert_results_equal(_results(a=1.0), _results(a=2.0)),
            ResultsDiffer,
            r"1 valeurs diffèrent",
        ),
        (
            lambda: show("demographie", "DEP-71", "tendanciel", 2050, "cinema"),
            InputError,
            r"mode « cinema » : valeurs admises",
        ),
    ],
)
def test_error_paths(call, kind, match):
    with pytest.raises(kind, match=match):
        call()


def test_extends_must_be_ids(tmp_path):
    path = _write(tmp_path, "a.yaml", "id: a\nlabel: {fr: A}\nextends: 3\n")
    with pytest.raises(ScenarioError, match=r"a\.yaml : extends doit être un identifiant"):
        load_scenario_file(path)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("key,mode,value\nyear,,2019\nyear,,2020\n", r"s\.csv : ligne 3 : year donné deux fois"),
        (
            "key,mode,value\nmode_share,car,0.5\nmode_share,car,0.4\n",
            r"s\.csv : ligne 3 : mode_share pour 'car' donné deux fois",
        ),
        ("a;b\n1;2\n", r"s\.csv : les colonnes key,mode,value sont attendues en première ligne"),
    ],
)
def test_survey_csv_errors(tmp_path, text, match):
    with pytest.raises(DataError, match=match):
        load_survey(_write(tmp_path, "s.csv", text))
