"""Group a mixed feed of articles into stories (events) before checking each story's batch."""

from __future__ import annotations

import calendar
import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, TypeVar

import numpy as np

from factcheck.config import Config, StoriesConfig
from factcheck.pipeline import Prepared, Progress, as_progress
from factcheck.records import Article, Claim, DroppedSpan, Sentence
from factcheck.stages.claims import CAPITALISED_RE, extract_claims
from factcheck.stages.clean import clean_articles
from factcheck.stages.embed import Embedder, count_uncached, embed_texts, sharing_cores
from factcheck.stages.frames import Frame, cached_claim_frames
from factcheck.stages.segment import split_sentences


class _ArticlePart(Protocol):
    """A record of one article (a dropped span, a sentence, a claim)."""

    @property
    def article_id(self) -> str:
        """The article's id."""
        ...


_Owned = TypeVar("_Owned", bound=_ArticlePart)

FEED_EMBED_SLICE = 16_384
"""Texts embedded per call when a whole feed is embedded up front (their vectors are then dropped)."""
PARSE_WORKER_MIN_SENTENCES = 500
"""Feeds with fewer sentences parse in this process: spawning a worker (Python, spaCy) costs about 3 s."""
CHARS_PER_SENTENCE = 120
"""Characters of article text per kept sentence (119-121 in the GVA + ECB+ feeds of 50 and 500 articles):
the feed's sentences estimated before it is split, to start the worker early (#17)."""
WORKER_SPLIT_SHARE = 0.45
"""Share of a cold feed's text the worker splits (the rest is split here, at the same time)."""
NUMBER_RE = re.compile(r"\b\d[\d,.]*\d\b|\b\d\b")
_FUNCTION_WORDS = """a an and as at but by for from he her his how i if in it its mr mrs ms new no not of on or our
police she so that the their there they this to was we what when where who why with you"""
# Capitalised words that name no participant or place: sentence starts, weekdays, months.
NAME_STOP = {
    *(d.lower() for d in calendar.day_name),
    *(m.lower() for m in calendar.month_name if m),
    *_FUNCTION_WORDS.split(),
}
UNRELATED = 2.0  # distance given to articles published too far apart
ANCHOR_BLOCK_ROWS = 512
"""Articles per block of the names' similarity (bounds the sparse product's memory on a big feed)."""


def story_anchors(text: str) -> list[str]:
    """Names and numbers of a text, as lower-cased tokens ('n:' marks numbers).

    Example: story_anchors("Two shot in Franklin on Monday, 21-year-old held")
    -> ["two", "franklin", "n:21"]
    """
    tokens = []
    for match in CAPITALISED_RE.finditer(text):
        for word in match.group(0).split():
            word = re.sub(r"['’]s$", "", word).strip("'’-").lower()
            if len(word) > 1 and word not in NAME_STOP:
                tokens.append(word)
    tokens += ["n:" + m.group(0).replace(",", "") for m in NUMBER_RE.finditer(text)]
    return tokens


def _lead_texts(
    articles: Sequence[Article], cfg: Config, sentences: Sequence[Sentence] | None = None
) -> list[list[str]]:
    """Title and first kept sentences of each article (boilerplate dropped first).

    `sentences`: the articles' kept sentences, when the caller has split them already.
    """
    if sentences is None:
        dropped = clean_articles(articles, cfg.clean)
        sentences = split_sentences(articles, dropped, cfg.segment, cache_dir=cfg.embed.cache_dir)
    leads: dict[str, list[str]] = {a.id: [a.title] if a.title.strip() else [] for a in articles}
    for sent in sentences:
        if sent.index < cfg.stories.lead_sentences:
            leads[sent.article_id].append(sent.text)
    return [leads[a.id] or [a.text[:500]] for a in articles]


