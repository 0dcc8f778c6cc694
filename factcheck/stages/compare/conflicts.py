"""Statements that conflict without figures: one predicate, opposite sense (#14).

Two outlets' sentences conflict when they are aligned (at least `min_statement_conflict_similarity`
similar, a named party in common that is not a sentence's first word, and a content word in
common besides the predicate) and one says the opposite of the other about the same head word:

- a denial: "it does not name Trump as a defendant" / "naming ... defendants that includes Mr. Trump";
- modifiers of opposite sense: "well equipped" / "'insufficiently' equipped";
- places of opposite sense: "in a Pontiac home" / "outside a Pontiac home".

Precision first: such a pair is a contradiction only between outlets shown to report one event
(they agree on a specific value or carry one quotation, see `compare_facts`); otherwise it is a
difference with how "question", for the reviewer. A denial of a state that may change ("have not
made any arrests", "not yet identified") between articles of different days is an update.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from factcheck.lexicon.calendar import MONTH_NAMES, WEEKDAYS
from factcheck.lexicon.statements import (
    ASPECT_DONE,
    ASPECT_NOT_YET,
    MODAL_NEGATIVE,
    MODAL_POSITIVE,
    MODAL_SKIP,
    QUESTION_END_RE,
    UNASSERTED_BEFORE_RE,
)
from factcheck.records import Article, Finding, Sentence
from factcheck.stages.compare.lexicon import (
    ARGUMENT_REACH,
    CHANGING_STATE_RE,
    MIN_SHARED_ARGUMENTS,
    MODIFIED_HEAD_RE,
    NEGATION_REACH,
    NEGATION_SKIP,
    NEGATORS_RE,
    NOT_A_DENIAL_RE,
    OPPOSITE_MODIFIERS,
    PLACE_HEAD_RE,
    STATEMENT_STOP,
)
from factcheck.stages.compare.partitions import Part, Partition, partitions, sentence_parts, whole_against
from factcheck.stages.compare.roles import Role, other_filler, sentence_roles
from factcheck.stages.compare.statements import CONTENT_MIN, ENDINGS, clip, inner_names
from factcheck.verdicts import Verdict

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Titles before a name: "Mr. Trump" is "Trump".
TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "inspector", "police"}
# Candidates a marked sentence is checked against (the most similar first): bounded work.
MAX_CANDIDATES = 50
CONFLICT_CONFIDENCE = 0.65
PLACE_KIND = "place"
QUESTION_CONFIDENCE = 0.4
# Modality and aspect (#14): the marker, then the predicate's verb; side 0 will / has done, side 1
# is unlikely to / has yet to. The named subject is read in the words before the marker.
MODAL_KIND, ASPECT_KIND = "modal", "aspect"
_SENSES = (
    (MODAL_KIND, 0, re.compile(rf"\b(?:{MODAL_POSITIVE})\s+(?:(?:{'|'.join(MODAL_SKIP)})\s+)?([a-z]+)\b")),
    (MODAL_KIND, 1, re.compile(rf"\b(?:{MODAL_NEGATIVE})\s+(?:(?:{'|'.join(MODAL_SKIP)})\s+)?([a-z]+)\b")),
    (ASPECT_KIND, 0, re.compile(rf"\b{ASPECT_DONE}([a-z]+)\b")),
    (ASPECT_KIND, 1, re.compile(rf"\b(?:{ASPECT_NOT_YET})\s+([a-z]+)\b")),
)
SUBJECT_REACH = 6
NOT_A_SUBJECT = frozenset({"the", "a", "an", *WEEKDAYS, *MONTH_NAMES})
"""Capitalised words that name no subject: an opening article, a day, a month."""
"""How many words before a modal or aspect marker its named subject may stand."""


@dataclass(frozen=True, slots=True)
class Mark:
    """A head word of a sentence said in one sense: denied, or with a modifier of one side of a pair."""

    head: str  # the head word's root
    kind: str  # "denial", or "modifier:<n>" / "place" with the index of the opposite pair
    side: int  # 1 for a denial; 0 or 1: which set of the opposite pair the modifier is from
    surface: str  # the words, as written ("not name", "well equipped")
    changing: bool = False  # a denial of a state that may change ("have not yet")
    arguments: frozenset[str] = frozenset()  # what a denied predicate is said of (names and roots after it)
    parties: frozenset[str] = frozenset()  # the names among them


def root(word: str) -> str:
    """A word's root for matching predicates across inflections ("naming" / "name" / "named" -> "nam")."""
    w = word.lower()
    for ending in ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            w = w[: -len(ending)]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w  # uncut: "investigated" is not "investigation" (a noun does not state the act)


