"""Speech cues in a parsed Doc: the verb or phrase that marks speech, its speaker token and its content."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from quotex.extract.quotes import headline_span
from quotex.registry import SpeechCues

# dependency labels of both label sets spaCy pipelines use: UD (our model) and ClearNLP
_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubj:pass", "nsubjpass"}
_CONTENT = {"ccomp"}
_OBJ = {"obj", "dobj", "iobj"}
# "on Sunday, stating that ...": a proper noun that names a time is never a speaker
TIME_WORDS = frozenset(
    w.lower() for w in [*calendar.day_name, *calendar.month_name, "today", "yesterday", "tomorrow"] if w
)
_CLIMB = {"advcl", "xcomp", "conj", "acl", "relcl", "acl:relcl"}
_NOMINAL = {"NOUN", "PROPN", "PRON"}


@dataclass(frozen=True)
class CueMatch:
    """One speech event: its cue words, the token its speaker rests on, what was said.

    Attributes:
        cue: The cue words ("said", "according to", "quoted ... as saying" as its verb).
        lemma: Normalised cue: a verb lemma, "according to", "quote as saying", ":".
        subject: Head token of the speaker mention, when one is found.
        content: The reported clause (claims) when the cue governs one outside quotes.
        relay: Whether the cue passes on someone else's words ("Reuters reported", "AFP quoted").
        sieve: The pass-1 sieve that found the speaker token (one of :data:`MENTION_ORDER`).
    """

    cue: Span
    lemma: str
    subject: Token | None
    content: Span | None
    relay: bool = False
    sieve: str = ""


#: pass 1, in order: how the mention that names a quote's or claim's source is found. Per
#: token, a "quoted ... as saying" or "according to" cue before a verb's; per verb, the subject
#: sieves in this order (the first that finds a token wins; "apposition" then corrects a subject
#: that only describes a name); colon, dash and headline cues beside them; quotes without a cue
#: of their own fall to "previous_sentence", then "continuation" (quotex.extract.attribution).
#: The ``mention_sieves`` setting of ``quotex_speakers`` may reorder or leave sieves out.
MENTION_ORDER: tuple[str, ...] = (
    "quoted_as",
    "according_to",
    "trailing_name",
    "preceding_cue",
    "cue_subject",
    "adjacent_name",
    "sentence_subject",
    "apposition",
    "report_noun",
    "colon",
    "dash",
    "headline",
    "previous_sentence",
    "continuation",
)


def find_cues(
    doc: Doc, quotes: Sequence[Span], lexicon: SpeechCues, order: Sequence[str] = MENTION_ORDER
) -> list[CueMatch]:
    """All speech cues in ``doc`` outside quotations, in text order.

    Args:
        doc: A parsed Doc (tagger, lemmatizer and dependency parser).
        quotes: Quotation spans; words inside them are the quoted person's, not cues.
        lexicon: The speech-cue lexicon.
        order: The pass-1 sieves to run, in order (see :data:`MENTION_ORDER`).

    Returns:
        One match per cue, with its speaker token and content clause where found.
    """
    inside = quote_mask(doc, quotes)
    found: list[CueMatch] = []
    covered = 0  # tokens before this belong to a cue already found ("quoted X as saying")
    for tok in doc:
        if inside[tok.i] or tok.is_space or tok.i < covered:
            continue
        quoted = "quoted_as" in order and lexicon.verb_lemma(tok.text, tok.lemma_) in lexicon.quoted_as
        match = (
            (_quoted_as(doc, tok, inside) if quoted else None)
            or ("according_to" in order and _prepositional(doc, tok, lexicon, inside) or None)
            or _verbal(doc, tok, lexicon, inside, order)
            or ("report_noun" in order and _nominal(doc, tok, lexicon, inside) or None)
            or _phrasal(doc, tok, lexicon, inside)
        )
        if match is not None:
            found.append(match)
            covered = match.cue.end
    if "colon" in order:
        found.extend(_colon_cues(doc, quotes, inside, lexicon))
    if "headline" in order:
        found.extend(_headline_colon(doc, lexicon))
    if "dash" in order:
        found.extend(_dash_cues(doc, quotes, inside))
    found.sort(key=lambda m: m.cue.start)
    return [_unrelay(_outreported(m, found), found) for m in found]


def _unrelay(match: CueMatch, cues: Sequence[CueMatch]) -> CueMatch:
    """'The minister said inflation, according to the bank, would peak': a relay inside another
    cue's clause is part of what was said, not a report of its own. Outside it, a relay is a
    layer of its own ('X said Y, Reuters reported' reports Y as X's claim and as Reuters')."""
    if not match.relay or match.content is None:
        return match
    if any(
        c is not match and c.content is not None and c.content.start <= match.cue.start < c.content.end for c in cues
    ):
        return replace(match, content=None)
    return match


def _outreported(match: CueMatch, cues: Sequence[CueMatch]) -> CueMatch:
    """'Johnson highlighted a minister's suggestion that X': X is the claim of the nearer report."""
    content = match.content
    if content is None:
        return match
    nearer = any(
        c is not match and c.content is not None and c.content.start == content.start and match.cue.end <= c.cue.start
        for c in cues
    )
    return replace(match, content=None) if nearer else match


def _phrasal(doc: Doc, tok: Token, lexicon: SpeechCues, inside: list[bool]) -> CueMatch | None:
    """'has made it clear that ...', '..., expressing concerns that ...': a verb and a word that
    together report a clause (``report_phrases`` in the lexicon)."""
    words = lexicon.report_phrases.get(tok.lemma_.lower())
    if not words or tok.pos_ != "VERB":
        return None
    window = doc[tok.i + 1 : min(len(doc), tok.i + 4)]
    word = next((t for t in window if t.lower_ in words), None)
    if word is None or word.i + 1 >= len(doc) or doc[word.i + 1].lower_ != "that" or inside[word.i + 1]:
        return None
    content = _clause_to_end(doc, word.i + 2, punct_sentence(doc, tok.i).end)
    own = _subject(tok, inside)
    subject = own or _sentence_subject(tok, inside)
    if content is None or subject is None:
        return None
    sieve = "cue_subject" if own is not None else "sentence_subject"
    return CueMatch(doc[tok.i : word.i + 1], f"{tok.lemma_.lower()} {word.lower_}", subject, content, sieve=sieve)


