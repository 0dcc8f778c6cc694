"""Split the kept text of each article into sentences with offsets (pySBD)."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from factcheck.config import SegmentConfig
from factcheck.lexicon.calendar import MONTH_NAMES, WEEKDAYS
from factcheck.lexicon.function_words import TIME_CONTINUATIONS
from factcheck.records import Article, DroppedSpan, Sentence
from factcheck.stages.clean import kept_regions

CHUNK_CHARS = 3000
"""pySBD slows down faster than linearly on long paragraphs (#6): longer regions go to it in chunks of about this size."""
_CHUNK_BREAK_RE = re.compile(r"(?<=[\w\"”’)\]]{4})[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
"""A likely sentence end: a word of 4+ characters (not 'U.S.' or 'Mr.'), punctuation, space, a capital."""

_SENTENCE_PUNCT_RE = re.compile(r"[.!?…。！？]")

# pySBD's false ends (#14): "at 9 p.m. | Saturday" (a clock time's abbreviation before a capital),
# and tokenised text ("a 5 . | 9 magnitude quake", "4 : 30 a . | m . | local time", as in ECB+).
_CLOCK_END_RE = re.compile(r"\b[ap] ?\. ?m ?\.\s*$", re.IGNORECASE)
_SPACED_DECIMAL_END_RE = re.compile(r"\d \.\s*$")
_SPACED_AM_END_RE = re.compile(r"\b[ap] \.\s*$", re.IGNORECASE)
_FIRST_WORD_RE = re.compile(r"\s*[(\[]?([A-Za-z]+)")
# A sentence end pySBD misses where scraping lost the space: "the complex.Deputies said" (two
# lower-case letters, so "U.S.Army", "Mr.Smith" and "a.m.Sunday" are not cut; a capital and a
# lower-case letter after, so "e.g.x" and domains such as "hayward-ca.gov" are not either).
_GLUED_END_RE = re.compile(r"(?<=[a-z]{2}[.!?])[\"”’]?(?=[A-Z][a-z])")
GLUED_MIN_CHARS = 20
"""A glued end is cut only between pieces this long: "...also shot.Two of them died." stays one
sentence rather than lose its short second half to `segment.min_sentence_chars` (default 20)."""


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    """One pySBD segmenter (it handles abbreviations such as 'U.S.' and quotes)."""
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence pySBD finds; text with no sentence punctuation is one span, unread."""
    if not _SENTENCE_PUNCT_RE.search(text):
        return [(0, len(text))]
    spans = _char_spans(text, _segmenter().processor(text).process())
    return _cut_glued(text, _join_false_ends(text, spans))


def _char_spans(text: str, sentences: Sequence[str]) -> list[tuple[int, int]]:
    """Where pySBD's sentences lie in `text`, as its `char_span=True` finds them, without its regex per sentence.

    pySBD compiles a pattern of every sentence and scans the text from its start for it (a
    third of the split's time, #17); this is the same search with `str.find`: each
    sentence's first non-overlapping occurrence, with the whitespace after it, that ends after
    the previous sentence's span (identical spans on 8,539 chunks of the GVA, NewsWCL50 and 500
    articles' feeds).
    """
    spans: list[tuple[int, int]] = []
    prior = 0
    for sentence in sentences:
        pos = 0
        while (start := text.find(sentence, pos)) >= 0:
            end = start + len(sentence)
            while end < len(text) and text[end].isspace():
                end += 1
            if end > prior:
                spans.append((start, end))
                prior = end
                break
            pos = end if end > start else start + 1
    return spans


def _continues(head: str, tail: str) -> bool:
    """Whether a span ending `head` is cut before `tail` at a false sentence end (see `_CLOCK_END_RE`)."""
    if _SPACED_DECIMAL_END_RE.search(head) and tail.lstrip()[:1].isdigit():
        return True  # "5 . 9"
    if _SPACED_AM_END_RE.search(head) and re.match(r"\s*m \.", tail, re.IGNORECASE):
        return True  # "a . m ."
    if not _CLOCK_END_RE.search(head):
        return False
    first = _FIRST_WORD_RE.match(tail)
    word = first.group(1) if first else ""
    return (
        word.islower() or word.lower() in WEEKDAYS or word.lower() in MONTH_NAMES or word.lower() in TIME_CONTINUATIONS
    )


def _join_false_ends(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join spans that pySBD cut at a false end: "until 1:15 a.m. | Wednesday", "a 5 . | 9 magnitude"."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and out[-1][1] == start and _continues(text[out[-1][0] : start], text[start:end]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _cut_glued(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut spans at sentence ends with the space lost: "the apartment complex.Deputies said" (see `_GLUED_END_RE`)."""
    out = []
    for start, end in spans:
        for m in _GLUED_END_RE.finditer(text, start, end):
            if m.start() - start >= GLUED_MIN_CHARS and len(text[m.end() : end].strip()) >= GLUED_MIN_CHARS:
                out.append((start, m.end()))
                start = m.end()
        out.append((start, end))
    return out


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


def _spans_of_chunks(chunks: Sequence[str], cache_dir: str) -> list[list[tuple[int, int]]]:
    """Sentence spans of each chunk of text; with `cache_dir`, read from and kept in a cache.

    pySBD is the slowest step of a warm run (its abbreviation rules compile regexes on every
    call), so its spans are kept like vectors and claims: keyed by the text and this module's
    source, and reused across the stories of a feed and across runs.
    """
    if not cache_dir:
        return [_sentence_spans(chunk) for chunk in chunks]
    from factcheck.stages.textcache import TextCache, code_version, text_key

    version = code_version(sys.modules[__name__])
    keys = [text_key(version, chunk) for chunk in chunks]
    cache = TextCache(cache_dir, "spans")
    stored = cache.get_many(keys)
    fresh: dict[bytes, str] = {}
    out = []
    for key, chunk in zip(keys, chunks, strict=True):
        spans = _spans_from_json(stored[key], len(chunk)) if key in stored else None
        if spans is None:
            spans = _sentence_spans(chunk)
            fresh[key] = json.dumps(spans)
        out.append(spans)
    cache.put_many(fresh)
    return out


def _spans_from_json(text: str, length: int) -> list[tuple[int, int]] | None:
    """Stored spans, or None when the entry is corrupt or does not fit its text (computed again)."""
    try:
        spans = [(int(a), int(b)) for a, b in json.loads(text)]
    except (ValueError, TypeError):
        return None
    return spans if all(0 <= a <= b <= length for a, b in spans) else None


def split_sentences(
    articles: Sequence[Article], dropped: Sequence[DroppedSpan], cfg: SegmentConfig, *, cache_dir: str = ""
) -> list[Sentence]:
    """Split every article's kept regions into sentences.

    Runs of text longer than `cfg.max_sentence_chars` with no sentence end (a
    pasted table, a run-on list) are cut at spaces, so no "sentence" is longer
    than that and the time stays linear in the length of the text. With
    `cache_dir`, pySBD's spans are cached by text.

    Returns:
        Sentences in article and text order; `text == article.text[start:end]`.
    """
    pieces = [
        (article, region_start + chunk_start, region_start + chunk_end)
        for article in articles
        for region_start, region_end in kept_regions(article, dropped)
        for chunk_start, chunk_end in _chunks(article.text[region_start:region_end])
    ]
    spans_of = _spans_of_chunks([a.text[start:end] for a, start, end in pieces], cache_dir)
    sentences: list[Sentence] = []
    index_of: dict[str, int] = {}
    for (article, chunk_at, _end), spans in zip(pieces, spans_of, strict=True):
        index = index_of.get(article.id, 0)
        for span_start, span_end in spans:
            for piece_start, piece_end in _cap(
                chunk_at + span_start, chunk_at + span_end, article.text, cfg.max_sentence_chars
            ):
                raw = article.text[piece_start:piece_end]
                text = raw.strip()
                if len(text) < cfg.min_sentence_chars:
                    continue
                start = piece_start + len(raw) - len(raw.lstrip())
                sentences.append(Sentence(f"{article.id}#{index}", article.id, index, start, start + len(text), text))
                index += 1
        index_of[article.id] = index
    return sentences
