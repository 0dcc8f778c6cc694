"""Times of day said with a part of the day instead of a.m./p.m. (#14)."""

from datetime import date

import numpy as np
import pytest

from factcheck.records import Article, Sentence
from factcheck.stages.compare.grouping import value_findings
from factcheck.stages.compare.slots import slot_key, slots_match
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


def test_a_time_of_no_named_event_fills_no_slot_and_agrees_as_a_value() -> None:
    # "was located at 4:42 a.m." names no event of the list: kept, without one (#14)
    texts = [
        ("a", "About 4:42 a.m., an officer pulled over a car on Armenia Avenue."),
        ("b", "The car was located at 4:42 a.m. on Armenia Avenue."),
    ]
    sents = [Sentence(f"{a}#0", a, 0, 0, len(t), t) for a, t in texts]
    (x,), (y,) = time_claims(sents[:1]), time_claims(sents[1:])
    assert (x.event, y.event, x.value.point, y.value.point) == ("", "", 282.0, 282.0)
    kx, ky = slot_key(x, sents[0], None, None), slot_key(y, sents[1], None, None)
    assert not slots_match(x, y, kx, ky, None, None, 0.9, min_similarity=0.35)
    articles = {a: Article(a, a.upper(), "T", None, date(2017, 4, 1), "record", "", f"{a}.txt", "") for a in "ab"}
    emb = np.array([[1.0, 0.0], [0.6, 0.8]], dtype=np.float32)
    found = value_findings(
        [x, y], {x.id: kx, y.id: ky}, {s.id: s for s in sents}, {"a#0": 0, "b#0": 1}, emb, articles, min_similarity=0.35
    )
    assert [(f.verdict, f.articles) for _, f in found] == [("agree", ("a", "b"))]
