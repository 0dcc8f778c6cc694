"""Verdicts on the labelled dev batches, scored strictly and leniently (#14).

Runs `factcheck check` (the library call `api.analyse`) on every dev batch of `bench/devsets.py`
and on the seeds, scores each run against its gold file and prints, per batch and overall:
contradiction precision and recall, agree recall and differ recall, strict (a finding covers only
the sentences it names) with the lenient figures beside them (a finding covers its whole fact),
the contradictions between the two look-alike events of each ECB+ topic (article ids ending
"ecb" vs "ecbplus"; must be 0), and the findings per batch.

    python bench/verdicts_bench.py                       # the table
    python bench/verdicts_bench.py --gold-dir ../main/bench/gold --data ../../shared/data  # from a worktree
    python bench/verdicts_bench.py --only ecb-20 --errors  # one batch, with misses and false alarms
    python bench/verdicts_bench.py --json runs.json        # also dump every finding for study
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import devsets  # noqa: E402  (a sibling script, found through sys.path)

from factcheck import api  # noqa: E402
from factcheck.config import load_config  # noqa: E402
from factcheck.evaluate import evaluate, load_gold  # noqa: E402
from factcheck.records import Report  # noqa: E402

SEEDS = ROOT / "seeds"
COLUMNS = ("c_prec", "c_rec", "a_rec", "d_rec")


def cross_event_contradictions(report: Report) -> list[str]:
    """Contradictions of an ECB+ batch between an "ecb" and an "ecbplus" article (always false)."""
    out = []
    for f in report.findings:
        if f.verdict != "contradict":
            continue
        kinds = {a.endswith("ecbplus") for a in f.articles}
        if len(kinds) == 2:
            out.append(f.explanation)
    return out


def _figures(scores: dict[str, dict[str, float]]) -> dict[str, float]:
    return {
        "c_prec": scores["contradict"]["precision"],
        "c_rec": scores["contradict"]["recall"],
        "a_rec": scores["agree"]["recall"],
        "d_rec": scores["differ"]["recall"],
    }


def _counts(result: Any) -> dict[str, dict[str, int]]:
    """Found / gold and right / predicted counts per verdict, for pooled figures."""
    out = {}
    for verdict, s in result.scores.items():
        out[verdict] = {
            "gold": int(s["gold"]),
            "found": round(s["recall"] * s["gold"]),
            "predicted": int(s["predicted"]),
            "right": round(s["precision"] * s["predicted"]),
        }
    return out


def _pooled(rows: list[dict[str, Any]], mode: str) -> dict[str, float]:
    total: dict[str, dict[str, int]] = {}
    for row in rows:
        for verdict, c in row[mode + "_counts"].items():
            t = total.setdefault(verdict, dict.fromkeys(c, 0))
            for k, v in c.items():
                t[k] += v

    def ratio(a: int, b: int) -> float:
        return round(a / b, 3) if b else 1.0

    return {
        "c_prec": ratio(total["contradict"]["right"], total["contradict"]["predicted"]),
        "c_rec": ratio(total["contradict"]["found"], total["contradict"]["gold"]),
        "a_rec": ratio(total["agree"]["found"], total["agree"]["gold"]),
        "d_rec": ratio(total["differ"]["found"], total["differ"]["gold"]),
        "c_pred": total["contradict"]["predicted"],
        "c_gold": total["contradict"]["gold"],
    }


def run_batch(name: str, folder: Path, gold_path: Path, cfg: Any, embedder: Any, errors: bool) -> dict[str, Any]:
    """Check one batch and score it both ways."""
    started = time.perf_counter()
    report = api.analyse([folder], cfg, embedder=embedder)
    gold = load_gold(gold_path)
    strict = evaluate(report, gold, strict=True)
    lenient = evaluate(report, gold, strict=False)
    row: dict[str, Any] = {
        "batch": name,
        "strict": _figures(strict.scores),
        "lenient": _figures(lenient.scores),
        "strict_counts": _counts(strict),
        "lenient_counts": _counts(lenient),
        "findings": len(report.findings),
        "contradictions": sum(f.verdict == "contradict" for f in report.findings),
        "cross_event": cross_event_contradictions(report) if name.startswith("ecb-") else [],
        "seconds": round(time.perf_counter() - started, 1),
        "report": report,
        "misses": strict.misses,
        "false_alarms": strict.false_alarms,
    }
    if errors:
        print(f"\n== {name}", flush=True)
        for miss in strict.misses:
            if miss["verdict"] != "agree" or errors > 1:
                print(f"  miss        {miss['verdict']}: {miss['note'][:150]}")
        for alarm in strict.false_alarms:
            if alarm["verdict"] != "agree" or errors > 1:
                print(f"  false alarm {alarm['verdict']}: {alarm['explanation'][:220]}")
        for text in row["cross_event"]:
            print(f"  CROSS-EVENT contradict: {text[:220]}")
    return row


NEAR_IDENTICAL = (
    "A gunman opened fire at a bar on Main Street in Springfield early Sunday, police said. "
    "{killed} people were killed and {injured} people were injured in the shooting, Chief Ann Lee said. "
    "The shooting happened at about 1:30 a.m. on Sunday. Police have not made any arrests. "
    "{outlet} will update this story."
)


def near_identical(n: int, cfg: Any, embedder: Any) -> dict[str, Any]:
    """Check n near-identical short articles of one shooting (every 50th with a lower injured count)."""
    import tempfile

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        records = [
            {
                "id": f"n{i:04d}",
                "outlet": f"outlet{i % 97}.example",
                "title": "Shooting at Springfield bar",
                "published": "2017-03-26",
                "text": NEAR_IDENTICAL.format(killed="Two", injured=4 if i % 50 == 49 else 5, outlet=f"Outlet {i}"),
            }
            for i in range(n)
        ]
        folder = Path(tmp)
        with (folder / "articles.jsonl").open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec) + "\n")
        report = api.analyse([folder], cfg, embedder=embedder)
    verdicts: dict[str, int] = {}
    for f in report.findings:
        verdicts[str(f.verdict)] = verdicts.get(str(f.verdict), 0) + 1
    return {"findings": len(report.findings), "verdicts": verdicts, "seconds": round(time.perf_counter() - started, 1)}


def _line(label: str, strict: dict[str, float], lenient: dict[str, float], extra: str) -> str:
    cells = "  ".join(f"{strict[c]:5.2f}" for c in COLUMNS)
    lcells = "  ".join(f"{lenient[c]:5.2f}" for c in COLUMNS)
    return f"{label:12} {cells}   | {lcells}   {extra}"


def main() -> None:
    """Run every dev batch and the seeds; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=devsets.GOLD, help="folder of <set>/<batch>.json gold files")
    parser.add_argument("--data", type=Path, default=devsets.DATA, help="the shared data folder (../shared/data)")
    parser.add_argument("--only", nargs="*", default=None, help="batch names to run (default: all)")
    parser.add_argument("--errors", action="count", default=0, help="print misses and false alarms (twice: agree too)")
    parser.add_argument("--json", type=Path, default=None, help="write every finding and score here")
    parser.add_argument("--set", dest="set_", action="append", default=[], help="override a setting: section.key=value")
    parser.add_argument(
        "--near-identical",
        type=int,
        default=0,
        help="also check this many near-identical articles (target: <100 findings)",
    )
    args = parser.parse_args()

    devsets.DATA = args.data  # the batch builders read it when called
    cfg = load_config(overrides=args.set_)
    embedder = api.load_embedder(cfg)
    batches: list[tuple[str, str, Path, Path]] = []
    for set_name, named in devsets.all_batches().items():
        for name, folder in named.items():
            batches.append((set_name, name, folder, args.gold_dir / set_name / f"{name}.json"))
    batches.append(("seeds", "seeds", SEEDS, SEEDS / "gold.json"))
    rows: list[dict[str, Any]] = []
    for set_name, name, folder, gold_path in batches:
        if args.only is not None and name not in args.only and set_name not in args.only:
            continue
        if not gold_path.is_file():
            print(f"{name}: no gold at {gold_path}; skipped", file=sys.stderr)
            continue
        row = run_batch(name, folder, gold_path, cfg, embedder, args.errors)
        row["set"] = set_name
        rows.append(row)

    head = "  ".join(f"{c:>5}" for c in COLUMNS)
    print(f"\n{'batch':12} {head}   | {head}   findings contradict(gold) cross-event seconds")
    print(f"{'':12} {'strict':^{len(head)}}   | {'lenient':^{len(head)}}")
    for row in rows:
        gold_c = row["strict_counts"]["contradict"]["gold"]
        extra = (
            f"{row['findings']:8} {row['contradictions']:6} ({gold_c:2}) {len(row['cross_event']):6} {row['seconds']:8}"
        )
        print(_line(row["batch"], row["strict"], row["lenient"], extra))
    dev = [r for r in rows if r["set"] != "seeds"]
    groups = [
        ("newswcl50", [r for r in dev if r["set"] == "newswcl50"]),
        ("ecbplus", [r for r in dev if r["set"] == "ecbplus"]),
        ("gva", [r for r in dev if r["set"] == "gva"]),
        ("ALL DEV", dev),
    ]
    print()
    for label, members in groups:
        if not members:
            continue
        strict, lenient = _pooled(members, "strict"), _pooled(members, "lenient")
        cross = sum(len(r["cross_event"]) for r in members)
        findings = sum(r["findings"] for r in members)
        extra = f"{findings:8} {int(strict['c_pred']):6} ({int(strict['c_gold']):2}) {cross:6}"
        print(_line(label, strict, lenient, extra))
    if args.near_identical:
        near = near_identical(args.near_identical, cfg, embedder)
        print(
            f"\n{args.near_identical} near-identical articles: {near['findings']} findings {near['verdicts']}, {near['seconds']} s"
        )
    print("\nstrict: a finding covers only the sentences it names; lenient: every sentence of its fact.")
    print(
        "c_prec/c_rec: contradiction precision/recall; a_rec: agree recall; d_rec: differ recall (pooled over batches)."
    )
    if args.json:
        doc = []
        for row in rows:
            report = row.pop("report")
            claims = {c.id: c for c in report.claims}
            sentences = {s.id: s.text for s in report.sentences}
            row["finding_list"] = [
                {
                    "verdict": f.verdict,
                    "how": f.how,
                    "articles": f.articles,
                    "explanation": f.explanation,
                    "confidence": f.confidence,
                    "claims": [claims[c].text for c in f.claim_ids if c in claims],
                    "sentences": [sentences[s] for s in f.sentence_ids],
                }
                for f in report.findings
            ]
            doc.append(row)
        args.json.write_text(json.dumps(doc, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