def _nominal(doc: Doc, tok: Token, lexicon: SpeechCues, inside: list[bool]) -> CueMatch | None:
    """'the union's warning that ...', 'arguments by the defence that ...', 'Labour claims that
    ...': a report noun with its source and a that-clause."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lexicon.report_nouns:
        return None
    source: Token | None = None
    after = tok.i + 1  # where the source's "by" or the "that" may start
    if tok.i >= 2 and doc[tok.i - 1].lower_ in {"'s", "’s", "'", "’"}:
        source = doc[tok.i - 2]  # "the union's warning"
    elif tok.i >= 1 and doc[tok.i - 1].tag_ == "PRP$":
        source = doc[tok.i - 1]  # "his insistence"
    elif tok.i >= 1 and doc[tok.i - 1].pos_ == "PROPN":
        source = doc[tok.i - 1]  # "Labour warnings"
    by = after < len(doc) and doc[after].lower_ == "by"
    sent_end = punct_sentence(doc, tok.i).end
    # the first "that" or punctuation (a plural possessive's apostrophe, a name's hyphen are neither)
    that = next(
        (t for t in doc[after : min(sent_end, after + 8)] if t.lower_ == "that" or t.is_punct and t.text not in "'’-"),
        None,
    )
    if that is None or that.lower_ != "that" or inside[that.i]:
        # "amid Labour warnings he has no majority": a that left out before a pronoun subject
        if source is None or after >= sent_end or doc[after].tag_ != "PRP" or doc[after].dep_ not in _SUBJ:
            return None
        content = _clause_to_end(doc, after, sent_end)
        if content is None:
            return None
        return CueMatch(doc[tok.i : tok.i + 1], tok.lemma_.lower(), source, content, sieve="report_noun")
    if by:  # "arguments by the defence's lawyers that"
        source = next((t for t in reversed(doc[after + 1 : that.i]) if t.pos_ in {"NOUN", "PROPN"}), None)
    if source is None:
        return None
    content = _clause_to_end(doc, that.i + 1, sent_end)
    if content is None:
        return None
    return CueMatch(doc[tok.i : tok.i + 1], tok.lemma_.lower(), source, content, sieve="report_noun")


def quote_mask(doc: Doc, quotes: Iterable[Span], *, marks: bool = True) -> list[bool]:
    """Per token, whether it is inside a quotation (its marks too, unless ``marks`` is False)."""
    flags = [False] * len(doc)
    for q in quotes:
        lo, hi = (max(0, q.start - 1), min(len(doc), q.end + 1)) if marks else (q.start, q.end)
        for i in range(lo, hi):
            flags[i] = flags[i] or q.start <= i < q.end or doc[i].is_quote
    return flags


def _prepositional(doc: Doc, tok: Token, lexicon: SpeechCues, inside: list[bool]) -> CueMatch | None:
    """'according to X', 'in the words of X': the speaker is the noun phrase after it."""
    low = tok.lower_
    if low not in lexicon.prepositional_starts:
        return None
    for phrase in lexicon.prepositional:
        words = phrase.split()
        if low != words[0] or tok.i + len(words) > len(doc):
            continue
        if [t.lower_ for t in doc[tok.i : tok.i + len(words)]] != words:
            continue
        cue = doc[tok.i : tok.i + len(words)]
        subject = _np_head_after(doc, cue.end, inside)
        if subject is None:
            return None
        # a relay: "X said ..., according to people familiar" leaves the clause to X
        sent = punct_sentence(doc, tok.i)
        relay = any(t.pos_ == "VERB" and lexicon.verb_lemma(t.text, t.lemma_) for t in doc[sent.start : tok.i])
        return CueMatch(cue, phrase, subject, _content_around(doc, cue, subject), relay=relay, sieve="according_to")
    return None


def _np_head_after(doc: Doc, i: int, inside: list[bool]) -> Token | None:
    """Head of the noun phrase starting at ``i``: the last noun of its first nominal run."""
    head = None
    j = i
    while j < len(doc) and j < i + 12 and not inside[j]:
        t = doc[j]
        if j > i and t.is_sent_start:
            break
        if t.pos_ in _NOMINAL or t.tag_ == "POS" or t.lower_ in {"'s", "’s"}:
            if t.pos_ in _NOMINAL:
                head = t
        elif t.pos_ in {"DET", "ADJ", "NUM", "PROPN"} or t.text == "-":
            if head is not None and t.pos_ == "DET":
                break
        else:
            break
        j += 1
    return head


def _content_around(doc: Doc, cue: Span, subject: Token) -> Span | None:
    """The clause an 'according to X' phrase is attached to: its sentence minus the phrase."""
    sent = cue.sent
    phrase_end = _phrase_end(doc, subject, sent.end)
    left = _strip_edges(doc, sent.start, cue.start)
    right = _strip_edges(doc, phrase_end, sent.end)
    # "Islamists who, according to a source, engaged in ...": a side ending in a relative pronoun is cut short
    cut = len(left) > 0 and left[-1].tag_ in {"WDT", "WP"}
    pick = right if cut or (right.end - right.start) > (left.end - left.start) else left
    return pick if len(pick) >= 3 else None


def _phrase_end(doc: Doc, head: Token, limit: int) -> int:
    end = head.i + 1
    for t in head.subtree:
        if t.i >= head.i and t.i < limit and not t.is_punct:
            end = max(end, t.i + 1)
        if t.i >= head.i and t.is_punct and t.text in {",", ";"}:
            break
    return min(end, limit)


_EDGE_PUNCT = {",", ";", ":", ".", "—", "–", "-", "!", "?"}


def _close_quotes(doc: Doc, start: int, end: int) -> int:
    """Extend ``end`` so that a quotation opened inside ``[start, end)`` ends inside it too."""
    opened = None
    for i in range(start, min(len(doc), end + 60)):
        t = doc[i]
        if not t.is_quote:
            continue
        if opened is None:
            if i >= end:
                break
            opened = i
        else:
            opened = None
            end = max(end, i + 1)
    return end


def _strip_edges(doc: Doc, start: int, end: int) -> Span:
    # a reported clause stays in its paragraph (the parser reads each as one line), and ends
    # where a coordinated speech verb or a trailing "according to" starts another report
    end = next((i + 1 for i in range(start, end) if "\n" in doc[i].text_with_ws), end)
    end = next((i for i in range(start + 1, end - 1) if _ends_report(doc, i, end)), end)
    for i in range(start, min(end - 1, start + 5)):
        # "said (on) Thursday that ...": an adverbial before "that" is not reported content
        if doc[i].lower_ == "that" and all(
            t.pos_ in {"PROPN", "NOUN", "ADP", "ADV", "NUM", "DET"} for t in doc[start:i]
        ):
            start = i + 1
            break
    while start < end and (
        doc[start].is_space or doc[start].text in _EDGE_PUNCT or doc[start].lower_ == "that" and start < end - 1
    ):
        start += 1
    # "said (late) on Tuesday the fund would ...": when it was said is not what was said, unless
    # the time word belongs to the clause ("said May inflation was higher")
    k = start
    if k + 1 < end and doc[k].lower_ in {"late", "early"} and doc[k + 1].lower_ == "on":
        k += 1
    if k + 1 < end and doc[k].lower_ in {"on", "last"}:
        k += 1
    if k + 1 < end and doc[k].lower_ in TIME_WORDS and doc[k].dep_ not in {"compound", "amod", "nmod", "nmod:poss"}:
        if doc[k + 1].lower_ in {"morning", "afternoon", "evening", "night"}:
            start = k + 2  # "said Monday night the talks had collapsed"
        elif doc[k + 1].pos_ in {"DET", "PROPN", "NOUN", "PRON"} and doc[k + 1].dep_ not in {"compound", "amod"}:
            start = k + 1
    if start + 2 < end and doc[start].tag_ == "VBG" and doc[start + 1].lower_ == "that":
        start += 2  # "he said, adding that ...": the parse may hang the participle in the clause
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _EDGE_PUNCT):
        end -= 1
    return doc[start:end]


def _ends_report(doc: Doc, i: int, end: int) -> bool:
    tok, nxt = doc[i], doc[i + 1]
    if tok.is_quote and _trailing_cue_at(doc, i + 1, end):
        return True  # '... within a legal "zone," Kent said, so ...': the cue closes the report
    if tok.text == "," and _report_participle(nxt.lower_):
        return True  # "..., saying prices were ...": the participle reports a clause of its own
    if tok.text == "," and nxt.lower_ == "according":
        # "..., according to people familiar with the talks" closing the sentence, not
        # "inflation, according to the forecast, would peak"
        return not any(t.pos_ in {"VERB", "AUX"} for t in doc[i + 2 : end])
    # "admitted that ... and said production would ...", not "cut costs and added 500 jobs"
    if not (tok.pos_ == "CCONJ" and nxt.pos_ == "VERB" and nxt.tag_ in {"VBD", "VBZ"} and nxt.lemma_ in _REPORT_LEMMAS):
        return False
    # ("and reminded the council that ...": the "that" may follow a recipient)
    that = next((t for t in doc[i + 2 : min(end, i + 8)] if t.lower_ == "that" or t.is_punct), None)
    # ('and wrote, "..."': a speech verb introducing a quote)
    introduces = i + 3 < end and doc[i + 2].text in {",", ":"} and doc[i + 3].is_quote
    return any(c.dep_ == "ccomp" for c in nxt.children) or that is not None and that.lower_ == "that" or introduces


def _trailing_cue_at(doc: Doc, k: int, end: int) -> bool:
    """Whether a short name or pronoun and a report verb start at ``k`` and end their clause ("Kent said,")."""
    j = k  # "Kent", "she", "Chief Ranger Ana Ruiz"
    while j < min(end, k + 5) and (doc[j].pos_ in {"PROPN", "PRON"} or doc[j].is_title and doc[j].is_alpha):
        j += 1
    closed = j + 1 >= end or doc[j + 1].text in {",", ".", ";"}
    return j > k and j < end and doc[j].lemma_ in _REPORT_LEMMAS and closed


_REPORT_LEMMAS = {
    "say",
    "add",
    "tell",
    "warn",
    "insist",
    "stress",
    "note",
    "admit",
    "argue",
    "state",
    "remind",
    "write",
}
#: participles that comment on a report rather than continue it ("..., calling the measure reckless")
_COMMENT_LEMMAS = {"call", "cite", "describe", "accuse", "urge", "dismiss"}
#: what sets off a relative clause after the noun it describes ("Ana Ruiz, who ...", "the pair - who ...")
_RELATIVE_MARKS = {",", "-", "–", "—"}


def _report_participle(form: str) -> bool:
    """'saying', 'noting', 'admitting', 'citing' (read from the form: a tagger may call it a noun)."""
    stem = form[:-3] if form.endswith("ing") else ""
    lemmas = _REPORT_LEMMAS | _COMMENT_LEMMAS
    return bool(stem) and (stem in lemmas or stem + "e" in lemmas or stem[:-1] in lemmas)


def _verbal(
    doc: Doc, tok: Token, lexicon: SpeechCues, inside: list[bool], order: Sequence[str] = MENTION_ORDER
) -> CueMatch | None:
    lemma = lexicon.verb_lemma(tok.text, tok.lemma_)
    if lemma is None or not _verb_like(tok):
        return None
    if lemma in lexicon.judgement_verbs and not _judges_quote(tok, inside):
        return None  # "called off the parade": only 'called it "a disgrace"' reports words
    own = [c for c in tok.children if c.dep_ in _SUBJ and not inside[c.i]]
    # a participle's speaker is its clause's subject, never the noun just before it ("the union
    # took its case to a tribunal claiming ...")
    adjacent = _adjacent_subject(doc, tok, inside, lexicon) if tok.tag_ != "VBG" else None
    next_to = adjacent is not None and all(_between_subject_and_verb(t) for t in doc[adjacent.i + 1 : tok.i])
    # "..., chief executive Guillaume Faury told analysts": a trailing cue's unattached name,
    # not the subject of the clause it was hung from
    trailing = not own and next_to and adjacent is not None and tok.head.i < adjacent.i < tok.i
    candidates: dict[str, Callable[[], Token | None]] = {
        "trailing_name": lambda: adjacent if trailing else None,
        "preceding_cue": lambda: None if own else _preceding_cue_subject(tok, inside, lexicon),
        "cue_subject": lambda: _subject(tok, inside),
        "adjacent_name": lambda: adjacent,
        "sentence_subject": lambda: _sentence_subject(tok, inside),
    }
    runs = [n for n in order if n in candidates]
    sieve, subject = next(((n, t) for n in runs if (t := candidates[n]()) is not None), ("", None))
    if subject is not None and subject.tag_ in {"WP", "WDT"}:
        before = doc[subject.i - 2] if subject.i >= 2 and doc[subject.i - 1].text in _RELATIVE_MARKS else None
        if subject.head.dep_ in {"relcl", "acl:relcl"}:
            subject = subject.head.head  # "Ines Duarte, who called the repairs ...": who is Ines Duarte
        elif before is not None and before.pos_ in {"PROPN", "NOUN"}:
            # the same clause parsed as a sentence of its own: who is the noun before the comma
            subject = before
    apposition = "apposition" in order
    noun = subject is not None and subject.pos_ == "NOUN"
    apposed = _apposed_person(subject, inside) if apposition and noun and subject is not None else None
    antecedent = _relative_antecedent(tok, inside) if apposition else None
    if antecedent is not None and (subject is None or antecedent.i < subject.i < tok.i):
        apposed = antecedent  # "Ana Ruiz, whose remarks were translated by an aide, said"
    if apposed is not None:
        sieve, subject = "apposition", apposed
    if subject is not None and subject.lower_ in lexicon.nonspeech_subjects:
        return None
    reports = lemma in lexicon.claim_verbs and (
        lemma not in lexicon.weak_claim_verbs or _speaker_like(subject, lexicon)
    )
    inserted = _inserted_cue_clause(doc, tok, inside) if reports else None
    content = inserted or (_content(doc, tok, inside, lexicon) if reports else None)
    if inserted is None and content is not None and subject is not None and content.start <= subject.i < content.end:
        content = None  # a reported clause never holds its own speaker ("...," said X, an analyst)
    relay = lemma in lexicon.relay_verbs
    return CueMatch(doc[tok.i : tok.i + 1], lemma, subject, content, relay=relay, sieve=sieve)


def _judges_quote(verb: Token, inside: list[bool]) -> bool:
    """Whether a verb of judgement governs a quote, or is followed by one after only its object
    ('labelled the opposition leader a "wet blanket"', however the parser split it)."""
    if any(inside[t.i] for t in verb.subtree):
        return True
    doc = verb.doc
    for t in doc[verb.i + 1 : min(len(doc), verb.i + 10)]:
        if inside[t.i]:
            return True
        if t.pos_ not in {"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"}:
            return False
    return False


def _verb_like(tok: Token) -> bool:
    """A verb, or a word the tagger missed that still heads a clause with a subject."""
    if tok.dep_ == "amod" and tok.i > 0 and (tok.nbor(-1).pos_ == "DET" or tok.nbor(-1).tag_ == "PRP$"):
        return False  # "his written answers", "the stated aim": a participle as an adjective
    # "Adding, ..." with the participle tagged as a proper noun still heads a clause
    if tok.pos_ in {"VERB", "AUX"} or tok.tag_ == "VBG" or any(c.dep_ in _SUBJ | _PASS_SUBJ for c in tok.children):
        return True
    # "with the minister warning that ...": a participle tagged as a noun (but not the noun
    # of "a weekly briefing that")
    doc = tok.doc
    with_phrase = False
    for t in reversed(doc[max(0, tok.i - 8) : tok.i]):
        if t.lower_ == "with" or t.pos_ in {"VERB", "AUX"} or t.text in {",", ";"}:
            with_phrase = t.lower_ == "with"
            break
    return tok.lower_.endswith("ing") and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "that" and with_phrase


def _quoted_as(doc: Doc, tok: Token, inside: list[bool]) -> CueMatch | None:
    """'AFP quoted the diplomat as saying' / 'X was quoted as saying': the quoted one speaks."""
    window = doc[tok.i + 1 : min(len(doc), tok.i + 12)]
    saying = next((t for t in window if t.lower_ in {"saying", "telling", "stating"}), None)
    if saying is None or saying.i < 1 or doc[saying.i - 1].lower_ != "as":
        return None
    passive = next((c for c in tok.children if c.dep_ in _PASS_SUBJ), None)
    if passive is None and tok.i > 0 and doc[tok.i - 1].lemma_ == "be":
        # "Costa was quoted by Record as saying": a parser may call the subject active
        passive = next((c for c in tok.children if c.dep_ in _SUBJ and c.i < tok.i), None)
    obj = next((c for c in tok.children if c.dep_ in _OBJ and not inside[c.i]), None)
    if obj is None and passive is None:
        obj = _np_head_after(doc, tok.i + 1, inside)
    subject = passive or obj
    if subject is None:
        return None
    sent = punct_sentence(doc, saying.i)
    content = None
    if saying.i + 1 < sent.end and not inside[saying.i + 1]:
        content = _clause_to_end(doc, saying.i + 1, sent.end)  # "... as saying the offer was fair"
    if content is None and not any(t.is_alpha for t in doc[saying.i + 1 : sent.end]):
        content = _before_comma(doc, tok, sent)  # "..., the channel quoted officials as saying."
    return CueMatch(doc[tok.i : saying.i + 1], "quote as saying", subject, content, sieve="quoted_as")


def _subject(verb: Token, inside: list[bool]) -> Token | None:
    """The speaker token of a speech verb: its subject, a passive agent, or a climbed one."""
    cur: Token | None = verb
    via_acl = via_relcl = False
    for _ in range(4):
        if cur is None:
            return None
        if via_relcl and cur.pos_ in {"NOUN", "PROPN"} and cur.dep_ == "ROOT":
            # "The panel, which met in private, agreed ..., saying" parsed with the noun as root
            return cur
        # "on Friday defended" may parse Friday as a subject: a time is never a speaker
        # a clausal subject ("Speaking to reporters, the minister said") is never the speaker
        subjects = [
            c
            for c in cur.children
            if c.dep_ in _SUBJ
            and not inside[c.i]
            and c.lower_ not in TIME_WORDS
            and c.dep_ != "csubj"
            and c.pos_ != "VERB"  # (but "Will" of "Will Smith" tagged as an auxiliary speaks)
            and not _dateline(c)
            and not _fronted_phrase(c, cur)
        ]
        # a word cut off from the verb by a dash or bracket ("TOKYO (Reuters) - The minister said")
        # is the subject only when there is no other
        subjects = (
            [c for c in subjects if not _fenced(c, cur)] or [c for c in subjects if not _bracketed(c)] or subjects
        )
        if subjects:
            # "Press secretary Dan Ruiz" parsed as two subjects: the name is the speaker; in
            # "The plan, he said, would ..." the pronoun set off by commas
            inserted = next((c for c in subjects if c.pos_ == "PRON" and c.i > 0 and c.nbor(-1).text == ","), None)
            first = subjects[0]
            named = (
                c
                for c in reversed(subjects)
                if c.pos_ == "PROPN"
                and (
                    not any(t.pos_ == "ADP" for t in c.doc[first.i : c.i])
                    or c.left_edge.i > 0
                    and c.doc[c.left_edge.i - 1].text == ","
                )
            )  # but not "a spokesperson for President X", where X is not the speaker ("One of them, X," is)
            return next(named, inserted or first)
        # (a relative "which was held" passes the subject on to the noun it describes)
        if any(c.dep_ in _PASS_SUBJ and c.tag_ not in {"WDT", "WP"} for c in cur.children):
            # "X is described (by Y)": the passive subject is what was said about, not a speaker
            return _by_agent(cur, inside)
        agent = _by_agent(cur, inside)
        if agent is not None:
            return agent
        # "X said, adding that ...": a participle takes the subject of the verb it hangs from
        participle = cur.dep_ == "parataxis" and cur.tag_ == "VBG"
        if _misparsed_subject(cur):
            return cur.head  # "a senior official told Yonhap" parsed as a noun with a relative clause
        # "delivered a warning on Sunday, stating that ...": the object's verb has the speaker
        described_object = via_acl and cur.pos_ == "NOUN" and cur.dep_ in {"obj", "dobj"}
        if (cur.dep_ in _CLIMB or participle or described_object) and cur.head is not cur:
            via_acl = cur.dep_ == "acl"
            via_relcl = cur.dep_ in {"relcl", "acl:relcl"}
            cur = cur.head
            continue
        return None
    return None


def _misparsed_subject(verb: Token) -> bool:
    """A finite verb hung as a noun's relative clause right after it ("an official told
    reporters" as "an official [who] told"), or a participle after a noun that heads the
    sentence: the noun is the verb's subject."""
    head = verb.head
    if verb.dep_ != "acl" or head.pos_ not in _NOMINAL or not 0 < verb.i - head.i <= 2:
        return False
    if any(t.pos_ not in {"ADV", "AUX"} for t in verb.doc[head.i + 1 : verb.i]):
        return False
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and head.dep_ == "ROOT"


