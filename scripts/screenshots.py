"""Render the example articles' HTML views and photograph them in headless Chromium.

Usage: python scripts/screenshots.py [--chromium PATH]

Writes docs/img/document.png (one article, ``Document._repr_html_``) and docs/img/alignment.png
(the three outlets of examples/wildfire aligned, ``quotex align --format html``), so that the
documentation shows what a browser shows, not what the HTML was meant to look like.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

import quotex
from quotex.alignment import to_html
from quotex.ingest import from_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "wildfire"
OUT = ROOT / "docs" / "img"
#: the outlets of the example articles, as the notebook names them
OUTLETS = {"northshore": "Northshore Times", "courier": "Valley Courier", "metro": "Metro Wire"}


def shoot(chromium: str, html: str, png: Path, height: int) -> None:
    """Write ``html`` to a temporary page and save a 1200-pixel-wide screenshot of it."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(html, encoding="utf-8")
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--window-size=1200,{height}",
                f"--screenshot={png}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    args = parser.parse_args()
    if not args.chromium:
        raise SystemExit("no Chromium found; pass --chromium PATH")
    articles = [
        from_text(path.read_text(encoding="utf-8"), id=path.stem, outlet=OUTLETS.get(path.stem), published="2025-06-12")
        for path in sorted(EXAMPLES.glob("*.txt"))
    ]
    docs = list(quotex.extract_many(articles))
    OUT.mkdir(parents=True, exist_ok=True)
    page = '<html><head><meta charset="utf-8"></head><body>{}</body></html>'
    northshore = next(d for d in docs if d.id == "northshore")
    shoot(args.chromium, page.format(northshore._repr_html_()), OUT / "document.png", 560)
    shoot(args.chromium, to_html(quotex.align(docs)), OUT / "alignment.png", 1500)
    print(f"wrote {OUT / 'document.png'} and {OUT / 'alignment.png'}")


if __name__ == "__main__":
    main()
