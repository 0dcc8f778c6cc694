"""Detect the language of an article (py3langid: its model ships inside the wheel; nothing is downloaded)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

UNDETERMINED = "und"
SAMPLE_CHARS = 2000
"""Only the start of a long article is read: language does not change halfway through a news story."""
MIN_LETTERS = 40
"""Shorter texts are too little evidence: they are kept, whatever they look like."""
MIN_CONFIDENCE = 0.8
"""An article is called non-English only when the detector is at least this sure."""
_LETTER_RE = re.compile(r"[^\W\d_]")
_WORD_RE = re.compile(r"[a-z]+")
ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "was",
        "that",
        "for",
        "on",
        "with",
        "as",
        "at",
        "by",
        "from",
        "he",
        "it",
        "his",
        "said",
        "are",
        "were",
        "be",
        "has",
        "have",
        "had",
        "but",
        "not",
        "this",
        "they",
        "an",
        "or",
        "who",
        "which",
        "their",
        "been",
        "after",
        "its",
        "will",
        "would",
        "about",
        "more",
        "than",
    ]
)
"""The commonest English words: a third or so of any English news text, a few percent of other languages'."""
CLEARLY_ENGLISH_SHARE = 0.2
"""Text where at least this share of the words are English function words is English without
asking the detector (whose model takes most of a second to load: a warm run skips it)."""


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The py3langid identifier with probabilities normalised to 0..1 (loaded once, about 2 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The language of a text and the detector's confidence.

    Args:
        text: article text; only its first `SAMPLE_CHARS` characters are read.

    Returns:
        An ISO 639-1 code and a probability, or ("und", 0.0) when the text has
        fewer than `MIN_LETTERS` letters or the detector is unsure.

    Example:
        >>> detect_language("Der Stadtrat hat am Dienstag einen Haushalt von vier Millionen Euro beschlossen.")[0]
        'de'
    """
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER_RE.findall(sample)) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    lang, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return UNDETERMINED, float(confidence)
    return str(lang), float(confidence)


def unsupported_language(
    text: str, languages: tuple[str, ...], *, detect: Callable[[str], tuple[str, float]] = detect_language
) -> str:
    """The detected language when it is not one of `languages`, else ''.

    An empty `languages` accepts everything; an undetermined language is accepted. `detect` is
    `detect_language` or the same answers from elsewhere (a cache of them, #17).
    """
    if not languages:
        return ""
    if "en" in languages and _clearly_english(text):
        return ""
    lang, _confidence = detect(text)
    return "" if lang == UNDETERMINED or lang in languages else lang


def _clearly_english(text: str) -> bool:
    """Whether enough of the text's first words are English function words (at least 30 words)."""
    words = _WORD_RE.findall(text[:SAMPLE_CHARS].lower())
    if len(words) < 30:
        return False
    return sum(w in ENGLISH_FUNCTION_WORDS for w in words) >= CLEARLY_ENGLISH_SHARE * len(words)