def _roots(text: str) -> set[str]:
    """Roots of the lower-case content words of a sentence."""
    return {
        root(m.group(0))
        for m in _WORD_RE.finditer(text)
        if not m.group(0)[0].isupper() and len(m.group(0)) >= CONTENT_MIN and m.group(0).lower() not in STATEMENT_STOP
    }


def _arguments(text: str, start: int, *, names_only: bool = False) -> frozenset[str]:
    """What a predicate is said of: the names and content-word roots of the words after it.

    A name counts as itself only when it stands alone: "Trump's son", "Trump campaign aides" and
    "Donald Trump Jr." are not "Trump" (a possessor, a modifier, a longer name).
    """
    words = list(_WORD_RE.finditer(text, start))[:ARGUMENT_REACH]
    out = set()
    k = 0
    while k < len(words):
        word = words[k].group(0)
        if word[0].isupper():
            name = []
            while k < len(words) and words[k].group(0)[0].isupper():
                part = words[k].group(0)
                if part.lower().rstrip(".") not in TITLES:
                    name.append(part)
                k += 1
            following = words[k].group(0) if k < len(words) else ""
            gap = text[words[k - 1].end() : words[k].start()] if k < len(words) else ""
            possessive = name and name[-1].lower().endswith(("'s", "’s"))
            modifier = (
                following.islower() and len(following) > 3 and following not in STATEMENT_STOP and not gap.strip()
            )
            if name and not possessive and not modifier:
                out.add(" ".join(name).lower())
            continue
        if not names_only and word.lower() not in STATEMENT_STOP and len(word) >= CONTENT_MIN - 1:
            out.add(root(word))
        k += 1
    return frozenset(out)


def sentence_marks(text: str) -> list[Mark]:
    """The head words a sentence denies or qualifies with a modifier of an opposite pair."""
    marks: list[Mark] = []
    if QUESTION_END_RE.search(text):
        return marks  # a question asserts nothing ("Does the suit not name Trump?")
    excluded = [(m.start(), m.end()) for m in NOT_A_DENIAL_RE.finditer(text)]
    for m in NEGATORS_RE.finditer(text):
        if any(a <= m.start() < b for a, b in excluded):
            continue
        for w in list(_WORD_RE.finditer(text, m.end()))[: NEGATION_REACH + 1]:
            word = w.group(0).lower()
            if word in NEGATION_SKIP:
                continue
            if w.group(0)[0].isupper() or len(word) < CONTENT_MIN or word in STATEMENT_STOP:
                break  # a name, a determiner ("not a target"), a function word: no predicate denied
            clause = text[max(0, m.start() - 30) : w.end()]
            changing = bool(CHANGING_STATE_RE.search(clause))
            args, parties = _arguments(text, w.end()), _arguments(text, w.end(), names_only=True)
            marks.append(Mark(root(word), "denial", 1, text[m.start() : w.end()], changing, args, parties))
            break
    marks.extend(_sense_marks(text))
    for pattern, place in ((MODIFIED_HEAD_RE, False), (PLACE_HEAD_RE, True)):
        for m in pattern.finditer(text):
            modifier, head = m.group(1).lower(), m.group(2)
            if head.lower() in STATEMENT_STOP or len(head) < CONTENT_MIN:
                continue
            for n, (left, right) in enumerate(OPPOSITE_MODIFIERS):
                is_place = "outside" in right
                if is_place != place:
                    continue
                side = 0 if modifier in left else 1 if modifier in right else -1
                if side >= 0:
                    marks.append(Mark(root(head), PLACE_KIND if place else f"modifier:{n}", side, m.group(0)))
    return marks


