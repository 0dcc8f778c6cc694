"""Casualty counts the verdicts need (#14): made-up sentences, one row per reading rule."""

import math

import pytest

from factcheck.stages.claims import extract_claims_from_text

INF = math.inf

# (text, [(surface, event, low, high)]) for every quantity claim of the text, in order.
COUNTS = [
    # "other"/"another" N after the event word
    (
        "The blast went off, killing 10 persons and wounding other 70.",
        [("10 persons", "killed", 10, 10), ("70", "injured", 70, 70)],
    ),
    ("The attack killed two and injured another 15.", [("two", "killed", 2, 2), ("15", "injured", 15, 15)]),
    # treated after being injured
    ("Officials said five people had received treatment after being injured.", [("five people", "injured", 5, 5)]),
    ("Two villagers slightly injured in the clash.", [("Two villagers", "injured", 2, 2)]),
    # a part of the wounded is no total of the wounded
    ("Thirty of the 80 wounded remained in hospital.", [("Thirty", "", 30, 30), ("80", "injured", 80, 80)]),
    # the predicate after "N of the M victims" counts N
    ("Police say four of the five victims were shot to death.", [("four", "killed", 4, 4), ("five victims", "", 5, 5)]),
    # "as many as N" is an upper bound: [0, N] (see ranges.py)
    ("As many as 80 people were also wounded.", [("As many as 80 people", "injured", 0, 80)]),
    ("Almost four dozen people were hurt.", [("Almost four dozen people", "injured", 43.2, 48)]),
    ("The storm injured almost 50.", [("almost 50", "injured", 45, 50)]),
    # label lines and victims lists
    ("Wounded: 3", [("3", "injured", 3, 3)]),
    ("Killed: 2, wounded: 5", [("2", "killed", 2, 2), ("5", "injured", 5, 5)]),
    ("John Smith, 48 years old – deceased", [("John Smith", "killed", 1, INF)]),
    # people named without a number: at least one each
    (
        "A shooting on Friday killed 24-year-old Alex Brown of Dorchester.",
        [("24-year-old Alex Brown", "killed", 1, INF)],
    ),
    ("The man and woman were pronounced dead at the scene.", [("The man and woman", "killed", 2, INF)]),
    ("That man later died.", [("That man", "killed", 1, INF)]),
    ("The victim was taken to a hospital and died a short time later.", [("The victim", "killed", 1, INF)]),
    ("Medics tried, but Kaleb didn't make it and was pronounced dead.", [("Kaleb", "killed", 1, INF)]),
    (
        "The name of a 20-year-old man who was killed in the crash was released.",
        [("a 20-year-old man", "killed", 1, INF)],
    ),
    ("Jane Doe was stabbed to death.", [("Jane Doe", "killed", 1, INF)]),
    # not casualties
    ("The officer returned fire and was not injured.", []),
    (
        "Shots rang out at a Black Lives Matter rally where five officers were killed.",
        [("five officers", "killed", 5, 5)],
    ),
    ("The victim, 24, died at the scene.", [("The victim, 24", "killed", 1, INF)]),
    ("A student shooter, 14, was found at the school.", []),
]


@pytest.mark.parametrize(("text", "expected"), COUNTS, ids=[t[:40] for t, _ in COUNTS])
def test_casualty_counts(text, expected):
    claims = [c for c in extract_claims_from_text(text, None) if c.kind == "quantity"]
    got = [(c.text, c.event, c.value.low, INF if c.value.high is None else c.value.high) for c in claims]
    assert len(got) == len(expected), got
    for (surface, event, low, high), (g_surface, g_event, g_low, g_high) in zip(expected, got, strict=True):
        assert (g_surface, g_event) == (surface, event)
        assert g_low == pytest.approx(low)
        assert g_high == pytest.approx(high)


def test_saved_lives_are_not_deaths():
    claims = extract_claims_from_text("Our officers saved a life today; the flood claimed 257 lives.", None)
    assert [(c.text, c.event) for c in claims if c.kind == "quantity"] == [("257 lives", "killed")]


def test_a_thing_is_no_casualty():
    # "a bloody trail" near "killed" counted one dead (#14)
    claims = extract_claims_from_text("He left a bloody trail and killed three people.", None)
    assert [(c.text, c.event) for c in claims if c.event] == [("three people", "killed")]
