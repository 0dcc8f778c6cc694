"""Statements of opposite sense without figures (#14): a denial, opposite modifiers, opposite places."""

from dataclasses import replace

import numpy as np

from factcheck.config import CompareConfig
from factcheck.records import Sentence
from factcheck.stages.compare import compare_facts
from factcheck.stages.compare.conflicts import sentence_marks
from tests.test_compare import A, B, _with_copy


def _pair(x, y):
    return [Sentence("a#0", "a", 0, 0, len(x), x), Sentence("b#0", "b", 0, 0, len(y), y)]


def _run(x, y, *, similarity=0.8, linked=True, b=B):
    sents, groups = _pair(x, y), [[0], [1]]
    other = np.sqrt(1 - similarity**2)
    emb = np.array([[1.0, 0.0, 0.0], [similarity, 0.0, other]], dtype=np.float32)
    if linked:
        sents, groups = _with_copy(sents, groups)
        emb = np.vstack([emb, [[0.0, 1.0, 0.0]] * 2]).astype(np.float32)
    _, findings = compare_facts([A, b], sents, emb, groups, [], CompareConfig(parser=""))
    return [f for _, f in findings if f.how in ("statement", "question", "update")]


DENIED = "According to the Post, the lawsuit does not name Trump as a defendant in the case."
NAMED = "The lawsuit filed on Friday names a long list of defendants that includes Mr. Trump."


def test_a_denial_of_what_another_outlet_states_contradicts_between_outlets_of_one_event():
    found = _run(DENIED, NAMED)
    assert [(f.verdict, f.how) for f in found] == [("contradict", "statement")]
    assert set(found[0].sentence_ids) == {"a#0", "b#0"}


def test_a_denial_between_outlets_not_shown_to_report_one_event_is_a_question():
    found = _run(DENIED, NAMED, linked=False)
    assert [(f.verdict, f.how) for f in found] == [("differ", "question")]


def test_a_name_used_as_a_possessor_or_modifier_is_not_the_party_denied():
    assert not _run(DENIED, "The lawsuit also names Trump's son and his son-in-law as defendants in the case.")
    assert not _run(DENIED, "The lawsuit names several Trump campaign aides as defendants in the case.")


def test_not_just_a_modal_or_a_noun_is_no_denial():
    assert not [m for m in sentence_marks("Kim wants not just nuclear talks with Trump.") if m.kind == "denial"]
    assert not [m for m in sentence_marks("Trump would not want the talks to fail.") if m.kind == "denial"]
    assert not [m for m in sentence_marks("Comey said he was not a target of the inquiry.") if m.kind == "denial"]


def test_opposite_modifiers_of_one_word_contradict():
    x = "Police inspector Dave Gaskin said Mr Buckley was well equipped but was an inexperienced climber."
    y = 'Police said that Mr Buckley\'s group appeared to be "insufficiently" equipped and inexperienced.'
    found = _run(x, y, similarity=0.7)
    assert [(f.verdict, f.how) for f in found] == [("contradict", "statement")]


def test_opposite_places_need_a_paraphrase_and_a_sentence_giving_both_opposes_nothing():
    x = "The shooting took place last Saturday night outside a Pontiac home on Wall Street."
    y = "The shooting occurred in a Pontiac home on Wall Street."
    assert [f.verdict for f in _run(x, y, similarity=0.88)] == ["contradict"]
    assert not _run(x, y, similarity=0.6)  # "shots inside the club" / "police outside the club"
    both = "Two officers were in a Pontiac home on Wall Street and two outside a Pontiac home."
    assert not _run(x, both, similarity=0.88)


def test_a_denied_state_that_may_change_is_an_update_between_days():
    x = "Pontiac police have not yet arrested the suspect in the Wall Street shooting."
    y = "Pontiac police arrested the suspect in the Wall Street shooting on Thursday."
    found = _run(x, y, b=replace(B, published=B.published))
    assert [(f.verdict, f.how) for f in found] == [("differ", "update")]
