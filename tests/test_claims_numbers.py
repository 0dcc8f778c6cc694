"""Property tests of number reading (#15): num2words' English and digit forms parse back.

The suite runs a few hundred cases; run 10,000 by hand with
`FACTCHECK_PROPERTY_EXAMPLES=10000 .venv/bin/python -m pytest -q tests/test_claims_numbers.py`.
"""

import math
import os
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from factcheck.stages.claims import extract_claims_from_text, parse_number

EXAMPLES = int(os.environ.get("FACTCHECK_PROPERTY_EXAMPLES", "150"))
SPACES = (",", " ", "\u00a0", "\u2009", "\u202f")
INTEGERS = st.integers(min_value=0, max_value=999_999_999_999)
DECIMALS = st.tuples(st.integers(min_value=0, max_value=999_999), st.integers(min_value=1, max_value=99))


def _value(text):
    parsed = parse_number(text)
    assert parsed is not None, text
    assert parsed[1] is None, text
    return parsed[0]


@settings(max_examples=EXAMPLES, deadline=None)
@given(INTEGERS)
def test_num2words_integers_parse_back(n):
    assert _value(num2words(n)) == n


@settings(max_examples=EXAMPLES, deadline=None)
@given(DECIMALS)
def test_num2words_decimals_parse_back(parts):
    whole, cents = parts
    number = Decimal(f"{whole}.{cents:02d}")
    assert math.isclose(_value(num2words(number)), float(number), rel_tol=1e-12)


@settings(max_examples=EXAMPLES, deadline=None)
@given(INTEGERS, st.sampled_from(SPACES))
def test_digit_groups_parse_back(n, sep):
    assert _value(f"{n:,}".replace(",", sep)) == n


@settings(max_examples=EXAMPLES, deadline=None)
@given(DECIMALS, st.sampled_from(["thousand", "million", "billion", "trillion", "bn", "m", "k"]))
def test_scale_words_parse_back(parts, scale):
    whole, cents = parts
    whole %= 1000
    mult = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}[scale]
    sep = "" if len(scale) <= 2 else " "
    assert math.isclose(_value(f"{whole}.{cents:02d}{sep}{scale}"), float(f"{whole}.{cents:02d}") * mult, rel_tol=1e-12)


@settings(max_examples=EXAMPLES, deadline=None)
@given(INTEGERS, st.sampled_from(SPACES))
def test_digit_groups_in_running_text_are_one_claim(n, sep):
    text = f"Officials said {f'{n:,}'.replace(',', sep)} people were affected."
    claims = [c for c in extract_claims_from_text(text, None) if c.kind == "quantity"]
    if 1500 <= n <= 2099:
        return  # a bare year is the date extractor's
    assert [c.value.point for c in claims] == [n]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("five and a half million", 5_500_000),
        ("a million and a half", 1_500_000),
        ("two hundred thousand", 200_000),
        ("3 hundred and 21", 321),
        ("one billion and a quarter million", 1_000_250_000),
        ("1 250 000", 1_250_000),
        ("12,34,567", 1_234_567),
        ("3 lakh", 300_000),
        ("2 crore", 20_000_000),
        ("10 bln", 10e9),
        ("3.5bn", 3.5e9),
        ("2mil", 2e6),
        ("5k", 5000),
        ("2.3 tn", 2.3e12),
        ("two point two million", 2.2e6),
        ("three thousand millions", 3e9),
        ("half a million", 500_000),
    ],
)
def test_compound_numbers(text, value):
    assert _value(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Rates rose by point five percent.", "point five percent", 0.5),
        ("The index stood at point seven seven.", "point seven seven", 0.77),
        ("The margin is point 25 now.", "point 25", 0.25),
        ("It fell to point oh five.", "point oh five", 0.05),
    ],
)
def test_a_spoken_decimal_without_its_zero(text: str, surface: str, value: float):
    [claim] = [c for c in extract_claims_from_text(text, None) if c.kind != "date"]
    assert claim.text == surface
    assert claim.value.point == pytest.approx(value)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    ["At that point five men arrived.", "It was a turning point two weeks ago.", "Point one: we stay."],
)
def test_point_as_a_noun_is_no_decimal(text: str):
    values = [c.value.point for c in extract_claims_from_text(text, None) if c.kind != "date"]  # type: ignore[union-attr]
    assert all(v is None or v >= 1 for v in values)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("They walked 2 1/2 miles.", "2 1/2 miles", 2.5),
        ("The notes pay 6 1/4%.", "6 1/4%", 6.25),
        ("Sales rose to 3 3/4 million.", "3 3/4 million", 3.75e6),
    ],
)
def test_a_mixed_number(text: str, surface: str, value: float):
    [claim] = extract_claims_from_text(text, None)
    assert claim.text == surface
    assert claim.value.point == pytest.approx(value)  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["See image 1/3 below.", "We grieve with them. (1/2)", "The gallery: 1 / 4 Back"])
def test_a_counter_is_no_share(text: str):
    assert all(c.kind != "percent" for c in extract_claims_from_text(text, None))


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Between twenty and thirty people were killed.", 20, 30),
        ("Rates will rise between five and seven percent.", 5, 7),
    ],
)
def test_and_joins_number_words_only_after_a_scale(text: str, low: float, high: float):
    [claim] = [c for c in extract_claims_from_text(text, None) if c.kind != "date"]
    assert (claim.value.low, claim.value.high) == (low, high)  # type: ignore[union-attr]


def test_a_list_of_number_words_is_no_sum():
    values = [c.value.point for c in extract_claims_from_text("Five, six or seven people died.", None)]  # type: ignore[union-attr]
    assert values == [5, 6, 7]
