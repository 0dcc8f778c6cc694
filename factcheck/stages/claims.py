"""Extract numbers, quantities, ordinals and dates, normalised into comparable values.

No single library does this: quantulum3 ignores qualifiers, dateparser has no ranges
or tense, Duckling treats "at least" and "more than" alike. The rules here are
written for English news text, keep each claim's surface and span, and call no
model: one article takes milliseconds.

Conventions (see bench/README.md for how they score):
- A bare number is a `quantity` with unit "" (the comparison stage only compares
  quantities whose units share a family). A lone "a"/"an"/"one" is a count only
  where a casualty event attaches to it ("a man was killed" -> 1 killed).
- A date without a year is the occurrence nearest to the publication date, unless
  the clause's tense says otherwise and the nearest one lies months the wrong way.
- A bare weekday is past (or today) unless its clause speaks of the future;
  "next Friday" is the Friday of next week, "last Friday" the one before today.
"""

from __future__ import annotations

import calendar
import functools
import hashlib
import json
import math
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from factcheck.config import ClaimsConfig
from factcheck.records import Article, Claim, DateValue, QuantityValue, Sentence


def _word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long lexicons stay readable)."""
    return frozenset(words.split())


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
NUMBER_WORDS = {"nil": 0, "naught": 0, "nought": 0, "single": 1, "dozen": 12, "pair": 2, "couple": 2}
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
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
TENS_ORDINALS = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
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
    "exceeding": "gt",
    "greater than": "gt",
    "higher than": "gt",
    "up to": "max",
    "at most": "max",
    "as many as": "max",
    "no more than": "max",
    "a maximum of": "max",
    "fewer than": "lt",
    "less than": "lt",
    "lower than": "lt",
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
    "~": "approx",
    "exactly": "exact",
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
    "series": "series",
    "species": "species",
    "others": "people",
}
# Surface forms of measurement units -> one canonical name; abbreviations only count
# when glued to the number or standing alone ("3km", "5 kg"), never as a prefix of a word.
UNIT_CANON = {
    **dict.fromkeys(("km", "kms", "kilometer", "kilometre", "kilometers", "kilometres"), "kilometre"),
    **dict.fromkeys(("meter", "metre", "meters", "metres"), "metre"),
    **dict.fromkeys(("cm", "cms", "centimeter", "centimetre", "centimeters", "centimetres"), "centimetre"),
    **dict.fromkeys(("mm", "millimeter", "millimetre", "millimeters", "millimetres"), "millimetre"),
    **dict.fromkeys(("mi", "mile", "miles"), "mile"),
    **dict.fromkeys(("ft", "foot", "feet"), "foot"),
    **dict.fromkeys(("inch", "inches"), "inch"),
    **dict.fromkeys(("yd", "yds", "yard", "yards"), "yard"),
    **dict.fromkeys(("kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"), "kilogram"),
    **dict.fromkeys(("g", "gs", "gr", "gram", "grams", "gramme", "grammes"), "gram"),
    **dict.fromkeys(("mg", "milligram", "milligrams"), "milligram"),
    **dict.fromkeys(("lb", "lbs"), "pound"),
    **dict.fromkeys(("oz", "ounce", "ounces"), "ounce"),
    **dict.fromkeys(("tonne", "tonnes", "ton", "tons"), "tonne"),
    **dict.fromkeys(("l", "liter", "litre", "liters", "litres"), "litre"),
    **dict.fromkeys(("ml", "mls", "milliliter", "millilitre", "milliliters", "millilitres"), "millilitre"),
    **dict.fromkeys(("hl", "hectoliter", "hectolitre", "hectoliters", "hectolitres"), "hectolitre"),
    **dict.fromkeys(("gal", "gallon", "gallons"), "gallon"),
    **dict.fromkeys(("cup", "cups"), "cup"),
    **dict.fromkeys(("°c", "celsius", "centigrade"), "celsius"),
    **dict.fromkeys(("°f", "fahrenheit"), "fahrenheit"),
    **dict.fromkeys(("°", "degree", "degrees", "deg"), "degree"),
    **dict.fromkeys(("sec", "secs", "second", "seconds"), "second"),
    **dict.fromkeys(("min", "mins", "minute", "minutes"), "minute"),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), "hour"),
    **dict.fromkeys(("day", "days"), "day"),
    **dict.fromkeys(("week", "weeks"), "week"),
    **dict.fromkeys(("fortnight", "fortnights"), "fortnight"),
    **dict.fromkeys(("month", "months"), "month"),
    **dict.fromkeys(("year", "years", "yr", "yrs"), "year"),
    **dict.fromkeys(("decade", "decades"), "decade"),
    **dict.fromkeys(("century", "centuries"), "century"),
    **dict.fromkeys(("quarter", "quarters"), "quarter"),
}
# Abbreviations too short to be trusted after a space ("5 in", "2 m", "3 h").
GLUED_ONLY_UNITS = {"in", "m", "h", "l", "g", "gs", "gr", "s", "mi", "°"}
DURATION_UNITS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century"}
TEMPERATURE_UNITS = {"celsius", "fahrenheit", "degree"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "dlrs": "USD",
    "buck": "USD",
    "bucks": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "yen": "JPY",
    "rupee": "INR",
    "rupees": "INR",
    "shekel": "ILS",
    "shekels": "ILS",
    "franc": "CHF",
    "francs": "CHF",
    "ringgit": "MYR",
    "ringgits": "MYR",
}
CURRENCY_CODES = _word_set(
    "USD EUR GBP CNY JPY INR CAD CHF AUD NZD RUB ILS KWD EGP QAR SAR AED MYR BGN LBP SEK NOK DKK HKD SGD "
    "KRW BRL MXN ZAR TRY UAH PLN"
)
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "us$": "USD", "rs": "INR", "rs.": "INR"}
EVENTS = {
    "killed": (
        "kill",
        "kills",
        "killed",
        "killing",
        "dead",
        "death",
        "deaths",
        "died",
        "die",
        "dies",
        "massacre",
        "massacred",
        "fatalities",
        "fatally",
        "toll",
        "murdered",
        "slain",
    ),
    "injured": ("injured", "injuring", "injures", "wounded", "wounding", "hurt", "injuries", "hospitalized"),
    "killed_unit": ("lives",),
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
EVENT_OF_WORD = {w: event for event, words in EVENTS.items() for w in words if event != "killed_unit"}
# Event words that may take the count right after them ("killed three", "deaths of 12").
EVENT_BEFORE_COUNT = {
    *("kill", "kills", "killed", "killing", "death", "deaths", "massacre", "massacred", "murdered", "toll"),
    *("injured", "injuring", "injures", "wounded", "wounding", "hurt"),
    *("attend", "attended", "host", "hosting", "hosts", "hosted", "representatives", "delegates", "participants"),
    *("deported", "deport", "arrested", "detained", "deploy", "deployed", "evacuated", "displaced", "visited"),
    *("funding", "aid", "contributed", "spent", "pledged", "invested"),
}
# Words allowed between such an event word and its count.
GAP_WORDS = {
    *("of", "the", "a", "an", "to", "all", "another", "at", "least", "his", "her", "their", "its", "from", "some"),
    *("rose", "reached", "climbed", "stood", "stands", "is", "was", "now", "has", "had", "risen", "total", "jumped"),
}
CASUALTY_EVENTS = {"killed", "injured"}
# Things counted that are never casualties, whatever event word is near.
NOT_CASUALTY_UNITS = {
    *("gunman", "gunmen", "shooter", "suspect", "attacker", "assailant", "killer", "murderer", "man-hunt"),
    "time",
    "shot",
    "round",
    "bullet",
    "car",
    "vehicle",
    "block",
    "call",
    "gun",
    "weapon",
    "count",
    "charge",
    "shooting",
    "incident",
    "attack",
    "home",
    "house",
    "hospital",
    "dollar",
    "case",
    "cent",
    "share",
    "point",
}
STOP_AFTER = _word_set(
    "in on at to from by for with into since and or but who whom whose that which were was are is be been "
    "have had has will would could can may might must should the a an this than as while when where after "
    "before including most of until because if he she it they we i you his her their its them him there "
    "each per apiece then also not so all both more less ago later earlier old out up down off over under "
    "about against during through between among via hence now today tonight yesterday tomorrow only just "
    "again too either neither nor"
)
PAST_IRREGULAR = _word_set(
    "said told met began went came held spoke took gave made saw was were had did found left fled fell "
    "rose won lost paid sold bought brought thought felt kept led ran shot struck sent spent stood wrote "
    "broke chose drove flew grew knew threw wore became sought caught taught fought hid heard sat sank "
    "stole shook woke rode swore tore understood withdrew overtook undertook forgot got meant built dealt "
    "drew ate slew ago earlier yesterday since previously formerly"
)
# Words ending in -ed that are not past-tense verbs.
NOT_PAST_ED = _word_set(
    "need needed seed feed speed bleed breed creed greed shed bed red hundred sacred naked wicked rugged "
    "ragged kindred beloved aged alleged armed united limited indeed proceed exceed succeed embed weed "
    "reed deed tweed wed fled led sled planned scheduled expected proposed intended slated anticipated "
    "supposed required related based called named so-called unidentified unnamed unexpected detailed "
    "advanced experienced talented skilled complicated sophisticated dedicated interested concerned "
    "married retired wounded injured deceased"
)
FUTURE_RE = re.compile(
    r"\b(?:will|shall|won't|'ll|would|(?:is|are|was|were)\s+(?:due|set|scheduled|slated|expected|going|to\s+be)\s+to"
    r"|due\s+to\s+(?:be|begin|start|meet|visit|arrive|take|hold|open|close|end|return|leave|travel|fly|sign)"
    r"|(?:is|are)\s+to|scheduled\s+(?:to|for)|slated\s+(?:to|for)|set\s+(?:to|for)|plans?\s+to|planned\s+(?:to|for)"
    r"|planning\s+to|intends?\s+to|expects?\s+to|expected\s+to|going\s+to|upcoming|this\s+coming|until|payable"
    r"|effective|deadline|postponed)\b",
    re.IGNORECASE,
)
# "has/have/had" + participle is a perfect, i.e. past for dating purposes.
PERFECT_RE = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?(?:\w+ly\s+)?[a-z]+(?:ed|en|t|wn|ne)\b", re.IGNORECASE)
ED_WORD_RE = re.compile(r"\b([a-z][a-z'-]{2,}ed)\b")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
NEGATION_RE = re.compile(r"\b(not|no|never|n't|denied|did not|didn't|won't|will not)\b", re.IGNORECASE)
ATTRIBUTION_RE = re.compile(
    r"(according to [^,.;]+|(?:,\s*|\b)(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}|the [\w\s]{1,40}?)\s+(?:said|says|reported|told|announced|explained|stated)\b)"
)
CAPITALISED_RE = re.compile(r"\b[A-Z][a-zA-Z’'-]+(?:\s+[A-Z][a-zA-Z’'-]+)*")

MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NAMES.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_NAMES["sept"] = 9
FULL_MONTHS = {name.lower() for name in calendar.month_name if name}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
FULL_WEEKDAYS = set(WEEKDAYS)
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3})
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

_WORD_NUM = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
_NUM_WORDS_RE = (
    rf"(?:(?:a\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?(?:{_WORD_NUM})"
    rf"(?:(?:[\s-]+|\s+and\s+)(?:{_WORD_NUM}))*(?:\s+point(?:\s+(?:{'|'.join(list(UNITS)[:10])}))+)?)"
)
_DIGITS_RE = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_VAGUE_RE = (
    r"(?:tens of thousands|hundreds of thousands|tens of millions|hundreds of millions|hundreds of billions"
    r"|dozens|scores|hundreds|thousands|millions|billions|trillions)"
)
_NUMBER_RE = (
    rf"(?:{_DIGITS_RE}(?:\s*(?:hundred|thousand|million|billion|trillion|dozen)s?\b|(?:mn|bn|[kKmMbB])(?![A-Za-z]))?"
    rf"|{_VAGUE_RE}\b|{_NUM_WORDS_RE}\b(?:\s+dozens?\b)?|(?:a\s+)?(?:dozen|couple|pair)\b(?:\s+of\b)?|single\b"
    rf"|nil\b|naught\b|nought\b|an?\b(?=\s+[\w-]))"
)
_QUAL_RE = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTH_NAMES), key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True))
_CUR_PREFIX_RE = r"(?:US\$|[$€£¥]|\b(?:" + "|".join(sorted(CURRENCY_CODES)) + r")\b|\bRs\.?)"
NUMBER_RE = re.compile(
    rf"(?<![\w$€£¥.,/:#-])(?:(?P<qual>{_QUAL_RE})(?:\s+|(?<=~)\s*))?(?:(?P<cur>{_CUR_PREFIX_RE})\s?)?"
    rf"(?P<neg>(?:minus|negative)\s+|-\s?(?=\d|\.\d))?(?P<num>{_NUMBER_RE})",
    re.IGNORECASE,
)
RANGE_TAIL_RE = re.compile(
    rf"\s*(?:-|–|—|to|and)\s*~?\s*(?:about\s+)?(?:{_CUR_PREFIX_RE}\s?)?(?P<to>{_DIGITS_RE}(?:\s*(?:hundred|thousand|million|billion|trillion)\b|(?:mn|bn|[kKmMbB])(?![A-Za-z]))?|{_NUM_WORDS_RE}\b)",
    re.IGNORECASE,
)
UNIT_GLUED_RE = re.compile(r"(?P<u>°\s?[CFcf]\b|°|[A-Za-z]{1,12}\.?)(?![A-Za-z])")
PERCENT_RE = re.compile(r"\s?%|\s+per\s?cent\b|\s+percent\b|\s+pct\b", re.IGNORECASE)
CUR_SUFFIX_RE = re.compile(
    r"\s?(?P<c>[$€£¥]|US\$|\b(?:" + "|".join(sorted(CURRENCY_CODES)) + r")\b|€ur\b)", re.IGNORECASE
)
ORDINAL_WORD_RE = (
    rf"(?:(?:{'|'.join(TENS)})[\s\-—]?(?:{'|'.join(list(ORDINALS)[:9])})"
    rf"|{'|'.join(sorted([*ORDINALS, *TENS_ORDINALS], key=len, reverse=True))})"
)
ORDINAL_RE = re.compile(
    rf"(?<![\w-])(?P<ord>{ORDINAL_WORD_RE}|\d+(?:st|nd|rd|th))\b(?P<scope>(?:\s+[\w'’-]+){{0,10}})",
    re.IGNORECASE,
)
# Spans that look numeric but are identifiers: phone numbers, times, ages, addresses, case numbers.
IDENTIFIER_RES = [
    re.compile(r"(?<!\d)(?:\+?1[-. ])?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}(?!\d)"),
    re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b|o'clock\b)", re.IGNORECASE),
    re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?\b"),
    re.compile(rf"\b(?:\d+|{_NUM_WORDS_RE})(?:-|\s)(?:years?|months?|weeks?|days?)(?:-|\s)old\b", re.IGNORECASE),
    re.compile(
        r"\b(?:aged|age|ages|turned|turns|turning)\s+\d+(?:\s*(?:,|and|to|or|-)\s*\d+)*\b|\b\d+\s+years\s+of\s+age\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b[A-Z][\w'’-]+,\s\d{1,3}(?=,|\s+(?:and|was|were|is|of|has|had|died|who|said)\b)"),
    re.compile(r"\b\d+\s+block\b", re.IGNORECASE),
    re.compile(
        r"\b\d+(?:\s+(?:[NSEW]\.?|North|South|East|West))?(?:\s+[A-Z0-9][\w.'-]*){1,3}\s+"
        r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl|Place|Hwy|Highway"
        r"|Pkwy|Parkway|Ter|Terrace|Cir|Circle)\b\.?"
    ),
    re.compile(
        r"\b(?:Channel|Station|Terminal|Gate|Platform|Chapter|Section|Article|Flight|Precinct|District|Ward|Room"
        r"|Suite|Unit|Floor|Pier|Track|Engine|Ladder|Squad|Company|Battalion|Apollo|Boeing|Airbus)\s+\d+[A-Za-z]?\b"
    ),
    re.compile(r"\b(?:No\.|Nos\.|#|Number|Case|Docket|Route|Rt\.|Highway|Hwy\.?|Interstate|I-|US-|SR-)\s?\d[\w-]*"),
    re.compile(r"\b911\b(?=\s+(?:call|calls|dispatch\w*|operator\w*|center|centre|system|emergency|line))"),
    re.compile(r"\b(?:dial|dials|dialed|dialled|called|calling|call)\s+911\b", re.IGNORECASE),
    re.compile(r"\b\d+(?:/\d+)+\b"),
    re.compile(r"\b[A-Z]{1,4}-?\d{2,}\b"),
    re.compile(r"\b\d+-\d+-\d+\b"),
]
SENTENCE_END_RE = re.compile(r"(?<![A-Z])[.!?][\"”’')]?\s+(?=[A-Z\"“‘(])")
ABBREVIATION_RE = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|St|Jr|Sr|No|Co|vs|Gen|Sen|Rep|Gov|Inc|Ltd|Corp|Col|Lt|Sgt|Capt|Prof|"
    + "|".join(name for name in calendar.month_abbr if name)
    + r"|Sept)$"
)
SHOT_AND_RE = re.compile(r"\b(?:shot|stabbed|beaten|struck|hit|run over)\s+and\b", re.IGNORECASE)
# Between a count and a later "killed"/"injured": a passive or nothing ("3 were killed", "3 killed"),
# never an active clause ("a man who killed").
PASSIVE_GAP_RE = re.compile(
    r"^(?:\s|,|\b(?:was|were|is|are|been|be|being|have|has|had|left|found|reported|confirmed|people|persons|others|more"
    r"|other|shot|and|[a-z]+ly)\b)*$",
    re.IGNORECASE,
)
EVENT_NEEDS_PASSIVE = {"killed", "injured", "wounded", "hurt", "murdered", "slain", "massacred"}
CLAUSE_BREAK_RE = re.compile(r"[;:]|\s[—–-]\s|\b(?:and|but|while|whereas|although|though|because)\b", re.IGNORECASE)


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


# ---------------------------------------------------------------------------------------------
# Numbers


def _word_number(text: str) -> float | None:
    """Value of a number written in words ('three', 'one million', 'two point five')."""
    total, current, seen = 0.0, 0.0, False
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t not in ("and", "")]
    for i, token in enumerate(tokens):
        if token == "point":
            digits = "".join(str(UNITS[t]) for t in tokens[i + 1 :] if t in UNITS and UNITS[t] < 10)
            return total + current + (float("0." + digits) if digits else 0.0) if seen else None
        if token == "a":
            current = max(current, 1)
            continue
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token.removesuffix("s") in SCALES:
            token = token.removesuffix("s")
            total += max(current, 1) * SCALES[token]
            current = 0
        elif token in ("dozen", "dozens"):
            current = max(current, 1) * 12
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> tuple[float, float | None] | None:
    """Parse one number ('1,400', '2.3 million', 'three', 'two dozen', 'hundreds of billions').

    Returns:
        (low, high) for vague amounts ('hundreds' -> (200, 1000)), (value, None) otherwise,
        None when the text is not a number.

    Example:
        >>> parse_number("2.3 million")
        (2300000.0, None)
    """
    t = re.sub(r"\s+", " ", text.strip().lower())
    t = re.sub(r"\s+of$", "", t)
    for vague_scale in ("tens of ", "hundreds of "):
        if t.startswith(vague_scale) and t[len(vague_scale) :] in VAGUE:
            base = SCALES[t[len(vague_scale) :].rstrip("s")]
            factor = (20, 100) if vague_scale == "tens of " else (200, 1000)
            return float(factor[0] * base), float(factor[1] * base)
    if t in VAGUE:
        lo, hi = VAGUE[t]
        return float(lo), float(hi)
    t = re.sub(r"^an?\s+(?=dozen|couple|pair)", "", t)
    if t in ("a", "an"):
        return 1.0, None
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t]), None
    m = re.fullmatch(rf"({_DIGITS_RE})\s*([a-z]*)(?:\s+(dozens?))?", t)
    if m:
        value = float(m.group(1).replace(",", ""))
        scale = m.group(2).removesuffix("s") if m.group(2) not in ("mn", "bn") else m.group(2)
        if scale:
            mult = SCALES.get(scale) or SCALE_ABBREV.get(scale)
            if scale in ("dozen", "dozens"):
                mult = 12
            if mult is None:
                return None
            value *= mult
        if m.group(3):
            value *= 12
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
        lo, hi = sorted((low * (1 - tolerance), low * (1 + tolerance)))
        return QuantityValue(low, lo, hi, True, True, True)
    return QuantityValue(low, low, low, True, True, False)


def _singular(word: str) -> str:
    """Singular of a counted noun ('countries' -> 'country', 'Russian lives' head -> 'life')."""
    head = word.lower()
    if head in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[head]
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith(("ches", "shes", "sses", "xes")) and len(head) > 4:
        return head[:-2]
    if head.endswith("s") and not head.endswith(("ss", "us", "is")) and len(head) > 3:
        return head[:-1]
    return head


def _is_verbish(word: str) -> bool:
    """Whether a word after a counted noun is a verb or adverb, ending the noun phrase."""
    w = word.lower()
    return (
        w in PAST_IRREGULAR
        or w in EVENT_OF_WORD
        or w.endswith("ly")
        or (w.endswith("ed") and w not in ("red", "bed"))
        or (w.endswith("ing") and len(w) > 5)
        or w in ("go", "goes", "went", "say", "says", "see", "sees", "get", "gets", "remain", "remains", "become")
    )


def _unit_after(text: str, pos: int, *, collective: bool) -> tuple[str, int]:
    """What is counted after a number: a unit ('km') or the head of a noun phrase ('Russian lives')."""
    m = UNIT_GLUED_RE.match(text, pos)
    if m:  # glued: "3km", "5%"-like units, "37°C"
        canon = UNIT_CANON.get(m.group("u").lower().rstrip(".").replace(" ", ""))
        if canon:
            return canon, m.end()
        return "", pos
    m = re.match(r"\s?(°\s?[CFcf]\b|°)", text[pos:])
    if m:
        return UNIT_CANON[m.group(1).lower().replace(" ", "")], pos + m.end()
    words: list[str] = []
    end = pos
    first = True
    while len(words) < 3:
        link = r"\s+(?:of\s+)?" if first and collective else r"\s+"
        m = re.compile(link + r"((?:\d+-)?[A-Za-z][A-Za-z'’-]*\.?)").match(text, end)
        if m is None:
            break
        raw = m.group(1)
        word = raw.rstrip(".")
        low = word.lower()
        canon = UNIT_CANON.get(low)
        if canon and not words:
            if low in GLUED_ONLY_UNITS and text[m.end() : m.end() + 1].isalpha():
                break
            return canon, m.start(1) + len(word)
        if low in STOP_AFTER or low in MONTH_NAMES or low in WEEKDAYS:
            break
        if words and (_is_verbish(word) or low in CURRENCY_WORDS):
            break
        if not words and (low in EVENT_OF_WORD and low not in ("lives", "deaths", "fatalities", "injuries")):
            break
        if low in CURRENCY_WORDS and not words:
            if low.startswith("pound") and re.match(r"\s+of\b", text[m.end() :]):
                return "pound", m.start(1) + len(word)  # "two pounds of meat" is a weight
            return low, m.start(1) + len(word)
        words.append(word)
        end = m.start(1) + len(word)
        first = False
        if re.search(r"[,;:]", text[end : end + 1]):
            break
        if UNIT_CANON.get(low) or low.endswith("s"):
            break  # a plural noun is the head: "two daughters because ..."
    if not words:
        return "", pos
    head = words[-1]
    canon = UNIT_CANON.get(head.lower())
    return (canon or _singular(head)), end


def _identifier_spans(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers, times, ages, addresses and case numbers."""
    spans: list[tuple[int, int]] = []
    for rx in IDENTIFIER_RES:
        spans.extend((m.start(), m.end()) for m in rx.finditer(text))
    return spans


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any span."""
    return any(start < e and end > s for s, e in spans)


def _scan_quantities(text: str, tolerance: float) -> list[_Raw]:
    """Numbers with their qualifier, range, unit and kind (no events yet)."""
    blocked = _identifier_spans(text)
    found: list[_Raw] = []
    for m in NUMBER_RE.finditer(text):
        if found and m.start() < found[-1].end:
            continue  # the upper end of a range already read
        num_start, num_end = m.start("num"), m.end("num")
        surface_num = m.group("num")
        if _inside(blocked, num_start, num_end):
            continue
        qualifier = (m.group("qual") or "").lower()
        low_num = surface_num.lower()
        lone_article = low_num in ("a", "an", "one", "single")
        # "between X and Y", "from X to Y"
        between = re.search(r"\b(between|from)\s+$", text[max(0, m.start() - 10) : m.start()], re.IGNORECASE)
        tail = RANGE_TAIL_RE.match(text, num_end)
        parsed = parse_number(surface_num)
        if parsed is None:
            continue
        start, end = m.start(), num_end
        if between:
            start = m.start() - len(between.group(0)) + (between.start(1) - between.start(0))
        is_range = False
        if tail and (tail.group(0).strip()[:1] in "-–—" or tail.group(0).strip().lower().startswith("to") or between):
            if tail.group(0).strip().lower().startswith("and") and not between:
                tail = None
        else:
            tail = None
        if tail:
            upper = parse_number(tail.group("to"))
            if upper is not None and upper[0] >= parsed[0] and not _inside(blocked, tail.start("to"), tail.end("to")):
                if re.match(r"[-/]\d", text[tail.end() : tail.end() + 2]):
                    continue  # "1-800-268": a phone number or code, not a range
                is_range = True
                end = tail.end()
                value = QuantityValue(None, parsed[0], upper[1] or upper[0], True, True, False)
                qualifier = "between" if between else (qualifier or "range")
            elif upper is not None and upper[0] < parsed[0] and tail.group(0).strip()[:1] in "-–—":
                continue  # "6-3": a score, not a range
        if not is_range:
            if between:
                start = m.start()
            if parsed[1] is not None:
                value = _interval(parsed[0], parsed[1], qualifier or "vague", tolerance)
                qualifier = qualifier or "vague"
            else:
                value = _interval(parsed[0], None, qualifier, tolerance)
        if m.group("neg") and value.point is not None:
            value = QuantityValue(-value.point, -value.point, -value.point, True, True, False)
        if re.match(r"[-/]\d", text[end : end + 2]) or re.match(r"\.\d", text[end : end + 2]):
            continue
        glued = re.match(r"[A-Za-z]+", text[end : end + 14])
        if (
            glued
            and surface_num[-1:].isdigit()
            and glued.group(0).lower() not in UNIT_CANON
            and glued.group(0).lower() not in CURRENCY_WORDS
            and glued.group(0).upper() not in CURRENCY_CODES
        ):
            continue  # "177th", "CBS13x": an ordinal or a name, not a count
        if (
            re.fullmatch(r"(1[5-9]|20)\d\d", surface_num)
            and not (qualifier or m.group("cur") or is_range)
            and not re.match(r"\s+[a-z]+s\b", text[end:])
        ):
            continue  # a year; the date extractor reads it
        kind, unit = "quantity", ""
        cur = m.group("cur")
        pct = PERCENT_RE.match(text, end)
        if pct:
            kind, unit, end = "percent", "%", pct.end()
        elif cur:
            code = CURRENCY_SIGNS.get(cur.lower()) or cur.upper()
            kind, unit = "money", code
            scale = re.match(r"\s*(mn|bn|[mMbBkK])\b", text[end:])
            if scale and not re.search(r"[a-zA-Z]$", surface_num):
                end += scale.end()
                mult = SCALE_ABBREV[scale.group(1).lower()]
                value = _scaled(value, mult)
        else:
            suffix = CUR_SUFFIX_RE.match(text, end)
            if suffix and (not text[end : end + 1].isspace() or suffix.group("c").isupper()):
                code = CURRENCY_SIGNS.get(suffix.group("c").lower()) or suffix.group("c").upper()
                kind, unit, end = "money", "EUR" if code == "€UR" else code, suffix.end()
            else:
                glued_scale = re.search(r"(?<=\d)([mM])$", surface_num)
                if glued_scale and surface_num.endswith("m"):
                    # "3m" without a currency is metres; "$3m" and "3M" are millions
                    base = parse_number(surface_num[:-1])
                    if base is not None:
                        value = _interval(base[0], None, qualifier, tolerance)
                        kind, unit = "quantity", "metre"
                else:
                    collective = bool(parsed[1] is not None or re.search(r"dozen|couple|pair", low_num))
                    unit, unit_end = _unit_after(text, end, collective=collective)
                    if unit:
                        end = unit_end
                    if unit in CURRENCY_WORDS:
                        kind, unit = "money", CURRENCY_WORDS[unit]
                    elif unit in DURATION_UNITS:
                        kind = "duration"
                    elif unit in TEMPERATURE_UNITS:
                        unit = _temperature_unit(text, end, unit)
                        end = _temperature_end(text, end)
        if low_num in ("a", "an") and kind == "quantity" and not unit:
            continue
        if unit and _inside(blocked, end - 1, end):
            # the unit word belongs to an age or a name ("a six year old boy"): what is counted follows it
            after = max(e for s_, e in blocked if s_ < end and e > end - 1)
            unit, end = _unit_after(text, after, collective=False)
            kind = "quantity"
            if not unit and lone_article:
                unit, end = "person", after  # "a 17-year-old was killed": one person
            elif not unit:
                continue
        if kind == "duration" and lone_article:
            lone_article = False  # "a month", "one hour" are durations
        found.append(_Raw(start, end, kind, value, unit, qualifier, lone_article and kind == "quantity"))
    return found


def _scaled(value: QuantityValue, mult: float) -> QuantityValue:
    """A quantity multiplied by a scale ('$5bn')."""

    def mul(x: float | None) -> float | None:
        return None if x is None else x * mult

    return replace(value, point=mul(value.point), low=mul(value.low), high=mul(value.high))


def _temperature_unit(text: str, pos: int, unit: str) -> str:
    """'degrees' followed by 'Celsius'/'Fahrenheit' takes that scale."""
    m = re.match(r"\s*(celsius|centigrade|fahrenheit|C\b|F\b)", text[pos:], re.IGNORECASE)
    if unit == "degree" and m:
        return "fahrenheit" if m.group(1).lower().startswith("f") else "celsius"
    return unit


def _temperature_end(text: str, pos: int) -> int:
    """End of a temperature including a trailing scale word."""
    m = re.match(r"\s*(celsius|centigrade|fahrenheit|C\b|F\b)", text[pos:], re.IGNORECASE)
    return pos + m.end() if m else pos


# ---------------------------------------------------------------------------------------------
# Events


@functools.lru_cache(maxsize=64)
def _event_words(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, event) of each event word of a text."""
    out = []
    for m in WORD_RE.finditer(text):
        event = EVENT_OF_WORD.get(m.group(0).lower())
        if event:
            out.append((m.start(), m.end(), event))
    return tuple(out)


