"""Slots into facts, and findings between groups of outlets that give the same value (#14).

A fact is one slot with each outlet's value. Its findings compare *groups* of outlets giving one
value, never every pair, so 500 near-identical articles give one agreement per slot.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from factcheck.config import CompareConfig
from factcheck.describe import describe_date
from factcheck.records import Article, Claim, DateValue, Finding, QuantityValue, Sentence
from factcheck.stages.compare.evidence import gate_contradiction, measured
from factcheck.stages.compare.lexicon import (
    ACCUMULATING_ACTS,
    AGE_EVENT,
    CHANGED_FROM_AFTER_RE,
    CHANGED_TO_BEFORE_RE,
    CONVERSIONS,
    CUMULATIVE_EVENTS,
    NEXT_WEEKDAY_RE,
    REVISED_RE,
    SUBSET_STATES,
    TIME_UNIT,
    UPDATE_RE,
    WEEKDAY_WORDS_RE,
)
from factcheck.stages.compare.slots import (
    CLOSE_MARGIN,
    SlotKey,
    batch_reference,
    counted_words,
    relative_unresolved,
    shared_names,
    slot_key,
    slots_match,
)
from factcheck.stages.compare.times import time_event
from factcheck.stages.compare.values import attributed, day_words, judge, same_words
from factcheck.stages.frames import Frame
from factcheck.verdicts import Verdict

# How many of a slot's members a new claim is checked against (its seed first): bounds the work
# on batches of near-identical articles while letting a slot keep its first few wordings.
SLOT_PROBES = 3


@dataclass
class Slot:
    """Claims of several articles that fill one slot, with the evidence that they do."""

    key: SlotKey
    evidence: str
    members: list[Claim] = field(default_factory=list)
    running: set[str] = field(default_factory=set)  # articles giving several values of its count (#14)
    keys: dict[str, SlotKey] = field(default_factory=dict)  # each member's own slot key


@dataclass
class ValueGroup:
    """The articles of a slot that give one value: a representative claim and all of theirs."""

    rep: Claim
    negated: bool
    claims: list[Claim] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        """The group's articles, in order."""
        return sorted({c.article_id for c in self.claims})


def build_slots(
    claims: Sequence[Claim],
    sentences: Mapping[str, Sentence],
    sent_index: Mapping[str, int],
    emb: np.ndarray,
    articles: Mapping[str, Article],
    frames: Mapping[str, Frame],
    cfg: CompareConfig,
) -> list[Slot]:
    """Gather claims into slots: a claim joins the first slot whose probes it fills on positive evidence."""
    buckets: dict[tuple[str, str], list[Slot]] = {}
    slots: list[Slot] = []
    dates_of: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.kind == "date":
            dates_of.setdefault(claim.sentence_id, []).append(claim)
    keys: dict[str, SlotKey] = {}
    reference = batch_reference(list(articles.values()))
    for claim in claims:
        if relative_unresolved(claim, articles.get(claim.article_id)):
            continue  # "on Tuesday" of an article whose day is unknown dates nothing
        if BROKEN_NUMBER_RE.match(claim.text):
            continue  # "2 , 000" read as "000": a digit group, not a number
        sent = sentences[claim.sentence_id]
        frame = frames.get(claim.id)
        key = slot_key(
            claim, sent, frame, articles.get(claim.article_id), dates_of.get(claim.sentence_id, ()), reference
        )
        keys[claim.id] = key
        bucket = buckets.setdefault((claim.kind, key.status), [])
        i = sent_index[claim.sentence_id]
        joined = None
        for slot in list(bucket):
            if joined is not None and not _bridges(key, joined, slot):
                continue
            for probe in slot.members[:SLOT_PROBES]:
                if probe.article_id == claim.article_id:
                    continue
                j = sent_index[probe.sentence_id]
                similarity = float(emb[i] @ emb[j]) if emb.size else 0.0
                probe_key = keys[probe.id]
                evidence = slots_match(
                    claim,
                    probe,
                    key,
                    probe_key,
                    frame,
                    frames.get(probe.id),
                    similarity,
                    min_similarity=cfg.min_slot_similarity,
                    min_shared_arguments=cfg.min_shared_arguments,
                )
                if evidence and joined is None:
                    joined = slot
                    if not slot.evidence:
                        slot.evidence = evidence
                    break
                if evidence and joined is not None and _same_values_where_both(joined, slot, articles):
                    joined.members.extend(slot.members)  # one count, split before this claim bridged it
                    bucket.remove(slot)
                    slots.remove(slot)
                    break
        if joined is None:
            joined = Slot(key, "")
            bucket.append(joined)
            slots.append(joined)
        joined.members.append(claim)
    shared = [s for s in slots if len({c.article_id for c in s.members}) >= 2]
    _gather_restatements(shared, claims, keys, articles)
    for slot in shared:
        slot.keys = {c.id: keys[c.id] for c in slot.members}
    _mark_running_totals(shared, claims, keys, sentences)
    return shared