def _relative_antecedent(verb: Token, inside: list[bool]) -> Token | None:
    """The name a relative clause set off by commas describes, right before the verb:
    "Ana Ruiz, who the court cleared of all charges, said"."""
    doc = verb.doc
    b = verb.i - 1
    while b > 0 and _between_subject_and_verb(doc[b]):
        b -= 1
    if b < 3 or doc[b].text != ",":
        return None
    for k in range(b - 1, max(2, b - 40), -1):
        if inside[k] or doc[k].text in {".", ";", ":", "!", "?"} or doc[k].is_space:
            return None
        name = doc[k - 2]
        if doc[k].lower_ in {"who", "whose"} and doc[k - 1].text == "," and name.pos_ == "PROPN" and not inside[name.i]:
            return name
    return None


def _apposed_person(subject: Token, inside: list[bool]) -> Token | None:
    """'Ana Ruiz, an economist at the bank's research office, said': the parser may make the
    apposition's last noun the subject; the name before the commas speaks."""
    doc = subject.doc
    k = subject.i
    while k > max(0, subject.i - 12) and not inside[k - 1] and (doc[k - 1].pos_ not in {"PUNCT", "VERB", "AUX"}):
        k -= 1
    if k < 2 or doc[k].lower_ not in {"a", "an", "the"} and doc[k].dep_ not in {"nmod:poss", "poss"}:
        return None
    if doc[k - 1].text != "," or doc[k - 2].pos_ != "PROPN" or inside[k - 2]:
        return None
    name = doc[k - 2]
    start = name.i
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    # the name opens its clause (not "In Paris, the minister said") and names a person
    opens = start == 0 or doc[start - 1].is_punct or doc[start - 1].is_space or doc[start - 1].is_sent_end
    person = name.ent_type_ in {"PERSON", "PER"} or name.i - start >= 1 and name.ent_type_ == ""
    return name if opens and person and name.lower_ not in TIME_WORDS else None


