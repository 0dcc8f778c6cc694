"""Extract numbers, quantities, shares, ordinals and dates, normalised into comparable values.

No single library does this: quantulum3 ignores qualifiers, dateparser has no ranges
or tense, Duckling treats "at least" and "more than" alike. The rules here are
written for English news text, keep each claim's surface and span, and call no
model: one article takes milliseconds. One module per concern:

- `numbers`: digits and number words to a value ("1 250 000", "five and a half million", "3 lakh").
- `ranges`: qualifiers and ranges to intervals ("at least 1,400" -> [1400, inf), "20 to 30").
- `quantities`: what a number counts or measures, units and money ("3 km", "$5bn", "12 people").
- `shares`: fractions and percentages on one scale ("a third", "one in four", "45%").
- `ordinals`: "his third visit", which meets "three visits".
- `dates`: calendar days, months, years, holidays, numeric dates.
- `relative`: dates told from the publication day, and windows ending at it ("the past 24 hours").
- `tense`: the tense of a clause, for dates without a year.
- `events`: what a count is of ("killed", "visit") and who says so.
- `stage`: the pipeline stage with its cache and the JSON-lines interface.
- `describe`: one claim as one readable line (`describe_claim`), for `factcheck extract`.

The word lists live in `factcheck.lexicon`; the names other modules imported from the old
one-file extractor are re-exported here.

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

from factcheck.lexicon.events import EVENT_OF_WORD
from factcheck.lexicon.numbers import NUMBER_WORDS, SCALES, TENS, UNITS, VAGUE
from factcheck.stages.claims.dates import WEEKDAY_MISMATCH
from factcheck.stages.claims.describe import describe_claim, describe_value
from factcheck.stages.claims.events import CAPITALISED_RE
from factcheck.stages.claims.numbers import parse_number
from factcheck.stages.claims.ordinals import extract_ordinals
from factcheck.stages.claims.quantities import extract_quantities
from factcheck.stages.claims.relative import extract_dates
from factcheck.stages.claims.stage import extract_claims, extract_claims_from_text, extract_jsonl

__all__ = [
    "CAPITALISED_RE",
    "EVENT_OF_WORD",
    "NUMBER_WORDS",
    "SCALES",
    "TENS",
    "UNITS",
    "VAGUE",
    "WEEKDAY_MISMATCH",
    "describe_claim",
    "describe_value",
    "extract_claims",
    "extract_claims_from_text",
    "extract_dates",
    "extract_jsonl",
    "extract_ordinals",
    "extract_quantities",
    "parse_number",
]
