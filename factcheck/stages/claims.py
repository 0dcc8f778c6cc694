"""Extract numbers, quantities, ordinals and dates, normalised into comparable values.

No single library does this: quantulum3 ignores qualifiers, dateparser has no ranges
or tense, Duckling treats "at least" and "more than" alike. The rules here are
written for English news text and keep each claim's surface and span.
"""

from __future__ import annotations

import calendar
import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from factcheck.config import ClaimsConfig
from factcheck.records import Article, Claim, DateValue, QuantityValue, Sentence

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
SCALE_ABBREV = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000, "b": 1_000_000_000}
VAGUE = {
    "dozens": (24, 100),
    "scores": (40, 100),
    "hundreds": (200, 1_000),
    "thousands": (2_000, 1_000_000),
    "millions": (2_000_000, 1_000_000_000),
    "billions": (2e9, 1e12),
    "trillions": (2e12, 1e15),
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
QUALIFIERS = {
    "at least": "min",
    "no fewer than": "min",
    "no less than": "min",
    "a minimum of": "min",
    "more than": "gt",
    "over": "gt",
    "upwards of": "gt",
    "in excess of": "gt",
    "above": "gt",
    "up to": "max",
    "at most": "max",
    "as many as": "max",
    "no more than": "max",
    "fewer than": "lt",
    "less than": "lt",
    "under": "lt",
    "below": "lt",
    "some": "approx",
    "about": "approx",
    "around": "approx",
    "nearly": "approx",
    "almost": "approx",
    "roughly": "approx",
    "approximately": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "close to": "approx",
    "just over": "approx",
    "just under": "approx",
}
IRREGULAR_PLURALS = {
    "children": "child",
    "men": "man",
    "women": "woman",
    "people": "people",
    "lives": "life",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "police": "police",
    "news": "news",
}
DURATION_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "yuan": "CNY",
    "rouble": "RUB",
    "ruble": "RUB",
    "yen": "JPY",
}
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
EVENTS = {
    "killed": (
        "kill",
        "killed",
        "killing",
        "dead",
        "death",
        "deaths",
        "died",
        "die",
        "massacre",
        "massacred",
        "fatalities",
        "toll",
        "lives",
        "murdered",
        "slain",
    ),
    "injured": ("injured", "injuring", "wounded", "wounding", "hurt", "injuries"),
    "attend": (
        "attend",
        "attended",
        "attending",
        "host",
        "hosting",
        "hosts",
        "hosted",
        "representatives",
        "delegates",
        "participants",
        "gathering",
    ),
    "meet": ("meet", "meets", "met", "meeting", "talks", "summit"),
    "visit": ("visit", "visits", "visited", "trip", "excursion", "tour", "travel", "arrived", "arrive"),
    "deported": ("deported", "deportation", "deport"),
    "displaced": ("displaced", "fled", "evacuated", "refugees"),
    "arrested": ("arrested", "detained", "arrest"),
    "deployed": ("deploy", "deployed", "troops", "soldiers"),
    "attack": ("attack", "attacks", "stormed", "crossed", "invasion", "invaded", "strike", "strikes", "airstrike"),
    "fund": ("funding", "aid", "contributed", "spent", "pledged", "invested"),
}
EVENT_OF_WORD = {w: event for event, words in EVENTS.items() for w in words}
STOP_AFTER = {
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "for",
    "with",
    "into",
    "since",
    "and",
    "or",
    "but",
    "who",
    "that",
    "which",
    "were",
    "was",
    "are",
    "is",
    "have",
    "had",
    "has",
    "the",
    "a",
    "an",
    "this",
    "than",
    "as",
    "while",
    "when",
    "where",
    "after",
    "before",
    "including",
    "most",
    "of",
    "until",
}
MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NAMES.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_NAMES["sept"] = 9
FULL_MONTHS = {name.lower() for name in calendar.month_name if name}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_WORD_NUM = "|".join(
    sorted([*UNITS, *TENS, "hundred", "thousand", "million", "billion", "trillion", "a"], key=len, reverse=True)
)
_NUM_WORDS_RE = rf"(?:(?:{_WORD_NUM})(?:[\s-]+(?:and\s+)?(?:{_WORD_NUM}))*)"
_DIGITS_RE = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE_RE = r"(?:\s*(?:hundred|thousand|million|billion|trillion)\b|(?:m|mn|bn|k|b)\b)?"
_NUMBER_RE = rf"(?:{_DIGITS_RE}{_SCALE_RE}|{_NUM_WORDS_RE}\b|tens of thousands|hundreds of thousands|hundreds of millions|hundreds of billions|tens of millions|dozens|scores|hundreds|thousands|millions|billions|trillions)"
_QUAL_RE = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTH_NAMES), key=len, reverse=True))
QUANTITY_RE = re.compile(
    rf"(?<![\w$€£¥.,])(?:(?P<qual>{_QUAL_RE})\s+)?(?:between\s+(?P<lo>{_NUMBER_RE})\s+and\s+(?P<hi>{_NUMBER_RE})"
    rf"|(?P<cur>[$€£¥])?\s?(?P<num>{_NUMBER_RE})(?:\s*(?:-|–|to)\s*(?P<to>{_DIGITS_RE}{_SCALE_RE}))?)"
    rf"(?P<pct>\s?%|\s+percent\b|\s+per cent\b)?(?![\w])",
    re.IGNORECASE,
)
ORDINAL_RE = re.compile(
    r"\b(?P<ord>" + "|".join(ORDINALS) + r"|\d+(?:st|nd|rd|th))\b(?P<scope>(?:\s+[\w'’-]+){1,10})", re.IGNORECASE
)
DATE_RANGE_RE = re.compile(
    rf"\b(?:from\s+)?(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and|through)\s*"
    rf"(?:(?P<m2>{_MONTH_RE})\.?\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?"
    rf"|\b(?:from\s+)?(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m3>{_MONTH_RE})\b\.?(?:,?\s+(?P<y2>\d{{4}}))?",
    re.IGNORECASE,
)
DATE_DAY_RE = re.compile(
    rf"\b(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_RE})\b\.?(?:,?\s+(?P<y2>\d{{4}}))?",
    re.IGNORECASE,
)
MONTH_YEAR_RE = re.compile(
    rf"\b(?:(?P<since>since|in|from|until|by)\s+)?(?P<m>{_MONTH_RE})\b(?:\s+(?P<y>\d{{4}})|\s+(?P<rel>last|this|next) year)?",
    re.IGNORECASE,
)
YEAR_RE = re.compile(r"\b(?P<prep>in|since|by|of|until|from)\s+(?P<y>(?:19|20)\d\d)\b(?!\s*(?:,\d|\d))", re.IGNORECASE)
RELATIVE_RE = re.compile(
    r"\b(?P<rel>(?:earlier|later)\s+this\s+(?:year|month|week)|(?:this|last|next|past)\s+(?:year|month|week)"
    r"|yesterday|today|tomorrow|tonight)\b",
    re.IGNORECASE,
)
WEEKDAY_RE = re.compile(
    r"\b(?:(?P<prep>on|last|next|this)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
FUTURE_RE = re.compile(
    r"\b(will|'ll|shall|is due to|are due to|due to|scheduled|set to|is to|are to|going to|plans? to|expected to|to meet|to visit|upcoming|next)\b",
    re.IGNORECASE,
)
PAST_RE = re.compile(
    r"\b(\w+ed|met|said|told|began|went|came|held|spoke|took|gave|made|saw|was|were|had|arrived|last|ago)\b",
    re.IGNORECASE,
)
NEGATION_RE = re.compile(r"\b(not|no|never|n't|denied|did not|didn't|won't|will not)\b", re.IGNORECASE)
ATTRIBUTION_RE = re.compile(
    r"(according to [^,.;]+|(?:,\s*|\b)(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}|the [\w\s]{1,40}?)\s+(?:said|says|reported|told|announced|explained|stated)\b)"
)
CAPITALISED_RE = re.compile(r"\b[A-Z][a-zA-Z’'-]+(?:\s+[A-Z][a-zA-Z’'-]+)*")


def _word_number(text: str) -> float | None:
    """Value of a number written in words ('three', 'one million', 'twenty-five thousand')."""
    total, current, seen = 0.0, 0.0, False
    for token in re.split(r"[\s-]+", text.lower()):
        if token in ("and", ""):
            continue
        if token == "a":
            current = max(current, 1)
            continue
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in SCALES:
            total += max(current, 1) * SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> tuple[float, float | None] | None:
    """Parse one number ('1,400', '2.3 million', 'three', 'hundreds of billions').

    Returns:
        (low, high) for vague amounts ('hundreds' -> (200, 1000)), (value, None) otherwise.
    """
    t = text.strip().lower()
    for vague_scale in ("tens of ", "hundreds of "):
        if t.startswith(vague_scale) and t[len(vague_scale) :] in VAGUE:
            base = SCALES[t[len(vague_scale) :].rstrip("s")]
            factor = (20, 100) if vague_scale == "tens of " else (200, 1000)
            return float(factor[0] * base), float(factor[1] * base)
    if t in VAGUE:
        lo, hi = VAGUE[t]
        return float(lo), float(hi)
    m = re.fullmatch(rf"({_DIGITS_RE})\s*([a-z]*)", t)
    if m:
        value = float(m.group(1).replace(",", ""))
        scale = m.group(2)
        if scale:
            mult = SCALES.get(scale) or SCALE_ABBREV.get(scale)
            if mult is None:
                return None
            value *= mult
        return value, None
    value_w = _word_number(t)
    return (value_w, None) if value_w is not None else None


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
        return QuantityValue(low, low * (1 - tolerance), low * (1 + tolerance), True, True, True)
    return QuantityValue(low, low, low, True, True, False)


def _unit_after(text: str, pos: int) -> tuple[str, int]:
    """Head noun of the words after a number ('people', 'lives' in 'Russian lives')."""
    words: list[str] = []
    end = pos
    word_re = re.compile(r"\s+(?:of\s+)?([A-Za-z][A-Za-z'’-]*)")
    while len(words) < 3:
        m = word_re.match(text, end)
        if m is None or m.group(1).lower() in STOP_AFTER:
            break
        if words and re.search(r"(ed|ing)$", m.group(1).lower()):
            break  # "people attended": the verb is not part of what is counted
        words.append(m.group(1))
        end = m.end()
        if re.sub(r"s$", "", m.group(1).lower()) in DURATION_UNITS | set(CURRENCY_WORDS):
            break
    if not words:
        return "", end
    head = words[-1].lower()
    if head in IRREGULAR_PLURALS:
        head = IRREGULAR_PLURALS[head]
    elif head.endswith("ies") and len(head) > 4:
        head = head[:-3] + "y"
    elif head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        head = head[:-1]
    return head, end


def _event_near(sentence: str, start: int, end: int) -> str:
    """The event word nearest to a claim in its sentence, as a canonical name."""
    best, best_dist = "", 10**9
    for m in re.finditer(r"[A-Za-z]+", sentence):
        event = EVENT_OF_WORD.get(m.group(0).lower())
        if event is None:
            continue
        dist = abs(m.start() - end) if m.start() >= end else abs(start - m.end())
        if dist < best_dist:
            best, best_dist = event, dist
    return best


def _attribution(sentence: str) -> str:
    """Who the sentence attributes its statement to, if it says."""
    m = ATTRIBUTION_RE.search(sentence)
    return m.group(0).strip(" ,") if m else ""


def _is_identifier(text: str, m: re.Match[str]) -> bool:
    """Years, days of dates, times, phone numbers and the like are not quantities."""
    num = m.group("num") or ""
    if not num or m.group("lo"):
        return False
    before, after = text[max(0, m.start() - 12) : m.start()], text[m.end() : m.end() + 12]
    if re.fullmatch(r"(1[5-9]|20)\d\d", num) and not m.group("qual") and not m.group("cur"):
        return True
    if re.search(rf"\b(?:{_MONTH_RE})\.?\s*$", before, re.IGNORECASE) or re.match(
        rf"\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})\b", after, re.IGNORECASE
    ):
        return True
    if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|:\d)", after, re.IGNORECASE) or re.search(r"[:/\-]\d*$", before):
        return True
    return bool(re.match(r"[-/]\d", after))