def _bridges(key: SlotKey, joined: Slot, other: Slot) -> bool:
    """Whether a claim that filled `joined` may also merge `other` into it: a casualty count of the
    same event class and counted people, which two outlets' sentences split for want of a name
    ("killing 10 and wounding 70" / "as many as 80 people were also wounded")."""
    return key.what in CUMULATIVE_EVENTS and all(
        s.key.what == key.what and s.key.counted == key.counted and s.key.when == key.when for s in (joined, other)
    )


def _same_values_where_both(x: Slot, y: Slot, articles: Mapping[str, Article]) -> bool:
    """Whether every article in both slots gives the same value in each: a slot never gains a second
    count of one article ("five others were hurt" / "one person was injured in a fight")."""
    firsts = {c.article_id: c for c in x.members}
    return all(
        judge(firsts[c.article_id], c, articles[c.article_id], articles[c.article_id])[0] == Verdict.AGREE
        for c in y.members
        if c.article_id in firsts
    )


def _total_key(claim: Claim, key: SlotKey) -> tuple[str, ...]:
    """A cumulative count's slot in one article, whether or not it counts 'others' ("14 more were injured")
    or names what it counts ("17" / "17 people")."""
    counted = key.counted.replace(" (others)", "") or "person"
    return (claim.article_id, key.what, counted, key.when, key.status)


def _mark_running_totals(
    slots: Sequence[Slot], claims: Sequence[Claim], keys: Mapping[str, SlotKey], sentences: Mapping[str, Sentence]
) -> None:
    """Note in each cumulative slot the articles that follow its count as it grows: they give several
    values of it and one of their sentences on it marks an update ("bringing the total injured to 17")."""
    values: dict[tuple[str, ...], set[tuple[float | None, float | None]]] = {}
    marked: set[tuple[str, ...]] = set()
    for claim in claims:
        key = keys.get(claim.id)
        if key is not None and key.what in CUMULATIVE_EVENTS and isinstance(claim.value, QuantityValue):
            values.setdefault(_total_key(claim, key), set()).add((claim.value.low, claim.value.high))
            if UPDATE_RE.search(sentences[claim.sentence_id].text):
                marked.add(_total_key(claim, key))
    for slot in slots:
        if slot.key.what in CUMULATIVE_EVENTS:
            totals = {_total_key(c, keys[c.id]): c.article_id for c in slot.members}
            slot.running = {a for k, a in totals.items() if k in marked and len(values.get(k, ())) > 1}


def _restatement_key(claim: Claim, key: SlotKey) -> tuple[str, ...]:
    """What a claim restating another of its own article must share with it: article, kind, slot and value."""
    return (claim.article_id, key.kind, key.what, key.counted, key.when, key.status, key.dated)


def _gather_restatements(
    slots: Sequence[Slot], claims: Sequence[Claim], keys: Mapping[str, SlotKey], articles: Mapping[str, Article]
) -> None:
    """Add to each slot the other sentences of its articles that state one of its values of the same slot key.

    Strict scoring credits a finding only with the sentences it names, and a reader checks the
    sentence they remember: a finding names every sentence of an outlet that gives the value (#14),
    never one that does not (same article, same slot key, the same value).
    """
    taken = {c.id for slot in slots for c in slot.members}
    pool: dict[tuple[str, ...], list[Claim]] = {}
    for claim in claims:
        if claim.id not in taken and claim.id in keys and keys[claim.id].what:
            pool.setdefault(_restatement_key(claim, keys[claim.id]), []).append(claim)
    if not pool:
        return
    for slot in slots:
        extra = []
        for member in slot.members:
            for other in pool.get(_restatement_key(member, keys[member.id]), ()):
                if other.id in taken:
                    continue
                art = articles[member.article_id]
                if judge(member, other, art, art)[0] == Verdict.AGREE:
                    extra.append(other)
                    taken.add(other.id)
        slot.members.extend(extra)


def value_groups(slot: Slot, articles: Mapping[str, Article], frames: Mapping[str, Frame]) -> list[ValueGroup]:
    """Split a slot's claims into groups of one value (and one polarity), in order of first mention."""
    groups: list[ValueGroup] = []
    for claim in slot.members:
        frame = frames.get(claim.id)
        negated = frame.negated if frame else claim.negated
        target = None
        for group in groups:
            if group.negated != negated:
                continue
            verdict, *_ = judge(group.rep, claim, articles[group.rep.article_id], articles[claim.article_id])
            if verdict == Verdict.AGREE:
                target = group
                break
        if target is None:
            target = ValueGroup(claim, negated)
            groups.append(target)
        target.claims.append(claim)
    return groups


BROKEN_NUMBER_RE = re.compile(r"0\d")
# Two dates of one act further apart than this are more likely two occurrences of it (#14).
MAX_CONFLICT_DAYS = 7
# Two counts of one thing this factor apart or more are more likely two things counted (or a
# unit lost: "2000ft" / "200ft"), not one misreported.
MAX_CONFLICT_RATIO = 10.0


