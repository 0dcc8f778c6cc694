"""Start-up cost (#7): the CLI's help, `extract` and a fully cached `check` never import torch."""

import subprocess
import sys
import textwrap

import numpy as np
import pytest

from factcheck.config import load_config
from factcheck.stages.clean import clean_articles
from factcheck.stages.embed import VectorCache, _key, load_embedder
from factcheck.stages.ingest import load_articles
from factcheck.stages.segment import split_sentences

HEAVY = ("torch", "sentence_transformers", "transformers", "dask", "distributed")


def _imported_modules(args, cwd=None):
    """Top-level modules imported by `python -X importtime ARGS`, read from its import log."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    assert "factcheck" in names  # the log was read
    return names, result.stdout


def test_help_does_not_import_torch():
    names, out = _imported_modules(["-m", "factcheck.cli", "--help"])
    assert "check" in out
    assert not names & set(HEAVY)


def test_extract_does_not_import_torch():
    names, out = _imported_modules(
        ["-m", "factcheck.cli", "extract", "at least 1,400 people died on Tuesday", "--published", "2023-10-16"]
    )
    assert "1,400" in out
    assert not names & set(HEAVY)


def test_warm_check_does_not_load_the_model(tmp_path):
    # compare.parser is off: spaCy's thinc imports torch whenever it is installed.
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a.txt").write_text("Storm hits the coast\n\nThe storm killed 12 people in Harbour Town on Monday.\n")
    (batch / "b.txt").write_text("Coastal storm\n\nAt least 14 people died in Harbour Town when the storm hit.\n")
    cache = tmp_path / "cache"
    cfg = load_config(overrides=[f"embed.cache_dir={cache}"])
    articles, _ = load_articles([batch], cfg.ingest)
    sentences = split_sentences(articles, clean_articles(articles, cfg.clean), cfg.segment)
    assert sentences
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(len(sentences), 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    name = load_embedder(cfg.embed).name  # the default backend's cache key
    VectorCache(cache).put_many({_key(name, s.text): v for s, v in zip(sentences, vectors, strict=True)})
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from factcheck import api
        from factcheck.config import load_config
        cfg = load_config(overrides=["embed.cache_dir={cache}", "compare.parser="])
        report = api.analyse([Path("{batch}")], cfg)
        assert len(report.sentences) == {len(sentences)}
        print(sorted(m for m in {HEAVY!r} if m in sys.modules))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("backend", ["openvino", "onnx"])
def test_cold_check_on_a_converted_model_imports_no_torch(tmp_path, backend):
    # #17: once converted, a first run on new text encodes without torch or sentence-transformers
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a.txt").write_text("Storm hits the coast\n\nThe storm killed 12 people in Harbour Town on Monday.\n")
    (batch / "b.txt").write_text("Coastal storm\n\nAt least 14 people died in Harbour Town when the storm hit.\n")
    cache = tmp_path / "cache"
    convert = textwrap.dedent(
        f"""
        from factcheck.stages.embed import BUNDLED_MODEL, resolve_model_path
        from factcheck.stages.encoders import convert_model
        convert_model(resolve_model_path(BUNDLED_MODEL), "{cache}")
        """
    )
    result = subprocess.run([sys.executable, "-c", convert], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from factcheck import api
        from factcheck.config import load_config
        from factcheck.stages.embed import load_embedder
        cfg = load_config(overrides=["embed.cache_dir={cache}", "compare.parser=", "embed.backend={backend}"])
        embedder = load_embedder(cfg.embed)
        report = api.analyse([Path("{batch}")], cfg, embedder=embedder)
        assert report.sentences and embedder.backend == "{backend}", embedder.backend
        print(sorted(m for m in {HEAVY!r} if m in sys.modules))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
