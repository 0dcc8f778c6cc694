"""Dates news uses, resolved against publication (#15). The table rows are in data/claims_dates_news.jsonl."""

from datetime import date

import pytest

from factcheck.records import DateValue
from factcheck.stages.claims import extract_claims_from_text

TUESDAY = date(2023, 10, 17)
SUNDAY = date(2023, 10, 22)


def dates_of(text: str, published: date | None = TUESDAY) -> list[tuple[str, DateValue]]:
    out = []
    for c in extract_claims_from_text(text, published):
        if c.kind == "date":
            assert isinstance(c.value, DateValue)
            out.append((c.text, c.value))
    return out


@pytest.mark.parametrize(
    ("text", "surface", "start", "end", "note"),
    [
        ("Profit will rise by the end of the year.", "the end of the year", "2023-09-01", "2023-12-31", "late"),
        ("Profit fell this fiscal year.", "this fiscal year", "2023-01-01", "2023-12-31", "fiscal"),
        ("Profit fell in the current fiscal year.", "the current fiscal year", "2023-01-01", "2023-12-31", "fiscal"),
        ("Profit fell last fiscal year.", "last fiscal year", "2022-01-01", "2022-12-31", "fiscal"),
        ("Profit will grow next fiscal year.", "next fiscal year", "2024-01-01", "2024-12-31", "fiscal"),
        ("Sales rose in fiscal year 2019.", "fiscal year 2019", "2019-01-01", "2019-12-31", "fiscal"),
        ("He forecast growth for the full year.", "the full year", "2023-01-01", "2023-12-31", ""),
        ("It plans to cut jobs by year-end.", "year-end", "2023-09-01", "2023-12-31", "late"),
        ("Reserves will be in place by year's end.", "year's end", "2023-09-01", "2023-12-31", "late"),
        ("Sales rose 5% from a year earlier.", "a year earlier", "2022-01-01", "2022-12-31", "earlier"),
        ("The year-ago results included a charge.", "year-ago", "2022-01-01", "2022-12-31", "earlier"),
        ("They met in early December.", "in early December", "2022-12-01", "2022-12-10", "early"),
        ("Talks resume in mid-October.", "in mid-October", "2023-10-11", "2023-10-20", "mid"),
        ("The vote is set for March after next.", "March after next", "2025-03-01", "2025-03-31", ""),
        (
            "The next games open in July in two years' time.",
            "in July in two years' time",
            "2025-07-01",
            "2025-07-31",
            "",
        ),
        # a window reaches to the edge of the calendar unit its count ends in: it holds both readings
        ("Prices rose over the last week.", "the last week", "2023-10-09", "2023-10-17", "window"),
        ("Sales fell in the past year.", "the past year", "2022-01-01", "2023-10-17", "window"),
        ("Cases rose within the past two weeks.", "within the past two weeks", "2023-10-02", "2023-10-17", "window"),
        ("Prices doubled over the last two months.", "over the last two months", "2023-08-01", "2023-10-17", "window"),
        (
            "Rates will rise over the next three months.",
            "over the next three months",
            "2023-10-18",
            "2024-01-31",
            "window",
        ),
        ("Fewer died in the past 10 days.", "in the past 10 days", "2023-10-07", "2023-10-17", "window"),
        ("Ten people died over the last 24 hours.", "over the last 24 hours", "2023-10-16", "2023-10-17", "window"),
        ("He has been held since 12 March.", "since 12 March", "2023-03-12", "2023-10-17", "since"),
        ("The ban runs until 1 June.", "1 June", "2024-06-01", "2024-06-01", "until"),
    ],
)
def test_period_words_read_with_their_note(text, surface, start, end, note):
    found = dict(dates_of(text))
    assert surface in found, list(found)
    value = found[surface]
    assert (value.start.isoformat(), value.end.isoformat()) == (start, end)
    assert value.note.split(",")[0] == note


@pytest.mark.parametrize(
    ("text", "published", "start"),
    [
        ("Protests continued over the weekend.", TUESDAY, "2023-10-14"),  # past tense: the one just gone
        ("Protests will continue over the weekend.", TUESDAY, "2023-10-21"),  # future: the coming one
        ("He will travel this weekend.", TUESDAY, "2023-10-21"),
        ("They met last weekend.", TUESDAY, "2023-10-14"),
        ("They will meet next weekend.", TUESDAY, "2023-10-28"),
        ("Crowds gathered over the weekend.", SUNDAY, "2023-10-21"),  # published on the Sunday: this one
        ("They met last weekend.", SUNDAY, "2023-10-14"),
        ("Crews hope to clear the road by the weekend.", TUESDAY, "2023-10-21"),  # a hope: the coming one
    ],
)
def test_weekends_are_saturday_and_sunday_by_tense(text, published, start):
    [(_, value)] = dates_of(text, published)
    assert value.granularity == "weekend"
    assert value.start.isoformat() == start
    assert (value.end - value.start).days == 1
    assert value.start.weekday() == 5


