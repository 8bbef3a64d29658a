"""Facts across outlets: durations, counts, shares, dates and places, normalised and compared."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from quotex.alignment.items import sentence_bounds
from quotex.alignment.models import Fact, FactVariant
from quotex.alignment.normalize import stopwords
from quotex.lexicons import read
from quotex.results import Document

PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
REL_TOLERANCE = 0.05  # "about 75 minutes" and "1 hour and 15 minutes" are the same figure
#: scale words between a number and what it counts
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


@lru_cache(maxsize=1)
def _numbers() -> dict[str, Any]:
    return read("numbers.json")


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    nd = _numbers()
    card = [w for w in nd["cardinals"] if " " not in w]
    num = rf"(?:\d+(?:\.\d+)?|(?:{_alt(card)})(?:-(?:{_alt(card)}))?)"
    unit = _alt(nd["duration_units"])
    hedge = rf"(?:(?:{_alt(nd['hedges'])})\s+)?"
    den = _alt(nd["denominators"])
    return {
        "duration": re.compile(
            rf"\b{hedge}(?:{num}|half an|half a)\s+(?:{unit})\b(?:\s+and\s+(?:a\s+half|{num}\s+(?:{unit})\b))?(?!\s+ago)",  # noqa: E501
            re.I,
        ),
        "percentage": re.compile(rf"\b{hedge}\d+(?:\.\d+)?\s*(?:%|percent\b|per cent\b)", re.I),
        "fraction": re.compile(rf"\b{hedge}(?:a|one|two|three|four)[\s-](?:{den})\b", re.I),
        "count": re.compile(
            rf"\b{hedge}(?P<num>\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?|{_alt([w for w in card if nd['cardinals'][w] >= 2])})"
            rf"(?:\s+(?P<scale>{_alt(list(SCALES))}))?\s+(?P<noun>[a-z][a-z-]+)\b",
            re.I,
        ),
        "date": re.compile(
            r"\b(?:on\s+|last\s+|this\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
            r"|(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
            r"|\d{1,2}\s+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?:\s+\d{4})?)\b"
        ),
        "place": re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?=[A-Z])"),
    }


def parse_number(text: str) -> float | None:
    """Value of a number written in digits or words ('15', 'fifteen', 'twenty-five', 'an').

    Args:
        text: The number as written.

    Returns:
        The value, or None when it is not a number.
    """
    card = _numbers()["cardinals"]
    t = text.strip().lower().replace(",", "")
    try:
        return float(t)
    except ValueError:
        pass
    if t in card:
        return float(card[t])
    if "-" in t:
        parts = t.split("-")
        if all(p in card for p in parts):
            return float(sum(card[p] for p in parts))
    return None


def _strip_hedge(text: str) -> str:
    low = text.lower()
    for h in sorted(_numbers()["hedges"], key=len, reverse=True):
        if low.startswith(h + " "):
            return text[len(h) + 1 :]
    return text


def duration_seconds(text: str) -> float | None:
    """Seconds in a duration phrase: '1 hour and 15 minutes', 'about 75 minutes', 'half an hour'."""
    units = _numbers()["duration_units"]
    body = _strip_hedge(text).lower()
    total = 0.0
    found = False
    unit_re = _alt(units)
    for m in re.finditer(rf"(half an|half a|\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)\s+({unit_re})\b", body):
        n_txt, u = m.group(1), m.group(2)
        if u not in units:
            continue
        n = 0.5 if n_txt.startswith("half") else parse_number(n_txt)
        if n is None:
            continue
        total += n * units[u]
        found = True
        last_unit = units[u]
    if not found:
        return None
    if re.search(r"and\s+a\s+half\s*$", body):
        total += 0.5 * last_unit
    return total


def iso_duration(seconds: float) -> str:
    """ISO 8601 duration: 4500 -> 'PT1H15M'."""
    s = int(round(seconds))
    days, s = divmod(s, 86400)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    out = "P" + (f"{days}D" if days else "")
    tpart = (f"{h}H" if h else "") + (f"{m}M" if m else "") + (f"{s}S" if s else "")
    return out + ("T" + tpart if tpart else "") if (days or tpart) else "PT0S"


def fraction_value(text: str) -> float | None:
    """Value of 'a fifth', 'one-fifth', 'two thirds'."""
    nd = _numbers()
    m = re.match(r"(a|one|two|three|four)[\s-]([a-z]+)", _strip_hedge(text).lower())
    if not m or m.group(2) not in nd["denominators"]:
        return None
    num = 1.0 if m.group(1) == "a" else float(nd["cardinals"][m.group(1)])
    return float(num / nd["denominators"][m.group(2)])


# a weekday after these words lies ahead of the publication date
_AHEAD = re.compile(r"\b(?:until|till|by|next|starting)\s+(?:on\s+)?$", re.I)


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: dt.date | None, ahead: bool = False) -> str | None:
    """ISO date of a date phrase, resolved against the publication date with dateparser.

    A bare weekday is the most recent such day, the publication day included ("on Sunday" in a
    Sunday paper is that Sunday), or with ``ahead`` the next one ("closed until Friday").
    """
    import dateparser  # imported lazily: slow to import and not needed for quotes

    phrase = re.sub(r"^(?:on|last|this)\s+", "", text.strip(), flags=re.I)
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "current_period",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day, 12)
    elif not re.search(r"\d{4}", phrase):
        return None
    got = dateparser.parse(phrase, languages=["en"], settings=settings)
    if got is None:
        return None
    if published is not None and re.match(r"[A-Z][a-z]+day$", phrase):
        if ahead and got.date() <= published:
            got += dt.timedelta(days=7)
        elif not ahead and got.date() > published:
            got -= dt.timedelta(days=7)
    return str(got.date().isoformat())


@lru_cache(maxsize=1)
def _events() -> tuple[re.Pattern[str], dict[str, str]]:
    words: dict[str, str] = read("events.json")["words"]
    return re.compile(rf"\b(?:{_alt(list(words))})\b", re.I), {k.lower(): v for k, v in words.items()}


@lru_cache(maxsize=1)
def _later() -> re.Pattern[str]:
    """'the next round of talks': a later event than the one reported, just before its word."""
    return re.compile(rf"\b(?:{_alt(read('events.json')['later'])})\s+(?:\w+\s+)?$", re.I)


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, set[str]], dict[str, str]]:
    data = read("places.json")
    aliases = {k.lower(): v for k, v in data["aliases"].items()}
    direct: dict[str, set[str]] = {k: set(v) for k, v in data["contains"].items()}
    closure: dict[str, set[str]] = {}

    def walk(p: str, seen: frozenset[str]) -> set[str]:
        out: set[str] = set()
        for c in direct.get(p, ()):
            if c not in seen:
                out |= {c} | walk(c, seen | {c})
        return out

    for p in direct:
        closure[p.lower()] = {c.lower() for c in walk(p, frozenset({p}))}
    return closure, aliases


def canonical_place(name: str) -> str:
    """The place name as compared: aliases resolved ('Kiev' -> 'Kyiv'), possessive dropped."""
    name = re.sub(r"['’]s$", "", name.strip())
    return _places()[1].get(name.lower(), name)


def places_compatible(a: str, b: str) -> bool:
    """True when two places can both be right: the same place, or one known to contain the other."""
    closure, _ = _places()
    la, lb = canonical_place(a).lower(), canonical_place(b).lower()
    return la == lb or lb in closure.get(la, set()) or la in closure.get(lb, set())


@dataclass
class _Place:
    start: int
    end: int
    text: str
    name: str


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    closure, aliases = _places()
    return frozenset(closure) | frozenset(c for cs in closure.values() for c in cs) | frozenset(aliases)


@lru_cache(maxsize=1)
def _known_place_re() -> re.Pattern[str]:
    data = read("places.json")
    names = set(data["contains"]) | {c for cs in data["contains"].values() for c in cs} | set(data["aliases"])
    return re.compile(rf"(?<![\w-])(?:{_alt(sorted(names))})(?![\w-])")


@dataclass
class _Found:
    kind: str
    about: str
    doc: str
    start: int
    end: int
    text: str
    value: str
    number: float | None


def _event_for(text: str, sent_start: int, start: int, end: int, sent_end: int) -> str | None:
    pat, words = _events()
    before = [m for m in pat.finditer(text, sent_start, start)]
    m = before[-1] if before else pat.search(text, end, sent_end)
    if m is None:
        return None
    # "the next round will be held in Rome" is not where this round was held
    later = _later().search(text[max(0, m.start() - 30) : m.start()])
    return ("next " if later else "") + words[m.group().lower()]


def _in_spans(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _doc_facts(doc: Document) -> list[_Found]:
    text = doc.text
    pats = _patterns()
    skip = [(b.start, b.end) for b in doc.boilerplate]
    # NER labels are noisy: a name labelled PERSON anywhere in the document is not a place
    persons = {e.text for e in doc.entities if e.label == "PERSON"}
    places = sorted(
        (
            e
            for e in doc.entities
            if (e.label in PLACE_LABELS and e.text not in persons) or canonical_place(e.text).lower() in _known_places()
        ),
        key=lambda e: e.start,
    )
    place_at: dict[int, Any] = {e.start: e for e in places}
    for m in _known_place_re().finditer(text):  # known places the recogniser missed (Mar-a-Lago)
        if m.start() not in place_at:
            place_at[m.start()] = _Place(m.start(), m.end(), m.group(), m.group())
    out: list[_Found] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, about: str, s: int, e: int, value: str, number: float | None) -> None:
        out.append(_Found(kind, about, doc.id, s, e, text[s:e], value, number))
        taken.append((s, e))

    for kind in ("duration", "date", "percentage", "fraction", "count", "place"):
        for m in pats[kind].finditer(text):
            s, e = m.start(), m.end()
            if _in_spans(s, e, skip) or _in_spans(s, e, taken):
                continue
            ss, se = sentence_bounds(text, s, e)
            event = _event_for(text, ss, s, e, se)
            if kind == "duration":
                secs = duration_seconds(m.group())
                if secs:
                    add(
                        kind,
                        f"duration of {event or 'unnamed event'}",
                        s,
                        e,
                        iso_duration(secs),
                        secs,
                    )
            elif kind == "date":
                iso = resolve_date(m.group(), doc.published, bool(_AHEAD.search(text, max(0, s - 12), s)))
                if iso:
                    add(kind, f"date of {event or 'unnamed event'}", s, e, iso, None)
            elif kind in {"percentage", "fraction"}:
                if kind == "percentage":
                    v: float | None = float(re.search(r"\d+(?:\.\d+)?", m.group()).group()) / 100  # type: ignore[union-attr]
                else:
                    v = fraction_value(m.group())
                if v is None:
                    continue
                about = _share_of(text, e, ss, places, out)
                add(kind, f"share of {about}", s, e, f"{v:.3g}", v)
            elif kind == "count":
                noun = m.group("noun").lower()
                n = parse_number(m.group("num"))
                if n is not None and m.group("scale"):
                    n *= SCALES[m.group("scale").lower()]  # "20 billion euros": euros, not billions
                elif n is not None and n != int(n):
                    continue  # "2.5 points" is a measure, not a count
                if (
                    n is None
                    or noun in _numbers()["duration_units"]
                    or noun in {"percent", "per", "of", "and", "or", "to", "in"}
                    or 1900 <= n <= 2100
                ):
                    continue
                add(kind, f"number of {noun.rstrip('s')}", s, e, f"{n:.12g}", n)
            else:
                ent = place_at.get(e)
                if ent is None or (event or "").removeprefix("next ") not in _place_events():
                    continue
                nxt = re.match(r"\s*([A-Za-z]+)", text[ent.end : ent.end + 20])
                attributive = m.group().rstrip().lower().endswith(" the")
                if attributive and nxt and nxt.group(1).lower() not in stopwords() and nxt.group(1)[0].islower():
                    continue  # "in the Ukraine conflict": the name is used as an adjective
                about = f"place of {event or 'unnamed event'}"
                add(kind, about, s, ent.end, canonical_place(ent.name or ent.text), None)
    return out


def _share_of(text: str, end: int, sent_start: int, places: Sequence[Any], found: Sequence[_Found]) -> str:
    m = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|[a-z]+)", text[end : end + 60])
    if m and m.group(1)[0].isupper():
        return canonical_place(m.group(1))
    # "90% of the territory": the region named earlier in the sentence, preferring one that an
    # earlier share in the same sentence was about
    earlier = [
        f.about[len("share of ") :] for f in found if f.about.startswith("share of ") and sent_start <= f.start < end
    ]
    if earlier:
        return earlier[-1]
    poss = _possession()
    before = [p for p in places if sent_start <= p.start < end and not poss.match(text[p.end : min(end, p.end + 30)])]
    if before:
        return canonical_place(before[-1].name or before[-1].text)
    return m.group(1) if m else "unnamed whole"


@lru_cache(maxsize=1)
def _possession() -> re.Pattern[str]:
    verbs = read("events.json")["possession_verbs"]
    return re.compile(rf"\s+(?:\w+ly\s+)?(?:{_alt(verbs)})\b", re.I)


@lru_cache(maxsize=1)
def _place_events() -> frozenset[str]:
    return frozenset(read("events.json")["place_events"])


def _same(a: _Found, b: _Found) -> bool:
    if a.kind == "place":
        return places_compatible(a.value, b.value)
    if a.number is not None and b.number is not None:
        return abs(a.number - b.number) <= REL_TOLERANCE * max(abs(a.number), abs(b.number), 1e-9)
    return a.value == b.value


def align_facts(docs: Sequence[Document], *, min_docs: int = 2) -> list[Fact]:
    """Facts stated by at least ``min_docs`` documents about the same thing, compared.

    A fact group is about one thing ("duration of call", "share of Donbas", "place of meeting").
    It is consistent when every document states a value equal to the most common one (within
    5 %, or for places, the same place or one containing the other); a document that states
    several values for one thing counts as agreeing if one of them agrees.

    Args:
        docs: The documents.
        min_docs: Smallest number of documents a fact must appear in.

    Returns:
        Facts, the ones in most documents first.
    """
    by_about: dict[tuple[str, str], list[_Found]] = defaultdict(list)
    for d in docs:
        for f in _doc_facts(d):
            # a fifth and 20 % are compared with each other
            by_about[("share" if f.kind in {"percentage", "fraction"} else f.kind, f.about)].append(f)
    facts: list[Fact] = []
    for (_, about), found in by_about.items():
        kind = found[0].kind
        ndocs = len({f.doc for f in found})
        # two outlets' dates or figures are one fact only when they are about one thing
        if ndocs < min_docs or about.endswith("unnamed event"):
            continue
        if kind == "place":
            incompatible = [
                (a, b)
                for i, a in enumerate(found)
                for b in found[i + 1 :]
                if a.doc != b.doc and not places_compatible(a.value, b.value)
            ]
            consistent = not incompatible
            counts = Counter(canonical_place(f.value) for f in found)
            value = max(counts, key=lambda v: (counts[v], v))
            detail = "; ".join(sorted({f"{a.value} ({a.doc}) vs {b.value} ({b.doc})" for a, b in incompatible}))
        else:
            # most common value by number of documents agreeing with it
            # compare distinct values, not variants: a big corpus repeats a handful of values
            rep: dict[str, _Found] = {}
            docs_of: dict[str, set[str]] = defaultdict(set)
            for f in found:
                rep.setdefault(f.value, f)
                docs_of[f.value].add(f.doc)
            support = {v: set().union(*(docs_of[w] for w, g in rep.items() if _same(f, g))) for v, f in rep.items()}
            value = max(support, key=lambda v: (len(support[v]), v))
            consistent = len(support[value]) == ndocs
            detail = (
                ""
                if consistent
                else "documents give different values: "
                + ", ".join(sorted({f"{f.value} ({f.doc})" for f in found if f.doc not in support[value]}))
            )
        facts.append(
            Fact(
                about=about,
                kind=kind,
                consistent=consistent,
                value=value,
                detail=detail,
                variants=[
                    FactVariant(doc=f.doc, start=f.start, end=f.end, text=f.text, value=f.value)
                    for f in sorted(found, key=lambda f: (f.doc, f.start))
                ],
            )
        )
    facts.sort(key=lambda f: (-len({v.doc for v in f.variants}), f.about))
    return facts
