"""What the editor's reports show at a glance (#16): titles, order, the timeline, report.md, the stories index."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from factcheck.records import Fact, Finding, QuantityValue, Report
from factcheck.report.facts import report_json
from factcheck.report.feed import write_feed_index
from factcheck.report.html import render_html
from factcheck.report.markdown import render_markdown
from factcheck.report.timeline import place_points, render_timeline, slot_timelines
from factcheck.report.views import fact_title, main_event

from .newsroom import LONG_OUTLET, TOLLS, newsroom_report
from .test_html_report import SCRIPT_PAYLOAD, _parse, mini_report


def _toll(report: Report) -> list:
    (timeline,) = slot_timelines(report, "Ftoll")
    return timeline


def test_timeline_has_one_point_per_outlet_article_and_value():
    report = newsroom_report(12)
    timeline = _toll(report)
    expected = {
        (a.outlet, a.id, a.published, f"{TOLLS[0] if a is report.articles[-1] else TOLLS[(a.published - date(2023, 10, 16)).days]} people")
        for a in report.articles
    }  # fmt: skip
    assert {(p.outlet, p.article_id, p.published, p.words) for p in timeline.points} == expected
    assert timeline.slot == "quantity · people · killed" and timeline.kind == "quantity"
    # the first article's value and every other value are in a contradiction; those equal to it agree
    first = report.articles[0].id
    agreeing = {p.article_id for p in timeline.points if p.words == f"{TOLLS[0]} people"} - {first}
    assert {p.article_id for p in timeline.points if not p.contradicted} == agreeing


def test_timeline_places_later_right_and_larger_higher():
    placed = place_points(_toll(newsroom_report(12)))
    for a in placed:
        for b in placed:
            if a.point.published < b.point.published:
                assert a.x < b.x
            if a.point.low > b.point.low:
                assert a.y_low < b.y_low


def test_timeline_svg_marks_carry_outlet_date_and_value_and_escape_them():
    report = newsroom_report(12)
    hostile = f"Hostile {SCRIPT_PAYLOAD}"
    report = replace(
        report, articles=tuple(replace(a, outlet=hostile) if i == 1 else a for i, a in enumerate(report.articles))
    )
    svg = str(render_timeline(_toll(report)))
    assert SCRIPT_PAYLOAD not in svg and "Hostile &lt;script&gt;" in svg
    marks = re.findall(r'<g class="mark[^"]*" data-outlet="([^"]*)" data-published="([^"]*)" data-value="([^"]*)"', svg)
    assert len(marks) == len(report.articles)
    assert ("Hostile &lt;script&gt;alert(1)&lt;/script&gt;", "2023-10-16", "10 people") in marks
    assert "style=" not in svg and "<script" not in svg and "href" not in svg


def test_timeline_is_not_drawn_for_one_date_or_one_value():
    report, _ = mini_report()
    assert [t.fact_id for t in slot_timelines(report, "Fmeet")] == ["Fmeet"]  # moved date, two days
    assert slot_timelines(report, "Ftoll") == []  # the same 1,400 on both days
    same_day = replace(report, articles=tuple(replace(a, published=date(2023, 10, 16)) for a in report.articles))
    assert slot_timelines(same_day, "Fmeet") == []


def test_fact_title_names_the_slot_and_prefers_the_comparisons_title():
    report, _ = mini_report()
    doc = report_json(report)
    claims = {c.id: c for c in report.claims}
    facts = {f["id"]: f for f in doc["facts"]}
    assert fact_title(facts["Ftoll"], claims) == "quantity · people"
    assert fact_title(facts["Fmeet"], claims) == "date: “Leaders will meet on Tuesday.”"
    assert fact_title({**facts["Fmeet"], "title": "When leaders meet"}, claims) == "When leaders meet"
    assert fact_title(facts["Fsingle"], claims).startswith("The mayor wrote <script>")


def test_html_leads_with_what_is_disputed_and_folds_the_articles():
    page = render_html(newsroom_report(60))
    disputed = page.index('<section id="disputed">')
    assert disputed < page.index('<details id="articles">') < page.index('<section id="matrix">')
    first_line = page[disputed:].split("</li>")[0]
    assert "✕ contradict" in first_line and " vs " in first_line
    # one matrix column per outlet, not per article
    matrix = page[page.index('<table class="matrix') : page.index("</table>", page.index('<table class="matrix'))]
    outlets = {a.outlet for a in newsroom_report(60).articles}
    assert matrix.count('<th class="outlet"') == len(outlets) < 60
    assert "matrix narrow" in matrix


def test_html_puts_the_contradicting_lines_first():
    report = newsroom_report(12)
    page = render_html(report)
    section = page[page.index('id="fact-Ftoll"') :].split("</article>")[0]
    verdicts = re.findall(r'<li><span class="badge v-([\w-]+)">', section)
    assert verdicts == sorted(verdicts, key=["contradict", "differ", "agree"].index)
    assert '<svg class="timeline"' in section and "(updated)" in section


def test_markdown_has_the_html_order_and_titles_and_summarises_single_source():
    report = newsroom_report(60)
    md = render_markdown(report)
    assert md.index("## What is disputed") < md.index("## Contradictions") < md.index("## Differences")
    assert md.index("## Agreements") < md.index("## Stated by one outlet only") < md.index("## Articles")
    summary = md.split("## What is disputed")[1].split("## Contradictions")[0]
    assert summary.strip().splitlines()[0].startswith("- ✕ contradict: **quantity · people · killed**: **10 people**")
    html_titles = re.findall(r'<a class="title" href="#fact-\w+">([^<]*)</a>', render_html(report))
    md_titles = re.findall(r"^- [✕≠] \w+: \*\*(.*?)\*\*:", summary, re.M)
    assert [t.replace("\\", "") for t in md_titles] == [t.replace("&#34;", '"') for t in html_titles]
    single = md.split("## Stated by one outlet only")[1].split("##")[0]
    assert "60 facts, by outlet:" in single and "Fsolo" not in md and "A neighbour of" not in md
    assert "- Timeline of quantity · people · killed: 2023-10-16" in md


def test_markdown_lists_single_source_facts_when_asked():
    report = newsroom_report(5)
    md = render_markdown(replace(report, config={"report": {"include_single_source": True}}))
    assert md.count("### ○ A neighbour of") == 5


def _story(name: str, n_contradict: int, outlets: int) -> Report:
    """A small story with `n_contradict` contradicting facts and a most-stated fact naming it."""
    base = newsroom_report(6)
    facts = [f for f in base.facts if f.id == "Fagree000"]
    findings = []
    for k in range(n_contradict):
        fid = f"Fc{k}"
        facts.append(Fact(fid, base.facts[0].sentence_ids[:2], base.facts[0].article_ids[:2]))
        findings.append(
            Finding(f"X{k}", fid, "contradict", "value", base.facts[0].article_ids[:2], (), "they disagree", 0.9)
        )
    articles = tuple(replace(a, outlet=f"Outlet {i % outlets}") for i, a in enumerate(base.articles))
    return replace(base, batch=name, articles=articles, facts=tuple(facts), findings=tuple(findings))


def test_stories_index_is_sorted_by_contradictions_and_names_the_main_event(tmp_path):
    reports = [_story("story-001-a", 0, 2), _story("story-002-b", 3, 3), _story("story-003-c", 1, 2)]
    paths = write_feed_index(reports, tmp_path)
    md = (tmp_path / "index.md").read_text()
    assert [re.search(r"\[(story-\d+-\w)\]", line).group(1) for line in md.splitlines() if line.startswith("| [")] == [
        "story-002-b",
        "story-003-c",
        "story-001-a",
    ]
    page = (tmp_path / "index.html").read_text()
    assert paths == [tmp_path / "index.md", tmp_path / "index.html"]
    event = main_event(report_json(reports[1]), {})
    assert event == "The mayor visited shelter number 1 on the east side."
    assert f'<a class="event" href="story-002-b/report.html">{event}</a>' in page
    assert page.index("story-002-b") < page.index("story-003-c") < page.index("story-001-a")
    parsed = _parse(page)
    assert not [t for t, _ in parsed.tags if t in ("script", "img", "link")]
    (policy,) = [
        a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert "unsafe-inline" not in policy and "style-src 'sha256-" in policy
    assert '<span class="badge v-contradict">3</span>' in page


def test_long_outlet_names_and_ids_never_leak_markup():
    report = newsroom_report(5)
    long = LONG_OUTLET + SCRIPT_PAYLOAD
    report = replace(report, articles=tuple(replace(a, outlet=long) for a in report.articles))
    page = render_html(report)
    assert SCRIPT_PAYLOAD not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    md = render_markdown(report)
    assert SCRIPT_PAYLOAD not in md


def test_quantity_claims_without_a_value_are_left_off_the_timeline():
    report = newsroom_report(12)
    blank = QuantityValue(None, None, None, False, False, False)
    first = report.claims[0]
    assert first.article_id == report.articles[0].id and first.text == f"{TOLLS[0]} people"
    report = replace(report, claims=(replace(first, value=blank), *report.claims[1:]))
    points = _toll(report).points
    assert report.articles[0].id not in {p.article_id for p in points}
    assert len(points) == len(report.articles) - 1