def _anchor_similarity(leads: Sequence[Sequence[str]]) -> np.ndarray:
    """Cosine of TF-IDF vectors of the names and numbers the articles mention.

    The weights are scikit-learn's `TfidfVectorizer(sublinear_tf=True)` (tf = 1 + ln count,
    smooth idf = ln((1 + n) / (1 + df)) + 1, rows L2-normalised), computed here with scipy's
    sparse matrices: importing scikit-learn took 0.6-2.6 s of every feed run, warm ones included (#17).
    """
    from scipy.sparse import csr_matrix

    docs = [story_anchors(" ".join(texts)) for texts in leads]
    if not any(docs):
        return np.zeros((len(docs), len(docs)), dtype=np.float32)
    column = {token: k for k, token in enumerate(sorted({t for doc in docs for t in doc}))}
    indptr, indices, counts = [0], [], []
    for doc in docs:
        for token, n in sorted(Counter(column[t] for t in doc).items()):
            indices.append(token)
            counts.append(n)
        indptr.append(len(indices))
    tf = csr_matrix(
        (np.log(np.asarray(counts, dtype=np.float64)) + 1.0, indices, indptr), shape=(len(docs), len(column))
    )
    df = np.bincount(np.asarray(indices, dtype=np.int64), minlength=len(column))
    tf.data *= (np.log((1.0 + len(docs)) / (1.0 + df)) + 1.0)[tf.indices]
    norms = np.sqrt(np.asarray(tf.multiply(tf).sum(axis=1)).ravel())
    tf.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(tf.indptr))
    # row blocks, each made float32 before it is dense: a big feed's sparse product is never whole (#17)
    similarity = np.empty((len(docs), len(docs)), dtype=np.float32)
    for start in range(0, len(docs), ANCHOR_BLOCK_ROWS):
        similarity[start : start + ANCHOR_BLOCK_ROWS] = (
            (tf[start : start + ANCHOR_BLOCK_ROWS] @ tf.T).astype(np.float32).toarray()
        )
    return similarity


def _date_gap(articles: Sequence[Article]) -> np.ndarray:
    """Days between publication dates; 0 where a date is unknown."""
    # int32: a third of the memory of int64 for a big feed's n x n gaps (5,000 articles: 100 instead of 200 MB, twice)
    days = np.array([a.published.toordinal() if a.published else -1 for a in articles], dtype=np.int32)
    gap = np.abs(days[:, None] - days[None, :])
    known = days >= 0
    return np.where(known[:, None] & known[None, :], gap, 0)


