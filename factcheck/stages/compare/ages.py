"""People's ages as claims of the comparison: "O'Bryan Spikes, 27" and "27-year-old O'Bryan Spikes" (#14).

The claim extractor masks ages as identifiers (a "64-year-old" is not a count of 64 years), so
the comparison derives them itself, from the sentence text: an age is a slot of the person it
belongs to. Two ages are one slot when they name the same person (first and last name, or the
last name alone); an age given without a name ("a 24-year-old man") is compared only when the
values are equal, never set against another age (two unnamed victims are two people), unless
`linked_ages` finds them one person by elimination.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from factcheck.records import Claim, QuantityValue, Sentence
from factcheck.stages.compare.lexicon import (
    AGE_AGENT_BEFORE_RE,
    AGE_EVENT,
    AGE_NOUN_RE,
    AGE_SUSPECT_RE,
    AGE_UNIT,
    AGE_VICTIM_RE,
    MONTHS,
    PERSON_NOUNS,
)
from factcheck.stages.frames import spelt_alike

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’-]*\.?|(?:de|van|von|del|da|di|la|le)\b))*\s+[A-Z][\w'’-]+"
# "Mike Franck, 34, of Tallahassee", "Heaven Mayo, 24; Justin King, 24", "Randall R. Coffland, 48 years old",
# and in tokenised text "Robert Pitman , 24 , from the town" (#14)
NAME_THEN_AGE_RE = re.compile(
    rf"(?P<name>{_NAME})\s?,\s+(?P<age>\d{{1,3}})(?![,.]\d|\s,\s\d{{3}}\b)(?:\s+years?\s+old)?(?=\s*[,;.)–—]|\s+-\s|\s*$|\s+(?:and|was|were|is|has|had|died|who)\b)"
)
# "27-year-old Obryan Spikes", "32 - year - old Englishman Robert Buckley", "a 24-year-old man"
AGE_THEN_NAME_RE = re.compile(
    rf"\b(?P<age>\d{{1,3}})\s?-\s?years?\s?-\s?old(?:\s+(?P<noun>[a-z]+))?(?:\s+(?P<name>{_NAME}))?"
)
# "Grant, 61, was convicted": a surname alone, its age set off by commas, counts only where the
# article names that person in full ("Paul Grant"), so "Boston, 12, New York, 8" is no age.
SURNAME_THEN_AGE_RE = re.compile(r"(?<![\w'’-] )(?<![A-Za-z])(?P<name>[A-Z][a-z'’-]{2,}),\s+(?P<age>\d{1,3}),\s")
_FULL_NAME_RE = re.compile(_NAME)
MAX_AGE = 120


def person_key(name: str) -> str:
    """A person's name for comparison: lower case, no apostrophes or initials ("O.J. R. Spikes" -> "oj spikes")."""
    words = [re.sub(r"['’.-]", "", w).lower() for w in name.split()]
    words = [w for w in words if len(w) > 1]
    return " ".join(words)


def same_person(x: str, y: str) -> bool:
    """Two person keys of one person: the same last name, and the same first name when both give one;
    or the same first name with the last name spelt two ways ("robin lily" / "robin lilly")."""
    xs, ys = x.split(), y.split()
    if not xs or not ys:
        return False
    if xs[-1] == ys[-1]:
        return len(xs) == 1 or len(ys) == 1 or xs[0] == ys[0]
    return len(xs) > 1 and len(ys) > 1 and xs[0] == ys[0] and spelt_alike(xs[-1], ys[-1])


