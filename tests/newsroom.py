"""Synthetic Reports at newsroom scale, built by hand (no model): a rising toll, a moved date, many outlets.

`newsroom_report(n)` gives n articles from about 0.6·n outlets (so several outlets have more than
one article), published over five days, with:
- a death toll that rises day by day while one outlet keeps the first figure (contradictions);
- a funeral date that one outlet gives a day later (a contradiction of a date slot);
- more disputed facts as the batch grows (contradictions and differences), agreements between
  a few outlets each, and one single-source fact per article.
Findings compare every claim of a slot with the slot's first claim, as the comparison does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from factcheck.records import Article, Claim, DateValue, Fact, Finding, QuantityValue, Report, Sentence

START = date(2023, 10, 16)
DAYS = 5
CITIES = (
    "Baton Rouge", "Dayton", "Fresno", "Tulsa", "Omaha", "Boise", "Akron", "Reno", "Macon", "Tampa", "Provo",
    "Salem", "Eugene", "Duluth", "Toledo", "Mobile", "Laredo", "Peoria", "Albany", "Camden", "Flint", "Erie",
    "Lansing", "Topeka", "Helena",
)  # fmt: skip
PAPERS = ("Advocate", "Herald", "Courier", "Gazette", "Tribune", "Sentinel", "Observer", "Daily News")
LONG_OUTLET = "The Extraordinarily Long-Named Regional Courier and Evening Standard of the Tri-County Area"
TOLLS = (10, 12, 15, 18, 21)  # the toll known on each publication day


def _outlet(i: int) -> str:
    if i == 3:
        return LONG_OUTLET
    city, paper = CITIES[i % len(CITIES)], PAPERS[(i // len(CITIES)) % len(PAPERS)]
    return f"{city} {paper}"


@dataclass
class _Draft:
    """An article being written: its sentences and their claims, offsets fixed at the end."""

    article_id: str
    outlet: str
    published: date
    parts: list[tuple[str, str, list[tuple[str, QuantityValue | DateValue, dict[str, str]]]]] = field(
        default_factory=list
    )  # (fact id, sentence, [(surface, value, claim fields)])


def _qty(x: float, *, low: float | None = None, approximate: bool = False) -> QuantityValue:
    lo = x if low is None else low
    return QuantityValue(x, lo, x if low is None else None, True, True, approximate)


def _day(d: date) -> DateValue:
    return DateValue(d, d, "day")


def newsroom_report(n_articles: int) -> Report:
    """A report of `n_articles` articles with disputed, agreed and single-source facts."""
    n_outlets = max(3, round(n_articles * 0.6))
    drafts = [
        _Draft(
            article_id=f"{i:03d}_story",
            outlet=_outlet(i % n_outlets),
            published=START + timedelta(days=(i * DAYS) // n_articles),
        )
        for i in range(n_articles)
    ]
    stale_outlet = drafts[-1].outlet  # keeps the first day's toll on the last day
    for k, d in enumerate(drafts):
        day = (d.published - START).days
        toll = TOLLS[0] if d is drafts[-1] else TOLLS[day]
        d.parts.append(
            ("Ftoll", f"Police said {toll} people were killed in the fire.", [(f"{toll} people", _qty(toll), {"unit": "people", "event": "killed"})])
        )  # fmt: skip
        if k % 2 == 0 or d is drafts[-1]:
            moved = d.outlet == stale_outlet
            when = "Wednesday" if moved else "Tuesday"
            d.parts.append(
                ("Ffuneral", f"The funeral will be held on {when} at noon.", [(f"on {when}", _day(date(2023, 10, 24 if moved else 23)), {})])
            )  # fmt: skip
    n_disputed = max(1, n_articles // 20)
    for j in range(n_disputed):
        members = [drafts[(j * 7 + m * 3) % n_articles] for m in range(2 + j % 4)]
        members = list({d.article_id: d for d in members}.values())
        if len({d.outlet for d in members}) < 2:
            continue
        contradict = j % 2 == 0
        for m, d in enumerate(members):
            if contradict:
                value = 40 + j if m == 0 else 60 + j
                text = f"The bridge repairs will cost {value} million dollars, officials said of project {j}."
                d.parts.append(
                    (
                        f"Fcost{j:02d}",
                        text,
                        [(f"{value} million dollars", _qty(value * 1e6), {"unit": "USD", "event": "cost"})],
                    )
                )
            else:
                text = (
                    f"About {25 + j} people were injured at site {j}."
                    if m
                    else f"At least {20 + j} people were injured at site {j}."
                )
                surface = text.split(" were")[0]
                value = _qty(25 + j, approximate=True) if m else _qty(20 + j, low=20 + j)
                d.parts.append((f"Fhurt{j:02d}", text, [(surface, value, {"unit": "people", "event": "injured"})]))
    for j in range(max(1, n_articles // 3)):
        members = [drafts[(j * 5 + m * 11) % n_articles] for m in range(2 + j % 3)]
        members = list({d.article_id: d for d in members}.values())
        if len({d.outlet for d in members}) < 2:
            continue
        for d in members:
            d.parts.append((f"Fagree{j:03d}", f"The mayor visited shelter number {j + 1} on the east side.", []))
    for d in drafts:
        d.parts.append(
            (f"Fsolo{d.article_id}", f"A neighbour of {d.outlet} readers recalled the night of the fire.", [])
        )
    return _assemble(drafts)


def _assemble(drafts: list[_Draft]) -> Report:
    """Turn the drafts into records with exact offsets, and compare each slot's claims with its first."""
    articles, sentences, claims = [], [], []
    fact_sentences: dict[str, list[Sentence]] = {}
    fact_claims: dict[str, list[Claim]] = {}
    for d in drafts:
        text = " ".join(s for _, s, _ in d.parts)
        pos = 0
        for index, (fact_id, sent_text, found) in enumerate(d.parts):
            start = text.index(sent_text, pos)
            pos = start + len(sent_text)
            sent = Sentence(f"{d.article_id}:s{index}", d.article_id, index, start, pos, sent_text)
            sentences.append(sent)
            fact_sentences.setdefault(fact_id, []).append(sent)
            for n, (surface, value, extra) in enumerate(found):
                at = text.index(surface, start)
                claim = Claim(
                    id=f"c{d.article_id}_{index}_{n}",
                    article_id=d.article_id,
                    sentence_id=sent.id,
                    kind="date" if isinstance(value, DateValue) else "quantity",
                    text=surface,
                    start=at,
                    end=at + len(surface),
                    value=value,
                    unit=extra.get("unit", ""),
                    qualifier="",
                    event=extra.get("event", ""),
                    scope="",
                    negated=False,
                    attribution="",
                )
                claims.append(claim)
                fact_claims.setdefault(fact_id, []).append(claim)
        articles.append(
            Article(
                id=d.article_id,
                outlet=d.outlet,
                title=f"Fire on the east side: update {d.article_id}",
                url=f"https://{d.outlet.lower().replace(' ', '-')}.example/{d.article_id}",
                published=d.published,
                published_source="manifest",
                published_evidence="",
                path=f"feed/{d.article_id}.txt",
                text=text,
            )
        )
    facts = tuple(
        Fact(fid, tuple(s.id for s in sents), tuple(dict.fromkeys(s.article_id for s in sents)))
        for fid, sents in sorted(fact_sentences.items())
    )
    findings = []
    for fid, slot in sorted(fact_claims.items()):
        first = slot[0]
        for other in slot[1:]:
            if other.article_id == first.article_id:
                continue
            same = first.value == other.value
            verdict = "agree" if same else ("differ" if fid.startswith("Fhurt") else "contradict")
            findings.append(
                Finding(
                    id=f"X{fid}_{other.id}",
                    fact_id=fid,
                    verdict=verdict,
                    how="value" if verdict != "differ" else "hedged",
                    articles=(first.article_id, other.article_id),
                    claim_ids=(first.id, other.id),
                    explanation=f"“{first.text}” vs “{other.text}”",
                    confidence=0.9 if verdict == "contradict" else 0.7,
                    sentence_ids=(first.sentence_id, other.sentence_id),
                )
            )
    return Report(
        batch=f"newsroom-{len(drafts)}",
        articles=tuple(articles),
        dropped=(),
        sentences=tuple(sentences),
        facts=facts,
        claims=tuple(claims),
        findings=tuple(findings),
        skipped=(),
    )
