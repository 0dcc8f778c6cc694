"""Statement words (#14): what makes a sentence's predicate not an assertion of it."""

from __future__ import annotations

import re

from factcheck.lexicon import word_set as _word_set

# Words before a predicate that leave it unasserted: a question or condition ("whether the suit
# names Trump"), a modal ("could name", "may name"), a plan or a wish ("expected to name"), an
# uncertainty ("it is unclear if"). A sentence saying one of these does not oppose a denial.
UNASSERTED_BEFORE_RE = re.compile(
    r"\b(?:whether|if|unless|unclear|uncertain|could|might|may|would|should|expected\s+to|likely\s+to"
    r"|plans?\s+to|wants?\s+to|hopes?\s+to|asked\s+to|considering|consider)\b[^.;:!?]*$",
    re.IGNORECASE,
)
# A question is no assertion: its closing mark, with any closing quotation marks after it.
QUESTION_END_RE = re.compile(r"\?[\"”’')\]]*\s*$")

# A whole against a partition (#14, `compare/partitions.py`): the prepositions that put a count at
# a place or an outcome ("at the entrance", "in the parking lot", "to the hospital"), the words that
# end a place phrase or are no place ("with injuries", "at least", "in all"), and the words after a
# number that make it no count of people or things placed (a time, an age, a span of time).
PLACE_PREPOSITIONS = ("at", "in", "inside", "outside", "to", "into", "near", "on")
PLACE_STOP = _word_set(
    "a an the his her their its our this that these those with for and or but when while after before "
    "where who which because as of by from on at in to into than least most all"
)
# Phrases after those prepositions that say a state, not a place: "in good condition", "in
# custody", "in all", "in total", "at least", "in connection with", "in front of", "at the time".
NOT_PLACES = _word_set(
    "condition conditions custody total all least connection addition order front way fact once danger "
    "charge time times"
)
DETERMINERS = _word_set("a an the his her their its our this that these those")
SPAN_WORDS_AFTER_COUNT = _word_set(
    "a.m am p.m pm o'clock years year-old years-old months weeks days hours minutes seconds percent per cent times"
)
# Words that make a count in the next sentence another group ("another two", "the other two",
# "the remaining three", "the rest"), not the group just counted, told again.
REST_WORDS = _word_set("another other others remaining rest")

# Modality and aspect of one predicate (#14, `compare/conflicts.py`): what a named party will do
# ("Kim will attend", "is set to attend", "plans to attend") against what it is unlikely or refuses
# to do ("is unlikely to attend", "declined to attend", "ruled out attending"); a done act ("has
# signed the deal") against one not done yet ("has yet to sign it"). "will not" is a denial, read
# by the denial rule. The verb after the marker is the predicate's head.
MODAL_POSITIVE = (
    r"will|(?:is|are|was|were)\s+(?:set|expected|scheduled|due|going)\s+to|plans?\s+to|planned\s+to"
    r"|intends?\s+to|agreed\s+to|has\s+agreed\s+to|confirmed\s+(?:he|she|they|it)\s+would"
)
MODAL_NEGATIVE = (
    r"(?:is|are|was|were)\s+unlikely\s+to|unlikely\s+to|(?:has|have|had)\s+no\s+plans?\s+to"
    r"|declined\s+to|refused\s+to|ruled\s+out|(?:is|are)\s+not\s+(?:expected|scheduled|set)\s+to"
)
ASPECT_DONE = r"(?:has|have|had)\s+(?:already\s+|now\s+|finally\s+)?(?=[a-z]+ed\b)"
ASPECT_NOT_YET = r"(?:has|have|had)\s+yet\s+to|(?:is|are)\s+still\s+(?:trying|working|hoping|seeking|struggling)\s+to"
# Words after a modal that are no predicate of their own ("will be", "will have", "will also").
MODAL_SKIP = frozenset({"also", "now", "still", "then", "soon", "likely", "probably"})

# A unique role (#14, `compare/roles.py`): a superlative or "only"/"first" role that one named
# party fills ("A is the largest supplier of arms to the region", "the first officer to arrive,
# Jane Roe,"), and the nouns after them that are no role ("the first time", "the only way").
UNIQUE_ROLE_WORDS = _word_set(
    "largest biggest smallest oldest youngest first only sole top leading highest lowest richest "
    "poorest tallest fastest longest busiest deadliest worst best"
)
NOT_A_ROLE = _word_set(
    "time times way ways step steps thing things one ones day days week weeks month months year years "
    "reason reasons place case cases part parts question questions sign signs chance of in to"
)
# Words that end a role phrase ("the largest supplier of arms to the region, officials said").
ROLE_END = _word_set(
    "and or but who whom which that since when after before as while because although said says "
    "is was are were has have had will would"
)
