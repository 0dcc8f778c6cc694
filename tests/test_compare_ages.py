"""People's ages: one person told two ages by two outlets, found by elimination (#14)."""

from __future__ import annotations

import pytest

from factcheck.records import Claim, QuantityValue, Sentence
from factcheck.stages.claims.quantities import extract_quantities
from factcheck.stages.compare.ages import age_claims, by_elimination, linked_ages, same_person


def _sentences(texts: dict[str, str]) -> list[Sentence]:
    return [Sentence(i, i[0], int(i[-1]), 0, len(t), t) for i, t in texts.items()]


def _linked(texts: dict[str, str]) -> list[Claim]:
    sents = _sentences(texts)
    return linked_ages(age_claims(sents, []), {s.id: s for s in sents})


def _point(claim: Claim) -> float | None:
    assert isinstance(claim.value, QuantityValue)
    return claim.value.point


def test_an_unnamed_age_a_year_from_the_only_named_one_is_that_person():
    ages = _linked(
        {
            "a#0": "A 25-year-old man was shot in the legs, along with a 64-year-old man who was stabilized.",
            "b#0": "David Scott, 65, was shot five times. A 25-year-old man was shot in the legs.",
        }
    )
    found = {(c.article_id, _point(c), c.scope) for c in ages}
    assert ("a", 64.0, "david scott") in found
    assert ("a", 25.0, "") in found  # matched age for age: nobody to find
    [found_64] = [c for c in ages if _point(c) == 64]
    assert by_elimination(found_64)
    assert not any(by_elimination(c) for c in ages if c.article_id == "b")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("A 24-year-old man was shot in the chest.", "A 25-year-old man was shot in the chest."),  # nobody named
        ("A 14-year-old was arrested in the shooting.", "Jo Bonner, 15, was shot in the head."),  # shooter, shot
        ("A 48-year-old woman and a 49-year-old man died.", "Robin Lily, 49, died."),  # 49 is matched
        ("A 30-year-old man and a 31-year-old man were shot.", "Ann Roe, 32, was shot."),  # a year apart in one
        ("A 48-year-old woman died.", "Robin Lily, 49, and Ann Roe, 47, died."),  # two candidates
    ],
)
def test_ages_that_may_be_two_people_stay_apart(a: str, b: str):
    ages = _linked({"a#0": a, "b#0": b})
    assert all(not c.scope for c in ages if c.article_id == "a"), [(c.text, c.scope) for c in ages]


def test_spelling_variants_of_a_last_name_are_one_person_with_the_same_first_name():
    assert same_person("robin lily", "robin lilly")
    assert not same_person("robin lily", "ann lilly")
    assert not same_person("lily", "lilly")
    assert same_person("scott", "david scott")


def test_an_age_inside_a_count_of_the_aged_is_still_an_age():
    text = "Deputies say a 48-year-old woman has died."
    [count] = [c for c in extract_quantities(text) if c.event == "killed"]
    [sent] = _sentences({"a#0": text})
    [age] = age_claims([sent], [count])
    assert _point(age) == 48


def test_elimination_needs_grounds_that_the_articles_tell_of_the_same_people():
    # no other age in common and the name not written on the unnamed side: two stories' people
    apart = _linked(
        {"a#0": "A 10-year-old girl was killed by a stray bullet.", "b#0": "Cheanne McKnight, 11, was grazed."}
    )
    assert all(not c.scope for c in apart if c.article_id == "a")
    # the name written without the age ("Robin Lilly was putting the guns away") is grounds
    linked = _linked(
        {
            "a#0": "Deputies say a 48-year-old woman has died.",
            "a#1": "Robin Lilly was putting the guns away when one discharged.",
            "b#0": "Deputies discovered Robin Lily, 49, with a single gunshot wound.",
        }
    )
    assert [(c.article_id, _point(c), c.scope) for c in linked if c.article_id == "a"] == [("a", 48.0, "robin lily")]


def test_a_surname_with_its_age_is_that_person_where_the_article_names_them_in_full():
    sents = _sentences(
        {"a#0": "Former mayor Paul Grant was sentenced on Friday.", "a#1": "Grant, 61, was convicted in May."}
    )
    [age] = age_claims(sents, [])
    assert (age.scope, _point(age)) == ("grant", 61)
    assert age_claims(_sentences({"b#0": "Grant, 61, was convicted in May."}), []) == []
    table = _sentences({"c#0": "Ann Lee won.", "c#1": "Boston, 12, Chicago, 3, Denver, 8."})
    assert age_claims(table, []) == []


def test_a_place_then_a_digit_group_is_no_name_and_its_age():
    # #14: "In New Orsk, 1,400 homes were flooded" describes nobody aged 1
    from factcheck.stages.compare.ages import described_ages

    assert described_ages("In New Orsk, 1,400 homes were flooded.") == frozenset()
    assert described_ages("In New Orsk , 1 , 400 homes were flooded .") == frozenset()
    assert described_ages("In New Orsk, 2.5 inches of rain fell.") == frozenset()
    assert described_ages("Ann Lee, 41, was hurt.") == frozenset({41})
    assert _linked({"a#0": "In New Orsk, 1,400 homes were flooded."}) == []
