"""Turns Documents into the comparable items (quotes and claims) that alignment works on."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import Levenshtein

from quotex.alignment.lexical import coverage, lemma, phrase
from quotex.alignment.normalize import Token, content_stems, light_form, stopwords, tokenize, word_key
from quotex.alignment.normalize import keys as keys_of
from quotex.lexicons import read
from quotex.person_names import family_name_at
from quotex.results import Document, Speaker, TextSpan

_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|(?:\.{3}|…)(?=[A-Z])|\n\s*\n|\n(?=[A-Z])")
_LAST_WORD = re.compile(r"\b\w+$")
_DETERMINERS = ("the ", "a ", "an ")


@lru_cache(maxsize=1)
def _name_rules() -> tuple[tuple[tuple[str, str], ...], tuple[str, ...], frozenset[str]]:
    data = read("name_keys.json")
    return (
        tuple((a, b) for a, b in data["replace"]),
        tuple(data["strip_endings"]),
        frozenset(data["drop"]),
    )


def name_part_key(part: str) -> str:
    """Transliteration-folded key of one name part: Zelenskiy/Zelenskyy/Zelensky -> 'zelensk'.

    Args:
        part: One word of a name.

    Returns:
        The key; equal keys mean "the same name spelled differently".
    """
    rules, endings, _ = _name_rules()
    s = re.sub(r"[^a-z]", "", part.lower().replace("'", ""))
    for a, b in rules:
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)  # doubled letters: Zelenskyy, Gaddafi
    for end in endings:
        if s.endswith(end) and len(s) > 3:
            s = s[: -len(end)]
    return s


def name_parts(name: str) -> list[str]:
    """The words of a name without titles and determiners ('the Kremlin' -> ['Kremlin'])."""
    _, _, drop = _name_rules()
    words = [w for w in re.split(r"[\s]+", name.strip()) if w]
    return [w for w in words if w.lower().strip(".") not in drop]


def surname(parts: Sequence[str]) -> str:
    """The family name among a name's words: the last, or the first in Korean and Chinese order."""
    at = family_name_at(parts)
    return parts[-1] if at is None else parts[at]


def given_names(parts: Sequence[str]) -> list[str]:
    """A name's given names ('Chancellor Friedrich Merz' -> ['Friedrich'], 'Yoon Suk Yeon' -> ['Suk Yeon'])."""
    at = family_name_at(parts)
    if at is not None:  # one given name in syllables: "Suk Yeon" is "Seok-yeon", not two names
        return [" ".join(parts[at + 1 :])]
    # a title is not a given name ("Chief Justice", "Lt. Gen.")
    return [p for p in parts[:-1] if p.strip(".").lower() not in not_given()]


@lru_cache(maxsize=1)
def not_given() -> frozenset[str]:
    """Capitalised words that stand before names but are not given names (titles, nationalities),
    lower-cased and without dots."""
    return frozenset(w.strip(".").lower() for w in read("name_keys.json")["not_given_names"])


def speaker_key(name: str | None) -> str | None:
    """Identity key of a speaker: folded surname, or None when no named speaker is known.

    Pronouns and common-noun descriptions ("he", "the diplomat") give None: such a speaker is
    unknown, not a different person.

    Args:
        name: Speaker.name.

    Returns:
        The key or None.
    """
    if not name:
        return None
    low = name.strip().lower()
    for det in _DETERMINERS:
        if low.startswith(det):
            name = name.strip()[len(det) :]
            break
    parts = name_parts(name)
    family = surname(parts) if parts else ""
    if not family[:1].isupper() or family.lower() in _pronouns():
        return None
    return name_part_key(family) or None


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    return frozenset(read("name_keys.json")["pronouns"])


def given_initials(name: str | None) -> str:
    """Initials of all given names ('Recep Tayyip Erdogan' -> 'rt'), else ''."""
    if not name:
        return ""
    return "".join(p[:1].lower() for p in given_names(name_parts(name)) if p[:1].isupper())


def given_initial(name: str | None) -> str:
    """Initial of the given name when the speaker's name has one ('Yuri Ushakov' -> 'y'), else ''."""
    if not name:
        return ""
    given = given_names(name_parts(name))
    return given[0][:1].lower() if given and given[0][:1].isupper() else ""


