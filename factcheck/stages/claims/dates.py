"""Calendar dates: days, months, years, holidays, numeric dates, and their ranges."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from factcheck.lexicon.calendar import (
    FULL_MONTHS,
    FULL_WEEKDAYS,
    MONTH_NAMES,
    MONTH_PART_DAYS,
    PART_WORDS,
    PERIOD_PARTS,
    SEASONS,
    TIME_PHRASE_WORDS,
    WEEK_PART_DAYS,
    WEEKDAYS,
    YEAR_PART_MONTHS,
)
from factcheck.lexicon.function_words import STOP_AFTER
from factcheck.lexicon.numbers import ORDINALS, TENS, TENS_ORDINALS, UNITS
from factcheck.records import Claim, DateValue
from factcheck.stages.claims.base import _claim
from factcheck.stages.claims.events import _event_near
from factcheck.stages.claims.festivals import FESTIVALS
from factcheck.stages.claims.numbers import _NUM_WORDS_RE, ORDINAL_WORD_RE, _ordinal_value, _word_number
from factcheck.stages.claims.ranges import _QUAL_RE
from factcheck.stages.claims.tense import _sentence_bounds, _tense

_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTH_NAMES), key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True))


_BARE_WORDS = TIME_PHRASE_WORDS | set(MONTH_NAMES) | set(WEEKDAYS) | set(UNITS) | set(TENS)
_BARE_WORDS |= set(ORDINALS) | set(TENS_ORDINALS)


def _date_tense(text: str, start: int, end: int) -> str:
    """The tense that resolves the date at [start, end): its clause's, or 'future' for a bare phrase.

    A sentence that is nothing but time words ("Monday", "christmas", "12 to 16 september", "for 10
    days from 18th Dec") has no verb and so no tense; read alone, as on a schedule, a notice or a
    calendar, such a phrase names the coming date. It is then resolved as a clear future tense is:
    the coming occurrence when the nearest one lies well in the past. News sentences have verbs,
    and keep the nearest (and, for weekdays, the past) reading (#15).
    """
    tense = _tense(text, start, end)
    if tense:
        return tense
    return "future" if _bare_phrase(text, start, end) else ""


def _bare_phrase(text: str, start: int, end: int) -> bool:
    """Whether the sentence around [start, end) has nothing else but time words ("at the EOM")."""
    s0, s1 = _sentence_bounds(text, start)
    rest = text[s0:start] + " " + text[end:s1]
    return all(w in _BARE_WORDS for w in re.findall(r"[^\W\d_]+", rest.lower()))


def _no_date(granularity: str) -> DateValue:
    """A relative date that cannot be resolved without a publication date."""
    return DateValue(None, None, granularity, "no publication date: cannot resolve")


def _month_end(year: int, month: int) -> date:
    """Last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_value(year: int, month: int, note: str = "") -> DateValue:
    """A whole month, or the part its note names ("late": the 21st to the last day)."""
    first, last = date(year, month, 1), _month_end(year, month)
    if note in MONTH_PART_DAYS:
        lo, hi = MONTH_PART_DAYS[note]
        first, last = first.replace(day=lo), last.replace(day=min(hi, last.day))
    return DateValue(first, last, "month", note)


def _year_value(year: int, note: str = "") -> DateValue:
    """A whole year, or the part its note names ("early": January to April)."""
    lo, hi = YEAR_PART_MONTHS.get(note, (1, 12))
    return DateValue(date(year, lo, 1), _month_end(year, hi), "year", note)


def _week_value(day: date, note: str = "") -> DateValue:
    """The Monday-to-Sunday week around a day, or the part its note names ("late": Friday to Sunday)."""
    monday = day - timedelta(days=day.weekday())
    lo, hi = WEEK_PART_DAYS.get(note, (0, 6))
    return DateValue(monday + timedelta(days=lo), monday + timedelta(days=hi), "week", note)


def containing_period(value: DateValue) -> DateValue:
    """The whole week, month or year a part of it lies in ("late March" -> March); other values as they are.

    A part is narrowed by convention (`MONTH_PART_DAYS`...): two parts that do not meet may still
    be one writer's "late March" and another's "March 18", so the comparison tests the whole
    periods for a contradiction.
    """
    start = value.start
    if value.note not in PERIOD_PARTS or start is None or value.granularity not in ("week", "month", "year"):
        return value
    if value.granularity == "week":
        return _week_value(start)
    if value.granularity == "month":
        return _month_value(start.year, start.month)
    return _year_value(start.year)


def part_by_tense(text: str, start: int, end: int, value: DateValue, published: date) -> DateValue:
    """A part of the current period, or the whole period when the part lies wholly on the side of
    publication its clause's tense denies.

    "At the end of the week, the mayor resigned", published on a Tuesday, cannot be this week's
    Friday to Sunday, and "gave him until mid-November" is a deadline a past clause sets: the
    whole period, noted, is what such a text says for certain (as before parts were narrowed).
    "since the end of the month" is counted from the last one ended (`relative._end_of_period_since`).
    """
    if value.start is None or value.end is None or value.note not in PERIOD_PARTS:
        return value
    if _SINCE_BEFORE_RE.search(text, max(0, start - 12), start):
        return value
    tense = _date_tense(text, start, end)
    if (tense == "past" and value.start > published) or (tense == "future" and value.end < published):
        whole = containing_period(value)
        return DateValue(whole.start, whole.end, whole.granularity, value.note)
    return value


_SINCE_BEFORE_RE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)


def _part_note(part: str) -> str:
    """The note of a part's words ("end of" -> "late", "mid" -> "mid"); other words as they are ("post")."""
    word = part.split()[0] if part else ""
    return PART_WORDS.get(word, part)


def _period_value(published: date, unit: str, shift: int, note: str = "") -> DateValue:
    """The week, month or year `shift` periods from the one holding `published` ("next month": 1)."""
    if unit == "week":
        return _week_value(published + timedelta(weeks=shift), note)
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + shift, 12)
        return _month_value(year, month + 1, note)
    return _year_value(published.year + shift, note)