def _gap_ok(gap: str, max_words: int) -> bool:
    """Whether the text between a number and an event word keeps them in one clause."""
    gap = SHOT_AND_RE.sub(" ", gap)  # "was shot and killed" is one event
    if re.search(r"[.;:!?()]", gap) or CLAUSE_BREAK_RE.search(gap):
        return False
    return len(WORD_RE.findall(gap)) <= max_words


def _attach_events(text: str, raws: list[_Raw]) -> list[str]:
    """The event of each quantity, attached by clause and direction, not by nearest word.

    An event word takes the quantity right after it ("killing two", "deaths of at least
    1,400") or else the nearest one before it ("1 dead, 3 injured", "three others hurt").
    Casualty events never cross a clause break; other events fall back to the nearest
    event word of the sentence.
    """
    events = [""] * len(raws)
    best = [math.inf] * len(raws)
    words = _event_words(text)
    eligible = [
        r.kind == "quantity" or (r.kind == "percent" and False) for r in raws
    ]  # only counts of things carry events
    for w_start, w_end, event in words:
        casualty = event in CASUALTY_EVENTS
        target, dist = None, math.inf
        for i, r in enumerate(raws):
            if not eligible[i] or (casualty and r.unit in NOT_CASUALTY_UNITS):
                continue
            if r.start >= w_end:
                gap = text[w_end : r.start]
                gap_words = [g.lower() for g in WORD_RE.findall(gap)]
                if (
                    text[w_start:w_end].lower() in EVENT_BEFORE_COUNT
                    and len(gap_words) <= 3
                    and all(g in GAP_WORDS for g in gap_words)
                    and not re.search(r"[,.;:!?()]", gap)
                ):
                    target, dist = i, len(gap)
                break
        if target is None:
            for i in range(len(raws) - 1, -1, -1):
                r = raws[i]
                if r.end > w_start or not eligible[i]:
                    continue
                if casualty and r.unit in NOT_CASUALTY_UNITS:
                    continue
                gap = text[r.end : w_start]
                needs_passive = text[w_start:w_end].lower() in EVENT_NEEDS_PASSIVE
                if needs_passive and not PASSIVE_GAP_RE.match(SHOT_AND_RE.sub(" ", gap)):
                    break
                if _gap_ok(gap, 8) and not re.search(r"\bincluding\s*$", text[max(0, r.start - 12) : r.start]):
                    target, dist = i, len(gap)
                break
        if target is not None and dist < best[target]:
            events[target], best[target] = event, dist
    for i, r in enumerate(raws):
        if not events[i] and r.unit == "life":
            events[i] = "killed"  # "claimed 257 lives"
        if not events[i] and not r.weak:
            near = _event_near(text, r.start, r.end, exclude=CASUALTY_EVENTS)
            events[i] = near
    return events


