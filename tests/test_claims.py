import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.config import ClaimsConfig
from factcheck.records import Article, DateValue, QuantityValue, Sentence
from factcheck.stages.claims import extract_claims, extract_claims_from_text, parse_number

ROWS = [json.loads(line) for line in (Path(__file__).parent / "data" / "claims.jsonl").read_text().splitlines()]


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