def _speaker_like(subject: Token | None, lexicon: SpeechCues) -> bool:
    """A name, a personal pronoun or a role noun: "the minister suggested", not "the atmosphere
    suggests" (a verb like "suggest" reports a claim only from someone)."""
    if subject is None:
        return False
    low = subject.lower_
    return (
        subject.pos_ == "PROPN"
        or lexicon.pronouns.get(low) in {"male", "female", "plural", "self"}
        or low in lexicon.person_roles
        or low in lexicon.org_roles
    )


def _trailing_participle(verb: Token) -> bool:
    """'..., saying ...': a participle after a comma (the tagger may call it a noun)."""
    participle = verb.tag_ == "VBG" or verb.lower_.endswith("ing")
    return participle and verb.i > 0 and verb.nbor(-1).text == ","


def _preceding_cue_subject(verb: Token, inside: list[bool], lexicon: SpeechCues) -> Token | None:
    """'..., the minister said, describing ...' / 'admitted ... and said ...': a trailing
    participle or a verb joined by "and" speaks for the cue just before it, however the parser
    attached it."""
    after_and = verb.i > 0 and verb.nbor(-1).pos_ == "CCONJ"
    if not (after_and or _trailing_participle(verb)):
        return None
    doc = verb.doc
    for t in reversed(doc[punct_sentence(doc, verb.i).start : verb.i - 1]):
        if t.pos_ in {"VERB", "AUX"} and not inside[t.i] and lexicon.verb_lemma(t.text, t.lemma_) is not None:
            return _subject(t, inside) or _adjacent_subject(doc, t, inside, lexicon)
    return None


