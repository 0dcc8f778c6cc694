"""Judging the values of one slot: agree, differ (with how) or contradict, and the words for them."""

from __future__ import annotations

import calendar as _calendar
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from factcheck.describe import describe_date, describe_number, describe_value
from factcheck.lexicon.qualifiers import QUALIFIERS
from factcheck.records import Article, Claim, DateValue, QuantityValue
from factcheck.stages.claims import WEEKDAY_MISMATCH
from factcheck.stages.claims.dates import containing_period
from factcheck.stages.compare.lexicon import (
    APPROXIMATE_MIN_SHARE,
    APPROXIMATE_SMALL,
    CONVERSION_TOLERANCE,
    CONVERSIONS,
    CUMULATIVE_EVENTS,
    TIME_UNIT,
)
from factcheck.verdicts import Verdict

Judgement = tuple[str, str, str, float]  # verdict, how, explanation, confidence


def _bounds(v: QuantityValue) -> tuple[float, float, bool, bool]:
    """Lower and upper ends of a quantity, open ends as infinities."""
    low = v.low if v.low is not None else float("-inf")
    high = v.high if v.high is not None else float("inf")
    return low, high, v.low_inclusive, v.high_inclusive


def overlap(a: QuantityValue, b: QuantityValue) -> bool:
    """Whether two intervals share at least one value."""
    a_lo, a_hi, a_li, a_hi_inc = _bounds(a)
    b_lo, b_hi, b_li, b_hi_inc = _bounds(b)
    if a_hi < b_lo or b_hi < a_lo:
        return False
    if a_hi == b_lo and not (a_hi_inc and b_li):
        return a.point == b.point and a.point is not None and not (_under(a) and _from(b))
    if b_hi == a_lo and not (b_hi_inc and a_li):
        return a.point == b.point and a.point is not None and not (_under(b) and _from(a))
    return True


def _under(v: QuantityValue) -> bool:
    """A value just under its point ("almost four dozen": below 48)."""
    return v.point is not None and v.high == v.point and not v.high_inclusive and v.low is not None


def _from(v: QuantityValue) -> bool:
    """A value from its point up ("at least four dozen", "more than 48")."""
    return v.point is not None and v.low == v.point and (v.high is None or v.high > v.point)


def _scale(v: QuantityValue, factor: float, widen: float) -> QuantityValue:
    """A value in the family's base unit, widened by the rounding of a conversion."""

    def mul(x: float | None, w: float) -> float | None:
        return None if x is None else x * factor * (1 + w)

    return QuantityValue(
        None if v.point is None else v.point * factor,
        mul(v.low, -widen),
        mul(v.high, widen),
        v.low_inclusive,
        v.high_inclusive,
        v.approximate,
    )


def rounding_step(x: float) -> float:
    """The step a written figure is rounded to: its last digit's place, five of them when that digit
    is 5 ("600" -> 100, "102 million" -> 1 million, "15" -> 5, "2.6" -> 0.1)."""
    digits = Decimal(repr(round(abs(x), 9))).normalize()
    exponent = int(digits.as_tuple().exponent)
    step = 10.0**exponent
    last = int(digits.scaleb(-exponent)) % 10
    return step * 5 if last == 5 else step


def approximate_value(claim: Claim) -> QuantityValue | None:
    """The values an approximate figure covers when compared (#14), or None when it is not one.

    "about 600 metres" covers 550-650 and "some 700 metres" 650-750, so the two do not meet
    (only at the boundary, see `_only_touch`); "an estimated $102 million" covers about 100-104
    million. The extractor's own width (a share of the figure) is wider and kept for its other uses.
    """
    value = claim.value
    if not isinstance(value, QuantityValue) or value.point is None or not value.approximate:
        return None
    if QUALIFIERS.get(claim.qualifier.lower()) != "approx" or value.low is None or value.high is None:
        return None
    point = value.point
    half = max(rounding_step(point) / 2, abs(point) * APPROXIMATE_MIN_SHARE)
    if abs(point) < APPROXIMATE_SMALL and float(point).is_integer():
        half = max(half, 1.0)
    return QuantityValue(point, point - half, point + half, True, True, True)


