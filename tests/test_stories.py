"""Story grouping of a mixed feed, check_feed and the feed index (#7)."""

import json
from datetime import date

import numpy as np
import pytest

from factcheck import api
from factcheck.config import load_config
from factcheck.records import Article
from factcheck.stories import _anchor_similarity, group_stories, story_anchors
from tests.conftest import FakeEmbedder


def _article(art_id, day, title, text, outlet="Outlet"):
    return Article(art_id, outlet, title, None, date(2015, 6, day) if day else None, "field", "", "", text)


# Two look-alike shootings (same words, other town, other names, a week apart) and an unrelated story.
FEED = [
    _article(
        "s1",
        1,
        "Man shot dead in Dayton",
        "A man was shot dead in Dayton on Monday. Police said John Carver, 34, died at the scene.",
    ),
    _article(
        "s2",
        2,
        "Dayton shooting victim named",
        "Police named John Carver, 34, as the man shot dead in Dayton on Monday.",
    ),
    _article(
        "t1",
        9,
        "Man shot dead in Toledo",
        "A man was shot dead in Toledo on Monday. Police said Luis Ortega, 27, died at the scene.",
    ),
    _article(
        "t2",
        9,
        "Toledo shooting victim named",
        "Police named Luis Ortega, 27, as the man shot dead in Toledo on Monday.",
    ),
    _article(
        "b1",
        3,
        "Budget passes in Salem",
        "The Salem council passed a budget of 40 million dollars for roads and schools.",
    ),
]


def _ids(stories):
    return [[a.id for a in story] for story in stories]


def test_lookalike_events_stay_apart(tmp_path):
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path}"])
    stories = _ids(group_stories(FEED, FakeEmbedder(), cfg))
    assert sorted(stories) == [["b1"], ["s1", "s2"], ["t1", "t2"]]
    assert stories[0] == ["s1", "s2"]  # ordered by earliest article


def test_dates_keep_the_same_words_apart(tmp_path):
    # The same text a month apart is two events when dates count, one when they do not.
    a = _article("x1", 1, "Fire at the mill", "A fire destroyed the old Harmon mill on Friday night.")
    b = _article("x2", 30, "Fire at the mill", "A fire destroyed the old Harmon mill on Friday night.")
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path}"])
    assert len(group_stories([a, b], FakeEmbedder(), cfg)) == 2
    cfg_no_dates = load_config(overrides=[f"embed.cache_dir={tmp_path}", "stories.max_days_apart=0"])
    assert len(group_stories([a, b], FakeEmbedder(), cfg_no_dates)) == 1


def test_small_feeds(tmp_path):
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path}"])
    assert group_stories([], FakeEmbedder(), cfg) == []
    assert _ids(group_stories(FEED[:1], FakeEmbedder(), cfg)) == [["s1"]]


def test_story_anchors():
    assert story_anchors("Police said John Carver, 34, died in Dayton on Monday.") == [
        "john",
        "carver",
        "dayton",
        "n:34",
    ]


def test_check_feed_writes_a_report_per_story_and_an_index(tmp_path):
    feed = tmp_path / "feed.jsonl"
    hostile = {"id": "h1", "outlet": "<script>alert(1)</script>", "title": "[click](javascript:alert(1)) <b>x</b>"}
    rows = [
        {"id": a.id, "outlet": a.outlet, "title": a.title, "published": a.published.isoformat(), "text": a.text}
        for a in FEED
    ]
    rows.append({**hostile, "published": "2015-07-20", "text": "Unrelated gardening advice about roses and soil."})
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}", "compare.parser="])
    steps = []
    out = tmp_path / "reports"
    run = api.check_feed([feed], cfg, out=out, formats=["md", "json"], embedder=FakeEmbedder(), progress=steps.append)
    reports = [story.report for story in run.stories]
    assert [len(r.articles) for r in reports] == [2, 1, 2, 1]
    assert "stories" in steps
    assert reports[0].batch == "story-001-man-shot-dead-in-dayton"
    paths = run.paths
    assert out / "index.md" in paths
    assert (out / reports[0].batch / "report.md").is_file()
    index = (out / "index.md").read_text()
    assert f"[{reports[0].batch}]({reports[0].batch}/report.md)" in index
    assert "<script>" not in index and "&lt;script&gt;" in index
    assert "[click](" not in index and "\\[click\\](javascript" in index  # shown, not a link
    page = (out / "index.html").read_text()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert f'href="{reports[0].batch}/report.md"' in page  # the report that was written, not a missing report.html


