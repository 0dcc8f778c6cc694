"""Dates relative to publication: "yesterday", "last week", "3 days ago", weekdays, and windows.

A window is a date range that ends at publication: "in the past 24 hours", "within the past
two weeks", "over the last three months", "in recent days" (approximate: a week), and "since
12 March" (from that day to publication). "the next 3 days" starts the day after publication.
"until 1 June" keeps its day and is noted as an end point. A window counts whole units from the
publication day and reaches to the edge of the calendar unit it ends in, so that it holds both
readings ("the past 2 weeks" published Tuesday 12 Feb is Monday 28 Jan..12 Feb).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from factcheck.lexicon.calendar import FULL_WEEKDAYS, WEEKDAYS
from factcheck.records import Claim, DateValue
from factcheck.stages.claims.anchored import scan_anaphoric, scan_anchored, shift_by_counts, weekdays_around_days
from factcheck.stages.claims.dates import (
    _MONTH_RE,
    AGO_RE,
    RELATIVE_RE,
    WEEKDAY_RE,
    _date_tense,
    _Dates,
    _month_value,
    _no_date,
    _period_value,
    _scan_days,
    _scan_holidays,
    _scan_months,
    _scan_years,
    _week_value,
    _year_value,
    part_by_tense,
)
from factcheck.stages.claims.numbers import _NUM_WORDS_RE, parse_number
from factcheck.stages.claims.tense import _sentence_bounds


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
    if after == "after next":  # not the coming one but the one after it
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 8), "future"
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
        sign = 1 if (m.group("n2") or direction.startswith("from") or direction in ("hence", "later")) else -1
        granularity = {"fortnight": "week", "decade": "year"}.get(unit, unit)
        if published is None:
            d.add(m.start(), m.end(), _no_date(granularity))
            continue
        k = round(n)
        qual = re.sub(r"\s+", " ", (m.group("qual") or "").lower())
        note = "approximate" if qual or n_s in ("a few", "several") or m.group("orso") else ""
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
        rel = re.sub(r"\s+", " ", m.group("rel").lower()).replace(" yr", " year")
        unit = rel.split()[-1]
        granularity = unit if unit in ("year", "month", "week", "decade") else "day"
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
        if rel.startswith("the ") and _OF_AFTER_RE.match(text, m.end()):
            continue  # "the last week of the season", "the past year of his life": a part of something else
        if _told_from_written_date(text, m.start(), rel):
            continue  # "in 1998 ... the next year": told from 1998 (`anchored.scan_anaphoric`)
        if rel.startswith("the ") or (granularity == "decade" and re.search(r"\b(?:last|past|previous)\b", rel)):
            # "the past week", "the last year": the 7 or 365 days up to publication, a window as "the
            # past two weeks" is; "last week" is the previous calendar week; "(the) last decade" the
            # ten years up to publication (#15)
            d.add(m.start(), m.end(), DateValue(_window_edge(p, granularity, -1), p, "window", "window"))
            continue
        shift = (
            -1
            if re.search(r"\b(?:last|past|previous|yesterday)\b", rel)
            else 1
            if re.search(r"\b(?:next|coming|upcoming|tomorrow)\b", rel)
            else 0
        )
        if granularity == "day":
            day = p + timedelta(days=shift)
            value = DateValue(day, day, "day")
        elif granularity == "decade":  # "this decade": the calendar decade; "the past decade" is a window above
            first = p.year // 10 * 10 + 10 * shift
            value = DateValue(date(first, 1, 1), date(first + 9, 12, 31), "decade", note)
        else:
            value = _period_value(p, granularity, shift, note)
            if shift == 0:
                value = part_by_tense(text, m.start(), m.end(), value, p)  # "left late this week", on a Tuesday
        d.add(m.start(), m.end(), value)


_OF_AFTER_RE = re.compile(r"\s+of\b", re.IGNORECASE)
_THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_WRITTEN_YEAR_RE = re.compile(r"(?<![\w$€£¥.,])(?:1[6-9]|20)\d\d\b")


def _told_from_written_date(text: str, start: int, rel: str) -> bool:
    """Whether "the next year", "the previous month" at `start` follows a year its sentence writes.

    Then it is told from that date, not from publication ("He joined in 1998 and left the next
    year": 1999).
    """
    words = rel.split()
    if words[0] == "the":
        words = words[1:]
    elif not _THE_BEFORE_RE.search(text, max(0, start - 5), start):
        return False
    if words[0] not in ("next", "previous"):
        return False
    s0, _ = _sentence_bounds(text, start)
    return bool(_WRITTEN_YEAR_RE.search(text, s0, start))


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
        if (
            re.match(r",?\s+(?:the\s+)?(?:\d|" + _MONTH_RE + r")", after, re.IGNORECASE)
            and not m.group("after")
            and not d.free(m.end(), m.end() + len(after))
        ):
            continue  # "Thursday, Oct. 12" is dated by the date beside it ("Saturday, 69 percent" is not)
        weekday = WEEKDAYS[wd.lower().rstrip(".")]
        if published is None:
            d.add(m.start(), m.end(), _no_date("day"))
            continue
        prep = m.group("prep") or ""
        tense = (
            "" if prep.lower() in ("last", "next", "this", "coming", "past") else _date_tense(text, m.start(), m.end())
        )
        if not prep and _POSSESSIVE_RE.match(text, m.end()) and not _AHEAD_OF_RE.search(text, 0, m.start()):
            tense = "past"  # "Wednesday's ruling": an event news names by its day has happened (#15)
        day, direction = _weekday_date(published, weekday, prep, m.group("after") or "", tense)
        end = m.end()
        if not m.group("after") and wd.lower() not in FULL_WEEKDAYS and text[end : end + 1] == ".":
            end += 1  # "Mon.": the dot belongs to the abbreviation
        d.add(m.start(), end, DateValue(day, day, "day", direction))


_POSSESSIVE_RE = re.compile(r"['’]s\b")
_AHEAD_OF_RE = re.compile(r"\b(?:ahead\s+of|before|until|till|awaiting|await|for|to)\s+$", re.IGNORECASE)
_WINDOW_UNITS = {"hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365, "decade": 3650}
WINDOW_RE = re.compile(
    rf"\b(?:(?P<prep>in|over|during|within|for|throughout)\s+)?(?:the\s+)?(?P<dir>past|last|previous|next|coming|upcoming)\s+"
    rf"(?P<n>\d+(?:\.\d+)?|an?|few|couple\s+of|several|{_NUM_WORDS_RE})\s+(?P<u>hours?|days?|weeks?|fortnights?|months?|years?|decades?)\b"
    rf"|\b(?P<prep2>in|over|during|within)\s+(?:the\s+)?(?P<dir2>past|last|previous|recent)\s+(?P<u2>hours|days|weeks|months|years)\b"
    rf"|\b(?P<recent>in\s+recent\s+(?P<u3>days|weeks|months|years))\b"
    # "the two upcoming weeks", "3 coming days": the same window, the count first
    rf"|\b(?:(?P<prep4>in|over|during|within|for|throughout)\s+)?(?:the\s+)?(?P<n4>\d+|few|couple\s+of|several|{_NUM_WORDS_RE})"
    rf"\s+(?P<dir4>upcoming|coming|past)\s+(?P<u4>hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)


def _window_edge(published: date, unit: str, n: float) -> date:
    """The far end of a window of `n` units from publication (`n` < 0: back in time).

    A window holds every day its words may mean. "The past two months" is read both as the 60 days
    up to publication and as the two calendar months before this one (Duckling's reading), so
    published 12 Feb it starts on 1 Dec: a week, fortnight, month or year reaches to the edge of
    the calendar unit the count ends in, wider than the rolling count and never narrower. Hours,
    days and fractions count in days; whole decades in calendar years ("the past decade" from 1 Jan
    2000 starts on 1 Jan 1990).
    """
    if unit == "decade" and n == int(n):
        try:
            return published.replace(year=published.year + 10 * int(n))
        except ValueError:  # 29 February
            return published.replace(year=published.year + 10 * int(n), day=28)
    if unit == "year" and n == int(n):
        year = published.year + int(n)
        return date(year, 1, 1) if n < 0 else date(year, 12, 31)
    days = max(1, round(abs(n) * _WINDOW_UNITS[unit]))
    edge = published + timedelta(days=days if n > 0 else -days)
    if unit in ("week", "fortnight", "month") and n == int(n):
        period = _period_value(edge, "month" if unit == "month" else "week", 0)
        assert period.start is not None and period.end is not None
        return period.start if n < 0 else period.end
    return edge


_WINDOW_HINT_RE = re.compile(r"\b(?:past|last|previous|next|coming|upcoming|recent)\b", re.IGNORECASE)
_ONE_OF = {"a": 1.0, "an": 1.0, "few": 3.0, "couple of": 2.0, "several": 3.0}


def _scan_windows(d: _Dates) -> None:
    """Windows that end (or start) at publication: 'the past 24 hours', 'in recent days', 'next 3 weeks'."""
    text, published = d.text, d.published
    if not _WINDOW_HINT_RE.search(text):
        return  # most sentences have no window; the full pattern is slow (#15: speed)
    for m in WINDOW_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        unit = (m.group("u") or m.group("u2") or m.group("u3") or m.group("u4")).lower().rstrip("s")
        n_s = re.sub(r"\s+", " ", (m.group("n") or m.group("n4") or "").lower())
        if n_s:
            n = _ONE_OF.get(n_s)
            if n is None:
                parsed = parse_number(n_s)
                if parsed is None:
                    continue
                n = parsed[0]
            approximate = n_s in ("few", "several")
        else:
            n, approximate = (1.0 if unit == "hour" else 7.0 / _WINDOW_UNITS[unit]), True
        direction = (m.group("dir") or m.group("dir2") or m.group("dir4") or "past").lower()
        if published is None:
            d.add(m.start(), m.end(), _no_date("window"))
            continue
        note = "window" + (", approximate" if approximate else "")
        if direction in ("next", "coming", "upcoming"):
            value = DateValue(published + timedelta(days=1), _window_edge(published, unit, n), "window", note)
        else:
            value = DateValue(_window_edge(published, unit, -n), published, "window", note)
        d.add(m.start(), m.end(), value)


_END_OF_RE = re.compile(r"\bend\b", re.IGNORECASE)


def _end_of_period_since(surface: str, value: DateValue, published: date) -> DateValue:
    """The day "since year-end" / "since the end of the month" counts from: the period's last day.

    The period is the latest one that has ended by publication: "the percentage change since
    year-end" in October is since 31 December of the year before (#15). Other values are returned
    as they are ("since late 2012" stays the year: a vague part of it).
    """
    if value.note != "late" or value.end is None or not _END_OF_RE.search(surface):
        return value
    last = value.end
    if last > published:
        if value.granularity == "year":
            last = date(last.year - 1, 12, 31)
        elif value.granularity == "month":
            last = last.replace(day=1) - timedelta(days=1)
        elif value.granularity == "week":
            last -= timedelta(weeks=1)
        else:
            return value
    return DateValue(last, last, "day", "")


def _open_to_publication(d: _Dates) -> None:
    """'since 12 March' runs to publication; 'until 1 June' is noted as an end point."""
    text, published = d.text, d.published
    for i, c in enumerate(d.claims):
        before = text[max(0, c.start - 11) : c.start].lower()
        value = c.value
        if not isinstance(value, DateValue) or value.start is None:
            continue
        since = re.search(r"\bsince\s+(?:the\s+)?$", before)
        if since and published is not None:
            value = _end_of_period_since(c.text, value, published)
            first = value.start
            if first is None:
                continue
            if first > published and value.granularity in ("day", "month") and not re.search(r"\d{4}", c.text):
                first = first.replace(year=first.year - 1)  # since: the past one
                value = replace(value, start=first)
            if first <= published:
                start = c.start - len(before) + since.start()
                d.claims[i] = replace(
                    c,
                    text=text[start : c.end],
                    start=start,
                    value=replace(value, end=published, note="since"),
                    qualifier="since",
                )
        elif re.search(r"\b(?:until|till|through)\s+$", before) and not value.note:
            d.claims[i] = replace(c, value=replace(value, note="until"), qualifier="until")


FISCAL_RE = re.compile(
    r"\b(?:(?:the\s+)?(?P<rel>current|this|present|last|previous|past|latest|most\s+recent|next|coming)\s+fiscal\s+year"
    r"|fiscal(?:\s+year)?\s+(?P<y>(?:1[6-9]|20)\d\d)|(?P<the>the\s+(?:full\s+|fiscal\s+|full\s+fiscal\s+)year"
    r"|(?<=\bfor\s)the\s+year|(?<=\bmonths\sof\s)the\s+year|(?<=\bhalf\sof\s)the\s+year"
    r"|(?P<part>earlier|later)\s+in\s+the\s+year))\b"
    r"(?![-\s]+(?:earlier|ago|before|after)\b)",
    re.IGNORECASE,
)
_FISCAL_SHIFT = {"current": 0, "this": 0, "present": 0, "next": 1, "coming": 1}
# "a year before" only at a clause's end: "a year before the election" is told from the election.
YEAR_EARLIER_RE = re.compile(
    r"\b(?:(?:a|one)\s+year\s+(?:earlier|before(?=\s*(?:[,.;:)]|$)))|(?<![\w-])year-(?:earlier|ago))\b", re.IGNORECASE
)
YEAR_END_RE = re.compile(
    r"\b(?:(?:the\s+)?year[-\s]end|(?:the\s+)?year'?s\s+end)\b(?!,?\s+(?:of\s+)?(?:1[6-9]|20)\d\d)", re.IGNORECASE
)
WEEKEND_RE = re.compile(
    r"\b(?:(?P<prep>over|at|during|on|for|throughout)\s+)?(?P<det>the|this|last|next|this\s+past|this\s+coming|past|coming)"
    r"\s+weekend\b",
    re.IGNORECASE,
)
REST_OF_RE = re.compile(
    r"\b(?:the\s+)?(?:rest|remainder|balance)\s+of\s+(?:the|this)\s+(?P<u>week|month|year)\b", re.IGNORECASE
)
_ABSOLUTE_YEAR_RE = re.compile(r"(?<![\w$€£¥.,])(?:1[6-9]|20)\d\d\b(?!,\d|\.\d)")


def _own_sentence_years(text: str, start: int, end: int) -> set[int]:
    """The years the sentence around [start, end) writes outside that span."""
    s0, s1 = _sentence_bounds(text, start)
    sentence = text[s0:start] + " " + text[end:s1]
    return {int(y.group(0)) for y in _ABSOLUTE_YEAR_RE.finditer(sentence)}


def _own_sentence_has_year(text: str, start: int, end: int) -> bool:
    """Whether the sentence around [start, end) names a year of its own (then "a year earlier" is told from it)."""
    return bool(_own_sentence_years(text, start, end))


def _year_before_publication(text: str, start: int, end: int, published: date) -> bool:
    """Whether "a year earlier" / "year-ago" at [start, end) is the year before publication.

    With no other year in its sentence it is told from publication. "a year earlier" told from a
    year the sentence writes is that year's previous one: the readings agree only when that year is
    the publication's. "year-ago" ("the year-ago quarter") is always a year before the period being
    reported, so a sentence naming that year-ago period itself (the year before publication) or the
    current one agrees too (#15).
    """
    years = _own_sentence_years(text, start, end)
    allowed = {published.year}
    if "-" in text[start:end]:
        allowed.add(published.year - 1)
    return years <= allowed


def _scan_fiscal(d: _Dates) -> None:
    """Fiscal and accounting years told from publication (#15).

    "this fiscal year", "the current fiscal year" -> the publication year; "last fiscal year" the one
    before; "fiscal 1989" that year (as TimeML codes them: the calendar year the fiscal year is named by,
    noted "fiscal"); "the full year", "the fiscal year" the publication year when their sentence names no
    year of its own; "year-end", "the year's end" that year, noted late; "a year earlier", "year-ago"
    the year before publication when their sentence names no other year (in news they compare a result
    with the same period a year before: "compared with $5 million a year earlier").
    """
    text, published = d.text, d.published
    lowered = text.lower()
    if "year" not in lowered and "fiscal" not in lowered:
        return
    for m in FISCAL_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        if m.group("y"):
            d.add(m.start(), m.end(), _year_value(int(m.group("y")), "fiscal"))
            continue
        if published is None:
            d.add(m.start(), m.end(), _no_date("year"))
            continue
        if m.group("the"):
            if _own_sentence_has_year(text, m.start(), m.end()):
                continue  # "the full year 1988", "in 1995 ... the fiscal year": told from that year
            if m.group("part"):  # "earlier in the year", as "earlier this year"
                d.add(m.start(), m.end(), _year_value(published.year, m.group("part").lower()))
                continue
            shift = 0
        else:
            rel = re.sub(r"\s+", " ", m.group("rel").lower())
            shift = _FISCAL_SHIFT.get(rel, -1)
        note = "fiscal" if "fiscal" in m.group(0).lower() else ""
        d.add(m.start(), m.end(), _year_value(published.year + shift, note))
    for m in YEAR_END_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        if published is None:
            d.add(m.start(), m.end(), _no_date("year"))
            continue
        if _own_sentence_has_year(text, m.start(), m.end()):
            continue
        d.add(m.start(), m.end(), _year_value(published.year, "late"))
    for m in YEAR_EARLIER_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        if published is None:
            if not _own_sentence_has_year(text, m.start(), m.end()):
                d.add(m.start(), m.end(), _no_date("year"))
            continue
        if not _year_before_publication(text, m.start(), m.end(), published):
            continue
        d.add(m.start(), m.end(), _year_value(published.year - 1, "earlier"))


def _scan_rest_of(d: _Dates) -> None:
    """'the rest of the year': a window from publication to the end of its week, month or year."""
    text, published = d.text, d.published
    lowered = text.lower()
    if "rest" not in lowered and "remainder" not in lowered and "balance" not in lowered:
        return
    for m in REST_OF_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        unit = m.group("u").lower()
        if published is None:
            d.add(m.start(), m.end(), _no_date(unit))
            continue
        if unit == "week":
            end = published + timedelta(days=6 - published.weekday())
        elif unit == "month":
            end = _month_value(published.year, published.month).end or published
        else:
            end = date(published.year, 12, 31)
        d.add(m.start(), m.end(), DateValue(published, end, "window", "window"))


def _scan_weekends(d: _Dates) -> None:
    """'the weekend', 'last weekend', 'this weekend': Saturday and Sunday, by tense like a weekday."""
    text, published = d.text, d.published
    if "weekend" not in text.lower():
        return
    for m in WEEKEND_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        if published is None:
            d.add(m.start(), m.end(), _no_date("weekend"))
            continue
        det = re.sub(r"\s+", " ", m.group("det").lower())
        this_saturday = published + timedelta(days=5 - published.weekday())  # of the publication's week
        if det in ("last", "past", "this past"):
            saturday = this_saturday - timedelta(weeks=1)
        elif det == "next":
            saturday = this_saturday + timedelta(weeks=1)
        elif det in ("this", "this coming", "coming"):
            saturday = this_saturday if published.weekday() < 6 or det == "this" else this_saturday + timedelta(weeks=1)
        elif _date_tense(text, m.start(), m.end()) == "future":
            saturday = this_saturday if published.weekday() < 6 else this_saturday + timedelta(weeks=1)
        else:  # "over the weekend" in news: the latest one begun by publication
            saturday = this_saturday if published.weekday() >= 5 else this_saturday - timedelta(weeks=1)
        d.add(m.start(), m.end(), DateValue(saturday, saturday + timedelta(days=1), "weekend"))


def extract_dates(text: str, published: date | None) -> list[Claim]:
    """Dates and date ranges in `text`, resolved against the publication date.

    Example:
        >>> [c.value.start.isoformat() for c in extract_dates("They met on Monday.", date(2023, 10, 17))]
        ['2023-10-16']
    """
    d = _Dates(text, published)
    _scan_windows(d)
    _scan_fiscal(d)
    _scan_rest_of(d)
    _scan_weekends(d)
    _scan_holidays(d)
    scan_anchored(d)
    _scan_days(d)
    _scan_months(d)
    _scan_relative(d)
    _scan_years(d)
    weekdays_around_days(d)
    _scan_weekdays(d)
    shift_by_counts(d)
    scan_anaphoric(d)
    _open_to_publication(d)
    return d.claims