def _decimals(x: float) -> int:
    """How many decimal places a written figure has ("23.8" -> 1, "24" -> 0)."""
    return max(0, -int(Decimal(repr(round(x, 9))).normalize().as_tuple().exponent))


def rounded_from(precise: QuantityValue, rounded: QuantityValue) -> bool:
    """Whether an exact figure is another exact figure with a fraction, rounded to fewer decimals
    ("24%" / "23.8%", "$37.3" / "$37.25"): one outlet rounds what the other gives in full (#14).
    Whole figures never are ("2 million" / "2.4 million" are 2,000,000 and 2,400,000)."""
    p, r = precise.point, rounded.point
    if p is None or r is None or precise.approximate or rounded.approximate:
        return False
    if precise.low != precise.high or rounded.low != rounded.high or float(p).is_integer():
        return False
    places = _decimals(r)
    if places >= _decimals(p):
        return False
    step = Decimal(1).scaleb(-places)
    return Decimal(repr(p)).quantize(step, rounding=ROUND_HALF_UP) == Decimal(repr(r)).quantize(step)


def _only_touch(a: QuantityValue, b: QuantityValue) -> bool:
    """Two estimates that share only a boundary ("about 600" ends where "some 700" begins): no common value."""
    if not (a.approximate and b.approximate) or None in (a.low, a.high, b.low, b.high):
        return False
    return a.high == b.low or b.high == a.low


def comparable_values(a: Claim, b: Claim) -> tuple[QuantityValue, QuantityValue] | None:
    """Both quantities in one unit: as they are, or converted ("200ft" / "60 metres"); an
    approximate round figure as the values it rounds (`approximate_value`)."""
    va, vb = a.value, b.value
    if not isinstance(va, QuantityValue) or not isinstance(vb, QuantityValue):
        return None
    if a.unit != TIME_UNIT:  # a time of day has its own widths (times.py)
        va, vb = approximate_value(a) or va, approximate_value(b) or vb
    if a.unit == b.unit or a.unit not in CONVERSIONS or b.unit not in CONVERSIONS:
        return va, vb
    (fam_a, fa), (fam_b, fb) = CONVERSIONS[a.unit], CONVERSIONS[b.unit]
    if fam_a != fam_b:
        return None
    return _scale(va, fa, CONVERSION_TOLERANCE), _scale(vb, fb, CONVERSION_TOLERANCE)


def anchor(v: DateValue) -> DateValue:
    """The date a "since" interval starts from, at its own granularity ("since March" -> March)."""
    if v.note != "since" or v.start is None:
        return v
    start = v.start
    if v.granularity == "year":
        end = start.replace(month=12, day=31)
    elif v.granularity == "month":
        end = start.replace(day=_calendar.monthrange(start.year, start.month)[1])
    else:
        end = start
    return DateValue(start, end, v.granularity, "since")


def _meet(a: DateValue, b: DateValue) -> bool:
    """Whether two resolved intervals share a day."""
    if a.start is None or b.start is None:
        return False
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def wrong_weekday(claim: Claim) -> str:
    """What the extractor noted of a date whose written weekday is not its day's, else ''."""
    value = claim.value
    if claim.kind != "date" or not isinstance(value, DateValue) or not value.note.startswith(WEEKDAY_MISMATCH):
        return ""
    return value.note[len(WEEKDAY_MISMATCH) :]


def day_words(text: str) -> str:
    """A written day without its preposition, lower case ("early on Friday" -> "friday")."""
    return re.sub(r"^(?:(?:on|in|at|by|early|late)\s+)+", "", re.sub(r"\W+", " ", text).strip().lower())


def same_day_words(x: str, y: str) -> bool:
    """The same written day, give or take a preposition and case ("on Friday" / "Friday")."""
    return bool(day_words(x)) and day_words(x) == day_words(y)


def same_words(x: str, y: str) -> bool:
    """The same sentence, give or take case, spacing and punctuation."""
    return re.sub(r"\W+", " ", x).strip().lower() == re.sub(r"\W+", " ", y).strip().lower()


