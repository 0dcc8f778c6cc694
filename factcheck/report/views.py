"""What every editor-facing report shows of a fact, in one place: its title, its sides, its order.

The Markdown report, the HTML report and the stories index read a fact through these functions,
so they name it the same way and put the same lines first. They work on the facts.json document
(`report_json`) plus the Report's claim records, which `describe_slot` needs.

A fact's title is the comparison's own title when it gives one (a `title` on the fact), else the
slot of its most serious finding put into words by `describe_slot`, else its first sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.describe import describe_slot
from factcheck.records import Article, Claim, Report
from factcheck.verdicts import ORDER, RANK, Verdict

TITLE_SENTENCE_LIMIT = 90  # a first sentence used as a title is cut here, at a word boundary
SLOT_SENTENCE_LIMIT = 60  # the sentence that says which slot a bare kind ("date") is
DISPUTED = (Verdict.CONTRADICT.value, Verdict.DIFFER.value)


@dataclass(frozen=True, slots=True)
class Side:
    """One value of a disputed fact and the outlets that state it."""

    words: str
    outlets: tuple[str, ...]


def outlet_name(article: Mapping[str, Any] | Article) -> str:
    """The name an outlet is shown by: its outlet, or the article id when the outlet is unknown."""
    if isinstance(article, Article):
        return article.outlet or article.id
    return str(article["outlet"] or article["id"])


def outlet_names(report: Report) -> dict[str, str]:
    """Article id -> outlet name."""
    return {a.id: outlet_name(a) for a in report.articles}


def sorted_outlets(names: Mapping[str, str]) -> list[str]:
    """The outlets of a report, case-insensitively sorted, each once."""
    return sorted(set(names.values()), key=lambda o: (o.casefold(), o))


def ordered_facts(facts: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Facts the most serious first, then those the most outlets state, then by id."""
    return sorted(facts, key=lambda f: (RANK.get(f["verdict"], 9), -len(set(f["articles"])), str(f["id"])))


def ordered_findings(fact: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A fact's findings, the most serious and most confident first."""
    return sorted(fact["findings"], key=lambda f: (RANK.get(f["verdict"], 9), -f["confidence"], f["id"]))


def _shorten(text: str, limit: int = TITLE_SENTENCE_LIMIT) -> str:
    """A sentence cut at a word boundary to `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def fact_title(fact: Mapping[str, Any], claims: Mapping[str, Claim]) -> str:
    """The fact's heading in words.

    Args:
        fact: a fact of the facts.json document.
        claims: the report's claims by id.

    Returns:
        The comparison's title of the fact if it has one, else the slot of its most serious
        finding (e.g. 'quantity · people · killed'), else its first sentence, shortened.
    """
    if fact.get("title"):
        return str(fact["title"])
    for finding in ordered_findings(fact):
        slot = describe_slot([claims[c] for c in finding["claims"] if c in claims])
        if " · " in slot:
            return slot
        if slot:  # a bare kind ("date") names no slot: say which, by the fact's sentence
            return f"{slot}: “{_shorten(fact['summary'], SLOT_SENTENCE_LIMIT)}”"
    return _shorten(fact["summary"])


def disputed_sides(fact: Mapping[str, Any], names: Mapping[str, str]) -> list[Side]:
    """The values the fact's most serious findings set against each other, with their outlets.

    Only the findings of the fact's own verdict count (a contradiction's sides, not the agreeing
    pairs around it); a value is listed once, in the order the findings compare them.
    """
    words_of = {c["id"]: c["words"] for c in fact["claims"]}
    article_of = {c["id"]: c["article"] for c in fact["claims"]}
    sides: dict[str, list[str]] = {}
    for finding in ordered_findings(fact):
        if finding["verdict"] != fact["verdict"]:
            continue
        for cid in finding["claims"]:
            if cid not in words_of:
                continue
            outlets = sides.setdefault(words_of[cid], [])
            outlet = names.get(article_of[cid], article_of[cid])
            if outlet not in outlets:
                outlets.append(outlet)
    return [Side(words, tuple(outlets)) for words, outlets in sides.items()]


def disputing_articles(fact: Mapping[str, Any]) -> list[str]:
    """Article ids of the fact, those in its most serious findings first (its contradicting lines first)."""
    order: dict[str, int] = {}
    for finding in ordered_findings(fact):
        for article in finding["articles"]:
            order.setdefault(article, RANK.get(finding["verdict"], 9))
    stated = list(dict.fromkeys(fact["articles"]))
    return sorted(stated, key=lambda a: (order.get(a, 9), stated.index(a)))


def ordered_mentions(fact: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The fact's sentences, the contradicting outlets' first, then in the fact's order."""
    rank = {a: i for i, a in enumerate(disputing_articles(fact))}
    mentions = list(fact["mentions"])
    return sorted(mentions, key=lambda m: (rank.get(m["article"], len(rank)), mentions.index(m)))


def outlet_verdicts(fact: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, str]:
    """Outlet -> the most serious verdict of a finding it takes part in within the fact.

    An outlet that states the fact but takes part in no finding gets the fact's verdict when the
    fact has no finding at all (similar wording), and is left out otherwise.
    """
    out: dict[str, str] = {}
    for finding in ordered_findings(fact):
        for article in finding["articles"]:
            out.setdefault(names.get(article, article), finding["verdict"])
    if not fact["findings"]:
        for article in fact["articles"]:
            out.setdefault(names.get(article, article), fact["verdict"])
    return out


def main_event(doc: Mapping[str, Any], claims: Mapping[str, Claim]) -> str:
    """What a story is about: the title of its most-stated fact, else its first article's title.

    The most-stated fact is the one the most outlets state (ties: the most serious, then the
    first); a fact stated by one outlet only does not name a story.
    """
    shared = [f for f in doc["facts"] if len(set(f["articles"])) > 1]
    if shared:
        best = min(shared, key=lambda f: (-len(set(f["articles"])), RANK.get(f["verdict"], 9), doc["facts"].index(f)))
        title = str(best["title"]) if best.get("title") else _shorten(best["summary"])
        return title
    for article in doc["articles"]:
        if article["title"]:
            return str(article["title"])
    return str(doc["batch"])


def single_source_by_outlet(doc: Mapping[str, Any], names: Mapping[str, str]) -> list[tuple[str, int]]:
    """How many facts only one outlet states, per outlet, the most first."""
    counts: dict[str, int] = {}
    for fact in doc["facts"]:
        if fact["verdict"] == Verdict.SINGLE_SOURCE:
            for outlet in dict.fromkeys(names.get(a, a) for a in fact["articles"]):
                counts[outlet] = counts.get(outlet, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))


def claims_by_id(report: Report) -> dict[str, Claim]:
    """The report's claims by id."""
    return {c.id: c for c in report.claims}


def count_verdicts(facts: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """Facts per verdict, in the verdicts' order."""
    return {v.value: sum(1 for f in facts if f["verdict"] == v) for v in ORDER}
