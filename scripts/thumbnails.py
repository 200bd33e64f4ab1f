"""Card pictures of the home page, from the browser tests' screenshots.

``make screenshots`` runs the browser tests (they save ``build/screenshots/<name>.png``), copies
them into ``docs/images/`` and then runs this script, which keeps the top of each dashboard's
screenshot right of the assumption panel (the first figures a 1600 × 1000 screen shows) as a
480 px wide picture in
``lib/prospectif/ui/thumbnails/<name>.png``, where the home page finds it.

    python scripts/thumbnails.py docs/images lib/prospectif/ui/thumbnails
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))

from prospectif.ui.catalogue import DASHBOARDS  # noqa: E402

WIDTH = 480
BOX = (540, 60, 1600, 720)
"""Part of the screenshot kept (left, top, right, bottom): the first figures."""


def thumbnail(source: Path, target: Path) -> Path:
    """The :data:`BOX` of ``source`` shrunk to :data:`WIDTH` pixels wide, saved as ``target``."""
    with Image.open(source) as image:
        top = image.convert("RGB").crop(BOX)
        top.thumbnail((WIDTH, WIDTH * top.height // top.width))
        target.parent.mkdir(parents=True, exist_ok=True)
        top.save(target, optimize=True)
    return target


def main(images: Path, folder: Path) -> None:
    """Make the picture of every dashboard with a screenshot in ``images``."""
    for name in DASHBOARDS:
        source = images / f"{name}.png"
        if source.is_file():
            print(thumbnail(source, folder / f"{name}.png"))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
