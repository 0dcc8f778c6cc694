"""Contradictions on batches nobody here labelled, printed for reading (a held-out precision check).

The verdict bench scores the labelled dev batches; rules tuned on them can still fire falsely on
other stories. This runs `api.analyse` on every *other* ECB+ topic (both look-alike events in one
batch: a contradiction between them is always false and is counted) and on GVA incidents before
the labelled ones, and prints each contradiction with the sentences it names, so a reader can
judge them. Nothing is scored automatically except the cross-event count.

    .venv/bin/python bench/audit_bench.py                    # every contradiction, then a table
    .venv/bin/python bench/audit_bench.py --only ecbplus --json /tmp/audit.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devsets
from verdicts_bench import cross_event_contradictions

from factcheck import api
from factcheck.config import load_config
from factcheck.records import Report


def contradictions(report: Report) -> list[dict[str, Any]]:
    """Each contradiction: its explanation and the (article, sentence) pairs it names."""
    sentences = {s.id: s for s in report.sentences}
    claims = {c.id: c for c in report.claims}
    out = []
    for f in report.findings:
        if f.verdict != "contradict":
            continue
        ids = f.sentence_ids or tuple(claims[c].sentence_id for c in f.claim_ids)
        out.append(
            {
                "explanation": f.explanation,
                "confidence": f.confidence,
                "sentences": [(sentences[s].article_id, sentences[s].text) for s in ids],
            }
        )
    return out


def main() -> None:
    """Run the audit batches and print their contradictions."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=devsets.DATA, help="the shared data folder (../shared/data)")
    parser.add_argument("--only", nargs="*", default=None, help="set or batch names to run (default: all)")
    parser.add_argument("--gva", type=int, default=15, help="how many unlabelled GVA incidents")
    parser.add_argument("--json", type=Path, default=None, help="write the contradictions here")
    parser.add_argument("--set", dest="set_", action="append", default=[], help="override a setting: section.key=value")
    args = parser.parse_args()

    devsets.DATA = args.data
    cfg = load_config(overrides=args.set_)
    embedder = api.load_embedder(cfg)
    rows = []
    for set_name, named in devsets.audit_batches(gva_count=args.gva).items():
        for name, folder in named.items():
            if args.only is not None and name not in args.only and set_name not in args.only:
                continue
            report = api.analyse([folder], cfg, embedder=embedder)
            found = contradictions(report)
            cross = cross_event_contradictions(report) if set_name == "ecbplus" else []
            rows.append(
                {
                    "set": set_name,
                    "batch": name,
                    "findings": len(report.findings),
                    "contradictions": found,
                    "cross": cross,
                }
            )
            for item in found:
                print(f"\n== {name}: {item['explanation'][:300]}")
                for article, text in item["sentences"]:
                    print(f"   [{article}] {text[:240]}")
    print(f"\n{'batch':14} {'findings':>8} {'contradict':>10} {'cross-event':>11}")
    for row in rows:
        print(f"{row['batch']:14} {row['findings']:8} {len(row['contradictions']):10} {len(row['cross']):11}")
    for set_name in ("ecbplus", "gva"):
        members = [r for r in rows if r["set"] == set_name]
        if members:
            total = sum(len(r["contradictions"]) for r in members)
            cross = sum(len(r["cross"]) for r in members)
            print(f"{set_name:14} {sum(r['findings'] for r in members):8} {total:10} {cross:11}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
