"""Dates relative to publication: "yesterday", "last week", "3 days ago", weekdays."""

from __future__ import annotations

import re
from datetime import date, timedelta

from factcheck.lexicon.calendar import FULL_WEEKDAYS, WEEKDAYS
from factcheck.records import Claim, DateValue
from factcheck.stages.claims.dates import (
    _MONTH_RE,
    AGO_RE,
    RELATIVE_RE,
    WEEKDAY_RE,
    _Dates,
    _month_value,
    _no_date,
    _scan_days,
    _scan_holidays,
    _scan_months,
    _scan_years,
    _week_value,
    _year_value,
)
from factcheck.stages.claims.numbers import parse_number
from factcheck.stages.claims.tense import _tense


def _weekday_date(published: date, weekday: int, prep: str, after: str, tense: str) -> tuple[date, str]:
    """Resolve a weekday against the publication date; returns the day and the direction used."""
    prep = re.sub(r"\s+", " ", prep.lower())
    after = re.sub(r"\s+", " ", after.lower().strip())
    this_monday = published - timedelta(days=published.weekday())
    if after in ("of next week", "next week"):
        return this_monday + timedelta(weeks=1, days=weekday), "future"
    if after in ("of last week", "last week"):
        return this_monday - timedelta(weeks=1) + timedelta(days=weekday), "past"
    if after == "of this week":
        return this_monday + timedelta(days=weekday), ""
    if after == "after next":
        return this_monday + timedelta(weeks=2, days=weekday), "future"
    if after == "before last":
        return published - timedelta(days=(published.weekday() - weekday - 1) % 7 + 1) - timedelta(weeks=1), "past"
    if prep == "next":
        return this_monday + timedelta(weeks=1, days=weekday), "future"
    if prep in ("last", "past", "this past"):
        return published - timedelta(days=(published.weekday() - weekday - 1) % 7 + 1), "past"
    if prep in ("coming", "this coming"):
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1), "future"
    if prep == "this" or tense == "future":
        return published + timedelta(days=(weekday - published.weekday()) % 7), "future"
    return published - timedelta(days=(published.weekday() - weekday) % 7), "past"


def _shifted(published: date, unit: str, k: int, note: str) -> DateValue:
    """The day, week, month or year `k` units from the publication date ("3 weeks ago": k = -3)."""
    if unit in ("day", "week", "fortnight"):
        day = published + timedelta(days=k * {"day": 1, "week": 7, "fortnight": 14}[unit])
        return DateValue(day, day, "day", note) if unit == "day" else _week_value(day, note)
    if unit == "month":
        y, mo = divmod(published.year * 12 + published.month - 1 + k, 12)
        return _month_value(y, mo + 1, note)
    return _year_value(published.year + k * (10 if unit == "decade" else 1), note)