def _sentence_subject(verb: Token, inside: list[bool]) -> Token | None:
    """'The minister rejected the calls, saying ...': with no cue before it, a trailing
    participle speaks for the sentence's subject."""
    if not _trailing_participle(verb):
        return None
    doc = verb.doc
    subjects = (t for t in doc[punct_sentence(doc, verb.i).start : verb.i] if t.dep_ in _SUBJ and not inside[t.i])
    return next((t for t in subjects if t.lower_ not in TIME_WORDS), None)


def _dateline(tok: Token) -> bool:
    """Whether ``tok`` is a dateline's place ("LONDON - Police said", "PARIS, May 2 (AFP) -"):
    a capitalised word that opens its paragraph, never a speaker."""
    doc = tok.doc
    i = tok.i
    while i > 0 and doc[i - 1].is_upper and not doc[i - 1].is_space:
        i -= 1  # "NEW YORK"
    opens = i == 0 or doc[i - 1].is_space or "\n" in doc[i - 1].whitespace_
    followed = tok.i + 1 < len(doc) and doc[tok.i + 1].text in {",", "-", "–", "—", "("}
    return opens and tok.is_upper and len(tok) > 2 and followed


def _bracketed(tok: Token) -> bool:
    """Whether ``tok`` stands inside parentheses ("Acme Inc. (Nasdaq: ACME) said")."""
    doc = tok.doc
    sent = punct_sentence(doc, tok.i)
    opened = [t for t in doc[sent.start : tok.i] if t.text in {"(", ")"}]
    return bool(opened) and opened[-1].text == "("


def _fenced(subject: Token, verb: Token) -> bool:
    """Whether a bracket or a spaced dash stands between the two ("TOKYO (Reuters) - ...",
    but not the hyphens of "34-year-old")."""
    lo, hi = sorted((subject.i, verb.i))
    doc = subject.doc
    return any(
        t.text in {"(", ")"} or t.text in {"-", "–", "—"} and bool(t.whitespace_ or doc[t.i - 1].whitespace_)
        for t in doc[lo + 1 : hi]
    )


def age_phrase(tok: Token) -> Span | None:
    """'the 34-year-old' ending at ``tok`` ("old"), however the tokenizer split it."""
    doc = tok.doc
    i = tok.i
    if tok.lower_ != "old" or i < 5 or [t.lower_ for t in doc[i - 3 : i]] != ["-", "year", "-"]:
        return None
    if not doc[i - 4].like_num or doc[i - 5].lower_ != "the":
        return None
    return doc[i - 5 : i + 1]


def _between_subject_and_verb(tok: Token) -> bool:
    """Words news puts between a speaker and the verb: "X (also) said", "X on Sunday said"."""
    if tok.pos_ in {"ADV", "AUX", "PART"} or tok.lower_ in TIME_WORDS:
        return True
    return tok.lower_ == "on" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ in TIME_WORDS


def _adjacent_subject(doc: Doc, verb: Token, inside: list[bool], lexicon: SpeechCues) -> Token | None:
    """A name or pronoun right before ('Ushakov said') or after ('said Ushakov') the verb,
    for parses that did not attach it as the subject."""
    before = verb.i - 1
    while before >= 0 and _between_subject_and_verb(doc[before]) and not inside[before]:
        before -= 1
    if before > 0 and doc[before].text == ",":
        # "The watchdog's head, Gareth Davies, said" / "Tom Reyes, an economist at the institute, said"
        if doc[before - 1].pos_ == "PROPN" and not inside[before - 1] and doc[before - 1].lower_ not in TIME_WORDS:
            return doc[before - 1]
        for k in range(before - 1, max(-1, before - 12), -1):
            if (
                doc[k].text == ","
                and k > 0
                and doc[k - 1].pos_ == "PROPN"
                and not inside[k - 1]
                and doc[k - 1].lower_ not in TIME_WORDS
            ):
                return doc[k - 1]
            if inside[k] or doc[k].text in {".", ";", ":"}:
                break
    if before >= 0 and age_phrase(doc[before]) is not None:
        return doc[before]  # '"...," the 34-year-old said', with the age split into five tokens
    after = verb.i + 1
    for j in (before, after):
        # not the object of a preposition: "the atmosphere described by Ushakov suggests"
        object_of = j == before and j > 0 and doc[j - 1].pos_ == "ADP"
        # nor the subject of the clause the cue reports: "..., saying he should have ..."
        reported = j == after and j < len(doc) and doc[j].dep_ in _SUBJ | _PASS_SUBJ and doc[j].head.i != verb.i
        if 0 <= j < len(doc) and not inside[j] and doc[j].pos_ in {"PROPN", "PRON"} and not object_of and not reported:
            return doc[j]
    if _after_quote(doc, verb, inside):
        # '"...", says watchdog': the noun phrase after an inverted cue
        head = _np_head_after(doc, after, inside)
        if head is not None:
            return head
    roles = lexicon.person_roles | lexicon.org_roles
    if 0 <= before < len(doc) and not inside[before] and doc[before].lower_ in roles:
        return doc[before]  # "Its chief executive told ..." with the subject left unattached
    return None


def _by_agent(verb: Token, inside: list[bool]) -> Token | None:
    """'described by Ushakov': the agent of a passive speech verb."""
    for child in verb.children:
        if inside[child.i]:
            continue
        if child.dep_ == "agent":  # ClearNLP: agent -> pobj
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ in {"obl", "obl:agent"} and any(c.dep_ == "case" and c.lower_ == "by" for c in child.children):
            return child
    return None


def _content(doc: Doc, verb: Token, inside: list[bool], lexicon: SpeechCues) -> Span | None:
    """The reported clause of a speech verb, from the parse or, where the parse has none,
    from word order ("said (that) ...", "..., X said")."""
    parsed = _parsed_content(doc, verb, lexicon)
    that = _that_after(doc, verb, inside)
    if that is not None and _noun_complement(doc, verb, that, lexicon):
        return None  # "denied a report that ...": the clause is the report's, not the speaker's
    # a relative "that" inside the parsed clause is its own ("said the world has never seen a virus that ...")
    own = parsed is not None and that is not None and parsed.start < that < parsed.end and doc[that].tag_ == "WDT"
    if parsed is not None and (that is None or parsed.start == that + 1 or own):
        return parsed
    # "wrote in an opinion that the government ...", "told France Inter radio that ...": a
    # clause parsed to start elsewhere than after the "that" that follows the verb's objects
    # and adverbials was cut by a misparse
    return _linear_content(doc, verb, inside, lexicon, that) or parsed


