"""Times of day said with a part of the day instead of a.m./p.m. (#14)."""

import pytest

from factcheck.records import Sentence
from factcheck.stages.compare.times import time_claims


def _times(text):
    return [(c.text, c.value.point) for c in time_claims([Sentence("a#0", "a", 0, 0, len(text), text)])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deputies tell us the shooting happened around 6:30 Sunday night.", [("around 6:30", 18 * 60 + 30)]),
        ("Police were called at 7:15 this morning.", [("7:15", 7 * 60 + 15)]),
        ("The man was shot at 2:30 Saturday night.", [("2:30", 2 * 60 + 30)]),
        ("The shooting happened at 4:05 on Friday afternoon.", [("4:05", 16 * 60 + 5)]),
        ("Officers were called at about 9:15 p.m.", [("about 9:15 p.m.", 21 * 60 + 15)]),
        ("Six were shot Sunday night.", []),  # no minutes: a count, not a time
        ("He was shot 6 Sunday night.", []),
        ("The shooting happened at 12:30 in the morning.", []),
    ],
)
def test_a_part_of_the_day_makes_a_time(text, expected):
    assert _times(text) == expected
