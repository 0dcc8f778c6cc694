"""Every bad input of issue #6, each a test: factcheck reads what it can and says what it skipped."""

import json
import os
import random
import time
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import api
from factcheck.cli import app
from factcheck.config import IngestConfig, load_config
from factcheck.errors import InputError
from factcheck.records import Article, Report
from factcheck.stages.clean import clean_article
from factcheck.stages.ingest import load_articles
from factcheck.stages.language import detect_language
from factcheck.stages.segment import split_sentences

from .conftest import SEEDS

TODAY = date(2024, 1, 15)
STORY = (
    "City council approves budget\n\n"
    "The city council met on Tuesday, October 17, 2023, and approved a budget of $4 million for the schools.\n"
    "Officials said 1,400 people attended the meeting in the town hall on Tuesday evening.\n"
)
OTHER = STORY.replace("1,400", "1,600").replace("$4 million", "$5 million")
GERMAN = (
    "Der Stadtrat hat am Dienstag einen Haushalt von vier Millionen Euro für die Schulen beschlossen. "
    "Nach Angaben der Beamten nahmen 1.400 Menschen an der Sitzung im Rathaus teil.\n"
)


def _batch(folder: Path, files: dict[str, bytes | str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode() if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    return folder


def _load(folder: Path, **settings) -> tuple[list[Article], dict[str, str]]:
    """Articles and {file name or 'file line N': reason} of the skipped."""
    articles, skipped = load_articles([folder], IngestConfig(**settings), today=TODAY)
    return articles, {s.id.replace(f"{folder}{os.sep}", ""): s.reason for s in skipped}


# --- empty batches and one article -------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\n\n\n"], ids=["empty", "whitespace", "newlines"])
def test_empty_and_whitespace_files_are_skipped_and_named(tmp_path, content):
    folder = _batch(tmp_path / "b", {"a.txt": STORY, "blank.txt": content})
    articles, skipped = _load(folder)
    assert [a.id for a in articles] == ["a"]
    assert skipped == {"blank.txt": "empty file"}


def test_batch_of_only_empty_files_is_one_clear_error(tmp_path):
    folder = _batch(tmp_path / "b", {"blank.txt": b"  \n", "empty.md": b""})
    with pytest.raises(InputError) as err:
        load_articles([folder], IngestConfig())
    message = str(err.value)
    assert "\n" not in message
    assert "no readable article" in message
    assert "blank.txt: empty file" in message and "empty.md: empty file" in message


def test_folder_with_no_article_is_cli_error_one_line(tmp_path):
    folder = _batch(tmp_path / "b", {"notes.png": b"\x89PNG\r\n\x1a\n\x00\x00"})
    result = CliRunner().invoke(app, ["check", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2  # README: 2 bad input or usage
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {folder}: no readable article")
    assert "notes.png: not an article file (.png)" in lines[0]
    assert not (tmp_path / "out").exists()


def test_one_article_gives_a_report_that_says_nothing_to_compare(tmp_path, cfg, fake_embedder):
    folder = _batch(tmp_path / "b", {"a.txt": STORY})
    report = api.analyse([folder], cfg, embedder=fake_embedder)
    assert isinstance(report, Report)
    assert [a.id for a in report.articles] == ["a"]
    assert report.findings == ()
    assert ("batch", "only one article has sentences: nothing to compare across outlets") in [
        (s.id, s.reason) for s in report.skipped
    ]
    assert all(f.article_ids == ("a",) for f in report.facts)


def test_articles_that_are_all_boilerplate_are_flagged(tmp_path, cfg, fake_embedder):
    folder = _batch(tmp_path / "b", {"a.txt": "Share this\nSubscribe now\n", "b.txt": STORY, "c.txt": OTHER})
    report = api.analyse([folder], cfg, embedder=fake_embedder)
    reasons = {s.id: s.reason for s in report.skipped}
    assert reasons == {"a": "no sentence left after removing boilerplate; nothing of it is compared"}
    assert {s.article_id for s in report.sentences} == {"b", "c"}  # b and c still compared


# --- encodings, line ends, NUL bytes, binary files ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("cp1252", "Café “news”: the council’s budget – 4 million.\n".encode("cp1252")),
        ("latin1", "Café news: the council in Zürich approved the budget.\n".encode("latin-1")),
        ("utf16_bom_le", "Café “news”: the council approved it.\n".encode("utf-16")),
        ("utf16_bom_be", b"\xfe\xff" + "Café “news”: the council approved it.\n".encode("utf-16-be")),
        ("utf16_no_bom", "Plain news: the council approved the budget.\n".encode("utf-16-le")),
        ("utf8_bom", "\ufeffCafé news: the council approved the budget.\n".encode()),
    ],
)
def test_encodings_are_decoded(tmp_path, name, raw):
    folder = _batch(tmp_path / "b", {f"{name}.txt": raw})
    [article], skipped = _load(folder)
    assert skipped == {}
    expected = raw.decode("utf-16") if name.startswith("utf16_bom") else None
    if name == "utf16_no_bom":
        expected = raw.decode("utf-16-le")
    elif expected is None:
        expected = raw.decode("utf-8-sig") if name == "utf8_bom" else raw.decode("cp1252")
    assert article.text == expected.lstrip("\ufeff")


def test_utf8_with_one_stray_byte_stays_utf8(tmp_path):
    # a truncated download: valid UTF-8 with one broken byte must not become mojibake (#6)
    raw = ("The council – said “yes” on Tuesday. " * 20).encode() + b"\xe2\x80"
    [article], _ = _load(_batch(tmp_path / "b", {"a.txt": raw}))
    assert article.text.count("–") == 20 and "â€" not in article.text


def test_utf8_with_a_few_invalid_bytes_stays_utf8_with_a_warning(tmp_path, caplog):
    # issue #12: this was guessed as a Cyrillic code page, every dash and curly quote garbage
    text = "Council “approves” budget\n\nThe mayor’s plan – $4 million – passed on Tuesday, October 17, 2023.\n"
    raw = text.encode().replace(b"Tuesday", b"Tues\xffday").replace(b"plan", b"pl\xfean")
    folder = _batch(tmp_path / "b", {"a.txt": raw})
    with caplog.at_level("WARNING", logger="factcheck"):
        [article], skipped = _load(folder)
    assert article.text == text.replace("Tuesday", "Tues\ufffdday").replace("plan", "pl\ufffdan")
    assert skipped == {}
    assert [r.getMessage() for r in caplog.records] == [
        f"{folder / 'a.txt'}: 2 invalid UTF-8 byte sequence(s) replaced with U+FFFD"
    ]


def test_cp1251_is_still_guessed_not_read_as_broken_utf8(tmp_path):
    text = "Городской совет утвердил бюджет школ в четыре миллиона рублей во вторник вечером.\n" * 3
    folder = _batch(tmp_path / "b", {"ru.txt": text.encode("cp1251")})
    [article], _ = _load(folder, languages=[])
    assert article.text == text


def test_mixed_line_endings_become_newlines_and_offsets_hold(tmp_path, cfg):
    raw = b"Title line here\r\n\r\nFirst paragraph says the council met today.\rSecond one follows it now.\nThird.\r\n"
    [article], _ = _load(_batch(tmp_path / "b", {"a.txt": raw}))
    assert article.text == (
        "Title line here\n\nFirst paragraph says the council met today.\nSecond one follows it now.\nThird.\n"
    )
    sentences = split_sentences([article], clean_article(article, cfg.clean), cfg.segment)
    assert sentences and all(article.text[s.start : s.end] == s.text for s in sentences)


def test_nul_bytes_are_removed_not_fatal(tmp_path):
    raw = b"\x00The council met\x00 on Tuesday and approved the budget.\n\x00"
    [article], skipped = _load(_batch(tmp_path / "b", {"a.txt": raw}))
    assert skipped == {}
    assert article.text == "The council met on Tuesday and approved the budget.\n"


def test_images_and_random_binary_are_skipped_with_their_names(tmp_path):
    rnd = random.Random(6)
    files = {
        "a.txt": STORY,
        "photo.png": b"\x89PNG\r\n\x1a\n" + rnd.randbytes(500),
        "photo_named.txt": b"\x89PNG\r\n\x1a\n" + rnd.randbytes(500),
        "noise.txt": rnd.randbytes(4000),
        "noise.json": rnd.randbytes(4000),
        "archive.csv": b"PK\x03\x04" + rnd.randbytes(200),
        "no_extension": b"text",
    }
    articles, skipped = _load(_batch(tmp_path / "b", files))
    assert [a.id for a in articles] == ["a"]
    assert skipped["photo.png"] == "not an article file (.png)"
    assert skipped["no_extension"] == "not an article file (no extension)"
    for name in ("photo_named.txt", "noise.txt", "noise.json", "archive.csv"):
        assert skipped[name].startswith(("binary file", "not text")), name


# --- malformed records, fields, duplicates ----------------------------------------------------


def test_malformed_jsonl_lines_are_reported_and_good_lines_read(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": STORY}),
        "{not json",
        "",
        "[1, 2]",
        '{"id": "deep", "text": ' + "[" * 50_000 + "]" * 50_000 + "}",
        json.dumps({"id": "b", "content": OTHER}),
    ]
    articles, skipped = _load(_batch(tmp_path / "b", {"x.jsonl": "\n".join(lines)}))
    assert [a.id for a in articles] == ["a", "b"]
    assert skipped["x.jsonl line 2"].startswith("bad JSON")
    assert skipped["x.jsonl line 4"] == "not an object"
    assert skipped["x.jsonl line 5"] in {"bad JSON (nested too deeply)", "record has no text (text/content/body)"}


def test_broken_json_file_reports_its_line(tmp_path):
    folder = _batch(tmp_path / "b", {"a.txt": STORY, "x.json": '[\n{"id": "a", "text": "x"},\n{"id": \n'})
    articles, skipped = _load(folder)
    assert [a.id for a in articles] == ["a"]
    assert list(skipped) == ["x.json line 4"] and skipped["x.json line 4"].startswith("bad JSON")


def test_malformed_csv_rows_keep_line_numbers(tmp_path):
    long_text = "The council approved the budget on Tuesday. " * 5000  # over csv's default field limit
    rows = (
        "id,outlet,text\n"
        f'a,One,"{STORY}"\n'  # a quoted field over four lines
        'b,Two,"unterminated quote\n'
    )
    clean = f'id,outlet,text\nc,Three,"{long_text}"\nd,Four,Short but fine text about the council.\n'
    folder = _batch(tmp_path / "b", {"x.csv": rows, "y.csv": clean, "z.csv": "id,title\n1,No text column\n"})
    articles, skipped = _load(folder)
    assert {a.id for a in articles} == {"a", "b", "c", "d"}
    by_id = {a.id: a for a in articles}
    assert by_id["a"].outlet == "One" and by_id["a"].text == STORY
    assert by_id["c"].text == long_text
    assert skipped == {"z.csv": "no text/content/body column in the CSV header"}


def test_csv_line_number_of_a_bad_row_counts_quoted_newlines(tmp_path):
    rows = 'id,text\na,"one\ntwo\nthree lines of text"\nb,\n'
    _, skipped = _load(_batch(tmp_path / "b", {"x.csv": rows}))
    assert skipped == {"x.csv line 5": "record has no text (text/content/body)"}


def test_missing_and_unknown_fields(tmp_path):
    records = [
        {"text": STORY},  # no id, outlet, date
        {"id": "b", "content": OTHER, "mood": "grim", "tags": ["x"], "outlet": {"name": "X"}, "title": 5},
        {"id": ["x"], "body": STORY + " More.", "url": None, "published": 12345},
        {"id": "c"},
    ]
    articles, skipped = _load(_batch(tmp_path / "b", {"r.json": json.dumps(records)}))
    by_id = {a.id: a for a in articles}
    assert set(by_id) == {"r-1", "b", "r-3"}
    assert by_id["r-1"].outlet == "r-1" and by_id["r-1"].title == "City council approves budget"
    assert by_id["b"].outlet == "b" and by_id["b"].title == "5"
    assert by_id["r-3"].url is None
    assert "malformed date '12345' ignored" in by_id["r-3"].published_evidence
    assert skipped == {"r.json item 4": "record has no text (text/content/body)"}


def test_duplicate_ids_are_renamed_and_the_same_article_twice_is_dropped(tmp_path):
    folder = _batch(
        tmp_path / "b",
        {
            "a.json": json.dumps([{"id": "x", "text": STORY}, {"id": "x", "text": STORY}, {"id": "x", "text": OTHER}]),
            "copy.txt": STORY.replace("\n", "\r\n") + "\n\n",
        },
    )
    articles, skipped = load_articles([folder], IngestConfig(), today=TODAY)
    assert [a.id for a in articles] == ["x", "x~2"]
    assert [(Path(s.id).name, s.reason) for s in skipped] == [
        ("a.json:x", "same article twice"),
        ("copy.txt", "same text as article 'x'"),
    ]


def test_renamed_duplicate_id_is_kept_not_skipped(tmp_path, caplog, cfg, fake_embedder):
    # issue #12: the article kept as x~2 was listed under Skipped
    folder = _batch(tmp_path / "b", {"a.json": json.dumps([{"id": "x", "text": STORY}, {"id": "x", "text": OTHER}])})
    with caplog.at_level("WARNING", logger="factcheck"):
        report = api.analyse([folder], cfg, embedder=fake_embedder)
    assert [a.id for a in report.articles] == ["x", "x~2"]
    assert report.skipped == ()
    assert [r.getMessage() for r in caplog.records] == [
        f"{folder / 'a.json'}:x: article id 'x' is taken; kept as 'x~2'"
    ]


def test_same_text_from_two_named_outlets_is_syndication_not_a_copy(tmp_path):
    records = [{"id": "a", "outlet": "AP", "text": STORY}, {"id": "b", "outlet": "Daily", "text": STORY}]
    articles, skipped = _load(_batch(tmp_path / "b", {"r.json": json.dumps(records)}))
    assert [a.id for a in articles] == ["a", "b"] and skipped == {}


# --- HTML ------------------------------------------------------------------------------------


def test_html_scripts_styles_frames_and_broken_markup(tmp_path):
    page = (
        "<html><head><title>Budget</title><style>p { color: red }</style>"
        "<script>document.write('INJECTED'); fetch('http://evil')</script></head><body>"
        "<nav>Home | About</nav><iframe src='http://evil/frame'>FRAMED</iframe><article><h1>Budget"
        + "<p>The council met on Tuesday and approved the budget of the city for the schools. " * 4
        + "<p><b>Officials said 1,400 people <i>attended</b> the meeting in the town hall.</i>"
        + "<div><span>unclosed"
    )
    folder = _batch(tmp_path / "b", {"page.html": page, "empty.html": "<html><body></body></html>", "junk.htm": "<<>>"})
    articles, skipped = _load(folder)
    [article] = articles
    assert "approved the budget" in article.text and "1,400 people" in article.text
    for payload in ("INJECTED", "evil", "FRAMED", "color: red", "<script"):
        assert payload not in article.text
    assert skipped == {
        "empty.html": "no article text found in the HTML",
        "junk.htm": "no article text found in the HTML",
    }


# --- paths -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd", "sub/../../outside.txt"])
def test_manifest_path_leaving_the_batch_is_refused_in_one_line(tmp_path, path):
    folder = _batch(tmp_path / "b", {"a.txt": STORY, "manifest.csv": f"file,outlet\n{path},X\n"})
    with pytest.raises(InputError) as err:
        load_articles([folder], IngestConfig())
    assert str(err.value) == f"{folder / 'manifest.csv'} line 2: path {path!r} leaves the batch folder"


@pytest.mark.parametrize("path", [".", "./"])
def test_manifest_row_naming_the_folder_itself_is_refused_in_one_line(tmp_path, path):
    folder = _batch(tmp_path / "b", {"a.txt": STORY, "manifest.csv": f"file,outlet\n{path},X\n"})
    with pytest.raises(InputError) as err:
        load_articles([folder], IngestConfig())
    assert str(err.value) == f"{folder / 'manifest.csv'} line 2: {path!r} names a folder, not an article file"


def test_json_path_fields_read_inside_the_batch_only(tmp_path):
    (tmp_path / "secret.txt").write_text("SECRET outside the batch folder, never to be read by factcheck.")
    records = [
        {"id": "in", "path": "stories/one.txt", "outlet": "X"},
        {"id": "up", "path": "../secret.txt"},
        {"id": "abs", "file": str(tmp_path / "secret.txt")},
        {"id": "gone", "path": "nope.txt"},
    ]
    folder = _batch(tmp_path / "b", {"r.json": json.dumps(records)})
    _batch(folder / "stories", {"one.txt": STORY})
    articles, skipped = _load(folder)
    assert [(a.id, a.outlet, a.text) for a in articles] == [("in", "X", STORY)]
    assert articles[0].path == str(folder / "stories" / "one.txt")
    assert skipped == {
        "r.json item 2": "path '../secret.txt' leaves the batch folder",
        "r.json item 3": f"path {str(tmp_path / 'secret.txt')!r} leaves the batch folder",
        "r.json item 4": "path 'nope.txt': no such file in the batch folder",
    }
    assert all("SECRET" not in a.text for a in articles)


def test_symlink_out_of_the_batch_is_skipped(tmp_path):
    (tmp_path / "secret.txt").write_text("SECRET outside the batch folder, never to be read by factcheck.")
    folder = _batch(tmp_path / "b", {"a.txt": STORY})
    (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
    articles, skipped = _load(folder)
    assert [a.id for a in articles] == ["a"]
    assert skipped == {"link.txt": "link to a file outside the batch folder"}


def test_subfolders_links_and_special_files_are_listed_not_silent(tmp_path):
    # issue #12: each of these was ignored without a word
    folder = _batch(tmp_path / "b", {"a.txt": STORY})
    _batch(folder / "nyt", {"n.txt": OTHER})
    _batch(tmp_path / "elsewhere", {"e.txt": OTHER})
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "dir-link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    os.mkfifo(folder / "pipe.txt")  # reading it would block the run
    _batch(folder / ".git", {"HEAD": "ref: main"})  # hidden: left out, as before
    articles, skipped = _load(folder)
    assert [a.id for a in articles] == ["a"]
    assert skipped == {
        "nyt": "subfolder not read (set ingest.recursive = true to read subfolders)",
        "gone.txt": "dangling link (its target does not exist)",
        "dir-link": "link to a folder (links to folders are not followed)",
        "pipe.txt": "not a regular file (a pipe, socket or device)",
    }


def test_recursive_reads_subfolders_with_their_paths_as_ids(tmp_path):
    folder = _batch(
        tmp_path / "b",
        {"a.txt": STORY, "manifest.csv": "file,outlet\nnyt/a.txt,NYT\n"},
    )
    _batch(folder / "nyt", {"a.txt": OTHER})
    _batch(
        folder / "ap" / "wire",
        {"w.txt": OTHER.replace("5 million", "6 million"), "manifest.csv": "file,outlet\nw.txt,AP\n"},
    )
    articles, skipped = _load(folder, recursive=True)
    assert [(a.id, a.outlet) for a in articles] == [("a", "a"), ("ap/wire/w", "AP"), ("nyt/a", "NYT")]
    assert skipped == {}


def test_recursive_is_off_by_default_and_documented():
    assert IngestConfig().recursive is False
    assert "recursive = false" in (SEEDS.parent / "configs" / "default.toml").read_text()


def test_duplicated_manifest_row_is_listed_and_the_first_used(tmp_path):
    # issue #12: the second row silently won
    manifest = "file,outlet\na.txt,First\nb.txt,B\na.txt,Second\n./a.txt,Third\n"
    folder = _batch(tmp_path / "b", {"a.txt": STORY, "b.txt": OTHER, "manifest.csv": manifest})
    articles, skipped = _load(folder)
    assert {a.id: a.outlet for a in articles} == {"a": "First", "b": "B"}
    assert skipped == {
        "manifest.csv line 4": "second row for 'a.txt' ignored (line 2 is used)",
        "manifest.csv line 5": "second row for 'a.txt' ignored (line 2 is used)",
    }


def test_manifest_row_for_a_missing_file_is_listed(tmp_path):
    # issue #12: a row naming no file was not mentioned
    manifest = "file,outlet\na.txt,A\ngone.txt,G\n.hidden.txt,H\nnyt/n.txt,N\n"
    folder = _batch(tmp_path / "b", {"a.txt": STORY, ".hidden.txt": OTHER, "manifest.csv": manifest})
    _batch(folder / "nyt", {"n.txt": OTHER})
    articles, skipped = _load(folder)
    assert [a.outlet for a in articles] == ["A"]
    assert skipped == {
        "manifest.csv line 3": "no file 'gone.txt' in the batch folder",
        "manifest.csv line 4": "file '.hidden.txt' is not one of the batch's article files",
        "manifest.csv line 5": "file 'nyt/n.txt' is not one of the batch's article files",
        "nyt": "subfolder not read (set ingest.recursive = true to read subfolders)",
    }


def test_skipped_subfolders_and_rows_reach_the_report(tmp_path, cfg, fake_embedder):
    folder = _batch(tmp_path / "b", {"a.txt": STORY, "b.txt": OTHER, "manifest.csv": "file\ngone.txt\n"})
    _batch(folder / "sub", {"c.txt": STORY})
    report = api.analyse([folder], cfg, embedder=fake_embedder)
    assert {(Path(s.id).name, s.reason.split(" ")[0]) for s in report.skipped} == {
        ("manifest.csv line 2", "no"),
        ("sub", "subfolder"),
    }


def test_lone_surrogates_from_json_escapes_become_replacement_characters(tmp_path, cfg, fake_embedder):
    # found by bench/fuzz_inputs.py (#12): "\\ud800" in JSON decodes to a string no file can hold
    rec = {"id": "s\ud800", "outlet": "O\udfff", "title": "T\ud800", "text": STORY + "Broken \ud800 here.\n"}
    folder = _batch(tmp_path / "b", {"r.json": json.dumps([rec]), "b.txt": OTHER})
    report = api.analyse([folder], cfg, embedder=fake_embedder)
    article = next(a for a in report.articles if a.id.startswith("s"))
    assert (article.id, article.outlet, article.title) == ("s\ufffd", "O\ufffd", "T\ufffd")
    assert "Broken \ufffd here." in article.text
    paths = api.write_report(report, tmp_path / "out", formats=["md", "json", "html", "review"])
    assert len(paths) == 5


def test_file_name_that_is_not_utf8_is_read(tmp_path, cfg, fake_embedder):
    folder = _batch(tmp_path / "b", {"b.txt": OTHER})
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(STORY)
    (folder / os.fsdecode(b"bin\xff.png")).write_bytes(b"\x89PNG")
    report = api.analyse([folder], cfg, embedder=fake_embedder)
    assert sorted(a.id for a in report.articles) == ["b", "caf\ufffd"]
    assert [Path(s.id).name for s in report.skipped] == ["bin\ufffd.png"]
    api.write_report(report, tmp_path / "out", formats=["md", "json", "html"])


@pytest.mark.parametrize("name", ["x" * 5000 + ".txt", "bad\ud800.txt"], ids=["too-long", "surrogate"])
def test_record_path_the_file_system_cannot_take_is_skipped(tmp_path, name):
    folder = _batch(tmp_path / "b", {"a.txt": STORY, "r.json": json.dumps([{"id": "p", "path": name}])})
    articles, skipped = _load(folder)
    assert [a.id for a in articles] == ["a"]
    (reason,) = skipped.values()
    assert reason.startswith("path '") and "cannot be read" in reason and len(reason) < 400


# --- dates -----------------------------------------------------------------------------------


def test_missing_malformed_and_future_dates(tmp_path):
    records = [
        {"id": "none", "text": "No date is written anywhere in this article about the council."},
        {"id": "bad", "text": STORY, "published": "16/10/2023"},
        {"id": "feb30", "text": OTHER, "published": "2023-02-30"},
        {"id": "future", "text": STORY + "More.", "published": "2999-01-01"},
        {"id": "words", "text": OTHER + "More.", "published": "October 16, 2023"},
        {"id": "plan", "text": "The vote was held. The next vote is on March 3, 2031, officials said."},
    ]
    articles, _ = _load(_batch(tmp_path / "b", {"r.json": json.dumps(records)}))
    by_id = {a.id: a for a in articles}
    assert (by_id["none"].published, by_id["none"].published_source) == (None, "missing")
    assert by_id["bad"].published == date(2023, 10, 17) and by_id["bad"].published_source == "estimated"
    assert by_id["bad"].published_evidence.startswith("malformed date '16/10/2023' ignored; latest date")
    assert by_id["feb30"].published_evidence.startswith("malformed date '2023-02-30' ignored")
    assert by_id["future"].published == date(2999, 1, 1)  # kept as given, but flagged
    assert by_id["future"].published_evidence == "date is in the future (after 2024-01-15)"
    assert by_id["words"].published == date(2023, 10, 16) and by_id["words"].published_source == "record"
    assert by_id["plan"].published is None  # a date after the run date is a plan, not a publication date


def test_future_date_survives_the_whole_run(tmp_path, cfg, fake_embedder):
    records = [{"id": "a", "text": STORY, "published": "2999-01-01"}, {"id": "b", "text": OTHER}]
    report = api.analyse([_batch(tmp_path / "b", {"r.json": json.dumps(records)})], cfg, embedder=fake_embedder)
    assert "in the future" in {a.id: a for a in report.articles}["a"].published_evidence


# --- other languages -------------------------------------------------------------------------


def test_other_languages_are_reported_not_parsed(tmp_path, cfg, fake_embedder):
    french = "Le conseil municipal a approuvé mardi un budget de quatre millions d'euros pour les écoles de la ville.\n"
    folder = _batch(tmp_path / "b", {"a.txt": STORY, "b.txt": OTHER, "de.txt": GERMAN, "fr.txt": french})
    report = api.analyse([folder], cfg, embedder=fake_embedder)
    assert [a.id for a in report.articles] == ["a", "b"]
    reasons = {Path(s.id).name: s.reason for s in report.skipped}
    assert reasons["de.txt"] == "language de, not en (ingest.languages)"
    assert reasons["fr.txt"] == "language fr, not en (ingest.languages)"
    assert all(c.article_id in {"a", "b"} for c in report.claims)


def test_languages_setting(tmp_path):
    folder = _batch(tmp_path / "b", {"de.txt": GERMAN})
    [article], _ = _load(folder, languages=("en", "de"))
    assert article.id == "de"
    [article], _ = _load(folder, languages=())
    assert article.id == "de"


def test_language_detection_is_cautious_on_little_text():
    assert detect_language("Gaza Hamas Netanyahu 1,400")[0] == "und"
    assert detect_language(STORY)[0] == "en"


# --- limits ----------------------------------------------------------------------------------


def test_limits_are_settings(tmp_path):
    folder = _batch(tmp_path / "b", {"a.txt": STORY, "b.txt": OTHER, "big.txt": STORY * 50})
    _, skipped = _load(folder, max_file_bytes=len(STORY.encode()) * 10)
    assert skipped["big.txt"].startswith("larger than ingest.max_file_bytes")
    _, skipped = _load(folder, max_article_chars=len(STORY) * 10)
    assert skipped["big.txt"].startswith("longer than ingest.max_article_chars")
    with pytest.raises(InputError, match=r"more than ingest\.max_articles=2 articles"):
        _load(folder, max_articles=2)


def test_50_mb_text_file_is_skipped_fast_by_default(tmp_path):
    # the measured bound of a full read is in README "Limits"; by default such a dump is not an article
    line = "The council met on Tuesday and approved the budget of the city for the schools.\n"
    big = tmp_path / "b" / "dump.txt"
    big.parent.mkdir()
    with big.open("w") as f:
        f.write(line * (50_000_000 // len(line)))
    _batch(big.parent, {"a.txt": STORY})
    started = time.perf_counter()
    articles, skipped = _load(big.parent)
    assert time.perf_counter() - started < 30
    assert [a.id for a in articles] == ["a"]
    assert skipped["dump.txt"] == "longer than ingest.max_article_chars (50000000 characters)"


@pytest.mark.slow  # about 10 s on 2 shared cores: 100,000 records are read twice
def test_100k_line_jsonl(tmp_path):
    rnd = random.Random(0)
    path = tmp_path / "b" / "many.jsonl"
    path.parent.mkdir()
    with path.open("w") as f:
        for i in range(100_000):
            text = f"Item {i}: {rnd.randint(1, 9999)} people came."
            f.write(json.dumps({"id": f"r{i}", "outlet": f"O{i % 7}", "text": text}) + "\n")
    with pytest.raises(InputError, match=r"more than ingest\.max_articles=10000"):
        _load(path.parent)
    started = time.perf_counter()
    articles, skipped = _load(path.parent, max_articles=100_000, languages=())
    assert len(articles) == 100_000 and skipped == {}
    assert time.perf_counter() - started < 120  # README "Limits": ~15 s, language detection adds ~1.5 ms a record


def test_one_megabyte_sentence_is_cut_linearly(cfg):
    text = "word " * 200_000 + "end."
    article = Article("a", "O", "T", None, None, "missing", "", "a.txt", text)
    started = time.perf_counter()
    sentences = split_sentences([article], clean_article(article, cfg.clean), cfg.segment)
    assert time.perf_counter() - started < 20  # quadratic would take hours
    assert " ".join(s.text for s in sentences) == text.strip()  # nothing lost at the cuts
    assert all(len(s.text) <= cfg.segment.max_sentence_chars for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_pathological_lines_do_not_backtrack(cfg):
    # each of these took minutes to hours in the cleaner's rules before #6
    for text in (
        "x" * 300_000,
        "< " + " " * 300_000 + "word word word.",
        "a.b+c" * 60_000,
        "photo" + " " * 300_000 + "x",
    ):
        article = Article("a", "O", "T", None, None, "missing", "", "a.txt", text)
        started = time.perf_counter()
        clean_article(article, cfg.clean)
        assert time.perf_counter() - started < 10, text[:10]


def test_long_paragraph_of_many_sentences_is_split_in_chunks(cfg):
    text = "The man said there were 12 people in the room. " * 2000
    article = Article("a", "O", "T", None, None, "missing", "", "a.txt", text)
    started = time.perf_counter()
    sentences = split_sentences([article], [], cfg.segment)
    assert time.perf_counter() - started < 20  # one pySBD call on it took ~20 s
    assert len(sentences) == 2000
    assert {s.text for s in sentences} == {"The man said there were 12 people in the room."}


def test_settings_load_from_toml():
    cfg = load_config(overrides=['ingest.languages=["en", "fr"]', "segment.max_sentence_chars=500"])
    assert cfg.ingest.languages == ("en", "fr") and cfg.segment.max_sentence_chars == 500


def test_plain_english_is_accepted_without_loading_the_detector(monkeypatch):
    from factcheck.stages import language

    def no_model():
        raise AssertionError("the detector's model was loaded")

    monkeypatch.setattr(language, "_identifier", no_model)
    seed = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    assert language.unsupported_language(seed, ("en",)) == ""
    with pytest.raises(AssertionError, match="model was loaded"):
        language.unsupported_language(GERMAN * 3, ("en",))  # not plainly English: the detector decides