def _event_near(sentence: str, start: int, end: int, *, exclude: set[str] | None = None) -> str:
    """The event word nearest to a span in its sentence (inside the span counts as nearest)."""
    best, best_dist = "", 10**9
    for w_start, w_end, event in _event_words(sentence):
        if exclude and event in exclude:
            continue
        if w_start >= start and w_end <= end:
            dist = 0
        elif w_start >= end:
            dist = w_start - end
        else:
            dist = max(0, start - w_end)
        if dist < best_dist:
            best, best_dist = event, dist
    return best


def _attribution(sentence: str) -> str:
    """Who the sentence attributes its statement to, if it says."""
    m = ATTRIBUTION_RE.search(sentence)
    return m.group(0).strip(" ,") if m else ""


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


def extract_quantities(text: str, *, tolerance: float = 0.1) -> list[Claim]:
    """Numbers with qualifiers, units and events found in `text` (offsets into `text`).

    Example:
        >>> [(c.text, c.event) for c in extract_quantities("1 dead, 3 injured in shooting")]
        [('1', 'killed'), ('3', 'injured')]
    """
    raws = _scan_quantities(text, tolerance)
    events = _attach_events(text, raws)
    claims = []
    alone = len(raws) == 1 and not text[: raws[0].start].strip() and not text[raws[0].end :].strip()
    for raw, event in zip(raws, events, strict=True):
        if raw.weak and event not in CASUALTY_EVENTS and not (alone and raw.unit == ""):
            continue  # "a"/"one" is an article or pronoun unless a casualty follows
        unit = raw.unit
        if not unit and event in CASUALTY_EVENTS:
            unit = "people"  # "1 dead, 3 injured" counts people
        claims.append(
            _claim(raw.kind, text, raw.start, raw.end, raw.value, unit=unit, qualifier=raw.qualifier, event=event)
        )
    return claims


