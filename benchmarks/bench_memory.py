"""Peak memory of ``quotex extract`` by number of articles and by article size, whole process.

Articles are made of the real texts of ``../shared/eval`` (news, seeds, clusters) joined three at a
time (about 750 words, a long news story); the large single articles repeat them up to the size
asked. Each run is the real command line in a child process whose resident memory (summed over
the process tree) is sampled from /proc. Results go to ``benchmarks/results/memory.json``.

Usage:
    python benchmarks/bench_memory.py [--counts 1 10 100 200] [--sizes-mb 1]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import SAMPLE_SECONDS, tree_rss_kb  # noqa: E402
from bench_vs_textacy import default_inputs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "memory.json"


def peak_of(args: list[str]) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "quotex", "extract", *args, "-f", "jsonl"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(SAMPLE_SECONDS)
    stderr = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"quotex extract failed ({proc.returncode}):\n{stderr[-2000:]}")
    return {"seconds": round(time.perf_counter() - start, 1), "peak_rss_mb": round(peak / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[1, 10, 100, 200])
    parser.add_argument("--sizes-mb", type=float, nargs="+", default=[1.0])
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()

    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        texts = [p.read_text(encoding="utf-8") for p in default_inputs(work)]
        stories = ["\n\n".join(texts[i : i + 3]) for i in range(0, len(texts) - 2, 3)]
        for count in args.counts:
            folder = work / f"n{count}"
            folder.mkdir()
            words = 0
            for k in range(count):
                story = stories[k % len(stories)]
                words += len(story.split())
                (folder / f"a{k:05d}.txt").write_text(story, encoding="utf-8")
            runs.append({"articles": count, "words": words, **peak_of([str(folder)])})
            print(runs[-1], file=sys.stderr)
        for size in args.sizes_mb:
            big = work / f"big{size}.txt"
            body = "\n\n".join(stories)
            big.write_text((body * (int(size * 1e6) // len(body) + 1))[: int(size * 1e6)], encoding="utf-8")
            runs.append({"articles": 1, "article_mb": size, **peak_of([str(big)])})
            print(runs[-1], file=sys.stderr)
    report = {
        "benchmark": "python benchmarks/bench_memory.py " + " ".join(sys.argv[1:]),
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "runs": runs,
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