def _write_feed(path):
    rows = ({"id": a.id, "title": a.title, "published": a.published.isoformat(), "text": a.text} for a in FEED)
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


class CountingEmbedder(FakeEmbedder):
    def __init__(self):
        self.calls: list[int] = []

    def encode(self, texts):
        self.calls.append(len(texts))
        return super().encode(texts)


class RecordingEmbedder(FakeEmbedder):
    def __init__(self):
        self.calls: list[list[str]] = []

    def encode(self, texts):
        self.calls.append(list(texts))
        return super().encode(texts)


# A one-article story longer than its lead (stories.lead_sentences = 5): its tail is never embedded (#17).
LONG_SOLO = _article(
    "b1",
    3,
    "Budget passes in Salem",
    " ".join(f"The Salem council approved item {k} of the budget for roads and schools." for k in range(1, 9)),
)


def test_only_leads_and_the_stories_of_several_articles_are_embedded(tmp_path):
    # #17: the leads for grouping, then the sentences of stories of two or more articles, each in one pass
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": a.id, "title": a.title, "published": a.published.isoformat(), "text": a.text} for a in FEED[:4]]
    rows[0]["text"] += " Neighbours heard four shots. The street was closed. Schools stayed open. Buses were rerouted."
    rows.append({"id": "b1", "title": LONG_SOLO.title, "published": "2015-06-03", "text": LONG_SOLO.text})
    feed.write_text("".join(json.dumps(row) + "\n" for row in rows))
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}", "compare.parser="])
    embedder = RecordingEmbedder()
    steps = []
    run = api.check_feed([feed], cfg, out=tmp_path / "r", embedder=embedder, progress=steps.append)
    reports = [story.report for story in run.stories]
    assert [len(r.articles) for r in reports] == [2, 1, 2]
    assert len(embedder.calls) == 2  # grouping (titles, leads), then the rest; every story found its vectors cached
    embedded = {t for call in embedder.calls for t in call}
    solo = reports[1]
    assert len(solo.sentences) == 8
    assert [s.text for s in solo.sentences if s.text in embedded] == [s.text for s in solo.sentences[:5]]
    assert {s.text for r in reports if len(r.articles) > 1 for s in r.sentences} <= embedded
    assert embedder.calls[1] == ["Buses were rerouted."]  # the sixth sentence of s1: no lead
    assert steps[0] == "stories" and steps[-1] == "story 3/3"  # name-only callbacks get the counts in the name
    assert any(m.startswith("embed ") for m in steps)


def test_stories_of_several_articles_report_as_when_checked_alone(tmp_path):
    # #17: preparing the feed (leads first, one-article stories skipped) changes no multi-article report
    from factcheck.pipeline import run_pipeline

    feed = _write_feed(tmp_path / "feed.jsonl")
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}"])
    reports = [r.report for r in api.check_feed([feed], cfg, out=tmp_path / "r", embedder=FakeEmbedder()).stories]
    several = [r for r in reports if len(r.articles) > 1]
    assert len(several) == 2
    for k, report in enumerate(several):
        alone_cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / f'alone-{k}'}"])
        alone = run_pipeline(report.articles, alone_cfg, FakeEmbedder(), batch=report.batch)
        assert (alone.facts, alone.claims, alone.findings) == (report.facts, report.claims, report.findings)
        assert alone.findings