def _noun_complement(doc: Doc, verb: Token, that: int, lexicon: SpeechCues) -> bool:
    """Whether "that" opens the clause of the verb's object noun ("confirmed the information that
    ...") rather than the verb's own ("told the committee that ...": a recipient)."""
    noun = doc[that - 1]
    recipient = lexicon.verb_lemma(verb.text, verb.lemma_) in lexicon.recipient_verbs
    return noun.pos_ == "NOUN" and noun.head == verb and noun.dep_ in _OBJ and not recipient


def _inserted_cue_clause(doc: Doc, verb: Token, inside: list[bool]) -> Span | None:
    """'The plan, he said, would cost ...': a cue set off by commas inside the clause it
    reports reports the whole sentence."""
    if verb.i + 2 >= len(doc) or doc[verb.i + 1].text != ",":
        return None
    i = verb.i - 1
    while i > 0 and doc[i].pos_ in {"PRON", "PROPN", "ADV", "AUX"} and i > verb.i - 4:
        i -= 1
    sent = punct_sentence(doc, verb.i)
    if i <= sent.start or doc[i].text != "," or i == verb.i - 1:
        return None
    before, after = doc[sent.start : i], doc[verb.i + 2 : sent.end]
    if any(inside[t.i] or t.is_quote for t in after):
        return None  # 'In Berlin, Merkel said, "We will stay the course."': the quote is what was said
    if any(t.pos_ in {"VERB", "AUX"} for t in before) or not any(t.pos_ in {"VERB", "AUX"} for t in after):
        return None  # "Prices will fall, he said, citing ...": a trailing cue, not an inserted one
    whole = _strip_edges(doc, sent.start, sent.end)
    return whole if _clause_like(whole) else None


def _that_after(doc: Doc, verb: Token, inside: list[bool]) -> int | None:
    sent_end = punct_sentence(doc, verb.i).end
    j = verb.i + 1
    while j < min(sent_end, verb.i + 10):
        if doc[j].text == "," and j + 1 < sent_end and doc[j + 1].tag_ == "VBG":
            # "reported Thursday, citing government sources, that ...": skip the aside
            close = next((k for k in range(j + 2, min(sent_end, j + 10)) if doc[k].text == ","), None)
            if close is not None and close + 1 < sent_end and doc[close + 1].lower_ == "that":
                return close + 1
        joined = doc[j].pos_ == "CCONJ" and j + 1 < len(doc) and doc[j + 1].pos_ == "VERB"
        if inside[j] or doc[j].text in {",", ";", ":"} or joined:
            return None  # "said X and reminded the council that ...": that "that" is the other verb's
        if doc[j].lower_ == "that" and doc[j].pos_ in {"SCONJ", "PRON", "ADP"}:
            return j
        j += 1
    return None


def _parsed_content(doc: Doc, verb: Token, lexicon: SpeechCues) -> Span | None:
    """Its ccomp (or a that-clause), or the clause it trails ('..., X said')."""
    for child in verb.children:
        if any(c.dep_ == "mark" and c.lower_ in lexicon.adverbial_marks for c in child.children):
            continue  # "said on Tuesday, as demand fell": when or why, not what was said
        if child.i > verb.i and (
            child.dep_ in _CONTENT or child.dep_ in {"advcl", "xcomp"} and _has_that(child) or _gerund_clause(child)
        ):
            start = child.left_edge.i
            first = next((t for t in doc[start : child.i + 1] if not t.is_punct), child)
            if first.lower_ in {"so", "and", "but"} and doc[first.i - 1].text == ",":
                continue  # "..., Kent said, so the deputy left": a consequence, not what was said
            that = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "that"), None)
            if that is not None and start < that.i < child.i:
                start = that.i + 1  # "said Thursday that ...": the clause starts after "that"
            # the subject nearest the verb: "told Reuters a deal could ..." may parse as two
            subject = max(
                (c for c in child.children if c.dep_ in _SUBJ | _PASS_SUBJ and c.i < child.i),
                key=lambda c: c.i,
                default=None,
            )
            recipient = lexicon.verb_lemma(verb.text, verb.lemma_) in lexicon.recipient_verbs
            if recipient and subject is not None and start < subject.left_edge.i:
                start = subject.left_edge.i  # "told Reuters a deal could ...": not the recipient
            obj = next((c for c in verb.children if c.dep_ in _OBJ and verb.i < c.i < start), None)
            if not recipient and subject is None and obj is not None:
                # "said all flights would be cancelled" parsed with the clause's subject as the
                # verb's object: the clause starts at that object
                start = obj.left_edge.i
            end = _dangling_end(doc, verb, _close_quotes(doc, start, child.right_edge.i + 1))
            if (
                end + 1 < len(doc)
                and doc[end].pos_ == "CCONJ"
                and doc[end + 1].lower_ == "that"
                and doc[end + 1].pos_ == "SCONJ"
            ):
                end = punct_sentence(doc, end).end  # "said that A and that B": both are reported
            span = _strip_edges(doc, start, _close_quotes(doc, start, _aside_end(doc, start, end)))
            return span if _clause_like(span) else None
    for child in verb.children:
        if child.dep_ in _CONTENT and child.i < verb.i:
            return _fronted(doc, verb)
    has_subject = any(c.dep_ in _SUBJ for c in verb.children)
    if verb.head.i < verb.i and (verb.dep_ == "parataxis" or verb.dep_ in {"advcl", "conj"} and has_subject):
        return _fronted(doc, verb)
    return None


_NP_POS = {"DET", "ADJ", "PROPN", "NOUN", "PRON", "NUM", "PART"}


def _linear_content(doc: Doc, verb: Token, inside: list[bool], lexicon: SpeechCues, that: int | None) -> Span | None:
    sent = punct_sentence(doc, verb.i)
    if _after_quote(doc, verb, inside):
        # '"...," said Emma Hardy, who chairs ...': the quote is what was said, unless the
        # narrator's words lead into it ('The victim was inside and "was screaming," X said')
        return _led_into_quote(doc, verb, sent, inside)
    # after the verb: "said (on Sunday) that ..." or "said Ukraine should ..."
    if that is not None:
        return _clause_to_end(doc, that + 1, sent.end)
    nxt = doc[verb.i + 1] if verb.i + 1 < sent.end else None
    if nxt is not None and nxt.pos_ == "ADP":
        nxt = _after_phrase(nxt, sent.end)  # "said in a statement it would ...": how it was said
    start = _clause_start(nxt, sent.end) if nxt is not None and not inside[nxt.i] and nxt.pos_ in _NP_POS else None
    recipient = lexicon.verb_lemma(verb.text, verb.lemma_) in lexicon.recipient_verbs
    if start is None and nxt is not None and not recipient and _subject_before_finite(nxt, sent.end):
        start = nxt.i
    if start is not None and nxt is not None:
        # "told the BBC the minister would ...": skip the recipient; otherwise keep every word
        if not recipient:
            start = min(start, nxt.i)
        span = _clause_to_end(doc, start, sent.end)
        if span is not None:
            return span
    # before the verb: "Content, the Kremlin says."
    rest = []
    for t in doc[verb.i + 1 : sent.end]:
        if t.text in {",", ";"}:
            break  # "..., the company said on Tuesday, as demand fell": only "on Tuesday" trails
        if not (t.is_punct or t.is_space):
            rest.append(t)
    # "..., the team reported in the journal Nature on Wednesday": a prepositional tail may be long
    tail = bool(rest) and rest[0].pos_ == "ADP" and all(t.pos_ in _NP_POS | {"ADP"} for t in rest)
    if len(rest) > (10 if tail else 4):
        return None
    if rest and rest[0].pos_ in _NP_POS and not recipient:
        return None  # "..., Trump confirmed his conversation": an object, not a trailing cue
    i = verb.i - 1
    while i > sent.start and doc[i].pos_ in {"AUX", "ADV"}:
        i -= 1
    while i > sent.start and (
        doc[i].pos_ in _NP_POS or doc[i].text in {"-", "'s", "’s"} or doc[i].lower_ in lexicon.person_roles
    ):
        if doc[i].tag_ in {"WDT", "WP"}:
            return None  # "..., which the minister denied": a relative clause, not a trailing cue
        i -= 1  # role words too: "policy aide Paul Girard" with "aide" mistagged as a preposition
    if i > sent.start and doc[i].text == "," and i < verb.i - 1:
        span = _strip_edges(doc, sent.start, i)
        return span if _clause_like(span) else None
    return None


