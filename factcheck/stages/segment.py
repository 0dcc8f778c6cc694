"""Split the kept text of each article into sentences with offsets (pySBD)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from factcheck.config import SegmentConfig
from factcheck.records import Article, DroppedSpan, Sentence
from factcheck.stages.clean import kept_regions

CHUNK_CHARS = 3000
"""pySBD slows down faster than linearly on long paragraphs (#6): longer regions go to it in chunks of about this size."""
_CHUNK_BREAK_RE = re.compile(r"(?<=[\w\"”’)\]]{4})[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
"""A likely sentence end: a word of 4+ characters (not 'U.S.' or 'Mr.'), punctuation, space, a capital."""

_SENTENCE_PUNCT_RE = re.compile(r"[.!?…。！？]")


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    """One pySBD segmenter (it handles abbreviations such as 'U.S.' and quotes)."""
    import pysbd  # type: ignore[import-untyped]

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence pySBD finds; text with no sentence punctuation is one span, unread."""
    if not _SENTENCE_PUNCT_RE.search(text):
        return [(0, len(text))]
    return [(span.start, span.end) for span in _segmenter().segment(text)]


def _cut_at_space(text: str, limit: int) -> int:
    """Where to cut `text` so the head has at most `limit` characters: after the last space, else at `limit`."""
    space = text.rfind(" ", 0, limit + 1)
    if space <= 0:
        space = max(text.rfind("\n", 0, limit + 1), text.rfind("\t", 0, limit + 1))
    return space + 1 if space > 0 else limit


def _chunks(region: str) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of a region of at most about CHUNK_CHARS, cut at likely sentence ends."""
    start = 0
    while len(region) - start > CHUNK_CHARS:
        window = region[start : start + CHUNK_CHARS]
        breaks = [m.end() for m in _CHUNK_BREAK_RE.finditer(window) if m.end() > CHUNK_CHARS // 2]
        cut = breaks[-1] if breaks else _cut_at_space(window, CHUNK_CHARS)
        yield start, start + cut
        start += cut
    if start < len(region):
        yield start, len(region)


def _cap(start: int, end: int, text: str, limit: int) -> Iterator[tuple[int, int]]:
    """Cut the span text[start:end] into pieces of at most `limit` characters, at spaces where possible.

    The pieces are of about equal length, so no short tail falls under `min_sentence_chars`.
    """
    while end - start > limit:
        pieces = -(-(end - start) // limit)
        cut = _cut_at_space(text[start : start + limit], -(-(end - start) // pieces))
        yield start, start + cut
        start += cut
    yield start, end


def split_sentences(articles: Sequence[Article], dropped: Sequence[DroppedSpan], cfg: SegmentConfig) -> list[Sentence]:
    """Split every article's kept regions into sentences.

    Runs of text longer than `cfg.max_sentence_chars` with no sentence end (a
    pasted table, a run-on list) are cut at spaces, so no "sentence" is longer
    than that and the time stays linear in the length of the text.

    Returns:
        Sentences in article and text order; `text == article.text[start:end]`.
    """
    sentences: list[Sentence] = []
    for article in articles:
        index = 0
        for region_start, region_end in kept_regions(article, dropped):
            region = article.text[region_start:region_end]
            for chunk_start, chunk_end in _chunks(region):
                for span_start, span_end in _sentence_spans(region[chunk_start:chunk_end]):
                    span_start += region_start + chunk_start
                    span_end += region_start + chunk_start
                    for piece_start, piece_end in _cap(span_start, span_end, article.text, cfg.max_sentence_chars):
                        raw = article.text[piece_start:piece_end]
                        text = raw.strip()
                        if len(text) < cfg.min_sentence_chars:
                            continue
                        start = piece_start + len(raw) - len(raw.lstrip())
                        sentences.append(
                            Sentence(f"{article.id}#{index}", article.id, index, start, start + len(text), text)
                        )
                        index += 1
    return sentences
