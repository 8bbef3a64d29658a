"""Measure the embedded pipeline's speed (words/second) and peak memory on news-like text."""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import spacy

REPO = Path(__file__).resolve().parents[1]
MODEL = REPO / "models" / "en_quotex_sm"
RESULTS = REPO / "benchmarks" / "results" / "pipeline.json"

# Invented news-like sentences, written for this benchmark.
SENTENCES = [
    "“We are not going to back down,” Mayor Elena Ruiz told reporters at City Hall on Tuesday.",
    "The U.S. Department of Energy said the plant would reopen at 1:00 P.M. on Friday.",
    "Officials in Kyiv's regional administration said three drones were shot down overnight.",
    "Trump's lawyers argued that the documents found at Mar-a-Lago were personal records.",
    "“It's a difficult decision,” said Dr. Amara Okafor, who chairs the hospital's ethics board.",
    "Shares of Northwind Corp. fell 4.2 percent after the company cut its annual forecast.",
    "The European Commission warned that the proposal—first floated in March—was premature.",
    "‘I never expected this,’ the farmer said, pointing to the flooded fields near Dayton.",
    "Senator James Holloway (D-Ohio) called the bill “a step in the right direction.”",
    "A spokesperson for the United Nations said aid convoys had reached the border town.",
    "Police said the suspect, 34, was arrested without incident late Sunday in Portland.",
    "The central bank left interest rates unchanged, citing slowing growth in the euro zone.",
    "“Nobody told us anything,” one resident said. “We found out from the news.”",
    "Analysts at Harbor Street Capital expect the merger to close in the second quarter.",
    "The governor's office declined to comment on the report, which was released Thursday.",
    "In a statement, the ministry said 1,200 troops had been moved to the eastern front.",
]


def make_texts(n_docs: int) -> list[str]:
    """Articles of eight sentences each, rotating through the sentence pool."""
    k = len(SENTENCES)
    return [" ".join(SENTENCES[(i + j) % k] for j in range(8)) for i in range(n_docs)]


def measure(nlp: spacy.language.Language, texts: list[str], n_process: int) -> dict[str, float]:
    """Words per second of ``nlp.pipe`` over ``texts`` with ``n_process`` processes."""
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64, n_process=n_process))
    seconds = time.perf_counter() - start
    return {
        "n_process": n_process,
        "words": words,
        "seconds": round(seconds, 2),
        "words_per_second": round(words / seconds),
    }


def main() -> None:
    """Run the benchmark, print a table and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    tracemalloc.start()
    nlp = spacy.load(args.model)
    texts = make_texts(args.docs)
    nlp(texts[0])  # warm up
    runs = [measure(nlp, texts, 1)]
    _, peak_py = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    runs.append(measure(nlp, texts, 2))
    # ru_maxrss is KiB on Linux
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "model": args.model.name,
        "pipeline": nlp.pipe_names,
        "docs": len(texts),
        "runs": runs,
        "peak_rss_mb": round(peak_rss, 1),
        "peak_python_alloc_mb": round(peak_py / 2**20, 1),
        "python": sys.version.split()[0],
        "spacy": spacy.__version__,
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
    }
    print(f"{'n_process':>9} {'words':>8} {'seconds':>8} {'words/s':>8}")
    for r in runs:
        print(f"{r['n_process']:>9} {r['words']:>8} {r['seconds']:>8} {r['words_per_second']:>8}")
    print(
        f"peak RSS {result['peak_rss_mb']} MB, peak Python allocations "
        f"{result['peak_python_alloc_mb']} MB (one process)"
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf8")


if __name__ == "__main__":
    main()
