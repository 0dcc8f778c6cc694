"""Shares on one scale with percentages: "a third", "half", "two out of five", "one in four", "¾".

Every share is a `percent` claim with unit "%" and its value in percent (0 to 100), so
"a third were students" (33.3) meets "33% were students". Word fractions are rounded
statements: they take the approximate width ("about"), so "a third" admits 33%. A
qualifier bounds them as it bounds any number, capped at 100 ("more than half" is
(50, 100]). A fraction of a unit is a quantity of that unit ("half an hour" is 0.5 hour,
"three quarters of a mile" 0.75 mile); "half a million" is a number (numbers.py).
"""

from __future__ import annotations

import re

from factcheck.lexicon.numbers import COUNTER_NOUNS, FRACTION_SIGNS, FRACTIONS, NAMED_SLASH_PAIRS, SCALES, TENS, UNITS
from factcheck.lexicon.qualifiers import QUALIFIERS
from factcheck.lexicon.units import DURATION_UNITS, UNIT_CANON
from factcheck.records import QuantityValue
from factcheck.stages.claims.base import _Raw
from factcheck.stages.claims.dates import slash_date_cue
from factcheck.stages.claims.ranges import _QUAL_RE, _interval

ORDINAL_DENOMINATORS = ("fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_SMALL = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_FRACTION = "|".join(sorted(FRACTIONS, key=len, reverse=True))
_SIGNS = "".join(FRACTION_SIGNS)
_UNIT_WORDS = "|".join(sorted((re.escape(u) for u in UNIT_CANON if len(u) > 2), key=len, reverse=True))
_QUAL = rf"(?:(?P<qual>{_QUAL_RE})\s+)?"
# "a third", "two thirds", "three-quarters", "half", "¾", "1/3", then "of" or what the share is of.
FRACTION_RE = re.compile(
    rf"(?<![\w/.-]){_QUAL}(?:(?P<num>an?|one|{_SMALL})[\s-]+(?P<den>{_FRACTION})\b"
    rf"|(?P<half>half)\b|(?P<sign>[{_SIGNS}])|(?P<sa>\d{{1,3}})\s?/\s?(?P<sb>\d{{1,4}})(?![\d/]|-\d))",
    re.IGNORECASE,
)
# "two out of five", "one in four", "three of every ten", "9 in 10".
OUT_OF_RE = re.compile(
    rf"(?<![\w.-]){_QUAL}(?P<a>{_SMALL}|\d{{1,4}})\s+(?:out\s+of|in|of\s+every)\s+(?P<b>{_SMALL}|\d{{1,4}}|a\s+hundred"
    rf"|a\s+thousand|every)\b(?!\s*(?:%|per\s?cent|{'|'.join(SCALES)}))",
    re.IGNORECASE,
)
# After a fraction: a unit makes it a quantity ("half an hour", "a quarter of a mile", "half-litre").
UNIT_AFTER_RE = re.compile(rf"(?:[\s-]+of)?[\s-]+(?:(?:an?|the)\s+)?(?P<u>{_UNIT_WORDS})\b", re.IGNORECASE)
# A unit glued to a fraction in digits, abbreviations too: "1/2h", "3/4mi", "1/2kg" (#15).
_GLUED_UNIT_RE = re.compile(
    rf"(?P<u>{'|'.join(sorted((re.escape(u) for u in UNIT_CANON if u.isalpha()), key=len, reverse=True))})\b",
    re.IGNORECASE,
)
SCALE_AFTER_RE = re.compile(rf"\s+(?:an?\s+)?(?P<s>{'|'.join(SCALES)}|dozen)\b", re.IGNORECASE)
# What may follow a share that is not "of": a verb, or a determiner of what it is a share of.
SHARE_CONTEXT_RE = re.compile(
    r"\s*(?:of\b|the\b|their\b|its\b|his\b|her\b|all\b|those\b|these\b|were\b|are\b|was\b|is\b|had\b|have\b|has\b"
    r"|said\b|say\b|says\b|voted\b|want\b|wanted\b|support\b|supported\b|oppose\b|opposed\b|believe\b|think\b"
    r"|thought\b|will\b|would\b|could\b|did\b|do\b|now\b|live\b|lived\b|died\b|came\b|went\b|reported\b|[,.;:]|$)",
    re.IGNORECASE,
)


# Cheap tests that skip the full patterns on the many sentences without a share (#15: speed).
_FRACTION_HINT_RE = re.compile(rf"\b(?:half|{_FRACTION})\b|[{_SIGNS}]|\d\s?/\s?\d", re.IGNORECASE)
_OUT_OF_HINT_RE = re.compile(
    rf"\b(?:out\s+of|in|of\s+every)\s+(?:\d|a\s+hundred|a\s+thousand|{_SMALL})\b", re.IGNORECASE
)


_LAST_DAY = 31  # a denominator above any day of a month cannot be a "month/day" date: always a share
# "Image 1/3", "part 2/4", "(1/2)" at the end of a post: a counter, not a share.
_COUNTER_BEFORE_RE = re.compile(rf"\b(?:{'|'.join(COUNTER_NOUNS)})\.?\s*$|#\s*$", re.IGNORECASE)


def _no_bare_share(text: str, start: int, end: int) -> bool:
    """Whether a bare slash pair ("1/5", no unit, no "of" after it) is no share.

    It is a date with a date cue ("on 3/15"), a name ("9/11"), a counter ("Image 1/3", "(1/2)"),
    a change of a price ("eased 1/8 to 31 7/8") or, spaced ("1 / 3"), the counter of a gallery.
    """
    pair = text[start:end]
    return (
        slash_date_cue(text, start, end)
        or re.sub(r"\s", "", pair) in NAMED_SLASH_PAIRS
        or " " in pair
        or bool(_COUNTER_BEFORE_RE.search(text, max(0, start - 12), start))
        or (text[start - 1 : start] == "(" and text[end : end + 1] == ")")
        or bool(re.match(r"\s+to\s+\d+(?:\s\d+/\d+)?(?![\d/.])", text[end:]))  # "eased 1/8 to 31 7/8": a price
    )


def _small_number(word: str) -> float | None:
    """Value of 'a', 'one'..'ninety', '12', 'a hundred'."""
    w = re.sub(r"\s+", " ", word.lower())
    if w in ("a", "an"):
        return 1.0
    if w in ("a hundred", "a thousand"):
        return 100.0 if w == "a hundred" else 1000.0
    if w.isdigit():
        return float(w)
    return float(UNITS.get(w, TENS.get(w, -1))) if w in UNITS or w in TENS else None


def _share_value(percent: float, qualifier: str, tolerance: float, *, rounded: bool) -> QuantityValue:
    """A share in percent with its qualifier; word fractions are approximate; capped at 100."""
    kind = QUALIFIERS.get(qualifier.lower(), "") if qualifier else ""
    if kind in ("min", "gt"):
        return QuantityValue(percent, percent, 100.0, kind == "min", True, False)
    if not kind and rounded:
        kind_q = "about"
        value = _interval(percent, None, kind_q, tolerance)
        return QuantityValue(percent, max(value.low or 0.0, 0.0), min(value.high or 100.0, 100.0), True, True, True)
    return _interval(percent, None, qualifier, tolerance)


def scan_shares(text: str, tolerance: float) -> list[_Raw]:
    """Shares and fractions of units in `text`, as raw quantities (kind `percent` or a unit's kind)."""
    found: list[_Raw] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for m in FRACTION_RE.finditer(text) if _FRACTION_HINT_RE.search(text) else ():
        qualifier = (m.group("qual") or "").lower()
        if m.group("den"):
            numerator = _small_number(m.group("num"))
            if numerator is None:
                continue
            fraction = numerator * FRACTIONS[m.group("den").lower()]
            ordinal_like = m.group("den").lower().startswith(ORDINAL_DENOMINATORS)
            if (
                ordinal_like
                and m.group("num").lower() in ("a", "an", "one")
                and not re.match(r"[\s-]+of\b", text[m.end() :])
            ):
                continue  # "a fifth term" is an ordinal; "a fifth of" a share
            rounded = True
        elif m.group("half"):
            fraction, rounded = 0.5, True
        elif m.group("sign"):
            fraction, rounded = FRACTION_SIGNS[m.group("sign")], True
        else:
            a, b = int(m.group("sa")), int(m.group("sb"))
            if not 0 < a < b or re.search(r"\d(?:\s\.)?\s$", text[max(0, m.start("sa") - 4) : m.start("sa")]):
                continue  # "24/7"; "2 1/2 miles" is a mixed number (numbers.py), "19 . 2 / 40" a tokenised one
            fraction, rounded = a / b, False
        start = m.start() if qualifier else m.start("num") if m.group("num") else m.end() - len(m.group(0).lstrip())
        start = m.start("qual") if qualifier else start
        end = m.end()
        unit_m = UNIT_AFTER_RE.match(text, end) or (_GLUED_UNIT_RE.match(text, end) if m.group("sb") else None)
        if unit_m:
            unit = UNIT_CANON[unit_m.group("u").lower()]
            kind = "duration" if unit in DURATION_UNITS else "quantity"
            found.append(
                _Raw(start, unit_m.end(), kind, _interval(fraction, None, qualifier, tolerance), unit, qualifier, False)
            )
            taken.append((start, unit_m.end()))
            continue
        if SCALE_AFTER_RE.match(text, end):
            continue  # "half a million" is a number (numbers.py)
        if (
            m.group("sa")
            and int(m.group("sb")) <= _LAST_DAY
            and not re.match(r"\s+of\b", text[end:])
            and _no_bare_share(text, m.start("sa"), m.end("sb"))
        ):
            continue  # "on 3/15" is a date, "the 9/11 attacks" a name, "Image 1 / 3" a counter; "1/5" a share
        if m.group("half") and not (qualifier or SHARE_CONTEXT_RE.match(text, end)):
            continue  # "the second half", "half-brother": not a share
        if m.group("den") and not SHARE_CONTEXT_RE.match(text, end):
            continue  # "a third term": an ordinal
        if re.search(
            r"\b(?:the|a|an|first|second|this|that|in|per)\s+$", text[max(0, m.start() - 7) : m.start()], re.IGNORECASE
        ) and m.group("half"):
            continue  # "the half", "first half", "in half"
        if not free(start, end):
            continue
        value = _share_value(fraction * 100, qualifier, tolerance, rounded=rounded)
        found.append(_Raw(start, end, "percent", value, "%", qualifier or "share", False))
        taken.append((start, end))
    for m in OUT_OF_RE.finditer(text) if _OUT_OF_HINT_RE.search(text) else ():
        part, b_s = _small_number(m.group("a")), m.group("b").lower()
        whole = 1.0 if b_s == "every" else _small_number(b_s)
        if part is None or whole is None or b_s == "every" or not 0 < part <= whole or whole < 2:
            continue
        start = m.start("qual") if m.group("qual") else m.start("a")
        if not free(start, m.end()):
            continue
        qualifier = (m.group("qual") or "").lower()
        found.append(
            _Raw(
                start,
                m.end(),
                "percent",
                _share_value(part / whole * 100, qualifier, tolerance, rounded=False),
                "%",
                qualifier or "share",
                False,
            )
        )
        taken.append((start, m.end()))
    return sorted(found, key=lambda r: r.start)
