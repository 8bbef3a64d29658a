"""Development Documents built from the seeds' gold annotation (until quotex.extract exists)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from quotex.results import Claim, Document, Entity, Quote, Speaker, TextSpan

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seeds"
_NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:-[a-z]+-[A-Z][a-z]+)?)(?:\s+[A-Z][a-z]+)*")
_LOC = {
    "Miami",
    "Florida",
    "Mar-a-Lago",
    "Moscow",
    "Ukraine",
    "Russia",
    "Donbas",
    "Kyiv",
    "Kiev",
    "Anchorage",
    "Europe",
    "Washington",
    "Palm Beach",
}
_ORG = {"Kremlin", "Reuters", "AFP", "Axios", "Truth Social", "The Kremlin"}
_SKIP = {
    "The",
    "He",
    "She",
    "It",
    "They",
    "On",
    "In",
    "At",
    "According",
    "Both",
    "This",
    "Earlier",
    "However",
    "Meanwhile",
    "If",
    "As",
    "Putin and Trump",
    "Press",
    "Thank",
    "Given",
    "Overall",
    "Beyond",
    "Prior",
    "By",
    "Moscow’s",
    "Russian President",
    "President",
    "US",
    "Sunday",
    "Friday",
    "Saturday",
    "Monday",
    "December",
    "February",
    "January",
}


def _entities(text: str) -> list[Entity]:
    out: list[Entity] = []
    for m in _NAME.finditer(text):
        s = m.group()
        # drop leading titles/words like "President", "Ukrainian President"
        words = s.split()
        while (
            words
            and words[0]
            in {
                "The",
                "President",
                "Ukrainian",
                "Russian",
                "US",
                "Kremlin",
                "Prior",
                "According",
                "Earlier",
                "Both",
                "Overall",
            }
            and len(words) > 1
        ):
            if words[0] == "Kremlin" and len(words) > 1 and words[1] not in {"Putin"}:
                break
            words = words[1:]
        s2 = " ".join(words)
        start = m.start() + m.group().find(s2)
        if s2 in _SKIP or not s2:
            continue
        label = "LOC" if s2 in _LOC else "ORG" if s2 in _ORG else "PERSON"
        if (
            label == "PERSON"
            and len(s2.split()) == 1
            and s2
            not in {
                "Putin",
                "Trump",
                "Zelensky",
                "Zelenskiy",
                "Zelenskyy",
                "Ushakov",
                "Witkoff",
                "Kushner",
            }
        ):
            continue
        out.append(Entity(start=start, end=start + len(s2), text=s2, label=label, name=s2))
    # in-document canonical name: fullest name sharing the surname
    full = {e.text.split()[-1]: e.text for e in sorted(out, key=lambda e: len(e.text)) if e.label == "PERSON"}
    return [
        e.model_copy(update={"name": full.get(e.text.split()[-1], e.text) if e.label == "PERSON" else e.text})
        for e in out
    ]


def _boilerplate(text: str) -> list[TextSpan]:
    spans = []
    for marker in ("(Reporting by", "Latest news", "read more"):
        i = text.find(marker)
        if i >= 0:
            spans.append(TextSpan(start=i, end=len(text), text=text[i:]))
    i = text.find("MOSCOW, Dec 28")
    if i > 0:
        spans.append(TextSpan(start=0, end=i, text=text[:i]))
    return spans


def load_dev_documents() -> list[Document]:
    """The five seeds as Documents with gold quotes/claims/speakers and regex entities."""
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    docs = []
    for d in gold["documents"]:
        text = (SEEDS / d["file"]).read_text(encoding="utf-8")
        quotes = []
        for i, q in enumerate(d["quotes"]):
            assert text[q["start"] : q["end"]] == q["text"], (d["id"], q["text"])
            sp = Speaker(start=0, end=0, text="", name=q["speaker"]) if q["speaker"] else None
            quotes.append(
                Quote(
                    id=f"q{i}",
                    start=q["start"],
                    end=q["end"],
                    text=q["text"],
                    kind=q["kind"],
                    speaker=sp,
                )
            )
        claims = []
        for i, c in enumerate(d["claims"]):
            sp = Speaker(start=0, end=0, text="", name=c["speaker"]) if c["speaker"] else None
            claims.append(Claim(id=f"c{i}", start=c["start"], end=c["end"], text=c["text"], speaker=sp))
        docs.append(
            Document(
                id=d["id"],
                text=text,
                published=dt.date.fromisoformat(d["published"]),
                outlet=d.get("outlet"),
                quotes=quotes,
                claims=claims,
                entities=_entities(text),
                boilerplate=_boilerplate(text),
            )
        )
    return docs
