"""The editor's HTML report: one self-contained page, escaped throughout.

Article text is untrusted. The template is rendered with autoescape on, and the only
markup built in Python (the highlighted claims in a sentence) escapes every piece of
text before joining it with tags, so a `<script>` in an article shows as text. A
Content-Security-Policy that allows only the page's own inline style and script is a
second line of defence and also keeps the page from loading anything over the network.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from factcheck.errors import ReportError
from factcheck.records import Decision, Report
from factcheck.report.facts import report_json
from factcheck.verdicts import ORDER
from factcheck.verdicts import RANK as VERDICT_RANK

TEMPLATE_NAME = "report.html.j2"
VERDICT_TITLES = {v.value: v.title for v in ORDER}
VERDICT_SYMBOLS = {v.value: v.symbol for v in ORDER}
DROPPED_TEXT_LIMIT = 200
LINK_SCHEMES = ("http", "https")


def render_html(report: Report, decisions: Mapping[str, Decision] | None = None) -> str:
    """Render the report as one self-contained HTML page.

    Args:
        report: the run's report.
        decisions: reviewers' decisions keyed by finding id; a decision whose finding
            is not in the report is listed as stale.

    Returns:
        The page, with inline CSS and JavaScript and no external resource.

    Raises:
        ReportError: the packaged template cannot be found or rendered.
    """
    context = _page_context(report, decisions or {})
    try:
        template = _environment().get_template(TEMPLATE_NAME)
        return template.render(**context)
    except jinja2.TemplateNotFound:
        raise ReportError(
            f"factcheck/report/templates/{TEMPLATE_NAME}: HTML template missing; reinstall factcheck-news"
        ) from None
    except jinja2.TemplateError as e:
        raise ReportError(f"factcheck/report/templates/{TEMPLATE_NAME}: cannot render the HTML report: {e}") from None


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """The Jinja2 environment: packaged templates, autoescape always on."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["csp_hash"] = _csp_hash
    return env


def _csp_hash(source: str) -> Markup:
    """The CSP source expression that allows exactly this inline script or style."""
    digest = hashlib.sha256(str(source).encode("utf-8")).digest()
    # base64 and quotes only: nothing to escape
    return Markup("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")


def _safe_url(url: str | None) -> str | None:
    """The URL if it is a plain web link; None for javascript:, data: and the like."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in LINK_SCHEMES else None


def _format_confidence(confidence: float) -> str:
    """A confidence with at most two decimals: 0.8, 0.85."""
    return f"{confidence:.2f}".rstrip("0").rstrip(".")


def highlight_sentence(text: str, spans: Sequence[tuple[int, int, str, str]]) -> Markup:
    """A sentence as HTML with some character spans wrapped in <mark>.

    Args:
        text: the sentence, untrusted.
        spans: (start, end, css class, title) with offsets into `text`; spans out of
            range or overlapping an earlier one are left unmarked.

    Returns:
        Markup in which every piece of `text` and every title is escaped.
    """
    pieces: list[Markup] = []
    pos = 0
    for start, end, css_class, title in sorted(spans):
        if start < pos or not 0 <= start < end <= len(text):
            continue
        pieces.append(escape(text[pos:start]))
        pieces.append(Markup('<mark class="{}" title="{}">{}</mark>').format(css_class, title, text[start:end]))
        pos = end
    pieces.append(escape(text[pos:]))
    return Markup("").join(pieces)


def _article_views(doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One entry per article: its key for data attributes, its label and its metadata."""
    outlets = [a["outlet"] or a["id"] for a in doc["articles"]]
    views = []
    for i, (article, outlet) in enumerate(zip(doc["articles"], outlets, strict=True)):
        label = outlet if outlets.count(outlet) == 1 or outlet == article["id"] else f"{outlet} ({article['id']})"
        views.append(
            {
                **article,
                "key": f"a{i}",
                "label": label,
                "href": _safe_url(article["url"]),
            }
        )
    return views


