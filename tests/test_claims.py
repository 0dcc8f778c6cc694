import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.config import ClaimsConfig
from factcheck.records import Article, DateValue, QuantityValue, Sentence
from factcheck.stages.claims import extract_claims, extract_claims_from_text, extract_jsonl, parse_number

ROWS = [
    json.loads(line)
    for path in sorted(
        (Path(__file__).parent / "data").glob("claims*.jsonl")
    )  # claims_issue15: numbers, shares, windows
    for line in path.read_text().splitlines()
]


@pytest.mark.parametrize("row", ROWS, ids=[r["text"][:40] for r in ROWS])
def test_claim_table(row):
    claims = extract_claims_from_text(row["text"], date.fromisoformat(row["published"]))
    found = [c for c in claims if c.kind != "ordinal"]
    assert len(found) == len(row["expected"]), [c.text for c in found]
    for claim, expected in zip(found, row["expected"], strict=True):
        assert claim.kind == expected["kind"]
        assert claim.text == expected["surface"]
        assert row["text"][claim.start : claim.end] == claim.text
        if "event" in expected:
            assert claim.event == expected["event"]
        if isinstance(claim.value, QuantityValue):
            assert claim.unit == expected["unit"]
            assert claim.value.low == pytest.approx(expected["low"])
            if expected["high"] is None:
                assert claim.value.high is None
            else:
                assert claim.value.high == pytest.approx(expected["high"])
            for key in ("low_inclusive", "high_inclusive", "approximate"):
                if key in expected:
                    assert getattr(claim.value, key) == expected[key]
        else:
            assert isinstance(claim.value, DateValue)
            assert claim.value.start.isoformat() == expected["start"]
            assert claim.value.end.isoformat() == expected["end"]


def test_ordinals_keep_scope():
    first = extract_claims_from_text(
        "this marks his first excursion beyond the borders of the former Soviet Union since March", None
    )
    second = extract_claims_from_text("this is his second trip abroad since the arrest warrant", None)
    [o1] = [c for c in first if c.kind == "ordinal"]
    [o2] = [c for c in second if c.kind == "ordinal"]
    assert (o1.value.point, o1.scope) == (1, "excursion beyond the borders of the former Soviet Union")
    assert (o2.value.point, o2.scope) == (2, "trip abroad")


def test_relative_dates_without_publication_date_say_so():
    [claim] = extract_claims_from_text("They met on Tuesday.", None)
    assert claim.value.start is None
    assert "no publication date" in claim.value.note


def test_vague_amounts():
    assert parse_number("hundreds of billions") == (2e11, 1e12)
    assert parse_number("dozens") == (24, 100)
    assert parse_number("twenty-five thousand") == (25000, None)


def test_stage_offsets_point_into_article():
    text = "Intro line.\nAt least 12 people were killed on Monday."
    article = Article("a", "O", "T", None, date(2023, 10, 17), "record", "", "a.txt", text)
    sent = Sentence("a#0", "a", 0, 12, len(text), text[12:])
    claims = extract_claims([article], [sent], ClaimsConfig())
    assert {c.kind for c in claims} == {"quantity", "date"}
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.sentence_id == "a#0"


QUALIFIED = {
    "at least": (True, None),
    "more than": (False, None),
    "up to": (None, True),
    "fewer than": (None, False),
}


