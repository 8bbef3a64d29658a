"""Reported-speech claim spans on real-news phenomena (embedded model)."""

from __future__ import annotations

import pytest

import quotex
from quotex.extract.cues import find_cues
from quotex.registry import speech_cues
from tests.conftest import parsed

LEX = speech_cues()


def claim_texts(text: str) -> list[str]:
    return [c.text for c in quotex.extract(text).claims]


@pytest.mark.needs_model
@pytest.mark.parametrize(
    ("phenomenon", "text", "claim"),
    [
        (
            "a relative 'that' inside the reported clause",
            "The inspector said the town had never seen a flood that reached the church steps.",
            "the town had never seen a flood that reached the church steps",
        ),
        (
            "the clause's subject parsed as the verb's object",
            "The organisers said all concerts planned for the first week of June would be cancelled.",
            "all concerts planned for the first week of June would be cancelled",
        ),
        (
            "'remind' reports a clause",
            "Finance Minister Laura Bennett reminded lenders that the rules had not changed.",
            "the rules had not changed",
        ),
        (
            "'recommend' reports a clause",
            "Finance Minister Laura Bennett recommended that every council publish its budget.",
            "every council publish its budget",
        ),
        (
            "'demand' reports a clause",
            "Opposition leader Ravi Menon demanded the minister should resign over the leak.",
            "the minister should resign over the leak",
        ),
        (
            "a report ends where 'and' joins a speech verb with its recipient",
            "Mayor Clara Diaz said the bridge was safe and reminded the council that repairs were funded.",
            "the bridge was safe",
        ),
        (
            "an inverted cue whose speaker has a possessive",
            "Two hikers were rescued from the ridge on Sunday, said the county sheriff's Lt. Ana Ruiz.",
            "Two hikers were rescued from the ridge on Sunday",
        ),
        (
            "a gerund clause ('denied speeding ...')",
            "The driver, Marco Lentz, denied speeding through the red light near the school.",
            "speeding through the red light near the school",
        ),
        (
            "a trailing participle is the narrator's aside",
            "Harbour master Ines Duarte told shippers that the canal would reopen on Monday, "
            "triggering a rush of bookings.",
            "the canal would reopen on Monday",
        ),
        (
            "a trailing 'although' is the narrator's aside",
            "Harbour master Ines Duarte told reporters that no ship had been damaged, "
            "although she had earlier spoken of two collisions.",
            "no ship had been damaged",
        ),
        (
            "the narrator's words lead into a quote before the cue",
            'The driver was trapped for an hour and "was calling for help the whole time," '
            "Fire Chief Larry Wendt said on Monday.",
            'The driver was trapped for an hour and "was calling for help the whole time,"',
        ),
        (
            "a cue after a quote closes the report it follows",
            "A ranger was told by the park office that the trail was a "
            "“closed area,” Chief Ranger Ana Ruiz said, so visitors were turned back.",
            "the trail was a “closed area",
        ),
        (
            "a report ends where 'and' joins a speech verb introducing a quote",
            'Judge Ana Ruiz noted there was "clear evidence" of fraud and wrote, "The record speaks for itself."',
            'there was "clear evidence" of fraud',
        ),
        (
            "a participle aside between the cue and its 'that'",
            "The broadcaster reported on Friday, citing two senior officials, that the summit would be delayed.",
            "the summit would be delayed",
        ),
        (
            "'according to' right after a relative pronoun",
            "The village is held by rebels who, according to a local aid worker, attacked the market on Friday.",
            "attacked the market on Friday",
        ),
        (
            "a fronted clause before 'quoted X as saying'",
            "The two divers were found alive in a cave near the coast, the local radio station quoted "
            "police sources as saying.",
            "The two divers were found alive in a cave near the coast",
        ),
        (
            "a prepositional phrase between the cue and its clause",
            "The transport ministry said in a statement it would reopen the bridge by Friday.",
            "it would reopen the bridge by Friday",
        ),
        (
            "a free relative as the clause's subject",
            "The coach insists all he wanted after the match was to thank the fans.",
            "all he wanted after the match was to thank the fans",
        ),
    ],
)
def test_the_whole_reported_clause(phenomenon: str, text: str, claim: str) -> None:
    assert claim in claim_texts(text), phenomenon


# "Officials said all flights would be cancelled.", parsed with "all flights" as the verb's object
SUBJECT_AS_OBJECT = [
    ("Officials", "NOUN", 1, "nsubj", "official"),
    ("said", "VERB", 0, "ROOT", "say"),
    ("all", "DET", 1, "det", "all"),
    ("flights", "NOUN", -2, "obj", "flight"),
    ("would", "AUX", 3, "aux", "would"),
    ("be", "AUX", 2, "aux:pass", "be"),
    ("cancelled", "VERB", -5, "ccomp", "cancel"),
    (".", "PUNCT", -6, "punct", "."),
]


