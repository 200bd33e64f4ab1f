"""Analyses over many runs of the chain: sensitivity (tornado) and goal seeking.

``sensitivity(chain)`` moves each key assumption across its plausible range and ranks their
effects on the key outputs; ``solve(chain, target, levers)`` finds the level of some levers that
meets a target, or says by how much it stays out of reach (docs/methodology/sensitivity.md).
"""

from .goals import TARGETS, Solution, Target, solve, target_of
from .sensitivity import KEY_OUTPUTS, Bar, Output, Sensitivity, sensitivity

__all__ = [
    "KEY_OUTPUTS",
    "TARGETS",
    "Bar",
    "Output",
    "Sensitivity",
    "Solution",
    "Target",
    "sensitivity",
    "solve",
    "target_of",
]