def _pick(candidates: Sequence[date], published: date, tense: str, *, slack: int) -> date:
    """The candidate nearest to `published`, unless the tense points the other way by more than `slack` days."""
    nearest = min(candidates, key=lambda c: (abs((c - published).days), c > published))
    if tense == "past" and (nearest - published).days > slack:
        past = [c for c in candidates if c <= published]
        return max(past) if past else nearest
    if tense == "future" and (published - nearest).days > slack:
        future = [c for c in candidates if c >= published]
        return min(future) if future else nearest
    return nearest


def _guess_year(month: int, day: int, published: date | None, tense: str) -> int | None:
    """Year of a day given without one: the nearest occurrence, unless tense says otherwise."""
    if published is None:
        return None
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    return _pick(candidates, published, tense, slack=60).year


def _guess_month_year(month: int, published: date, tense: str) -> int:
    """Year of a month given without one."""
    candidates = [date(y, month, 15) for y in (published.year - 1, published.year, published.year + 1)]
    current = date(published.year, published.month, 15)
    if month == published.month:
        return published.year
    return _pick(candidates, current, tense, slack=60).year


def _easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (or, with n = -1, last) weekday of a month."""
    if n < 0:
        last = _month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


HOLIDAYS: dict[str, Any] = {
    r"christmas\s+eve": lambda y: date(y, 12, 24),
    r"christmas(?:\s+day)?|xmas": lambda y: date(y, 12, 25),
    r"boxing\s+day": lambda y: date(y, 12, 26),
    r"new\s+year'?s\s+eve": lambda y: date(y, 12, 31),
    r"new\s+year'?s(?:\s+day)?": lambda y: date(y, 1, 1),
    r"valentine'?s?\s+day": lambda y: date(y, 2, 14),
    r"halloween": lambda y: date(y, 10, 31),
    r"independence\s+day|(?:the\s+)?fourth\s+of\s+july": lambda y: date(y, 7, 4),
    r"(?:st\.?|saint)\s+(?:patrick|paddy)'?s?\s+day": lambda y: date(y, 3, 17),
    r"veterans'?\s+day|armistice\s+day": lambda y: date(y, 11, 11),
    r"thanksgiving(?:\s+day)?": lambda y: _nth_weekday(y, 11, 3, 4),
    r"black\s+friday": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=1),
    r"(?:martin\s+luther\s+king(?:,?\s+jr\.?)?'?s?|mlk(?:\s+jr\.?)?|civil\s+rights)\s+day": lambda y: _nth_weekday(
        y, 1, 0, 3
    ),
    r"presidents'?\s+day|washington'?s\s+birthday": lambda y: _nth_weekday(y, 2, 0, 3),
    r"memorial\s+day": lambda y: _nth_weekday(y, 5, 0, -1),
    r"labou?r\s+day": lambda y: _nth_weekday(y, 9, 0, 1),
    r"columbus\s+day": lambda y: _nth_weekday(y, 10, 0, 2),
    r"election\s+day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),  # US: Tuesday after 1st Monday
    r"mother'?s'?\s+day": lambda y: _nth_weekday(y, 5, 6, 2),
    r"father'?s'?\s+day": lambda y: _nth_weekday(y, 6, 6, 3),
    r"easter\s+mon(?:day)?": lambda y: _easter(y) + timedelta(days=1),
    r"easter(?:\s+sunday)?": _easter,
    r"good\s+friday": lambda y: _easter(y) - timedelta(days=2),
    r"maundy\s+thursday": lambda y: _easter(y) - timedelta(days=3),
    r"palm\s+sunday": lambda y: _easter(y) - timedelta(days=7),
    r"ash\s+wednesday": lambda y: _easter(y) - timedelta(days=46),
    r"mardi\s+gras|pancake\s+day|shrove\s+tuesday": lambda y: _easter(y) - timedelta(days=47),
    r"pentecost|whit\s+sunday|white\s+sunday": lambda y: _easter(y) + timedelta(days=49),
    r"whit\s+monday": lambda y: _easter(y) + timedelta(days=50),
    r"trinity\s+sunday": lambda y: _easter(y) + timedelta(days=56),
    r"ascension\s+day": lambda y: _easter(y) + timedelta(days=39),
}
HOLIDAYS[r"lent"] = lambda y: (_easter(y) - timedelta(days=46), _easter(y) - timedelta(days=1))
# The lunar and lunisolar holidays first: "Chinese New Year" before "New Year", "Orthodox Easter" before "Easter".
_ALL_HOLIDAYS: dict[str, Any] = {**FESTIVALS, **HOLIDAYS}
_HOLIDAY_ALT = "|".join(f"(?:{k})" for k in _ALL_HOLIDAYS)
HOLIDAY_RE = re.compile(
    rf"\b(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<h>{_HOLIDAY_ALT})\b(?:,?\s+(?:of\s+|in\s+)?(?P<y>(?:1[6-9]|20)\d\d)\b"
    r"|\s+(?:of\s+)?(?P<yrel>last|next|this)\s+year\b)?",
    re.IGNORECASE,
)
_HOLIDAY_FNS = [(re.compile(rf"(?:{k})$", re.IGNORECASE), fn) for k, fn in _ALL_HOLIDAYS.items()]
# The names alone, matched on lower-cased text: a cheap test that most sentences fail (#15: speed).
_HOLIDAY_NAME_RE = re.compile(rf"\b(?=[a-z])(?:{_HOLIDAY_ALT})\b")


def _holiday_span(fn: Any, year: int) -> tuple[date, date] | None:
    """A holiday's (first, last) day in a year: HOLIDAYS give a day, FESTIVALS a span or None."""
    try:
        got = fn(year)
    except ValueError:
        return None
    if got is None:
        return None
    return (got, got) if isinstance(got, date) else got


