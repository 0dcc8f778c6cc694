"""Ordinals with what they order ("his third visit", "the 25th anniversary")."""

from __future__ import annotations

import re

from factcheck.lexicon.units import TIME_AFTER_SECOND
from factcheck.records import Claim, QuantityValue
from factcheck.stages.claims.base import _claim
from factcheck.stages.claims.events import _event_near
from factcheck.stages.claims.numbers import _WORD_NUM, ORDINAL_WORD_RE, _ordinal_value

ORDINAL_RE = re.compile(
    rf"(?<![\w-])(?P<ord>{ORDINAL_WORD_RE}|\d+(?:st|nd|rd|th))\b(?P<scope>(?:\s+[\w'’-]+){{0,10}})",
    re.IGNORECASE,
)


def extract_ordinals(text: str) -> list[Claim]:
    """Ordinals with their scope ('second trip abroad', 'first excursion beyond ...').

    An ordinal with nothing ordered after it keeps an empty scope.
    """
    claims = []
    for m in ORDINAL_RE.finditer(text):
        ordinal = m.group("ord")
        n = _ordinal_value(ordinal)
        if n is None:
            continue
        if ordinal.lower() == "second" and re.search(
            rf"\b(?:a|one|per|{_WORD_NUM}|\d+)\s+$", text[max(0, m.start() - 12) : m.start()], re.IGNORECASE
        ):
            following = re.match(r"\s+([a-z]+)\b", text[m.end("ord") :])
            if following is None or following.group(1) in TIME_AFTER_SECOND:
                continue  # "a second", "ten seconds", "a second later": time, not order
            # "a second front", "a second term": order; the duration reading is dropped by the stage
        scope_words: list[str] = []
        for word in m.group("scope").split():
            if word.lower() in {"since", "when", "after", "as", "that", "which", "who", "and", "but", "in", "on"}:
                break
            scope_words.append(word.strip(",.;:"))
            if word[-1:] in ",.;:":
                break
        if scope_words and scope_words[0].lower() in {"of", "time", "and", "to", "the", "a", "is", "was"}:
            scope_words = []
        scope_words = [w for w in scope_words if w]
        value = QuantityValue(float(n), float(n), float(n), True, True, False)
        if scope_words:
            scope = " ".join(scope_words)
            end = m.start("scope") + m.group("scope").find(scope_words[-1]) + len(scope_words[-1])
            unit = scope_words[0].lower()
        else:
            scope, end, unit = "", m.end("ord"), ""
        claims.append(
            _claim(
                "ordinal",
                text,
                m.start(),
                end,
                value,
                unit=unit,
                event=_event_near(text, m.start(), end),
                scope=scope,
            )
        )
    return claims
