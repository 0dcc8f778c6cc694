"""Statements of opposite sense without figures (#14): a denial, opposite modifiers, opposite places."""

from dataclasses import replace

import numpy as np
import pytest

from factcheck.config import CompareConfig
from factcheck.records import Sentence
from factcheck.stages.compare import compare_facts
from factcheck.stages.compare.conflicts import sentence_marks
from factcheck.stages.compare.partitions import partitions, sentence_parts
from tests.test_compare import A, B, _with_copy


def _pair(x, y):
    return [Sentence("a#0", "a", 0, 0, len(x), x), Sentence("b#0", "b", 0, 0, len(y), y)]


def _run(x, y, *, similarity=0.8, linked=True, b=B):
    sents, groups = _pair(x, y), [[0], [1]]
    other = np.sqrt(1 - similarity**2)
    emb = np.array([[1.0, 0.0, 0.0], [similarity, 0.0, other]], dtype=np.float32)
    if linked:
        sents, groups = _with_copy(sents, groups)
        emb = np.vstack([emb, [[0.0, 1.0, 0.0]] * 2]).astype(np.float32)
    _, findings = compare_facts([A, b], sents, emb, groups, [], CompareConfig(parser=""))
    return [f for _, f in findings if f.how in ("statement", "question", "update")]


DENIED = "According to the Post, the lawsuit does not name Trump as a defendant in the case."
NAMED = "The lawsuit filed on Friday names a long list of defendants that includes Mr. Trump."


def test_a_denial_of_what_another_outlet_states_contradicts_between_outlets_of_one_event():
    found = _run(DENIED, NAMED)
    assert [(f.verdict, f.how) for f in found] == [("contradict", "statement")]
    assert set(found[0].sentence_ids) == {"a#0", "b#0"}


def test_a_denial_moved_into_the_complement_is_a_paraphrase_not_an_opposite():
    x = "Coach Ann Park said she didn't feel the team was executing on defense in the second half."
    y = "Coach Ann Park said she feels the team wasn't executing on defense in the second half."
    assert _run(x, y) == []


def test_a_denial_between_outlets_not_shown_to_report_one_event_is_a_question():
    found = _run(DENIED, NAMED, linked=False)
    assert [(f.verdict, f.how) for f in found] == [("differ", "question")]


def test_a_name_used_as_a_possessor_or_modifier_is_not_the_party_denied():
    assert not _run(DENIED, "The lawsuit also names Trump's son and his son-in-law as defendants in the case.")
    assert not _run(DENIED, "The lawsuit names several Trump campaign aides as defendants in the case.")


def test_not_just_a_modal_or_a_noun_is_no_denial():
    assert not [m for m in sentence_marks("Kim wants not just nuclear talks with Trump.") if m.kind == "denial"]
    assert not [m for m in sentence_marks("Trump would not want the talks to fail.") if m.kind == "denial"]
    assert not [m for m in sentence_marks("Comey said he was not a target of the inquiry.") if m.kind == "denial"]


def test_opposite_modifiers_of_one_word_contradict():
    x = "Police inspector Dave Gaskin said Mr Buckley was well equipped but was an inexperienced climber."
    y = 'Police said that Mr Buckley\'s group appeared to be "insufficiently" equipped and inexperienced.'
    found = _run(x, y, similarity=0.7)
    assert [(f.verdict, f.how) for f in found] == [("contradict", "statement")]


def test_opposite_places_need_a_paraphrase_and_a_sentence_giving_both_opposes_nothing():
    x = "The shooting took place last Saturday night outside a Pontiac home on Wall Street."
    y = "The shooting occurred in a Pontiac home on Wall Street."
    assert [f.verdict for f in _run(x, y, similarity=0.88)] == ["contradict"]
    assert not _run(x, y, similarity=0.6)  # "shots inside the club" / "police outside the club"
    both = "Two officers were in a Pontiac home on Wall Street and two outside a Pontiac home."
    assert not _run(x, both, similarity=0.88)


def test_a_denied_state_that_may_change_is_an_update_between_days():
    x = "Pontiac police have not yet arrested the suspect in the Wall Street shooting."
    y = "Pontiac police arrested the suspect in the Wall Street shooting on Thursday."
    found = _run(x, y, b=replace(B, published=B.published))
    assert [(f.verdict, f.how) for f in found] == [("differ", "update")]


