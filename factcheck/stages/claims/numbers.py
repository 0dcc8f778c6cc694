"""Numbers in digits and words: "1,400", "2.3 million", "five and a half million", "3 lakh"."""

from __future__ import annotations

import re

from factcheck.lexicon.numbers import NUMBER_WORDS, ORDINALS, SCALE_ABBREV, SCALES, TENS, TENS_ORDINALS, UNITS, VAGUE

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
