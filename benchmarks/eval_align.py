"""Align the five seed articles and write the alignment JSON for score_align.py.

usage: python benchmarks/eval_align.py [--dev] [OUT.json]
    --dev  use Documents built from the gold annotation instead of quotex.extract
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = ROOT.parent / "shared" / "eval" / "seeds"
sys.path.insert(0, str(ROOT))


def extracted_documents():
    import quotex

    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    published = {d["id"]: d["published"] for d in gold["documents"]}
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pub = published.get(path.stem)
        docs.append(quotex.extract(text, published=dt.date.fromisoformat(pub) if pub else None, id=path.stem))
    return docs


def main(argv: list[str]) -> int:
    dev = "--dev" in argv
    args = [a for a in argv if not a.startswith("--")]
    out = Path(args[0]) if args else HERE / "results" / ("align_seeds_dev.json" if dev else "align_seeds.json")
    t0 = time.perf_counter()
    if dev:
        sys.path.insert(0, str(HERE))
        from dev_docs import load_dev_documents

        docs = load_dev_documents()
    else:
        docs = extracted_documents()
    t1 = time.perf_counter()
    from quotex.alignment import align, to_json

    result = align(docs)
    t2 = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(to_json(result), encoding="utf-8")
    print(f"documents {len(docs)} (load {t1 - t0:.1f}s), align {t2 - t1:.2f}s -> {out}")
    score = subprocess.run(
        [sys.executable, str(SEEDS.parent / "score_align.py"), str(SEEDS / "gold.json"), str(out)],
        capture_output=True,
        text=True,
    )
    print(score.stdout.strip() or score.stderr.strip())
    return score.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