def test_weekend_without_publication_date_is_unresolved():
    [(_, value)] = dates_of("Protests continued over the weekend.", None)
    assert value.start is None
    assert value.granularity == "weekend"


@pytest.mark.parametrize(
    "text",
    [
        "In 1995 he joined the firm; a year earlier he had left the army.",  # told from 1995, not publication
        "For the full year 1988, sales rose.",
        "In 1990 the plant closed at year-end.",
    ],
)
def test_years_told_from_another_year_are_not_resolved_from_publication(text):
    for surface, value in dates_of(text):
        assert value.start is None or value.start.year != TUESDAY.year, surface
        assert value.start is None or value.start.year != TUESDAY.year - 1, surface


def test_a_two_digit_number_after_a_comma_is_no_year():
    # "12 March, 40 people": 40 is a count, not the year 2040 (#15)
    [(surface, value)] = dates_of("Since 12 March, 40 people have died.")
    assert surface == "Since 12 March"
    assert value.start == date(2023, 3, 12)
    [(_, dashed)] = dates_of("It was signed on 12-Mar-98.")
    assert dashed.start == date(1998, 3, 12)


@pytest.mark.parametrize(
    ("text", "surface", "day"),
    [
        ("He was last seen on Oct. 3 as he left work.", "Oct. 3", "2023-10-03"),  # "3 as": not a count
        ("The ratio as of Sept. 30 was 3.6%.", "Sept. 30", "2023-09-30"),  # "30 was"
        ("The Aug. 7 bombings killed 200 people.", "Aug. 7", "2023-08-07"),  # "the <date> <plural noun>"
    ],
)
def test_a_day_before_a_word_ending_in_s_stays_a_date(text, surface, day):
    found = dict(dates_of(text))
    assert found[surface].start.isoformat() == day


def test_a_month_before_a_count_stays_a_month():
    # "In March 30 soldiers died": the number is a count, the date the month
    found = dates_of("In March 30 soldiers died.")
    assert [(s, v.granularity) for s, v in found] == [("In March", "month")]


def test_a_bare_year_is_a_date_and_a_year_before_a_plural_noun_a_count():
    assert [s for s, _ in dates_of("The 2019 election was close.")] == ["2019"]
    assert dates_of("The team scored 2019 points.") == []


@pytest.mark.parametrize(
    "text", ["They agreed to a 30-day delay.", "The ceasefire was extended for a further 30 days."]
)
def test_spans_of_days_are_durations_not_dates(text):
    claims = extract_claims_from_text(text, TUESDAY)
    assert [c.kind for c in claims] == ["duration"]
    assert claims[0].unit == "day"
    assert claims[0].value.point == 30


@pytest.mark.parametrize(
    ("text", "surface", "start"),
    [
        ("He fled in June 1998 and returned later that year.", "later that year", "1998-01-01"),
        ("On May 22, 1995, he was promoted, and the following year he left.", "the following year", "1996-01-01"),
        ("He was arrested on March 3, 2001 and the next day released.", "the next day", "2001-03-04"),
    ],
)
def test_that_year_is_told_from_the_date_before_it(text, surface, start):
    found = dict(dates_of(text))
    assert found[surface].start.isoformat() == start


def test_that_year_without_a_written_year_before_it_is_not_claimed():
    assert dates_of("He left the firm that year.") == []
    assert [s for s, _ in dates_of("He left last week and returned the next day.")] == ["last week"]


