"""Every dashboard by notebook name (``dashboards/<name>.ipynb``), in home-page order."""

from __future__ import annotations

from .spec import Context, Dashboard, FigureSpec, Indicator
from .views import adaptation, demographie, energie, mobilite, services, synthese, vieillissement

DASHBOARDS: dict[str, Dashboard] = {
    view.DASHBOARD.name: view.DASHBOARD
    for view in (demographie, vieillissement, mobilite, energie, services, adaptation, synthese)
}

__all__ = ["DASHBOARDS", "Context", "Dashboard", "FigureSpec", "Indicator"]
