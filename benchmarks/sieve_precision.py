"""Measured precision of each attribution sieve, written as the data the confidences come from.

Usage: python benchmarks/sieve_precision.py [--seeds ../shared/eval/seeds]

Runs ``quotex evaluate --by-sieve`` on the development sets (benchmarks/devset and the seeds;
never ``benchmarks/heldout`` or ``shared/eval/news``, which measure) and writes
quotex/lexicons/sieve_precision.json: per pass and sieve, the attributions made, how many were
right and the precision (right + 1) / (made + 2), so that a sieve seldom seen stays near 0.5.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from quotex.evaluate import evaluate_folder

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "eval" / "seeds")
    args = parser.parse_args()
    sets = {
        "benchmarks/devset": (ROOT / "benchmarks" / "devset" / "gold.jsonl", ROOT / "benchmarks" / "devset"),
        "seeds": (args.seeds / "gold.json", args.seeds),
    }
    totals: dict[str, dict[str, dict[str, float]]] = {"mention": {}, "entity": {}}
    for gold, texts in sets.values():
        result = evaluate_folder(gold, texts, by_sieve=True)
        for kind, cells in result["by_sieve"].items():
            for name, cell in cells.items():
                total = totals[kind].setdefault(name, {"made": 0, "right": 0})
                total["made"] += cell["made"]
                total["right"] += cell["right"]
    for cells in totals.values():
        for cell in cells.values():
            cell["precision"] = round((cell["right"] + 1) / (cell["made"] + 2), 3)
    out = {
        "description": "Measured precision per attribution sieve (benchmarks/sieve_precision.py); "
        "an attribution's confidence is the product of its two sieves' precisions.",
        "sets": sorted(sets),
        **{kind: dict(sorted(cells.items())) for kind, cells in totals.items()},
    }
    path = ROOT / "quotex" / "lexicons" / "sieve_precision.json"
    path.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
