"""Score story grouping (factcheck.stories.group_stories) on corpora whose stories are known.

- gva-dev: each article belongs to one Gun Violence Archive incident (many look-alike shootings).
- ecbplus-dev: each document belongs to a topic's sub-topic; the two sub-topics of a topic are
  look-alike events (two earthquakes, two rehab check-ins) that must stay apart.

Prints pairwise precision/recall/F1 and B-cubed precision/recall/F1 per corpus and setting.
Run from the repository root (the first run embeds the leads, later runs read the cache):

    /work/venv/bin/python bench/stories_bench.py
    /work/venv/bin/python bench/stories_bench.py --grid     # a small grid of settings
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import numpy as np

from factcheck.config import StoriesConfig, load_config
from factcheck.records import Article
from factcheck.stages.embed import load_embedder
from factcheck.stages.ingest import outlet_from_url
from factcheck.stories import combine_signals, cut_stories, story_signals

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def load_gva(data: Path, limit: int | None = None) -> tuple[list[Article], dict[str, str]]:
    """GVA articles with content, and their incident."""
    articles, gold = [], {}
    with open(data / "gva-dev" / "docs.jsonl", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if not doc["content"].strip():
                continue
            published = date.fromisoformat(doc["dct"]) if doc.get("dct") else None
            outlet = outlet_from_url(doc["uri"]) or "unknown"
            art_id = "gva-" + doc["doc_id"][:12]
            articles.append(
                Article(art_id, outlet, doc["title"], doc["uri"], published, "field", "", "", doc["content"])
            )
            gold[art_id] = doc["incident"]
    return articles[:limit], gold


def load_ecbplus(data: Path) -> tuple[list[Article], dict[str, str]]:
    """ECB+ documents, and their topic/sub-topic (the event)."""
    articles, gold = [], {}
    with open(data / "ecbplus-dev" / "docs.jsonl", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            text = "\n".join(s["text"] for s in doc["sentences"])
            art_id = "ecb-" + doc["doc"]
            articles.append(Article(art_id, doc["doc"], "", None, None, "unknown", "", "", text))
            gold[art_id] = f"{doc['topic']}/{doc['subtopic']}"
    return articles, gold


def pairwise_scores(pred: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pairs of articles put in one story."""

    def pairs(labels: dict[str, object]) -> int:
        return sum(n * (n - 1) // 2 for n in Counter(labels.values()).values())

    joint = Counter((pred[a], gold[a]) for a in pred)
    both = sum(n * (n - 1) // 2 for n in joint.values())
    p_pairs, g_pairs = pairs(dict(pred)), pairs(dict(gold))
    precision = both / p_pairs if p_pairs else 1.0
    recall = both / g_pairs if g_pairs else 1.0
    return precision, recall, _f1(precision, recall)


def b_cubed(pred: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (per-article averages)."""
    joint = Counter((pred[a], gold[a]) for a in pred)
    p_size, g_size = Counter(pred.values()), Counter(gold[a] for a in pred)
    precision = sum(joint[(pred[a], gold[a])] / p_size[pred[a]] for a in pred) / len(pred)
    recall = sum(joint[(pred[a], gold[a])] / g_size[gold[a]] for a in pred) / len(pred)
    return precision, recall, _f1(precision, recall)


def _f1(p: float, r: float) -> float:
    """Harmonic mean."""
    return 2 * p * r / (p + r) if p + r else 0.0


def lookalike_merges(pred: dict[str, int], gold: dict[str, str]) -> float:
    """Share of article pairs from the two sub-topics of one ECB+ topic that were put in one story."""
    ids = sorted(pred)
    cross = merged = 0
    for i, a in enumerate(ids):
        topic_a, sub_a = gold[a].split("/")
        for b in ids[i + 1 :]:
            topic_b, sub_b = gold[b].split("/")
            if topic_a == topic_b and sub_a != sub_b:
                cross += 1
                merged += pred[a] == pred[b]
    return merged / cross if cross else 0.0


def score(
    articles: Sequence[Article], gold: dict[str, str], signals: tuple[np.ndarray, ...], cfg: StoriesConfig
) -> dict[str, float]:
    """Cut stories under one setting and score them (look-alike merges for ECB+ topics)."""
    gold = {a.id: gold[a.id] for a in articles}
    stories = cut_stories(articles, combine_signals(*signals, cfg), cfg.distance_threshold)
    pred = {a.id: k for k, story in enumerate(stories) for a in story}
    pp, pr, pf = pairwise_scores(pred, gold)
    bp, br, bf = b_cubed(pred, gold)
    return {
        "stories": len(stories),
        "gold": len(set(gold.values())),
        "pair_p": pp,
        "pair_r": pr,
        "pair_f1": pf,
        "b3_p": bp,
        "b3_r": br,
        "b3_f1": bf,
        "lookalike": lookalike_merges(pred, gold) if "/" in next(iter(gold.values())) else float("nan"),
    }


def main() -> None:
    """Print the scores."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--gva-limit", type=int, default=None, help="first N GVA articles only")
    parser.add_argument("--grid", action="store_true", help="try a small grid of [stories] settings")
    parser.add_argument("--set", dest="overrides", action="append", default=[], help="section.key=value")
    parser.add_argument(
        "--cheap-first",
        action="store_true",
        help="also score with the meaning signal used only on candidate pairs (a shared name or number, #17)",
    )
    args = parser.parse_args()
    base = load_config(overrides=args.overrides)
    embedder = load_embedder(base.embed)
    corpora = {"gva-dev": load_gva(args.data, args.gva_limit), "ecbplus-dev": load_ecbplus(args.data)}
    settings: list[list[str]] = [[]]
    if args.grid:
        settings = [
            [f"stories.names_weight={w}", f"stories.distance_threshold={t}", f"stories.max_days_apart={d}"]
            for w in (0.0, 0.3, 0.5, 0.7)
            for t in (0.5, 0.6, 0.7, 0.8)
            for d in (0, 14)
        ]
    print(
        "| corpus | setting | articles | gold stories | stories | pair P | pair R | pair F1 | B³ P | B³ R | B³ F1 | look-alike pairs merged |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, (articles, gold) in corpora.items():
        start = time.perf_counter()
        signals = story_signals(articles, embedder, base)  # type: ignore[arg-type]
        print(f"{name}: signals in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
        variants = {"": signals}
        if args.cheap_first:
            meaning, anchors, gaps = signals
            candidate = anchors > 0
            np.fill_diagonal(candidate, True)
            if base.stories.max_days_apart > 0:
                candidate &= gaps <= base.stories.max_days_apart
            needed = int(np.sum(candidate.sum(axis=1) > 1))
            print(
                f"{name}: cheap first: {int(candidate.sum() - len(articles)) // 2} candidate pairs of "
                f"{len(articles) * (len(articles) - 1) // 2}; {needed} of {len(articles)} articles need an embedding",
                file=sys.stderr,
            )
            variants["cheap first: "] = (np.where(candidate, meaning, 0.0), anchors, gaps)
        for (prefix, signals), setting in ((v, s) for v in variants.items() for s in settings):
            cfg = load_config(overrides=[*args.overrides, *setting])
            s = score(articles, gold, signals, cfg.stories)
            label = prefix + (" ".join(x.split(".", 1)[1] for x in setting) or "defaults")
            extra = f" {s['lookalike']:.3f} |" if name == "ecbplus-dev" else " - |"
            print(
                f"| {name} | {label} | {len(articles)} | {s['gold']} | {s['stories']} | {s['pair_p']:.3f} | "
                f"{s['pair_r']:.3f} | {s['pair_f1']:.3f} | {s['b3_p']:.3f} | {s['b3_r']:.3f} | {s['b3_f1']:.3f} |"
                + extra,
                flush=True,
            )


if __name__ == "__main__":
    main()
