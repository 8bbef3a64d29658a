"""Registered defaults: the speech-cue and role lexicons shipped as data files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.util import registry


@dataclass(frozen=True)
class SpeechCues:
    """Speech-cue lexicon: verb lemmas, prepositional cues, role nouns, titles, pronouns."""

    verbs: frozenset[str]
    claim_verbs: frozenset[str]
    prepositional: tuple[str, ...]
    quoted_as: frozenset[str]
    nonspeech_subjects: frozenset[str]
    person_roles: frozenset[str]
    org_roles: frozenset[str]
    titles: frozenset[str]
    pronouns: dict[str, str]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpeechCues:
        """Build from the merged JSON of ``speech_cues.json`` and ``roles.json``."""
        return cls(
            verbs=frozenset(data["verbs"]),
            claim_verbs=frozenset(data["claim_verbs"]),
            prepositional=tuple(data["prepositional"]),
            quoted_as=frozenset(data["quoted_as"]),
            nonspeech_subjects=frozenset(data["nonspeech_subjects"]),
            person_roles=frozenset(data["person_roles"]),
            org_roles=frozenset(data["org_roles"]),
            titles=frozenset(data["titles"]),
            pronouns=dict(data["pronouns"]),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form, the inverse of :meth:`from_dict`."""
        return {
            "verbs": sorted(self.verbs),
            "claim_verbs": sorted(self.claim_verbs),
            "prepositional": list(self.prepositional),
            "quoted_as": sorted(self.quoted_as),
            "nonspeech_subjects": sorted(self.nonspeech_subjects),
            "person_roles": sorted(self.person_roles),
            "org_roles": sorted(self.org_roles),
            "titles": sorted(self.titles),
            "pronouns": dict(self.pronouns),
        }


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("quotex.lexicons").joinpath(name).read_text(encoding="utf-8")
    )
    return data


@lru_cache(maxsize=1)
def speech_cues() -> SpeechCues:
    """The lexicon shipped with quotex (``quotex/lexicons/*.json``)."""
    return SpeechCues.from_dict({**_read("speech_cues.json"), **_read("roles.json")})


@registry.misc("quotex.speech_cues.v1")
def speech_cues_v1() -> SpeechCues:
    """Registered getter so a config can name the lexicon: ``@misc = "quotex.speech_cues.v1"``."""
    return speech_cues()
