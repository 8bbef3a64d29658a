"""Registered defaults: the speech-cue and role lexicons shipped as data files."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import Any

from spacy.util import registry

from quotex.lexicons import read

_MEMO_LIMIT = 50_000  # distinct (form, lemma) pairs remembered (about 10 MB); bounds memory on huge corpora
_UNSEEN = object()


@dataclass(frozen=True)
class SpeechCues:
    """Speech-cue lexicon: verb lemmas, prepositional cues, role nouns, titles, pronouns."""

    verbs: frozenset[str]
    claim_verbs: frozenset[str]
    judgement_verbs: frozenset[str]
    weak_claim_verbs: frozenset[str]
    prepositional: tuple[str, ...]
    quoted_as: frozenset[str]
    nonspeech_subjects: frozenset[str]
    person_roles: frozenset[str]
    org_roles: frozenset[str]
    org_name_words: frozenset[str]
    person_anaphors: frozenset[str]
    given_names: frozenset[str]
    titles: frozenset[str]
    pronouns: Mapping[str, str]
    irregular: Mapping[str, str]
    title_roles: Mapping[str, str]
    relay_verbs: frozenset[str]
    recipient_verbs: frozenset[str]
    adverbial_marks: frozenset[str]
    report_nouns: frozenset[str] = frozenset()
    report_phrases: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    source_nouns: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    place_name_words: frozenset[str] = frozenset()
    # every token of every article asks verb_lemma; a news vocabulary is small, so remember answers
    _verb_lemmas: dict[tuple[str, str], str | None] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    @cached_property
    def prepositional_starts(self) -> frozenset[str]:
        """First words of the prepositional cues ("according" of "according to")."""
        return frozenset(phrase.split()[0] for phrase in self.prepositional)

    def verb_lemma(self, form: str, lemma: str) -> str | None:
        """The cue lemma of a word, read from the lemmatizer's lemma or, where that is not a
        cue (a lemmatizer's miss: "stated" -> "stat"), from the word's inflected form."""
        key = (form.lower(), lemma.lower())
        found = self._verb_lemmas.get(key, _UNSEEN)
        if found is _UNSEEN:
            if len(self._verb_lemmas) >= _MEMO_LIMIT:
                self._verb_lemmas.clear()
            found = self._verb_lemmas[key] = self._find_verb_lemma(*key)
        return found  # type: ignore[return-value]

    def _find_verb_lemma(self, form: str, lemma: str) -> str | None:
        if lemma in self.verbs:
            return lemma
        if self.irregular.get(form) in self.verbs:
            return self.irregular[form]
        for suffix, repl in (
            ("ied", "y"),
            ("ies", "y"),
            ("ed", ""),
            ("ed", "e"),
            ("es", ""),
            ("s", ""),
            ("ing", ""),
            ("ing", "e"),
        ):
            if form.endswith(suffix) and form[: -len(suffix)] + repl in self.verbs:
                return form[: -len(suffix)] + repl
        return None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpeechCues:
        """Build from the merged JSON of ``speech_cues.json`` and ``roles.json``."""
        return cls(
            verbs=frozenset(data["verbs"]),
            claim_verbs=frozenset(data["claim_verbs"]),
            judgement_verbs=frozenset(data.get("judgement_verbs", ())),
            weak_claim_verbs=frozenset(data.get("weak_claim_verbs", ())),
            prepositional=tuple(data["prepositional"]),
            quoted_as=frozenset(data["quoted_as"]),
            nonspeech_subjects=frozenset(data["nonspeech_subjects"]),
            person_roles=frozenset(data["person_roles"]),
            org_roles=frozenset(data["org_roles"]),
            org_name_words=frozenset(data.get("org_name_words", ())),
            person_anaphors=frozenset(data.get("person_anaphors", ())),
            given_names=frozenset(data.get("given_names", ())),
            titles=frozenset(data["titles"]),
            # read-only views: one lexicon is shared by every pipeline in the process
            pronouns=MappingProxyType(dict(data["pronouns"])),
            irregular=MappingProxyType(dict(data.get("irregular", {}))),
            title_roles=MappingProxyType(dict(data.get("title_roles", {}))),
            relay_verbs=frozenset(data.get("relay_verbs", ())),
            recipient_verbs=frozenset(data.get("recipient_verbs", ())),
            adverbial_marks=frozenset(data.get("adverbial_marks", ())),
            report_nouns=frozenset(data.get("report_nouns", ())),
            report_phrases=MappingProxyType({k: frozenset(v) for k, v in data.get("report_phrases", {}).items()}),
            source_nouns=frozenset(data.get("source_nouns", ())),
            name_particles=frozenset(data.get("name_particles", ())),
            place_name_words=frozenset(data.get("place_name_words", ())),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form, the inverse of :meth:`from_dict`."""
        return {
            "verbs": sorted(self.verbs),
            "claim_verbs": sorted(self.claim_verbs),
            "judgement_verbs": sorted(self.judgement_verbs),
            "weak_claim_verbs": sorted(self.weak_claim_verbs),
            "prepositional": list(self.prepositional),
            "quoted_as": sorted(self.quoted_as),
            "nonspeech_subjects": sorted(self.nonspeech_subjects),
            "person_roles": sorted(self.person_roles),
            "org_roles": sorted(self.org_roles),
            "org_name_words": sorted(self.org_name_words),
            "person_anaphors": sorted(self.person_anaphors),
            "given_names": sorted(self.given_names),
            "titles": sorted(self.titles),
            "pronouns": dict(self.pronouns),
            "irregular": dict(self.irregular),
            "title_roles": dict(self.title_roles),
            "relay_verbs": sorted(self.relay_verbs),
            "recipient_verbs": sorted(self.recipient_verbs),
            "adverbial_marks": sorted(self.adverbial_marks),
            "report_nouns": sorted(self.report_nouns),
            "report_phrases": {k: sorted(v) for k, v in self.report_phrases.items()},
            "source_nouns": sorted(self.source_nouns),
            "name_particles": sorted(self.name_particles),
            "place_name_words": sorted(self.place_name_words),
        }


@lru_cache(maxsize=1)
def speech_cues() -> SpeechCues:
    """The lexicon shipped with quotex (``quotex/lexicons/*.json``)."""
    return SpeechCues.from_dict({**read("speech_cues.json"), **read("roles.json")})


@dataclass(frozen=True)
class SievePrecision:
    """Measured precision of each attribution sieve (``quotex/lexicons/sieve_precision.json``,
    written by ``benchmarks/sieve_precision.py``); a sieve never measured counts as 0.5."""

    mention: Mapping[str, float]
    entity: Mapping[str, float]

    def confidence(self, trace: str) -> float:
        """Confidence of an attribution traced "MENTION_SIEVE/ENTITY_SIEVE": the product of both."""
        mention, _, entity = trace.partition("/")
        return round(self.mention.get(mention, 0.5) * self.entity.get(entity, 0.5), 3)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SievePrecision:
        """Read the ``precision`` of each sieve of the two passes."""
        return cls(
            mention=MappingProxyType({k: float(v["precision"]) for k, v in data.get("mention", {}).items()}),
            entity=MappingProxyType({k: float(v["precision"]) for k, v in data.get("entity", {}).items()}),
        )


@lru_cache(maxsize=1)
def sieve_precision() -> SievePrecision:
    """The sieve precisions shipped with quotex."""
    return SievePrecision.from_dict(read("sieve_precision.json"))


@registry.misc("quotex.speech_cues.v1")  # type: ignore[untyped-decorator]  # catalogue is untyped
def speech_cues_v1() -> SpeechCues:
    """Registered getter so a config can name the lexicon: ``@misc = "quotex.speech_cues.v1"``."""
    return speech_cues()
