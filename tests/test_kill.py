"""Faults (#6): a killed `factcheck check` leaves the previous report whole; a corrupt cache entry is recomputed."""

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import numpy as np
import pytest

from factcheck.config import EmbedConfig
from factcheck.stages.embed import CACHE_FILE, _key, embed_texts

from .conftest import SEEDS, FakeEmbedder

REPORT_FILES = {"report.md", "facts.json", "report.html", "review.xlsx", "review.csv"}
# Runs the real CLI, but holds the n-th rename into the report folder until it is killed:
# the temporary file is written, the report file not yet replaced.
HOLD_RENAME = """
import os, sys, time
from pathlib import Path
out, marker, nth = Path(sys.argv[1]).resolve(), Path(sys.argv[2]), int(sys.argv[3])
real_replace, count = os.replace, 0
def held_replace(src, dst, **kwargs):
    global count
    if Path(dst).resolve().parent == out:
        count += 1
        if count == nth:
            marker.write_text(str(dst))
            time.sleep(600)
    real_replace(src, dst, **kwargs)
os.replace = held_replace
sys.argv = ["factcheck", *sys.argv[4:]]
from factcheck.cli import app
app()
"""


def _cli_args(batch: Path, out: Path, cache: Path) -> list[str]:
    return ["check", str(batch), "-o", str(out), "--set", f"embed.cache_dir={cache}", "--set", "compare.parser="]


def _run(args: list[str]) -> None:
    factcheck = Path(sys.executable).parent / "factcheck"
    done = subprocess.run([str(factcheck), *args], capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}


def _assert_whole(files: dict[str, bytes]) -> None:
    """Every report file parses: none is half-written."""
    assert set(files) == REPORT_FILES
    assert json.loads(files["facts.json"])["schema"].startswith("factcheck.report/")
    assert files["report.md"].decode().startswith("# factcheck report")
    assert files["report.html"].decode().rstrip().endswith("</html>")
    rows = list(csv.reader(files["review.csv"].decode("utf-8-sig").splitlines()))
    assert len(rows) > 1
    from io import BytesIO

    import openpyxl

    assert openpyxl.load_workbook(BytesIO(files["review.xlsx"])).sheetnames


def _kill_when(proc: subprocess.Popen, ready, limit: float = 600) -> None:
    started = time.monotonic()
    while not ready():
        assert proc.poll() is None, "the run ended before the kill point"
        assert time.monotonic() - started < limit
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


@pytest.mark.slow  # four runs of the real CLI with the bundled model
def test_killed_runs_leave_the_previous_report_whole(tmp_path):
    batch, out, cache = tmp_path / "batch", tmp_path / "out", tmp_path / "cache"
    batch.mkdir()
    for seed in sorted(SEEDS.glob("00[0-2]_*.txt")):
        (batch / seed.name).write_text(seed.read_text())
    _run(_cli_args(batch, out, cache))
    old = _snapshot(out)
    _assert_whole(old)

    # the next run has a different batch, so its reports differ from the old ones
    extra = sorted(SEEDS.glob("003_*.txt"))[0]
    (batch / extra.name).write_text(extra.read_text())
    args = _cli_args(batch, out, cache)
    kills = []

    # killed early (imports, model loading, the pipeline)
    proc = subprocess.Popen([str(Path(sys.executable).parent / "factcheck"), *args], stderr=subprocess.DEVNULL)
    started = time.monotonic()
    _kill_when(proc, lambda: time.monotonic() - started > 1.5)
    kills.append(_snapshot(out))

    # killed with a report's temporary file written but not renamed: first file, then third
    for nth in (1, 3):
        marker = tmp_path / f"held-{nth}"
        proc = subprocess.Popen(
            [sys.executable, "-c", HOLD_RENAME, str(out), str(marker), str(nth), *args], stderr=subprocess.DEVNULL
        )
        _kill_when(proc, marker.exists)
        assert any(p.name.endswith(".tmp") for p in out.iterdir())  # the kill really hit mid-write
        kills.append(_snapshot(out))

    _run(args)
    new = _snapshot(out)
    _assert_whole(new)
    assert new["facts.json"] != old["facts.json"]
    for files in kills:
        _assert_whole(files)  # no visible temporary or half-written file
        for name in ("report.md", "facts.json", "report.html"):
            assert files[name] in (old[name], new[name]), name  # each file wholly old or wholly new
    assert kills[0] == old and kills[1] == old  # nothing was replaced before the first rename


# --- embedding cache ----------------------------------------------------------------------------

TEXTS = ["The council approved the budget on Tuesday.", "Officials said 1,400 people attended."]


def _set_entry(cache: Path, text: str, blob: bytes) -> None:
    """Overwrite one cached vector with `blob`, as a bad write or a bit flip would."""
    with closing(sqlite3.connect(cache / CACHE_FILE)) as con, con:
        con.execute("UPDATE vectors SET vec = ? WHERE key = ?", (blob, _key(FakeEmbedder.name, text)))
        assert con.total_changes == 1


@pytest.mark.parametrize(
    "blob",
    [
        np.ones(256, dtype="<f4").tobytes()[:-2],  # truncated
        b"\x00garbage\xff",
        b"",
        np.full(256, np.nan, dtype="<f4").tobytes(),
    ],
    ids=["truncated", "garbage", "empty", "nan"],
)
def test_corrupt_cache_entry_is_recomputed(tmp_path, blob):
    embedder, cfg = FakeEmbedder(), EmbedConfig(cache_dir=str(tmp_path / "cache"))
    fresh, new = embed_texts(TEXTS, embedder, cfg)
    assert new == 2
    _set_entry(tmp_path / "cache", TEXTS[0], blob)
    again, new = embed_texts(TEXTS, embedder, cfg)
    assert new == 1
    np.testing.assert_array_equal(again, fresh)
    third, new = embed_texts(TEXTS, embedder, cfg)  # the entry was rewritten whole
    assert new == 0
    np.testing.assert_array_equal(third, fresh)


@pytest.mark.parametrize(
    "damage",
    [lambda p: p.write_bytes(b"not a database" * 100), lambda p: p.write_bytes(p.read_bytes()[:1000])],
    ids=["garbage_file", "truncated_file"],
)
def test_corrupt_cache_file_is_set_aside(tmp_path, damage):
    embedder, cfg = FakeEmbedder(), EmbedConfig(cache_dir=str(tmp_path / "cache"))
    fresh, _ = embed_texts(TEXTS, embedder, cfg)
    with closing(sqlite3.connect(tmp_path / "cache" / CACHE_FILE)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(tmp_path / "cache" / CACHE_FILE)
    again, new = embed_texts(TEXTS, embedder, cfg)
    assert new == 2
    np.testing.assert_array_equal(again, fresh)


def test_cache_entry_of_wrong_length_is_recomputed(tmp_path):
    embedder, cfg = FakeEmbedder(), EmbedConfig(cache_dir=str(tmp_path / "cache"))
    fresh, _ = embed_texts(TEXTS, embedder, cfg)
    _set_entry(tmp_path / "cache", TEXTS[0], np.ones(5, dtype="<f4").tobytes())
    again, new = embed_texts(TEXTS, embedder, cfg)
    assert new == 1
    np.testing.assert_array_equal(again, fresh)
