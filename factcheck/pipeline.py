"""Run the stages in order and check each one's output."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any, Protocol

import numpy as np

from factcheck.cache import Cache, dump_records, load_records, package_version, record_digest, text_key
from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.records import Article, Claim, DroppedSpan, Fact, Finding, Report, Sentence, Skipped
from factcheck.stages.claims import extract_claims
from factcheck.stages.clean import clean_articles
from factcheck.stages.cluster import build_facts, cluster_facts
from factcheck.stages.compare import compare_batch, derive_claims
from factcheck.stages.embed import Embedder, embed_texts
from factcheck.stages.frames import Frame, cached_claim_frames
from factcheck.stages.segment import split_sentences
from factcheck.stages.syndication import syndicated_groups


class Progress(Protocol):
    """A progress callback: a step's name, and how many of its items are done of how many (#16).

    Called with the name alone when a step starts (`progress("cluster")`), and with counts as
    it goes: `progress("embed", 1024, 7449)` (sentences embedded of those to embed),
    `progress("story", 3, 301)` (stories checked of the feed's).
    """

    def __call__(self, name: str, done: int | None = None, total: int | None = None) -> None:
        """Report a step, with its counts when it has them."""


def as_progress(callback: Callable[..., None] | None) -> Progress:
    """A `Progress` from any callback: one taking only a name gets the counts in it ("embed 1024/7449").

    Callbacks written before counts existed (`steps.append`, `lambda name: ...`) keep working.
    """
    if callback is None:
        return _no_progress
    if _takes_counts(callback):
        return callback
    return lambda name, done=None, total=None: callback(name if done is None else f"{name} {done}/{total}")


def _no_progress(name: str, done: int | None = None, total: int | None = None) -> None:
    """Report nothing."""


def _takes_counts(callback: Callable[..., None]) -> bool:
    """Whether a callback accepts a name and two counts by position."""
    try:
        params = list(inspect.signature(callback).parameters.values())
    except (TypeError, ValueError):  # no signature to read (some builtins): give it the name only
        return False
    if any(p.kind == p.VAR_POSITIONAL for p in params):
        return True
    return sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params) >= 3


@dataclass(frozen=True, slots=True)
class Prepared:
    """What one pass over a whole feed computed for a batch's articles, so the batch's check does not redo it (#17).

    Each part is what the stage would return for the batch: the cleaner's dropped spans, the
    sentences, every sentence's claims (in sentence order) and the parse frames of the claims
    by claim id (only where two or more articles compare; empty otherwise). All of them are
    computed per article or per sentence, so a feed's pass sliced by story equals the story's own.
    """

    dropped: tuple[DroppedSpan, ...]
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    frames: Mapping[str, Frame] = field(default_factory=dict)


RESULTS_CACHE = "results"
"""The cache file (in embed.cache_dir) of each batch's comparison output, keyed by all of its input."""
RESULT_LIBRARIES = ("numpy", "scipy", "spacy", "onnxruntime", "tokenizers", "sentence-transformers", "torch")
"""Installed packages whose version is part of that key (with factcheck's own files and the spaCy model's)."""


class ResultCache:
    """A batch's facts, derived claims, findings and syndicated groups by a key of everything they come from (#17).

    The key hashes every file of the factcheck package, the versions of `RESULT_LIBRARIES` and of
    the spaCy model, the embedder's name, the whole configuration, the batch name, the batch's
    articles, skipped items, dropped spans and sentences, and the claims and parse frames a
    feed's pass handed in (`_key_parts`). A warm run of an unchanged batch then neither embeds,
    clusters, extracts, parses nor compares it; any change of input, settings or code is a new
    key. New entries are kept until `flush` (one write per run, not one per story).
    """

    def __init__(self, cache_dir: str, *, write: bool = True) -> None:
        """Open the cache of `cache_dir` (off when it is ''); with `write` False it is only read."""
        self._cache = Cache(cache_dir, RESULTS_CACHE) if cache_dir else None
        self._write = write
        self._new: dict[bytes, bytes] = {}

    def key(
        self,
        cfg: Config,
        embedder: Embedder,
        batch: str,
        parts: Sequence[Sequence[Any]],
    ) -> bytes:
        """The key of a batch's output from its settings, model, name and input records."""
        versions = package_version(*RESULT_LIBRARIES, cfg.compare.parser)
        model = str(getattr(embedder, "name", type(embedder).__qualname__))
        return text_key(versions, model, cfg.model_dump_json(), batch, record_digest(*(tuple(p) for p in parts)))

    def get(self, key: bytes) -> tuple[list[Fact], list[Claim], list[Finding], list[tuple[str, ...]]] | None:
        """The stored output of `key`, or None (absent, or not decodable: computed again)."""
        blob = self._new.get(key)
        if blob is None and self._cache is not None:
            blob = self._cache.get_many([key]).get(key)
        if not isinstance(blob, bytes):
            return None
        try:
            facts, claims, findings, syndicated = load_records(blob)
            groups = [tuple(g) for g in syndicated]
        except (ValueError, TypeError):
            return None
        if not all(isinstance(f, Fact) for f in facts) or not all(isinstance(f, Finding) for f in findings):
            return None
        if not all(isinstance(c, Claim) for c in claims) or not all(isinstance(a, str) for g in groups for a in g):
            return None
        return list(facts), list(claims), list(findings), groups

    def add(
        self,
        key: bytes,
        facts: Sequence[Fact],
        claims: Sequence[Claim],
        findings: Sequence[Finding],
        syndicated: Sequence[tuple[str, ...]],
    ) -> None:
        """Keep a batch's output until `flush`."""
        if self._cache is not None and self._write:
            self._new[key] = dump_records((tuple(facts), tuple(claims), tuple(findings), tuple(syndicated)))

    def add_report(self, cfg: Config, embedder: Embedder, report: Report, prepared: Prepared | None = None) -> None:
        """Keep the output of a batch checked elsewhere (a Dask task) under the key its check used."""
        parts = _key_parts(report.articles, report.skipped, report.dropped, report.sentences, prepared)
        self.add(
            self.key(cfg, embedder, report.batch, parts),
            report.facts,
            report.claims,
            report.findings,
            report.syndicated,
        )

    def flush(self) -> None:
        """Write the entries added since the last flush, in one transaction."""
        if self._cache is not None and self._new:
            self._cache.put_many(self._new)
        self._new = {}


def _key_parts(
    articles: Sequence[Article],
    skipped: Sequence[Skipped],
    dropped: Sequence[DroppedSpan],
    sentences: Sequence[Sentence],
    prepared: Prepared | None,
) -> list[Sequence[Any]]:
    """What a batch's result key hashes: its input records, and a prepared pass's claims and frames.

    Claims and frames a batch computes itself follow from its sentences (and their own caches'
    keys); those handed in by a feed's pass are hashed too, frames in a canonical order (their
    sets' order changes with each process's string hashing).
    """
    parts: list[Sequence[Any]] = [articles, skipped, dropped, sentences]
    if prepared is not None:
        frames = [
            (cid, *(sorted(v) if isinstance(v, frozenset) else v for v in _field_values(frame)))
            for cid, frame in sorted(prepared.frames.items())
        ]
        parts += [prepared.claims, frames]
    return parts


def _field_values(record: Any) -> tuple[Any, ...]:
    """A record's field values, in field order (not recursing into them as `dataclasses.astuple` does)."""
    return tuple(getattr(record, f.name) for f in fields(record))


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


def _same_text(sentences: Sequence[Sentence]) -> list[list[int]]:
    """One group per distinct sentence text: a repeated sentence is one fact, as any embedding has it (distance 0)."""
    groups: dict[str, list[int]] = {}
    for i, sent in enumerate(sentences):
        groups.setdefault(sent.text, []).append(i)
    return list(groups.values())


def run_pipeline(
    articles: Sequence[Article],
    cfg: Config,
    embedder: Embedder,
    *,
    batch: str = "batch",
    skipped: Sequence[Skipped] = (),
    progress: Callable[..., None] | None = None,
    prepared: Prepared | None = None,
    results: ResultCache | None = None,
) -> Report:
    """Clean, segment, embed, cluster, extract and compare; return the Report.

    A batch where fewer than two articles have sentences compares nothing across outlets: it is
    neither embedded nor clustered (each distinct sentence is its own single-source fact) nor parsed,
    and keeps what needs its claims only (the checks inside one article, #17).

    Args:
        articles: The batch.
        cfg: Settings.
        embedder: The sentence model.
        batch: The report's batch name.
        skipped: Items left out before the pipeline, recorded in the report.
        progress: A `Progress` (or a callback taking a name only), called as the stages go.
        prepared: The batch's dropped spans, sentences, claims and frames from a feed's one pass
            (`stories.prepare_feed`), used instead of cleaning, splitting, extracting and parsing again.
        results: Where the batch's output is looked up and kept (by default the `ResultCache` of
            `embed.cache_dir`, written before returning); a caller checking many batches passes
            one and flushes it once.
    """
    step = as_progress(progress)
    step("clean")
    dropped = list(prepared.dropped) if prepared else clean_articles(articles, cfg.clean)
    step("segment")
    sentences = (
        list(prepared.sentences)
        if prepared
        else split_sentences(articles, dropped, cfg.segment, cache_dir=cfg.embed.cache_dir)
    )
    _check_sentences(articles, sentences)
    skipped = [*skipped, *_nothing_to_compare(articles, sentences)]
    store = results if results is not None else ResultCache(cfg.embed.cache_dir)
    key = store.key(cfg, embedder, batch, _key_parts(articles, skipped, dropped, sentences, prepared))
    stored = store.get(key)
    if stored is None:
        facts, claims, findings, syndicated = _compare(articles, sentences, cfg, embedder, step, prepared)
        store.add(key, facts, claims, findings, syndicated)
        if results is None:
            store.flush()
    else:
        step("compare")
        facts, claims, findings, syndicated = stored
    config_dump: dict[str, Any] = cfg.model_dump(mode="json")
    return Report(
        batch=batch,
        articles=tuple(articles),
        dropped=tuple(dropped),
        sentences=tuple(sentences),
        facts=tuple(facts),
        claims=tuple(claims),
        findings=tuple(findings),
        skipped=tuple(skipped),
        config=config_dump,
        syndicated=tuple(syndicated),
    )


def _compare(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    cfg: Config,
    embedder: Embedder,
    step: Progress,
    prepared: Prepared | None,
) -> tuple[list[Fact], list[Claim], list[Finding], list[tuple[str, ...]]]:
    """Embed, cluster, extract, parse and compare a batch: its facts, derived claims, findings and syndicated groups."""
    across = len({s.article_id for s in sentences}) >= 2
    if across:
        step("embed")
        emb, _new = embed_texts([s.text for s in sentences], embedder, cfg.embed, progress=step)
        if emb.shape[0] != len(sentences):
            raise StageError("stage embed: one row per sentence expected")
        step("cluster")
        groups = cluster_facts(sentences, emb, cfg.cluster)
    else:  # nothing reaches a comparison: no vectors, each sentence its own fact (#17)
        emb = np.zeros((len(sentences), 0), dtype=np.float32)
        groups = _same_text(sentences)
    step("claims")
    claims = (
        list(prepared.claims)
        if prepared
        else extract_claims(articles, sentences, cfg.claims, cache_dir=cfg.embed.cache_dir)
    )
    step("compare")
    frames: Mapping[str, Frame] = {}
    if cfg.compare.parser and across:  # frames only serve comparisons across outlets (#17)
        frames = (
            {c.id: prepared.frames[c.id] for c in claims if c.id in prepared.frames}
            if prepared
            else cached_claim_frames(sentences, claims, cfg.compare.parser, cfg.embed.cache_dir)
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
    facts = sorted(_merge_same_id(facts_unsorted), key=lambda f: f.id)
    if len({f.id for f in facts}) != len(facts):
        raise StageError("stage cluster: duplicate fact ids")
    return facts, claims, sorted(findings, key=lambda f: (f.fact_id, f.id)), [tuple(g) for g in syndicated]


def _merge_same_id(facts: Sequence[Fact]) -> list[Fact]:
    """Facts whose ids coincide are one fact (ids hash member article ids and texts).

    An article that repeats a sentence word for word can leave one copy in a fact and the other
    in a fact of its own with the same members by text: they are one fact, with both copies.
    """
    merged: dict[str, Fact] = {}
    for fact in facts:
        first = merged.get(fact.id)
        if first is None:
            merged[fact.id] = fact
            continue
        merged[fact.id] = replace(
            first,
            sentence_ids=tuple(dict.fromkeys((*first.sentence_ids, *fact.sentence_ids))),
            article_ids=tuple(dict.fromkeys((*first.article_ids, *fact.article_ids))),
            title=first.title or fact.title,
        )
    return list(merged.values())
