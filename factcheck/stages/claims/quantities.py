"""Quantities and units: what a number counts or measures ("3 km", "$5bn", "12 people")."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.lexicon.calendar import MONTH_NAMES, WEEKDAYS
from factcheck.lexicon.events import CASUALTY_EVENTS, EVENT_NOUNS, EVENT_OF_WORD, PERSON_NOUNS
from factcheck.lexicon.function_words import BARE_PARTICIPLES, NOT_PAST_ED, PAST_IRREGULAR, STOP_AFTER
from factcheck.lexicon.numbers import FRACTIONS, SCALE_ABBREV, SCALES
from factcheck.lexicon.qualifiers import COMPARATIVES, TRAILING_QUALIFIERS
from factcheck.lexicon.units import (
    CALENDAR_MONTHS,
    CURRENCY_ADJECTIVES,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    CURRENCY_SIGNS_UPPER,
    CURRENCY_WORDS,
    DURATION_UNITS,
    GLUED_ONLY_UNITS,
    IRREGULAR_PLURALS,
    JOINED_PEOPLE,
    MEMBER_COLLECTIVES,
    MONEY_UNITS,
    MULTIPLE_AFTER_TIMES,
    NUMBER_OF_VERBS,
    SPEED_UNITS,
    TEMPERATURE_UNITS,
    TIMES_THE_OCCASION,
    UNIT_CANON,
    UNIT_SIZES,
)
from factcheck.records import Claim, QuantityValue
from factcheck.stages.claims.base import _CUR_PREFIX_RE, _claim, _inside, _Raw
from factcheck.stages.claims.events import _attach_events
from factcheck.stages.claims.numbers import _DIGITS_RE, _NUM_WORDS_RE, _NUMBER_RE, parse_number
from factcheck.stages.claims.ranges import _QUAL_RE, _TRAILING_RE, RANGE_TAIL_RE, _interval, join_ranges
from factcheck.stages.claims.shares import scan_shares

NUMBER_RE = re.compile(
    rf"(?<![\w$€£¥.,/:#-])(?:(?P<qual>{_QUAL_RE})(?:\s+|(?<=~)\s*))?(?:(?P<cur>{_CUR_PREFIX_RE})\s?)?"
    rf"(?P<neg>(?:minus|negative)\s+|-\s?(?=\d|\.\d))?(?P<num>{_NUMBER_RE})",
    re.IGNORECASE,
)
DOTTED_ABBREV_RE = re.compile(r"(?:[A-Za-z]\.){1,3}[A-Za-z]{0,2}\b\.?")
_CUR_WORD_BEFORE_RE = re.compile(
    r"(?:\b(?P<adj>[A-Za-z.]+)\s+)?\b(?P<w>"
    + "|".join(sorted((w for w in CURRENCY_WORDS if len(w) > 4), key=len, reverse=True))
    + r")\s+\Z",
    re.IGNORECASE,
)
_A_BEFORE_NUMBER_RE = re.compile(rf"\s+(?:{_CUR_PREFIX_RE}\s?)?\d")
UNIT_GLUED_RE = re.compile(r"(?P<u>°\s?[CFcf]\b|°|¢|-?[A-Za-z]{1,12}\.?)(?![A-Za-z])")
PERCENT_RE = re.compile(r"\s?%|\s+per\s?cent\b|\s+percent\b|\s+pct\b", re.IGNORECASE)
# A currency after its number, spaced or glued ("3 GBP", "42MYR", "3.14US$", "20Rs", "42 L.E.") (#15).
CUR_SUFFIX_RE = re.compile(
    r"\s?(?P<c>€ur\b|[$€£¥]|US\$|(?:\b|(?<=\d))(?:" + "|".join(sorted(CURRENCY_CODES)) + r")\b"
    r"|(?<=\d)Rs\b\.?|(?-i:(?:\b|(?<=\d))(?:RM\b|L\.E\b\.?)))",
    re.IGNORECASE,
)
# Spans that look numeric but are identifiers: phone numbers, times, ages, addresses, case numbers.
_AGE_RE = re.compile(
    rf"\b(?:\d+|{_NUM_WORDS_RE})(?:-|\s)(?:years?|yrs?|months?|weeks?|days?)(?:-|\s)old\b", re.IGNORECASE
)
# "the shooter, 14, died": an age between commas after a person noun; only the number is blocked (#14)
# (tokenised text spaces the commas: "the shooter , 14 , died")
_NOUN_AGE_RE = re.compile(rf"\b(?:{'|'.join(sorted(PERSON_NOUNS))})s?\s?,\s(\d{{1,3}})\s?,", re.IGNORECASE)
_COMMA_NUMBER_RE = re.compile(r",\s\d{1,3}\s?,")
_CODE_RE = re.compile(r"\b([A-Z]{1,4})-?\d{2,}\b")
_GLUED_CODES = CURRENCY_CODES | {"RM"}
IDENTIFIER_RES = [
    re.compile(r"(?<!\d)(?:\+?1[-. ])?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}(?!\d)"),
    re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b|o'clock\b)", re.IGNORECASE),
    re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?\b"),
    # tokenised times and clock times in GMT: "11 : 30 p . m .", "11 . 30 p . m .", "09 : 10 hours", "0440 GMT" (#15)
    re.compile(
        r"\b\d{1,2} : \d\d\b(?:\s+(?:hours|hrs|p \. m|a \. m)\b)?|\b\d{1,2}(?: \. \d\d)?\s+[ap] \. m\b"
        r"|\b\d{4}\s+(?:GMT|UTC)\b",
        re.IGNORECASE,
    ),
    _AGE_RE,
    re.compile(
        r"\b(?:aged|age|ages|turned|turns|turning)\s+\d+(?:\s*(?:,|and|to|or|-)\s*\d+)*\b|\b\d+\s+years\s+of\s+age\b",
        re.IGNORECASE,
    ),
    # "said passenger Tom Reyes, 45.": an age closing the sentence after a name
    re.compile(
        r"\b[A-Z][\w'’-]+\s?,\s\d{1,3}(?=\s?,|\s+(?:and|was|were|is|of|has|had|died|who|said)\b"
        r"|\s?[.!?][\"”’)]?\s*$)"
    ),
    # "Hess, who is 63, has led": an age in a relative clause
    re.compile(r"(?<=,\s)(?:who|he|she)\s+(?:is|was)\s+\d{1,3}(?=\s?,)", re.IGNORECASE),
    _NOUN_AGE_RE,
    re.compile(r"\b\d+\s+block\b", re.IGNORECASE),
    re.compile(
        r"\b\d+(?:\s+(?:[NSEW]\.?|North|South|East|West))?(?:\s+[A-Z0-9][\w.'-]*){1,3}\s+"
        r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl|Place|Hwy|Highway"
        r"|Pkwy|Parkway|Ter|Terrace|Cir|Circle)\b\.?"
    ),
    re.compile(
        r"\b(?:Channel|Station|Terminal|Gate|Platform|Chapter|Section|Article|Flight|Precinct|District|Ward|Room"
        r"|Suite|Unit|Floor|Pier|Track|Engine|Ladder|Squad|Company|Battalion|Apollo|Boeing|Airbus|[Rr]unway|[Tt]axiway)"
        r"\s+\d+[A-Za-z]?\b"
    ),
    # codes of a product or a lot: "lot code 2431", "batch No. 77", "UPC 0123", "the Model 3"
    re.compile(
        r"\b(?:(?i:lots?|batch(?:es)?|serial|upc|sku|item|product)(?:\s+(?i:codes?|numbers?|nos?\.))?"
        r"|(?i:codes?|lot\s+numbers?|model\s+numbers?)|Model)\s+#?\d[\w-]*"
    ),
    # aircraft models: "the 737 MAX 9 jets", "four 787 Dreamliners", "a 777-300 jetliner"
    re.compile(
        r"\b7[0-8]7(?:-\d{1,3}[A-Z]{0,2})?(?=\s+(?:MAX|Max|Dreamliners?|jets?|jetliners?|planes?|aircraft|airliners?"
        r"|freighters?)\b)|\b(?<=MAX\s)\d{1,2}\b"
    ),
    re.compile(r"\b(?:No\.|Nos\.|#|Number|Case|Docket|Route|Rt\.|Highway|Hwy\.?|Interstate|I-|US-|SR-)\s?\d[\w-]*"),
    re.compile(r"\b911\b(?=\s+(?:call|calls|dispatch\w*|operator\w*|center|centre|system|emergency|line))"),
    re.compile(r"\b(?:dial|dials|dialed|dialled|called|calling|call)\s+911\b", re.IGNORECASE),
    re.compile(r"\b\d+(?:/\d+)+\b"),
    _CODE_RE,
    re.compile(r"\b\d+-\d+-\d+\b"),
]


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


# Irregular past forms that also stand before a noun ("two lost children", "3 stolen cars").
_PAST_AS_ADJECTIVE = frozenset({"lost", "found", "left", "shot", "paid", "sold", "built", "held", "stolen", "broken"})


def _verb_ends_phrase(text: str, end: int, low: str) -> bool:
    """Whether a word after a number is a past-tense verb: -ed or irregular, with no noun after it.

    "20 elected officials", "5 used cars" keep their noun; "40 stayed.", "20 came", "hundreds
    marched through" count people whose noun is left out.
    """
    if low in PAST_IRREGULAR and low not in _PAST_AS_ADJECTIVE:
        return True  # "6.1 struck southern Iran", "20 came"
    past = (
        (low in PAST_IRREGULAR and low != "shot")
        or low in BARE_PARTICIPLES
        or (low.endswith("ed") and low not in NOT_PAST_ED and low not in UNIT_CANON)
    )
    if not past:
        return False
    nxt = re.match(r"\s*([A-Za-z]+)", text[end:])
    return nxt is None or re.match(r"\s*[,.;:!?)]", text[end:]) is not None or nxt.group(1).lower() in STOP_AFTER


# A weight's context before "N pounds": a form of "weigh", or a height just given ("tall, 180 pounds").
# "a magnitude 7.1 earthquake", "a magnitude of 7.0", "magnitude-5.4": the figure is the magnitude.
_MAGNITUDE_BEFORE_RE = re.compile(r"\bmagnitude(?:\s+of)?(?:\s+|-)\Z", re.IGNORECASE)
_WEIGHT_BEFORE_RE = re.compile(
    r"\b(?:weigh(?:s|ed|ing|t)?|tall|inches|feet|foot)\b,?\s+(?:about\s+|around\s+|nearly\s+|approximately\s+)?\S*\Z",
    re.IGNORECASE,
)
_FEET_INCHES_RE = re.compile(r"['′]\s?\d{1,2}(?:\.\d+)?(?:\"|''|″)")


_JOINED_RE = re.compile(r"\s+and\s+([a-z]+)(?:\s+members)?\b(?!\s+\d|-)")


_PER_HOUR_RE = re.compile(r"\s*/\s*h(?:r|our)?\b|\s+(?:per|an|a)\s+hour\b", re.IGNORECASE)
_PER_SECOND_RE = re.compile(r"\s*/\s*s(?:ec)?\b|\s+(?:per|a)\s+second\b", re.IGNORECASE)


def _speed(text: str, unit: str, end: int) -> tuple[str, int]:
    """A length unit followed by "per hour" / "/h" is a speed ("60 miles per hour": 60 mph)."""
    if unit not in SPEED_UNITS:
        return unit, end
    hour = _PER_HOUR_RE.match(text, end)
    if hour and unit in ("mile", "kilometre"):
        return SPEED_UNITS[unit], hour.end()
    second = _PER_SECOND_RE.match(text, end)
    if second and unit in ("metre", "foot"):
        return SPEED_UNITS[unit], second.end()
    return unit, end


def _unit_after(text: str, pos: int, *, collective: bool) -> tuple[str, int]:
    """What is counted after a number: a unit ('km') or the head of a noun phrase ('Russian lives')."""
    m = UNIT_GLUED_RE.match(text, pos)
    if m:  # glued: "3km", "5%"-like units, "37°C"
        glued = m.group("u")
        if glued in ("C", "F"):  # "30C" is a temperature, "30c" cents (#15)
            return ("celsius" if glued == "C" else "fahrenheit"), m.end()
        canon = UNIT_CANON.get(glued.lower().rstrip(".").replace(" ", "").lstrip("-"))
        if canon:
            if canon in MONEY_UNITS:
                canon = CURRENCY_WORDS[glued.lower().rstrip(".")]
            # a one-letter unit does not take the full stop that ends the sentence ("30c.")
            return _speed(text, canon, m.end() - (1 if len(glued.lstrip("-")) == 2 and glued.endswith(".") else 0))
        return "", pos
    if text.startswith(("''", "″"), pos):  # "5''": the double prime of inches (a lone '"' may be a quote) (#15)
        return "inch", pos + (2 if text.startswith("''", pos) else 1)
    if _FEET_INCHES_RE.match(text, pos):  # "5'10\"": feet, then the inches (joined as one height)
        return "foot", pos + 1
    if (
        text.startswith('"', pos)
        and pos > 0
        and text[pos - 1].isdigit()
        and not text[pos + 1 : pos + 2].isalnum()
        and sum(1 for i in range(pos) if text[i] == '"' and not text[i - 1 : i].isdigit()) % 2 == 0
    ):
        return "inch", pos + 1  # '5"', 'a 12" pizza': inches where no quotation is open ('"I have 5"' is one)
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
        word = re.sub(r"(?<=s)['’]$", "", raw.rstrip("."))  # "three officers' deaths": the officers
        low = word.lower()
        canon = UNIT_CANON.get(low)
        dotted = DOTTED_ABBREV_RE.match(text, m.start(1)) if not words else None
        if dotted and not canon:  # "1 k.g.", "2 k.gs": an abbreviation written with full stops (#15)
            canon = UNIT_CANON.get(dotted.group(0).replace(".", "").lower())
            if canon:
                return canon, dotted.end()
            if re.fullmatch(r"(?:[A-Z]\.){2,3}", dotted.group(0)) and re.match(r"\s+[a-z]", text[dotted.end() :]):
                end = dotted.end()  # "28,500 U.S. troops": the place names the troops, who are counted
                continue
        if canon and not words:
            if low in GLUED_ONLY_UNITS and text[m.end() : m.end() + 1].isalpha():
                break
            if canon in MONEY_UNITS:  # "43 cents" would not be here; a currency word is its code
                canon = CURRENCY_WORDS[low]
            return _speed(text, canon, m.start(1) + len(word))
        if low in STOP_AFTER or low in MONTH_NAMES or low in WEEKDAYS:
            break
        if words and (_is_verbish(word) or low in CURRENCY_WORDS):
            break
        if not words and (low in EVENT_OF_WORD and low not in EVENT_NOUNS):
            break
        if not words and _verb_ends_phrase(text, m.end(), low):
            break  # "at most 40 stayed", "hundreds of thousands marched": a verb, not what is counted (#15)
        nxt = re.match(r"\s+([A-Za-z.]+)", text[m.end() :])
        if not words and nxt and (low, _singular(nxt.group(1).rstrip(",."))) in CURRENCY_ADJECTIVES:
            code = CURRENCY_ADJECTIVES[(low, _singular(nxt.group(1).rstrip(",.")))]
            return code, m.end() + nxt.start(1) + len(nxt.group(1).rstrip(",."))
        if low in CURRENCY_WORDS and not words:
            if low.startswith("pound") and (
                re.match(r"\s+of\b", text[m.end() :]) or _WEIGHT_BEFORE_RE.search(text, max(0, pos - 40), pos)
            ):  # "two pounds of meat", "weighs 165 pounds", "5'10\" tall, 180 pounds" are weights
                return "pound", m.start(1) + len(word)
            return CURRENCY_WORDS[low], m.start(1) + len(word)
        words.append(word)
        end = m.start(1) + len(word)
        first = False
        if re.search(r"[,;:]", text[end : end + 1]):
            break
        if UNIT_CANON.get(low) or low.endswith("s") or low in IRREGULAR_PLURALS:
            break  # a plural noun is the head: "two daughters because ..."
    if not words:
        return "", pos
    head = words[-1]
    if len(words) > 1 and _singular(head) == "member" and words[-2].lower() in MEMBER_COLLECTIVES:
        return words[-2].lower(), end  # "eight crew members" counts the crew
    after = re.match(r"\s+([a-z]+)(?:\s+([a-z'’]+))?", text[end:])
    if (
        head.lower() == "times"
        and len(words) == 1
        and after
        and after.group(1) in MULTIPLE_AFTER_TIMES
        and not (after.group(1) == "the" and after.group(2) in TIMES_THE_OCCASION)
    ):
        return "multiple", end  # "3 times the limit": a multiple, not occasions
    joined = _JOINED_RE.match(text, end)
    if joined and _singular(head) in JOINED_PEOPLE and _singular(joined.group(1)) in JOINED_PEOPLE:
        return "people", joined.end()  # "184 passengers and crew": both kinds in one count
    canon = UNIT_CANON.get(head.lower())
    return (canon or _singular(head)), end


def _identifier_spans(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers, times, ages, addresses and case numbers."""
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    for rx in IDENTIFIER_RES:
        if rx is _AGE_RE and "old" not in lowered:
            continue  # the age pattern is slow (number words) and needs "old" (#15: speed)
        if rx is _NOUN_AGE_RE:
            if not _COMMA_NUMBER_RE.search(text):
                continue  # the noun list is slow; the age needs ", 14," (speed)
            spans.extend(m.span(1) for m in rx.finditer(text))
            continue
        if rx is _CODE_RE:  # "A380", "M25" are names; "RM42", "MYR42" amounts (#15)
            spans.extend((m.start(), m.end()) for m in rx.finditer(text) if m.group(1) not in _GLUED_CODES)
            continue
        spans.extend((m.start(), m.end()) for m in rx.finditer(text))
    return spans


