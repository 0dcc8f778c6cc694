"""The library's entry points: load articles, run the check, write reports."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from factcheck.config import Config
from factcheck.errors import InputError
from factcheck.pipeline import Progress, run_pipeline
from factcheck.records import Article, Report, Skipped
from factcheck.report.files import write_report
from factcheck.stages.embed import Embedder, SentenceTransformerEmbedder
from factcheck.stages.ingest import load_articles as _load

__all__ = ["check", "load_articles", "load_embedder", "write_report"]


def load_articles(inputs: Sequence[Path], cfg: Config) -> tuple[list[Article], list[Skipped]]:
    """Read a batch; raise InputError when it holds no article."""
    articles, skipped = _load(inputs, cfg.ingest)
    if not articles:
        names = ", ".join(str(p) for p in inputs)
        raise InputError(f"{names}: no readable article (.txt, .md, .html, .json, .jsonl, .csv)")
    return articles, skipped


def load_embedder(cfg: Config) -> Embedder:
    """The sentence-transformers model named by `embed.model`."""
    return SentenceTransformerEmbedder(cfg.embed.model, batch_size=cfg.embed.batch_size)


def check(
    inputs: Sequence[Path],
    cfg: Config,
    *,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
) -> Report:
    """Read a batch and check it: the library form of `factcheck check`."""
    articles, skipped = load_articles(inputs, cfg)
    batch = inputs[0].resolve().name if len(inputs) == 1 else "batch"
    return run_pipeline(articles, cfg, embedder or load_embedder(cfg), batch=batch, skipped=skipped, progress=progress)
