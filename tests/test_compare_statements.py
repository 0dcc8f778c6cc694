"""Statement agreements: who said it is not what was said, and an outlet does not agree with itself."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np

from factcheck.records import Article, Sentence
from factcheck.stages.claims import extract_claims_from_text
from factcheck.stages.compare.statements import shared_passage, statement_findings
from factcheck.verdicts import Verdict


def _article(aid: str, outlet: str) -> Article:
    return Article(aid, outlet, "T", None, date(2025, 3, 4), "record", "", f"{aid}.txt", "")


def test_a_shared_source_is_no_shared_statement():
    x = "In the past day, rescuers pulled 48 people alive from the rubble, the civil protection agency said."
    y = "Search operations ended on Sunday, the civil protection agency said on Monday."
    assert shared_passage(x, y) == ""
    assert (
        shared_passage(
            "According to the civil protection agency, the search ended.",
            "According to the civil protection agency, schools reopened.",
        )
        == ""
    )


def test_the_statement_itself_is_still_shared():
    x = "The government said it would rebuild 12,000 homes within two years, officials said."
    y = "The government has promised to rebuild 12,000 homes within two years."
    assert "rebuild 12" in shared_passage(x, y)


def test_an_outlet_that_gives_a_detail_in_one_article_does_not_lack_it_in_another():
    with_day = "The mayor said 250 buildings collapsed in the old town on Monday."
    without = "The mayor said 250 buildings collapsed in the old town."
    sentences = [
        Sentence("a#0", "a", 0, 0, len(with_day), with_day),
        Sentence("b#0", "b", 0, 0, len(without), without),
        Sentence("c#0", "c", 0, 0, len(without), without),
    ]
    claims = [c for c in extract_claims_from_text(with_day, date(2025, 3, 4)) if c.kind == "date"]
    details = {"a#0": [replace(claims[0], article_id="a", sentence_id="a#0")]}
    emb = np.ones((3, 1))
    arts = {"a": _article("a", "Daily Globe"), "b": _article("b", "Daily Globe"), "c": _article("c", "Metro Times")}
    found = statement_findings([0, 1, 2], "copy", sentences, emb, arts, details)
    assert [f.verdict for f in found] == [Verdict.AGREE, Verdict.DIFFER]
    assert "Metro Times state it without" in found[1].explanation
    arts["c"] = _article("c", "Daily Globe")
    assert [f.verdict for f in statement_findings([0, 1, 2], "copy", sentences, emb, arts, details)] == [Verdict.AGREE]


def test_an_outlet_giving_a_figure_of_its_own_gives_another_figure_not_none():
    # #14: "About 81,000 fans packed the stadium" / "The attendance at the stadium was 81,500"
    from factcheck.stages.compare.statements import detail_claims, stated_claims

    texts = {
        "a#0": "About 81,000 fans packed Harrow Stadium for the final.",
        "b#0": "The attendance at Harrow Stadium was 81,500, a record.",
        "c#0": "Fans packed Harrow Stadium for the final.",
    }
    sentences = [Sentence(i, i[0], 0, 0, len(t), t) for i, t in texts.items()]
    claims = [
        replace(c, article_id=s.article_id, sentence_id=s.id)
        for s in sentences
        for c in extract_claims_from_text(s.text, date(2025, 3, 4))
        if c.kind == "quantity"
    ]
    arts = {k: _article(k, name) for k, name in (("a", "Daily Globe"), ("b", "Metro Times"), ("c", "Coast Herald"))}
    emb = np.ones((3, 1))
    found = statement_findings(
        [0, 1, 2], "paraphrase", sentences, emb, arts, detail_claims(claims), stated_claims(claims)
    )
    [detail] = [f for f in found if f.how == "detail"]
    assert "Coast Herald state it without" in detail.explanation
    assert "Metro Times (“81,500”) gives another figure" in detail.explanation
    assert "Metro Times state it without" not in detail.explanation
