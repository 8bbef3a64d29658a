"""The quotex components as spaCy components: factories, config, entry points, serialisation."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import quotex  # noqa: F401  (registers the factories)
from quotex.errors import ConfigError
from quotex.pipeline import COMPONENTS


def test_entry_points_name_every_component() -> None:
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    if not names & set(COMPONENTS):
        pytest.skip("quotex is not installed as a distribution (entry points unavailable)")
    assert set(COMPONENTS) <= names


@pytest.mark.parametrize("name", COMPONENTS)
def test_factories_build_from_config(name: str) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(name)
    assert nlp.get_pipe_meta(name).factory == name


def test_quote_finder_on_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotex_paragraphs")
    nlp.add_pipe("quotex_quotes")
    doc = nlp("The mayor promised “a new bridge by May” to residents.\n\nIt was “late”.")
    assert [s.text for s in doc.spans["quotex_quotes"]] == ["a new bridge by May", "late"]
    assert [s.id_ for s in doc.spans["quotex_quotes"]] == ["q0", "q1"]
    assert len(doc.spans["quotex_paragraphs"]) == 2


def test_attribute_names_can_be_changed() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotex_speakers", config={"attrs": {"doc_quotes": "said_things"}})
    assert Doc.has_extension("said_things")


def test_unknown_attribute_setting_is_a_config_error() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(ConfigError, match="E009"):
        nlp.add_pipe("quotex_speakers", config={"attrs": {"nope": "x"}})


def test_pipeline_round_trips_through_disk(tmp_path) -> None:
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.to_disk(tmp_path)
    assert (tmp_path / "quotex_speakers" / "lexicon.json").exists()
    again = spacy.load(tmp_path)
    assert again.pipe_names == nlp.pipe_names
    lexicon = again.get_pipe("quotex_speakers").lexicon
    assert "say" in lexicon.verbs and lexicon == nlp.get_pipe("quotex_speakers").lexicon


def test_spans_survive_a_docbin_round_trip() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotex_quotes")
    doc = nlp("She called it “a good start” on Friday.")
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert [s.text for s in back.spans["quotex_quotes"]] == ["a good start"]
    assert back.user_data["quotex_quote_info"] == doc.user_data["quotex_quote_info"]


def test_displacy_shows_the_speakers_name_not_a_link_id() -> None:
    from spacy import displacy

    nlp = quotex.load()
    doc = nlp('"The ferry will sail," Harbour Master Ines Duarte said. She added that the storm had passed.')
    assert {s.kb_id_ for s in doc.spans["quotex_quotes"]} == {"Ines Duarte"}
    assert {s.kb_id_ for s in doc.spans["quotex_claims"]} == {"Ines Duarte"}
    html = displacy.render(doc, style="span", options={"spans_key": "quotex_quotes"})
    assert "Ines Duarte" in html and "k0" not in html
    # the links the converter follows are kept beside the spans
    assert [q.speaker.name for q in doc._.quotes] == ["Ines Duarte"]
    assert [c.speaker.name for c in doc._.claims] == ["Ines Duarte"]


def test_a_speaker_settles_the_recognisers_label_of_its_name() -> None:
    # a small recogniser may tag a titled name as a place; the attributor knows it is a person
    doc = quotex.extract('"The door is open," Transport Minister Rui Costa said in Lisbon.')
    people = [(e.text, e.name) for e in doc.entities if e.label == "PERSON"]
    assert people == [("Rui Costa", "Rui Costa")]
    assert all(e.label != "LOC" or e.text == "Lisbon" for e in doc.entities)
