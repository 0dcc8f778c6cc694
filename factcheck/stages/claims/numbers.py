"""Numbers in digits and words: "1,400", "2.3 million", "five and a half million", "3 lakh"."""

from __future__ import annotations

import re

from factcheck.lexicon.numbers import (
    BARE_POINT_AFTER,
    FRACTION_SIGNS,
    FRACTIONS,
    INDIAN_SCALE_ABBREV,
    INDIAN_SCALES,
    NUMBER_WORDS,
    ORDINALS,
    SCALE_ABBREV,
    SCALE_ABBREV_SPACED,
    SCALES,
    TENS,
    TENS_ORDINALS,
    UNITS,
    VAGUE,
    VAGUE_FEW,
)

_SPACE = "[ \u00a0\u2009\u202f]"  # plain, no-break, thin and narrow no-break spaces group digits
_ALL_SCALES = {**SCALES, **INDIAN_SCALES, **INDIAN_SCALE_ABBREV}
_SCALE_WORDS = "|".join(sorted([*SCALES, *INDIAN_SCALES], key=len, reverse=True))
_WORD_NUM = "|".join(sorted([*UNITS, *TENS, *SCALES, *INDIAN_SCALES], key=len, reverse=True))
_FRACTION_WORDS = "|".join(sorted(FRACTIONS, key=len, reverse=True))
# After another number word only: plural scales ("three billions", "three thousand millions") and
# the abbreviations of Indian scales ("three hundred cr", "twelve lac") (#15).
_LATER_SCALES = "|".join(sorted([*(f"{w}s" for w in SCALES), *INDIAN_SCALE_ABBREV], key=len, reverse=True))
# "and" and a comma join number words only after a scale: "a hundred and five", "one million, two
# hundred thousand"; "between five and seven" is two numbers, never 12 (#15).
_AFTER_SCALE = "|".join(
    f"(?<={w})" for w in sorted({*SCALES, *INDIAN_SCALES, *INDIAN_SCALE_ABBREV, *(f"{w}s" for w in SCALES), "dozen"})
)
_NUM_WORDS_RE = (
    rf"(?:(?:an?\s+(?=(?:{_SCALE_WORDS}|dozen)\b))?(?:{_WORD_NUM})"
    rf"(?:(?:[\s-]+|(?:{_AFTER_SCALE})(?:,\s+|\s+and\s+))(?:(?:{_LATER_SCALES})\b|(?:{_WORD_NUM})(?!\s+(?:{_FRACTION_WORDS})\b)))*"
    rf"(?:\s+and\s+(?:an?\s+|one\s+|(?:{'|'.join(list(UNITS)[1:10])})\s+)?(?:{_FRACTION_WORDS})\b"
    rf"(?:\s+(?:{_SCALE_WORDS})\b)*)?"
    rf"(?:\s+point(?:\s+(?:{'|'.join(list(UNITS)[:10])}|oh))+(?:\s+(?:{_SCALE_WORDS})\b)*)?)"
)
_DIGITS_RE = (
    r"(?:\d{1,3}(?:,\d{3})+(?!\d|,\d)(?:\.\d+)?"  # 1,250,000 (and "1,500, officials said")
    r"|\d{1,3}(?: , \d{3})+(?!\d|,\d)"  # 1 , 150: a group split by a tokeniser (ECB+, CoNLL texts) (#15)
    r"|\d+ \. \d+(?!\d|,\d)"  # "$2 . 6 million", "a 5 . 9 magnitude": a decimal split by the same tokenisers
    r"|\d{1,2}(?:,\d\d)+,\d{3}(?!\d|,\d)(?:\.\d+)?"  # 12,34,567 (lakh grouping)
    rf"|\d{{1,3}}(?:{_SPACE}\d{{3}}(?!\d))+(?:\.\d+)?"  # 1 250 000
    r"|\d+(?:\.\d+)?|\.\d+)"
)
_SCALE_AFTER_DIGITS = rf"(?:\s*(?:{_SCALE_WORDS}|dozen)s?\b|\s?(?:{'|'.join(INDIAN_SCALE_ABBREV)})\b|\s?(?:bln|mln|mil|trn|tn|bn|mn)(?![A-Za-z])|(?-i:MM|[kKmMbB])(?![A-Za-z]))"
_VAGUE_RE = (
    r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|scores|hundreds|thousands|millions"
    r"|billions|trillions|a\s+handful|a\s+few|several(?!\s+(?:hundred|thousand|million|billion)))"
)
# "point five", "point 77": a decimal without its zero, read only after a word that leaves "point" no
# noun ("rose by point five percent"), never after a determiner or adjective ("at that point five men").
_POINT_DIGITS = "|".join([*list(UNITS)[:10], "oh"])
_POINT_AFTER_WORDS = "|".join(rf"(?<=\b{w}\s)" for w in BARE_POINT_AFTER)
_BARE_POINT_RE = (
    rf"(?=point\s)(?:(?<![\w\s,.;:'’-])|{_POINT_AFTER_WORDS})"  # "point" first: fails fast elsewhere
    rf"point\s+(?:\d+\b(?![.,]\d)|(?:{_POINT_DIGITS})\b(?:\s+(?:{_POINT_DIGITS})\b)*)(?:\s+(?:{_SCALE_WORDS})\b)*(?!\s*:|\s+of\s+the\b)"  # "Point one: ..." enumerates
)
# A whole number and a fraction: "2 1/2 miles", "6 1/4%", "3 3/4 million" (#15).
_MIXED_RE = r"\d{1,4} \d{1,2}/\d{1,2}(?![\d/]|-\d)"
_NUMBER_RE = (
    # "1 point 1" (spoken decimals in digits), "5 and a half" (#15); one alternative, so digits are read once
    rf"(?:\d+\s+(?:point\s+\d+\b|and\s+(?:an?\s+|(?:{'|'.join(list(UNITS)[1:10])})\s+)?(?:{_FRACTION_WORDS})\b)"
    rf"(?:\s+(?:{_SCALE_WORDS})\b)?"
    # "3 hundred and 21", "7 hundred and forty-two" (#15)
    rf"|\d{{1,3}}\s+hundred\s+and\s+(?:\d{{1,2}}(?![\d.,])|(?:{'|'.join(TENS)})(?:[\s-](?:{'|'.join(list(UNITS)[1:10])}))?"
    rf"|{'|'.join(list(UNITS)[1:20])})\b"
    rf"|{_MIXED_RE}(?:\s+(?:{_SCALE_WORDS})\b)?|{_DIGITS_RE}{_SCALE_AFTER_DIGITS}?|{_BARE_POINT_RE}"
    rf"|half\s+an?\s+(?:{_SCALE_WORDS}|dozen)\b|{_VAGUE_RE}\b|several\s+(?:hundred|thousand|million|billion)\b|{_NUM_WORDS_RE}\b(?:\s+dozens?\b)?"
    rf"|(?:a\s+)?(?:dozen|couple|pair)\b(?:\s+of\b)?|single\b"
    rf"|nil\b|naught\b|nought\b|an?\b(?=\s+[\w-]))"
)
_DIGITS_FULL_RE = re.compile(rf"({_DIGITS_RE})\s*([a-z]*)(?:\s+(dozens?))?")


