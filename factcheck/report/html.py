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

from factcheck.config import ReportConfig
from factcheck.errors import ReportError
from factcheck.records import Claim, Decision, Report
from factcheck.report.facts import report_json
from factcheck.report.timeline import legend_entries, render_timeline, slot_timelines
from factcheck.report.views import (
    DISPUTED,
    Side,
    claims_by_id,
    count_verdicts,
    disputed_sides,
    fact_title,
    ordered_facts,
    ordered_findings,
    ordered_mentions,
    outlet_names,
    outlet_verdicts,
    single_source_by_outlet,
    sorted_outlets,
)
from factcheck.verdicts import ORDER
from factcheck.verdicts import RANK as VERDICT_RANK

TEMPLATE_NAME = "report.html.j2"
VERDICT_TITLES = {v.value: v.title for v in ORDER}
VERDICT_SYMBOLS = {v.value: v.symbol for v in ORDER}
DROPPED_TEXT_LIMIT = 200
LINK_SCHEMES = ("http", "https")
SIDE_OUTLETS_SHOWN = 3  # a disputed value lists this many outlets by name, then "and N more"
NARROW_COLUMNS_FROM = 8  # with more outlets than this, the matrix's outlet headings stand upright
FINDINGS_SHOWN = 6  # a fact lists this many findings (the most serious first); the rest fold away
COLUMNS_SHOWN = 6  # a fact shows this many outlets' sentences side by side (contradicting first); the rest fold away
LEGEND_SHOWN = 8  # a timeline's legend of more outlets than this is folded away
STATED_SYMBOL = "•"  # the outlet states the fact but none of its findings compares the outlet


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
    return render_page(TEMPLATE_NAME, **_page_context(report, decisions or {}))


def render_page(template_name: str, **context: Any) -> str:
    """Render one packaged template (the report or the stories index) with autoescape on.

    Raises:
        ReportError: the template cannot be found or rendered.
    """
    try:
        return _environment().get_template(template_name).render(**context)
    except jinja2.TemplateNotFound:
        raise ReportError(
            f"factcheck/report/templates/{template_name}: HTML template missing; reinstall factcheck-news"
        ) from None
    except jinja2.TemplateError as e:
        raise ReportError(f"factcheck/report/templates/{template_name}: cannot render the HTML page: {e}") from None


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


def _report_settings(report: Report) -> ReportConfig:
    """The [report] settings the run was made with (defaults for a report built by hand)."""
    return ReportConfig.model_validate(report.config.get("report", {}))


def _outlet_views(doc: Mapping[str, Any], names: Mapping[str, str]) -> list[dict[str, Any]]:
    """One entry per outlet (an outlet with several articles is one), sorted by name."""
    articles_of: dict[str, list[dict[str, Any]]] = {}
    for i, article in enumerate(doc["articles"]):
        view = {**article, "key": f"a{i}", "href": _safe_url(article["url"]), "outlet_name": names[article["id"]]}
        articles_of.setdefault(names[article["id"]], []).append(view)
    return [
        {"key": f"o{i}", "name": outlet, "articles": articles_of[outlet]}
        for i, outlet in enumerate(sorted_outlets(names))
    ]


