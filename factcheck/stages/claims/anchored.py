"""Dates placed inside a month or counted from another date.

- "the first Monday of October", "last Friday in March 2014", "second Monday of last month"
- "the last day of October 2015", "the third day of October", "the fifth last day of May"
- "the first week of October", "the last week of September 2014": seven days of the month
- "the 20th of next month", "20 of this month"
- "Tuesday the 19th", "Thu 15th": the nearest month whose 19th is a Tuesday
- "on the 15th": the nearest 15th
- "3 Fridays from now", "two Thursdays ago"
- "three days after Easter", "a year from Christmas": a date shifted by a count of units
- "the end of the month", "the beginning of next year", "EOM": the part of the period, noted early/mid/late

Each scanner takes the `_Dates` collector of `dates`; the first claim on a span wins, so these
run before the plain day, month and weekday scanners.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from factcheck.lexicon.calendar import MONTH_NAMES, PART_WORDS, PERIOD_PART_ABBREVIATIONS, WEEKDAYS
from factcheck.records import Claim, DateValue
from factcheck.stages.claims.dates import (
    _MONTH_RE,
    _WEEKDAY_RE,
    _bare_phrase,
    _date_tense,
    _Dates,
    _guess_month_year,
    _month_end,
    _month_value,
    _no_date,
    _nth_weekday,
    _period_value,
    _pick,
    _week_value,
    _year_value,
    part_by_tense,
)
from factcheck.stages.claims.numbers import _NUM_WORDS_RE, ORDINAL_WORD_RE, _ordinal_value, parse_number
from factcheck.stages.claims.tense import _sentence_bounds

_NTH = r"(?P<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)"
_NTH_VALUE = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
_MONTH_SHIFT = {"this": 0, "current": 0, "the current": 0, "the": 0, "next": 1, "the next": 1, "coming": 1}
_MONTH_SHIFT.update({"last": -1, "previous": -1, "the previous": -1, "past": -1, "the past": -1, "the last": -1})
# A month: named (with or without a year) or told from publication ("next month", "the month").
_MONTH_REF = (
    rf"(?:(?P<m>{_MONTH_RE})\.?(?:,?\s+(?P<y>(?:1[6-9]|20)\d\d))?\b"
    r"|(?P<rel>this|current|the\s+current|next|the\s+next|coming|last|the\s+last|previous|the\s+previous|the)\s+month\b)"
)
NTH_WEEKDAY_RE = re.compile(
    rf"\b(?:the\s+)?{_NTH}\s+(?P<wd>{_WEEKDAY_RE})\.?\s+(?:of|in)\s+{_MONTH_REF}", re.IGNORECASE
)
NTH_WEEK_RE = re.compile(
    rf"\b(?:the\s+)?(?P<k>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+week\s+(?:of|in)\s+"
    rf"(?:{_MONTH_REF}|(?P<yr>(?:1[6-9]|20)\d\d)\b)",
    re.IGNORECASE,
)
NTH_DAY_RE = re.compile(
    rf"\b(?:the\s+)?(?:(?P<k>{ORDINAL_WORD_RE}|\d{{1,2}}(?:st|nd|rd|th))\s+)?(?P<last>last\s+)?day\s+(?:of|in)\s+{_MONTH_REF}",
    re.IGNORECASE,
)
DAY_OF_REL_MONTH_RE = re.compile(
    rf"\b(?:the\s+)?(?P<d>{ORDINAL_WORD_RE}|\d{{1,2}}(?:st|nd|rd|th)?)\s+(?:day\s+)?of\s+(?:the\s+)?"
    r"(?P<rel>this|current|next|coming|last|previous|following)\s+month\b",
    re.IGNORECASE,
)
WEEKDAY_ORDINAL_RE = re.compile(
    rf"\b(?P<wd>{_WEEKDAY_RE})\.?,?\s+(?:the\s+)?(?P<d>\d{{1,2}}(?:st|nd|rd|th))\b(?!\s+[a-z])"
    rf"(?!\s*(?:of\s+)?(?:{_MONTH_RE})\b)",
    re.IGNORECASE,
)
ON_THE_NTH_RE = re.compile(
    r"\bon\s+the\s+(?P<d>\d{1,2}(?:st|nd|rd|th))(?=\s*(?:[,.;:!?)]|$)|\s+(?:at|when|and|or|but|before|after)\b)",
    re.IGNORECASE,
)
N_WEEKDAYS_RE = re.compile(
    rf"\b(?P<n>\d+|an?|{_NUM_WORDS_RE})\s+(?P<wd>{_WEEKDAY_RE})s\s+(?P<dir>from\s+(?:now|today)|hence|ago|back)\b",
    re.IGNORECASE,
)
PART_OF_PERIOD_RE = re.compile(
    r"\b(?:the\s+)?(?P<part>end|close|beginning|start|middle)\s+of\s+(?:the\s+)?"
    r"(?P<rel>this|current|next|coming|last|past|previous)?\s*(?P<u>month|year|week)\b",
    re.IGNORECASE,
)
SHIFT_BEFORE_RE = re.compile(
    rf"\b(?P<n>\d+|an?|the|{_NUM_WORDS_RE})\s+(?P<u>days?|weeks?|months?|years?)\s+(?P<dir>after|before|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
PART_ABBREVIATION_RE = re.compile(
    rf"\b(?:(?P<prep>by|before|until|till|at)\s+)?(?:the\s+)?(?P<a>{'|'.join(PERIOD_PART_ABBREVIATIONS)})\b"
)
_CLAUSE_END_RE = re.compile(r"\s*(?:[,.;:!?)]|$)")


def _month_of(m: re.Match[str], text: str, published: date | None) -> tuple[int, int] | None:
    """(year, month) of a `_MONTH_REF` match; None when it needs a publication date there is not."""
    if m.group("m"):
        month = MONTH_NAMES[m.group("m").lower()]
        if m.group("y"):
            return int(m.group("y")), month
        if published is None:
            return None
        return _guess_month_year(month, published, _date_tense(text, m.start(), m.end())), month
    if published is None:
        return None
    shift = _MONTH_SHIFT[re.sub(r"\s+", " ", m.group("rel").lower())]
    y, mo = divmod(published.year * 12 + published.month - 1 + shift, 12)
    return y, mo + 1


def _day_value(day: date, note: str = "") -> DateValue:
    """One day."""
    return DateValue(day, day, "day", note)


def _scan_nth_weekdays(d: _Dates) -> None:
    """'the first Monday of October', 'last Friday in March 2014', 'second Monday of last month'."""
    for m in NTH_WEEKDAY_RE.finditer(d.text):
        if not d.free(m.start(), m.end()):
            continue
        ym = _month_of(m, d.text, d.published)
        if ym is None:
            d.add(m.start(), m.end(), _no_date("day"))
            continue
        n = _NTH_VALUE.get(m.group("n").lower()) or int(m.group("n")[0])
        day = _nth_weekday(ym[0], ym[1], WEEKDAYS[m.group("wd").lower().rstrip(".")], n)
        if day.month == ym[1]:  # "fifth Monday" of a month with four
            d.add(m.start(), m.end(), _day_value(day))


_WEEK_INDEX = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _scan_nth_weeks(d: _Dates) -> None:
    """'the first week of October': its days 1-7; 'the last week of September 2014': its last seven (#15).

    News means the stretch of days, not Duckling's whole Monday-to-Sunday weeks inside the month.
    Without this, "the last week of September" was read as the week before publication.
    """
    for m in NTH_WEEK_RE.finditer(d.text):
        if not d.free(m.start(), m.end()):
            continue
        if m.group("yr"):
            first, last = date(int(m.group("yr")), 1, 1), date(int(m.group("yr")), 12, 31)
        else:
            ym = _month_of(m, d.text, d.published)
            if ym is None:
                d.add(m.start(), m.end(), _no_date("week"))
                continue
            first, last = date(ym[0], ym[1], 1), _month_end(*ym)
        k = _WEEK_INDEX.get(m.group("k").lower())
        start = first + timedelta(weeks=k - 1) if k else last - timedelta(days=6)
        d.add(m.start(), m.end(), DateValue(start, start + timedelta(days=6), "week"))


def _scan_nth_days(d: _Dates) -> None:
    """'the last day of October 2015', 'the third day of October', 'the fifth last day of May'."""
    for m in NTH_DAY_RE.finditer(d.text):
        if not (m.group("k") or m.group("last")) or not d.free(m.start(), m.end()):
            continue
        ym = _month_of(m, d.text, d.published)
        if ym is None:
            d.add(m.start(), m.end(), _no_date("day"))
            continue
        k = _ordinal_value(m.group("k")) if m.group("k") else 1
        if k is None or not 1 <= k <= 31:
            continue
        last = _month_end(*ym)
        day = last - timedelta(days=k - 1) if m.group("last") else date(ym[0], ym[1], 1) + timedelta(days=k - 1)
        if day.month == ym[1]:
            d.add(m.start(), m.end(), _day_value(day))


def _scan_days_of_relative_months(d: _Dates) -> None:
    """'the 20th of next month', '20 of this month', 'the 20th day of the previous month'."""
    for m in DAY_OF_REL_MONTH_RE.finditer(d.text):
        rel = m.group("rel").lower()
        if rel == "following" or not d.free(m.start(), m.end()):
            continue  # "the following month" is told from another event, not publication
        k = _ordinal_value(m.group("d")) if not m.group("d").isdigit() else int(m.group("d"))
        if k is None or not 1 <= k <= 31:
            continue
        if d.published is None:
            d.add(m.start(), m.end(), _no_date("day"))
            continue
        y, mo = divmod(d.published.year * 12 + d.published.month - 1 + _MONTH_SHIFT[rel], 12)
        try:
            d.add(m.start(), m.end(), _day_value(date(y, mo + 1, k)))
        except ValueError:
            continue


def _scan_weekday_ordinals(d: _Dates) -> None:
    """'Tuesday the 19th', 'Thu 15th': the month nearest publication whose day falls on that weekday."""
    for m in WEEKDAY_ORDINAL_RE.finditer(d.text):
        if not d.free(m.start(), m.end()):
            continue
        wd = m.group("wd")
        if wd[0].islower() and wd.lower() in ("sun", "sat", "wed"):
            continue
        k = _ordinal_value(m.group("d"))
        if k is None or not 1 <= k <= 31:
            continue
        if d.published is None:
            d.add(m.start(), m.end(), _no_date("day"))
            continue
        weekday = WEEKDAYS[wd.lower().rstrip(".")]
        candidates = []
        for shift in range(-14, 15):
            y, mo = divmod(d.published.year * 12 + d.published.month - 1 + shift, 12)
            try:
                day = date(y, mo + 1, k)
            except ValueError:
                continue
            if day.weekday() == weekday:
                candidates.append(day)
        if candidates:
            tense = _date_tense(d.text, m.start(), m.end())
            d.add(m.start(), m.end(), _day_value(_pick(candidates, d.published, tense, slack=14)))


def _scan_on_the_nth(d: _Dates) -> None:
    """'on the 15th': the 15th nearest to publication (this month's, last month's or next month's)."""
    for m in ON_THE_NTH_RE.finditer(d.text):
        k = int(re.sub(r"\D", "", m.group("d")))
        if not 1 <= k <= 31 or not d.free(m.start(), m.end()):
            continue
        if d.published is None:
            d.add(m.start(), m.end(), _no_date("day"))
            continue
        candidates = []
        for shift in (-1, 0, 1):
            y, mo = divmod(d.published.year * 12 + d.published.month - 1 + shift, 12)
            try:
                candidates.append(date(y, mo + 1, k))
            except ValueError:
                continue
        if candidates:
            tense = _date_tense(d.text, m.start(), m.end())
            d.add(m.start(), m.end(), _day_value(_pick(candidates, d.published, tense, slack=10)))


def _count(n_s: str) -> int | None:
    """A small count from digits or words ('3', 'three', 'a')."""
    if n_s.lower() in ("a", "an"):
        return 1
    parsed = parse_number(n_s)
    return None if parsed is None or parsed[0] != int(parsed[0]) else int(parsed[0])


def _scan_counted_weekdays(d: _Dates) -> None:
    """'3 Fridays from now' (the third Friday after today), 'two Thursdays ago'."""
    for m in N_WEEKDAYS_RE.finditer(d.text):
        n = _count(m.group("n"))
        if n is None or not 1 <= n <= 52 or not d.free(m.start(), m.end()):
            continue
        if d.published is None:
            d.add(m.start(), m.end(), _no_date("day"))
            continue
        weekday = WEEKDAYS[m.group("wd").lower()]
        p = d.published
        if m.group("dir").lower() in ("ago", "back"):
            day = p - timedelta(days=(p.weekday() - weekday - 1) % 7 + 1) - timedelta(weeks=n - 1)
        else:
            day = p + timedelta(days=(weekday - p.weekday() - 1) % 7 + 1) + timedelta(weeks=n - 1)
        d.add(m.start(), m.end(), _day_value(day))


def _scan_parts_of_periods(d: _Dates) -> None:
    """'the end of the month', 'the beginning of next year': that part of the period, noted early/mid/late.

    The part's days are `lexicon.calendar`'s (Duckling's): "the end of the month" is the 21st to
    the last day, "the end of this week" Friday to Sunday, "the beginning of the year" January to
    April. TimeBank annotates the whole period with a mod; the comparison tests the whole periods
    for a contradiction (`containing_period`).
    """
    for m in PART_OF_PERIOD_RE.finditer(d.text):
        if not d.free(m.start(), m.end()):
            continue
        unit = m.group("u").lower()
        note = PART_WORDS[m.group("part").lower()]
        if d.published is None:
            d.add(m.start(), m.end(), _no_date(unit))
            continue
        rel = (m.group("rel") or "this").lower()
        shift = {"next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1}.get(rel, 0)
        value = _period_value(d.published, unit, shift, note)
        if shift == 0:
            value = part_by_tense(d.text, m.start(), m.end(), value, d.published)
        d.add(m.start(), m.end(), value)


def _scan_part_abbreviations(d: _Dates) -> None:
    """'EOM', 'by EOY', 'at the BOM': the end or beginning of the current month or year (#15).

    Read only in capitals, and only where nothing else can be meant: in a phrase of time words
    alone ("at the EOM"), or, for EOM and EOY, after "by", "before" or "until" at a clause's end
    ("due by EOY."). "the BOM" in running text is Australia's Bureau of Meteorology or a bill of
    materials, "BOY" a boy in a headline.
    """
    for m in PART_ABBREVIATION_RE.finditer(d.text):
        if not d.free(m.start(), m.end()):
            continue
        abbreviation, prep = m.group("a"), m.group("prep") or ""
        deadline = abbreviation[0] == "E" and prep in ("by", "before", "until", "till")
        if not (_bare_phrase(d.text, m.start(), m.end()) or (deadline and _CLAUSE_END_RE.match(d.text, m.end()))):
            continue
        note, unit = PERIOD_PART_ABBREVIATIONS[abbreviation]
        start = m.start("a") if deadline else m.start()
        if d.published is None:
            d.add(start, m.end(), _no_date(unit))
            continue
        d.add(start, m.end(), _period_value(d.published, unit, 0, note))


def scan_anchored(d: _Dates) -> None:
    """All the scanners of this module, in the order that lets the longer phrase win.

    Each runs only when a cheap test finds its key word, so most sentences pay almost nothing (#15: speed).
    """
    low = d.text.lower()
    if " of " in low or " in " in low:
        if _HAS_WEEKDAY_RE.search(low):
            _scan_nth_weekdays(d)
        if "week " in low:
            _scan_nth_weeks(d)
        if "day " in low:
            _scan_nth_days(d)
        if "month" in low:
            _scan_days_of_relative_months(d)
    if _COUNTED_WEEKDAY_HINT_RE.search(low):
        _scan_counted_weekdays(d)
    if _PART_HINT_RE.search(low):
        _scan_parts_of_periods(d)
    if _PART_ABBREVIATION_HINT_RE.search(d.text):
        _scan_part_abbreviations(d)
    if _ORDINAL_DAY_HINT_RE.search(low):
        _scan_weekday_ordinals(d)
        if "on the " in low:
            _scan_on_the_nth(d)


_HAS_WEEKDAY_RE = re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)")
_COUNTED_WEEKDAY_HINT_RE = re.compile(r"days\s+(?:from|hence|ago|back)")
_PART_HINT_RE = re.compile(r"(?:end|close|beginning|start|middle) of")
_ORDINAL_DAY_HINT_RE = re.compile(r"\d(?:st|nd|rd|th)\b")
_PART_ABBREVIATION_HINT_RE = re.compile(r"[BE]O[MY]")


def _single_days(d: _Dates) -> list[tuple[int, Claim, date]]:
    """The date claims found so far that are one resolved day: their index in `d.claims`, and the day."""
    out = []
    for i, c in enumerate(d.claims):
        v = c.value
        if isinstance(v, DateValue) and v.granularity == "day" and v.start is not None and v.start == v.end:
            out.append((i, c, v.start))
    return out


def shift_by_counts(d: _Dates) -> None:
    """'three days after Easter', 'a year from Christmas', 'the day before Tuesday's vote': the day moved.

    Runs after every scanner, on the day claims found; the count and its unit join the claim.
    """
    text = d.text
    for i, c, day0 in _single_days(d):
        m = SHIFT_BEFORE_RE.search(text, max(0, c.start - 60), c.start)
        if m is None or m.end() != c.start:
            continue
        if re.search(r"\b(?:for|within|over|during|lasting)\s+$", text[max(0, m.start() - 10) : m.start()], re.I):
            continue  # "for 10 days from 18 Dec" is a stretch of time starting then, not a day
        unit = m.group("u").lower().rstrip("s")
        if m.group("n").lower() == "the" and (unit != "day" or m.group("dir").lower() == "from"):
            continue  # "the day before Tuesday's hearing" is a day; "the week before Christmas" a stretch
        n = 1 if m.group("n").lower() == "the" else _count(m.group("n"))
        if n is None:
            continue
        sign = -1 if m.group("dir").lower() == "before" else 1
        try:
            if unit in ("day", "week"):
                day = day0 + timedelta(days=sign * n * (7 if unit == "week" else 1))
            else:
                months = sign * n * (12 if unit == "year" else 1)
                y, mo = divmod(day0.year * 12 + day0.month - 1 + months, 12)
                day = date(y, mo + 1, min(day0.day, _month_end(y, mo + 1).day))
        except (ValueError, OverflowError):
            continue
        d.claims[i] = replace(c, text=text[m.start() : c.end], start=m.start(), value=_day_value(day))
        d.taken.append((m.start(), c.end))


WEEKDAY_BEFORE_RE = re.compile(
    rf"\b(?:the\s+)?(?:{_NTH}\s+)?(?P<wd>{_WEEKDAY_RE})\.?\s+(?P<dir>after|before)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def weekdays_around_days(d: _Dates) -> None:
    """'the Friday before Christmas', 'the third Tuesday after Christmas 2014': told from that day (#15).

    Runs before the weekday scanner, so the weekday is not read on its own from publication.
    """
    text = d.text
    for i, c, day0 in _single_days(d):
        m = WEEKDAY_BEFORE_RE.search(text, max(0, c.start - 40), c.start)
        if m is None or m.end() != c.start or not d.free(m.start(), c.start):
            continue
        n = _NTH_VALUE.get((m.group("n") or "first").lower()) or int(m.group("n")[0])
        if n < 0:
            n = 1  # "the last Friday before Christmas" is the Friday before it
        weekday = WEEKDAYS[m.group("wd").lower().rstrip(".")]
        if m.group("dir").lower() == "after":
            day = day0 + timedelta(days=(weekday - day0.weekday() - 1) % 7 + 1 + 7 * (n - 1))
        else:
            day = day0 - timedelta(days=(day0.weekday() - weekday - 1) % 7 + 1 + 7 * (n - 1))
        d.claims[i] = replace(c, text=text[m.start() : c.end], start=m.start(), value=_day_value(day))
        d.taken.append((m.start(), c.end))


ANAPHORIC_RE = re.compile(
    r"\b(?:(?P<part>earlier|later|early|late)\s+|(?:the\s+)?(?P<pof>end|close|beginning|start|middle)\s+of\s+)?(?:(?:in|on)\s+)?"
    r"(?P<which>that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+(?P<u>year|month|week|day)\b",
    re.IGNORECASE,
)
_ANAPHORIC_SHIFT = {
    "that": 0,
    "the same": 0,
    "the following": 1,
    "the next": 1,
    "the previous": -1,
    "the preceding": -1,
}
_FINE_ENOUGH = {"year": ("day", "month", "year"), "month": ("day", "month"), "week": ("day",), "day": ("day",)}
_WRITTEN_YEAR_RE = re.compile(r"(?:1[6-9]|20)\d\d\b")
_ANAPHORIC_HINT_RE = re.compile(
    r"\b(?:that|same|following|next|previous|preceding)\s+(?:year|month|week|day)\b|\b(?:earlier|later|before|after)\b",
    re.IGNORECASE,
)


# "two years later", "a month earlier", "a week after": counted from the date before them; "before"
# and "after" only at a clause's end ("a year before the war" is told from the war).
COUNTED_FROM_ANCHOR_RE = re.compile(
    rf"\b(?P<n>\d{{1,2}}|an?|{_NUM_WORDS_RE})\s+(?P<u>years?|months?|weeks?|days?)\s+"
    r"(?P<dir>earlier|later|(?:before|after)(?=\s*(?:[,.;:)]|$)))",
    re.IGNORECASE,
)
_UNIT_GRAIN = {"year": "year", "month": "month", "week": "day", "day": "day"}


def _anchor_before(d: _Dates, pos: int, unit: str) -> date | None:
    """Start of the latest date before `pos` in its sentence that writes its year, fine enough for `unit`."""
    s0, _ = _sentence_bounds(d.text, pos)
    anchors = [
        (c.end, c.value.start)
        for c in d.claims
        if s0 <= c.start
        and c.end <= pos
        and isinstance(c.value, DateValue)
        and c.value.start is not None
        and c.value.granularity in _FINE_ENOUGH[unit]
        and _WRITTEN_YEAR_RE.search(c.text)
    ]
    return max(anchors)[1] if anchors else None


def _shifted_from(first: date, unit: str, k: int, note: str) -> DateValue:
    """The year, month or day `k` units from `first`."""
    if unit == "year":
        return _year_value(first.year + k, note)
    if unit == "month":
        y, mo = divmod(first.year * 12 + first.month - 1 + k, 12)
        return _month_value(y, mo + 1, note)
    day = first + timedelta(days=k * (7 if unit == "week" else 1))
    return DateValue(day, day, "day", note)


THEN_RE = re.compile(r"\b(?P<prep>until|till|by|since)\s+then\b", re.IGNORECASE)
_THEN_GRAINS = ("day", "month", "year")


def _scan_then(d: _Dates) -> None:
    """'until then', 'by then', 'since then': the latest date before, in its sentence or the one before (#15).

    "All rights end on Nov. 30. Until then, the stock remains convertible": Nov. 30, an end point.
    "since then" runs from that date to publication. Without a plain day, month or year to point
    back to (a window, a range, nothing), nothing is claimed.
    """
    text = d.text
    for m in THEN_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        s0, _ = _sentence_bounds(text, m.start())
        first = _sentence_bounds(text, s0 - 2)[0] if s0 >= 2 else s0
        before = [
            (c.end, c.value)
            for c in d.claims
            if first <= c.start
            and c.end <= m.start()
            and isinstance(c.value, DateValue)
            and c.value.start is not None
            and c.value.granularity in _THEN_GRAINS
            and c.value.note.split(",")[0] not in ("since", "window")
        ]
        if not before:
            continue
        value = max(before, key=lambda pair: pair[0])[1]
        prep = m.group("prep").lower()
        if prep == "since":
            if d.published is None or value.start is None or value.start > d.published:
                continue
            d.add(m.start(), m.end(), DateValue(value.start, d.published, value.granularity, "since"), "since")
        elif prep == "by":
            d.add(m.start(), m.end(), DateValue(value.start, value.end, value.granularity, ""))
        else:
            d.add(m.start(), m.end(), DateValue(value.start, value.end, value.granularity, "until"), "until")


def scan_anaphoric(d: _Dates) -> None:
    """'that year', 'the following week', 'the end of that month', 'the next day': told from the date before them.

    The anchor is the latest date before the phrase in its own sentence that writes its year
    ("in June 1998 ... later that year" -> 1998; "On May 22, 1995, ... the following year" ->
    1996). Without such an anchor nothing is claimed: the publication date is not what "that
    year" refers to (#15).
    """
    text = d.text
    if " then" in text.lower():
        _scan_then(d)
    if not _ANAPHORIC_HINT_RE.search(text):
        return
    for m in ANAPHORIC_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        unit = m.group("u").lower()
        first = _anchor_before(d, m.start(), unit)
        if first is None:
            continue
        shift = _ANAPHORIC_SHIFT[re.sub(r"\s+", " ", m.group("which").lower())]
        part = (m.group("part") or "").lower() or PART_WORDS.get((m.group("pof") or "").lower(), "")
        if unit == "week":  # "the following week": the Monday-to-Sunday week after the anchor's
            d.add(m.start(), m.end(), _week_value(first + timedelta(weeks=shift), part))
            continue
        d.add(m.start(), m.end(), _shifted_from(first, unit, shift, part))
    for m in COUNTED_FROM_ANCHOR_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        unit = m.group("u").lower().rstrip("s")
        n = _count(m.group("n"))
        first = _anchor_before(d, m.start(), _UNIT_GRAIN[unit])
        if n is None or first is None:
            continue
        sign = -1 if m.group("dir").lower() in ("earlier", "before") else 1
        try:
            d.add(m.start(), m.end(), _shifted_from(first, unit, sign * n, "counted"))
        except (ValueError, OverflowError):
            continue