def _subject(text: str, end: int) -> frozenset[str]:
    """The named subject before `end`: the last run of capitalised words among the `SUBJECT_REACH`
    words before it, after its last title ("South Korean President Moon Jae-in will": moon jae-in;
    "North Korean leader Kim Jong Un will": kim jong un). A demonym or a title alone names no one.
    """
    words = list(_WORD_RE.finditer(text, 0, end))[-SUBJECT_REACH:]
    run: list[str] = []
    for k, w in enumerate(words):
        word = w.group(0)
        joined = k > 0 and not text[words[k - 1].end() : w.start()].strip(" .")
        if not word[0].isupper():
            run = []
            continue
        if not joined:
            run = []
        low = word.lower().removesuffix("'s").removesuffix("’s")
        if low.rstrip(".") in TITLES or low in STATEMENT_STOP or low in NOT_A_SUBJECT:
            run = []  # a title or a capitalised opening ("The Senate"): the name starts after it
            continue
        run.append(low)
    return frozenset(run)


def _sense_marks(text: str) -> list[Mark]:
    """Modality and aspect marks: what a named subject will do or is unlikely to, has done or has yet to do."""
    out = []
    for kind, side, pattern in _SENSES:
        for m in pattern.finditer(text):
            verb = m.group(1)
            if len(verb) < CONTENT_MIN or verb in STATEMENT_STOP or verb in ("not", "never"):
                continue  # "will be", "will have"; "will not" is a denial
            if UNASSERTED_BEFORE_RE.search(text[max(0, m.start() - 60) : m.start()]):
                continue  # "if Kim will attend", "it is unclear whether"
            parties = _subject(text, m.start())
            if parties:
                args = _arguments(text, m.end())
                marks_surface = text[m.start() : m.end()]
                out.append(Mark(root(verb), kind, side, marks_surface, True, args, parties))
    return out


# How far after the head word a negation still belongs to its complement (a moved denial).
MOVED_NEGATION_REACH = 40


def _opposed(x: Sentence, y: Sentence, mx: Mark, marks_y: Sequence[Mark]) -> Mark | None:
    """The mark of y that says the opposite of x's mark about the same head, or None.

    A denial is opposed by a sentence that uses the head word without denying it; a modifier by
    the other side of its pair. A sentence that says both sides of it ("two inside, two outside")
    opposes nothing.
    """
    same_head = [m for m in marks_y if m.head == mx.head and m.kind == mx.kind]
    if mx.kind == "denial":
        if same_head:
            return None
        for w in _WORD_RE.finditer(y.text):
            if w.group(0)[0].isupper() or root(w.group(0)) != mx.head:
                continue
            before = y.text[max(0, w.start() - 40) : w.start()]
            if NEGATORS_RE.search(before):
                return None  # y denies it too, in words the rule does not read as a denial
            if NEGATORS_RE.search(y.text[w.end() : w.end() + MOVED_NEGATION_REACH]):
                return None  # the denial moved into the complement: "I don't feel we were" / "I feel we weren't"
            if QUESTION_END_RE.search(y.text) or UNASSERTED_BEFORE_RE.search(
                y.text[max(0, w.start() - 60) : w.start()]
            ):
                continue  # asked, hedged or planned, not stated: "whether the suit names Trump"
            shared = mx.arguments & _arguments(y.text, w.end())
            if mx.parties and not shared & mx.parties:
                continue  # the party denied ("does not name Trump") must be the party stated
            if len(shared) >= MIN_SHARED_ARGUMENTS:
                parties = shared & mx.parties
                return Mark(mx.head, "denial", 0, y.text[w.start() : w.end()], arguments=shared, parties=parties)
        return None
    if mx.kind in (MODAL_KIND, ASPECT_KIND):
        # the same named subject: one name within the other ("Kim" / "Kim Jong Un"), not a shared
        # surname ("Ana Ruiz" / "Leo Ruiz")
        same_head = [m for m in same_head if m.parties <= mx.parties or mx.parties <= m.parties]
    sides = {m.side for m in same_head}
    if sides == {1 - mx.side}:
        return next(m for m in same_head if m.side != mx.side)
    return None