def _scan_quantities(text: str, tolerance: float) -> list[_Raw]:
    """Numbers with their qualifier, range, unit and kind (no events yet)."""
    blocked = _identifier_spans(text)
    found: list[_Raw] = []
    for m in NUMBER_RE.finditer(text):
        m_start, cur = m.start(), m.group("cur")
        if found and m_start < found[-1].end:
            if not cur or m.start("num") < found[-1].end or m.group("qual"):
                continue  # the upper end of a range already read
            m_start, cur = m.start("num"), None  # "3 GBP 1 pence": the code belongs to the 3 (#15)
        num_start, num_end = m.start("num"), m.end("num")
        surface_num = m.group("num")
        mixed = re.match(r"\d+ \d+/\d+", surface_num)  # "2 1/2 miles": the fraction is no identifier (#15)
        if _inside(blocked, num_start, num_end) and not (
            mixed and not _inside(blocked, num_start, num_start + mixed.group(0).index(" "))
        ):
            continue
        qualifier = (m.group("qual") or "").lower()
        low_num = surface_num.lower()
        lone_article = low_num in ("a", "an", "one", "single")
        if low_num == "one" and re.search(r"\bno[\s-]$", text[max(0, num_start - 4) : num_start], re.IGNORECASE):
            continue  # "no one was killed" counts nobody (claims.casualties reads it as 0) (#15)
        if (
            low_num in ("a", "an")
            and not text[num_end + 1 : num_end + 2].islower()  # "a man": no need to try the currencies
            and _A_BEFORE_NUMBER_RE.match(text, num_end)
            and not _inside(blocked, num_end + 1, num_end + 2)
        ):
            continue  # "a 30-day delay", "a US$4.7 billion": the number that follows is the claim
        # "between X and Y", "from X to Y"
        between = re.search(r"\b(between|from)\s+$", text[max(0, m_start - 10) : m_start], re.IGNORECASE)
        tail = RANGE_TAIL_RE.match(text, num_end)
        parsed = parse_number(surface_num)
        if parsed is None:
            continue
        start, end = m_start, num_end
        if between:
            start = m_start - len(between.group(0)) + (between.start(1) - between.start(0))
        is_range = metres = False
        if tail and tail.group(0).strip()[:1] in "-–—" and tail.group("to").lower() in SCALES:
            scaled = parse_number(f"{surface_num} {tail.group('to')}")
            if scaled is not None:  # "$ 137-million", "a 25-million-dollar deal": the scale, not a range's end
                parsed, end, tail = scaled, tail.end(), None
        if tail and (
            tail.group(0).strip()[:1] in "-–—" or tail.group(0).strip().lower().startswith(("to", "thr")) or between
        ):
            if tail.group(0).strip().lower().startswith("and") and not between:
                tail = None
        else:
            tail = None
        if tail:
            upper = parse_number(tail.group("to"))
            metres = bool(
                not cur
                and re.fullmatch(r"[\d.]+m", tail.group("to"))
                and not CUR_SUFFIX_RE.match(text, tail.end())
                and not _CUR_WORD_AFTER_RE.match(text, tail.end())
                and not _counted_plural_after(text, tail.end())
            )
            if metres:  # "waves 3-5m high": metres, as "5m" alone is; "$3-5m" is millions (#15)
                upper = parse_number(tail.group("to")[:-1])
            if upper is not None and upper[0] >= parsed[0] and not _inside(blocked, tail.start("to"), tail.end("to")):
                if re.match(r"[-/]\d", text[tail.end() : tail.end() + 2]):
                    continue  # "1-800-268": a phone number or code, not a range
                is_range = True
                end = tail.end()
                low = _scale_low_end(surface_num, parsed[0], tail.group("to"), upper[0])
                value = QuantityValue(None, low, upper[1] or upper[0], True, True, False)
                qualifier = "between" if between else (qualifier or "range")
            elif upper is not None and upper[0] < parsed[0] and tail.group(0).strip()[:1] in "-–—":
                continue  # "6-3": a score, not a range
        if not is_range:
            if between:
                start = m_start
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
            and not CUR_SUFFIX_RE.match(text, end)
        ):
            continue  # "177th", "CBS13x": an ordinal or a name, not a count
        if (
            re.fullmatch(r"(1[5-9]|20)\d\d", surface_num)
            and not (qualifier or cur or is_range)
            and not re.match(r"\s+[a-z]+s\b", text[end:])
        ):
            continue  # a year; the date extractor reads it
        trail = _TRAILING_RE.match(text, end) if not (qualifier or is_range or cur) else None
        if trail and value.point is not None:  # "50 or fewer people": the bound, then what is counted (#15)
            qualifier = re.sub(r"\s+", " ", trail.group("q").lower())
            point = value.point
            if TRAILING_QUALIFIERS[qualifier] == "min":
                value = QuantityValue(point, point, None, True, False, False)
            else:
                value = QuantityValue(point, 0.0, point, True, True, False)
            end = trail.end()
        kind, unit = "quantity", ""
        pct = PERCENT_RE.match(text, end)
        if pct:
            kind, unit, end = "percent", "%", pct.end()
        elif cur:
            code = _currency_code(cur)
            kind, unit = "money", code
            scale = re.match(r"\s*(mn|bn|[mMbBkK])\b", text[end:])
            if scale and not re.search(r"[a-zA-Z]$", surface_num):
                end += scale.end()
                mult = SCALE_ABBREV[scale.group(1).lower()]
                value = _scaled(value, mult)
        else:
            suffix = CUR_SUFFIX_RE.match(text, end)
            if suffix and (
                not text[end : end + 1].isspace() or not suffix.group("c")[0].isalpha() or suffix.group("c").isupper()
            ):
                code = _currency_code(suffix.group("c"))
                kind, unit, end = "money", "EUR" if code == "€UR" else code, suffix.end()
            else:
                glued_scale = re.search(r"(?<=\d)([mM])$", surface_num)
                if is_range and metres:
                    kind, unit = "quantity", "metre"
                elif (
                    glued_scale
                    and surface_num.endswith("m")
                    and not _CUR_WORD_AFTER_RE.match(text, end)
                    and not _counted_plural_after(text, end)
                ):
                    # "3m" without a currency is metres; "$3m" and "3M" are millions
                    base = parse_number(surface_num[:-1])
                    if base is not None:
                        value = _interval(base[0], None, qualifier, tolerance)
                        kind, unit = "quantity", "metre"
                else:
                    collective = bool(
                        parsed[1] is not None
                        or re.search(r"dozen|couple|pair|(?:hundred|thousand|million|billion|trillion)s$", low_num)
                        or _ENDS_IN_FRACTION_RE.search(low_num)
                    )
                    below_bare = _BELOW_ZERO_RE.match(text, end)
                    if _MAGNITUDE_BEFORE_RE.search(text, max(0, m_start - 20), m_start):
                        unit, unit_end = "magnitude", end  # "a magnitude 7.1 earthquake": no 7.1 earthquakes
                    elif below_bare:
                        unit, unit_end = "", end
                    else:
                        unit, unit_end = _unit_after(text, end, collective=collective)
                    more = _MORE_RE.match(text, end)
                    if more and not unit:  # "2 more minutes", "five more people" (#15)
                        unit, unit_end = _unit_after(text, more.end(), collective=False)
                    if unit:
                        end = unit_end
                    unit_range = _UNIT_RANGE_RE.match(text, end) if unit and not is_range else None
                    high = parse_number(unit_range.group("n")) if unit_range else None
                    if unit_range and high and high[1] is None and value.point is not None and high[0] > value.point:
                        high_unit, high_end = _unit_after(text, unit_range.end("n"), collective=False)
                        if high_unit == unit:  # "3km-5km", "about 10kg to 12kg": one range (#15)
                            value = QuantityValue(None, value.point, high[0], True, True, value.approximate)
                            qualifier, end = ("range" if qualifier in ("", "range") else qualifier), high_end
                            if between:  # "from 10kg to 12kg"
                                start = m_start - len(between.group(0)) + (between.start(1) - between.start(0))
                                qualifier = "between"
                    if unit in MONEY_UNITS or unit == "cent":
                        kind = "money"
                    elif unit in DURATION_UNITS:
                        kind = "duration"
                    elif unit in TEMPERATURE_UNITS:
                        unit = _temperature_unit(text, end, unit)
                        end = _temperature_end(text, end)
                    below = _BELOW_ZERO_RE.match(text, end) if unit in TEMPERATURE_UNITS or below_bare else None
                    if below:  # "2 degrees below zero", "10 below zero": a temperature under 0 (#15)
                        unit, end = unit if unit in TEMPERATURE_UNITS else "degree", below.end()
                        value = _negative(value)
        if kind == "quantity" and not unit and not cur and _PHRASE_END_RE.match(text, end):
            named = _CUR_WORD_BEFORE_RE.search(text, max(0, start - 40), start)
            if named and found and found[-1].kind == "money" and found[-1].end > named.start("w"):
                named = None  # "20 dollar 43": the word is the unit of the amount before, 43 its cents (#15)
            if named:  # "ringgit 42", "Malaysian ringgit 42 million": the currency named first (#15)
                word = named.group("w").lower()
                adj = (named.group("adj") or "").lower()
                adj_code = CURRENCY_ADJECTIVES.get((adj, _singular(word)))
                kind, unit = "money", adj_code or CURRENCY_WORDS[word]
                start = named.start("adj") if adj_code else named.start("w")
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


