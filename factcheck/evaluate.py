"""Score a run against hand-labelled findings (gold files).

Gold format: a JSON list of ``{"verdict", "mentions": [{"article", "quote"}], "note"?}``
where each ``quote`` is a substring of that article's text. A predicted finding
matches a gold item when the verdicts are equal and the finding's evidence
sentences contain the quotes of at least two of the item's articles.

Scoring is **strict** by default: a finding covers only the sentences it names (its
evidence). The lenient score (`strict=False`) lets a finding cover every sentence of its
fact, and counts a multi-outlet fact without findings as an agreement of all its sentences;
it is kept to compare with earlier figures (#14).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.records import Report
from factcheck.verdicts import FINDING_VERDICTS, fact_verdicts

VERDICTS = tuple(v.value for v in reversed(FINDING_VERDICTS))  # agree, differ, contradict


@dataclass(frozen=True, slots=True)
class Prediction:
    """A finding (or a claim-less multi-outlet fact) as evidence spans per article."""

    verdict: str
    spans: tuple[tuple[str, int, int], ...]
    explanation: str


@dataclass(frozen=True, slots=True)
class EvalResult:
    """Precision and recall per verdict, with the misses and false alarms."""

    scores: dict[str, dict[str, float]]
    misses: list[dict[str, Any]]
    false_alarms: list[dict[str, Any]]


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Read and check a gold file.

    Raises:
        InputError: the file is not a list of {verdict, mentions} items.
    """
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise InputError(f"{path}: cannot read gold file: {e}") from None
    if not isinstance(gold, list):
        raise InputError(f"{path}: expected a JSON list of findings")
    for i, item in enumerate(gold):
        if not isinstance(item, dict) or item.get("verdict") not in VERDICTS or not item.get("mentions"):
            raise InputError(f"{path} item {i}: needs 'verdict' ({', '.join(VERDICTS)}) and 'mentions'")
    return gold


def predictions(report: Report, *, strict: bool = True) -> list[Prediction]:
    """The run's findings as evidence spans.

    Args:
        report: The run.
        strict: A finding covers only the sentences it names. When False, it covers every
            sentence of its fact, and multi-outlet facts without findings count as a whole.
    """
    sentences = {s.id: s for s in report.sentences}
    claims = {c.id: c for c in report.claims}
    fact_sentences = {f.id: f.sentence_ids for f in report.facts}
    out = []
    for finding in report.findings:
        evidence = finding.sentence_ids or tuple(claims[c].sentence_id for c in finding.claim_ids)
        if not strict:
            evidence = tuple(dict.fromkeys((*evidence, *fact_sentences.get(finding.fact_id, ()))))
        spans = tuple((sentences[s].article_id, sentences[s].start, sentences[s].end) for s in evidence)
        out.append(Prediction(finding.verdict, spans, finding.explanation))
    if strict:
        return out
    with_findings = {f.fact_id for f in report.findings}
    verdicts = fact_verdicts(report)
    for fact in report.facts:
        verdict = verdicts[fact.id]
        if fact.id in with_findings or verdict not in VERDICTS:
            continue
        spans = tuple((sentences[s].article_id, sentences[s].start, sentences[s].end) for s in fact.sentence_ids)
        out.append(Prediction(verdict, spans, sentences[fact.sentence_ids[0]].text))
    return out


def _covered(item: dict[str, Any], pred: Prediction, texts: dict[str, str]) -> bool:
    """Whether a prediction's spans hold the quotes of two or more of the item's articles.

    An item with `sides` (lists of article ids that give one value) is covered only across
    sides: a contradiction between two outlets of the same side is not the gold's contradiction.
    """
    articles = set()
    for mention in item["mentions"]:
        text = texts.get(mention["article"], "")
        start = text.find(mention["quote"])
        if start < 0:
            continue
        end = start + len(mention["quote"])
        if any(a == mention["article"] and s <= start and end <= e for a, s, e in pred.spans):
            articles.add(mention["article"])
    sides = item.get("sides")
    if sides:
        side_of = {article: k for k, side in enumerate(sides) for article in side}
        return len({side_of.get(a, -1 - i) for i, a in enumerate(sorted(articles))}) >= 2
    return len(articles) >= 2


def evaluate(report: Report, gold: list[dict[str, Any]], *, strict: bool = True) -> EvalResult:
    """Precision and recall per verdict of `report` against `gold`.

    Args:
        report: The run.
        gold: Items as read by `load_gold`.
        strict: Credit a finding only with the sentences it names (see `predictions`).
    """
    texts = {a.id: a.text for a in report.articles}
    for i, item in enumerate(gold):
        for mention in item["mentions"]:
            if mention["quote"] not in texts.get(mention["article"], ""):
                raise InputError(f"gold item {i}: quote not found in article {mention['article']!r}")
    preds = predictions(report, strict=strict)
    scores: dict[str, dict[str, float]] = {}
    misses, false_alarms = [], []
    for verdict in VERDICTS:
        gold_v = [g for g in gold if g["verdict"] == verdict]
        pred_v = [p for p in preds if p.verdict == verdict]
        found = [g for g in gold_v if any(_covered(g, p, texts) for p in pred_v)]
        right = [p for p in pred_v if any(_covered(g, p, texts) for g in gold_v)]
        scores[verdict] = {
            "gold": len(gold_v),
            "predicted": len(pred_v),
            "recall": round(len(found) / len(gold_v), 3) if gold_v else 1.0,
            "precision": round(len(right) / len(pred_v), 3) if pred_v else 1.0,
        }
        misses += [
            {"verdict": verdict, "note": g.get("note", ""), "mentions": g["mentions"]} for g in gold_v if g not in found
        ]
        false_alarms += [{"verdict": verdict, "explanation": p.explanation} for p in pred_v if p not in right]
    return EvalResult(scores, misses, false_alarms)
