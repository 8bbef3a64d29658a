"""``quotex_quotes``: quotation spans on ``doc.spans["quotex_quotes"]``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from quotex.extract.quotes import find_quotes
from quotex.spans import QUOTES_KEY

SPANS_KEY = QUOTES_KEY


@Language.factory(
    "quotex_quotes",
    assigns=["doc.spans"],
    default_config={"spans_key": SPANS_KEY},
)
def make_quote_finder(nlp: Language, name: str, spans_key: str) -> QuoteFinder:
    """Create the component. It needs only a tokenizer; kinds are set by ``quotex_speakers``."""
    return QuoteFinder(name, spans_key=spans_key)


class QuoteFinder:
    """Pairs quotation marks and stores each quote's content (marks excluded) as a Span.

    Spans get ids ``q0, q1, ...`` (``span.id_``) and the provisional label ``quote``.
    ``doc.user_data["quotex_quote_info"]`` keeps, per quote id, its paragraph index and the
    id of the quote it continues (multi-paragraph quotes). Unbalanced marks do not fail the
    document: ``doc.user_data["quotex_marks"]`` lists ``[offset, end]`` for each quote never
    closed and ``[offset, -1]`` for each stray mark (``Document.warnings`` words them).
    """

    def __init__(self, name: str = "quotex_quotes", *, spans_key: str = SPANS_KEY) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # built from the tokens on every access: read it once
        matches, stray = find_quotes(text)
        continued = {m.start for m in matches if m.continued}
        problems = [[i, -1] for i in stray]
        spans: list[Span] = []
        info: dict[str, dict[str, object]] = {}
        previous = None
        for k, m in enumerate(matches):
            nxt = matches[k + 1] if k + 1 < len(matches) else None
            if m.unclosed and not (nxt is not None and nxt.start in continued):
                problems.append([text.rfind(m.open_mark, 0, m.start), m.end])
            span = doc.char_span(m.start, m.end, label="quote", alignment_mode="contract")
            if span is None or len(span) == 0:
                continue
            span.id_ = f"q{len(spans)}"
            info[span.id_] = {
                "paragraph": m.paragraph,
                "continues": previous if m.continued and previous is not None else None,
            }
            previous = span.id_
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc.user_data["quotex_quote_info"] = info
        doc.user_data["quotex_marks"] = sorted(problems)
        return doc
