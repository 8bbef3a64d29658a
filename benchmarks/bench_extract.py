"""Extraction quality and speed on the seed articles, side by side with textacy's direct_quotations.

Usage: python benchmarks/bench_extract.py [--seeds ../shared/eval/seeds] [--repeat 20] [--model PATH]

Both systems read the same parsed Docs (the embedded pipeline without the quotex components),
so the speed ratios compare the attribution logic alone; quality is scored with
``quotex.evaluate.score`` against the seeds' gold file. Writes benchmarks/results/extract.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from textacy.extract.triples import direct_quotations

import quotex
from quotex.batch import to_document as _to_document
from quotex.evaluate import score
from quotex.extract.paragraphs import normalize_for_parsing
from quotex.ingest import from_text
from quotex.pipeline import COMPONENTS
from quotex.results import Document, Quote, Speaker

ROOT = Path(__file__).resolve().parent.parent


def textacy_document(doc, article) -> Document:
    """textacy's quotations as a quotex Document, for the same scorer."""
    quotes = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy rejects a whole article with unbalanced quotation marks
        triples = []
    for i, t in enumerate(triples):
        s, e = t.content.start_char, t.content.end_char
        speaker = None
        if t.speaker:
            ss, se = t.speaker[0].idx, t.speaker[-1].idx + len(t.speaker[-1])
            speaker = Speaker(start=ss, end=se, text=article.text[ss:se], name=article.text[ss:se])
        quotes.append(Quote(id=f"q{i}", start=s, end=e, text=article.text[s:e], kind="direct", speaker=speaker))
    return Document(id=article.id, text=article.text, quotes=quotes)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default=str(ROOT.parent / "shared" / "eval" / "seeds"))
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()

    seeds = Path(args.seeds)
    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))
    texts = {d["id"]: (seeds / f"{d['id']}.txt").read_text(encoding="utf-8") for d in gold["documents"]}
    articles = [from_text(texts[d["id"]], id=d["id"]) for d in gold["documents"]]
    nlp = quotex.load(args.model)
    inputs = [normalize_for_parsing(a.text, a.boilerplate) for a in articles]
    words = sum(len(t.split()) for t in inputs)

    with nlp.select_pipes(disable=[c for c in COMPONENTS if c != "quotex_paragraphs"]):
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            parsed = list(nlp.pipe(inputs))
        parse_s = (time.perf_counter() - t0) / args.repeat

    components = [nlp.get_pipe(c) for c in COMPONENTS if c != "quotex_paragraphs"]
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        done = list(nlp.pipe(inputs))  # fresh docs each round; the component time is measured below
    full_s = (time.perf_counter() - t0) / args.repeat
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for doc in parsed:
            for comp in components:
                comp(doc)
    quotex_s = (time.perf_counter() - t0) / args.repeat
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for doc in parsed:
            try:
                list(direct_quotations(doc))
            except ValueError:
                pass
    textacy_s = (time.perf_counter() - t0) / args.repeat

    ours = {a.id: _to_document(a, [(d, 0)]) for a, d in zip(articles, done, strict=True)}
    theirs = {a.id: textacy_document(d, a) for a, d in zip(articles, parsed, strict=True)}
    aliases = gold.get("speaker_aliases", {})
    result = {
        "words": words,
        "repeat": args.repeat,
        "seconds": {
            "parse": parse_s,
            "parse+quotex": full_s,
            "quotex_components": quotex_s,
            "textacy": textacy_s,
        },
        "words_per_second": {"extract": words / full_s, "parse_only": words / parse_s},
        "quotex_share_of_pipeline": quotex_s / full_s,
        "quotex_vs_textacy_time": quotex_s / textacy_s if textacy_s else None,
        "quality": {
            "quotex": score(gold["documents"], ours, texts, aliases),
            "textacy": score(gold["documents"], theirs, texts, aliases),
        },
    }
    out = ROOT / "benchmarks" / "results" / "extract.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    q, t = result["quality"]["quotex"], result["quality"]["textacy"]
    print(
        f"words/s extract {result['words_per_second']['extract']:.0f}  "
        f"parse only {result['words_per_second']['parse_only']:.0f}"
    )
    print(
        f"quotex components: {100 * result['quotex_share_of_pipeline']:.1f}% of pipeline time; "
        f"{result['quotex_vs_textacy_time']:.2f}x textacy's time"
    )
    print(f"{'':10}{'quote F1':>10}{'attrib F1':>11}{'claim F1':>10}{'claim+spk F1':>14}")
    for name, s in (("quotex", q), ("textacy", t)):
        print(
            f"{name:10}{s['quotes']['f1']:>10.3f}{s['quotes_with_speaker']['f1']:>11.3f}"
            f"{s['claims']['f1']:>10.3f}{s['claims_with_speaker']['f1']:>14.3f}"
        )


if __name__ == "__main__":
    main()
