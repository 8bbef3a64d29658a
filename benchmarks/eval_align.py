"""Align the seed articles or the development clusters and score them with score_align.py.

usage: python benchmarks/eval_align.py [--dev] [OUT.json]
           the five seeds (--dev: Documents built from the gold annotation instead of quotex.extract)
       python benchmarks/eval_align.py --clusters [OUT.json]
           the eight real multi-outlet clusters in ../shared/eval/clusters: pair precision, recall and F1
           per event and their macro mean (default OUT: benchmarks/results/align_clusters.json)
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EVAL = ROOT.parent / "shared" / "eval"
SEEDS = EVAL / "seeds"
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


def score(gold: Path, pred: Path) -> str:
    out = subprocess.run(
        [sys.executable, str(EVAL / "score_align.py"), str(gold), str(pred)], capture_output=True, text=True
    )
    return (out.stdout.strip() or out.stderr.strip()).splitlines()[-1]


def clusters(out: Path) -> int:
    """Each cluster's articles extracted with their outlet and date, aligned, scored."""
    import quotex
    from quotex.alignment import align, to_json

    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, str(EVAL / "clusters_gold.py"), str(EVAL / "clusters"), tmp],
            check=True,
            capture_output=True,
        )
        for path in sorted((EVAL / "clusters").glob("dev_*.json")):
            cluster = json.loads(path.read_text(encoding="utf-8"))
            t0 = time.perf_counter()
            docs = [
                quotex.extract(a["text"], id=a["id"]).model_copy(
                    update={
                        "outlet": a.get("outlet"),
                        "published": dt.date.fromisoformat(a["published"]) if a.get("published") else None,
                    }
                )
                for a in cluster["articles"]
            ]
            t1 = time.perf_counter()
            pred = Path(tmp) / f"{path.stem}.pred.json"
            pred.write_text(to_json(align(docs)), encoding="utf-8")
            t2 = time.perf_counter()
            line = score(Path(tmp) / path.stem / "gold.json", pred)
            p, r, f = (float(line.split(k)[1].split()[0]) for k in ("P ", "R ", "F1 "))
            runs.append(
                {
                    "event": path.stem,
                    "articles": len(docs),
                    "precision": p,
                    "recall": r,
                    "f1": f,
                    "extract_s": round(t1 - t0, 2),
                    "align_s": round(t2 - t1, 2),
                }
            )
            print(f"{path.stem}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    macro = sum(x["f1"] for x in runs) / len(runs)
    print(f"macro F1 {macro:.3f}, lowest {min(x['f1'] for x in runs):.3f}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "command": "python benchmarks/eval_align.py --clusters",
                "date": dt.date.today().isoformat(),
                "events": runs,
                "macro_f1": round(macro, 3),
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return 0


def main(argv: list[str]) -> int:
    dev = "--dev" in argv
    args = [a for a in argv if not a.startswith("--")]
    if "--clusters" in argv:
        return clusters(Path(args[0]) if args else HERE / "results" / "align_clusters.json")
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
    line = score(SEEDS / "gold.json", out)
    print(line)
    return 0 if "checks 8/8" in line and "F1 1.000" in line else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
