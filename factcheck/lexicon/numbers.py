"""Number words: units, tens, scales, ordinals, vague amounts."""

from __future__ import annotations

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
# South Asian scales ("3 lakh", "2 crore"); read only as scales, never as units.
INDIAN_SCALES = {"lakh": 100_000, "lac": 100_000, "lakhs": 100_000, "lacs": 100_000, "crore": 10_000_000}
# spellings of the same scales: "krore", "koti" (Hindi), "lakhs" and "crores" as plurals (#15)
INDIAN_SCALES.update({"crores": 10_000_000, "krore": 10_000_000, "krores": 10_000_000, "koti": 10_000_000})
# Their abbreviations ("Rs 300 cr", "30 lkh"), read only after a number: "Cr Smith" is a councillor (#15).
INDIAN_SCALE_ABBREV = {"cr": 10_000_000, "crs": 10_000_000, "lkh": 100_000, "lkhs": 100_000}
# Scale abbreviations after digits; the multi-letter ones may follow a space ("10 bln", "2.3 tn").
SCALE_ABBREV_SPACED = {
    "bn": 1e9,
    "bln": 1e9,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "mm": 1e6,
    "tn": 1e12,
    "trn": 1e12,
    "thou": 1e3,
}
# Fraction words, as the share of one they name ("a third", "three quarters", "half").
FRACTIONS = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fourth": 1 / 4,
    "fourths": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "sixth": 1 / 6,
    "sixths": 1 / 6,
    "seventh": 1 / 7,
    "sevenths": 1 / 7,
    "eighth": 1 / 8,
    "eighths": 1 / 8,
    "ninth": 1 / 9,
    "ninths": 1 / 9,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}
# Unicode vulgar fractions.
FRACTION_SIGNS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6}
FRACTION_SIGNS.update({"⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875})
# Vague amounts not written with a scale: "a handful", "a few", "several", "scores of".
VAGUE_FEW = {"a handful": (3, 10), "a few": (2, 5), "several": (3, 9), "a couple of dozen": (20, 30)}
# Slash pairs that name a day's events, never a share: "the 9/11 attacks", "4/20 rallies" (#15).
NAMED_SLASH_PAIRS = frozenset({"9/11", "3/11", "7/11", "4/20", "1/6"})
# Words after which "point" begins a decimal without its zero ("fell by point five percent"); after any
# other word ("at that point", "a turning point") "point" is a noun (#15).
BARE_POINT_AFTER = (
    "by",
    "of",
    "to",
    "at",
    "from",
    "between",
    "with",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "and",
    "or",
    "than",
    "just",
    "only",
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "under",
    "over",
    "below",
    "above",
    "minus",
    "negative",
    "plus",
    "up",
    "down",
    "rose",
    "fell",
    "grew",
    "dropped",
    "gained",
    "lost",
)
# Nouns before a slash pair that numbers an item of a series: "Image 1/3", "part 2/4" (#15).
COUNTER_NOUNS: tuple[str, ...] = ("image", "photo", "picture", "slide", "page", "part", "step", "item", "no")
COUNTER_NOUNS += ("number", "game", "episode", "chapter", "section", "vol", "volume", "round", "issue", "tweet")
COUNTER_NOUNS += ("thread", "video")