def _scale_low_end(low_text: str, low: float, high_text: str, high: float) -> float:
    """The low end of a range whose scale is written once, after its high end (#15).

    "2-3 million" is [2 million, 3 million] and "from 10 to 12 thousand" [10,000, 12,000]; a low
    end that has its own scale or would pass the high end keeps its value ("500 to 2 million").
    """
    m = _TRAILING_SCALE_RE.search(high_text)
    if m is None or _TRAILING_SCALE_RE.search(low_text):
        return low
    base = parse_number(high_text[: m.start()])
    if base is None or not base[0]:
        return low
    mult = high / base[0]
    return low * mult if mult > 1 and low * mult <= high else low


def _counted_plural_after(text: str, pos: int) -> bool:
    """Whether a plural noun that is no unit follows: '5m people', '2m jobs' are millions, '5m high' metres (#15)."""
    m = re.match(r"\s+([A-Za-z]+)\b", text[pos : pos + 30])
    if m is None:
        return False
    word = m.group(1).lower()
    if word in UNIT_CANON or word in STOP_AFTER or _is_verbish(word):
        return False
    return word in IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3)


def _currency_code(sign: str) -> str:
    """The code of a currency sign or code as written ('$' -> USD, 'RM' -> MYR, 'eur' -> EUR)."""
    return CURRENCY_SIGNS_UPPER.get(sign) or CURRENCY_SIGNS.get(sign.lower()) or sign.upper()


