"""Speech cues and speakers on hand-parsed Docs (UD labels), so no statistical model is needed."""

from __future__ import annotations

import pytest

from quotex.extract.cues import find_cues
from quotex.extract.speakers import EntityIndex, SpeakerResolver
from quotex.registry import speech_cues
from tests.conftest import parsed

LEX = speech_cues()


def resolve_all(doc):
    cues = find_cues(doc, [], LEX)
    resolver = SpeakerResolver(doc, EntityIndex(doc, LEX), LEX)
    return cues, [resolver.resolve(c) for c in cues]


# "Kremlin aide Yuri Ushakov said that the call lasted an hour. He added that it was friendly."
INTRO_THEN_PRONOUN = [
    ("Kremlin", "PROPN", 2, "compound", "Kremlin"),
    ("aide", "NOUN", 3, "compound", "aide"),
    ("Yuri", "PROPN", 1, "compound", "Yuri"),
    ("Ushakov", "PROPN", 1, "nsubj", "Ushakov"),
    ("said", "VERB", 0, "ROOT", "say"),
    ("that", "SCONJ", 3, "mark", "that"),
    ("the", "DET", 1, "det", "the"),
    ("call", "NOUN", 1, "nsubj", "call"),
    ("lasted", "VERB", -4, "ccomp", "last"),
    ("an", "DET", 1, "det", "an"),
    ("hour", "NOUN", -2, "obl:tmod", "hour"),
    (".", "PUNCT", -7, "punct", "."),
    ("He", "PRON", 1, "nsubj", "he"),
    ("added", "VERB", 0, "ROOT", "add"),
    ("that", "SCONJ", 3, "mark", "that"),
    ("it", "PRON", 2, "nsubj", "it"),
    ("was", "AUX", 1, "cop", "be"),
    ("friendly", "ADJ", -4, "ccomp", "friendly"),
    (".", "PUNCT", -5, "punct", "."),
]
INTRO_ENTS = ["B-ORG", "O", "B-PERSON", "I-PERSON"] + ["O"] * 15


def test_subject_of_speech_verb_and_its_clause(blank) -> None:
    doc = parsed(blank.vocab, INTRO_THEN_PRONOUN, INTRO_ENTS)
    cues, speakers = resolve_all(doc)
    assert [c.lemma for c in cues] == ["say", "add"]
    assert cues[0].content.text == "the call lasted an hour"
    assert speakers[0].name == "Yuri Ushakov" and speakers[0].mention.text == "Yuri Ushakov"


def test_pronoun_takes_the_previous_speaker(blank) -> None:
    doc = parsed(blank.vocab, INTRO_THEN_PRONOUN, INTRO_ENTS)
    _, speakers = resolve_all(doc)
    assert speakers[1].mention.text == "He" and speakers[1].name == "Yuri Ushakov"


# "According to the ministry, prices rose by a third."
ACCORDING_TO = [
    ("According", "VERB", 3, "case", "accord"),
    ("to", "ADP", -1, "fixed", "to"),
    ("the", "DET", 1, "det", "the"),
    ("ministry", "NOUN", 3, "obl", "ministry"),
    (",", "PUNCT", 2, "punct", ","),
    ("prices", "NOUN", 1, "nsubj", "price"),
    ("rose", "VERB", 0, "ROOT", "rise"),
    ("by", "ADP", 2, "case", "by"),
    ("a", "DET", 1, "det", "a"),
    ("third", "NOUN", -3, "obl", "third"),
    (".", "PUNCT", -4, "punct", "."),
]


def test_according_to_reports_the_main_clause(blank) -> None:
    doc = parsed(blank.vocab, ACCORDING_TO)
    cues, speakers = resolve_all(doc)
    assert [c.lemma for c in cues] == ["according to"]
    assert cues[0].subject.text == "ministry"
    assert cues[0].content.text == "prices rose by a third"
    assert speakers[0].mention.text == "the ministry" and speakers[0].name == "ministry"


# "Prices will rise, the minister warned."
FRONTED = [
    ("Prices", "NOUN", 2, "nsubj", "price"),
    ("will", "AUX", 1, "aux", "will"),
    ("rise", "VERB", 0, "ROOT", "rise"),
    (",", "PUNCT", 3, "punct", ","),
    ("the", "DET", 1, "det", "the"),
    ("minister", "NOUN", 1, "nsubj", "minister"),
    ("warned", "VERB", -4, "parataxis", "warn"),
    (".", "PUNCT", -5, "punct", "."),
]


def test_trailing_cue_reports_the_fronted_clause(blank) -> None:
    doc = parsed(blank.vocab, FRONTED)
    cues, speakers = resolve_all(doc)
    assert cues[0].lemma == "warn" and cues[0].content.text == "Prices will rise"
    assert speakers[0].name == "minister"


@pytest.mark.parametrize("subject", ["report", "study"])
def test_documents_are_not_speakers(blank, subject: str) -> None:
    rows = [
        ("The", "DET", 1, "det", "the"),
        (subject, "NOUN", 1, "nsubj", subject),
        ("said", "VERB", 0, "ROOT", "say"),
        ("prices", "NOUN", 1, "nsubj", "price"),
        ("rose", "VERB", -2, "ccomp", "rise"),
        (".", "PUNCT", -3, "punct", "."),
    ]
    cues, _ = resolve_all(parsed(blank.vocab, rows))
    assert cues == []


# "The road was closed, said Marlow County sheriff's Lt. Dana Reyes.", parsed with the sheriff as
# the subject and the name hung off it as a conjunct
POSSESSIVE_THEN_NAME = [
    ("The", "DET", 1, "det", "the"),
    ("road", "NOUN", 2, "nsubj:pass", "road"),
    ("was", "AUX", 1, "aux:pass", "be"),
    ("closed", "VERB", 0, "ROOT", "close"),
    (",", "PUNCT", 1, "punct", ","),
    ("said", "VERB", -2, "parataxis", "say"),
    ("Marlow", "PROPN", 2, "compound", "Marlow"),
    ("County", "PROPN", 1, "compound", "County"),
    ("sheriff", "NOUN", -3, "nsubj", "sheriff"),
    ("'s", "PART", -1, "case", "'s"),
    ("Lt.", "PROPN", 1, "nmod:desc", "Lt."),
    ("Dana", "PROPN", -3, "conj", "Dana"),
    ("Reyes", "PROPN", -1, "flat", "Reyes"),
    (".", "PUNCT", -10, "punct", "."),
]
POSSESSIVE_ENTS = ["O"] * 6 + ["B-GPE", "I-GPE", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]


def test_the_person_named_after_a_possessive_and_a_title_speaks(blank) -> None:
    doc = parsed(blank.vocab, POSSESSIVE_THEN_NAME, POSSESSIVE_ENTS)
    cues, speakers = resolve_all(doc)
    assert [c.lemma for c in cues] == ["say"] and cues[0].subject.text == "sheriff"
    assert speakers[0] is not None and speakers[0].name == "Dana Reyes"
