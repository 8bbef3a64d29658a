"""``quotex_paragraphs``: paragraph breaks become sentence starts before the parser runs."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from quotex.extract.paragraphs import paragraph_spans
from quotex.spans import PARAGRAPHS_KEY

SPANS_KEY = PARAGRAPHS_KEY


@Language.factory(
    "quotex_paragraphs",
    assigns=["token.is_sent_start", "doc.spans"],
    default_config={"spans_key": SPANS_KEY},
)
def make_paragraphs(nlp: Language, name: str, spans_key: str) -> ParagraphMarker:
    """Create the component; put it before the parser (``nlp.add_pipe(..., before="parser")``)."""
    return ParagraphMarker(name, spans_key=spans_key)


class ParagraphMarker:
    """Marks the first token of each paragraph as a sentence start and stores the paragraphs.

    The parser keeps sentence starts that are already set, so a headline or a dateline is
    never glued to the story's first sentence.
    """

    def __init__(self, name: str = "quotex_paragraphs", *, spans_key: str = SPANS_KEY) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        parsed = doc.has_annotation("DEP")  # a parsed doc refuses new sentence starts
        for start, end in paragraph_spans(doc.text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            if not parsed:
                span[0].is_sent_start = True
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc
