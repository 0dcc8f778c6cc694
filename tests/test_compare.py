from dataclasses import replace
from datetime import date

import numpy as np

from factcheck.config import CompareConfig
from factcheck.records import Article, Claim, DateValue, QuantityValue, Sentence
from factcheck.stages.compare import compare_facts, judge, same_slot, slot_key
from factcheck.stages.compare.slots import shared_names

A = Article("a", "Outlet A", "T", None, date(2023, 10, 16), "record", "", "a.txt", "")
B = Article("b", "Outlet B", "T", None, date(2023, 10, 17), "record", "", "b.txt", "")


COPY = "Both outlets print this very sentence, word for word, in their reports."


def _with_copy(sents, groups):
    """Add one sentence both articles print word for word: the evidence that they report one event (#14)."""
    n = len(sents)
    extra = [Sentence("a#9", "a", 9, 0, len(COPY), COPY), Sentence("b#9", "b", 9, 0, len(COPY), COPY)]
    return [*sents, *extra], [*groups, [n, n + 1]]


def _emb_with_copy(emb):
    return np.vstack([emb, np.zeros((2, emb.shape[1]), dtype=np.float32) + [[0.0, 1.0]] * 2]).astype(np.float32)


def _contradictions(findings):
    return [f for _, f in findings if f.verdict == "contradict"]


def _q(cid, article, low, high, li=True, hi=True, point=None, unit="people", event="killed"):
    value = QuantityValue(point, low, high, li, hi, False)
    return Claim(cid, article, f"{article}#0", "quantity", "x", 0, 1, value, unit, "", event, "", False, "")


def _d(cid, article, day, event="meet"):
    value = DateValue(day, day, "day")
    return Claim(cid, article, f"{article}#0", "date", "on day", 0, 6, value, "", "", event, "", False, "")


def test_open_intervals_with_same_point_agree():
    verdict, how, explanation, _ = judge(
        _q("1", "a", 1400, None, False, False, 1400), _q("2", "b", 1400, None, True, False, 1400), A, B
    )
    assert (verdict, how) == ("agree", "hedged")
    assert "1,400" in explanation


def test_disjoint_counts_of_the_same_day_contradict():
    verdict, *_ = judge(
        _q("1", "a", 1400, 1400, point=1400),
        _q("2", "b", 1200, 1200, point=1200),
        A,
        Article(**{**{k: getattr(B, k) for k in Article.__slots__}, "published": A.published}),
    )
    assert verdict == "contradict"


def test_rising_toll_is_an_update():
    verdict, how, *_ = judge(_q("1", "a", 1200, 1200, point=1200), _q("2", "b", 1400, 1400, point=1400), A, B)
    assert (verdict, how) == ("differ", "update")


def test_different_days_contradict_with_both_dates():
    verdict, _, explanation, _ = judge(_d("1", "a", date(2023, 10, 17)), _d("2", "b", date(2023, 10, 18)), A, B)
    assert verdict == "contradict"
    assert "2023-10-17" in explanation and "2023-10-18" in explanation


def test_claims_of_different_participants_are_not_compared():
    sents = [
        Sentence("a#0", "a", 0, 0, 10, "Israeli bombings on Gaza have killed at least 2,750 people, Washington said."),
        Sentence("b#0", "b", 0, 0, 10, "Hamas militants stormed into southern Israel, killing 1,400 people."),
    ]
    emb = np.array([[1.0, 0.0], [0.8, 0.6]], dtype=np.float32)
    claims = [_q("1", "a", 2750, None, point=2750), _q("2", "b", 1400, 1400, point=1400)]
    groups, findings = compare_facts([A, B], sents, emb, [[0, 1]], claims, CompareConfig())
    assert findings == []
    assert groups == [[0], [1]]  # nothing links the two outlets: each stands alone


def test_same_meeting_on_different_days_is_found_across_clusters():
    sents = [
        Sentence("a#0", "a", 0, 0, 10, "Presidents Xi Jinping and Vladimir Putin will meet in Beijing on Tuesday."),
        Sentence("b#0", "b", 0, 0, 10, "The Russian president is due to meet with Xi Jinping on Wednesday."),
    ]
    emb = np.array([[1.0, 0.0], [0.6, 0.8]], dtype=np.float32)
    claims = [_d("1", "a", date(2023, 10, 17)), _d("2", "b", date(2023, 10, 18))]
    groups, findings = compare_facts([A, B], sents, emb, [[0], [1]], claims, CompareConfig())
    assert _contradictions(findings) == []  # nothing else shows the two outlets report one event
    sents, clusters = _with_copy(sents, [[0], [1]])
    groups, findings = compare_facts([A, B], sents, _emb_with_copy(emb), clusters, claims, CompareConfig())
    [finding] = _contradictions(findings)
    assert [0, 1] in groups
    assert finding.articles == ("a", "b")
    assert "2023-10-17" in finding.explanation and "2023-10-18" in finding.explanation


def test_the_same_quotation_is_an_agreement_without_figures():
    sents = [
        Sentence("a#0", "a", 0, 0, 10, 'Wang Yi said Israel had gone "beyond the scope of self-defense" in Gaza.'),
        Sentence(
            "b#0", "b", 0, 0, 10, "China's Wang Yi said Israel’s actions went “beyond the scope of self-defense.”"
        ),
    ]
    emb = np.array([[1.0, 0.0], [0.6, 0.8]], dtype=np.float32)  # similarity 0.6: below the paraphrase bar
    groups, findings = compare_facts([A, B], sents, emb, [[0, 1]], [], CompareConfig())
    [(k, finding)] = findings
    assert groups[k] == [0, 1]
    assert (finding.verdict, finding.how) == ("agree", "quote")
    assert "beyond the scope of self defense" in finding.explanation
    assert finding.sentence_ids == ("a#0", "b#0")


