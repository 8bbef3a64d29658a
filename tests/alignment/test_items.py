"""Items: the parts of a claim that alignment compares."""

from __future__ import annotations

import pytest

from quotex.alignment.items import clause_spans, content_lemmas, relay_rest, sentence_spans
from quotex.alignment.normalize import tokenize


@pytest.mark.parametrize(
    ("text", "inner", "rest"),
    [
        # an opening participle clause before the relayed speaker's own claim
        (
            "the ferry would resume on Monday, Holm announced that the port would hire more staff",
            "the port would hire more staff",
            ["the ferry would resume on Monday"],
        ),
        # every closing cue clause goes: "the mayor said, adding that"
        (
            "the bridge will reopen in May, the mayor said, adding that tolls would be waived for a year",
            "tolls would be waived for a year",
            ["the bridge will reopen in May"],
        ),
        # a statement after the inner claim loses its opening cue and conjunction
        (
            "tolls would be waived, the mayor said, and the bridge will reopen in May after repairs",
            "tolls would be waived",
            ["the bridge will reopen in May after repairs"],
        ),
        # nothing but the cue is left: no item
        ("Holm announced that the port would hire more staff", "the port would hire more staff", []),
    ],
)
def test_a_relayed_claim_keeps_the_statements_outside_its_inner_claim(text, inner, rest):
    s = text.index(inner)
    assert [text[a:b] for a, b in relay_rest(text, [(s, s + len(inner))])] == rest


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        # a participle clause after a comma is a statement of its own
        (
            "The port will reopen on Monday after the repairs, adding two ferries to the winter timetable",
            ["The port will reopen on Monday after the repairs", "adding two ferries to the winter timetable"],
        ),
        # "-ing" words that are no participles do not cut the sentence
        (
            "Still, for the growers of the valley, everything depends on the rain this spring",
            ["Still, for the growers of the valley, everything depends on the rain this spring"],
        ),
        (
            "The bridge stayed closed to lorries, during the whole of the long winter",
            ["The bridge stayed closed to lorries, during the whole of the long winter"],
        ),
        (
            "The mayor said the repairs were finished, nothing else had been promised to the drivers",
            ["The mayor said the repairs were finished, nothing else had been promised to the drivers"],
        ),
        # a participle that merely contains "thing" still cuts
        (
            "The new owners reopened the old baths on the seafront, breathing new life into the town",
            ["The new owners reopened the old baths on the seafront", "breathing new life into the town"],
        ),
    ],
)
def test_clauses_of_a_sentence(sentence, clauses):
    assert [sentence[s:e] for s, e in clause_spans(sentence)] == clauses


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        # an organisation's name is one lemma, its acronym, as other outlets write it
        ("The Northern Rail Authority will act", {"nra", "act"}),
        ("the Northern Rail Authority's plan", {"nra", "plan"}),
        ("Northern Rail Authority chairman Tom Vale said", {"nra", "chairman", "tom", "vale"}),  # a title after it
        ("On Monday, Rail Safety Board inspectors came", {"monday", "rsb", "inspector", "come"}),  # not across a comma
        # no acronym: a person's name and title, an acronym that would be a stopword ("who")
        ("Chief Inspector Tom Vale said", {"chief", "inspector", "tom", "vale"}),
        ("Wider Help Organization staff", {"wide", "help", "organization", "staff"}),
    ],
)
def test_an_organisations_name_is_one_lemma(text, lemmas):
    assert content_lemmas(tokenize(text)) == lemmas


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("He agreed. She did not.", ["He agreed.", "She did not."]),
        ("The board met. Mr. Osei spoke first.", ["The board met.", "Mr. Osei spoke first."]),  # a title
        ("Sen. Lind and Dr. Vale voted.", ["Sen. Lind and Dr. Vale voted."]),
        ("The U.S. Senate voted. J. K. Vale wrote.", ["The U.S. Senate voted.", "J. K. Vale wrote."]),  # initials
        ("It rained.\n\nThe pier closed", ["It rained.", "The pier closed"]),  # a paragraph
    ],
)
def test_the_model_free_sentence_split_does_not_end_at_a_title_or_an_initial(text, sentences):
    assert [text[s:e] for s, e in sentence_spans(text)] == sentences
