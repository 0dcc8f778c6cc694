"""One describer: a value reads the same in explanations, Markdown, HTML, the review sheet and JUnit (#13)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from factcheck.ci import render_junit
from factcheck.describe import describe_date, describe_number, describe_quantity, describe_value
from factcheck.records import Article, DateValue, Fact, Finding, Report, Sentence
from factcheck.report.html import render_html
from factcheck.report.markdown import render_markdown
from factcheck.report.sheet import review_rows
from factcheck.stages.claims import extract_claims_from_text
from factcheck.stages.compare import judge

PUBLISHED = date(2023, 10, 16)  # a Monday


@pytest.mark.parametrize(
    ("text", "surface", "words"),
    [
        ("Unemployment rose to 2.5% in the region.", "2.5%", "2.5%"),
        ("Between 20 and 30 people were hurt.", "Between 20 and 30 people", "between 20 and 30 people"),
        ("More than 1,400 people died.", "More than 1,400 people", "more than 1,400 people"),
        ("Some 130 countries sent delegates.", "Some 130 countries", "about 130 countries"),
        ("The court issued the warrant in March.", "in March", "2023-03"),
        ("It is his third visit to China.", "third visit to China", "3rd visit to China"),
        ("Four men rammed the store.", "Four men", "4 men"),  # irregular plurals read from the lexicon
        ("He fell 2,000 feet.", "2,000 feet", "2,000 feet"),
    ],
)
def test_claims_in_words(text, surface, words):
    claims = [c for c in extract_claims_from_text(text, PUBLISHED) if c.text == surface]
    assert claims, f"{surface!r} not extracted from {text!r}"
    assert describe_value(claims[0]) == words


def test_a_weekday_resolves_to_its_day():
    (claim,) = [c for c in extract_claims_from_text("They will meet on Tuesday.", PUBLISHED) if c.kind == "date"]
    assert describe_value(claim).startswith("2023-10-17")


@pytest.mark.parametrize(
    ("number", "text"),
    [(1400.0, "1,400"), (25000.0, "25,000"), (1.5, "1.5"), (2.5e6, "2.5 million"), (-3.0, "-3"), (2e11, "200 billion")],
)
def test_numbers_in_words(number, text):
    assert describe_number(number) == text


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (DateValue(date(2023, 10, 16), date(2023, 10, 22), "week"), "2023-10-16 to 2023-10-22 (week)"),
        (DateValue(date(2022, 2, 1), date(2022, 2, 28), "month"), "2022-02"),
        (DateValue(date(2023, 1, 1), date(2023, 12, 31), "year", "earlier"), "2023 (earlier)"),
        (DateValue(None, None, "day", "no publication date"), "unresolved date (no publication date)"),
    ],
)
def test_dates_in_words(value, words):
    assert describe_date(value) == words


def _article(article_id: str, outlet: str, text: str) -> Article:
    return Article(
        id=article_id, outlet=outlet, title=outlet, url=None, published=PUBLISHED, published_source="manifest",
        published_evidence="", path=f"{article_id}.txt", text=text,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        ("Unemployment rose to 2.5% in the region.", "Unemployment rose to 3.1% in the region."),
        ("Between 20 and 30 people were hurt in the blast.", "At least 45 people were hurt in the blast."),
        ("More than 1,400 people died in the attack.", "About 900 people died in the attack."),
    ],
)
def test_one_value_reads_the_same_in_every_output(text_a, text_b, tmp_path):
    articles = [_article("a", "Planet", text_a), _article("b", "Gazette", text_b)]
    sentences = [Sentence(f"{a.id}#0", a.id, 0, 0, len(a.text), a.text) for a in articles]
    claims = []
    for art, sent in zip(articles, sentences, strict=True):
        found = [c for c in extract_claims_from_text(art.text, PUBLISHED) if c.kind != "date"]
        claims.append(replace(found[0], id=f"c{art.id}", article_id=art.id, sentence_id=sent.id))
    verdict, how, explanation, confidence = judge(claims[0], claims[1], articles[0], articles[1])
    finding = Finding(
        "X1", "F1", verdict, how, ("a", "b"), tuple(c.id for c in claims), explanation, confidence, tuple(s.id for s in sentences)
    )  # fmt: skip
    fact = Fact("F1", tuple(s.id for s in sentences), ("a", "b"))
    report = Report("mini", tuple(articles), (), tuple(sentences), (fact,), tuple(claims), (finding,), ())
    outputs = {
        "explanation": explanation,
        "markdown": render_markdown(report),
        "html": render_html(report),
        "sheet": "\n".join(str(cell) for row in review_rows(report, {}) for cell in row),
        "junit": render_junit(report, [finding], fail_on="any"),
    }
    for claim in claims:
        words = describe_value(claim)
        for name, text in outputs.items():
            assert words in text, f"{name} does not say {words!r}"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("almost four dozen questions", "almost 48"),
        ("as many as 80 people", "up to 80"),
        ("some 700 metres", "about 700"),
    ],
)
def test_a_one_sided_approximation_says_its_side(text: str, words: str):
    from factcheck.stages.claims.quantities import extract_quantities

    assert describe_quantity(extract_quantities(text)[0].value) == words  # type: ignore[arg-type]