def test_a_feed_is_parsed_in_one_pass_before_the_stories_are_checked(tmp_path, monkeypatch):
    from factcheck.stages import frames

    feed = _write_feed(tmp_path / "feed.jsonl")
    calls = []
    real = frames.claim_frames
    monkeypatch.setattr(frames, "claim_frames", lambda s, c, p: calls.append(len(c)) or real(s, c, p))
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}"])
    reports = [run.report for run in api.check_feed([feed], cfg, out=tmp_path / "r", embedder=FakeEmbedder()).stories]
    assert len(calls) == 1  # every story found its claims' frames cached
    # the ages and times the comparison derives from the text (#14) are claims of the report, never parsed;
    # nor is a story of one article (#17)
    several = [r for r in reports if len(r.articles) > 1]
    assert calls[0] == sum(sum(":age:" not in c.id and ":time:" not in c.id for c in r.claims) for r in several) > 0


def test_a_spawned_worker_parses_while_the_feed_is_embedded(tmp_path, monkeypatch):
    # #17: claims and parses in a spawned process beside the encoder give the same reports
    import factcheck.stories as stories
    from factcheck.stages import frames

    feed = _write_feed(tmp_path / "feed.jsonl")
    here = []
    real = frames.claim_frames
    monkeypatch.setattr(frames, "claim_frames", lambda s, c, p: here.append(len(c)) or real(s, c, p))
    monkeypatch.setattr(stories, "_usable_cores", lambda: 2)
    results = {}
    for threshold in (0, 10**9):  # 0: the worker parses; 10**9: this process does
        monkeypatch.setattr(stories, "PARSE_WORKER_MIN_SENTENCES", threshold)
        cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / f'cache-{threshold}'}"])
        reports = [r.report for r in api.check_feed([feed], cfg, out=tmp_path / "r", embedder=FakeEmbedder()).stories]
        results[threshold] = [(r.batch, r.claims, r.findings, r.facts) for r in reports]
    assert len(here) == 1  # only the in-process run parsed here; the worker filled its cache
    assert results[0] == results[10**9]


def test_a_dead_worker_is_replaced_by_this_process(tmp_path, monkeypatch):
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    import factcheck.stories as stories

    class DeadPool:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def shutdown(self, wait=True, cancel_futures=False):
            pass

        def submit(self, *_args, **_kwargs):
            job = Future()
            job.set_exception(BrokenProcessPool("killed"))
            return job

    monkeypatch.setattr(stories, "_start_worker", lambda *_args: DeadPool())
    feed = _write_feed(tmp_path / "feed.jsonl")
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}", "compare.parser="])
    reports = [r.report for r in api.check_feed([feed], cfg, out=tmp_path / "r", embedder=FakeEmbedder()).stories]
    assert sum(len(r.claims) for r in reports) > 0


def test_a_worker_dead_before_its_second_job_is_replaced_too(tmp_path, monkeypatch):
    # the pool refuses the parse job when the worker died during the first (killed, out of memory)
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    import factcheck.stories as stories

    class DyingPool:
        def __init__(self):
            self.jobs = 0

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def shutdown(self, wait=True, cancel_futures=False):
            pass

        def submit(self, *_args, **_kwargs):
            self.jobs += 1
            if self.jobs > 1:
                raise BrokenProcessPool("a child process terminated abruptly")
            job = Future()
            job.set_exception(BrokenProcessPool("killed"))
            return job

    monkeypatch.setattr(stories, "_start_worker", lambda *_args: DyingPool())
    feed = _write_feed(tmp_path / "feed.jsonl")
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}"])
    reports = [r.report for r in api.check_feed([feed], cfg, out=tmp_path / "r", embedder=FakeEmbedder()).stories]
    expected = [r.report for r in api.check_feed([feed], cfg, out=tmp_path / "r2", embedder=FakeEmbedder()).stories]
    assert [r.findings for r in reports] == [r.findings for r in expected] and sum(len(r.claims) for r in reports) > 0


