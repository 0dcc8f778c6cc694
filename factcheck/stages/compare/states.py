"""States that change in the course of a story: who a person is, and whether anyone is arrested (#14).

Outlets that name the same person as identified agree ("He was identified by family members as
Solomon Bonner." / "the boy, identified as Solomon Bonner, was lying unconscious"); outlets that
say no one is arrested yet agree ("No arrests have been made." / "No one was in custody"). One
that says an identity is not known or not released, or that no one is arrested, and one that
names the person or reports an arrest, differ: an `update` when the second reports later. Never
a contradiction: an identity is released and a suspect caught in the course of a story, and a
stale sentence stays in a later article. Two sentences meet when they are close (see `_Meet`);
a report of the state done and one of it pending also when their
outlets are shown to report one event (`linked`: they agree on a specific value or carry one
quotation) and the first is not published before the second, since "No arrests have been made"
and "Ann Lee was arrested on Thursday" share few words.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence

import numpy as np

from factcheck.records import Article, Finding, Sentence
from factcheck.stages.compare.lexicon import (
    ARRESTED_RE,
    IDENTIFIED_AS_RE,
    IDENTITY_DENIED_RE,
    NAME_IDENTIFIED_RE,
    NO_ARREST_RE,
)
from factcheck.stages.compare.slots import CLOSE_MARGIN
from factcheck.stages.compare.statements import clip
from factcheck.verdicts import Verdict

STATE_CONFIDENCE = 0.7
CHANGED_CONFIDENCE = 0.5


def identified_names(text: str) -> list[str]:
    """The names a sentence gives as identified ("identified as Ann Lee", "Ann Lee was identified")."""
    names = [m.group("name") for m in IDENTIFIED_AS_RE.finditer(text)]
    names += [m.group("name").split(" and ")[-1] for m in NAME_IDENTIFIED_RE.finditer(text)]
    return list(dict.fromkeys(" ".join(n.split()) for n in names))


def identity_denied(text: str) -> bool:
    """Whether a sentence says an identity is not (yet) known or released."""
    return bool(IDENTITY_DENIED_RE.search(text)) and not identified_names(text)


def no_arrest(text: str) -> bool:
    """Whether a sentence says no one is arrested (yet)."""
    return bool(NO_ARREST_RE.search(text))


def arrested(text: str) -> bool:
    """Whether a sentence reports someone arrested, charged or captured (and not that no one is)."""
    return bool(ARRESTED_RE.search(text)) and not no_arrest(text)


def _fid(prefix: str, ids: Sequence[str]) -> str:
    return prefix + hashlib.sha1("\x00".join(sorted(ids)).encode()).hexdigest()[:10]


class _Meet:
    """Whether two sentences meet: close (`CLOSE_MARGIN` over `min_similarity`: "no suspects have
    been taken into custody" and "two gang members were arrested" are as similar in a report of
    another shooting), or (`linked=True`) of outlets shown to report one event, the first (the state
    done) published the same day as the second (pending) or later."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        emb: np.ndarray,
        articles: Mapping[str, Article],
        linked: Collection[frozenset[str]],
        min_similarity: float,
    ) -> None:
        self.sentences, self.emb, self.articles = sentences, emb, articles
        self.linked, self.min_similarity = linked, min_similarity

    def __call__(self, i: int, j: int, *, linked: bool = False) -> bool:
        a, b = self.sentences[i].article_id, self.sentences[j].article_id
        if a == b:
            return False
        if linked and frozenset((a, b)) in self.linked:
            done, pending = self.articles[a].published, self.articles[b].published
            if done is not None and pending is not None and done >= pending:
                return True
        return not self.emb.size or float(self.emb[i] @ self.emb[j]) >= self.min_similarity + CLOSE_MARGIN


def _outlets(arts: Sequence[str], articles: Mapping[str, Article]) -> str:
    return ", ".join(articles[a].outlet or a for a in arts[:4])


