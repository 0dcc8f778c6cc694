"""Faults (#6, #12): a killed or full-disk run leaves the previous report or says which run each file is of."""

import csv
import errno
import json
import logging
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

from factcheck.config import EmbedConfig, load_config
from factcheck.errors import ReportError
from factcheck.report import atomic
from factcheck.stages.embed import CACHE_FILE, _key, embed_texts

from .conftest import SEEDS, FakeEmbedder

REPORT_FILES = {"report.md", "facts.json", "report.html", "review.xlsx", "review.csv"}
# Runs a check of the batch (the CLI's library call, with the fake embedder so no model loads) but
# holds the n-th rename into the report folder until it is killed.
HOLD_RENAME = """
import os, sys, time
from pathlib import Path
out, marker, nth, batch, cache = Path(sys.argv[1]).resolve(), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
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
from factcheck.api import check
from factcheck.config import load_config
from tests.conftest import FakeEmbedder
cfg = load_config(overrides=[f"embed.cache_dir={cache}", "compare.parser="])
check([Path(batch)], cfg, out=out, embedder=FakeEmbedder())
"""
ROOT = Path(__file__).resolve().parent.parent


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}


def _hidden(out: Path) -> set[str]:
    return {p.name for p in out.iterdir() if p.name.startswith(".")}


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


def _kill_when(proc: subprocess.Popen, ready, limit: float = 300) -> None:
    started = time.monotonic()
    while not ready():
        assert proc.poll() is None, "the run ended before the kill point"
        assert time.monotonic() - started < limit
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def _held_run(tmp_path: Path, out: Path, batch: Path, cache: Path, nth: int) -> subprocess.Popen:
    marker = tmp_path / f"held-{nth}"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_RENAME, str(out), str(marker), str(nth), str(batch), str(cache)],
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )
    _kill_when(proc, marker.exists)
    return proc


def _write_batch(batch: Path, pattern: str) -> None:
    batch.mkdir(exist_ok=True)
    for seed in sorted(SEEDS.glob(pattern)):
        (batch / seed.name).write_text(seed.read_text())


def _check(batch: Path, out: Path, cache: Path) -> None:
    from factcheck.api import check

    cfg = load_config(overrides=[f"embed.cache_dir={cache}", "compare.parser="])
    check([batch], cfg, out=out, embedder=FakeEmbedder())


def test_killed_runs_leave_the_previous_report_whole_or_say_which_run(tmp_path):
    # issue #12: a run killed between two renames left new and old files mixed with nothing saying so
    batch, out, cache = tmp_path / "batch", tmp_path / "out", tmp_path / "cache"
    _write_batch(batch, "00[0-2]_*.txt")
    _check(batch, out, cache)
    old = _snapshot(out)
    _assert_whole(old)
    _write_batch(batch, "003_*.txt")  # the next run's reports differ from the old ones

    # killed with every file staged but the switch not committed: nothing has changed
    _held_run(tmp_path, out, batch, cache, nth=1)
    assert any(name.startswith(atomic.STAGING_PREFIX) for name in _hidden(out))  # really killed mid-write
    assert _snapshot(out) == old
    assert atomic.unfinished_switch(out) == ""

    # killed between two renames of the switch: mixed, and the journal says which files are new
    _held_run(tmp_path, out, batch, cache, nth=3)
    mixed = _snapshot(out)
    _assert_whole(mixed)
    note = atomic.unfinished_switch(out)
    assert "was interrupted while switching in its files" in note
    switched = note.split("; ")[1].removesuffix(" are of that run, the others older (the next write finishes it)")
    new_names = {n for n in switched.split(", ") if n}
    assert len(new_names) == 1 and new_names < REPORT_FILES
    assert {n for n in REPORT_FILES if mixed[n] != old[n]} <= new_names

    # the next run finishes that switch, writes its own report and leaves nothing stale behind
    _check(batch, out, cache)
    new = _snapshot(out)
    _assert_whole(new)
    assert new["facts.json"] != old["facts.json"]
    for name in REPORT_FILES - {"review.xlsx"}:  # xlsx zips carry a timestamp
        if name in new_names:
            assert mixed[name] == new[name], name
    assert _hidden(out) == {".review.batch.json"}
    assert atomic.unfinished_switch(out) == ""