@pytest.mark.parametrize(
    "leads",
    [
        [["Two shot in Franklin on Monday"], ["Franklin shooting: 2 hurt, 21-year-old held"], ["Rain in Dover"]],
        [
            ["Ann Lee wins in Reno, Reno votes"],
            ["Reno picks Ann Lee"],
            ["Ann Lee, Ann Lee, Ann Lee"],
            ["no names here"],
        ],
        [["no names"], ["none either"]],
    ],
)
def test_anchor_similarity_is_scikit_learns_tfidf_cosine(leads, monkeypatch):
    # #17: computed with scipy alone (importing scikit-learn cost 0.6-2.6 s a run); the same numbers
    from sklearn.feature_extraction.text import TfidfVectorizer

    import factcheck.stories as stories

    docs = [story_anchors(" ".join(texts)) for texts in leads]
    got = _anchor_similarity(leads)
    monkeypatch.setattr(stories, "ANCHOR_BLOCK_ROWS", 1)  # row by row, as a big feed's blocks
    assert np.array_equal(_anchor_similarity(leads), got)
    if not any(docs):
        assert not got.any()
        return
    tfidf = TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True).fit_transform(docs)
    expected = np.asarray((tfidf @ tfidf.T).toarray(), dtype=np.float32)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-6)
    assert got.dtype == np.float32 and got[0, 1] > 0


def test_the_stories_checks_reuse_the_feeds_pass(tmp_path, monkeypatch):
    # #17: the feed is cleaned, split, extracted and parsed once; no story does it again
    import factcheck.pipeline as pipeline

    calls = []
    for name in ("clean_articles", "split_sentences", "extract_claims", "cached_claim_frames"):
        real = getattr(pipeline, name)
        monkeypatch.setattr(
            pipeline, name, lambda *a, _real=real, _name=name, **k: calls.append(_name) or _real(*a, **k)
        )
    feed = _write_feed(tmp_path / "feed.jsonl")
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}"])
    run = api.check_feed([feed], cfg, out=tmp_path / "r", embedder=FakeEmbedder())
    assert len(run.stories) > 1 and calls == []


def test_the_worker_splits_a_share_of_a_cold_feed_beside_this_process(tmp_path, monkeypatch):
    # #17: a cold feed with titles starts the worker before the split, and each process splits a share
    from concurrent.futures import Future

    import factcheck.stories as stories

    order = []

    class InlinePool:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def shutdown(self, wait=True, cancel_futures=False):
            pass

        def submit(self, fn, *args):
            order.append(fn.__name__)
            job = Future()
            job.set_result(fn(*args))
            return job

    started = []
    monkeypatch.setattr(stories, "_start_worker", lambda *args: started.append(args[1]) or InlinePool())
    real_split = stories.split_sentences
    monkeypatch.setattr(stories, "split_sentences", lambda *a, **k: order.append("split") or real_split(*a, **k))
    feed = _write_feed(tmp_path / "feed.jsonl")
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}"])
    run = api.check_feed([feed], cfg, out=tmp_path / "r", embedder=FakeEmbedder())
    # the worker's share, this process's share, then the whole feed read back from the spans cache;
    # then the compared stories, handed to the worker in shares for after its parse
    assert order[:6] == ["_split_share", "split", "split", "split", "_extract_and_load_parser", "extract_and_parse"]
    assert set(order[6:]) == {"_check_parsed_and_write"}
    assert len(order[6:]) == sum(len(s.report.articles) > 1 for s in run.stories) == 2
    assert started == [None]  # decided once, before the split, on the titles
    alone = api.check_feed(
        [feed], load_config(overrides=["embed.cache_dir="]), out=tmp_path / "s", embedder=FakeEmbedder()
    )
    assert [s.report.sentences for s in run.stories] == [s.report.sentences for s in alone.stories]
    assert stories._titled([_article("x", 1, "A title", "text"), _article("y", 1, "", "text")])
    assert not stories._titled([_article("x", 1, "", "text"), _article("y", 1, " ", "text")])
    articles = [_article(str(k), 1, "t", "word " * n) for k, n in enumerate([10, 10, 10, 10, 10, 50])]
    assert stories._worker_share(articles) == {1, 3}  # every other article, under 45% of the text


