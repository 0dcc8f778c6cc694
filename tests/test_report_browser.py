"""The HTML report in real headless Chromium at 5, 60 and 500 articles (#16).

Each page is the real report plus, in the test harness only, one measuring script whose hash is
added to the page's CSP. The script writes what the browser laid out into a `<pre>` that
`--dump-dom` returns: where the disputed summary sits, whether the page overflows sideways,
whether the matrix scrolls in its own box with its first column kept in place, and where each
timeline mark was drawn. Screenshots of the first screen go to /tmp/reports-shots/.
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck.report.html import render_html

from .newsroom import DAYS, LONG_OUTLET, TOLLS, newsroom_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = Path(os.environ.get("FACTCHECK_SHOTS", "/tmp/reports-shots"))
WIDTH, FOLD = 1280, 900
TIMEOUT = 60
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)
MEASURE = """
(function () {
  function box(el) { var r = el.getBoundingClientRect(); return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right, width: r.width}; }
  var out = {width: innerWidth, scrollWidth: document.scrollingElement.scrollWidth};
  var disputed = document.getElementById("disputed");
  var lines = disputed.querySelectorAll("ol.disputed > li");
  out.disputed = box(disputed);
  out.firstLine = lines.length ? box(lines[0]) : null;
  out.firstLineText = lines.length ? lines[0].textContent : "";
  var matrix = document.querySelector(".matrix-box");
  out.matrix = box(matrix);
  out.matrixScrolls = matrix.scrollWidth > matrix.clientWidth;
  var corner = matrix.querySelector("tbody .fact-col");
  if (corner) {
    var before = corner.getBoundingClientRect().left;
    matrix.scrollLeft = 100000;
    out.stickyShift = corner.getBoundingClientRect().left - before;
    out.scrolledBy = matrix.scrollLeft;
    matrix.scrollLeft = 0;
  }
  out.marks = Array.prototype.map.call(document.querySelectorAll("svg.timeline g.mark"), function (g) {
    var r = g.getBoundingClientRect();
    return {fact: g.closest("svg").getAttribute("data-fact"), outlet: g.getAttribute("data-outlet"),
            published: g.getAttribute("data-published"), value: g.getAttribute("data-value"),
            x: r.left + r.width / 2, y: r.top + r.height / 2};
  });
  out.articlesOpen = document.getElementById("articles").open;
  var pre = document.createElement("pre");
  pre.id = "measured";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
"""


def _chromium() -> str:
    if CHROMIUM:
        return CHROMIUM
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed: the browser tests need Debian's `chromium` package in CI")
    pytest.skip("chromium is not installed")


def _harness(page: str) -> str:
    """The page with the measuring script added and allowed by hash (test harness only)."""
    digest = base64.b64encode(hashlib.sha256(MEASURE.encode()).digest()).decode()
    page, n = re.subn(r"script-src ('sha256-[^']+')", rf"script-src \1 'sha256-{digest}'", page, count=1)
    assert n == 1
    return page.replace("</body>", f"<script>{MEASURE}</script>\n</body>")


def _run(tmp: Path, *args: str, height: int = FOLD) -> str:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    cmd = [_chromium(), *FLAGS, f"--user-data-dir={profile}", f"--window-size={WIDTH},{height}", *args]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, check=True).stdout
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium did not finish within {TIMEOUT}s")


@pytest.fixture(scope="module", params=[5, 60, 500], ids=lambda n: f"{n}-articles")
def laid_out(request, tmp_path_factory):
    """(report, measurements) of the report at one size, with a screenshot of its first screen."""
    n = request.param
    tmp = tmp_path_factory.mktemp(f"browser{n}")
    report = newsroom_report(n)
    page = render_html(report)
    (tmp / "report.html").write_text(page, encoding="utf-8")
    (tmp / "harness.html").write_text(_harness(page), encoding="utf-8")
    SHOTS.mkdir(parents=True, exist_ok=True)
    _run(tmp, f"--screenshot={SHOTS / f'report-{n}.png'}", (tmp / "report.html").as_uri())
    dom = _run(tmp, "--dump-dom", (tmp / "harness.html").as_uri())
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    assert found, "the measuring script did not run"
    return report, json.loads(html.unescape(found.group(1)))


def test_disputed_summary_is_above_the_fold(laid_out):
    _, m = laid_out
    assert m["width"] == WIDTH
    assert m["firstLine"] is not None, "no disputed line"
    assert m["disputed"]["top"] < FOLD / 2 and m["firstLine"]["bottom"] < FOLD, m["disputed"]
    # a contradiction line names both values and their outlets
    assert "contradict" in m["firstLineText"] and " vs " in m["firstLineText"]
    assert not m["articlesOpen"], "the article table is folded away"


def test_page_never_overflows_sideways(laid_out):
    _, m = laid_out
    assert m["scrollWidth"] <= m["width"], f"page is {m['scrollWidth']}px wide in a {m['width']}px window"
    assert m["matrix"]["right"] <= m["width"]


def test_matrix_scrolls_in_its_box_with_the_fact_column_kept(laid_out):
    report, m = laid_out
    if len({a.outlet for a in report.articles}) < 20:
        assert not m["matrixScrolls"], "a matrix of a few outlets fits without scrolling"
        return
    assert m["matrixScrolls"] and m["scrolledBy"] > 0
    assert abs(m["stickyShift"]) < 1, "the fact column moved with the matrix"


def test_timeline_marks_are_drawn_where_the_values_are(laid_out):
    report, m = laid_out
    toll = [p for p in m["marks"] if p["fact"] == "Ftoll"]
    published = {a.id: a.published for a in report.articles}
    outlets = {a.outlet for a in report.articles}
    # one mark per outlet, article and value: every outlet that states the toll has a mark
    assert {p["outlet"] for p in toll} == outlets
    assert LONG_OUTLET in {p["outlet"] for p in toll} or len(outlets) < 4
    assert len({p["published"] for p in toll}) == len(set(published.values()))
    # later publication is further right; a larger toll is higher up, whatever the outlet
    days = sorted({p["published"] for p in toll})
    for earlier, later in itertools.pairwise(days):
        assert max(p["x"] for p in toll if p["published"] == earlier) < min(
            p["x"] for p in toll if p["published"] == later
        )
    for a in toll:
        for b in toll:
            va, vb = int(a["value"].split()[0]), int(b["value"].split()[0])
            if va > vb:
                assert a["y"] < b["y"], (a, b)
    # the stale outlet's last article still says the first figure on the last day: drawn low and late
    last_day = max(p["published"] for p in toll)
    last = {int(p["value"].split()[0]) for p in toll if p["published"] == last_day}
    assert last == ({TOLLS[0], TOLLS[-1]} if len(report.articles) > DAYS else {TOLLS[0]})
    funeral = [p for p in m["marks"] if p["fact"] == "Ffuneral"]
    assert {p["value"] for p in funeral} == {"2023-10-23", "2023-10-24"}