def test_close_paraphrase_with_shared_names_agrees_and_loose_topic_is_split():
    sents = [
        Sentence("a#0", "a", 0, 0, 10, "China will send its Middle East envoy Zhai Jun to the region this week."),
        Sentence("b#0", "b", 0, 0, 10, "Beijing is sending Middle East envoy Zhai Jun to the region."),
        Sentence("a#1", "a", 1, 0, 10, "The conflict has stirred anger across the region."),
        Sentence("b#1", "b", 1, 0, 10, "Tensions keep rising in the area."),
    ]
    emb = np.array([[1.0, 0.0], [0.9, 0.436], [0.0, 1.0], [0.3, 0.954]], dtype=np.float32)
    groups, findings = compare_facts([A, B], sents, emb, [[0, 1], [2, 3]], [], CompareConfig())
    [(k, finding)] = findings
    assert (finding.verdict, finding.how) == ("agree", "paraphrase")
    assert groups[k] == [0, 1]
    assert [2] in groups and [3] in groups  # similar topic, no shared statement: not one fact


def test_disagreement_between_attributed_sources_says_so():
    from dataclasses import replace

    a = replace(_q("1", "a", 1400, 1400, point=1400), attribution="according to Israeli officials")
    b = replace(_q("2", "b", 1200, 1200, point=1200), attribution="the health ministry said")
    sents = [
        Sentence("a#0", "a", 0, 0, 10, "Hamas fighters killed 1,400 people in Israel, according to Israeli officials."),
        Sentence("b#0", "b", 0, 0, 10, "Hamas fighters killed 1,200 people in Israel, the health ministry said."),
    ]
    emb = np.array([[1.0, 0.0], [0.95, 0.312]], dtype=np.float32)
    same_day = Article(**{**{k: getattr(B, k) for k in Article.__slots__}, "published": A.published})
    sents, clusters = _with_copy(sents, [[0, 1]])
    _, findings = compare_facts([A, same_day], sents, _emb_with_copy(emb), clusters, [a, b], CompareConfig(parser=""))
    [finding] = _contradictions(findings)
    assert "attributed to different sources (according to Israeli officials / the health ministry said)" in (
        finding.explanation
    )


def test_a_paraphrase_where_only_one_outlet_gives_the_date_differs_by_a_detail():
    sents = [
        Sentence("a#0", "a", 0, 0, 70, "China will send its Middle East envoy Zhai Jun to the region this week."),
        Sentence("b#0", "b", 0, 0, 60, "Beijing is sending Middle East envoy Zhai Jun to the region."),
    ]
    this_week = Claim(
        "d1", "a", "a#0", "date", "this week", 58, 67,
        DateValue(date(2023, 10, 16), date(2023, 10, 22), "week"), "", "", "", "", False, "",
    )  # fmt: skip
    emb = np.array([[1.0, 0.0], [0.9, 0.436]], dtype=np.float32)
    _, findings = compare_facts([A, B], sents, emb, [[0, 1]], [this_week], CompareConfig(parser=""))
    [finding] = [f for _, f in findings if f.verdict == "differ"]  # beside the agreement on the statement
    assert (finding.verdict, finding.how) == ("differ", "detail")
    assert "only Outlet A gives “this week” (2023-10-16 to 2023-10-22 (week))" in finding.explanation


def test_the_same_sentence_dated_differently_blames_the_publication_dates():
    # a syndicated copy says "two days ago" too, but its publication date is a day later
    text = "The two men were shot two days ago in Kingston, New York State Police said."
    sents = [Sentence("a#0", "a", 0, 0, len(text), text), Sentence("b#0", "b", 0, 0, len(text), text)]
    a = _d("1", "a", date(2023, 10, 14), event="shot")
    b = _d("2", "b", date(2023, 10, 15), event="shot")
    emb = np.array([[1.0, 0.0], [1.0, 0.0]], dtype=np.float32)
    _, findings = compare_facts([A, B], sents, emb, [[0, 1]], [a, b], CompareConfig(parser="", min_shared_names=1))
    [finding] = [f for _, f in findings if f.verdict == "differ"]  # the copy itself agrees
    assert (finding.verdict, finding.how) == ("differ", "published")
    assert "2023-10-16 vs 2023-10-17" in finding.explanation


def test_a_claim_that_agrees_with_one_claim_of_a_sentence_is_not_set_against_its_others():
    text_a = "Three victims were taken to Yale-New Haven Hospital by ambulance and two others by car."
    text_b = "Three of the victims were taken to Yale-New Haven Hospital by ambulance and two others by car."
    sents = [Sentence("a#0", "a", 0, 0, len(text_a), text_a), Sentence("b#0", "b", 0, 0, len(text_b), text_b)]
    two_a, three_a = _q("2a", "a", 2, 2, point=2, event=""), _q("3a", "a", 3, 3, point=3, event="")
    two_b = _q("2b", "b", 2, 2, point=2, event="")
    emb = np.array([[1.0, 0.0], [0.98, 0.199]], dtype=np.float32)
    same_day = Article(**{**{k: getattr(B, k) for k in Article.__slots__}, "published": A.published})
    _, findings = compare_facts([A, same_day], sents, emb, [[0, 1]], [two_a, three_a, two_b], CompareConfig(parser=""))
    # the paraphrase, and "two others" in both as a value agreement: never "three" against "two"
    assert sorted((f.verdict, f.how) for _, f in findings) == [("agree", "paraphrase"), ("agree", "same value")]


def _dated(cid, text, day, note=""):
    return replace(_d(cid, "a", day, event=""), text=text, value=DateValue(day, day, "day", note))


def test_a_weekday_that_does_not_fit_its_date_is_flagged_inside_the_article():
    text = "On Thursday, January 25, 2016, Kojuan Lee pleaded guilty to one count of conspiracy."
    sents = [Sentence("a#0", "a", 0, 0, len(text), text)]
    noted = "weekday mismatch: January 25, 2016 was a Monday, not a Thursday"  # as the extractor notes it
    wrong = _dated("w", "Thursday, January 25, 2016", date(2016, 1, 25), noted)
    right = _dated("r", "Monday, January 25, 2016", date(2016, 1, 25))
    emb = np.array([[1.0, 0.0]], dtype=np.float32)
    _, findings = compare_facts([A], sents, emb, [[0]], [wrong, right], CompareConfig(parser=""))
    [(_, finding)] = findings
    assert (finding.verdict, finding.how, finding.claim_ids) == ("contradict", "internal", ("w",))
    assert "January 25, 2016 was a Monday, not a Thursday" in finding.explanation


def test_a_weekday_with_a_date_whose_year_was_inferred_is_not_flagged():
    text = "On Thursday, January 25, Kojuan Lee pleaded guilty to one count of conspiracy."
    sents = [Sentence("a#0", "a", 0, 0, len(text), text)]
    inferred = _dated("w", "Thursday, January 25", date(2016, 1, 25))  # the extractor notes nothing
    emb = np.array([[1.0, 0.0]], dtype=np.float32)
    _, findings = compare_facts([A], sents, emb, [[0]], [inferred], CompareConfig(parser=""))
    assert findings == []


def test_a_number_word_opening_two_sentences_is_not_a_shared_name():
    # only "Milwaukee" is shared: "Two" starts both sentences but names nobody
    a_text = "Two people were killed in a shooting near Nash Street, the Milwaukee medical examiner said."
    b_text = "Two victims, both Milwaukee men, died at the scene."
    sa, sb = Sentence("a#0", "a", 0, 0, len(a_text), a_text), Sentence("b#0", "b", 0, 0, len(b_text), b_text)
    two_a, two_b = _q("1", "a", 2, 2, point=2), _q("2", "b", 2, 2, point=2)
    assert shared_names(slot_key(two_a, sa, None, None), slot_key(two_b, sb, None, None)) == ["milwaukee"]
    assert same_slot(two_a, two_b, sa, sb, 0.8, CompareConfig(parser=""))


def test_days_told_from_articles_weeks_apart_are_news_of_other_days():
    # an October release's "today" and a January article's "Wednesday": two pleas, not one (#14: dates
    # of one act further apart than a week are two occurrences)
    text_a = "A leader of the Vice Lords gang pleaded guilty today in Detroit federal court."
    text_b = "Antonio Clark of the Vice Lords gang pleaded guilty on Wednesday in Detroit federal court."
    sents = [Sentence("a#0", "a", 0, 0, len(text_a), text_a), Sentence("b#0", "b", 0, 0, len(text_b), text_b)]
    october = Article(**{**{k: getattr(A, k) for k in Article.__slots__}, "published": date(2016, 10, 25)})
    january = Article(**{**{k: getattr(B, k) for k in Article.__slots__}, "published": date(2016, 1, 28)})
    today = replace(_d("1", "a", date(2016, 10, 25), event="plead"), text="today")
    wednesday = replace(_d("2", "b", date(2016, 1, 27), event="plead"), text="on Wednesday")
    emb = np.array([[1.0, 0.0], [0.95, 0.312]], dtype=np.float32)
    config = CompareConfig(parser="")
    _, findings = compare_facts([october, january], sents, emb, [[0, 1]], [today, wednesday], config)
    assert all(f.verdict != "contradict" for _, f in findings)
    near = Article(**{**{k: getattr(B, k) for k in Article.__slots__}, "published": date(2016, 10, 27)})
    wednesday = replace(wednesday, value=DateValue(date(2016, 10, 26), date(2016, 10, 26), "day"))
    sents, clusters = _with_copy(sents, [[0, 1]])
    _, findings = compare_facts([october, near], sents, _emb_with_copy(emb), clusters, [today, wednesday], config)
    assert len(_contradictions(findings)) == 1  # days apart: the same news, dated twice


def test_a_looser_paraphrase_needs_a_named_party_and_a_predicate_in_common():
    # #14: "Trump hosts Abe at Mar-a-Lago" is stated in other words by most outlets
    sents = [
        Sentence("a#0", "a", 0, 0, 10, "President Trump hosts Shinzo Abe at his Mar-a-Lago estate this week."),
        Sentence("b#0", "b", 0, 0, 10, "The president hosted Abe at the Florida resort."),
        Sentence("a#1", "a", 1, 0, 10, "Multiple shooters were involved in the attack."),
        Sentence("b#1", "b", 1, 0, 10, "Multiple people were seen running from the building."),
    ]
    # similarity 0.65, then 0.7 for two sentences that share only an opening word
    emb = np.array([[1.0, 0.0], [0.65, 0.76], [0.0, 1.0], [0.714, 0.7]], dtype=np.float32)
    groups, findings = compare_facts([A, B], sents, emb, [[0, 1], [2, 3]], [], CompareConfig())
    [(_, finding)] = findings
    assert (finding.verdict, finding.how) == ("agree", "similar")
    assert finding.sentence_ids == ("a#0", "b#0")
    assert [2] in groups and [3] in groups


def test_a_looser_paraphrase_does_not_show_that_two_outlets_report_one_event():
    # #14: look-alike events (two quakes) share loose wording; a contradiction needs stronger links
    a = _q("1", "a", 5, 5, point=5, event="injured")
    b = _q("2", "b", 2, 2, point=2, event="injured")
    sents = [
        Sentence("a#0", "a", 0, 0, 10, "The quake injured 5 people on Qeshm island."),
        Sentence("b#0", "b", 0, 0, 10, "The quake injured 2 people on Qeshm island."),
        Sentence("a#1", "a", 1, 0, 10, "Rescue teams from Tehran reached the villages by evening."),
        Sentence("b#1", "b", 1, 0, 10, "Teams sent from Tehran reached the damaged villages."),
    ]
    emb = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.76, 0.65]], dtype=np.float32)
    same_day = replace(B, published=A.published)
    _, findings = compare_facts(
        [A, same_day], sents, emb, [[0], [1], [2, 3]], [a, b], CompareConfig(parser="", min_shared_names=1)
    )
    assert any(f.how == "similar" for _, f in findings)
    assert not _contradictions(findings)


def _claim_in(sent, text, kind, value, unit="", event="", cid=None):
    """A claim on the words `text` of a hand-built sentence."""
    start = sent.text.index(text)
    return Claim(
        cid or f"{sent.id}:{start}", sent.article_id, sent.id, kind, text, start, start + len(text), value, unit,
        "", event, "", False, "",
    )  # fmt: skip


def test_a_count_dated_weeks_before_the_article_is_background_of_its_own_date():
    # #14: "the most recent was February 28, when six people were shot" is not the story's own count
    text = "The most recent was February 28, when six people were shot at an apartment building."
    sent = Sentence("a#0", "a", 0, 0, len(text), text)
    feb = _claim_in(sent, "February 28", "date", DateValue(date(2017, 2, 28), date(2017, 2, 28), "day"))
    six = _claim_in(sent, "six people", "quantity", QuantityValue(6, 6, 6, True, True, False), "people", "shot")
    art = replace(A, published=date(2017, 3, 26))
    key = slot_key(six, sent, None, art, [feb])
    assert (key.status, key.dated) == ("background", "2017-02-28")
    today = replace(feb, value=DateValue(date(2017, 3, 26), date(2017, 3, 26), "day"))
    assert slot_key(six, sent, None, art, [today]).status == "reported"  # the story's own day


def test_the_past_perfect_of_reported_speech_is_not_background():
    # #14: "told AFP that 10 people had been killed" reports the toll, it is not an earlier event
    from factcheck.stages.compare.slots import claim_status
    from factcheck.stages.frames import Frame

    text = "The governor told AFP that a total of 10 people had been killed."
    sent = Sentence("a#0", "a", 0, 0, len(text), text)
    ten = _claim_in(sent, "10 people", "quantity", QuantityValue(10, 10, 10, True, True, False), "people", "killed")
    reported = Frame("kill", "", frozenset(), frozenset(), modifiers=frozenset({"had", "been", "had+vbn", "^tell"}))
    earlier = Frame("kill", "", frozenset(), frozenset(), modifiers=frozenset({"had", "been", "had+vbn"}))
    assert claim_status(ten, sent, reported, A) == "reported"
    assert claim_status(ten, sent, earlier, A) == "background"


def test_a_finding_names_every_sentence_of_an_outlet_that_gives_the_value():
    # #14: strict scoring (and a reader) credits only the sentences a finding names
    texts = {
        "a#0": "Police said 15 people were injured in the shooting in Cincinnati.",
        "b#0": "Police said 15 people were injured in the shooting in Cincinnati on Sunday.",
        "a#1": "The shooting left 15 people injured, police said.",
        "a#2": "The club has 15 doors.",
    }
    sents = [Sentence(i, i[0], int(i[-1]), 0, len(t), t) for i, t in texts.items()]
    fifteen = QuantityValue(15, 15, 15, True, True, False)
    claims = [
        _claim_in(sents[0], "15 people", "quantity", fifteen, "people", "injured"),
        _claim_in(sents[1], "15 people", "quantity", fifteen, "people", "injured"),
        _claim_in(sents[2], "15 people", "quantity", fifteen, "people", "injured"),
        _claim_in(sents[3], "15 doors", "quantity", fifteen, "door", ""),
    ]
    emb = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]], dtype=np.float32)  # a#1 far from both
    _, findings = compare_facts([A, B], sents, emb, [[0, 1], [2], [3]], claims, CompareConfig(parser=""))
    [agree] = [f for _, f in findings if f.verdict == "agree" and f.claim_ids]
    assert set(agree.sentence_ids) == {"a#0", "b#0", "a#1"}


def test_a_subset_in_a_state_is_not_the_injured_total():
    # #14: "five people are still hospitalized, two in critical condition" vs "15 injured"
    from factcheck.stages.compare.slots import subset_state

    text = (
        "The chief says five people are still hospitalized, two in critical condition and three in serious condition."
    )
    sent = Sentence("a#0", "a", 0, 0, len(text), text)
    one = QuantityValue(1, 1, 1, True, True, False)
    states = [subset_state(_claim_in(sent, w, "quantity", one), sent) for w in ("five people", "two", "three")]
    assert states == ["in hospital", "in critical condition", "in serious condition"]
    total = "Fifteen people were injured and taken to hospital."
    sent2 = Sentence("b#0", "b", 0, 0, len(total), total)
    assert subset_state(_claim_in(sent2, "Fifteen people", "quantity", one), sent2) == ""
    five = _claim_in(sent, "five people", "quantity", one, "people", "injured")
    assert slot_key(five, sent, None, A).what == "in hospital"


def test_a_running_total_an_outlet_follows_as_it_grows_is_an_update_not_a_contradiction():
    # #14: one outlet's live story gives 14, then "bringing the total injured to 17"; another says 15
    texts = {
        "a#0": "Police said 15 people were injured in the Cincinnati shooting.",
        "b#0": "Police said 17 people were injured in the Cincinnati shooting.",
        "b#1": "An additional victim came forward, bringing the total injured to 17 from 16 people.",
        "b#2": "The shooting in Cincinnati left one dead and 14 people injured.",
    }
    sents = [Sentence(i, i[0], int(i[-1]), 0, len(t), t) for i, t in texts.items()]

    def count(k, words, n):
        return _claim_in(sents[k], words, "quantity", QuantityValue(n, n, n, True, True, False), "people", "injured")

    claims = [
        count(0, "15 people", 15),
        count(1, "17 people", 17),
        count(2, "16 people", 16),
        count(3, "14 people", 14),
    ]
    emb = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]], dtype=np.float32)
    same_day = replace(B, published=A.published)
    arts = [A, same_day]
    sents2, groups = _with_copy(sents, [[0, 1], [2], [3]])
    emb2 = _emb_with_copy(emb)
    _, findings = compare_facts(arts, sents2, emb2, groups, claims, CompareConfig(parser=""))
    assert not _contradictions(findings)
    [update] = [f for _, f in findings if f.how == "update"]
    assert "follows the count as it grows" in update.explanation
    # without the outlet's own update, 15 vs 17 on one day is a contradiction
    _, findings = compare_facts(arts, sents2, emb2, groups, claims[:2], CompareConfig(parser=""))
    assert len(_contradictions(findings)) == 1


def test_ages_are_slots_of_the_person_they_belong_to():
    # #14: "O'Bryan Spikes, 27" and "27-year-old O-Bryan Spikes" agree; two unnamed victims are two people
    from factcheck.stages.compare import derive_claims

    texts = {
        "a#0": "Police identified the slain man as O'Bryan Spikes, 27.",
        "b#0": "Police said 27-year-old O’Bryan Spikes was killed.",
        "a#1": "A 24-year-old man was shot in the chest, police said.",
        "b#1": "A 25-year-old man was shot in the chest, police said.",
        "a#2": "Randall R. Coffland, 48, was found dead.",
        "b#2": "Anjum S. Coffland, 46, was found wounded.",
    }
    sents = [Sentence(i, i[0], int(i[-1]), 0, len(t), t) for i, t in texts.items()]
    claims, _ = derive_claims(sents, [])
    assert [(c.text, c.scope) for c in claims[:2]] == [
        ("O'Bryan Spikes, 27", "obryan spikes"),
        ("27-year-old O’Bryan Spikes", "obryan spikes"),
    ]
    emb = np.array([[1.0, 0.0]] * 2 + [[0.0, 1.0]] * 2 + [[0.6, 0.8]] * 2, dtype=np.float32)
    same_day = replace(B, published=A.published)
    sents2, groups = _with_copy(sents, [[0, 1], [2, 3], [4, 5]])
    _, findings = compare_facts([A, same_day], sents2, _emb_with_copy(emb), groups, claims, CompareConfig(parser=""))
    assert not _contradictions(findings)
    [agree] = [f for _, f in findings if f.claim_ids and f.verdict == "agree"]
    assert agree.sentence_ids == ("a#0", "b#0")
    b_spikes = claims[1].id
    older = [replace(c, value=QuantityValue(28, 28, 28, True, True, False)) if c.id == b_spikes else c for c in claims]
    _, findings = compare_facts([A, same_day], sents2, _emb_with_copy(emb), groups, older, CompareConfig(parser=""))
    [contradiction] = _contradictions(findings)  # the same named person: 27 vs 28
    assert contradiction.sentence_ids == ("a#0", "b#0")


def test_almost_a_figure_is_under_it_and_at_least_the_figure_is_not():
    # #14: "almost four dozen questions" vs "at least four dozen questions"
    # the extractor reads "almost N" as just under N (#15); the comparison judges that value
    from factcheck.stages.claims import extract_claims_from_text

    def read(text):
        (claim,) = extract_claims_from_text(text, None)
        return claim.value

    almost = replace(_q("1", "a", 0, 0, point=48), qualifier="almost", value=read("almost four dozen questions"))
    at_least = replace(_q("2", "b", 48, None, True, False, point=48), qualifier="at least")
    same_day = replace(B, published=A.published)
    assert judge(almost, at_least, A, same_day)[0] == "contradict"
    forty = _q("3", "b", 40, 40, point=40)
    assert judge(replace(almost, value=read("almost 50 questions")), forty, A, same_day)[0] == ("contradict")
    exactly = _q("4", "b", 48, 48, point=48)
    assert judge(almost, exactly, A, same_day)[0] != "contradict"  # 48 and "almost 48": one is rounder


def test_digit_groups_of_tokenised_text_are_one_number():
    # #14: ECB+ writes "1 , 150 kilometers ( 700 miles )"; the extractor reads 1 and 150 kilometers
    from factcheck.stages.compare import derive_claims

    text = "Qeshm , located 1 , 150 kilometers ( 700 miles ) southeast of Tehran , is home to about 100 , 000 people ."
    sent = Sentence("a#0", "a", 0, 0, len(text), text)

    def q(words, n, unit="", qualifier=""):
        c = _claim_in(sent, words, "quantity", QuantityValue(n, n * 0.9 if qualifier else n, n * 1.1 if qualifier else n,
                      True, True, bool(qualifier)), unit)  # fmt: skip
        return replace(c, qualifier=qualifier)

    claims = [
        q("1 ,", 1), q("150 kilometers", 150, "kilometer"), q("700 miles", 700, "mile"),
        q("about 100", 100, qualifier="about"), q("000 people", 0, "people"),
    ]  # fmt: skip
    claims[0] = replace(claims[0], text="1", end=claims[0].start + 1)
    joined = [c for c in derive_claims([sent], claims)[0] if c.event != "age"]
    assert [(c.text, c.value.point, c.unit) for c in joined] == [
        ("1 , 150 kilometers", 1150, "kilometer"),
        ("700 miles", 700, "mile"),
        ("about 100 , 000 people", 100000, "people"),
    ]
    assert joined[2].value.low == 90000 and joined[2].qualifier == "about"
    assert slot_key(joined[2], sent, None, A).what == "population"


def test_counts_of_one_specific_thing_in_close_sentences_naming_one_party_are_one_slot():
    # #14: "Mueller has at least four dozen questions" / "Mueller gave a list of almost four dozen questions"
    a = replace(_q("1", "a", 48, None, True, False, point=48, unit="question", event=""), qualifier="at least")
    b = replace(_q("2", "b", 43.2, 52.8, point=48, unit="question", event=""), qualifier="almost")
    sa = Sentence("a#0", "a", 0, 0, 10, "Robert S. Mueller III has at least four dozen questions for Trump.")
    sb = Sentence("b#0", "b", 0, 0, 10, "Robert Mueller gave Trump's lawyers almost four dozen questions.")
    assert same_slot(a, b, sa, sb, 0.8, CompareConfig(parser=""))
    assert not same_slot(a, b, sa, sb, 0.4, CompareConfig(parser=""))  # loosely similar: not enough


def test_a_casualty_event_belongs_to_the_people_not_to_a_measure():
    # #14: "fell some 700 metres to his death": the 700 metres were not killed
    from factcheck.stages.compare.slots import claim_event

    text = "One of the party has fallen some 700 metres to his death."
    sent = Sentence("a#0", "a", 0, 0, len(text), text)
    fall = _claim_in(sent, "some 700 metres", "quantity", QuantityValue(700, 630, 770, True, True, True), "metre")
    assert claim_event(replace(fall, event="killed"), None) == ""
    assert claim_event(_q("1", "a", 2, 2, point=2), None) == "killed"


def test_the_digits_of_an_age_in_tokenised_text_are_an_age_not_a_count():
    # #14: ECB+ "36 - year - old Duncan Rait": the extractor gives a bare 36
    from factcheck.stages.compare import derive_claims

    text = "On Friday , 36 - year - old Duncan Rait died after slipping ."
    sent = Sentence("a#0", "a", 0, 0, len(text), text)
    bare = _claim_in(sent, "36", "quantity", QuantityValue(36, 36, 36, True, True, False))
    [age], _ = derive_claims([sent], [bare])
    assert (age.event, age.scope, age.value.point) == ("age", "duncan rait", 36)


def test_a_bare_count_of_casualties_counts_people():
    # #14: "killing 10 persons and wounding 70": the 70 are people
    text = "The quake killed 10 persons and wounded 70, officials said."
    sent = Sentence("a#0", "a", 0, 0, len(text), text)
    seventy = _claim_in(sent, "70", "quantity", QuantityValue(70, 70, 70, True, True, False), "", "injured")
    assert slot_key(seventy, sent, None, A).counted == "person"


def test_agreeing_on_background_does_not_show_one_event():
    # #14: two look-alike quakes' stories both recall an earlier quake's toll; that links neither to the other
    texts = {
        "a#0": "The quake injured 5 people on Qeshm island in Iran.",
        "b#0": "The quake injured 2 people on Qeshm island in Iran.",
        "a#1": "A quake in Bam in 2003 had killed 26,000 people.",
        "b#1": "A quake in Bam in 2003 had killed 26,000 people, officials recalled.",
    }
    sents = [Sentence(i, i[0], int(i[-1]), 0, len(t), t) for i, t in texts.items()]

    def count(k, words, n, event):
        return _claim_in(sents[k], words, "quantity", QuantityValue(n, n, n, True, True, False), "people", event)

    claims = [count(0, "5 people", 5, "injured"), count(1, "2 people", 2, "injured"),
              count(2, "26,000 people", 26000, "killed"), count(3, "26,000 people", 26000, "killed")]  # fmt: skip
    emb = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]], dtype=np.float32)
    same_day = replace(B, published=A.published)
    _, findings = compare_facts([A, same_day], sents, emb, [[0], [1], [2], [3]], claims, CompareConfig(parser=""))
    assert any(f.verdict == "agree" and f.claim_ids for _, f in findings)  # the background toll agrees
    assert not _contradictions(findings)


def test_a_doubtful_conflict_is_a_question_for_the_reviewer_not_a_contradiction():
    # #14: two estimates of a duration, one told by a witness: "unconfirmed", with why
    a = replace(_q("1", "a", 9, 11, point=10, unit="second", event=""), kind="duration")
    b = replace(_q("2", "b", 27, 33, point=30, unit="second", event=""), kind="duration", attribution="a witness said")
    a = replace(a, value=replace(a.value, approximate=True))
    b = replace(b, value=replace(b.value, approximate=True))
    sents = [
        Sentence("a#0", "a", 0, 0, 10, "The tremor lasted about 10 seconds in Qeshm."),
        Sentence("b#0", "b", 0, 0, 10, "The tremor lasted around 30 seconds in Qeshm, a witness said."),
    ]
    emb = np.array([[1.0, 0.0], [1.0, 0.0]], dtype=np.float32)
    same_day = replace(B, published=A.published)
    sents, clusters = _with_copy(sents, [[0, 1]])
    _, findings = compare_facts([A, same_day], sents, _emb_with_copy(emb), clusters, [a, b], CompareConfig(parser=""))
    assert not _contradictions(findings)
    [doubt] = [f for _, f in findings if f.how == "unconfirmed"]
    assert doubt.verdict == "differ" and doubt.confidence < 0.6
    assert "both figures are estimates" in doubt.explanation and "a question for the reviewer" in doubt.explanation
    _, findings = compare_facts(
        [A, same_day],
        sents,
        _emb_with_copy(emb),
        clusters,
        [a, b],
        CompareConfig(parser="", min_contradiction_confidence=0),
    )
    assert len(_contradictions(findings)) == 1


def test_next_friday_against_friday_a_week_apart_is_a_question_not_a_contradiction():
    # #14: "on Friday" (the 20th) and "next Friday" (read as the 27th) of one planned meeting
    friday = replace(_d("1", "a", date(2023, 10, 20)), text="on Friday")
    next_friday = replace(_d("2", "b", date(2023, 10, 27)), text="next Friday")
    sents = [
        Sentence("a#0", "a", 0, 0, 10, "Kim Jong Un will meet Moon Jae-in on Friday."),
        Sentence("b#0", "b", 0, 0, 10, "Kim Jong Un will meet Moon Jae-in next Friday."),
    ]
    emb = np.array([[1.0, 0.0], [1.0, 0.0]], dtype=np.float32)
    sents, clusters = _with_copy(sents, [[0], [1]])
    config = CompareConfig(parser="", min_shared_names=1)
    _, findings = compare_facts([A, B], sents, _emb_with_copy(emb), clusters, [friday, next_friday], config)
    assert not _contradictions(findings)
    [question] = [f for _, f in findings if f.how == "ambiguous"]
    assert "“next Friday” may mean the coming one or the one after" in question.explanation


def test_times_of_day_are_slots_of_their_event_and_never_contradict():
    # #14: "approximately 4:35 a.m." and "about 4:30 a.m." of one shooting differ in precision;
    # the time deputies responded is another slot
    from factcheck.stages.compare import derive_claims

    texts = {
        "a#0": "At approximately 4:35 a.m. he fired several shots into the crowd.",
        "b#0": "The shooting happened about 4:30 a.m., police said.",
        "a#1": "Deputies responded at 11:15 p.m. to the call.",
        "b#1": "Gunfire broke out around 1 a.m. at the club.",
    }
    sents = [Sentence(i, i[0], int(i[-1]), 0, len(t), t) for i, t in texts.items()]
    claims, _ = derive_claims(sents, [])
    assert [(c.text, c.event, c.value.point) for c in claims] == [
        ("approximately 4:35 a.m.", "shot", 275),
        ("about 4:30 a.m.", "shot", 270),
        ("11:15 p.m.", "respond", 1395),
        ("around 1 a.m.", "shot", 60),
    ]
    emb = np.array([[1.0, 0.0]] * 4, dtype=np.float32)
    same_day = replace(B, published=A.published)
    _, findings = compare_facts([A, same_day], sents, emb, [[0, 1, 2, 3]], claims, CompareConfig(parser=""))
    assert not _contradictions(findings)
    hows = sorted(f.how for _, f in findings if f.claim_ids)
    assert "precision" in hows and "unconfirmed" in hows  # 4:35 / 4:30, and 4:35 / 1 a.m.


def test_outlets_dating_one_event_word_to_one_day_agree_without_a_slot():
    # #14: "four men were shot early Friday" / "someone opened fire Friday" (different predicates)
    texts = {
        "a#0": "Four men were shot early Friday at a gas station, police said.",
        "b#0": "Someone opened fire on Friday at the station.",
        "a#1": "A suspect was arrested on Saturday.",
    }
    sents = [Sentence(i, i[0], int(i[-1]), 0, len(t), t) for i, t in texts.items()]
    friday = DateValue(date(2023, 10, 13), date(2023, 10, 13), "day")
    claims = [
        _claim_in(sents[0], "Friday", "date", friday),
        _claim_in(sents[1], "on Friday", "date", friday),
        _claim_in(sents[2], "on Saturday", "date", DateValue(date(2023, 10, 14), date(2023, 10, 14), "day")),
    ]
    emb = np.array([[1.0, 0.0], [0.0, 1.0], [0.6, 0.8]], dtype=np.float32)
    dated = [replace(A, published=date(2023, 10, 16)), replace(B, published=date(2023, 10, 16))]
    _, findings = compare_facts(dated, sents, emb, [[0], [1], [2]], claims, CompareConfig(parser=""))
    [day] = [f for _, f in findings if f.how == "same day"]
    assert day.verdict == "agree" and day.sentence_ids == ("a#0", "b#0")


def test_a_later_lower_toll_contradicts_unless_the_later_report_revises_it():
    # #14: A (16 Oct) "the death toll rose to 1,200"; B (17 Oct) "1,100 people died": A's "rose to"
    # does not explain B's lower figure; B's "revising its earlier figure" does
    def run(b_text, linked=True):
        texts = {"a#0": "The death toll in Northland rose to 1,200 people, officials said.", "b#0": b_text}
        sents = [Sentence(i, i[0], 0, 0, len(t), t) for i, t in texts.items()]
        value = {"a": 1200, "b": 1100}
        claims = [
            _claim_in(s, f"{value[s.article_id]:,} people", "quantity",
                      QuantityValue(value[s.article_id], value[s.article_id], value[s.article_id], True, True, False),
                      "people", "killed")
            for s in sents
        ]  # fmt: skip
        emb = np.array([[1.0, 0.0], [1.0, 0.0]], dtype=np.float32)
        sents2, groups = _with_copy(sents, [[0, 1]]) if linked else (sents, [[0, 1]])
        emb2 = _emb_with_copy(emb) if linked else emb
        _, findings = compare_facts([A, B], sents2, emb2, groups, claims, CompareConfig(parser=""))
        return [(f.verdict, f.how) for _, f in findings if f.claim_ids and f.verdict != "agree"]

    assert run("Officials in Northland said 1,100 people died.") == [("contradict", "lower-later")]
    assert run("Officials in Northland said 1,100 people died, revising their earlier figure.") == [
        ("differ", "update")
    ]
    assert run("Officials in Northland said 1,100 people died.", linked=False) == []  # not one event: nothing


def _two_day_pair(text_a, words_a, text_b, words_b, value_a, value_b, kind="quantity", unit="", event=""):
    """The findings of two counts, one per article of two days, in sentences of one cluster (#14)."""
    sents = [Sentence("a#0", "a", 0, 0, len(text_a), text_a), Sentence("b#0", "b", 0, 0, len(text_b), text_b)]
    claims = [
        _claim_in(sents[0], words_a, kind, QuantityValue(value_a, value_a, value_a, True, True, False), unit, event),
        _claim_in(sents[1], words_b, kind, QuantityValue(value_b, value_b, value_b, True, True, False), unit, event),
    ]
    sents2, groups = _with_copy(sents, [[0, 1]])
    emb = _emb_with_copy(np.array([[1.0, 0.0], [1.0, 0.0]], dtype=np.float32))
    _, findings = compare_facts([A, B], sents2, emb, groups, claims, CompareConfig(parser=""))
    return [f for _, f in findings if f.claim_ids and f.verdict != "agree"]


def test_a_figure_given_as_changed_is_an_update_of_the_other_reports_figure():
    # #14: "offering a reward of $50,000" / the next day "raised the reward to $75,000"
    [finding] = _two_day_pair(
        "Glenmoor police are offering a reward of $50,000 for Kowal.", "$50,000",
        "Glenmoor police raised the reward for Kowal to $75,000.", "$75,000", 50_000, 75_000, "money", "USD",
    )  # fmt: skip
    assert (finding.verdict, finding.how) == ("differ", "update")
    assert "given as changed" in finding.explanation
    # without the word of change, two rewards of one slot contradict
    [finding] = _two_day_pair(
        "Glenmoor police are offering a reward of $50,000 for Kowal.", "$50,000",
        "Glenmoor police are offering a reward of $75,000 for Kowal.", "$75,000", 50_000, 75_000, "money", "USD",
    )  # fmt: skip
    assert finding.verdict == "contradict"


def test_an_earlier_reports_word_of_change_does_not_explain_a_later_figure():
    # "raised the reward to $75,000" on Monday says nothing of Tuesday's $50,000
    [finding] = _two_day_pair(
        "Glenmoor police raised the reward for Kowal to $75,000.", "$75,000",
        "Glenmoor police are offering a reward of $50,000 for Kowal.", "$50,000", 75_000, 50_000, "money", "USD",
    )  # fmt: skip
    assert finding.verdict == "contradict"


