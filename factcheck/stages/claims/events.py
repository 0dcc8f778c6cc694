"""Events and attribution: what a count is of ("killed", "visit") and who says so."""

from __future__ import annotations

import functools
import math
import re

from factcheck.lexicon.events import (
    ACTIVE_GERUNDS,
    ATTRIBUTION_SOURCES,
    ATTRIBUTION_VERBS,
    CASUALTY_EVENTS,
    EVENT_BEFORE_COUNT,
    EVENT_NEEDS_PASSIVE,
    EVENT_OF_WORD,
    GAP_WORDS,
    LOWER_CASE_EVENTS,
    NOT_CASUALTY_UNITS,
    PERSON_NOUNS,
)
from factcheck.stages.claims.base import _Raw

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
NEGATION_RE = re.compile(r"\b(not|no|never|n't|denied|did not|didn't|won't|will not)\b", re.IGNORECASE)
_SOURCES = "|".join(sorted(ATTRIBUTION_SOURCES, key=len, reverse=True))
_SOURCE_VERBS = "|".join(sorted(ATTRIBUTION_VERBS))
ATTRIBUTION_RE = re.compile(
    r"(according to [^,.;]+|(?:,\s*|\b)(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}|the [\w\s]{1,40}?)"
    # a passive names no source: "since the recall was announced", "the results were reported"
    r"(?<!\bwas)(?<!\bwere)(?<!\bis)(?<!\bare)(?<!\bbe)(?<!\bbeen)(?<!\bbeing)"
    r"\s+(?:said|says|reported|told|announced|explained|stated)\b"
    # unnamed sources in lower case, either order: "police said", "local officials told", "said police" (#15)
    rf"|(?i:\b(?:(?:local|state|federal|county|city|military|hospital|health|school|security)\s+)?(?:{_SOURCES})"
    rf"\s+(?:{_SOURCE_VERBS})\b|\b(?:said|told|say)\s+(?:(?:local|state|federal|county|city)\s+)?(?:{_SOURCES})\b))"
)
CAPITALISED_RE = re.compile(r"\b[A-Z][a-zA-Z’'-]+(?:\s+[A-Z][a-zA-Z’'-]+)*")