def _elliptic(sentence: Sentence, mark: Mark) -> bool:
    """Whether a modal or aspect mark's verb ends its clause, its object left to the context
    ("Macron is unlikely to attend, according to officials")."""
    at = sentence.text.find(mark.surface)
    return at >= 0 and bool(_CLAUSE_END_RE.match(sentence.text, at + len(mark.surface)))


_CLAUSE_END_RE = re.compile(r"\s*(?:[,.;:!?]|$)")


def _party_in_role(mx: Mark, my: Mark) -> bool:
    """Whether a denial and its opposite say the predicate of one named party in one role.

    "does not name Trump as a defendant" / "naming defendants that includes Mr. Trump": the denied
    party (a name) and a role or object (a lower-case word) both stand after the predicate in each
    sentence. With this, two reports of one day need no other link to contradict (#14); a shared
    name alone ("does not name Trump" / "named Trump's lawyer") is not enough.
    """
    return mx.kind == "denial" and bool(my.parties) and bool(my.arguments - my.parties - mx.parties)


def statement_conflicts(
    sentences: Sequence[Sentence],
    emb: np.ndarray,
    articles: Mapping[str, Article],
    linked: set[frozenset[str]],
    *,
    min_similarity: float,
    min_place_similarity: float,
) -> list[Finding]:
    """Findings between aligned sentences of two outlets that say the opposite of each other (see the module)."""
    if not emb.size:
        return []
    marks = {i: sentence_marks(s.text) for i, s in enumerate(sentences)}
    marked = [i for i, ms in marks.items() if ms]
    by_root: dict[str, list[int]] = {}
    needed = {m.head for i in marked for m in marks[i] if m.kind == "denial"}
    if needed:
        for i, s in enumerate(sentences):
            for r in _roots(s.text) & needed:
                by_root.setdefault(r, []).append(i)
    by_mark: dict[tuple[str, str], list[int]] = {}
    for i in marked:
        for m in marks[i]:
            if m.kind != "denial":
                by_mark.setdefault((m.head, m.kind), []).append(i)
    seen: set[tuple[str, ...]] = set()
    out = []
    for i in marked:
        x = sentences[i]
        names_x = inner_names(x.text)
        if not names_x:
            continue
        for mx in marks[i]:
            if mx.kind != "denial" and {m.side for m in marks[i] if (m.head, m.kind) == (mx.head, mx.kind)} != {
                mx.side
            }:
                continue  # a sentence that says both sides ("two inside, two outside") opposes nothing
            pool = by_root.get(mx.head, []) if mx.kind == "denial" else by_mark.get((mx.head, mx.kind), [])
            pool = [j for j in pool if sentences[j].article_id != x.article_id]
            if not pool:
                continue
            sims = emb[pool] @ emb[i]
            order = np.argsort(-sims, kind="stable")[:MAX_CANDIDATES]
            for k in order:
                j, similarity = pool[int(k)], float(sims[int(k)])
                if similarity < min_similarity:
                    break
                if mx.kind == PLACE_KIND and similarity < min_place_similarity:
                    break  # "shots inside the club" / "police outside the club": a paraphrase or nothing
                y = sentences[j]
                key = (*sorted((f"{x.article_id}\x00{x.text}", f"{y.article_id}\x00{y.text}")), mx.head)
                if key in seen:
                    continue
                names = names_x & inner_names(y.text)
                if not names:
                    continue
                others = (_roots(x.text) & _roots(y.text)) - {mx.head}
                my = _opposed(x, y, mx, marks[j])
                if my is None:
                    continue
                if not others and not (mx.kind in (MODAL_KIND, ASPECT_KIND) and (_elliptic(x, mx) or _elliptic(y, my))):
                    continue  # one predicate, nothing else in common; unless one side leaves its object unsaid
                seen.add(key)
                out.append(_conflict(x, y, mx, my, similarity, names, articles, linked))
    out += partition_conflicts(sentences, emb, articles, linked, min_similarity=min_similarity)
    return out + role_conflicts(sentences, emb, articles, linked, min_similarity=min_similarity)