_DAY_RE = r"(?P<{n}>(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?|" + ORDINAL_WORD_RE + ")"
DATE_RANGE_RE = re.compile(
    rf"\b(?:from\s+|between\s+)?(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y0>\d{{4}}))?\s*(?:-|–|to|and|through|until|till)\s*"
    rf"(?:(?P<m2>{_MONTH_RE})\.?\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?"
    rf"|\b(?:from\s+|between\s+)?(?:the\s+)?(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:(?:of\s+)?(?P<m4>{_MONTH_RE})\.?\s*)?(?:-|–|to|and|through|until|till)\s*(?:the\s+)?(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m3>{_MONTH_RE})\b\.?(?:,?\s+(?P<y2>\d{{4}}))?",
    re.IGNORECASE,
)
DATE_DAY_RE = re.compile(
    rf"(?:\b(?P<wd>{_WEEKDAY_RE})\.?,?\s+(?:the\s+)?)?"
    rf"(?:\b(?P<m>{_MONTH_RE})\.?\s*(?:the\s+)?{_DAY_RE.format(n='d')}\b(?:,?\s+(?P<y>\d{{4}}|'\d\d)\b)?"
    rf"|\b(?:the\s+)?{_DAY_RE.format(n='d2')}\s*(?:of\s+|-|/)?(?P<m2>{_MONTH_RE})\b\.?(?:,?\s+(?P<y2>\d{{4}}|'\d\d)\b|[-/](?P<y3>\d{{4}}|\d\d)\b|\s(?P<y4>\d\d)\b(?![,.]?\s*\w))?)"
    rf"(?:,?\s+(?P<wd2>{_WEEKDAY_RE})\b\.?)?",
    re.IGNORECASE,
)
NUMERIC_DATE_RE = re.compile(
    r"(?<![\w/.:-])(?:(?P<iy>(?:1[6-9]|20)\d\d)[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
    r"|(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"|(?P<sa>\d{1,2})\s?/\s?(?P<sb>\d{1,2}))(?![\w/-]|\.\d)",
)
# "2014-10", "2014/10", "2/2013": a month; "2010-11" (the next year's last digits) is a span of years.
NUMERIC_MONTH_RE = re.compile(
    r"(?<![\w/.:-])(?:(?P<y>(?:1[6-9]|20)\d\d)[-/](?P<m>0[1-9]|1[0-2])|(?P<m2>0?[1-9]|1[0-2])/(?P<y2>(?:1[6-9]|20)\d\d))"
    r"(?![\w/-]|[.,]\d)"
)
MONTH_YEAR_RE = re.compile(
    rf"\b(?:(?P<since>since|in|from|until|by|during|through|before|after)\s+)?(?:the\s+)?"
    rf"(?:(?P<part>early|mid|late|end\s+of|close\s+of|beginning\s+of|start\s+of|middle\s+of)[\s-]+(?:of\s+)?)?"
    rf"(?:(?P<rel0>last|this|next|past|coming)\s+)?(?P<m>{_MONTH_RE})\b\.?(?:,?\s+(?:of\s+)?(?P<y>(?:1[6-9]|20)\d\d)\b(?!\s*(?:-|–)\s*\d)|\s+(?:of\s+)?(?P<rel>last|this|next) year\b"
    r"|\s+(?P<after_next>after\s+next)\b(?!\s+(?:week|month|year|season|time|\w+day)\b)"
    r"|\s+in\s+(?P<in_years>an?|one|two|three|four|five|[1-5])\s+years?(?:['’]s?\s+time)?\b(?!\s+(?:of|when|that|which|since|after|before|in)\b))?",
    re.IGNORECASE,
)
_WORD_YEAR_RE = (
    rf"(?:(?:nineteen|eighteen|twenty)[\s-]+(?:(?:{'|'.join(TENS)})(?:[\s-]+(?:{'|'.join(list(UNITS)[1:10])}))?"
    rf"|(?:oh|o)[\s-]+(?:{'|'.join(list(UNITS)[1:10])})|(?:{'|'.join(list(UNITS)[10:])})|hundred)"
    rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{'|'.join([*list(UNITS)[1:], *TENS])})(?:[\s-]+(?:{'|'.join(list(UNITS)[1:10])}))?)?)"
)
_WORD_YEAR_AFTER_RE = re.compile(rf",?\s+(?:of\s+|in\s+)?(?P<yw>{_WORD_YEAR_RE})\b", re.IGNORECASE)
YEAR_RE = re.compile(
    rf"(?<![\w$€£¥.,/-])(?:(?P<prep>in|since|by|of|until|from|during|through|before|after|between|and|to|the|year|circa|c\.)\s+)?"
    rf"(?:(?P<part>early|mid|late|post|pre|end\s+of|close\s+of|beginning\s+of|start\s+of|middle\s+of)[\s-]+(?:of\s+)?)?"
    rf"(?P<y>(?:1[6-9]|20)\d\d|{_WORD_YEAR_RE})\b(?!,\d|\.\d|%|\s*(?:-|–)\s*\d{{1,3}}\b|\s?(?:s\b|'s|’s))",
    re.IGNORECASE,
)
# "1957-58", "2012/13": a season or fiscal year written as one span of whole years. "from 1991 to
# 1997" stays two years, as TimeML annotates its ends.
YEAR_SPAN_RE = re.compile(
    r"(?<![\w$€£¥.,/-])(?:(?P<prep>in|during|since|for)\s+)?(?P<y1>(?:1[6-9]|20)\d\d)\s*[-–/]\s*(?P<yy>\d\d)"
    r"(?![\w%]|[.,]\d|\s?(?:s\b|'s|’s))",
    re.IGNORECASE,
)
DECADE_RE = re.compile(r"\b(?:the\s+)?(?P<part>early|mid|late)?[\s-]*(?P<y>(?:1[6-9]|20)\d0)'?s\b", re.IGNORECASE)
RELATIVE_RE = re.compile(
    r"\b(?P<rel>(?:(?:earlier|later|late|early)\s+)?(?:this|last|next|past|previous|coming|upcoming|current)\s+(?:year|yr|month|week|decade)"
    r"|(?:the\s+)?(?:past|last|previous)\s+(?:year|month|week|decade)|the\s+(?:day\s+)?(?:before\s+yesterday|after\s+tomorrow)"
    r"|yesterday|today|tomorrow|tonight)\b",
    re.IGNORECASE,
)
AGO_RE = re.compile(
    rf"\b(?:(?P<qual>about|around|nearly|almost|roughly|some|approximately|more than|less than|over|just over|just under)\s+)?"
    rf"(?P<n>\d+|an?|{_NUM_WORDS_RE}|a\s+few|a\s+couple\s+of|several)\s+(?P<u>days?|weeks?|months?|years?|decades?|fortnights?)"
    rf"(?P<orso>\s+or\s+so)?\s+(?P<dir>ago|earlier|before|from\s+now|from\s+today|hence|later)"
    rf"|\bin\s+(?P<n2>\d+|an?|{_NUM_WORDS_RE})\s+(?P<u2>days?|weeks?|months?|years?)(?=\s+time\b|\s*[,.;]|\s*$)",
    re.IGNORECASE,
)
SEASON_RE = re.compile(
    r"\b(?:(?P<rel>last|this|next|past|coming)\s+|(?P<part>early|mid|late)[\s-]+)?(?P<s>spring|summer|autumn|fall|winter)\b"
    r"(?:\s+(?:of\s+)?(?P<y>(?:1[6-9]|20)\d\d)\b)?",
    re.IGNORECASE,
)
WEEKDAY_RE = re.compile(
    rf"\b(?:(?P<prep>on|last|next|this|coming|this\s+coming|past|this\s+past)\s+)?(?P<wd>{_WEEKDAY_RE})\b"
    rf"(?P<after>\s+(?:after\s+next|before\s+last|of\s+(?:next|last|this)\s+week|next\s+week|last\s+week))?",
    re.IGNORECASE,
)
WEEK_OF_RE = re.compile(
    rf"\bthe\s+week\s+of\s+(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b", re.IGNORECASE
)


