"""Statements without comparable figures: the same quotation, the same sentence, or a close paraphrase.

Within a cluster of similar sentences, two outlets' sentences state the same thing when they
carry the same quotation, are the same words, or are at least `min_statement_similarity`
similar and share `min_shared_names` names. Such sentences form one statement fact, with one
agreement naming them all (groups, not pairs: near-identical articles give one finding). When
only some of them give a date or a figure, a `differ`/`detail` finding says who gives it.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping, Sequence

import numpy as np

from factcheck.config import CompareConfig
from factcheck.describe import describe_value
from factcheck.records import Article, Claim, DateValue, Finding, Sentence
from factcheck.stages.compare.lexicon import ATTRIBUTION_VERBS, STATEMENT_STOP
from factcheck.stages.compare.slots import capitalised_names
from factcheck.verdicts import Verdict

QUOTE_RE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")
# A cluster with more distinct wordings than this is compared by identical wording only (bounded work).
MAX_PAIRWISE = 400
# How a statement group is shown, strongest first. Only the first three show that two outlets
# report one event (a contradiction between them is believed); 'similar' is a looser paraphrase.
STRENGTH = ("quote", "copy", "paraphrase", "similar")


def quotes(text: str) -> list[str]:
    """Quoted passages of three words or more, normalised for comparison."""
    out = []
    for m in QUOTE_RE.finditer(text):
        words = re.findall(r"\w+", m.group(1).lower())
        if len(words) >= 3:
            out.append(" ".join(words))
    return out


def shared_quote(x: str, y: str) -> str:
    """A quotation both sentences carry (one may quote more of it than the other)."""
    for qx in quotes(x):
        for qy in quotes(y):
            if qx in qy or qy in qx:
                return qx if len(qx) <= len(qy) else qy
    return ""


# Words of a sentence a predicate is read from: lower-case words this long, their endings
# ("hosted", "hosts", "hosting") cut, then cut to this many letters.
CONTENT_MIN = 4
STEM = 6
ENDINGS = ("ing", "ed", "es", "s")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]+")


@functools.lru_cache(maxsize=65536)
def inner_names(text: str) -> frozenset[str]:
    """Capitalised words of a sentence that are not its first word: names, not a capitalised opening ("Multiple")."""
    first = _WORD_RE.search(text)
    rest = text[first.end() :] if first else text
    return capitalised_names(rest)


@functools.lru_cache(maxsize=65536)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the lower-case content words of a sentence (its predicates and things, not its names)."""
    out = set()
    for m in _WORD_RE.finditer(text):
        w = m.group(0).lower()
        if m.group(0)[0].isupper() or len(w) < CONTENT_MIN or w in STATEMENT_STOP:
            continue
        out.add(_stem(w))
    return frozenset(out)