def test_a_clause_subject_parsed_as_the_object_stays_in_the_clause(blank) -> None:
    (cue,) = find_cues(parsed(blank.vocab, SUBJECT_AS_OBJECT), [], LEX)
    assert cue.content is not None and cue.content.text == "all flights would be cancelled"


@pytest.mark.needs_model
@pytest.mark.parametrize(
    ("phenomenon", "text"),
    [
        ("reported words all inside marks", "The host told the senator ‘you are dodging every question I ask’."),
        ("marks opening after 'if'", "She kept telling him “if you keep shouting, I will simply hang up”."),
    ],
)
def test_a_clause_all_in_quotation_marks_is_a_quote_not_a_claim(phenomenon: str, text: str) -> None:
    assert claim_texts(text) == [], phenomenon


@pytest.mark.needs_model
def test_a_clause_with_some_words_of_its_own_stays_a_claim() -> None:
    text = "The presenter said it was “hard to see how the ministry can defend this position”."
    assert claim_texts(text) == ["it was “hard to see how the ministry can defend this position”"]


@pytest.mark.needs_model
@pytest.mark.parametrize(
    ("phenomenon", "text", "claims"),
    [
        (
            "'according to' over a report: each layer is a claim",
            "Rescue crews said the bridge had been closed since dawn, according to the regional broadcaster.",
            {
                "the bridge had been closed since dawn": "Rescue crews",
                "Rescue crews said the bridge had been closed since dawn": "regional broadcaster",
            },
        ),
        (
            "an outlet's report over a report: each layer is a claim",
            "Striker Tomas Vidal told teammates he would stay at the club, the newspaper reported.",
            {
                "he would stay at the club": "Tomas Vidal",
                "Striker Tomas Vidal told teammates he would stay at the club": "newspaper",
            },
        ),
    ],
)
def test_layered_attribution(phenomenon: str, text: str, claims: dict[str, str]) -> None:
    found = {c.text: c.speaker.name if c.speaker else None for c in quotex.extract(text).claims}
    for claim, speaker in claims.items():
        assert claim in found and speaker in (found[claim] or ""), (phenomenon, found)


@pytest.mark.needs_model
@pytest.mark.parametrize(
    ("phenomenon", "text", "claim", "source"),
    [
        (
            "a headline ending in a name",
            "New tunnel will open before winter: Lina Marsh\n\nThe story follows.",
            "New tunnel will open before winter",
            "Lina Marsh",
        ),
        (
            "a headline ending in a role",
            "Two climbers rescued after night on glacier: Police\n\nThe story follows.",
            "Two climbers rescued after night on glacier",
            "Police",
        ),
        (
            "a headline ending in an organisation with lowercase words",
            "Ceasefire talks not yet scheduled: Danish foreign ministry\n\nThe story follows.",
            "Ceasefire talks not yet scheduled",
            "ministry",
        ),
    ],
)
def test_headline_colon_attribution(phenomenon: str, text: str, claim: str, source: str) -> None:
    found = {c.text: c.speaker.name if c.speaker else "" for c in quotex.extract(text).claims}
    assert claim in found and source in found[claim], (phenomenon, found)


@pytest.mark.needs_model
@pytest.mark.parametrize(
    "text",
    [
        "Floods in the north are spreading: What We Know\n\nThe story follows.",
        "Markets fell sharply on Monday: here is why.\n\nThe story follows.",
    ],
)
def test_a_headline_topic_after_a_colon_is_no_source(text: str) -> None:
    assert claim_texts(text) == []


@pytest.mark.needs_model
@pytest.mark.parametrize(
    ("phenomenon", "text", "claim", "source"),
    [
        (
            "a possessive source",
            "The judge dismissed the union's argument that the strike ballot had been lawful.",
            "the strike ballot had been lawful",
            "union",
        ),
        (
            "a 'by' source",
            "The court rejected claims by the builder's lawyers that the permit had expired.",
            "the permit had expired",
            "lawyers",
        ),
        (
            "the report noun is nearer the clause than the verb that mentions it",
            "Mayor Clara Diaz highlighted Councillor Tom Reyes's suggestion that the bridge should be sold.",
            "the bridge should be sold",
            "Tom Reyes",
        ),
    ],
)
def test_nominal_reports(phenomenon: str, text: str, claim: str, source: str) -> None:
    found = {c.text: c.speaker.name if c.speaker else "" for c in quotex.extract(text).claims}
    assert claim in found and source in found[claim], (phenomenon, found)


