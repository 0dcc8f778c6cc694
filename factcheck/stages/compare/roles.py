"""A unique role filled by different named parties (#14): "A is the largest supplier" vs "B is the largest supplier".

A role is a superlative or unique noun phrase ("the largest supplier of arms to the region", "the
first officer to arrive", "the only survivor"), read with its complement up to `ROLE_WORDS` words,
and filled by the name directly before "is/was the ..." or in apposition ("Jane Roe, the first
officer to arrive,"), or after "the ... is/was". Two outlets' sentences conflict when they give
the same role, word for word (lower-case, without plural endings), to names of which neither is
within the other ("Kim" / "Kim Jong Un" is one party; "Ana Ruiz" / "Leo Ruiz" two). Precision
first: a contradiction only between outlets shown to report one event, else a question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.lexicon.statements import NOT_A_ROLE, ROLE_END, UNIQUE_ROLE_WORDS

ROLE_WORDS = 6
"""How many words after its superlative a role phrase may run."""

_NAME = r"((?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’-]*)"
_SUP = "|".join(sorted(UNIQUE_ROLE_WORDS))
_COPULA = r"(is|was|remains|remained|became|has\s+been|had\s+been)"
_PAST = {"was", "remained", "became", "had been"}
_FILLED_RE = (
    re.compile(rf"{_NAME},?\s+{_COPULA}\s+(?:now\s+|still\s+)?the\s+({_SUP})\s+([^,.;:!?()]+)"),
    re.compile(rf"{_NAME},\s+()the\s+({_SUP})\s+([^,.;:!?()]+),"),
)
_ROLE_FIRST_RE = re.compile(rf"\b[Tt]he\s+({_SUP})\s+([^,.;:!?()]+?)\s+{_COPULA}\s+{_NAME}")
_OPENING = {"The", "A", "An", "But", "And", "In", "On", "At", "For", "It", "This", "That"}


@dataclass(frozen=True, slots=True)
class Role:
    """A unique role and the named party a sentence gives it."""

    role: str  # normalised: "largest supplier of arm to the region"
    filler: frozenset[str]  # the name's words, lower-case
    surface: str
    past: bool | None  # "was the largest" / "is the largest"; None in apposition (either)


def _role(superlative: str, rest: str) -> str:
    """The role phrase, normalised, or '' when it is no role ("the first time")."""
    words = []
    for w in rest.split()[:ROLE_WORDS]:
        low = w.lower()
        if low in ROLE_END or not re.fullmatch(r"[a-z][a-z'’-]*", w):
            break
        words.append(low[:-1] if low.endswith("s") and not low.endswith("ss") and len(low) > 3 else low)
    if not words or words[0] in NOT_A_ROLE:
        return ""
    return " ".join([superlative.lower(), *words])


def _filler(name: str) -> frozenset[str]:
    """A name's words without an opening word that is no name ("The", "But")."""
    words = name.split()
    while words and words[0] in _OPENING:
        words = words[1:]
    return frozenset(w.lower().removesuffix("'s").removesuffix("’s").rstrip(".") for w in words)


def sentence_roles(text: str) -> list[Role]:
    """The unique roles a sentence gives to named parties."""
    out = []
    for pattern in _FILLED_RE:
        for m in pattern.finditer(text):
            role, filler = _role(m.group(3), m.group(4)), _filler(m.group(1))
            if role and filler:
                out.append(Role(role, filler, m.group(0), _tense(m.group(2))))
    for m in _ROLE_FIRST_RE.finditer(text):
        role, filler = _role(m.group(1), m.group(2)), _filler(m.group(4))
        if role and filler:
            out.append(Role(role, filler, m.group(0), _tense(m.group(3))))
    return out


def _tense(copula: str) -> bool | None:
    """Whether a copula is past ("was", "became"), present ("is"), or absent (None: apposition)."""
    if not copula:
        return None
    return " ".join(copula.split()) in _PAST


def other_filler(x: Role, y: Role) -> bool:
    """Whether two roles are one role given to two parties (neither name within the other), of one time.

    "Qatar was the largest supplier" / "Norway is the largest supplier" may both be true.
    """
    same_time = x.past is None or y.past is None or x.past == y.past
    return same_time and x.role == y.role and not (x.filler <= y.filler or y.filler <= x.filler)
