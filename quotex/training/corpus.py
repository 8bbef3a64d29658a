"""Convert the UD English treebanks and UNER labels into spaCy training DocBins."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

#: UNER types kept, renamed to the labels quotex uses; OTH is dropped.
UNER_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
#: GUM entity types kept, renamed the same way.
GUM_LABELS = {"person": "PERSON", "organization": "ORG", "place": "LOC"}
#: Sentences per training Doc, as ``spacy convert -n 10`` does.
SENTS_PER_DOC = 10
#: Every tenth GUM document of a genre (sorted by name) is held out as dev.
GUM_DEV_EVERY = 10
#: Tokens that may sit between proper nouns inside one name ("Bank of England", "AT&T").
NAME_LINKS = {"of", "&", "-", "de", "del", "la", "von", "van", "for", "'s", "’s"}

#: Parts of speech that never start or extend a name even when capitalized ("The", "In").
CLOSED_CLASS = {"DET", "PRON", "PUNCT", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "INTJ"}

_CLOSE = re.compile(r"(\d+)\)")

#: Entity spans of one sentence: (start, end, label) in word offsets.
Ents = list[tuple[int, int, str]]


@dataclass
class Sentence:
    """One CoNLL-U sentence, multiword-token ranges and empty nodes removed."""

    sent_id: str
    text: str
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    misc: list[str] = field(default_factory=list)
    new_doc: bool = False


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Read the sentences of a CoNLL-U file.

    Args:
        path: The CoNLL-U file.

    Yields:
        One Sentence per sentence block, with absolute 0-based heads (root heads itself).
    """
    sent: Sentence | None = None
    new_doc = False
    mwt_end = 0
    mwt_space = True
    with path.open(encoding="utf8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith("# newdoc"):
                new_doc = True
            elif line.startswith("# sent_id ="):
                sent = Sentence(sent_id=line.split("=", 1)[1].strip(), text="", new_doc=new_doc)
                new_doc = False
            elif line.startswith("# text =") and sent is not None:
                sent.text = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line:
                if sent is not None and sent.words:
                    yield _finish(sent)
                sent = None
            else:
                cols = line.split("\t")
                tid = cols[0]
                if "." in tid:
                    continue  # empty node of the enhanced graph
                if "-" in tid:
                    # the range line carries the SpaceAfter of the whole written word
                    mwt_end = int(tid.split("-")[1])
                    mwt_space = "SpaceAfter=No" not in cols[9]
                    continue
                assert sent is not None
                idx = int(tid)
                if idx < mwt_end:
                    space = False
                elif idx == mwt_end:
                    space = mwt_space
                else:
                    space = "SpaceAfter=No" not in cols[9]
                sent.words.append(cols[1])
                sent.spaces.append(space)
                sent.lemmas.append(cols[2])
                sent.pos.append(cols[3])
                sent.tags.append(cols[4])
                sent.morphs.append("" if cols[5] == "_" else cols[5])
                sent.heads.append(int(cols[6]) - 1)
                sent.deps.append("ROOT" if cols[7] == "root" else cols[7])
                sent.misc.append(cols[9])
    if sent is not None and sent.words:
        yield _finish(sent)


def _finish(sent: Sentence) -> Sentence:
    """Point root heads at themselves and take spacing from ``# text`` where it aligns."""
    sent.heads = [i if h < 0 else h for i, h in enumerate(sent.heads)]
    # GUM's MISC does not always mark SpaceAfter=No; the sentence text is authoritative
    if sent.text:
        pos = 0
        spaces: list[bool] = []
        for word in sent.words:
            start = sent.text.find(word, pos)
            if start < 0 or sent.text[pos:start].strip():
                break
            pos = start + len(word)
            spaces.append(pos < len(sent.text) and sent.text[pos].isspace())
        else:
            sent.spaces = spaces
    sent.spaces[-1] = True
    return sent


def read_iob2(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Read UNER IOB2 labels by sentence id, mapped to quotex labels.

    Args:
        path: A UNER ``.iob2`` file aligned with the EWT CoNLL-U file of the same split.

    Returns:
        (words, BIO tags) per sentence id; OTH and the draft's spurious ``B-O`` become ``O``.
    """
    out: dict[str, tuple[list[str], list[str]]] = {}
    sent_id = ""
    with path.open(encoding="utf8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith("# sent_id ="):
                sent_id = line.split("=", 1)[1].strip()
                out[sent_id] = ([], [])
            elif line and not line.startswith("#"):
                cols = line.split("\t")
                bio, _, label = cols[2].partition("-")
                out[sent_id][0].append(cols[1])
                out[sent_id][1].append(f"{bio}-{label}" if label in UNER_LABELS else "O")
    return out


def align_tags(words: list[str], uner_words: list[str], tags: list[str]) -> list[str]:
    """Carry UNER tags over to the EWT words; a few draft sentences are tokenized differently."""
    if uner_words == words:
        return tags
    out = ["O"] * len(words)
    matcher = difflib.SequenceMatcher(a=uner_words, b=words, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        out[b : b + size] = tags[a : a + size]
    return out


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Turn BIO tags into (start, end, label) spans; a stray ``I-`` starts a new span."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        bio, _, lab = tag.partition("-")
        if start >= 0 and (bio != "I" or lab != label):
            spans.append((start, i, UNER_LABELS[label]))
            start = -1
        if bio == "B" or (bio == "I" and start < 0):
            start, label = i, lab
    return spans


def gum_mentions(sent: Sentence) -> list[tuple[int, int, str]]:
    """Find GUM's person/organization/place mentions headed by a proper noun.

    Args:
        sent: A GUM sentence whose MISC column holds ``Entity=`` brackets.

    Returns:
        (start, end, label) spans trimmed to the proper-noun name around the mention's head.
    """
    open_: dict[str, list[tuple[int, str]]] = {}
    raw: list[tuple[int, int, str]] = []
    for i, misc in enumerate(sent.misc):
        value = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), "")
        j = 0
        while j < len(value):
            if value[j] == "(":
                k = j + 1
                while k < len(value) and value[k] not in "()":
                    k += 1
                eid, etype = value[j + 1 : k].split("-")[:2]
                if k < len(value) and value[k] == ")":
                    raw.append((i, i + 1, etype))
                    k += 1
                else:
                    open_.setdefault(eid, []).append((i, etype))
                j = k
            elif m := _CLOSE.match(value, j):
                start, etype = open_[m.group(1)].pop()
                raw.append((start, i + 1, etype))
                j = m.end()
            else:
                j += 1
    spans = []
    for start, end, etype in raw:
        if etype not in GUM_LABELS:
            continue
        name = _proper_name(sent, start, end)
        if name is not None:
            spans.append((*name, GUM_LABELS[etype]))
    return spans


def _proper_name(sent: Sentence, start: int, end: int) -> tuple[int, int] | None:
    """The proper-noun run around a mention's syntactic head; None if the head is no PROPN."""
    heads = [i for i in range(start, end) if not start <= sent.heads[i] < end or sent.heads[i] == i]
    if len(heads) != 1 or sent.pos[heads[0]] != "PROPN":
        return None
    head = heads[0]

    def inside(i: int) -> bool:
        # GUM tags "New" (York) or "United" (Nations) ADJ/VERB: capitalized words join the name
        return start <= i < end and (
            sent.pos[i] == "PROPN" or (sent.words[i][:1].isupper() and sent.pos[i] not in CLOSED_CLASS)
        )

    def link(i: int, step: int) -> bool:
        # a connector counts only when a proper noun follows it inside the mention
        return (
            start <= i < end
            and sent.words[i].lower() in NAME_LINKS
            and sent.words[i] not in ("'s", "’s")
            and inside(i + step)
        )

    left = head
    while inside(left - 1) or link(left - 1, -1):
        left -= 1
    right = head + 1
    while inside(right) or link(right, 1):
        right += 1
    return left, right


def make_doc(vocab: Vocab, sents: list[Sentence], ents: list[Ents | None]) -> Doc:
    """Build one annotated Doc from consecutive sentences and their entity spans."""
    words: list[str] = []
    spaces: list[bool] = []
    offsets: list[int] = []
    for s in sents:
        offsets.append(len(words))
        words += s.words
        spaces += s.spaces
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        lemmas=[x for s in sents for x in s.lemmas],
        pos=[x for s in sents for x in s.pos],
        tags=[x for s in sents for x in s.tags],
        morphs=[x for s in sents for x in s.morphs],
        heads=[h + off for s, off in zip(sents, offsets, strict=True) for h in s.heads],
        deps=[x for s in sents for x in s.deps],
        sent_starts=[i == 0 for s in sents for i in range(len(s.words))],
    )
    spans = [
        Span(doc, off + a, off + b, label=label)
        for off, sent_ents in zip(offsets, ents, strict=True)
        for a, b, label in sent_ents or ()
    ]
    missing = [
        Span(doc, off, off + len(s.words))
        for s, off, sent_ents in zip(sents, offsets, ents, strict=True)
        if sent_ents is None
    ]
    doc.set_ents(filter_spans(spans), missing=missing, default="outside")
    return doc


def _group(vocab: Vocab, items: Iterable[tuple[Sentence, Ents | None]]) -> Iterator[Doc]:
    """Group sentences into Docs of at most SENTS_PER_DOC, never across documents."""
    batch: list[tuple[Sentence, Ents | None]] = []
    for sent, ents in items:
        if batch and (sent.new_doc or len(batch) == SENTS_PER_DOC):
            yield make_doc(vocab, [s for s, _ in batch], [e for _, e in batch])
            batch = []
        batch.append((sent, ents))
    if batch:
        yield make_doc(vocab, [s for s, _ in batch], [e for _, e in batch])


def ewt_docs(vocab: Vocab, conllu: Path, iob2: Path) -> Iterator[Doc]:
    """EWT sentences with UNER entity labels merged in by sentence id.

    Args:
        vocab: The vocab for the Docs.
        conllu: An EWT CoNLL-U file.
        iob2: The UNER file of the same split.

    Yields:
        Docs of up to ten sentences.
    """
    labels = read_iob2(iob2)

    def items() -> Iterator[tuple[Sentence, Ents | None]]:
        for sent in read_conllu(conllu):
            if sent.sent_id not in labels:
                yield sent, None  # the draft lacks a few train sentences
                continue
            uner_words, tags = labels[sent.sent_id]
            yield sent, bio_spans(align_tags(sent.words, uner_words, tags))

    return _group(vocab, items())


def gum_split(gum_dir: Path) -> tuple[list[Path], list[Path]]:
    """Split GUM documents into train and held-out dev, deterministically per genre.

    Args:
        gum_dir: Folder of ``GUM_<genre>_<name>.conllu`` files.

    Returns:
        (train files, dev files).
    """
    by_genre: dict[str, list[Path]] = {}
    for path in sorted(gum_dir.glob("GUM_*.conllu")):
        by_genre.setdefault(path.stem.split("_")[1], []).append(path)
    train: list[Path] = []
    dev: list[Path] = []
    for files in by_genre.values():
        for i, path in enumerate(files):
            (dev if i % GUM_DEV_EVERY == GUM_DEV_EVERY // 2 else train).append(path)
    return train, dev


def gum_docs(vocab: Vocab, files: Iterable[Path]) -> Iterator[Doc]:
    """GUM sentences with their proper-noun person/organization/place mentions as entities."""

    def items() -> Iterator[tuple[Sentence, Ents | None]]:
        for path in files:
            for k, sent in enumerate(read_conllu(path)):
                sent.new_doc = k == 0
                yield sent, gum_mentions(sent)

    return _group(vocab, items())


def convert(data_dir: Path, out_dir: Path) -> dict[str, int]:
    """Write train/dev/test DocBins for EWT+UNER and GUM.

    Args:
        data_dir: The shared data folder with the EWT, UNER and GUM folders.
        out_dir: Where ``train.spacy``, ``dev.spacy``, ``test.spacy`` and ``gum-dev.spacy`` go.

    Returns:
        Number of Docs written per file name.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    ewt, uner = data_dir / "ud-english-ewt", data_dir / "uner-english-ewt"
    gum_train, gum_dev = gum_split(data_dir / "ud-english-gum")
    sets = {
        "train": [
            *ewt_docs(vocab, ewt / "en_ewt-ud-train.conllu", uner / "en_ewt-ud-train.draft.iob2"),
            *gum_docs(vocab, gum_train),
        ],
        "dev": list(ewt_docs(vocab, ewt / "en_ewt-ud-dev.conllu", uner / "en_ewt-ud-dev.iob2")),
        "test": list(ewt_docs(vocab, ewt / "en_ewt-ud-test.conllu", uner / "en_ewt-ud-test.iob2")),
        "gum-dev": list(gum_docs(vocab, gum_dev)),
    }
    for name, docs in sets.items():
        DocBin(docs=docs, store_user_data=False).to_disk(out_dir / f"{name}.spacy")
    return {name: len(docs) for name, docs in sets.items()}
