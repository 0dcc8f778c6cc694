"""The verdict vocabulary: one home for the verdicts, their order, titles, symbols and CI bars.

`Verdict` is a `StrEnum`, so a verdict compares equal to its JSON string (`Verdict.AGREE ==
"agree"`) and reports, spreadsheets and gold files keep their plain strings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum

from factcheck.records import Fact, Finding, Report


class Verdict(StrEnum):
    """What the outlets' claims of one fact say about each other, most serious first."""

    CONTRADICT = "contradict"
    DIFFER = "differ"
    AGREE = "agree"
    SINGLE_SOURCE = "single-source"

    @property
    def rank(self) -> int:
        """0 for the most serious verdict (contradict), 3 for single-source."""
        return ORDER.index(self)

    @property
    def title(self) -> str:  # type: ignore[override]  # str.title is shadowed on purpose
        """The heading of the verdict's section in a report."""
        return TITLES[self]

    @property
    def symbol(self) -> str:
        """The symbol of the verdict in matrices (readable without colour)."""
        return SYMBOLS[self]


ORDER: tuple[Verdict, ...] = (Verdict.CONTRADICT, Verdict.DIFFER, Verdict.AGREE, Verdict.SINGLE_SOURCE)
FINDING_VERDICTS: tuple[Verdict, ...] = ORDER[:3]  # a finding is one of these; single-source is a fact's only
TITLES: dict[Verdict, str] = {
    Verdict.CONTRADICT: "Contradictions",
    Verdict.DIFFER: "Differences",
    Verdict.AGREE: "Agreements",
    Verdict.SINGLE_SOURCE: "Stated by one outlet only",
}
SYMBOLS: dict[Verdict, str] = {
    Verdict.CONTRADICT: "✕",
    Verdict.DIFFER: "≠",
    Verdict.AGREE: "✓",
    Verdict.SINGLE_SOURCE: "○",
}
FILLS: dict[Verdict, str] = {Verdict.CONTRADICT: "FFC7CE", Verdict.DIFFER: "FFEB9C", Verdict.AGREE: "C6EFCE"}
RANK: dict[str, int] = {v.value: i for i, v in enumerate(ORDER)}


class FailOn(StrEnum):
    """The bars of `check --fail-on`: which verdicts fail a CI job."""

    CONTRADICT = "contradict"
    DIFFER = "differ"
    ANY = "any"  # every finding needs a look, agreements included

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        """The verdicts at or above this bar."""
        return FINDING_VERDICTS[: {FailOn.CONTRADICT: 1, FailOn.DIFFER: 2, FailOn.ANY: 3}[self]]


def rank(verdict: str) -> int:
    """Sort key of a verdict string, unknown ones last."""
    return RANK.get(verdict, len(ORDER))


def worst(verdicts: Iterable[str]) -> Verdict | None:
    """The most serious of some verdicts, or None when there are none."""
    found = sorted((Verdict(v) for v in verdicts), key=lambda v: v.rank)
    return found[0] if found else None


def fact_verdict(fact: Fact, findings: Sequence[Finding]) -> Verdict:
    """A fact's overall verdict: the most serious of its findings.

    A fact reported by one article is single-source unless the article contradicts itself
    (`how == "internal"`); a multi-outlet fact with no finding is an agreement.
    """
    if len(fact.article_ids) < 2 and not any(f.how == "internal" for f in findings):
        return Verdict.SINGLE_SOURCE
    return worst(f.verdict for f in findings) or Verdict.AGREE


def verdict_of(report: Report, fact: Fact) -> Verdict:
    """A fact's verdict in a report (for many facts, `fact_verdicts` reads the findings once)."""
    return fact_verdict(fact, [f for f in report.findings if f.fact_id == fact.id])


def fact_verdicts(report: Report) -> dict[str, Verdict]:
    """Every fact's verdict by fact id, the findings read once."""
    by_fact: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_fact.setdefault(finding.fact_id, []).append(finding)
    return {fact.id: fact_verdict(fact, by_fact.get(fact.id, [])) for fact in report.facts}