def _stem(word: str) -> str:
    """A word without its inflection, cut to `STEM` letters ("hosted" / "hosts" -> "host")."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word[:STEM]


def similar_statement(x: str, y: str, similarity: float, cfg: CompareConfig) -> str:
    """'paraphrase', 'similar' or '' for two sentences without a shared quotation.

    A paraphrase is at least `min_statement_similarity` similar with `min_shared_names` names in
    common; a looser one ('similar') at least `min_loose_statement_similarity` similar, with a
    named participant (not a sentence's first word) and a content word in common (the same
    predicate or thing, give or take its ending: "hosts" / "hosted", "summit" / "summits").
    """
    if similarity >= cfg.min_statement_similarity and len(capitalised_names(x) & capitalised_names(y)) >= (
        cfg.min_shared_names
    ):
        return "paraphrase"
    loose = similarity >= cfg.min_loose_statement_similarity
    if loose and inner_names(x) & inner_names(y) and content_stems(x) & content_stems(y):
        return "similar"
    return ""


def _wording(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _is_detail(c: Claim) -> bool:
    """A claim a reader would miss if an outlet left it out: a date, or a count of something named."""
    if c.kind == "date":
        return isinstance(c.value, DateValue) and c.value.start is not None
    return c.kind in ("quantity", "money", "percent", "duration") and bool(c.unit)


def clip(text: str, limit: int = 90) -> str:
    """A sentence shortened for a one-line explanation."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _find(parent: dict[int, int], x: int) -> int:
    """The root of x's group (union-find with path halving)."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _union(parent: dict[int, int], how: dict[int, str], x: int, y: int, kind: str) -> None:
    """Join the groups of x and y; a group keeps the strongest 'how' of its links (quote, copy, paraphrase, similar)."""
    rx, ry = _find(parent, x), _find(parent, y)
    kinds = {how.get(rx, ""), how.get(ry, ""), kind}
    if rx != ry:
        parent[rx] = ry
    how[ry] = next(k for k in STRENGTH if k in kinds)


def statement_groups(
    sentences: Sequence[Sentence], emb: np.ndarray, clusters: Sequence[Sequence[int]], cfg: CompareConfig
) -> list[tuple[list[int], str, frozenset[frozenset[str]]]]:
    """Groups of sentences (indices) of two or more articles that state one thing, how (see `STRENGTH`),
    and the pairs of articles linked in it by a quotation, a copy or a close paraphrase (never by a
    looser 'similar' link: those do not show that two outlets report one event)."""
    out = []
    for members in clusters:
        if len({sentences[i].article_id for i in members}) < 2:
            continue
        parent = {i: i for i in members}
        how: dict[int, str] = {}
        strong: set[frozenset[str]] = set()
        first_of: dict[str, int] = {}
        for i in members:
            w = _wording(sentences[i].text)
            if w in first_of:
                _union(parent, how, i, first_of[w], "copy")
                strong.add(frozenset((sentences[i].article_id, sentences[first_of[w]].article_id)))
            else:
                first_of[w] = i
        unique = list(first_of.values())
        if len(unique) <= MAX_PAIRWISE:
            for x, i in enumerate(unique):
                si = sentences[i]
                for j in unique[x + 1 :]:
                    sj = sentences[j]
                    if si.article_id == sj.article_id:
                        continue
                    if shared_quote(si.text, sj.text):
                        _union(parent, how, i, j, "quote")
                        strong.add(frozenset((si.article_id, sj.article_id)))
                        continue
                    similarity = float(emb[i] @ emb[j]) if emb.size else 0.0
                    if kind := similar_statement(si.text, sj.text, similarity, cfg):
                        _union(parent, how, i, j, kind)
                        if kind != "similar":
                            strong.add(frozenset((si.article_id, sj.article_id)))
        components: dict[int, list[int]] = {}
        for i in members:
            components.setdefault(_find(parent, i), []).append(i)
        for root, comp in components.items():
            arts = {sentences[i].article_id for i in comp}
            if len(arts) >= 2:
                linked = frozenset(p for p in strong if p <= arts and len(p) == 2)
                out.append((sorted(comp), how.get(root, "paraphrase"), linked))
    return out


# A passage two outlets share word for word ("a reminder that climbers need to use extreme
# caution", a quotation printed without quotation marks by one of them): this many words in a
# row, this many of them lower-case content words (not names, not `STATEMENT_STOP`, at least
# `CONTENT_MIN` letters): a name shared ("Japanese Prime Minister Shinzo Abe") is no statement.
PASSAGE_WORDS = 5
PASSAGE_CONTENT = 3
_PASSAGE_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")


# "…, the civil protection agency said on Sunday." and "According to the agency, …": the source.
_ATTRIBUTION_TAIL_RE = re.compile(
    r"[,;]\s*(?:[\w'’.-]+\s+){1,6}?(?:" + "|".join(ATTRIBUTION_VERBS) + r")\b[^,;]{0,25}$|"
    r"[,;]\s*according to\b[^,;]*$",
    re.IGNORECASE,
)
_ATTRIBUTION_HEAD_RE = re.compile(r"^\s*according to\b[^,;]*[,;]", re.IGNORECASE)


def _passage_words(text: str) -> list[str]:
    """The words of a sentence a passage may be made of: its attribution left out."""
    text = _ATTRIBUTION_HEAD_RE.sub(" ", _ATTRIBUTION_TAIL_RE.sub(" ", text))
    return _PASSAGE_WORD_RE.findall(text.replace("’", "'"))


def _content(word: str) -> bool:
    return word[0].islower() and len(word) >= CONTENT_MIN and word not in STATEMENT_STOP


@functools.lru_cache(maxsize=65536)
def passages(text: str) -> frozenset[tuple[str, ...]]:
    """Runs of `PASSAGE_WORDS` words of a sentence (lower-cased, no punctuation) with a content
    word: where a shared passage may start (`shared_passage` checks the whole run)."""
    words = _passage_words(text)
    return frozenset(
        tuple(w.lower() for w in words[i : i + PASSAGE_WORDS])
        for i in range(len(words) - PASSAGE_WORDS + 1)
        if any(_content(w) for w in words[i : i + PASSAGE_WORDS])
    )


def shared_passage(x: str, y: str) -> str:
    """The longest run of `PASSAGE_WORDS` words or more two sentences share with `PASSAGE_CONTENT`
    lower-case content words in it, or ''."""
    other = passages(y)
    words = _passage_words(x)
    best = ""
    i = 0
    while i <= len(words) - PASSAGE_WORDS:
        j = i
        while j <= len(words) - PASSAGE_WORDS and tuple(w.lower() for w in words[j : j + PASSAGE_WORDS]) in other:
            j += 1
        if j == i:
            i += 1
            continue
        run = words[i : j - 1 + PASSAGE_WORDS]
        text = " ".join(w.lower() for w in run)
        if sum(_content(w) for w in run) >= PASSAGE_CONTENT and len(text) > len(best):
            best = text
        i = j
    return best


def passage_groups(
    sentences: Sequence[Sentence],
    emb: np.ndarray,
    grouped: Sequence[Sequence[int]],
    *,
    min_similarity: float,
) -> list[tuple[list[int], str, frozenset[frozenset[str]]]]:
    """Groups of sentences (indices) of two or more articles that share a passage word for word
    (`passages`) in sentences at least `min_similarity` similar, beyond the statement groups
    already `grouped` (#14): a quotation one outlet prints without quotation marks, a sentence
    one outlet lengthens. Across the whole batch, not only within a cluster. They link no pair of
    articles (a stock phrase shared by two look-alike events proves nothing of one event).
    """
    group_of = {i: g for g, members in enumerate(grouped) for i in members}
    parent: dict[int, int] = {}
    by_run: dict[tuple[str, ...], list[int]] = {}
    checked: set[tuple[int, int]] = set()
    for i, sent in enumerate(sentences):
        for run in passages(sent.text):
            by_run.setdefault(run, []).append(i)
    for members in by_run.values():
        if len({sentences[i].article_id for i in members}) < 2:
            continue
        first_of: dict[str, int] = {}
        for i in members:
            first_of.setdefault(sentences[i].article_id, i)
        lead, *others = first_of.values()  # bounded work: each article's first sentence against the first article's
        for j in others:
            if (lead, j) in checked:
                continue
            checked.add((lead, j))
            if lead in group_of and group_of.get(j) == group_of[lead]:
                continue  # already one statement
            if emb.size and float(emb[lead] @ emb[j]) < min_similarity:
                continue
            if not shared_passage(sentences[lead].text, sentences[j].text):
                continue
            parent.setdefault(lead, lead)
            parent.setdefault(j, j)
            rx, ry = _find(parent, lead), _find(parent, j)
            if rx != ry:
                parent[rx] = ry
    components: dict[int, list[int]] = {}
    for i in parent:
        components.setdefault(_find(parent, i), []).append(i)
    return [
        (sorted(comp), "passage", frozenset())
        for comp in components.values()
        if len({sentences[i].article_id for i in comp}) >= 2
    ]


def statement_findings(
    group: Sequence[int],
    how: str,
    sentences: Sequence[Sentence],
    emb: np.ndarray,
    articles: Mapping[str, Article],
    details: Mapping[str, Sequence[Claim]],
    stated: Mapping[str, Sequence[Claim]] | None = None,
) -> list[Finding]:
    """The agreement of one statement group, and a detail difference when only some outlets give a figure or date
    (`stated`: every claim of each sentence, see `stated_claims`)."""
    members = [sentences[i] for i in group]
    outlets = sorted({articles[s.article_id].outlet or s.article_id for s in members})
    ids = [s.id for s in members]
    arts = tuple(sorted({s.article_id for s in members}))
    sims = [float(emb[group[0]] @ emb[j]) for j in group[1:]] if emb.size else []
    score = min(sims) if sims else 1.0
    lead = members[0]
    if how == "quote":
        quoted = next((q for s in members[1:] if (q := shared_quote(lead.text, s.text))), "")
        explanation = f"{', '.join(outlets[:5])} carry the same quotation: “{quoted or clip(lead.text)}”"
        confidence = 0.9
    elif how == "copy":
        explanation = f"{', '.join(outlets[:5])} print the same sentence: “{clip(lead.text)}”"
        confidence = 0.9
    elif how == "passage":
        shared = next((p for s in members[1:] if (p := shared_passage(lead.text, s.text))), "")
        explanation = f"{', '.join(outlets[:5])} share the words “{shared or clip(lead.text)}”"
        confidence = 0.7
    elif how == "paraphrase":
        explanation = (
            f"{', '.join(outlets[:5])} say the same in other words: “{clip(lead.text)}” "
            f"(similarity at least {score:.2f}); no figures to compare"
        )
        confidence = round(min(0.8, score), 2)
    else:
        explanation = (
            f"{', '.join(outlets[:5])} say much the same: “{clip(lead.text)}” (similar sentences naming "
            f"the same party with a word in common); no figures to compare"
        )
        confidence = round(min(0.6, score), 2)
    fid = "S" + hashlib.sha1("\x00".join(sorted(ids)).encode()).hexdigest()[:10]
    out = [Finding(fid, "", Verdict.AGREE, how, arts, (), explanation, confidence, tuple(ids))]
    kinds_of: dict[str, set[str]] = {s.article_id: set() for s in members}
    for s in members:
        kinds_of[s.article_id] |= {c.kind for c in details.get(s.id, ())}
    for kind in sorted({k for ks in kinds_of.values() for k in ks}):
        has = sorted(a for a, ks in kinds_of.items() if kind in ks)
        giving = {articles[a].outlet or a for a in has}
        lacks = sorted(a for a, ks in kinds_of.items() if kind not in ks and (articles[a].outlet or a) not in giving)
        if not has or not lacks:
            continue
        given = next(c for s in members if s.article_id in has for c in details.get(s.id, ()) if c.kind == kind)
        value = describe_value(given)
        named = [s.id for s in members if s.article_id in has or s.article_id in lacks]
        explanation = (
            f"the same statement (“{clip(lead.text, 70)}”): only "
            f"{', '.join(articles[a].outlet or a for a in has[:4])} give{'s' if len(has) == 1 else ''} "
            f"“{given.text}”"
            + (f" ({value})" if value and value != given.text else "")
            + _lacking(kind, lacks, members, articles, stated or {})
        )
        fid = "D" + hashlib.sha1("\x00".join([kind, *sorted(named)]).encode()).hexdigest()[:10]
        # a difference of the statement, not between two values: no claim on the other side to show (#14)
        out.append(Finding(fid, "", Verdict.DIFFER, "detail", arts, (), explanation, 0.5, tuple(named)))
    return out


# Kinds of claim that give a figure: an outlet giving one of them in a statement gives a figure.
FIGURE_KINDS = frozenset({"quantity", "money", "percent", "duration", "ordinal"})


def stated_claims(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    """Every claim of each sentence, details or not, by sentence id."""
    out: dict[str, list[Claim]] = {}
    for c in claims:
        out.setdefault(c.sentence_id, []).append(c)
    return out


def _lacking(
    kind: str,
    lacks: Sequence[str],
    members: Sequence[Sentence],
    articles: Mapping[str, Article],
    stated: Mapping[str, Sequence[Claim]],
) -> str:
    """The outlets of a statement that give no detail of a kind: those stating it without, and those
    giving a figure of their own that is no detail ("the attendance was 81,500", "hundreds") (#14)."""
    without, own = [], []
    for a in lacks:
        outlet = articles[a].outlet or a
        figure = next(
            (
                c
                for s in members
                if s.article_id == a
                for c in stated.get(s.id, ())
                if kind in FIGURE_KINDS and c.kind in FIGURE_KINDS
            ),
            None,
        )
        if figure is None:
            without.append(outlet)
        else:
            own.append(f"{outlet} (“{figure.text}”)")
    parts = []
    if without:
        parts.append(f"{', '.join(without[:4])} state it without")
    if own:
        parts.append(f"{', '.join(own[:4])} give{'s' if len(own) == 1 else ''} another figure")
    return "; " + "; ".join(parts)


def detail_claims(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    """Claims a reader would miss, by sentence id."""
    out: dict[str, list[Claim]] = {}
    for c in claims:
        if _is_detail(c):
            out.setdefault(c.sentence_id, []).append(c)
    return out
