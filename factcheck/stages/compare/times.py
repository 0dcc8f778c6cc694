"""Times of day as claims of the comparison: "around 1:30 a.m.", "just after 1 a.m.", "11:15 p.m." (#14).

The claim extractor masks times as identifiers; the comparison reads them itself, as minutes
after midnight with the width their words give ("about" 15 minutes each way, "just after" the
next 20 minutes, a written time one minute each way), and the event their sentence names first
(the shooting, the call to police, the death, the arrest), or none. Two times of one event meet
as one slot; different events ("deputies responded at 11:15", "the shooting at 11") never do,
and a time of no named event fills no slot.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.records import Claim, QuantityValue, Sentence
from factcheck.stages.compare.lexicon import TIME_EVENTS, TIME_UNIT

TIME_RE = re.compile(
    r"(?:(?P<q>about|around|approximately|approx\.|roughly|some time after|shortly after|just after|just before|"
    r"shortly before|sometime after|after|before|nearly|almost|at)\s+)?"
    r"\b(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?(?:\s*(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"
    # or a part of the day after it: "around 6:30 Sunday night", "at 7:15 this morning" (#14)
    r"|(?=\s+(?:(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+|this\s+)?(?P<part>night|evening|afternoon|morning)\b))",
    re.IGNORECASE,
)
# Minutes each side of a time its words leave open.
ABOUT = 15
AFTER = 20
WRITTEN = 1


def _width(qualifier: str) -> tuple[int, int]:
    """Minutes before and after the written time that the qualifier allows."""
    q = qualifier.lower()
    if q in ("about", "around", "approximately", "approx.", "roughly", "nearly", "almost"):
        return ABOUT, ABOUT
    if q.endswith("after"):
        return 0, AFTER
    if q.endswith("before"):
        return AFTER, 0
    return WRITTEN, WRITTEN


def _afternoon(part: str, hour: int) -> bool:
    """Whether an hour said with a part of the day is after noon: evening and afternoon are, morning is
    not, night is from 6 ("9:15 Saturday night") and before it after midnight ("2:30 Sunday night")."""
    if part == "night":
        return 6 <= hour < 12
    return part in ("evening", "afternoon")


def time_event(text: str, at: int) -> str:
    """The event a time in a sentence belongs to: the first event word of its sentence, else ''."""
    best = ("", len(text) + 1)
    for event, pattern in TIME_EVENTS:
        for m in pattern.finditer(text):
            distance = abs(m.start() - at)
            if distance < best[1]:
                best = (event, distance)
    return best[0]


def time_claims(sentences: Sequence[Sentence]) -> list[Claim]:
    """The times of day of the sentences, as quantity claims in minutes after midnight."""
    out: list[Claim] = []
    for sent in sentences:
        if not any(ch.isdigit() for ch in sent.text):  # no "m" needed: "6:30 Sunday night" (#14)
            continue
        for m in TIME_RE.finditer(sent.text):
            hour, minute = int(m.group("h")), int(m.group("m") or 0)
            if not 1 <= hour <= 12:
                continue
            if m.group("ap"):
                pm = m.group("ap").lower().startswith("p")
            elif m.group("m") is None or (m.group("part").lower() == "morning" and hour == 12):
                continue  # "6 Sunday night" may be a count; "12:30 in the morning" is unclear
            else:
                pm = _afternoon(m.group("part").lower(), hour)
            point = (hour % 12 + (12 if pm else 0)) * 60 + minute
            qualifier = (m.group("q") or "").lower()
            before, after = _width(qualifier)
            # a time of an act the list does not name ("was located at 4:42 a.m.") has no event:
            # it fills no slot, and is compared only as a value (grouping.value_findings, #14)
            event = time_event(sent.text, m.start("h"))
            start = m.start("q") if qualifier and qualifier != "at" else m.start("h")
            out.append(
                Claim(
                    id=f"{sent.id}:time:{m.start('h')}",
                    article_id=sent.article_id,
                    sentence_id=sent.id,
                    kind="quantity",
                    text=sent.text[start : m.end()],
                    start=sent.start + start,
                    end=sent.start + m.end(),
                    value=QuantityValue(
                        float(point), float(point - before), float(point + after), True, True, before + after > 2
                    ),
                    unit=TIME_UNIT,
                    qualifier="" if qualifier == "at" else qualifier,
                    event=event,
                    scope="",
                    negated=False,
                    attribution="",
                )
            )
    return out
