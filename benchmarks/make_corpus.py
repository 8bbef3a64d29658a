"""Generate a synthetic news corpus with planted quotes, as JSON Lines, for ``bench_corpus.py``.

Every article (150-250 words) tells an invented local story from sentence templates and plants
three to six quotations in the forms news uses: full quotes with "said", a colon introduction,
partial quotes and "according to" reports. The text is written for this benchmark; no real
article is copied. Output: one ``{"id", "text", "published", "outlet"}`` record per line, and
``<output>.planted.json`` mapping each id to the texts of its planted quotes.

Usage:
    python benchmarks/make_corpus.py --n 10000 --output benchmarks/data/corpus.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

OUTLETS = ("Harbour Herald", "Valley Courier", "Metro Wire", "North Star Post", "Coastline Daily")
FIRST = ("Maria", "David", "Aisha", "Tomasz", "Grace", "Kenji", "Lena", "Oscar", "Priya", "Samuel")
LAST = ("Okafor", "Lindqvist", "Moreau", "Haddad", "Brennan", "Castillo", "Novak", "Ito", "Fischer")
ROLES = (
    "the city's transport commissioner",
    "a spokeswoman for the port authority",
    "the head of the residents' association",
    "a local shop owner",
    "the regional health director",
    "an engineer who worked on the project",
)
TOPICS = (
    ("the new tram line", "tram line", "construction"),
    ("the flood barrier", "barrier", "repairs"),
    ("the school merger", "merger", "consultation"),
    ("the harbour expansion", "expansion", "dredging"),
    ("the library renovation", "renovation", "works"),
    ("the hospital car park", "car park", "building work"),
)
PLACES = ("Eastbrook", "Millford", "Saltmarsh", "Kingsreach", "Ashdown", "Riverside")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

SAYINGS = (
    "We have listened to every family in {place} and the plan reflects that",
    "Nobody expected the {short} to cost this much, and we owe people an explanation",
    "The {work} will be finished before the winter, whatever happens",
    "I have lived here for thirty years and I have never seen anything like it",
    "This is a good day for {place}, but the hard part starts now",
    "We are not going to cut corners on safety",
    "The numbers simply do not add up",
    "People deserve a straight answer about the {short}",
)
PARTIALS = ("a turning point", "long overdue", "a costly mistake", "the right decision", "rushed")
FILLER = (
    "The council approved the final budget for {topic} after a three-hour debate.",
    "Work on {topic} began in the spring and has already closed two streets in {place}.",
    "Residents packed the community hall on {day} evening to hear the latest plans.",
    "The project was first proposed six years ago and has been redesigned twice since then.",
    "Traffic in the centre of {place} has slowed noticeably since the {work} began.",
    "A report published last month estimated the total cost at {money} million.",
    "Several businesses on the high street say their takings have fallen this year.",
    "The regional government has promised to cover part of the cost of {topic}.",
    "Opponents collected more than {count} signatures against the plan in four weeks.",
    "The {work} is expected to continue until the end of next year.",
    "Officials said a second public meeting would be held in {place} next month.",
    "Engineers inspected the site again on {day} and found no new problems.",
)


def _person(rng: random.Random) -> tuple[str, str]:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES)


def article(rng: random.Random, index: int) -> tuple[dict[str, str], list[str]]:
    """One record and the texts of the quotes planted in it.

    Args:
        rng: The random source (seeded, so the corpus is the same on every run).
        index: Position in the corpus, used for the id.

    Returns:
        The JSON Lines record and the planted quote texts, marks excluded.
    """
    topic, short, work = rng.choice(TOPICS)
    place = rng.choice(PLACES)
    fill = {
        "topic": topic,
        "short": short,
        "work": work,
        "place": place,
        "day": rng.choice(DAYS),
        "money": str(rng.randint(12, 480)),
        "count": f"{rng.randint(2, 30) * 100:,}",
    }
    sentences = [f"{place.upper()} - " + rng.choice(FILLER).format(**fill)]
    planted: list[str] = []
    words = len(sentences[0].split())
    target = rng.randint(150, 230)
    while words < target:
        name, role = _person(rng)
        last = name.split()[1]
        saying = rng.choice(SAYINGS).format(**fill)
        form = rng.randrange(10)  # forms 5-9: plain reporting between the quotes
        if form == 0:
            sentence, quote = f'"{saying}," {name}, {role}, said on {fill["day"]}.', f"{saying},"
        elif form == 1:
            sentence, quote = f'{name} said: "{saying}."', f"{saying}."
        elif form == 2:
            partial = rng.choice(PARTIALS)
            sentence, quote = f'{name} called {topic} "{partial}" in a statement.', partial
        elif form == 3:
            sentence, quote = f"According to {name}, {role}, the {work} is behind schedule.", ""
        elif form == 4:
            sentence, quote = f'"{saying}," said {last}.', f"{saying},"
        else:
            sentence = rng.choice(FILLER).format(**fill)
            quote = ""
        if quote:
            planted.append(quote)
        sentences.append(sentence)
        words += len(sentence.split())
    paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    published = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(365))
    record = {
        "id": f"a{index:05d}",
        "text": "\n\n".join(paragraphs),
        "published": published.isoformat(),
        "outlet": rng.choice(OUTLETS),
    }
    return record, planted


def write_corpus(n: int, output: Path, *, seed: int = 13) -> int:
    """Write ``n`` articles to ``output`` and the planted quotes next to it.

    Args:
        n: Number of articles.
        output: The JSON Lines file to write.
        seed: Random seed; the first ``k`` articles are the same for any ``n >= k``.

    Returns:
        The number of words written.
    """
    rng = random.Random(seed)
    output.parent.mkdir(parents=True, exist_ok=True)
    planted: dict[str, list[str]] = {}
    words = 0
    with output.open("w", encoding="utf-8") as sink:
        for i in range(n):
            record, quotes = article(rng, i)
            planted[record["id"]] = quotes
            words += len(record["text"].split())
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    planted_path = output.with_suffix(".planted.json")
    planted_path.write_text(json.dumps(planted), encoding="utf-8")
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of articles")
    parser.add_argument("--output", type=Path, default=Path("benchmarks/data/corpus.jsonl"))
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    words = write_corpus(args.n, args.output, seed=args.seed)
    print(f"{args.n} articles, {words} words -> {args.output}")


if __name__ == "__main__":
    main()
