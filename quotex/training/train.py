"""Convert the treebanks, train en_quotex_sm, evaluate it on held-out splits and save it."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.cli.train import train as spacy_train
from spacy.tokens import DocBin

from quotex.about import __version__
from quotex.training.corpus import GUM_DEV_EVERY, convert
from quotex.training.evaluate import evaluate
from quotex.training.tokenizer import customize_tokenizer

CONFIG = Path(__file__).with_name("config.cfg")
REPO = Path(__file__).resolve().parents[2]

SOURCES = [
    {
        "name": "UD English EWT",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "license": "CC BY-SA 4.0",
        "author": "Universal Dependencies contributors (Silveira et al. 2014)",
    },
    {
        "name": "Universal NER English EWT",
        "url": "https://github.com/UniversalNER/UNER_English-EWT",
        "license": "CC BY-SA 4.0",
        "author": "Universal NER project (Mayhew et al. 2024)",
    },
    {
        "name": "UD English GUM",
        "url": "https://github.com/UniversalDependencies/UD_English-GUM",
        "license": "CC BY-NC-SA 4.0",
        "author": "Amir Zeldes and the GUM annotators, Georgetown University (Zeldes 2017)",
    },
]


def run(
    data_dir: Path,
    output: Path,
    work_dir: Path,
    max_steps: int,
    eval_frequency: int,
    train: bool = True,
) -> dict[str, Any]:
    """Train the pipeline end to end and write it with its meta to ``output``.

    Args:
        data_dir: The shared data folder holding the three treebank folders.
        output: The pipeline directory to write (replaced if it exists).
        work_dir: Folder for converted corpora, the base tokenizer and checkpoints.
        max_steps: Training steps (batches).
        eval_frequency: Steps between evaluations on EWT dev for model selection.
        train: False to only evaluate and package the best checkpoint already in ``work_dir``
            (e.g. of a run that was stopped early).

    Returns:
        The ``quotex_evaluation`` block written into the meta.
    """
    corpus_dir = work_dir / "corpus"
    checkpoints = work_dir / "checkpoints"
    started_file = work_dir / "started.txt"
    if train:
        work_dir.mkdir(parents=True, exist_ok=True)
        started_file.write_text(str(time.time()), encoding="utf8")
        convert(data_dir, corpus_dir)
        base = work_dir / "base"
        blank = spacy.blank("en")
        customize_tokenizer(blank)
        blank.to_disk(base)
        spacy_train(
            CONFIG,
            checkpoints,
            overrides={
                "paths.train": str(corpus_dir / "train.spacy"),
                "paths.dev": str(corpus_dir / "dev.spacy"),
                "paths.base": str(base),
                "training.max_steps": max_steps,
                "training.eval_frequency": eval_frequency,
            },
        )
    best = checkpoints / "model-best"
    # wall time from the start of conversion to the save of the selected checkpoint
    train_seconds = round((best / "meta.json").stat().st_mtime - float(started_file.read_text()))
    nlp = spacy.load(best)
    evaluation = {
        "ewt_dev": evaluate(nlp, corpus_dir / "dev.spacy"),
        "ewt_test": evaluate(nlp, corpus_dir / "test.spacy"),
        "gum_dev": evaluate(nlp, corpus_dir / "gum-dev.spacy"),
        "note": (
            "Gold tokens and sentences. ewt_test is the EWT test split with the UNER test labels "
            "(PER->PERSON, ORG, LOC); ewt_dev (+UNER dev) selected the checkpoint; gum_dev is "
            f"every {GUM_DEV_EVERY}th GUM document per genre, held out from training."
        ),
    }
    nlp.meta.update(
        {
            "name": "quotex_sm",
            "version": __version__,
            "description": (
                "Small English pipeline for news quote extraction: tagger, morphologizer, "
                "parser, trainable lemmatizer and NER (PERSON, ORG, LOC), CPU-optimized."
            ),
            "author": "quotex",
            "license": "CC BY-NC-SA 4.0",
            "sources": SOURCES,
            "quotex_evaluation": evaluation,
            "quotex_training": {
                "command": f"python -m quotex.training --max-steps {max_steps}",
                "seconds": train_seconds,
                "max_steps": max_steps,
                "docs": {
                    name: len(DocBin().from_disk(corpus_dir / f"{name}.spacy"))
                    for name in ("train", "dev", "test", "gum-dev")
                },
                "spacy_version": spacy.about.__version__,
            },
        }
    )
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    (work_dir / "evaluation.json").write_text(json.dumps(evaluation, indent=2), encoding="utf8")
    return evaluation
