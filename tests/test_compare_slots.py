"""Judging the values of one slot: approximation widths, bounds, backgrounds, ages (#14)."""

from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from factcheck.records import Article, Claim, DateValue, QuantityValue, Sentence
from factcheck.stages.claims.quantities import extract_quantities
from factcheck.stages.compare import judge, slot_key
from factcheck.stages.compare.ages import age_claims
from factcheck.stages.compare.grouping import event_day_findings
from factcheck.stages.compare.slots import batch_reference, slots_match
from factcheck.stages.compare.times import time_claims
from factcheck.stages.compare.values import approximate_value, rounding_step

A = Article("a", "Outlet A", "T", None, date(2023, 10, 16), "record", "", "a.txt", "")
B = Article("b", "Outlet B", "T", None, date(2023, 10, 16), "record", "", "b.txt", "")
TOLERANCE = 0.1  # the extractor's default width of "about N"


def _claim(cid: str, article: str, text: str, value: QuantityValue, qualifier: str = "", unit: str = "metre") -> Claim:
    return Claim(
        id=cid,
        article_id=article,
        sentence_id=f"{article}#0",
        kind="quantity",
        text=text,
        start=0,
        end=len(text),
        value=value,
        unit=unit,
        qualifier=qualifier,
        event="",
        scope="",
        negated=False,
        attribution="",
    )


def _approx(cid: str, article: str, n: float, qualifier: str = "about", unit: str = "metre") -> Claim:
    """'about N' as the extractor reads it: N plus or minus its default share."""
    value = QuantityValue(n, n * (1 - TOLERANCE), n * (1 + TOLERANCE), True, True, True)
    return _claim(cid, article, f"{qualifier} {n:g}", value, qualifier, unit)


def _exact(cid: str, article: str, n: float, unit: str = "metre") -> Claim:
    return _claim(cid, article, f"{n:g}", QuantityValue(n, n, n, True, True, False), "", unit)


def _under(cid: str, article: str, n: float) -> Claim:
    """'almost N' as the extractor reads it (#15): just below N."""
    return _claim(cid, article, f"almost {n:g}", QuantityValue(n, n * (1 - TOLERANCE), n, True, False, True), "almost")


def _from(cid: str, article: str, n: float) -> Claim:
    """'at least N': [N, inf)."""
    return _claim(cid, article, f"at least {n:g}", QuantityValue(n, n, None, True, False, False), "at least")


@pytest.mark.parametrize(
    ("figure", "step"),
    [(600, 100), (700, 100), (102e6, 1e6), (15, 5), (150, 50), (2.6e6, 1e5), (1400, 100), (36, 1), (2.5, 0.5)],
)
def test_rounding_step_is_the_last_written_digit(figure: float, step: float) -> None:
    assert rounding_step(figure) == pytest.approx(step)


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        # "some 700 metres" vs "about 600 metres": 650-750 and 550-650 share no value (#14)
        (_approx("1", "a", 700, "some"), _approx("2", "b", 600), "contradict"),
        # "some 700 metres" vs "609 metres"
        (_approx("1", "a", 700, "some"), _exact("2", "b", 609), "contradict"),
        # "about 600 metres" vs "609 metres": 609 rounds to 600
        (_approx("1", "a", 600), _exact("2", "b", 609), "differ"),
        # "an estimated $102 million" vs "$108 million"
        (_approx("1", "a", 102e6, "an estimated", "USD"), _exact("2", "b", 108e6, "USD"), "contradict"),
        (_approx("1", "a", 102e6, "an estimated", "USD"), _exact("2", "b", 102.4e6, "USD"), "differ"),
        # a small round figure keeps its neighbours: "about five" vs "four"
        (_approx("1", "a", 5), _exact("2", "b", 4), "differ"),
        (_approx("1", "a", 3), _exact("2", "b", 4), "differ"),
        # "about 15" covers 12.5-17.5
        (_approx("1", "a", 15), _exact("2", "b", 13), "differ"),
        (_approx("1", "a", 15), _exact("2", "b", 5), "contradict"),
        # the same figure, hedged differently
        (_approx("1", "a", 600), _exact("2", "b", 600), "agree"),
        # a written unit conversion keeps its rounding: "about 2,000ft" vs "609 metres"
        (_approx("1", "a", 2000, "about", "ft"), _exact("2", "b", 609), "agree"),
        # "at least four dozen" vs "almost four dozen": [48, inf) and [43.2, 48) (#14, wcl-8)
        (_from("1", "a", 48), _under("2", "b", 48), "contradict"),
        (_from("1", "a", 45), _under("2", "b", 48), "differ"),
    ],
)
def test_approximate_figures_cover_what_they_round(a: Claim, b: Claim, verdict: str) -> None:
    assert judge(a, b, A, B)[0] == verdict
    assert judge(b, a, B, A)[0] == verdict


