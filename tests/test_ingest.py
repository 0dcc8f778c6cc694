import json
from datetime import date

import pytest

from factcheck.config import IngestConfig
from factcheck.errors import InputError
from factcheck.stages.ingest import estimate_published, load_articles

from .conftest import SEEDS


def test_seed_manifest_gives_outlet_and_date():
    articles, skipped = load_articles([SEEDS], IngestConfig())
    assert len(articles) == 5
    assert skipped == []
    by_id = {a.id: a for a in articles}
    examiner = by_id["004_7d028f9c0969870a"]
    assert examiner.outlet == "Washington Examiner"
    assert examiner.published == date(2023, 10, 16)
    assert examiner.published_source == "manifest"
    assert examiner.title == "China and Russia reinforce diplomatic front against Israel"


def test_dateline_estimate():
    text = "Title\n\nOctober 20: Things happened. Earlier, on October 7, 2023, more happened."
    assert estimate_published(text) == (date(2023, 10, 20), "dateline 'October 20:'")


def test_latest_explicit_date_estimate():
    published, evidence = estimate_published("Met on March 21, 2023. Then on Oct. 12, 2023 again.")
    assert published == date(2023, 10, 12)
    assert "Oct. 12, 2023" in evidence


def test_jsonl_bad_line_is_reported_and_good_lines_read(tmp_path):
    (tmp_path / "batch.jsonl").write_text(
        '{"id": "a", "text": "One story.", "outlet": "X", "published": "2023-10-16"}\n'
        "{not json\n"
        '{"id": "b", "content": "Other story."}\n'
    )
    articles, skipped = load_articles([tmp_path], IngestConfig())
    assert [a.id for a in articles] == ["a", "b"]
    assert articles[0].published == date(2023, 10, 16)
    assert articles[1].published_source == "missing"
    assert skipped[0].id.endswith("batch.jsonl line 2")
    assert "bad JSON" in skipped[0].reason


def test_binary_and_unknown_files_are_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("A real article.\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    articles, skipped = load_articles([tmp_path], IngestConfig())
    assert [a.id for a in articles] == ["a"]
    assert {s.reason for s in skipped} == {"not an article file (.png)", "binary file"}


def test_cp1252_and_crlf(tmp_path):
    (tmp_path / "w.txt").write_bytes("Café news\r\nsaid “hello”.\r\n".encode("cp1252"))
    [article], _ = load_articles([tmp_path], IngestConfig())
    assert article.text == "Café news\nsaid “hello”.\n"


def test_manifest_path_cannot_leave_batch(tmp_path):
    (tmp_path / "a.txt").write_text("Text.")
    (tmp_path / "manifest.csv").write_text("file,outlet\n../../etc/passwd,X\n")
    with pytest.raises(InputError, match="leaves the batch folder"):
        load_articles([tmp_path], IngestConfig())


def test_same_article_twice_and_duplicate_ids(tmp_path):
    (tmp_path / "a.json").write_text(
        '[{"id": "x", "text": "Same."}, {"id": "x", "text": "Same."}, {"id": "x", "text": "Other."}]'
    )
    articles, skipped = load_articles([tmp_path], IngestConfig())
    assert [a.id for a in articles] == ["x", "x~2"]
    assert [s.reason for s in skipped] == ["same article twice"]  # x~2 is kept, so not skipped (#12)


def test_html_main_text(tmp_path):
    (tmp_path / "p.html").write_text(
        "<html><head><title>T</title><script>alert(1)</script></head><body><nav>Home | About</nav>"
        "<article><h1>Big story</h1><p>"
        + "The council met on Tuesday and approved the budget of the city. " * 5
        + "</p></article></body></html>"
    )
    [article], _ = load_articles([tmp_path], IngestConfig())
    assert "approved the budget" in article.text
    assert "alert(1)" not in article.text


def test_gold_and_decisions_files_are_not_articles(tmp_path):
    from factcheck.config import IngestConfig
    from factcheck.stages.ingest import load_articles

    (tmp_path / "a.txt").write_text("Outlet A reports that 130 countries attend the forum.\n", encoding="utf-8")
    (tmp_path / "gold.json").write_text('[{"verdict": "agree", "mentions": []}]', encoding="utf-8")
    (tmp_path / "factcheck-decisions.jsonl").write_text('{"finding_id": "R1", "decision": "confirmed"}\n')
    articles, skipped = load_articles([tmp_path], IngestConfig())
    assert [a.id for a in articles] == ["a"]
    assert skipped == []


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.wwmt.com/news/courthouse-shooting", "wwmt.com"),
        ("http://web.archive.org/web/20160712000000/http://www.wlns.com/story/1", "wlns.com"),
        ("https://m.bbc.co.uk/news/world", "bbc.co.uk"),
        ("javascript:alert(1)", "a"),
        ("", "a"),
    ],
)
def test_outlet_is_the_site_of_the_url_when_not_given(tmp_path, url, outlet):
    record = {"id": "a", "url": url, "text": "Two bailiffs were killed in the courthouse."}
    (tmp_path / "batch.jsonl").write_text(json.dumps(record) + "\n")
    [article], _ = load_articles([tmp_path], IngestConfig())
    assert article.outlet == outlet
