"""The one spaCy -> pydantic boundary: a processed Doc becomes quotes, claims and entities."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from quotex import spans
from quotex.errors import Warnings
from quotex.extract.speakers import EntityIndex
from quotex.ingest.metadata import find_dateline
from quotex.registry import speech_cues
from quotex.results import QUOTE_KINDS, Claim, Cue, Entity, Quote, Speaker, TextSpan
from quotex.times import find_times


class DocConverter:
    """Builds result models from one Doc whose text has the same length as ``text``.

    Args:
        doc: A Doc processed by the quotex components.
        text: The text offsets refer to (the Doc may have been parsed from a normalised copy).
        offset: Added to every offset (the Doc is a chunk starting there in ``text``).
        paragraph_base: Paragraphs of ``text`` before the chunk.
        quotes_key: ``doc.spans`` key of the quotes (the ``quotex_quotes`` setting).
        claims_key: ``doc.spans`` key of the claims (the ``quotex_claims`` setting).
        published: Publication date, for resolving time expressions.
        skip: Character ranges (boilerplate) whose quotes and claims are dropped.
    """

    def __init__(
        self,
        doc: Doc,
        text: str | None = None,
        *,
        offset: int = 0,
        paragraph_base: int = 0,
        published: dt.date | None = None,
        skip: Sequence[tuple[int, int]] = (),
        quotes_key: str = spans.QUOTES_KEY,
        claims_key: str = spans.CLAIMS_KEY,
    ) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.offset = offset
        self.paragraph_base = paragraph_base
        self.quotes_key = quotes_key
        self.claims_key = claims_key
        self.published = published
        self.skip = list(skip)
        self.speakers = {s.id_: s for s in doc.spans.get(spans.SPEAKERS_KEY, [])}
        self.cues = {c.id_: c for c in doc.spans.get(spans.CUES_KEY, [])}
        self.confidence: dict[str, float] = doc.user_data.get(spans.CONFIDENCE_DATA, {})
        self.sieves: dict[str, str] = doc.user_data.get(spans.SIEVES_DATA, {})
        self.unresolved: set[str] = set(doc.user_data.get(spans.UNRESOLVED_DATA, ()))
        self.info: dict[str, dict[str, object]] = doc.user_data.get("quotex_quote_info", {})
        self.links: dict[str, str] = doc.user_data.get(spans.LINKS_DATA, {})

    def _span(self, span: Span) -> tuple[int, int, str]:
        s, e = span.start_char + self.offset, span.end_char + self.offset
        return s, e, self.text[s:e]

    def _skipped(self, span: Span) -> bool:
        s, e = span.start_char + self.offset, span.end_char + self.offset
        return any(s < be and bs < e for bs, be in self.skip)

    def link_of(self, span: Span) -> str:
        """The link id of a quote or claim span, or of a cue or speaker span (its ``id_``)."""
        return span.id_ if span.id_ in self.cues or span.id_ in self.speakers else self.links.get(span.id_, "")

    def speaker(self, link: str) -> Speaker | None:
        """The speaker behind a link id (a cue id ``k3`` or a quote id)."""
        span = self.speakers.get(link)
        if span is None:
            return None
        s, e, text = self._span(span)
        return Speaker(
            start=s,
            end=e,
            text=text,
            name=span.kb_id_ or text,
            label=span.label_ or None,
            sieve=self.sieves.get(link),
            resolved=link not in self.unresolved,
        )

    def cue(self, link: str) -> Cue | None:
        """The cue behind a link id."""
        span = self.cues.get(link)
        if span is None:
            return None
        s, e, text = self._span(span)
        return Cue(start=s, end=e, text=text, lemma=span.label_)

    def quotes(self) -> list[Quote]:
        """Every quotation outside the skipped ranges, in text order."""
        out = []
        for span in self.doc.spans.get(self.quotes_key, []):
            if self._skipped(span):
                continue
            s, e, text = self._span(span)
            link = self.links.get(span.id_, "")
            info = self.info.get(span.id_, {})
            kind = span.label_ if span.label_ in QUOTE_KINDS else "scare"
            continues = info.get("continues")
            out.append(
                Quote(
                    id=self._id(span.id_),
                    start=s,
                    end=e,
                    text=text,
                    kind=kind,
                    speaker=self.speaker(link) if link else None,
                    cue=self.cue(link) if link else None,
                    confidence=self.confidence.get(link, 0.0) if link else 0.0,
                    paragraph=self.paragraph_base + int(str(info.get("paragraph", 0))),
                    continues=self._id(str(continues)) if continues else None,
                    times=find_times(self.text, s, e, self.published),
                )
            )
        return out

    def claims(self, quotes: Sequence[Quote] = ()) -> list[Claim]:
        """Every claim outside the skipped ranges; ``quotes`` lists the quotes inside each."""
        out = []
        dateline = find_dateline(self.text) if self.offset == 0 else None
        # a claim in the story's first sentence must not swallow "MOSCOW, Dec 28 (Reuters) -"
        lead_end = dateline.end() if dateline is not None else 0
        for span in self.doc.spans.get(self.claims_key, []):
            if self._skipped(span):
                continue
            s, e, text = self._span(span)
            if s < lead_end < e:
                s = lead_end + len(self.text[lead_end:e]) - len(self.text[lead_end:e].lstrip())
                text = self.text[s:e]
            link = self.links.get(span.id_, "")
            out.append(
                Claim(
                    id=self._id(span.id_),
                    start=s,
                    end=e,
                    text=text,
                    speaker=self.speaker(link),
                    cue=self.cue(link),
                    confidence=self.confidence.get(link, 0.0),
                    quotes=[q.id for q in quotes if q.start >= s and q.end <= e],
                    times=find_times(self.text, s, e, self.published),
                )
            )
        return out

    def entities(self) -> list[Entity]:
        """Named people, organisations and places with their canonical in-document names."""
        # built as the speaker attributor builds it, so entity and speaker names agree
        index = EntityIndex.outside_quotes(self.doc, list(self.doc.spans.get(self.quotes_key, [])), speech_cues())
        # a speaker the attributor named settles what the recogniser tagged on the same words:
        # "Transport Minister Rui Costa" tagged as a place is the minister who spoke
        spoken = {
            t: sp for sp in self.speakers.values() if sp.label_ in {"PERSON", "ORG"} for t in range(sp.start, sp.end)
        }
        out: list[Entity] = []
        for ent in self.doc.ents:
            speaker = next((spoken[t] for t in range(ent.start, ent.end) if t in spoken), None)
            if speaker is not None and not set(speaker.kb_id_.split()) & {t.text for t in ent}:
                speaker = None  # "Kremlin" in "the Kremlin aide" is not the aide
            label = speaker.label_ if speaker is not None else index.label_of(ent, places=True)
            if label is None or self._skipped(ent):
                continue
            # a person's span is its name, as for speakers: "Mayor Daniel" + "Okoro" -> "Daniel Okoro"
            span = speaker if speaker is not None else index.mention(ent, label) if label == "PERSON" else ent
            s, e, text = self._span(span)
            if out and out[-1].start <= s and e <= out[-1].end:
                continue  # the rest of a name already grown over
            if speaker is not None:
                name = speaker.kb_id_ or text
            else:
                name = index.canonical(ent)[0] if label != "LOC" else text
            out.append(Entity(start=s, end=e, text=text, label=label, name=name))
        return out

    def warnings(self) -> list[str]:
        """Unclosed and stray quotation marks, worded with offsets into ``text``."""
        out = []
        for mark, end in self.doc.user_data.get("quotex_marks", []):
            if end < 0:
                out.append(Warnings.W003.format(offset=mark + self.offset))
            else:
                out.append(Warnings.W001.format(offset=mark + self.offset, end=end + self.offset))
        return out

    def boilerplate(self) -> list[TextSpan]:
        """The skipped ranges as spans."""
        return [TextSpan(start=s, end=e, text=self.text[s:e]) for s, e in self.skip]

    def _id(self, local: str) -> str:
        """Ids stay unique when chunks of a long text are merged."""
        return local if self.offset == 0 else f"{local}@{self.offset}"
