"""Align claims into slots and judge them: agree, differ, contradict, single-source."""

from __future__ import annotations

import calendar as _calendar
import functools
import hashlib
import re
from collections.abc import Mapping, Sequence
from itertools import combinations

import numpy as np

from factcheck.config import CompareConfig
from factcheck.describe import describe_date, describe_number, describe_value
from factcheck.records import Article, Claim, DateValue, Finding, QuantityValue, Sentence
from factcheck.stages.claims import CAPITALISED_RE, NUMBER_WORDS, SCALES, TENS, UNITS, VAGUE, WEEKDAY_MISMATCH
from factcheck.stages.frames import (
    LIGHT_VERBS,
    Frame,
    agents_conflict,
    agents_match,
    event_class,
    events_match,
    places_conflict,
    shared_arguments,
    shared_participants,
)

PERSON_UNITS = {"people", "person", "civilian", "resident", "individual", "victim", "citizen", "life", "live"}
ENTITY_STOP = {
    *(d.lower() for d in _calendar.day_name),
    *(m.lower() for m in _calendar.month_name if m),
    "the",
    "a",
    "an",
    "on",
    "in",
    "at",
    "after",
    "before",
    "this",
    "that",
    "it",
    "he",
    "she",
    "they",
    "president",
    "minister",
    "foreign",
    "prime",
    "mr",
    "ms",
    "but",
    "and",
    *UNITS,  # "Two people were killed": a sentence-initial number is not a name
    *TENS,
    *SCALES,
    *NUMBER_WORDS,
    *VAGUE,
}


@functools.lru_cache(maxsize=65536)
def _entities(text: str) -> frozenset[str]:
    """Capitalised words of a sentence (names, places), lower-cased, minus function words."""
    words = set()
    for m in CAPITALISED_RE.finditer(text):
        for w in m.group(0).split():
            w = re.sub(r"['’]s$", "", w).lower()
            if w not in ENTITY_STOP and len(w) > 1:
                words.add(w)
    return frozenset(words)


def _unit_family(unit: str) -> str:
    """Units that count the same kind of thing share a family ('people', 'civilians')."""
    return "person" if unit in PERSON_UNITS else unit


def same_slot(
    a: Claim,
    b: Claim,
    sent_a: Sentence,
    sent_b: Sentence,
    similarity: float,
    cfg: CompareConfig,
    frame_a: Frame | None = None,
    frame_b: Frame | None = None,
) -> bool:
    """Whether two claims speak of the same thing: kind, unit, event and participants.

    Participants are approximated by the names the two sentences share: at least
    `min_shared_names` of them, so that "killed 2,750 in Gaza" and "killed 1,400 in
    Israel" are not one slot merely because both count dead people. With a parse
    (frames), the claims' predicates, objects, participants and places are compared too.
    """
    if a.kind != b.kind or similarity < cfg.min_slot_similarity:
        return False
    framed = frame_a is not None and frame_b is not None
    if framed and places_conflict(frame_a, frame_b):
        return False
    names_shared = len(_entities(sent_a.text) & _entities(sent_b.text)) >= cfg.min_shared_names
    if a.kind == "date":
        same_event = bool(a.event) and a.event == b.event
        if framed and (frame_a.repeated or frame_b.repeated):
            return False  # "appears in court again on Thursday" is another hearing
        if framed and frame_a.complement and frame_b.complement and frame_a.complement != frame_b.complement:
            return False  # "charged with battery" / "charged with tampering": two charges
        if framed and (frame_a.predicate or frame_b.predicate):
            if agents_conflict(frame_a, frame_b):
                return False
            participants = shared_participants(frame_a, frame_b)
            if participants and events_match(frame_a, frame_b):
                return True
            # other words for one act: the same agent acting on the same parties
            # ("China brokered an entente between Iran and Saudi Arabia" / "China sponsored the agreement ...")
            return agents_match(frame_a, frame_b) and shared_arguments(frame_a, frame_b) >= cfg.min_shared_arguments
        since_a, since_b = a.qualifier == "since", b.qualifier == "since"
        return names_shared and same_event and since_a == since_b
    if not names_shared:
        return False
    if a.kind == "ordinal":
        return bool(a.scope and b.scope and a.event) and a.event == b.event
    if a.kind == "duration" and framed and _different_acts(frame_a, frame_b):
        return False  # "sentenced to one day" / "pushed the trial back 180 days"
    if not a.unit or not b.unit:  # a bare number: nothing says what it counts
        return False
    if _unit_family(a.unit) != _unit_family(b.unit):
        return False
    # what happened to what is counted: the claim's own event word, else its predicate's; a count
    # with no event ("four victims") is not a count of the killed or of the injured
    event_a = a.event or (event_class(frame_a.predicate) if frame_a else "")
    event_b = b.event or (event_class(frame_b.predicate) if frame_b else "")
    if event_a != event_b:
        return False
    if not framed:
        return True
    # "two counts of aggravated murder" / "three counts of attempted murder"; "two of his cousins" is a part
    counted_a, counted_b = frame_a.counted, frame_b.counted
    if counted_a.startswith("part:") or counted_b.startswith("part:") or (counted_a and counted_b):
        return counted_a == counted_b
    # "three were transported by ambulance" / "two others were taken in a car"
    return bool(event_a) or not _different_acts(frame_a, frame_b)


