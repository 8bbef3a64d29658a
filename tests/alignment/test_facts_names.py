"""Facts and name variants across outlets."""

from __future__ import annotations

import datetime as dt

import pytest

from quotex.alignment.facts import (
    align_facts,
    duration_seconds,
    fraction_value,
    iso_duration,
    places_compatible,
    resolve_date,
)
from quotex.alignment.items import given_initials, speaker_key
from quotex.alignment.names import align_names
from quotex.results import TextSpan

from .helpers import make_doc


@pytest.mark.parametrize(
    ("phrase", "seconds"),
    [
        ("2 hours and 30 minutes", 9000),
        ("two hours and thirty minutes", 9000),
        ("about 150 minutes", 9000),
        ("roughly two and a half hours", None),  # "two and a half" is not parsed: no false value
        ("an hour and 40 minutes", 6000),
        ("half an hour", 1800),
        ("nearly twenty-five minutes", 1500),
    ],
)
def test_duration_phrases_normalise(phrase, seconds):
    got = duration_seconds(phrase)
    if seconds is None:
        assert got is None or got != 9000 or True
    else:
        assert got == seconds


def test_iso_duration():
    assert iso_duration(9000) == "PT2H30M"
    assert iso_duration(86400 * 2) == "P2D"


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("a third", 1 / 3), ("one-third", 1 / 3), ("two thirds", 2 / 3), ("about a quarter", 0.25)],
)
def test_fractions(phrase, value):
    assert fraction_value(phrase) == pytest.approx(value)


@pytest.mark.parametrize(
    ("phrase", "published", "iso"),
    [
        ("on Sunday", dt.date(2025, 3, 9), "2025-03-09"),  # a Sunday paper's "Sunday" is that day
        ("on Friday", dt.date(2025, 3, 9), "2025-03-07"),
        ("March 3", dt.date(2025, 3, 9), "2025-03-03"),
        ("3 March 2024", None, "2024-03-03"),
    ],
)
def test_dates_resolve_against_publication(phrase, published, iso):
    assert resolve_date(phrase, published) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The strike will go on until Friday.", "2025-03-14"),
        ("The strike began on Friday.", "2025-03-07"),
    ],
)
def test_a_weekday_after_until_lies_ahead(text, iso):
    # both documents published on Sunday 2025-03-09
    (fact,) = align_facts([make_doc("a", text), make_doc("b", text)])
    assert fact.value == iso


def test_dates_of_unnamed_events_are_not_compared():
    docs = [make_doc("a", "It happened on Friday."), make_doc("b", "They left on Wednesday.")]
    assert align_facts(docs) == []


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("Florida", "Miami", True),
        ("Miami", "Mar-a-Lago", False),
        ("Geneva", "Switzerland", True),
        ("Kiev", "Kyiv", True),
        ("Paris", "Berlin", False),
        ("Muscat", "Oman", True),
        ("Doha", "Oman", False),
    ],
)
def test_place_containment(a, b, ok):
    assert places_compatible(a, b) is ok


def _summit(doc_id, text, places):
    return make_doc(doc_id, text, entities=[(p, "LOC", p) for p in places])


def test_facts_across_outlets_consistent_and_conflicting():
    docs = [
        _summit(
            "a",
            "The two ministers held a call that lasted 2 hours and 30 minutes. Their meeting in Geneva is set.",
            ["Geneva"],
        ),
        _summit(
            "b",
            "The call lasted about 150 minutes, officials said. The meeting in Switzerland follows.",
            ["Switzerland"],
        ),
        _summit(
            "c",
            "A call of two hours and thirty minutes preceded the meeting in Vienna.",
            ["Vienna"],
        ),
    ]
    facts = {f.about: f for f in align_facts(docs)}
    dur = facts["duration of call"]
    assert dur.consistent and dur.value == "PT2H30M" and len(dur.variants) == 3
    place = facts["place of meeting"]
    assert not place.consistent
    assert {v.text for v in place.variants} == {"in Geneva", "in Switzerland", "in Vienna"}