def _day_number(token: str) -> int | None:
    """Day of month from '7', '7th', 'seventh', 'twenty-first'."""
    if token[:1].isdigit():
        return int(re.sub(r"\D", "", token))
    return _ordinal_value(token)


def _full_year(y: str) -> int:
    """'1974' -> 1974, '74' -> 1974, '13' -> 2013 (two digits: 1950-2049)."""
    y = y.lstrip("'")
    n = int(y)
    if len(y) == 2:
        n += 2000 if n < 50 else 1900
    return n


def _word_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand ten' -> 2010, '1996' -> 1996."""
    t = text.lower()
    if t.isdigit():
        return int(t)
    tokens = [w for w in re.split(r"[\s-]+", t) if w and w != "and"]
    if tokens[:2] == ["two", "thousand"]:
        rest = _word_number(" ".join(tokens[2:])) if tokens[2:] else 0
        return 2000 + int(rest) if rest is not None else None
    century = UNITS.get(tokens[0]) or TENS.get(tokens[0])
    if century is None:
        return None
    rest_tokens = [w for w in tokens[1:] if w not in ("oh", "o")]
    if rest_tokens == ["hundred"]:
        return century * 100
    rest = _word_number(" ".join(rest_tokens)) if rest_tokens else None
    return century * 100 + int(rest) if rest is not None and rest < 100 else None


