"""Positive evidence that two values of a slot are one fact before they may contradict (#14).

A slot gathers claims that look alike (the same event class, the same counted thing, a name in
common somewhere in the sentences), and its members join through one another, so two of its
values may never have been compared directly. Before two value groups contradict, some claim of
each must be shown to be about one thing; `gate_contradiction` is the final precision gate:

- **the holder** (`Frame.holders`): a count belongs to the counted noun's possessor ("the team's
  17 points"), the proper noun a parenthesis on it belongs to ("the Orioles (seven years, $150
  million)") or the subject of the nearest verb above it ("Lee scored 20 points", "the Chiefs,
  who had 352 yards"); never to the source a figure is attributed to ("police said five were
  killed": the count is the event's). Different named holders: not one slot, no finding.
  A side naming no holder (or a role noun only) where holders compete, i.e. the slot names two or
  more, or the batch three or more of that kind of count (a box score): a question, unless both
  sides describe the holder by the same age ("a 36-year-old climber" / "36-year-old Rait").
  Several joint holders ("the Orioles and the Nationals offered"): a question. A casualty
  count is the event's, whoever caused it;
- **the counted thing** (`Frame.qualifiers`): "26 Somali pirates" and "11 Yemeni pirates" are
  two groups (no finding); "six blocked shots" and "two shots", "13 loaded magazines" and "12
  magazines" are not shown to be one (a question); the whole a part is taken of ("10 of the
  team's first 17 points"), a conversion in parentheses ("$US1 million ($1.52 million)") and a
  measure describing a thing ("the 7-yard line") are not counts of their own;
- **the occasion** (`lexicon.occasions`): a number in a clause about a season, a past season, a
  career, a part of the game, a running total or an average, or a rate ("$23 million per
  season"), is not the same slot as a plain count of the event; a rate's unit ("$4 million a
  year") is no duration; counts in different roles ("four seasons as director" / "seven seasons
  as coach") are two slots.

The verdicts are `SAME` (a contradiction may stand; its explanation names the evidence), `WEAK`
(a `differ` "unconfirmed" at most, saying why the slot is uncertain) and `APART` (not one slot:
no finding). Without a parse (no frames) a slot's own evidence stands.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from factcheck.lexicon.numbers import UNITS as ONES
from factcheck.lexicon.occasions import (
    NEUTRAL_QUALIFIERS,
    OCCASION_CLAUSE_BREAK,
    OCCASIONS,
    RATE_AFTER,
    STATISTIC_UNITS,
)
from factcheck.records import Claim, Sentence
from factcheck.stages.compare.lexicon import (
    AGE_EVENT,
    CUMULATIVE_EVENTS,
    MARKET_NOUNS,
    MARKET_PRICE,
    MEASURE_NOUNS,
    TIME_UNIT,
)
from factcheck.stages.compare.slots import claim_clause, clause_bounds, elapsed, other_people, unit_family
from factcheck.stages.frames import ROLE, Frame, names_match, spelt_alike

SAME = "same"
WEAK = "weak"
APART = "apart"
_RANK = {APART: 0, WEAK: 1, SAME: 2}
# The occasion label of a running total (lexicon.occasions): for a casualty count, its own slot already.
RUNNING_TOTAL = "a running total"
# How many different holders of one kind of count make a batch a table of holders (a box score).
BATCH_COMPETING_HOLDERS = 3


@dataclass(frozen=True, slots=True)
class Evidence:
    """How sure it is that two claims fill one slot, and why in words."""

    verdict: str
    reason: str = ""


@functools.cache
def _occasion_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (label, re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)) for label, words in OCCASIONS.items()
    )


_RATE_RE = re.compile(r"^\s*(?:" + "|".join(RATE_AFTER) + r")\b", re.IGNORECASE)
_CLAUSE_BREAK_RE = re.compile(OCCASION_CLAUSE_BREAK)
# A figure in parentheses after another figure restates it ("$US1 million ($1.52 million)").
_CONVERSION_BEFORE_RE = re.compile(r"\d[^()\d]{0,25}\(\s*$")
_FIGURE_BEFORE_RE = re.compile(r"(?:\d|million|billion|thousand|hundred)\s*$", re.IGNORECASE)
_HYPHENATED_RE = re.compile(r"\d\s*-\s*[A-Za-z]+$")
_WORD_AFTER_RE = re.compile(r"^\s+[a-z]")
_DIGIT_RE = re.compile(r"\d")  # "a magnitude-5.2 quake": a figure, never a name
_AGE_RE = re.compile(r"\b(\d{1,3})\s*-?\s*years?\s*-?\s*old\b", re.IGNORECASE)
# "10 of the team's first", "three of their": a figure then "of" and a few words before the whole.
_PARTITIVE_BEFORE_RE = re.compile(r"\b(?:\d[\d,.]*|" + "|".join(ONES) + r")\s+of\s+(?:\S+\s+){0,6}$", re.IGNORECASE)


def occasions(claim: Claim, sent: Sentence) -> frozenset[str]:
    """The occasions other than a plain count of the event that the claim's clause names ("a
    season", "a past season", "a career", "part of the game", "a running total", "an average"),
    each read in the order of the lexicon and taken out of the clause ("last season" is a past
    season, not also a season), and "a rate" when the words right after the figure make it one."""
    found = set()
    end = claim.end - sent.start
    rate = _RATE_RE.match(sent.text[end:]) if 0 <= end <= len(sent.text) else None
    if rate:  # "per season" is a rate, not also a season
        found.add("a rate")
        text = sent.text[:end] + " " * rate.end() + sent.text[end + rate.end() :]
        sent = replace(sent, text=text)
    clause = claim_clause(claim, sent, _CLAUSE_BREAK_RE)
    for label, pattern in _occasion_patterns():
        clause, n = pattern.subn(" ", clause)
        if n:
            found.add(label)
    return frozenset(found)


def _ages(text: str) -> frozenset[str]:
    """The ages a sentence describes someone by ("a 36-year-old climber"): a described person of the
    same age as a named one is positive evidence that they are one holder."""
    return frozenset(m.group(1) for m in _AGE_RE.finditer(text))


def rate_unit(claim: Claim, sent: Sentence) -> bool:
    """Whether a duration is the unit of a rate right after a figure ("paid him $4 million a year")."""
    start = claim.start - sent.start
    if claim.kind != "duration" or not _RATE_RE.match(claim.text) or not 0 <= start <= len(sent.text):
        return False
    return bool(_FIGURE_BEFORE_RE.search(sent.text[max(0, start - 20) : start]))


_MEASURE = "|".join(sorted((re.escape(m) for m in MEASURE_NOUNS), key=len, reverse=True))
_MEASURE_AFTER_RE = re.compile(rf"^\s*(?:(?:in|of)\s+(?:\w+\s+)?)?({_MEASURE})\b", re.IGNORECASE)
_MARKET = "|".join(sorted((re.escape(m) for m in MARKET_NOUNS), key=len, reverse=True))
_MEASURE_BEFORE_RE = re.compile(rf"\b({_MEASURE}|{_MARKET})\b", re.IGNORECASE)


def measured(claim: Claim, sent: Sentence) -> str:
    """What an amount or a share measures: the measure right after it ("a $200,000 fine", "$3 billion in
    sales"), else the last one before it in its clause ("net profit rose 18% to $1.2 billion"; "revenue
    of $8.4 billion and net profit of $1.2 billion": each its own; "the stock closed at $37.25": a share
    price, `MARKET_PRICE`); '' when the clause does not say."""
    if claim.kind not in ("money", "percent"):
        return ""
    start, end = claim.start - sent.start, claim.end - sent.start
    if not 0 <= start <= end <= len(sent.text):
        return ""
    after = _MEASURE_AFTER_RE.match(sent.text[end:])
    if after:
        return MEASURE_NOUNS[after.group(1).lower()]
    left, _ = clause_bounds(claim, sent)
    before = [m.group(1).lower() for m in _MEASURE_BEFORE_RE.finditer(sent.text, left, start)]
    if not before:
        return ""
    return MARKET_PRICE if before[-1] in MARKET_NOUNS else MEASURE_NOUNS[before[-1]]


def attributive(claim: Claim, sent: Sentence) -> bool:
    """Whether a measure describes the noun after it ("a 7-yard line", "a 1,500-square-kilometer
    island") instead of being a count of its own."""
    end = claim.end - sent.start
    if not _HYPHENATED_RE.search(claim.text) or not 0 <= end <= len(sent.text):
        return False
    return bool(_WORD_AFTER_RE.match(sent.text[end:]))


def denominator(claim: Claim, sent: Sentence) -> bool:
    """Whether the figure is the whole a part is taken of ("scored 10 of the team's first 17
    points"): the total of others, not the holder's own count."""
    start = claim.start - sent.start
    return 0 <= start <= len(sent.text) and bool(_PARTITIVE_BEFORE_RE.search(sent.text[max(0, start - 40) : start]))


def restated(claim: Claim, sent: Sentence) -> bool:
    """Whether the figure is in parentheses right after another figure: a conversion or a
    restatement of it ("$US1 million ($1.52 million)", "1,150 kilometers (700 miles)")."""
    start = claim.start - sent.start
    return 0 <= start <= len(sent.text) and bool(_CONVERSION_BEFORE_RE.search(sent.text[max(0, start - 40) : start]))


def holders(claim: Claim, frame: Frame | None) -> frozenset[str]:
    """Whose count it is, by name (`Frame.holders`; a role noun alone names no holder); never the
    source the figure is attributed to."""
    if frame is None:
        return frozenset()
    source = claim.attribution.lower()
    return frozenset(
        h for h in frame.holders if not h.startswith(ROLE) and not (source and h in source) and not _DIGIT_RE.search(h)
    )


def qualifiers(frame: Frame | None) -> frozenset[str]:
    """The counted noun's own modifiers that say which things are counted."""
    return frame.qualifiers - NEUTRAL_QUALIFIERS if frame is not None else frozenset()


def _shown(names: Iterable[str]) -> str:
    return ", ".join(n.removeprefix(ROLE) for n in sorted(names)) or "none"


def same_party(x: str, y: str) -> bool:
    """Whether two holder names are one party: `frames.names_match`, or one name spelt two ways
    ("Duncan Rait" / "Duncan Raite")."""
    return names_match(x, y) or spelt_alike(x, y)


def pair_evidence(
    a: Claim,
    b: Claim,
    frame_a: Frame | None,
    frame_b: Frame | None,
    sent_a: Sentence,
    sent_b: Sentence,
    *,
    event: str = "",
    competing: bool = False,
) -> Evidence:
    """Whether two claims of one slot are shown to be about one thing (see the module's rules).

    `event` is the slot's event class; `competing` says that the claims of the slot name two or
    more different holders, so that a side naming none may be any of them.
    """
    counted_a, counted_b = unit_family(a.unit) or "person", unit_family(b.unit) or "person"
    if other_people(counted_a, counted_b):
        return Evidence(WEAK, f"one counts {counted_a}s, the other {counted_b}s: perhaps another scope")
    holder_a, holder_b = holders(a, frame_a), holders(b, frame_b)
    common = [x for x in holder_a if any(same_party(x, y) for y in holder_b)]
    if holder_a and holder_b and not common:
        return Evidence(APART, f"different holders ({_shown(holder_a)} / {_shown(holder_b)})")
    qual_a, qual_b = qualifiers(frame_a), qualifiers(frame_b)
    if qual_a and qual_b and not qual_a & qual_b:
        return Evidence(APART, f"different things counted ({_shown(qual_a)} / {_shown(qual_b)})")
    occ_a, occ_b = occasions(a, sent_a), occasions(b, sent_b)
    if event in CUMULATIVE_EVENTS:  # "in all, 12 were killed": a casualty count is the event's total anyway
        occ_a, occ_b = occ_a - {RUNNING_TOTAL}, occ_b - {RUNNING_TOTAL}
    if occ_a and occ_b and not occ_a & occ_b:
        return Evidence(APART, f"different occasions ({_shown(occ_a)} / {_shown(occ_b)})")
    measure_a, measure_b = measured(a, sent_a), measured(b, sent_b)
    if measure_a and measure_b and measure_a != measure_b:
        return Evidence(APART, f"different measures ({measure_a} / {measure_b})")
    if MARKET_PRICE in (measure_a, measure_b) and {measure_a, measure_b} <= {MARKET_PRICE, ""}:
        # "Halvorsen's stock fell 6.5 percent" / "Halvorsen slid 6 percent": the other side's figure is no other measure
        return Evidence(WEAK, "a share price moves through the trading day: the figures may be of two moments")
    cap_a, cap_b = (f.capacity if f is not None else "" for f in (frame_a, frame_b))
    if cap_a and cap_b and cap_a != cap_b:
        return Evidence(APART, f"counts in different roles (as {cap_a} / as {cap_b})")
    if any(f is not None and f.joint for f in (frame_a, frame_b)):
        return Evidence(WEAK, "several parties hold one side's count: whose figure it is is not said")
    if denominator(a, sent_a) or denominator(b, sent_b):
        return Evidence(WEAK, "one figure is the whole a part is taken of (“N of ... M”)")
    if restated(a, sent_a) or restated(b, sent_b):
        return Evidence(WEAK, "a figure in parentheses restates another (a conversion)")
    if cap_a != cap_b:
        return Evidence(WEAK, f"only one side says in what role (as {cap_a or cap_b})")
    if rate_unit(a, sent_a) or rate_unit(b, sent_b):
        return Evidence(APART, "one side is the unit of a rate (“$4 million a year”), not a duration")
    if elapsed(a, sent_a) or elapsed(b, sent_b):
        return Evidence(WEAK, "a time elapsed up to a moment (“a week after …”): each report may count to its own")
    if attributive(a, sent_a) != attributive(b, sent_b):
        return Evidence(WEAK, "one figure describes a thing (“a 7-yard line”), the other counts")
    competing = competing and event not in CUMULATIVE_EVENTS  # a casualty count is the event's, whoever caused it
    if competing and not holder_a and not holder_b:
        return Evidence(WEAK, "neither side names whose count it is, and the slot names several")
    if bool(holder_a) != bool(holder_b) and competing and not _ages(sent_a.text) & _ages(sent_b.text):
        named = (frame.holders if frame is not None else frozenset() for frame in (frame_a, frame_b))
        return Evidence(
            WEAK,
            "only one side names whose count it is, and the slot names several ({} / {})".format(*map(_shown, named)),
        )
    if qual_a != qual_b:
        return Evidence(WEAK, f"the counted things are qualified differently ({_shown(qual_a)} / {_shown(qual_b)})")
    if occ_a != occ_b:
        return Evidence(WEAK, f"one count is of {_shown(occ_a ^ occ_b)}")
    if common:
        return Evidence(SAME, f"the same holder ({_shown(common)})")
    if event in CUMULATIVE_EVENTS:
        return Evidence(SAME, f"a count of the event's {event}")
    return Evidence(SAME, "")  # no competing holder: the slot's own evidence stands


def competing_holders(claims: Iterable[Claim], frames: Mapping[str, Frame], at_least: int = 2) -> bool:
    """Whether the claims name two or more different holders that act ("Lee scored 20", "Park had
    15"); places that hold a figure ("Qeshm has 100,000 residents") are where, not who."""
    seen: list[str] = []
    for claim in claims:
        frame = frames.get(claim.id)
        for name in holders(claim, frame) - (frame.holder_places if frame is not None else frozenset()):
            if not any(same_party(name, other) for other in seen):
                seen.append(name)
    return len(seen) >= at_least


def count_kind(claim: Claim) -> str:
    """What a count counts, for telling whether a batch gives it several holders: kind and unit."""
    return f"{claim.kind}:{claim.unit}"


def competing_counts(claims: Iterable[Claim], frames: Mapping[str, Frame]) -> frozenset[str]:
    """The kinds of count (`count_kind`) the batch gives `BATCH_COMPETING_HOLDERS` or more
    different named holders of, as a box score does ("Lee scored 20 points", "Park had 15", "Kim
    added 12"): for them, a side that names no holder may be any of them. Across a whole batch
    two names can be one party and a source, so it takes three."""
    by_kind: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.kind != "date":
            by_kind.setdefault(count_kind(claim), []).append(claim)
    return frozenset(
        kind for kind, group in by_kind.items() if competing_holders(group, frames, BATCH_COMPETING_HOLDERS)
    )


def contradiction_evidence(
    claims_x: Sequence[Claim],
    claims_y: Sequence[Claim],
    frames: Mapping[str, Frame],
    sentences: Mapping[str, Sentence],
    *,
    event: str = "",
    slot_claims: Sequence[Claim] = (),
    competing_kinds: frozenset[str] = frozenset(),
) -> Evidence:
    """The best evidence that any claim of one value group and any of the other fill one slot
    (holders compete when the batch gives several of this kind of count, `competing_kinds`, or
    the slot's claims, or else the two groups', name several)."""
    first = next(iter(claims_x), None)
    competing = (first is not None and count_kind(first) in competing_kinds) or competing_holders(
        slot_claims or [*claims_x, *claims_y], frames
    )
    best = Evidence(APART, "")
    for x in claims_x:
        for y in claims_y:
            found = pair_evidence(
                x,
                y,
                frames.get(x.id),
                frames.get(y.id),
                sentences[x.sentence_id],
                sentences[y.sentence_id],
                event=event,
                competing=competing,
            )
            if _RANK[found.verdict] > _RANK[best.verdict] or (found.verdict == best.verdict and not best.reason):
                best = found
            if best.verdict == SAME:
                return best
    return best


def gate_contradiction(
    claims_x: Sequence[Claim],
    claims_y: Sequence[Claim],
    frames: Mapping[str, Frame],
    sentences: Mapping[str, Sentence],
    event: str,
    explanation: str,
    slot_claims: Sequence[Claim] = (),
    competing_kinds: frozenset[str] = frozenset(),
) -> tuple[str, str] | None:
    """The final precision gate of a contradiction between two value groups of a count's slot.

    Returns None when the claims are not one slot (no finding at all); else a `how` and the
    explanation: `""` and the explanation naming the evidence of one slot when the contradiction
    stands ("one slot: the same holder (lee)"), or "unconfirmed" and the explanation saying why the
    slot is uncertain, for the `differ` it becomes (a question for the reviewer). Dates, times of
    day and ages have slots of their own (an act, an event, a person) and pass unchanged.
    """
    if any(c.kind == "date" or c.unit == TIME_UNIT or c.event == AGE_EVENT for c in (*claims_x, *claims_y)):
        return "", explanation
    found = contradiction_evidence(
        claims_x, claims_y, frames, sentences, event=event, slot_claims=slot_claims, competing_kinds=competing_kinds
    )
    if found.verdict == APART:
        return None
    if found.verdict == WEAK:
        return "unconfirmed", f"{explanation}; the slot is uncertain ({found.reason}): a question for the reviewer"
    if all(c.unit.lower() in STATISTIC_UNITS for c in (*claims_x, *claims_y)):
        reason = "a player's or team's statistic, and nothing shows both are from the same game or season"
        return "unconfirmed", f"{explanation}; the slot is uncertain ({reason}): a question for the reviewer"
    return "", f"{explanation}; one slot: {found.reason}" if found.reason else explanation
