"""Readings that made-up multi-outlet batches showed wrong (session 7): each a class, not a sentence."""

from __future__ import annotations

import pytest

from factcheck.stages.claims import extract_claims_from_text


def _quantities(text: str) -> list[tuple[str, str, float | None]]:
    return [
        (c.text, c.unit, getattr(c.value, "low", None))
        for c in extract_claims_from_text(text, None)
        if c.kind == "quantity"
    ]


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("The quake injured more than 1,500, officials said.", 1500),
        ("At least 2,500, police said, were arrested.", 2500),
        ("It cost 1,250,000, he said.", 1250000),
    ],
)
def test_a_digit_group_before_a_comma_is_one_number(text, low):
    assert [q[2] for q in _quantities(text)] == [low]


@pytest.mark.parametrize(
    "text",
    [
        "A magnitude 7.1 earthquake struck the coast.",
        "The 7.1-magnitude quake struck before dawn.",
        "The quake had a magnitude of 7.1 according to the survey.",
    ],
)
def test_an_earthquakes_magnitude_is_no_count_of_earthquakes(text):
    assert [(q[1], q[2]) for q in _quantities(text)] == [("magnitude", 7.1)]


def test_according_is_no_counted_thing():
    assert [q[1] for q in _quantities("Five people died according to the police.")] == ["people"]
