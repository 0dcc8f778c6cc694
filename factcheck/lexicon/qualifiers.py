"""Words that bound or soften a number ("at least", "more than", "about")."""

from __future__ import annotations

from factcheck.lexicon import word_set

# Kinds: "min" [N, inf), "gt" (N, inf), "max" [0, N], "lt" [0, N), "approx" N +- tolerance,
# "under" just below N ("almost 50": [45, 50)), "over" just above it ("just over 50": (50, 55]) (#15),
# "upper" N as the upper end of the figure ("as many as 80": [72, 80]): news states the count it
# reached, so 70 wounded conflicts with it and 80 agrees; "up to 80" stays a bare maximum (#14).
QUALIFIERS = {
    "greater than or equal to": "min",
    "more than or equal to": "min",
    "less than or equal to": "max",
    "fewer than or equal to": "max",
    "exceeded": "gt",
    "exceeds": "gt",
    "surpassed": "gt",
    "topped": "gt",
    "at least": "min",
    "no fewer than": "min",
    "no less than": "min",
    "a minimum of": "min",
    "more than": "gt",
    "over": "gt",
    "upwards of": "gt",
    "in excess of": "gt",
    "above": "gt",
    "exceeding": "gt",
    "greater than": "gt",
    "higher than": "gt",
    "up to": "max",
    "at most": "max",
    "as many as": "upper",
    "no more than": "max",
    "a maximum of": "max",
    "fewer than": "lt",
    "less than": "lt",
    "lower than": "lt",
    "under": "lt",
    "below": "lt",
    "some": "approx",
    "about": "approx",
    "around": "approx",
    "nearly": "under",
    "almost": "under",
    "roughly": "approx",
    "approximately": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "close to": "approx",
    "just over": "over",
    "not quite": "under",
    "just shy of": "under",
    "just under": "under",
    "~": "approx",
    "exactly": "exact",
}
# After a number: "50 or more" is [50, inf), "50 or fewer" [0, 50].
TRAILING_QUALIFIERS = {
    "or more": "min",
    "or greater": "min",
    "or higher": "min",
    "or above": "min",
    "or over": "min",
    "and up": "min",
    "and above": "min",
    "and over": "min",
    "or fewer": "max",
    "or less": "max",
    "or lower": "max",
    "or below": "max",
    "or under": "max",
    "and under": "max",
    "and below": "max",
}
# After a measure and before "than": the number is a difference, not the measure ("30 knots faster
# than normal", "ten years older than her husband").
COMPARATIVES = word_set(
    "faster slower higher lower older younger taller shorter longer bigger larger smaller heavier lighter "
    "deeper wider further farther hotter colder warmer cooler earlier later"
)
