"""Month, weekday and season names."""

from __future__ import annotations

import calendar

from factcheck.lexicon import word_set as _word_set

MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NAMES.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_NAMES["sept"] = 9
FULL_MONTHS = {name.lower() for name in calendar.month_name if name}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
FULL_WEEKDAYS = set(WEEKDAYS)
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3})
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# Words a bare time phrase is made of besides names and numbers: "for 10 days from 18th Dec",
# "thanksgiving in 9 months", "from August 27th - 29th". A sentence of nothing else has no verb and
# so no tense (`dates._date_tense`).
TIME_PHRASE_WORDS = _word_set(
    "on in at from for to of by the a an and until till through between within during about around "
    "day days week weeks month months year years time now today hence st nd rd th"
)
# A part of a period, as Duckling reads it (#15): the days of a month, the weekdays (Monday 0) of a
# week and the months of a year that "early", "mid" and "late" name ("the end of April": 21-30).
# "mid-week" has no agreed days and stays the whole week.
MONTH_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
WEEK_PART_DAYS = {"early": (0, 2), "late": (4, 6)}
YEAR_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
PERIOD_PARTS = frozenset(MONTH_PART_DAYS)
# The words that name a part ("the end of", "mid-"), as its note.
PART_WORDS = {
    "early": "early",
    "beginning": "early",
    "start": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "end": "late",
    "close": "late",
}
# Written abbreviations of a part of the current period: "by EOM", "at the BOY".
PERIOD_PART_ABBREVIATIONS = {
    "BOM": ("early", "month"),
    "EOM": ("late", "month"),
    "BOY": ("early", "year"),
    "EOY": ("late", "year"),
}
