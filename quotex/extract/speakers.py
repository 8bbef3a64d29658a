"""Who speaks: canonical in-document names, and resolving pronouns and role nouns to them."""

from __future__ import annotations

import unicodedata
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from quotex.extract.cues import TIME_WORDS, CueMatch, age_phrase, punct_sentence, quote_mask
from quotex.registry import SpeechCues
from quotex.spans import PARAGRAPHS_KEY

PERSON_LABELS = {"PERSON", "PER"}
ORG_LABELS = {"ORG", "NORP"}
PLACE_LABELS = {"LOC", "GPE", "FAC"}
_NAME_DEPS = {"compound", "flat", "flat:name", "fixed"}
_COUNTRY_PREFIXES = {"the", "us", "u.s", "uk", "u.k", "eu"}
_INDEFINITE = {"a", "an", "one", "another", "some"}
_ORG_PREPOSITIONS = {"at", "of", "from", "for", "with", "by", "in"}
_SUBJ_DEPS = {"nsubj", "nsubj:pass", "nsubjpass"}
#: how far after a role noun ("the country's prime minister") its holder may first be named
LOOKAHEAD_TOKENS = 80
#: the entity index of each live Doc, with the quotation bounds it was built for
_BUILT: weakref.WeakKeyDictionary[Doc, tuple[tuple[tuple[int, int], ...], EntityIndex]] = weakref.WeakKeyDictionary()


