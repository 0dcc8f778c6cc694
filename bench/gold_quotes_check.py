"""Gold quotes that no single sentence of the pipeline's split contains (#14).

A finding names sentences; a gold mention is credited when one of them contains its quote. A quote
that crosses a sentence boundary of our split (pySBD cut "9 p.m. Saturday" in two), or lies in a
line that cleaning dropped ("Name, 48 years old - deceased"), can therefore never be credited.
This script loads every dev batch as `factcheck check` does, cleans and splits it with the default
settings and prints, per set, how many gold quotes are not inside one sentence, by cause:

- `dropped`: the quote overlaps a line or span that cleaning dropped (the rule is named);
- `split`: the quote is in the kept text but crosses a sentence boundary;
- `missing`: the quote is not in the article's text at all (a gold error).

    python bench/gold_quotes_check.py --gold-dir ../main/bench/gold --data ../../shared/data
    python bench/gold_quotes_check.py --list     # also print each quote with its cause
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import devsets  # noqa: E402  (a sibling script, found through sys.path)

from factcheck import api  # noqa: E402
from factcheck.config import load_config  # noqa: E402
from factcheck.records import Article, DroppedSpan, Sentence  # noqa: E402
from factcheck.stages.clean import clean_articles  # noqa: E402
from factcheck.stages.segment import split_sentences  # noqa: E402


def quote_causes(
    articles: list[Article], dropped: list[DroppedSpan], sentences: list[Sentence], gold: list[dict[str, object]]
) -> list[tuple[str, str, str]]:
    """(cause, article id, quote) for each gold mention no single sentence contains."""
    by_id = {a.id: a for a in articles}
    sents: dict[str, list[Sentence]] = {}
    for s in sentences:
        sents.setdefault(s.article_id, []).append(s)
    out = []
    for item in gold:
        for mention in item.get("mentions", []):  # type: ignore[attr-defined]
            aid, quote = mention["article"], mention["quote"]
            if any(quote in s.text for s in sents.get(aid, [])):
                continue
            article = by_id.get(aid)
            at = article.text.find(quote) if article else -1
            if at < 0:
                out.append(("missing", aid, quote))
                continue
            rules = sorted(
                {d.rule for d in dropped if d.article_id == aid and d.start < at + len(quote) and at < d.end}
            )
            out.append((f"dropped ({', '.join(rules)})" if rules else "split", aid, quote))
    return out


def main() -> None:
    """Print the count of uncreditable gold quotes per set and cause."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=devsets.GOLD, help="folder of <set>/<batch>.json gold files")
    parser.add_argument("--data", type=Path, default=devsets.DATA, help="the shared data folder (../shared/data)")
    parser.add_argument("--list", action="store_true", help="print every uncreditable quote")
    args = parser.parse_args()
    devsets.DATA = args.data
    cfg = load_config()
    total: Counter[str] = Counter()
    for set_name, batches in devsets.all_batches().items():
        counts: Counter[str] = Counter()
        quotes = 0
        for name, folder in batches.items():
            gold_path = args.gold_dir / set_name / f"{name}.json"
            if not gold_path.is_file():
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            articles, _ = api.load_articles([folder], cfg)
            dropped = clean_articles(articles, cfg.clean)
            sentences = split_sentences(articles, dropped, cfg.segment)
            quotes += sum(len(item.get("mentions", [])) for item in gold)
            for cause, aid, quote in quote_causes(articles, dropped, sentences, gold):
                counts[cause.split(" ")[0]] += 1
                if args.list:
                    print(f"{name:12} {aid:14} {cause:40} {quote[:110]!r}")
        total.update(counts)
        detail = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"
        print(f"{set_name:10} {quotes:5} gold quotes; not inside one sentence: {sum(counts.values()):4} ({detail})")
    print(
        f"{'ALL':10} not inside one sentence: {sum(total.values())} ({', '.join(f'{k} {v}' for k, v in sorted(total.items()))})"
    )


if __name__ == "__main__":
    main()