# ---------------------------------------------------------------------------------------------
# Ordinals


def _ordinal_value(word: str) -> int | None:
    """Value of an ordinal ('25th', 'twenty-fifth', 'ninetieth')."""
    w = word.lower().replace("—", "-")
    if w[:1].isdigit():
        return int(re.sub(r"\D", "", w))
    if w in ORDINALS:
        return ORDINALS[w]
    if w in TENS_ORDINALS:
        return TENS_ORDINALS[w]
    for tens, n in TENS.items():
        if w.startswith(tens):
            rest = w[len(tens) :].strip(" -")
            if rest in ORDINALS and ORDINALS[rest] < 10:
                return n + ORDINALS[rest]
    return None


def extract_ordinals(text: str) -> list[Claim]:
    """Ordinals with their scope ('second trip abroad', 'first excursion beyond ...').

    An ordinal with nothing ordered after it keeps an empty scope.
    """
    claims = []
    for m in ORDINAL_RE.finditer(text):
        ordinal = m.group("ord")
        n = _ordinal_value(ordinal)
        if n is None:
            continue
        if ordinal.lower() == "second" and re.search(
            rf"\b(?:a|one|per|{_WORD_NUM}|\d+)\s+$", text[max(0, m.start() - 12) : m.start()], re.IGNORECASE
        ):
            continue  # "a second", "ten seconds": time, not order
        scope_words: list[str] = []
        for word in m.group("scope").split():
            if word.lower() in {"since", "when", "after", "as", "that", "which", "who", "and", "but", "in", "on"}:
                break
            scope_words.append(word.strip(",.;:"))
            if word[-1:] in ",.;:":
                break
        if scope_words and scope_words[0].lower() in {"of", "time", "and", "to", "the", "a", "is", "was"}:
            scope_words = []
        scope_words = [w for w in scope_words if w]
        value = QuantityValue(float(n), float(n), float(n), True, True, False)
        if scope_words:
            scope = " ".join(scope_words)
            end = m.start("scope") + m.group("scope").find(scope_words[-1]) + len(scope_words[-1])
            unit = scope_words[0].lower()
        else:
            scope, end, unit = "", m.end("ord"), ""
        claims.append(
            _claim(
                "ordinal",
                text,
                m.start(),
                end,
                value,
                unit=unit,
                event=_event_near(text, m.start(), end),
                scope=scope,
            )
        )
    return claims


