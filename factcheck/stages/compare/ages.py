"""People's ages as claims of the comparison: "O'Bryan Spikes, 27" and "27-year-old O'Bryan Spikes" (#14).

The claim extractor masks ages as identifiers (a "64-year-old" is not a count of 64 years), so
the comparison derives them itself, from the sentence text: an age is a slot of the person it
belongs to. Two ages are one slot when they name the same person (first and last name, or the
last name alone); an age given without a name ("a 24-year-old man") is compared only when the
values are equal, never set against another age (two unnamed victims are two people).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.records import Claim, QuantityValue, Sentence
from factcheck.stages.compare.lexicon import AGE_EVENT, AGE_UNIT, MONTHS

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’-]*\.?|(?:de|van|von|del|da|di|la|le)\b))*\s+[A-Z][\w'’-]+"
# "Mike Franck, 34, of Tallahassee", "Heaven Mayo, 24; Justin King, 24", "Randall R. Coffland, 48 years old",
# and in tokenised text "Robert Pitman , 24 , from the town" (#14)
NAME_THEN_AGE_RE = re.compile(
    rf"(?P<name>{_NAME})\s?,\s+(?P<age>\d{{1,3}})(?:\s+years?\s+old)?(?=\s*[,;.)–—]|\s+-\s|\s*$|\s+(?:and|was|were|is|has|had|died|who)\b)"
)
# "27-year-old Obryan Spikes", "32 - year - old Englishman Robert Buckley", "a 24-year-old man"
AGE_THEN_NAME_RE = re.compile(
    rf"\b(?P<age>\d{{1,3}})\s?-\s?years?\s?-\s?old(?:\s+(?P<noun>[a-z]+))?(?:\s+(?P<name>{_NAME}))?"
)
MAX_AGE = 120


def person_key(name: str) -> str:
    """A person's name for comparison: lower case, no apostrophes or initials ("O.J. R. Spikes" -> "oj spikes")."""
    words = [re.sub(r"['’.-]", "", w).lower() for w in name.split()]
    words = [w for w in words if len(w) > 1]
    return " ".join(words)


def same_person(x: str, y: str) -> bool:
    """Two person keys of one person: the same last name, and the same first name when both give one."""
    xs, ys = x.split(), y.split()
    if not xs or not ys or xs[-1] != ys[-1]:
        return False
    return len(xs) == 1 or len(ys) == 1 or xs[0] == ys[0]


def age_claims(sentences: Sequence[Sentence], claims: Sequence[Claim]) -> list[Claim]:
    """The ages of people named or described in the sentences, as quantity claims of event `AGE_EVENT`.

    The person's name (a person key) is the claim's `scope`; an age without a name has scope "".
    Spans another claim already holds are left to it, unless it is a bare number (the age's own
    digits, "36 - year - old" in tokenised text): `replaced_by_ages` drops those.
    """
    held: dict[str, list[tuple[int, int]]] = {}
    bare = {(c.start, c.end) for c in claims if c.kind == "quantity" and not c.unit}  # an age read as a number
    for c in claims:
        held.setdefault(c.sentence_id, []).append((c.start, c.end))
    out: list[Claim] = []
    for sent in sentences:
        if not any(ch.isdigit() for ch in sent.text):
            continue
        found: list[tuple[int, int, int, int, str]] = []  # age's position, span start and end, age, name
        for m in NAME_THEN_AGE_RE.finditer(sent.text):
            found.append((m.start("age"), m.start(), m.end("age"), int(m.group("age")), m.group("name")))
        for m in AGE_THEN_NAME_RE.finditer(sent.text):
            name = m.group("name") or ""
            found.append((m.start("age"), m.start(), m.end(0) if name else m.end("age"), int(m.group("age")), name))
        seen: set[int] = set()
        for at, start, end, age, name in sorted(found):
            if at in seen or not 0 < age <= MAX_AGE or _ends_in_month(name):
                continue
            seen.add(at)
            span = (sent.start + start, sent.start + end)
            if any(s <= span[0] < e and (s, e) not in bare for s, e in held.get(sent.id, ())):
                continue
            out.append(
                Claim(
                    id=f"{sent.id}:age:{at}",
                    article_id=sent.article_id,
                    sentence_id=sent.id,
                    kind="quantity",
                    text=sent.text[start:end],
                    start=span[0],
                    end=span[1],
                    value=QuantityValue(float(age), float(age), float(age), True, True, False),
                    unit=AGE_UNIT,
                    qualifier="",
                    event=AGE_EVENT,
                    scope=person_key(name),
                    negated=False,
                    attribution="",
                )
            )
    return out


def described_ages(text: str) -> frozenset[int]:
    """The ages of the people a sentence describes ("a 36-year-old climber", "Buckley, 32"): a count
    or measure of a sentence describing only people of other ages than another's is of other people (#14)."""
    ages = {int(m.group("age")) for m in AGE_THEN_NAME_RE.finditer(text)}
    # "March 18, 2017" is no name and its age
    ages |= {int(m.group("age")) for m in NAME_THEN_AGE_RE.finditer(text) if not _ends_in_month(m.group("name"))}
    return frozenset(a for a in ages if 0 < a <= MAX_AGE)


def replaced_by_ages(claims: Sequence[Claim], ages: Sequence[Claim]) -> list[Claim]:
    """The claims without the bare numbers that are the digits of an age ("36" of "36 - year - old")."""
    digits = {(a.sentence_id, a.start) for a in ages}
    return [c for c in claims if not (c.kind == "quantity" and not c.unit and (c.sentence_id, c.start) in digits)]


def _ends_in_month(name: str) -> bool:
    """Whether a capitalised run read as a name ends in a month ("Robert Pitman" no, "March" yes)."""
    words = person_key(name).split()
    return bool(words) and words[-1] in MONTHS
