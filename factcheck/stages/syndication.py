"""Syndicated copies: the same wire story republished by several outlets counts as one source."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from factcheck.records import Sentence

_WORD = re.compile(r"\w+")


def _key(text: str) -> str:
    """A sentence's wording without case, punctuation or spacing (light copy-editing survives)."""
    return " ".join(_WORD.findall(text.lower()))


def syndicated_groups(sentences: Sequence[Sentence], min_share: float) -> list[tuple[str, ...]]:
    """Groups of articles that are copies of one story.

    Two articles are copies when at least `min_share` of the shorter one's sentences appear,
    word for word, in the other. Matching is by hashed wording, so it stays linear in the
    batch size.
    """
    keys: dict[str, set[str]] = defaultdict(set)
    for s in sentences:
        keys[s.article_id].add(_key(s.text))
    holders: dict[str, set[str]] = defaultdict(set)
    for article, article_keys in keys.items():
        for k in article_keys:
            holders[k].add(article)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for articles in holders.values():
        if 1 < len(articles) <= 50:  # a line in many articles is boilerplate, not a copy
            for pair in combinations(sorted(articles), 2):
                shared[pair] += 1
    parent = {a: a for a in keys}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), count in shared.items():
        if count >= min_share * min(len(keys[a]), len(keys[b])):
            parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for article in sorted(keys):
        groups[find(article)].append(article)
    return sorted(tuple(g) for g in groups.values() if len(g) > 1)


def independent_sources(article_ids: Sequence[str], groups: Sequence[Sequence[str]]) -> int:
    """How many independent sources a set of articles is, counting each group of copies once."""
    group_of = {a: i for i, g in enumerate(groups) for a in g}
    return len({group_of.get(a, a) for a in article_ids})