def _later(arts: Sequence[str], others: Sequence[str], articles: Mapping[str, Article]) -> bool:
    """Whether every article of `arts` was published after every one of `others`."""
    first = [d for a in arts if (d := articles[a].published) is not None]
    last = [d for o in others if (d := articles[o].published) is not None]
    if len(first) < len(arts) or len(last) < len(others):
        return False
    return min(first) > max(last)


def _agreement(
    prefix: str, members: Sequence[int], sentences: Sequence[Sentence], what: str, articles: Mapping[str, Article]
) -> Finding:
    arts = sorted({sentences[i].article_id for i in members})
    ids = [sentences[i].id for i in members]
    explanation = (
        f"{what}: {len(arts)} outlets agree ({_outlets(arts, articles)}): “{clip(sentences[members[0]].text)}”"
    )
    return Finding(
        _fid(prefix, ids), "", Verdict.AGREE, "state", tuple(arts), (), explanation, STATE_CONFIDENCE, tuple(ids)
    )


def _change(
    prefix: str,
    done: Sequence[int],
    pending: Sequence[int],
    sentences: Sequence[Sentence],
    what: str,
    articles: Mapping[str, Article],
) -> Finding:
    """The difference between outlets reporting a state done (named, arrested) and those reporting it pending."""
    arts = sorted({sentences[i].article_id for i in done})
    others = sorted({sentences[j].article_id for j in pending})
    later = _later(arts, others, articles)
    explanation = (
        f"{what}: {_outlets(arts, articles)} (“{clip(sentences[done[0]].text, 70)}”) vs {_outlets(others, articles)} "
        f"(“{clip(sentences[pending[0]].text, 70)}”)" + ("; the first reports are later: an update" if later else "")
    )
    ids = [*(sentences[i].id for i in done), *(sentences[j].id for j in pending)]
    return Finding(
        _fid(prefix, ids),
        "",
        Verdict.DIFFER,
        "update" if later else "state",
        tuple(sorted({*arts, *others})),
        (),
        explanation,
        CHANGED_CONFIDENCE,
        tuple(ids),
    )


def _agreeing(members: Sequence[int], meet: _Meet) -> list[int]:
    """The members that meet another member of another article."""
    return [i for i in members if any(meet(i, j) for j in members)]


def state_findings(
    sentences: Sequence[Sentence],
    emb: np.ndarray,
    articles: Mapping[str, Article],
    linked: Collection[frozenset[str]] = frozenset(),
    *,
    min_similarity: float,
) -> list[Finding]:
    """Agreements and differences on who a person is and whether anyone is arrested (see the module)."""
    meet = _Meet(sentences, emb, articles, linked, min_similarity)
    named: dict[str, list[int]] = {}
    unnamed, pending, caught = [], [], []
    for i, sent in enumerate(sentences):
        names = identified_names(sent.text)
        for name in names:
            named.setdefault(name.lower(), []).append(i)
        if not names and identity_denied(sent.text):
            unnamed.append(i)
        if no_arrest(sent.text):
            pending.append(i)
        elif arrested(sent.text):
            caught.append(i)
    out = []
    for name, members in sorted(named.items()):
        display = next(n for n in identified_names(sentences[members[0]].text) if n.lower() == name)
        if len({sentences[i].article_id for i in members}) >= 2:
            out.append(_agreement("I", members, sentences, f"identity: the person identified is {display}", articles))
        denied = [j for j in unnamed if any(meet(i, j, linked=True) for i in members)]
        if denied:
            out.append(
                _change(
                    "J", members, denied, sentences, f"identity: {display} named vs not known or not released", articles
                )
            )
    none_yet = _agreeing(pending, meet)
    if len({sentences[i].article_id for i in none_yet}) >= 2:
        out.append(_agreement("K", none_yet, sentences, "arrests: none yet", articles))
    reported = [i for i in caught if any(meet(i, j, linked=True) for j in pending)]
    if reported:
        earlier = [j for j in pending if any(meet(i, j, linked=True) for i in reported)]
        out.append(
            _change("L", reported, earlier, sentences, "arrests: someone arrested or charged vs none yet", articles)
        )
    return out