def plausible_conflict(a: Claim, b: Claim) -> bool:
    """Whether two incompatible values look like one fact misreported rather than two facts.

    Precision first: an outlet that misdates an event is off by a day or so ("Tuesday" vs
    "Wednesday"), one that miscounts is off by a fraction, not by a factor of ten.
    """
    va, vb = a.value, b.value
    if isinstance(va, DateValue) and isinstance(vb, DateValue):
        if None in (va.start, va.end, vb.start, vb.end):
            return False
        spans = [(v.end - v.start).days for v in (va, vb)]  # type: ignore[operator]
        gap = abs((va.start - vb.start).days)  # type: ignore[operator]
        return max(spans) <= MAX_CONFLICT_DAYS and gap <= MAX_CONFLICT_DAYS
    if isinstance(va, QuantityValue) and isinstance(vb, QuantityValue):
        xa, xb = va.point or va.low or va.high, vb.point or vb.low or vb.high
        if xa is None or xb is None:
            return True
        if xa == 0 or xb == 0:
            return False  # "no one" vs a figure is said in words; a bare 0 is an artefact
        return max(xa, xb) / min(xa, xb) < MAX_CONFLICT_RATIO if min(xa, xb) > 0 else False
    return True


def _ambiguous_week(a: Claim, b: Claim) -> str:
    """Why two days a week apart may be one day, or '': one outlet wrote "next Friday" (this coming
    Friday, or the one after) and the other the same weekday (#14)."""
    va, vb = a.value, b.value
    if not isinstance(va, DateValue) or not isinstance(vb, DateValue) or None in (va.start, vb.start):
        return ""
    if abs((va.start - vb.start).days) != DAYS_IN_WEEK:  # type: ignore[operator]
        return ""
    relative = next((c.text for c in (a, b) if NEXT_WEEKDAY_RE.search(c.text)), "")
    return f"“{relative}” may mean the coming one or the one after: a question, not a contradiction" if relative else ""


DAYS_IN_WEEK = 7


def _running_total(
    slot: Slot,
    gx: ValueGroup,
    gy: ValueGroup,
    sentences: Mapping[str, Sentence],
    articles: Mapping[str, Article],
) -> str:
    """Why two values of a cumulative count are one total at two moments, or '' (#14).

    An outlet that gives several values of the count and marks an update of it ("14 injured" ...
    "bringing the total injured to 17") follows the count as it grows; so does, on one day, a
    sentence of the two values that marks an update ("an additional victim came forward", "rose
    to"). A later report's lower figure is explained only by its own word that it revises it.
    """
    if slot.key.what not in CUMULATIVE_EVENTS:
        return ""
    for article in (*gx.articles, *gy.articles):
        if article in slot.running:
            return f"{article} follows the count as it grows"
    day_x, day_y = articles[gx.rep.article_id].published, articles[gy.rep.article_id].published
    if day_x is not None and day_y is not None and day_x != day_y:
        # a later report's lower figure: only its own word that the figure was revised explains it,
        # never an earlier report's "rose to"
        later = gx if day_x > day_y else gy
        for claim in later.claims:
            if m := REVISED_RE.search(sentences[claim.sentence_id].text):
                return f"“{m.group(0)}”: the later report revises the figure"
        return ""
    for claim in (*gx.claims, *gy.claims):
        if m := UPDATE_RE.search(sentences[claim.sentence_id].text):
            return f"“{m.group(0)}”: a running total reported as it grows, not a contradiction"
    return ""


def changed_figure(claim: Claim, sent: Sentence) -> bool:
    """Whether a figure is given as the new value of something changed ("raised the reward to
    $75,000", "22,000 homes, down from 35,000"), read just before it or right after it."""
    start, end = claim.start - sent.start, claim.end - sent.start
    if not 0 <= start <= end <= len(sent.text):
        return False
    before = sent.text[max(0, start - CHANGE_REACH) : start]
    return bool(CHANGED_TO_BEFORE_RE.search(before) or CHANGED_FROM_AFTER_RE.match(sent.text[end:]))


# How far before a figure its word of change is read, in characters ("raised the reward to").
CHANGE_REACH = 60


