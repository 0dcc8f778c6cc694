"""Qualifiers and ranges to intervals: "at least 1,400" becomes [1400, inf)."""

from __future__ import annotations

import math
import re

from factcheck.lexicon.qualifiers import QUALIFIERS
from factcheck.records import QuantityValue
from factcheck.stages.claims.base import _CUR_PREFIX_RE
from factcheck.stages.claims.numbers import _DIGITS_RE, _NUM_WORDS_RE

_QUAL_RE = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
RANGE_TAIL_RE = re.compile(
    rf"\s*(?:-|–|—|to|and)\s*~?\s*(?:about\s+)?(?:{_CUR_PREFIX_RE}\s?)?(?P<to>{_DIGITS_RE}(?:\s*(?:hundred|thousand|million|billion|trillion)\b|(?:mn|bn|[kKmMbB])(?![A-Za-z]))?|{_NUM_WORDS_RE}\b)",
    re.IGNORECASE,
)


def _interval(low: float, high: float | None, qualifier: str, tolerance: float) -> QuantityValue:
    """Turn a number and its qualifier into an interval."""
    kind = QUALIFIERS.get(qualifier.lower(), "") if qualifier else ""
    if high is not None:
        return QuantityValue(None, low, high, True, high < math.inf, kind == "approx" or qualifier == "vague")
    if kind == "min":
        return QuantityValue(low, low, None, True, False, False)
    if kind == "gt":
        return QuantityValue(low, low, None, False, False, False)
    if kind == "max":
        return QuantityValue(low, 0.0, low, True, True, False)
    if kind == "lt":
        return QuantityValue(low, 0.0, low, True, False, False)
    if kind == "approx":
        lo, hi = sorted((low * (1 - tolerance), low * (1 + tolerance)))
        return QuantityValue(low, lo, hi, True, True, True)
    return QuantityValue(low, low, low, True, True, False)