SAME_DAY = replace(B, published=A.published)


def test_a_denial_of_the_party_in_the_same_role_contradicts_between_reports_of_one_day():
    # no link between the outlets: the named party and its role, said both ways on one day (#14)
    found = _run(DENIED, NAMED, linked=False, b=SAME_DAY)
    assert [(f.verdict, f.how) for f in found] == [("contradict", "statement")]
    assert "defendant" in found[0].explanation


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        # a day apart and not linked: a question (the state may have changed, or it is another suit)
        (NAMED, [("differ", "question")]),
        # the other party: no opposite
        ("The lawsuit filed on Friday names a long list of defendants that includes Mr. Putin.", []),
        # a question, a condition, a plan: the other outlet states nothing
        ("Will the lawsuit filed on Friday name a long list of defendants that includes Mr. Trump?", []),
        ("It is unclear whether the lawsuit will name a list of defendants that includes Mr. Trump.", []),
        ("Lawyers said the lawsuit could name a long list of defendants that includes Mr. Trump.", []),
    ],
)
def test_look_alikes_of_a_denied_party_do_not_contradict(other, expected):
    b = B if other == NAMED else SAME_DAY
    found = _run(DENIED, other, linked=False, b=b)
    assert [(f.verdict, f.how) for f in found] == expected


def test_a_denial_asked_as_a_question_is_no_denial():
    assert not sentence_marks("Does the lawsuit not name Trump as a defendant in the case?")
    assert not _run("Does the lawsuit not name Trump as a defendant in the case?", NAMED, b=SAME_DAY)


# A whole against a partition (#14): made-up sentences, the first outlet's whole against the second's split.
SPLIT = "Two guards were posted at the mall's entrance and another two in the parking garage, Lee said."
WHOLE = "Four guards were keeping watch in the mall's parking garage when the shots rang out."


def test_a_whole_at_one_place_contradicts_a_split_of_the_same_count():
    found = _run(WHOLE, SPLIT, similarity=0.7)
    assert [(f.verdict, f.how) for f in found] == [("contradict", "statement")]
    assert "only 2 of 4" in found[0].explanation
    assert set(found[0].sentence_ids) == {"a#0", "b#0"}


def test_a_split_over_two_adjacent_sentences_is_read_as_one():
    whole = "The four wounded were taken to area hospitals for treatment, deputies said."
    first, second = "One was treated at the scene.", "Three were taken to a hospital with minor injuries."
    sents = [
        Sentence("a#0", "a", 0, 0, len(whole), whole),
        Sentence("b#0", "b", 0, 0, len(first), first),
        Sentence("b#1", "b", 1, 0, len(second), second),
    ]
    sents, groups = _with_copy(sents, [[0], [1], [2]])
    emb = np.array([[1, 0, 0], [0.6, 0.8, 0], [0.8, 0.6, 0], [0, 0, 1], [0, 0, 1]], dtype=np.float32)
    _, findings = compare_facts([A, B], sents, emb, groups, [], CompareConfig(parser=""))
    found = [f for _, f in findings if f.how == "statement"]
    assert [f.verdict for f in found] == ["contradict"]
    assert set(found[0].sentence_ids) == {"a#0", "b#0", "b#1"}


@pytest.mark.parametrize(
    "whole",
    [
        # another count: two of the four in the garage is what the split says
        "Two guards were keeping watch in the mall's parking garage when the shots rang out.",
        # a place no part names
        "Four guards were keeping watch in the mall's food court when the shots rang out.",
        # a sentence giving both sides is a split itself
        "Two guards stood in the parking garage and two at the entrance, a witness said.",
        # an age and a time are no counts
        "Guard Ann Lee, 4, was keeping watch in the mall's parking garage at 4 a.m. on Sunday.",
        # no word in common besides the place and the count
        "Four cars were parked in the parking garage of the mall at the time.",
    ],
)
def test_look_alikes_of_a_whole_do_not_contradict_a_split(whole):
    assert not _run(whole, SPLIT, similarity=0.7)


