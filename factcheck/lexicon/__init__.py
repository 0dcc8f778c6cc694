"""Word lists, as data: numbers, units and currencies, calendar words, events, function words.

Every stage that needs a list imports it from here (never from an algorithm module):
`numbers` (number words, scales, fractions, vague amounts), `qualifiers` (bounds such as
"at least"), `units` (measurement units, currencies), `calendar` (months, weekdays, seasons),
`events` (what a count is of: killed, injured, visits...), `function_words` (stop words and
tense cues).
"""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long lexicons stay readable)."""
    return frozenset(words.split())
