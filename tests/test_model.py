"""Checks of the embedded English pipeline in models/en_quotex_sm."""

from __future__ import annotations

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

MODEL = Path(__file__).resolve().parents[1] / "models" / "en_quotex_sm"

pytestmark = [
    pytest.mark.needs_model,
    pytest.mark.skipif(not (MODEL / "config.cfg").exists(), reason="models/en_quotex_sm absent"),
]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    """The embedded pipeline, loaded once."""
    return spacy.load(MODEL)


def test_components(nlp: spacy.language.Language) -> None:
    assert nlp.has_pipe("parser")
    assert nlp.has_pipe("ner")
    assert {"PERSON", "ORG", "LOC"} <= set(nlp.get_pipe("ner").labels)
    assert nlp.has_pipe("trainable_lemmatizer")


def test_meta(nlp: spacy.language.Language) -> None:
    meta = nlp.meta
    assert meta["lang"] == "en"
    assert {s["license"] for s in meta["sources"]} >= {"CC BY-SA 4.0", "CC BY-NC-SA 4.0"}
    assert meta["quotex_evaluation"]["ewt_test"]["words"] > 20000


def test_lemmas_and_sentences(nlp: spacy.language.Language) -> None:
    doc = nlp("The minister said the talks had failed. She told reporters she was leaving.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["said"] == "say"
    assert lemmas["told"] == "tell"
    assert len(list(doc.sents)) == 2
    assert all(t.dep_ for t in doc)


def test_entities(nlp: spacy.language.Language) -> None:
    # the model scores ~0.6 F1 (docs/model.md): check the label set on clear cases only
    doc = nlp("President Joe Biden told reporters in Washington that Google would help.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Joe Biden", "PERSON") in ents
    assert {label for _, label in ents} == {"PERSON", "ORG", "LOC"}


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("“Yes,” he said.", ["“", "Yes", ",", "”", "he", "said", "."]),
        (
            "‘No’ and \"maybe\" or 'never'",
            ["‘", "No", "’", "and", '"', "maybe", '"', "or", "'", "never", "'"],
        ),
        ("The U.S. economy", ["The", "U.S.", "economy"]),
        ("at 1:00 P.M. today", ["at", "1:00", "P.M.", "today"]),
        ("at Mar-a-Lago—again", ["at", "Mar-a-Lago", "—", "again"]),
        ("Trump's aides", ["Trump", "'s", "aides"]),
        ("Trump’s aides", ["Trump", "’s", "aides"]),
        ("Kyiv's mayor", ["Kyiv", "'s", "mayor"]),
        ("rose 3–4 percent", ["rose", "3", "–", "4", "percent"]),
        ("war – and peace", ["war", "–", "and", "peace"]),
    ],
)
def test_tokenizer(nlp: spacy.language.Language, text: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp.tokenizer(text)] == tokens


def test_resume_config_sources_every_component() -> None:
    # `python -m quotex.training --resume DIR` continues from DIR: every component is sourced
    from quotex.training.train import resume_config

    config = resume_config(MODEL, 0.0003, 50)
    for name in config["nlp"]["pipeline"]:
        assert config["components"][name] == {"source": str(MODEL)}
    schedule = config["training"]["optimizer"]["learn_rate"]
    assert schedule["@schedules"] == "warmup_linear.v1"
    assert schedule["initial_rate"] == 0.0003


def test_resume_config_with_a_new_parser_trains_only_the_parser() -> None:
    # `--new-parser 64`: a narrower parser learns on the frozen shared tok2vec, which must annotate
    from quotex.training.train import resume_config

    config = resume_config(MODEL, 0.001, 250, new_parser=64)
    parser = config["components"]["parser"]
    assert "source" not in parser and parser["model"]["hidden_width"] == 64
    assert parser["model"]["tok2vec"]["width"] == 192  # the sourced tok2vec's width, spelled out
    assert config["training"]["frozen_components"] == [n for n in config["nlp"]["pipeline"] if n != "parser"]
    assert config["training"]["annotating_components"] == ["tok2vec"]
    assert config["training"]["score_weights"]["dep_las"] == 1.0


def test_quotex_load_reads_the_whole_tokenizer_from_disk(nlp: spacy.language.Language, tmp_path: Path) -> None:
    # quotex.load skips building spaCy's default tokenizer rules: the saved ones replace them all
    import quotex

    loaded = quotex.load()
    assert loaded.config["nlp"]["tokenizer"]["@tokenizers"] == "quotex.saved_tokenizer.v1"
    assert loaded.tokenizer.to_bytes(exclude=["vocab"]) == nlp.tokenizer.to_bytes(exclude=["vocab"])
    loaded.to_disk(tmp_path)  # and a pipeline saved from it loads again
    text = "The U.S. mayor's aide said at 1:00 P.M.: “No.”"
    assert [t.text for t in spacy.load(tmp_path).tokenizer(text)] == [t.text for t in nlp.tokenizer(text)]