def _scaled(value: QuantityValue, mult: float) -> QuantityValue:
    """A quantity multiplied by a scale ('$5bn')."""

    def mul(x: float | None) -> float | None:
        return None if x is None else x * mult

    return replace(value, point=mul(value.point), low=mul(value.low), high=mul(value.high))


_BELOW_ZERO_RE = re.compile(r"\s+below\s+zero\b", re.IGNORECASE)


def _shifted(value: QuantityValue, by: float) -> QuantityValue:
    """The interval moved up by `by`."""

    def add(x: float | None) -> float | None:
        return None if x is None else x + by

    return replace(value, point=add(value.point), low=add(value.low), high=add(value.high))


def _negative(value: QuantityValue) -> QuantityValue:
    """The interval mirrored below zero."""

    def neg(x: float | None) -> float | None:
        return None if x is None else -x

    return QuantityValue(
        neg(value.point), neg(value.high), neg(value.low), value.high_inclusive, value.low_inclusive, value.approximate
    )


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


def convert(amount: float, unit: str, to_unit: str) -> float | None:
    """`amount` of `unit` in `to_unit` ('1.5 hour' is 90 minute), None across dimensions.

    Example:
        >>> convert(0.002, "kilogram", "gram")
        2.0
    """
    if unit == to_unit:
        return amount
    if unit in CALENDAR_MONTHS and to_unit in CALENDAR_MONTHS:
        return amount * CALENDAR_MONTHS[unit] / CALENDAR_MONTHS[to_unit]
    a, b = UNIT_SIZES.get(unit), UNIT_SIZES.get(to_unit)
    if a is None or b is None or a[0] != b[0]:
        return None
    return round(amount * a[1] / b[1], 9)


