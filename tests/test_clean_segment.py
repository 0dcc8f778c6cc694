from datetime import date

from factcheck.config import CleanConfig, SegmentConfig
from factcheck.records import Article
from factcheck.stages.clean import clean_article
from factcheck.stages.segment import split_sentences


def _article(text: str) -> Article:
    return Article("a", "Outlet", "Title", None, date(2023, 10, 16), "record", "", "a.txt", text)


TEXT = (
    "Big headline here\nBig headline here\nShare:\n\n"
    "The U.S. envoy met officials in Doha on Monday. He said “talks went well.” /p>\n\n"
    "Officials arrive at the meeting in Doha © AFP – JOHN DOE\n"
    "❤️\n😄\n"
    "Be the first to comment\n"
    "Join Example Whatsapp group\n"
    "Jane Roe has been a reporter on the news desk since 2013. Contact me at jane@example.com\n"
    "© 2023 Example News\n"
)


def test_boilerplate_rules():
    article = _article(TEXT)
    dropped = clean_article(article, CleanConfig())
    rules = {d.text.strip(): d.rule for d in dropped}
    assert rules["Share:"] == "share_or_comment_prompt"
    assert rules["/p>"] == "html_debris"
    assert rules["❤️"] == "no_words"
    assert rules["Be the first to comment"] == "share_or_comment_prompt"
    assert rules["Join Example Whatsapp group"] == "share_or_comment_prompt"
    assert rules["© 2023 Example News"] == "copyright"
    assert rules["Officials arrive at the meeting in Doha © AFP – JOHN DOE"] == "photo_caption_or_credit"
    assert rules["Big headline here"] in {"heading_or_link", "repeated_line"}
    assert any(d.rule == "author_bio" for d in dropped)
    for d in dropped:
        assert article.text[d.start : d.end] == d.text


def test_sentences_keep_offsets_and_abbreviations():
    article = _article(TEXT)
    dropped = clean_article(article, CleanConfig())
    sentences = split_sentences([article], dropped, SegmentConfig())
    assert [s.text for s in sentences] == [
        "The U.S. envoy met officials in Doha on Monday.",
        "He said “talks went well.”",
    ]
    for s in sentences:
        assert article.text[s.start : s.end] == s.text
    assert "/p>" not in " ".join(s.text for s in sentences)


def test_user_pattern():
    article = _article("Sponsored: buy things now and save a lot today.\nReal reporting happened here today.\n")
    dropped = clean_article(article, CleanConfig(drop_patterns=("^Sponsored:",)))
    assert [d.rule for d in dropped] == ["user_pattern"]


def test_long_paragraph_is_cut_only_at_sentence_ends():
    # a paragraph over segment.CHUNK_CHARS goes to pySBD in pieces (#6); no piece may split "U.S." or "Mr."
    unit = "The U.S. envoy met Mr. Smith in Doha on Monday. He said “talks went well.” "
    article = _article(unit * 100)
    sentences = split_sentences([article], [], SegmentConfig())
    assert [s.text for s in sentences] == [
        "The U.S. envoy met Mr. Smith in Doha on Monday.",
        "He said “talks went well.”",
    ] * 100


def test_max_sentence_chars_cuts_runs_at_spaces():
    article = _article("alpha beta gamma delta " * 30 + "end.")
    sentences = split_sentences([article], [], SegmentConfig(max_sentence_chars=100))
    assert all(len(s.text) <= 100 for s in sentences)
    assert " ".join(s.text for s in sentences) == article.text.strip()
    assert all(article.text[s.start : s.end] == s.text for s in sentences)


def test_cached_spans_give_the_same_sentences_and_a_bad_entry_is_split_again(tmp_path, monkeypatch):
    import sqlite3

    from factcheck.stages import segment

    article = _article("The U.S. envoy met officials in Doha on Monday. He said “talks went well.” Then he left.")
    fresh = split_sentences([article], [], SegmentConfig())
    assert split_sentences([article], [], SegmentConfig(), cache_dir=str(tmp_path)) == fresh
    calls = []
    monkeypatch.setattr(segment, "_sentence_spans", lambda text: calls.append(text) or [(0, len(text))])
    assert split_sentences([article], [], SegmentConfig(), cache_dir=str(tmp_path)) == fresh  # from the cache
    assert calls == []
    with sqlite3.connect(tmp_path / "spans.sqlite") as con:
        con.execute("UPDATE docs SET doc = '[[0, 99999]]'")  # spans past the end of their text
    assert len(split_sentences([article], [], SegmentConfig(), cache_dir=str(tmp_path))) == 1  # split again
    assert len(calls) == 1