def _word_number(text: str) -> float | None:
    """Value of a number written in words.

    Scales multiply what comes before them and add up ("two hundred thousand", "three crore
    twelve lakh"); a larger scale after a smaller one multiplies the total ("three thousand
    millions"); fractions join with "and" ("five and a half million", "a million and a half",
    "one and three quarters"); decimals follow "point" ("two point two million"). Digits may
    stand in for words ("3 hundred and 21"). Commas and hyphens are ignored (num2words' form).
    """
    tokens = [t for t in re.split(r"[\s,-]+", text.lower()) if t]
    if not tokens:
        return None
    sign = -1.0 if tokens[0] in ("minus", "negative") else 1.0
    tokens = tokens[1:] if sign < 0 else tokens
    total = current = 0.0
    mark = 0.0  # the current group's value before its "and" part
    max_scale = last_scale = 0.0
    seen = fraction_tail = False
    i = 0
    prev = ""
    while i < len(tokens):
        prev = tokens[i - 1] if i else ""
        token = tokens[i]
        i += 1
        if token == "and":
            mark = current
            continue
        if token == "point":
            digits = []
            while i < len(tokens) and ((tokens[i] in UNITS and UNITS[tokens[i]] < 10) or tokens[i] == "oh"):
                digits.append(str(UNITS.get(tokens[i], 0)))
                i += 1
            if not digits and i < len(tokens) and tokens[i].isdigit():
                digits.append(tokens[i])
                i += 1
            if not digits:
                return None
            current += float("0." + "".join(digits))
            seen = True
            continue
        if token in ("a", "an"):
            current = max(current, mark + 1)
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            current += float(token)
        elif token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            if prev in UNITS and 0 < UNITS[prev] == current - mark and not total and not mark:
                current *= 100  # "one twenty two" is 122, "nineteen eighty" 1980: spoken in pairs (#15)
            current += TENS[token]
        elif token in FRACTIONS:
            numerator = current - mark or 1.0
            current = mark + numerator * FRACTIONS[token]
            fraction_tail = mark == 0 and last_scale > 1 and total > 0
        elif token in ("hundred", "hundreds"):
            current = (current or 1) * 100
        elif token in _ALL_SCALES or token.removesuffix("s") in _ALL_SCALES:
            scale = float(_ALL_SCALES.get(token) or _ALL_SCALES[token.removesuffix("s")])
            if scale > max_scale and total:
                total = (total + max(current, 0)) * scale if current else total * scale
            else:
                total += (current or 1) * scale
            max_scale, last_scale = max(max_scale, scale), scale
            current = mark = 0.0
            fraction_tail = False
        elif token in ("dozen", "dozens"):
            current = max(current, 1) * 12
        else:
            return None
        seen = True
    if not seen:
        return None
    if fraction_tail:  # "a million and a half": the half is of the last scale
        return sign * (total + current * last_scale)
    return sign * (total + current)


