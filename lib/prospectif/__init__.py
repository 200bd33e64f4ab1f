"""Prospectif: territorial foresight (demography, ageing, mobility, energy and climate).

The analyst's names, each imported on first use so that ``import prospectif`` stays cheap
(no pandas, plotly or geopandas until a name is used):

>>> import prospectif as pf
>>> table = pf.run("DEP-71", pf.load_preset("tendanciel"))
>>> pf.write_results(table, "dep71.csv")
"""

from importlib import import_module

_EXPORTS = {
    "get_territory": "territory",
    "search": "territory",
    "load_preset": "scenario",
    "load_scenario_file": "scenario",
    "run": "pipeline",
    "run_chain": "pipeline",
    "run_chains": "pipeline",
    "run_demography": "pipeline",
    "export_schedules": "pipeline",
    "write_results": "results",
    "open_data": "data",
}
"""Public name → the submodule defining it."""

__all__ = list(_EXPORTS)


def __getattr__(name: str) -> object:
    """Import a public name from its submodule, or read ``__version__``, on first use."""
    if name == "__version__":
        value: object = _version()
    elif name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def _version() -> str:
    """The installed distribution's version (importlib.metadata costs 20 ms: read on demand)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(__name__)
    except PackageNotFoundError:  # a source tree used without being installed
        return "0+unknown"


def __dir__() -> list[str]:
    """The module's names, public ones included before their first use."""
    return sorted({*globals(), *__all__, "__version__"})