def _changed_value(
    slot: Slot,
    gx: ValueGroup,
    gy: ValueGroup,
    sentences: Mapping[str, Sentence],
    articles: Mapping[str, Article],
    frames: Mapping[str, Frame],
) -> str:
    """Why two values of a count that is not a casualty toll are one thing at two moments, or '' (#14).

    A figure given as changed ("the state raised the reward to $75,000"), in a report no earlier
    than the other's, may replace the other's; a later report that says it revises the figure
    ("in a revised reading") does; and a later, higher count of an act that accumulates over a
    story (`ACCUMULATING_ACTS`: homes flooded, fugitives recaptured) is an update, as are two days'
    counts of people in a state (`SUBSET_STATES`: in critical condition, in hospital), which change
    either way. Casualties have their own rule (`_running_total`).
    """
    if slot.key.what in CUMULATIVE_EVENTS or slot.key.kind == "date":
        return ""
    day_x, day_y = articles[gx.rep.article_id].published, articles[gy.rep.article_id].published
    order = 0 if day_x is None or day_y is None or day_x == day_y else (1 if day_x > day_y else -1)
    if order and slot.key.what in _STATES:
        # "three of them in critical condition" / a day later "two people remain in critical condition"
        return f"a count of people {slot.key.what} changes from day to day, either way: reports of two days"
    for group, position in ((gx, order), (gy, -order)):
        if position < 0:
            continue  # an earlier report's "raised to" says nothing of a later report's figure
        for claim in group.claims:
            sent = sentences[claim.sentence_id]
            if changed_figure(claim, sent):
                return f"“{claim.text}” is given as changed: the other figure may be its value before"
            if position > 0 and (m := REVISED_RE.search(sent.text)):
                return f"“{m.group(0)}”: the later report revises the figure"
    if order and all(_act(c, slot, frames) in ACCUMULATING_ACTS for c in (gx.rep, gy.rep)):
        later, earlier = (gx.rep, gy.rep) if order > 0 else (gy.rep, gx.rep)
        lv, ev = later.value, earlier.value
        grows = isinstance(lv, QuantityValue) and isinstance(ev, QuantityValue)
        if grows and (lv.point or lv.low or 0) > (ev.point or ev.high or 0):  # type: ignore[union-attr]
            return f"a later report gives a higher count of '{_act(later, slot, frames)}', which grows as the story goes on"
    return ""


_STATES = frozenset(state for state, _pattern in SUBSET_STATES)


def _has_negation(group: ValueGroup) -> bool:
    """Whether every sentence of a value group has a negation ("not", "no", "never") somewhere."""
    return all(c.negated for c in group.claims)


def _act(claim: Claim, slot: Slot, frames: Mapping[str, Frame]) -> str:
    """The act a count of a slot is of: its own key's event class, else its predicate."""
    key = slot.keys.get(claim.id)
    frame = frames.get(claim.id)
    return (key.what if key is not None else "") or (frame.predicate if frame is not None else "")


def _two_measures(a: Claim, b: Claim, sentences: Mapping[str, Sentence]) -> bool:
    """Whether two amounts or shares name two different measures (`evidence.measured`)."""
    ma, mb = measured(a, sentences[a.sentence_id]), measured(b, sentences[b.sentence_id])
    return bool(ma and mb and ma != mb)


def _fid(prefix: str, parts: Sequence[str]) -> str:
    return prefix + hashlib.sha1("\x00".join(parts).encode()).hexdigest()[:10]


def _finding(verdict: str, how: str, claims: Sequence[Claim], explanation: str, confidence: float) -> Finding:
    ordered = sorted(claims, key=lambda c: c.id)
    return Finding(
        _fid("G" if verdict == Verdict.AGREE else "R", [verdict, *(c.id for c in ordered)]),
        "",
        verdict,
        how,
        tuple(sorted({c.article_id for c in ordered})),
        tuple(c.id for c in ordered),
        explanation,
        round(confidence, 2),
        tuple(dict.fromkeys(c.sentence_id for c in ordered)),
    )


def _outlets(group: ValueGroup, articles: Mapping[str, Article]) -> str:
    names = [articles[a].outlet or a for a in group.articles]
    return ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")


def _named_in_common(slot: Slot, gx: ValueGroup, gy: ValueGroup) -> int:
    """The most named participants a claim of one group shares with a claim of the other."""
    best = 0
    for x in gx.claims:
        for y in gy.claims:
            if x.id in slot.keys and y.id in slot.keys:
                best = max(best, len(shared_names(slot.keys[x.id], slot.keys[y.id])))
    return best


def contradiction_confidence(slot: Slot, gx: ValueGroup, gy: ValueGroup) -> tuple[float, list[str]]:
    """How sure a contradiction between two values of a slot is, and what makes it less sure (#14).

    Calibrated on the dev gold (bench/README.md gives the precision at each level): the more
    named participants the slot's claims share, the surer it is one slot; two exact figures
    conflict more surely than two estimates ("about 10 seconds" / "around 30 seconds"); a
    figure one side attributes to a source of its own may be that source's; a duration told by
    witnesses is a perception.
    """
    a, b = gx.rep, gy.rep
    named = _named_in_common(slot, gx, gy)
    confidence = CONFIDENCE_BASE + CONFIDENCE_PER_NAME * min(named, MAX_NAMES_COUNTED)
    doubts = []
    approximate = [c for c in (a, b) if isinstance(c.value, QuantityValue) and c.value.approximate]
    if not approximate:
        confidence += CONFIDENCE_EXACT
    elif len(approximate) == 2:
        confidence -= CONFIDENCE_BOTH_ESTIMATES
        doubts.append("both figures are estimates")
    if bool(a.attribution.strip()) != bool(b.attribution.strip()):
        confidence -= CONFIDENCE_ATTRIBUTED
        doubts.append("one side gives the figure as a source's")
    if a.kind == "duration":
        confidence -= CONFIDENCE_DURATION
        doubts.append("a duration as someone felt it")
    if a.unit == TIME_UNIT:
        confidence -= CONFIDENCE_TIME
        doubts.append("a time of day as someone gave it")
    if named == 0:
        doubts.append("no named participant in common")
    return round(min(confidence, 0.95), 2), doubts


