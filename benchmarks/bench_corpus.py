"""Corpus benchmark: words/second of ``quotex extract`` with 1 and 2 jobs, peak memory, same output.

Each run is the real command line, ``python -m quotex extract CORPUS --jobs J --output OUT``,
in a child process whose resident memory (summed over it and its spaCy workers) is sampled
from /proc. The corpus comes from ``make_corpus.py``. Results go to
``benchmarks/results/corpus.json`` after every run, so an interrupted benchmark keeps what it
measured.

Usage:
    python benchmarks/bench_corpus.py --sizes 1000 10000 --jobs 1 2 --parallel-up-to 1000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "corpus.json"
SAMPLE_SECONDS = 0.2


def tree_rss_kb(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, in kB (0 once they are gone)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


def run_extract(corpus: Path, output: Path, jobs: int, model: str | None) -> dict[str, Any]:
    """Run the CLI once; wall time and peak tree RSS."""
    output.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "quotex", "extract", str(corpus), "--jobs", str(jobs)]
    cmd += ["--output", str(output)] + (["--model", model] if model else [])
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-2000:]}")
    shown = [str(Path(a).relative_to(ROOT)) if a.startswith(f"{ROOT}/") else a for a in cmd[3:]]
    return {
        "command": " ".join(["quotex", *shown]),
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak / 1024, 1),
    }


def model_load_seconds(model: str | None) -> float:
    """Start-up cost included in every run: importing quotex and loading the pipeline."""
    code = "import quotex, sys; quotex.load(sys.argv[1] if len(sys.argv) > 1 else None)"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *([model] if model else [])], check=True, cwd=ROOT)
    return round(time.perf_counter() - start, 1)


def planted_recall(output: Path, planted: dict[str, list[str]]) -> float:
    """Share of planted quotes found with exactly their text."""
    found = total = 0
    for line in output.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts = {q["text"] for q in record["quotes"]}
        expected = planted[record["id"]]
        total += len(expected)
        found += sum(q in texts for q in expected)
    return round(found / total, 4) if total else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--parallel-up-to",
        type=int,
        help="larger corpora run with the first --jobs value only (saves time on a shared machine)",
    )
    parser.add_argument("--note", help="caveat recorded with the results, e.g. other load on the machine")
    parser.add_argument("--model", help="pipeline name or path; default: the embedded model")
    parser.add_argument("--work", type=Path, default=ROOT / ".work" / "bench_corpus")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()

    args.work.mkdir(parents=True, exist_ok=True)
    corpora: dict[int, tuple[Path, int]] = {}
    for size in sorted(args.sizes):
        path = args.work / f"corpus-{size}.jsonl"
        corpora[size] = (path, write_corpus(size, path))
    report: dict[str, Any] = {
        "benchmark": "python benchmarks/bench_corpus.py " + " ".join(sys.argv[1:]),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        },
        "note": args.note,
        "model": args.model or "embedded (models/en_quotex_sm)",
        "model_load_seconds": model_load_seconds(args.model),
        "runs": [],
    }
    for size in sorted(args.sizes):
        path, words = corpora[size]
        planted = json.loads(path.with_suffix(".planted.json").read_text(encoding="utf-8"))
        outputs: dict[int, Path] = {}
        for jobs in args.jobs:
            if jobs != args.jobs[0] and args.parallel_up_to and size > args.parallel_up_to:
                continue
            outputs[jobs] = args.work / f"out-{size}-j{jobs}.jsonl"
            run = run_extract(path, outputs[jobs], jobs, args.model)
            run.update(
                articles=size,
                words=words,
                jobs=jobs,
                words_per_second=round(words / run["seconds"], 1),
                planted_quote_recall=planted_recall(outputs[jobs], planted),
            )
            if jobs != args.jobs[0]:
                reference = outputs[args.jobs[0]].read_text(encoding="utf-8")
                run["same_output_as_jobs_%d" % args.jobs[0]] = outputs[jobs].read_text(encoding="utf-8") == reference
            report["runs"].append(run)
            print(json.dumps(run), flush=True)
            _write(args.results, report)
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    report["memory_flat"] = _memory_flat(report["runs"])
    _write(args.results, report)


def _memory_flat(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Peak RSS of the largest run over the smallest, per job count; flat means within 20%."""
    out: dict[str, Any] = {}
    for jobs in sorted({r["jobs"] for r in runs}):
        mine = sorted((r for r in runs if r["jobs"] == jobs), key=lambda r: r["articles"])
        if len(mine) < 2:
            continue
        ratio = mine[-1]["peak_rss_mb"] / mine[0]["peak_rss_mb"]
        out[f"jobs_{jobs}"] = {
            "articles": [mine[0]["articles"], mine[-1]["articles"]],
            "peak_rss_ratio": round(ratio, 3),
            "flat_within_20_percent": ratio <= 1.2,
        }
    return out


def _write(path: Path, report: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