def test_only_approximate_qualifiers_are_narrowed() -> None:
    assert approximate_value(_under("1", "a", 50)) is None
    assert approximate_value(_exact("1", "a", 50)) is None
    narrowed = approximate_value(_approx("1", "a", 600))
    assert narrowed is not None
    assert (narrowed.low, narrowed.high) == (550, 650)


def _in(text: str, part: str, article: str = "a") -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _sentence(text: str, article: str = "a") -> Sentence:
    return Sentence(f"{article}#0", article, 0, 0, len(text), text)


def _count_in(text: str, part: str, n: float, article: str = "a", unit: str = "metre", event: str = "") -> Claim:
    start, end = _in(text, part)
    return Claim(
        id=f"{article}:{start}",
        article_id=article,
        sentence_id=f"{article}#0",
        kind="quantity",
        text=part,
        start=start,
        end=end,
        value=QuantityValue(n, n, n, True, True, False),
        unit=unit,
        qualifier="",
        event=event,
        scope="",
        negated=False,
        attribution="",
    )


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("A 36-year-old climber died after falling 150 metres.", {36}),
        ("Robert Buckley, 32, fell 600 metres on Saturday.", {32}),
        ("The climber fell 600 metres near the hut.", set()),
        ("On Sunday, 26 March, the climber fell 600 metres.", set()),  # a date, not a name and an age
    ],
)
def test_a_count_keeps_the_ages_of_the_people_its_sentence_describes(text: str, ages: set[int]) -> None:
    claim = _count_in(text, next(p for p in ("150 metres", "600 metres") if p in text), 150)
    assert slot_key(claim, _sentence(text), None, A).people == frozenset(ages)


def test_measures_of_people_of_different_ages_are_two_slots() -> None:
    # "a 36-year-old fell 150 metres" / "a 32-year-old fell 600 metres": two falls, no contradiction (#14)
    ta, tb = "A 36-year-old climber fell 150 metres.", "A 32-year-old climber fell 600 metres."
    a, b = _count_in(ta, "150 metres", 150), _count_in(tb, "600 metres", 600, "b")
    sa, sb = _sentence(ta), _sentence(tb, "b")
    ka, kb = slot_key(a, sa, None, A), slot_key(b, sb, None, B)
    assert slots_match(a, b, ka, kb, None, None, 0.9, min_similarity=0.35) == ""
    same = _count_in("A 36-year-old climber fell 200 metres.", "200 metres", 200, "b")
    kc = slot_key(same, _sentence("A 36-year-old climber fell 200 metres.", "b"), None, B)
    assert ka.people == kc.people


def test_a_count_dated_by_an_unresolved_month_is_background_of_that_month() -> None:
    # an undated article: "the quake in September ... injured 40" is another event than the news (#14)
    undated = Article("u", "Outlet U", "T", None, None, "missing", "", "u.txt", "")
    text = "A quake struck the island in September, injuring 40 people."
    sent = Sentence("u#0", "u", 0, 0, len(text), text)
    start, end = _in(text, "in September")
    month = Claim(
        id="u:m",
        article_id="u",
        sentence_id="u#0",
        kind="date",
        text="in September",
        start=start,
        end=end,
        value=DateValue(None, None, "month", "no publication date: cannot resolve"),
        unit="",
        qualifier="",
        event="",
        scope="",
        negated=False,
        attribution="",
    )
    count = replace(_count_in(text, "40 people", 40, "u", "people", "injured"), sentence_id="u#0")
    key = slot_key(count, sent, None, undated, [month])
    assert (key.status, key.dated) == ("background", "september")
    today = "The quake on Sunday injured 40 people."
    plain = replace(_count_in(today, "40 people", 40, "u", "people", "injured"), sentence_id="u#0")
    assert slot_key(plain, Sentence("u#0", "u", 0, 0, len(today), today), None, undated, []).status == "reported"