def role_conflicts(
    sentences: Sequence[Sentence],
    emb: np.ndarray,
    articles: Mapping[str, Article],
    linked: set[frozenset[str]],
    *,
    min_similarity: float,
) -> list[Finding]:
    """Findings between outlets that give one unique role to different named parties (see `roles`)."""
    by_role: dict[str, list[tuple[int, Role]]] = {}
    for i, s in enumerate(sentences):
        if QUESTION_END_RE.search(s.text):
            continue
        for r in sentence_roles(s.text):
            by_role.setdefault(r.role, []).append((i, r))
    out = []
    seen: set[tuple[str, str]] = set()
    for filled in by_role.values():
        for k, (i, rx) in enumerate(filled):
            for j, ry in filled[k + 1 :]:
                x, y = sentences[i], sentences[j]
                if x.article_id == y.article_id or not other_filler(rx, ry) or (x.id, y.id) in seen:
                    continue
                similarity = float(emb[i] @ emb[j]) if emb.size else 0.0
                if similarity < min_similarity:
                    continue
                seen.add((x.id, y.id))
                out.append(_role_finding(x, y, rx, ry, similarity, articles, linked))
    return out


def _role_finding(
    x: Sentence,
    y: Sentence,
    rx: Role,
    ry: Role,
    similarity: float,
    articles: Mapping[str, Article],
    linked: set[frozenset[str]],
) -> Finding:
    """One finding between two fillers of one unique role: a contradiction between linked outlets, else a question."""
    ax, ay = articles[x.article_id], articles[y.article_id]
    pair = frozenset((x.article_id, y.article_id))
    what = (
        f"one role, two parties (“the {rx.role}”): {ax.outlet or ax.id}: “{clip(rx.surface, 80)}” vs "
        f"{ay.outlet or ay.id}: “{clip(ry.surface, 80)}” (similarity {similarity:.2f})"
    )
    verdict, how, confidence, why = _one_event_or_question(pair, linked)
    return _statement_finding("role", pair, (x.id, y.id), verdict, how, f"{what}; {why}", confidence)


def partition_conflicts(
    sentences: Sequence[Sentence],
    emb: np.ndarray,
    articles: Mapping[str, Article],
    linked: set[frozenset[str]],
    *,
    min_similarity: float,
) -> list[Finding]:
    """Findings between a whole ("all four in the lot") and another outlet's partition of it (see `partitions`)."""
    parts = [sentence_parts(s.text) for s in sentences]
    split = partitions(sentences, parts)
    if not split or not emb.size:
        return []
    in_partition = {j for p in split for j in p.sentences}
    texts = [s.text for s in sentences]
    wholes = [i for i, ps in enumerate(parts) if len(ps) == 1 and i not in in_partition]
    out = []
    for partition in split:
        owner = sentences[partition.sentences[0]].article_id
        for i in wholes:
            whole = sentences[i]
            if whole.article_id == owner:
                continue
            part = whole_against(parts[i][0], whole.text, partition, texts)
            if part is None:
                continue
            similarity = max(float(emb[i] @ emb[j]) for j in partition.sentences)
            if similarity < min_similarity:
                continue
            out.append(
                _partition_finding(
                    whole,
                    parts[i][0],
                    [sentences[j] for j in partition.sentences],
                    partition,
                    part,
                    similarity,
                    articles,
                    linked,
                )
            )
    return out


