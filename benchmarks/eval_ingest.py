"""Check ingestion on the seed articles: metadata, furniture, gold spans kept, times resolved.

Usage: python benchmarks/eval_ingest.py [SEEDS_DIR]   (default: ../shared/eval/seeds)
Exit status 1 if a check fails.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from quotex.ingest import Article, read_inputs
from quotex.times import find_times

DEFAULT_SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "seeds"
SUNDAY = dt.date(2025, 12, 28)
SCORED_KINDS = ("direct", "partial")  # the quote kinds eval/score.py counts


def uncovered(article: Article, first: str, last: str) -> list[tuple[int, int]]:
    """Stretches of non-space text between ``first`` and the end of ``last`` left unmarked."""
    text = article.text
    start = text.index(first)
    end = text.index(last, start) + len(last)
    marked = [False] * len(text)
    for s, e in article.boilerplate:
        marked[s:e] = [True] * (e - s)
    holes: list[tuple[int, int]] = []
    for i in range(start, end):
        if not marked[i] and not text[i].isspace():
            if holes and holes[-1][1] == i:
                holes[-1] = (holes[-1][0], i + 1)
            else:
                holes.append((i, i + 1))
    return holes


def overlaps(article: Article, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in article.boilerplate)


def main(seeds: Path) -> int:
    files = sorted(str(p) for p in seeds.glob("*.txt"))
    articles = {a.id: a for a in read_inputs(files) if isinstance(a, Article)}
    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))
    by_prefix = {key[:3]: a for key, a in articles.items()}

    print(f"{'doc':<5}{'published':<12}{'outlet':<10}{'byline':<22}{'bp chars':>9}  headline")
    for key in sorted(articles):
        a = articles[key]
        bp = sum(e - s for s, e in a.boilerplate)
        print(
            f"{key[:3]:<5}{a.published or '-'!s:<12}{a.outlet or '-':<10}"
            f"{a.byline or '-':<22}{bp:>9}  {(a.headline or '-')[:48]}"
        )
        print(f"{'':<5}provenance: {a.provenance}")

    a000, a002, a004 = by_prefix["000"], by_prefix["002"], by_prefix["004"]
    times = find_times(a000.text, 0, len(a000.text), a000.published)
    on_sunday = next((r for r in times if r.text.lower() == "on sunday"), None)
    checks = [
        ("000 published 2025-12-28", a000.published == SUNDAY),
        ("002 published 2025-12-28", a002.published == SUNDAY),
        ("002 date from its dateline", a002.provenance.get("published") == "dateline"),
        ("002 byline Anastasia Lyrchikova", a002.byline == "Anastasia Lyrchikova"),
        ("002 outlet Reuters", a002.outlet == "Reuters"),
        (
            "002 'Stay Connected' block all boilerplate",
            not uncovered(a002, "Stay Connected", "spot_img"),
        ),
        (
            "004 'Latest news' list all boilerplate",
            not uncovered(a004, "Latest news", "02.Jan.2026"),
        ),
        (
            "000 'on Sunday' -> 2025-12-28",
            on_sunday is not None and on_sunday.value == "2025-12-28",
        ),
    ]
    kept_quotes = kept_claims = total_quotes = total_claims = 0
    dropped: list[str] = []
    for doc in gold["documents"]:
        article = articles[doc["id"]]
        for kind, items in (("quote", doc["quotes"]), ("claim", doc["claims"])):
            for item in items:
                hit = overlaps(article, item["start"], item["end"])
                if kind == "quote" and item["kind"] not in SCORED_KINDS:
                    continue  # titles in other articles' headlines are furniture, and unscored
                if kind == "quote":
                    total_quotes += 1
                    kept_quotes += not hit
                else:
                    total_claims += 1
                    kept_claims += not hit
                if hit:
                    where = f"{item['start']}-{item['end']}"
                    dropped.append(f"{doc['id'][:3]} {kind} {where}: {item['text'][:40]!r}")
    checks.append(("no gold direct/partial quote in boilerplate", kept_quotes == total_quotes))

    print()
    for name, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    print(f"\ngold direct/partial quotes outside boilerplate: {kept_quotes}/{total_quotes}")
    print(f"gold claims outside boilerplate: {kept_claims}/{total_claims}")
    for line in dropped:
        print(f"  in boilerplate: {line}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SEEDS))
