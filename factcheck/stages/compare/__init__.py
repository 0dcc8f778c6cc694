"""Align claims into slots and judge them: agree, differ, contradict, single-source (#14).

- `slots`: a claim's slot key (what, counted thing, who, when, status) and the positive evidence
  that two claims fill one slot;
- `values`: judging two values of one slot (intervals, unit conversions, dates, time series of
  running totals) and putting them into words;
- `statements`: quotations, copies and paraphrases without figures;
- `conflicts`: statements of opposite sense (a denial, opposite modifiers or places of one head word);
- `grouping`: slots into facts, findings between groups of outlets giving one value, and the
  confidence of a contradiction (below `min_contradiction_confidence`: a difference "unconfirmed");
- `ages`, `times`, `numbers`: claims the comparison reads itself (people's ages and times of day,
  which the extractor masks; numbers in digit groups of tokenised text, joined), see `derive_claims`.

A contradiction between two outlets is reported only when they are shown to report one event:
they agree on some other slot, or carry the same quotation or sentence. Look-alike events (two
quakes on one island, two robberies of one street) share a topic, never these specifics.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from factcheck.config import CompareConfig
from factcheck.records import Article, Claim, Finding, Sentence
from factcheck.stages.compare.ages import age_claims, by_elimination, linked_ages, replaced_by_ages
from factcheck.stages.compare.conflicts import statement_conflicts
from factcheck.stages.compare.evidence import competing_counts
from factcheck.stages.compare.grouping import Slot, build_slots, event_day_findings, slot_findings, value_findings
from factcheck.stages.compare.lexicon import AGE_EVENT
from factcheck.stages.compare.numbers import join_digit_groups
from factcheck.stages.compare.slots import SlotKey, batch_reference, slot_key, slots_match
from factcheck.stages.compare.statements import (
    clip,
    detail_claims,
    passage_groups,
    stated_claims,
    statement_findings,
    statement_groups,
)
from factcheck.stages.compare.states import state_findings
from factcheck.stages.compare.times import time_claims
from factcheck.stages.compare.values import judge, wrong_weekday
from factcheck.stages.frames import Frame
from factcheck.verdicts import Verdict

__all__ = ["Comparison", "SlotKey", "compare_batch", "compare_facts", "derive_claims", "judge", "same_slot", "slot_key"]


def derive_claims(
    sentences: Sequence[Sentence], claims: Sequence[Claim], frames: Mapping[str, Frame] | None = None
) -> tuple[list[Claim], dict[str, Frame]]:
    """The claims as the comparison reads them, and their frames (#14).

    Numbers in digit groups of tokenised text are joined ("1 , 500 kilometers": the frame of its
    last group, which holds the unit), and people's ages and times of day are added (the extractor
    masks both; they have no frame: an age's slot is its person, a time's its event). The parse is
    never run again for them.
    """
    frames = dict(frames or {})
    joined = join_digit_groups(sentences, claims)
    for claim in joined:
        if claim.id not in frames and claim.id.endswith("+"):
            parts = [c for c in claims if c.sentence_id == claim.sentence_id and c.end == claim.end]
            if parts and parts[0].id in frames:
                frames[claim.id] = frames[parts[0].id]
    ages = linked_ages(age_claims(sentences, joined), {s.id: s for s in sentences})
    return [*replaced_by_ages(joined, ages), *ages, *time_claims(sentences)], frames


# Agreements on a value specific enough to show that two outlets report one event (statements
# give their own linked pairs: a quotation, a copy or a close paraphrase, never a looser one).
CORROBORATING = {"same", "hedged", "converted"}


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
    """Whether two claims fill one slot on positive evidence (see `slots.slots_match`)."""
    key_a, key_b = slot_key(a, sent_a, frame_a, None), slot_key(b, sent_b, frame_b, None)
    return bool(
        slots_match(
            a,
            b,
            key_a,
            key_b,
            frame_a,
            frame_b,
            similarity,
            min_similarity=cfg.min_slot_similarity,
            min_shared_arguments=cfg.min_shared_arguments,
        )
    )


def _corroborated(findings: Sequence[Finding]) -> set[frozenset[str]]:
    """Pairs of articles that agree on something specific."""
    pairs: set[frozenset[str]] = set()
    for f in findings:
        if f.verdict == Verdict.AGREE and f.how in CORROBORATING:
            arts = f.articles
            pairs |= {frozenset((x, y)) for i, x in enumerate(arts) for y in arts[i + 1 :]}
    return pairs


def _one_event(
    finding: Finding, own: Finding | None, pairs: set[frozenset[str]], claims: Mapping[str, Claim]
) -> Finding | None:
    """A contradiction kept only between outlets shown to report one event, narrowed to them."""
    arts = finding.articles
    own_pairs = set()
    if own is not None:  # agreeing inside the contradicted slot proves nothing about the other side
        own_pairs = {frozenset((x, y)) for i, x in enumerate(own.articles) for y in own.articles[i + 1 :]}
    linked = {
        a
        for a in arts
        if any(frozenset((a, b)) in pairs and frozenset((a, b)) not in own_pairs for b in arts if b != a)
    }
    if len(linked) < 2:
        return None
    if linked == set(arts):
        return finding
    kept = [c for c in finding.claim_ids if claims[c].article_id in linked]
    sentence_ids = tuple(dict.fromkeys(claims[c].sentence_id for c in kept))
    if len({claims[c].article_id for c in kept}) < 2:
        return None
    return replace(finding, articles=tuple(sorted(linked)), claim_ids=tuple(kept), sentence_ids=sentence_ids)


@dataclass(frozen=True, slots=True)
class Comparison:
    """What the comparison gives the pipeline: facts as groups of sentence indices, their findings
    keyed by group index, and each group's title in words (#14, #16)."""

    groups: list[list[int]]
    findings: list[tuple[int, Finding]]
    titles: dict[int, str] = field(default_factory=dict)  # group index -> title; none for leftovers