def age_claims(sentences: Sequence[Sentence], claims: Sequence[Claim]) -> list[Claim]:
    """The ages of people named or described in the sentences, as quantity claims of event `AGE_EVENT`.

    The person's name (a person key) is the claim's `scope`; an age without a name has scope "".
    Spans another claim already holds are left to it, unless it is a bare number (the age's own
    digits, "36 - year - old" in tokenised text: `replaced_by_ages` drops those) or a count of the
    aged people ("a 48-year-old woman has died": one woman killed, and her age).
    """
    held: dict[str, list[tuple[int, int]]] = {}
    bare = {(c.start, c.end) for c in claims if c.kind == "quantity" and not c.unit}  # an age read as a number
    bare |= {(c.start, c.end) for c in claims if c.kind == "quantity" and AGE_THEN_NAME_RE.search(c.text)}
    for c in claims:
        held.setdefault(c.sentence_id, []).append((c.start, c.end))
    surnames = _Surnames(sentences)
    out: list[Claim] = []
    for sent in sentences:
        if not any(ch.isdigit() for ch in sent.text):
            continue
        found: list[tuple[int, int, int, int, str]] = []  # age's position, span start and end, age, name
        named = [*NAME_THEN_AGE_RE.finditer(sent.text)]
        named += [m for m in SURNAME_THEN_AGE_RE.finditer(sent.text) if m.group("name") in surnames.of(sent.article_id)]
        for m in named:
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


class _Surnames:
    """The last names of the people each article names in full, read for an article when first asked."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self._texts: dict[str, list[str]] = {}
        for sent in sentences:
            self._texts.setdefault(sent.article_id, []).append(sent.text)
        self._known: dict[str, frozenset[str]] = {}

    def of(self, article_id: str) -> frozenset[str]:
        if article_id not in self._known:
            texts = self._texts.get(article_id, [])
            self._known[article_id] = frozenset(
                m.group(0).split()[-1] for t in texts for m in _FULL_NAME_RE.finditer(t)
            )
        return self._known[article_id]


def age_noun(claim: Claim, sent: Sentence) -> str:
    """The person noun of an unnamed age ("a 22-year-old man" -> "man"), else ''."""
    end = claim.end - sent.start
    m = AGE_NOUN_RE.match(sent.text[end:]) if 0 <= end <= len(sent.text) else None
    return m.group(1).lower() if m and m.group(1).lower() in PERSON_NOUNS else ""


def _role(claim: Claim, sent: Sentence, next_at: int) -> str:
    """'victim', 'suspect' or '' for the person of an age, from the words after it (up to the next age)
    and the two before it ("shot by his 14-year-old friend"): whichever is said first."""
    at, end = claim.start - sent.start, claim.end - sent.start
    if AGE_AGENT_BEFORE_RE.search(sent.text[max(0, at - 20) : at]):
        return "suspect"
    after = sent.text[end : min(next_at, end + AGE_ROLE_CHARS)]
    victim, suspect = AGE_VICTIM_RE.search(after), AGE_SUSPECT_RE.search(after)
    if victim is None or suspect is None:
        return "victim" if victim else "suspect" if suspect else ""
    return "victim" if victim.start() < suspect.start() else "suspect"


AGE_ROLE_CHARS = 80
"""How far after an age its person's role is read."""


@dataclass(frozen=True, slots=True)
class _Aged:
    """What one article says of the people of one age: their names, nouns and roles."""

    claims: tuple[Claim, ...]
    names: frozenset[str]
    roles: frozenset[str]


def _aged_people(ages: Sequence[Claim], sentences: Mapping[str, Sentence]) -> dict[str, dict[int, _Aged]]:
    """Per article, per age: the people of that age it describes."""
    grouped: dict[str, dict[int, list[Claim]]] = {}
    for claim in ages:
        if isinstance(claim.value, QuantityValue) and claim.value.point is not None:
            grouped.setdefault(claim.article_id, {}).setdefault(int(claim.value.point), []).append(claim)
    out: dict[str, dict[int, _Aged]] = {}
    for article, by_age in grouped.items():
        out[article] = {}
        for age, claims in by_age.items():
            roles = set()
            for claim in claims:
                sent = sentences[claim.sentence_id]
                later = [c.start - sent.start for c in ages if c.sentence_id == sent.id and c.start > claim.start]
                roles.add(_role(claim, sent, min(later, default=len(sent.text))))
            out[article][age] = _Aged(
                claims=tuple(claims),
                names=frozenset(c.scope for c in claims if c.scope),
                roles=frozenset(roles - {""}),
            )
    return out