def extract_quantities(text: str, *, tolerance: float = 0.1) -> list[Claim]:
    """Numbers with qualifiers, units and events found in `text` (offsets into `text`)."""
    claims: list[Claim] = []
    for m in QUANTITY_RE.finditer(text):
        if _is_identifier(text, m):
            continue
        surface_num = m.group("num") or ""
        if surface_num.lower() in ("a", "one") and not m.group("qual") and not m.group("cur"):
            continue  # "a"/"one" alone are articles and pronouns far more often than counts
        if (
            surface_num
            and re.fullmatch(_NUM_WORDS_RE, surface_num, re.IGNORECASE)
            and surface_num.lower().split()[0] == "a"
        ):
            continue
        qualifier = (m.group("qual") or "").lower()
        if m.group("lo"):
            lo, hi = parse_number(m.group("lo")), parse_number(m.group("hi"))
            if lo is None or hi is None:
                continue
            value = QuantityValue(None, lo[0], hi[1] or hi[0], True, True, False)
            qualifier = "between"
        else:
            parsed = parse_number(surface_num)
            if parsed is None:
                continue
            if m.group("to"):
                upper = parse_number(m.group("to"))
                if upper is None:
                    continue
                value = QuantityValue(None, parsed[0], upper[0], True, True, False)
                qualifier = qualifier or "range"
            elif parsed[1] is not None:
                value = _interval(parsed[0], parsed[1], qualifier or "vague", tolerance)
                qualifier = qualifier or "vague"
            else:
                value = _interval(parsed[0], None, qualifier, tolerance)
        unit, unit_end = _unit_after(text, m.end())
        kind = "quantity"
        if m.group("pct"):
            kind, unit = "percent", "%"
        elif m.group("cur"):
            kind, unit = "money", CURRENCY_SIGNS[m.group("cur")]
        elif unit in CURRENCY_WORDS:
            kind, unit = "money", CURRENCY_WORDS[unit]
        elif unit in DURATION_UNITS:
            kind = "duration"
        if kind == "quantity" and not unit:
            continue  # a bare number with nothing counted cannot be aligned with another
        end = unit_end if kind in ("quantity", "duration") and unit else m.end()
        claims.append(
            Claim(
                "",
                "",
                "",
                kind,
                text[m.start() : end],
                m.start(),
                end,
                value,
                unit,
                qualifier,
                _event_near(text, m.start(), end),
                "",
                False,
                "",
            )
        )
    return claims