def _claim_views(fact: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """The fact's claims by id, each with its value in words and the worst verdict it takes part in."""
    verdicts: dict[str, str] = {}
    for finding in fact["findings"]:
        for claim_id in finding["claims"]:
            old = verdicts.get(claim_id)
            if old is None or VERDICT_RANK[finding["verdict"]] < VERDICT_RANK[old]:
                verdicts[claim_id] = finding["verdict"]
    return {
        c["id"]: {**c, "outlet": names.get(c["article"], c["article"]), "verdict": verdicts.get(c["id"])}
        for c in fact["claims"]
    }


def _sides_view(sides: Sequence[Side]) -> list[dict[str, Any]]:
    """Each side's value and outlets, long outlet lists cut to SIDE_OUTLETS_SHOWN names and a count."""
    return [
        {
            "words": side.words,
            "outlets": ", ".join(side.outlets[:SIDE_OUTLETS_SHOWN]),
            "more": max(0, len(side.outlets) - SIDE_OUTLETS_SHOWN),
            "all": ", ".join(side.outlets),
        }
        for side in sides
    ]


def _fact_view(
    report: Report,
    fact: Mapping[str, Any],
    outlets: Sequence[Mapping[str, Any]],
    names: Mapping[str, str],
    claim_records: Mapping[str, Claim],
    decisions: Mapping[str, Decision],
) -> dict[str, Any]:
    """Everything the template shows about one fact."""
    claims = _claim_views(fact, names)
    published = {a["id"]: a["published"] for o in outlets for a in o["articles"]}
    key_of = {o["name"]: o["key"] for o in outlets}
    columns: dict[str, dict[str, Any]] = {}
    for m in ordered_mentions(fact):
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
        outlet = names.get(m["article"], m["article"])
        column = columns.setdefault(outlet, {"outlet": outlet, "key": key_of.get(outlet, ""), "sentences": []})
        column["sentences"].append(
            {
                "html": highlight_sentence(m["text"], spans),
                "claims": own,
                "published": published.get(m["article"]),
                "article": m["article"],
            }
        )
    findings = [
        {
            **f,
            "confidence_text": _format_confidence(f["confidence"]),
            "claim_views": [claims[c] for c in f["claims"] if c in claims],
            "decision": decisions.get(f["id"]),
        }
        for f in ordered_findings(fact)
    ]
    stated = {names.get(a, a) for a in fact["articles"]}
    by_outlet = outlet_verdicts(fact, names)
    timelines = [
        {"svg": render_timeline(t), "legend": legend_entries(t), "slot": t.slot}
        for t in slot_timelines(report, fact["id"], names)
    ]
    cells = []
    for o in outlets:
        if o["name"] not in stated:
            cells.append({"outlet": o, "stated": False})
            continue
        verdict = by_outlet.get(o["name"])
        values = [
            c["text"] if c["text"].lower() == c["words"].lower() else c["text"] + " → " + c["words"]
            for c in claims.values()
            if c["outlet"] == o["name"] and c["verdict"]
        ]
        cells.append(
            {
                "outlet": o,
                "stated": True,
                "verdict": verdict,
                "symbol": VERDICT_SYMBOLS[verdict] if verdict else STATED_SYMBOL,
                "value_text": "; ".join(dict.fromkeys(values)),
            }
        )
    return {
        **fact,
        "anchor": f"fact-{fact['id']}",
        "title": fact_title(fact, claim_records),
        "symbol": VERDICT_SYMBOLS[fact["verdict"]],
        "outlet_keys": " ".join(o["key"] for o in outlets if o["name"] in stated),
        "n_outlets": len(stated),
        "sides": _sides_view(disputed_sides(fact, names)),
        "columns": list(columns.values()),
        "finding_views": findings,
        "timelines": timelines,
        "cells": cells,
    }


def _page_context(report: Report, decisions: Mapping[str, Decision]) -> dict[str, Any]:
    """The template's variables."""
    settings = _report_settings(report)
    doc = report_json(report)
    names = outlet_names(report)
    outlets = _outlet_views(doc, names)
    claim_records = claims_by_id(report)
    facts = [_fact_view(report, f, outlets, names, claim_records, decisions) for f in ordered_facts(doc["facts"])]
    finding_ids = {f["id"] for fact in doc["facts"] for f in fact["findings"]}
    counts = count_verdicts(doc["facts"])
    single = dict(single_source_by_outlet(doc, names))
    disputed = [f for f in facts if f["verdict"] in DISPUTED]
    return {
        "batch": report.batch,
        "n_articles": len(doc["articles"]),
        "outlets": outlets,
        "articles": [a for o in sorted(outlets, key=lambda o: o["articles"][0]["key"]) for a in o["articles"]],
        "facts": facts,
        "disputed_shown": disputed[: settings.summary_lines],
        "disputed_more": disputed[settings.summary_lines :],
        "groups": [(v, title, [f for f in facts if f["verdict"] == v]) for v, title in VERDICT_TITLES.items()],
        "all_keys": " ".join(o["key"] for o in outlets),
        "single_counts": {o["key"]: single.get(o["name"], 0) for o in outlets},
        "counts": counts,
        "titles": VERDICT_TITLES,
        "symbols": VERDICT_SYMBOLS,
        "syndicated": [[names.get(a, a) + " (" + a + ")" for a in group] for group in doc["syndicated"]],
        "n_findings": len(finding_ids),
        "n_decided": sum(1 for fid in finding_ids if fid in decisions),
        "stale": sorted((d for fid, d in decisions.items() if fid not in finding_ids), key=lambda d: d.finding_id),
        "dropped": [
            {
                **d,
                "outlet": names.get(d["article"], d["article"]),
                "short": d["text"] if len(d["text"]) <= DROPPED_TEXT_LIMIT else d["text"][:DROPPED_TEXT_LIMIT] + "…",
            }
            for d in doc["dropped"]
        ],
        "skipped": doc["skipped"],
        "narrow": len(outlets) > NARROW_COLUMNS_FROM,
        "findings_shown": FINDINGS_SHOWN,
        "columns_shown": COLUMNS_SHOWN,
        "legend_shown": LEGEND_SHOWN,
    }
