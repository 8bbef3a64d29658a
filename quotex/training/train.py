"""Convert the treebanks, train en_quotex_sm, evaluate it on held-out splits and save it."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.cli.train import train as spacy_train
from spacy.pipeline import EditTreeLemmatizer
from spacy.tokens import DocBin
from spacy.util import registry
from thinc.api import Config

from quotex.about import __version__
from quotex.training.corpus import GUM_DEV_EVERY, convert
from quotex.training.evaluate import evaluate
from quotex.training.tokenizer import customize_tokenizer

CONFIG = Path(__file__).with_name("config.cfg")
#: The recogniser of the ``--new-ner`` stage, with a tok2vec of its own.
NER_CONFIG = Path(__file__).with_name("ner.cfg")
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


@registry.callbacks("quotex.resume_hooks.v1")  # type: ignore[untyped-decorator]
def make_resume_hooks(every: int = 25) -> Any:
    """The ``[training] before_update`` callback of a resumed run.

    Before the first update it rebuilds each sourced ``trainable_lemmatizer``'s tree-to-label
    map: spaCy 3.8's ``EditTreeLemmatizer.from_disk`` restores the labels and trees but leaves
    ``tree2label`` empty, so continued training would map every gold lemma to label 0 and
    unlearn the lemmatizer (lemma accuracy fell to the all-backoff 0.771 in a first attempt).
    It also prints the wall time every ``every`` steps, so that a run's speed can be read from
    its log in its first minutes (spaCy only logs at evaluations).
    """
    start = time.time()
    fixed: list[bool] = []

    def resume_hooks(nlp: Any, info: dict[str, Any]) -> None:
        if not fixed:
            for name, pipe in nlp.components:
                if isinstance(pipe, EditTreeLemmatizer) and not pipe.tree2label:
                    pipe.tree2label = {tree: i for i, tree in enumerate(pipe.cfg["labels"])}
                    print(f"[quotex] {name}: restored {len(pipe.tree2label)} tree labels", flush=True)
            fixed.append(True)
        if info["step"] % every == 0:
            print(f"[quotex] step {info['step']} at {time.time() - start:.0f} s", flush=True)

    return resume_hooks


def resume_config(
    source: Path, learn_rate: float, warmup_steps: int, *, new_ner: bool = False, new_parser: int | None = None
) -> Config:
    """The training config with every component sourced from a trained pipeline.

    Args:
        source: The pipeline to continue from (e.g. models/en_quotex_sm).
        learn_rate: Peak learning rate; it warms up over ``warmup_steps`` and then decays
            linearly to 0 at ``training.max_steps``.
        warmup_steps: Steps of the warm-up.
        new_ner: Keep every sourced component frozen and train a new ``ner`` with its own
            tok2vec (``ner.cfg``), selected on NER F1 alone. The shared tok2vec serves five
            tasks; the recogniser gets a wider view of its own, as in spaCy's own CPU pipelines.
        new_parser: Keep every sourced component frozen and train a new parser of this hidden
            width on the shared tok2vec's output, selected on labelled attachment alone. A
            narrower parser is faster: its transition loop works at the hidden width.

    Returns:
        The config to pass to spaCy's ``train``; ``paths.base`` must be set to ``source``
        so that its tokenizer and vocab are copied too.
    """
    config = Config().from_disk(CONFIG, interpolate=False)
    for name in config["nlp"]["pipeline"]:
        # sourced components (tok2vec and its listeners together) keep their weights and labels
        config["components"][name] = {"source": str(source)}
    if new_ner:
        config["components"]["ner"] = Config().from_disk(NER_CONFIG, interpolate=False)["components"]["ner"]
        _train_only(config, "ner", "ents_f")
    if new_parser is not None:
        parser = Config().from_disk(CONFIG, interpolate=False)["components"]["parser"]
        parser["model"]["hidden_width"] = new_parser
        # the listener's width is the sourced tok2vec's, which this config no longer spells out
        sourced = Config().from_disk(source / "config.cfg")
        parser["model"]["tok2vec"]["width"] = sourced["components"]["tok2vec"]["model"]["encode"]["width"]
        config["components"]["parser"] = parser
        _train_only(config, "parser", "dep_las")
        # a frozen tok2vec feeds its listeners only when it runs as an annotating component
        config["training"]["annotating_components"] = ["tok2vec"]
    config["training"]["optimizer"]["learn_rate"] = {
        "@schedules": "warmup_linear.v1",
        "warmup_steps": warmup_steps,
        "total_steps": "${training.max_steps}",
        "initial_rate": learn_rate,
    }
    # the trained model already uses full-size batches
    config["training"]["batcher"]["size"] = 1000
    config["training"]["before_update"] = {"@callbacks": "quotex.resume_hooks.v1", "every": 25}
    return config


def _train_only(config: Config, component: str, score: str) -> None:
    """Freeze every component but ``component`` and select checkpoints on ``score`` alone."""
    config["training"]["frozen_components"] = [n for n in config["nlp"]["pipeline"] if n != component]
    weights = config["training"]["score_weights"]
    config["training"]["score_weights"] = {k: (1.0 if k == score else None) for k in weights}


def portable_config(path: Path) -> None:
    """Make a resumed pipeline's config loadable and readable without this training package.

    Drops the resume callback (registered only here) and writes repository-relative paths.

    Args:
        path: The ``config.cfg`` of the written pipeline.
    """
    config = Config().from_disk(path, interpolate=False)
    config["training"]["before_update"] = None
    text = config.to_str().replace(str(REPO) + "/", "")
    path.write_text(text, encoding="utf8")


def run(
    data_dir: Path,
    output: Path,
    work_dir: Path,
    max_steps: int,
    eval_frequency: int,
    train: bool = True,
    resume: Path | None = None,
    learn_rate: float = 0.0003,
    warmup_steps: int = 50,
    new_ner: bool = False,
    new_parser: int | None = None,
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
        resume: A trained pipeline to continue from (second stage): every component starts
            from its weights, the learning rate is ``learn_rate`` decaying linearly to 0, and
            checkpoints go to ``work_dir/resume``. The corpora already in ``work_dir/corpus``
            are reused.
        learn_rate: Peak learning rate of a resumed run.
        warmup_steps: Warm-up steps of a resumed run.
        new_ner: With ``resume``, train only a new recogniser with its own tok2vec and keep
            the other components as they are (checkpoints go to ``work_dir/ner``).
        new_parser: With ``resume``, train only a new parser of this hidden width on the frozen
            shared tok2vec (checkpoints go to ``work_dir/parser``).

    Returns:
        The ``quotex_evaluation`` block written into the meta.
    """
    corpus_dir = work_dir / "corpus"
    stage = ("ner" if new_ner else "parser" if new_parser else "resume") if resume else "checkpoints"
    checkpoints = work_dir / stage
    started_file = work_dir / ("started.txt" if stage == "checkpoints" else f"{stage}-started.txt")
    previous: dict[str, Any] = {}
    if resume:
        previous = json.loads((resume / "meta.json").read_text(encoding="utf8")).get("quotex_training", {})
    if train:
        work_dir.mkdir(parents=True, exist_ok=True)
        started_file.write_text(str(time.time()), encoding="utf8")
        if resume:
            if not all((corpus_dir / f"{n}.spacy").exists() for n in ("train", "dev", "test", "gum-dev")):
                convert(data_dir, corpus_dir)
            config_path = work_dir / f"{stage}.cfg"
            resume_config(resume.resolve(), learn_rate, warmup_steps, new_ner=new_ner, new_parser=new_parser).to_disk(
                config_path
            )
            base = resume.resolve()
        else:
            convert(data_dir, corpus_dir)
            config_path = CONFIG
            base = work_dir / "base"
            blank = spacy.blank("en")
            customize_tokenizer(blank)
            blank.to_disk(base)
        spacy_train(
            config_path,
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
    if resume:
        stages = [*previous.get("stages", [{k: previous.get(k) for k in ("command", "seconds", "max_steps")}])]
        stages.append(
            {
                "command": f"python -m quotex.training --resume {resume} --max-steps {max_steps} "
                f"--learn-rate {learn_rate} --warmup-steps {warmup_steps}"
                + (" --new-ner" if new_ner else "")
                + (f" --new-parser {new_parser}" if new_parser else ""),
                "seconds": train_seconds,
                "max_steps": max_steps,
            }
        )
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
                "command": " && ".join(st["command"] for st in stages)
                if resume
                else f"python -m quotex.training --max-steps {max_steps}",
                "seconds": sum(st["seconds"] for st in stages) if resume else train_seconds,
                "max_steps": sum(st["max_steps"] for st in stages) if resume else max_steps,
                **({"stages": stages} if resume else {}),
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
    if resume:
        portable_config(output / "config.cfg")
    (work_dir / "evaluation.json").write_text(json.dumps(evaluation, indent=2), encoding="utf8")
    return evaluation