@pytest.mark.needs_model
@pytest.mark.parametrize(
    "text",
    [
        "Finance Minister Laura Bennett denied a newspaper report that she would resign.",
        "Finance Minister Laura Bennett would not confirm the rumour that taxes would rise.",
    ],
)
def test_a_clause_of_the_object_noun_is_not_the_speakers(text: str) -> None:
    assert claim_texts(text) == []


@pytest.mark.needs_model
@pytest.mark.parametrize(
    ("phenomenon", "text", "claim", "source"),
    [
        (
            "'made it clear that'",
            "The Harbour Authority has made it clear that it would fine every ship that dumps waste "
            "adding that patrols were still too few.",
            "it would fine every ship that dumps waste",
            "Harbour Authority",
        ),
        (
            "'expressing concerns that' after the sentence's verb",
            "A senior city official rejected the plan as “rushed,” expressing concerns that "
            "such hasty votes could erode trust in the council.",
            "such hasty votes could erode trust in the council",
            "official",
        ),
    ],
)
def test_phrasal_reports(phenomenon: str, text: str, claim: str, source: str) -> None:
    found = {c.text: c.speaker.name if c.speaker else "" for c in quotex.extract(text).claims}
    assert claim in found and source in found[claim], (phenomenon, found)


@pytest.mark.needs_model
def test_a_cue_in_a_relative_clause_reports_nothing_before_it() -> None:
    text = "The board met as the firm's lawyers prepared an appeal against the fine, which Mayor Clara Diaz denied."
    assert claim_texts(text) == []


@pytest.mark.needs_model
def test_a_report_noun_without_a_source_reports_nothing() -> None:
    assert claim_texts("The claim that the bridge was unsafe spread quickly online.") == []


@pytest.mark.needs_model
def test_a_report_noun_reports_a_clause_without_that_after_its_source() -> None:
    # "amid Green claims she had ...": the that is left out before the clause's pronoun subject
    text = 'She called the plan "a slow disaster" in parliament, amid Green claims she had "no mandate at all".'
    doc = quotex.extract(text)
    claims = {c.text: c.speaker.name if c.speaker else "" for c in doc.claims}
    assert claims == {'she had "no mandate at all"': "Green"}
    # a quote outside the report noun's clause is the sentence's own speaker's
    speakers = {q.text: (q.speaker.sieve or "") if q.speaker else "" for q in doc.quotes}
    assert speakers["a slow disaster"].startswith("cue_subject/")
    assert speakers["no mandate at all"].startswith("report_noun/")


# "Officials demanded the board should resign.", parsed with the clause's subject as the object
# and its verb as an adverbial clause
SUBJECT_BEFORE_MODAL = [
    ("Officials", "NOUN", 1, "nsubj", "official"),
    ("demanded", "VERB", 0, "ROOT", "demand"),
    ("the", "DET", 1, "det", "the"),
    ("board", "NOUN", -2, "obj", "board"),
    ("should", "AUX", 1, "aux", "should"),
    ("resign", "VERB", -4, "advcl", "resign"),
    (".", "PUNCT", -5, "punct", "."),
]


def test_a_noun_phrase_before_a_modal_starts_the_clause(blank) -> None:
    doc = parsed(blank.vocab, SUBJECT_BEFORE_MODAL)
    doc[4].tag_ = "MD"
    (cue,) = find_cues(doc, [], LEX)
    assert cue.content is not None and cue.content.text == "the board should resign"


# "The ministry said in a statement it would act.", with the clause hung loosely off the verb
PHRASE_BEFORE_CLAUSE = [
    ("The", "DET", 1, "det", "the"),
    ("ministry", "NOUN", 1, "nsubj", "ministry"),
    ("said", "VERB", 0, "ROOT", "say"),
    ("in", "ADP", 2, "case", "in"),
    ("a", "DET", 1, "det", "a"),
    ("statement", "NOUN", -3, "obl", "statement"),
    ("it", "PRON", 2, "nsubj", "it"),
    ("would", "AUX", 1, "aux", "would"),
    ("act", "VERB", -6, "parataxis", "act"),
    (".", "PUNCT", -7, "punct", "."),
]


def test_a_prepositional_phrase_before_the_clause_is_skipped(blank) -> None:
    (cue,) = find_cues(parsed(blank.vocab, PHRASE_BEFORE_CLAUSE), [], LEX)
    assert cue.content is not None and cue.content.text == "it would act"


@pytest.mark.needs_model
def test_a_participle_used_as_an_adjective_is_no_cue() -> None:
    text = "Mayor Clara Diaz said she has sent her written answers, and they will be published on Monday."
    assert claim_texts(text) == ["she has sent her written answers, and they will be published on Monday"]