# "5m euros", "3-5m US dollars": millions of a currency named after them, not metres (#15)
_CUR_WORD_AFTER_RE = re.compile(
    r"\s+(?:[A-Za-z.]+\s+)?(?:" + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_TRAILING_SCALE_RE = re.compile(
    r"(?<=[\d\s])(?:hundred|thousand|million|billion|trillion|lakh|lac|crore|cr|bln|mln|trn|tn|bn|mn|[kKmMbB])s?$",
    re.IGNORECASE,
)
_UNIT_RANGE_RE = re.compile(rf"\s?(?:-|–|—|\s+to\s+)\s?(?P<n>{_DIGITS_RE})(?=[A-Za-z\s])")
_MORE_RE = re.compile(r"\s+(?:more|further|additional|extra|fewer|less)(?=\s)", re.IGNORECASE)
_ENDS_IN_FRACTION_RE = re.compile(rf"\b(?:{'|'.join(FRACTIONS)})$")
_PHRASE_END_RE = re.compile(r"\s*(?:$|[.,;:!?)\]])")
_COMPOUND_GAP_RE = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")
_AND_A_HALF_RE = re.compile(r"\s+and\s+(?:a\s+)?half\b", re.IGNORECASE)


def _exact_point(raw: _Raw) -> float | None:
    """The point of an unqualified single value."""
    v = raw.value
    return v.point if v.point is not None and v.low == v.high == v.point else None


def _minor_part(text: str, prev: _Raw, raw: _Raw) -> float | None:
    """The hundredths a money amount goes on with: '43 cents', '43c', or a bare '43' ending the phrase (#15).

    A bare number counts only when it is a whole number below 100 after a whole amount and
    nothing but punctuation follows it ('$20 43', 'twenty dollar and 43'); '$20 and 43 people'
    stays two claims.
    """
    b = _exact_point(raw)
    if b is None or prev.kind != "money" or prev.value.point is None:
        return None
    if raw.unit == "cent":
        return b
    if (
        raw.unit == ""
        and raw.kind == "quantity"
        and prev.unit != "cent"
        and b == int(b)
        and 0 < b < 100
        and prev.value.point == int(prev.value.point)
        and re.match(r"\s+(?:and\s+)?$", text[prev.end : raw.start])
        and _PHRASE_END_RE.match(text, raw.end)
    ):
        return b
    return None


def _minutes_part(text: str, prev: _Raw, raw: _Raw, *, of: str = "hour", below: int = 60) -> float | None:
    """The minutes a count of hours goes on with, a bare number ending the phrase ('1 hour thirty') (#15).

    With `of="foot", below=12`, the inches of a height ('5 feet 11', '6 foot 2,').
    """
    b = _exact_point(raw)
    a = _exact_point(prev)
    if (
        a is not None
        and b is not None
        and prev.unit == of
        and raw.unit == ""
        and raw.kind == "quantity"
        and b == int(b)
        and 0 < b < below
        and re.match(r"\s+(?:and\s+)?$", text[prev.end : raw.start])
        and _PHRASE_END_RE.match(text, raw.end)
    ):
        return b
    return None


def join_compounds(text: str, raws: list[_Raw], *, tolerance: float = 0.1) -> list[_Raw]:
    """One measure written in parts: '7 feet 10 inches' (94 inch), '2 years and 3 months' (27 month),
    'an hour and a half' (1.5 hour), '20 dollars 43 cents' (20.43 USD). The sum is in the smallest unit."""
    out: list[_Raw] = []
    for raw in raws:
        if out and raw.start < out[-1].end:
            continue  # the "a half" of "an hour and a half", already read
        half = _AND_A_HALF_RE.match(text, raw.end)
        if half and raw.unit in UNIT_SIZES and _exact_point(raw) is not None:
            point = (_exact_point(raw) or 0.0) + 0.5
            raw = replace(raw, end=half.end(), value=QuantityValue(point, point, point, True, True, False))
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.unit == "foot"
            and raw.unit == "inch"
            and raw.start == prev.end
            and text[prev.end - 1 : prev.end] in ("'", "′")
            and (inches := _exact_point(raw)) is not None
        ):  # "5'10\"", "approximately 6'00\"": one height in inches, the qualifier the feet's
            out[-1] = replace(prev, end=raw.end, unit="inch", value=_shifted(_scaled(prev.value, 12.0), inches))
            continue
        if prev is not None and _COMPOUND_GAP_RE.fullmatch(text[prev.end : raw.start]):
            minutes = _minutes_part(text, prev, raw)
            if minutes is not None and prev.value.point is not None:  # "1 hour thirty", "2 hours and 10" (#15)
                total = round(prev.value.point * 60 + minutes, 9)
                value = QuantityValue(total, total, total, True, True, False)
                out[-1] = replace(prev, end=raw.end, value=value, unit="minute")
                continue
            inches = _minutes_part(text, prev, raw, of="foot", below=12)
            if inches is not None and prev.value.point is not None:  # "5 feet 11": a height in inches
                total = prev.value.point * 12 + inches
                out[-1] = replace(
                    prev, end=raw.end, value=QuantityValue(total, total, total, True, True, False), unit="inch"
                )
                continue
            minor = _minor_part(text, prev, raw)
            if minor is not None and prev.value.point is not None:
                # "more than 1 dollar and forty-two cents": the bound is of the whole amount
                total = round(prev.value.point + minor / 100, 2)
                value = _interval(total, None, prev.qualifier, tolerance)
                out[-1] = replace(prev, end=raw.end, value=value)
                continue
            a, b = _exact_point(prev), _exact_point(raw)
            if a is not None and b is not None:
                scale = convert(1.0, prev.unit, raw.unit) if prev.unit and raw.unit else None
                if scale is not None and scale > 1:
                    total = round(a * scale + b, 9)
                    value = QuantityValue(total, total, total, True, True, False)
                    out[-1] = replace(prev, end=raw.end, value=value, unit=raw.unit)
                    continue
        out.append(raw)
    return out


