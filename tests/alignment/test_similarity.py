"""Similarity metrics: range, symmetry, identity and the empty case."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotex.alignment import similarity as sim

WORDS = st.lists(st.text(alphabet="abc", min_size=0, max_size=3), max_size=6)
TEXT = st.text(alphabet="ab c.,“”\"'", max_size=20)
SET_METRICS = [sim.jaccard, sim.overlap, sim.cosine, sim.token_edit]
STR_METRICS = [sim.edit, sim.jaro_winkler]


@pytest.mark.parametrize("metric", SET_METRICS + [sim.monge_elkan])
@given(a=WORDS, b=WORDS)
def test_sequence_metrics_are_bounded_and_symmetric(metric, a, b):
    ab, ba = metric(a, b), metric(b, a)
    assert 0.0 <= ab <= 1.0
    assert ab == pytest.approx(ba)


@pytest.mark.parametrize("metric", SET_METRICS + [sim.monge_elkan])
@given(a=WORDS)
def test_sequence_metrics_identity(metric, a):
    assert metric(a, a) == pytest.approx(1.0)


@pytest.mark.parametrize("metric", STR_METRICS)
@given(a=TEXT, b=TEXT)
def test_string_metrics_are_bounded_symmetric_reflexive(metric, a, b):
    assert 0.0 <= metric(a, b) <= 1.0
    assert metric(a, b) == pytest.approx(metric(b, a))
    assert metric(a, a) == pytest.approx(1.0)


@pytest.mark.parametrize("metric", SET_METRICS + STR_METRICS + [sim.monge_elkan])
def test_two_empty_inputs_are_the_same_and_one_empty_shares_nothing(metric):
    empty = "" if metric in STR_METRICS else []
    full = "word" if metric in STR_METRICS else ["word"]
    assert metric(empty, empty) == 1.0
    assert metric(empty, full) == 0.0


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (["friendly"], ["friendly", "atmosphere"], 1.0),  # a truncation is fully contained
        (["brave", "decision"], ["bold", "decision"], 0.5),
    ],
)
def test_overlap_suits_truncated_quotes(a, b, expected):
    assert sim.overlap(a, b) == pytest.approx(expected)


def test_name_spellings_score_higher_than_different_names():
    assert sim.monge_elkan(["Yuri", "Ushakov"], ["Yury", "Ushakov"]) > sim.monge_elkan(
        ["Anna", "Ushakov"], ["Boris", "Ushakov"]
    )
