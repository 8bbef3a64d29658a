"""Functions over parsed Docs, one module per step: paragraphs, quotes, cues, speakers, attribution, claims."""

from quotex.extract.attribution import Attribution, attribute_quotes
from quotex.extract.claims import select_claims
from quotex.extract.cues import CueMatch, find_cues, quote_mask
from quotex.extract.paragraphs import normalize_for_parsing, paragraph_spans
from quotex.extract.quotes import QuoteMatch, find_quotes, quote_kind
from quotex.extract.speakers import EntityIndex, SpeakerMatch, SpeakerResolver

__all__ = [
    "Attribution",
    "CueMatch",
    "EntityIndex",
    "QuoteMatch",
    "SpeakerMatch",
    "SpeakerResolver",
    "attribute_quotes",
    "find_cues",
    "find_quotes",
    "normalize_for_parsing",
    "paragraph_spans",
    "quote_kind",
    "quote_mask",
    "select_claims",
]
