"""Run the stages in order and check each one's output."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.records import Article, Finding, Report, Sentence, Skipped
from factcheck.stages.claims import extract_claims
from factcheck.stages.clean import clean_articles
from factcheck.stages.cluster import build_facts, cluster_facts
from factcheck.stages.compare import compare_batch, derive_claims
from factcheck.stages.embed import Embedder, embed_texts
from factcheck.stages.frames import cached_claim_frames
from factcheck.stages.segment import split_sentences
from factcheck.stages.syndication import syndicated_groups

Progress = Callable[[str], None]


class StageError(FactcheckError):
    """A stage produced output that breaks the pipeline's invariants (a bug)."""


def _check_sentences(articles: Sequence[Article], sentences: Sequence[Sentence]) -> None:
    """Every sentence's offsets must point at its text (stage 'segment')."""
    by_id = {a.id: a for a in articles}
    for s in sentences:
        if by_id[s.article_id].text[s.start : s.end] != s.text:
            raise StageError(f"stage segment: sentence {s.id} offsets do not match its text")


def _nothing_to_compare(articles: Sequence[Article], sentences: Sequence[Sentence]) -> list[Skipped]:
    """Warnings for articles left with no sentence, and for a batch with fewer than two articles to compare."""
    with_text = {s.article_id for s in sentences}
    notes = [
        Skipped(a.id, "no sentence left after removing boilerplate; nothing of it is compared")
        for a in articles
        if a.id not in with_text
    ]
    if len(with_text) < 2:
        who = "no article has" if not with_text else "only one article has"
        notes.append(Skipped("batch", f"{who} sentences: nothing to compare across outlets"))
    return notes


def run_pipeline(
    articles: Sequence[Article],
    cfg: Config,
    embedder: Embedder,
    *,
    batch: str = "batch",
    skipped: Sequence[Skipped] = (),
    progress: Progress | None = None,
) -> Report:
    """Clean, segment, embed, cluster, extract and compare; return the Report."""
    step = progress or (lambda _name: None)
    step("clean")
    dropped = clean_articles(articles, cfg.clean)
    step("segment")
    sentences = split_sentences(articles, dropped, cfg.segment, cache_dir=cfg.embed.cache_dir)
    _check_sentences(articles, sentences)
    skipped = [*skipped, *_nothing_to_compare(articles, sentences)]
    step("embed")
    emb, _new = embed_texts([s.text for s in sentences], embedder, cfg.embed)
    if emb.shape[0] != len(sentences):
        raise StageError("stage embed: one row per sentence expected")
    step("cluster")
    groups = cluster_facts(sentences, emb, cfg.cluster)
    step("claims")
    claims = extract_claims(articles, sentences, cfg.claims, cache_dir=cfg.embed.cache_dir)
    step("compare")
    frames = (
        cached_claim_frames(sentences, claims, cfg.compare.parser, cfg.embed.cache_dir) if cfg.compare.parser else {}
    )
    claims, frames = derive_claims(sentences, claims, frames)
    compared = compare_batch(articles, sentences, emb, groups, claims, cfg.compare, frames)
    keyed = compared.findings
    facts_unsorted = [build_facts(sentences, [g])[0] for g in compared.groups]
    # a multi-outlet fact is headed by its slot or statement in words (#14, #16); ids hash members only
    facts_unsorted = [
        replace(fact, title=compared.titles.get(k, "")) if len(fact.article_ids) > 1 else fact
        for k, fact in enumerate(facts_unsorted)
    ]
    syndicated = syndicated_groups(sentences, cfg.compare.syndication_min_share)
    copy_of = {a: g for g in syndicated for a in g}
    findings: list[Finding] = []
    for k, finding in keyed:
        if (
            len(finding.articles) == 2
            and copy_of.get(finding.articles[0]) is copy_of.get(finding.articles[1]) is not None
        ):
            finding = replace(
                finding,
                explanation=finding.explanation + " (syndicated copies of one story: one independent source)",
                confidence=round(finding.confidence * 0.5, 2),
            )
        findings.append(replace(finding, fact_id=facts_unsorted[k].id))
    facts = sorted(facts_unsorted, key=lambda f: f.id)
    if len({f.id for f in facts}) != len(facts):
        raise StageError("stage cluster: duplicate fact ids")
    config_dump: dict[str, Any] = cfg.model_dump(mode="json")
    return Report(
        batch=batch,
        articles=tuple(articles),
        dropped=tuple(dropped),
        sentences=tuple(sentences),
        facts=tuple(facts),
        claims=tuple(claims),
        findings=tuple(sorted(findings, key=lambda f: (f.fact_id, f.id))),
        skipped=tuple(skipped),
        config=config_dump,
        syndicated=tuple(syndicated),
    )
