"""Who a person is: outlets that name the same person as identified agree; one that says the
identity is not known or not released and one that names the person differ (#14).

"He was identified by family members as Solomon Bonner." / "the boy, identified as Solomon
Bonner, was lying unconscious": an agreement on the name. "None of the people shot have been
identified." / "Christopher Beatty and Wayne Rusher were identified by authorities on Monday":
a difference, an update when the naming outlet reports later. Never a contradiction: an
identity is released in the course of a story, and a stale sentence stays in a later article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import numpy as np

from factcheck.records import Article, Finding, Sentence
from factcheck.stages.compare.lexicon import IDENTIFIED_AS_RE, IDENTITY_DENIED_RE, NAME_IDENTIFIED_RE
from factcheck.stages.compare.statements import clip
from factcheck.verdicts import Verdict

IDENTITY_CONFIDENCE = 0.7
UNKNOWN_IDENTITY_CONFIDENCE = 0.5


def identified_names(text: str) -> list[str]:
    """The names a sentence gives as identified ("identified as Ann Lee", "Ann Lee was identified")."""
    names = [m.group("name") for m in IDENTIFIED_AS_RE.finditer(text)]
    names += [m.group("name").split(" and ")[-1] for m in NAME_IDENTIFIED_RE.finditer(text)]
    return list(dict.fromkeys(" ".join(n.split()) for n in names))


def identity_denied(text: str) -> bool:
    """Whether a sentence says an identity is not (yet) known or released."""
    return bool(IDENTITY_DENIED_RE.search(text)) and not identified_names(text)


def _fid(prefix: str, ids: Sequence[str]) -> str:
    return prefix + hashlib.sha1("\x00".join(sorted(ids)).encode()).hexdigest()[:10]


def identity_findings(
    sentences: Sequence[Sentence],
    emb: np.ndarray,
    articles: Mapping[str, Article],
    *,
    min_similarity: float,
) -> list[Finding]:
    """An agreement per name two or more outlets give as identified, and a difference between
    the outlets naming a person and those (in sentences at least `min_similarity` similar to
    theirs) saying the identity is not known or released."""
    named: dict[str, list[int]] = {}
    denied: list[int] = []
    for i, sent in enumerate(sentences):
        names = identified_names(sent.text)
        for name in names:
            named.setdefault(name.lower(), []).append(i)
        if not names and identity_denied(sent.text):
            denied.append(i)
    out = []
    for name, members in sorted(named.items()):
        arts = sorted({sentences[i].article_id for i in members})
        ids = [sentences[i].id for i in members]
        shown = sentences[members[0]].text
        display = next(n for n in identified_names(shown) if n.lower() == name)
        outlets = [articles[a].outlet or a for a in arts]
        if len(arts) >= 2:
            explanation = (
                f"identity: {len(arts)} outlets agree ({', '.join(outlets[:4])}) that the person identified is "
                f"{display}: “{clip(shown)}”"
            )
            out.append(
                Finding(
                    _fid("I", ids),
                    "",
                    Verdict.AGREE,
                    "identified",
                    tuple(arts),
                    (),
                    explanation,
                    IDENTITY_CONFIDENCE,
                    tuple(ids),
                )
            )
        unknown = [
            j
            for j in denied
            if sentences[j].article_id not in arts
            and any(not emb.size or float(emb[i] @ emb[j]) >= min_similarity for i in members)
        ]
        if not unknown:
            continue
        others = sorted({sentences[j].article_id for j in unknown})
        later = all(
            articles[a].published is not None
            and all(articles[o].published is not None and articles[a].published > articles[o].published for o in others)  # type: ignore[operator]
            for a in arts
        )
        explanation = (
            f"identity: {', '.join(outlets[:4])} name{'s' if len(arts) == 1 else ''} {display} "
            f"(“{clip(shown, 70)}”); {', '.join(articles[o].outlet or o for o in others[:4])} say the identity is "
            f"not known or not released (“{clip(sentences[unknown[0]].text, 70)}”)"
            + ("; the naming reports are later: an update" if later else "")
        )
        evidence = [*ids, *(sentences[j].id for j in unknown)]
        out.append(
            Finding(
                _fid("J", evidence),
                "",
                Verdict.DIFFER,
                "update" if later else "identified",
                tuple(sorted({*arts, *others})),
                (),
                explanation,
                UNKNOWN_IDENTITY_CONFIDENCE,
                tuple(evidence),
            )
        )
    return out
