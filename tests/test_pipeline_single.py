"""A batch with one article compares nothing across outlets: no vectors, no parse, the same report (#17)."""

from dataclasses import replace
from datetime import date

import pytest

from factcheck.config import load_config
from factcheck.pipeline import Prepared, as_progress, run_pipeline
from factcheck.records import Article
from factcheck.stages import frames
from factcheck.stages.claims import extract_claims
from factcheck.stages.clean import clean_articles
from factcheck.stages.cluster import build_facts, cluster_facts
from factcheck.stages.compare import compare_facts, derive_claims
from factcheck.stages.embed import embed_texts
from factcheck.stages.frames import cached_claim_frames
from factcheck.stages.segment import split_sentences
from tests.conftest import FakeEmbedder

# Near-repeated sentences (one cluster when embedded), figures, and a weekday that is not its
# date's day (25 January 2016 was a Monday): the check inside one article.
TEXT = (
    "Two men pleaded guilty on Thursday, January 25, 2016, to the robbery of the Main Street bank. "
    "The two men pleaded guilty to robbing the Main Street bank. "
    "They took 40,000 dollars and injured 3 people, police said. "
    "Police said 3 people were injured in the Main Street bank robbery. "
    "Sentencing is set for April. "
    "Sentencing is set for April."  # a repeated sentence: one fact, as when embedded
)
ARTICLE = Article("a1", "Daily", "Two plead guilty", None, date(2016, 1, 26), "field", "", "", TEXT)


class CountingEmbedder(FakeEmbedder):
    def __init__(self):
        self.texts = []

    def encode(self, texts):
        self.texts += list(texts)
        return super().encode(texts)


def _as_before(article, cfg, embedder):
    """The one-article report as the pipeline made it before #17: embedded, clustered and parsed."""
    dropped = clean_articles([article], cfg.clean)
    sentences = split_sentences([article], dropped, cfg.segment, cache_dir=cfg.embed.cache_dir)
    emb, _ = embed_texts([s.text for s in sentences], embedder, cfg.embed)
    groups = cluster_facts(sentences, emb, cfg.cluster)
    claims = extract_claims([article], sentences, cfg.claims, cache_dir=cfg.embed.cache_dir)
    parsed = cached_claim_frames(sentences, claims, cfg.compare.parser, cfg.embed.cache_dir)
    claims, parsed = derive_claims(sentences, claims, parsed)
    groups, keyed = compare_facts([article], sentences, emb, groups, claims, cfg.compare, parsed)
    facts = [build_facts(sentences, [g])[0] for g in groups]
    findings = sorted((replace(f, fact_id=facts[k].id) for k, f in keyed), key=lambda f: (f.fact_id, f.id))
    return sentences, claims, facts, findings


def test_one_article_is_neither_embedded_nor_parsed_and_keeps_its_report(tmp_path, monkeypatch):
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'before'}"])
    sentences, claims, facts_before, findings = _as_before(ARTICLE, cfg, FakeEmbedder())
    assert any(len(f.sentence_ids) > 1 for f in facts_before)  # the repeats were one fact when embedded
    assert [f.how for f in findings] == ["internal"]  # the weekday check inside the article

    parsed = []
    real = frames.claim_frames
    monkeypatch.setattr(frames, "claim_frames", lambda s, c, p: parsed.append(len(c)) or real(s, c, p))
    embedder = CountingEmbedder()
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path / 'after'}"])
    report = run_pipeline([ARTICLE], cfg, embedder)
    assert embedder.texts == [] and parsed == []
    assert report.sentences == tuple(sentences)
    assert report.claims == tuple(claims)
    assert report.findings == tuple(findings)  # fact ids included: the finding's fact is its own sentence
    # what needed vectors: each distinct sentence is its own single-source fact
    assert sorted(s for f in report.facts for s in f.sentence_ids) == sorted(s.id for s in sentences)
    assert all(f.article_ids == ("a1",) for f in report.facts)
    texts = [{s.text for s in sentences if s.id in f.sentence_ids} for f in report.facts]
    assert all(len(t) == 1 for t in texts) and len(texts) == len({s.text for s in sentences})
    assert len(report.facts) > len(facts_before)
    assert {f.id for f in facts_before if len(f.sentence_ids) == 1} <= {f.id for f in report.facts}
    assert len(sentences) == 6 and len(report.facts) == 5
    assert [s.reason for s in report.skipped] == ["only one article has sentences: nothing to compare across outlets"]