def extract_ordinals(text: str) -> list[Claim]:
    """Ordinals with their scope ('second trip abroad', 'first excursion beyond ...')."""
    claims = []
    for m in ORDINAL_RE.finditer(text):
        words = m.group("scope").split()
        scope_words: list[str] = []
        for word in words:
            if word.lower() in {"since", "when", "after", "as", "that", "which", "who", "and", "but"}:
                break
            scope_words.append(word.strip(",.;:"))
            if word[-1:] in ",.;:":
                break
        if not scope_words or scope_words[0].lower() in {"of", "time", "and"}:
            continue
        ordinal = m.group("ord").lower()
        n = ORDINALS.get(ordinal) or int(re.sub(r"\D", "", ordinal))
        scope = " ".join(scope_words)
        end = m.start("scope") + m.group("scope").find(scope_words[-1]) + len(scope_words[-1])
        claims.append(
            Claim(
                "",
                "",
                "",
                "ordinal",
                text[m.start() : end],
                m.start(),
                end,
                QuantityValue(float(n), float(n), float(n), True, True, False),
                scope_words[0].lower(),
                "",
                _event_near(text, m.start(), end),
                scope,
                False,
                "",
            )
        )
    return claims


def _tense(sentence: str, start: int) -> str:
    """'future', 'past' or '' for the clause around a date."""
    before = sentence[max(0, start - 80) : start]
    if FUTURE_RE.search(before) or FUTURE_RE.search(sentence[start : start + 30]):
        return "future"
    if PAST_RE.search(before):
        return "past"
    return ""