_SLASH_PAIR = r"\d{1,2}\s?/\s?\d{1,2}"
_SLASH_JOIN = r"\s*(?:,|&|-|–|\b(?:and|or|to|through|thru|till|until)\b)\s*"
# A date cue before a slash pair: a preposition or a weekday, then perhaps earlier dates of a list
# ("on 3/5, 3/12 and 3/19", "Tuesday (3/15)").
_SLASH_CUE_BEFORE_RE = re.compile(
    rf"(?:(?<![\w-])(?:on|by|since|until|till|from|through|before|after|between)|\b(?:{_WEEKDAY_RE})\b\.?,?\s*\(?)\s*"
    rf"(?:{_SLASH_PAIR}{_SLASH_JOIN})*\Z",
    re.IGNORECASE,
)
# After it: a weekday in brackets ("3/15 (Tue)") or a time of day ("3/15 at 7 p.m.", "4/25 at 16h00").
_SLASH_CUE_AFTER_RE = re.compile(
    rf"\s*(?:\(\s*(?:{_WEEKDAY_RE})\b|,?\s*(?:at\s+)?\d{{1,2}}(?:(?::\d\d)?\s*[ap]\.?m\b|:\d\d\b|h(?:\d\d)?\b))",
    re.IGNORECASE,
)


def slash_date_cue(text: str, start: int, end: int) -> bool:
    """Whether the slash pair `text[start:end]` ("3/15") is a date by its context.

    A bare pair is a fraction ("1/5"), a score or a name ("24/7", "9/11"); it is a date after a
    preposition of time, next to a weekday or a time of day, or in a list of such dates. A pair
    followed by "of" is a share ("on 1/3 of the land").
    """
    if re.match(r"\s+of\b", text[end:]):
        return False
    return bool(_SLASH_CUE_BEFORE_RE.search(text[max(0, start - 80) : start]) or _SLASH_CUE_AFTER_RE.match(text, end))


def _numeric_date(m: re.Match[str], text: str, published: date | None) -> DateValue | None:
    """Value of a numeric date ('2023-10-17', '10/17/2023', '17.10.2023', '2/15')."""
    try:
        if m.group("iy"):
            day = date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            return DateValue(day, day, "day")
        if m.group("a"):
            a, b, year = int(m.group("a")), int(m.group("b")), _full_year(m.group("y"))
            if (m.group("sep") == "." and b <= 12) or a > 12:
                a, b = b, a  # day first: 17.10.2023, 31/10/1974 (but 10.31.1974 can only be month first)
            day = date(year, a, b)
            return DateValue(day, day, "day")
        a, b = int(m.group("sa")), int(m.group("sb"))
        if not slash_date_cue(text, m.start(), m.end()):
            return None  # "24/7", "9/11", "1/5": a fraction, a score or a name unless the context says date
        if not 1 <= a <= 12:
            return None
        if published is None:
            return _no_date("day")
        guessed = _guess_year(a, b, published, _date_tense(text, m.start(), m.end()))
        if guessed is None:
            return None
        day = date(guessed, a, b)
        return DateValue(day, day, "day")
    except ValueError:
        return None


class _Dates:
    """Collects date claims of one text, the first match of any span winning."""

    def __init__(self, text: str, published: date | None) -> None:
        """Store the text and the publication date."""
        self.text = text
        self.published = published
        self.claims: list[Claim] = []
        self.taken: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        """Whether no claim covers any of [start, end)."""
        return all(end <= a or start >= b for a, b in self.taken)

    def add(self, start: int, end: int, value: DateValue, qualifier: str = "") -> None:
        """Keep a date claim (text trimmed of surrounding spaces and commas)."""
        while end > start and self.text[end - 1] in " ,":
            end -= 1
        last = re.search(r"(\w+)\.$", self.text[start:end])
        if last and (last.group(1).lower() in FULL_MONTHS | FULL_WEEKDAYS or last.group(1).isdigit()):
            end -= 1  # a sentence's full stop, not an abbreviation's
        self.taken.append((start, end))
        self.claims.append(
            _claim("date", self.text, start, end, value, qualifier=qualifier, event=_event_near(self.text, start, end))
        )


# The separator of two days that are both meant, not a span: "April 24 and 25" (not after "between").
_BOTH_DAYS_RE = re.compile(r"(?P<suf>(?:st|nd|rd|th)?)\.?\s+and\s+")
_PLURAL_RE = re.compile(r"\s+([a-z]+s)\b")
# Words before a month that make "<month> <n> <plural>" a date: "the Aug. 7 bombings", "on March 3 talks".
_DATE_LEAD_RE = re.compile(r"\b(?:the|on|since|until|till|before|after|from|through)\s+$|'s\s+$", re.IGNORECASE)


def _plural_follows(text: str, pos: int) -> bool:
    """Whether a plural noun follows `pos` ("30 people"; not "30 as", "30 was", "30 his")."""
    m = _PLURAL_RE.match(text, pos)
    return m is not None and m.group(1) not in STOP_AFTER


