"""The raw quantity record and the claim builder shared by the extractors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.lexicon.units import CURRENCY_CODES
from factcheck.records import Claim, DateValue, QuantityValue


@dataclass(frozen=True, slots=True)
class _Raw:
    """A quantity found in text before its event is attached."""

    start: int
    end: int
    kind: str
    value: QuantityValue
    unit: str
    qualifier: str
    weak: bool


def _claim(
    kind: str,
    text: str,
    start: int,
    end: int,
    value: QuantityValue | DateValue,
    *,
    unit: str = "",
    qualifier: str = "",
    event: str = "",
    scope: str = "",
) -> Claim:
    """A claim with offsets into `text` and no ids yet."""
    return Claim("", "", "", kind, text[start:end], start, end, value, unit, qualifier, event, scope, False, "")


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any span."""
    return any(start < e and end > s for s, e in spans)


# A currency before its number, spaced or glued ("USD 3", "USD3.14", "RM42", "Rs. 500") (#15).
_CUR_PREFIX_RE = (
    r"(?:US\$|[$€£¥]|\b(?:"
    + "|".join(sorted(CURRENCY_CODES))
    + r")(?:\b|(?=\d))|\bRs\.?|(?-i:\bRM|\bL\.E\.?)(?=\s?\d))"
)