def _one_person(x: _Aged, y: _Aged) -> bool:
    """Whether nothing said of two aged people makes them two: their names or roles."""
    if len(x.names) > 1 or len(y.names) > 1 or bool(x.names) == bool(y.names):
        return False  # named on both sides, `same_person` decides; on neither, two unnamed victims are two people
    return len(x.roles) <= 1 and len(y.roles) <= 1 and not (x.roles and y.roles and x.roles != y.roles)


def linked_ages(ages: Sequence[Claim], sentences: Mapping[str, Sentence]) -> list[Claim]:
    """The ages, with an unnamed age given the person it must be by elimination (#14).

    Two outlets' people of one story, matched age for age, leave at most a few ages unmatched. An age
    one outlet gives and the other does not, a year from the only such age of the other outlet (and
    the other way round), with no age a year off in either article, named on one side only, and
    nothing that tells the two apart (the one shot and the one who shot), is one person told
    two ages: "a 64-year-old man who was stabilized" / "David Scott, 65". The unnamed side then gets
    the name, so both are one slot. Elimination needs grounds that the two articles tell of the same
    people: another age both give, or the name written (without the age) in the unnamed side's
    article ("a 48-year-old woman has died. Robin Lilly was putting the guns away").
    """
    people = _aged_people(ages, sentences)
    texts: dict[str, list[str]] = {}
    for sent in sentences.values():
        texts.setdefault(sent.article_id, []).append(sent.text)
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    for art_x, art_y in combinations(sorted(people), 2):
        ages_x, ages_y = set(people[art_x]), set(people[art_y])
        only_x, only_y = ages_x - ages_y, ages_y - ages_x
        for age in only_x:
            near = [other for other in only_y if abs(other - age) == 1]
            if len(near) != 1 or [a for a in only_x if abs(a - near[0]) == 1] != [age]:
                continue
            if {age - 1, age + 1} & (ages_x - {age}) or {near[0] - 1, near[0] + 1} & (ages_y - {near[0]}):
                continue  # "a 14-year-old shot a 15-year-old": a year apart in one article is two people
            one, other = people[art_x][age], people[art_y][near[0]]
            unnamed_side = texts[art_y] if one.names else texts[art_x]
            grounds = ages_x & ages_y or _names_in(one.names | other.names, unnamed_side)
            if grounds and _one_person(one, other):
                parent[root((art_x, age))] = root((art_y, near[0]))
    components: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for node in {*parent, *parent.values()}:
        components.setdefault(root(node), []).append(node)
    renamed: dict[str, str] = {}
    for nodes in components.values():
        names = {n for art, age in nodes for n in people[art][age].names}
        if len(names) > 1 and not all(same_person(x, y) for x, y in combinations(sorted(names), 2)):
            continue
        if not names:
            continue
        key = min(names, key=len)
        for art, age in nodes:
            for claim in people[art][age].claims:
                if not claim.scope:
                    renamed[claim.id] = key
    return [replace(c, scope=renamed[c.id]) if c.id in renamed else c for c in ages]


def _names_in(names: frozenset[str], texts: Sequence[str]) -> bool:
    """Whether one of the person keys is written in the texts (the last name spelt alike)."""
    for name in names:
        first, last = name.split()[0], name.split()[-1]
        pattern = rf"\b{re.escape(first)}\s+(\w+)" if first != last else rf"\b({re.escape(last)})\b"
        written = [m.group(1) for t in texts for m in re.finditer(pattern, person_key(t))]
        if any(w == last or spelt_alike(w, last) for w in written):
            return True
    return False


def by_elimination(claim: Claim) -> bool:
    """Whether an age's person was found by `linked_ages` (its text does not name them)."""
    words = claim.scope.split()
    return bool(words) and words[-1] not in person_key(claim.text)


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