@pytest.mark.parametrize(
    ("text", "part", "what"),
    [
        ("The governor said five villages had been badly hit.", "five villages", "worst affected"),
        ("The quake flattened homes, and 12 villages were severely damaged.", "12 villages", "worst affected"),
        ("Houses in about 15 villages were destroyed or damaged.", "about 15 villages", ""),
    ],
)
def test_a_count_of_the_worst_hit_is_a_subset_slot(text: str, part: str, what: str) -> None:
    claim = _count_in(text, part, 5, unit="village")
    assert slot_key(claim, _sentence(text), None, A).what == what


def test_a_count_dated_by_a_written_month_in_an_undated_article_is_background_of_that_month() -> None:
    # "the disaster in December 2003, in which more than 31,000 people were killed" (#14)
    undated = Article("u", "Outlet U", "T", None, None, "missing", "", "u.txt", "")
    text = "They recall the disaster in December 2003 in which more than 31,000 people were killed."
    sent = Sentence("u#0", "u", 0, 0, len(text), text)
    start, end = _in(text, "December 2003")
    month = Claim(
        id="u:m",
        article_id="u",
        sentence_id="u#0",
        kind="date",
        text="December 2003",
        start=start,
        end=end,
        value=DateValue(date(2003, 12, 1), date(2003, 12, 31), "month"),
        unit="",
        qualifier="",
        event="",
        scope="",
        negated=False,
        attribution="",
    )
    count = replace(_count_in(text, "more than 31,000 people", 31000, "u", "people", "killed"), sentence_id="u#0")
    key = slot_key(count, sent, None, undated, [month])
    assert key.status == "background"
    assert "2003" in key.dated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Robert Pitman , 24 , from the town , was charged .", [(24, "robert pitman")]),  # tokenised (#14)
        ("Robert Pitman, 24, from the town, was charged.", [(24, "robert pitman")]),
        ("On Sunday , 26 March , the store burned .", []),
    ],
)
def test_ages_after_a_name_in_tokenised_text(text: str, expected: list[tuple[int, str]]) -> None:
    ages = age_claims([_sentence(text)], [])
    assert [(int(c.value.point or 0), c.scope) for c in ages if isinstance(c.value, QuantityValue)] == expected


def _undated_day(cid: str, article: str, text: str) -> Claim:
    return Claim(
        id=cid,
        article_id=article,
        sentence_id=f"{article}#0",
        kind="date",
        text=text,
        start=0,
        end=len(text),
        value=DateValue(None, None, "day", "no publication date: cannot resolve"),
        unit="",
        qualifier="",
        event="",
        scope="",
        negated=False,
        attribution="",
    )


@pytest.mark.parametrize(
    ("x", "y", "verdict", "how"),
    [
        ("on Friday", "Friday", "agree", "same words"),  # two undated articles, one written day (#14)
        ("early on Sunday", "on Sunday", "agree", "same words"),
        ("on Friday", "on Saturday", "differ", "unresolved"),  # an unresolved date is never a contradiction
        ("last Friday", "Friday", "differ", "unresolved"),  # last week's or this week's
    ],
)
def test_unresolved_days_agree_only_in_the_same_words(x: str, y: str, verdict: str, how: str) -> None:
    assert judge(_undated_day("1", "a", x), _undated_day("2", "b", y), A, B)[:2] == (verdict, how)


@pytest.mark.parametrize(
    ("call", "act", "same_slot"),
    [
        (
            "Officers were called at about 9:15 p.m. to respond to a shooting.",
            "Someone opened fire around 9:15 p.m.",
            True,
        ),
        (
            "Officers were called at about 9:45 p.m. to respond to a shooting.",
            "Someone opened fire around 9:15 p.m.",
            False,
        ),
    ],
)
def test_a_call_to_police_and_the_shooting_share_a_time_only_when_equal(call: str, act: str, same_slot: bool) -> None:
    # the call dates the shooting; a different time is another moment, never a conflict (#14)
    sa, sb = _sentence(call), _sentence(act, "b")
    (ta,), (tb,) = time_claims([sa]), time_claims([sb])
    assert (ta.event, tb.event) == ("respond", "shot")
    ka, kb = slot_key(ta, sa, None, A), slot_key(tb, sb, None, B)
    assert bool(slots_match(ta, tb, ka, kb, None, None, 0.9, min_similarity=0.35)) is same_slot