def test_shares_the_worker_has_not_started_are_checked_here(tmp_path, monkeypatch):
    # #17: the compared stories wait in the worker's queue until its parse ends; this process
    # checks the stories of one article meanwhile, then takes back every share not yet started
    from concurrent.futures import Future

    import factcheck.stories as stories

    queued = []

    class BusyPool:
        def shutdown(self, wait=True, cancel_futures=False):
            pass

        def submit(self, fn, *args):
            job = Future()
            if fn.__name__ == "_check_parsed_and_write":
                queued.append(job)  # the worker is still parsing: never started
            else:
                job.set_result(fn(*args))
            return job

    monkeypatch.setattr(stories, "_start_worker", lambda *args: BusyPool())
    feed = _write_feed(tmp_path / "feed.jsonl")
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}"])
    run = api.check_feed([feed], cfg, out=tmp_path / "r", embedder=FakeEmbedder())
    assert len(queued) == 2 and all(job.cancelled() for job in queued)
    alone = api.check_feed(
        [feed], load_config(overrides=["embed.cache_dir="]), out=tmp_path / "s", embedder=FakeEmbedder()
    )
    assert [(s.report.claims, s.report.findings) for s in run.stories] == [
        (s.report.claims, s.report.findings) for s in alone.stories
    ]
    assert sum(len(s.report.findings) for s in run.stories) > 0


def test_shares_are_largest_first_and_about_equal():
    from factcheck.api import SHARES_PER_WORKER, _shares
    from factcheck.records import Sentence
    from factcheck.stories import PreparedFeed

    stories = [[_article(f"a{k}", 1, "t", "x")] for k in range(30)]
    sizes = [k % 7 + 1 for k in range(30)]
    sentences = tuple(
        Sentence(id=f"a{k}:{j}", article_id=f"a{k}", index=j, text="x", start=0, end=1)
        for k in range(30)
        for j in range(sizes[k])
    )
    feed = PreparedFeed(stories, (), sentences, (), {})
    shares = _shares(feed, list(range(30)))
    assert sorted(k for share in shares for k in share) == list(range(30))  # every story once
    weights = [sum(sizes[k] for k in share) for share in shares]
    assert len(shares) <= SHARES_PER_WORKER + 1 and max(weights) <= 2 * sum(sizes) / SHARES_PER_WORKER
    assert sizes[shares[0][0]] == max(sizes)  # the worker starts on the largest


def test_the_worker_is_started_early_on_new_titles_only(tmp_path, monkeypatch):
    import factcheck.stories as stories
    from factcheck.stages.embed import embed_texts

    monkeypatch.setattr(stories, "_usable_cores", lambda: 2)
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'cache'}"])
    long = [_article(f"l{k}", 1, f"Title {k}", "A sentence of the report. " * 2000) for k in range(2)]
    short = [_article(f"s{k}", 1, f"Short {k}", "A sentence of the report.") for k in range(2)]
    pool = stories._start_worker(long, None, FakeEmbedder(), cfg)
    assert pool is not None  # 104,000 characters: about 860 sentences, all new
    pool.shutdown()
    assert stories._start_worker(short, None, FakeEmbedder(), cfg) is None  # too little text to pay
    embed_texts([a.title for a in long], FakeEmbedder(), cfg.embed)
    assert stories._start_worker(long, None, FakeEmbedder(), cfg) is None  # titles seen: a warm run