def test_both_days_of_an_and_are_claims_but_between_is_a_range():
    assert [(s, v.start.isoformat()) for s, v in dates_of("The summit will be held on April 24 and 25.")] == [
        ("April 24", "2024-04-24"),
        ("25", "2024-04-25"),
    ]
    [(_, value)] = dates_of("Polls will open between April 24 and 25.")
    assert (value.start, value.end) == (date(2024, 4, 24), date(2024, 4, 25))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("He has scheduled a news conference Thursday.", "2023-10-19"),  # a plan: to come
        ("The group might arrive as soon as Friday.", "2023-10-20"),
        ("Until Thursday, they had not named a suspect.", "2023-10-12"),  # the clause is past
        ("The offer is valid until Friday.", "2023-10-20"),  # "until" alone points ahead
        ("Officials postponed until Thursday any action on the case.", "2023-10-19"),
        ("The meeting was held on Thursday.", "2023-10-12"),
        ("On Thursday they were planning to march.", "2023-10-19"),  # "were" belongs to the plan (#15)
        ("Fees would be paid on a still undisclosed Friday.", "2023-10-20"),  # an adjective, not a past verb
        ("Heavy rain is expected through Thursday.", "2023-10-19"),  # a forecast: to come
        ("Showers are forecast Friday.", "2023-10-20"),
        ("Engineers hope to reopen the bridge on Friday.", "2023-10-20"),  # a hope: to come
        ("The storm was expected Monday.", "2023-10-16"),  # a past forecast stays past
    ],
)
def test_weekday_tense_markers(text, day):
    [(_, value)] = dates_of(text)
    assert value.start.isoformat() == day


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The dividend would be paid in January.", "2024-01-01"),  # a passive after "be" is not past
        ("The firm signed an agreement to acquire the bank in January.", "2024-01-01"),  # committed: to come
        ("The talks are supposed to conclude by May, he said.", "2024-05-01"),
        ("On 12 March 15 people died.", "2023-03-12"),  # "died" is past
    ],
)
def test_month_and_day_years_follow_the_clause(text, start):
    found = dates_of(text)
    assert found[0][1].start.isoformat() == start


@pytest.mark.parametrize(
    ("text", "surface", "year"),
    [
        ("A 1996 law named for him was repealed.", "1996", 1996),  # "A" is no name before the year
        ("For 1988, the company earned $1.7 billion.", "1988", 1988),
        ("January nineteen ninety-seven. Atlanta again.", "January nineteen ninety-seven", 1997),
        ("Sales were flat for the year.", "the year", 2023),
        ("Use was delayed earlier in the year by rain.", "earlier in the year", 2023),
    ],
)
def test_years_in_running_text(text, surface, year):
    found = dict(dates_of(text))
    assert found[surface].start.year == year


def test_election_day_and_the_rest_of_the_year():
    found = dict(dates_of("It is a theme of our campaign from now to Election Day."))
    assert found["Election Day"].start == date(2023, 11, 7)  # the Tuesday after the first Monday of November
    [(_, rest)] = dates_of("Sales will stay flat for the rest of the year.")
    assert (rest.start, rest.end, rest.granularity) == (TUESDAY, date(2023, 12, 31), "window")


@pytest.mark.parametrize(
    ("text", "surface", "start", "end"),
    [
        (
            "In 1995 he joined the firm; a year earlier he had left the army.",
            "a year earlier",
            "1994-01-01",
            "1994-12-31",
        ),
        ("He was arrested on March 3, 2001 and two days later released.", "two days later", "2001-03-05", "2001-03-05"),
        ("She moved in May 2010 and married three months later.", "three months later", "2010-08-01", "2010-08-31"),
        ("Net rose to $5m in 2019 from $3m a year earlier.", "a year earlier", "2018-01-01", "2018-12-31"),
    ],
)
def test_counts_of_units_are_told_from_the_date_before_them(text, surface, start, end):
    found = dict(dates_of(text))
    assert (found[surface].start.isoformat(), found[surface].end.isoformat()) == (start, end)


def test_a_count_before_another_event_is_not_told_from_an_earlier_date():
    # "a year before the war": told from the war, which has no date here
    assert [s for s, _ in dates_of("In 2003, a year before the war, he left.")] == ["In 2003"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Relatives would look for ways to get around Wednesday's ruling.", "2023-10-11"),  # named by its day: past
        ("The panel that issued Monday's ruling will meet again.", "2023-10-16"),
        ("They will meet ahead of Friday's vote.", "2023-10-20"),  # "ahead of": the tense decides
    ],
)
def test_a_possessive_weekday_names_an_event_that_happened(text, day):
    [(_, value)] = dates_of(text)
    assert value.start.isoformat() == day


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("Monday", TUESDAY, "2023-10-23"),  # a bare weekday: the coming one
        ("They met Monday.", TUESDAY, "2023-10-16"),  # in a news sentence: the past one
        ("christmas", date(2013, 2, 12), "2013-12-25"),
        ("Sales were strong at Christmas.", date(2013, 2, 12), "2012-12-25"),
        ("for 10 days from 18th Jul", TUESDAY, "2024-07-18"),
        ("18th Sep", TUESDAY, "2023-09-18"),  # forward only past the future tense's slack (60 days)
    ],
)
def test_a_verbless_time_phrase_is_read_forward(text, published, day):
    # no verb, no tense: a schedule's or a notice's date, read as a clear future tense is (#15)
    [value] = [v for _, v in dates_of(text, published)]
    assert value.start.isoformat() == day