def fold(text: str) -> str:
    """Lower-case ASCII form of a name for matching ('Zelenskiy' and 'zelenskiy' agree)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return text.lower().replace("’s", "").replace("'s", "").strip(" .,'’")


@dataclass
class NameEntry:
    """One entity of the document: its mentions and the roles it was introduced with."""

    label: str
    name: str
    roles: set[str] = field(default_factory=set)
    last_seen: int = -1


@dataclass(frozen=True)
class SpeakerMatch:
    """A speaker: the mention span, the canonical name and the sieve that decided the name
    (its confidence is that sieve's measured precision); ``resolved`` is False where the
    mention ("she") names no known entity."""

    mention: Span
    name: str
    label: str | None
    sieve: str = ""
    resolved: bool = True


class EntityIndex:
    """Canonical names of the people and organisations in a document.

    A person's canonical name is the fullest form in the document, titles removed:
    "Ushakov" and "Kremlin foreign policy aide Yuri Ushakov" both map to "Yuri Ushakov".
    Role words around a name ("aide", "president") are remembered, so that "the Kremlin
    aide" can be resolved to the person introduced with that role.
    """

    def __init__(self, doc: Doc, lexicon: SpeechCues, skip: Sequence[bool] | None = None) -> None:
        self.lexicon = lexicon
        self.by_key: dict[str, NameEntry] = {}
        self.by_first_word: dict[str, list[NameEntry]] = {}  # surname-first names by their surname
        self.mentions: list[tuple[int, NameEntry]] = []  # (token index, entry), text order
        self.counterparts: set[int] = set()  # mentions introduced as someone's counterpart
        # words this document uses as a person's title ("radio presenter Amol Rajan", "Interior CS
        # Ali Baraka"): role words of this document beside the lexicon's
        self.learned_roles: set[str] = set()
        # surnames the recogniser tags as people somewhere the narrator speaks
        self.person_surnames = {
            fold(e[-1].text)
            for e in map(trim_entity, doc.ents)
            if e.label_ in PERSON_LABELS and (skip is None or not skip[e.start])
        }
        for ent in map(trim_entity, doc.ents):
            if skip is not None and skip[ent.start]:
                continue
            label = self.label_of(ent)
            if label is None:
                continue
            if label == "PERSON":
                ent = _widen_name(ent, lexicon.name_particles)
            words = self._name_words(ent)
            if not words or len(words) == 1 and words[0].lower() in lexicon.person_anaphors:
                continue  # "the Spaniard" tagged as a person refers to someone named before
            entry = self._add(label, words)
            roles = self._roles_near(ent)
            entry.roles |= roles
            if "counterpart" in roles:
                self.counterparts.add(ent.start)
            self.mentions.append((ent.start, entry))
        self._add_unrecognised_names(doc, skip)
        self._add_acronyms(doc, skip)
        self._cluster()
        self.mentions.sort(key=lambda m: m[0])
        for k, (start, entry) in enumerate(self.mentions):
            if start in self.counterparts:
                # "Putin ... his US counterpart Donald Trump": a president, like the one before
                before = next(
                    (e for _, e in reversed(self.mentions[:k]) if e is not entry and e.label == "PERSON"), None
                )
                if before is not None:
                    entry.roles |= {r for r in before.roles if not r.startswith("mod:")}

    def _add_acronyms(self, doc: Doc, skip: Sequence[bool] | None) -> None:
        """ "the National Weather Agency (NWA)": the name and its acronym are one organisation,
        whether or not the recogniser saw the name."""
        for i in [t.i for t in doc[2 : len(doc) - 2] if t.text == "("]:
            acronym = doc[i + 1]
            if doc[i + 2].text != ")" or not (acronym.is_upper and acronym.is_alpha):
                continue
            if skip is not None and skip[i]:
                continue
            start = i
            while start > max(0, i - 9) and (doc[start - 1].is_title or doc[start - 1].lower_ in _NAME_JOINERS):
                start -= 1
            while start < i and doc[start].lower_ in _NAME_JOINERS:
                start += 1
            words = [t.text for t in doc[start:i]]
            if len(words) < 2 or _initials(" ".join(words)) != acronym.text:
                continue
            entry = self._add("ORG", words)
            self.by_key.setdefault(fold(acronym.text), entry)
            self.mentions.append((start, entry))

    def _cluster(self) -> None:
        """Entries that are one entity: a one-word name inside exactly one longer person's name
        ("Tedros" tagged as an organisation and "Tedros Adhanom"), and an acronym of an
        organisation's name ("NWA" and "National Weather Agency")."""
        entries = list({id(e): e for e in self.by_key.values()}.values())
        org_words = self.lexicon.org_name_words
        people = [
            e
            for e in entries
            if e.label == "PERSON" and " " in e.name and not any(fold(w) in org_words for w in e.name.split())
        ]
        for entry in entries:
            if " " in entry.name:
                continue
            word = fold(entry.name)
            holders = [p for p in people if word in fold(p.name).split()]
            if len(holders) == 1 and holders[0] is not entry:
                self._merge(entry, holders[0])
                continue
            acronym = entry.name.isupper()
            named = [e for e in entries if e.label == "ORG" and acronym and _initials(e.name) == entry.name]
            if len(named) == 1 and named[0] is not entry:
                self._merge(entry, named[0])

    def _merge(self, entry: NameEntry, into: NameEntry) -> None:
        into.roles |= entry.roles
        for key, value in self.by_key.items():
            if value is entry:
                self.by_key[key] = into
        self.mentions = [(start, into if e is entry else e) for start, e in self.mentions]

    @classmethod
    def outside_quotes(cls, doc: Doc, quotes: Sequence[Span], lexicon: SpeechCues) -> EntityIndex:
        """The index of the names the narrator uses: a name inside a quotation neither
        introduces a person nor lengthens a canonical name.

        Built once per document and set of quotations: the speaker attributor and the converter
        share it, so an entity's name is the one its speaker got.
        """
        bounds = tuple((q.start, q.end) for q in quotes)
        built = _BUILT.get(doc)
        if built is not None and built[0] == bounds and built[1].lexicon is lexicon:
            return built[1]
        index = cls(doc, lexicon, skip=quote_mask(doc, quotes, marks=False))
        _BUILT[doc] = (bounds, index)
        return index

    def _add_unrecognised_names(self, doc: Doc, skip: Sequence[bool] | None) -> None:
        """People the entity recogniser missed: runs of two or more proper-noun name words."""
        named = PERSON_LABELS | ORG_LABELS
        i = 0
        while i < len(doc):
            j = i
            while (
                j < len(doc)
                and doc[j].pos_ == "PROPN"
                and doc[j].ent_type_ not in named
                # an acronym title opens a name ("Interior CS Ali Baraka")
                and (doc[j].is_title or doc[j].is_upper and j + 1 < len(doc) and doc[j + 1].is_title)
            ):
                j += 1
            if j > i and (skip is None or not skip[i]):
                self._add_run(doc, i, j)
            i = max(j, i + 1)

    def _add_run(self, doc: Doc, i: int, j: int) -> None:
        """A run of name words ``doc[i:j]`` the recogniser missed (or tagged as a place)."""
        if j == i + 1 and i > 0 and doc[i - 1].is_title and doc[i - 1].lower_ in self.lexicon.titles:
            # "Judge Denyer", "Mayor Lind": a title and a surname
            entry = self._add("PERSON", [doc[i].text])
            entry.roles |= self._roles_near(doc[i - 1 : j])
            self.mentions.append((i, entry))
            return
        # a run tagged as a place is a person only as a subject ("Tedros Adhanom said" tagged
        # as a place, but not "in South Africa")
        if any(t.ent_type_ in PLACE_LABELS for t in doc[i:j]) and not _name_is_subject(doc, i):
            return
        span = doc[_past_office(doc, i, j) : _hyphen_end(doc, j)]
        words = self._name_words(span)
        if len(words) >= 2 and words[-1].lower() not in self.lexicon.place_name_words:  # not "Mill Road"
            org = any(w.lower().strip(".") in self.lexicon.org_name_words for w in words)
            entry = self._add("ORG" if org else "PERSON", words)
            roles = self._roles_near(span)
            entry.roles |= roles
            if "counterpart" in roles:
                self.counterparts.add(i)
            self.mentions.append((i, entry))

    def label_of(self, ent: Span, *, places: bool = False) -> str | None:
        """quotex's label of an entity, with a small recogniser's commonest slip undone:
        "Transport Minister Rui Costa" tagged as an organisation is a titled person."""
        label = entity_label(ent.label_, places=places)
        if label == "PERSON" and ent[-1].lower_ in self.lexicon.place_name_words:
            # "Harlan County" tagged as a person is a place
            return entity_label("LOC", places=places)
        if label != "ORG":
            return label
        words = [t for t in ent if not t.is_punct]
        if not words:
            return label  # an "entity" of punctuation alone ("¿")
        roles = self.lexicon.titles | self.lexicon.person_roles
        known = fold(words[-1].text) in self.person_surnames
        last = max(
            (
                i
                for i, t in enumerate(words[:-1])
                if t.lower_.strip(".") in roles or known and t.is_upper and t.is_alpha and len(t) >= 2
            ),
            default=None,
        )
        if last is not None and 2 <= len(words) - last - 1 <= 3 and all(t.is_title for t in words[last + 1 :]):
            return "PERSON"
        # "Tedros Adhanom Ghebreyesus said": a bare run of name words with nothing of an
        # organisation about it (no "the", no "Bank", "Group", "Ministry") names a person
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        given = (
            len(words) >= 2 and fold(words[0].text) in self.lexicon.given_names
        )  # "Carlos Alcaraz", not "Goldman Sachs"
        proper = given or all(t.pos_ == "PROPN" for t in words)  # a tagger may call "Carlos" an adjective
        plain = (
            proper
            and all(t.is_title and not t.lower_.endswith("ing") for t in words)
            and not any(t.lower_.strip(".") in self.lexicon.org_name_words | self.lexicon.org_roles for t in words)
        )
        # two words are as often a firm ("Goldman Sachs"), unless the surname is a person's
        # elsewhere ("Yuri Ushakov" tagged as an organisation, "Ushakov" as a person); "economists
        # at X" is a firm
        long_or_known = len(words) >= 3 or given or fold(words[-1].text) in self.person_surnames
        after_noun = before is not None and (before.pos_ in {"DET", "PROPN"} or before.lower_ in _ORG_PREPOSITIONS)
        if plain and long_or_known and len(words) <= 4 and not after_noun:
            return "PERSON"
        return label

    def name_span(self, span: Span) -> Span:
        """The name proper: everything up to the last title or role word dropped
        ("Transport Minister Rui Costa" -> "Rui Costa")."""
        tokens = [t for t in span if not t.is_punct and t.tag_ != "POS" and t.text not in {"'s", "’s"}]
        start = span.start
        for k, t in enumerate(tokens[:-1]):
            low = t.lower_.strip(".")
            # an acronym before two name words is a title too ("Interior CS Ali Baraka")
            acronym = t.is_upper and t.is_alpha and len(t) >= 2 and k + 2 < len(tokens) and tokens[k + 1].is_title
            if low in self.lexicon.titles or low in self.lexicon.person_roles or low in _COUNTRY_PREFIXES or acronym:
                start = t.i + 1
        return span.doc[start : span.end]

    def mention(self, ent: Span, label: str | None) -> Span:
        """The words of an entity that name it: a person grown over name words the recogniser
        left out and cut after titles ("Mayor Daniel" + "Okoro" -> "Daniel Okoro")."""
        return self.name_span(_widen_name(ent, self.lexicon.name_particles) if label == "PERSON" else _strip_det(ent))

    def _name_words(self, span: Span) -> list[str]:
        """The words of the name proper, possessives dropped."""
        words: list[str] = []
        glued = False
        for t in self.name_span(span):
            if t.tag_ == "POS" or t.text in {"'s", "’s"} or t.is_punct and not (glued and t.text == "-"):
                glued = False
                continue
            if glued:
                words[-1] += t.text  # "Chang-yong", split by the tokenizer
            else:
                words.append(t.text)
            glued = not t.whitespace_ and t.i + 1 < len(t.doc) and (t.text == "-" or t.nbor(1).text == "-")
        if len(words) == 1 and words[0].lower().strip(".") in self.lexicon.titles | self.lexicon.person_roles:
            return []
        # a name of symbols alone ("@", "」", "¿") names nobody: it must never become a key
        words = [w for w in words if any(c.isalnum() for c in w)]
        return words

    def _add(self, label: str, words: list[str]) -> NameEntry:
        full = " ".join(words)
        key = _person_key(words) if label == "PERSON" else fold(full)
        entry = self.by_key.get(fold(full)) if label == "PERSON" and len(words) >= 2 else None
        entry = entry or self.by_key.get(key)
        if entry is not None and label == "PERSON" and _other_given_name(entry.name, words):
            # "Will Smith" and his wife "Jada Pinkett Smith": one surname, two people; a bare
            # "Smith" stays with the one named first
            entry = NameEntry(label, full)
            self.by_key[fold(full)] = entry
            return entry
        if entry is None and label == "PERSON":
            # "Rhee" and "Rhee Chang-yong" are one person, whichever the recogniser met first
            entry = self.lookup(words, "PERSON")
            bare = self.by_key.get(fold(words[0])) if " " in key else None
            if entry is None and bare is not None and bare.label == "PERSON" and " " not in bare.name:
                entry = bare
        if entry is None:
            entry = NameEntry(label, full)
        elif len(words) > len(entry.name.split()):
            entry.name = full
        if label == "PERSON" and len(words) >= 2:
            self.by_key.setdefault(fold(full), entry)
        if key not in self.by_key:
            self.by_key[key] = entry
            if label == "PERSON" and " " in key:
                holders = self.by_first_word.setdefault(key.split(" ", 1)[0], [])
                if not any(e is entry for e in holders):
                    holders.append(entry)
        return entry

    def _roles_near(self, ent: Span) -> set[str]:
        """Role nouns in the same noun phrase: 'aide Yuri Ushakov', 'Ushakov, the aide'."""
        doc = ent.doc
        roles = set()
        # punctuation sentences: a parser may cut "aide | Yury Ushakov has said"
        lo = max(punct_sentence(doc, ent.start).start, ent.start - 5)
        # a coordination ends the noun phrase: "Russian" is not Trump's in
        # "Russian President Vladimir Putin and U.S. President Donald Trump"
        # and so does a verb: "minister" is not France Inter's in "The minister told France Inter"
        lo = max(
            (t.i + 1 for t in doc[lo : ent.start] if t.pos_ in {"CCONJ", "VERB", "AUX"} or t.text in {",", ";"}),
            default=lo,
        )
        words = [*doc[lo : ent.start], *ent, *_role_before_apposition(doc, ent.start)]
        learned = self._title_before_name(ent)
        if learned is not None:
            roles.add(learned)
            self.learned_roles.add(learned)
        for t in words:
            low = t.lower_.strip(".")
            if t.lemma_.lower() in self.lexicon.person_roles or low in self.lexicon.person_roles:
                roles.add(t.lemma_.lower() if t.lemma_.lower() in self.lexicon.person_roles else low)
            if low in self.lexicon.title_roles:  # "Sen. Maria Lopez" is a senator
                roles.add(self.lexicon.title_roles[low])
        head = ent.root
        for child in head.children:
            # "Ushakov, the Russian president's aide": the apposition's head is his role
            if child.dep_ == "appos" and child.lemma_.lower() in self.lexicon.person_roles:
                roles.add(child.lemma_.lower())
        if head.dep_ == "appos":
            h = head.head
            if h.lemma_.lower() in self.lexicon.person_roles:
                roles.add(h.lemma_.lower())
        # modifiers of the role ("US", "Kremlin") help tell two presidents apart, inside the
        # entity too ("U.S. President Donald Trump")
        name = set(self._name_words(ent))
        mods = {fold(t.text) for t in [*doc[lo : ent.start], *ent] if t.pos_ in {"PROPN", "ADJ"} and t.text not in name}
        return roles | {f"mod:{m}" for m in mods if m}

    def _title_before_name(self, ent: Span) -> str | None:
        """The word a person's name is titled with, known or not: the common noun right before
        it ("presenter Amol Rajan") or an acronym inside the entity ("CS Ali Baraka")."""
        doc = ent.doc
        name = self.name_span(ent)
        if self.label_of(ent) != "PERSON" or len(name) < 1:
            return None
        before = doc[name.start - 1] if name.start > 0 else None
        if before is None or before.is_sent_start:
            return None
        low = before.lower_.strip(".")
        if before.tag_ == "NN" and before.is_lower and before.is_alpha and low not in TIME_WORDS:
            return low
        if name.start > ent.start and before.is_upper and len(low) >= 2 and before.is_alpha:
            return low
        return None

    def lookup(self, words: Sequence[str], label: str) -> NameEntry | None:
        """The entry a name belongs to, matched by surname for people."""
        if not words:
            return None
        if label == "PERSON":
            whole = self.by_key.get(fold(" ".join(words))) if len(words) >= 2 else None
            entry = whole or self.by_key.get(_person_key(words))
            if entry is not None and whole is None and _other_given_name(entry.name, words):
                return None  # "Jada Smith" is not the "Will Smith" of the surname
            if entry is None and len(words) == 1:
                # "Rhee" after "Rhee Chang-yong": the one surname-first name it begins
                holders = self.by_first_word.get(fold(words[0]), [])
                entry = holders[0] if len(holders) == 1 and holders[0].label == "PERSON" else None
            return entry
        return self.by_key.get(fold(" ".join(words)))

    def entry_for(self, words: list[str], label: str) -> NameEntry:
        """Find or add the entry for a name seen outside the entity recogniser's output."""
        if not words:
            raise ValueError("a name needs at least one word")  # callers check: keys never come from nothing
        return self.lookup(words, label) or self._add(label, words)

    def canonical(self, span: Span) -> tuple[str, str | None]:
        """Canonical name and label of a name mention."""
        label = self.label_of(span) if span.label_ else None
        words = self._name_words(_widen_name(span, self.lexicon.name_particles) if label == "PERSON" else span)
        if label is None:
            for lab in ("PERSON", "ORG"):
                entry = self.lookup(words, lab)
                if entry is not None:
                    return entry.name, entry.label
            return " ".join(words) or span.text, None
        if not words:
            return span.text, label
        entry = self.entry_for(words, label)
        return entry.name, entry.label


_NAME_JOINERS = {"of", "for", "and", "the", "on", "&"}


def _other_given_name(name: str, words: Sequence[str]) -> bool:
    """Whether two full names share a surname but not a given name ("Will Smith", "Jada
    Pinkett Smith"); a one-word name or an initial ("W. Smith") never differs."""
    known = name.split()
    if len(known) < 2 or len(words) < 2:
        return False
    a, b = fold(known[0]), fold(words[0])
    if len(a) <= 2 or len(b) <= 2 or a.rstrip(".") == b.rstrip("."):
        return False
    return b not in fold(name).split() and a not in fold(" ".join(words)).split()


def _initials(name: str) -> str:
    """ "National Weather Agency" -> "NWA" (function words skipped)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def entity_label(label: str, *, places: bool = False) -> str | None:
    """quotex's label for a spaCy entity label: PERSON, ORG, and LOC when ``places``."""
    if label in PERSON_LABELS:
        return "PERSON"
    if label in ORG_LABELS:
        return "ORG"
    if places and label in PLACE_LABELS:
        return "LOC"
    return None


#: pass 2, in order: how a speaker mention is linked to an entity; the first sieve that decides wins
ENTITY_ORDER: tuple[str, ...] = (
    "apposed_one",
    "pronoun",
    "anaphor",
    "org_name",
    "source_document",
    "name_in_mention",
    "role",
    "entity",
    "proper_noun",
    "description",
)


class SpeakerResolver:
    """Resolves the speaker token of each cue to a mention and a canonical name, in text order.

    The last resolved speaker is the referent of a later "he said" and the fallback of a
    role noun with no matching introduction ("the diplomat").
    """

    def __init__(self, doc: Doc, index: EntityIndex, lexicon: SpeechCues, order: Sequence[str] = ENTITY_ORDER) -> None:
        self.doc = doc
        self.index = index
        self.lexicon = lexicon
        self.order = tuple(order)
        self.person_roles = lexicon.person_roles | index.learned_roles
        self.history: list[tuple[int, SpeakerMatch]] = []

    def resolve(self, cue: CueMatch) -> SpeakerMatch | None:
        """Speaker of one cue; call in text order."""
        tok = cue.subject
        if tok is None:
            return None
        match = self._resolve_token(tok, cue)
        if match is not None:
            self.history.append((cue.cue.start, match))
        return match

    def previous(
        self, before: int, *, person: bool = False, thing: bool = False, outside: Span | None = None
    ) -> SpeakerMatch | None:
        """The most recent speaker before token ``before``.

        Speakers reported inside ``outside`` (the clause the current speaker reports:
        "Putin stressed ..., he added") are someone else's story and are skipped.
        """
        for start, match in reversed(self.history):
            if outside is not None and outside.start <= start < outside.end:
                continue
            if start < before and (not person or match.label == "PERSON") and not (thing and match.label == "PERSON"):
                return match
        return None

    def _resolve_token(self, tok: Token, cue: CueMatch) -> SpeakerMatch | None:
        """Pass 2: the entity sieves in ``self.order``; the first that decides names the sieve."""
        if not any(c.isalnum() for c in tok.lower_):
            return None  # '"We will win," @ said.': a symbol speaks for nobody
        tok = self._possessed_name(tok) or tok
        for name in self.order:
            match = ENTITY_SIEVES[name](self, tok, cue)
            if match is not None:
                return replace(match, sieve=match.sieve or name)
        return None

    def _possessed_name(self, tok: Token) -> Token | None:
        """ "said the county sheriff's Lt. Kelly Kent": the person named after a possessive and
        their titles, whatever the parser made the subject (the last word of the name)."""
        doc = self.doc
        k = tok.i + 1
        if k >= len(doc) or doc[k].lower_ not in {"'s", "’s"}:
            return None
        k += 1
        roles = self.lexicon.titles | self.person_roles
        while k < min(len(doc), tok.i + 6) and doc[k].lower_.rstrip(".") in roles:
            k += 1
        if k >= len(doc) or doc[k].ent_type_ not in PERSON_LABELS or doc[k].ent_iob_ != "B":
            return None
        end = k + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return doc[end - 1]

    def _apposed_one(self, tok: Token, cue: CueMatch) -> SpeakerMatch | None:
        """ "One of them, Zenith Minerals, said": the name set off by commas."""
        doc = self.doc
        low = tok.lower_
        if low == "one" or tok.pos_ == "NUM":
            # "One of them, Zenith Minerals, said": the name set off by commas
            named = _apposed_name(tok, cue.cue.start)
            words = self.index._name_words(named) if named is not None else []
            roles = self.lexicon.titles | self.person_roles
            if named is not None and words and words[-1].lower().strip(".") not in roles:
                ent = _entity_at(doc, named[0])
                person = (
                    ent is not None
                    and entity_label(ent.label_) == "PERSON"
                    or fold(words[0]) in self.lexicon.given_names
                )
                kind = "PERSON" if person else "ORG"
                return SpeakerMatch(named, self.index.entry_for(words, kind).name, kind)
        return None

    def _pronoun_sieve(self, tok: Token, cue: CueMatch) -> SpeakerMatch | None:
        """ "he said": the latest fitting speaker or subject before it, else the bare pronoun, unresolved."""
        if tok.text.isupper() and len(tok.text) > 1:
            return None  # "WHO said": an acronym, not the pronoun
        if tok.pos_ == "PRON" or tok.lower_ in self.lexicon.pronouns:
            return self._pronoun(tok, cue.content)
        return None

    def _anaphor(self, tok: Token, cue: CueMatch) -> SpeakerMatch | None:
        """ "the Spaniard said", "the 45-year-old said": a description that refers back like "he"."""
        if tok.lower_ in self.lexicon.person_anaphors and any(c.lower_ == "the" for c in tok.lefts):
            return self._pronoun(tok, cue.content, span=_noun_phrase(tok))
        age = age_phrase(tok)
        if age is not None:
            return self._pronoun(tok, cue.content, span=age)
        return None

    def _org_name(self, tok: Token, cue: CueMatch) -> SpeakerMatch | None:
        """ "The Federal Aviation Administration said": an organisation's name, not a role."""
        low = tok.lower_
        if (
            low in self.lexicon.org_roles
            and tok.is_title
            and any(c.dep_ in {"compound", "amod"} and c.is_title for c in tok.lefts)
        ):
            # "The Federal Aviation Administration": an organisation's name, not a role
            span = _strip_det(_noun_phrase(tok))
            return SpeakerMatch(span, self.index.entry_for([t.text for t in span], "ORG").name, "ORG")
        return None

    def _source_document(self, tok: Token, cue: CueMatch) -> SpeakerMatch | None:
        """ "The court's judgment said", "His words: ...", "a statement from the ministry said",
        "the statement said": a document speaks for its owner or issuer, else for the
        organisation that spoke last."""
        if tok.lemma_.lower() not in self.lexicon.source_nouns and tok.lower_ not in self.lexicon.source_nouns:
            return None
        span = _strip_det(_noun_phrase(tok))
        owner = next((c for c in tok.children if c.dep_ in {"nmod:poss", "poss"}), None)
        # "a statement from the ministry", "A statement issued by King Charles ... said"
        by = (t for t in tok.subtree if t.dep_ == "case" and t.lower_ in {"from", "by"} and t.head.i < cue.cue.start)
        issuer = owner or next((t.head for t in by if t.head.pos_ in {"PROPN", "NOUN", "PRON"}), None)
        if issuer is not None:
            found = self._resolve_token(issuer, cue)
            if found is not None:
                mention = self.doc[min(span.start, found.mention.start) : max(span.end, found.mention.end)]
                return replace(found, mention=mention, sieve="")
        spoke = next((m for _, m in reversed(self.history) if m.label == "ORG"), None)
        spoke = spoke or self._nearest_entity(tok, "ORG")
        if spoke is not None:
            return SpeakerMatch(span, spoke.name, "ORG")
        return SpeakerMatch(span, span.text, None, resolved=False)

    def _name_in_mention(self, tok: Token, cue: CueMatch) -> SpeakerMatch | None:
        """ "said Chief Executive and President Ana Ruiz", "Chair of the Rail Union Tom Berg said":
        a mention that contains a person's name belongs to that name, whatever heads it."""
        if tok.ent_type_ in PERSON_LABELS:
            return None  # the entity sieve reads the name itself
        doc = self.doc
        roles = self.lexicon.titles | self.person_roles | self.lexicon.org_roles
        if not (tok.lower_ in roles or tok.is_title or tok.is_upper):
            return None
        end = tok.i + 1
        limit = cue.cue.start if cue.cue.start > tok.i else len(doc)
        while end < min(limit, tok.i + 12) and (
            doc[end].is_title
            or doc[end].is_upper
            or doc[end].lower_.strip(".") in roles
            or doc[end].lower_ in {"and", "of", "the", "&", "for"}
        ):
            end += 1
        # the last run of two or more name words, one of them a person's by the recogniser or
        # a given name ("... Counsel Salvador Panelo")
        i = end
        while (
            i > tok.i + 1
            and doc[i - 1].pos_ == "PROPN"
            and doc[i - 1].lower_.strip(".") not in roles | self.lexicon.org_name_words
            and doc[i - 1].ent_type_ not in PLACE_LABELS  # "Governor of Oregon Dana Reyes"
        ):
            i -= 1
        i = _past_office(doc, i, end)
        run = doc[i:end]
        # a person's by the recogniser, or a run of name words after a title or an
        # organisation's name that names no place or organisation itself ("... Chief Counsel
        # Salvador Panelo", "chief executive of the Tenants' Council Amara Okafor")
        org_words = self.lexicon.org_name_words
        after_title = doc[i - 1].lower_.strip(".") in roles | org_words
        person = any(t.ent_type_ in PERSON_LABELS for t in run) or (
            (after_title or all(not t.ent_type_ for t in run)) and not any(t.lower_ in org_words for t in run)
        )
        if len(run) < 2 or not person:
            return None
        return self._person(run)

    def _role_noun(self, tok: Token, cue: CueMatch) -> SpeakerMatch | None:
        """ "the U.S. President", "the ministry", "a spokesman" (even when tagged as a proper noun)."""
        if tok.lower_ in self.person_roles or tok.lower_ in self.lexicon.org_roles:
            return self._role(tok, cue.cue.start, cue.content)
        return None

    def _entity(self, tok: Token, cue: CueMatch) -> SpeakerMatch | None:
        """ "Ushakov said", "said Kremlin aide Yuri Ushakov": the entity the recogniser tagged."""
        tok = self._misparsed_title(tok)
        ent = _entity_at(self.doc, tok)
        if ent is not None and entity_label(ent.label_) is not None:
            name, label = self.index.canonical(ent)
            return SpeakerMatch(self.index.mention(ent, label), name, label)
        place = ent is not None and ent.label_ in PLACE_LABELS and tok.pos_ == "PROPN"
        if ent is not None and place and self.index.lookup([tok.text], "PERSON") is None:
            # "China said": a country speaks through its government, never as "he" or "she"
            return SpeakerMatch(_strip_det(ent), _strip_det(ent).text, "LOC")
        return None

    def _proper_noun(self, tok: Token, cue: CueMatch) -> SpeakerMatch | None:
        """ "Voigt told reporters": a name the recogniser missed, or the tagger took for a noun."""
        tok = self._misparsed_title(tok)
        acronym = tok.text.isupper() and tok.is_alpha and len(tok) > 1  # "WHO" tagged as a pronoun
        if tok.pos_ == "PROPN" or acronym or tok.is_title and self.index.lookup([tok.text], "PERSON") is not None:
            span = _name_span(tok)
            name, label = self.index.canonical(span)
            if label is None:
                words = self.index._name_words(span)
                if not words:  # "said Dr." with no name after the title: a role, not a name
                    return self._role(tok, cue.cue.start, cue.content)
                # "the Kremlin", "the Interior Ministry": an organisation's word makes the name one
                org = any(t.lower_ in self.lexicon.org_roles or t.lower_ in self.lexicon.org_name_words for t in span)
                label = "ORG" if org else "PERSON"
                name = self.index.entry_for(words, label).name
            return SpeakerMatch(span, name, label)
        return None

    def _misparsed_title(self, tok: Token) -> Token:
        """ "Kremlin foreign policy [aide] Yury Ushakov" headed by "policy": the name at its end."""
        right = tok.right_edge
        joined = not any(t.is_punct for t in self.doc[tok.i : right.i])
        if tok.pos_ == "NOUN" and right.i > tok.i and right.pos_ == "PROPN" and joined and self._is_person_name(right):
            return right
        return tok

    def _description(self, tok: Token, cue: CueMatch) -> SpeakerMatch | None:
        """Any other noun phrase ("the broadcaster", "analysts"): read as a role."""
        return self._role(tok, cue.cue.start, cue.content)

    def _is_person_name(self, last: Token) -> bool:
        """Whether the proper-noun run ending at ``last`` names a person: tagged so, known
        as one, or right after a role word ("aide Yury Ushakov" even when tagged as a place)."""
        span = _name_span(last)
        known = self.index.lookup([last.text], "PERSON")
        if any(t.ent_type_ in PERSON_LABELS for t in span) or known is not None and known.label == "PERSON":
            return True
        before = self.doc[span.start - 1] if span.start > 0 else None
        return before is not None and before.lower_ in self.person_roles

    def _pronoun(self, tok: Token, content: Span | None, *, span: Span | None = None) -> SpeakerMatch | None:
        """A pronoun's referent; with ``span``, that of a noun phrase which refers back to a
        person as "he" or "she" does ("the Spaniard", "the 45-year-old")."""
        kind = self.lexicon.pronouns.get(tok.lower_)
        if span is not None or kind in {"male", "female"}:
            prev = self.previous(tok.i, person=True, outside=content)
            subject = self._recent_subject(tok, after=self._last_start(tok.i, content), outside=content)
            prev = subject or prev or self._nearest_entity(tok, "PERSON")
        elif kind == "plural" or kind == "neuter":
            # "it" is never a person; "they" may be people or a body
            prev = self.previous(tok.i, outside=content, thing=kind == "neuter")
            prev = prev or self._nearest_entity(tok, "ORG") or self._recent_body(tok)
        else:
            prev = None
        mention = span or self.doc[tok.i : tok.i + 1]
        if prev is None:
            # the source is there even when nobody fits: the mention itself, marked unresolved
            return SpeakerMatch(mention, mention.text, None, resolved=False)
        return SpeakerMatch(mention, prev.name, prev.label, resolved=prev.resolved)

    def _last_start(self, before: int, content: Span | None) -> int:
        for start, _ in reversed(self.history):
            if start < before and not (content is not None and content.start <= start < content.end):
                return start
        return -1

    def _recent_subject(self, tok: Token, *, after: int, outside: Span | None) -> SpeakerMatch | None:
        """A person who is the subject of a sentence between the last speaker and the pronoun
        ("Reed disputed the findings. '...,' he said" is Reed)."""
        for start, entry in reversed(self.index.mentions):
            if not after < start < tok.i or entry.label != "PERSON":
                continue
            if outside is not None and outside.start <= start < outside.end:
                continue  # "Kiev is in no rush ..., he said": someone in the reported clause
            head = self.doc[start]
            while head.dep_ in _NAME_DEPS and head.head.i != head.i and head.head.i > head.i:
                head = head.head
            if head.tag_ in {"NNS", "NNPS"}:
                continue  # "Democrats were less certain": not a "he" or "she"
            if head.dep_ in _SUBJ_DEPS or _name_is_subject(self.doc, start):
                return SpeakerMatch(self.doc[start : start + 1], entry.name, entry.label)
        return None

    def _recent_body(self, tok: Token) -> SpeakerMatch | None:
        """An organisation named by a common noun in a recent subject ("The airline cancelled
        flights. It said ..."), for "it" and "they" with no speaker before them."""
        for i in range(tok.i - 1, max(-1, tok.i - 60), -1):
            cand = self.doc[i]
            if cand.dep_ in _SUBJ_DEPS and cand.lemma_.lower() in self.lexicon.org_roles:
                span = _noun_phrase(cand)
                return SpeakerMatch(span, _strip_det(span).text, "ORG")
        return None

    def _nearest_entity(self, tok: Token, label: str) -> SpeakerMatch | None:
        for start, entry in reversed(self.index.mentions):
            if start < tok.i and entry.label == label:
                return SpeakerMatch(self.doc[start : start + 1], entry.name, entry.label)
        return None

    def _role(self, tok: Token, limit: int | None = None, content: Span | None = None) -> SpeakerMatch | None:
        """'the diplomat', 'the Kremlin aide', 'the US president', 'the ministry'.

        ``limit`` is the cue's first token: an apposed name must come before it. ``content``
        is the clause the cue reports.
        """
        doc = self.doc
        first = self._titled_name_start(tok)
        if first is not None:
            # "Press secretary Dan Ruiz", "Bank of Korea Governor Rhee Chang-yong": the name
            # after the role or title is the speaker
            name = _name_span(doc[first])
            while name.end < len(doc) and doc[name.end].pos_ == "PROPN":
                name = doc[name.start : _hyphen_end(doc, name.end + 1)]
            found = self._person(name)
            if found is not None:
                return found
        # not a name in brackets: "Acme Inc. (Nasdaq: ACME) said"
        named = next(
            (c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and doc[c.i - 1].text != "("), None
        )
        # "The watchdog's head, Gareth Davies, said", also when the parser hung the name elsewhere
        apposed = _name_span(named) if named is not None else _apposed_name(tok, limit)
        if apposed is not None and not self._org_like(apposed) and (found := self._person(apposed)) is not None:
            return found
        span = _noun_phrase(tok)
        head = tok.lemma_.lower() if tok.lemma_.lower() in self.person_roles else tok.lower_
        # the role's own determiners, not those of "at the European Commission"
        determiners = {t.lower_ for t in self.doc[span.start : tok.i + 1] if t.dep_ == "det"}
        if tok.tag_ in {"NNS", "NNPS"} and not determiners & {"the", "these", "those"}:
            # "Analysts said", "Officials said": a group, not someone introduced before
            return SpeakerMatch(span, _strip_det(span).text, None, resolved=False)
        if determiners & _INDEFINITE:
            # "an EU official", "a company spokesman": someone new, never an earlier speaker; in
            # the lede, the person the next paragraphs name ("A county sheriff said ... Sheriff
            # Dana Reyes told reporters")
            # ("An Arizona teenager ... told police": a person word, not only a role)
            person = head in self.person_roles or head in self.lexicon.person_anaphors
            ahead = self._named_next(head, tok.i) if person and _in_lede(tok) else None
            if ahead is not None:
                return SpeakerMatch(span, ahead.name, "PERSON", sieve="role_lookahead")
            return SpeakerMatch(
                span, _strip_det(span).text, "PERSON" if head in self.person_roles else None, resolved=False
            )
        owners = [t for t in span if t.dep_ in {"nmod:poss", "poss"}]
        if owners and head not in self.person_roles:
            return SpeakerMatch(span, _strip_det(span).text, "ORG", resolved=False)  # "Johnson's office", "its board"
        if any(t.pos_ == "PRON" for t in owners):
            # "its chief executive", "his spokesman": someone not introduced before
            return SpeakerMatch(span, _strip_det(span).text, "PERSON", resolved=False)
        if head in self.person_roles:
            # "Japan's prime minister": the country is a modifier of the role, as in "Japanese"
            mods = {f"mod:{fold(t.text)}" for t in span if t.pos_ in {"PROPN", "ADJ"} and t.i != tok.i}
            introduced = self._introduced(head, mods, tok.i)
            if introduced is not None and introduced[1] == "role":
                return SpeakerMatch(span, introduced[0].name, "PERSON", sieve=introduced[1])
            # a speaker met with this title before ("Interior CS Ali Baraka warned ... the CS
            # said") beats a person named later
            titled = next(
                (
                    m
                    for s, m in reversed(self.history)
                    if s < tok.i and m.label in {"PERSON", None} and head in {t.lower_ for t in m.mention}
                ),
                None,
            )
            if titled is not None:
                return SpeakerMatch(span, titled.name, "PERSON", resolved=titled.resolved)
            if introduced is not None:
                return SpeakerMatch(span, introduced[0].name, "PERSON", sieve=introduced[1])
            # one person is never "the authors"
            prev = None if owners or tok.tag_ in {"NNS", "NNPS"} else self.previous(tok.i, person=True)
            if prev is not None:
                return SpeakerMatch(span, prev.name, prev.label)
            return SpeakerMatch(span, _strip_det(span).text, "PERSON", resolved=False)
        if head in self.lexicon.org_roles:
            named = _trailed_subject(content, tok)
            words = self.index._name_words(_strip_det(_name_span(named))) if named is not None else []
            known = self.index.lookup(words[-1:], "PERSON") if named is not None else None
            # a one-word name the recogniser took for a person is the company ("Spotify"), a
            # person met with a given name is not ("Musk will step down, the company said")
            if named is not None and words and (known is None or len(known.name.split()) == 1):
                # "Spotify will raise prices ..., the company said": the clause's subject
                return SpeakerMatch(span, self.index.entry_for(words, "ORG").name, "ORG")
            # "the French foreign ministry said ... the ministry noted": the organisation named
            # with the same noun, a speaker or a name, before any other
            same = {tok.lower_, tok.lemma_.lower()}
            for start, match in reversed(self.history):
                if start < tok.i and match.label != "PERSON" and same & {t.lower_ for t in match.mention}:
                    return SpeakerMatch(span, match.name, match.label)
            for start, entry in reversed(self.index.mentions):
                if start < tok.i and entry.label == "ORG" and same & set(fold(entry.name).split()):
                    return SpeakerMatch(span, entry.name, "ORG")
            for start, entry in reversed(self.index.mentions):
                if start < tok.i and entry.label == "ORG":
                    return SpeakerMatch(span, entry.name, "ORG")
        if tok.pos_ == "NOUN" and doc[tok.i].is_title:
            return SpeakerMatch(span, _strip_det(span).text, "ORG", resolved=False)
        return SpeakerMatch(span, _strip_det(span).text, None, resolved=False)

    def _titled_name_start(self, tok: Token) -> int | None:
        """Where the name after a role starts: right after it, or after the title that ends
        an organisation's name ("Bank of Korea Governor Rhee ...")."""
        doc = self.doc
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            j = tok.i + 1
            if doc[j].lower_ not in self.lexicon.titles or j + 1 >= len(doc) or doc[j + 1].pos_ != "PROPN":
                return j
        if tok.lower_ in self.person_roles:
            return None  # "a spokesperson for Commission President von der Leyen" is not the president
        titles = self.lexicon.titles | self.person_roles
        for j in range(tok.i + 1, min(len(doc) - 1, tok.i + 8)):
            if doc[j].lower_ in titles and doc[j].is_title and doc[j + 1].pos_ == "PROPN":
                return j + 1
            if not (doc[j].is_title or doc[j].lower_ in {"of", "for", "the", "and", "&"}):
                return None
        return None

    def _org_like(self, name: Span) -> bool:
        """ "A spokesman for the airline, Delta Air Lines, said": the apposed name is no person."""
        # by its words: a small recogniser tags many people's names as organisations
        return any(t.lower_.strip(".") in self.lexicon.org_name_words for t in name)

    def _person(self, name: Span) -> SpeakerMatch | None:
        words = self.index._name_words(name)
        if not words or words[-1].lower() in self.lexicon.place_name_words:
            return None  # nobody, or a place ("Mill Road")
        return SpeakerMatch(name, self.index.entry_for(words, "PERSON").name, "PERSON")

    def _introduced(self, role: str, mods: set[str], before: int) -> tuple[NameEntry, str] | None:
        """The person introduced with ``role`` and how ("role" or "role_lookahead"): the one sharing most
        modifiers, then a subject before an object, latest first (someone's "counterpart" holds
        the roles of the person named before). Failing that, the next person named, as the
        subject of a later sentence and introduced with this role or with none ("Japan's prime
        minister said ... Prime Minister Shigeru Ishiba told ...", "The head of the WHO warned
        ... Tedros Adhanom Ghebreyesus said ...")."""
        best: tuple[int, bool, int, NameEntry] | None = None
        for start, entry in self.index.mentions:
            if start < before and entry.label == "PERSON" and role in entry.roles:
                # of two, the subject of its sentence is the likelier referent: "Treasury
                # Secretary Scott Bessent met his counterpart, Roland Lescure. The secretary said"
                score = (len(mods & entry.roles), _subject_mention(self.doc, start), start)
                if best is None or score > best[:3]:
                    best = (*score, entry)
        if best is not None:
            return best[3], "role"
        following = self._named_next(role, before)
        return (following, "role_lookahead") if following is not None else None

    def _named_next(self, role: str, before: int) -> NameEntry | None:
        """The next person named, as the subject of a later sentence, introduced with ``role`` or
        with none: news names the person of a lede's role in the next paragraphs ("The head of
        the WHO warned ... Tedros said")."""
        sent_end = self.doc[before].sent.end
        nxt = next(((s, e) for s, e in self.index.mentions if s > before and e.label == "PERSON"), None)
        if nxt is None:
            return None
        start, following = nxt
        first = self._first_start(following)
        if start < sent_end or not _subject_mention(self.doc, start) or not before < first < before + LOOKAHEAD_TOKENS:
            return None
        named_roles = {r for r in following.roles if not r.startswith("mod:")}
        return following if role in named_roles or not named_roles else None

    def _first_start(self, entry: NameEntry) -> int:
        return next(s for s, e in self.index.mentions if e is entry)


ENTITY_SIEVES: dict[str, Callable[[SpeakerResolver, Token, CueMatch], SpeakerMatch | None]] = {
    "apposed_one": SpeakerResolver._apposed_one,
    "pronoun": SpeakerResolver._pronoun_sieve,
    "anaphor": SpeakerResolver._anaphor,
    "org_name": SpeakerResolver._org_name,
    "source_document": SpeakerResolver._source_document,
    "name_in_mention": SpeakerResolver._name_in_mention,
    "role": SpeakerResolver._role_noun,
    "entity": SpeakerResolver._entity,
    "proper_noun": SpeakerResolver._proper_noun,
    "description": SpeakerResolver._description,
}


#: a paragraph of this many words or more is the story's; shorter ones before it are a headline,
#: a standfirst, a date or a byline
LEDE_MIN_WORDS = 12


def _in_lede(tok: Token) -> bool:
    """In the article's first two paragraphs (a headline and the lede, or the lede alone), or in
    the first two paragraphs of the story and the short lines before them (a headline, a date, a
    byline)."""
    paragraphs = tok.doc.spans.get(PARAGRAPHS_KEY, [])
    if len(paragraphs) < 2 or tok.i < paragraphs[1].end:
        return True
    story = next((k for k, p in enumerate(paragraphs) if sum(t.is_alpha for t in p) >= LEDE_MIN_WORDS), None)
    return story is not None and tok.i < paragraphs[min(story + 1, len(paragraphs) - 1)].end


def _trailed_subject(content: Span | None, tok: Token) -> Token | None:
    """The proper-noun subject, not a person, of a clause that a cue with ``tok`` trails."""
    if content is None or content.end > tok.i or not any(t.lower_ == "the" for t in tok.lefts):
        return None
    subject = next((t for t in content if t.dep_ in _SUBJ_DEPS), None)
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ in PLACE_LABELS:
        return None
    return subject


def _role_before_apposition(doc: Doc, start: int) -> list[Token]:
    """The noun phrase a name is apposed to, when it opens its clause: "The mayor of Chicago,
    Brandon Johnson, ..." and "His French counterpart, Roland Lescure, ..." but not
    "Speaking to the minister, Johnson ..."."""
    if start < 2 or doc[start - 1].text != ",":
        return []
    i = start - 2
    while i > max(-1, start - 9) and doc[i].pos_ in {"NOUN", "PROPN", "ADJ", "ADP"}:
        i -= 1
    if i < 0:
        return []
    opener = doc[i]
    if opener.dep_ in {"det", "nmod:poss", "poss"} and (i == 0 or doc[i - 1].is_sent_end or doc[i - 1].is_space):
        return list(doc[i : start - 1])
    return []


def _subject_mention(doc: Doc, start: int) -> bool:
    """Whether the name starting at ``start`` is a subject or apposed to one."""
    if _name_is_subject(doc, start):
        return True
    head = doc[start]
    while head.dep_ in _NAME_DEPS and head.head.i != head.i:
        head = head.head
    # "Sheriff Dana Reyes told": the title may head the name
    return head.dep_ in _SUBJ_DEPS or head.dep_ == "appos" and head.head.dep_ in _SUBJ_DEPS


def _name_is_subject(doc: Doc, start: int) -> bool:
    """Whether a word of the name starting at ``start`` is a subject ("Alderman Raymond
    Lopez was not convinced" may parse with "Raymond" as the subject)."""
    for t in doc[start : start + 5]:
        if not (t.pos_ == "PROPN" or t.is_title):
            return False
        if t.dep_ in _SUBJ_DEPS:
            return True
    return False


def _apposed_name(tok: Token, limit: int | None) -> Span | None:
    """A name set off by commas after a role's noun phrase, whatever the parse:
    "The mayor of Chicago, Brandon Johnson, said", "A spokesperson for the Commission, Maria Lopez, added"."""
    doc = tok.doc
    end = min(len(doc), limit if limit is not None and limit > tok.i else tok.i + 12)
    j = tok.i + 1
    while j < end and j < tok.i + 7 and doc[j].pos_ in {"ADP", "DET", "PROPN", "NOUN", "ADJ"}:
        j += 1
    if j + 1 >= end or doc[j].text != ",":
        return None
    k = j + 1
    while k < end and (doc[k].pos_ == "PROPN" or doc[k].is_title and not doc[k].is_stop):
        k += 1
    if k - (j + 1) < 2 or k < len(doc) and k != limit and doc[k].text != ",":
        return None
    return doc[j + 1 : k]


def _capitalised_name_word(tok: Token) -> bool:
    return tok.is_title and (tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and not tok.is_sent_start)


def _widen_name(span: Span, particles: frozenset[str] = frozenset()) -> Span:
    """A person entity grown over adjacent capitalised name words the recogniser left out
    ("Ines" + "Duarte", "Mayor Sofia" + "Lind") and over the particles before a surname
    ("Carla" + "van der" + "Berg")."""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and doc[start - 1].is_lower and doc[start - 1].text in particles and start > span.start - 3:
        start -= 1
    first = start
    while start > 0 and _capitalised_name_word(doc[start - 1]) and start > first - 3:
        start -= 1
    # a word to the right joins only when the parse links it to the name: not the capitalised
    # verb of a title-case headline ("Boris Johnson Reveals What He Said")
    while end < len(doc) and _capitalised_name_word(doc[end]) and end < span.end + 3 and _linked(doc[end], start, end):
        end += 1
    end = _hyphen_end(doc, end)
    start = min(_past_office(doc, start, end), span.start)
    return doc[start:end] if (start, end) != (span.start, span.end) else span


def _past_office(doc: Doc, start: int, end: int) -> int:
    """Where a name starts in a run of three or more name words after "of" or "for": "Governor
    of Oregon Dana Reyes" (the word after "of" is the office's)."""
    return start + 1 if end - start >= 3 and start > 0 and doc[start - 1].lower_ in {"of", "for"} else start


def _linked(tok: Token, start: int, end: int) -> bool:
    """Whether ``tok`` hangs from a word of ``doc[start:end]`` or one of them hangs from it."""
    return start <= tok.head.i < end or any(t.head.i == tok.i for t in tok.doc[start:end])


def _entity_at(doc: Doc, tok: Token) -> Span | None:
    if not tok.ent_type_:
        return None
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            return trim_entity(ent)
    return None


def trim_entity(ent: Span) -> Span:
    """An entity without the function words a small recogniser lets into its edges ("Stefan Reindl of")."""
    start, end = ent.start, ent.end
    while end > start + 1 and ent.doc[end - 1].pos_ in _EDGE_POS:
        end -= 1
    while start < end - 1 and ent.doc[start].pos_ in _EDGE_POS:
        start += 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(ent.doc, start, end, label=ent.label_)


_EDGE_POS = {"ADP", "DET", "CCONJ", "PUNCT", "PART", "SCONJ"}


def _strip_det(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and span.doc[start].pos_ == "DET":
        start += 1
    end = span.end
    while end > start + 1 and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    return span.doc[start:end]


def _name_span(tok: Token) -> Span:
    """The proper-name words around ``tok``: 'Yuri Ushakov' from 'Ushakov'."""
    doc = tok.doc
    start = tok.i
    while start > 0 and (
        doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].dep_ in _NAME_DEPS
        or doc[start - 1].pos_ == "ADJ"
        and doc[start - 1].is_title
        and not doc[start - 1].is_sent_start
        # a parser's sentence break inside "Governor Erik | Lund told"
        or doc[start].is_sent_start
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].is_title
        and doc[start - 1].whitespace_ == " "
    ):
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].head.i == tok.i and doc[end].dep_ in _NAME_DEPS:
        end += 1
    if end == tok.i + 1 and end < len(doc) and _mistagged_surname(doc[end]):
        end += 1  # "Larry Snelling told" with "Snelling" tagged as a verb
    return doc[_hyphen_start(doc, start) : _hyphen_end(doc, end)]


