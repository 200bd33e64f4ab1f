"""Territories: France, régions, départements, EPCI, communes and custom perimeters.

A territory is described by its code (see DESIGN §9: ``FR``, ``FR-METRO``, ``REG-27``,
``DEP-71``, ``EPCI-200070308``, ``COM-71270``, ``PER-<id>``) and by its *composition*: the share
of each département's population it holds. Models work on départements and aggregate with
these shares, so every territory is computed the same way.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from .data import Dataset, open_data
from .errors import InputFileError, TerritoryError
from .messages import Message
from .resources import presets_dir
from .yamlio import read_yaml

KIND_ORDER = {"FR": 0, "FR-METRO": 1, "REG": 2, "DEP": 3, "EPCI": 4, "COM": 5, "PER": 6}
DOM_REGIONS = {"01", "02", "03", "04", "06"}

STRUCTURE_ESTIMATES = "insee-estimates"
"""Base age structure from the INSEE estimates (départements and their unions)."""
STRUCTURE_SHARE = "departement-share"
"""Base age structure of the département, scaled by the communes' population share."""
STRUCTURE_CENSUS = "census-import"
"""Base age structure imported from the INSEE census, total from the département share."""
STRUCTURE_LOCAL = "local-marginals"
"""Base age structure of the département raked to the communes' census marginals (ages 0–14,
15–29, 18–24, 75+, women), total from the département share."""
STRUCTURE_SCHEDULES = "schedules-import"
"""Base population and yearly schedules imported from a demographer's own files (the
scenario's ``schedules:``), replacing the demography section."""


@dataclass(frozen=True)
class Territory:
    """A resolved territory.

    Attributes
    ----------
    code, kind, name
        Code as in DESIGN §9, kind (``FR``, ``FR-METRO``, ``REG``, ``DEP``, ``EPCI``, ``COM``,
        ``PER``) and official name.
    parents
        Codes of the territories containing it, nearest first.
    shares
        Share (0–1) of each département's population inside the territory, indexed by
        département code.
    structure
        How its base age structure is obtained: ``insee-estimates`` (France, régions,
        départements), ``local-marginals`` (EPCI, communes: resolved by the pipeline, which
        falls back to ``departement-share`` where the local fit failed) or
        ``departement-share`` (perimeters).
    members
        INSEE codes of its communes, for communes, EPCI and perimeters (empty otherwise).
    """

    code: str
    kind: str
    name: str
    parents: tuple[str, ...]
    shares: pd.Series
    structure: str
    members: tuple[str, ...] = ()

    @property
    def departements(self) -> tuple[str, ...]:
        """Codes of the départements it touches."""
        return tuple(self.shares.index)

    def children(self) -> list[str]:
        """Codes of the territories one level below."""
        return children(self.code)

    def geometry(self) -> shapely.Geometry:
        """Its outline (WGS84 lon/lat)."""
        return territory_geometry(self)


def fold(text: str) -> str:
    """Lower-case ASCII form of a name for searching: 'Saône-et-Loire' → 'saone et loire'."""
    spaced = re.sub(r"[\s\-'’_.,()/]+", " ", text)
    plain = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode("ascii")
    return " ".join(plain.lower().split())


def _tables(data: Dataset | None) -> dict[str, pd.DataFrame]:
    """The territory tables of ``data`` (read once per data set)."""
    data = data or open_data()
    return data.derived("territory.tables", lambda: _read_tables(data))


def _read_tables(data: Dataset) -> dict[str, pd.DataFrame]:
    tables = {name: data.table(name) for name in ("regions", "departements", "epci", "communes")}
    tables["communes"]["dep_share"] = commune_shares(tables["communes"])
    return tables


def commune_shares(communes: pd.DataFrame) -> pd.Series:
    """Each commune's share of its département's 2017 population (fraction)."""
    totals = communes.groupby("dep")["population_2017"].transform("sum")
    return communes["population_2017"] / totals


def directory(data: Dataset | None = None) -> pd.DataFrame:
    """Every territory with columns ``code, kind, name, folded, population, dep`` (computed
    once per data set); ``dep`` is the code of the département it lies in (its main one for an
    EPCI; empty for France and the régions).
    """
    data = data or open_data()
    return data.derived("territory.directory", lambda: _directory(_tables(data)))


