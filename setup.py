"""Wheel build: carry the top-level data/, scenarios/ and dashboards/ inside the package.

They stay at the top of the repository for users; a wheel gets a copy in
``prospectif/_bundled/`` where :mod:`prospectif.resources` finds it. Everything else is in
pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
BUNDLED = ("data", "scenarios", "dashboards")
IGNORED = shutil.ignore_patterns(".*", "__pycache__", "ateliers")


class BuildWithBundled(build_py):
    """``build_py`` that also copies the bundled folders (not for an editable install)."""

    def run(self):
        """Build the package, then copy the bundled folders into it."""
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "prospectif" / "_bundled"
        for name in BUNDLED:
            shutil.copytree(ROOT / name, target / name, ignore=IGNORED, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithBundled})
