"""Scale benchmark of quotex.alignment on generated multi-outlet corpora with planted variants.

usage: python benchmarks/bench_align.py [--sizes 1000,5000,10000] [--seed 7]
Writes benchmarks/results/align.json: time, peak memory, growth exponent (log-log slope between the
smallest and largest size) and recall/precision of the planted statement groups.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotex.results import Claim, Document, Entity, Quote, Speaker  # noqa: E402

# Sentence parts written for this benchmark; combined they give many distinct statements.
GIVEN = [
    "Anna",
    "Boris",
    "Carla",
    "David",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kofi",
    "Lena",
    "Marco",
    "Nadia",
    "Omar",
    "Paula",
    "Quinn",
    "Rosa",
    "Samir",
    "Tara",
    "Umar",
    "Vera",
    "Wanda",
    "Xavier",
    "Yusuf",
    "Zoe",
]
SURNAME = [
    "Abbott",
    "Brandt",
    "Castillo",
    "Dumont",
    "Eriksen",
    "Fischer",
    "Gallo",
    "Haddad",
    "Ivanova",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quiroga",
    "Rossi",
    "Sato",
    "Tanaka",
    "Ueda",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhou",
    "Mbeki",
    "Olsen",
    "Reyes",
    "Sokolov",
    "Tremblay",
    "Vogel",
    "Walsh",
    "Keller",
    "Lopez",
    "Nieminen",
]
SUBJECTS = [
    "the government",
    "our ministry",
    "the new budget",
    "the central bank",
    "the coalition",
    "this agreement",
    "the regional council",
    "the energy plan",
    "our delegation",
    "the reform",
    "the health service",
    "the army",
    "the trade deal",
    "the court ruling",
    "the city council",
    "the committee",
    "our partners",
    "the opposition",
    "the port authority",
    "the school board",
]
VERBS = [
    "will protect",
    "cannot ignore",
    "must rebuild",
    "has weakened",
    "will finance",
    "is reviewing",
    "should defend",
    "has damaged",
    "will expand",
    "wants to limit",
    "refuses to cut",
    "plans to reform",
    "promised to restore",
    "failed to support",
    "is ready to negotiate over",
]
OBJECTS = [
    "rural hospitals",
    "the northern railway",
    "small farmers",
    "public pensions",
    "the coastal towns",
    "water supplies",
    "teacher salaries",
    "the housing market",
    "local factories",
    "cross-border trade",
    "the fishing fleet",
    "emergency services",
    "wind farms",
    "the steel industry",
    "student loans",
    "mountain villages",
    "the airport expansion",
    "refugee shelters",
    "food prices",
    "the river dams",
]
TAILS = [
    "before the winter",
    "without further delay",
    "despite the protests",
    "within two years",
    "as soon as possible",
    "in every district",
    "whatever the cost",
    "with European money",
    "after the election",
    "for the next decade",
    "under strict conditions",
    "step by step",
]
SYNONYMS = {
    "protect": "shield",
    "ignore": "overlook",
    "rebuild": "restore",
    "weakened": "undermined",
    "finance": "fund",
    "reviewing": "examining",
    "defend": "guard",
    "damaged": "harmed",
    "expand": "enlarge",
    "limit": "restrict",
    "cut": "reduce",
    "reform": "overhaul",
    "restore": "renew",
    "support": "back",
    "negotiate": "bargain",
    "rural": "country",
    "small": "modest",
    "public": "state",
    "local": "regional",
    "delay": "hesitation",
    "protests": "demonstrations",
    "strict": "tough",
    "hospitals": "clinics",
    "prices": "costs",
}
FILLER = [
    "The talks lasted until late in the evening.",
    "Officials declined to give further details.",
    "The announcement came after weeks of speculation.",
    "Markets reacted calmly to the news.",
    "Several ministers attended the session.",
    "The proposal still needs parliamentary approval.",
    "Critics say the plan lacks funding.",
    "A vote is expected next month.",
]
OUTLETS_PER_EVENT = (3, 6)


SYLLABLES = [
    "ka",
    "lo",
    "mer",
    "vin",
    "da",
    "sto",
    "bri",
    "nel",
    "tor",
    "ha",
    "zu",
    "pel",
    "gra",
    "mon",
    "ves",
]


def _town(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _statement(rng: random.Random) -> str:
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in {_town(rng)} {rng.choice(TAILS)}"
    return s[0].upper() + s[1:]


def _variant(rng: random.Random, words: list[str]) -> tuple[str, str]:
    """A planted variant of a statement: (kind, text)."""
    r = rng.random()
    if r < 0.35:
        return "verbatim", " ".join(words)
    if r < 0.5:  # orthographic: case and punctuation only
        w = list(words)
        i = rng.randrange(1, len(w))
        w[i] = w[i] + ","
        return "orthographic", " ".join(w).upper() if rng.random() < 0.3 else " ".join(w)
    if r < 0.7:  # truncation at either end, keeping the place the statement is about
        n, town = len(words), words.index("in") + 1
        k = rng.randint(max(4, int(n * 0.6)), n - 1)
        s = rng.randint(max(0, town + 1 - k), min(n - k, town))
        return "truncation", " ".join(words[s : s + k])
    if r < 0.88:  # one word substituted
        cands = [i for i, w in enumerate(words) if w.lower().strip(",") in SYNONYMS]
        if cands:
            w = list(words)
            i = rng.choice(cands)
            w[i] = SYNONYMS[w[i].lower()]
            return "substitution", " ".join(w)
        return "verbatim", " ".join(words)
    i = words.index("in")  # a fragment around the place name, quoted inside a claim
    k = rng.randint(3, 4)
    s = max(0, min(len(words) - k, i + 1 - rng.randint(1, k - 1)))
    return "partial", " ".join(words[s : s + k])


def generate(n_articles: int, seed: int = 7) -> tuple[list[Document], dict[str, list[tuple[str, str]]]]:
    """Generated articles and the planted groups {statement id: [(doc id, quote id), ...]}."""
    rng = random.Random(seed)
    speakers = [f"{g} {s}" for g, s in itertools.product(GIVEN, SURNAME)]
    rng.shuffle(speakers)
    docs: list[Document] = []
    planted: dict[str, list[tuple[str, str]]] = defaultdict(list)
    event = 0
    base = dt.date(2025, 3, 3)
    while len(docs) < n_articles:
        event += 1
        sp = rng.choice(speakers)
        statements = [_statement(rng).split() for _ in range(rng.randint(1, 3))]
        for _o in range(rng.randint(*OUTLETS_PER_EVENT)):
            if len(docs) >= n_articles:
                break
            doc_id = f"a{len(docs):06d}"
            parts: list[str] = []
            quotes: list[Quote] = []
            claims: list[Claim] = []
            ents: list[Entity] = []
            pos = 0

            def put(s: str) -> int:
                nonlocal pos
                start = pos
                parts.append(s)  # noqa: B023 - called within the iteration
                pos += len(s)
                return start

            lead = f"{sp} spoke to reporters on Monday. "
            st = put(lead)
            ents.append(Entity(start=st, end=st + len(sp), text=sp, label="PERSON", name=sp))
            surname = sp.split()[-1]
            for k, words in enumerate(statements):
                kind, text = _variant(rng, words)
                sid = f"e{event}s{k}"
                qid = f"q{len(quotes)}"
                if kind == "partial":
                    pre = f"{surname} said the plan meant that "
                    st = put(pre)
                    ents.append(Entity(start=st, end=st + len(surname), text=surname, label="PERSON", name=sp))
                    put("“")
                    qs = put(text)
                    put("” for everyone. ")
                    speaker = Speaker(start=st, end=st + len(surname), text=surname, name=sp, label="PERSON")
                    quotes.append(
                        Quote(
                            id=qid,
                            kind="partial",
                            start=qs,
                            end=qs + len(text),
                            text=text,
                            speaker=speaker,
                        )
                    )
                    cs = st + len(f"{surname} said ")
                    ce = pos - len(" for everyone. ") + len(" for everyone")
                    claims.append(
                        Claim(
                            id=f"c{len(claims)}",
                            start=cs,
                            end=ce,
                            text="".join(parts)[cs:ce],
                            speaker=speaker,
                            quotes=[qid],
                        )
                    )
                else:
                    mark_open, mark_close = ("“", "”") if rng.random() < 0.5 else ('"', '"')
                    put(mark_open)
                    qs = put(text)
                    put(f",{mark_close} ")
                    st = put(surname)
                    put(" said. ")
                    speaker = Speaker(start=st, end=st + len(surname), text=surname, name=sp, label="PERSON")
                    ents.append(Entity(start=st, end=st + len(surname), text=surname, label="PERSON", name=sp))
                    quotes.append(
                        Quote(
                            id=qid,
                            kind="direct",
                            start=qs,
                            end=qs + len(text),
                            text=text,
                            speaker=speaker,
                        )
                    )
                planted[sid].append((doc_id, qid))
                if rng.random() < 0.5:
                    put(rng.choice(FILLER) + " ")
            put(rng.choice(FILLER))
            docs.append(
                Document(
                    id=doc_id,
                    text="".join(parts),
                    published=base + dt.timedelta(days=event % 30),
                    quotes=quotes,
                    claims=claims,
                    entities=ents,
                )
            )
    return docs, dict(planted)


def run_one(n: int, seed: int) -> dict[str, float]:
    from quotex.alignment import align

    docs, planted = generate(n, seed)
    # the lemma dictionary and the thesaurus load once per process: not part of the growth measured
    align(docs[:3], facts=False, names=False)
    t0 = time.perf_counter()
    result = align(docs, facts=True, names=True)
    elapsed = time.perf_counter() - t0
    group_of: dict[tuple[str, int, int], int] = {}
    for gi, g in enumerate(result.groups):
        for m in g.members:
            group_of[(m.doc, m.start, m.end)] = gi
    span = {(d.id, q.id): (d.id, q.start, q.end) for d in docs for q in d.quotes}
    gold_pairs = pred_hits = groups_ok = 0
    planted_pairs: set[tuple[tuple[str, str], tuple[str, str]]] = set()
    for members in planted.values():
        gs = [group_of.get(span[m]) for m in members]
        if len(members) > 1 and gs[0] is not None and all(g == gs[0] for g in gs):
            groups_ok += 1
        for a, b in itertools.combinations(range(len(members)), 2):
            gold_pairs += 1
            planted_pairs.add((members[a], members[b]))
            if gs[a] is not None and gs[a] == gs[b]:
                pred_hits += 1
    inv = {v: k for k, v in span.items()}
    pred_pairs = wrong = 0
    gold_of = {m: sid for sid, ms in planted.items() for m in ms}
    for g in result.groups:
        qs = [inv[(m.doc, m.start, m.end)] for m in g.members if (m.doc, m.start, m.end) in inv]
        for a, b in itertools.combinations(qs, 2):
            pred_pairs += 1
            wrong += gold_of.get(a) != gold_of.get(b)
    multi = sum(1 for ms in planted.values() if len(ms) > 1)
    return {
        "articles": n,
        "quotes": sum(len(d.quotes) for d in docs),
        "seconds": round(elapsed, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "planted_groups": multi,
        "group_recall": round(groups_ok / multi, 4) if multi else 1.0,
        "pair_recall": round(pred_hits / gold_pairs, 4) if gold_pairs else 1.0,
        "pair_precision": round(1 - wrong / pred_pairs, 4) if pred_pairs else 1.0,
        "predicted_groups": len(result.groups),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,5000,10000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--run", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "align.json"))
    args = ap.parse_args()
    if args.run:
        print(json.dumps(run_one(args.run, args.seed)))
        return 0
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        # one process per size, so the peak memory belongs to that size alone
        out = subprocess.run(
            [sys.executable, __file__, "--run", str(n), "--seed", str(args.seed)],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(json.dumps(row))
        rows.append(row)
    first, last = rows[0], rows[-1]
    slope = (
        math.log(last["seconds"] / first["seconds"]) / math.log(last["articles"] / first["articles"])
        if len(rows) > 1
        else float("nan")
    )
    summary = {
        "benchmark": "quotex.alignment on generated multi-outlet corpora (3-6 outlets per event, planted "
        "verbatim/orthographic/truncation/substitution/partial variants)",
        "runs": rows,
        "growth_exponent": round(slope, 3),
        "min_group_recall": min(r["group_recall"] for r in rows),
        "min_pair_recall": min(r["pair_recall"] for r in rows),
        "requirements": {"growth_exponent_max": 1.1, "recall_min": 0.95},
        "machine": {"python": sys.version.split()[0], "cpu_count": __import__("os").cpu_count()},
    }
    summary["pass"] = summary["growth_exponent"] <= 1.1 and summary["min_group_recall"] >= 0.95
    Path(args.out).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(
        f"growth exponent {summary['growth_exponent']}, group recall >= {summary['min_group_recall']}, "
        f"pair recall >= {summary['min_pair_recall']} -> {args.out}"
    )
    return 0 if summary["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