def story_signals(
    articles: Sequence[Article],
    embedder: Embedder,
    cfg: Config,
    *,
    sentences: Sequence[Sentence] | None = None,
    progress: Progress | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairwise meaning similarity, shared-anchor similarity and days apart of the articles.

    Only titles and leads are embedded (`_lead_texts`); no other sentence plays a part.
    """
    leads = _lead_texts(articles, cfg, sentences)
    flat = [t for texts in leads for t in texts]
    emb, _new = embed_texts(flat, embedder, cfg.embed, progress=progress)
    owner = np.repeat(np.arange(len(leads)), [len(t) for t in leads])
    centroids = np.zeros((len(leads), emb.shape[1]), dtype=np.float32)
    np.add.at(centroids, owner, emb)
    centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)
    return centroids @ centroids.T, _anchor_similarity(leads), _date_gap(articles)


def combine_signals(meaning: np.ndarray, anchors: np.ndarray, gaps: np.ndarray, cfg: StoriesConfig) -> np.ndarray:
    """Distances between articles: 1 - weighted similarity; too far apart in time = unrelated."""
    # in place, the same arithmetic as 1 - ((1 - w) * meaning + w * anchors): one n x n temporary, not four (#17)
    distance: np.ndarray = np.multiply(anchors, np.float32(cfg.names_weight), dtype=np.float32)
    distance += np.multiply(meaning, np.float32(1.0 - cfg.names_weight), dtype=np.float32)
    np.subtract(np.float32(1.0), distance, out=distance)
    np.clip(distance, 0.0, UNRELATED, out=distance)
    if cfg.max_days_apart > 0:
        distance[gaps > cfg.max_days_apart] = UNRELATED
    np.fill_diagonal(distance, 0.0)
    return distance


def cut_stories(articles: Sequence[Article], distance: np.ndarray, threshold: float) -> list[list[Article]]:
    """Average linkage on the distances, cut at `threshold`; stories ordered by earliest article."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, np.nextafter(threshold, -np.inf), criterion="distance")
    groups: dict[int, list[Article]] = {}
    for article, label in zip(articles, labels, strict=True):
        groups.setdefault(int(label), []).append(article)
    stories = [sorted(g, key=_article_order) for g in groups.values()]
    return sorted(stories, key=lambda story: _article_order(story[0]))


@dataclass(frozen=True, slots=True)
class PreparedFeed:
    """A feed's stories and what its one pass computed for them (#17): each story's check reuses its part.

    `stories` as `group_stories` gives them; the rest are the whole feed's dropped spans,
    sentences and claims, and the parse frames (by claim id) of the sentences that compare.
    """

    stories: list[list[Article]]
    dropped: tuple[DroppedSpan, ...]
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    frames: Mapping[str, Frame]

    def for_story(self, story: Sequence[Article]) -> Prepared:
        """The part of the pass that belongs to these articles, in their order (as their own batch would have it)."""
        ids = [a.id for a in story]
        dropped = _by_article(self.dropped, ids)
        sentences = _by_article(self.sentences, ids)
        claims = _by_article(self.claims, ids)
        return Prepared(
            dropped=dropped,
            sentences=sentences,
            claims=claims,
            frames={c.id: self.frames[c.id] for c in claims if c.id in self.frames},
        )


def _by_article(items: Sequence[_Owned], article_ids: Sequence[str]) -> tuple[_Owned, ...]:
    """The items of these articles, article by article in the order given, each article's in their own order."""
    wanted = set(article_ids)
    grouped: dict[str, list[_Owned]] = {}
    for item in items:
        if item.article_id in wanted:
            grouped.setdefault(item.article_id, []).append(item)
    return tuple(item for a in article_ids for item in grouped.get(a, ()))


def prepare_feed(
    articles: Sequence[Article],
    embedder: Embedder,
    cfg: Config,
    *,
    progress: Callable[..., None] | None = None,
    meanwhile: Callable[[PreparedFeed, Elsewhere], None] | None = None,
) -> PreparedFeed:
    """Group a feed into stories, and compute in one pass what the stories' checks will compare.

    The feed is cleaned and split once; the stories are grouped on the vectors of titles and
    leads only (`group_stories`); then only the sentences of stories where two or more articles
    have sentences are embedded, in one pass, and their claims parsed. A story of one article
    compares nothing across outlets (`pipeline.run_pipeline` neither embeds nor parses it): 214
    of the 301 stories of the 500-article GVA feed, 47% of its sentences (#17). Its claims, which
    the checks inside one article read, are extracted with the rest. The dropped spans,
    sentences, claims and frames are returned for the stories' checks (`PreparedFeed.for_story`),
    which then neither clean, split, extract nor parse again; the vectors go to the cache.

    One pass sorts the feed by length, so the model's batches are fuller than story by story,
    spaCy gets one `pipe` instead of one per story, and Dask workers on this machine need load
    neither model. On a machine with two cores or more and a cold feed of at least
    `PARSE_WORKER_MIN_SENTENCES` sentences, a spawned process extracts every claim while this one
    embeds the leads, then parses the compared sentences while this one embeds them, so both
    cores work; the results reach this process through the caches. Without a cache (nowhere to
    keep vectors) nothing is embedded beyond the grouping.

    Args:
        articles: The feed.
        embedder: The sentence model.
        cfg: Settings.
        progress: Told the embedding's counts (a `pipeline.Progress`).
        meanwhile: Called once with the stories and every claim but no frames yet, and an
            `Elsewhere` that runs a job in the worker once its parse is done (so the stories of
            one article, which need no frames, are checked there while this process checks the
            others, #17); without a worker, once everything is ready, with an `Elsewhere` that
            runs the job here at once.

    Returns:
        The stories, as `group_stories` gives them, and the feed's pass.
    """
    step = as_progress(progress)
    early = _titled(articles)  # the titles tell a cold feed: start the worker now, to split beside this process (#17)
    pool = _start_worker(articles, None, embedder, cfg) if early else None
    jobs: list[Future[None]] = []
    try:
        dropped = clean_articles(articles, cfg.clean)
        # the worker splits a share of the feed into the spans cache while this process splits the rest
        if pool is not None:
            theirs = _worker_share(articles)
            jobs.append(_submit(pool, _split_share, [articles[k] for k in theirs], dropped, cfg))
            split_sentences(
                [a for k, a in enumerate(articles) if k not in theirs],
                dropped,
                cfg.segment,
                cache_dir=cfg.embed.cache_dir,
            )
            _all_done(jobs)  # (a worker that died left its share to the line below)
        sentences = split_sentences(articles, dropped, cfg.segment, cache_dir=cfg.embed.cache_dir)
    except BaseException:
        if pool is not None:
            _stop(pool)
        raise
    if not early:
        pool = _start_worker(articles, sentences, embedder, cfg)
    if pool is None:
        stories = group_stories(articles, embedder, cfg, sentences=sentences, progress=step)
        compared = compared_sentences(stories, sentences)
        if cfg.embed.cache_dir:
            _embed_feed(sorted({s.text for s in compared}, key=len), embedder, cfg, step)
        claims, frames = _claims_and_frames(articles, sentences, compared, cfg)
        feed = PreparedFeed(stories, tuple(dropped), tuple(sentences), tuple(claims), frames)
        if meanwhile is not None:
            meanwhile(feed, run_here)
        return feed
    # one encoder thread while the worker works, so it has a core of its own (#17)
    with sharing_cores(embedder, lambda: not all(job.done() for job in jobs)):
        try:
            jobs.append(_submit(pool, _extract_and_load_parser, list(articles), list(sentences), cfg))
            stories = group_stories(articles, embedder, cfg, sentences=sentences, progress=step)
            compared = compared_sentences(stories, sentences)
            jobs.append(_submit(pool, extract_and_parse, list(articles), compared, cfg))
            _embed_feed(sorted({s.text for s in compared}, key=len), embedder, cfg, step)
            if hasattr(embedder, "release"):  # every vector the checks read is cached: the session's memory goes back
                embedder.release()
            known: list[Claim] | None = None
            if meanwhile is not None:
                _all_done(jobs[:-1])  # every claim is extracted (the parse may go on)
                known = extract_claims(articles, sentences, cfg.claims, cache_dir=cfg.embed.cache_dir)
                meanwhile(
                    PreparedFeed(stories, tuple(dropped), tuple(sentences), tuple(known), {}),
                    lambda fn, *args: _submit(pool, fn, *args),
                )
            _all_done(jobs)  # the worker's results are in the caches; if it died, what it left is computed below
        except BaseException:  # a failed or interrupted encode: do not wait for the parse
            _stop(pool)
            raise
        finally:
            pool.shutdown(wait=False)  # a job handed on by `meanwhile` goes on beside this process's checks
    claims, frames = _claims_and_frames(articles, sentences, compared, cfg, known)
    return PreparedFeed(stories, tuple(dropped), tuple(sentences), tuple(claims), frames)


Elsewhere = Callable[..., "Future[Any]"]
"""Runs `fn(*args)` (a picklable, module-level function) in a feed's worker or here; its Future."""


def run_here(fn: Callable[..., Any], *args: object) -> Future[Any]:
    """Run `fn(*args)` now, in this process: the `Elsewhere` of a feed without a worker."""
    job: Future[Any] = Future()
    try:
        job.set_result(fn(*args))
    except Exception as e:  # handed to whoever reads the result, as a worker's job would be
        job.set_exception(e)
    return job


def _submit(pool: ProcessPoolExecutor, fn: Callable[..., None], *args: object) -> Future[None]:
    """The worker's job, or a job failed with BrokenProcessPool when the worker died in an earlier one."""
    try:
        return pool.submit(fn, *args)
    except BrokenProcessPool as e:
        failed: Future[None] = Future()
        failed.set_exception(e)
        return failed


def _all_done(jobs: Sequence[Future[None]]) -> bool:
    """Wait for the worker's jobs; False when it died before finishing them."""
    try:
        for job in jobs:
            job.result()
    except BrokenProcessPool:
        return False
    return True


def compared_sentences(stories: Sequence[Sequence[Article]], sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences of the stories where two or more articles have sentences; the others reach no comparison."""
    story_of = {a.id: k for k, story in enumerate(stories) for a in story}
    with_text: dict[int, set[str]] = {}
    for sent in sentences:
        with_text.setdefault(story_of[sent.article_id], set()).add(sent.article_id)
    return [s for s in sentences if len(with_text[story_of[s.article_id]]) >= 2]


def _claims_and_frames(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    compared: Sequence[Sentence],
    cfg: Config,
    claims: list[Claim] | None = None,
) -> tuple[list[Claim], dict[str, Frame]]:
    """Every sentence's claims (unless given), and the frames of the compared sentences' claims (from the caches where there)."""
    if claims is None:
        claims = extract_claims(articles, sentences, cfg.claims, cache_dir=cfg.embed.cache_dir)
    if not cfg.compare.parser or not compared:
        return claims, {}
    ids = {s.id for s in compared}
    frames = cached_claim_frames(
        compared, [c for c in claims if c.sentence_id in ids], cfg.compare.parser, cfg.embed.cache_dir
    )
    return claims, frames


def _start_worker(
    articles: Sequence[Article], sentences: Sequence[Sentence] | None, embedder: Embedder, cfg: Config
) -> ProcessPoolExecutor | None:
    """A spawned process for claims and parses, or None when it would not pay.

    It pays on a feed of at least PARSE_WORKER_MIN_SENTENCES sentences new to the caches. The
    leads (embedded first) stand for the feed: a warm run, whose leads are cached, spawns none.
    Before the feed is split (`sentences` None), the titles stand for the leads and the text's
    length for the sentences (`_titled` feeds only).
    """
    if not cfg.embed.cache_dir or _usable_cores() < 2 or multiprocessing.current_process().daemon:
        return None  # (a daemonic process may not start children)
    if sentences is None:
        leads = list({a.title for a in articles if a.title.strip()})
        n_sentences = sum(len(a.text) for a in articles) // CHARS_PER_SENTENCE
    else:
        leads = list({t for texts in _lead_texts(articles, cfg, sentences) for t in texts})
        n_sentences = len(sentences)
    if n_sentences < PARSE_WORKER_MIN_SENTENCES:
        return None
    new_share = count_uncached(leads, embedder, cfg.embed) / max(len(leads), 1)
    if new_share * n_sentences < PARSE_WORKER_MIN_SENTENCES:
        return None
    # spawn, not fork: forking after the encoder has started its threads can hang (#7)
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


def _titled(articles: Sequence[Article]) -> bool:
    """Whether most articles have a title (which then stand for their leads before the split)."""
    return sum(bool(a.title.strip()) for a in articles) * 2 >= len(articles)


def _embed_feed(texts: Sequence[str], embedder: Embedder, cfg: Config, progress: Progress) -> None:
    """Embed texts into the cache in slices (bounded memory: the vectors are not kept).

    `progress` is told counts over all the slices: texts embedded of those the cache lacked.
    """
    total = count_uncached(texts, embedder, cfg.embed) if len(texts) > FEED_EMBED_SLICE else 0
    done = 0
    for start in range(0, len(texts), FEED_EMBED_SLICE):

        def told(name: str, k: int, n: int, base: int = done) -> None:
            progress(name, base + k, max(total, base + n))

        _emb, new = embed_texts(texts[start : start + FEED_EMBED_SLICE], embedder, cfg.embed, progress=told)
        done += new


def _extract_and_load_parser(articles: Sequence[Article], sentences: Sequence[Sentence], cfg: Config) -> None:
    """Every sentence's claims, then the parser loaded, while the stories are grouped (the worker's first job)."""
    from factcheck.stages.frames import load_parser

    extract_and_parse(articles, sentences, cfg, parse=False)
    if cfg.compare.parser:
        load_parser(cfg.compare.parser)


def _worker_share(articles: Sequence[Article]) -> set[int]:
    """Indices of the articles the worker splits: every other one, up to WORKER_SPLIT_SHARE of the feed's text.

    The worker starts its share later than this process (it is spawned and imports first), so
    it takes a little less than half.
    """
    budget = WORKER_SPLIT_SHARE * sum(len(a.text) for a in articles)
    theirs: set[int] = set()
    for k in range(1, len(articles), 2):
        if budget < len(articles[k].text):
            break
        budget -= len(articles[k].text)
        theirs.add(k)
    return theirs


def _split_share(articles: Sequence[Article], dropped: Sequence[DroppedSpan], cfg: Config) -> None:
    """Split some of the feed's articles into the spans cache (the worker's first job on a cold feed)."""
    ids = {a.id for a in articles}
    split_sentences(articles, [d for d in dropped if d.article_id in ids], cfg.segment, cache_dir=cfg.embed.cache_dir)


def extract_and_parse(
    articles: Sequence[Article], sentences: Sequence[Sentence], cfg: Config, *, parse: bool = True
) -> None:
    """Extract the sentences' claims and (with `parse`) parse their sentences, into the caches."""
    claims = extract_claims(articles, sentences, cfg.claims, cache_dir=cfg.embed.cache_dir)
    if parse and cfg.compare.parser:
        cached_claim_frames(sentences, claims, cfg.compare.parser, cfg.embed.cache_dir)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the worker now; whatever it committed to the caches stays valid."""
    for process in list(getattr(pool, "_processes", {}).values()):  # no public way to end a running task
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def _usable_cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def group_stories(
    articles: Sequence[Article],
    embedder: Embedder,
    cfg: Config,
    *,
    sentences: Sequence[Sentence] | None = None,
    progress: Progress | None = None,
) -> list[list[Article]]:
    """Group a mixed feed into stories (events), one list of articles per story.

    Articles are close when their titles and leads mean the same (embedding
    centroid) and mention the same names, places and numbers (TF-IDF, so a rare
    name counts more than a common one); articles published more than
    `stories.max_days_apart` days apart count as unrelated. Average linkage with
    `stories.distance_threshold` cuts the groups.

    Args:
        articles: The feed.
        embedder: The sentence model (only titles and leads are embedded).
        cfg: Settings (`stories`; `clean` and `segment` for the leads).
        sentences: The feed's kept sentences, when already split (not split again).
        progress: Told the embedding's counts.

    Returns:
        Stories ordered by their earliest article (date, then id); articles in each
        story in the same order.
    """
    if len(articles) < 2:
        return [list(articles)] if articles else []
    signals = story_signals(articles, embedder, cfg, sentences=sentences, progress=progress)
    distance = combine_signals(*signals, cfg.stories)
    return cut_stories(articles, distance, cfg.stories.distance_threshold)


def _article_order(article: Article) -> tuple[date, str]:
    """Sort key: publication date (unknown first), then id."""
    return (article.published or date.min, article.id)
