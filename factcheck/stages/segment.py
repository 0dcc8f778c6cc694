"""Split the kept text of each article into sentences with offsets (pySBD)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from factcheck.config import SegmentConfig
from factcheck.records import Article, DroppedSpan, Sentence
from factcheck.stages.clean import kept_regions


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    """One pySBD segmenter (it handles abbreviations such as 'U.S.' and quotes)."""
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(articles: Sequence[Article], dropped: Sequence[DroppedSpan], cfg: SegmentConfig) -> list[Sentence]:
    """Split every article's kept regions into sentences.

    Returns:
        Sentences in article and text order; `text == article.text[start:end]`.
    """
    sentences: list[Sentence] = []
    for article in articles:
        index = 0
        for region_start, region_end in kept_regions(article, dropped):
            region = article.text[region_start:region_end]
            for span in _segmenter().segment(region):
                raw = region[span.start : span.end]
                lead = len(raw) - len(raw.lstrip())
                text = raw.strip()
                if len(text) < cfg.min_sentence_chars:
                    continue
                start = region_start + span.start + lead
                sentences.append(Sentence(f"{article.id}#{index}", article.id, index, start, start + len(text), text))
                index += 1
    return sentences