def _partition_finding(
    whole: Sentence,
    whole_part: Part,
    split: Sequence[Sentence],
    partition: Partition,
    part: Part,
    similarity: float,
    articles: Mapping[str, Article],
    linked: set[frozenset[str]],
) -> Finding:
    """One finding between a whole and a partition: a contradiction between outlets of one event, else a question."""
    aw, ap = articles[whole.article_id], articles[split[0].article_id]
    pair = frozenset((whole.article_id, split[0].article_id))
    others = "; ".join(p.surface for p in partition.parts if p is not part)
    what = (
        f"all {whole_part.count} at one place or outcome vs a split ({whole_part.place}): "
        f"{aw.outlet or aw.id}: “{clip(whole_part.surface, 80)}” vs {ap.outlet or ap.id}: only "
        f"{part.count} of {partition.total} (“{clip(part.surface, 80)}”; “{clip(others, 80)}”) "
        f"(similarity {similarity:.2f})"
    )
    verdict, how, confidence, why = _one_event_or_question(pair, linked)
    ids = (whole.id, *(s.id for s in split))
    return _statement_finding("partition", pair, ids, verdict, how, f"{what}; {why}", confidence)


def _conflict(
    x: Sentence,
    y: Sentence,
    mx: Mark,
    my: Mark,
    similarity: float,
    names: frozenset[str],
    articles: Mapping[str, Article],
    linked: set[frozenset[str]],
) -> Finding:
    """One finding between two sentences of opposite sense: a contradiction, an update or a question."""
    ax, ay = articles[x.article_id], articles[y.article_id]
    pair = frozenset((x.article_id, y.article_id))
    sense = {
        "denial": "one denies",
        PLACE_KIND: "places of opposite sense",
        MODAL_KIND: "will / unlikely to",
        ASPECT_KIND: "done / not yet",
    }.get(mx.kind, "modifiers of opposite sense")
    what = (
        f"the same statement, opposite sense ({sense}: “{mx.surface}” / “{my.surface}”; named: {', '.join(sorted(names)[:3])}): "
        f"{ax.outlet or ax.id}: “{mx.surface}” vs {ay.outlet or ay.id}: “{my.surface}” (similarity {similarity:.2f})"
    )
    if mx.changing and ax.published != ay.published:
        verdict, how, confidence = Verdict.DIFFER, "update", QUESTION_CONFIDENCE
        why = "a state that may change between reports of different days"
    elif pair in linked:
        verdict, how, confidence, why = _one_event_or_question(pair, linked)
    elif _party_in_role(mx, my) and ax.published is not None and ax.published == ay.published:
        verdict, how, confidence = Verdict.CONTRADICT, "statement", CONFLICT_CONFIDENCE
        why = (
            f"the same day, one denies and the other states “{mx.surface.split()[-1]}” of "
            f"{', '.join(sorted(my.parties))} with {', '.join(sorted(my.arguments - my.parties))}"
        )
    else:
        verdict, how, confidence, why = _one_event_or_question(pair, linked)
    return _statement_finding(mx.head, pair, (x.id, y.id), verdict, how, f"{what}; {why}", confidence)


def _one_event_or_question(pair: frozenset[str], linked: set[frozenset[str]]) -> tuple[Verdict, str, float, str]:
    """A contradiction between outlets shown to report one event, else a question for the reviewer."""
    if pair in linked:
        why = "both outlets are shown to report one event (they agree on a specific value or quotation)"
        return Verdict.CONTRADICT, "statement", CONFLICT_CONFIDENCE, why
    why = "not shown to be one event: a question for the reviewer, not a contradiction"
    return Verdict.DIFFER, "question", QUESTION_CONFIDENCE, why


def _statement_finding(
    key: str,
    pair: frozenset[str],
    sentence_ids: tuple[str, ...],
    verdict: Verdict,
    how: str,
    explanation: str,
    confidence: float,
) -> Finding:
    """A statement conflict's finding; its id depends on `key` and the sentences only."""
    fid = "C" + hashlib.sha1("\x00".join([key, *sorted(sentence_ids)]).encode()).hexdigest()[:10]
    return Finding(fid, "", verdict, how, tuple(sorted(pair)), (), explanation, confidence, sentence_ids)
