"""Pairing quotation marks in raw news text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotex
from quotex.extract.quotes import MAX_UNCLOSED, find_quotes


def texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)[0]]


@pytest.mark.parametrize(
    ("phenomenon", "text", "expected"),
    [
        ("straight double quotes", 'He said "we are ready," and left.', ["we are ready,"]),
        ("curly double quotes", "“We are ready,” the minister said.", ["We are ready,"]),
        (
            "partial quote mid-sentence",
            "She urged a “swift response” to the floods.",
            ["swift response"],
        ),
        (
            "several partial quotes",
            "He wants a “fair deal” and “no delay” now.",
            ["fair deal", "no delay"],
        ),
        ("guillemets", "The mayor said «the bridge stays open» today.", ["the bridge stays open"]),
        (
            "single quotes as marks",
            "Officials called the plan 'unworkable' on Monday.",
            ["unworkable"],
        ),
        ("headline single quotes", "Minister says talks 'very productive'", ["very productive"]),
        ("apostrophes are not quotes", "Don't touch the mayor's '90s rock 'n' roll records.", []),
        ("plural possessive", "The workers' union said nothing.", []),
        (
            "nested quotes stay inside",
            "“He told me ‘never again’ twice,” she said.",
            ["He told me ‘never again’ twice,"],
        ),
        (
            "hard line break inside",
            "The aide spoke of a “long\nand difficult” process.",
            ["long\nand difficult"],
        ),
        ("curly close used as open", "He called it ”nonsense” twice.", ["nonsense"]),
        (
            "guillemets with spaces inside",
            "First half: « We pressed high and it paid off. » Then the rain came.",
            ["We pressed high and it paid off."],
        ),
        ("double prime marks", "″We never stopped running″\n\nThe coach smiled.", ["We never stopped running"]),
        ("an inch mark is not a quote", "The pipe is 4″ wide and the hose 2″.", []),
        (
            "single quote after a colon whose closing mark is lost",
            "The singer wrote online: 'Thrilled to share that our daughter arrived on Sunday.\n\nMore below.",
            ["Thrilled to share that our daughter arrived on Sunday."],
        ),
    ],
)
def test_quote_marks(phenomenon: str, text: str, expected: list[str]) -> None:
    assert texts(text) == expected, phenomenon


@pytest.mark.needs_model
@pytest.mark.parametrize(
    ("phenomenon", "text", "quote", "kind"),
    [
        (
            "a headline quotes a fragment in single marks",
            "Mayor 'misled voters' over bridge costs\n\nMore.",
            "misled voters",
            "partial",
        ),
        (
            "a headline quotes a single word",
            "'Brave' pilot lands crippled plane on a motorway\n\nMore.",
            "Brave",
            "partial",
        ),
        ("a figure quoted in a headline", "Agency forecasts '2-3 million' visitors\n\nMore.", "2-3 million", "partial"),
        (
            "a reaction quoted in one word",
            "Headline here\n\nThe port authority reacted with “dismay” to the ruling.",
            "dismay",
            "partial",
        ),
        (
            "a verb of judgement before its object and the quote",
            "Headline here\n\nFinance Minister Laura Bennett also labelled opposition leader Tom Reyes a "
            "“wet blanket” over the budget before the vote.",
            "wet blanket",
            "partial",
        ),
        (
            "a term in body text stays a scare quote",
            "Headline here\n\nThe so-called “green corridor” opened.",
            "green corridor",
            "scare",
        ),
    ],
)
def test_quote_kinds(phenomenon: str, text: str, quote: str, kind: str) -> None:
    doc = quotex.extract(text)
    found = [q for q in doc.quotes if q.text == quote]
    assert found and found[0].kind == kind, (phenomenon, [(q.text, q.kind) for q in doc.quotes])


def test_multi_paragraph_quote_continues() -> None:
    text = "“The first part of the statement runs on.\n\n“And the second part ends it,” he said."
    quotes, stray = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "The first part of the statement runs on.",
        "And the second part ends it,",
    ]
    assert quotes[1].continued and quotes[0].unclosed and stray == []


def test_unbalanced_mark_does_not_swallow_the_article() -> None:
    text = "She said “we will see. " + "The story goes on. " * 200 + "\n\nAnother “real quote” here."
    quotes, stray = find_quotes(text)
    assert texts(text)[-1] == "real quote"
    assert all(q.end - q.start <= MAX_UNCLOSED for q in quotes)


def test_stray_mark_is_reported() -> None:
    quotes, stray = find_quotes("A stray “ mark here.\n\nThen a “real” one.")
    assert [q.open_mark for q in quotes] == ["“"] and stray == [8]


@given(st.text(alphabet=st.sampled_from(list("ab '\"“”‘’«»\n.")), max_size=300))
def test_offsets_are_inside_the_text_and_ordered(text: str) -> None:
    quotes, _ = find_quotes(text)
    last = -1
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= last
        last = q.end


@given(st.text(max_size=500))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    assert find_quotes(text) == find_quotes(text)
