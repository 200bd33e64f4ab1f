import pandas as pd

from prospectif.calibration.demographic import demographic_base
from prospectif.territory import STRUCTURE_ESTIMATES, Territory


def whole_departements(code, deps=None):
    """A territory made of whole départements (all of France by default)."""
    deps = deps or demographic_base().deps
    shares = pd.Series(1.0, index=pd.Index(list(deps), name="dep"))
    return Territory(code, code, code, (), shares, STRUCTURE_ESTIMATES)
