"""Tense of a clause from surface markers, to resolve dates without a year or weekday."""

from __future__ import annotations

import calendar
import functools
import re

from factcheck.lexicon.function_words import NOT_PAST_ED, PAST_IRREGULAR
from factcheck.stages.claims.events import WORD_RE

FUTURE_RE = re.compile(
    r"\b(?:will|shall|won't|'ll|would|(?:is|are|was|were)\s+(?:due|set|scheduled|slated|expected|going|to\s+be|supposed|likely|poised|about)\s+to"
    r"|due\s+to\s+(?:be|begin|start|meet|visit|arrive|take|hold|open|close|end|return|leave|travel|fly|sign)"
    r"|(?:is|are)\s+to|scheduled\s+(?:to|for)|slated\s+(?:to|for)|set\s+(?:to|for)|plans?\s+to|planned\s+(?:to|for)"
    r"|planning\s+to|intends?\s+to|expects?\s+to|expected\s+to|going\s+to|upcoming|this\s+coming|until|payable"
    # a forecast or a hope: "gusts are expected through Wednesday", "crews hope to reach it by the weekend"
    r"|(?:is|are)\s+(?:expected|forecast)|hop(?:e|es|ing)\s+to"
    r"|effective|deadline|postponed|as\s+soon\s+as|might|(?:has|have)\s+(?:scheduled|planned)"
    # a commitment to act: what follows is to come ("agreed to pay $5m by February") (#15)
    r"|(?:agree[sd]?|promise[sd]?|pledge[sd]?|vow(?:s|ed)?|decide[sd]?|aim(?:s|ed)?|agreement|program|programme)"
    r"\s+to)\b",
    re.IGNORECASE,
)
# "has/have/had" + participle is a perfect, i.e. past for dating purposes.
# "has scheduled a news conference Thursday" plans ahead: a future marker, not a perfect (#15).
PERFECT_RE = re.compile(
    r"\b(?:has|have|had)\s+(?:been\s+)?(?:\w+ly\s+)?(?!(?<=has\s)(?:scheduled|planned)\b|(?<=have\s)(?:scheduled|planned)\b)"
    r"[a-z]+(?:ed|en|t|wn|ne)\b",
    re.IGNORECASE,
)
# A passive after "be", "is", "are": "would be paid in January", "is heard in May" are not past (#15).
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:be|being|is|are|am)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
ED_WORD_RE = re.compile(r"\b([a-z][a-z'-]+ed)\b")  # "died", "sued" too (#15)
# A determiner or "be" before an -ed word, maybe with an adverb between, makes it an adjective or a
# present passive: "the alleged", "a still unspecified date" (#15), "is newly appointed".
_ADJECTIVE_BEFORE_RE = re.compile(
    r"\b(?:a|an|the|this|that|his|her|their|its|our|my|your|be|being|is|are)\s+(?:(?:\w+ly|still|yet|as-yet)\s+)?$"
)
_AUXILIARY_RE = re.compile(r"\b(?:was|were|had\s+been)\s+", re.IGNORECASE)
SENTENCE_END_RE = re.compile(r"(?<![A-Z])[.!?][\"”’')]?\s+(?=[A-Z\"“‘(])")
ABBREVIATION_RE = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|St|Jr|Sr|No|Co|vs|Gen|Sen|Rep|Gov|Inc|Ltd|Corp|Col|Lt|Sgt|Capt|Prof|"
    + "|".join(name for name in calendar.month_abbr if name)
    + r"|Sept)$"
)


_OWN_UNTIL_RE = re.compile(r"(?:until|till)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _sentence_ends(text: str) -> tuple[tuple[int, int], ...]:
    """(end of sentence, start of next) of each sentence break of a text."""
    return tuple(
        (m.start() + 1, m.end())
        for m in SENTENCE_END_RE.finditer(text)
        if not ABBREVIATION_RE.search(text, max(0, m.start() - 6), m.start())  # "Oct. 23", "Mr. Smith"
    )


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence around `pos`."""
    start, end = 0, len(text)
    for stop, next_start in _sentence_ends(text):
        if next_start <= pos:
            start = next_start
        elif stop > pos:
            end = stop
            break
    return start, end


@functools.lru_cache(maxsize=64)
def _tense_markers(sentence: str) -> list[tuple[int, str]]:
    """(offset, 'past'|'future') of each tense marker in a sentence."""
    markers = [(m.start(), "future") for m in FUTURE_RE.finditer(sentence)]
    markers += [(m.start(), "past") for m in PERFECT_RE.finditer(sentence)]
    for m in WORD_RE.finditer(sentence):
        w = m.group(0).lower()
        if w in PAST_IRREGULAR and not _PASSIVE_BEFORE_RE.search(sentence, max(0, m.start() - 20), m.start()):
            markers.append((m.start(), "past"))
    for m in ED_WORD_RE.finditer(sentence):
        w = m.group(1).lower()
        if w in NOT_PAST_ED:
            continue
        before = sentence[max(0, m.start() - 20) : m.start()].lower()
        if _ADJECTIVE_BEFORE_RE.search(before):
            continue  # "the alleged", "a still unspecified", "is expected": adjectives and present passives
        markers.append((m.start(), "past"))
    # a word both patterns read ("postponed", "planned for") is the future pattern's: it is the more
    # specific; so is a past auxiliary right before one ("were planning to", "was planning to") (#15)
    ahead = {p for p, k in markers if k == "future"}
    ahead |= {m.start() for m in _AUXILIARY_RE.finditer(sentence) if m.end() in ahead}
    return sorted((p, k) for p, k in markers if k == "future" or p not in ahead)


def _tense(text: str, start: int, end: int | None = None) -> str:
    """'future', 'past' or '' for the clause of a date: its nearest tense marker.

    The marker before the date in its sentence wins; a sentence that opens with the
    date ("On Sunday, police said ...") takes the first marker after it.
    """
    end = start if end is None else end
    s0, s1 = _sentence_bounds(text, start)
    sentence = text[s0:s1]
    markers = _tense_markers(sentence)
    # "Until Thursday, they had not called": the date's own "until" says nothing of the clause's
    # tense when another marker does (#15); alone ("valid until Friday") it still points ahead.
    own = [(p, k) for p, k in markers if _OWN_UNTIL_RE.match(sentence, p) and start - (s0 + p) <= 7]
    markers = [mk for mk in markers if mk not in own]
    before = [(p, k) for p, k in markers if s0 + p < start]
    if before:
        return before[-1][1]
    after = [(p, k) for p, k in markers if s0 + p >= end]
    if after:
        return after[0][1]
    return own[0][1] if own else ""