# Confidence of a contradiction: a base, per shared named participant (up to three), and the doubts.
CONFIDENCE_BASE = 0.7
CONFIDENCE_PER_NAME = 0.05
MAX_NAMES_COUNTED = 3
CONFIDENCE_EXACT = 0.05
CONFIDENCE_BOTH_ESTIMATES = 0.05
CONFIDENCE_ATTRIBUTED = 0.15
CONFIDENCE_DURATION = 0.2
CONFIDENCE_TIME = 0.35  # two times of one event that do not meet: always a question (#14)


def slot_findings(
    slot: Slot,
    articles: Mapping[str, Article],
    sentences: Mapping[str, Sentence],
    frames: Mapping[str, Frame],
    min_confidence: float = 0.0,
    competing: frozenset[str] = frozenset(),
) -> list[Finding]:
    """The findings of one slot: an agreement per group of two or more outlets, and a verdict per pair of groups
    (`competing`: the kinds of count the batch gives several holders of, see `evidence.competing_counts`)."""
    groups = value_groups(slot, articles, frames)
    what = slot.key.describe()
    why = slot.evidence
    out = []
    for group in groups:
        if len(group.articles) >= 2:
            confidence = min(0.95, 0.7 + 0.05 * len(group.articles))
            explanation = (
                f"{what}: {len(group.articles)} outlets agree ({_outlets(group, articles)}): “{group.rep.text}”; {why}"
            )
            out.append(_finding(Verdict.AGREE, "same", group.claims, explanation, confidence))
    for x in range(len(groups)):
        for y in range(x + 1, len(groups)):
            gx, gy = groups[x], groups[y]
            if set(gx.articles) <= set(gy.articles) or set(gy.articles) <= set(gx.articles):
                continue  # one article's own two values: not a finding across outlets
            a, b = gx.rep, gy.rep
            verdict, how, explanation, confidence = judge(a, b, articles[a.article_id], articles[b.article_id])
            if gx.negated != gy.negated and verdict == Verdict.AGREE:
                verdict, how, explanation = Verdict.CONTRADICT, "negation", explanation + "; one sentence negates it"
            elif gx.negated != gy.negated and verdict == Verdict.CONTRADICT and a.id in frames and b.id in frames:
                continue  # "the 10 mg tablets are not affected" / "the 40 mg tablets are": one denies what the other does not say
            elif verdict == Verdict.CONTRADICT and _has_negation(gx) != _has_negation(gy):
                # the parse does not tie the sentence's negation to the figure: it may deny it
                verdict, how, confidence = Verdict.DIFFER, "unconfirmed", 0.5
                explanation += "; one sentence has a negation that may deny the figure: a question for the reviewer"
            if verdict == Verdict.AGREE:
                continue
            if verdict == Verdict.DIFFER and how == "precision" and _two_measures(a, b, sentences):
                continue  # "the offer of $38 a share" / "shares traded at about $37.40": two facts (#14)
            if verdict == Verdict.CONTRADICT and not plausible_conflict(a, b):
                continue  # far apart: two occurrences or two things counted, not one misreported
            if verdict == Verdict.CONTRADICT and (running := _running_total(slot, gx, gy, sentences, articles)):
                verdict, how, confidence = Verdict.DIFFER, "update", 0.5
                explanation += f"; {running}"
            if verdict == Verdict.CONTRADICT and (changed := _changed_value(slot, gx, gy, sentences, articles, frames)):
                verdict, how, confidence = Verdict.DIFFER, "update", 0.5
                explanation += f"; {changed}"
            if verdict == Verdict.CONTRADICT:
                gated = gate_contradiction(
                    gx.claims, gy.claims, frames, sentences, slot.key.what, explanation, slot.members, competing
                )
                if gated is None:
                    continue  # not one slot: two holders, two things counted or two occasions (#14)
                if gated[0]:
                    verdict, how, confidence = Verdict.DIFFER, gated[0], 0.5
                explanation = gated[1]
            if verdict == Verdict.CONTRADICT and how == "value" and a.kind != "date":
                confidence, doubts = contradiction_confidence(slot, gx, gy)
                if confidence < min_confidence:
                    verdict, how = Verdict.DIFFER, "unconfirmed"
                    explanation += (
                        f"; unconfirmed ({'; '.join(doubts) or 'weak evidence'}): a question for the reviewer"
                    )
            if verdict == Verdict.CONTRADICT and (week := _ambiguous_week(a, b)):
                verdict, how, confidence = Verdict.DIFFER, "ambiguous", 0.5
                explanation += f"; {week}"
            copied = same_words(sentences[a.sentence_id].text, sentences[b.sentence_id].text)
            if verdict == Verdict.CONTRADICT and a.kind == "date" and copied:
                dates = " vs ".join(str(articles[c.article_id].published or "no date") for c in (a, b))
                verdict, how, confidence = Verdict.DIFFER, "published", 0.5
                explanation += (
                    f": the same sentence, resolved against different publication dates ({dates}); "
                    "one article's date is probably wrong"
                )
            explanation, confidence = attributed(a, b, explanation, confidence)
            sides = f" [{_outlets(gx, articles)} | {_outlets(gy, articles)}]"
            out.append(
                _finding(verdict, how, [*gx.claims, *gy.claims], f"{what}: {explanation}{sides}; {why}", confidence)
            )
    return out


