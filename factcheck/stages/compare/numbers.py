"""Numbers written in digit groups of tokenised text ("1 , 500 kilometers"), joined again (#14).

Some corpora (ECB+) separate every token by spaces, so "1,500" reads "1 , 500" and the extractor
sees two numbers, 1 and "500 kilometers". The comparison joins such runs into the one number
they are: the first group's qualifier ("about"), the last group's unit and event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from factcheck.records import Claim, QuantityValue, Sentence

# What stands between two digit groups of one number, and what the next group looks like.
GROUP_GAP_RE = re.compile(r"\s,\s$")
GROUP_RE = re.compile(r"\d{3}(?!\d)")


def _scaled(first: QuantityValue, rest: float, groups: int) -> QuantityValue:
    """The first group's value times 1000 per following group, plus the rest."""
    factor = 1000.0**groups

    def scale(x: float | None) -> float | None:
        return None if x is None else x * factor + rest

    return QuantityValue(
        scale(first.point), scale(first.low), scale(first.high), first.low_inclusive, first.high_inclusive,
        first.approximate,
    )  # fmt: skip


def join_digit_groups(sentences: Sequence[Sentence], claims: Sequence[Claim]) -> list[Claim]:
    """The claims with every run "1 , 150 kilometers" (claims '1' and '150 kilometers') joined into one."""
    by_sentence = {s.id: s for s in sentences}
    out: list[Claim] = []
    dropped: set[str] = set()
    ordered = sorted(claims, key=lambda c: (c.sentence_id, c.start))
    for k, claim in enumerate(ordered):
        if claim.id in dropped:
            continue
        sent = by_sentence.get(claim.sentence_id)
        if sent is None or claim.kind not in ("quantity", "money") or not isinstance(claim.value, QuantityValue):
            out.append(claim)
            continue
        run = [claim]
        for nxt in ordered[k + 1 :]:
            last = run[-1]
            gap = sent.text[last.end - sent.start : nxt.start - sent.start]
            if nxt.sentence_id != claim.sentence_id or not GROUP_GAP_RE.fullmatch(" " + gap.lstrip(" ")):
                break
            if not GROUP_RE.match(nxt.text) or last.unit or not isinstance(nxt.value, QuantityValue):
                break
            run.append(nxt)
        if len(run) == 1 or claim.value.point is None:
            out.append(claim)
            continue
        rest = 0.0
        for g, part in enumerate(run[1:], start=1):
            digits = GROUP_RE.match(part.text)
            rest += float(digits.group(0)) * 1000.0 ** (len(run) - 1 - g) if digits else 0.0
        last = run[-1]
        joined = replace(
            claim,
            id=claim.id + "+",
            text=sent.text[claim.start - sent.start : last.end - sent.start],
            end=last.end,
            value=_scaled(claim.value, rest, len(run) - 1),
            unit=last.unit,
            event=last.event or claim.event,
        )
        dropped |= {c.id for c in run[1:]}
        out.append(joined)
    return out
