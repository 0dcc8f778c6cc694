"""Words that tie a count to an occasion other than the one reported, or to a rate (#14).

A number inside a clause about a season, a career, a half of a game, "so far" or "per year" is
not the same slot as a plain count of the news event: "he has 2,100 points in his career" and
"he scored 23 points" do not contradict, nor do a contract's total and its yearly salary.
Each occasion has a label (what the comparison shows) and the words that mark it, as regular
expression alternatives matched case-insensitively on word boundaries in the count's clause; a
rate is read in the words right after the figure.
"""

from __future__ import annotations

# label -> alternatives (regular expression fragments; matched on word boundaries, in this order,
# each match taken out of the clause before the next label is read)
OCCASIONS: dict[str, tuple[str, ...]] = {
    "an average": (r"on average", r"averag(?:e|ed|es|ing)"),
    "a career": (
        r"career(?![\s-]*highs?)",
        r"all-time",
        r"all - time",
        r"lifetime",
        r"in (?:his|her|their) (?:\w+ )?years",
    ),
    "a past season": (r"(?:last|previous|past|prior) (?:season|year|campaign)s?",),
    "a season": (r"seasons?", r"this year", r"campaign"),
    "part of the game": (
        r"(?:first|second|third|fourth|final) (?:half|quarter|period|inning|set|round)",
        r"at the half",
        r"halftime",
        r"half-time",
        r"overtime",
        r"during (?:a|an|the) (?:\w+ )?(?:run|stretch|spell)",
        r"in \d+ plays",
        r"on (?:a|an|the|their|his) (?:\w+ )?drive",
    ),
    "a running total": (r"so far", r"to date", r"a total of", r"in total", r"in all", r"altogether"),
}
# Words right after a duration that make it the time elapsed up to a moment ("a week after the
# quake", "two weeks on,", "three days into the strike"): each report counts it to its own moment.
ELAPSED_AFTER = (
    r"after",
    r"later",
    r"earlier",
    r"before",
    r"since",
    r"into",
    r"on(?=\s*(?:[,;:.!?\u2013\u2014]|-\s|$))",
)
# Words right after a figure that make it a rate ("$23 million per season", "4.2 yards a carry").
RATE_AFTER = (
    r"(?:a|an|per|each|every) (?:year|season|game|match|month|week|day|hour|annum|night|start|carry|catch|attempt)",
    r"annually",
    r"yearly",
    r"apiece",
    r"a piece",
)
# Where an occasion's clause ends: like the comparison's clause breaks, without the spaced dash
# that tokenised text puts inside names ("AK - 47").
OCCASION_CLAUSE_BREAK = r"[;:()]|,\s(?:and|but|while|who|which|when|after|before)\b|\b(?:but|while|whereas)\b"
# A counted noun's modifiers that say nothing about which things are counted ("a whopping 40
# people", "an estimated 300 rounds", "three other men": "other" is read by the slot key itself).
NEUTRAL_QUALIFIERS = frozenset(
    ("whopping", "staggering", "estimated", "reported", "additional", "other", "more", "further", "extra")
)

# Counted units of a player's or a team's statistics. Each game, season and career has its own
# figure, and a round-up article gives another game's without saying so ("Clark finished with 22
# points" after one game, "Clark had 25 points" after the next), so two different values are a
# question for the reviewer, never a contradiction on their own (#14, found by bench/audit_bench.py).
STATISTIC_UNITS = frozenset(
    {
        "point", "rebound", "assist", "steal", "block", "turnover", "touchdown", "td", "interception",
        "sack", "tackle", "fumble", "reception", "catch", "carry", "goal", "save", "rbi", "rbis",
        "homer", "home run", "strikeout", "hit", "inning", "wicket", "try", "basket", "free throw",
        "three-pointer", "game", "match", "win", "victory", "loss", "defeat", "start", "appearance",
    }
)  # fmt: skip
# Nouns of an "as" phrase that are idioms, not the role a count is in ("as part of his inquiry",
# "as a result of the quake", "as a precaution").
NOT_CAPACITIES = frozenset(
    {"part", "result", "consequence", "means", "way", "example", "whole", "precaution", "reminder", "sign"}
)
