"""``quotex_speakers``: speech cues, speakers and quote kinds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span

from quotex import spans
from quotex.errors import ConfigError, Errors, ExtractionError
from quotex.extract.attribution import attribute_quotes
from quotex.extract.cues import MENTION_ORDER, find_cues
from quotex.extract.quotes import quote_kind
from quotex.extract.speakers import ENTITY_ORDER, ENTITY_SIEVES, EntityIndex, SpeakerMatch, SpeakerResolver
from quotex.pipeline import quote_finder
from quotex.pipeline.extensions import QUOTE_ATTRS, register_quote_extensions, resolve_attrs
from quotex.registry import SpeechCues, sieve_precision, speech_cues

CUES_KEY = spans.CUES_KEY
SPEAKERS_KEY = spans.SPEAKERS_KEY
CONTENTS_KEY = spans.CONTENTS_KEY


@Language.factory(
    "quotex_speakers",
    assigns=["doc.spans"],
    requires=["token.dep", "token.lemma", "token.pos"],
    default_config={
        "quotes_key": quote_finder.SPANS_KEY,
        "lexicon": {"@misc": "quotex.speech_cues.v1"},
        "attrs": QUOTE_ATTRS,
        "mention_sieves": list(MENTION_ORDER),
        "entity_sieves": list(ENTITY_ORDER),
    },
)
def make_speaker_attributor(
    nlp: Language,
    name: str,
    quotes_key: str,
    lexicon: SpeechCues,
    attrs: dict[str, str],
    mention_sieves: list[str],
    entity_sieves: list[str],
) -> SpeakerAttributor:
    """Create the component; it needs a tagger, lemmatizer, parser and (for names) NER.
    ``mention_sieves`` and ``entity_sieves`` are the order of the two passes (docs/extraction.md
    lists the sieves)."""
    return SpeakerAttributor(
        name,
        quotes_key=quotes_key,
        lexicon=lexicon,
        attrs=attrs,
        mention_sieves=mention_sieves,
        entity_sieves=entity_sieves,
    )


class SpeakerAttributor:
    """Finds speech cues, resolves their speakers and attributes each quote.

    Writes ``doc.spans["quotex_cues"]`` (every cue, ``id_`` ``k0, k1, ...``, label = cue
    lemma), ``doc.spans["quotex_speakers"]`` (speaker mentions; ``id_`` = the cue id, or the
    quote id for a quote that continues the previous speaker; label = PERSON/ORG;
    ``kb_id_`` = canonical name) and ``doc.spans["quotex_contents"]`` (the clause each cue
    reports, ``id_`` = cue id). Each quote span's label becomes its kind and its ``kb_id_``
    its speaker's name (what displaCy shows); ``doc.user_data["quotex_links"]`` maps the quote id
    to the id of its speaker link. Confidences (the measured precision of the sieves that decided) go to
    ``doc.user_data["quotex_confidence"]``, the sieve traces to ``doc.user_data["quotex_sieves"]``.
    Getters ``Doc._.quotes``, ``Span._.speaker`` and ``Span._.cue`` (renamable with
    ``attrs``) give the results as pydantic models.
    """

    def __init__(
        self,
        name: str = "quotex_speakers",
        *,
        quotes_key: str = quote_finder.SPANS_KEY,
        lexicon: SpeechCues | None = None,
        attrs: dict[str, str] | None = None,
        mention_sieves: Sequence[str] = MENTION_ORDER,
        entity_sieves: Sequence[str] = ENTITY_ORDER,
    ) -> None:
        for given, known in ((mention_sieves, MENTION_ORDER), (entity_sieves, tuple(ENTITY_SIEVES))):
            unknown = [s for s in given if s not in known]
            if unknown:
                raise ConfigError(Errors.E015.format(sieves=unknown, known=list(known)))
        self.name = name
        self.mention_sieves = tuple(mention_sieves)
        self.entity_sieves = tuple(entity_sieves)
        self.quotes_key = quotes_key
        self.lexicon = lexicon or speech_cues()
        self.precision = sieve_precision()
        register_quote_extensions(resolve_attrs(attrs, QUOTE_ATTRS, name), quotes_key)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            raise ExtractionError(Errors.E005.format(what="dependency parses", needs="a parser"))
        quotes = list(doc.spans.get(self.quotes_key, []))
        info: dict[str, Any] = doc.user_data.get("quotex_quote_info", {})
        cues = find_cues(doc, quotes, self.lexicon, self.mention_sieves)
        index = EntityIndex.outside_quotes(doc, quotes, self.lexicon)
        resolver = SpeakerResolver(doc, index, self.lexicon, self.entity_sieves)
        resolved: list[SpeakerMatch | None] = [resolver.resolve(c) for c in cues]  # in text order
        paragraphs = [int(info.get(q.id_, {}).get("paragraph", 0)) for q in quotes]
        position = {q.id_: i for i, q in enumerate(quotes)}
        continues = [position.get(info.get(q.id_, {}).get("continues") or "") for q in quotes]
        attributions = attribute_quotes(doc, quotes, paragraphs, cues, resolved, continues, self.mention_sieves)

        cue_spans: list[Span] = []
        speaker_spans: list[Span] = []
        contents: list[Span] = []
        confidence: dict[str, float] = {}
        sieves: dict[str, str] = {}
        unresolved: list[str] = []
        for k, (cue, spk) in enumerate(zip(cues, resolved, strict=True)):
            cid = f"k{k}"
            cue_spans.append(_tagged(cue.cue, cid, cue.lemma))
            if spk is not None:
                speaker_spans.append(_tagged(spk.mention, cid, spk.label or "", spk.name))
                sieves[cid] = f"{cue.sieve}/{spk.sieve}"
                confidence[cid] = self.precision.confidence(sieves[cid])
                if not spk.resolved:
                    unresolved.append(cid)
            if cue.content is not None:
                contents.append(_tagged(cue.content, cid, cue.lemma))
        kinds: list[Span] = []
        links: dict[str, str] = {}
        names = {s.id_: s.kb_id_ for s in speaker_spans}
        for q, att in zip(quotes, attributions, strict=True):
            link = ""
            if att.cue is not None and att.speaker is not None and att.speaker is resolved[att.cue] and not att.via:
                link = f"k{att.cue}"
            elif att.speaker is not None:
                link = q.id_
                speaker_spans.append(_tagged(att.speaker.mention, link, att.speaker.label or "", att.speaker.name))
                sieves[link] = f"{att.via or 'continuation'}/{att.speaker.sieve}"
                confidence[link] = self.precision.confidence(sieves[link])
                if not att.speaker.resolved:
                    unresolved.append(link)
            elif att.cue is not None:
                link = f"k{att.cue}"
            spoken = att.speaker is not None or att.cue is not None and cues[att.cue].subject is not None
            kind = quote_kind(doc, q, attributed=spoken, lexicon=self.lexicon)
            if kind == "title":
                link = ""  # a name of a thing is nobody's words
                speaker_spans = [s for s in speaker_spans if s.id_ != q.id_]
            if link:
                links[q.id_] = link
            name = att.speaker.name if link == q.id_ and att.speaker is not None else names.get(link, "")
            kinds.append(_tagged(q, q.id_, kind, name))
        doc.spans[self.quotes_key] = kinds
        doc.spans[CUES_KEY] = cue_spans
        doc.spans[SPEAKERS_KEY] = speaker_spans
        doc.spans[CONTENTS_KEY] = contents
        doc.user_data[spans.CONFIDENCE_DATA] = confidence
        doc.user_data[spans.SIEVES_DATA] = sieves
        doc.user_data[spans.UNRESOLVED_DATA] = unresolved
        doc.user_data[spans.LINKS_DATA] = links
        return doc

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The lexicon as JSON bytes (never pickle)."""
        serializers = {"lexicon": lambda: srsly.json_dumps(self.lexicon.to_dict())}
        return util.to_bytes(serializers, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> SpeakerAttributor:
        """Restore the lexicon written by :meth:`to_bytes`."""
        deserializers = {"lexicon": lambda b: self._set_lexicon(srsly.json_loads(b))}
        util.from_bytes(data, deserializers, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write ``lexicon.json`` into the component's directory."""
        path = util.ensure_path(path)
        serializers = {"lexicon.json": lambda p: srsly.write_json(p, self.lexicon.to_dict())}
        util.to_disk(path, serializers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SpeakerAttributor:
        """Read ``lexicon.json`` written by :meth:`to_disk`."""
        path = util.ensure_path(path)
        deserializers = {"lexicon.json": lambda p: self._set_lexicon(srsly.read_json(p))}
        util.from_disk(path, deserializers, exclude)
        return self

    def _set_lexicon(self, data: dict[str, Any]) -> None:
        self.lexicon = SpeechCues.from_dict(data)


def _tagged(span: Span, span_id: str, label: str, kb_id: str = "") -> Span:
    out = Span(span.doc, span.start, span.end, label=label, kb_id=kb_id, span_id=span_id)
    return out