# "a foot of snow", "a foot away", "a foot tall"; not "a foot patrol" or "a foot pursuit".
_FOOT_MEASURE_RE = re.compile(
    r"\s*(?:[,.;:)]|$|(?:of|away|from|tall|long|deep|high|wide|taller|shorter|higher|lower)\b)"
)


# "the number of <plural noun>", then words up to a bare figure, in one clause
_NUMBER_OF_RE = re.compile(
    r"\b(?:the|a)\s+(?:total\s+)?number\s+of\s+([A-Za-z]+)(?P<gap>(?:\s+[A-Za-z'’-]+){1,6})\s+\Z", re.IGNORECASE
)


def _number_of(text: str, raw: _Raw) -> _Raw:
    """A bare figure that "the number of <nouns>" names: "The number of firefighters has grown to 1,400"."""
    if raw.value.point is None or re.fullmatch(r"(?:1[89]|20)\d\d", text[raw.start : raw.end]):
        return raw  # a range ("between 1982 and 1992") or a year is no such figure
    m = _NUMBER_OF_RE.search(text, max(0, raw.start - 120), raw.start)
    if m is None:
        return raw
    noun, gap = m.group(1).lower(), m.group("gap").lower().split()
    plural = noun in IRREGULAR_PLURALS or (noun.endswith("s") and not noun.endswith("ss"))
    if not plural or gap[-1] not in NUMBER_OF_VERBS:
        return raw
    return replace(raw, unit=_singular(noun))


