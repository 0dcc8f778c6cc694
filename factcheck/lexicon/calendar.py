"""Month, weekday and season names."""

from __future__ import annotations

import calendar

MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NAMES.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTH_NAMES["sept"] = 9
FULL_MONTHS = {name.lower() for name in calendar.month_name if name}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
FULL_WEEKDAYS = set(WEEKDAYS)
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3})
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
