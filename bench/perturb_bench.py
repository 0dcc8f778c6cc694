"""Recall on planted contradictions: change one outlet's figure or date, see whether factcheck notices.

Real batches hold few labelled contradictions, so this bench makes them. For every batch (a folder
of articles), it runs the check, takes the agreements on a count or a date between two outlets
(`agree`, same value; not open intervals such as "at least 1,400", which another bound never
contradicts), and for each (up to --per-batch) edits the second outlet's claim in its
article text: a count becomes another number ("two people" -> "7 people"), a day another day
("July 11" -> "July 13", "Tuesday" -> "Thursday"), a month or a year another one. It then checks
the edited batch again and counts the plant as found when a `contradict` (or, for a toll, a
`differ`/`update`) finding covers the edited claim against another outlet.

It measures what the verdict stage does with a real sentence whose value changed: alignment,
value comparison, attribution. It does not measure extraction misses (only claims the extractor
found and aligned are planted on) nor changed wording.

    nice -n 19 /work/venv/bin/python bench/perturb_bench.py --gva-incidents 40 seeds

`--gva-incidents N` adds N real multi-outlet batches: the GVA incidents (../shared/data/gva-dev)
with at least three distinct articles, in incident-id order. It also prints the contradictions
found on the untouched batches, to be read by hand (each is a real finding or a false alarm).
"""

from __future__ import annotations

import argparse
import calendar
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from factcheck import api  # noqa: E402
from factcheck.config import load_config  # noqa: E402
from factcheck.pipeline import run_pipeline  # noqa: E402
from factcheck.records import Article, Claim, Report  # noqa: E402
from factcheck.stages.claims import parse_number  # noqa: E402

WEEKDAYS = list(calendar.day_name)
MONTHS = [m for m in calendar.month_name if m]
NUMBER_RE = re.compile(
    r"\d[\d,]*(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens)\b", re.I
)


def planted_text(claim: Claim) -> str | None:
    """The claim's text with its value changed, or None when this bench cannot change it."""
    text = claim.text
    if claim.kind == "date":
        for names, step in ((WEEKDAYS, 2), (MONTHS, 1)):
            for k, name in enumerate(names):
                m = re.search(rf"\b{name}\b", text)
                if m and not (names is MONTHS and re.search(r"\b\d{1,2}\b", text)):
                    return text[: m.start()] + names[(k + step) % len(names)] + text[m.end() :]
        day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", text)
        if day:
            d = int(day.group(1))
            new = d + 2 if d <= 26 else d - 2
            return text[: day.start(1)] + str(new) + text[day.end(1) :]
        year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
        if year:
            return text[: year.start()] + str(int(year.group(1)) - 1) + text[year.end() :]
        return None
    if re.match(r"(?i)an?\s", text):
        return None  # "a 3-year-old boy" counts one by its article; its digits are an age
    m = NUMBER_RE.search(text)
    if not m:
        return None
    parsed = parse_number(m.group(0))
    if parsed is None:
        return None
    old = parsed[0]
    new = old // 2 - 1 if old >= 6 else old + 5
    return text[: m.start()] + f"{int(new):,}" + text[m.end() :]


def gva_batches(data: Path, count: int) -> list[tuple[str, list[Article]]]:
    """The first `count` GVA incidents (by id) with at least three distinct articles."""
    from stories_bench import load_gva

    articles, incident = load_gva(data)
    by_incident: dict[str, list[Article]] = {}
    texts: set[str] = set()
    for a in articles:
        if a.text not in texts and len(a.text) > 300:
            texts.add(a.text)
            by_incident.setdefault(incident[a.id], []).append(a)
    chosen = sorted((k for k, v in by_incident.items() if len(v) >= 3), key=lambda k: (len(k), k))[:count]
    return [(f"gva-{k}", by_incident[k]) for k in chosen]


def _found(report: Report, article_id: str, start: int, end: int) -> str:
    """The verdict on the edited claim: 'contradict', 'update', or '' when nothing flags it."""
    edited = {c.id for c in report.claims if c.article_id == article_id and c.start < end and c.end > start}
    best = ""
    for f in report.findings:
        if not edited & set(f.claim_ids) or len(set(f.articles)) < 2:
            continue
        if f.verdict == "contradict":
            return "contradict"
        if f.how == "update":
            best = "update"
    return best


def main() -> None:
    """Plant, check, count."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("batches", nargs="*", type=Path)
    parser.add_argument("--gva-incidents", type=int, default=0, help="add this many GVA incident batches")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--per-batch", type=int, default=3)
    parser.add_argument("--set", dest="overrides", action="append", default=[])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    cfg = load_config(overrides=args.overrides)
    embedder = api.load_embedder(cfg)
    tally: Counter[tuple[str, str]] = Counter()
    misses, untouched = [], []
    batches = [(b.name, api.load_articles([b], cfg)[0]) for b in args.batches]
    batches += gva_batches(args.data, args.gva_incidents) if args.gva_incidents else []
    for name, articles in batches:
        report = run_pipeline(articles, cfg, embedder, batch=name)
        untouched += [f"{name}: {f.explanation}" for f in report.findings if f.verdict == "contradict"]
        claims = {c.id: c for c in report.claims}
        planted = 0
        seen: set[tuple[str, int]] = set()
        for finding in report.findings:
            if planted >= args.per_batch:
                break
            if finding.verdict != "agree" or finding.how not in ("same", "hedged") or len(finding.claim_ids) != 2:
                continue
            target = claims[finding.claim_ids[1]]
            if (
                target.article_id == claims[finding.claim_ids[0]].article_id
                or (target.article_id, target.start) in seen
            ):
                continue
            if target.kind != "date" and (target.value.low is None or target.value.high is None):
                continue  # "at least 1,400": another lower bound is still compatible
            new_text = planted_text(target)
            if new_text is None or new_text == target.text:
                continue
            seen.add((target.article_id, target.start))
            planted += 1
            edited = []
            for a in articles:
                if a.id == target.article_id:
                    a = replace(a, text=a.text[: target.start] + new_text + a.text[target.end :])
                edited.append(a)
            after = run_pipeline(edited, cfg, embedder, batch=name)
            kind = "date" if target.kind == "date" else f"count ({target.event or 'other'})"
            verdict = _found(after, target.article_id, target.start, target.start + len(new_text))
            tally[(kind, verdict or "missed")] += 1
            if not verdict:
                sentence = next(s for s in report.sentences if s.id == target.sentence_id).text
                misses.append(f"{name}: “{target.text}” -> “{new_text}” in: {sentence[:160]}")
            if args.verbose:
                print(f"{name}: {target.text!r} -> {new_text!r}: {verdict or 'missed'}", flush=True)
    kinds = sorted({k for k, _ in tally})
    print("| planted on | planted | found as contradict | found as update | missed | recall |")
    print("|---|---|---|---|---|---|")
    for kind in [*kinds, "all"]:
        rows: Counter[str] = Counter()
        for (k, v), n in tally.items():
            if kind in (k, "all"):
                rows[v] += n
        total = sum(rows.values())
        hit = rows.get("contradict", 0) + rows.get("update", 0)
        print(
            f"| {kind} | {total} | {rows.get('contradict', 0)} | {rows.get('update', 0)} | {rows.get('missed', 0)} | "
            f"{hit / total:.2f} |"
        )
    print(f"\n{len(batches)} batches; contradictions on the untouched batches: {len(untouched)}")
    for line in untouched:
        print("-", line)
    if misses:
        print("\nMissed:")
        for line in misses:
            print("-", line)


if __name__ == "__main__":
    main()