def test_a_later_report_that_revises_a_measure_is_an_update():
    # #14: "peaked at 6.8 metres" / the next day "peaked at 6.6 metres ..., in a revised reading"
    [finding] = _two_day_pair(
        "The Lesna river peaked at 6.8 metres in Orsk.", "6.8 metres",
        "The Lesna river peaked at 6.6 metres in Orsk, the agency said in a revised reading.", "6.6 metres",
        6.8, 6.6, unit="metre", event="peak",
    )  # fmt: skip
    assert (finding.verdict, finding.how) == ("differ", "update")


def test_a_later_higher_count_of_an_act_that_accumulates_is_an_update():
    # #14: "Around 1,400 homes were flooded" on Monday, "2,300 homes have been flooded" on Tuesday
    [finding] = _two_day_pair(
        "In Orsk, 1,400 homes were flooded.", "1,400 homes",
        "In Orsk, 2,300 homes have been flooded.", "2,300 homes", 1400, 2300, unit="home", event="flood",
    )  # fmt: skip
    assert (finding.verdict, finding.how) == ("differ", "update")
    # a later, lower count is still a contradiction
    [finding] = _two_day_pair(
        "In Orsk, 2,300 homes were flooded.", "2,300 homes",
        "In Orsk, 1,400 homes have been flooded.", "1,400 homes", 2300, 1400, unit="home", event="flood",
    )  # fmt: skip
    assert finding.verdict == "contradict"


def test_people_still_in_shelters_are_part_of_those_evacuated():
    # #14: "4,500 people were evacuated, and about 1,800 were still in temporary shelters"
    from factcheck.stages.compare.slots import subset_state

    text = "A total of 4,500 people were evacuated, and about 1,800 were still in temporary shelters."
    sent = Sentence("a#0", "a", 0, 0, len(text), text)
    one = QuantityValue(1, 1, 1, True, True, False)
    assert subset_state(_claim_in(sent, "about 1,800", "quantity", one), sent) == "in shelters"
    assert subset_state(_claim_in(sent, "4,500 people", "quantity", one), sent) == ""


def test_rain_in_millimetres_and_inches_is_one_quantity():
    # #14: "seven inches of rain" is 177.8 mm: "178 millimetres" in other units
    inches = _q("1", "a", 7, 7, point=7, unit="inch", event="")
    mm = _q("2", "b", 178, 178, point=178, unit="millimetre", event="")
    verdict, how, *_ = judge(inches, mm, A, B)
    assert (verdict, how) == ("agree", "converted")
    assert judge(inches, _q("3", "b", 150, 150, point=150, unit="mm", event=""), A, B)[0] == "contradict"


def test_an_offer_and_a_share_price_do_not_differ_by_precision():
    # #14: "the offer of $38 per share" / "Brightline shares traded at about $37.40": two facts, no finding
    texts = {
        "a#0": "Brightline accepted the offer of $38 per share.",
        "b#0": "Brightline shares traded at about $37.40.",
    }
    sents = [Sentence(i, i[0], 0, 0, len(t), t) for i, t in texts.items()]
    offer = _claim_in(sents[0], "$38", "money", QuantityValue(38, 38, 38, True, True, False), "USD")
    price = replace(
        _claim_in(sents[1], "about $37.40", "money", QuantityValue(37.4, 36.6, 38.2, True, True, True), "USD"),
        qualifier="about",
    )
    sents2, groups = _with_copy(sents, [[0, 1]])
    emb = _emb_with_copy(np.array([[1.0, 0.0], [1.0, 0.0]], dtype=np.float32))
    _, findings = compare_facts([A, B], sents2, emb, groups, [offer, price], CompareConfig(parser=""))
    assert not [f for _, f in findings if f.claim_ids and f.verdict != "agree"]
    # the same price in other words is still a question of precision
    price_words = "Brightline shares traded at $38 on Monday."
    sents[0] = Sentence("a#0", "a", 0, 0, len(price_words), price_words)
    close = _claim_in(sents[0], "$38", "money", QuantityValue(38, 38, 38, True, True, False), "USD")
    sents2, groups = _with_copy(sents, [[0, 1]])
    _, findings = compare_facts([A, B], sents2, emb, groups, [close, price], CompareConfig(parser=""))
    assert [f.how for _, f in findings if f.claim_ids and f.verdict != "agree"] == ["precision"]


def test_two_days_counts_of_people_in_a_state_are_updates_either_way():
    # "three of them in critical condition" on Wednesday, "two people remain in critical condition" on Thursday
    for first, second in ((3, 2), (2, 3)):
        [finding] = _two_day_pair(
            f"At least 41 people were taken to hospital, {first} of them in critical condition.", str(first),
            f"{second} people remain in critical condition.", f"{second} people", first, second, unit="person",
        )  # fmt: skip
        assert (finding.verdict, finding.how) == ("differ", "update"), finding.explanation
        assert "changes from day to day" in finding.explanation


def test_a_figure_one_sentence_may_deny_is_a_question_not_a_contradiction():
    # "does not cover its 10 mg tablets" / "covers its 40 mg tablets": with no parse the negation is only
    # known to be in the sentence, so the conflict is a question (with a parse that ties it to the
    # figure, the two agree: one denies what the other does not say)
    from dataclasses import replace

    text_a = "The Helvan Pharma recall does not cover its 10 mg tablets."
    text_b = "The Helvan Pharma recall covers its 40 mg tablets."
    sents = [Sentence("a#0", "a", 0, 0, len(text_a), text_a), Sentence("b#0", "b", 0, 0, len(text_b), text_b)]

    def mg(sent, words, n):
        return _claim_in(sent, words, "quantity", QuantityValue(n, n, n, True, True, False), "milligram")

    for negated, expected in ((True, ("differ", "unconfirmed")), (False, ("contradict", "value"))):
        claims = [replace(mg(sents[0], "10 mg", 10), negated=negated), mg(sents[1], "40 mg", 40)]
        sents2, groups = _with_copy(sents, [[0, 1]])
        emb = _emb_with_copy(np.array([[1.0, 0.0], [1.0, 0.0]], dtype=np.float32))
        _, findings = compare_facts([A, B], sents2, emb, groups, claims, CompareConfig(parser=""))
        assert [(f.verdict, f.how) for _, f in findings if f.claim_ids and f.verdict != "agree"] == [expected]