# "176 were passengers and 8 were crew": a bare figure whose predicate names the people it counts
_WERE_NOUN_RE = re.compile(r"\s+(?:were|are)\s+([a-z]+)(?=\s*(?:[,.;]|and\b|$))")


def _were_people(text: str, raw: _Raw) -> _Raw:
    """A bare figure before "were <people>" counts them ("Of the 30 on board, 26 were passengers")."""
    m = _WERE_NOUN_RE.match(text, raw.end)
    if raw.unit or m is None:
        return raw
    noun = m.group(1)
    person = _singular(noun)
    collective = noun in MEMBER_COLLECTIVES and noun in JOINED_PEOPLE  # "8 were crew", not "were cast"
    if not collective and (noun == person or not (person in JOINED_PEOPLE or person in PERSON_NOUNS)):
        return raw
    return replace(raw, unit=person)


_COMPARATIVE_RE = re.compile(r"\s+([a-z]+)\s+than\b")


def _difference(text: str, end: int) -> bool:
    """Whether a measure is followed by a comparative and "than" ("30 knots faster than normal")."""
    m = _COMPARATIVE_RE.match(text, end)
    return m is not None and m.group(1) in COMPARATIVES


def _one_measure(text: str, raw: _Raw) -> bool:
    """Whether a lone "a"/"one" is one of a measure ("a kilogram of", "one litre", "a mile away") (#15).

    Lengths, masses and volumes only, the unit of two letters or more right after the article; "a yard"
    is mostly a garden, "in a foot" a body part, "a foot patrol" no measure.
    """
    dimension = UNIT_SIZES.get(raw.unit, ("", 0.0))[0]
    unit_word = re.fullmatch(r"(?:an?|one)\s+([A-Za-z]{2,})", text[raw.start : raw.end], re.IGNORECASE)
    return (
        dimension in ("length", "mass", "volume")
        and unit_word is not None
        and raw.unit != "yard"
        and not (
            raw.unit == "foot"
            and (
                re.search(r"\b(?:in|on)\s+$", text[max(0, raw.start - 4) : raw.start])
                or not _FOOT_MEASURE_RE.match(text, raw.end)
            )
        )
    )


