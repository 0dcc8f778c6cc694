"""The HTML report: content, order, escaping of untrusted text, and a real headless browser."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import struct
import subprocess
import zlib
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.records import (
    Article,
    Claim,
    DateValue,
    Decision,
    DroppedSpan,
    Fact,
    Finding,
    QuantityValue,
    Report,
    Sentence,
    Skipped,
)
from factcheck.report.facts import report_json
from factcheck.report.html import highlight_sentence, render_html

GOLDEN = Path(__file__).parent / "golden" / "mini" / "report.html"
UPDATE_GOLDEN = os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1"
SCRIPT_PAYLOAD = "<script>alert(1)</script>"
IMG_PAYLOAD = "<img src=x onerror=alert(1)>"
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "h4", "section", "p", "ul",
    "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "br", "small", "code", "span", "strong",
    "form", "fieldset", "legend", "label", "input", "div", "article", "mark", "details", "summary", "script",
    "ol", "button", "figure", "figcaption", "svg", "g", "path", "text", "circle", "rect", "polygon",
}  # fmt: skip


# --- a small hand-built report --------------------------------------------------------------


def _article(article_id: str, outlet: str, text: str, published: date | None, url: str | None = None) -> Article:
    return Article(
        id=article_id,
        outlet=outlet,
        title=f"Title of {article_id}",
        url=url,
        published=published,
        published_source="manifest" if published else "unknown",
        published_evidence=f"dateline of {article_id}" if published else "",
        path=f"batch/{article_id}.txt",
        text=text,
    )


def _sentence(article: Article, index: int, text: str) -> Sentence:
    start = article.text.index(text)
    return Sentence(f"{article.id}:s{index}", article.id, index, start, start + len(text), text)


def _claim(claim_id: str, sent: Sentence, article: Article, surface: str, value, **kw) -> Claim:
    start = article.text.index(surface, sent.start)
    fields = {"unit": "", "qualifier": "", "event": "", "scope": "", "negated": False, "attribution": ""}
    fields.update(kw)
    kind = fields.pop("kind", "date" if isinstance(value, DateValue) else "quantity")
    return Claim(claim_id, article.id, sent.id, kind, surface, start, start + len(surface), value, **fields)


def _day(iso: str) -> DateValue:
    return DateValue(date.fromisoformat(iso), date.fromisoformat(iso), "day")


def mini_report() -> tuple[Report, dict[str, Decision]]:
    """Three outlets, one contradiction, one agreement, one single-source fact full of markup."""
    planet = _article(
        "planet",
        "Daily Planet",
        "At least 1,400 people died in the attack. Leaders will meet on Tuesday. "
        f"The mayor wrote {SCRIPT_PAYLOAD} on the wall.\nSubscribe now!",
        date(2023, 10, 16),
        url="https://planet.example/story",
    )
    evil = _article(
        "evil",
        "Evil <b>Outlet</b>",
        f"More than 1,400 people died in the attack. Leaders will meet on Wednesday {IMG_PAYLOAD} in Beijing.",
        date(2023, 10, 17),
        url="javascript:alert(1)",
    )
    gazette = _article("gazette", "Gazette", "Officials said leaders will meet on Tuesday.", None)
    s = {
        "p0": _sentence(planet, 0, "At least 1,400 people died in the attack."),
        "p1": _sentence(planet, 1, "Leaders will meet on Tuesday."),
        "p2": _sentence(planet, 2, f"The mayor wrote {SCRIPT_PAYLOAD} on the wall."),
        "e0": _sentence(evil, 0, "More than 1,400 people died in the attack."),
        "e1": _sentence(evil, 1, f"Leaders will meet on Wednesday {IMG_PAYLOAD} in Beijing."),
        "g0": _sentence(gazette, 0, "Officials said leaders will meet on Tuesday."),
    }
    toll = QuantityValue(1400, 1400, None, True, False, False)
    more = QuantityValue(1400, 1400, None, False, False, False)
    claims = (
        _claim("c_p0", s["p0"], planet, "At least 1,400 people", toll, unit="people", qualifier="at least"),
        _claim("c_p1", s["p1"], planet, "on Tuesday", _day("2023-10-17")),
        _claim("c_e0", s["e0"], evil, "More than 1,400 people", more, unit="people", qualifier="more than"),
        _claim("c_e1", s["e1"], evil, "on Wednesday", _day("2023-10-18")),
        _claim("c_g0", s["g0"], gazette, "on Tuesday", DateValue(None, None, "day", "no publication date")),
    )
    facts = (
        Fact("Fmeet", (s["p1"].id, s["e1"].id, s["g0"].id), ("planet", "evil", "gazette")),
        Fact("Fsingle", (s["p2"].id,), ("planet",)),
        Fact("Ftoll", (s["p0"].id, s["e0"].id), ("planet", "evil")),
    )
    findings = (
        Finding(
            "Xmeet",
            "Fmeet",
            "contradict",
            "value",
            ("planet", "evil"),
            ("c_p1", "c_e1"),
            f"Daily Planet: “on Tuesday” vs Evil: “on Wednesday {IMG_PAYLOAD}”: 2023-10-17 vs 2023-10-18",
            0.8,
        ),
        Finding("Xtoll", "Ftoll", "agree", "hedged", ("planet", "evil"), ("c_p0", "c_e0"), "both say 1,400", 0.85),
    )
    text_end = planet.text.index("Subscribe")
    report = Report(
        batch="mini",
        articles=(planet, evil, gazette),
        dropped=(DroppedSpan("planet", text_end, len(planet.text), "subscribe", "Subscribe now!"),),
        sentences=tuple(s.values()),
        facts=facts,
        claims=claims,
        findings=findings,
        skipped=(Skipped(f"batch/{SCRIPT_PAYLOAD}.bin", "unsupported file type"),),
    )
    decisions = {
        "Xmeet": Decision("Xmeet", "Fmeet", "confirmed", note=f"checked {SCRIPT_PAYLOAD}", reviewer="Ann"),
        "Xgone": Decision("Xgone", "Fold", "false alarm", note="old run", reviewer="Bo"),
    }
    return report, decisions


class _Page(HTMLParser):
    """Collect tags, attributes, visible text and fact section ids of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)
        else:
            self.text.append(data)

    def fact_ids(self) -> list[str]:
        return [a["id"] for t, a in self.tags if t == "article" and "fact" in (a.get("class") or "")]


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _text(html: str) -> str:
    """The page's text, pieces joined by one space."""
    return re.sub(r"\s+", " ", " ".join(_parse(html).text))