def _deletions(key: str) -> set[str]:
    """The key and every form of it with one letter deleted."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _one_slip(a: int, b: int) -> bool:
    return min(a, b) == 1 and max(a, b) >= 2


def misspelt_keys(uses: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """Surname keys one letter apart that name one person (Vogt/Voigt), each mapped to the commoner key.

    Transliteration folding cannot foresee a typo. Two keys merge only when some mention of each
    has a given name with the same initial and every document that uses both writes one of them
    only once and the other more often: an article that writes both alike is naming two people
    (Cole and Cale), one that slips once ("Mertz" twice beside "Merz") is not.

    Args:
        uses: ``(surname key, document id, given-name initial or "")`` per mention.

    Returns:
        The keys to rename; keys not in it stay as they are.
    """
    counts: Counter[str] = Counter()
    per_doc: Counter[tuple[str, str]] = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    givens: dict[str, set[str]] = defaultdict(set)
    for key, doc, given in uses:
        counts[key] += 1
        per_doc[key, doc] += 1
        docs[key].add(doc)
        givens[key].update(given)
    rank = {k: i for i, k in enumerate(sorted(counts, key=lambda k: (-counts[k], k)))}
    # keys one edit apart share a one-letter deletion (or one is the other's): a linear index
    # instead of comparing every pair of surnames in a large corpus
    by_variant: dict[str, list[str]] = defaultdict(list)
    for key in rank:
        if len(key) >= 4:
            for variant in _deletions(key):
                by_variant[variant].append(key)
    out: dict[str, str] = {}
    for key in sorted(rank, key=rank.__getitem__):
        if len(key) < 4:
            continue
        near = {o for v in _deletions(key) for o in by_variant[v]}
        for other in sorted(near, key=rank.__getitem__):
            if rank[other] >= rank[key]:
                break
            if (
                other not in out
                and Levenshtein.distance(key, other, score_cutoff=1) <= 1
                and givens[key] & givens[other]
                and all(_one_slip(per_doc[key, d], per_doc[other, d]) for d in docs[key] & docs[other])
            ):
                out[key] = other
                break
    return out


def same_speaker(a: Item, b: Item) -> bool:
    """Same named speaker: one surname key, and given names that do not disagree.

    Only the initial is compared, so Yuri/Yury and Vladimir/Volodymyr stay one speaker while
    Elena/Rosa Yilmaz are two.
    """
    if a.skey is None or a.skey != b.skey:
        return False
    # "Tayyip Erdogan" is "Recep Tayyip Erdogan": one shared given-name initial is enough
    return not a.given or not b.given or not set(a.given).isdisjoint(b.given)


# keys fold apostrophes, so "we're", "I'll" and "U.S." (were, ill, us) cannot be told from other words
FIRST_PERSON = frozenset({"i", "im", "ive", "me", "my", "mine", "we", "weve", "our", "ours"})


@dataclass
class Item:
    """A quote or claim prepared for comparison."""

    idx: int
    doc: str
    doc_pos: int
    item_id: str
    kind: str
    start: int
    end: int
    text: str
    speaker: str | None
    skey: str | None
    tokens: list[Token]
    words: tuple[str, ...]
    content: frozenset[str]
    context: frozenset[str]
    light: str
    is_quote: bool
    inside: list[str] = field(default_factory=list)  # ids of quotes inside a claim
    quoted: list[tuple[int, int]] = field(default_factory=list)  # their spans (with the marks)
    given: str = ""  # initials of the speaker's given names, when known
    lemmas: frozenset[str] = frozenset()  # dictionary lemmas of the content words
    piece: bool = False  # one sentence of a quotation of several
    reported: bool = False  # an unquoted sentence that reports speech ("he said the toll had risen")

    @property
    def numbers(self) -> frozenset[str]:
        """The numbers it states (the anchors of a paraphrase: "70 countries" / "70 nations")."""
        return frozenset(lm for lm in self.lemmas if lm[:1].isdigit())

    @property
    def first_person(self) -> bool:
        """The words speak in the first person (I, we, my, our...)."""
        return not FIRST_PERSON.isdisjoint(self.words)

    @property
    def is_sentence(self) -> bool:
        """An unquoted sentence of narration, a candidate only beside another article's statement."""
        return self.kind == "sentence"

    @property
    def n(self) -> int:
        """Number of words (punctuation excluded)."""
        return len(self.words)


def _speaker_name(sp: Speaker | None) -> str | None:
    if sp is None:
        return None
    return sp.name or sp.text or None


@lru_cache(maxsize=1)
def _abbreviated_titles() -> frozenset[str]:
    # "Mr.", "Dr.", "Sen.": the short titles of the roles lexicon, written with a full stop
    return frozenset(t for t in read("roles.json")["titles"] if len(t) <= 4)