@pytest.mark.slow  # the real CLI with the bundled model, killed while it loads and computes
def test_killed_cli_run_leaves_the_previous_report(tmp_path):
    batch, out, cache = tmp_path / "batch", tmp_path / "out", tmp_path / "cache"
    _write_batch(batch, "00[0-1]_*.txt")
    args = ["check", str(batch), "-o", str(out), "--set", f"embed.cache_dir={cache}", "--set", "compare.parser="]
    factcheck = Path(sys.executable).parent / "factcheck"
    done = subprocess.run([str(factcheck), *args], capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    old = _snapshot(out)
    _write_batch(batch, "002_*.txt")
    proc = subprocess.Popen([str(factcheck), *args], stderr=subprocess.DEVNULL)
    started = time.monotonic()
    _kill_when(
        proc, lambda: time.monotonic() - started > 0.4
    )  # early: a warm run on the ONNX encoder takes about a second
    assert _snapshot(out) == old


def test_full_disk_leaves_the_previous_report_and_no_staging(tmp_path, monkeypatch):
    batch, out, cache = tmp_path / "batch", tmp_path / "out", tmp_path / "cache"
    _write_batch(batch, "00[0-2]_*.txt")
    _check(batch, out, cache)
    old = _snapshot(out)
    _write_batch(batch, "003_*.txt")
    real, calls = atomic._write_file, []

    def fill_up(path, data):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(path, data)

    monkeypatch.setattr(atomic, "_write_file", fill_up)
    with pytest.raises(ReportError) as err:
        _check(batch, out, cache)
    assert str(err.value).endswith("cannot write report: No space left on device") and "\n" not in str(err.value)
    assert _snapshot(out) == old
    assert _hidden(out) == {".review.batch.json"}


def test_stale_temporary_files_are_cleaned(tmp_path):
    batch, out, cache = tmp_path / "batch", tmp_path / "out", tmp_path / "cache"
    _write_batch(batch, "00[0-1]_*.txt")
    _check(batch, out, cache)
    hour_ago = time.time() - 2 * atomic.STALE_SECONDS
    dead = 2**22 + 12345  # above Linux's default pid_max: no such process
    stale = [out / ".report.md.abcd1234.tmp", out / f".facts.json.{dead}-0a1b2c3d.tmp"]
    stale[0].write_text("old")
    os.utime(stale[0], (hour_ago, hour_ago))
    stale[1].write_text("dead")
    (out / f"{atomic.STAGING_PREFIX}{dead}-00ff00ff").mkdir()
    (out / f"{atomic.STAGING_PREFIX}{dead}-00ff00ff" / "report.md").write_text("x")
    recent = out / ".report.md.zz99zz99.tmp"  # no process id and recent: perhaps another run's
    recent.write_text("recent")
    live = out / f".facts.json.{os.getppid()}-0a1b2c3d.tmp"
    live.write_text("live")
    foreign = out / ".notes.tmp"
    foreign.write_text("not ours")
    _check(batch, out, cache)
    assert _hidden(out) == {".review.batch.json", recent.name, live.name, foreign.name}


def test_recovery_keeps_a_file_changed_after_the_interruption(tmp_path, caplog):
    out = tmp_path / "out"
    out.mkdir()
    for name in ("report.md", "review.xlsx"):
        (out / name).write_text(f"old {name}")
    staging = out / f"{atomic.STAGING_PREFIX}{2**22 + 1}-abcdef12"
    staging.mkdir()
    (staging / "review.xlsx").write_text("new review.xlsx")  # report.md was switched in already
    journal = {
        "schema": atomic.JOURNAL_SCHEMA,
        "run": "r1",
        "pid": 2**22 + 1,
        "staging": staging.name,
        "files": ["report.md", "review.xlsx"],
        "old": {"report.md": None, "review.xlsx": atomic._state(out / "review.xlsx")},
    }
    (out / atomic.JOURNAL).write_text(json.dumps(journal))
    assert "report.md are of that run" in atomic.unfinished_switch(out)
    time.sleep(0.01)
    (out / "review.xlsx").write_text("a reviewer's decisions")  # saved after the kill
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        atomic.recover(out)
    assert (out / "review.xlsx").read_text() == "a reviewer's decisions"
    assert any("changed after run r1 was committed" in r.getMessage() for r in caplog.records)
    assert not (out / atomic.JOURNAL).exists() and not staging.exists()


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
        np.zeros(256, dtype="<f4").tobytes(),  # found by bench/fuzz_inputs.py: breaks cosine clustering
        (np.ones(256, dtype="<f4") * 3).tobytes(),
    ],
    ids=["truncated", "garbage", "empty", "nan", "zero", "not-unit"],
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