@pytest.fixture(scope="module")
def mini_html() -> str:
    report, decisions = mini_report()
    return render_html(report, decisions)


# --- unit tests ----------------------------------------------------------------------------


def test_untrusted_markup_shows_as_text_and_never_as_tags(mini_html):
    assert SCRIPT_PAYLOAD not in mini_html and IMG_PAYLOAD not in mini_html
    assert "<b>Outlet</b>" not in mini_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in mini_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in mini_html
    page = _parse(mini_html)
    text = "".join(page.text)
    # sentence, decision note and skipped file all show the payload as readable text
    assert text.count(SCRIPT_PAYLOAD) >= 3 and IMG_PAYLOAD in text and "Evil <b>Outlet</b>" in text
    for tag, attrs in page.tags:
        assert tag in ALLOWED_TAGS, tag
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert "src" not in attrs, (tag, attrs)
    assert [t for t, _ in page.tags].count("script") == 1
    assert "alert" not in "".join(page.scripts)


def test_page_is_self_contained_and_links_are_safe(mini_html):
    page = _parse(mini_html)
    hrefs = [a["href"] for t, a in page.tags if t == "a"]
    assert "https://planet.example/story" in hrefs
    assert all(h.startswith("#") or h.startswith("https://") for h in hrefs), hrefs
    assert not [t for t, a in page.tags if t in ("link", "img", "iframe", "object", "embed")]
    assert "javascript:" not in mini_html  # an unsafe url is neither linked nor shown
    assert "@import" not in "".join(page.styles) and "url(" not in "".join(page.styles)