def _sentence_ends(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    # a full stop after a title ("Mr. Draghi") or an initial ("J. Smith", "U.S. President") ends
    # no sentence
    for m in _SENT_END.finditer(text, start, len(text) if end is None else end):
        if text[m.start()] == ".":
            word = _LAST_WORD.search(text, max(0, m.start() - 12), m.start())
            if word is not None and (
                len(word.group()) == 1 and word.group().isupper() or word.group().lower() in _abbreviated_titles()
            ):
                continue
        yield m


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence(s) around ``text[start:end]`` (a simple, model-free split)."""
    left = 0
    for m in _sentence_ends(text, max(0, start - 600), start):
        left = m.end()
    m2 = next(_sentence_ends(text, end), None)
    right = m2.start() + 1 if m2 else len(text)
    return left, min(len(text), right)


@lru_cache(maxsize=1)
def _org_words() -> frozenset[str]:
    return frozenset(read("roles.json")["org_name_words"])


def _name_run(words: Sequence[Token], i: int, stop: frozenset[str]) -> int:
    """Length of the organisation's name starting at ``i``: three to five capitalised words with only
    spaces between them, none a stopword ("The", "On"), the last an organisation word ("European
    Central Bank", "International Olympic Committee's"); else 0."""
    n = 0
    while (
        i + n < len(words)
        and n < 5
        and words[i + n].text[:1].isupper()
        and words[i + n].text[1:].replace("’s", "").replace("'s", "").islower()
        and words[i + n].key not in stop
        and (n == 0 or words[i + n].start == words[i + n - 1].end + 1)  # no comma or full stop between
    ):
        n += 1
    # the longest such name from i: "European Central Bank President" is the bank and a title
    while n >= 3 and token_lemma(words[i + n - 1]) not in _org_words():
        n -= 1
    return n if n >= 3 else 0


def content_lemmas(tokens: Sequence[Token]) -> frozenset[str]:
    """Dictionary lemmas of the content words (stopwords and punctuation dropped); a fixed phrase of
    the thesaurus is one lemma, and so is an organisation's name, as its acronym."""
    stop = stopwords()
    words = [t for t in tokens if t.key]
    out: set[str] = set()
    i = 0
    while i < len(words):
        # an organisation's name of three or more words is its acronym, as other outlets write it
        # ("European Central Bank" ~ "ECB")
        name = _name_run(words, i, stop)
        if name:
            acronym = "".join(t.text[0] for t in words[i : i + name]).lower()
            if acronym not in stop:  # "World Health Organization" is WHO, a stopword's shape
                out.add(acronym)
                i += name
                continue
        # a fixed phrase of the thesaurus is one unit ("day and night" ~ "around the clock"); two
        # words are left alone ("the country", "open up" are no idioms)
        for n in (4, 3):
            run = words[i : i + n]
            found = phrase([t.key for t in run]) if len(run) == n else None
            if found is not None and run[0].key not in stop and run[-1].key not in stop:
                out.add(found)
                i += n
                break
        else:
            if words[i].key not in stop:
                out.add(token_lemma(words[i]))
            i += 1
    return frozenset(out)


def token_lemma(t: Token) -> str:
    """The dictionary lemma of one word token (a possessive's owner: "Draghi's" -> "draghi")."""
    return lemma(_possessor(t))


def _possessor(t: Token) -> str:
    # "Draghi's" is Draghi: the key drops the apostrophe, the lemma must drop the 's too
    if len(t.text) > 3 and t.text[-2] in "'’" and t.text[-1] in "sS":
        return word_key(t.text[:-2])
    return t.key


# a quotation mark, not an apostrophe ("He's", "Smiths'")
_QUOTED = re.compile(r"(?<!\w)[\"“‘']([^\"“”‘’]{3,80}?)[\"”’'](?!\w)")


@lru_cache(maxsize=4096)
def quoted_phrases(text: str) -> frozenset[tuple[str, ...]]:
    """Word keys of each phrase of two words or more that ``text`` holds in quotation marks."""
    out = (tuple(keys_of(m.group(1))) for m in _QUOTED.finditer(text))
    return frozenset(k for k in out if len(k) >= 2)


#: shorter sentences ("He agreed.") say too little to be matched without quotation marks
MIN_SENTENCE_WORDS = 4


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of every sentence of ``text`` (the model-free split of :func:`sentence_bounds`),
    surrounding spaces and quotation marks trimmed."""
    out = []
    left = 0
    for m in [*_sentence_ends(text), None]:
        right = m.start() + 1 if m else len(text)
        s, e = left, min(right, len(text))
        while s < e and (text[s].isspace() or text[s] in "\"'“‘”’"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in "\"'“‘”’"):
            e -= 1
        if e > s:
            out.append((s, e))
        if m:
            left = m.end()
    return out


# where a sentence or a report joins two statements: a participle clause (", adding that ...",
# ", imposing ...", not ", including ...", nor "-ing" words that are no participles: ", everything
# ...", ", during ..."), a second "that" clause, a semicolon or a dash
_CLAUSE = re.compile(
    r",\s+(?=(?!(?:including|during|(?:every|no|some|any)?thing|morning|evening)\b)[a-z]+ing\b)"
    r"|,?\s+and (?:that\s+|(?=(?:he|she|they|we|I)\s))|;\s+|\s+[-—–]\s+"
)
_OPENING_PARTICIPLE = re.compile(r"([A-Z][a-z]+ing\b[^,;]*),\s+")
_CLAIM_CLAUSE = re.compile(r",?\s+and (?:that\s+|(?=(?:he|she|they|we|I)\s))")


def clause_spans(text: str, boundary: re.Pattern[str] = _CLAUSE) -> list[tuple[int, int]]:
    """Offsets of the clauses of one sentence; a clause too short to stand alone stays with the one before."""
    out: list[tuple[int, int]] = []
    left = 0
    # "Noting that 70 countries had offered help, Erdogan announced ...": an opening participle clause
    opening = _OPENING_PARTICIPLE.match(text) if boundary is _CLAUSE else None
    if opening:
        out.append((0, opening.end(1)))
        left = opening.end()
    for m in [*boundary.finditer(text, left), None]:
        right = m.start() if m else len(text)
        if out and len(keys_of(text[left:right])) < MIN_SENTENCE_WORDS:
            out[-1] = (out[-1][0], right)
        elif right > left:
            out.append((left, right))
        if m:
            left = m.end()
    if len(out) > 1 and len(keys_of(text[out[0][0] : out[0][1]])) < MIN_SENTENCE_WORDS:
        out[:2] = [(out[0][0], out[1][1])]
    return out or [(0, len(text))]


def _is_cue(text: str) -> bool:
    # "Erdogan announced that", "the mayor said", "adding that": too short to be a statement
    keys = [t.key for t in tokenize(text) if t.key]
    return 0 < len(keys) < MIN_SENTENCE_WORDS and any(lemma(k) in _cue_verbs() for k in keys)


def _trim_cues(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without the attribution clauses that open or close it."""
    while (cut := text.rfind(",", start, end)) >= 0 and _is_cue(text[cut + 1 : end]):
        end = cut
    while True:
        while start < end and (text[start] in " ,;:" or text.startswith("and ", start)):
            start += 4 if text.startswith("and ", start) else 1
        cut = text.find(",", start, end)
        if cut < 0 or not _is_cue(text[start:cut]):
            return start, len(text[:end].rstrip())
        start = cut + 1


def relay_rest(text: str, inner: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses of a relayed claim outside the claims it contains.

    "Noting that X, the minister announced that Y, Reuters reported": the relay's claim holds Y, a
    claim of its own, and X; as one item it would join the groups of X and Y into one.
    """
    out: list[tuple[int, int]] = []
    left = 0
    for s, e in [*sorted(inner), (len(text), len(text))]:
        if s > left:
            gap = text[left:s]
            for cs, ce in clause_spans(gap, _CLAIM_CLAUSE):
                cs, ce = _trim_cues(gap, cs, ce)
                if len(keys_of(gap[cs:ce])) >= MIN_SENTENCE_WORDS:
                    out.append((left + cs, left + ce))
        left = max(left, e)
    return out


@lru_cache(maxsize=1)
def _cue_verbs() -> frozenset[str]:
    # the attribution lexicon (imported here: it registers with spaCy, which align does not need)
    from quotex.registry import speech_cues

    cues = speech_cues()
    return cues.verbs - cues.judgement_verbs  # "condemned Smith": a judgement names a person, not a report


_SAID = frozenset({"said", "says", "told", "wrote"})


_CUE_TAIL = re.compile(r"\s*(?:that\b)?[\s,:]*")


def report_start(text: str) -> int:
    """Where the reported words begin in a sentence that reports speech: after its last speech verb
    ("Winterkorn said there would be ..." -> "there would be ...", "described X as ..."), else 0.

    Only a verb in the first two thirds counts, and at least four words must follow it.
    """
    verbs = _cue_verbs()
    toks = [t for t in tokenize(text) if t.key]
    for i in range(len(toks) - MIN_SENTENCE_WORDS - 1, -1, -1):
        t = toks[i]
        if t.start * 3 > len(text) * 2 or not t.key.isalpha():
            continue
        # said, added, pledged, saying; other forms only before "that", within three words
        # ("critics concede that", "report to you today that"): "reports", "claims" and "answers"
        # are nouns as often
        that = next((x for x in toks[i + 1 : i + 5] if x.key == "that"), None)
        inflected = t.key in _SAID or t.key.endswith(("ed", "ing")) or that is not None
        if inflected and lemma(t.key) in verbs:
            tail = _CUE_TAIL.match(text, that.end if that is not None else t.end)
            return tail.end() if tail else t.end
    return 0


def _covered(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    # a sentence mostly taken by a quote or claim already has its item
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return inside * 2 >= end - start


def _in_boilerplate(start: int, end: int, spans: Sequence[TextSpan]) -> bool:
    return any(b.start <= start and end <= b.end for b in spans)


def _item(
    idx: int,
    doc: str,
    pos: int,
    item_id: str,
    kind: str,
    start: int,
    end: int,
    text: str,
    speaker: Speaker | None,
    toks: list[Token],
    **extra: Any,
) -> Item:
    """One Item; quotes and claims differ only in their context and quote bookkeeping."""
    name = _speaker_name(speaker)
    return Item(
        idx=idx,
        doc=doc,
        doc_pos=pos,
        item_id=item_id,
        kind=kind,
        start=start,
        end=end,
        text=text,
        speaker=name,
        skey=speaker_key(name),
        given=given_initials(name),
        tokens=toks,
        words=tuple(t.key for t in toks if t.key),
        lemmas=content_lemmas(toks),
        light=light_form(text),
        **extra,
    )


#: share of a sentence's content lemmas (synonyms count) that another article's item must repeat for
#: the sentence to count as quoted on its own there
PIECE_EVIDENCE = 0.7


def _split_quotations(items: list[Item]) -> list[Item]:
    """Keep either each quotation of several sentences whole or its sentences, never both.

    A quotation is one statement unless another article carries one of its sentences without the
    rest (outlets quote them apart): then each sentence is a statement of its own.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for it in items:
        for lm in it.lemmas:
            index[lm].append(it.idx)
    by_quote: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for it in items:
        if it.is_quote:
            by_quote[it.doc, it.item_id].append(it)
    split: set[tuple[str, str]] = set()
    whole_lemmas = {key: next(it.lemmas for it in group if not it.piece) for key, group in by_quote.items()}
    for key, group in by_quote.items():
        for piece in (it for it in group if it.piece and len(it.lemmas) >= 2):
            seen: Counter[int] = Counter()
            for lm in piece.lemmas:
                if len(index[lm]) <= 300:
                    seen.update(index[lm])
            rest = [it.lemmas - piece.lemmas for it in group if it.piece and it is not piece]
            if any(
                n * 2 >= len(piece.lemmas)
                and items[o].is_quote
                and items[o].doc != piece.doc
                and coverage(piece.lemmas, items[o].lemmas) >= PIECE_EVIDENCE
                # o's whole quotation (not just its sentence) must lack the rest of ours
                and any(
                    len(r & whole_lemmas.get((items[o].doc, items[o].item_id), items[o].lemmas)) * 2 < len(r)
                    for r in rest
                    if r
                )
                for o, n in seen.items()
            ):
                split.add(key)
                break
    kept = [it for it in items if not it.is_quote or it.piece == ((it.doc, it.item_id) in split)]
    for i, it in enumerate(kept):
        it.idx = i
    return kept


def build_items(
    docs: Sequence[Document], *, quote_kinds: Sequence[str], use_claims: bool, use_sentences: bool = True
) -> list[Item]:
    """Collect the quotes (of the given kinds) and claims of every document as Items.

    A partial quote's context is the claim that contains it, else its sentence; a direct quote's
    or a claim's context is its own words plus its sentence.
    """
    items: list[Item] = []
    for pos, doc in enumerate(docs):
        first = len(items)  # this document's items start here
        claims = [c for c in doc.claims if not _in_boilerplate(c.start, c.end, doc.boilerplate)]
        for q in doc.quotes:
            if q.kind not in quote_kinds or _in_boilerplate(q.start, q.end, doc.boilerplate):
                continue
            host = next(
                (c for c in claims if c.start <= q.start and q.end <= c.end and c.end - c.start > q.end - q.start),
                None,
            )
            # its sentences, and the clauses of a long one ("..., and we are proud to say that we
            # found it"): another outlet may quote any of them on its own
            pieces = (
                [
                    (ss + cs + report_start(q.text[ss + cs : ss + ce]), ss + ce)
                    for ss, se in sentence_spans(q.text)
                    for cs, ce in clause_spans(q.text[ss:se])
                ]
                if q.kind == "direct"
                else []
            )
            for ps, pe in [(0, len(q.text))] + (pieces if len(pieces) > 1 else []):
                start, end = q.start + ps, q.start + pe
                text = doc.text[start:end]
                toks = tokenize(text, start)
                if not any(t.key for t in toks):
                    continue
                if host is not None and q.kind == "partial":
                    ctx_text = host.text
                else:
                    s, e = sentence_bounds(doc.text, start, end)
                    ctx_text = doc.text[s:e] if q.kind == "partial" else text
                own = content_stems(toks)
                items.append(
                    _item(
                        len(items),
                        doc.id,
                        pos,
                        q.id,
                        q.kind,
                        start,
                        end,
                        text,
                        q.speaker,
                        toks,
                        content=own,
                        context=content_stems(tokenize(ctx_text)) | own,
                        is_quote=True,
                        piece=(start, end) != (q.start, q.end),
                    )
                )
        if not use_claims:
            continue
        quote_spans = {q.id: (q.start, q.end) for q in doc.quotes}
        for c in claims:
            # a relay's claim ("X, Erdogan announced that Y, Reuters reported") holding another claim
            held = [
                (o.start - c.start, o.end - c.start)
                for o in claims
                if c.start <= o.start and o.end <= c.end and (o.start, o.end) != (c.start, c.end)
            ]
            # "said that 70 countries had offered help and that hotels would open": two reports
            for cs, ce in relay_rest(c.text, held) if held else clause_spans(c.text, _CLAIM_CLAUSE):
                start, end = c.start + cs, c.start + ce
                text = doc.text[start:end]
                toks = tokenize(text, start)
                if not any(t.key for t in toks):
                    continue
                inside = [qid for qid, (s, e) in quote_spans.items() if start <= s and e <= end]
                quoted = [(quote_spans[q][0] - 1, quote_spans[q][1] + 1) for q in inside if q in quote_spans]
                own = content_stems(toks)
                items.append(
                    _item(
                        len(items),
                        doc.id,
                        pos,
                        c.id,
                        "claim",
                        start,
                        end,
                        text,
                        c.speaker,
                        toks,
                        content=own,
                        context=own,
                        is_quote=False,
                        inside=sorted(set(inside) | (set(c.quotes) if (cs, ce) == (0, len(c.text)) else set())),
                        quoted=quoted,
                    )
                )
        if use_sentences:
            taken = [(it.start, it.end) for it in items[first:]]
            # a sentence around a direct quote is that quote and its cue, already an item
            direct = [(q.start, q.end) for q in doc.quotes if q.kind == "direct"]
            for s, e in (
                (ss + cs, ss + ce) for ss, se in sentence_spans(doc.text) for cs, ce in clause_spans(doc.text[ss:se])
            ):
                cue = report_start(doc.text[s:e])
                s += cue
                if (
                    _in_boilerplate(s, e, doc.boilerplate)
                    or _covered(s, e, taken)
                    or any(qs < e and s < qe for qs, qe in direct)
                ):
                    continue
                toks = tokenize(doc.text[s:e], s)
                if sum(1 for t in toks if t.key) < MIN_SENTENCE_WORDS:
                    continue
                own = content_stems(toks)
                # the speaker of a quote inside the sentence speaks it ('Weber called it "a good start"')
                inner = [q for q in doc.quotes if q.start < e and s < q.end and q.speaker]
                items.append(
                    _item(
                        len(items),
                        doc.id,
                        pos,
                        f"s{s}",
                        "sentence",
                        s,
                        e,
                        doc.text[s:e],
                        inner[0].speaker if inner else None,
                        toks,
                        content=own,
                        context=own,
                        is_quote=False,
                        inside=[q.id for q in inner],
                        reported=cue > 0,
                    )
                )
    items = _split_quotations(items)
    merged = misspelt_keys((it.skey, it.doc, it.given) for it in items if it.skey)
    for it in items:
        it.skey = merged.get(it.skey, it.skey) if it.skey else it.skey
    return items