_SENT_END = {".", "!", "?"}
#: longest sentence the word-order rules look at, in tokens either side
MAX_SENTENCE_TOKENS = 150


def punct_sentence(doc: Doc, i: int) -> Span:
    """The sentence around token ``i`` by punctuation and line breaks alone, for word-order
    rules that must not depend on the parser's sentence boundaries."""
    starts, ends = _punct_bounds(doc)
    # a text without full stops must not cost O(n) per call
    start = max(starts[i], i - MAX_SENTENCE_TOKENS)
    while start < i and (doc[start].is_quote or doc[start].is_space):
        start += 1
    return doc[start : min(ends[i], i + MAX_SENTENCE_TOKENS)]


def _punct_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Per token, where its punctuation sentence starts and ends; computed once per Doc, as
    every quote and cue asks (a scan per call is quadratic in quotes per chunk)."""
    cached: tuple[list[int], list[int]] | None = doc.user_data.get("quotex_punct_bounds")
    if cached is not None and len(cached[0]) == len(doc):
        return cached
    n = len(doc)
    toks = list(doc)  # one Token object per position, not one per look
    starts, ends = [0] * n, [n] * n
    for j in range(1, n):
        prev = toks[j - 1]
        starts[j] = j if prev.text in _SENT_END or "\n" in prev.text_with_ws else starts[j - 1]
    for j in range(n - 2, -1, -1):
        tok = toks[j]
        stop = tok.text in _SENT_END or "\n" in tok.whitespace_ or toks[j + 1].is_space
        ends[j] = j + 1 if stop else ends[j + 1]
    doc.user_data["quotex_punct_bounds"] = (starts, ends)
    return starts, ends


def sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Per token, the start and end of its parser sentence; computed once per Doc, as
    ``token.sent`` scans the sentence on every call (quadratic in quotes per sentence)."""
    cached: tuple[list[int], list[int]] | None = doc.user_data.get("quotex_sent_bounds")
    if cached is not None and len(cached[0]) == len(doc):
        return cached
    starts, ends = [0] * len(doc), [len(doc)] * len(doc)
    for sent in doc.sents:
        for j in range(sent.start, sent.end):
            starts[j], ends[j] = sent.start, sent.end
    doc.user_data["quotex_sent_bounds"] = (starts, ends)
    return starts, ends


def _clause_start(tok: Token, limit: int) -> int | None:
    """Where a clause starts at or just after ``tok``: the subject of a later verb
    ("said Ukraine should ...", "told Reuters the slowdown could ..."), as opposed to an
    object ("stressed the need ...") or a relative clause ("Hardy, who chairs ...")."""
    for t in tok.doc[tok.i : min(limit, tok.i + 8)]:
        if t.dep_ in _SUBJ | _PASS_SUBJ and t.left_edge.i <= tok.i + 3 and t.head.i > t.i:
            # "the partners were still far apart": a copular clause's head is its predicate
            copular = any(c.dep_ == "cop" for c in t.head.children)
            if t.tag_ in {"WP", "WDT"} or t.head.pos_ not in {"VERB", "AUX"} and not copular or t.head.i >= limit:
                return None
            return max(tok.i, t.left_edge.i)
    return None


def _after_phrase(prep: Token, limit: int) -> Token | None:
    """The word after a short prepositional phrase ("in a statement", "on Tuesday"), where a
    clause may start; None when the phrase runs to ``limit``."""
    doc = prep.doc
    k = prep.i + 1
    if k < limit and doc[k].pos_ == "DET":
        k += 1
    while k < min(limit, prep.i + 6) and doc[k].pos_ in {"ADJ", "NOUN", "PROPN", "NUM"}:
        k += 1
    return doc[k] if prep.i + 1 < k < limit and doc[k].pos_ in {"DET", "PRON", "PROPN"} else None


def _fronted_phrase(noun: Token, verb: Token) -> bool:
    """A noun with its own preposition, set off from the verb by a comma: a fronted phrase the
    parser took for the subject ("Amid the row over ..., the minister insisted"), unlike "after
    the coach said", where "after" joins a clause."""
    preposition = any(c.dep_ == "case" and c.i < noun.i for c in noun.children)
    return preposition and any(t.text == "," for t in noun.doc[noun.i : verb.i])


