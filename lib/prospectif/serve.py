"""Serve the dashboards with Voilà."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def dashboards_dir() -> Path:
    """The folder of dashboard notebooks served by Voilà."""
    return PROJECT_ROOT / "dashboards"


def voila_command(port: int, public: bool) -> list[str]:
    """The Voilà command line: no tracebacks nor source shown, localhost unless ``public``."""
    return [
        sys.executable,
        "-m",
        "voila",
        str(dashboards_dir()),
        f"--port={port}",
        "--no-browser",
        f"--Voila.ip={'0.0.0.0' if public else '127.0.0.1'}",
        "--show_tracebacks=False",
        "--strip_sources=True",
    ]


def serve(port: int = 8866, public: bool = False, read_only: bool = False) -> None:
    """Start Voilà over ``dashboards/`` and print the address; returns when it stops."""
    env = dict(os.environ, PROSPECTIF_READ_ONLY="1" if read_only else "0")
    host = "0.0.0.0" if public else "localhost"
    print(f"Prospectif : tableaux de bord sur http://{host}:{port}/", flush=True)
    subprocess.run(voila_command(port, public), env=env, check=False)