def test_an_undated_article_reads_background_years_against_the_batch() -> None:
    # "a June 2016 meeting" in an undated article of a 2018 batch is background, as in its dated peers (#14)
    undated = Article("u", "Outlet U", "T", None, None, "missing", "", "u.txt", "")
    text = "Mueller asks about a June 2016 meeting at Trump Tower."
    sent = Sentence("u#0", "u", 0, 0, len(text), text)
    start, end = _in(text, "June 2016")
    meeting = Claim(
        id="u:d",
        article_id="u",
        sentence_id="u#0",
        kind="date",
        text="June 2016",
        start=start,
        end=end,
        value=DateValue(date(2016, 6, 1), date(2016, 6, 30), "month"),
        unit="",
        qualifier="",
        event="meet",
        scope="",
        negated=False,
        attribution="",
    )
    assert batch_reference([undated, A, B]) == date(2023, 10, 16)
    assert slot_key(meeting, sent, None, undated).status == "reported"  # nothing to read it against
    assert slot_key(meeting, sent, None, undated, [], date(2018, 4, 30)).status == "background"


def test_undated_articles_agree_on_the_event_day_in_the_same_words() -> None:
    # two undated articles: "struck on Sunday" / "hit the island on Sunday" (#14); never a conflict
    undated_a = Article("a", "Outlet A", "T", None, None, "missing", "", "a.txt", "")
    undated_b = Article("b", "Outlet B", "T", None, None, "missing", "", "b.txt", "")
    texts = {"a": "The quake struck the island on Sunday.", "b": "An earthquake hit the coast on Sunday.", "c": ""}
    sents = {f"{k}#0": _sentence(t, k) for k, t in texts.items() if t}
    claims = [_undated_day(f"{k}:d", k, "on Sunday") for k in ("a", "b")]
    claims = [
        replace(c, start=texts[c.article_id].index("on Sunday"), end=texts[c.article_id].index("on Sunday") + 9)
        for c in claims
    ]
    keys = {c.id: slot_key(c, sents[c.sentence_id], None, None) for c in claims}
    found = event_day_findings(claims, keys, sents, {"a": undated_a, "b": undated_b})
    assert [(f.verdict, f.articles) for _, f in found] == [("agree", ("a", "b"))]
    other = replace(claims[1], text="on Monday")
    assert event_day_findings([claims[0], other], keys, sents, {"a": undated_a, "b": undated_b}) == []


@pytest.mark.parametrize(
    ("x", "y", "same_slot"),
    [
        ("Police said a 22-year-old man was hurt.", "The baby was hit along with a 22-year-old man.", True),
        ("Police said a 22-year-old man was hurt.", "The baby was hit along with a 22-year-old woman.", False),
        ("Police said a 22-year-old man was hurt.", "The baby was hit along with a 23-year-old man.", False),
        ("The 19-year-old female driver fled.", "The occupants were a 19-year-old female driver and a baby.", True),
    ],
)
def test_unnamed_ages_are_one_slot_only_when_equal_and_of_one_noun(x: str, y: str, same_slot: bool) -> None:
    # two unnamed people are never set against each other; equal ages of one noun agree (#14)
    sa, sb = _sentence(x), _sentence(y, "b")
    (ga,), (gb,) = age_claims([sa], []), age_claims([sb], [])
    ka, kb = slot_key(ga, sa, None, A), slot_key(gb, sb, None, B)
    assert bool(slots_match(ga, gb, ka, kb, None, None, 0.4, min_similarity=0.35)) is same_slot


