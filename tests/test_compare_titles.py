"""Facts named in words: a slot's title from its key, a statement's from its first sentence (#14, #16)."""

from datetime import date

import numpy as np
import pytest

from factcheck.config import CompareConfig
from factcheck.records import Article, Claim, DateValue, Sentence
from factcheck.stages.compare import compare_batch, compare_facts
from factcheck.stages.compare.slots import SlotKey

A = Article("a", "Outlet A", "T", None, date(2023, 10, 16), "record", "", "a.txt", "")
B = Article("b", "Outlet B", "T", None, date(2023, 10, 17), "record", "", "b.txt", "")
COPY = "Both outlets print this very sentence, word for word, in their reports."


@pytest.mark.parametrize(
    ("key", "title"),
    [
        (
            SlotKey(
                "quantity", "injured", "person", frozenset({"pulse", "orlando"}), "as of the article's day", "reported"
            ),
            "people injured · Orlando, Pulse · as of the article's day",
        ),
        (SlotKey("quantity", "killed", "person (others)", frozenset(), "", "reported"), "other people killed"),
        (
            SlotKey("quantity", "shot", "person: part of students", frozenset(), "", "background", "2018-02-14"),
            "students (part) shot · on 2018-02-14 · background",
        ),
        (
            SlotKey("quantity", "died", "person", frozenset(), "window: in the past 24 hours", "reported"),
            "people died · in the past 24 hours",
        ),
        (
            SlotKey("date", "meet", "", frozenset({"kim", "trump", "xi"}), "", "planned"),
            "date of meet · Kim, Trump, Xi · planned",
        ),
        (SlotKey("date", "", "", frozenset(), "", "reported"), "date"),
        (SlotKey("quantity", "age", "years old", frozenset({"lily"}), "", "reported"), "age · Lily"),
        (SlotKey("money", "", "", frozenset(), "", "reported"), "money"),
    ],
)
def test_slot_title_names_thing_event_names_and_time(key, title):
    assert key.title() == title


def _d(cid, article, day):
    value = DateValue(day, day, "day")
    return Claim(cid, article, f"{article}#0", "date", "on Tuesday", 0, 6, value, "", "", "meet", "", False, "")


def test_compare_batch_titles_slot_and_statement_facts():
    text = "Presidents Xi Jinping and Vladimir Putin will meet in Beijing on Tuesday."
    sents = [
        Sentence("a#0", "a", 0, 0, len(text), text),
        Sentence("b#0", "b", 0, 0, len(text), text),
        Sentence("a#9", "a", 9, 0, len(COPY), COPY),
        Sentence("b#9", "b", 9, 0, len(COPY), COPY),
    ]
    emb = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]], dtype=np.float32)
    claims = [_d("1", "a", date(2023, 10, 17)), _d("2", "b", date(2023, 10, 17))]
    result = compare_batch([A, B], sents, emb, [[0, 1], [2, 3]], claims, CompareConfig(parser=""))
    titles = {tuple(result.groups[k]): t for k, t in result.titles.items()}
    assert titles[(2, 3)] == COPY  # a statement: its first sentence (short ones whole)
    assert titles[(0, 1)].startswith("date of meet · ")  # the slot the findings compare, in words
    # the tuple form keeps its shape for callers that need no titles
    assert compare_facts([A, B], sents, emb, [[0, 1], [2, 3]], claims, CompareConfig(parser="")) == (
        result.groups,
        result.findings,
    )


def test_a_counts_own_day_replaces_as_of_the_articles_day():
    key = SlotKey("quantity", "killed", "person", frozenset(), "as of the article's day", "background", "2023-10-07")
    assert key.title() == "people killed · on 2023-10-07 · background"
    window = SlotKey(
        "quantity", "died", "person", frozenset(), "window: in the past 24 hours", "reported", "2020-04-02"
    )
    assert window.title() == "people died · in the past 24 hours, on 2020-04-02"
