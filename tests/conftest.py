"""Shared fixtures: a blank English pipeline, hand-parsed Docs, the embedded model when present."""

from __future__ import annotations

import os

import pytest
import spacy
from hypothesis import HealthCheck, settings
from spacy.language import Language
from spacy.tokens import Doc

settings.register_profile("ci", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _model_available() -> bool:
    from quotex.errors import ModelNotFoundError
    from quotex.model import model_path

    try:
        model_path()
    except ModelNotFoundError:
        return False
    return True


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _model_available():
        return
    skip = pytest.mark.skip(reason="the embedded model is not in models/")
    for item in items:
        if "needs_model" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def blank() -> Language:
    """A blank English pipeline: tokenizer only."""
    return spacy.blank("en")


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The embedded model with the quotex components."""
    import quotex

    return quotex.load()


def parsed(vocab, rows: list[tuple[str, str, int, str, str]], ents: list[str] | None = None) -> Doc:
    """A Doc from (word, pos, head offset, dep, lemma) rows; head offset is relative, 0 = root.

    Hand-built parses keep the speaker rules testable without a statistical model.
    """
    words = [r[0] for r in rows]
    spaces = [
        not (i + 1 < len(words) and words[i + 1] in {",", ".", ":", "'s", "”"} or w in {"“"})
        for i, w in enumerate(words)
    ]
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        pos=[r[1] for r in rows],
        heads=[i + r[2] for i, r in enumerate(rows)],
        deps=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
        ents=ents or ["O"] * len(rows),
    )