def event_day_findings(
    claims: Sequence[Claim],
    keys: Mapping[str, SlotKey],
    sentences: Mapping[str, Sentence],
    articles: Mapping[str, Article],
) -> list[tuple[str, Finding]]:
    """Agreements on the day of an event that no slot holds: outlets that date the same event word
    (the shooting, the death, the quake) to the same resolved day (#14), each with its fact's
    title ("day of the shooting · 2018-03-26").

    Only ever agreements: sharing a day and an event word is not evidence enough that two
    different days are one slot's conflict (the arrest on Thursday, the shooting on Sunday).
    """
    by_day: dict[tuple[object, str], list[Claim]] = {}
    for claim in claims:
        value, key = claim.value, keys.get(claim.id)
        if claim.kind != "date" or key is None or key.status != "reported" or not isinstance(value, DateValue):
            continue
        if value.granularity != "day":
            continue
        day: object = value.start
        if value.start is None or relative_unresolved(claim, articles.get(claim.article_id)):
            # undated articles naming the event's day in the same words ("on Sunday"): the same day
            # as far as their texts go (#14)
            words = day_words(claim.text)
            if value.start is not None or not WEEKDAY_WORDS_RE.fullmatch(words):
                continue
            day = words
        elif value.start != value.end:
            continue
        sent = sentences[claim.sentence_id]
        event = time_event(sent.text, claim.start - sent.start)
        if event:
            by_day.setdefault((day, event), []).append(claim)
    out = []
    for (_day, event), members in sorted(by_day.items(), key=lambda kv: (str(kv[0][0]), kv[0][1])):
        outlets = sorted({articles[c.article_id].outlet or c.article_id for c in members})
        if len({c.article_id for c in members}) < 2:
            continue
        day_text = describe_date(members[0].value) if isinstance(_day, date) else f"“{_day}”, not resolved"  # type: ignore[arg-type]
        explanation = (
            f"day of the {event} event words: {len(outlets)} outlets agree ({', '.join(outlets[:4])}): "
            f"“{members[0].text}” ({day_text}); the same day and an event word in "
            "each sentence, no slot in common"
        )
        title = f"day of the {event} · {day_text}"
        out.append((title, _finding(Verdict.AGREE, "same day", members, explanation, EVENT_DAY_CONFIDENCE)))
    return out


EVENT_DAY_CONFIDENCE = 0.6


# Kinds of claim a value finding reads: counts, amounts, shares, durations, ranks and dates.
VALUE_KINDS = frozenset({"quantity", "money", "percent", "duration", "ordinal", "date"})
# How a value agreement's two values must compare: the same value, hedged alike or not, or converted.
SAME_VALUE = frozenset({"same", "hedged", "converted"})
# What a count of people alone is of says too little: "four people" in two sentences need more.
GENERIC_COUNTED = frozenset({"", "person"})
VALUE_CONFIDENCE = 0.6
VALUE_PRECISION_CONFIDENCE = 0.5
# A figure below this says little of which thing it counts ("the two countries"): close sentences only.
MIN_DISTINCT_FIGURE = 3


def _value_bucket(claim: Claim, key: SlotKey) -> tuple[str, ...] | None:
    """What two claims must share to be compared for a value finding, or None when the claim says
    too little of what it is (a bare number, an age, an open date). A time of day is one of its day."""
    if claim.kind not in VALUE_KINDS or key.what == AGE_EVENT:
        return None
    value = claim.value
    if claim.kind == "date":
        if not isinstance(value, DateValue) or value.start is None or value.end is None or value.note == "since":
            return None
        return (claim.kind, key.status)
    if not isinstance(value, QuantityValue) or not key.counted:
        return None  # a bare number: only a figure of something named is a value of it
    family = key.counted.partition(": ")[0]
    return (claim.kind, family, key.status, key.when, key.dated)