@pytest.mark.parametrize(
    ("text", "count", "counted"),
    [
        # "other" set against the killed: the wounded in all
        ("A quake leveled seven villages, killing 10 persons and wounding other 70.", "70", "person"),
        ("Two people were killed and four others were injured in the shooting.", "four others", "person"),
        # a further group of the same event, and a part of a coordinated group
        ("Smith was shot. Three other men were shot and wounded.", "Three other men", "person (others)"),
        ("Two men were killed, and two other men and two women were wounded.", "two women", "person (part)"),
        ("Two men were killed, and two other men and two women were wounded.", "two other men", "person (part)"),
    ],
)
def test_others_and_parts_of_a_casualty_count(text: str, count: str, counted: str):
    sent = Sentence("a#0", "a", 0, 0, len(text), text)
    start = text.index(count)
    claim = Claim(
        id="c", article_id="a", sentence_id="a#0", kind="quantity", text=count, start=start,
        end=start + len(count), value=QuantityValue(1, 1, 1, True, True, False), unit="",
        qualifier="", event="injured", scope="", negated=False, attribution="",
    )  # fmt: skip
    assert slot_key(claim, sent, None, None).counted == counted


def test_a_count_that_fills_two_slots_of_one_casualty_count_joins_them():
    # "70" shares a name with "dozens" and a close sentence with "80": one count of the wounded, not two
    from factcheck.config import CompareConfig
    from factcheck.stages.compare.grouping import build_slots

    texts = {
        "x#0": "Officials in Qeshm said dozens of people were wounded.",
        "z#0": "As many as 80 people were also wounded.",
        "y#0": "Officials in Qeshm said 70 people were wounded.",
    }
    sents = {i: Sentence(i, i[0], 0, 0, len(t), t) for i, t in texts.items()}
    day = date(2005, 11, 28)
    arts = {a: Article(a, f"Outlet {a}", "T", None, day, "record", "", f"{a}.txt", "") for a in "xyz"}
    values = {"x": QuantityValue(None, 24, 100, True, True, True), "z": QuantityValue(80, 72, 80, True, True, True)}
    claims = []
    for sid, text in texts.items():
        span = text.split(" were")[0].split("said ")[-1]
        start = text.index(span)
        value = values.get(sid[0], QuantityValue(70, 70, 70, True, True, False))
        claims.append(
            Claim(
                id=sid + ":q",
                article_id=sid[0],
                sentence_id=sid,
                kind="quantity",
                text=span,
                start=start,
                end=start + len(span),
                value=value,
                unit="people",
                qualifier="",
                event="injured",
                scope="",
                negated=False,
                attribution="",
            )
        )
    emb = np.array([[1.0, 0.0], [0.0, 1.0], [0.7071, 0.7071]], dtype=np.float32)
    index = {sid: i for i, sid in enumerate(texts)}
    slots = build_slots(claims, sents, index, emb, arts, {}, CompareConfig(parser=""))
    assert [sorted(c.article_id for c in s.members) for s in slots] == [["x", "y", "z"]]


@pytest.mark.parametrize(
    ("text", "count", "subset"),
    [
        ("Between half and two-thirds of homes in five villages had been damaged.", "five villages", True),
        ("Some 40 percent of the buildings in 12 towns collapsed.", "12 towns", True),
        ("The quake damaged 1,500 houses in about 15 villages.", "about 15 villages", False),
    ],
)
def test_places_that_hold_a_share_are_a_subset_of_the_places_hit(text: str, count: str, subset: bool):
    from factcheck.stages.compare.lexicon import DEGREE_SUBSET

    sent = Sentence("a#0", "a", 0, 0, len(text), text)
    start = text.index(count)
    claim = Claim(
        id="c", article_id="a", sentence_id="a#0", kind="quantity", text=count, start=start,
        end=start + len(count), value=QuantityValue(5, 5, 5, True, True, False), unit="villages",
        qualifier="", event="", scope="", negated=False, attribution="",
    )  # fmt: skip
    assert (slot_key(claim, sent, None, None).what == DEGREE_SUBSET) is subset


def test_people_and_people_named_by_their_part_are_one_count_never_set_against_each_other():
    from factcheck.stages.compare.evidence import WEAK, pair_evidence
    from factcheck.stages.compare.slots import other_people

    assert other_people("person", "protester") and not other_people("person", "person")
    assert not other_people("person", "village") and not other_people("protester", "student")
    texts = {
        "a#0": "Police arrested 300 people in Brussels on Monday.",
        "b#0": "Police detained 120 protesters in Brussels.",
    }
    sents = {i: Sentence(i, i[0], 0, 0, len(t), t) for i, t in texts.items()}
    claims = []
    for sid, text in texts.items():
        [claim] = [c for c in extract_quantities(text) if c.event == "arrested"]
        claims.append(replace(claim, id=sid, article_id=sid[0], sentence_id=sid))
    keys = [slot_key(c, sents[c.sentence_id], None, None) for c in claims]
    assert slots_match(*claims, *keys, None, None, 0.6, min_similarity=0.35)
    evidence = pair_evidence(*claims, None, None, sents["a#0"], sents["b#0"], event="arrested")
    assert evidence.verdict == WEAK and "another scope" in evidence.reason