def compare_facts(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    emb: np.ndarray,
    groups: Sequence[Sequence[int]],
    claims: Sequence[Claim],
    cfg: CompareConfig,
    frames: Mapping[str, Frame] | None = None,
) -> tuple[list[list[int]], list[tuple[int, Finding]]]:
    """Facts (groups of sentence indices) and their findings keyed by group: `compare_batch` without the titles."""
    result = compare_batch(articles, sentences, emb, groups, claims, cfg, frames)
    return result.groups, result.findings


def compare_batch(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    emb: np.ndarray,
    groups: Sequence[Sequence[int]],
    claims: Sequence[Claim],
    cfg: CompareConfig,
    frames: Mapping[str, Frame] | None = None,
) -> Comparison:
    """Facts (slots and statements), their findings and their titles.

    Args:
        articles: The batch.
        sentences: Its sentences; `emb` row i belongs to `sentences[i]`.
        emb: L2-normalised sentence embeddings.
        groups: Clusters of similar sentences (indices): candidates for statements, and the
            facts of sentences no slot or statement takes.
        claims: The claims of the sentences.
        cfg: Comparison settings.
        frames: The parse of each claim (by claim id), when a parser is set.

    Returns:
        Groups of sentence indices (one per fact), findings keyed by the index of their group
        (finding ids are final; fact ids are set by the caller) and the title of each group a
        slot or a statement made: its slot in words (`SlotKey.title`), or a statement's first
        sentence, shortened.
    """
    frames = frames or {}
    by_article = {a.id: a for a in articles}
    by_sentence = {s.id: s for s in sentences}
    sent_index = {s.id: i for i, s in enumerate(sentences)}
    known = [c for c in claims if c.sentence_id in sent_index]
    known.sort(key=lambda c: (sent_index[c.sentence_id], c.start, c.id))
    by_id = {c.id: c for c in known}

    slots = build_slots(known, by_sentence, sent_index, emb, by_article, frames, cfg)
    competing = competing_counts(known, frames)  # kinds of count the batch gives several holders of (#14)
    per_slot = [
        slot_findings(slot, by_article, by_sentence, frames, cfg.min_contradiction_confidence, competing)
        for slot in slots
    ]
    stated = statement_groups(sentences, emb, groups, cfg)
    stated += passage_groups(sentences, emb, [g for g, _, _ in stated], min_similarity=cfg.min_slot_similarity)
    details, kinds = detail_claims(known), stated_claims(known)
    per_statement = [statement_findings(g, how, sentences, emb, by_article, details, kinds) for g, how, _ in stated]

    # agreeing on background (an earlier quake's toll) does not show that two outlets report one event
    # nor do two unnamed people of one age ("a 22-year-old man") in two articles, nor a person's age
    # found by elimination, which takes one event for granted (#14)
    pairs = _corroborated(
        [
            f
            for slot, fs in zip(slots, per_slot, strict=True)
            if slot.key.status != "background"
            and not (slot.key.what == AGE_EVENT and (not slot.key.who or any(map(by_elimination, slot.members))))
            for f in fs
        ]
    )
    for _, _, linked in stated:
        pairs |= linked
    facts: list[list[int]] = []
    keyed: list[tuple[int, Finding]] = []
    titles: dict[int, str] = {}
    position: dict[tuple[int, ...], int] = {}

    def add(members: Sequence[int], findings: Sequence[Finding], title: str = "") -> None:
        key = tuple(sorted(set(members)))
        if key not in position:
            position[key] = len(facts)
            facts.append(list(key))
        if title:
            titles.setdefault(position[key], title)  # the first slot or statement to make a fact names it
        keyed.extend((position[key], f) for f in findings)

    def first_sentence(members: Sequence[int]) -> str:
        return clip(" ".join(sentences[min(members)].text.split()))

    for slot, findings in zip(slots, per_slot, strict=True):
        agreements = [f for f in findings if f.verdict == Verdict.AGREE]
        kept = []
        for f in findings:
            if f.verdict == Verdict.CONTRADICT:
                own = next((g for g in agreements if set(g.articles) & set(f.articles)), None)
                narrowed = _one_event(f, own, pairs, by_id)
                if narrowed is None:
                    continue
                f = narrowed
            kept.append(f)
        if kept:
            add(_slot_members(slot, sent_index), kept, _slot_title(slot))
    for (group, _how, _linked), findings in zip(stated, per_statement, strict=True):
        add(group, findings, first_sentence(group))
    for finding in statement_conflicts(
        sentences,
        emb,
        by_article,
        pairs,
        min_similarity=cfg.min_statement_conflict_similarity,
        min_place_similarity=cfg.min_statement_similarity,
    ):
        members = [sent_index[s] for s in finding.sentence_ids]
        add(members, [finding], first_sentence(members))
    for finding in state_findings(sentences, emb, by_article, pairs, min_similarity=cfg.min_slot_similarity):
        add(
            [sent_index[s] for s in finding.sentence_ids],
            [finding],
            first_sentence([sent_index[finding.sentence_ids[0]]]),
        )
    if cfg.internal_checks:
        for claim in known:
            if wrong := wrong_weekday(claim):
                outlet = by_article[claim.article_id].outlet
                explanation = f"inside one article: {outlet}: “{claim.text}”: {wrong}"
                fid = "W" + hashlib.sha1(claim.id.encode()).hexdigest()[:10]
                finding = Finding(
                    fid,
                    "",
                    Verdict.CONTRADICT,
                    "internal",
                    (claim.article_id,),
                    (claim.id,),
                    explanation,
                    0.9,
                    (claim.sentence_id,),
                )
                add([sent_index[claim.sentence_id]], [finding])
    in_slots = {c.id for slot in slots for c in slot.members}
    dates_of: dict[str, list[Claim]] = {}
    for claim in known:
        if claim.kind == "date":
            dates_of.setdefault(claim.sentence_id, []).append(claim)
    loose_days = {
        c.id: slot_key(
            c, by_sentence[c.sentence_id], frames.get(c.id), by_article.get(c.article_id), dates_of[c.sentence_id]
        )
        for c in known
        if c.kind == "date" and c.id not in in_slots
    }
    loose = [c for c in known if c.id in loose_days]
    on_days = set()
    for title, finding in event_day_findings(loose, loose_days, by_sentence, by_article):
        add([sent_index[s] for s in finding.sentence_ids], [finding], title)
        on_days |= set(finding.claim_ids)
    reference = batch_reference(articles)
    unslotted = {
        c.id: slot_key(
            c,
            by_sentence[c.sentence_id],
            frames.get(c.id),
            by_article.get(c.article_id),
            dates_of.get(c.sentence_id, ()),
            reference,
        )
        for c in known
        if c.id not in in_slots and c.id not in on_days
    }
    values = [c for c in known if c.id in unslotted]
    for title, finding in value_findings(
        values, unslotted, by_sentence, sent_index, emb, by_article, min_similarity=cfg.min_slot_similarity
    ):
        add([sent_index[s] for s in finding.sentence_ids], [finding], title)
    _add_leftovers(sentences, groups, facts, add)
    return Comparison(facts, keyed, titles)


def _slot_title(slot: Slot) -> str:
    """A slot's title, naming the participants all its members name (the evidence), else its seed's."""
    keys = [slot.keys[c.id] for c in slot.members if c.id in slot.keys]
    shared = frozenset.intersection(*(k.who for k in keys)) if keys else frozenset()
    return replace(slot.key, who=shared or slot.key.who).title()


def _slot_members(slot: Slot, sent_index: Mapping[str, int]) -> list[int]:
    """The sentences of a slot's claims."""
    return [sent_index[c.sentence_id] for c in slot.members]


def _add_leftovers(
    sentences: Sequence[Sentence],
    groups: Sequence[Sequence[int]],
    facts: list[list[int]],
    add: Callable[[Sequence[int], Sequence[Finding]], None],
) -> None:
    """Sentences no slot or statement took: each outlet's part of a cluster stands alone (single-source)."""
    taken = {i for members in facts for i in members}
    for members in groups:
        by_article: dict[str, list[int]] = {}
        for i in members:
            if i not in taken:
                by_article.setdefault(sentences[i].article_id, []).append(i)
        for part in by_article.values():
            add(part, [])