def _written_figure(claim: Claim) -> bool:
    """A figure the text writes out ("four", "$2.6 million"), not a vague one ("several", "the victim")."""
    return not isinstance(claim.value, QuantityValue) or claim.value.point is not None


def _same_thing(a: SlotKey, b: SlotKey) -> bool:
    """Whether two counts of one unit count one thing: the same phrase, one without a phrase, or
    phrases of one head word ("half of the entrance roof" / "half the roof")."""
    pa, pb = a.counted.partition(": ")[2], b.counted.partition(": ")[2]
    if not pa or not pb or pa == pb:
        return True
    return pa.split()[-1] == pb.split()[-1] and pa.startswith("part of ") == pb.startswith("part of ")


def _figure(claim: Claim) -> float:
    value = claim.value
    return abs(value.point or value.low or 0) if isinstance(value, QuantityValue) else 0.0


def _value_evidence(
    a: Claim, b: Claim, key_a: SlotKey, key_b: SlotKey, similarity: float, min_similarity: float, *, same: bool = True
) -> str:
    """Why two claims outside any slot give values of one thing, in words, or ''.

    Required: sentences at least `min_similarity` similar, no two different event classes and
    one counted thing. A count of a specific thing ("four off-duty police officers", "a .32
    caliber handgun") needs a named participant in common, the same event class or close
    sentences ("Carter had 12 points" / "Wiggins had 12 points" are two holders), and close
    sentences when its figure is below `MIN_DISTINCT_FIGURE` ("the two countries"); a count of
    people alone ("four people") needs a named participant in common and sentences
    `CLOSE_MARGIN` closer, or the same event class; a day needs the same act (a story's every
    act happens "on Tuesday"); a month or a year the same act and a named participant in
    common, or close sentences. Two different values
    (`same=False`, one more precise) need the same act and a named participant in common, or
    close sentences, whatever their kind.
    """
    if similarity < min_similarity or (key_a.what and key_b.what and key_a.what != key_b.what):
        return ""
    if key_a.people and key_b.people and not key_a.people & key_b.people:
        return ""  # said of two people of different ages
    if not _same_thing(key_a, key_b):
        return ""
    names = shared_names(key_a, key_b)
    close = similarity >= min_similarity + CLOSE_MARGIN
    named = f"; named: {', '.join(names[:3])}" if names else ""
    how = f"in {'close' if close else 'similar'} sentences{named}"
    same_act = bool(key_a.what) and key_a.what == key_b.what
    if isinstance(a.value, DateValue) and isinstance(b.value, DateValue):
        if same and a.value.granularity == "day":
            return f"the same day of '{key_a.what}' {how}" if same_act and (names or close) else ""
        if not same and not same_act:
            return ""
        return f"the date of '{key_a.what or 'one act'}' {how}" if close or (same_act and names) else ""
    if not close and max(_figure(a), _figure(b)) < MIN_DISTINCT_FIGURE:
        return ""  # "the two countries", "one man": said of many things in one story
    generic = key_a.counted.split(":")[0].removesuffix(" (others)") in GENERIC_COUNTED
    if generic and not same_act and not (names and close):
        return ""
    if not (names or close or same_act):
        return ""  # "Carter had 12 points" / "Wiggins had 12 points": one figure, two holders
    if not same and not (close or (same_act and names)):
        return ""
    thing = "the time of day" if key_a.counted == TIME_UNIT else f"figures of {counted_words(key_a.counted)}"
    return f"{thing} {how}"


def value_findings(
    claims: Sequence[Claim],
    keys: Mapping[str, SlotKey],
    sentences: Mapping[str, Sentence],
    sent_index: Mapping[str, int],
    emb: np.ndarray,
    articles: Mapping[str, Article],
    *,
    min_similarity: float,
) -> list[tuple[str, Finding]]:
    """Findings on values of one thing that no slot holds, each with its fact's title (#14).

    "Four off-duty police officers patrol the parking lot" / "paid for four off-duty police
    officers to patrol the parking lot", "the 2015 deal Obama's State Department reached with
    Iran" / "when the Obama administration made the Iran deal in 2015": the same figure of the
    same counted thing (or the same date) in similar sentences, with a named participant in
    common or sentences closer still (see `_value_evidence`), agree; a compatible value one
    outlet gives more precisely ("several" / "three intercontinental ballistic missiles",
    "in February 2017" / "Feb. 13, 2017" of one act) differs by precision. Never a
    contradiction, as `event_day_findings`: a shared value with no slot in common is no
    evidence that two other values conflict, and these findings never link two outlets as
    reporting one event.
    """
    buckets: dict[tuple[str, ...], list[list[Claim]]] = {}
    by_value: dict[tuple[object, ...], list[list[Claim]]] = {}  # a bucket's groups of one written figure or day
    for claim in claims:
        key = keys.get(claim.id)
        if key is None or BROKEN_NUMBER_RE.match(claim.text):
            continue
        bucket = _value_bucket(claim, key)
        if bucket is None:
            continue
        groups = buckets.setdefault(bucket, [])
        # bounded work: a claim is probed against groups of its own figure (or day) only, unless
        # its unit converts ("200ft" / "60 metres")
        candidates = groups if claim.unit in CONVERSIONS else by_value.get((*bucket, _value_of(claim)), [])
        joined = None
        if _written_figure(claim):
            joined = next(
                (g for g in candidates if _probe(claim, g, keys, sent_index, emb, articles, min_similarity)), None
            )
        if joined is None:
            joined = [claim]
            groups.append(joined)
            by_value.setdefault((*bucket, _value_of(claim)), []).append(joined)
        else:
            joined.append(claim)
    out = []
    for groups in buckets.values():
        for members in groups:
            if len({c.article_id for c in members}) >= 2:
                out.append(_value_agreement(members, keys, sent_index, emb, articles, min_similarity))
        out.extend(_precision_findings(groups, keys, sent_index, emb, articles, min_similarity))
    return out