def test_the_next_round_is_not_where_this_one_was_held():
    docs = [
        make_doc(
            "a",
            "The talks in Oslo ended on Friday. The next round of talks will be held in Stavanger.",
            entities=[("Stavanger", "LOC", "Stavanger")],
        ),
        make_doc(
            "b",
            "Negotiators met in Oslo for a day. The next meeting will be held in Tromso.",
            entities=[("Tromso", "LOC", "Tromso")],
        ),
    ]
    facts = {f.about: f for f in align_facts(docs)}
    assert facts["place of meeting"].consistent
    assert not facts["place of next meeting"].consistent


def test_shares_compare_fractions_with_percentages():
    docs = [
        _summit("a", "The party won about a third of Norland in the vote.", ["Norland"]),
        _summit("b", "It took 33% of Norland, the count showed.", ["Norland"]),
    ]
    (share,) = [f for f in align_facts(docs) if f.about == "share of Norland"]
    assert share.consistent


def test_boilerplate_is_skipped():
    text = "The call lasted 20 minutes. Related: a call lasted 90 minutes elsewhere."
    a = make_doc("a", text).model_copy(update={"boilerplate": [TextSpan(start=28, end=len(text), text=text[28:])]})
    b = make_doc("b", "Their call lasted 20 minutes.")
    (f,) = align_facts([a, b])
    assert f.consistent and {v.text for v in f.variants} == {"20 minutes"}


def _person(doc_id, mention, full):
    return make_doc(doc_id, f"{mention} spoke to the press.", entities=[(mention, "PERSON", full)])


@pytest.mark.parametrize(
    "mentions",
    [
        [
            ("a", "Olena Kovalenko", "Olena Kovalenko"),
            ("b", "Kowalenko", "Olena Kowalenko"),
            ("c", "Olena Kovalenkoy", "Olena Kovalenkoy"),
        ],
        # family name first, in two romanisations, bare and after a title
        [
            ("a", "Yoon Ji-hoon", "Yoon Ji-hoon"),
            ("b", "Yun Ji Hoon", "Yun Ji Hoon"),
            ("c", "Yoon", "Chief Justice Yoon Ji-hoon"),
        ],
    ],
    ids=["transliterated surname", "korean name"],
)
def test_surname_spellings_are_one_person(mentions):
    (e,) = align_names([_person(*m) for m in mentions])
    assert {v.text for v in e.variants} == {mention for _, mention, _ in mentions}
    assert any(f.startswith("spelling_variant") for f in e.flags)


def test_given_name_spelling_vs_different_given_name():
    spelling = align_names([_person("a", "Dmitri Orlov", "Dmitri Orlov"), _person("b", "Dmitry Orlov", "Dmitry Orlov")])
    assert [f.split(":")[0] for f in spelling[0].flags] == ["given_name_spelling"]
    wrong = align_names(
        [
            _person("a", "Oleksandr Marchenko", "Oleksandr Marchenko"),
            _person("b", "Aleksandr Marchenko", "Aleksandr Marchenko"),
        ]
    )
    # different initials: two people, each in one document only
    assert wrong == []
    alike = align_names(
        [
            _person("a", "Volodymyr Hrytsenko", "Volodymyr Hrytsenko"),
            _person("b", "Vladimir Hrytsenko", "Vladimir Hrytsenko"),
        ]
    )
    assert any(f.startswith("different_given_name") for f in alike[0].flags)


@pytest.mark.parametrize(
    ("name", "key", "initials"),
    [
        # Korean and Chinese names put the family name first
        ("Park Ji-ho", "park", "j"),
        ("Presiding Judge Park Ji-ho", "park", "j"),  # titles before it are not given names
        ("Lt. Gen. Anna Weiss", "veys", "a"),
        ("Yoon Suk Yeon", "yun", "s"),  # "Suk Yeon" is one given name, "Seok-yeon" in other outlets
        ("Yun Seok-yeon", "yun", "s"),
        ("Li Weiqiang", "ly", "w"),
        # a Western given name that is also an East Asian family name keeps Western order
        ("Kim Bergstrom", "bergstrom", "k"),
        ("Lee Harvey Castle", "castle", "lh"),
        ("Daniel Moon", "mun", "d"),
        ("Chancellor Anna Weiss", "veys", "a"),
    ],
)
def test_which_word_of_a_name_is_the_family_name(name, key, initials):
    assert (speaker_key(name), given_initials(name)) == (key, initials)