def _subject_before_finite(tok: Token, limit: int) -> bool:
    """'demanded the government should publish ...', 'adding the intensity of fighting had
    declined': a noun phrase at ``tok`` then a modal or finite auxiliary is a clause's subject,
    however the parser attached it."""
    for t in tok.doc[tok.i : min(limit, tok.i + 8)]:
        if t.pos_ == "AUX" and t.tag_ in {"MD", "VBD", "VBZ", "VBP"}:
            return t.i > tok.i
        pronoun = t.i == tok.i and t.tag_ == "PRP"  # "it would ..."
        if not (pronoun or t.pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM"} or t.lower_ in {"of", "'s", "’s"}):
            return False
    return False


def _after_quote(doc: Doc, verb: Token, inside: list[bool]) -> bool:
    """Whether the verb follows a closing quotation mark: '"...," said X' or '"...," X said'."""
    j = verb.i - 1
    while j >= 0 and not doc[j].is_quote and j > verb.i - 8 and (doc[j].pos_ in _NP_POS or doc[j].text == ","):
        j -= 1
    return j > 0 and doc[j].is_quote and inside[j - 1]


#: a comma then one of these ends a reported clause: the narrator's aside, not what was said
_ASIDES = {"according", "although", "though", "whereas"}


def _aside_end(doc: Doc, start: int, end: int) -> int:
    """Where a trailing ', noting ...', ', triggering ...', ', according to' or ', although ...' starts."""
    seen_verb = False
    for i in range(start, end - 1):
        if seen_verb and _report_participle(doc[i].lower_) and doc[i + 1].lower_ == "that":
            return i  # "... South Africa's law adding that ...", the comma left out
        seen_verb = seen_verb or doc[i].pos_ in {"VERB", "AUX"}
        if seen_verb and doc[i].text == "," and (doc[i + 1].tag_ == "VBG" or doc[i + 1].lower_ in _ASIDES):
            return i
    return end


def _led_into_quote(doc: Doc, verb: Token, sent: Span, inside: list[bool]) -> Span | None:
    """The sentence up to a cue that follows a quote, when the sentence does not open with that quote."""
    close = verb.i - 1
    while close > sent.start and not doc[close].is_quote:
        close -= 1
    opening = close - 1
    while opening > sent.start and inside[opening] and not (doc[opening].is_quote and not inside[opening - 1]):
        opening -= 1
    if inside[sent.start] or not any(t.is_alpha and not inside[t.i] for t in doc[sent.start : opening]):
        return None
    span = _strip_edges(doc, sent.start, close + 1)
    return span if _clause_like(span) else None


def _clause_to_end(doc: Doc, start: int, end: int) -> Span | None:
    """From ``start`` to the sentence end, cut before a trailing aside (see ``_aside_end``)."""
    end = _aside_end(doc, start, end)
    span = _strip_edges(doc, start, _close_quotes(doc, start, end))
    return span if _clause_like(span) else None


def _dangling_end(doc: Doc, verb: Token, end: int) -> int:
    """Extend a clause over the rest of its sentence when that rest has no subject or comma of
    its own ("must make a decision | to withdraw its troops from the region"): a parser that
    attached it elsewhere split one reported clause."""
    sent_end = punct_sentence(doc, verb.i).end
    rest = doc[end:sent_end]
    if not rest or any(t.text in {",", ";", ":"} or t.dep_ in _SUBJ | _PASS_SUBJ for t in rest):
        return end
    return sent_end


def _gerund_clause(tok: Token) -> bool:
    """'denied firing at the crowd', 'says the ministry examining ...': a gerund reports a clause
    (a to-infinitive, 'vowed to fight', is a plan and not a report)."""
    return tok.tag_ == "VBG" and tok.dep_ == "xcomp" and not any(c.dep_ in {"mark", "case"} for c in tok.children)


def _has_that(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _fronted(doc: Doc, verb: Token) -> Span | None:
    """'Content, X said.': from the sentence start to the comma before the verb's subject."""
    sent = punct_sentence(doc, verb.i)
    for t in doc[verb.i + 1 : sent.end]:
        if t.text in {",", ";"}:
            break  # "..., Kent said, so the deputy ...": a new clause after the cue's own phrase
        if t.pos_ == "VERB" or t.pos_ == "AUX" and t.lower_ not in {"'s", "’s"}:
            return None  # "..., with Governor Bailey saying inflation was ...": the cue has a clause of its own
    return _before_comma(doc, verb, sent)


def _before_comma(doc: Doc, verb: Token, sent: Span) -> Span | None:
    """The sentence up to the comma before the verb's subject ('Content, X said.', 'Content, the
    channel quoted X as saying.'), or None where no comma precedes it (no trailing cue)."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJ and c.i < verb.i), None)
    first = subject.left_edge.i if subject is not None else verb.i
    while first < verb.i and doc[first].text == ",":
        first += 1  # the parser may hang the comma on the subject
    while first > 0 and doc[first - 1].pos_ == "AUX":
        first -= 1
    if first == 0 or doc[first - 1].text != ",":
        return None
    span = _strip_edges(doc, sent.start, first)
    return span if _clause_like(span) else None


def _clause_like(span: Span) -> bool:
    if len(span) and span[0].tag_ in {"WDT", "WP"}:
        return False  # "which he claimed had been discussed": a relative clause, not a report
    words = [t for t in span if t.is_alpha]
    return len(words) >= 3 and any(t.pos_ in {"VERB", "AUX"} for t in span)


def _colon_cues(doc: Doc, quotes: Sequence[Span], inside: list[bool], lexicon: SpeechCues) -> list[CueMatch]:
    """'Ushakov: "..."' and 'He told reporters: "..."' without a speech verb next to it."""
    found = []
    for q in quotes:
        j = q.start - 1
        while j >= 0 and (doc[j].is_quote or doc[j].is_space):
            j -= 1
        if j < 1 or doc[j].text != ":":
            continue
        before = doc[j - 1]
        if before.pos_ in {"PROPN", "NOUN", "PRON"} and not inside[before.i]:
            subject = _colon_subject(before, inside)
            if subject.i == before.i and before.pos_ == "NOUN" and not _may_speak(before, lexicon):
                continue  # a topic label of an interview ("Game analysis: ...") names no one
            found.append(CueMatch(doc[j : j + 1], ":", subject, None, sieve="colon"))
    return found


def _may_speak(noun: Token, lexicon: SpeechCues) -> bool:
    # a role, a group of people or a source ("The coach:", "Officials:", "The statement:"), or
    # someone's words ("His words:")
    low, lemma = noun.lower_, noun.lemma_.lower()
    nouns = lexicon.person_roles | lexicon.org_roles | lexicon.titles | lexicon.person_anaphors | lexicon.source_nouns
    return (
        low in nouns
        or lemma in nouns
        or lemma in lexicon.report_nouns
        or any(c.dep_ in {"nmod:poss", "poss"} or c.ent_type_ in {"PERSON", "ORG"} for c in noun.children)
    )


def _colon_subject(before: Token, inside: list[bool]) -> Token:
    """Who a colon introduces: the subject of the clause that ends at it ("The host wrote on
    Twitter at the time: ..."), else the word before it ("Ushakov: ...", "His words: ...")."""
    if before.pos_ == "NOUN":
        node = before
        while node.head.i != node.i and node.dep_ not in {"nsubj", "nsubj:pass", "nsubjpass"}:
            if _misparsed_subject(node):
                return node.head
            node = node.head
            subject = next((c for c in node.children if c.dep_ in _SUBJ and not inside[c.i] and c.pos_ != "VERB"), None)
            if subject is not None and subject.i < before.i:
                return subject
    return before


_DASHES = {"-", "–", "—", "--"}


def _dash_cues(doc: Doc, quotes: Sequence[Span], inside: list[bool]) -> list[CueMatch]:
    """'"We will rebuild." – Commissioner Jane Doe': a dash after a quote and a name that
    ends its line or sentence signs the quote."""
    found = []
    for q in quotes:
        j = q.end
        while j < len(doc) and (doc[j].is_quote or doc[j].text in {",", "."}) and not doc[j].is_space:
            j += 1
        if j + 1 >= len(doc) or doc[j].text not in _DASHES or inside[j + 1]:
            continue
        k = j + 1
        while k < len(doc) and k < j + 7 and (doc[k].is_title or doc[k].is_upper) and not inside[k]:
            k += 1
        # the name ends its line or sentence, or a role follows it ("-- Anna Berg, economist")
        ends = k == len(doc) or doc[k].is_space or doc[k].text in {".", ","} or "\n" in doc[k - 1].whitespace_
        if j + 1 < k and ends:
            found.append(CueMatch(doc[j : j + 1], ":", doc[k - 1], None, sieve="dash"))
    return found


#: longest source name after a headline's colon ("...: French foreign ministry")
MAX_HEADLINE_SOURCE = 5


def _headline_colon(doc: Doc, lexicon: SpeechCues) -> list[CueMatch]:
    """'Bridge will reopen in May: Mayor': a headline ending in a colon and a name or role
    attributes the clause before the colon to it."""
    headline = headline_span(doc)
    if headline is None:
        return []
    colons = [t for t in headline if t.text == ":"]
    if len(colons) != 1:
        return []
    colon = colons[0]
    source = [t for t in doc[colon.i + 1 : headline.end] if not t.is_space]
    roles = lexicon.person_roles | lexicon.org_roles
    # "French foreign ministry": a capitalised source, words of its name in between
    if not 0 < len(source) <= MAX_HEADLINE_SOURCE or not source[0].text[0].isupper():
        return []
    if not all(t.is_alpha or t.text in {"-", "'s", "’s", "."} for t in source):
        return []
    if any(t.is_stop and t.lower_ not in {"of", "the", "for"} for t in source):
        return []  # "Floods in the north: What We Know" is a topic, not a source
    if source[-1].pos_ != "PROPN" and source[-1].lower_ not in roles:
        return []
    content = _strip_edges(doc, headline.start, colon.i)
    # a headline quote ('"Brave decision": Aide') is attributed, but only a clause is a claim
    clause = content if _clause_like(content) else None
    return [CueMatch(doc[colon.i : colon.i + 1], ":", source[-1], clause, sieve="headline")]