def extract_quantities(text: str, *, tolerance: float = 0.1) -> list[Claim]:
    """Numbers with qualifiers, units and events found in `text` (offsets into `text`).

    Example:
        >>> [(c.text, c.event) for c in extract_quantities("1 dead, 3 injured in shooting")]
        [('1', 'killed'), ('3', 'injured')]
    """
    shares = scan_shares(text, tolerance)
    scanned = _scan_quantities(text, tolerance)
    # a share inside a longer measure is part of it ("one and a quarter hours", "5 and a half minutes") (#15)
    shares = [
        r
        for r in shares
        if not any(q.start <= r.start and r.end <= q.end and q.end - q.start > r.end - r.start for q in scanned)
    ]
    share_spans = [(r.start, r.end) for r in shares]
    counted = [r for r in scanned if not _inside(share_spans, r.start, r.end)]
    raws = join_ranges(text, sorted([*shares, *counted], key=lambda r: (r.start, r.end)))
    raws = join_compounds(text, raws, tolerance=tolerance)
    raws = [_were_people(text, _number_of(text, r)) if r.kind == "quantity" and not r.unit else r for r in raws]
    events = _attach_events(text, raws)
    claims = []
    alone = len(raws) == 1 and not text[: raws[0].start].strip() and not text[raws[0].end :].strip()
    for raw, event in zip(raws, events, strict=True):
        if raw.unit and raw.unit != "%" and _difference(text, raw.end):
            continue  # "30 knots faster than normal": a difference, not the speed
        if raw.weak and event not in CASUALTY_EVENTS and not (alone and raw.unit == "") and not _one_measure(text, raw):
            continue  # "a"/"one" is an article or pronoun unless a casualty follows or a measure ("a kilogram")
        unit = raw.unit
        if not unit and event in CASUALTY_EVENTS:
            unit = "people"  # "1 dead, 3 injured" counts people
        claims.append(
            _claim(raw.kind, text, raw.start, raw.end, raw.value, unit=unit, qualifier=raw.qualifier, event=event)
        )
    return claims