def test_counts_of_those_taking_part_in_one_gathering_are_one_slot():
    texts = {
        "a#0": "Delegates from some 130 countries arrived in Geneva on Monday for the summit.",
        "b#0": "Representatives of 135 nations are meeting in Geneva this week.",
    }
    keys = []
    for sid, text in texts.items():
        sent = Sentence(sid, sid[0], 0, 0, len(text), text)
        [claim] = [c for c in extract_quantities(text) if "countr" in c.text or "nation" in c.text]
        keys.append(slot_key(replace(claim, sentence_id=sid, article_id=sid[0]), sent, None, None))
    assert [(k.what, k.counted, k.when) for k in keys] == [("take part", "country", "")] * 2


def test_a_toll_counts_the_killed_and_the_day_of_the_event_or_report_does_not_date_the_count():
    from factcheck.stages.frames import Frame

    text = "The death toll from Monday's earthquake in the north rose to 1,200, the ministry said on Thursday."
    sent = Sentence("a#0", "a", 0, 0, len(text), text)

    def claim(words, kind, value):
        start = text.index(words)
        return Claim(
            id=words, article_id="a", sentence_id="a#0", kind=kind, text=words, start=start, end=start + len(words),
            value=value, unit="", qualifier="", event="", scope="", negated=False, attribution="",
        )  # fmt: skip

    count = claim("1,200", "quantity", QuantityValue(1200, 1200, 1200, True, True, False))
    days = [
        claim("Monday", "date", DateValue(date(2023, 10, 16), date(2023, 10, 16), "day")),
        claim("on Thursday", "date", DateValue(date(2023, 10, 19), date(2023, 10, 19), "day")),
    ]
    frame = Frame("rise", "", frozenset(), frozenset(), agents=frozenset({"role:toll"}))
    key = slot_key(count, sent, frame, None, days)
    assert (key.what, key.dated) == ("killed", "")


@pytest.mark.parametrize(
    ("predicate_b", "obj", "same"),
    [
        ("arrest", "inmate", False),  # "the inmates who broke out on Sunday" / "an inmate was arrested on Wednesday"
        ("break", "inmate", True),
        ("sign", "deal", True),  # "the deal reached on Monday" / "the deal signed on Tuesday": a thing, one act
    ],
)
def test_two_acts_on_one_person_are_two_dates(predicate_b: str, obj: str, same: bool) -> None:
    from factcheck.stages.frames import Frame

    texts = {"a#0": "Glenmoor inmates broke out on Sunday.", "b#0": "A Glenmoor inmate was arrested on Wednesday."}
    sents = {i: Sentence(i, i[0], 0, 0, len(t), t) for i, t in texts.items()}
    claims = []
    for sid, day in (("a#0", date(2025, 7, 13)), ("b#0", date(2025, 7, 16))):
        start = texts[sid].index(" on ") + 1
        value = DateValue(day, day, "day")
        words = texts[sid][start:-1]
        end = len(texts[sid]) - 1
        claims.append(Claim(sid + ":d", sid[0], sid, "date", words, start, end, value, "", "", "", "", False, ""))
    frames = [
        Frame("reach" if obj == "deal" else "break", obj, frozenset(), frozenset(), names=frozenset({"glenmoor"})),
        Frame(predicate_b, obj, frozenset(), frozenset(), names=frozenset({"glenmoor"})),
    ]
    keys = [slot_key(c, sents[c.sentence_id], f, None) for c, f in zip(claims, frames, strict=True)]
    found = slots_match(*claims, *keys, *frames, 0.8, min_similarity=0.35)
    assert bool(found) is same


def test_positions_and_posts_are_jobs() -> None:
    # #14: "cut 1,200 jobs" / "eliminate around 1,500 positions": one counted thing
    from factcheck.stages.compare.slots import unit_family

    assert unit_family("position") == unit_family("post") == unit_family("job") == "job"
