"""Scenarios: schema, YAML files with inheritance, presets, hashing."""

from .io import (
    FULL_PRESETS,
    check_id,
    compose,
    list_presets,
    load_preset,
    load_scenario_file,
    preset_models,
    presets_dir,
    save_scenario,
    scenario_from_dict,
    scenario_from_file,
    scenario_from_presets,
)
from .schema import MODEL_SECTIONS, Scenario, section_models

__all__ = [
    "MODEL_SECTIONS",
    "Scenario",
    "check_id",
    "compose",
    "FULL_PRESETS",
    "list_presets",
    "load_preset",
    "load_scenario_file",
    "preset_models",
    "presets_dir",
    "save_scenario",
    "scenario_from_dict",
    "scenario_from_file",
    "scenario_from_presets",
    "section_models",
]