def judge(a: Claim, b: Claim, art_a: Article, art_b: Article) -> Judgement:
    """Verdict, how, explanation and confidence for two claims of one slot."""
    quote = f"{art_a.outlet}: “{a.text}” vs {art_b.outlet}: “{b.text}”"
    if a.kind == "ordinal":
        if a.scope.lower() != b.scope.lower():
            return Verdict.DIFFER, "scope", f"{quote}: counted within different scopes ('{a.scope}' / '{b.scope}')", 0.6
        if a.value == b.value:
            return Verdict.AGREE, "same", f"{quote}: same ordinal", 0.7
        return Verdict.CONTRADICT, "value", f"{quote}: different ordinals of the same scope", 0.6
    if isinstance(a.value, DateValue) and isinstance(b.value, DateValue):
        da, db = anchor(a.value), anchor(b.value)
        if da.start is None or db.start is None:
            if da.start is None and db.start is None and same_day_words(a.text, b.text):
                # two undated articles naming one act's day in the same words ("on Friday"): the
                # same day as far as the texts go; an agreement that shows nothing of one event (#14)
                return Verdict.AGREE, "same words", f"{quote}: the same day in the same words (not resolved)", 0.5
            return Verdict.DIFFER, "unresolved", f"{quote}: a date could not be resolved", 0.3
        if da.start == db.start and da.end == db.end:
            return Verdict.AGREE, "same", f"{quote}: both {describe_date(da)}", 0.85
        if _meet(da, db):
            return (
                Verdict.DIFFER,
                "precision",
                f"{quote}: {describe_date(da)} and {describe_date(db)} overlap; one is more precise",
                0.6,
            )
        wa, wb = containing_period(da), containing_period(db)
        if (wa, wb) != (da, db) and _meet(wa, wb):
            # "late March" / "March 18": a part's days are a convention, its period is what was written
            return (
                Verdict.DIFFER,
                "precision",
                f"{quote}: {describe_date(da)} and {describe_date(db)} lie in one period; a part of it is vague",
                0.5,
            )
        return Verdict.CONTRADICT, "value", f"{quote}: {describe_date(da)} vs {describe_date(db)}", 0.8
    values = comparable_values(a, b)
    if values is not None:
        va, vb = values
        shown = f"{quote}: {describe_value(a)} vs {describe_value(b)}"
        if overlap(va, vb) and not _only_touch(va, vb):
            if va == vb:
                return Verdict.AGREE, "same", shown + ", the same value", 0.9
            if va.point is not None and va.point == vb.point:
                return (
                    Verdict.AGREE,
                    "hedged",
                    shown + f": both say {describe_number(va.point)}, hedged differently",
                    0.85,
                )
            if a.unit != b.unit and a.unit and b.unit:
                return Verdict.AGREE, "converted", shown + ": the same quantity in other units", 0.75
            return Verdict.DIFFER, "precision", shown + ": compatible, one is more precise", 0.6
        if a.unit == b.unit and (rounded_from(va, vb) or rounded_from(vb, va)):
            return Verdict.DIFFER, "precision", shown + ": one figure is the other rounded", 0.5
        if a.event in CUMULATIVE_EVENTS and a.event == b.event:
            order = later_report(art_a, art_b)
            if order:
                later, earlier = (va, vb) if order > 0 else (vb, va)
                if (later.point or later.low or 0) > (earlier.point or earlier.high or 0):
                    return Verdict.DIFFER, "update", shown + ": a later report gives a higher figure (an update)", 0.6
                return Verdict.CONTRADICT, "lower-later", shown + ": a later report gives a lower running total", 0.7
        return Verdict.CONTRADICT, "value", shown + ": incompatible", 0.75
    return Verdict.DIFFER, "kind", f"{quote}: not comparable", 0.2


def later_report(art_a: Article, art_b: Article) -> int:
    """1 when a was published after b, -1 before, 0 the same day or unknown."""
    pa: date | None = art_a.published
    pb: date | None = art_b.published
    if pa is None or pb is None or pa == pb:
        return 0
    return 1 if pa > pb else -1


def attributed(a: Claim, b: Claim, explanation: str, confidence: float) -> tuple[str, float]:
    """Say when a disagreement is between claims the outlets attribute to different parties."""
    sa, sb = a.attribution.strip(), b.attribution.strip()
    if sa.lower() == sb.lower():
        return explanation, confidence
    if not sa or not sb:
        return f"{explanation}; one side is attributed ({sa or sb})", confidence
    return f"{explanation}; attributed to different sources ({sa} / {sb})", confidence * 0.8
