"""A long claim or sentence is represented in its group by the part that states the statement."""

from __future__ import annotations

import pytest

from quotex.alignment import align

from .helpers import make_doc

PLEDGE = "We will rebuild every bridge the storm took from us"


def _member_texts(doc_id: str, res) -> list[str]:
    return [m.text for g in res.groups for m in g.members if m.doc == doc_id]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # a headline about the speaker that quotes two of her words
        (
            "Storm-hit governor 'deeply sorry' over delayed relief convoys and flooded roads in the valley",
            "'deeply sorry'",
        ),
        # a report that quotes a phrase and goes on about something else
        (
            "Officials said the response was \u201cdeeply sorry\u201d in tone, before listing the closed schools, "
            "the ferries that stopped and the towns without power.",
            "\u201cdeeply sorry\u201d",
        ),
    ],
    ids=["headline", "phrase in a long report"],
)
def test_a_phrase_quoted_inside_a_long_sentence_is_the_member(text, part):
    a = make_doc(
        "a",
        f'"I am deeply sorry for the days you waited," Governor Lena Ortiz said. "{PLEDGE}."',
        [("I am deeply sorry for the days you waited", "direct", "Lena Ortiz"), (PLEDGE, "direct", "Lena Ortiz")],
    )
    b = make_doc("b", text, [("deeply sorry", "partial", None)])
    c = make_doc("c", "Ortiz said she was 'deeply sorry'.", [("deeply sorry", "partial", "Lena Ortiz")])
    res = align([a, b, c], facts=False, names=False)
    assert part in _member_texts("b", res)


def test_a_report_that_renders_more_than_its_quoted_phrase_keeps_those_words():
    # the words around the quoted phrase are the speaker's too: they stay in the member
    a = make_doc(
        "a",
        f'"{PLEDGE}," the mayor, Tom Hale, said.',
        [(PLEDGE, "direct", "Tom Hale")],
    )
    report = 'Hale said the city would rebuild every bridge "the storm took" from its people'
    b = make_doc("b", report + ".", [("the storm took", "partial", "Hale")], [(report[10:], "Hale")])
    res = align([a, b], facts=False, names=False)
    texts = _member_texts("b", res)
    assert any("rebuild every bridge" in t and "the storm took" in t for t in texts), texts