def parse_number(text: str) -> tuple[float, float | None] | None:
    """Parse one number ('1,400', '1 250 000', '2.3 million', '3.5bn', 'five and a half million').

    Returns:
        (low, high) for vague amounts ('hundreds' -> (200, 1000)), (value, None) otherwise,
        None when the text is not a number.

    Example:
        >>> parse_number("2.3 million")
        (2300000.0, None)
    """
    t = re.sub(r"\s+", " ", text.strip().lower())
    t = re.sub(r"\s+of$", "", t)
    t = re.sub(r"^(\d+) \. (\d+)(?= |$)", r"\1.\2", t)  # "2 . 6 million" from a tokeniser
    m = re.fullmatch(r"(tens|hundreds) of (thousands|millions|billions)", t)
    if m:
        base = SCALES[m.group(2).rstrip("s")]
        factor = (20, 100) if m.group(1) == "tens" else (200, 1000)
        return float(factor[0] * base), float(factor[1] * base)
    if t in VAGUE:
        lo, hi = VAGUE[t]
        return float(lo), float(hi)
    if t in VAGUE_FEW:
        lo, hi = VAGUE_FEW[t]
        return float(lo), float(hi)
    m = re.fullmatch(r"several (hundred|thousand|million|billion)", t)
    if m:
        base = SCALES[m.group(1)]
        return float(3 * base), float(9 * base)
    m = re.fullmatch(r"half an? (.+)", t)
    if m:
        whole = _word_number(m.group(1))
        return (whole / 2, None) if whole is not None else None
    t = re.sub(r"^an?\s+(?=dozen|couple|pair)", "", t)
    if t in ("a", "an"):
        return 1.0, None
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t]), None
    if t in FRACTION_SIGNS:
        return FRACTION_SIGNS[t], None
    m = re.fullmatch(r"(\d+) (\d+)/(\d+)(?: (.+))?", t)
    if m:
        numerator, denominator = int(m.group(2)), int(m.group(3))
        if not 0 < numerator < denominator:
            return None
        times = parse_number(f"1 {m.group(4)}") if m.group(4) else (1.0, None)
        return ((int(m.group(1)) + numerator / denominator) * times[0], None) if times else None
    m = _DIGITS_FULL_RE.fullmatch(t)
    if m:
        value = float(re.sub(rf"[,{_SPACE[1:-1]}]", "", m.group(1)))
        scale = m.group(2)
        if scale == "mm" and "MM" not in text:
            return None  # "5mm" is millimetres; "$1MM" a million
        if scale:
            mult = (
                SCALE_ABBREV_SPACED.get(scale)
                or SCALE_ABBREV.get(scale)
                or _ALL_SCALES.get(scale)
                or _ALL_SCALES.get(scale.removesuffix("s"))
                or (12 if scale in ("dozen", "dozens") else None)
            )
            if mult is None:
                return None
            value *= mult
        if m.group(3):
            value *= 12
        return value, None
    value_w = _word_number(t)
    return (value_w, None) if value_w is not None else None


ORDINAL_WORD_RE = (
    rf"(?:(?:{'|'.join(TENS)})[\s\-—]?(?:{'|'.join(list(ORDINALS)[:9])})"
    rf"|{'|'.join(sorted([*ORDINALS, *TENS_ORDINALS], key=len, reverse=True))})"
)


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
