"""Grouping and drift on small hand-written multi-outlet cases."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotex.alignment import align, to_json
from quotex.alignment.models import Alignment
from quotex.errors import AlignmentError, ConfigError

from .helpers import make_doc

MINISTER = "Maria Lindqvist"
STATEMENT = "We will rebuild every bridge in the valley before the spring floods arrive"


def _pair(text_a, text_b, kind_b="direct", speaker_b=MINISTER, kind_a="direct"):
    """Two outlets with text_a (so it is the most common form) and one with text_b."""
    a = make_doc("outlet_a", f'"{text_a}," {MINISTER} said on Monday.', [(text_a, kind_a, MINISTER)])
    a2 = make_doc("outlet_c", f'"{text_a}," {MINISTER} told reporters.', [(text_a, kind_a, MINISTER)])
    b = make_doc("outlet_b", f'The minister said: "{text_b}" in a statement.', [(text_b, kind_b, speaker_b)])
    return align([a, a2, b], facts=False, names=False)


def _types(result: Alignment) -> set[str]:
    assert len(result.groups) == 1, result.groups
    return {d.type for d in result.groups[0].drift if d.doc != "outlet_c"}


def _drift(result: Alignment, kind: str):
    return [d for d in result.groups[0].drift if d.type == kind]


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        (STATEMENT, {"identical"}),
        (
            "we will rebuild EVERY bridge in the valley, before the spring floods arrive",
            {"orthographic"},
        ),
        ("We will rebuild every bridge in the valley", {"truncation"}),
        (STATEMENT + " next year", {"extension"}),
        (
            "We will repair every bridge in the valley before the spring floods arrive",
            {"substitution"},
        ),
        ("We will rebuild all bridges in the valley ahead of the spring floods", {"paraphrase"}),
    ],
    ids=[
        "verbatim copy",
        "case and comma",
        "cut at the end",
        "words added",
        "one word swapped",
        "reworded",
    ],
)
def test_drift_types_of_one_outlets_rendering(variant, expected):
    assert _types(_pair(STATEMENT, variant)) == expected


def test_substitution_names_the_words_and_their_spans():
    res = _pair(STATEMENT, "We will repair every bridge in the valley before the spring floods arrive")
    (sub,) = [d for d in _drift(res, "substitution") if d.doc == "outlet_b"]
    assert (sub.from_, sub.to) == ("rebuild", "repair")
    member = res.groups[0].members[sub.member]
    doc_text = (
        'The minister said: "We will repair every bridge in the valley before the spring floods arrive" in a statement.'
    )
    assert doc_text[sub.doc_spans[0].start : sub.doc_spans[0].end] == "repair"
    assert member.doc == "outlet_b"


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "The talks will resume on Tuesday with both delegations",
            "The talks will resume on Thursday with both delegations",
            "date_change",
        ),
        (
            "Three hundred workers lost their jobs at the plant",
            "Four hundred workers lost their jobs at the plant",
            "number_change",
        ),
        (
            "Prices rose by 4% in the first quarter of the year",
            "Prices rose by 6% in the first quarter of the year",
            "number_change",
        ),
    ],
)
def test_numbers_and_dates_are_flagged(a, b, kind):
    assert kind in _types(_pair(a, b))


def test_short_partial_quotes_with_a_swapped_word_join_through_their_context():
    a = make_doc(
        "a",
        'Lindqvist said the town must take a "hard choice" to close the old mine in Kaldby.',
        [("hard choice", "partial", MINISTER)],
        claims=[('the town must take a "hard choice" to close the old mine in Kaldby', MINISTER)],
    )
    b = make_doc(
        "b",
        'Lindqvist said the council faced a "tough choice" over the old mine in Kaldby.',
        [("tough choice", "partial", MINISTER)],
        claims=[('the council faced a "tough choice" over the old mine in Kaldby', MINISTER)],
    )
    c = make_doc(
        "c",
        'According to Lindqvist, closing the mine in Kaldby is a "tough step" for the council.',
        [("tough step", "partial", MINISTER)],
        claims=[('closing the mine in Kaldby is a "tough step" for the council', MINISTER)],
    )
    res = align([a, b, c], facts=False, names=False)
    quote_groups = [g for g in res.groups if any(m.kind == "partial" for m in g.members)]
    assert len(quote_groups) == 1
    blob = json.dumps([d.model_dump(by_alias=True) for d in quote_groups[0].drift])
    assert '"from": "hard", "to": "tough"' in blob
    assert '"from": "choice", "to": "step"' in blob


def test_same_words_under_different_speakers_is_one_group_with_attribution_change():
    a = make_doc("a", f'"{STATEMENT}," Lindqvist said.', [(STATEMENT, "direct", MINISTER)])
    b = make_doc("b", f'"{STATEMENT}," Jonas Weber said.', [(STATEMENT, "direct", "Jonas Weber")])
    c = make_doc("c", f'"{STATEMENT}," she said.', [(STATEMENT, "direct", MINISTER)])
    res = align([a, b, c], facts=False, names=False)
    (g,) = res.groups
    (attr,) = [d for d in g.drift if d.type == "attribution_change"]
    assert attr.doc == "b" and attr.to == "Jonas Weber" and attr.from_ == MINISTER


def test_a_misspelt_surname_is_not_a_change_of_speaker():
    a = make_doc("a", f'"{STATEMENT}," Hanna Vogt said.', [(STATEMENT, "direct", "Hanna Vogt")])
    b = make_doc("b", f'"{STATEMENT}," Hanna Voigt said.', [(STATEMENT, "direct", "Hanna Voigt")])
    assert _types(align([a, b], facts=False, names=False)) == {"identical"}


def test_a_short_common_phrase_from_two_speakers_is_not_one_statement():
    a = make_doc("a", 'Weber called it "a good start".', [("a good start", "partial", "Jonas Weber")])
    b = make_doc("b", 'Lindqvist called it "a good start".', [("a good start", "partial", MINISTER)])
    assert align([a, b], facts=False, names=False).groups == []


def test_two_different_quotes_of_one_article_never_merge():
    s1 = "The river defences held through the night and nobody was hurt"
    s2 = "The river defences will need new funding before the next storm season"
    a = make_doc(
        "a",
        f'"{s1}," Lindqvist said. "{s2}," she added.',
        [(s1, "direct", MINISTER), (s2, "direct", MINISTER)],
    )
    b = make_doc("b", f'"{s1}," Lindqvist said.', [(s1, "direct", MINISTER)])
    res = align([a, b], facts=False, names=False)
    assert [len(g.members) for g in res.groups] == [2]


def test_two_sentences_one_outlet_quotes_apart_are_two_statements_in_the_outlet_quoting_them_whole():
    s1 = "We have agreed to meet again in Bergen next week"
    s2 = "The next move belongs to the harbour board"
    a = make_doc("a", f'"{s1}. {s2}," Lindqvist told radio.', [(f"{s1}. {s2},", "direct", MINISTER)])
    b = make_doc(
        "b", f'"{s1}," Lindqvist said. "{s2}."', [(f"{s1},", "direct", MINISTER), (f"{s2}.", "direct", MINISTER)]
    )
    res = align([a, b], facts=False, names=False)
    assert sorted(tuple(m.text.rstrip(".,") for m in g.members) for g in res.groups) == sorted([(s1, s1), (s2, s2)])


def test_a_quotation_no_outlet_quotes_apart_stays_one_statement():
    s1 = "We have agreed to meet again in Bergen next week"
    s2 = "The next move belongs to the harbour board"
    a = make_doc("a", f'"{s1}. {s2}," Lindqvist told radio.', [(f"{s1}. {s2},", "direct", MINISTER)])
    b = make_doc("b", f'"{s1}. {s2}," she said.', [(f"{s1}. {s2},", "direct", MINISTER)])
    res = align([a, b], facts=False, names=False)
    assert [len(g.members) for g in res.groups] == [2]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Abbas Araqchi", "Abbas Araghchi"), ("Muammar Qaddafi", "Muammar Gaddafi"), ("Anna Schmidt", "Anna Shmidt")],
)
def test_transliterations_of_a_surname_are_one_speaker(a, b):
    da = make_doc("a", f'"{STATEMENT}," {a} said.', [(STATEMENT, "direct", a)])
    db = make_doc("b", f'"{STATEMENT}," {b} said.', [(STATEMENT, "direct", b)])
    assert _types(align([da, db], facts=False, names=False)) == {"identical"}


def test_a_claim_repeating_the_words_without_marks_is_unquoted():
    a = make_doc("a", f'"{STATEMENT}," Lindqvist said.', [(STATEMENT, "direct", MINISTER)])
    claim = "we will rebuild every bridge in the valley before the spring floods arrive"
    b = make_doc("b", f"Lindqvist said {claim}.", claims=[(claim, MINISTER)])
    res = align([a, b], facts=False, names=False)
    assert [d.type for d in res.groups[0].drift] == ["unquoted"]
    assert res.groups[0].members[1].kind == "claim"


def test_a_relayed_claim_holding_two_statements_does_not_join_their_groups():
    # "Noting that X, A announced that Y, an agency reported": the agency's claim holds X and the
    # claim Y; two outlets copying it must not make X and Y one statement
    ferry = "the ferry to Nordby would resume sailing on Monday"
    staff = "the port would hire forty extra staff for the summer"
    a = make_doc(
        "a",
        f"In a speech, Holm said that {ferry} and that {staff}.",
        claims=[(f"{ferry} and that {staff}", "Ola Holm")],
    )
    relays = [
        make_doc(
            d,
            f"Noting that {ferry}, Holm announced that {staff}, NTB reported.",
            claims=[(f"{ferry}, Holm announced that {staff}", "NTB"), (staff, "Ola Holm")],
        )
        for d in ("b", "c")
    ]
    res = align([a, *relays], facts=False, names=False)
    assert sorted(sorted({m.text for m in g.members}) for g in res.groups) == [[ferry], [staff]]
    assert [len({m.doc for m in g.members}) for g in res.groups] == [3, 3]


def test_the_two_reports_of_one_claim_never_join_one_group():
    # "said that X and that Y" is two statements, even beside an outlet that reports both in one claim
    homes, hurt = "900 homes had been damaged in the storm", "40 people had been hurt"
    a = make_doc("a", f"The agency said that {homes} and that {hurt}.", claims=[(f"{homes} and that {hurt}", "Agency")])
    both = f"{homes}, which hit overnight, while {hurt}"
    b = make_doc("b", f"The agency said {both}.", claims=[(both, "Agency")])
    res = align([a, b], facts=False, names=False)
    assert [[m.doc for m in g.members] for g in res.groups] == [["a", "b"]]
    assert res.groups[0].members[0].text in (homes, hurt)


def test_a_claim_that_keeps_some_of_the_words_quoted_is_not_unquoted():
    a = make_doc("a", f'"{STATEMENT}," Lindqvist said.', [(STATEMENT, "direct", MINISTER)])
    head, tail = STATEMENT.split(" ", 2)[:2], STATEMENT.split(" ", 2)[2]
    claim = f'{" ".join(head)} "{tail}"'.lower()
    b = make_doc("b", f"Lindqvist said {claim}.", [(tail, "partial", MINISTER)], claims=[(claim, MINISTER)])
    res = align([a, b], facts=False, names=False)
    (g,) = res.groups
    member = next(i for i, m in enumerate(g.members) if m.kind == "claim")
    assert [d.type for d in g.drift if d.member == member] == ["paraphrase"]


@given(
    st.sampled_from(["  ", "\n", " \t "]),
    st.sampled_from([("“", "”"), ('"', '"'), ("«", "»"), ("‘", "’")]),
)
def test_drift_labels_ignore_whitespace_and_quote_style(space, marks):
    variant = STATEMENT.replace(" ", space, 3)
    a = make_doc("a", f'"{STATEMENT}," Lindqvist said.', [(STATEMENT, "direct", MINISTER)])
    b = make_doc("b", f"{marks[0]}{variant}{marks[1]} Lindqvist said.", [(variant, "direct", MINISTER)])
    res = align([a, b], facts=False, names=False)
    assert _types(res) == {"identical"}


@given(
    st.lists(
        st.sampled_from([STATEMENT, "Bridges come first", "The valley deserves better roads"]),
        min_size=1,
        max_size=3,
        unique=True,
    )
)
def test_aligning_a_document_set_with_a_copy_of_itself_is_identical(statements):
    text = " ".join(f'"{s}," Lindqvist said.' for s in statements)
    quotes = [(s, "direct", MINISTER) for s in statements]
    res = align([make_doc("a", text, quotes), make_doc("b", text, quotes)], facts=False, names=False)
    assert len(res.groups) == len(statements)
    assert {d.type for g in res.groups for d in g.drift} == {"identical"}


def test_json_contract_round_trips_and_uses_from():
    res = _pair(STATEMENT, "We will repair every bridge in the valley before the spring floods arrive")
    data = json.loads(to_json(res))
    assert set(data) >= {"groups", "facts", "entities"}
    g = data["groups"][0]
    assert {"id", "speaker", "members", "drift"} <= set(g)
    assert {"doc", "start", "end", "text", "kind"} <= set(g["members"][0])
    assert {"type", "doc", "from", "to", "detail"} <= set(g["drift"][0])
    assert Alignment.model_validate_json(to_json(res)) == res
    assert "from" in json.dumps(Alignment.model_json_schema(by_alias=True))


def test_errors_have_codes():
    with pytest.raises(AlignmentError, match=r"\[E008\]"):
        align([])
    d = make_doc("same", "Nothing was said.")
    with pytest.raises(AlignmentError, match=r"\[E101\]"):
        align([d, d])
    with pytest.raises(ConfigError, match=r"\[E102\]"):
        align([d], no_such_option=1)
    with pytest.raises(AlignmentError, match=r"\[E103\]"):
        align(["raw text"])  # type: ignore[list-item]