def test_two_articles_are_still_embedded_and_parsed(tmp_path):
    other = replace(ARTICLE, id="a2", outlet="Herald")
    embedder = CountingEmbedder()
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path}", "compare.parser="])
    report = run_pipeline([ARTICLE, other], cfg, embedder)
    assert len(embedder.texts) == len({s.text for s in report.sentences}) > 0
    assert any(len(f.article_ids) == 2 for f in report.facts)


def test_progress_tells_the_embedding_counts_and_accepts_name_only_callbacks(tmp_path):
    other = replace(ARTICLE, id="a2", outlet="Herald")
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path}", "compare.parser="])
    told = []
    run_pipeline(
        [ARTICLE, other],
        cfg,
        FakeEmbedder(),
        progress=lambda name, done=None, total=None: told.append((name, done, total)),
    )
    n = len({s.text for s in run_pipeline([ARTICLE], cfg, FakeEmbedder()).sentences})
    assert [t for t in told if t[1] is None][:3] == [
        ("clean", None, None),
        ("segment", None, None),
        ("embed", None, None),
    ]
    assert [t for t in told if t[0] == "embed" and t[1] is not None] == [("embed", 0, n), ("embed", n, n)]
    names = []
    run_pipeline(
        [ARTICLE, other],
        load_config(overrides=[f"embed.cache_dir={tmp_path / 'b'}"]),
        FakeEmbedder(),
        progress=names.append,
    )
    assert "cluster" in names and f"embed {n}/{n}" in names  # a callback taking a name only gets the counts in it
    assert as_progress(None)("anything", 1, 2) is None


@pytest.mark.parametrize("n_articles", [1, 2])
def test_an_article_repeating_a_misdated_sentence_does_not_stop_the_run(n_articles, tmp_path):
    # was StageError "duplicate fact ids": the internal finding's fact and the leftover copy hashed alike
    from .conftest import FakeEmbedder

    line = "Two men pleaded guilty on Thursday, January 25, 2016, to the robbery."
    text = f"{line} Police said more. {line}"
    a = Article("a1", "Daily", "T", None, date(2016, 1, 26), "field", "", "", text)
    b = Article(
        "a2", "Herald", "T", None, date(2016, 1, 26), "field", "", "", "Unrelated words about gardens and roses."
    )
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path}", "compare.parser="])
    report = run_pipeline([a, b][:n_articles], cfg, FakeEmbedder())
    assert len({f.id for f in report.facts}) == len(report.facts)
    assert any(f.how == "internal" for f in report.findings)  # January 25, 2016 was a Monday
    assert all(any(fact.id == f.fact_id for fact in report.facts) for f in report.findings)


def test_a_prepared_batch_is_neither_cleaned_split_extracted_nor_parsed_again(tmp_path, monkeypatch):
    # #17: a feed's one pass hands each story its dropped spans, sentences, claims and frames
    import factcheck.pipeline as pipeline

    other = replace(ARTICLE, id="a2", outlet="Herald", text=TEXT.replace("40,000", "45,000"))
    cfg = load_config(overrides=[f"embed.cache_dir={tmp_path}"])
    alone = run_pipeline([ARTICLE, other], cfg, FakeEmbedder())
    dropped = clean_articles([ARTICLE, other], cfg.clean)
    sentences = split_sentences([ARTICLE, other], dropped, cfg.segment)
    claims = extract_claims([ARTICLE, other], sentences, cfg.claims)
    parsed = cached_claim_frames(sentences, claims, cfg.compare.parser, str(tmp_path))
    prepared = Prepared(dropped=tuple(dropped), sentences=tuple(sentences), claims=tuple(claims), frames=parsed)

    def refuse(*_args, **_kwargs):
        raise AssertionError("recomputed what was prepared")

    for name in ("clean_articles", "split_sentences", "extract_claims", "cached_claim_frames"):
        monkeypatch.setattr(pipeline, name, refuse)
    again = run_pipeline([ARTICLE, other], cfg, FakeEmbedder(), prepared=prepared)
    assert again == alone
    assert any(f.verdict == "agree" and len(f.articles) == 2 for f in again.findings)  # compared across outlets
    without_frames = run_pipeline([ARTICLE, other], cfg, FakeEmbedder(), prepared=replace(prepared, frames={}))
    assert without_frames.findings != alone.findings  # the frames given are the frames used
