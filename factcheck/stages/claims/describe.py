"""One claim as one readable line: span, kind, value in words, unit, event, attribution.

`factcheck extract` prints these lines; JSON goes through `Claim.to_json()`.
"""

from __future__ import annotations

from factcheck.records import Claim, DateValue, QuantityValue


def _number(x: float) -> str:
    """A number with thousands separators and no float noise ('1,400', '33.33', '0.5')."""
    return format(round(x, 2), ",.12g")


def describe_value(value: QuantityValue | DateValue, *, unit: str = "") -> str:
    """A claim's value in words ('at least 1,400', 'between 20 and 30', '2013-02-11 to 2013-02-12').

    Example:
        >>> describe_value(QuantityValue(1400.0, 1400.0, None, True, False, False))
        'at least 1,400'
    """
    if isinstance(value, DateValue):
        if value.start is None or value.end is None:
            return f"unresolved ({value.note})" if value.note else "unresolved"
        span = str(value.start) if value.start == value.end else f"{value.start} to {value.end}"
        return span + (f" ({value.note})" if value.note else "")
    pct = "%" if unit == "%" else ""
    lo, hi = value.low, value.high
    if value.approximate and value.point is not None:
        bounds = f" ({_number(lo)}{pct} to {_number(hi)}{pct})" if lo is not None and hi is not None else ""
        return f"about {_number(value.point)}{pct}{bounds}"
    if lo is not None and hi is not None and lo == hi:
        return f"{_number(lo)}{pct}"
    if lo is not None and hi is None:
        return f"{'at least' if value.low_inclusive else 'more than'} {_number(lo)}{pct}"
    if hi is not None and (lo is None or lo == 0.0) and value.point == hi:
        return f"{'at most' if value.high_inclusive else 'fewer than'} {_number(hi)}{pct}"
    if lo is not None and hi is not None:
        left = "from" if value.low_inclusive else "above"
        right = "to" if value.high_inclusive else "below"
        return f"{left} {_number(lo)}{pct} {right} {_number(hi)}{pct}"
    return "no value"


def describe_claim(claim: Claim) -> str:
    """One readable line for a claim: span, kind, value in words, unit, event, attribution.

    Example:
        >>> from factcheck.stages.claims import extract_claims_from_text
        >>> describe_claim(extract_claims_from_text("At least 1,400 people were killed.", None)[0])
        "'At least 1,400 people'  quantity  at least 1,400  unit=people  event=killed"
    """
    parts = [repr(claim.text), claim.kind, describe_value(claim.value, unit=claim.unit)]
    if claim.unit and claim.kind != "date" and claim.unit != "%":
        parts.append(f"unit={claim.unit}")
    if claim.window is not None:
        parts.append(f"window={describe_value(claim.window)}")
    if claim.kind == "ordinal" and claim.scope:
        parts.append(f"of={claim.scope!r}")
    if claim.event:
        parts.append(f"event={claim.event}")
    if claim.negated:
        parts.append("negated")
    if claim.attribution:
        parts.append(f"attribution={claim.attribution!r}")
    return "  ".join(parts)