# ---------------------------------------------------------------------------------------------
# Tense


@functools.lru_cache(maxsize=64)
def _sentence_ends(text: str) -> tuple[tuple[int, int], ...]:
    """(end of sentence, start of next) of each sentence break of a text."""
    return tuple(
        (m.start() + 1, m.end())
        for m in SENTENCE_END_RE.finditer(text)
        if not ABBREVIATION_RE.search(text, max(0, m.start() - 6), m.start())  # "Oct. 23", "Mr. Smith"
    )


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence around `pos`."""
    start, end = 0, len(text)
    for stop, next_start in _sentence_ends(text):
        if next_start <= pos:
            start = next_start
        elif stop > pos:
            end = stop
            break
    return start, end


@functools.lru_cache(maxsize=64)
def _tense_markers(sentence: str) -> list[tuple[int, str]]:
    """(offset, 'past'|'future') of each tense marker in a sentence."""
    markers = [(m.start(), "future") for m in FUTURE_RE.finditer(sentence)]
    markers += [(m.start(), "past") for m in PERFECT_RE.finditer(sentence)]
    for m in WORD_RE.finditer(sentence):
        w = m.group(0).lower()
        if w in PAST_IRREGULAR:
            markers.append((m.start(), "past"))
    for m in ED_WORD_RE.finditer(sentence):
        w = m.group(1).lower()
        if w in NOT_PAST_ED:
            continue
        before = sentence[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"\b(?:a|an|the|this|that|his|her|their|its|our|my|your|be|being|is|are)\s+$", before):
            continue  # "the alleged", "is expected": adjectives and present passives
        markers.append((m.start(), "past"))
    return sorted(markers)


def _tense(text: str, start: int, end: int | None = None) -> str:
    """'future', 'past' or '' for the clause of a date: its nearest tense marker.

    The marker before the date in its sentence wins; a sentence that opens with the
    date ("On Sunday, police said ...") takes the first marker after it.
    """
    end = start if end is None else end
    s0, s1 = _sentence_bounds(text, start)
    sentence = text[s0:s1]
    markers = _tense_markers(sentence)
    before = [(p, k) for p, k in markers if s0 + p < start]
    if before:
        return before[-1][1]
    after = [(p, k) for p, k in markers if s0 + p >= end]
    return after[0][1] if after else ""


# ---------------------------------------------------------------------------------------------
# Dates


def _no_date(granularity: str) -> DateValue:
    """A relative date that cannot be resolved without a publication date."""
    return DateValue(None, None, granularity, "no publication date: cannot resolve")


def _month_end(year: int, month: int) -> date:
    """Last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_value(year: int, month: int, note: str = "") -> DateValue:
    """A whole month."""
    return DateValue(date(year, month, 1), _month_end(year, month), "month", note)


