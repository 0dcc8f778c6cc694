"""The claims stage: every claim of a text or of the sentences of a batch, with a cache."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from factcheck.config import ClaimsConfig
from factcheck.records import Article, Claim, DateValue, QuantityValue, Sentence
from factcheck.stages.claims.casualties import extract_casualty_subjects, extract_none_stated
from factcheck.stages.claims.events import NEGATION_RE, _attribution, _gap_ok
from factcheck.stages.claims.ordinals import extract_ordinals
from factcheck.stages.claims.quantities import extract_quantities
from factcheck.stages.claims.relative import extract_dates


def extract_claims_from_text(text: str, published: date | None, *, tolerance: float = 0.1) -> list[Claim]:
    """All claims in a piece of text, sorted by position; offsets are into `text`.

    Example:
        >>> [c.text for c in extract_claims_from_text("More than 1,400 people died.", None)]
        ['More than 1,400 people']
    """
    dates = extract_dates(text, published)
    date_spans = [(c.start, c.end) for c in dates]
    ordinals = extract_ordinals(text)
    ordinal_starts = {c.start for c in ordinals}
    ordinal_spans = [(c.start, c.end) for c in ordinals]
    quantities = [
        c
        for c in extract_quantities(text, tolerance=tolerance)
        if c.start not in ordinal_starts
        # "a second front": the ordinal, not one second of time
        and not (c.kind == "duration" and any(c.start < s < c.end for s, _e in ordinal_spans))
    ]
    share_spans = [
        (c.start, c.end)
        for c in quantities
        if c.kind == "percent"
        or (isinstance(c.value, QuantityValue) and c.value.point != int(c.value.point or 0))  # "half an hour"
    ]
    ordinals = [c for c in ordinals if all(c.end <= s or c.start >= e for s, e in share_spans)]
    # "no one was killed", "all five are expected to survive": 0 people, its negation said by the value (#15)
    nones = extract_none_stated(text)
    quantities = [c for c in quantities if not any(z.start <= c.start and c.end <= z.end for z in nones)]
    quantities += extract_casualty_subjects(text, [(c.start, c.end) for c in [*quantities, *nones]])
    # "between 1600 and 1800 people", "about 1900 troops": a qualified count of a noun is no pair of years (#15)
    counts = [(c.start, c.end) for c in quantities if c.kind in ("quantity", "money") and c.unit and c.qualifier]
    dates = [c for c in dates if not any(s <= c.start and c.end <= e for s, e in counts)]
    date_spans = [(c.start, c.end) for c in dates]
    others = [c for c in [*quantities, *ordinals] if all(c.end <= s or c.start >= e for s, e in date_spans)]
    # a zero count carries its own "no" ("Two were hurt, and no deaths were reported"): it negates nothing else
    negated = any(not any(z.start <= m.start() < z.end for z in nones) for m in NEGATION_RE.finditer(text))
    attribution = _attribution(text)
    out = [replace(c, negated=negated, attribution=attribution) for c in [*dates, *others]]
    out += [replace(c, attribution=attribution) for c in nones]
    return _with_windows(text, sorted(out, key=lambda c: (c.start, c.end, c.kind)))


def _value_doc(value: QuantityValue | DateValue) -> dict[str, Any]:
    """A value as a JSON-able dict (dates as ISO strings)."""
    doc = {f: getattr(value, f) for f in type(value).__slots__}
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in doc.items()}


def _value_from_doc(raw: dict[str, Any]) -> QuantityValue | DateValue:
    """The inverse of _value_doc."""
    if "granularity" in raw:
        return DateValue(
            date.fromisoformat(raw["start"]) if raw["start"] else None,
            date.fromisoformat(raw["end"]) if raw["end"] else None,
            raw["granularity"],
            raw.get("note", ""),
        )
    return QuantityValue(**raw)


def _with_windows(text: str, claims: list[Claim]) -> list[Claim]:
    """Give each count, amount and share the window of its clause ("3 arrested in the past week")."""
    windows = [
        (c.start, c.end, c.value)
        for c in claims
        if c.kind == "date" and isinstance(c.value, DateValue) and c.value.granularity == "window"
    ]
    if not windows:
        return claims
    out = []
    for c in claims:
        if c.kind in ("quantity", "money", "percent"):
            near = [w for w in windows if _gap_ok(text[min(c.end, w[1]) : max(c.start, w[0])], 12)]
            if near:
                c = replace(c, window=min(near, key=lambda w: abs(w[0] - c.start))[2])
        out.append(c)
    return out


def _claims_to_json(claims: Sequence[Claim]) -> str:
    """Claims of one sentence (offsets relative to it, no ids) as JSON for the cache."""
    docs = []
    for c in claims:
        doc = {f: getattr(c, f) for f in Claim.__slots__ if f not in ("value", "window")}
        doc["value"] = _value_doc(c.value)
        if c.window is not None:
            doc["window"] = _value_doc(c.window)
        docs.append(doc)
    return json.dumps(docs, ensure_ascii=False)


def _claims_from_json(text: str) -> list[Claim] | None:
    """The inverse of _claims_to_json; None for a corrupt entry (extracted again)."""
    try:
        claims = []
        for doc in json.loads(text):
            value = _value_from_doc(doc.pop("value"))
            window = doc.pop("window", None)
            window_value = _value_from_doc(window) if window is not None else None
            if window_value is not None and not isinstance(window_value, DateValue):
                return None
            claims.append(Claim(**doc, value=value, window=window_value))
        return claims
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def extract_claims(
    articles: Sequence[Article], sentences: Sequence[Sentence], cfg: ClaimsConfig, *, cache_dir: str = ""
) -> list[Claim]:
    """Claims of every sentence, with ids and offsets into the article's text.

    With `cache_dir`, each sentence's claims are kept keyed by its text, its article's
    publication date, the tolerance and this module's source, so a warm run extracts nothing.
    """
    from factcheck.stages.textcache import TextCache, code_version, text_key

    by_id = {a.id: a for a in articles}
    version = code_version(*_extractor_modules())

    def key(sent: Sentence) -> bytes:
        published = by_id[sent.article_id].published
        return text_key(version, str(cfg.approximate_tolerance), str(published), sent.text)

    cache = TextCache(cache_dir, "claims") if cache_dir else None
    stored = cache.get_many(key(s) for s in sentences) if cache is not None else {}
    fresh: dict[bytes, str] = {}
    claims = []
    for sent in sentences:
        article = by_id[sent.article_id]
        k = key(sent)
        found = _claims_from_json(stored[k]) if k in stored else None
        if found is None:
            found = extract_claims_from_text(sent.text, article.published, tolerance=cfg.approximate_tolerance)
            fresh[k] = _claims_to_json(found)
        for c in found:
            start, end = sent.start + c.start, sent.start + c.end
            cid = "C" + hashlib.sha1(f"{sent.article_id}\x00{start}\x00{c.kind}".encode()).hexdigest()[:10]
            claims.append(replace(c, id=cid, article_id=sent.article_id, sentence_id=sent.id, start=start, end=end))
    if cache is not None:
        cache.put_many(fresh)
    return claims


def extract_jsonl(lines: Iterable[str], *, tolerance: float) -> Iterator[dict[str, Any]]:
    """Claims of each `{"id", "text", "published"}` JSON line, one output record per input line.

    Blank lines are skipped. A line that is not valid JSON, not an object, or has a bad
    `text` or `published` yields `{"id": ..., "line": N, "error": "..."}` instead of raising,
    so one bad record does not stop a pipeline.

    Args:
        lines: JSON lines (e.g. an open file); `published` is "YYYY-MM-DD" or null.
        tolerance: Relative width of approximate quantities ("about 40").

    Yields:
        `{"id", "claims": [claim JSON, ...]}` or `{"id", "line", "error"}`.

    Example:
        >>> next(extract_jsonl(['{"id": 1, "text": "3 dead", "published": null}'], tolerance=0.1))["claims"][0]["value"]["point"]
        3.0
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record_id: Any = None
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield {"id": None, "line": number, "error": f"line {number}: not JSON ({e.msg})"}
            continue
        if not isinstance(record, dict):
            yield {"id": None, "line": number, "error": f"line {number}: expected a JSON object"}
            continue
        record_id = record.get("id")
        text, published_s = record.get("text"), record.get("published")
        if not isinstance(text, str):
            yield {"id": None, "line": number, "error": f'line {number} (id {record_id!r}): "text" must be a string'}
            continue
        published = None
        if published_s not in (None, ""):
            try:
                published = date.fromisoformat(str(published_s)[:10])
            except ValueError:
                error = f'line {number} (id {record_id!r}): "published" {published_s!r} is not YYYY-MM-DD'
                yield {"id": None, "line": number, "error": error}
                continue
        claims = extract_claims_from_text(text, published, tolerance=tolerance)
        yield {"id": record_id, "claims": [c.to_json() for c in claims]}


def _extractor_modules() -> list[object]:
    """The modules whose source decides the claims: this package and the lexicon (the cache key)."""
    names = sorted(n for n in sys.modules if n.startswith(("factcheck.stages.claims", "factcheck.lexicon")))
    return [sys.modules[n] for n in names]
