"""Score a trained pipeline on gold tokens of held-out treebank splits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.training import Corpus

#: Scores kept in the model meta, in report order.
KEYS = (
    "pos_acc",
    "tag_acc",
    "morph_acc",
    "lemma_acc",
    "dep_uas",
    "dep_las",
    "sents_f",
    "ents_p",
    "ents_r",
    "ents_f",
)


def evaluate(nlp: Language, path: Path) -> dict[str, Any]:
    """Evaluate ``nlp`` on a DocBin, with the reference words and sentences as input.

    Args:
        nlp: The trained pipeline.
        path: A DocBin written by :func:`quotex.training.corpus.convert`.

    Returns:
        Rounded scores (see KEYS), per-type NER P/R/F and the number of words.
    """
    examples = list(Corpus(path, gold_preproc=True)(nlp))
    scores = nlp.evaluate(examples)
    out: dict[str, Any] = {k: round(float(scores[k]), 4) for k in KEYS if scores.get(k) is not None}
    out["ents_per_type"] = {
        label: {k: round(float(v), 4) for k, v in prf.items()}
        for label, prf in sorted((scores.get("ents_per_type") or {}).items())
    }
    out["words"] = sum(len(eg.reference) for eg in examples)
    return out