def _value_of(claim: Claim) -> object:
    """What two claims that agree without a conversion share: the written figure, or the day."""
    value = claim.value
    return (value.start, value.end) if isinstance(value, DateValue) else value.point


def _similarity(a: Claim, b: Claim, sent_index: Mapping[str, int], emb: np.ndarray) -> float:
    return float(emb[sent_index[a.sentence_id]] @ emb[sent_index[b.sentence_id]]) if emb.size else 0.0


def _probe(
    claim: Claim,
    group: Sequence[Claim],
    keys: Mapping[str, SlotKey],
    sent_index: Mapping[str, int],
    emb: np.ndarray,
    articles: Mapping[str, Article],
    min_similarity: float,
) -> bool:
    """Whether a claim gives the value of a group's first members (`SLOT_PROBES`) on evidence."""
    for probe in group[:SLOT_PROBES]:
        if probe.article_id == claim.article_id or not _written_figure(probe):
            continue
        verdict, how, *_ = judge(claim, probe, articles[claim.article_id], articles[probe.article_id])
        if verdict != Verdict.AGREE or how not in SAME_VALUE:
            continue
        similarity = _similarity(claim, probe, sent_index, emb)
        if _value_evidence(claim, probe, keys[claim.id], keys[probe.id], similarity, min_similarity):
            return True
    return False


def _value_agreement(
    members: Sequence[Claim],
    keys: Mapping[str, SlotKey],
    sent_index: Mapping[str, int],
    emb: np.ndarray,
    articles: Mapping[str, Article],
    min_similarity: float,
) -> tuple[str, Finding]:
    """The agreement of one group of claims giving one value, with its title."""
    rep, key = members[0], keys[members[0].id]
    other = next(c for c in members if c.article_id != rep.article_id)
    similarity = _similarity(rep, other, sent_index, emb)
    why = _value_evidence(rep, other, key, keys[other.id], similarity, min_similarity) or "the same value"
    shown = ValueGroup(rep, False, list(members))
    arts = shown.articles
    explanation = (
        f"{key.describe()}: {len(arts)} outlets agree ({_outlets(shown, articles)}): “{rep.text}”; the same value: "
        f"{why}; no slot in common"
    )
    return key.title(), _finding(Verdict.AGREE, "same value", members, explanation, VALUE_CONFIDENCE)


def _precision_findings(
    groups: Sequence[Sequence[Claim]],
    keys: Mapping[str, SlotKey],
    sent_index: Mapping[str, int],
    emb: np.ndarray,
    articles: Mapping[str, Article],
    min_similarity: float,
) -> list[tuple[str, Finding]]:
    """Differences by precision between groups of one bucket: compatible values, one more precise."""
    out = []
    for x, gx in enumerate(groups):
        for gy in groups[x + 1 :]:
            ax, ay = {c.article_id for c in gx}, {c.article_id for c in gy}
            if ax <= ay or ay <= ax:
                continue  # one article's own two values: not a finding across outlets
            a, b = gx[0], gy[0]
            verdict, how, shown, _ = judge(a, b, articles[a.article_id], articles[b.article_id])
            if verdict != Verdict.DIFFER or how != "precision":
                continue
            similarity = _similarity(a, b, sent_index, emb)
            why = _value_evidence(a, b, keys[a.id], keys[b.id], similarity, min_similarity, same=False)
            if not why:
                continue
            key = keys[a.id]
            sides = f" [{_outlets(ValueGroup(a, False, list(gx)), articles)} | {_outlets(ValueGroup(b, False, list(gy)), articles)}]"
            explanation = f"{key.describe()}: {shown}{sides}; {why}; no slot in common"
            finding = _finding(Verdict.DIFFER, "precision", [*gx, *gy], explanation, VALUE_PRECISION_CONFIDENCE)
            out.append((key.title(), finding))
    return out