def _scan_relative(d: _Dates) -> None:
    """'last week', 'earlier this year', 'yesterday', '11 days ago', 'in three weeks'."""
    text, published = d.text, d.published
    for m in AGO_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        n_s = (m.group("n") or m.group("n2") or "").lower()
        unit = (m.group("u") or m.group("u2")).lower().rstrip("s")
        direction = (m.group("dir") or "").lower()
        if m.group("n") and not direction:
            continue
        if direction in ("earlier", "before", "later") and not re.search(r"\b(?:ago|now)\b", m.group(0)):
            continue  # "a year earlier" is relative to another event, not the publication date
        n = {"a": 1.0, "an": 1.0, "a few": 3.0, "a couple of": 2.0, "several": 3.0}.get(n_s)
        if n is None:
            parsed = parse_number(n_s)
            if parsed is None:
                continue
            n = parsed[0]
        sign = 1 if (m.group("n2") or direction in ("from now", "hence", "later")) else -1
        granularity = {"fortnight": "week", "decade": "year"}.get(unit, unit)
        if published is None:
            d.add(m.start(), m.end(), _no_date(granularity))
            continue
        k = round(n)
        qual = re.sub(r"\s+", " ", (m.group("qual") or "").lower())
        note = "approximate" if qual or n_s in ("a few", "several") else ""
        try:
            value = _shifted(published, unit, sign * k, note)
            if sign < 0 and qual in ("more than", "over", "just over"):
                # "more than two weeks ago": before the point, read as up to twice as far back
                value = DateValue(_shifted(published, unit, -2 * k, note).start, value.end, value.granularity, qual)
            elif sign < 0 and qual in ("less than", "just under"):
                value = DateValue(value.start, published, value.granularity, qual)  # "less than a week ago"
        except (ValueError, OverflowError):
            continue
        d.add(m.start(), m.end(), value)
    for m in RELATIVE_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        unit = rel.split()[-1]
        granularity = unit if unit in ("year", "month", "week") else "day"
        if published is None:
            d.add(m.start(), m.end(), _no_date(granularity))
            continue
        p = published
        if "before yesterday" in rel or "after tomorrow" in rel:
            day = p + timedelta(days=-2 if "yesterday" in rel else 2)
            d.add(m.start(), m.end(), DateValue(day, day, "day"))
            continue
        words = rel.split()
        note = words[0] if words[0] in ("earlier", "later", "early", "late") else ""
        # "the past week" is the week up to now; "last week" the previous calendar week
        if rel.startswith("the "):
            shift = 0
        else:
            shift = (
                -1
                if re.search(r"\b(?:last|past|previous|yesterday)\b", rel)
                else 1
                if re.search(r"\b(?:next|coming|tomorrow)\b", rel)
                else 0
            )
        if granularity == "day":
            day = p + timedelta(days=shift)
            value = DateValue(day, day, "day")
        elif granularity == "week":
            value = _week_value(p + timedelta(weeks=shift), note)
        elif granularity == "month":
            y, mo = divmod(p.year * 12 + p.month - 1 + shift, 12)
            value = _month_value(y, mo + 1, note)
        else:
            value = _year_value(p.year + shift, note)
        d.add(m.start(), m.end(), value)


def _scan_weekdays(d: _Dates) -> None:
    """Weekdays resolved by their clause's tense ('met Monday', 'will meet on Tuesday')."""
    text, published = d.text, d.published
    for m in WEEKDAY_RE.finditer(text):
        if not d.free(m.start("wd"), m.end("wd")):
            continue
        wd = m.group("wd")
        alone = len(text.strip()) <= len(m.group(0)) + 1
        if wd.lower() not in FULL_WEEKDAYS and not alone and (wd[0].islower() or wd.lower() in ("sun", "sat", "wed")):
            continue  # "sun", "sat", "wed" are words first; abbreviations count only capitalised or alone
        after = text[m.end() : m.end() + 14]
        if re.match(r",?\s+(?:the\s+)?(?:\d|" + _MONTH_RE + r")", after, re.IGNORECASE) and not m.group("after"):
            continue  # "Thursday, Oct. 12" is dated by the date beside it
        weekday = WEEKDAYS[wd.lower().rstrip(".")]
        if published is None:
            d.add(m.start(), m.end(), _no_date("day"))
            continue
        prep = m.group("prep") or ""
        tense = "" if prep.lower() in ("last", "next", "this", "coming", "past") else _tense(text, m.start(), m.end())
        day, direction = _weekday_date(published, weekday, prep, m.group("after") or "", tense)
        end = m.end()
        if not m.group("after") and wd.lower() not in FULL_WEEKDAYS and text[end : end + 1] == ".":
            end += 1  # "Mon.": the dot belongs to the abbreviation
        d.add(m.start(), end, DateValue(day, day, "day", direction))


def extract_dates(text: str, published: date | None) -> list[Claim]:
    """Dates and date ranges in `text`, resolved against the publication date.

    Example:
        >>> [c.value.start.isoformat() for c in extract_dates("They met on Monday.", date(2023, 10, 17))]
        ['2023-10-16']
    """
    d = _Dates(text, published)
    _scan_holidays(d)
    _scan_days(d)
    _scan_months(d)
    _scan_relative(d)
    _scan_years(d)
    _scan_weekdays(d)
    return d.claims
