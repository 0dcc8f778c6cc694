"""Typed records passed between pipeline stages; they link by id, never nest."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from the batch; offsets everywhere point into `text`."""

    id: str
    outlet: str
    title: str
    url: str | None
    published: date | None
    published_source: str
    published_evidence: str
    path: str
    text: str


@dataclass(frozen=True, slots=True)
class DroppedSpan:
    """A span the cleaner removed as boilerplate, with the rule that removed it."""

    article_id: str
    start: int
    end: int
    rule: str
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: `text == article.text[start:end]`."""

    id: str
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class QuantityValue:
    """A number as an interval; `None` marks an open end."""

    point: float | None
    low: float | None
    high: float | None
    low_inclusive: bool
    high_inclusive: bool
    approximate: bool

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form of the value."""
        return {
            "point": self.point,
            "low": self.low,
            "high": self.high,
            "low_inclusive": self.low_inclusive,
            "high_inclusive": self.high_inclusive,
            "approximate": self.approximate,
        }


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar interval; `start`/`end` are None when it cannot be resolved."""

    start: date | None
    end: date | None
    granularity: str
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form of the value."""
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "granularity": self.granularity,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric, date or ordinal statement found in a sentence.

    `start`/`end` are offsets into the article's text (or into the text given to
    the extractor when `article_id` is empty).
    """

    id: str
    article_id: str
    sentence_id: str
    kind: str
    text: str
    start: int
    end: int
    value: QuantityValue | DateValue
    unit: str
    qualifier: str
    event: str
    scope: str
    negated: bool
    attribution: str
    window: DateValue | None = None  # a count's window, from its clause ("12 died in the past 24 hours") (#15)

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form of the claim (reports, caches and `factcheck extract` alike)."""
        out: dict[str, Any] = {
            "id": self.id,
            "article": self.article_id,
            "sentence": self.sentence_id,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value.to_json(),
            "event": self.event,
            "negated": self.negated,
            "attribution": self.attribution,
        }
        if self.kind != "date":
            out.update(unit=self.unit, qualifier=self.qualifier)
        if self.kind == "ordinal":
            out["scope"] = self.scope
        if self.window is not None:
            out["window"] = self.window.to_json()
        return out


@dataclass(frozen=True, slots=True)
class Fact:
    """A cluster of sentences, from one or more articles, that state the same thing."""

    id: str
    sentence_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    title: str = ""  # the slot or statement in words, for a reader; not part of the id


@dataclass(frozen=True, slots=True)
class Finding:
    """A verdict between the claims of two or more articles within one fact."""

    id: str
    fact_id: str
    verdict: str
    how: str
    articles: tuple[str, ...]
    claim_ids: tuple[str, ...]
    explanation: str
    confidence: float
    sentence_ids: tuple[str, ...] = ()  # the evidence: sentences compared (claims' or statements')


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something the run left out, and why."""

    id: str
    reason: str


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run produced."""

    batch: str
    articles: tuple[Article, ...]
    dropped: tuple[DroppedSpan, ...]
    sentences: tuple[Sentence, ...]
    facts: tuple[Fact, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...]
    config: dict[str, Any] = field(default_factory=dict)
    syndicated: tuple[tuple[str, ...], ...] = ()  # groups of articles that are copies of one story


DECISIONS = ("confirmed", "false alarm", "needs follow-up")


@dataclass(frozen=True, slots=True)
class Decision:
    """A reviewer's decision on one finding, keyed by the stable finding and fact ids."""

    finding_id: str
    fact_id: str
    decision: str  # one of DECISIONS
    note: str = ""
    reviewer: str = ""
    imported_at: str = ""  # ISO timestamp of the `review import` that recorded it