def test_one_group_told_twice_is_no_split_and_an_unlinked_pair_is_a_question():
    told_twice = [
        "Police said four men were injured at a bar on Elm Road.",
        "The four injured were taken to a hospital.",
    ]
    assert not partitions(
        [Sentence(f"b#{k}", "b", k, 0, len(t), t) for k, t in enumerate(told_twice)],
        [sentence_parts(t) for t in told_twice],
    )
    assert [(f.verdict, f.how) for f in _run(WHOLE, SPLIT, similarity=0.7, linked=False)] == [("differ", "question")]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Two officers were at the club's entrance and another two in the parking lot.", ["entrance", "lot"]),
        ("Three were taken to area hospitals with minor injuries.", ["hospital"]),
        # states, not places; times and ages, not counts
        ("Five others were taken away in good condition, police said.", []),
        ("Two men were held in custody and one in connection with the fire.", []),
        ("The call came at 4 a.m. from a house on the hill.", []),
        ("Ann Roe, 32, was found at the scene.", []),
    ],
)
def test_counted_places_of_a_sentence(text, places):
    assert [p.place for p in sentence_parts(text)] == places


# Modality and aspect (#14): made-up sentences; the same day, so only the link decides.
WILL = "Prime Minister Ana Ruiz will attend the trade summit in Lisbon next week, her office said."
UNLIKELY = "Ana Ruiz is unlikely to attend the trade summit in Lisbon, two aides said."
DONE = "The Northland Parliament has approved the trade accord with Lisbon, officials said."
NOT_YET = "The Northland Parliament has yet to approve the trade accord with Lisbon, officials said."


ELLIPTIC = "Ana Ruiz is unlikely to attend, according to officials in the capital."


@pytest.mark.parametrize(("x", "y"), [(WILL, UNLIKELY), (DONE, NOT_YET), (WILL, ELLIPTIC)])
def test_opposite_modality_or_aspect_of_one_named_subject(x, y):
    assert [(f.verdict, f.how) for f in _run(x, y, b=SAME_DAY)] == [("contradict", "statement")]
    assert [(f.verdict, f.how) for f in _run(x, y, b=SAME_DAY, linked=False)] == [("differ", "question")]
    # plans and the state of an act change from day to day
    assert [(f.verdict, f.how) for f in _run(x, y)] == [("differ", "update")]


@pytest.mark.parametrize(
    "y",
    [
        # another subject, who shares a surname and a title with the first
        "Foreign Minister Leo Ruiz is unlikely to attend the trade summit in Lisbon, two aides said.",
        # another predicate
        "Ana Ruiz is unlikely to host the trade summit in Lisbon, two aides said.",
        # hedged or asked, not said
        "It is unclear whether Ana Ruiz will attend the trade summit in Lisbon.",
        "Will Ana Ruiz attend the trade summit in Lisbon after all?",
        # no named subject
        "She is unlikely to attend the trade summit in Lisbon, two aides said.",
        # nothing in common but the subject and the verb, each with its own object
        "Ana Ruiz is unlikely to attend her party's congress, two aides said.",
    ],
)
def test_look_alikes_of_opposite_modality_do_not_conflict(y):
    assert not _run(WILL, y, b=SAME_DAY)


# A unique role filled by two named parties (#14): made-up sentences.
LARGEST = "Northland is the largest supplier of gas to the region, the ministry said on Monday."


@pytest.mark.parametrize(
    "other",
    [
        "Southland is the largest supplier of gas to the region, the ministry said on Monday.",
        "The largest supplier of gas to the region is Southland, the ministry said on Monday.",
    ],
)
def test_one_unique_role_given_to_two_parties_conflicts(other):
    assert [(f.verdict, f.how) for f in _run(LARGEST, other, similarity=0.8)] == [("contradict", "statement")]
    assert [(f.verdict, f.how) for f in _run(LARGEST, other, similarity=0.8, linked=False)] == [("differ", "question")]


@pytest.mark.parametrize(
    "other",
    [
        # another role, or the same role of another time
        "Southland is the largest supplier of oil to the region, the ministry said on Monday.",
        "Southland was the largest supplier of gas to the region, the ministry said on Monday.",
        # the same party, named in full
        "North Northland is the largest supplier of gas to the region, the ministry said on Monday.",
        # asked, not said; and no role ("the first time")
        "Is Southland the largest supplier of gas to the region?",
        "It was the first time Southland supplied gas to the region, the ministry said on Monday.",
    ],
)
def test_look_alikes_of_a_unique_role_do_not_conflict(other):
    assert not _run(LARGEST, other, similarity=0.8)