def _scan_holidays(d: _Dates) -> None:
    """Named holidays with a fixed or computable date (or span: Ramadan, Passover, Hanukkah)."""
    text, published = d.text, d.published
    if not _HOLIDAY_NAME_RE.search(text.lower()):
        return
    for m in HOLIDAY_RE.finditer(text):
        fn = next((f for rx, f in _HOLIDAY_FNS if rx.fullmatch(m.group("h"))), None)
        if fn is None or not d.free(m.start(), m.end()):
            continue
        if m.group("h").lower() == "lent" and not m.group("y"):
            continue  # "lent" alone is the verb far more often than the season
        rel = (m.group("rel") or m.group("yrel") or "").lower()
        end = m.end()
        word_year = None if m.group("y") else _WORD_YEAR_AFTER_RE.match(text, m.end())
        if word_year is not None and (year_w := _word_year(word_year.group("yw"))) is not None:
            span = _holiday_span(fn, year_w)  # "Easter Sunday two thousand ten"
            end = word_year.end()
        elif m.group("y"):
            span = _holiday_span(fn, int(m.group("y")))
        elif published is None:
            d.add(m.start(), m.end(), _no_date("day"))
            continue
        elif m.group("yrel"):
            span = _holiday_span(fn, published.year + {"last": -1, "this": 0, "next": 1}[rel])
        else:
            spans = [s for y in (published.year - 1, published.year, published.year + 1) if (s := _holiday_span(fn, y))]
            if not spans:
                continue
            by_start = {s[0]: s for s in spans}
            if rel in ("last", "past"):
                past = [s for s in spans if s[0] < published]
                span = max(past) if past else None
            elif rel in ("next", "coming"):
                future = [s for s in spans if s[0] > published]
                span = min(future) if future else None
            elif rel == "this":
                span = _holiday_span(fn, published.year)
            else:
                span = by_start[_pick(list(by_start), published, _date_tense(text, m.start(), m.end()), slack=30)]
        if span is None:
            continue
        d.add(m.start(), end, DateValue(span[0], span[1], "day"))


def _scan_days(d: _Dates) -> None:
    """Ranges of days, full and partial dates, numeric dates."""
    text, published = d.text, d.published
    year: int | None
    for m in DATE_RANGE_RE.finditer(text):
        try:
            if m.group("m1"):
                m1 = MONTH_NAMES[m.group("m1").lower()]
                m2 = MONTH_NAMES[m.group("m2").lower()] if m.group("m2") else m1
                d1, d2, y = int(m.group("d1")), int(m.group("d2")), m.group("y") or m.group("y0")
            else:
                m2 = MONTH_NAMES[m.group("m3").lower()]
                m1 = MONTH_NAMES[m.group("m4").lower()] if m.group("m4") else m2
                d1, d2, y = int(m.group("d3")), int(m.group("d4")), m.group("y2")
            if (d1 >= d2 and m1 == m2) or re.match(r"\s*(?:a\.m|p\.m|am\b|pm\b|:)", text[m.end() :], re.I):
                continue
            if published is None and not y:
                d.add(m.start(), m.end(), _no_date("day"), "range")
                continue
            tense = _date_tense(text, m.start(), m.end())
            year = int(y) if y else _guess_year(m1, d1, published, tense)
            if year is None:
                continue
            year2 = year + 1 if m2 < m1 else year
            value = DateValue(date(year, m1, d1), date(year2, m2, d2), "day")
        except ValueError:
            continue
        both = _BOTH_DAYS_RE.match(
            text, m.end("d1") if m.group("m1") else m.end("m4") if m.group("m4") else m.end("d3")
        )
        if both and not m.group(0).lower().startswith("between") and d.free(m.start(), m.end()):
            # "on April 24 and 25": two days, each its own claim (TimeML's reading); "between ... and" is a range
            second_start = (m.start("m2") if m.group("m2") else m.start("d2")) if m.group("m1") else m.start("d4")
            if value.start is not None and value.end is not None:
                first, second = value.start, value.end
                d.add(m.start(), both.end("suf"), DateValue(first, first, "day"))
                d.add(second_start, m.end(), DateValue(second, second, "day"))
                continue
        d.add(m.start(), m.end(), value, "range")
    for m in WEEK_OF_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        month, day_n = MONTH_NAMES[m.group("m").lower()], int(m.group("d"))
        year = _guess_year(month, day_n, published, _date_tense(text, m.start(), m.end()))
        if year is None:
            d.add(m.start(), m.end(), _no_date("week"))
            continue
        try:
            d.add(m.start(), m.end(), _week_value(date(year, month, day_n)))
        except ValueError:
            continue
    for m in DATE_DAY_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        if m.group("m"):
            month_s, day_s, year_s = m.group("m"), m.group("d"), m.group("y")
        else:
            month_s, day_s, year_s = m.group("m2"), m.group("d2"), m.group("y2") or m.group("y3") or m.group("y4")
        day_of_month = _day_number(day_s)
        if day_of_month is None or not 1 <= day_of_month <= 31:
            continue
        day_n = day_of_month
        if month_s.lower() == "may" and not year_s and m.group("m") and not month_s[0].isupper():
            continue  # "may 5" in lower case is a verb more often than a month
        if (
            month_s.lower() not in FULL_MONTHS
            and len(month_s) == 3
            and not (month_s[0].isupper() or year_s or m.group("wd") or m.group("wd2"))
        ):
            continue  # "mar 3", "dec 2": too often words
        after = text[m.end() : m.end() + 12]
        if re.match(r"\s*(?:a\.m|p\.m|am\b|pm\b|:\d|%|percent)", after, re.IGNORECASE):
            continue
        if (
            m.group("m")
            and day_s[:1].isdigit()
            and _plural_follows(text, m.end())
            and not year_s
            and not re.search(r"(?:st|nd|rd|th)$", day_s)
            and not _DATE_LEAD_RE.search(text, max(0, m.start() - 8), m.start())
        ):
            continue  # "in March 30 people died": the number is a count (but "the Aug. 7 bombings" is a date)
        month = MONTH_NAMES[month_s.lower()]
        weekday_s = m.group("wd") or m.group("wd2")
        start = m.start()
        if year_s:
            year = _full_year(year_s)
        elif weekday_s and published is not None:
            year = _year_of_weekday(month, day_n, WEEKDAYS[weekday_s.lower().rstrip(".")], published)
        else:
            year = _guess_year(month, day_n, published, _date_tense(text, m.start(), m.end()))
        try:
            value = DateValue(date(year, month, day_n), date(year, month, day_n), "day") if year else _no_date("day")
        except ValueError:
            continue
        if year_s and weekday_s and value.start is not None:
            value = replace(value, note=_weekday_mismatch(value.start, weekday_s))
        d.add(start, m.end(), value)
    for m in NUMERIC_DATE_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        numeric = _numeric_date(m, text, published)
        if numeric is not None:
            d.add(m.start(), m.end(), numeric)
    for m in NUMERIC_MONTH_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        year, month = (
            (int(m.group("y")), int(m.group("m"))) if m.group("y") else (int(m.group("y2")), int(m.group("m2")))
        )
        if m.group("y") and month == (year + 1) % 100:
            continue  # "2010-11": the season or fiscal year 2010 to 2011
        d.add(m.start(), m.end(), _month_value(year, month))