def _words(n: int) -> str:
    ones = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    parts = []
    if n >= 1000:
        parts.append(_words(n // 1000) + " thousand")
        n %= 1000
    if n >= 100:
        parts.append(ones[n // 100] + " hundred")
        n %= 100
    if n >= 20:
        parts.append(tens[n // 10] + ("-" + ones[n % 10] if n % 10 else ""))
    elif n or not parts:
        parts.append(ones[n])
    return " ".join(parts)


@given(
    n=st.integers(min_value=2, max_value=999_999),
    qualifier=st.sampled_from(sorted(QUALIFIED)),
    style=st.sampled_from(["sep", "plain", "words"]),
)
def test_qualified_integers_round_trip(n, qualifier, style):
    written = {"sep": f"{n:,}", "plain": str(n), "words": _words(n)}[style]
    if style == "plain" and 1500 <= n <= 2099:
        written = f"{n:,}"  # a bare four-digit number in that range reads as a year
    [claim] = [
        c
        for c in extract_claims_from_text(f"Officials said {qualifier} {written} people were hurt.", None)
        if c.kind == "quantity"
    ]
    value = claim.value
    low_inc, high_inc = QUALIFIED[qualifier]
    if low_inc is not None:
        assert (value.low, value.high, value.low_inclusive) == (n, None, low_inc)
    else:
        assert (value.low, value.high, value.high_inclusive) == (0, n, high_inc)
    assert claim.unit == "people"


@given(st.text(max_size=300))
def test_extractor_never_raises(text):
    for claim in extract_claims_from_text(text, date(2023, 10, 17)):
        assert text[claim.start : claim.end] == claim.text


def _dates(text, published):
    return [c for c in extract_claims_from_text(text, published) if c.kind == "date"]


@given(
    day=st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)),
    style=st.sampled_from(["iso", "us", "us2", "eu"]),
)
def test_numeric_dates_round_trip(day, style):
    written = {
        "iso": day.isoformat(),
        "us": f"{day.month}/{day.day}/{day.year}",
        "us2": f"{day.month:02d}/{day.day:02d}/{day.year % 100:02d}",
        "eu": f"{day.day:02d}.{day.month:02d}.{day.year}",
    }[style]
    [claim] = _dates(f"The hearing was moved to {written} by the court.", date(2023, 10, 17))
    assert claim.text == written
    assert (claim.value.start, claim.value.end, claim.value.granularity) == (day, day, "day")


@given(
    n=st.integers(min_value=1, max_value=400),
    published=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    words=st.booleans(),
)
def test_days_ago_is_published_minus_n(n, published, words):
    written = _words(n) if words else str(n)
    [claim] = _dates(f"The rifle was found {written} days ago, police said.", published)
    want = published - timedelta(days=n)
    assert (claim.value.start, claim.value.end) == (want, want)


@given(
    n=st.integers(min_value=1, max_value=60),
    published=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    qualifier=st.sampled_from(["more than", "over", "less than"]),
)
def test_more_or_less_than_n_days_ago_is_a_range_on_the_right_side(n, published, qualifier):
    # "arrested more than two weeks ago" is compatible with a date three weeks back, not with yesterday
    [claim] = _dates(f"They were arrested {qualifier} {n} days ago, police said.", published)
    point = published - timedelta(days=n)
    start, end = claim.value.start, claim.value.end
    if qualifier == "less than":
        assert (start, end) == (point, published)
    else:
        assert end == point and start < point


@given(
    published=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    weekday=st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    prep=st.sampled_from(["next", "last"]),
)
def test_next_and_last_weekday_never_fall_on_publication_day(published, weekday, prep):
    # issue #3: "next Tuesday" on a Tuesday is a week later, "last Tuesday" a week earlier
    [claim] = _dates(f"The council will decide {prep} {weekday}.", published)
    day = claim.value.start
    assert day.strftime("%A") == weekday
    gap = (day - published).days
    assert (1 <= gap <= 13) if prep == "next" else (-7 <= gap <= -1)


@given(
    published=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    weekday=st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    future=st.booleans(),
)
def test_bare_weekday_follows_tense(published, weekday, future):
    sentence = f"Officials will meet on {weekday}." if future else f"Officials met on {weekday}."
    [claim] = _dates(sentence, published)
    gap = (claim.value.start - published).days
    assert claim.value.start.strftime("%A") == weekday
    assert (0 <= gap <= 6) if future else (-6 <= gap <= 0)


@given(year=st.integers(min_value=1900, max_value=2099))
def test_year_after_preposition_is_a_year(year):
    [claim] = _dates(f"The company was founded in {year} by two brothers.", date(2023, 10, 17))
    assert (claim.value.start, claim.value.end) == (date(year, 1, 1), date(year, 12, 31))


def test_casualties_attach_to_their_own_numbers():
    # issue #3: the nearest event word used to tag "3 injured" as killed
    claims = extract_claims_from_text("1 dead, 3 injured; the attack left four people dead and 12 wounded.", None)
    assert [(c.value.point, c.event) for c in claims] == [(1, "killed"), (3, "injured"), (4, "killed"), (12, "injured")]


def test_identifiers_are_not_counts():
    text = "He was shot at 3 p.m. in the 600 block of Main Street; call 555-123-4567 or dial 911 about case No. 4471."
    assert [c.text for c in extract_claims_from_text(text, None) if c.kind == "quantity"] == []


def test_bare_numerals_and_ordinals_are_kept():
    [numeral] = extract_claims_from_text("33", None)
    [ordinal] = extract_claims_from_text("twenty-fifth", None)
    assert (numeral.kind, numeral.unit, numeral.value.point) == ("quantity", "", 33)
    assert (ordinal.kind, ordinal.scope, ordinal.value.point) == ("ordinal", "", 25)


def test_extract_jsonl_reads_lines_and_reports_bad_ones():
    lines = [
        json.dumps({"id": "a", "text": "At least 3 people died on Monday.", "published": "2023-10-17"}),
        "",
        "{not json",
        json.dumps({"id": "b", "text": "They met Tuesday.", "published": "17/10/2023"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 7, "text": "They met Tuesday.", "published": None}),
    ]
    out = list(extract_jsonl(lines, tolerance=0.1))
    assert [o["id"] for o in out] == ["a", None, None, None, 7]
    assert [c["text"] for c in out[0]["claims"]] == ["At least 3 people", "on Monday"]
    assert out[0]["claims"][1]["value"] == {
        "start": "2023-10-16",
        "end": "2023-10-16",
        "granularity": "day",
        "note": "past",
    }
    assert out[0]["claims"][0]["value"]["low"] == 3 and out[0]["claims"][0]["value"]["high"] is None
    assert [o.get("line") for o in out[1:4]] == [3, 4, 5]
    assert "not JSON" in out[1]["error"] and "YYYY-MM-DD" in out[2]["error"] and "object" in out[3]["error"]
    assert out[4]["claims"][0]["value"]["start"] is None


def test_claims_cache_gives_the_same_claims_and_survives_corruption(tmp_path):
    import sqlite3
    from datetime import date

    from factcheck.config import ClaimsConfig
    from factcheck.records import Article, Sentence
    from factcheck.stages.claims import stage as claims_module

    text = "At least 1,400 people were killed on October 7, and some 130 countries attend the forum on Tuesday."
    article = Article("a", "A", "T", None, date(2023, 10, 16), "record", "", "a.txt", "Title\n" + text)
    sentences = [Sentence("a#0", "a", 0, 6, 6 + len(text), text)]
    plain = claims_module.extract_claims([article], sentences, ClaimsConfig())
    cold = claims_module.extract_claims([article], sentences, ClaimsConfig(), cache_dir=str(tmp_path))
    assert cold == plain and len(plain) >= 3

    def no_extraction(*args, **kwargs):
        raise AssertionError("a warm run must not extract again")

    original = claims_module.extract_claims_from_text
    claims_module.extract_claims_from_text = no_extraction
    try:
        assert claims_module.extract_claims([article], sentences, ClaimsConfig(), cache_dir=str(tmp_path)) == plain
    finally:
        claims_module.extract_claims_from_text = original
    with sqlite3.connect(tmp_path / "claims.sqlite") as con:
        con.execute("UPDATE docs SET doc = ?", ('[{"broken": 1}]',))
    assert claims_module.extract_claims([article], sentences, ClaimsConfig(), cache_dir=str(tmp_path)) == plain


def test_a_written_weekday_that_is_not_the_dates_is_noted_only_when_the_year_is_written():
    [wrong, right, inferred] = _dates(
        "Lee pleaded on Thursday, January 25, 2016, Price on Thu., Jan. 28, 2016, and Clark on Thursday, January 25.",
        date(2016, 1, 29),
    )
    assert wrong.value.note == "weekday mismatch: January 25, 2016 was a Monday, not a Thursday"
    assert right.value.note == "" and inferred.value.note == ""  # without its year, the year fits the weekday


@pytest.mark.parametrize(
    ("text", "attribution"),
    [
        ("Three people were killed, police said.", "police said"),
        ("Two died in the blaze, said local officials.", "said local officials"),
        ("State media reported 12 deaths.", "State media reported"),
        ("Investigators confirmed 4 were injured.", "Investigators confirmed"),
    ],
)
def test_unnamed_sources_are_attribution(text, attribution):
    # issue 15: "police said" was not caught
    claims = extract_claims_from_text(text, date(2013, 2, 12))
    assert claims
    assert {c.attribution for c in claims} == {attribution}


@pytest.mark.parametrize(
    ("text", "scope"),
    [("to open a second front against Israel", "front against Israel"), ("he won a second term", "term")],
)
def test_a_second_before_a_noun_is_an_ordinal_not_a_second_of_time(text, scope):
    claims = extract_claims_from_text(text, None)
    assert [(c.kind, c.scope) for c in claims] == [("ordinal", scope)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The raid happened at 11 . 30 p . m . on Monday .", "11 . 30 percent"),  # tokenised text (ECB+)
        ("It struck at 11 p . m . local time .", ""),
        ("The raid happened at 11:30 p.m. on Monday.", ""),
    ],
)
def test_a_tokenised_clock_time_is_no_quantity(text, kept):
    claims = extract_claims_from_text(text, date(2013, 9, 10))
    assert not [c for c in claims if c.kind == "quantity"], [c.text for c in claims]
    if kept:  # a spaced decimal that is no time stays a number
        assert [c.text for c in extract_claims_from_text(f"Shares rose {kept} .", None)] == [kept]