def _claim_views(fact: Mapping[str, Any], labels: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """The fact's claims by id, each with its value in words and the worst verdict it takes part in."""
    verdicts: dict[str, str] = {}
    for finding in fact["findings"]:
        for claim_id in finding["claims"]:
            old = verdicts.get(claim_id)
            if old is None or VERDICT_RANK[finding["verdict"]] < VERDICT_RANK[old]:
                verdicts[claim_id] = finding["verdict"]
    return {
        c["id"]: {
            **c,
            "outlet": labels.get(c["article"], c["article"]),
            "words": c["words"],
            "verdict": verdicts.get(c["id"]),
        }
        for c in fact["claims"]
    }


def _fact_view(
    fact: Mapping[str, Any],
    articles: Sequence[Mapping[str, Any]],
    decisions: Mapping[str, Decision],
) -> dict[str, Any]:
    """Everything the template shows about one fact."""
    labels = {a["id"]: a["label"] for a in articles}
    claims = _claim_views(fact, labels)
    columns = []
    for article in articles:
        mentions = [m for m in fact["mentions"] if m["article"] == article["id"]]
        if not mentions:
            continue
        sentences = []
        for m in mentions:
            own = sorted(
                (c for c in claims.values() if c["sentence"] == m["sentence"]), key=lambda c: (c["start"], c["id"])
            )
            spans = [
                (
                    c["start"] - m["start"],
                    c["end"] - m["start"],
                    f"v-{c['verdict']}" if c["verdict"] else "uncompared",
                    c["words"],
                )
                for c in own
            ]
            sentences.append({"html": highlight_sentence(m["text"], spans), "claims": own})
        columns.append({"article": article, "sentences": sentences})
    findings = [
        {
            **f,
            "confidence_text": _format_confidence(f["confidence"]),
            "claim_views": [claims[c] for c in f["claims"] if c in claims],
            "decision": decisions.get(f["id"]),
        }
        for f in fact["findings"]
    ]
    worst = min(fact["findings"], key=lambda f: (VERDICT_RANK[f["verdict"]], -f["confidence"]), default=None)
    headline = worst["explanation"] if worst and worst["verdict"] in ("contradict", "differ") else fact["summary"]
    stated = set(fact["articles"])
    keys = [a["key"] for a in articles if a["id"] in stated]
    return {
        **fact,
        "anchor": f"fact-{fact['id']}",
        "headline": headline,
        "symbol": VERDICT_SYMBOLS[fact["verdict"]],
        "article_keys": " ".join(keys),
        "columns": columns,
        "finding_views": findings,
        "cells": [
            {
                "article": a,
                "stated": a["id"] in stated,
                "value_text": "; ".join(
                    c["text"] if c["text"].lower() == c["words"].lower() else c["text"] + " → " + c["words"]
                    for c in claims.values()
                    if c["article"] == a["id"] and c["verdict"]
                ),
            }
            for a in articles
        ],
    }


def _page_context(report: Report, decisions: Mapping[str, Decision]) -> dict[str, Any]:
    """The template's variables."""
    doc = report_json(report)
    articles = _article_views(doc)
    labels = {a["id"]: a["label"] for a in articles}
    facts = [_fact_view(f, articles, decisions) for f in doc["facts"]]
    finding_ids = {f["id"] for fact in doc["facts"] for f in fact["findings"]}
    return {
        "batch": report.batch,
        "articles": articles,
        "facts": facts,
        "groups": [(v, title, [f for f in facts if f["verdict"] == v]) for v, title in VERDICT_TITLES.items()],
        "all_keys": " ".join(a["key"] for a in articles),
        "single_counts": {
            a["id"]: sum(1 for f in doc["facts"] if f["verdict"] == "single-source" and a["id"] in f["articles"])
            for a in articles
        },
        "counts": {v: sum(1 for f in facts if f["verdict"] == v) for v in VERDICT_TITLES},
        "symbols": VERDICT_SYMBOLS,
        "n_findings": len(finding_ids),
        "n_decided": sum(1 for fid in finding_ids if fid in decisions),
        "stale": sorted((d for fid, d in decisions.items() if fid not in finding_ids), key=lambda d: d.finding_id),
        "dropped": [
            {
                **d,
                "outlet": labels.get(d["article"], d["article"]),
                "short": d["text"] if len(d["text"]) <= DROPPED_TEXT_LIMIT else d["text"][:DROPPED_TEXT_LIMIT] + "…",
            }
            for d in doc["dropped"]
        ],
        "skipped": doc["skipped"],
    }
