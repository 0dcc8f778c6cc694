"""A whole against a partition (#14): "all four taken to hospital" vs "one treated at the scene, three taken to hospital".

One outlet puts a group of N at one place or outcome ("Four officers were in the parking lot",
"The four injured were taken to hospital"); another splits the same N over two or more
("Two officers were at the entrance and another two in the parking lot"; "One was treated at the
scene. Three were taken to the hospital."). The whole and the partition conflict when:

- the partition's parts lie in one sentence or two adjacent ones, each part one count and one
  place (the head noun of the phrase after "at", "in", "to", ...), the places distinct;
- the whole is one count N with one place, and no other counted place in its sentence (a sentence
  giving both sides is itself a partition);
- N is the partition's total and the whole's place is the place of a part counting fewer than N;
- the two share a content word outside their place phrases (the counted noun or the predicate:
  "officers", "taken") and are similar (`min_similarity`, the best of the partition's sentences).

Ages ("Jane Roe, 24,"), times ("4 a.m.") and durations are not counts here. Precision first: the
finding is a contradiction only between outlets shown to report one event (`linked`), else a
question for the reviewer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.lexicon.numbers import UNITS
from factcheck.lexicon.statements import (
    DETERMINERS,
    NOT_PLACES,
    PLACE_PREPOSITIONS,
    PLACE_STOP,
    REST_WORDS,
    SPAN_WORDS_AFTER_COUNT,
)
from factcheck.records import Sentence
from factcheck.stages.compare.lexicon import STATEMENT_STOP

MAX_PART = 50
"""Counts above this are tolls, not people placed one by one: not read as parts."""

_NUMBER = "|".join(sorted((w for w, v in UNITS.items() if 1 <= v <= 20), key=len, reverse=True))
_COUNT_RE = re.compile(rf"(?<![\w,:$£€.-])(?:(\d{{1,2}})|({_NUMBER}))(?![\w:.%-])(?!,)", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_PLACE_RE = re.compile(rf"\b(?:{'|'.join(PLACE_PREPOSITIONS)})\s+([^,.;:!?()]*)", re.IGNORECASE)
PLACE_WORDS = 4
"""How many words after its preposition a place phrase may run ("at the club's front entrance")."""


@dataclass(frozen=True, slots=True)
class Part:
    """One count of a sentence and the place it is put in."""

    count: int
    place: str  # the place phrase's head noun, singular ("hospital", "lot")
    surface: str  # the words, as written ("Three were taken to the hospital")


def _singular(word: str) -> str:
    """A noun without its plural ending ("hospitals" -> "hospital")."""
    w = word.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w


def _place(piece: str) -> str:
    """The head noun of the first place phrase of a piece of a sentence, or ''.

    The phrase runs from its preposition past determiners and possessives to its first function
    word or punctuation: "to the hospital with injuries" -> "hospital", "in the club's parking lot"
    -> "lot". A name ("in Tampa") is no place here: it says where, not which part of the scene.
    """
    for m in _PLACE_RE.finditer(piece):
        head = ""
        words = m.group(1).split()[:PLACE_WORDS]
        if NOT_PLACES & {w.lower() for w in words}:
            continue
        for w in words:
            bare = re.sub(r"['’]s?$", "", w)
            if not bare.isalpha() or bare[0].isupper() or bare.lower() in PLACE_STOP:
                if head or bare.lower() not in DETERMINERS:
                    break
                continue
            head = bare.lower()
        if head:
            return _singular(head)
    return ""


def sentence_parts(text: str) -> list[Part]:
    """The counts of a sentence with a place each (a count's piece runs to the next count)."""
    counts = []
    for m in _COUNT_RE.finditer(text):
        after = text[m.end() :].split(maxsplit=1)
        if after and after[0].lower().rstrip(".,;") in SPAN_WORDS_AFTER_COUNT:
            continue  # "4 a.m.", "24 years"
        if m.group(1) and text[: m.start()].rstrip().endswith(","):
            continue  # an age in apposition: "Tobiasz Cudnik, 32"
        value = int(m.group(1)) if m.group(1) else UNITS[m.group(2).lower()]
        if 1 <= value <= MAX_PART:
            counts.append((m.start(), value))
    parts = []
    for k, (start, value) in enumerate(counts):
        end = counts[k + 1][0] if k + 1 < len(counts) else len(text)
        if place := _place(text[start:end]):
            parts.append(Part(value, place, text[start:end].strip(" ,.;")))
    return parts


def _content(text: str) -> set[str]:
    """Lower-case content words of a text, singular, with their past endings cut ("taken" -> "tak")."""
    out = set()
    for m in _WORD_RE.finditer(text):
        w = m.group(0)
        low = w.lower()
        if w[0].isupper() or len(w) < 4 or low in PLACE_STOP or low in STATEMENT_STOP or low in UNITS:
            continue
        out.add(re.sub(r"(?:en|ed|ing)$", "", _singular(w)))
    return out


@dataclass(frozen=True, slots=True)
class Partition:
    """A group split over distinct places, in one sentence or two adjacent ones of one article."""

    sentences: tuple[int, ...]  # indices into the batch's sentences
    parts: tuple[Part, ...]

    @property
    def total(self) -> int:
        """How many the parts count in all."""
        return sum(p.count for p in self.parts)


def _another_group(first: Part, second: Part) -> bool:
    """Whether a part of the next sentence counts another group, not the same one again.

    "... left four injured at a lounge." + "The four injured were taken to hospitals." is one group
    at two moments; "One was treated at the scene." + "Three were taken to the hospital." two groups.
    """
    return first.count != second.count or bool(REST_WORDS & set(second.surface.lower().split()))


def partitions(sentences: Sequence[Sentence], parts: Sequence[Sequence[Part]]) -> list[Partition]:
    """Partitions of the batch: the parts of one sentence, or of two adjacent sentences, with distinct places."""
    out = []
    for i, sent in enumerate(sentences):
        candidates: list[tuple[int, ...]] = [(i,)]
        nxt = i + 1
        adjacent = (
            nxt < len(sentences)
            and sentences[nxt].article_id == sent.article_id
            and sentences[nxt].index == sent.index + 1
        )
        if adjacent and len(parts[i]) == 1 and len(parts[nxt]) == 1 and _another_group(parts[i][0], parts[nxt][0]):
            candidates.append((i, nxt))
        for ids in candidates:
            ps = tuple(p for j in ids for p in parts[j])
            if len(ps) >= 2 and len({p.place for p in ps}) == len(ps):
                out.append(Partition(ids, ps))
    return out


def whole_against(whole: Part, whole_text: str, partition: Partition, texts: Sequence[str]) -> Part | None:
    """The part of a partition that a whole (N at one place) contradicts, or None (see the module)."""
    if whole.count != partition.total:
        return None
    part = next((p for p in partition.parts if p.place == whole.place), None)
    if part is None or part.count >= whole.count:
        return None
    theirs = set().union(*(_content(_PLACE_RE.sub(" ", texts[j])) for j in partition.sentences))
    if not _content(_PLACE_RE.sub(" ", whole_text)) & theirs:
        return None  # the counted thing or the predicate, not the place: "four cars in the garage" is not guards
    return part