def test_content_security_policy_allows_exactly_the_page_script_and_style(mini_html):
    page = _parse(mini_html)
    (policy,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]

    def digest(source: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"

    assert "default-src 'none'" in policy
    assert f"script-src {digest(page.scripts[0])}" in policy
    assert f"style-src {digest(page.styles[0])}" in policy


def test_summary_lists_outlets_dates_and_verdict_counts(mini_html):
    text = _text(mini_html)
    assert "3 articles, 3 facts: 1 contradict, 0 differ, 1 agree, 1 single-source." in text
    assert "Reviewed: 1 of 2 findings." in text
    assert "2023-10-16" in text and "dateline of planet" in text and "manifest" in text
    assert "Gazette Title of gazette batch/gazette.txt unknown" in text


def test_facts_come_contradictions_first_and_single_source_collapsed(mini_html):
    page = _parse(mini_html)
    assert page.fact_ids() == ["fact-Fmeet", "fact-Ftoll", "fact-Fsingle"]
    details_at = mini_html.index('<details class="single">')
    assert mini_html.index('id="fact-Fsingle"') > details_at > mini_html.index('id="fact-Ftoll"')
    assert mini_html.index("<h2>Contradictions (1)</h2>") < mini_html.index("<h2>Differences (0)</h2>")


def test_compared_claims_are_marked_with_their_values_in_words(mini_html):
    assert '<mark class="v-contradict" title="2023-10-18">on Wednesday</mark>' in mini_html
    assert '<mark class="v-contradict" title="2023-10-17">on Tuesday</mark>' in mini_html
    assert '<mark class="v-agree" title="more than 1,400 people">More than 1,400 people</mark>' in mini_html
    # a claim no finding compares is marked, but not as compared
    assert '<mark class="uncompared" title="unresolved date (no publication date)">on Tuesday</mark>' in mini_html
    text = "".join(_parse(mini_html).text)
    assert "More than 1,400 people" in text
    assert "At least 1,400 people" in text
    assert "Daily Planet: “on Tuesday” → 2023-10-17" in text
    assert "Evil <b>Outlet</b>: “on Wednesday” → 2023-10-18" in text


def test_sentences_sit_side_by_side_one_column_per_outlet(mini_html):
    section = mini_html[mini_html.index('id="fact-Fmeet"') : mini_html.index('id="fact-Ftoll"')]
    columns = re.findall(r'<div class="column" data-outlet="(o\d)">', section)
    assert columns == ["o0", "o1", "o2"]  # the contradicting outlets first, one column per outlet
    assert "date unknown" in section  # the gazette has no publication date


def test_findings_show_verdict_how_confidence_explanation_and_decision(mini_html):
    text = _text(mini_html)
    assert "contradict value , confidence 0.8: Daily Planet: “on Tuesday” vs Evil" in text
    assert "agree hedged , confidence 0.85: both say 1,400" in text
    assert f"Reviewer decision: confirmed by Ann: checked {SCRIPT_PAYLOAD}" in text
    # a decision whose finding is gone is listed, not dropped
    assert "Decisions on findings no longer in this batch (1)" in text and "Xgone Fold false alarm Bo old run" in text


def test_matrix_marks_absent_outlets_and_links_each_fact(mini_html):
    start = mini_html.index('<table class="matrix">')
    matrix = mini_html[start : mini_html.index("</table>", start)]
    rows = re.findall(r'<tr data-verdict="(\w[\w-]*)" data-outlets="([^"]*)">', matrix)
    assert rows == [("contradict", "o0 o1 o2"), ("agree", "o0 o1"), ("single-source", "o0 o1 o2")]
    toll_row = matrix[matrix.index('href="#fact-Ftoll"') :].split("</tr>")[0]
    assert toll_row.count('class="cell v-agree"') == 2 and toll_row.count('<td class="absent">·</td>') == 1
    assert 'href="#fact-Fmeet"' in matrix and 'id="fact-Fmeet"' in mini_html
    single_row = matrix[matrix.index('data-verdict="single-source"') :].split("</tr>")[0]
    assert ">1</td>" in single_row and 'title="Daily Planet: 1 fact stated by this outlet only"' in single_row


def test_page_reads_without_javascript(mini_html):
    page = _parse(mini_html)
    hidden = [a for t, a in page.tags if "hidden" in a]
    assert [a.get("id") for a in hidden] == ["filters"]  # only the filters, which need JS, start hidden
    boxes = [a for t, a in page.tags if t == "input" and a.get("type") == "checkbox"]
    assert {(a["name"], a["value"]) for a in boxes} >= {("verdict", "contradict"), ("outlet", "o2")}
    assert all("checked" in a for a in boxes)


def test_dropped_and_skipped_are_listed(mini_html):
    text = _text(mini_html)
    assert "Dropped as boilerplate (1)" in text and "Daily Planet subscribe" in text and "Subscribe now!" in text
    assert f"batch/{SCRIPT_PAYLOAD}.bin : unsupported file type" in text


def test_render_is_deterministic_and_matches_golden(mini_html):
    report, decisions = mini_report()
    assert render_html(report, decisions) == mini_html
    if UPDATE_GOLDEN:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(mini_html, encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8") == mini_html, "run with FACTCHECK_UPDATE_GOLDEN=1 and read the diff"


def test_empty_report_renders():
    report = Report("empty", (), (), (), (), (), (), ())
    text = _text(render_html(report))
    assert "0 articles, 0 facts" in text and "No fact is stated by more than one outlet." in text


def test_highlight_escapes_pieces_and_skips_bad_spans():
    text = 'a <b> "1,400" & on Tuesday'
    html = highlight_sentence(
        text,
        [(6, 13, "v-agree", '"quoted" <title>'), (8, 10, "v-differ", "overlap"), (20, 99, "v-agree", "out of range")],
    )
    assert str(html) == (
        'a &lt;b&gt; <mark class="v-agree" title="&#34;quoted&#34; &lt;title&gt;">&#34;1,400&#34;</mark>'
        " &amp; on Tuesday"
    )


# --- a real headless browser on the seeds' report -------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_TIMEOUT = 90
INJECTED_TITLE = "pwned"


def _chromium() -> str:
    if CHROMIUM:
        return CHROMIUM
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed: the HTML browser test needs Debian's `chromium` package in CI")
    pytest.skip("chromium is not installed")


def _with_hostile_article(report: Report) -> Report:
    """The seeds' report plus an article whose text and outlet would change the page title if they ran."""
    script = f"<script>document.title='{INJECTED_TITLE}'</script>"
    image = f"<img src=x onerror=\"document.title='{INJECTED_TITLE}'\">"
    text = f"The forum {script} opened with 130 delegations {image} on Tuesday."
    hostile = Article(
        "zz_hostile", f"Hostile {script}", f"Title {image}", None, date(2023, 10, 17), "manifest", "", "x.txt", text
    )
    sent = Sentence("zz_hostile:s0", hostile.id, 0, 0, len(text), text)
    fact = Fact("Fzzhostile", (sent.id,), (hostile.id,))
    return replace(
        report,
        articles=(*report.articles, hostile),
        sentences=(*report.sentences, sent),
        facts=(*report.facts, fact),
        dropped=(*report.dropped, DroppedSpan(hostile.id, 0, 9, "test", script)),
    )


def _run_chromium(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,2000", *args]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=BROWSER_TIMEOUT, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium did not finish within {BROWSER_TIMEOUT}s")


def _png_size_and_rows(png: bytes) -> tuple[int, int, int]:
    """Width, height and the number of distinct scanlines of a PNG (stdlib only)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, body = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + width * channels
    rows = {raw[i : i + stride] for i in range(0, len(raw), stride)}
    return width, height, len(rows)


@pytest.mark.slow
def test_seed_report_in_a_headless_browser(seed_report, tmp_path):
    report = _with_hostile_article(seed_report)
    doc = report_json(report)
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    shot = tmp_path / "report.png"

    _run_chromium(f"--screenshot={shot}", page.as_uri())
    width, height, distinct_rows = _png_size_and_rows(shot.read_bytes())
    assert (width, height) == (1280, 2000)
    assert distinct_rows > 200, f"the screenshot looks blank ({distinct_rows} distinct rows)"

    dom = _run_chromium("--dump-dom", page.as_uri()).stdout
    assert "<title>factcheck report: seeds</title>" in dom, "an injected script changed the title"
    assert "<img" not in dom, "an injected image became an element"
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    counts = {v: sum(1 for f in doc["facts"] if f["verdict"] == v) for v in ("contradict", "differ", "agree")}
    assert counts["contradict"] >= 1
    summary = f"{len(doc['articles'])} articles, {len(doc['facts'])} facts: {counts['contradict']} contradict,"
    assert summary in dom
    # scripts ran: the filters are shown and counted the facts
    assert '<form id="filters">' in dom and f"Showing {len(doc['facts'])} of {len(doc['facts'])} facts." in dom
    facts_in_order = re.findall(r'<article class="fact v-([\w-]+)" id="fact-(\w+)"', dom)
    assert facts_in_order[0] == ("contradict", doc["facts"][0]["id"])
    first = dom[dom.index(f'id="fact-{doc["facts"][0]["id"]}"') :].split("</article>")[0]
    assert "→ 2023-10-17" in first and "→ 2023-10-18" in first
    assert re.search(r'<mark class="v-contradict" title="2023-10-18[^"]*">[^<]*Wednesday</mark>', first)

    # the filters hide what is unticked: untick "contradict" and the hostile outlet before the script runs
    outlets = sorted({a.outlet or a.id for a in report.articles}, key=lambda o: (o.casefold(), o))
    hostile_key = f"o{outlets.index(report.articles[-1].outlet)}"
    filtered = (
        page.read_text(encoding="utf-8")
        .replace('value="contradict" checked>', 'value="contradict">')
        .replace(f'value="{hostile_key}" checked>', f'value="{hostile_key}">')
    )
    page.write_text(filtered, encoding="utf-8")
    dom = _run_chromium("--dump-dom", page.as_uri()).stdout
    hidden_facts = re.findall(r'<article class="fact v-[\w-]+" id="fact-(\w+)"[^>]* hidden', dom)
    assert set(hidden_facts) == {f["id"] for f in doc["facts"] if f["verdict"] == "contradict"} | {"Fzzhostile"}
    n_shown = len(doc["facts"]) - len(hidden_facts)
    assert f"Showing {n_shown} of {len(doc['facts'])} facts." in dom
    assert re.search(rf'<th class="outlet" data-outlet="{hostile_key}"[^>]* hidden', dom)
    assert re.search(r'<td class="cell v-single-source" title="Hostile [^"]*" hidden', dom)  # its matrix column too
