"""Tune spaCy's English tokenizer for news text before training."""

from __future__ import annotations

import re

from spacy.lang.char_classes import ALPHA, HYPHENS
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

#: Hyphenated place and family names that stay one token: "Mar-a-Lago", "Stratford-upon-Avon".
HYPHENATED_NAME = r"[A-Z][a-z]+(?:-[a-z]{1,4})+-[A-Z][a-z]+"
#: spaCy's hyphen infix, which would split "Mar-a-Lago" when a dash or quote follows it.
DEFAULT_HYPHEN_INFIX = r"(?<=[{a}0-9])(?:{h})(?=[{a}])".format(a=ALPHA, h=HYPHENS)
#: The same infix, except at the hyphens of a hyphenated name (lookbehinds must be fixed-width).
HYPHEN_INFIX = (
    r"(?<=[{a}0-9])(?!-[a-z]{{1,4}}-[A-Z])"
    r"(?!(?:(?<=-[a-z])|(?<=-[a-z]{{2}})|(?<=-[a-z]{{3}})|(?<=-[a-z]{{4}}))-[A-Z])"
    r"(?:{h})(?=[{a}])"
).format(a=ALPHA, h=HYPHENS)
#: En and em dashes between numbers or words split off ("1990–2000", "war—and"), as UD does.
DASH_INFIXES = [r"(?<=[0-9A-Za-z])[–—](?=[0-9A-Za-z])"]
#: Abbreviations common in news that must keep their final period.
NEWS_ABBREVIATIONS = [
    "A.M.",
    "P.M.",
    "a.m.",
    "p.m.",
    "U.S.",
    "U.K.",
    "U.N.",
    "E.U.",
    "D.C.",
    "U.S.A.",
    "Gov.",
    "Sen.",
    "Rep.",
    "Gen.",
    "Lt.",
    "Col.",
    "Sgt.",
    "Supt.",
    "Rev.",
    "Atty.",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "No.",
    "Nos.",
    "Inc.",
    "Corp.",
    "Ltd.",
    "Co.",
    "Jr.",
    "Sr.",
    "St.",
    "Ft.",
    "Mt.",
    "Dept.",
    "Univ.",
]


def customize_tokenizer(nlp: Language) -> None:
    """Make the tokenizer of ``nlp`` handle news conventions; it is saved with the pipeline.

    Curly and straight quotes, possessive ``'s``/``’s`` and dotted abbreviations are already
    split or kept by spaCy's English defaults; this adds dashes between words or numbers,
    hyphenated names kept whole and news abbreviations.

    Args:
        nlp: A blank or trained English pipeline whose tokenizer is changed in place.
    """
    tokenizer = nlp.tokenizer
    infixes = list(nlp.Defaults.infixes or ())
    if not isinstance(tokenizer, Tokenizer) or DEFAULT_HYPHEN_INFIX not in infixes:
        raise ValueError("expected spaCy's English rule tokenizer; update customize_tokenizer")
    infixes = [HYPHEN_INFIX if infix == DEFAULT_HYPHEN_INFIX else infix for infix in infixes]
    tokenizer.infix_finditer = compile_infix_regex([*infixes, *DASH_INFIXES]).finditer
    tokenizer.token_match = re.compile(f"^{HYPHENATED_NAME}$").match
    for abbr in NEWS_ABBREVIATIONS:
        tokenizer.add_special_case(abbr, [{ORTH: abbr}])
