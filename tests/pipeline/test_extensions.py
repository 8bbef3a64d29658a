"""Doc and Span extension getters on the embedded pipeline, and their survival through a DocBin."""

from __future__ import annotations

import pytest
from spacy.tokens import DocBin

import quotex

pytestmark = pytest.mark.needs_model

TEXT = 'Coach Ivan Petrov said the team was tired. "We need a week off," Petrov told reporters.'


def test_getters_give_result_models(nlp) -> None:
    doc = nlp(TEXT)
    quotes = doc._.quotes
    assert [q.text for q in quotes] == ["We need a week off,"]
    assert isinstance(quotes[0], quotex.Quote) and quotes[0].speaker.name == "Ivan Petrov"
    span = doc.spans["quotex_quotes"][0]
    assert span._.speaker == quotes[0].speaker and span._.cue.lemma == "tell"
    assert [c.text for c in doc._.claims] == ["the team was tired"]


def test_annotations_survive_a_docbin(nlp) -> None:
    doc = nlp(TEXT)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert back._.quotes == doc._.quotes and back._.claims == doc._.claims


def test_plain_spans_have_no_speaker(nlp) -> None:
    doc = nlp(TEXT)
    assert doc[0:2]._.speaker is None
