"""Agreements on one value of one thing that no slot holds (#14): `grouping.value_findings`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from factcheck.records import Article, Claim, DateValue, QuantityValue, Sentence
from factcheck.stages.claims import extract_claims_from_text
from factcheck.stages.compare import CORROBORATING
from factcheck.stages.compare.grouping import value_findings
from factcheck.stages.compare.slots import SlotKey
from factcheck.stages.compare.statements import passage_groups, shared_passage
from factcheck.stages.compare.values import judge

A = Article("a", "Outlet A", "T", None, date(2017, 3, 27), "record", "", "a.txt", "")
B = Article("b", "Outlet B", "T", None, date(2017, 3, 27), "record", "", "b.txt", "")
ARTICLES = {"a": A, "b": B}
MIN_SIMILARITY = 0.35


def _emb(similarity: float) -> np.ndarray:
    """Two unit rows with the given cosine."""
    return np.array([[1.0, 0.0], [similarity, (1 - similarity**2) ** 0.5]], dtype=np.float32)


def _count(article: str, n: float, unit: str) -> Claim:
    text = f"{n:g} {unit}"
    return Claim(
        id=f"{article}:c",
        article_id=article,
        sentence_id=f"{article}#0",
        kind="quantity",
        text=text,
        start=0,
        end=len(text),
        value=QuantityValue(n, n, n, True, True, False),
        unit=unit,
        qualifier="",
        event="",
        scope="",
        negated=False,
        attribution="",
    )


def _day(article: str, day: date) -> Claim:
    return Claim(
        id=f"{article}:d",
        article_id=article,
        sentence_id=f"{article}#0",
        kind="date",
        text="on Monday",
        start=0,
        end=9,
        value=DateValue(day, day, "day"),
        unit="",
        qualifier="",
        event="",
        scope="",
        negated=False,
        attribution="",
    )


def _key(claim: Claim, counted: str = "", what: str = "", who: tuple[str, ...] = ()) -> SlotKey:
    return SlotKey(claim.kind, what, counted, frozenset(who), "", "reported")


def _found(x: Claim, y: Claim, kx: SlotKey, ky: SlotKey, similarity: float) -> list[tuple[str, ...]]:
    sentences = {c.sentence_id: Sentence(c.sentence_id, c.article_id, 0, 0, 40, "x" * 40) for c in (x, y)}
    index = {x.sentence_id: 0, y.sentence_id: 1}
    found = value_findings(
        [x, y], {x.id: kx, y.id: ky}, sentences, index, _emb(similarity), ARTICLES, min_similarity=MIN_SIMILARITY
    )
    return [f.articles for _, f in found]


@pytest.mark.parametrize(
    ("nx", "ny", "unit", "counted", "similarity", "agree"),
    [
        (4, 4, "officer", "officer", 0.6, True),  # "four off-duty police officers" in close sentences
        (4, 4, "officer", "officer", 0.45, False),  # similar only: "Carter had 12 points" / "Wiggins had 12 points"
        (4, 5, "officer", "officer", 0.6, False),  # another figure: never an agreement
        (2, 2, "country", "country", 0.45, False),  # "the two countries": said of many things
        (2, 2, "country", "country", 0.6, True),  # ... unless the sentences are close
        (4, 4, "people", "person", 0.6, False),  # "four people", no name in common
    ],
)
def test_the_same_figure_of_one_thing_agrees(nx, ny, unit, counted, similarity, agree) -> None:
    x, y = _count("a", nx, unit), _count("b", ny, unit)
    found = _found(x, y, _key(x, counted), _key(y, counted), similarity)
    assert found == ([("a", "b")] if agree else [])


def test_a_count_of_people_needs_a_name_in_common_and_close_sentences() -> None:
    x, y = _count("a", 4, "people"), _count("b", 4, "people")
    named = _key(x, "person", who=("flynn",)), _key(y, "person", who=("flynn",))
    assert _found(x, y, *named, 0.6) == [("a", "b")]
    assert _found(x, y, *named, 0.45) == []


def test_different_event_classes_or_counted_phrases_never_agree() -> None:
    x, y = _count("a", 4, "officer"), _count("b", 4, "officer")
    assert _found(x, y, _key(x, "officer", "injured"), _key(y, "officer", "killed"), 0.8) == []
    assert _found(x, y, _key(x, "officer: lot"), _key(y, "officer: gate"), 0.8) == []
    # one phrase within the other's head word: "half of the entrance roof" / "half the roof"
    assert _found(x, y, _key(x, "officer: entrance roof"), _key(y, "officer: roof"), 0.8) == [("a", "b")]


def test_a_day_agrees_only_for_the_same_act() -> None:
    # a story's every act happens "on Monday": the day alone is no slot (#14)
    x, y = _day("a", date(2017, 3, 27)), _day("b", date(2017, 3, 27))
    who = ("kane county coroner",)
    assert _found(x, y, _key(x, what="perform", who=who), _key(y, what="perform", who=who), 0.5) == [("a", "b")]
    assert _found(x, y, _key(x, what="perform", who=who), _key(y, what="say", who=who), 0.8) == []
    assert _found(x, y, _key(x, who=who), _key(y, who=who), 0.8) == []


def test_a_value_agreement_links_no_outlets_for_contradictions() -> None:
    x, y = _count("a", 4, "officer"), _count("b", 4, "officer")
    sentences = {c.sentence_id: Sentence(c.sentence_id, c.article_id, 0, 0, 40, "x" * 40) for c in (x, y)}
    ((title, finding),) = value_findings(
        [x, y],
        {x.id: _key(x, "officer"), y.id: _key(y, "officer")},
        sentences,
        {x.sentence_id: 0, y.sentence_id: 1},
        _emb(0.6),
        ARTICLES,
        min_similarity=MIN_SIMILARITY,
    )
    assert finding.how not in CORROBORATING
    assert finding.sentence_ids == ("a#0", "b#0")
    assert "officer" in title


@pytest.mark.parametrize(
    ("x", "y", "shared"),
    [
        # a quotation one outlet prints without quotation marks
        (
            "I replied that he would always get honesty from me.",
            '"I replied that he would always get honesty from me," Comey wrote.',
            "i replied that he would always get honesty from me",
        ),
        (
            "He said it was a reminder that climbers need to use extreme caution.",
            "It is a reminder that climbers need to use extreme caution, he said.",
            "a reminder that climbers need to use extreme caution",
        ),
        # a name shared word for word is no statement
        (
            "The president sat next to Japanese Prime Minister Shinzo Abe on Tuesday.",
            "Trump welcomed Japanese Prime Minister Shinzo Abe to his resort.",
            "",
        ),
        # function words alone are no statement
        ("He said that it was one of the best.", "She said that it was one of the worst.", ""),
    ],
)
def test_a_shared_passage_needs_lower_case_content_words(x: str, y: str, shared: str) -> None:
    assert shared_passage(x, y) == shared


def test_passage_groups_join_articles_beyond_the_statement_groups_and_link_none() -> None:
    texts = [
        ("a", "Police said Franck was not involved in the earlier altercation at the club."),
        ("b", "Police don't believe the victim was involved in the earlier altercation."),
        ("c", "The club was closed on Sunday after the shooting."),
    ]
    sents = [Sentence(f"{a}#0", a, 0, 0, len(t), t) for a, t in texts]
    emb = np.eye(3, dtype=np.float32)
    emb[1] = emb[0]  # similar enough
    (found,) = passage_groups(sents, emb, [], min_similarity=MIN_SIMILARITY)
    assert found == ([0, 1], "passage", frozenset())
    assert passage_groups(sents, emb, [[0, 1]], min_similarity=MIN_SIMILARITY) == []  # already one statement
    assert passage_groups(sents, np.eye(3, dtype=np.float32), [], min_similarity=MIN_SIMILARITY) == []


def test_a_specific_thing_in_similar_sentences_needs_a_name_in_common() -> None:
    x, y = _count("a", 12, "point"), _count("b", 12, "point")
    assert _found(x, y, _key(x, "point", who=("carter",)), _key(y, "point", who=("wiggins",)), 0.45) == []
    assert _found(x, y, _key(x, "point", who=("carter",)), _key(y, "point", who=("carter",)), 0.45) == [("a", "b")]


def test_the_same_length_in_other_units_agrees() -> None:
    # a unit that converts is probed against every group of its family, not only its own figure
    x, y = _count("a", 200, "ft"), _count("b", 61, "metre")
    assert _found(x, y, _key(x, "length"), _key(y, "length"), 0.6) == [("a", "b")]


def _dated(article: str, text: str, published: date) -> Claim:
    """The one date claim the extractor reads in `text`."""
    [claim] = [c for c in extract_claims_from_text(text, published) if c.kind == "date"]
    return replace(claim, id=f"{article}:d", article_id=article)


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [
        ("The plant closed in late March.", "The plant closed on March 18.", "differ"),  # one March
        ("The plant closed in early March.", "The plant closed in late March.", "differ"),
        ("The plant closed at the end of 2016.", "The plant closed in February 2016.", "differ"),
        ("The plant closed at the end of last week.", "The plant closed on Monday, March 20.", "differ"),
        ("The plant closed in late March.", "The plant closed in late May.", "contradict"),
        ("The plant closed in late March.", "The plant closed on May 2.", "contradict"),
        ("The plant closed at the end of 2015.", "The plant closed in early 2016.", "contradict"),
        ("The plant closed in late March.", "The plant closed on March 25.", "differ"),  # inside the part
        ("The plant closed in late March.", "The plant closed at the end of March.", "agree"),
    ],
)
def test_a_part_of_a_period_contradicts_only_outside_its_period(first, second, verdict):
    published = date(2017, 3, 27)
    a, b = _dated("a", first, published), _dated("b", second, published)
    got, how, _, _ = judge(a, b, A, B)
    assert got == verdict, (a.value, b.value, how)


def test_a_figure_rounded_from_a_more_precise_one_is_a_question_of_precision():
    # #14: "shares jumped 24%" / "shares rose 23.8 percent": one outlet rounds; 6% is no rounding of 6.5%
    from factcheck.stages.compare.values import rounded_from

    def exact(x: float) -> QuantityValue:
        return QuantityValue(x, x, x, True, True, False)

    assert rounded_from(exact(23.8), exact(24)) and rounded_from(exact(37.25), exact(37.3))
    assert not rounded_from(exact(6.5), exact(6)) and not rounded_from(exact(6.8), exact(6.6))
    assert not rounded_from(exact(2.4e6), exact(2e6))  # whole figures: 2,400,000 is no fraction of 2 million
    assert not rounded_from(exact(24), exact(23.8))