@pytest.mark.parametrize(
    ("text", "surface", "start", "granularity"),
    [
        ("The index is up 5% since year-end.", "since year-end", "2022-12-31", "day"),
        ("Shares rose 5% since the end of last month.", "since the end of last month", "2023-09-30", "day"),
        ("Shares rose 5% since the end of 2012.", "since the end of 2012", "2012-12-31", "day"),
        ("He moved to Paris in 2001. Since then he has written books.", "Since then", "2001-01-01", "year"),
    ],
)
def test_since_the_end_of_a_period_or_then_runs_to_publication(text, surface, start, granularity):
    found = dict(dates_of(text))
    value = found[surface]
    assert (value.start.isoformat(), value.end, value.granularity, value.note) == (start, TUESDAY, granularity, "since")


def test_until_then_is_the_date_before_it_as_an_end_point():
    found = dict(dates_of("Rights end on Nov. 30. Until then, the stock remains convertible."))
    assert found["Until then"] == DateValue(date(2023, 11, 30), date(2023, 11, 30), "day", "until")
    assert dates_of("Until then, nobody knew.") == []  # nothing to point back to


@pytest.mark.parametrize(
    ("text", "published", "year"),
    [
        ("The year-ago results included a charge in the 2022 second quarter.", TUESDAY, 2022),
        ("Sales rose in 2023 from a year earlier.", TUESDAY, 2022),
    ],
)
def test_a_year_before_publication_beside_the_years_it_agrees_with(text, published, year):
    # the sentence's own year names the same year-before as publication does (#15)
    found = [v for s, v in dates_of(text, published) if "year" in s.lower()]
    assert [(v.start.year, v.end.year) for v in found] == [(year, year)]


def test_the_year_ago_period_of_another_year_is_not_told_from_publication():
    found = dict(dates_of("The year-ago figure, for 1995, was lower."))
    assert "year-ago" not in found


@pytest.mark.parametrize(
    ("text", "surface", "start", "end", "note"),
    [
        # a month: early 1-10, mid 11-20, late 21 to the last day
        ("Bids close at the end of the month.", "the end of the month", "2023-10-21", "2023-10-31", "late"),
        ("Bids closed at the start of last month.", "the start of last month", "2023-09-01", "2023-09-10", "early"),
        ("The vote was held in late September.", "in late September", "2023-09-21", "2023-09-30", "late"),
        ("The vote is due in the middle of November.", "in the middle of November", "2023-11-11", "2023-11-20", "mid"),
        ("The vote is due in mid November.", "in mid November", "2023-11-11", "2023-11-20", "mid"),
        ("Rates rose at the end of February 2024.", "the end of February 2024", "2024-02-21", "2024-02-29", "late"),
        # a Monday-to-Sunday week: the beginning Monday to Wednesday, the end Friday to Sunday
        ("Talks resume at the end of this week.", "the end of this week", "2023-10-20", "2023-10-22", "late"),
        ("Talks resumed at the end of last week.", "the end of last week", "2023-10-13", "2023-10-15", "late"),
        (
            "Talks resume at the beginning of next week.",
            "the beginning of next week",
            "2023-10-23",
            "2023-10-25",
            "early",
        ),
        ("Talks resumed early last week.", "early last week", "2023-10-09", "2023-10-11", "early"),
        # a year: early January-April, mid May-August, late September-December
        (
            "The plant opened at the beginning of the year.",
            "the beginning of the year",
            "2023-01-01",
            "2023-04-30",
            "early",
        ),
        ("The plant opened in mid-2019.", "in mid-2019", "2019-05-01", "2019-08-31", "mid"),
        ("The plant closed at the end of 2012.", "end of 2012", "2012-09-01", "2012-12-31", "late"),
        ("The plant opened in late 2012.", "in late 2012", "2012-09-01", "2012-12-31", "late"),
        ("The plant will open early next year.", "early next year", "2024-01-01", "2024-04-30", "early"),
        ("The plant opened at the start of 2020.", "start of 2020", "2020-01-01", "2020-04-30", "early"),
    ],
)
def test_a_part_of_a_period_is_its_days(text, surface, start, end, note):
    found = dict(dates_of(text))
    assert surface in found, list(found)
    value = found[surface]
    assert (value.start.isoformat(), value.end.isoformat(), value.note) == (start, end, note)


