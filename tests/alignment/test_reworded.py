"""Statements found across outlets however their wording, speaker spelling or form drifted,
and the report a journalist reads (hand-written cases)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotex.alignment import align
from quotex.alignment.meta import load_meta, with_meta
from quotex.alignment.models import Alignment
from quotex.errors import InputError

from .helpers import make_doc

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "docs" / "alignment.schema.json"

APOLOGY = "I deeply regret the harm our decision caused to customers across the region"


def _members(res: Alignment) -> list[set[tuple[str, str]]]:
    return [{(m.doc, m.text) for m in g.members} for g in res.groups]


def _one_group(res: Alignment) -> list[str]:
    assert len(res.groups) == 1, res.groups
    return sorted({d.type for d in res.groups[0].drift})


@pytest.mark.parametrize(
    ("speaker_a", "speaker_b"),
    [
        ("Christian Dubé", "Christian Dube"),  # accent dropped
        ("Nora Vale", "Vale Tuesday"),  # a name fused with the next word by a missing comma
        ("Nora Vale", "the ministry"),  # a description instead of the name
        ("Nora Vale", None),  # no speaker found
    ],
    ids=["diacritics", "fused name", "description", "unattributed"],
)
def test_one_statement_under_two_spellings_of_its_speaker_is_one_group(speaker_a, speaker_b):
    a = make_doc("a", f'"{APOLOGY}," she said.', [(APOLOGY, "direct", speaker_a)])
    b = make_doc("b", f'"{APOLOGY}." The board met.', [(APOLOGY, "direct", speaker_b)])
    assert len(align([a, b], facts=False, names=False).groups) == 1


@pytest.mark.parametrize(
    "variant",
    [
        "I deeply regret the harm our decision caused to clients across the region",  # customers -> clients
        "I deeply rue the damage our decision caused to customers across the region",  # regret -> rue, harm -> damage
    ],
    ids=["customers -> clients", "two words spun"],
)
def test_a_spun_copy_is_the_same_statement(variant):
    a = make_doc("a", f'"{APOLOGY}," Vale said.', [(APOLOGY, "direct", "Nora Vale")])
    b = make_doc("b", f'"{variant}," the chief executive said.', [(variant, "direct", None)])
    res = align([a, b], facts=False, names=False)
    assert len(res.groups) == 1
    assert {d.type for d in res.groups[0].drift} & {"substitution", "paraphrase"}


def test_an_idiom_and_its_synonym_are_one_statement():
    a = make_doc(
        "a",
        '"Volunteers are searching day and night," Vale said.',
        [("Volunteers are searching day and night", "direct", "Nora Vale")],
    )
    b = make_doc(
        "b",
        '"Volunteers are searching around the clock," Vale said.',
        [("Volunteers are searching around the clock", "direct", "Nora Vale")],
    )
    assert len(align([a, b], facts=False, names=False).groups) == 1


HARVEST = "the harvest this autumn was the poorest the island has seen in forty years"
HARVEST_RETOLD = "this autumn's harvest was the island's worst in four decades"


@pytest.mark.parametrize(("min_cosine", "groups"), [(0.7, 1), (1.01, 0)], ids=["default", "meaning tier off"])
def test_a_retranslation_that_rewords_most_words_is_one_statement_by_meaning(min_cosine, groups):
    # poorest/worst and forty years/four decades: two kept words, the rest found only by meaning
    a = make_doc("a", f"The minister said {HARVEST}.", claims=[(HARVEST, "Ada Lind")])
    b = make_doc("b", f"The minister said {HARVEST_RETOLD}.", claims=[(HARVEST_RETOLD, "Ada Lind")])
    res = align([a, b], facts=False, names=False, semantic_min_cosine=min_cosine)
    assert len(res.groups) == groups


@pytest.mark.parametrize(
    ("speaker_a", "speaker_b", "groups"),
    [
        ("Ada Lind", "Ada Lind", 1),
        ("Ada Lind", "Lind", 1),  # the same surname
        ("Ada Lind", "Harbourside", 1),  # a bare word as speaker is often an attribution error
        ("Ada Lind", "Piet Smit", 0),  # two people named in full
        ("Ada Lind", "Maja Lind", 0),  # two given names under one surname
    ],
)
def test_the_meaning_tier_keeps_two_people_apart(speaker_a, speaker_b, groups):
    a = make_doc("a", f"The minister said {HARVEST}.", claims=[(HARVEST, speaker_a)])
    b = make_doc("b", f"The minister said {HARVEST_RETOLD}.", claims=[(HARVEST_RETOLD, speaker_b)])
    assert len(align([a, b], facts=False, names=False).groups) == groups


def test_a_pair_joined_by_meaning_is_joined_in_either_order_of_the_articles():
    a = make_doc("a", f"The minister said {HARVEST}.", claims=[(HARVEST, "Ada Lind")])
    b = make_doc("b", f"The minister said {HARVEST_RETOLD}.", claims=[(HARVEST_RETOLD, "Ada Lind")])
    ferry = "the ferry will run twice a day"
    c = make_doc("c", f"The minister said {ferry}.", claims=[(ferry, None)])
    forward = align([a, b, c], facts=False, names=False)
    backward = align([c, b, a], facts=False, names=False)
    assert {frozenset((m.doc, m.text) for m in g.members) for g in forward.groups} == {
        frozenset((m.doc, m.text) for m in g.members) for g in backward.groups
    }
    assert len(forward.groups) == 1


def test_with_the_meaning_tier_off_the_model_is_never_loaded(monkeypatch):
    def refuse() -> None:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr("quotex.alignment.semantic._model", refuse)
    a = make_doc("a", f"The minister said {HARVEST}.", claims=[(HARVEST, "Ada Lind")])
    b = make_doc("b", f"The minister said {HARVEST_RETOLD}.", claims=[(HARVEST_RETOLD, "Ada Lind")])
    assert align([a, b], facts=False, names=False, semantic_min_cosine=1.01).groups == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # only the company's name and one word kept: "external" and "internal" are opposites
        ("Kestrel Motors has ordered an external audit", "Kestrel Motors would begin a thorough internal audit"),
        # the same two leaders, two different statements
        (
            "President Ama Osei and Prime Minister Lio Brandt spoke by phone on Sunday",
            "President Ama Osei and Prime Minister Lio Brandt agree a truce would only prolong the war",
        ),
    ],
    ids=["one word and a name", "names only"],
)
def test_statements_that_share_names_but_few_words_are_not_grouped_by_meaning(first, second):
    a = make_doc("a", f"Officials said {first}.", claims=[(first, None)])
    b = make_doc("b", f"Officials said {second}.", claims=[(second, None)])
    assert align([a, b], facts=False, names=False).groups == []


def test_an_indirect_rendering_in_other_words_joins_with_indirect_drift():
    a = make_doc("a", f'"{APOLOGY}," Vale said.', [(APOLOGY, "direct", "Nora Vale")])
    claim = "she regretted the harm the decision had caused to customers in the region"
    b = make_doc("b", f"Vale said {claim}.", claims=[(claim, "Nora Vale")])
    assert "indirect" in _one_group(align([a, b], facts=False, names=False))


def test_a_rendering_that_keeps_the_words_in_other_parts_of_speech_is_one_statement():
    # betrayal -> betrayed, violation -> violated, constitution -> constitutional: three of the
    # quote's five words are kept only as a verb or an adjective
    quote = "The blockade was a betrayal of the farmers and a violation of the constitution"
    claim = "the blockade betrayed the farmers and violated constitutional order"
    a = make_doc("a", f'"{quote}," Vale said.', [(quote, "direct", "Nora Vale")])
    b = make_doc("b", f"Vale said {claim}.", claims=[(claim, "Nora Vale")])
    assert "indirect" in _one_group(align([a, b], facts=False, names=False))


@pytest.mark.parametrize(("acronym", "groups"), [("NRA", 1), ("XYZ", 0)])
def test_an_organisation_named_in_full_and_by_its_acronym_is_one_word(acronym, groups):
    # "NRA" in the quote, "Northern Rail Authority" in the other outlet's report of it; another
    # acronym leaves too few shared words
    quote = f"The {acronym} is ready to restore the night trains"
    claim = "the Northern Rail Authority was prepared to bring back the night trains"
    a = make_doc("a", f'"{quote}," Vale said.', [(quote, "direct", "Nora Vale")])
    b = make_doc("b", f"{claim}, the agency said.", claims=[(claim, None)])
    assert len(align([a, b], facts=False, names=False).groups) == groups


def test_a_sentence_that_repeats_a_quote_without_marks_is_a_member():
    a = make_doc("a", f'"{APOLOGY}," Vale said.', [(APOLOGY, "direct", "Nora Vale")])
    b = make_doc("b", f"The chairwoman spoke on Monday. {APOLOGY}. Shares fell.")
    res = align([a, b], facts=False, names=False)
    assert [m.kind for m in res.groups[0].members] == ["direct", "sentence"]


def test_a_short_partial_quote_joins_the_full_sentence_with_partial_drift():
    full = "Within the rules we have, the council will do whatever it takes to save the harbour"
    a = make_doc("a", f'"{full}," Vale said.', [(full, "direct", "Nora Vale")])
    b = make_doc(
        "b", 'Vale vowed to do "whatever it takes" for the harbour.', [("whatever it takes", "partial", "Nora Vale")]
    )
    assert "partial" in _one_group(align([a, b], facts=False, names=False))


def test_a_lost_negation_is_a_meaning_change():
    said = "The dam will not be opened before the inspection"
    lost = "The dam will be opened before the inspection"
    a = make_doc("a", f'"{said}," Vale said.', [(said, "direct", "Nora Vale")])
    a2 = make_doc("c", f'"{said}," Vale told radio.', [(said, "direct", "Nora Vale")])
    b = make_doc("b", f'"{lost}," Vale said.', [(lost, "direct", "Nora Vale")])
    (neg,) = [d for d in align([a, a2, b], facts=False, names=False).groups[0].drift if d.type == "negation_change"]
    assert (neg.doc, neg.from_, neg.to) == ("b", "not", "")


def test_a_changed_number_is_a_meaning_change():
    a = make_doc(
        "a",
        '"We counted 40 boats in the harbour," Vale said.',
        [("We counted 40 boats in the harbour", "direct", "Nora Vale")],
    )
    b = make_doc(
        "b",
        '"We counted 14 boats in the harbour," Vale said.',
        [("We counted 14 boats in the harbour", "direct", "Nora Vale")],
    )
    assert "number_change" in _one_group(align([a, b], facts=False, names=False))


def test_attribution_drift_counts_the_outlets_behind_each_name():
    docs = [
        make_doc(f"o{i}", f'"{APOLOGY}," {name} said.', [(APOLOGY, "direct", name)])
        for i, name in enumerate(["Nora Vale", "Nora Vale", "Nora Vale", "Piet Smit"])
    ]
    (change,) = [d for d in align(docs, facts=False, names=False).groups[0].drift if d.type == "attribution_change"]
    assert change.doc == "o3"
    assert "attributed to Nora Vale by 3 outlets, to Piet Smit by 1 outlet" in change.detail


def test_the_reference_version_is_the_earliest_published_then_the_fullest():
    short = "I deeply regret the harm our decision caused"
    late = make_doc(
        "late", f'"{APOLOGY}," Vale said.', [(APOLOGY, "direct", "Nora Vale")], published=dt.date(2025, 3, 10)
    )
    early = make_doc("early", f'"{short}," Vale said.', [(short, "direct", "Nora Vale")], published=dt.date(2025, 3, 8))
    (g,) = align([late, early], facts=False, names=False).groups
    assert g.members[g.canonical].doc == "early"


def test_the_report_names_articles_by_outlet_and_date_and_lists_unshared_statements(tmp_path):
    a = make_doc(
        "a",
        f'"{APOLOGY}," Vale said. "The ferry runs on Sunday," she added.',
        [(APOLOGY, "direct", "Nora Vale"), ("The ferry runs on Sunday", "direct", "Nora Vale")],
    )
    b = make_doc("b", f'"{APOLOGY}," Vale said.', [(APOLOGY, "direct", "Nora Vale")], published=None)
    meta = tmp_path / "meta.jsonl"
    meta.write_text(
        '{"id": "a", "outlet": "Harbour Herald", "published": "2025-03-07", "url": "https://example.org/a"}\n'
        '{"id": "b", "outlet": "Coast Wire", "published": "2025-03-08"}\n',
        encoding="utf-8",
    )
    res = align(with_meta([a, b], load_meta(meta)), facts=False, names=False)
    assert [a.label for a in res.articles] == ["Harbour Herald, 2025-03-07", "Coast Wire, 2025-03-08"]
    assert [(m.doc, m.text) for m in res.unmatched] == [("a", "The ferry runs on Sunday")]
    frame = res.to_frame()
    assert list(frame["outlet"]) == ["Harbour Herald", "Coast Wire", "Harbour Herald"]
    assert list(frame["group"].isna()) == [False, False, True]


def test_a_meta_file_with_a_bad_line_is_an_input_error(tmp_path):
    meta = tmp_path / "meta.jsonl"
    meta.write_text('{"outlet": "no id"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="E105"):
        load_meta(meta)


def test_model_dump_json_writes_from_and_matches_the_documented_schema():
    jsonschema = pytest.importorskip("jsonschema")
    a = make_doc("a", f'"{APOLOGY}," Vale said.', [(APOLOGY, "direct", "Nora Vale")])
    b = make_doc("b", '"I deeply regret the harm," Vale said.', [("I deeply regret the harm", "direct", "Nora Vale")])
    data = json.loads(align([a, b]).model_dump_json())
    assert '"from"' in json.dumps(data) and '"from_"' not in json.dumps(data)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_the_documented_schema_is_the_models_schema():
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == Alignment.model_json_schema(by_alias=True)


def test_the_shipped_example_groups_reworded_statements():
    import quotex

    # extracted afresh: a stored extraction would go stale as extraction improves
    files = sorted((ROOT / "examples" / "wildfire").glob("*.txt"))
    docs = list(quotex.extract_many(quotex.ingest.from_text(p.read_text(encoding="utf-8"), id=p.stem) for p in files))
    texts = [{m.text.rstrip(",.") for m in g.members} for g in align(docs, facts=False, names=False).groups]
    assert any({"Our crews are working day and night", "Our crews are working around the clock"} <= t for t in texts)
    assert any(
        {"the schools will remain closed until Friday", "schools would stay closed until Friday"} <= t for t in texts
    )


SENTENCES = [
    APOLOGY,
    "I deeply regret the harm our decision caused to clients across the region",
    "The ferry will run again on Sunday after the storm",
    "The ferry is to run again on Sunday",
    "We counted forty boats in the harbour this morning",
]


@st.composite
def _outlets(draw: st.DrawFn) -> list:
    n = draw(st.integers(2, 4))
    docs = []
    for i in range(n):
        chosen = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3, unique=True))
        text = " ".join(f'"{s}," Vale said.' for s in chosen)
        docs.append(
            make_doc(f"d{i}", text, [(s, "direct", draw(st.sampled_from(["Nora Vale", None]))) for s in chosen])
        )
    return docs


@settings(max_examples=30, deadline=None)
@given(_outlets(), st.randoms())
def test_grouping_does_not_depend_on_the_order_of_the_articles(docs, rnd):
    shuffled = list(docs)
    rnd.shuffle(shuffled)

    def groups(ds: list) -> set[frozenset[tuple[str, int, int]]]:
        res = align(ds, facts=False, names=False)
        return {frozenset((m.doc, m.start, m.end) for m in g.members) for g in res.groups}

    assert groups(docs) == groups(shuffled)


@settings(max_examples=30, deadline=None)
@given(_outlets())
def test_a_statement_is_never_in_two_groups(docs):
    res = align(docs, facts=False, names=False)
    seen = [(m.doc, m.start, m.end) for g in res.groups for m in g.members]
    assert len(seen) == len(set(seen))
    unmatched = {(m.doc, m.start, m.end) for m in res.unmatched}
    assert not unmatched & set(seen)


@pytest.mark.parametrize(
    ("speaker_b", "grouped"),
    [("Nora Vale", True), ("Instagram", True), ("Piet Smit", False)],
    ids=["same speaker", "a bare word as speaker (attribution error)", "another full name"],
)
def test_a_rewording_under_another_full_name_is_another_statement(speaker_b, grouped):
    said = "The harbour council will repair the old pier before the autumn storms"
    reworded = "The harbour council will fix the old pier before the winter storms arrive"
    a = make_doc("a", f'"{said}," Vale said.', [(said, "direct", "Nora Vale")])
    b = make_doc("b", f'"{reworded}," it said.', [(reworded, "direct", speaker_b)])
    assert bool(align([a, b], facts=False, names=False).groups) is grouped


def test_a_claim_with_a_partial_quote_joins_the_statement_it_reports():
    # the claim's partial quote is pinned on the wrong speaker (a bare word), so it cannot join the
    # speaker's own partial quote; the claim carries it into the statement's group all the same
    statement = "My conduct at the gala was careless and unworthy of the trust you placed in me"
    a = make_doc("a", f'"{statement}," Ortiz wrote.', [(statement, "direct", "Lena Ortiz")])
    b = make_doc(
        "b",
        'Ortiz called her conduct at the gala "careless and unworthy" in a post.',
        [("careless and unworthy", "partial", "Lena Ortiz")],
    )
    report = 'her conduct at the gala was "careless and unworthy"'
    c = make_doc(
        "c", f"Gala organisers said {report}.", [("careless and unworthy", "partial", "Gala")], [(report, "Gala")]
    )
    res = align([a, b, c], facts=False, names=False)
    assert any({m.doc for m in g.members} == {"a", "b", "c"} for g in res.groups), _members(res)


def test_a_headline_and_its_lede_quoting_one_phrase_join_the_statement():
    statement = "We will do whatever is needed to keep the trains running this winter"
    a = make_doc("a", f'"{statement}," the rail chief, Piet Smit, said.', [(statement, "direct", "Piet Smit")])
    b = make_doc(
        "b",
        "Smit vows to do 'whatever is needed' to keep trains running this winter\n\n"
        'Piet Smit promised on Monday to do "whatever is needed" to keep the trains running.',
    )
    res = align([a, b], facts=False, names=False)
    group = next(g for g in res.groups if any(m.doc == "a" for m in g.members))
    assert sum(m.doc == "b" for m in group.members) == 2, _members(res)


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Smit vows to do 'whatever is needed' for trains", {("whatever", "is", "needed")}),
        ("He's 'deeply sorry' about it", {("deeply", "sorry")}),  # an apostrophe is no quotation mark
        ("the Smiths' new home", set()),
        ("a “one-word” quote", set()),  # one word is no phrase
    ],
    ids=["single marks", "apostrophe before", "plural possessive", "one word"],
)
def test_quoted_phrases(text, phrases):
    from quotex.alignment.items import quoted_phrases

    assert quoted_phrases(text) == phrases


def test_a_clause_of_a_long_quoted_sentence_quoted_alone_elsewhere_is_a_member():
    whole = (
        "Last spring the crews dug through forty metres of rock under the old harbour, "
        "and we will open the tunnel to traffic in May."
    )
    a = make_doc("a", f'"{whole}" Nora Vale said.', [(whole, "direct", "Nora Vale")])
    b = make_doc(
        "b",
        '"We will open the tunnel to traffic in May," Vale said on Friday.',
        [("We will open the tunnel to traffic in May,", "direct", "Nora Vale")],
    )
    res = align([a, b], facts=False, names=False)
    texts = {m.text for g in res.groups for m in g.members if m.doc == "a"}
    assert "we will open the tunnel to traffic in May." in texts, _members(res)


@pytest.mark.parametrize(
    ("sentence", "report"),
    [
        ("Vale said there would be no new tolls this year", "there would be no new tolls this year"),
        ("Critics concede that the new bridge is safer", "the new bridge is safer"),
        ("we can report to you today that the tunnel is finished", "the tunnel is finished"),
        (
            "The reports on the tunnel were finished in May last year",
            "The reports on the tunnel were finished in May last year",
        ),
    ],
    ids=["said", "verb before that", "that three words on", "a noun, no report"],
)
def test_a_report_starts_after_its_speech_verb(sentence, report):
    from quotex.alignment.items import report_start

    assert sentence[report_start(sentence) :] == report
