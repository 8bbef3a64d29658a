"""``quotex_claims``: reported-speech claims on ``doc.spans["quotex_claims"]``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from quotex.extract.claims import select_claims
from quotex.pipeline import quote_finder, speaker_attributor
from quotex.pipeline.extensions import CLAIM_ATTRS, register_claim_extensions, resolve_attrs
from quotex.spans import CLAIMS_KEY, LINKS_DATA

SPANS_KEY = CLAIMS_KEY


@Language.factory(
    "quotex_claims",
    assigns=["doc.spans"],
    requires=["doc.spans"],
    default_config={
        "spans_key": SPANS_KEY,
        "quotes_key": quote_finder.SPANS_KEY,
        "attrs": CLAIM_ATTRS,
    },
)
def make_claim_extractor(
    nlp: Language, name: str, spans_key: str, quotes_key: str, attrs: dict[str, str]
) -> ClaimExtractor:
    """Create the component; put it after ``quotex_speakers``."""
    return ClaimExtractor(name, spans_key=spans_key, quotes_key=quotes_key, attrs=attrs)


class ClaimExtractor:
    """Turns the clauses reported by speech cues into claims.

    Each claim span gets the id ``c0, c1, ...`` and, as ``kb_id_``, its speaker's name;
    ``doc.user_data["quotex_links"]`` maps the claim id to its cue's (``k3``), which links it
    to its cue and speaker spans. Clauses that are mostly a
    direct quote are left to the quote. ``Doc._.claims`` (renamable with ``attrs``) gives
    them as pydantic models.
    """

    def __init__(
        self,
        name: str = "quotex_claims",
        *,
        spans_key: str = SPANS_KEY,
        quotes_key: str = quote_finder.SPANS_KEY,
        attrs: dict[str, str] | None = None,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.quotes_key = quotes_key
        register_claim_extensions(resolve_attrs(attrs, CLAIM_ATTRS, name), quotes_key, spans_key)

    def __call__(self, doc: Doc) -> Doc:
        spoken = {s.id_: s.kb_id_ for s in doc.spans.get(speaker_attributor.SPEAKERS_KEY, [])}
        # a clause nobody is found to have said is not a claim
        contents = [c for c in doc.spans.get(speaker_attributor.CONTENTS_KEY, []) if c.id_ in spoken]
        quotes = doc.spans.get(self.quotes_key, [])
        direct = [q for q in quotes if q.label_ == "direct"]
        others = [q for q in quotes if q.label_ != "direct"]
        claims: list[Span] = []
        links: dict[str, str] = doc.user_data.setdefault(LINKS_DATA, {})
        for k in select_claims(contents, direct, others):
            span = contents[k]
            claim_id = f"c{len(claims)}"
            links[claim_id] = span.id_  # the cue, which links to the speaker
            claims.append(Span(doc, span.start, span.end, label="claim", kb_id=spoken[span.id_], span_id=claim_id))
        doc.spans[self.spans_key] = claims
        return doc
