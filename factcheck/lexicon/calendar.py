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