def _year_value(year: int, note: str = "") -> DateValue:
    """A whole year."""
    return DateValue(date(year, 1, 1), date(year, 12, 31), "year", note)


def _week_value(day: date, note: str = "") -> DateValue:
    """The Monday-to-Sunday week around a day."""
    monday = day - timedelta(days=day.weekday())
    return DateValue(monday, monday + timedelta(days=6), "week", note)


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
_HOLIDAY_ALT = "|".join(f"(?:{k})" for k in HOLIDAYS)
HOLIDAY_RE = re.compile(
    rf"\b(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<h>{_HOLIDAY_ALT})\b(?:,?\s+(?:of\s+)?(?P<y>(?:1[6-9]|20)\d\d)\b"
    r"|\s+(?:of\s+)?(?P<yrel>last|next|this)\s+year\b)?",
    re.IGNORECASE,
)
_HOLIDAY_FNS = [(re.compile(rf"(?:{k})$", re.IGNORECASE), fn) for k, fn in HOLIDAYS.items()]

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
    rf"|\b(?:the\s+)?{_DAY_RE.format(n='d2')}\s*(?:of\s+|-|/)?(?P<m2>{_MONTH_RE})\b\.?(?:(?:,?\s+|[-/])(?P<y2>\d{{4}}|\d\d)\b)?)"
    rf"(?:,?\s+(?P<wd2>{_WEEKDAY_RE})\b\.?)?",
    re.IGNORECASE,
)
NUMERIC_DATE_RE = re.compile(
    r"(?<![\w/.:-])(?:(?P<iy>(?:1[6-9]|20)\d\d)[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
    r"|(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"|(?P<sa>\d{1,2})\s?/\s?(?P<sb>\d{1,2}))(?![\w/-]|\.\d)",
)
MONTH_YEAR_RE = re.compile(
    rf"\b(?:(?P<since>since|in|from|until|by|during|through|before|after)\s+)?(?:the\s+)?"
    rf"(?:(?P<part>early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)[\s-]+(?:of\s+)?)?"
    rf"(?:(?P<rel0>last|this|next|past|coming)\s+)?(?P<m>{_MONTH_RE})\b\.?(?:,?\s+(?:of\s+)?(?P<y>(?:1[6-9]|20)\d\d)\b(?!\s*(?:-|–)\s*\d)|\s+(?:of\s+)?(?P<rel>last|this|next) year\b)?",
    re.IGNORECASE,
)
_WORD_YEAR_RE = (
    rf"(?:(?:nineteen|eighteen|twenty)[\s-]+(?:(?:{'|'.join(TENS)})(?:[\s-]+(?:{'|'.join(list(UNITS)[1:10])}))?"
    rf"|(?:oh|o)[\s-]+(?:{'|'.join(list(UNITS)[1:10])})|(?:{'|'.join(list(UNITS)[10:])})|hundred)"
    rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{'|'.join([*list(UNITS)[1:], *TENS])})(?:[\s-]+(?:{'|'.join(list(UNITS)[1:10])}))?)?)"
)
YEAR_RE = re.compile(
    rf"(?<![\w$€£¥.,/-])(?:(?P<prep>in|since|by|of|until|from|during|through|before|after|between|and|to|the|year|circa|c\.)\s+)?"
    rf"(?:(?P<part>early|mid|late|post|pre|end\s+of)[\s-]+(?:of\s+)?)?"
    rf"(?P<y>(?:1[6-9]|20)\d\d|{_WORD_YEAR_RE})\b(?!,\d|\.\d|%|\s*(?:-|–)\s*\d{{1,3}}\b|\s?(?:s\b|'s|’s))",
    re.IGNORECASE,
)
DECADE_RE = re.compile(r"\b(?:the\s+)?(?P<part>early|mid|late)?[\s-]*(?P<y>(?:1[6-9]|20)\d0)'?s\b", re.IGNORECASE)
RELATIVE_RE = re.compile(
    r"\b(?P<rel>(?:(?:earlier|later|late|early)\s+)?(?:this|last|next|past|previous|coming)\s+(?:year|month|week)"
    r"|(?:the\s+)?(?:past|last|previous)\s+(?:year|month|week)|the\s+(?:day\s+)?(?:before\s+yesterday|after\s+tomorrow)"
    r"|yesterday|today|tomorrow|tonight)\b",
    re.IGNORECASE,
)
AGO_RE = re.compile(
    rf"\b(?:(?P<qual>about|around|nearly|almost|roughly|some|approximately|more than|less than|over|just over|just under)\s+)?"
    rf"(?P<n>\d+|an?|{_NUM_WORDS_RE}|a\s+few|a\s+couple\s+of|several)\s+(?P<u>days?|weeks?|months?|years?|decades?|fortnights?)"
    rf"\s+(?P<dir>ago|earlier|before|from\s+now|hence|later|(?=from\s+today))"
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


def _numeric_date(m: re.Match[str], text: str, published: date | None) -> DateValue | None:
    """Value of a numeric date ('2023-10-17', '10/17/2023', '17.10.2023', '2/15')."""
    try:
        if m.group("iy"):
            day = date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            return DateValue(day, day, "day")
        if m.group("a"):
            a, b, year = int(m.group("a")), int(m.group("b")), _full_year(m.group("y"))
            if m.group("sep") == "." or a > 12:
                a, b = b, a  # day first: 17.10.2023, 31/10/1974
            day = date(year, a, b)
            return DateValue(day, day, "day")
        a, b = int(m.group("sa")), int(m.group("sb"))
        before = text[max(0, m.start() - 8) : m.start()]
        standalone = not text[: m.start()].strip() and not text[m.end() :].strip()
        if not (standalone or re.search(r"\b(?:on|by|since|until|from|through|before|after)\s+$", before, re.I)):
            return None  # "24/7", "9/11", "1/2": a fraction or a name unless the context says date
        if not 1 <= a <= 12:
            return None
        if published is None:
            return _no_date("day")
        guessed = _guess_year(a, b, published, _tense(text, m.start(), m.end()))
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


def _scan_holidays(d: _Dates) -> None:
    """Named holidays with a fixed or computable date."""
    text, published = d.text, d.published
    for m in HOLIDAY_RE.finditer(text):
        fn = next((f for rx, f in _HOLIDAY_FNS if rx.fullmatch(m.group("h"))), None)
        if fn is None or not d.free(m.start(), m.end()):
            continue
        rel = (m.group("rel") or m.group("yrel") or "").lower()
        if m.group("y"):
            day = fn(int(m.group("y")))
        elif published is None:
            d.add(m.start(), m.end(), _no_date("day"))
            continue
        elif m.group("yrel"):
            day = fn(published.year + {"last": -1, "this": 0, "next": 1}[rel])
        else:
            candidates = [fn(y) for y in (published.year - 1, published.year, published.year + 1)]
            if rel in ("last", "past"):
                day = max(c for c in candidates if c < published)
            elif rel in ("next", "coming"):
                day = min(c for c in candidates if c > published)
            elif rel == "this":
                day = fn(published.year)
            else:
                day = _pick(candidates, published, _tense(text, m.start(), m.end()), slack=30)
        d.add(m.start(), m.end(), DateValue(day, day, "day"))


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
            tense = _tense(text, m.start(), m.end())
            year = int(y) if y else _guess_year(m1, d1, published, tense)
            if year is None:
                continue
            year2 = year + 1 if m2 < m1 else year
            value = DateValue(date(year, m1, d1), date(year2, m2, d2), "day")
        except ValueError:
            continue
        d.add(m.start(), m.end(), value, "range")
    for m in WEEK_OF_RE.finditer(text):
        if not d.free(m.start(), m.end()):
            continue
        month, day_n = MONTH_NAMES[m.group("m").lower()], int(m.group("d"))
        year = _guess_year(month, day_n, published, _tense(text, m.start(), m.end()))
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
            month_s, day_s, year_s = m.group("m2"), m.group("d2"), m.group("y2")
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
            and re.match(r"\s+[a-z]+s\b", after)
            and not year_s
            and not re.search(r"(?:st|nd|rd|th)$", day_s)
        ):
            continue  # "in March 30 people died": the number is a count
        month = MONTH_NAMES[month_s.lower()]
        weekday_s = m.group("wd") or m.group("wd2")
        start = m.start()
        if year_s:
            year = _full_year(year_s)
        elif weekday_s and published is not None:
            year = _year_of_weekday(month, day_n, WEEKDAYS[weekday_s.lower().rstrip(".")], published)
        else:
            year = _guess_year(month, day_n, published, _tense(text, m.start(), m.end()))
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
        if not (m.group("y") or m.group("part") or m.group("rel0")) and (
            month_s[0].islower() or month_s.lower() == "may" or month_s.lower() not in FULL_MONTHS
        ):
            continue  # "May" alone is a verb, "Jun" alone a name, far more often than a month
        month = MONTH_NAMES[month_s.lower()]
        qualifier = (m.group("since") or "").lower()
        part = re.sub(r"\s+", " ", (m.group("part") or "").lower())
        note = {"early": "early", "beginning of": "early", "start of": "early", "mid": "mid", "middle of": "mid"}.get(
            part, "late" if part in ("late", "end of") else ""
        )
        rel0 = (m.group("rel0") or "").lower()
        if m.group("y"):
            year: int | None = int(m.group("y"))
        elif published is None:
            year = None
        elif m.group("rel"):
            year = published.year + {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
        elif rel0 in ("last", "past"):
            year = published.year if month < published.month else published.year - 1
        elif rel0 in ("next", "coming"):
            year = published.year if month > published.month else published.year + 1
        elif rel0 == "this":
            year = published.year
        else:
            year = _guess_month_year(month, published, "past" if qualifier == "since" else _tense(text, m.start()))
        if year is None:
            d.add(s, m.end(), _no_date("month"), "since" if qualifier == "since" else "")
            continue
        value = _month_value(year, month, note)
        if qualifier == "since" and published is not None:
            value = DateValue(date(year, month, 1), published, "month", "since")
        d.add(s, m.end(), value, "since" if qualifier == "since" else "")
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
                tense = _tense(text, m.start(), m.end())
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
            if prev and prev.group(1)[0].isupper() and prev.group(1).lower() not in MONTH_NAMES:
                continue  # "Windows 2000", "ABC 2000": part of a name
            if re.match(r"\s+[a-z]+s\b", text[m.end() :]) and not re.match(r"\s+(?:was|is|has|as)\b", text[m.end() :]):
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
        note = {"post": "after", "pre": "before", "end of": "late"}.get(part, part)
        qualifier = "since" if prep == "since" else ""
        d.add(start, m.end(), _year_value(year, note), qualifier)


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


# ---------------------------------------------------------------------------------------------
# Public entry points


def extract_claims_from_text(text: str, published: date | None, *, tolerance: float = 0.1) -> list[Claim]:
    """All claims in a piece of text, sorted by position; offsets are into `text`.

    Example:
        >>> [c.text for c in extract_claims_from_text("More than 1,400 people died.", None)]
        ['More than 1,400 people']
    """
    dates = extract_dates(text, published)
    date_spans = [(c.start, c.end) for c in dates]
    ordinals = extract_ordinals(text)
    ordinal_starts = {c.start for c in ordinals}
    quantities = [c for c in extract_quantities(text, tolerance=tolerance) if c.start not in ordinal_starts]
    others = [c for c in [*quantities, *ordinals] if all(c.end <= s or c.start >= e for s, e in date_spans)]
    negated = bool(NEGATION_RE.search(text))
    attribution = _attribution(text)
    out = [replace(c, negated=negated, attribution=attribution) for c in [*dates, *others]]
    return sorted(out, key=lambda c: (c.start, c.end, c.kind))


def _claims_to_json(claims: Sequence[Claim]) -> str:
    """Claims of one sentence (offsets relative to it, no ids) as JSON for the cache."""
    docs = []
    for c in claims:
        doc = {f: getattr(c, f) for f in Claim.__slots__ if f != "value"}
        value = {f: getattr(c.value, f) for f in type(c.value).__slots__}
        doc["value"] = {k: v.isoformat() if isinstance(v, date) else v for k, v in value.items()}
        docs.append(doc)
    return json.dumps(docs, ensure_ascii=False)


def _claims_from_json(text: str) -> list[Claim] | None:
    """The inverse of _claims_to_json; None for a corrupt entry (extracted again)."""
    try:
        claims = []
        for doc in json.loads(text):
            raw = doc.pop("value")
            if "granularity" in raw:
                value: QuantityValue | DateValue = DateValue(
                    date.fromisoformat(raw["start"]) if raw["start"] else None,
                    date.fromisoformat(raw["end"]) if raw["end"] else None,
                    raw["granularity"],
                    raw.get("note", ""),
                )
            else:
                value = QuantityValue(**raw)
            claims.append(Claim(**doc, value=value))
        return claims
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def extract_claims(
    articles: Sequence[Article], sentences: Sequence[Sentence], cfg: ClaimsConfig, *, cache_dir: str = ""
) -> list[Claim]:
    """Claims of every sentence, with ids and offsets into the article's text.

    With `cache_dir`, each sentence's claims are kept keyed by its text, its article's
    publication date, the tolerance and this module's source, so a warm run extracts nothing.
    """
    from factcheck.stages.textcache import TextCache, code_version, text_key

    by_id = {a.id: a for a in articles}
    version = code_version(sys.modules[__name__])

    def key(sent: Sentence) -> bytes:
        published = by_id[sent.article_id].published
        return text_key(version, str(cfg.approximate_tolerance), str(published), sent.text)

    cache = TextCache(cache_dir, "claims") if cache_dir else None
    stored = cache.get_many(key(s) for s in sentences) if cache is not None else {}
    fresh: dict[bytes, str] = {}
    claims = []
    for sent in sentences:
        article = by_id[sent.article_id]
        k = key(sent)
        found = _claims_from_json(stored[k]) if k in stored else None
        if found is None:
            found = extract_claims_from_text(sent.text, article.published, tolerance=cfg.approximate_tolerance)
            fresh[k] = _claims_to_json(found)
        for c in found:
            start, end = sent.start + c.start, sent.start + c.end
            cid = "C" + hashlib.sha1(f"{sent.article_id}\x00{start}\x00{c.kind}".encode()).hexdigest()[:10]
            claims.append(replace(c, id=cid, article_id=sent.article_id, sentence_id=sent.id, start=start, end=end))
    if cache is not None:
        cache.put_many(fresh)
    return claims


def extract_jsonl(lines: Iterable[str], *, tolerance: float) -> Iterator[dict[str, Any]]:
    """Claims of each `{"id", "text", "published"}` JSON line, one output record per input line.

    Blank lines are skipped. A line that is not valid JSON, not an object, or has a bad
    `text` or `published` yields `{"id": ..., "line": N, "error": "..."}` instead of raising,
    so one bad record does not stop a pipeline.

    Args:
        lines: JSON lines (e.g. an open file); `published` is "YYYY-MM-DD" or null.
        tolerance: Relative width of approximate quantities ("about 40").

    Yields:
        `{"id", "claims": [claim JSON, ...]}` or `{"id", "line", "error"}`.

    Example:
        >>> next(extract_jsonl(['{"id": 1, "text": "3 dead", "published": null}'], tolerance=0.1))["claims"][0]["value"]["point"]
        3.0
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record_id: Any = None
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield {"id": None, "line": number, "error": f"line {number}: not JSON ({e.msg})"}
            continue
        if not isinstance(record, dict):
            yield {"id": None, "line": number, "error": f"line {number}: expected a JSON object"}
            continue
        record_id = record.get("id")
        text, published_s = record.get("text"), record.get("published")
        if not isinstance(text, str):
            yield {"id": None, "line": number, "error": f'line {number} (id {record_id!r}): "text" must be a string'}
            continue
        published = None
        if published_s not in (None, ""):
            try:
                published = date.fromisoformat(str(published_s)[:10])
            except ValueError:
                error = f'line {number} (id {record_id!r}): "published" {published_s!r} is not YYYY-MM-DD'
                yield {"id": None, "line": number, "error": error}
                continue
        claims = extract_claims_from_text(text, published, tolerance=tolerance)
        yield {"id": record_id, "claims": [c.to_json() for c in claims]}
