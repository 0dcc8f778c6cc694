from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.config import CleanConfig, SegmentConfig
from factcheck.records import Article
from factcheck.stages.clean import clean_article
from factcheck.stages.segment import split_sentences


def _article(text: str, title: str = "Title") -> Article:
    return Article(
        id="a",
        outlet="Outlet",
        title=title,
        url=None,
        published=date(2023, 10, 16),
        published_source="record",
        published_evidence="",
        path="a.txt",
        text=text,
    )


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


# pySBD's false ends and missed ends (#14): each row is a made-up paragraph and the sentences it must give.
SPLITS = [
    # a clock time's abbreviation before a weekday, a month, a time zone or "local": one sentence
    ("Officers searched the lot until about 2:10 a.m. Tuesday without finding anyone, police said.", 1),
    ("The hearing is set for 10 a.m. June 4 at the county court, a clerk said.", 1),
    ("The vigil began at 7 p.m. EST outside the old church on Elm Road.", 1),
    # ... but before a name or an ordinary capitalised word it is a sentence end
    ("The call came in at 2 a.m. Police found the victim on the porch.", 2),
    ("The bar closed at 1 a.m. Officers arrived twenty minutes later.", 2),
    # tokenised text: a spaced decimal and a spaced "a . m ." are not sentence ends
    ("A 6 . 2 magnitude quake struck the coast on Monday .", 1),
    ("At about 3 : 15 a . m . local time , the alarm went off .", 1),
    # ... but a spaced period before a word is
    ("The quake struck at 3 . Rescuers arrived within the hour .", 2),
    # a sentence end that lost its space is cut; "U.S.Army" and a domain name are not
    ("Two men were hurt near the old depot.Deputies said the shooter fled on foot.", 2),
    ("The suspect then drove off in a sedan.“We heard five shots,” a neighbour told reporters.", 2),
    ("The U.S.Army base at Fort Example sent two medics to help, tips@example.org said.", 1),
    # ... and a short piece stays with its neighbour (it would be dropped as too short)
    ("Three other men were also shot.Two of them died.", 1),
]


@pytest.mark.parametrize(("text", "n"), SPLITS)
def test_false_and_missed_sentence_ends(text, n):
    article = _article(text)
    sentences = split_sentences([article], [], SegmentConfig())
    assert len(sentences) == n, [s.text for s in sentences]
    assert " ".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")
    assert all(article.text[s.start : s.end] == s.text for s in sentences)


def test_victims_list_entries_are_kept_and_headings_dropped():
    text = (
        "Menu\n\n"
        "The coroner identified the victims of the fire at the farm house as follows:\n\n"
        "Jane A. Roe, 52 years old – deceased\n\n"
        "Tom B. Roe, 9 years old – deceased\n\n"
        "The father remains in a hospital in serious condition.\n\n"
        "John C. Roe, 55 years old\n\n"
        "Latest Stories\n\n"
        "Read these next:\n\n"
        "Weather Sports Traffic\n"
    )
    dropped = clean_article(_article(text), CleanConfig())
    gone = {d.text.strip() for d in dropped}
    for entry in (
        "Jane A. Roe, 52 years old – deceased",
        "Tom B. Roe, 9 years old – deceased",
        "John C. Roe, 55 years old",
    ):
        assert entry not in gone
    assert {"Menu", "Latest Stories", "Read these next:", "Weather Sports Traffic"} <= gone


def test_appeal_for_information_is_kept_and_a_contact_line_dropped():
    text = (
        "Anyone with information should call Det. Ann Lee at 555-201-3344 or e-mail tips@police.example.gov.\n"
        "Reach reporter Sam Poe at spoe@news.example.com.\n"
    )
    rules = {d.text.strip(): d.rule for d in clean_article(_article(text), CleanConfig())}
    assert rules == {"Reach reporter Sam Poe at spoe@news.example.com.": "author_bio"}


def test_the_headline_printed_in_the_text_is_kept_once():
    article = _article(
        "Three hurt in Elm Road crash\n\nThree people were hurt when two cars collided on Elm Road.\n\n"
        "Three hurt in Elm Road crash\n\nMore headlines here\n",
        title="Three hurt in Elm Road crash",
    )
    rules = [(d.text.strip(), d.rule) for d in clean_article(article, CleanConfig())]
    assert rules == [("Three hurt in Elm Road crash", "repeated_line"), ("More headlines here", "heading_or_link")]


def test_a_tokenised_closing_quote_ends_a_line():
    text = "`` No one is believed to be hurt at this time . ''\nSee more\n"
    rules = {d.text.strip(): d.rule for d in clean_article(_article(text), CleanConfig())}
    assert rules == {"See more": "heading_or_link"}


def test_a_headline_with_its_standfirst_on_one_line_is_kept_but_a_short_title_is_no_prefix():
    long_title = _article(
        "Three hurt in Elm Road crash No arrests made yet | Share\n", title="Three hurt in Elm Road crash"
    )
    assert not clean_article(long_title, CleanConfig())
    short = _article("Crash Sports Weather Traffic\n", title="Crash")
    assert [d.rule for d in clean_article(short, CleanConfig())] == ["heading_or_link"]


_FRAGMENTS = [
    "He said so.",
    "He said so.",  # repeated sentences: each takes the next occurrence, as pySBD's own search does
    "The U.S. Army left at 5 p.m. on Monday.",
    "Is it true?",
    '"Yes," she said.',
    "1. First item",
    "Mr. Smith, 45, was held.",
    "It was 2.5 km away...",
    "Wow!",
    "(See below.)",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=12),
    st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", " \u00a0"]), min_size=12, max_size=12),
)
def test_sentence_spans_are_pysbds_own(fragments, gaps):
    # #17: the spans are found with str.find instead of pySBD's regex per sentence: the same spans
    from factcheck.stages.segment import _char_spans, _segmenter

    text = "".join(f + g for f, g in zip(fragments, gaps, strict=False))
    segmenter = _segmenter()
    expected = [(span.start, span.end) for span in segmenter.segment(text)]
    assert _char_spans(text, segmenter.processor(text).process()) == expected
