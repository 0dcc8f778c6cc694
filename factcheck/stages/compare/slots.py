"""Slot keys: what a claim is about, who it names, when it holds and its status (#14).

Two claims fill one slot only on positive evidence: the same kind and event class, a named
participant in common (or the same counted thing in the same scope), compatible time frames and
the same status. The absence of a conflict is never taken as evidence of the same slot.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from factcheck.describe import describe_date
from factcheck.lexicon.occasions import ELAPSED_AFTER
from factcheck.records import Article, Claim, DateValue, QuantityValue, Sentence
from factcheck.stages.claims import CAPITALISED_RE, EVENT_OF_WORD
from factcheck.stages.compare.ages import age_noun, by_elimination, described_ages, same_person
from factcheck.stages.compare.lexicon import (
    AGE_EVENT,
    AGE_UNIT,
    BACKGROUND,
    BACKGROUND_RE,
    CANCELLED,
    CLAUSE_BREAK_RE,
    CONVERSIONS,
    COORDINATED_AFTER_RE,
    COORDINATED_BEFORE_RE,
    COUNTED_SYNONYMS,
    CUMULATIVE_EVENTS,
    CUMULATIVE_RE,
    DEGREE_SUBSET,
    DEGREE_SUBSET_RE,
    ENTITY_STOP,
    EVENT_WORD_RE,
    NEW_PART_AFTER_RE,
    NEXT_COUNT_RE,
    OTHERS_RE,
    PARTICIPANT_KINDS,
    PARTICIPANT_UNITS,
    PARTICIPATION_EVENTS,
    PEOPLE_EVENTS,
    PEOPLE_OBJECTS,
    PERSON_UNITS,
    PLANNED,
    PLUPERFECT_RE,
    POPULATION,
    POPULATION_BEFORE_RE,
    POSSESSIVE_AFTER_RE,
    RECURRING,
    RELATIVE_OPENING_RE,
    REPORTED_ON_BEFORE_RE,
    REPORTED_SPEECH,
    REPORTED_SPEECH_RE,
    REPORTING_VERBS,
    RESIDENT_UNITS,
    RESIDENTS_BEFORE_RE,
    SHARE_IN_PLACES_BEFORE_RE,
    STATE_WINDOW,
    SUBSET_STATES,
    SUM_CONNECTIVE_RE,
    TIME_UNIT,
    WINDOW_RE,
    YEAR_RE,
)
from factcheck.stages.compare.values import anchor
from factcheck.stages.frames import (
    LIGHT_VERBS,
    ROLE,
    Frame,
    agents_conflict,
    agents_match,
    event_class,
    events_match,
    named_agents,
    names_match,
    places_conflict,
    shared_arguments,
)

_ELAPSED_RE = re.compile(r"^\s*(?:" + "|".join(ELAPSED_AFTER) + r")\b", re.IGNORECASE)
# A year this far before the article's own is background, not the news ("a king of 1953").
BACKGROUND_YEARS = 1
# Unit families of physical measures (never counts of people).
MEASURES = {"length", "mass", "area"}
# Sentences this much more similar than `min_slot_similarity` are close enough to hold one count.
CLOSE_MARGIN = 0.2
# A count whose sentence dates it this many days before the article is of an earlier event (#14).
BACKGROUND_DAYS = 7


@dataclass(frozen=True, slots=True)
class SlotKey:
    """The slot a claim fills, in words a reader can check.

    `what` is the event class (killed, meet, or the predicate's lemma), `counted` what a count is
    of (a unit family: person, length; or the "of" phrase), `who` the named participants, `when`
    the time frame of a count ("as of the article's day" or its own window), `status` one of
    reported, planned, cancelled, recurring or background.
    """

    kind: str
    what: str
    counted: str
    who: frozenset[str]
    when: str
    status: str
    dated: str = ""  # a count's own event date, from a date in its clause ("six were shot on February 28")
    people: frozenset[int] = frozenset()  # ages of the people its sentence describes ("a 36-year-old climber")

    def describe(self) -> str:
        """The slot in words ("killed: person; named: gaza; as of the article's day")."""
        parts = [self.what or self.kind]
        if self.counted:
            parts[0] += f" ({self.counted})"
        if self.who:
            parts.append("named: " + ", ".join(sorted(self.who)[:3]))
        if self.when:
            parts.append(self.when)
        if self.status != "reported":
            parts.append(self.status)
        return "; ".join(parts)

    def title(self) -> str:
        """The slot as a fact's heading, shorter than `describe` (#14, #16).

        What is counted and the event, then up to three named participants, then the time frame
        and a status other than reported: "people injured · Pulse, Orlando · as of the article's
        day", "date of meet · Kim, Trump", "age · Lily".
        """
        if self.kind == "date":
            head = f"date of {self.what}" if self.what else "date"
        elif self.what == AGE_EVENT or self.counted == TIME_UNIT:
            head = self.what or "time of day"
        else:
            thing = counted_words(self.counted)
            head = " ".join(w for w in (thing, self.what) if w) or self.kind
        parts = [head]
        if self.who:
            parts.append(", ".join(name.title() for name in sorted(self.who)[:3]))
        when = self.when.removeprefix("window: ")
        if self.dated:  # the count's own day says more than "as of the article's day"
            own = f"on {self.dated}"
            when = own if not when or self.when == "as of the article's day" else f"{when}, {own}"
        if when:
            parts.append(when)
        if self.status != "reported":
            parts.append(self.status)
        return " · ".join(parts)


def counted_words(counted: str) -> str:
    """What a count is of, in words: 'person' -> 'people', 'person: part of students' -> 'students (part)'."""
    family, _, phrase = counted.partition(": ")
    others = family.endswith(" (others)")
    family = family.removesuffix(" (others)")
    if phrase.startswith("part of "):
        thing = f"{phrase[8:]} (part)"
    else:
        thing = phrase or ("people" if family == "person" else family)
    return f"other {thing}" if others else thing


@functools.lru_cache(maxsize=65536)
def capitalised_names(text: str) -> frozenset[str]:
    """Capitalised words of a sentence (names, places), lower-cased, minus function words."""
    words = set()
    for m in CAPITALISED_RE.finditer(text):
        for w in m.group(0).split():
            w = re.sub(r"['’]s$", "", w).lower()
            if w not in ENTITY_STOP and len(w) > 1:
                words.add(w)
    return frozenset(words)


def unit_family(unit: str) -> str:
    """What a unit counts or measures: 'people' and 'villagers' are persons, 'km' and 'ft' lengths."""
    if unit in PERSON_UNITS:
        return "person"
    if unit in COUNTED_SYNONYMS:
        return COUNTED_SYNONYMS[unit]
    if unit in CONVERSIONS:
        return CONVERSIONS[unit][0]
    return unit


def other_people(x: str, y: str) -> bool:
    """Whether two counted things are people and people named by their part ("person" / "protester")."""
    return x != y and {x, y} - {"person"} <= PARTICIPANT_UNITS and "person" in (x, y)


def clause_bounds(claim: Claim, sent: Sentence, breaks: re.Pattern[str] = CLAUSE_BREAK_RE) -> tuple[int, int]:
    """Where the clause holding the claim begins and ends in its sentence's text, between two `breaks`."""
    text = sent.text
    start, end = claim.start - sent.start, claim.end - sent.start
    if not (0 <= start <= end <= len(text)):
        return 0, len(text)
    left = max((m.end() for m in breaks.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in breaks.finditer(text, end)), len(text))
    return left, right


def claim_clause(claim: Claim, sent: Sentence, breaks: re.Pattern[str] = CLAUSE_BREAK_RE) -> str:
    """The clause of the sentence holding the claim, between two `breaks` (statuses and windows are read there)."""
    left, right = clause_bounds(claim, sent, breaks)
    return sent.text[left:right]


def _near(sent: Sentence, claim: Claim) -> str:
    """The claim's own words and the word on each side of it."""
    text = sent.text
    start, end = claim.start - sent.start, claim.end - sent.start
    before = text[max(0, start - 20) : max(0, start)].split()[-1:]
    after = text[max(0, end) : end + 20].split()[:1]
    return " ".join([*before, claim.text, *after])


def _part_of_sum(claim: Claim, sent: Sentence) -> bool:
    """Whether a figure is one part of a sum its sentence adds up ("$550 billion in new money, on top
    of $650 billion already planned"): not the total another outlet gives."""
    if claim.kind not in ("quantity", "money"):
        return False
    end = claim.end - sent.start
    return bool(NEW_PART_AFTER_RE.match(sent.text[end:]) or SUM_CONNECTIVE_RE.search(claim_clause(claim, sent)))


def _coordinated(claim: Claim, sent: Sentence) -> bool:
    """Whether a count is joined by "and" to another count ("two other men and two women")."""
    start, end = claim.start - sent.start, claim.end - sent.start
    if COORDINATED_AFTER_RE.match(sent.text[end:]):
        return True
    before = COORDINATED_BEFORE_RE.search(sent.text[:start])
    # "two were killed and four others were injured": counts of two events, each a total
    return before is not None and not any(EVENT_OF_WORD.get(w.lower()) for w in before.group("between").split())


def _others_than_another_event(claim: Claim, sent: Sentence, what: str) -> bool:
    """Whether a count's "other(s)" sets it apart from a casualty of another kind before it in its
    clause, not from earlier people of its own ("killing 10 and wounding 70 others": 70 wounded in
    all; "Smith was shot. Three other men were shot": more than three)."""
    if what not in CUMULATIVE_EVENTS:
        return False
    words = re.findall(r"[A-Za-z]+", sent.text[: max(0, claim.start - sent.start)])
    while words and OTHERS_RE.fullmatch(words[-1]):
        words = words[:-1]
    if words and EVENT_OF_WORD.get(words[-1].lower()) == what:
        words = words[:-1]  # the count's own verb: "wounding other 70"
    events = {EVENT_OF_WORD.get(w.lower()) for w in words} - {None}
    return bool(events & CUMULATIVE_EVENTS) and what not in events


def relative_unresolved(claim: Claim, article: Article | None) -> bool:
    """A date read relative to a publication date that is unknown or only estimated: it dates nothing."""
    if claim.kind != "date" or YEAR_RE.search(claim.text):
        return False
    if article is None:
        return False
    return article.published is None or article.published_source.startswith("estimated")


def claim_status(
    claim: Claim, sent: Sentence, frame: Frame | None, article: Article | None, reference: date | None = None
) -> str:
    """Reported, planned, cancelled, recurring or background: when the act happens relative to the news.

    `reference` stands for the publication date of an undated article (the batch's, see
    `batch_reference`): a year written out far before it is background there too (#14).
    """
    mods = frame.modifiers if frame else frozenset()
    clause = claim_clause(claim, sent)
    if mods & CANCELLED:
        return "cancelled"
    if (frame and frame.repeated) or mods & RECURRING:
        return "recurring"
    if mods & BACKGROUND - {"had+vbn"} or BACKGROUND_RE.search(clause):
        return "background"
    if "had+vbn" in mods or PLUPERFECT_RE.search(clause):
        # "told AFP that 10 people had been killed": the tense of reported speech, not an earlier event (#14)
        reported = mods & REPORTED_SPEECH if frame else REPORTED_SPEECH_RE.search(sent.text)
        if not reported:
            return "background"
    value = claim.value
    published = article.published if article is not None and article.published is not None else reference
    if (
        claim.kind == "date"
        and isinstance(value, DateValue)
        and value.end is not None
        and published is not None
        and value.end.year < published.year - BACKGROUND_YEARS
    ):
        return "background"
    if mods & PLANNED:
        return "planned"
    return "reported"


# The event class of a count of those taking part in a gathering, however it is said.
PARTICIPATION = "take part"


def count_window(claim: Claim, sent: Sentence, event: str) -> str:
    """A count's time frame: its own window ("in the past 24 hours") or the running total as of the article's day."""
    if claim.kind == "date":
        return ""
    clause = claim_clause(claim, sent)
    window = WINDOW_RE.search(clause)
    if window and not CUMULATIVE_RE.search(clause) and event != PARTICIPATION:
        return "window: " + " ".join(window.group(0).lower().split())
    if event in CUMULATIVE_EVENTS:
        return "as of the article's day"
    return ""


def claim_event(claim: Claim, frame: Frame | None) -> str:
    """The event class of a claim: its own event word, else its predicate's class, else (dates) the predicate.

    A date belongs to the act its parse names ("identified on Monday" is not the shooting of
    Sunday); the event word next to it is only a fallback.
    """
    if claim.kind == "date" and frame is not None and frame.predicate:
        if frame.predicate in LIGHT_VERBS or frame.predicate in REPORTING_VERBS:
            return ""  # the day something was said, not the day it happened
        return event_class(frame.predicate) or frame.predicate
    if claim.event and not _casualty_of_a_measure(claim):
        return claim.event
    if frame is None:
        return ""
    if claim.kind == "quantity" and ROLE + "toll" in frame.agents:
        return "killed"  # "the death toll from Monday's earthquake in the north rose to 1,200"
    cls = event_class(frame.predicate)
    if cls:
        return cls
    if claim.kind == "date" and frame.predicate and frame.predicate not in LIGHT_VERBS:
        return frame.predicate
    return ""


def _casualty_of_a_measure(claim: Claim) -> bool:
    """A casualty event on a length, an amount or a time ("fell some 700 metres to his death") is
    the sentence's, not the measure's: 700 metres were not killed (#14)."""
    if claim.event not in CUMULATIVE_EVENTS or claim.kind == "date":
        return False
    family = unit_family(claim.unit)
    return claim.kind in ("money", "duration", "percent") or (family not in ("person", "") and family in MEASURES)


def elapsed(claim: Claim, sent: Sentence) -> bool:
    """Whether a duration is the time elapsed up to a moment ("one week after the quake", "two
    weeks on,"): reports of different days, or of different moments, count it differently."""
    end = claim.end - sent.start
    return claim.kind == "duration" and 0 <= end <= len(sent.text) and bool(_ELAPSED_RE.match(sent.text[end:]))


def batch_reference(articles: Sequence[Article]) -> date | None:
    """The publication date an undated article of the batch is read against for background years:
    the latest date the batch's own articles give (a record's or an estimate), or None."""
    days = [a.published for a in articles if a.published is not None]
    return max(days) if days else None


def slot_key(
    claim: Claim,
    sent: Sentence,
    frame: Frame | None,
    article: Article | None,
    dates: Sequence[Claim] = (),
    reference: date | None = None,
) -> SlotKey:
    """The slot key of a claim, from the claim, its sentence, its frame, its article and the sentence's
    dates (`reference`: the batch's date for an undated article, see `claim_status`)."""
    what = claim_event(claim, frame)
    counted = ""
    if claim.kind != "date":
        counted = unit_family(claim.unit)
        if not counted and what in CUMULATIVE_EVENTS and isinstance(claim.value, QuantityValue) and claim.value.point:
            counted = "person"  # "killing 10 and wounding 70": a bare count of casualties counts people (#14)
        if (what in CUMULATIVE_EVENTS and _coordinated(claim, sent)) or _part_of_sum(claim, sent):
            counted += " (part)"  # "two other men and two women were wounded": neither is the total
        elif OTHERS_RE.search(_near(sent, claim)) and not _others_than_another_event(claim, sent, what):
            counted += " (others)"  # "three other men": a further group, not the total
        if frame and frame.counted and not frame.counted.startswith("part:"):
            counted = f"{counted}: {frame.counted}" if counted else frame.counted
        elif frame and frame.counted:
            counted = f"{counted}: part of {frame.counted[5:]}"
        if elapsed(claim, sent):
            counted += " (elapsed)"  # "two days after they met" is no length of a "two-day summit"
    if claim.unit == TIME_UNIT:  # a time of day: the slot of its event on its day (see times.py)
        clause = claim_clause(claim, sent)
        on = next((d for d in dates if d.text in clause and isinstance(d.value, DateValue)), None)
        day = describe_date(on.value) if on is not None and isinstance(on.value, DateValue) else ""
        who = frozenset(n for n in frame.names if n not in ENTITY_STOP) if frame else capitalised_names(sent.text)
        what = f"time of {claim.event}" if claim.event else ""
        return SlotKey(claim.kind, what, TIME_UNIT, who, "", "reported", day)
    if claim.event == AGE_EVENT:  # a person's age: the slot of that person (see ages.py)
        who = frozenset({claim.scope}) if claim.scope else frozenset()
        noun = "" if claim.scope else age_noun(claim, sent)
        return SlotKey(claim.kind, AGE_EVENT, f"{AGE_UNIT}: {noun}" if noun else AGE_UNIT, who, "", "reported")
    if claim.kind == "quantity" and _population(claim, sent):
        what, counted = POPULATION, "person"
    elif claim.kind == "quantity" and counted.split(":")[0].split(" (")[0] in ("", "person"):
        state = subset_state(claim, sent)
        if state:
            what, counted = state, counted or "person"
    elif claim.kind == "quantity" and counted and counted not in MEASURES and _degree_subset(claim, sent):
        what = DEGREE_SUBSET
    elif claim.kind == "quantity" and what in PARTICIPATION_EVENTS and counted.split(":")[0] in PARTICIPANT_KINDS:
        what = PARTICIPATION  # "delegates from 130 countries arrived" / "representatives of 135 nations are meeting"
    who = frozenset(n for n in frame.names if n not in ENTITY_STOP) if frame else capitalised_names(sent.text)
    dated = ""
    status = claim_status(claim, sent, frame, article, reference)
    if claim.kind in ("quantity", "money", "percent"):
        clause = claim_clause(claim, sent)
        for d in dates:
            if d.text in clause and isinstance(d.value, DateValue) and d.value.granularity == "day":
                if _dates_another_thing(d, sent):
                    continue
                dated = describe_date(d.value)
                break
        earlier = _earlier_anchor(claim, sent, dates, article)
        period = _unresolved_period(claim, sent, dates) if article is None or article.published is None else ""
        if earlier is not None and status == "reported":
            status, dated = "background", describe_date(earlier)
        elif period and status == "reported":
            status, dated = "background", period
        elif status == "background" and (earlier := _nearest_date(claim, dates)) is not None:
            dated = describe_date(earlier)
    return SlotKey(
        claim.kind,
        what,
        counted,
        who,
        count_window(claim, sent, what),
        status,
        dated,
        described_ages(sent.text) if claim.kind in ("quantity", "money", "duration") else frozenset(),
    )


def _dates_another_thing(date_claim: Claim, sent: Sentence) -> bool:
    """Whether a day in a count's clause dates the event it names or the report, not the count:
    "killed in Monday's earthquake", "the ministry said on Thursday that 1,100 died" (#14)."""
    start, end = date_claim.start - sent.start, date_claim.end - sent.start
    if not 0 <= start <= end <= len(sent.text):
        return False
    return bool(POSSESSIVE_AFTER_RE.match(sent.text, end) or REPORTED_ON_BEFORE_RE.search(sent.text[:start]))


def _population(claim: Claim, sent: Sentence) -> bool:
    """Whether a count of people is a place's population ("home to 120,000 people", "has 200,000 residents")."""
    start = claim.start - sent.start
    if not 0 <= start <= len(sent.text) or (claim.unit and unit_family(claim.unit) != "person"):
        return False
    before = sent.text[max(0, start - 40) : start]
    if claim.qualifier and before.rstrip().lower().endswith(claim.qualifier.lower()):
        before = before.rstrip()[: -len(claim.qualifier)]  # "home to about 100,000": the qualifier is the claim's
    if POPULATION_BEFORE_RE.search(before):
        return True
    return claim.unit in RESIDENT_UNITS and bool(RESIDENTS_BEFORE_RE.search(before))


def subset_state(claim: Claim, sent: Sentence) -> str:
    """The state of a subset a count of people is of ("five are still hospitalized" -> "in hospital"), else ''.

    Read in the words after the count up to the next count: "two in critical condition and three
    in serious condition" gives each its own. A count whose words name the event first ("15 were
    injured and taken to hospital") is the event's total, not a state.
    """
    start = claim.end - sent.start
    if not 0 <= start <= len(sent.text):
        return ""
    after = sent.text[start : start + STATE_WINDOW]
    stop = NEXT_COUNT_RE.search(after)
    after = after[: stop.start()] if stop else after
    event = EVENT_WORD_RE.search(after)
    for state, pattern in SUBSET_STATES:
        m = pattern.search(after)
        if m and (event is None or event.start() > m.start()):
            return state
    return ""


def _degree_subset(claim: Claim, sent: Sentence) -> bool:
    """Whether a count of things is of the worst hit of them ("five villages had been badly hit",
    "12 worst-hit villages", "half of the homes in five villages"), read in the claim, up to the
    next count after it and in the share before it (#14)."""
    start, end = claim.start - sent.start, claim.end - sent.start
    if not 0 <= start <= end <= len(sent.text):
        return False
    if SHARE_IN_PLACES_BEFORE_RE.search(sent.text[max(0, start - STATE_WINDOW) : start]):
        return True  # "half of the homes in five villages had been damaged"
    after = sent.text[end : end + STATE_WINDOW]
    stop = NEXT_COUNT_RE.search(after)
    return bool(DEGREE_SUBSET_RE.search(claim.text + " " + (after[: stop.start()] if stop else after)))


def _earlier_anchor(claim: Claim, sent: Sentence, dates: Sequence[Claim], article: Article | None) -> DateValue | None:
    """The date a count's sentence gives it, when that is an earlier event than the news (#14).

    "The most recent was February 28, when six people were shot", "seven were injured in a July
    2016 shooting": the date nearest the count in its own clause (a day, week or month, not a bare
    year) ends more than `BACKGROUND_DAYS` before the article's publication, so the count is of
    another, earlier event: background, comparable only with background of the same date.
    """
    if article is None or article.published is None:
        return None
    own = [
        d
        for d in dates
        if _in_own_clause(claim, d, sent) and (_dates_an_event(d) or _names_the_antecedent(claim, d, sent))
    ]
    value = _nearest_date(claim, own)
    if value is not None and value.end is not None and (article.published - value.end).days > BACKGROUND_DAYS:
        return value
    return None


def _unresolved_period(claim: Claim, sent: Sentence, dates: Sequence[Claim]) -> str:
    """The month a count's own clause dates it to, in an article without a publication date, else '' (#14).

    An article without a date that says "the quake in September killed seven and injured 40" or
    "the disaster in December 2003, in which more than 31,000 people were killed" counts an event
    of its own month: not the news of the day (which is told by weekday, "on Sunday"), so
    background, compared only with counts of the same month (written out when the year is not).
    """
    for d in dates:
        value = d.value
        if not isinstance(value, DateValue) or value.granularity != "month" or not _in_own_clause(claim, d, sent):
            continue
        if value.start is None:
            return " ".join(d.text.lower().removeprefix("in ").split())
        return describe_date(DateValue(value.start, value.end, value.granularity))
    return ""


def _dates_an_event(date_claim: Claim) -> bool:
    """A day, week or month dates an event, and so does a year after "in" ("In 2018, a storm killed
    15"); a bare year mostly qualifies a noun ("the 2016 election")."""
    value = date_claim.value
    if not isinstance(value, DateValue):
        return False
    return value.granularity != "year" or date_claim.text.lower().startswith("in ")


def _antecedent(text: str, start: int) -> tuple[int, int] | None:
    """Where the head of the relative clause that holds `start` lies ("February 28, when ..."), or None."""
    breaks = list(CLAUSE_BREAK_RE.finditer(text, 0, max(start, 0)))
    if not breaks or not RELATIVE_OPENING_RE.match(breaks[-1].group(0).strip(", ")):
        return None
    return (breaks[-2].end() if len(breaks) > 1 else 0), breaks[-1].start()


def _names_the_antecedent(claim: Claim, date_claim: Claim, sent: Sentence) -> bool:
    """Whether a year names the event a relative clause holding the claim is about: "since the 2020
    Canyon Fire, which burned 41,000 acres", "the 2016 election, when turnout was 60%"."""
    head = _antecedent(sent.text, claim.start - sent.start)
    return head is not None and head[0] <= date_claim.start - sent.start and date_claim.end - sent.start <= head[1]


def _in_own_clause(claim: Claim, date_claim: Claim, sent: Sentence) -> bool:
    """Whether a date is in the claim's clause, or heads the relative clause that holds it
    ("The most recent was February 28, when six people were shot")."""
    text, base = sent.text, sent.start
    start, end = claim.start - base, claim.end - base
    if not (0 <= start <= end <= len(text)):
        return False
    head = _antecedent(text, start)
    breaks = list(CLAUSE_BREAK_RE.finditer(text, 0, start))
    left = head[0] if head is not None else (breaks[-1].end() if breaks else 0)
    right = next((m.start() for m in CLAUSE_BREAK_RE.finditer(text, end)), len(text))
    return left <= date_claim.start - base and date_claim.end - base <= right


def _nearest_date(claim: Claim, dates: Sequence[Claim]) -> DateValue | None:
    """The resolved date of the sentence nearest the claim, if any ("since October 7" -> October 7)."""
    if not dates:
        return None
    nearest = min(dates, key=lambda d: min(abs(d.start - claim.end), abs(claim.start - d.end)))
    value = nearest.value
    if not isinstance(value, DateValue) or value.end is None:
        return None
    since = anchor(value)
    return DateValue(since.start, since.end, since.granularity)  # the day itself, without its "since"


# A time of the call to police and a time of the shooting are one slot only when they are the same time.
CALL_AND_ACT = frozenset({"time of shot", "time of respond"})


def _same_point(a: Claim, b: Claim) -> bool:
    """Two quantities with the same written figure."""
    va, vb = a.value, b.value
    return (
        isinstance(va, QuantityValue)
        and isinstance(vb, QuantityValue)
        and va.point is not None
        and va.point == vb.point
    )


def _ages_match(a: Claim, b: Claim, key_a: SlotKey, key_b: SlotKey, similarity: float, min_similarity: float) -> str:
    """Two ages are one slot when they name one person; unnamed, only when equal, in close sentences
    or said of the same person noun ("a 22-year-old man" in both)."""
    if key_a.what != key_b.what:
        return ""
    if a.scope and b.scope:
        if not same_person(a.scope, b.scope):
            return ""
        if by_elimination(a) or by_elimination(b):
            return (
                f"both give the age of {a.scope}, found by elimination: the only age each gives that the other does not"
            )
        return f"both give the age of {a.scope}"
    if a.value == b.value and similarity >= min_similarity + 0.2:
        return "the same age in close sentences (no name: never set against another age)"
    if a.value == b.value and key_a.counted == key_b.counted != AGE_UNIT and similarity >= min_similarity:
        noun = key_a.counted.partition(": ")[2]
        return f"the same age of a {noun} (no name: never set against another age)"
    return ""


def _only_a_person_in_common(a: Frame, b: Frame) -> bool:
    """Whether two dated acts share only the person they are done to ("the inmates who broke out on
    Sunday" / "a third inmate was arrested on Wednesday"): two acts on one person, not one act."""
    if a.predicate == b.predicate or (
        event_class(a.predicate) and event_class(a.predicate) == event_class(b.predicate)
    ):
        return False
    return a.obj in PEOPLE_OBJECTS | PERSON_UNITS | PARTICIPANT_UNITS


def _named_agents_conflict(a: Frame, b: Frame) -> bool:
    """Both name who acts, and no name in common (role nouns alone, "fighters" / "militants", never conflict)."""
    names_a = {x for x in a.agents if not x.startswith("role:")}
    names_b = {x for x in b.agents if not x.startswith("role:")}
    return bool(names_a) and bool(names_b) and not any(names_match(x, y) for x in names_a for y in names_b)


def shared_names(a: SlotKey, b: SlotKey) -> list[str]:
    """Named participants both keys hold ("Putin" matches "Vladimir Putin")."""
    return sorted(x for x in a.who if any(names_match(x, y) for y in b.who))


def slots_match(
    a: Claim,
    b: Claim,
    key_a: SlotKey,
    key_b: SlotKey,
    frame_a: Frame | None,
    frame_b: Frame | None,
    similarity: float,
    *,
    min_similarity: float,
    min_shared_arguments: int = 2,
) -> str:
    """Why two claims fill one slot, in words; '' when the evidence is not positive.

    Required: the same kind, status and time frame, sentences at least `min_similarity` similar,
    no conflicting agents or places, and then, for dates, the same act (predicate, event class or
    object) with a named participant in common; for counts, the same event class and counted
    thing with a named participant in common, or the same event class and the same specific
    counted thing.
    """
    if a.kind != b.kind or similarity < min_similarity:
        return ""
    if AGE_EVENT in (key_a.what, key_b.what):
        return _ages_match(a, b, key_a, key_b, similarity, min_similarity)
    if TIME_UNIT in (key_a.counted, key_b.counted):
        # one story's shooting (call, arrest) has one time: the event is the slot (a conflict of two
        # times is never more than a question, see grouping.contradiction_confidence)
        if not (key_a.what and key_b.what):
            return ""  # a time of no named event fills no slot (see grouping.value_findings)
        same = key_a.what == key_b.what and key_a.counted == key_b.counted
        days = not key_a.dated or not key_b.dated or key_a.dated == key_b.dated
        if same and days:
            return f"both give the {key_a.what}"
        if {key_a.what, key_b.what} == CALL_AND_ACT and days and _same_point(a, b):
            # "officers were called at about 9:15 p.m." / "opened fire around 9:15 p.m.": the call
            # dates the shooting; only the same time, never set against another (#14)
            return "the same time for the shooting and the call to police (never set against another)"
        return ""
    if key_a.status != key_b.status or key_a.when != key_b.when:
        return ""
    if key_a.people and key_b.people and not key_a.people & key_b.people:
        return ""  # "a 36-year-old fell 150 metres" / "Buckley, 32, fell 600 metres": two people (#14)
    if key_a.dated and key_b.dated and key_a.dated != key_b.dated:
        return ""  # counts of events on different days
    if key_a.status == "background" and bool(key_a.dated) != bool(key_b.dated):
        return ""  # background is compared only with background of the same anchor (#14)
    both = (frame_a, frame_b) if frame_a is not None and frame_b is not None else None
    if both is not None and places_conflict(*both):
        return ""
    if both is not None and a.kind == "date" and agents_conflict(*both):
        return ""  # "the foreign ministers met" is not "the presidents meet"
    if both is not None and _named_agents_conflict(*both):
        return ""
    names = shared_names(key_a, key_b)
    if a.kind == "date":
        if both is None:
            if a.qualifier != b.qualifier and "since" in (a.qualifier, b.qualifier):
                return ""
            return (
                f"both: {key_a.what} on a date; named: {', '.join(names)}"
                if names and key_a.what == key_b.what and key_a.what
                else ""
            )
        fa, fb = both
        if fa.complement and fb.complement and fa.complement != fb.complement:
            return ""  # "charged with battery" / "charged with tampering": two charges
        if not names:
            return ""
        if (events_match(fa, fb) and not _only_a_person_in_common(fa, fb)) or (key_a.what and key_a.what == key_b.what):
            return f"both date '{key_a.what or fa.predicate}'; named: {', '.join(names[:3])}"
        # other words for one act: the same agent acting on the same parties (brokered / sponsored a deal)
        if agents_match(fa, fb) and shared_arguments(fa, fb) >= min_shared_arguments:
            return f"the same party acts on the same parties; named: {', '.join(names[:3])}"
        return ""
    if a.kind == "ordinal":
        if a.scope and b.scope and a.event and a.event == b.event and names:
            return f"both rank '{a.event}'; named: {', '.join(names[:3])}"
        return ""
    if key_a.what == key_b.what and other_people(key_a.counted, key_b.counted) and key_a.what in PEOPLE_EVENTS:
        close = names or (both is not None and events_match(*both)) or similarity >= min_similarity + CLOSE_MARGIN
        # "police arrested 300 people" / "police detained 300 protesters": one count, perhaps in another scope
        return f"both count {key_a.what} ({key_a.counted} / {key_b.counted})" if close else ""
    if key_a.what != key_b.what or key_a.counted != key_b.counted:
        return ""
    if not key_a.counted:
        return ""  # a bare number, or counts of different things
    if key_a.what != key_b.what:
        return ""
    if key_a.what and names:
        return f"both count {key_a.what} ({key_a.counted}); named: {', '.join(names[:3])}"
    specific = key_a.counted not in ("person", "") or bool(key_a.what)
    if specific and both is not None and events_match(*both):
        return f"both count {key_a.what or both[0].predicate} ({key_a.counted})"
    if specific and both is not None and names and not agents_conflict(*both) and named_agents(*both):
        # "Mueller has at least four dozen questions" / "Mueller has given a list of almost four dozen questions"
        holder = named_agents(*both)[0]
        return f"both count {key_a.what or key_a.counted} ({key_a.counted}) of the same named party ({holder})"
    if key_a.what and specific and similarity >= min_similarity + CLOSE_MARGIN:
        return f"both count {key_a.what} ({key_a.counted}) in close sentences"
    if not key_a.what and key_a.counted not in ("person", "") and names and similarity >= min_similarity + CLOSE_MARGIN:
        return f"both count {key_a.counted} in close sentences; named: {', '.join(names[:3])}"
    return ""
