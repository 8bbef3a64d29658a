"""Fuzzing ``quotex.extract`` with news-shaped text: titles, initials, particles, unicode dashes,
every quote style, lone surrogates, symbols and punctuation runs.

Properties: no exception, every offset valid, the record is valid UTF-8 JSON that validates
back into a Document, and the same text gives the same record. 200 examples in CI; set
QUOTEX_FUZZ_EXAMPLES=5000 for the slow run whose result docs/robustness.md records.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotex
from quotex.results import Document

pytestmark = pytest.mark.needs_model

EXAMPLES = int(os.environ.get("QUOTEX_FUZZ_EXAMPLES", "200"))

TITLES = ["Dr.", "Mr.", "Mrs.", "Ms.", "Gen.", "Sen.", "Prof.", "Rep.", "Gov.", "Lt. Col.", "President", "Minister"]
GIVEN = ["Ana", "J.", "J. R.", "Mary-Jane", "Łukasz", "Zoë", "O'Neil", "Jean-Luc", "Nguyễn", "Ali"]
PARTICLES = ["", "van", "de", "al-", "bin", "von der", "da", "O'"]
FAMILY = ["Berg", "Reyes", "Vogt", "Smith", "Haddad", "Leyen", "Silva", "DeLuca", "Okafor", "Ek"]
ROLES = ["the minister", "a spokesman", "officials", "the company", "police", "The Ministry of Defence", "Reuters"]
VERBS = ["said", "told reporters", "added", "warned", "says", "stated", "claimed", "insisted", "noted", "wrote"]
WORDS = ["talks", "failed", "we", "will", "win", "no", "comment", "the", "deal", "is", "off", "on", "Monday", "2025"]
QUOTES = ['"{}"', "“{}”", "‘{}’", "'{}'", "«{}»", "„{}“", "‹{}›", "“{}", "{}”", '"{}', "「{}」"]
ODD = ["\ud800", "\udfff", "@", "#", "」", "—", "–", "‑", "…", "!!!", "?!", "...", "*", "&", "\u200b", "\xa0", "¿"]
ODD += ["🙂", "\x00", "\u202e", "̈"]
JOINERS = [" ", " ", " ", ", ", ": ", " — ", " – ", "\n", "\n\n", ""]


def _name(draw: Any) -> str:
    parts = [draw(st.sampled_from(["", *TITLES])), draw(st.sampled_from(["", *GIVEN]))]
    parts += [draw(st.sampled_from(PARTICLES)), draw(st.sampled_from(["", *FAMILY]))]
    return " ".join(p for p in parts if p)


@st.composite
def news(draw: Any) -> str:
    """A few sentences of quotes, speakers and cues, with odd characters mixed in."""
    pieces: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        words = " ".join(draw(st.lists(st.sampled_from([*WORDS, *ODD]), min_size=0, max_size=8)))
        quote = draw(st.sampled_from(QUOTES)).format(words)
        speaker = draw(st.one_of(st.just(_name(draw)), st.sampled_from([*ROLES, *ODD, ""])))
        verb = draw(st.sampled_from([*VERBS, ""]))
        order = draw(st.sampled_from(["q, s v.", "s v: q", "q v s.", "s v that w.", "According to s, w.", "w"]))
        sentence = (
            order.replace("q", quote).replace("s", speaker).replace("v", verb).replace("w", words or "it")
            if order != "w"
            else words
        )
        pieces.append(sentence + draw(st.sampled_from(JOINERS)))
    if draw(st.booleans()):
        pieces.insert(draw(st.integers(0, len(pieces))), draw(st.sampled_from(ODD)) * draw(st.integers(1, 300)))
    return "".join(pieces)


def _spans(doc: Document) -> list[Any]:
    out: list[Any] = [*doc.entities, *doc.boilerplate]
    for item in [*doc.quotes, *doc.claims]:
        out += [item, *item.times, *(x for x in (item.speaker, item.cue) if x is not None)]
    return out


def check_document(text: str, doc: Document) -> None:
    """The properties every extraction keeps, whatever the text."""
    assert len(doc.text) == len(text)
    for span in _spans(doc):
        assert 0 <= span.start <= span.end <= len(doc.text)
        assert doc.text[span.start : span.end] == span.text
    line = json.dumps(doc.to_json_record(), ensure_ascii=False)
    assert Document.model_validate_json(line.encode("utf-8")) == doc


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=EXAMPLES <= 200,  # CI: the same 200 texts every run
)
@given(news())
def test_news_shaped_text_never_breaks_extraction(text: str) -> None:
    check_document(text, quotex.extract(text))


@settings(max_examples=max(20, EXAMPLES // 10), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news())
def test_news_shaped_text_gives_the_same_record_twice(text: str) -> None:
    assert quotex.extract(text) == quotex.extract(text)


@settings(max_examples=max(20, EXAMPLES // 10), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(news(), min_size=2, max_size=3))
def test_news_shaped_text_never_breaks_alignment(texts: list[str]) -> None:
    docs = list(quotex.extract_many(texts))
    json.loads(quotex.alignment.to_json(quotex.align(docs)))


@pytest.mark.parametrize(
    "text",
    [
        '"No comment," said Dr.',
        "Dr. added that the talks had failed.",
        '"We will win," @ said.',
        "It was a long day 」said the aide.",
        '"Talks failed," said Lt. Col.',
        "“We are ready \ud800,” the mayor said.",
        '"Fine," said — .',
    ],
    ids=["bare title", "bare title subject", "at sign", "corner bracket", "two titles", "surrogate", "dash"],
)
def test_known_crashes_stay_fixed(text: str) -> None:
    check_document(text, quotex.extract(text))


@pytest.mark.parametrize(
    ("unit", "repeat"),
    [("!", 4_000), (",.", 2_000), ("“word ", 1_200)],
    ids=["punctuation run", "mixed run", "unclosed quotes"],
)
def test_pathological_text_costs_linear_time(unit: str, repeat: int) -> None:
    """Four times the text takes about four times as long, not sixteen (the CI-sized version of
    docs/robustness.md's 100 KB and 700k-character timings)."""
    quotex.load()
    timings = []
    for n in (repeat // 4, repeat):
        started = time.perf_counter()
        check_document(unit * n, quotex.extract(unit * n))
        timings.append(time.perf_counter() - started)
    assert timings[1] < 8 * timings[0] + 1.0
