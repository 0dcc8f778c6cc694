"""The one describer: a claim's value, a date and a slot put into words.

Explanations, Markdown, HTML, the review sheet and JUnit all use these functions, so one value
reads the same everywhere: "2.5%", "between 20 and 30 people", "more than 1,400 people",
"2023-10-17", "2023-03", "2023-10-16 to 2023-10-22 (week)".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from factcheck.lexicon.units import IRREGULAR_PLURALS
from factcheck.records import Claim, DateValue, QuantityValue

SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# units whose plural is the word itself, or that are plural already
_INVARIANT_UNITS = frozenset(
    {"people", "children", "men", "women", "police", "staff", "personnel", "crew", "aircraft", "magnitude"}
)
# "man" -> "men", "foot" -> "feet": the lexicon's irregular plurals read the other way ("others" is no plural of "people")
_PLURAL_OF = {one: many for many, one in IRREGULAR_PLURALS.items() if many != one and many != "others"}


def describe_number(x: float) -> str:
    """A number as a reader writes it: '1,400', '2.5', '2.3 million', '∞'.

    Example:
        >>> describe_number(1400.0), describe_number(2.5), describe_number(2_300_000.0)
        ('1,400', '2.5', '2.3 million')
    """
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    for scale, word in SCALE_WORDS:
        if abs(x) >= scale and round(x / scale, 3) == x / scale:
            return f"{describe_number(x / scale)} {word}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.3f}".rstrip("0").rstrip(".")


def describe_ordinal(n: int) -> str:
    """1 -> '1st', 12 -> '12th', 23 -> '23rd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def describe_quantity(v: QuantityValue) -> str:
    """A quantity interval in words: '1,400', 'more than 1,400', 'between 20 and 30', 'about 130',
    'almost 50', 'up to 80' ("as many as 80"), 'just over 10'."""
    if v.low is not None and v.low == v.high:
        return describe_number(v.low)
    if v.approximate and v.point is not None:
        if v.high == v.point and v.low is not None and v.low < v.point:  # "almost 50", "as many as 80"
            return f"{'up to' if v.high_inclusive else 'almost'} {describe_number(v.point)}"
        if v.low == v.point and v.high is not None and v.high > v.point and not v.low_inclusive:
            return f"just over {describe_number(v.point)}"
        return f"about {describe_number(v.point)}"
    if v.low is not None and v.high is not None:
        return f"between {describe_number(v.low)} and {describe_number(v.high)}"
    if v.low is not None:
        return f"{'at least' if v.low_inclusive else 'more than'} {describe_number(v.low)}"
    if v.high is not None:
        return f"{'at most' if v.high_inclusive else 'fewer than'} {describe_number(v.high)}"
    return "an unknown amount"


def describe_date(v: DateValue) -> str:
    """A calendar interval in words: '2023-10-17', '2023-10', '2023', '2023-10-16 to 2023-10-22 (week)'."""
    start, end = v.start, v.end
    remarks = [v.note] if v.note else []
    if start is None and end is None:
        text = "unresolved date"
    elif start is not None and start == end:
        text = start.isoformat()
    elif start is not None and end is None:
        text = f"from {start.isoformat()}"
    elif start is None and end is not None:
        text = f"until {end.isoformat()}"
    elif (
        start is not None
        and end is not None
        and v.granularity == "month"
        and (start.year, start.month) == (end.year, end.month)
        and start.day == 1
    ):
        text = f"{start.year}-{start.month:02d}"
    elif (
        start is not None
        and end is not None
        and v.granularity == "year"
        and (start.month, start.day) == (1, 1)
        and (
            end.month,
            end.day,
            end.year,
        )
        == (12, 31, start.year)
    ):
        text = str(start.year)
    else:
        text = f"{start.isoformat() if start else '…'} to {end.isoformat() if end else '…'}"
        if v.granularity and v.granularity != "day":
            remarks.insert(0, v.granularity)
    remarks = list(dict.fromkeys(r.strip() for part in remarks for r in part.split(",") if r.strip()))
    return f"{text} ({', '.join(remarks)})" if remarks else text


def _unit_words(unit: str, v: QuantityValue) -> str:
    """The unit as it reads after the number: 'country' -> 'countries' unless the value is exactly one."""
    one = v.low == v.high == 1
    if one or not unit.isalpha() or not unit.islower() or unit.endswith("s") or unit in _INVARIANT_UNITS:
        return unit
    if unit in _PLURAL_OF:
        return _PLURAL_OF[unit]
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    if unit.endswith(("x", "ch", "sh")):
        return unit + "es"
    return unit + "s"


def describe_value(claim: Claim) -> str:
    """A claim's normalised value in words, with its unit.

    Examples: "unemployment rose to 2.5%" -> "2.5%"; "more than 1,400 people" -> "more than 1,400 people";
    "on Tuesday" in an article of 16 Oct 2023 -> "2023-10-17"; "his third visit" -> "3rd visit".
    """
    v = claim.value
    if isinstance(v, DateValue):
        words = describe_date(v)
    elif claim.kind == "ordinal" and v.point is not None:
        words = f"{describe_ordinal(int(v.point))} {claim.scope}".strip()
    else:
        words = describe_quantity(v)
        if claim.unit == "%":
            words += "%"
        elif claim.unit:
            words += f" {_unit_words(claim.unit, v)}"
    # the extractor flags a claim whose sentence holds a negation anywhere, so say just that
    if claim.negated:
        words += " (negation in the sentence)"
    return words


def describe_slot(claims: Sequence[Claim]) -> str:
    """What a finding compares: the kind, unit and event of its claims, e.g. 'quantity · people · killed'."""
    if not claims:
        return ""

    def distinct(values: Iterable[str]) -> str:
        return "/".join(dict.fromkeys(v for v in values if v))

    parts = [distinct(c.kind for c in claims)]
    if claims[0].kind == "ordinal":
        parts.append(distinct(c.scope for c in claims))
    elif claims[0].kind != "date":
        parts.append(distinct(c.unit for c in claims))
    parts.append(distinct(c.event for c in claims))
    return " · ".join(p for p in parts if p)