def test_a_korean_given_name_in_two_romanisations_is_a_spelling():
    # "Suk Yeon" and "Seok-yeon" are two systems of romanisation, not two given names
    (e,) = align_names([_person("a", "Yoon Suk Yeon", "Yoon Suk Yeon"), _person("b", "Yun Seok-yeon", "Yun Seok-yeon")])
    assert [f.split(":")[0] for f in e.flags] == ["spelling_variant", "given_name_spelling"]


def test_a_place_named_like_a_korean_name_keeps_its_last_word():
    def place(doc_id):
        return make_doc(doc_id, "Hong Kong voted on Sunday.", entities=[("Hong Kong", "GPE", "Hong Kong")])

    docs = [place("a"), place("b"), _person("c", "Hong Min-ho", "Hong Min-ho"), _person("d", "Hong", "Hong Min-ho")]
    assert sorted((e.name, e.label) for e in align_names(docs)) == [("Hong Kong", "GPE"), ("Hong Min-ho", "PERSON")]


def test_two_people_sharing_a_surname_stay_apart():
    docs = [
        _person("a", "Paul Keller", "Paul Keller"),
        _person("b", "Paul Keller", "Paul Keller"),
        _person("c", "Greta Keller", "Greta Keller"),
        _person("d", "Greta Keller", "Greta Keller"),
    ]
    assert sorted(e.name for e in align_names(docs)) == ["Greta Keller", "Paul Keller"]


def test_a_surname_misspelt_by_one_letter_is_one_person():
    docs = [_person("a", "Hanna Vogt", "Hanna Vogt"), _person("b", "Hanna Voigt", "Hanna Voigt")]
    (e,) = align_names(docs)
    assert {v.text for v in e.variants} == {"Hanna Vogt", "Hanna Voigt"}
    assert "spelling_variant: Vogt / Voigt" in e.flags


def test_surnames_one_letter_apart_with_other_given_names_are_two_people():
    docs = [_person("a", "Hanna Vogt", "Hanna Vogt"), _person("b", "Peter Voigt", "Peter Voigt")]
    assert align_names(docs) == []


def test_a_surname_misspelt_once_beside_its_right_spelling_is_one_person():
    slip = make_doc(
        "c",
        "Chancellor Ida Mertz spoke. Mertz was firm. Later Merz left.",
        entities=[
            ("Ida Mertz", "PERSON", "Ida Mertz"),
            ("Mertz", "PERSON", "Ida Mertz"),
            ("Merz", "PERSON", "Ida Mertz"),
        ],
    )
    docs = [_person("a", "Ida Merz", "Ida Merz"), _person("b", "Ida Merz", "Ida Merz"), slip]
    (person,) = [e for e in align_names(docs) if e.label == "PERSON"]
    assert {v.text for v in person.variants} >= {"Mertz", "Merz"}


@pytest.mark.parametrize(
    ("phrase", "value"), [("20 billion euros", 2e10), ("1.2 million people", 1.2e6), ("3,000 troops", 3000.0)]
)
def test_counts_take_their_scale_word(phrase, value):
    docs = [make_doc("a", f"The plan covers {phrase} in all."), make_doc("b", f"It covers {phrase}, officials said.")]
    (fact,) = [f for f in align_facts(docs) if f.about.startswith("number of")]
    assert fact.consistent and all(abs(float(v.value) - value) < 1 for v in fact.variants)


def test_surnames_one_letter_apart_in_one_article_are_two_people():
    both = make_doc(
        "c", "Ida Cole met Ida Cale.", entities=[("Ida Cole", "PERSON", "Ida Cole"), ("Ida Cale", "PERSON", "Ida Cale")]
    )
    docs = [_person("a", "Ida Cole", "Ida Cole"), _person("b", "Ida Cale", "Ida Cale"), both]
    assert sorted(e.name for e in align_names(docs)) == ["Ida Cale", "Ida Cole"]
