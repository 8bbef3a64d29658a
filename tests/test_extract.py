"""``quotex.extract`` end to end on the embedded model: news phenomena, offsets, bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotex
from quotex.errors import InputError

pytestmark = pytest.mark.needs_model


def one_quote(text: str, quote: str) -> quotex.Quote:
    doc = quotex.extract(text)
    found = [q for q in doc.quotes if q.text.strip(" ,.") == quote.strip(" ,.")]
    assert found, f"{quote!r} not among {[q.text for q in doc.quotes]}"
    return found[0]


INTRO = "Finance Minister Laura Bennett presented the budget on Monday. "


@pytest.mark.parametrize(
    ("phenomenon", "text", "quote", "speaker", "kind"),
    [
        (
            "trailing cue",
            '"We will balance the books by 2027," Bennett said.',
            "We will balance the books by 2027,",
            "Bennett",
            "direct",
        ),
        (
            "inverted cue",
            '"We will balance the books by 2027," said Laura Bennett.',
            "We will balance the books by 2027,",
            "Laura Bennett",
            "direct",
        ),
        (
            "fronted cue with colon",
            'Bennett told parliament: "There will be no new taxes this year."',
            "There will be no new taxes this year.",
            "Bennett",
            "direct",
        ),
        (
            "pronoun resolves to the previous speaker",
            INTRO + '"The deficit will fall," she said.',
            "The deficit will fall,",
            "Laura Bennett",
            "direct",
        ),
        (
            "role noun resolves to the person introduced with it",
            INTRO + '"Nobody will lose a pension," the minister said.',
            "Nobody will lose a pension,",
            "Laura Bennett",
            "direct",
        ),
        (
            "partial quote inside a claim",
            INTRO + 'Bennett said the plan was a "fair deal" for families.',
            "fair deal",
            "Laura Bennett",
            "partial",
        ),
        (
            "according to",
            INTRO + 'According to Bennett, the talks were "constructive" and short.',
            "constructive",
            "Laura Bennett",
            "partial",
        ),
        (
            "quoted X as saying",
            INTRO + '"The economy is turning a corner," the agency quoted Bennett as saying.',
            "The economy is turning a corner,",
            "Laura Bennett",
            "direct",
        ),
        (
            "organisation as speaker",
            '"The bank stands ready to act," the Central Bank said in a statement.',
            "The bank stands ready to act,",
            "Central Bank",
            "direct",
        ),
        (
            "appositive",
            '"Prices will fall," Tom Reyes, an economist at the institute, said.',
            "Prices will fall,",
            "Tom Reyes",
            "direct",
        ),
    ],
)
def test_quote_attribution(phenomenon: str, text: str, quote: str, speaker: str, kind: str) -> None:
    q = one_quote(text, quote)
    assert q.speaker is not None, phenomenon
    assert speaker.split()[-1] in q.speaker.name, (phenomenon, q.speaker)
    assert q.kind == kind, phenomenon


def test_paragraph_without_cue_continues_the_speaker() -> None:
    text = (
        "Harbour master Ines Duarte said the port would reopen on Friday.\n\n"
        '"The channel is clear and the cranes are working," Duarte said.\n\n'
        '"We expect the first ships before noon."'
    )
    q = one_quote(text, "We expect the first ships before noon.")
    assert q.speaker is not None and q.speaker.name == "Ines Duarte"


def test_multi_paragraph_quote_is_one_speaker() -> None:
    text = (
        "Mayor Sofia Lind spoke after the vote.\n\n"
        '"This city has waited ten years for a new bridge. We will not wait any longer.\n\n'
        '"Construction starts in spring," Lind said.'
    )
    doc = quotex.extract(text)
    first, second = doc.quotes[0], doc.quotes[1]
    assert second.continues == first.id
    assert first.speaker is not None and first.speaker.name == "Sofia Lind"
    assert second.speaker is not None and second.speaker.name == "Sofia Lind"


@pytest.mark.parametrize(
    ("phenomenon", "text", "claim", "speaker"),
    [
        (
            "said that",
            INTRO + "Bennett said that the deficit would fall to 2% next year.",
            "the deficit would fall to 2% next year",
            "Bennett",
        ),
        (
            "said without that",
            INTRO + "Bennett said growth would slow in the winter.",
            "growth would slow in the winter",
            "Bennett",
        ),
        (
            "according to",
            "According to the ministry, exports rose by a fifth in March.",
            "exports rose by a fifth in March",
            "ministry",
        ),
        (
            "fronted content",
            "Exports will recover by the summer, the minister warned.",
            "Exports will recover by the summer",
            "minister",
        ),
    ],
)
def test_claims(phenomenon: str, text: str, claim: str, speaker: str) -> None:
    doc = quotex.extract(text)
    found = [c for c in doc.claims if c.text.strip(" .") == claim]
    assert found, (phenomenon, [c.text for c in doc.claims])
    assert found[0].speaker is not None and speaker in found[0].speaker.name


def test_relayed_report_leaves_the_words_to_their_owner() -> None:
    doc = quotex.extract('The ministry said on Monday that prices would "stay high for months," Reuters reported.')
    (quote,) = doc.quotes
    assert quote.speaker is not None and quote.speaker.name == "ministry"
    assert [c.speaker.name for c in doc.claims if c.speaker] == ["ministry"]


def test_scare_quotes_and_titles_are_not_attributed() -> None:
    doc = quotex.extract('The so-called "smart grid" is described in the report "Power for All".')
    assert {q.kind for q in doc.quotes} <= {"scare", "title"}


def test_offsets_refer_to_the_original_text() -> None:
    text = "  LISBON -\r\nThe aide said the talks were\n“friendly” and\tlong.\n\n\n“We are done,” he said. "
    doc = quotex.extract(text)
    for item in [*doc.quotes, *doc.claims, *doc.entities]:
        assert text[item.start : item.end] == item.text
    for q in doc.quotes:
        if q.speaker is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text


def test_entity_names_agree_with_speaker_names() -> None:
    text = (
        "Transport Minister Rui Costa met the unions on Friday. "
        '"Costa has no plan," said union leader Ana Lopes. '
        '"We will talk again next week," Costa said.'
    )
    doc = quotex.extract(text)
    speakers = {q.speaker.text: q.speaker.name for q in doc.quotes if q.speaker is not None}
    entities = {e.text: e.name for e in doc.entities if e.label == "PERSON"}
    assert speakers["Costa"] == "Rui Costa"
    for mention, name in speakers.items():
        assert entities.get(mention, name) == name


@pytest.mark.parametrize(
    "text", ["", "   \n\n ", "\x00\x01\x02 binary \ufffd junk", '"', "“ ” “", "'''''", "«««»", "¿v"]
)
def test_odd_input_gives_an_empty_or_graceful_result(text: str) -> None:
    doc = quotex.extract(text)
    assert doc.text == text
    for q in doc.quotes:
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        '"No comment," said Dr.',  # a title with no name after it
        "Dr. added that the talks had failed.",
        '"We will win," @ said.',  # a symbol where the speaker stands
        "It was a long day 」said the aide.",
    ],
)
def test_a_speaker_of_a_title_or_symbol_alone_is_no_crash(text: str) -> None:
    doc = quotex.extract(text)
    for item in [*doc.quotes, *doc.claims]:
        assert text[item.start : item.end] == item.text
        if item.speaker is not None:
            assert any(c.isalnum() for c in item.speaker.name)


def test_bytes_are_refused_with_a_clear_error() -> None:
    with pytest.raises(InputError, match="E001"):
        quotex.extract(b"bytes")  # type: ignore[arg-type]


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Xy.,\n“”\"'«»:")), max_size=400))
def test_offsets_hold_and_output_is_deterministic(text: str) -> None:
    first = quotex.extract(text)
    assert first == quotex.extract(text)
    for item in [*first.quotes, *first.claims]:
        assert text[item.start : item.end] == item.text


@settings(max_examples=10, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    doc = quotex.extract(text)
    assert all(text[q.start : q.end] == q.text for q in doc.quotes)


def test_five_megabyte_article_is_refused_with_a_clear_error() -> None:
    text = 'The council met again. "We need more time," the chair said.\n\n' * 80_000
    with pytest.raises(InputError, match="E010"):
        quotex.extract(text)


def test_long_article_is_parsed_in_chunks_with_offsets_intact() -> None:
    paragraph = 'The council met again. "We need more time," the chair said.\n\n'
    text = paragraph * 700  # about 45,000 characters: three chunks
    doc = quotex.extract(text)
    assert len(doc.quotes) == 700 and len({q.id for q in doc.quotes}) == 700
    assert all(text[q.start : q.end] == q.text == "We need more time," for q in doc.quotes)


# (phenomenon, text, quote, speaker, kind): news styles beyond the basic cues
MORE_QUOTES = [
    (
        "a surname met before, even where the tagger reads it as a common noun",
        "German economy minister Hanna Voigt presented the budget. "
        '"We have closed the deficit without new taxes," Voigt told reporters.',
        "We have closed the deficit without new taxes,",
        "Hanna Voigt",
        "direct",
    ),
    (
        "a titled person the recogniser may read as an organisation",
        'Transport Minister Rui Costa met the unions on Friday. "We will talk again next week," Costa said.',
        "We will talk again next week,",
        "Rui Costa",
        "direct",
    ),
    (
        "name in an appositive after the role",
        "The regulator's chief, Helen Moss, said: 'The rules are clear.'",
        "The rules are clear.",
        "Helen Moss",
        "direct",
    ),
    (
        "British single quotes",
        "'We will appeal,' said Omar Patel, the club's lawyer.",
        "We will appeal,",
        "Omar Patel",
        "direct",
    ),
    (
        "headline with inverted cue",
        "Harbour 'too shallow for new ferries', says regulator\n\nThe story follows.",
        "too shallow for new ferries",
        "regulator",
        "partial",
    ),
    (
        "pronoun after a non-speech sentence",
        'Mayor Clara Diaz rejected the plan. "It will not happen," she said.',
        "It will not happen,",
        "Clara Diaz",
        "direct",
    ),
    (
        "role noun with a name after it",
        'Press secretary Ana Silva called the deal "a good start" and said talks would go on.',
        "a good start",
        "Ana Silva",
        "partial",
    ),
    (
        "passive quoted by an outlet as saying",
        INTRO + 'Bennett was quoted by the Herald as saying the plan was "fair to everyone".',
        "fair to everyone",
        "Laura Bennett",
        "partial",
    ),
    (
        "the name apposed to a role with its own prepositional phrase",
        "A spokeswoman for the port authority, Ingrid Halvorsen, said the berths would reopen "
        'on Monday. Shipping firms had asked for "a firm date" weeks ago.\n\n'
        '"We are doing everything we can," the spokeswoman added.',
        "We are doing everything we can,",
        "Ingrid Halvorsen",
        "direct",
    ),
    (
        "a pronoun after a new person introduced as a passive subject",
        'Governor Tom Reyes signed the bill. "It is a good day," Reyes said.\n\n'
        'Councilman Peter Okafor was not impressed. "This bill helps nobody," he said.',
        "This bill helps nobody,",
        "Peter Okafor",
        "direct",
    ),
    (
        "someone's counterpart named by the role they share",
        'Trade Minister Lena Berg met reporters in Oslo. "We want a deal," Berg said.\n\n'
        "Her Danish counterpart, Jonas Holm, was more careful. "
        'The minister said an agreement "may take months".',
        "may take months",
        "Jonas Holm",
        "partial",
    ),
    (
        "a surname the tagger reads as a verb after the given name",
        "Fire Chief Larry Wendt told the newspaper that crews would stay overnight. "
        '"Nobody goes home tonight," Wendt said.',
        "Nobody goes home tonight,",
        "Larry Wendt",
        "direct",
    ),
    (
        "words characterised by a verb of judgement ('dismissed ... as')",
        'Interior Minister Karin Dahl spoke in Parliament. "We are ready," Dahl said.\n\n'
        'Dahl dismissed the leaked memo as "a clumsy fake".',
        "a clumsy fake",
        "Karin Dahl",
        "partial",
    ),
    (
        "a nationality noun refers back to the person just named ('the Norwegian')",
        "Coach Lars Eriksen was furious after the defeat. "
        'The Norwegian said his team had been "robbed in broad daylight".',
        "robbed in broad daylight",
        "Lars Eriksen",
        "partial",
    ),
    (
        "an age noun refers back to the person just named ('the 34-year-old')",
        'Striker Tomas Vidal scored twice on Saturday. "I feel young again," the 34-year-old said.',
        "I feel young again,",
        "Tomas Vidal",
        "direct",
    ),
    (
        "a hyphenated given name after the surname ('Rhee Chang-yong'), its surname alone later",
        'Central Bank Governor Rhee Chang-yong cut rates on Thursday. "Growth has slowed," Rhee said.',
        "Growth has slowed,",
        "Rhee Chang-yong",
        "direct",
    ),
    (
        "a participle after a place at the end of a clause ('in Germany, calling')",
        "The chief executive of Orbis Motors, Hanna Berger, on Monday rejected calls to close plants in Austria, "
        'calling the situation "serious".',
        "serious",
        "Hanna Berger",
        "partial",
    ),
    (
        "a person's name the recogniser tags as a firm, told by a known given name",
        'Carlos Ruiz says he is ready to play. "I feel strong," the Spaniard told reporters.',
        "I feel strong,",
        "Carlos Ruiz",
        "direct",
    ),
    (
        "a noun in -ing before 'that' is not a speech verb ('a briefing that')",
        'Deputy Mayor Rosa Lind told a morning briefing that the repairs would "take all summer".',
        "take all summer",
        "Rosa Lind",
        "partial",
    ),
]


@pytest.mark.parametrize(("phenomenon", "text", "quote", "speaker", "kind"), MORE_QUOTES)
def test_more_quote_attribution(phenomenon: str, text: str, quote: str, speaker: str, kind: str) -> None:
    test_quote_attribution(phenomenon, text, quote, speaker, kind)


MORE_CLAIMS = [
    (
        "a long title before the name ('City transport policy aide X said that')",
        "City transport policy aide Marta Ribeiro said that the talks had lasted two hours.",
        "the talks had lasted two hours",
        "Marta Ribeiro",
    ),
    (
        "a participle describing the statement ('issued a warning on Friday, stating that')",
        "The harbour authority issued a stark warning on Friday, stating that the port would stay closed "
        "for another week.",
        "the port would stay closed for another week",
        "harbour authority",
    ),
    (
        "a long report with a titled speaker trailing it ('..., policy aide X has said')",
        "The president called his French counterpart Anne Morel on Sunday to discuss issues related to "
        "the trade talks ahead of a meeting with Karl Weber in Geneva, Elysee foreign policy aide Paul "
        "Girard has said.",
        "The president called his French counterpart Anne Morel on Sunday to discuss issues related to "
        "the trade talks ahead of a meeting with Karl Weber in Geneva",
        "Paul Girard",
    ),
    (
        "a trailing cue whose speaker is a role and a name ('..., labour policy adviser X has said')",
        "The prime minister phoned the union leaders on Monday to discuss a number of issues related to "
        "the strike ahead of a meeting with Luis Prado in Porto, government labour policy adviser Rita "
        "Gomes has said.",
        "The prime minister phoned the union leaders on Monday to discuss a number of issues related to "
        "the strike ahead of a meeting with Luis Prado in Porto",
        "Rita Gomes",
    ),
    (
        "a role noun tells two presidents apart by their countries",
        "French President Anne Morel and German President Karl Weber met in Geneva on Monday. "
        "Weber left early. The French president said that the talks had been useful.",
        "the talks had been useful",
        "Anne Morel",
    ),
    (
        "the role's country is the second person's, not the first's",
        "French President Anne Morel and German President Karl Weber met in Geneva on Monday. "
        "The German president said that the talks had been useful.",
        "the talks had been useful",
        "Karl Weber",
    ),
    (
        "told a recipient",
        INTRO + "Bennett told reporters the budget was balanced.",
        "the budget was balanced",
        "Bennett",
    ),
    (
        "told a news agency",
        "Two sources told Reuters a deal could be reached within days.",
        "a deal could be reached within days",
        "sources",
    ),
    (
        "organisation pronoun",
        "The airline cancelled 300 flights. It said 40,000 passengers would be affected.",
        "40,000 passengers would be affected",
        "airline",
    ),
    (
        "participle after a cue",
        INTRO + '"We are ready," Bennett said, adding that talks would resume.',
        "talks would resume",
        "Bennett",
    ),
    (
        "an indefinite role is someone new, not the last speaker",
        'Finance Minister Aiko Mori defended the budget. "It is balanced," Mori said.\n\n'
        "According to a senior official, the cabinet will meet again on Thursday.",
        "the cabinet will meet again on Thursday",
        "senior official",
    ),
    (
        "a misparsed clause after the verb's adverbials ('wrote in a ruling that')",
        "Judge Nora Bell wrote in a 30-page ruling that the city had ignored its own rules.",
        "the city had ignored its own rules",
        "Nora Bell",
    ),
    (
        "a trailing cue with a long prepositional tail",
        "The bones belong to a new species of crocodile, the researchers reported in the journal Science on Friday.",
        "The bones belong to a new species of crocodile",
        "researchers",
    ),
    (
        "a verb of signalling reports a clause",
        "The central bank held rates, but governor Ana Ruiz signalled that a cut could come in June.",
        "a cut could come in June",
        "Ana Ruiz",
    ),
    (
        "a report relayed by unnamed sources stays the named speaker's",
        "Minister Paul Weber has said the budget must shrink, according to people familiar with the talks.",
        "the budget must shrink",
        "Paul Weber",
    ),
    (
        "a second speech verb joined by 'and' keeps the first one's speaker",
        "Chief executive Dana Cole admitted that the firm had erred and said output would stay capped.",
        "output would stay capped",
        "Dana Cole",
    ),
    (
        "an organisation whose name ends in a role word",
        "The Federal Maritime Agency has said it will inspect every ferry this winter.",
        "it will inspect every ferry this winter",
        "Federal Maritime Agency",
    ),
    (
        "the recipient of 'told' is not part of the claim",
        "The minister told France Inter radio that the strikes were legitimate.",
        "the strikes were legitimate",
        "minister",
    ),
    (
        "an unnamed spokesman keeps the organisation he speaks for",
        "Rail workers walked out on Monday.\n\nA spokesman for Northern Rail said the company remained open to talks.",
        "the company remained open to talks",
        "spokesman for Northern Rail",
    ),
    (
        "a title that ends an organisation's name ('Bank of Norland Governor X told')",
        "Bank of Norland Governor Erik Lund told reporters the decision was unanimous.",
        "the decision was unanimous",
        "Erik Lund",
    ),
    (
        "a report ends where a participle reports another ('..., saying ...')",
        "Governor Erik Lund said the bank would watch house prices, saying rents were too high.",
        "the bank would watch house prices",
        "Erik Lund",
    ),
    (
        "two clauses reported with 'that ... and that ...'",
        "Prime Minister Ada Varga told parliament that the plan was legal and that other states wanted to copy it.",
        "the plan was legal and that other states wanted to copy it",
        "Ada Varga",
    ),
    (
        "an organisation named as the subject of the clause its cue trails ('..., the company said')",
        "Norvik will close two of its factories next year, the company said on Tuesday.",
        "Norvik will close two of its factories next year",
        "Norvik",
    ),
    (
        "a cue set off by commas inside the clause it reports ('The deal, she insisted, was ...')",
        "Governor Ana Lind spoke on Monday. The deal, she insisted, was fair to everyone.",
        "The deal, she insisted, was fair to everyone",
        "Ana Lind",
    ),
    (
        "unnamed sources keep what describes them; a copular clause after 'said'",
        "Talks went on. A source close to the negotiations said the partners were still far apart.",
        "the partners were still far apart",
        "source close to the negotiations",
    ),
    (
        "when it was said is not what was said ('said on Tuesday the fund would ...')",
        "The head of the fund said on Tuesday the fund would sell its stakes in three miners.",
        "the fund would sell its stakes in three miners",
        "head",
    ),
    (
        "a name set off by commas after 'One of them'",
        "None of the firms replied. One of them, Zenith Minerals, later said that it rejected the findings.",
        "it rejected the findings",
        "Zenith Minerals",
    ),
    (
        "a wire dateline is not a speaker",
        "OSLO (Reuters) - Norway's prime minister on Tuesday rejected calls for a snap election, "
        "saying the government still had a clear majority.",
        "the government still had a clear majority",
        "prime minister",
    ),
    (
        "a day of the week parsed as a subject is not a speaker",
        "The head of the union, Marta Kowalski, on Thursday ended the strike, telling members "
        "that the offer was the best they would get.",
        "the offer was the best they would get",
        "Marta Kowalski",
    ),
    (
        "a participle tagged as a noun ('with X warning that')",
        'Talks broke down late on Friday, with union leader Omar Haddad warning that the offer was "dead on arrival".',
        'the offer was "dead on arrival"',
        "Omar Haddad",
    ),
]


@pytest.mark.parametrize(
    ("phenomenon", "text", "claim"),
    [
        (
            "a verb joined by 'and' that is no speech",
            "The company said it cut costs and added 500 jobs.",
            "it cut costs and added 500 jobs",
        ),
        (
            "'according to' inside the reported clause",
            "The minister said that inflation, according to the bank's forecast, would peak in May.",
            "inflation, according to the bank's forecast, would peak in May",
        ),
    ],
)
def test_a_report_is_not_cut_short(phenomenon: str, text: str, claim: str) -> None:
    assert [c.text for c in quotex.extract(text).claims] == [claim], phenomenon


@pytest.mark.parametrize(
    ("phenomenon", "text", "speaker"),
    [
        (
            "someone's counterpart as the object does not take the role",
            "Treasury Secretary Scott Bessent met his French counterpart, Roland Lescure, in Paris on Monday. "
            'The secretary said the talks had been "very useful".',
            "Scott Bessent",
        ),
        (
            "officials at an organisation are a group",
            'Officials at the European Commission said the plan was "premature".',
            "Officials at the European Commission",
        ),
        (
            "an organisation's name apposed to its spokesman is no person",
            'A spokesman for the airline, Nordic Air Lines, said the delays were "regrettable".',
            "spokesman",
        ),
    ],
)
def test_speaker_of_the_partial_quote(phenomenon: str, text: str, speaker: str) -> None:
    (quote,) = quotex.extract(text).quotes
    assert quote.speaker is not None and quote.speaker.name == speaker, phenomenon


def test_a_participle_with_its_own_clause_does_not_report_the_sentence_before_it() -> None:
    text = 'The bank held rates on Thursday, with Governor Ann Holt saying inflation was "not yet beaten".'
    assert not any(c.text.startswith("The bank held rates") for c in quotex.extract(text).claims)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "The economy will recover next year, the minister told reporters at a news conference.",
            "The economy will recover next year",
        ),
        ("The central bank said May inflation was higher than expected.", "May inflation was higher than expected"),
        ("The spokesman said Monday night the talks had collapsed.", "the talks had collapsed"),
        ("The head of the fund said late on Tuesday the fund would sell its stakes.", "the fund would sell its stakes"),
        ("The minister said.", None),
        (
            "The White House said it would veto the bill, calling the measure reckless.",
            "it would veto the bill",
        ),
    ],
)
def test_when_it_was_said_is_not_what_was_said(text: str, claim: str | None) -> None:
    assert [c.text for c in quotex.extract(text).claims] == ([claim] if claim else [])


def test_an_inverted_cue_reports_no_clause_holding_its_own_speaker() -> None:
    text = '"Prices will fall," said Lena Ortiz, an analyst at Harbor Bank & Co. "The worst is over."'
    assert quotex.extract(text).claims == []


def test_a_report_ends_where_a_participle_reports_another() -> None:
    text = (
        "The refugee agency said that 40,000 people had fled the fighting since March, "
        "warning that its food stocks would run out."
    )
    claims = {c.text: c.speaker.name if c.speaker else None for c in quotex.extract(text).claims}
    assert "40,000 people had fled the fighting since March" in claims
    assert claims.get("its food stocks would run out") == claims["40,000 people had fled the fighting since March"]


@pytest.mark.parametrize(
    ("phenomenon", "text", "speaker"),
    [
        (
            "a spokesperson for a titled person is not that person",
            "A spokesperson for Commission President Ursula von der Leyen said the talks would resume.",
            "spokesperson",
        ),
        ("a hyphenated company name", "Rolls-Royce will cut 3,000 jobs this year, the company said.", "Rolls-Royce"),
        (
            "two people who share a surname written first",
            "Kim Jong-un inspected the missile. His sister Kim Yo-jong said the test was a warning.",
            "Kim Yo-jong",
        ),
        (
            "a verb of suggesting",
            "Finance Minister Anton Siluanov suggested that taxes would rise next year.",
            "Anton Siluanov",
        ),
    ],
)
def test_speaker_of_the_claim(phenomenon: str, text: str, speaker: str) -> None:
    (claim,) = quotex.extract(text).claims
    assert claim.speaker is not None and claim.speaker.name.startswith(speaker), phenomenon


def test_a_verb_of_suggesting_reports_only_from_someone() -> None:
    text = 'Envoy Lars Moe met the rebels. The "calm tone" described by Moe suggests that a deal is near.'
    assert [c.text for c in quotex.extract(text).claims] == []


def test_an_inserted_cue_before_a_quote_reports_no_claim() -> None:
    assert quotex.extract('In Berlin, Merkel said, "We will stay the course."').claims == []


def test_a_judgement_verb_without_a_quote_is_no_cue() -> None:
    text = 'The mayor called off the parade. "Safety comes first," said police chief Dan Ortiz.'
    doc = quotex.extract(text)
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Dan Ortiz"]
    assert all(c.cue is None or c.cue.lemma != "call" for c in doc.claims)


def test_a_named_product_in_a_report_is_a_title() -> None:
    text = 'The carmaker said it would launch its "Silver Arrow" range in Europe next spring.'
    (quote,) = quotex.extract(text).quotes
    assert quote.kind == "title" and quote.speaker is None


def test_a_claim_never_runs_into_the_next_paragraph() -> None:
    text = (
        'A coastguard officer, Nils Berg, told reporters: "The search goes on through the night."\n\n'
        "Families gathered at the harbour as the wind picked up."
    )
    doc = quotex.extract(text)
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Nils Berg"]
    assert not any("\n" in c.text for c in doc.claims)


@pytest.mark.parametrize(("phenomenon", "text", "claim", "speaker"), MORE_CLAIMS)
def test_more_claims(phenomenon: str, text: str, claim: str, speaker: str) -> None:
    test_claims(phenomenon, text, claim, speaker)
