"""Casualty counts stated without a number: "Juliet Lynch was killed", "a man and his son were found dead".

Each person a casualty clause names counts one: its subject before a passive or intransitive
predicate ("was shot and killed", "died", "was pronounced dead", "were wounded"), or its object
after an active one ("killing Sarah Davidson and injuring Leanne Smith and Dustin Grey"). A
named victim tells how many at least were killed, not the whole toll, so the count is the
interval [n, inf) with the qualifier "at least".

Counting rules: names and described people ("the victim", "his 11-year-old son", "a
17-year-old") joined by "and" count one each; a description followed by a name ("the victim,
John Smith, 24,") is one person; "both", "the couple" are two; "he", "she" one. A plural
noun without a number ("victims were killed") says no count and gives nothing.
"""

from __future__ import annotations

import re

from factcheck.lexicon.calendar import MONTH_NAMES, WEEKDAYS
from factcheck.lexicon.events import PAIR_WORDS, PERSON_NOUNS
from factcheck.records import Claim, QuantityValue
from factcheck.stages.claims.base import _claim
from factcheck.stages.claims.events import COUNTERFACTUAL_RE

_TITLE = r"(?:(?:Officer|Deputy|Cpl|Sgt|Lt|Capt|Det|Dr|Mr|Mrs|Ms|Trooper|Agent|Pastor|Rev)\.?\s+)"
# "DeGuzman", "McDonald", "O'Brien" and initials ("JD DeGuzman") are names too (#14)
_WORD = r"[A-Z][a-z'’-]+(?:[A-Z][a-z'’-]+)?"
# a weekday or a month is no name ("shot Sunday was in critical condition")
_NOT_NAME = "|".join(sorted({w.capitalize() for w in (*MONTH_NAMES, *WEEKDAYS) if len(w) > 3}))
_NAME = rf"{_TITLE}?(?:[A-Z]{{2}}\s+(?=[A-Z][a-z]))?(?!(?:{_NOT_NAME})\b){_WORD}(?:\s+[A-Z]\.)?(?:\s+{_WORD}){{0,3}}(?:,?\s+(?:Jr|Sr)\.?|\s+I{{2,3}})?"
_AGE = r"(?:\s?,\s*\d{1,3}\s?,?)?"  # tokenised text spaces the commas
_NOUN = "|".join(sorted(PERSON_NOUNS, key=len, reverse=True))
_DESC = (
    r"(?:(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Aa]nother|[Oo]ne|That|This)\s+)"
    r"(?:(?!(?:was|were|is|are|and|or|of|to|in|at|on|by|for|with|from|had|has|have)\b)[\w'’-]+\s+){0,5}?"
    rf"(?:(?i:{_NOUN})|\d{{1,2}}-(?:year|month|week)-old)\b"
    rf"|\d{{1,2}}-(?:year|month|week)-old(?:\s+(?:{_NOUN}))?\b"
)
# "24-year-old Alex Brown": an age before a name is one person (#14)
_AGED_NAME = rf"\d{{1,3}}-(?:year|month|week)-old\s+{_NAME}"
_PIECE = rf"(?:{_AGED_NAME}|{_DESC}|{_NAME}|himself|herself|(?:[Hh]e|[Ss]he)(?![\w'’-])|[Bb]oth|[Tt]he\s+(?:couple|pair)){_AGE}"
# "the man and woman": a bare person noun after "and" shares the determiner before it (#14)
_LIST = (
    rf"(?<![\w'’-]){_PIECE}(?:(?:\s*,\s*|\s*,\s*and\s+|\s+and\s+){_PIECE}"
    rf"|\s+and\s+(?:{_NOUN})\b(?![\w'’-])){{0,8}}"
)
SUBJECT_RE = re.compile(rf"(?P<subj>{_LIST})\s*$")
# The subject that opens a clause whose second verb is the casualty predicate: "the man was taken
# to a hospital and died", "Kaleb didn't make it and was pronounced dead" (#14).
CLAUSE_SUBJECT_RE = re.compile(rf"\s*(?P<subj>{_LIST})\s+(?=[a-z])")
# A line of a victims list: "John Smith, 48 years old - deceased", with a hyphen or a dash (#14).
LIST_LINE_RE = re.compile(
    rf"(?:^|\n)\s*(?P<subj>{_NAME}),?\s+(?:aged\s+)?\d{{1,3}}(?:\s+years?\s+old)?\s*[–—:-]\s*"
    r"(?P<what>deceased|killed|dead|died|injured|wounded|hurt)\b",
)
# Telegraphic: "Female student shooter, 14, dead", "John Smith, 24, killed" (a headline or a list) (#14).
AGE_STATUS_RE = re.compile(
    rf"(?<![\w'’-])(?P<subj>{_NAME}|(?i:[\w-]+\s+)?(?i:{_NOUN}))(?=,\s*\d{{1,3}},\s*(?P<what>dead|killed|injured|wounded|hurt)\b)"
)
_STATUS_AFTER_RE = re.compile(
    r"\d\s*(?:years?\s+old\s*)?[,–—:-]\s*(?:deceased|killed|dead|died|injured|wounded|hurt)\b"
)
# A noun that names one dead person: "the fatality", "the deceased" (not "the fatality rate").
_DEAD_NOUN_RE = re.compile(
    r"\b[Tt]he\s+(?:(?:only|lone|sole|latest)\s+)?(?:fatality|deceased)\b"
    r"(?!\s+(?:rate|rates|count|toll|figure|figures|number|numbers|list|man|woman|boy|girl|person|victim)\b)"
)
# A noun phrase naming the dead (#15): "the death of John Smith", "the murder of his wife", "the
# bodies of a man and a woman"; never an attempt or a plot ("the attempted murder of").
DEATH_OF_RE = re.compile(
    r"\b(?:(?:shooting|stabbing)\s+)?(?:deaths?|murders?|killings?|slayings?|bod(?:y|ies))\s+of(?=\s)"
)
_NOT_DONE_RE = re.compile(
    r"\b(?:attempt(?:ed|s|ing)?|plot(?:s|ted|ting)?|conspir\w*|solicit\w*|threat\w*|plan(?:s|ned|ning)?|fak\w*"
    r"|stag\w*|prevent\w*|avert\w*|foil\w*|near|fear\w*|risk\w*|avoid\w*|wish\w*|want\w*|hop\w*"
    r"|(?:could|would|might|may|can|will)\s+(?:\w+\s+)?(?:cause|mean|lead\s+to))\s+(?:the\s+|a\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
# One dead person named by an adjective: "the slain officer", "a dead man" (not "the dead-end street").
DEAD_PERSON_RE = re.compile(
    rf"\b(?:[Tt]he|[Aa])\s+(?:dead|slain|murdered|deceased)\s+(?:(?!(?:and|or|of)\b)[\w'’-]+\s+){{0,2}}?(?:{_NOUN})\b(?!-)"
)
# A count in the name of the crime: "a double homicide" (2 dead), "a triple murder-suicide" (4).
_MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
MULTIPLE_KILLING_RE = re.compile(
    rf"\b(?:(?P<mult>{'|'.join(_MULTIPLES)})[\s-]+(?:fatal\s+shooting|homicide|murder|slaying|killing)"
    r"(?P<suicide>[\s-]suicide)?|(?P<ms>murder|homicide)[\s-]suicide)\b(?!s)",
    re.IGNORECASE,
)
# "Scalia, the court's conservative known for his fiery comments, was found dead": a person, then one
# appositive that opens with a determiner, then the predicate (#15).
APPOSITIVE_SUBJECT_RE = re.compile(rf"\s*(?P<subj>{_LIST})\s*,\s+(?:an?|the|his|her|their)\s+[^,;:()\"“”]{{1,90}},\s*$")
_LIST_EVENTS = {"deceased": "killed", "killed": "killed", "dead": "killed", "died": "killed"}
_PREPOSITION_END_RE = re.compile(
    r"\b(?:in|at|near|of|on|from|to|by|with|for|into|outside|inside|behind|across|along|toward|towards)\s+$",
    re.IGNORECASE,
)
# A casualty participle with no auxiliary before it, as in a reduced relative clause ("a teen killed by police").
_PARTICIPLE_RE = re.compile(
    r"\s+(?:(?:fatally\s+)?(?:shot|stabbed|beaten)\s+and\s+)?(?:killed|slain|murdered|shot\s+dead|fatally\s+shot)\s+by\b"
)
_ASIDE_RE = re.compile(r"\s*,?\s*according\s+to\s+[^,]{1,40},")
_AND_END_RE = re.compile(r"\s+and\s*$")
_MAX_VP_WORDS = 12
OBJECT_RE = re.compile(rf"\s+(?P<subj>{_LIST}|(?:him|her)(?![\w'’-]))")  # "wounding him"

_AUX = r"(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+)"
_ADV = r"(?:(?:later|also|then|both|all|fatally|reportedly|allegedly|apparently|each|ultimately)\s+)*"
_HIT = r"(?:(?:shot|stabbed|struck|hit|beaten|gunned\s+down|run\s+over|attacked)\s+and\s+)?"
_KILLED_PASSIVE = (
    r"(?:killed|slain|murdered|fatally\s+(?:shot|wounded|stabbed|injured)|pronounced\s+dead|found\s+dead|shot\s+dead"
    r"|(?:shot|stabbed|beaten|burned|strangled)\s+to\s+death)"
)
_INJURED_PASSIVE = r"(?:(?:shot\s+and\s+)?(?:wounded|injured|hurt|hospitalized)|(?:critically|seriously|badly)\s+(?:wounded|injured|hurt))"
# Injured without the word (#14): "is in critical condition", "suffered a gunshot wound to the leg",
# "was taken to a hospital with non-life-threatening injuries".
_CONDITION = (
    r"(?:was|were|is|are|remains|remained|remain)\s+(?:listed\s+|still\s+|now\s+|hospitalized\s+)?in\s+"
    r"(?:stable|critical|serious|fair|grave|guarded)(?:[\s-]+(?:but\s+stable|to[\s-]+\w+))?\s+condition\b"
)
_SUFFERED = (
    r"(?:(?:has|had|have)\s+)?(?:suffered|sustained)\s+(?:an?\s+|two\s+|multiple\s+|several\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:wounds?|injury|injuries)\b"
)
_TAKEN_WITH = (
    r"(?:was|were)\s+(?:taken|transported|rushed|airlifted|flown|hospitalized|treated)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:with|for)\s+(?:[\w-]+\s+){0,3}?(?:wounds?|injury|injuries)\b"
)
_AFTER_PASSIVE = r"(?=\s*(?:[,.;:!?)]|$|by\b|in\b|at\b|on\b|during\b|after\b|when\b|while\b|outside\b|inside\b|near\b|early\b|late\b|last\b|this\b|and\b|as\b|following\b|[A-Z][a-z]+day\b))"
PREDICATES = {
    "killed": re.compile(
        rf"\s*(?:{_AUX}{_ADV}{_HIT}{_KILLED_PASSIVE}\b|{_ADV}{_HIT}(?:killed|slain|murdered){_AFTER_PASSIVE}"
        r"|(?:later\s+|also\s+|then\s+)?(?:has\s+|had\s+|have\s+)?(?:took|taken|takes)\s+(?:his|her|their)\s+own\s+li(?:fe|ves)\b"
        r"|(?:later\s+|also\s+|both\s+)?(?:has\s+|had\s+|have\s+)?died\b|(?:later\s+)?dies\b|(?:was|were|is|are)\s+(?:later\s+)?(?:found\s+|pronounced\s+)?dead\b"
        # "lost his life", "succumbed to her injuries", "passed away" (#15)
        r"|(?:later\s+|also\s+)?(?:has\s+|had\s+|have\s+)?lost\s+(?:his|her|their)\s+li(?:fe|ves)\b(?!['’]?s?\s+savings)"
        r"|(?:later\s+)?(?:has\s+|had\s+|have\s+)?succumbed\s+to\s+(?:his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:injury|injuries|wounds?)\b"
        r"|(?:later\s+)?(?:has\s+|had\s+|have\s+)?passed\s+away\b)"
    ),
    "injured": re.compile(
        rf"\s*(?:{_AUX}{_ADV}{_INJURED_PASSIVE}\b(?!\s+and\s+killed)|{_ADV}(?:wounded|injured|hurt){_AFTER_PASSIVE}"
        rf"|{_CONDITION}|{_SUFFERED}|{_TAKEN_WITH})"
    ),
}
ACTIVE = {
    "killed": re.compile(
        r"\b(?:killing|killed|murdering|murdered|fatally\s+(?:shooting|shot|wounding|wounded|stabbing|stabbed)"
        r"|(?:claim(?:ed|s|ing)?|took|takes|taking|cost|costs|costing)\s+the\s+li(?:fe|ves)\s+of)\b"  # (#15)
    ),
    "injured": re.compile(r"\b(?:injuring|wounding|injured|wounded)\b"),
}
_HINT_RE = re.compile(
    r"kill|slain|slaying|murder|homicide|dead|death|died|dies|deceased|fatal|wound|injur|hurt|hospitali|condition|own li"
    r"|succumb|passed away|li(?:fe|ves)\b|bod(?:y|ies)\s+of",
    re.IGNORECASE,
)
_BREAK_RE = re.compile(
    r"[;:()\"“”]|(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?]\s|\b(?:said|says|say|told|that|after|before|when|while|because|but|if|whether|who|whom|as)\b"
)
# Where a predicate may start: the auxiliary, adverb or verb it opens with.
_PRED_START_RE = re.compile(
    r"\s+(?=(?:was|were|is|are|has|have|had|being|later|also|then|both|all|fatally|reportedly|allegedly|apparently"
    r"|each|ultimately|shot|stabbed|struck|hit|beaten|gunned|run|attacked|killed|slain|murdered|died|dies|wounded"
    r"|injured|hurt|remains|remained|remain|suffered|sustained|took|takes|lost|succumbed|passed)\b)"
)
# What may follow the people an active verb takes ("killing Sarah Davidson at the scene").
_OBJECT_END_RE = re.compile(
    r"\s*(?:[,.;]|$)|\s+(?:and|in|at|on|of|with|during|inside|outside|near|early|late|last|this|while|when|after"
    r"|yesterday|today|tonight)\b|\s+[A-Z][a-z]+day\b|\s+(?:\d+|a|an|two|three|several)\s+(?:days?|weeks?|months?|years?)\s+ago\b"
)


# The object up to what may follow it, so a description takes its noun ("a 20-year-old woman").
ENDED_OBJECT_RE = re.compile(rf"{OBJECT_RE.pattern}(?={_OBJECT_END_RE.pattern})")
# The object of a noun ("the death of a 20-year-old woman"): its whole description, never a possessor.
WHOLE_OBJECT_RE = re.compile(rf"{OBJECT_RE.pattern}(?![\w'’-]|\s+(?:{_NOUN})\b)")


def _pieces(subject: str) -> int:
    """How many people a subject list names (see the module's counting rules); 0 for none."""
    parts = [p.strip(" ,") for p in re.split(r"\s*,?\s+and\s+", subject) if p.strip(" ,")]
    count = 0
    for part in parts:
        pieces = [q.strip() for q in re.split(r"\s*,\s*", part) if q.strip() and not q.strip().isdigit()]
        people = 0
        previous_desc = previous_name = False
        for q in pieces:
            first = q.split()[0].lower()
            last = q.split()[-1].lower().strip("’'")
            if first in PAIR_WORDS or (first == "the" and last in PAIR_WORDS):
                people += 2
                previous_desc = False
                continue
            if re.match(r"\d{1,3}-(?:year|month|week)-old\s+[A-Z]", q):
                people += 1  # "24-year-old Alex Brown"
                previous_desc = False
                continue
            if first in ("he", "she", "him", "her", "himself", "herself") and len(q.split()) == 1:
                people += 1
                previous_desc = False
                continue
            is_desc = (
                q[0].islower() or first in ("a", "an", "the", "his", "her", "their", "another", "one") or q[0].isdigit()
            )
            if is_desc:
                if not (last in PERSON_NOUNS or re.search(r"-old$", last)):
                    return 0  # "the car", "their homes": not people, no count
                if not (previous_name and first in ("a", "an")):
                    people += 1  # "Ann Lee, 34, a mother" is one person; "Ann Lee, her son" two
                previous_desc, previous_name = True, False
            else:
                if not previous_desc:
                    people += 1  # a name after a description is the same person
                previous_desc, previous_name = False, True
        count += people
    return count


def extract_casualty_subjects(sentence: str, taken: list[tuple[int, int]]) -> list[Claim]:
    """Counts of people a casualty clause names without a number, as `at least n` quantity claims.

    Args:
        sentence: One sentence.
        taken: Spans of quantity claims already found; a clause with one of them is left alone.

    Example:
        >>> [(c.text, c.value.low) for c in extract_casualty_subjects("Juliet Lynch was killed.", [])]
        [('Juliet Lynch', 1.0)]
    """
    if not _HINT_RE.search(sentence):
        return []
    out: list[Claim] = []
    spans = list(taken)
    for event, predicate in PREDICATES.items():
        for m in _PRED_START_RE.finditer(sentence):
            p = predicate.match(sentence, m.start())
            if p is None:
                continue
            window_start = max(0, m.start() - 160)
            window = sentence[window_start : m.start()]
            breaks = list(_BREAK_RE.finditer(window))
            cut = breaks[-1].end() if breaks else 0
            if breaks and breaks[-1].group(0) in ("if", "whether"):
                continue  # "not able to say if the man had died": no statement that he did
            s = SUBJECT_RE.search(window, cut)
            if (
                s is not None
                and _PREPOSITION_END_RE.search(window, 0, s.start("subj"))
                # "the family of a 17-year-old shot and killed by police": a participle after "of" is the person's
                and not (
                    window[: s.start("subj")].rstrip().endswith(" of") and _PARTICIPLE_RE.match(sentence, m.start())
                )
            ):
                s = None  # "a shooting near AlterFest has died": the name is no subject (#14)
            s = s or _other_subject(window, breaks, cut)
            if s is None:
                continue
            start, end = window_start + s.start("subj"), window_start + s.end("subj")
            if _overlaps(spans, start, p.end()):
                continue
            n = _pieces(sentence[start:end])
            if n:
                out.append(_at_least(sentence, start, end, n, event))
                spans.append((start, p.end()))
    telegraphic = _STATUS_AFTER_RE.search(sentence) is not None  # both forms need one: cheap to test first
    for m in [*LIST_LINE_RE.finditer(sentence), *AGE_STATUS_RE.finditer(sentence)] if telegraphic else []:
        start, end = m.start("subj"), m.end("subj")
        if not _overlaps(spans, start, m.end()):
            out.append(_at_least(sentence, start, end, 1, _LIST_EVENTS.get(m.group("what").lower(), "injured")))
            spans.append((start, m.end()))
    for m in _DEAD_NOUN_RE.finditer(sentence):  # "identified the fatality as ...": one person killed (#15)
        if not _overlaps(spans, m.start(), m.end()):
            out.append(_at_least(sentence, m.start(), m.end(), 1, "killed"))
            spans.append((m.start(), m.end()))
    for m in DEAD_PERSON_RE.finditer(sentence):  # "the slain officer": one person killed (#15)
        if not _overlaps(spans, m.start(), m.end()):
            out.append(_at_least(sentence, m.start(), m.end(), 1, "killed"))
            spans.append((m.start(), m.end()))
    for m in MULTIPLE_KILLING_RE.finditer(sentence):  # "a double homicide": at least two killed (#15)
        if _overlaps(spans, m.start(), m.end()) or _NOT_DONE_RE.search(sentence, 0, m.start()):
            continue
        n = 2 if m.group("ms") else _MULTIPLES[m.group("mult").lower()] + (1 if m.group("suicide") else 0)
        out.append(_at_least(sentence, m.start(), m.end(), n, "killed"))
        spans.append((m.start(), m.end()))
    for m in DEATH_OF_RE.finditer(sentence):  # "the death of John Smith", "the body of a woman" (#15)
        o = OBJECT_RE.match(sentence, m.end())
        if (
            o is None
            or o.group("subj") in ("him", "her")
            or re.search(r"['’]s?$", o.group("subj"))
            or _NOT_DONE_RE.search(sentence, 0, m.start())
        ):
            continue  # "the death of her niece", "the death of John Smith's wife": someone not read
        if o.group("subj")[-1:].isdigit() or o.group("subj").split()[-1].islower():
            o = WHOLE_OBJECT_RE.match(sentence, m.end()) or o  # "the death of a 20-year-old woman"
        start, end = o.start("subj"), o.end("subj")
        if "," in sentence[start:end] and not re.search(r"\band\b", sentence[start:end]):
            end = sentence.index(",", start)  # "the killing of Ortiz, Orozco sat": a list needs its "and"
        if _overlaps(spans, m.start(), end) or re.match(r"\s*(?:['’]s?\b|of\b)", sentence[end:]):
            continue  # "Sheriff 's Deputy" (tokenised), "the deputy and father of two": the noun goes on
        n = _pieces(sentence[start:end])
        if n:
            out.append(_at_least(sentence, start, end, n, "killed"))
            spans.append((m.start(), end))
    for event, active in ACTIVE.items():
        for a in active.finditer(sentence):
            if COUNTERFACTUAL_RE.search(sentence, max(0, a.start() - 40), a.start()):
                continue  # "the bullet could have killed him"
            o = OBJECT_RE.match(sentence, a.end())
            if o is not None and not _OBJECT_END_RE.match(sentence, o.end()):
                o = ENDED_OBJECT_RE.match(sentence, a.end()) or o  # "claimed the life of a 20-year-old woman"
            if o is None:
                continue
            start, end = o.start("subj"), o.end("subj")
            if _overlaps(spans, a.start(), end) or not _OBJECT_END_RE.match(sentence, end):
                continue
            n = _pieces(sentence[start:end])
            if n:
                out.append(_at_least(sentence, start, end, n, event))
                spans.append((a.start(), end))
    return sorted(out, key=lambda c: c.start)


def _other_subject(window: str, breaks: list[re.Match[str]], cut: int) -> re.Match[str] | None:
    """The subject of a predicate that does not follow it directly (#14).

    "a 20-year-old man who was killed": the people just before "who"; "the man was taken to a
    hospital and died": the people opening the clause, when the predicate is its second verb
    after "and" and no break or casualty word lies between.
    """
    if breaks and breaks[-1].group(0) == "who" and _short_verb_phrase(window[cut:], allow_empty=True):
        # "a man who was killed", "the suspect who shot a police dog has been found dead"
        before = breaks[-2].end() if len(breaks) > 1 else 0
        head = window[: breaks[-1].start()].rstrip()
        return SUBJECT_RE.search(head.removesuffix(","), before)  # "the victim, who died Tuesday"
    if window.rstrip().endswith(","):
        appositive = APPOSITIVE_SUBJECT_RE.match(window, cut)
        if appositive is not None and not _HINT_RE.search(window, appositive.end("subj")):
            return appositive
    if not _AND_END_RE.search(window):
        return None
    aside = _ASIDE_RE.match(window, cut)  # "when, according to police, the girl turned ... and died"
    s = CLAUSE_SUBJECT_RE.match(window, aside.end() if aside else cut)
    if s is None:
        return None
    return s if _short_verb_phrase(window[s.end() :], allow_empty=False) else None


def _short_verb_phrase(text: str, *, allow_empty: bool) -> bool:
    """Whether text between a subject and its casualty predicate is one short verb phrase.

    No comma, no casualty word of its own and at most a dozen words: a longer stretch may
    hold another subject.
    """
    if not text.strip():
        return allow_empty
    return not _HINT_RE.search(text) and len(text.split()) <= _MAX_VP_WORDS and "," not in text


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a span."""
    return any(start < e and end > s for s, e in spans)


def _at_least(sentence: str, start: int, end: int, n: int, event: str) -> Claim:
    """The claim 'at least n people' with an event (the span without a trailing comma)."""
    while end > start and sentence[end - 1] in " ,":
        end -= 1
    value = QuantityValue(
        point=None, low=float(n), high=None, low_inclusive=True, high_inclusive=False, approximate=False
    )
    return _claim("quantity", sentence, start, end, value, unit="people", qualifier="at least", event=event)


# Explicit statements that nobody was killed or hurt (#15): "no one was killed", "nobody died",
# "no deaths were reported", "a non-fatal shooting", "all five are expected to survive". Only what
# is said: a missing toll is no 0, and a count of others ("no one else was hurt", "no other
# injuries") is not the toll.
_NOBODY = r"(?:[Nn]o[\s-]one|[Nn]obody|[Nn]one(?=\s+(?:was|were|has|have|had|died)\b)|[Nn]one\s+of\s+(?:them|the\s+(?:[\w-]+\s+){0,2}?(?:victims|people|wounded|injured|men|women|children)))"
_THE_VICTIMS = r"(?:(?:the\s+)?(?:[\w-]+\s+)?(?:victims|people|wounded|injured|men|women|children|officers)|them)"
_ALL = (
    rf"(?:[Aa]ll\s+(?:of\s+{_THE_VICTIMS}|(?:the\s+)?(?:\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|"
    rf"eleven|twelve)(?:\s+{_THE_VICTIMS})?|{_THE_VICTIMS})|[Bb]oth(?:\s+(?:of\s+them|victims|men|women))?|[Ee]veryone)"
)
_SURVIVE = r"(?:survive|recover|live)\b"
NONE_RE = {
    "killed": re.compile(
        rf"\b(?P<subj>{_NOBODY})\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been|got)\s+(?:killed|fatally\s+\w+)"
        r"|(?:has\s+|have\s+|had\s+)?died|(?:was|were)\s+(?:found\s+)?dead)\b"
        r"|\b(?P<subj2>[Nn]o\s+(?:deaths|fatalities|fatal\s+injuries))\b"
        r"|\b(?:[Aa]|[Tt]he|[Tt]his|[Tt]hat)\s+(?P<subj3>non-?fatal)\s+(?:shooting|stabbing|attack)\b(?!s)"
        rf"|\b(?P<subj4>{_ALL})\s+(?:(?:are|were|is|was)\s+(?:\w+\s+)?expected\s+to\s+{_SURVIVE}|survived\b)"
        rf"|\bexpects?\s+(?P<subj5>{_ALL})\s+to\s+{_SURVIVE}"
    ),
    "injured": re.compile(
        rf"\b(?P<subj>{_NOBODY})\s+(?:was|were|has\s+been|have\s+been|had\s+been|got)\s+(?:injured|hurt|wounded)\b"
        r"|\b(?P<subj2>[Nn]o\s+injuries)\b(?!\s+(?:other|beyond|besides|except))"
    ),
}
_NONE_HINT_RE = re.compile(r"\b(?:no|nobody|none|non-?fatal|survive|survived|recover|live)\b", re.IGNORECASE)


def extract_none_stated(sentence: str) -> list[Claim]:
    """Explicit statements that nobody was killed (or hurt), as claims of exactly 0 people.

    Example:
        >>> [(c.text, c.event, c.value.point) for c in extract_none_stated("No one was killed.")]
        [('No one', 'killed', 0.0)]
    """
    if not _NONE_HINT_RE.search(sentence):
        return []
    out: list[Claim] = []
    zero = QuantityValue(point=0.0, low=0.0, high=0.0, low_inclusive=True, high_inclusive=True, approximate=False)
    for event, pattern in NONE_RE.items():
        for m in pattern.finditer(sentence):
            group = next(
                g for g in ("subj", "subj2", "subj3", "subj4", "subj5") if pattern.groupindex.get(g) and m.group(g)
            )
            start, end = m.span(group)
            if not any(c.start < end and start < c.end for c in out):
                out.append(_claim("quantity", sentence, start, end, zero, unit="people", event=event))
    return sorted(out, key=lambda c: c.start)
