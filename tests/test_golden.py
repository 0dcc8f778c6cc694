"""Golden facts.json and report.md of a small fixed batch, beside the golden HTML (#13).

Run with FACTCHECK_UPDATE_GOLDEN=1 to rewrite them, and read the diff before committing it.
"""

from __future__ import annotations

import json

import pytest

from factcheck.report.facts import report_json
from factcheck.report.markdown import render_markdown

from .test_html_report import GOLDEN, UPDATE_GOLDEN, mini_report

RENDERERS = {
    "facts.json": lambda report, decisions: (
        json.dumps(report_json(report, decisions), sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    ),
    "report.md": render_markdown,
}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_report_files_match_their_golden_copies(name):
    report, decisions = mini_report()
    text = RENDERERS[name](report, decisions)
    assert RENDERERS[name](*mini_report()) == text  # deterministic
    golden = GOLDEN.parent / name
    if UPDATE_GOLDEN:
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text, "run with FACTCHECK_UPDATE_GOLDEN=1 and read the diff"


def test_control_characters_never_reach_report_md():  # #12: ESC, BEL, NUL from JSON id/outlet/title fields
    from dataclasses import replace

    report, decisions = mini_report()
    hostile = "\x1b]0;pwned\x07\x1b[31mEvil\x00"
    articles = tuple(replace(a, outlet=hostile, title=hostile) for a in report.articles)
    text = render_markdown(replace(report, articles=articles, batch=hostile), decisions)
    assert not any(ch in text for ch in "\x1b\x07\x00")
    assert "Evil" in text
