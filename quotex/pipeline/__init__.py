"""spaCy components of quotex; importing this registers their factories."""

from quotex.pipeline.claim_extractor import ClaimExtractor, make_claim_extractor
from quotex.pipeline.paragraphs import ParagraphMarker, make_paragraphs
from quotex.pipeline.quote_finder import QuoteFinder, make_quote_finder
from quotex.pipeline.speaker_attributor import SpeakerAttributor, make_speaker_attributor

COMPONENTS = ("quotex_paragraphs", "quotex_quotes", "quotex_speakers", "quotex_claims")

__all__ = [
    "COMPONENTS",
    "ClaimExtractor",
    "ParagraphMarker",
    "QuoteFinder",
    "SpeakerAttributor",
    "make_claim_extractor",
    "make_paragraphs",
    "make_quote_finder",
    "make_speaker_attributor",
]
