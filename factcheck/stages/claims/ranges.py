"""Qualifiers and ranges to intervals: "at least 1,400" becomes [1400, inf)."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from factcheck.lexicon.qualifiers import QUALIFIERS, TRAILING_QUALIFIERS
from factcheck.records import QuantityValue
from factcheck.stages.claims.base import _CUR_PREFIX_RE, _Raw
from factcheck.stages.claims.numbers import _DIGITS_RE, _NUM_WORDS_RE

_QUAL_RE = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
RANGE_TAIL_RE = re.compile(
    rf"\s*(?:-|–|—|to|through|thru|and)\s*~?\s*(?:about\s+)?(?:{_CUR_PREFIX_RE}\s?)?(?P<to>{_DIGITS_RE}(?:\s*(?:hundred|thousand|million|billion|trillion|lakhs?|lacs?|crores?)\b|(?:mn|bn|[kKmMbB])(?![A-Za-z]))?|{_NUM_WORDS_RE}\b)",
    re.IGNORECASE,
)


def _interval(low: float, high: float | None, qualifier: str, tolerance: float) -> QuantityValue:
    """Turn a number and its qualifier into an interval."""
    kind = QUALIFIERS.get(qualifier.lower(), "") if qualifier else ""
    if high is not None:
        return QuantityValue(
            None, low, high, True, high < math.inf, kind in ("approx", "under", "over") or qualifier == "vague"
        )
    if kind == "min":
        return QuantityValue(low, low, None, True, False, False)
    if kind == "gt":
        return QuantityValue(low, low, None, False, False, False)
    if kind == "max":
        return QuantityValue(low, 0.0, low, True, True, False)
    if kind == "lt":
        return QuantityValue(low, 0.0, low, True, False, False)
    if kind == "under":  # "almost 50", "nearly 1,000": close to the figure and below it (#15)
        return QuantityValue(low, low * (1 - tolerance), low, True, False, True)
    if kind == "upper":  # "as many as 80": the figure, at its upper end (#14)
        return QuantityValue(low, low * (1 - tolerance), low, True, True, True)
    if kind == "over":  # "just over 50"
        return QuantityValue(low, low, low * (1 + tolerance), False, True, True)
    if kind == "approx":
        lo, hi = sorted((low * (1 - tolerance), low * (1 + tolerance)))
        return QuantityValue(low, lo, hi, True, True, True)
    return QuantityValue(low, low, low, True, True, False)


_JOIN_RE = re.compile(r"\s*(?:-|–|—|to|through|thru|and|or)\s*(?:about\s+|around\s+|~\s*)?", re.IGNORECASE)
_BOUND_JOIN_RE = re.compile(r"\s*(?:,\s*)?(?:and|but)\s+", re.IGNORECASE)
_OPENER_RE = re.compile(r"\b(?P<w>between|from)\s+$", re.IGNORECASE)
_TRAILING_RE = re.compile(
    r"\s+(?P<q>" + "|".join(sorted((re.escape(q) for q in TRAILING_QUALIFIERS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def _exact(raw: _Raw) -> float | None:
    """The number of an unqualified or approximate quantity, else None."""
    v = raw.value
    return (
        v.point
        if (v.point is not None and raw.qualifier in ("", "about", "around", "~", "range", "share")) or v.approximate
        else None
    )


def _only_low(raw: _Raw) -> bool:
    """Whether a quantity is bounded below only ('at least 20')."""
    return raw.value.low is not None and raw.value.high is None


def _only_high(raw: _Raw) -> bool:
    """Whether a quantity is bounded above only ('no more than 50')."""
    return (
        raw.value.high is not None
        and raw.value.low in (0.0, None)
        and QUALIFIERS.get(raw.qualifier, "") in ("max", "lt")
    )


def join_ranges(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Join what one range or bound says in two parts, and read trailing bounds.

    "from 10 dollars to 20 dollars", "between 2 g and about 7 g", "20 through 30", "3km-5km"
    are [low, high]; "no more than 50 and no less than 20" and "above 10 and below 20" are
    the intersection of their bounds; "50 or more" is [50, inf), "50 or fewer" [0, 50].
    """
    out: list[_Raw] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        b = raws[i + 1] if i + 1 < len(raws) else None
        if b is not None and a.kind == b.kind and (a.unit in ("", b.unit) or b.unit == ""):
            gap = text[a.end : b.start]
            opener = _OPENER_RE.search(text, max(0, a.start - 9), a.start)
            join = _JOIN_RE.fullmatch(gap)
            lo, hi = _exact(a), _exact(b)
            word = join.group(0).strip().lower()[:3] if join else ""
            ranged = (
                join
                and lo is not None
                and hi is not None
                and lo < hi
                and (opener is not None or word[:1] in "-–—" or word in ("to", "thr"))
            )
            if ranged and not (word in ("and", "or") and opener is None):
                start = opener.start() if opener else a.start
                value = QuantityValue(None, lo, hi, True, True, a.value.approximate or b.value.approximate)
                qualifier = opener.group("w").lower() if opener else "range"
                qualifier = "between" if qualifier == "from" else qualifier
                out.append(replace(a, start=start, end=b.end, value=value, unit=b.unit or a.unit, qualifier=qualifier))
                i += 2
                continue
            if _BOUND_JOIN_RE.fullmatch(gap) and ((_only_low(a) and _only_high(b)) or (_only_high(a) and _only_low(b))):
                low_raw, high_raw = (a, b) if _only_low(a) else (b, a)
                if (
                    low_raw.value.low is not None
                    and high_raw.value.high is not None
                    and low_raw.value.low < high_raw.value.high
                ):
                    value = QuantityValue(
                        None,
                        low_raw.value.low,
                        high_raw.value.high,
                        low_raw.value.low_inclusive,
                        high_raw.value.high_inclusive,
                        False,
                    )
                    out.append(replace(a, end=b.end, value=value, unit=b.unit or a.unit, qualifier="between"))
                    i += 2
                    continue
        trailing = _TRAILING_RE.match(text, a.end)
        if trailing and a.value.point is not None and not a.qualifier:
            bound = TRAILING_QUALIFIERS[re.sub(r"\s+", " ", trailing.group("q").lower())]
            point = a.value.point
            value = (
                QuantityValue(point, point, None, True, False, False)
                if bound == "min"
                else QuantityValue(point, 0.0, point, True, True, False)
            )
            a = replace(a, end=trailing.end(), value=value, qualifier=trailing.group("q").lower())
        out.append(a)
        i += 1
    return out