def territory_names(data: Dataset | None = None) -> dict[str, str]:
    """The name of every territory of the directory by code (computed once per data set)."""
    data = data or open_data()

    def read() -> dict[str, str]:
        named = directory(data).dropna(subset="name")
        return dict(zip(named["code"], named["name"], strict=True))

    return data.derived("territory.names", read)


def _directory(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    deps, regs, epci, com = t["departements"], t["regions"], t["epci"], t["communes"]
    dep_pop = com.groupby("dep")["population_2017"].sum()
    reg_pop = dep_pop.groupby(deps.set_index("code")["region"]).sum()
    metro = ~deps["region"].isin(DOM_REGIONS)
    rows = [
        pd.DataFrame(
            {
                "code": ["FR", "FR-METRO"],
                "kind": ["FR", "FR-METRO"],
                "name": ["France", "France métropolitaine"],
                "population": [dep_pop.sum(), dep_pop[deps.loc[metro, "code"]].sum()],
                "dep": "",
            }
        ),
        pd.DataFrame(
            {
                "code": "REG-" + regs["code"],
                "kind": "REG",
                "name": regs["name"],
                "population": regs["code"].map(reg_pop).fillna(0).to_numpy(),
                "dep": "",
            }
        ),
        pd.DataFrame(
            {
                "code": "DEP-" + deps["code"],
                "kind": "DEP",
                "name": deps["name"],
                "population": deps["code"].map(dep_pop).fillna(0).to_numpy(),
                "dep": deps["code"],
            }
        ),
        pd.DataFrame(
            {
                "code": "EPCI-" + epci["siren"],
                "kind": "EPCI",
                "name": epci["name"],
                "population": epci["population_2017"],
                "dep": epci["dep"],
            }
        ),
        pd.DataFrame(
            {
                "code": "COM-" + com["code"],
                "kind": "COM",
                "name": com["name"],
                "population": com["population_2017"],
                "dep": com["dep"],
            }
        ),
    ]
    table = pd.concat(rows, ignore_index=True)
    table["folded"] = table["name"].map(fold)
    return table


SEARCH_COLUMNS = ["code", "kind", "name", "population", "dep"]

CODE_QUERIES = (
    (re.compile(r"(?:\d{1,2}|2[ab]|97\d)"), "DEP-"),
    (re.compile(r"(?:\d{5}|2[ab]\d{3})"), "COM-"),
    (re.compile(r"\d{9}"), "EPCI-"),
)
"""What a number or code typed in a search box names: a département number (« 71 », « 974 »,
« 2A »), a commune's INSEE code (« 71270 ») or an EPCI's SIREN; no postcode table is embedded,
so a postcode finds nothing unless it is also an INSEE code."""


def search(
    query: str,
    limit: int = 20,
    kinds: tuple[str, ...] | None = None,
    data: Dataset | None = None,
) -> pd.DataFrame:
    """Territories named by ``query``: its code (``DEP-71``), a number or INSEE code (see
    :data:`CODE_QUERIES`), or a name containing every word of ``query``, ignoring case and
    accents.

    Codes first, then the best names: exact name, then names starting with the query, then
    the larger kinds (régions before départements before EPCI before communes), then
    population. Returns columns ``code, kind, name, population, dep`` (see :func:`directory`).
    """
    words = fold(query).split()
    table = directory(data)
    if kinds:
        table = table[table["kind"].isin(kinds)]
    if not words:
        return table.head(0)[SEARCH_COLUMNS]
    mask = pd.Series(True, index=table.index)
    for word in words:
        mask &= table["folded"].str.contains(word, regex=False)
    hits = table[mask].copy()
    target = " ".join(words)
    hits["_rank"] = (hits["folded"] != target).astype(int) + (
        ~hits["folded"].str.startswith(target)
    ).astype(int)
    hits["_kind"] = hits["kind"].map(KIND_ORDER)
    hits = hits.sort_values(["_rank", "_kind", "population"], ascending=[True, True, False])
    coded = table[table["code"].isin(_codes_named(query))]
    found = pd.concat([coded, hits[~hits["code"].isin(coded["code"])]])
    return found.head(limit)[SEARCH_COLUMNS].reset_index(drop=True)


def _codes_named(query: str) -> list[str]:
    """Territory codes ``query`` may be: itself in capitals (``dep-71``), or a number or code
    of :data:`CODE_QUERIES` (``71`` → ``DEP-71``, ``7`` → ``DEP-07``).
    """
    typed = query.strip()
    codes = [typed.upper()]
    for pattern, prefix in CODE_QUERIES:
        if pattern.fullmatch(typed.lower()):
            number = typed.upper()
            codes.append(prefix + (number.zfill(2) if prefix == "DEP-" else number))
    return codes


def get_territory(code: str, data: Dataset | None = None) -> Territory:
    """Resolve a territory code (``DEP-71``, ``EPCI-200070308``, ``PER-pays-charolais``…).

    Territories of the data set are resolved once per data set; perimeters are read from
    their file on every call.

    Raises
    ------
    TerritoryError
        If the code is unknown, with the closest known codes.
    """
    if not isinstance(code, str):
        raise TerritoryError("territory.not_text", value=code)
    code = code.strip()
    if code.startswith("PER-"):
        return load_perimeter(perimeters_dir() / f"{code[4:]}.yaml", code, data)
    data = data or open_data()
    return data.derived(f"territory.{code}", lambda: _resolve(code, data))


def _resolve(code: str, data: Dataset) -> Territory:
    row = directory(data).loc[lambda d: d["code"] == code]
    if row.empty:
        raise TerritoryError("territory.unknown", value=code, close=_closest(code, data))
    kind, name = row["kind"].iat[0], row["name"].iat[0]
    return _build(code, kind, name, _tables(data))


def _closest(code: str, data: Dataset | None) -> Message | str:
    codes = directory(data)["code"].tolist()
    close = difflib.get_close_matches(code.upper(), codes, n=5, cutoff=0.6)
    return Message("territory.closest", {"codes": ", ".join(close)}) if close else ""


def _build(code: str, kind: str, name: str, t: dict[str, pd.DataFrame]) -> Territory:
    deps = t["departements"]
    key = code.split("-", 1)[1] if "-" in code and kind != "FR-METRO" else ""
    if kind in {"FR", "FR-METRO", "REG", "DEP"}:
        selected = {
            "FR": deps,
            "FR-METRO": deps[~deps["region"].isin(DOM_REGIONS)],
            "REG": deps[deps["region"] == key],
            "DEP": deps[deps["code"] == key],
        }[kind]
        shares = pd.Series(1.0, index=pd.Index(selected["code"], name="dep"))
        return Territory(code, kind, name, _parents(kind, key, t), shares, STRUCTURE_ESTIMATES)
    communes = t["communes"]
    members = (
        communes[communes["epci"] == key] if kind == "EPCI" else communes[communes["code"] == key]
    )
    return Territory(
        code,
        kind,
        name,
        _parents(kind, key, t),
        _shares(members),
        STRUCTURE_LOCAL,
        tuple(members["code"]),
    )


def _shares(members: pd.DataFrame) -> pd.Series:
    shares = members.groupby("dep")["dep_share"].sum()
    shares.index.name = "dep"
    return shares.sort_index()


def _parents(kind: str, key: str, t: dict[str, pd.DataFrame]) -> tuple[str, ...]:
    deps = t["departements"].set_index("code")
    if kind in {"FR"}:
        return ()
    if kind in {"FR-METRO", "REG"}:
        return ("FR",)
    if kind == "DEP":
        region = deps.at[key, "region"]
        metro = () if region in DOM_REGIONS else ("FR-METRO",)
        return (f"REG-{region}", *metro, "FR")
    if kind == "EPCI":
        dep = t["epci"].set_index("siren").at[key, "dep"]
        return (f"DEP-{dep}", *_parents("DEP", dep, t))
    commune = t["communes"].set_index("code").loc[key]
    epci = (f"EPCI-{commune['epci']}",) if commune["epci"] else ()
    return (*epci, f"DEP-{commune['dep']}", *_parents("DEP", commune["dep"], t))


def children(code: str, data: Dataset | None = None) -> list[str]:
    """Codes one level below: régions of France, départements of a région, EPCI of a
    département (those whose main département it is), communes of an EPCI.
    """
    t = _tables(data)
    kind, _, key = code.partition("-")
    if code == "FR":
        return ("REG-" + t["regions"]["code"]).tolist()
    if code == "FR-METRO":
        regs = t["regions"]["code"]
        return ("REG-" + regs[~regs.isin(DOM_REGIONS)]).tolist()
    if kind == "REG":
        deps = t["departements"]
        return ("DEP-" + deps.loc[deps["region"] == key, "code"]).tolist()
    if kind == "DEP":
        epci = t["epci"]
        return ("EPCI-" + epci.loc[epci["dep"] == key, "siren"]).tolist()
    if kind == "EPCI":
        com = t["communes"]
        return ("COM-" + com.loc[com["epci"] == key, "code"]).tolist()
    return []


def perimeters_dir() -> Path:
    """Folder of custom perimeter files: ``scenarios/perimetres/``."""
    return presets_dir() / "perimetres"


def load_perimeter(path: Path, code: str | None = None, data: Dataset | None = None) -> Territory:
    """Load a custom perimeter: a YAML file with ``name`` and a list of commune ``communes``.

    Raises
    ------
    TerritoryError
        If the file is missing or malformed, or names unknown communes (all listed).
    """
    path = Path(path)
    code = code or f"PER-{path.stem}"
    if not re.fullmatch(r"PER-[a-z0-9][a-z0-9-]{0,63}", code):
        raise TerritoryError("territory.perimeter_code", value=code)
    if not path.is_file():
        raise TerritoryError("territory.perimeter_missing", value=code, file=path)
    try:
        doc = read_yaml(path)
    except InputFileError as exc:
        raise TerritoryError.wrap(exc) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("name"), str):
        raise TerritoryError("territory.perimeter_keys", file=path)
    listed = doc.get("communes")
    if not isinstance(listed, list) or not listed:
        raise TerritoryError("territory.perimeter_communes", file=path)
    wanted = [str(c).removeprefix("COM-").zfill(5) for c in listed]
    communes = _tables(data)["communes"]
    members = communes[communes["code"].isin(wanted)]
    unknown = sorted(set(wanted) - set(members["code"]))
    if unknown:
        codes = ", ".join(map(repr, unknown))
        raise TerritoryError("territory.unknown_communes", file=path, codes=codes)
    deps = tuple(f"DEP-{d}" for d in sorted(members["dep"].unique()))
    return Territory(
        code, "PER", doc["name"], deps, _shares(members), STRUCTURE_SHARE, tuple(members["code"])
    )


