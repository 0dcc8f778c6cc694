"""The facts.json document: a Report and its reviewers' decisions as one JSON object."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from factcheck.decisions import stale_decisions as decisions_stale
from factcheck.describe import describe_value
from factcheck.records import Decision, Finding, Report
from factcheck.stages.syndication import independent_sources
from factcheck.verdicts import fact_verdict, rank

SCHEMA = "factcheck.report/1"


def decision_json(decision: Decision) -> dict[str, Any]:
    """The JSON form of a reviewer's decision."""
    return {
        "finding": decision.finding_id,
        "fact": decision.fact_id,
        "decision": decision.decision,
        "note": decision.note,
        "reviewer": decision.reviewer,
        "imported_at": decision.imported_at,
    }


def stale_decisions(report: Report, decisions: Mapping[str, Decision]) -> list[Decision]:
    """Decisions on findings this report no longer has, sorted by finding id (they are kept, not dropped)."""
    return decisions_stale(decisions, {f.id for f in report.findings})


def report_json(report: Report, decisions: Mapping[str, Decision] | None = None) -> dict[str, Any]:
    """The facts.json document; each finding carries its reviewer's decision (or null)."""
    decisions = decisions or {}
    sentences = {s.id: s for s in report.sentences}
    facts = []
    by_fact: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_fact[finding.fact_id].append(finding)
    claims_by_sentence: dict[str, list[str]] = defaultdict(list)
    for c in report.claims:
        claims_by_sentence[c.sentence_id].append(c.id)
    claims_by_id = {c.id: c for c in report.claims}
    order = {c.id: i for i, c in enumerate(report.claims)}
    for fact in report.facts:
        findings = by_fact.get(fact.id, [])
        claim_ids = {cid for f in findings for cid in f.claim_ids}
        members = set(fact.sentence_ids)
        facts.append(
            {
                "id": fact.id,
                "title": fact.title,
                "verdict": fact_verdict(fact, findings),
                "summary": sentences[fact.sentence_ids[0]].text,
                "articles": list(fact.article_ids),
                "independent_sources": independent_sources(fact.article_ids, report.syndicated),
                "mentions": [
                    {"article": s.article_id, "sentence": s.id, "text": s.text, "start": s.start, "end": s.end}
                    for s in (sentences[sid] for sid in fact.sentence_ids)
                ],
                "claims": [
                    {**claims_by_id[cid].to_json(), "words": describe_value(claims_by_id[cid])}
                    for cid in _fact_claim_ids(order, claim_ids, members, claims_by_sentence)
                ],
                "findings": [
                    {
                        "id": f.id,
                        "verdict": f.verdict,
                        "how": f.how,
                        "articles": list(f.articles),
                        "claims": list(f.claim_ids),
                        "sentences": list(f.sentence_ids),
                        "explanation": f.explanation,
                        "confidence": f.confidence,
                        "decision": decision_json(decisions[f.id]) if f.id in decisions else None,
                    }
                    for f in findings
                ],
            }
        )
    facts.sort(key=lambda f: (rank(str(f["verdict"])), str(f["id"])))
    return {
        "schema": SCHEMA,
        "batch": report.batch,
        "articles": [
            {
                "id": a.id,
                "outlet": a.outlet,
                "title": a.title,
                "url": a.url,
                "published": a.published.isoformat() if a.published else None,
                "published_source": a.published_source,
                "published_evidence": a.published_evidence,
                "path": a.path,
            }
            for a in report.articles
        ],
        "dropped": [
            {"article": d.article_id, "start": d.start, "end": d.end, "rule": d.rule, "text": d.text}
            for d in report.dropped
        ],
        "syndicated": [list(group) for group in report.syndicated],
        "facts": facts,
        "skipped": [{"id": s.id, "reason": s.reason} for s in report.skipped],
        "stale_decisions": [decision_json(d) for d in stale_decisions(report, decisions)],
        "config": report.config,
    }


def _fact_claim_ids(
    order: Mapping[str, int], claim_ids: set[str], members: set[str], claims_by_sentence: Mapping[str, list[str]]
) -> list[str]:
    """The claims a fact shows, in the report's claim order: those its findings compare and those of its sentences."""
    wanted = set(claim_ids)
    for sid in members:
        wanted.update(claims_by_sentence.get(sid, ()))
    return sorted(wanted, key=order.__getitem__)