def _person_key(words: Sequence[str]) -> str:
    """A person's key: the surname, or the whole name where the surname comes first, before a
    hyphenated given name ("Rhee Chang-yong", "Kim Jong-un")."""
    last = words[-1]
    east_asian = len(words) >= 2 and "-" in last and last.split("-", 1)[1][:1].islower()
    # the whole name: "Kim Jong-un" and his sister "Kim Yo-jong" share the surname
    return fold(" ".join(words)) if east_asian else fold(last)


def _hyphen_start(doc: Doc, start: int) -> int:
    """``start`` moved back over a glued "Rolls-" that the tokenizer split from "Rolls-Royce"."""
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
        and doc[start - 2].is_alpha
        and doc[start - 2].is_title
    ):
        start -= 2
    return start


def _hyphen_end(doc: Doc, end: int) -> int:
    """``end`` moved over a glued "-yong" or "-un" that the tokenizer split from "Rhee Chang-yong"."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and doc[end + 1].is_lower
    ):
        end += 2
    return end


def _mistagged_surname(tok: Token) -> bool:
    return (
        tok.is_title
        and not tok.is_sent_start
        and not tok.is_stop
        and tok.pos_ in {"AUX", "VERB", "NOUN", "ADJ"}
        and tok.lower_ not in TIME_WORDS
    )


def _noun_phrase(tok: Token) -> Span:
    doc = tok.doc
    start = tok.i
    for child in tok.lefts:
        # not over a misparsed clause ("The Bank left interest rates unchanged" with "left" an adjective)
        clause = any(t.dep_ in _SUBJ_DEPS for t in child.subtree)
        if child.dep_ in {"det", "compound", "amod", "nmod:poss", "poss", "nmod"} and child.pos_ not in {"VERB", "AUX"}:
            start = start if clause else min(start, child.left_edge.i)
    while start < tok.i and (doc[start].is_punct or doc[start].is_space):
        start += 1  # a closing quotation mark or comma the parser hung from the phrase is not part of it
    end = tok.i + 1
    for child in tok.rights:
        # "people familiar with the matter", "a source close to the talks"
        # (an adjective with a complement of its own, not "The Bank left rates unchanged")
        complement = any(t.pos_ == "ADP" for t in child.subtree)
        if child.dep_ == "amod" and child.pos_ in {"ADJ", "ADV"} and child.right_edge.i < tok.i + 7 and complement:
            return doc[start : child.right_edge.i + 1]
    # "the head of the World Health Organization", "a spokesman for Northern Rail": whose
    # head it is belongs to the role
    if end + 1 < len(doc) and doc[end].lower_ in {"of", "for", "at"}:
        k = end + 1
        while k < min(len(doc), end + 7) and (
            doc[k].pos_ == "PROPN" or doc[k].is_title and not doc[k].is_stop or doc[k].lower_ == "the" and k == end + 1
        ):
            k += 1
        if doc[k - 1].pos_ == "PROPN" or doc[k - 1].is_title:
            end = k
    return doc[start:end]
