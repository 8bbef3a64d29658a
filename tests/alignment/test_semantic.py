"""Meaning-level similarity: WordLlama vectors read from the installed package, and the gate that
decides which pairs are asked."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from quotex.alignment import semantic
from quotex.alignment.groups import inverse_frequencies
from quotex.alignment.items import build_items

from .helpers import make_doc


def _items(*claims: str):
    docs = [make_doc(f"d{i}", f"Officials said {c}.", claims=[(c, None)]) for i, c in enumerate(claims)]
    return build_items(docs, quote_kinds=("direct", "partial"), use_claims=True)


def test_vectors_are_unit_rows_and_a_text_without_words_is_a_zero_row():
    vec = semantic.vectors(["The river rose overnight.", "", "..."])
    assert vec.shape == (3, 256)
    assert np.linalg.norm(vec[0]) == pytest.approx(1.0, abs=1e-5)
    assert not vec[1].any() and not vec[2].any()
    assert semantic.vectors([]).shape == (0, 256)


def test_loading_the_model_leaves_the_users_logging_alone():
    semantic._model.cache_clear()
    root = logging.getLogger()
    before = (root.handlers[:], root.level)
    semantic.vectors(["The river rose overnight."])
    assert (root.handlers, root.level) == before


def test_a_rewording_is_closer_than_another_statement():
    items = _items(
        "the river rose two metres overnight",
        "the river climbed two metres during the night",
        "the museum will open a new wing in spring",
    )
    same, other = semantic.cosines(items, [(0, 1), (0, 2)])
    assert same > 0.7 > other


@pytest.mark.parametrize(
    ("claim", "names"),
    [
        ("Kestrel Motors ordered an audit", {"kestrel", "motor"}),  # a name of two capitalised words
        ("Brakworth ordered an audit", {"brakworth"}),  # a word no dictionary knows
        ("Audits were ordered by Ada Lind", {"ada", "lind"}),  # a capitalised first word is a word
        ("the audit is over. Farmers will be paid by Ada Lind", {"ada", "lind"}),  # a sentence's start
    ],
)
def test_names_are_the_capitalised_words_that_are_not_a_sentence_start(claim, names):
    assert semantic.names(_items(claim)[0]) == names


@pytest.mark.parametrize(
    ("other", "asked"),
    [
        ("Kestrel Motors would begin an internal audit", False),  # one kept word besides the name
        ("the firm ordered an outside audit of Kestrel Motors", True),  # order and audit kept
        ("Brakworth Foods has ordered an external audit", False),  # another company
    ],
)
def test_only_pairs_that_keep_two_words_besides_names_and_name_someone_in_common_are_asked(other, asked):
    items = _items("Kestrel Motors has ordered an external audit", other)
    idf = inverse_frequencies(items)
    a, b = items
    na, nb = semantic.names(a), semantic.names(b)
    assert semantic.worth_asking(a, b, na, nb, idf, min_kept=2, min_share=0.3) is asked
    assert semantic.worth_asking(b, a, nb, na, idf, min_kept=2, min_share=0.3) is asked  # either order
