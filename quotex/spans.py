"""The ``doc.spans`` keys and ``doc.user_data`` keys the quotex components write, in one place:
the components (quotex.pipeline) and the converter (quotex.convert) both import them."""

from __future__ import annotations

QUOTES_KEY = "quotex_quotes"
CLAIMS_KEY = "quotex_claims"
PARAGRAPHS_KEY = "quotex_paragraphs"
CUES_KEY = "quotex_cues"
SPEAKERS_KEY = "quotex_speakers"
CONTENTS_KEY = "quotex_contents"
#: per speaker link id: the confidence, the sieve trace, and the links whose speaker is unresolved
CONFIDENCE_DATA = "quotex_confidence"
SIEVES_DATA = "quotex_sieves"
UNRESOLVED_DATA = "quotex_unresolved"
#: per quote or claim span id: the id of its speaker link (a cue id ``k3``, or the quote's own id);
#: the span's ``kb_id_`` holds the speaker's name, which displaCy shows
LINKS_DATA = "quotex_links"