def _no_date(granularity: str) -> DateValue:
    """A relative date that cannot be resolved without a publication date."""
    return DateValue(None, None, granularity, "no publication date: cannot resolve")


def _month_end(year: int, month: int) -> date:
    """Last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _guess_year(month: int, day: int, published: date | None, tense: str) -> int | None:
    """Year of a day given without one: the nearest occurrence in the sentence's direction."""
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
    if tense == "future":
        future = [c for c in candidates if c >= published - timedelta(days=1)]
        pick = min(future, default=candidates[-1], key=lambda c: abs((c - published).days))
    elif tense == "past":
        past = [c for c in candidates if c <= published + timedelta(days=1)]
        pick = min(past, default=candidates[0], key=lambda c: abs((c - published).days))
    else:
        pick = min(candidates, key=lambda c: (abs((c - published).days), c > published))
    return pick.year


def _make_date(text: str, start: int, end: int, value: DateValue, qualifier: str = "") -> Claim:
    """A date claim."""
    return Claim(
        "",
        "",
        "",
        "date",
        text[start:end],
        start,
        end,
        value,
        "",
        qualifier,
        _event_near(text, start, end),
        "",
        False,
        "",
    )


def extract_dates(text: str, published: date | None) -> list[Claim]:
    """Dates and date ranges in `text`, resolved against the publication date."""
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(claim: Claim) -> None:
        taken.append((claim.start, claim.end))
        claims.append(claim)

    for m in DATE_RANGE_RE.finditer(text):
        try:
            if m.group("m1"):
                m1 = MONTH_NAMES[m.group("m1").lower()]
                m2 = MONTH_NAMES[m.group("m2").lower()] if m.group("m2") else m1
                d1, d2, y = int(m.group("d1")), int(m.group("d2")), m.group("y")
            else:
                m1 = m2 = MONTH_NAMES[m.group("m3").lower()]
                d1, d2, y = int(m.group("d3")), int(m.group("d4")), m.group("y2")
            if not d1 < d2 and m1 == m2:
                continue
            year = int(y) if y else _guess_year(m1, d1, published, _tense(text, m.start()))
            value = DateValue(date(year, m1, d1), date(year, m2, d2), "day") if year else _no_date("day")
        except ValueError:
            continue
        add(_make_date(text, m.start(), m.end(), value, "range"))
    for m in DATE_DAY_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        month_s, day_s, year_s = (
            (m.group("m"), m.group("d"), m.group("y"))
            if m.group("m")
            else (m.group("m2"), m.group("d2"), m.group("y2"))
        )
        month, day = MONTH_NAMES[month_s.lower()], int(day_s)
        if month_s.lower() == "may" and not year_s and not m.group("m2"):
            continue  # "may 5" is more often a verb than a month
        year = int(year_s) if year_s else _guess_year(month, day, published, _tense(text, m.start()))
        try:
            value = DateValue(date(year, month, day), date(year, month, day), "day") if year else _no_date("day")
        except ValueError:
            continue
        add(_make_date(text, m.start(), m.end(), value))
    for m in MONTH_YEAR_RE.finditer(text):
        s = m.start("m") if not m.group("since") else m.start()
        if not free(m.start("m"), m.end()) or len(m.group("m")) < 3 or m.group("m")[0].islower():
            continue
        if not m.group("y") and (m.group("m").lower() == "may" or m.group("m").lower() not in FULL_MONTHS):
            continue  # "May" alone is a verb, "Jun" alone a name, far more often than a month
        month = MONTH_NAMES[m.group("m").lower()]
        qualifier = (m.group("since") or "").lower()
        if m.group("y"):
            year: int | None = int(m.group("y"))
        elif m.group("rel"):
            shift = {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
            year = published.year + shift if published else None
        elif published is not None:
            tense = _tense(text, m.start())
            year = published.year if (month <= published.month or tense == "future") else published.year - 1
            if tense == "future" and month < published.month:
                year = published.year + 1
        else:
            year = None
        value = DateValue(date(year, month, 1), _month_end(year, month), "month") if year else _no_date("month")
        if qualifier == "since" and year:
            value = DateValue(date(year, month, 1), published, "month", "since")
        add(_make_date(text, s, m.end(), value, "since" if qualifier == "since" else ""))
    for m in YEAR_RE.finditer(text):
        if not free(m.start("y"), m.end()):
            continue
        year = int(m.group("y"))
        value = DateValue(date(year, 1, 1), date(year, 12, 31), "year")
        add(_make_date(text, m.start(), m.end(), value, "since" if m.group("prep").lower() == "since" else ""))
    for m in RELATIVE_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        rel = m.group("rel").lower()
        unit = rel.split()[-1]
        granularity = unit if unit in ("year", "month", "week") else "day"
        if published is None:
            add(_make_date(text, m.start(), m.end(), _no_date(granularity)))
            continue
        p = published
        shift = (
            -1 if rel.startswith(("last", "past", "yesterday")) else 1 if rel.startswith(("next", "tomorrow")) else 0
        )
        if granularity == "day":
            d = p + timedelta(days=shift)
            value = DateValue(d, d, "day")
        elif granularity == "week":
            monday = p - timedelta(days=p.weekday()) + timedelta(weeks=shift)
            value = DateValue(monday, monday + timedelta(days=6), "week")
        elif granularity == "month":
            y, mo = divmod(p.year * 12 + p.month - 1 + shift, 12)
            value = DateValue(date(y, mo + 1, 1), _month_end(y, mo + 1), "month")
        else:
            value = DateValue(date(p.year + shift, 1, 1), date(p.year + shift, 12, 31), "year")
        if rel.startswith("earlier") and value.start is not None:
            value = DateValue(value.start, p, granularity, "earlier")
        add(_make_date(text, m.start(), m.end(), value))
    for m in WEEKDAY_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        after = text[m.end() : m.end() + 12]
        if re.match(r",?\s+(?:\d|" + _MONTH_RE + ")", after, re.IGNORECASE):
            continue  # "Thursday, Oct. 12" is dated by the date beside it
        weekday = WEEKDAYS[m.group("wd").lower()]
        if published is None:
            add(_make_date(text, m.start(), m.end(), _no_date("day")))
            continue
        prep = (m.group("prep") or "").lower()
        tense = "past" if prep == "last" else "future" if prep == "next" else _tense(text, m.start())
        delta = (weekday - published.weekday()) % 7
        if tense == "future":
            d = published + timedelta(days=delta)
        elif tense == "past":
            d = published - timedelta(days=(published.weekday() - weekday) % 7)
        else:
            back = (published.weekday() - weekday) % 7
            d = published + timedelta(days=delta) if delta <= back else published - timedelta(days=back)
        add(_make_date(text, m.start(), m.end(), DateValue(d, d, "day", tense)))
    return claims


def extract_claims_from_text(text: str, published: date | None, *, tolerance: float = 0.1) -> list[Claim]:
    """All claims in a piece of text, sorted by position; offsets are into `text`.

    Example:
        >>> [c.text for c in extract_claims_from_text("More than 1,400 people died.", None)]
        ['More than 1,400 people']
    """
    dates = extract_dates(text, published)
    date_spans = [(c.start, c.end) for c in dates]
    others = [
        c
        for c in [*extract_quantities(text, tolerance=tolerance), *extract_ordinals(text)]
        if all(c.end <= s or c.start >= e for s, e in date_spans)
    ]
    negated = bool(NEGATION_RE.search(text))
    attribution = _attribution(text)
    out = [replace(c, negated=negated, attribution=attribution) for c in [*dates, *others]]
    return sorted(out, key=lambda c: (c.start, c.end, c.kind))


def extract_claims(articles: Sequence[Article], sentences: Sequence[Sentence], cfg: ClaimsConfig) -> list[Claim]:
    """Claims of every sentence, with ids and offsets into the article's text."""
    by_id = {a.id: a for a in articles}
    claims = []
    for sent in sentences:
        article = by_id[sent.article_id]
        for c in extract_claims_from_text(sent.text, article.published, tolerance=cfg.approximate_tolerance):
            start, end = sent.start + c.start, sent.start + c.end
            cid = "C" + hashlib.sha1(f"{sent.article_id}\x00{start}\x00{c.kind}".encode()).hexdigest()[:10]
            claims.append(replace(c, id=cid, article_id=sent.article_id, sentence_id=sent.id, start=start, end=end))
    return claims