WEEKDAY_MISMATCH = "weekday mismatch: "
"""Note of a date whose written weekday is not its day's ("Thursday, January 25, 2016")."""


def _weekday_mismatch(day: date, weekday_s: str) -> str:
    """'' when `weekday_s` names `day`'s weekday, else a note saying which day it was."""
    named = WEEKDAYS[weekday_s.lower().rstrip(".")]
    if day.weekday() == named:
        return ""
    actual, written = calendar.day_name[day.weekday()], calendar.day_name[named]
    return f"{WEEKDAY_MISMATCH}{day:%B} {day.day}, {day.year} was a {actual}, not a {written}"


def _year_of_weekday(month: int, day: int, weekday: int, published: date) -> int | None:
    """The year nearest to publication in which `month`/`day` falls on `weekday`."""
    for delta in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
        try:
            if date(published.year + delta, month, day).weekday() == weekday:
                return published.year + delta
        except ValueError:
            continue
    return _guess_year(month, day, published, "")


def _scan_months(d: _Dates) -> None:
    """Months ('in March', 'March 2019', 'last May', 'mid-October'), seasons and decades."""
    text, published = d.text, d.published
    for m in MONTH_YEAR_RE.finditer(text):
        s = m.start("m") if not (m.group("since") or m.group("part") or m.group("rel0")) else m.start()
        if not d.free(m.start("m"), m.end()) or len(m.group("m")) < 3:
            continue
        month_s = m.group("m")
        preposed = month_s == "May" and m.group("since") is not None  # "in May", "by May": the month (#15)
        if not (m.group("y") or m.group("part") or m.group("rel0") or preposed) and (
            month_s[0].islower() or month_s.lower() == "may" or month_s.lower() not in FULL_MONTHS
        ):
            continue  # "May" alone is a verb, "Jun" alone a name, far more often than a month
        month = MONTH_NAMES[month_s.lower()]
        qualifier = (m.group("since") or "").lower()
        part = re.sub(r"\s+", " ", (m.group("part") or "").lower())
        note = _part_note(part)
        rel0 = (m.group("rel0") or "").lower()
        word_year = None if m.group("y") or m.group("rel") else _WORD_YEAR_AFTER_RE.match(text, m.end())
        span_end = m.end()
        if word_year is not None and (year_w := _word_year(word_year.group("yw"))) is not None:
            year: int | None = year_w  # "January nineteen ninety-seven"
            span_end = word_year.end()
        elif m.group("y"):
            year = int(m.group("y"))
        elif published is None:
            year = None
        elif m.group("rel"):
            year = published.year + {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
        elif m.group("after_next"):  # "March after next": the March after the coming one
            year = (published.year if month > published.month else published.year + 1) + 1
        elif m.group("in_years"):  # "March in a year('s time)": the March of the year a year from now
            years_s = m.group("in_years").lower()
            year = published.year + (1 if years_s in ("a", "an") else int(_word_number(years_s) or 0))
        elif rel0 in ("last", "past"):
            year = published.year if month < published.month else published.year - 1
        elif rel0 in ("next", "coming"):
            year = published.year if month > published.month else published.year + 1
        elif rel0 == "this":
            year = published.year
        else:
            year = _guess_month_year(
                month, published, "past" if qualifier == "since" else _date_tense(text, m.start(), m.end())
            )
        if year is None:
            d.add(s, span_end, _no_date("month"), "since" if qualifier == "since" else "")
            continue
        value = _month_value(year, month, note)
        guessed = not (
            word_year or m.group("y") or m.group("rel") or rel0 or m.group("after_next") or m.group("in_years")
        )
        if qualifier == "since" and published is not None:
            if guessed and date(year, month, 1) > published:
                year -= 1  # "since March", published in February: the March before
            value = DateValue(date(year, month, 1), published, "month", "since")
        elif guessed and published is not None:
            value = part_by_tense(text, s, span_end, value, published)  # "closed in late March", on 12 March
        d.add(s, span_end, value, "since" if qualifier == "since" else "")
    for m in SEASON_RE.finditer(text):
        anchored = m.group("y") or m.group("rel") or m.group("part")
        if not d.free(m.start(), m.end()) or not (anchored or re.search(r"\b(?:in|the)\s+$", text[: m.start()])):
            continue  # "fall" and "spring" alone are verbs and nouns
        first_month = SEASONS[m.group("s").lower()]
        rel = (m.group("rel") or "").lower()
        if m.group("y"):
            year = int(m.group("y"))
        elif published is None:
            d.add(m.start(), m.end(), _no_date("season"))
            continue
        else:
            current = (published.month - 3) % 12 // 3  # 0 spring .. 3 winter
            season_index = (first_month - 3) % 12 // 3
            base = published.year - (1 if published.month < 3 and season_index == 3 else 0)
            if rel in ("last", "past"):
                year = base if season_index < current else base - 1
            elif rel in ("next", "coming"):
                year = base if season_index > current else base + 1
            elif rel == "this" or season_index == current:
                year = base
            else:
                tense = _date_tense(text, m.start(), m.end())
                year = (
                    base if (season_index < current) != (tense == "future") else base + (1 if tense == "future" else -1)
                )
                if tense == "" and season_index > current:
                    year = base
        start = date(year, first_month, 1)
        end_month = first_month + 2
        end = _month_end(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1)
        d.add(m.start(), m.end(), DateValue(start, end, "season", (m.group("part") or "").lower()))
    for m in DECADE_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        y = int(m.group("y"))
        d.add(
            m.start(), m.end(), DateValue(date(y, 1, 1), date(y + 9, 12, 31), "decade", (m.group("part") or "").lower())
        )


def _scan_years(d: _Dates) -> None:
    """Years: 'in 2019', 'the 1996 Olympic bombing', 'mid-1996', 'nineteen ninety-six'."""
    text = d.text
    for m in YEAR_SPAN_RE.finditer(text):
        y1 = int(m.group("y1"))
        y2 = y1 // 100 * 100 + int(m.group("yy"))
        if y2 != y1 + 1 or not d.free(m.start(), m.end()):
            continue
        prev = re.search(r"([A-Za-z]+)\s+$", text[max(0, m.start() - 20) : m.start()])
        if (
            not m.group("prep")
            and prev
            and prev.group(1)[0].isupper()
            and prev.group(1).lower() not in MONTH_NAMES
            and prev.group(1).lower() not in STOP_AFTER
        ):
            continue  # "Windows 2000-2003": part of a name
        start = m.start() if m.group("prep") else m.start("y1")
        d.add(start, m.end(), DateValue(date(y1, 1, 1), date(y2, 12, 31), "year", "span"), "range")
    for m in YEAR_RE.finditer(text):
        if not d.free(m.start("y"), m.end()):
            continue
        year = _word_year(m.group("y"))
        if year is None or not 1600 <= year <= 2099:
            continue
        prep = (m.group("prep") or "").lower()
        is_digits = m.group("y").isdigit()
        if (
            not is_digits
            and prep not in ("in", "since", "by", "until", "during", "through", "year")
            and (
                not re.match(r"(?:nineteen|eighteen)\b", m.group("y"), re.I)
                or re.match(r"\s+[a-z]+s\b", text[m.end() :])
            )
        ):
            continue  # "up to two thousand people" is a number
        if is_digits and not prep and not m.group("part"):
            before = text[max(0, m.start() - 20) : m.start()]
            if re.search(rf"(?:{_QUAL_RE}|[$€£¥])\s*$", before, re.IGNORECASE):
                continue
            prev = re.search(r"([A-Za-z]+)\s+$", before)
            if (
                prev
                and prev.group(1)[0].isupper()
                and prev.group(1).lower() not in MONTH_NAMES
                and prev.group(1).lower() not in STOP_AFTER  # "A 1996 law", "For 1988,": a year (#15)
            ):
                continue  # "Windows 2000", "ABC 2000": part of a name
            if _plural_follows(text, m.end()):
                continue  # "2000 people": a count
        if prep in ("and", "to", "of") and is_digits and re.match(r"\s+[a-z]+s\b", text[m.end() :]):
            continue  # "up to 2000 people", "of 1999 votes": counts
        start = (
            m.start()
            if prep in ("since", "in", "by", "until", "from", "during", "through") or m.group("part")
            else m.start("y")
        )
        if m.group("part") and prep not in ("since", "in", "by", "until", "from", "during", "through"):
            start = m.start("part")
        part = (m.group("part") or "").lower()
        note = {"post": "after", "pre": "before"}.get(part) or _part_note(part)
        qualifier = "since" if prep == "since" else ""
        d.add(start, m.end(), _year_value(year, note), qualifier)