DEICTIC_RE = re.compile(
    r"^(?:on\s+|last\s+|this\s+|early\s+|late\s+)?(?:today|tonight|yesterday|tomorrow|"
    + "|".join(_calendar.day_name)
    + r")(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
DEICTIC_MAX_DAYS_APART = 14


def _news_of_other_days(a: Claim, b: Claim, art_a: Article, art_b: Article) -> bool:
    """Both dates are told from their article's own day ("today", "on Tuesday") and the articles
    are weeks apart: each reports the news of its own days, so they date different events."""
    if not (DEICTIC_RE.match(a.text.strip()) and DEICTIC_RE.match(b.text.strip())):
        return False
    if art_a.published is None or art_b.published is None:
        return False
    return abs((art_a.published - art_b.published).days) > DEICTIC_MAX_DAYS_APART


def _wrong_weekday(claim: Claim) -> str:
    """What the extractor noted of a date whose written weekday is not its day's, else ''."""
    value = claim.value
    if claim.kind != "date" or not isinstance(value, DateValue) or not value.note.startswith(WEEKDAY_MISMATCH):
        return ""
    return value.note[len(WEEKDAY_MISMATCH) :]


def _same_words(x: str, y: str) -> bool:
    """The same sentence, give or take case, spacing and punctuation."""
    return re.sub(r"\W+", " ", x).strip().lower() == re.sub(r"\W+", " ", y).strip().lower()


def _dated_by_publication(explanation: str, art_a: Article, art_b: Article) -> tuple[str, str, str, float]:
    """Word-for-word the same sentence resolves to different dates: the articles' dates disagree."""
    dates = " vs ".join(a.published.isoformat() if a.published else "no date" for a in (art_a, art_b))
    return (
        "differ",
        "published",
        f"{explanation}: the same sentence, resolved against different publication dates ({dates}); "
        "one article's date is probably wrong",
        0.5,
    )


def _same_act(a: Frame | None, b: Frame | None) -> bool:
    """Two claims of one article that surely speak of one act: the same predicate by the same party.

    An article tells of many events (the shooting, an earlier arrest, the hearing), so a
    contradiction inside it needs more than a shared topic.
    """
    if a is None or b is None or not a.predicate or a.predicate != b.predicate or a.predicate in LIGHT_VERBS:
        return False
    return agents_match(a, b)


def _different_acts(a: Frame, b: Frame) -> bool:
    """Both predicates say what was done (no light verb), and not the same thing."""
    acts = (a.predicate, b.predicate)
    return all(p and p not in LIGHT_VERBS for p in acts) and not events_match(a, b)


def _bounds(v: QuantityValue) -> tuple[float, float, bool, bool]:
    """Lower and upper ends of a quantity, open ends as infinities."""
    low = v.low if v.low is not None else float("-inf")
    high = v.high if v.high is not None else float("inf")
    return low, high, v.low_inclusive, v.high_inclusive


def _overlap(a: QuantityValue, b: QuantityValue) -> bool:
    """Whether two intervals share at least one value."""
    a_lo, a_hi, a_li, a_hi_inc = _bounds(a)
    b_lo, b_hi, b_li, b_hi_inc = _bounds(b)
    if a_hi < b_lo or b_hi < a_lo:
        return False
    if a_hi == b_lo and not (a_hi_inc and b_li):
        return a.point == b.point and a.point is not None
    if b_hi == a_lo and not (b_hi_inc and a_li):
        return a.point == b.point and a.point is not None
    return True


def _anchor(v: DateValue) -> DateValue:
    """The date a "since" interval starts from, at its own granularity ("since March" -> March)."""
    if v.note != "since" or v.start is None:
        return v
    start = v.start
    if v.granularity == "year":
        end = start.replace(month=12, day=31)
    elif v.granularity == "month":
        end = start.replace(day=_calendar.monthrange(start.year, start.month)[1])
    else:
        end = start
    return DateValue(start, end, v.granularity, "since")


def judge(a: Claim, b: Claim, art_a: Article, art_b: Article) -> tuple[str, str, str, float]:
    """Verdict, how, explanation and confidence for two claims of one slot."""
    quote = f"{art_a.outlet}: “{a.text}” vs {art_b.outlet}: “{b.text}”"
    if a.kind == "ordinal":
        if a.scope.lower() != b.scope.lower():
            return "differ", "scope", f"{quote}: counted within different scopes ('{a.scope}' / '{b.scope}')", 0.6
        if a.value == b.value:
            return "agree", "same", f"{quote}: same ordinal", 0.7
        return "contradict", "value", f"{quote}: different ordinals of the same scope", 0.6
    if isinstance(a.value, DateValue) and isinstance(b.value, DateValue):
        va, vb = _anchor(a.value), _anchor(b.value)
        if va.start is None or vb.start is None:
            return "differ", "unresolved", f"{quote}: a date could not be resolved", 0.3
        if va.start == vb.start and va.end == vb.end:
            return "agree", "same", f"{quote}: both {describe_date(va)}", 0.85
        if va.start <= (vb.end or vb.start) and vb.start <= (va.end or va.start):
            return (
                "differ",
                "precision",
                f"{quote}: {describe_date(va)} and {describe_date(vb)} overlap; one is more precise",
                0.6,
            )
        return "contradict", "value", f"{quote}: {describe_date(va)} vs {describe_date(vb)}", 0.8
    if isinstance(a.value, QuantityValue) and isinstance(b.value, QuantityValue):
        va, vb = a.value, b.value
        shown = f"{quote}: {describe_value(a)} vs {describe_value(b)}"
        if _overlap(va, vb):
            if va == vb:
                return "agree", "same", shown + ", the same value", 0.9
            if va.point is not None and va.point == vb.point:
                return "agree", "hedged", shown + f": both say {describe_number(va.point)}, hedged differently", 0.85
            return "differ", "precision", shown + ": compatible, one is more precise", 0.6
        if (
            art_a.published
            and art_b.published
            and art_a.published != art_b.published
            and a.event in ("killed", "injured")
        ):
            later, earlier = (va, vb) if art_a.published > art_b.published else (vb, va)
            if (later.point or 0) > (earlier.point or 0):
                return "differ", "update", shown + ": a later report gives a higher toll (an update)", 0.6
        return "contradict", "value", shown + ": incompatible", 0.75
    return "differ", "kind", f"{quote}: not comparable", 0.2


def _attributed(a: Claim, b: Claim, explanation: str, confidence: float) -> tuple[str, float]:
    """Say when a disagreement is between claims the outlets attribute to different parties."""
    sa, sb = a.attribution.strip(), b.attribution.strip()
    if sa.lower() == sb.lower():
        return explanation, confidence
    if not sa or not sb:
        return f"{explanation}; one side is attributed ({sa or sb})", confidence
    return f"{explanation}; attributed to different sources ({sa} / {sb})", confidence * 0.8


def compare_facts(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    emb: np.ndarray,
    groups: Sequence[Sequence[int]],
    claims: Sequence[Claim],
    cfg: CompareConfig,
    frames: Mapping[str, Frame] | None = None,
) -> tuple[list[list[int]], list[tuple[int, Finding]]]:
    """Compare claims of different articles that fill the same slot.

    Slots may be stated in sentences of different clusters; such clusters are
    linked into one fact.

    Returns:
        The (possibly merged) groups of sentence indices, and findings keyed by
        the index of the group they belong to (ids are set later).
    """
    by_article = {a.id: a for a in articles}
    sent_index = {s.id: i for i, s in enumerate(sentences)}
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    parent = list(range(len(groups)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs: list[tuple[Claim, Claim, str, str, str, float]] = []
    frames = frames or {}
    by_kind: dict[str, list[Claim]] = {}
    for c in claims:
        if c.sentence_id in sent_index:
            by_kind.setdefault(c.kind, []).append(c)
    candidate_pairs = (pair for same_kind in by_kind.values() for pair in combinations(same_kind, 2))
    for a, b in candidate_pairs:
        internal = a.article_id == b.article_id
        if internal and (not cfg.internal_checks or a.sentence_id == b.sentence_id):
            continue
        ia, ib = sent_index[a.sentence_id], sent_index[b.sentence_id]
        similarity = float(emb[ia] @ emb[ib]) if emb.size else 0.0
        same_group = group_of[ia] == group_of[ib]
        if not same_group and similarity < cfg.min_link_similarity:
            continue
        if a.kind == "date" and _news_of_other_days(a, b, by_article[a.article_id], by_article[b.article_id]):
            continue
        if not same_slot(a, b, sentences[ia], sentences[ib], similarity, cfg, frames.get(a.id), frames.get(b.id)):
            continue
        verdict, how, explanation, confidence = judge(a, b, by_article[a.article_id], by_article[b.article_id])
        if verdict == "contradict" and a.kind == "date" and _same_words(sentences[ia].text, sentences[ib].text):
            verdict, how, explanation, confidence = _dated_by_publication(
                explanation, by_article[a.article_id], by_article[b.article_id]
            )
        fa, fb = frames.get(a.id), frames.get(b.id)
        negated_a, negated_b = (fa.negated, fb.negated) if fa and fb else (a.negated, b.negated)
        if negated_a != negated_b and verdict == "agree":
            verdict, how, explanation = "contradict", "negation", explanation + "; one sentence negates it"
        if internal:
            if verdict != "contradict" or how == "negation" or not _same_act(fa, fb):
                continue
            how, explanation, confidence = "internal", f"inside one article: {explanation}", confidence * 0.7
        if verdict != "agree":
            explanation, confidence = _attributed(a, b, explanation, confidence)
        pairs.append((a, b, verdict, how, explanation, round(confidence * min(1.0, 0.5 + similarity), 2)))
        parent[find(group_of[ia])] = find(group_of[ib])
    # a claim that agrees with one claim of a sentence is not also compared with that sentence's
    # other claims ("three were taken by ambulance and two others by car", in both outlets)
    agreed = {(x.id, y.sentence_id) for a, b, verdict, *_ in pairs if verdict == "agree" for x, y in ((a, b), (b, a))}
    pairs = [
        p
        for p in pairs
        if p[2] == "agree" or ((p[0].id, p[1].sentence_id) not in agreed and (p[1].id, p[0].sentence_id) not in agreed)
    ]
    merged: dict[int, list[int]] = {}
    for g, members in enumerate(groups):
        merged.setdefault(find(g), []).extend(members)
    roots = sorted(merged, key=lambda r: sorted(merged[r]))
    new_groups = [sorted(merged[r]) for r in roots]
    position = {r: k for k, r in enumerate(roots)}
    findings = []
    for a, b, verdict, how, explanation, confidence in pairs:
        k = position[find(group_of[sent_index[a.sentence_id]])]
        fid = "R" + hashlib.sha1(f"{a.id}\x00{b.id}".encode()).hexdigest()[:10]
        finding = Finding(
            fid,
            "",
            verdict,
            how,
            tuple(sorted({a.article_id, b.article_id})),
            (a.id, b.id),
            explanation,
            confidence,
            (a.sentence_id, b.sentence_id),
        )
        findings.append((k, finding))
    if cfg.internal_checks:
        for claim in claims:
            if claim.sentence_id in sent_index and (wrong := _wrong_weekday(claim)):
                k = position[find(group_of[sent_index[claim.sentence_id]])]
                fid = "W" + hashlib.sha1(claim.id.encode()).hexdigest()[:10]
                outlet = by_article[claim.article_id].outlet
                explanation = f"inside one article: {outlet}: “{claim.text}”: {wrong}"
                evidence = (claim.sentence_id,)
                finding = Finding(
                    fid, "", "contradict", "internal", (claim.article_id,), (claim.id,), explanation, 0.9, evidence
                )
                findings.append((k, finding))
    findings += statement_findings(articles, sentences, emb, new_groups, findings, cfg, claims)
    return _split_unverified(sentences, new_groups, findings)


QUOTE_RE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")


def _quotes(text: str) -> list[str]:
    """Quoted passages of three words or more, normalised for comparison."""
    out = []
    for m in QUOTE_RE.finditer(text):
        words = re.findall(r"\w+", m.group(1).lower())
        if len(words) >= 3:
            out.append(" ".join(words))
    return out


def _shared_quote(x: str, y: str) -> str:
    """A quotation both sentences carry (one may quote more of it than the other)."""
    for qx in _quotes(x):
        for qy in _quotes(y):
            if qx in qy or qy in qx:
                return qx if len(qx) <= len(qy) else qy
    return ""


def statement_findings(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    emb: np.ndarray,
    groups: Sequence[Sequence[int]],
    claim_findings: Sequence[tuple[int, Finding]],
    cfg: CompareConfig,
    claims: Sequence[Claim] = (),
) -> list[tuple[int, Finding]]:
    """Findings on statements without comparable claims: the same quotation, or a close paraphrase.

    For each pair of outlets in a fact that no claim finding already covers, the most similar pair
    of their sentences agrees when they carry the same quotation, or share `min_shared_names` names
    and are at least `min_statement_similarity` similar. A paraphrase where only one side gives a
    figure or a date differs: one outlet reports a detail the other leaves out.
    """
    outlet = {a.id: a.outlet for a in articles}
    details: dict[str, list[Claim]] = {}
    for c in claims:
        if _is_detail(c):
            details.setdefault(c.sentence_id, []).append(c)
    covered = {(k, f.articles) for k, f in claim_findings}
    out = []
    for k, members in enumerate(groups):
        by_article: dict[str, list[int]] = {}
        for i in members:
            by_article.setdefault(sentences[i].article_id, []).append(i)
        for art_a, art_b in combinations(sorted(by_article), 2):
            if (k, (art_a, art_b)) in covered:
                continue
            best: tuple[float, str, int, int] | None = None
            for i in by_article[art_a]:
                for j in by_article[art_b]:
                    quote = _shared_quote(sentences[i].text, sentences[j].text)
                    names = _entities(sentences[i].text) & _entities(sentences[j].text)
                    if not quote and len(names) < cfg.min_shared_names:
                        continue
                    score = 1.0 if quote else float(emb[i] @ emb[j]) if emb.size else 0.0
                    if best is None or score > best[0]:
                        best = (score, quote, i, j)
            if best is None or best[0] < cfg.min_statement_similarity:
                continue
            score, quote, i, j = best
            si, sj = sentences[i], sentences[j]
            only_a = _missing_details(details.get(si.id, []), details.get(sj.id, []))
            only_b = _missing_details(details.get(sj.id, []), details.get(si.id, []))
            verdict = "agree"
            if quote:
                how, confidence = "quote", 0.9
                explanation = f"{outlet[art_a]} and {outlet[art_b]} carry the same quotation: “{quote}”"
            elif bool(only_a) != bool(only_b):
                verdict, how, confidence = "differ", "detail", round(min(0.6, score), 2)
                (has, lacks), extra = ((art_a, art_b), only_a) if only_a else ((art_b, art_a), only_b)
                given = ", ".join(f"“{c.text}” ({describe_value(c)})" for c in extra)
                explanation = (
                    f"{outlet[has]}: “{_clip((si if has == art_a else sj).text)}” and {outlet[lacks]}: "
                    f"“{_clip((sj if has == art_a else si).text)}” report the same (similarity {score:.2f}); "
                    f"only {outlet[has]} gives {given}"
                )
            else:
                how, confidence = "paraphrase", round(min(0.8, score), 2)
                explanation = (
                    f"{outlet[art_a]}: “{_clip(si.text)}” and {outlet[art_b]}: “{_clip(sj.text)}” "
                    f"say the same in other words (similarity {score:.2f}); no figures to compare"
                )
            fid = "S" + hashlib.sha1(f"{si.id}\x00{sj.id}".encode()).hexdigest()[:10]
            out.append((k, Finding(fid, "", verdict, how, (art_a, art_b), (), explanation, confidence, (si.id, sj.id))))
    return out


def _is_detail(c: Claim) -> bool:
    """A claim a reader would miss if an outlet left it out: a date, or a count of something named."""
    if c.kind == "date":
        return isinstance(c.value, DateValue) and c.value.start is not None
    return c.kind in ("quantity", "money", "percent", "duration") and bool(c.unit)


def _missing_details(mine: Sequence[Claim], theirs: Sequence[Claim]) -> list[Claim]:
    """My details of a kind the other sentence gives none of."""
    kinds = {c.kind for c in theirs}
    return [c for c in mine if c.kind not in kinds]


def _clip(text: str, limit: int = 90) -> str:
    """A sentence shortened for a one-line explanation."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _split_unverified(
    sentences: Sequence[Sentence], groups: Sequence[Sequence[int]], findings: Sequence[tuple[int, Finding]]
) -> tuple[list[list[int]], list[tuple[int, Finding]]]:
    """Split groups whose outlets nothing links (no claim and no statement finding) by article.

    Such a group is a topic several outlets touch, not a fact they share; calling it an agreement
    would be a false alarm, so each outlet's sentences stand as their own single-source fact.
    """
    with_findings = {k for k, _ in findings}
    new_groups: list[list[int]] = []
    index_map: dict[int, int] = {}
    for k, members in enumerate(groups):
        by_article: dict[str, list[int]] = {}
        for i in members:
            by_article.setdefault(sentences[i].article_id, []).append(i)
        if k in with_findings or len(by_article) < 2:
            index_map[k] = len(new_groups)
            new_groups.append(list(members))
        else:
            new_groups.extend(sorted(part) for part in by_article.values())
    return new_groups, [(index_map[k], f) for k, f in findings]