def territory_geometry(territory: Territory, data: Dataset | None = None) -> shapely.Geometry:
    """Outline of a territory (WGS84), from the embedded simplified geometries.

    Raises
    ------
    TerritoryError
        For communes and custom perimeters, whose outlines are not embedded.
    """
    if territory.kind in {"COM", "PER"}:
        raise TerritoryError("territory.no_outline", code=territory.code)
    if territory.kind == "EPCI":
        table = geometries("epci", data)
        return table.loc[table["code"] == territory.code[5:], "geometry"].iat[0]
    deps = geometries("departements", data)
    return shapely.union_all(deps.loc[deps["code"].isin(territory.departements), "geometry"])


def geometries(level: str, data: Dataset | None = None) -> gpd.GeoDataFrame:
    """Simplified outlines of all ``departements``, ``regions`` or ``epci`` (column ``code``),
    read once per data set.
    """
    if level not in {"departements", "regions", "epci"}:
        raise TerritoryError("territory.level", value=level, allowed="departements, regions, epci")
    data = data or open_data()
    return data.derived(f"territory.geometry.{level}", lambda: _outlines(data, level))


def _outlines(data: Dataset, level: str) -> gpd.GeoDataFrame:
    table = data.table(f"geometry_{level}").rename(columns={"siren": "code"})
    return gpd.GeoDataFrame(
        table[["code"]], geometry=shapely.from_wkb(table["geometry"]), crs="EPSG:4326"
    )