def test_mid_week_stays_the_whole_week():
    [(_, value)] = dates_of("Talks resume in the middle of next week.")
    assert (value.start, value.end, value.note) == (date(2023, 10, 23), date(2023, 10, 29), "mid")


def test_since_the_end_of_a_part_stays_its_last_day():
    found = dict(dates_of("Shares rose 5% since the end of last week."))
    assert found["since the end of last week"].start == date(2023, 10, 15)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("EOM", "2023-10-21", "2023-10-31"),
        ("at the EOM", "2023-10-21", "2023-10-31"),
        ("the BOM", "2023-10-01", "2023-10-10"),
        ("BOY", "2023-01-01", "2023-04-30"),
        ("The report is due by EOY.", "2023-09-01", "2023-12-31"),
        ("Send the figures before EOM, please.", "2023-10-21", "2023-10-31"),
    ],
)
def test_part_abbreviations(text, start, end):
    [(_, value)] = dates_of(text)
    assert (value.start.isoformat(), value.end.isoformat()) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "The BOM said heavy rain would reach the coast.",  # the Bureau of Meteorology
        "Data from the BOM showed a record.",
        "Engineers checked the BOM before the build.",  # a bill of materials
        "BOY, 5, RESCUED FROM RIVER",  # a headline in capitals
        "The EOY awards were held in the city hall.",
        "She asked for the report by EOM figures.",
        "eom",
    ],
)
def test_part_abbreviations_not_read_as_dates_in_running_text(text):
    assert dates_of(text) == []


@pytest.mark.parametrize(
    ("text", "start", "end", "note"),
    [
        # published on a Tuesday: a past clause cannot mean the coming Friday to Sunday; the whole period
        ("At the end of the week, the mayor resigned.", "2023-10-16", "2023-10-22", "late"),
        ("Bids closed at the end of the month.", "2023-10-01", "2023-10-31", "late"),
        ("He left late this week.", "2023-10-16", "2023-10-22", "late"),
        ("Sales rose late this month.", "2023-10-01", "2023-10-31", "late"),
        ("The plant closed in late October.", "2023-10-01", "2023-10-31", "late"),
        ("The court gave him until mid-November to appeal.", "2023-11-01", "2023-11-30", "mid"),
        # with the tense, the part
        ("Bids will close at the end of the month.", "2023-10-21", "2023-10-31", "late"),
        ("The plant will close in late October.", "2023-10-21", "2023-10-31", "late"),
        ("The mayor resigned early this week.", "2023-10-16", "2023-10-18", "early"),
        ("Shares rose 5% since the end of the month.", "2023-09-30", "2023-10-17", "since"),  # the last one ended
    ],
)
def test_a_part_of_the_current_period_against_its_tense_is_the_whole_period(text, start, end, note):
    [(_, value)] = dates_of(text)
    assert (value.start.isoformat(), value.end.isoformat(), value.note) == (start, end, note)


def test_since_a_month_ahead_of_publication_is_the_one_before():
    [(_, value)] = dates_of("He has been held since November.")
    assert (value.start, value.end, value.note) == (date(2022, 11, 1), TUESDAY, "since")


@pytest.mark.parametrize(
    ("text", "surface", "start", "end", "note"),
    [
        ("He joined the firm in 1998 and left the next year.", "the next year", "1999-01-01", "1999-12-31", ""),
        (
            "He was hired in 2005, after losing his job the previous year.",
            "the previous year",
            "2004-01-01",
            "2004-12-31",
            "",
        ),
        ("He moved in May 1998 and left the next month.", "the next month", "1998-06-01", "1998-06-30", ""),
        (
            "He fled in June 1998 and returned at the end of that year.",
            "the end of that year",
            "1998-09-01",
            "1998-12-31",
            "late",
        ),
        (
            "He fled in June 1998 and returned early the next year.",
            "early the next year",
            "1999-01-01",
            "1999-04-30",
            "early",
        ),
        (
            "He was arrested on May 3, 2010 and charged at the end of the following week.",
            "the end of the following week",
            "2010-05-14",
            "2010-05-16",
            "late",
        ),
    ],
)
def test_next_and_previous_periods_after_a_written_year_are_told_from_it(text, surface, start, end, note):
    found = dict(dates_of(text))
    assert surface in found, list(found)
    value = found[surface]
    assert (value.start.isoformat(), value.end.isoformat(), value.note) == (start, end, note)


def test_next_year_without_a_written_year_is_told_from_publication():
    found = dict(dates_of("Profit rose 5% in 2022 and will rise next year."))
    assert found["next year"].start == date(2024, 1, 1)