SHOT_AND_RE = re.compile(r"\b(?:shot|stabbed|beaten|struck|hit|run over)\s+and\b", re.IGNORECASE)
# Between a count and a later "killed"/"injured": a passive or nothing ("3 were killed", "3 killed"),
# never an active clause ("a man who killed").
PASSIVE_GAP_RE = re.compile(
    r"^(?:\s|,|\b(?:was|were|is|are|been|be|being|have|has|had|left|found|reported|confirmed|people|persons|others|more"
    r"|other|shot|and|also|later|then|all|both|each|received|treatment|treated|after|[a-z]+ly)\b)*$",
    re.IGNORECASE,
)
# What starts the object of an active casualty verb ("killed his wife", "shot a guard"), unlike a
# time after a passive one ("two killed the same night").
ACTIVE_OBJECT_RE = re.compile(
    r"\s+(?:his|her|their|its|my|our|your|him|them|himself|herself|themselves|a|an|another|the)\b"
    r"(?!\s+(?:day|night|morning|afternoon|evening|week|weekend|same|following|next|previous|last)\b)",
    re.IGNORECASE,
)
# Nouns of agents ("hunter", "motorist", "pedestrian", "resident") count people too.
PERSON_SUFFIX_RE = re.compile(r"(?:er|or|ist|ian|ant|ent)$")
# "four of the five victims were killed": the predicate counts the part, not the whole (#14).
PARTITIVE_GAP_RE = re.compile(r"^\s+of\s+(?:the|those|these|its|their|all|all\s+the)?\s*$", re.IGNORECASE)
# "three of the victims", "two of them": the part that a later predicate counts (#14).
PARTITIVE_RE = re.compile(
    r"^\s+of\s+(?:them|those|the\s+(?:victims|people|persons|men|women|children|passengers|officers|others|dead))\b",
    re.IGNORECASE,
)
# Before a casualty word, a death or wound that did not happen or is only guessed: "could have killed
# 20 people", "nearly killed him", "may have been hurt" (#15).
COUNTERFACTUAL_RE = re.compile(
    r"\b(?:(?:could|would|might|may|must|should)(?:\s+not)?\s+have|could've|would've|might've|nearly|almost"
    r"|narrowly)\s+(?:been\s+)?(?:(?:shot|stabbed|beaten)\s+and\s+)?\Z",
    re.IGNORECASE,
)
# Before a count of the dead: "claimed the lives of", "the bodies of" (#15).
DEAD_OF_RE = re.compile(
    r"\b(?:(?:claim(?:ed|s|ing)?|took|takes|taking|cost|costs|costing)\s+the\s+lives|bodies)\s+of\s+(?:the\s+|all\s+)?\Z",
    re.IGNORECASE,
)
# A label line: "Wounded: 3", "Killed: 2" (#14).
LABEL_GAP_RE = re.compile(r"^\s*:\s*$")
BE_RE = re.compile(r"\b(?:was|were|is|are|been|be|being)\b", re.IGNORECASE)
CLAUSE_BREAK_RE = re.compile(r"[;:]|\s[—–-]\s|\b(?:and|but|while|whereas|although|though|because)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _event_words(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, event) of each event word of a text."""
    out = []
    for m in WORD_RE.finditer(text):
        event = EVENT_OF_WORD.get(m.group(0).lower()) or LOWER_CASE_EVENTS.get(m.group(0))
        if event in CASUALTY_EVENTS and COUNTERFACTUAL_RE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "could have killed 20 people": no one was
        if event:
            out.append((m.start(), m.end(), event))
    return tuple(out)


def _gap_ok(gap: str, max_words: int) -> bool:
    """Whether the text between a number and an event word keeps them in one clause."""
    gap = SHOT_AND_RE.sub(" ", gap)  # "was shot and killed" is one event
    if re.search(r"[.;:!?()]", gap) or CLAUSE_BREAK_RE.search(gap):
        return False
    return len(WORD_RE.findall(gap)) <= max_words


def _attach_events(text: str, raws: list[_Raw]) -> list[str]:
    """The event of each quantity, attached by clause and direction, not by nearest word.

    An event word takes the quantity right after it ("killing two", "deaths of at least
    1,400") or else the nearest one before it ("1 dead, 3 injured", "three others hurt").
    Casualty events never cross a clause break; other events fall back to the nearest
    event word of the sentence.
    """
    events = [""] * len(raws)
    best = [math.inf] * len(raws)
    words = _event_words(text)
    eligible = [
        r.kind == "quantity" or (r.kind == "percent" and False) for r in raws
    ]  # only counts of things carry events
    for w_start, w_end, event in words:
        casualty = event in CASUALTY_EVENTS
        target, dist = None, math.inf
        for i, r in enumerate(raws):
            if not eligible[i] or (casualty and not _may_be_casualties(text, r)):
                continue
            if r.start >= w_end:
                gap = text[w_end : r.start]
                gap_words = [g.lower() for g in WORD_RE.findall(gap)]
                if (
                    text[w_start:w_end].lower() in EVENT_BEFORE_COUNT
                    and len(gap_words) <= 3
                    and all(g in GAP_WORDS for g in gap_words)
                    and not re.search(r"[,.;:!?()]", gap)
                ) or (casualty and LABEL_GAP_RE.match(gap) and _line_start(text, w_start)):
                    target, dist = i, len(gap)
                break
        if target is None:
            for i in range(len(raws) - 1, -1, -1):
                r = raws[i]
                if r.end > w_start or not eligible[i]:
                    continue
                if casualty and not _may_be_casualties(text, r):
                    continue
                gap = PARTITIVE_RE.sub("", text[r.end : w_start], count=1)  # "three of the victims were killed"
                needs_passive = text[w_start:w_end].lower() in EVENT_NEEDS_PASSIVE
                if needs_passive and not PASSIVE_GAP_RE.match(SHOT_AND_RE.sub(" ", gap)):
                    break
                if needs_passive and not BE_RE.search(gap) and ACTIVE_OBJECT_RE.match(text, w_end):
                    break  # "A man killed his wife": the count did the killing (#15)
                if text[w_start:w_end].lower() in ACTIVE_GERUNDS and (
                    ACTIVE_OBJECT_RE.match(text, w_end) or re.match(r"\s+[A-Z][a-z]", text[w_end:])
                ):
                    break  # "two men accused of killing Ann Lee": the count did the killing (#15)
                if _gap_ok(gap, 8) and not re.search(r"\bincluding\s*$", text[max(0, r.start - 12) : r.start]):
                    target, dist = i, len(gap)
                    whole = raws[i - 1] if i else None
                    if (
                        casualty
                        and whole is not None
                        and eligible[i - 1]
                        and BE_RE.search(gap)
                        and PARTITIVE_GAP_RE.match(text[whole.end : r.start])
                    ):
                        target, dist = i - 1, w_start - whole.end
                break
        if target is not None and dist < best[target]:
            events[target], best[target] = event, dist
    for i, r in enumerate(raws):
        if not events[i] and r.unit == "life" and _lives_lost(text, r):
            events[i] = "killed"  # "claimed 257 lives"
        dead_of = None if events[i] else DEAD_OF_RE.search(text, max(0, r.start - 40), r.start)
        if (
            dead_of is not None
            and not COUNTERFACTUAL_RE.search(text, max(0, dead_of.start() - 40), dead_of.start())
            and _of_people(r)
            and not re.match(r"\s*(?:,|and\b|&)", text[r.end :])
        ):
            events[i] = "killed"  # "claimed the lives of two teens", "the bodies of three men"; no list's first (#15)
        if not events[i] and not r.weak:
            near = _event_near(text, r.start, r.end, exclude=CASUALTY_EVENTS)
            events[i] = near
    return events


def _may_be_casualties(text: str, raw: _Raw) -> bool:
    """Whether a count can be of casualties: not of guns or shots, and "a"/"an" only before a person (#14).

    "a 14-year-old boy killed" counts one boy; "a bloody trail", "a Southern California
    college" (the head noun lies further on) and "a Black Lives Matter rally" count no one.
    """
    if raw.unit in NOT_CASUALTY_UNITS:
        return False
    surface = text[raw.start : raw.end]
    if re.match(r"(?i:an?)\s", surface) and not re.search(r"-old\b", surface):  # "a 19-year-old Pablo Ruiz"
        return raw.unit in PERSON_NOUNS or raw.unit in ("people", "person") or bool(PERSON_SUFFIX_RE.search(raw.unit))
    return True


def _of_people(raw: _Raw) -> bool:
    """Whether a count counts people by its noun ("two teens", "three children", "four hikers")."""
    unit = raw.unit.lower()
    return unit in PERSON_NOUNS or unit in ("people", "person") or bool(unit and PERSON_SUFFIX_RE.search(unit))


def _lives_lost(text: str, raw: _Raw) -> bool:
    """Whether "lives" counts the dead: lower case, and not lives saved ("saved a life", "Black Lives Matter")."""
    surface = text[raw.start : raw.end]
    before = text[max(0, raw.start - 12) : raw.start].lower()
    return not re.search(r"\bLives?\b", surface) and not re.search(r"\bsav(?:e|ed|es|ing)\s+$", before)


def _line_start(text: str, pos: int) -> bool:
    """Whether `pos` starts a line, the text, or an item of a list on one line."""
    before = text[:pos].rsplit("\n", 1)[-1].rstrip()
    return not before or before[-1] in ",;|•·"  # "Killed: 2, wounded: 5"


def _event_near(sentence: str, start: int, end: int, *, exclude: set[str] | None = None) -> str:
    """The event word nearest to a span in its sentence (inside the span counts as nearest)."""
    best, best_dist = "", 10**9
    for w_start, w_end, event in _event_words(sentence):
        if exclude and event in exclude:
            continue
        if w_start >= start and w_end <= end:
            dist = 0
        elif w_start >= end:
            dist = w_start - end
        else:
            dist = max(0, start - w_end)
        if dist < best_dist:
            best, best_dist = event, dist
    return best


def _attribution(sentence: str) -> str:
    """Who the sentence attributes its statement to, if it says."""
    m = ATTRIBUTION_RE.search(sentence)
    return m.group(0).strip(" ,") if m else ""
