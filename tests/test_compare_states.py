"""States that change in a story: who a person is, whether anyone is arrested (#14): `compare.states`."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from factcheck.records import Article, Sentence
from factcheck.stages.compare.states import arrested, identified_names, identity_denied, no_arrest, state_findings


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("He was identified by family members as Ana Ruiz.", ["Ana Ruiz"]),
        ("A woman shot Monday has been identified by police as 14-year-old Ana B. Ruiz of Leeds.", ["Ana B. Ruiz"]),
        ("Ann Lee and Bo Ray were identified by authorities on Monday.", ["Bo Ray"]),
        ("Police identified the slain man as Tom Bell, 27.", ["Tom Bell"]),
        ("The victim has not been identified.", []),
        ("Police said he was identified as a suspect.", []),  # no name
    ],
)
def test_identified_names(text: str, names: list[str]) -> None:
    assert identified_names(text) == names


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("None of the people shot have been identified.", True),
        ("The victim's name has not been released.", True),
        ("Neither of the victims' identities have been released.", True),
        ("Police are investigating and have not released identities.", True),
        ("The victim was identified as Ana Ruiz.", False),
        ("Police have not released a motive.", False),
    ],
)
def test_identity_denied(text: str, denied: bool) -> None:
    assert identity_denied(text) is denied


def _article(aid: str, day: date) -> Article:
    return Article(aid, aid.upper(), "T", None, day, "record", "", f"{aid}.txt", "")


def test_a_name_agrees_and_an_identity_not_released_differs_as_an_update() -> None:
    texts = [
        ("a", "The victim's name has not been released."),
        ("b", "The victim was identified as Ana Ruiz."),
        ("c", "Police identified the woman as Ana Ruiz, 31."),
    ]
    sents = [Sentence(f"{a}#0", a, 0, 0, len(t), t) for a, t in texts]
    articles = {
        "a": _article("a", date(2017, 3, 1)),
        "b": _article("b", date(2017, 3, 2)),
        "c": _article("c", date(2017, 3, 2)),
    }
    emb = np.ones((3, 1), dtype=np.float32)
    found = state_findings(sents, emb, articles, min_similarity=0.35)
    assert [(f.verdict, f.how, f.articles) for f in found] == [
        ("agree", "state", ("b", "c")),
        ("differ", "update", ("a", "b", "c")),
    ]
    # dissimilar sentences: the name still agrees, nothing differs
    apart = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]], dtype=np.float32)
    assert [f.verdict for f in state_findings(sents, apart, articles, min_similarity=0.35)] == ["agree"]


@pytest.mark.parametrize(
    ("text", "none_yet", "done"),
    [
        ("No arrests have been made.", True, False),
        ("Police do not have any suspects in custody.", True, False),
        ("One male suspect fled on foot and remains at large.", True, False),
        ("Ann Lee, 27, was arrested on Thursday and charged with murder.", False, True),
        ("Police say they've captured a man suspected of running away.", False, True),
        ("A man has been charged with murder after the shooting.", False, True),
        ("Police are looking for the gunman.", False, False),
    ],
)
def test_arrest_states(text: str, none_yet: bool, done: bool) -> None:
    assert (no_arrest(text), arrested(text)) == (none_yet, done)


def test_no_arrest_then_an_arrest_is_an_update_between_linked_outlets() -> None:
    texts = [
        ("a", "No arrests have been made."),
        ("b", "No one was in custody as detectives investigated."),
        ("c", "Ann Lee, 27, was arrested on Thursday and charged with murder."),
    ]
    sents = [Sentence(f"{a}#0", a, 0, 0, len(t), t) for a, t in texts]
    days = {"a": date(2017, 3, 26), "b": date(2017, 3, 26), "c": date(2017, 3, 30)}
    articles = {a: _article(a, d) for a, d in days.items()}
    emb = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]], dtype=np.float32)  # the arrest shares few words
    unlinked = state_findings(sents, emb, articles, min_similarity=0.35)
    assert [(f.verdict, f.articles) for f in unlinked] == [("agree", ("a", "b"))]
    linked = state_findings(sents, emb, articles, {frozenset(("a", "c"))}, min_similarity=0.35)
    assert [(f.verdict, f.how, f.articles) for f in linked] == [
        ("agree", "state", ("a", "b")),
        ("differ", "update", ("a", "c")),
    ]
