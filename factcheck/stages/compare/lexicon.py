"""Word lists of the comparison: data, apart from the algorithms that read them (#14)."""

from __future__ import annotations

import calendar as _calendar
import re

from factcheck.stages.claims import NUMBER_WORDS, SCALES, TENS, UNITS, VAGUE

# Units that count people: "five people", "two villagers" and "80 residents" count one kind of thing.
PERSON_UNITS = {
    *("people", "person", "civilian", "resident", "individual", "victim", "citizen", "life", "live"),
    *("villager", "man", "woman", "child", "adult", "persons", "inhabitant"),
}
# People named by their part in an act ("300 protesters", "40 students"), besides `PERSON_UNITS`.
PARTICIPANT_UNITS = {
    *("protester", "protestor", "demonstrator", "marcher", "student", "worker", "migrant", "refugee"),
    *("passenger", "soldier", "troop", "officer", "civilian", "child", "resident", "villager", "fan"),
}
# Taking part in one gathering, however a sentence says it ("delegates from 130 countries arrived",
# "representatives of 135 nations are meeting"): for counts of those taking part, one act whose
# window ("this week") is only when the gathering is.
PARTICIPATION_EVENTS = {"attend", "visit", "meet"}
PARTICIPANT_KINDS = {"country", "delegate", "delegation", "representative", "leader", "minister", "government"}
# Counted nouns that are one thing ("130 countries" / "135 nations").
COUNTED_SYNONYMS = {"nation": "country", "position": "job", "post": "job"}
# A physical quantity in another unit is the same quantity: factors to one base unit per family.
CONVERSIONS: dict[str, tuple[str, float]] = {
    **{u: ("length", f) for u, f in (("metre", 1.0), ("meter", 1.0), ("kilometre", 1000.0), ("kilometer", 1000.0))},
    **{u: ("length", f) for u, f in (("km", 1000.0), ("centimetre", 0.01), ("foot", 0.3048), ("feet", 0.3048))},
    **{u: ("length", f) for u, f in (("ft", 0.3048), ("mile", 1609.344), ("yard", 0.9144), ("inch", 0.0254))},
    **{u: ("length", f) for u, f in (("millimetre", 0.001), ("millimeter", 0.001), ("mm", 0.001))},
    **{u: ("length", f) for u, f in (("centimeter", 0.01), ("cm", 0.01))},
    **{u: ("mass", f) for u, f in (("kilogram", 1.0), ("kg", 1.0), ("gram", 0.001), ("pound", 0.4536))},
    **{u: ("mass", f) for u, f in (("tonne", 1000.0), ("ton", 1000.0))},
    **{u: ("area", f) for u, f in (("hectare", 10_000.0), ("acre", 4046.86), ("square kilometre", 1e6))},
}
# Rounding of a figure converted by the outlet ("2,000ft (609 metres)"): compared within this share.
CONVERSION_TOLERANCE = 0.05
# An approximate round figure ("about 600", "some 700", "an estimated $102 million") covers the
# values that round to it at its own precision (#14): half its rounding step each way, the step
# being the last written digit's place, or five of them when the figure ends in 5 ("about 15":
# 12.5-17.5; "about 150": 125-175). At least this share of the figure each way (a figure of many
# digits, "about 1,234", is still an estimate), and at least one unit for a figure below ten
# ("about five": four to six).
APPROXIMATE_MIN_SHARE = 0.02
APPROXIMATE_SMALL = 10
# Counts that accumulate over a story (a toll): a later, higher figure is an update (#14).
CUMULATIVE_EVENTS = {"killed", "injured", "arrested", "displaced", "deported"}
# People a story's acts are done to, besides `PERSON_UNITS` and `PARTICIPANT_UNITS`: two acts on
# one of them ("the inmates who broke out on Sunday" / "a third inmate was arrested on Wednesday")
# are two acts, not one act dated twice (#14).
PEOPLE_OBJECTS = {
    *("inmate", "prisoner", "escapee", "fugitive", "convict", "detainee", "hostage", "captive", "suspect"),
    *("victim", "patient", "player", "defendant", "survivor", "climber", "hiker", "driver", "pilot", "crew"),
}
# Acts whose counts are of people: a count of "people" and one of "protesters" may be one count,
# in another scope (never set against each other).
PEOPLE_EVENTS = {*CUMULATIVE_EVENTS, "protest"}

# Words that open or fill a capitalised phrase without naming anyone.
ENTITY_STOP = {
    *(d.lower() for d in _calendar.day_name),
    *(m.lower() for m in _calendar.month_name if m),
    *("the", "a", "an", "on", "in", "at", "after", "before", "this", "that", "it", "he", "she", "they"),
    *("president", "minister", "foreign", "prime", "mr", "ms", "mrs", "but", "and", "police", "officials"),
    *UNITS,  # "Two people were killed": a sentence-initial number is not a name
    *TENS,
    *SCALES,
    *NUMBER_WORDS,
    *VAGUE,
}

# Status of the act a claim dates or counts, read from the predicate's modifiers (frames) and the
# claim's clause. "^lemma" marks a governing verb or adjective ("plans to meet", "a planned trip").
PLANNED = {"will", "shall", "'ll", "^plan", "^schedule", "^due", "^expect", "^set", "^intend", "^prepare"}
PLANNED |= {"^aim", "^hope", "^upcoming", "^propose", "^slate", "would", "^go"}
CANCELLED = {"^cancel", "^postpone", "^scrap", "^call", "^delay", "^suspend", "^abandon"}
RECURRING = {"again", "anew", "regularly", "repeatedly", "^annual", "^regular", "^weekly", "^daily", "^another"}
BACKGROUND = {"already", "previously", "once", "formerly", "had+vbn", "^previous", "^former", "^earlier", "^last"}
# Governing verbs of reported speech, whose past perfect is the tense of the report, not background.
REPORTED_SPEECH = {"^say", "^tell", "^report", "^announce", "^confirm", "^add", "^state", "^note", "^explain"}
# Clause words that set the status where the parse gives none.
BACKGROUND_RE = re.compile(
    r"\b(?:already|previously|formerly|\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+times\b|"
    r"\bsince\s+(?:19|20)\d\d\b|\bin\s+the\s+past\b(?!\s+(?:\d+|two|24|48|few)\b)",
    re.IGNORECASE,
)
# The past perfect ("had met"): background, unless it is the tense of reported speech.
PLUPERFECT_RE = re.compile(r"\bhad\s+(?:already\s+)?\w+(?:ed|en|met|held|made)\b", re.IGNORECASE)
# Words of reported speech in a clause without a parse ("told AFP that", "said").
REPORTED_SPEECH_RE = re.compile(r"\b(?:said|says|told|tells|reported|announced|confirmed|added|stated)\b", re.I)
# A count over a window of its own, not the running total ("40 died in the past 24 hours").
WINDOW_RE = re.compile(
    r"\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:\d+|\w+)?\s*(?:hours?|days?|weeks?|months?)\b|"
    r"\b(?:on|in)\s+\w+\s+alone\b|\balone\b|\bdaily\b|\bper\s+day\b|\ba\s+day\b|\bovernight\b|"
    r"\b(?:this|last)\s+(?:week|month|weekend)\b|\btoday\b|\byesterday\b",
    re.IGNORECASE,
)
# A day that names an event ("Monday's earthquake") or dates a report ("the ministry said on
# Thursday that ..."), not a count in its clause.
POSSESSIVE_AFTER_RE = re.compile(r"\s?['’]s\b")
REPORTED_ON_BEFORE_RE = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|reported|confirmed|added|stated)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
# A running total: the count so far of the whole story.
CUMULATIVE_RE = re.compile(
    r"\b(?:toll|total|so\s+far|in\s+all|overall|altogether|to\s+date|rose|risen|climbed)\b", re.IGNORECASE
)
# Words of a clause boundary: a claim's status is read inside its own clause.
CLAUSE_BREAK_RE = re.compile(
    r"[;:()]|\s[—–-]\s|,\s(?:and|but|while|who|which|when|after|before)\b|\b(?:but|while|whereas)\b"
)
# A clause break that opens a relative clause: its head is in the clause before ("February 28, when ...").
RELATIVE_OPENING_RE = re.compile(r"(?:when|where|which)$", re.IGNORECASE)
# A count of a further group, disjoint from the first ("three other men", "seven more people").
OTHERS_RE = re.compile(r"\b(?:other|others|additional|another|further|remaining)\b|\bmore\b(?!\s+than)", re.IGNORECASE)
# A count coordinated with another count ("two other men and two women were wounded"): each is a
# part of the group, not its total.
_COUNT = r"(?:\d[\d,.]*|" + "|".join(sorted((*UNITS, *TENS), key=len, reverse=True)) + r")"
COORDINATED_AFTER_RE = re.compile(rf"^\s*,?\s*(?:and|plus)\s+{_COUNT}\b", re.IGNORECASE)
COORDINATED_BEFORE_RE = re.compile(
    rf"\b{_COUNT}\s+(?P<between>(?:[a-z]+\s+){{0,2}}?)(?:and|plus)\s+(?:other\s+|more\s+)?$", re.IGNORECASE
)
# A figure that is one part of a sum: "$550 billion in new money, on top of $650 billion already
# planned", "in addition to the 300 troops there", "$20 million in fresh aid" (#14).
SUM_CONNECTIVE_RE = re.compile(r"\b(?:on top of|in addition to|over and above)\b", re.IGNORECASE)
NEW_PART_AFTER_RE = re.compile(
    r"^\s*(?:in|of)\s+(?:new|additional|extra|fresh)\s+(?:money|spending|funding|funds|investment|aid|cash|debt|borrowing)\b",
    re.IGNORECASE,
)
# What an amount or a share measures, by the noun that names it ("net profit rose 18% to $1.2
# billion", "revenue of $8.4 billion", "$3 billion in sales"): two measures never contradict (#14).
MEASURE_NOUNS = {
    **dict.fromkeys(("revenue", "revenues", "sales", "turnover"), "revenue"),
    **dict.fromkeys(("profit", "profits", "net income", "earnings", "income"), "profit"),
    **dict.fromkeys(("loss", "losses"), "loss"),
    **dict.fromkeys(("margin", "margins"), "margin"),
    **dict.fromkeys(("deficit", "deficits"), "deficit"),
    **dict.fromkeys(("debt", "debts"), "debt"),
    **dict.fromkeys(("budget", "budgets"), "budget"),
    **dict.fromkeys(("dividend", "dividends"), "dividend"),
    **dict.fromkeys(("salary", "salaries", "wage", "wages"), "pay"),  # not "pay": mostly the verb
    **dict.fromkeys(("fine", "fines", "penalty", "penalties"), "fine"),
    **dict.fromkeys(("tax", "taxes", "tariff", "tariffs"), "tax"),
    **dict.fromkeys(("investment", "investments"), "investment"),
    **dict.fromkeys(("market value", "valuation", "market capitalisation", "market capitalization"), "value"),
    **dict.fromkeys(("unemployment", "inflation", "growth", "turnout"), "rate"),
    **dict.fromkeys(("offer", "offers", "bid", "bids", "offer price", "takeover price"), "offer"),
    **dict.fromkeys(("premium", "discount"), "premium"),
}
# A market's price of a company's shares, named before the figure ("Brightline shares jumped 24% to
# $37.10", "the stock closed at $37.25"): a price that moves through the trading day, so two
# outlets' figures may be of two moments (early trading, the close), a question at most (#14).
# Not read after a figure: "$1 billion in stock" is a payment.
MARKET_PRICE = "share price"
MARKET_NOUNS = ("shares", "stock", "stocks", "share price", "stock price", "share prices")
# Predicates that date a report about an event, not the event ("authorities said on Thursday").
REPORTING_VERBS = {"say", "tell", "report", "announce", "confirm", "add", "state", "write", "identify", "note"}
# A year written out: a date without one is read relative to the article's publication date.
YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")
# Lower-case words that say nothing of a statement's predicate: function words, reporting verbs,
# time words. Two sentences sharing only these share no predicate.
# The verbs that close an attribution at the end of a clause ("…, the civil protection agency
# said."): who said it is not what was said, so two outlets naming one source share no statement.
ATTRIBUTION_VERBS = ("said", "says", "told reporters", "reported", "added", "announced", "confirmed", "stated")
STATEMENT_STOP = {
    *("that", "this", "these", "those", "there", "their", "they", "them", "then", "than", "with", "from"),
    *("have", "has", "had", "having", "were", "been", "being", "would", "could", "should", "will", "shall"),
    *("said", "says", "say", "saying", "told", "tell", "tells", "according", "added", "also", "about"),
    *("after", "before", "into", "onto", "over", "under", "when", "where", "which", "while", "what", "whom"),
    *("whose", "other", "others", "some", "such", "only", "more", "most", "much", "many", "very", "just"),
    *("last", "next", "first", "year", "years", "week", "weeks", "month", "months", "time", "times", "today"),
    *("yesterday", "tomorrow", "morning", "night", "evening", "afternoon", "people", "because", "since"),
    *("during", "through", "against", "between", "among", "around", "still", "even", "well", "made", "make"),
    *("does", "did", "done", "doing", "your", "yours", "ours", "himself", "herself", "itself", "each"),
}
# States of a subset of the people an event counts (#14): "five are still hospitalized, two in
# critical condition" are not the injured total. Read after the count, up to the next count.
SUBSET_STATES = (
    ("in critical condition", re.compile(r"\bcritical(?:ly)?\b", re.I)),
    ("in serious condition", re.compile(r"\bserious(?:ly)?\s+(?:condition|injur|wound|hurt)", re.I)),
    ("in stable condition", re.compile(r"\b(?:stable|good|fair)\s+condition\b", re.I)),
    ("treated and released", re.compile(r"\b(?:treated\s+and\s+released|released|discharged)\b", re.I)),
    ("treated at the scene", re.compile(r"\btreated\s+(?:at|on)\s+the\s+scene\b", re.I)),
    (
        "in hospital",
        re.compile(
            r"\bhospitali[sz]ed\b|\bin\s+(?:the\s+)?hospital\b|\b(?:taken|transported|rushed|brought|sent)\s+to\s+"
            r"(?:a\s+|the\s+|area\s+|local\s+|\w+\s+)?hospitals?\b|\bremain(?:s|ed)?\s+in\b",
            re.I,
        ),
    ),
    ("treated", re.compile(r"\btreated\b", re.I)),
    # "about 1,800 were still in temporary shelters": part of those evacuated
    (
        "in shelters",
        re.compile(r"\bin\s+(?:\w+\s+)?(?:shelters?|evacuation\s+cent(?:re|er)s?|relief\s+camps?)\b", re.I),
    ),
)
# A subset of a counted thing marked by degree (#14): "five villages had been badly hit", "12
# worst-hit villages", "seven villages were flattened" count part of the villages hit, not all of
# them ("about 15 villages destroyed or damaged"). Read just before the count's noun or after it.
DEGREE_SUBSET_RE = re.compile(
    r"\b(?:badly|worst|hardest|severely|heavily|seriously|completely|totally)\s*-?\s*(?:hit|affected|damaged|struck)\b|"
    r"\b(?:flattened|levell?ed|razed|wiped\s+out)\b",
    re.IGNORECASE,
)
DEGREE_SUBSET = "worst affected"
# A count of places that holds a share of things ("between half and two-thirds of homes in five
# villages"): where that degree of damage holds, a subset of the places hit.
SHARE_IN_PLACES_BEFORE_RE = re.compile(
    r"\b(?:half|thirds?|quarters?|fifths?|most|majority|\d+\s*(?:%|percent|per\s+cent))\s+of\s+"
    r"(?:the\s+|all\s+)?(?:[a-z-]+\s+){1,2}in\s+$",
    re.IGNORECASE,
)
# Where the words after a count stop describing it: the next count, or the event itself said first.
NEXT_COUNT_RE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|another|others?)\b|[;.]", re.I
)
EVENT_WORD_RE = re.compile(r"\b(?:injur\w*|wound\w*|hurt|shot|kill\w*|dead|died|die)\b", re.I)
# How far after a count its state is read, in characters.
STATE_WINDOW = 60
# Words that mark a count as an update of an earlier one ("bringing the total to 17").
UPDATE_RE = re.compile(
    r"\b(?:bringing\s+the\s+(?:total|toll|number)|(?:rose|risen|climbed|increased|jumped|grew)\s+to|"
    r"an\s+additional|updated?\s+(?:figures?|toll|count|total)|revised|came\s+forward)\b",
    re.IGNORECASE,
)
# A figure given as the new value of something changed ("the state raised the reward to $75,000",
# "cut its forecast to 2%", "35,000, up from 22,000"): another report's other figure may be the
# value before the change (#14). Read just before the figure, or right after it.
CHANGED_TO_BEFORE_RE = re.compile(
    r"\b(?:rais|increas|boost|doubl|tripl|lift|hik|upp|extend|expand|cut|lower|reduc|trimm?|slash|halv|"
    r"narrow|revis|adjust|updat|rose|rise|risen|rising|climb|jump|grew|fell|fall|dropp|slid|sank|eased)\w*\b"
    r"(?:\s+[\w'’$.,-]+){0,5}?\s+to\s*$",
    re.IGNORECASE,
)
CHANGED_FROM_AFTER_RE = re.compile(r"^\s*,?\s*(?:up|down)\s+from\b", re.IGNORECASE)
# Acts whose counts grow as a story goes on, besides the casualties (`CUMULATIVE_EVENTS`): homes
# flooded or damaged, people rescued, fugitives recaptured. Between reports of different days a
# later, higher figure is an update; a lower one still needs its own word of revision (#14).
ACCUMULATING_ACTS = {
    *("flood", "damage", "destroy", "evacuate", "rescue", "recapture", "capture", "recover", "strand"),
    *("submerge", "inundate", "burn", "collapse", "infect", "detain", "charge", "convict", "find"),
}
# Words of a report that revises its own count ("revising its earlier figure", "the toll was corrected").
REVISED_RE = re.compile(
    r"\b(?:revis(?:ed|es|ing|ion)|correct(?:ed|ing|ion)|lowered|downgraded|scaled\s+back)\b", re.IGNORECASE
)
# People's ages, derived by the comparison (the extractor masks them as identifiers).
AGE_EVENT = "age"
AGE_UNIT = "years old"
# The person noun after an unnamed age ("a 22-year-old man", "the 19 - year - old female driver"), and
# the nouns that say who: two unnamed ages agree only when equal and of one noun (#14).
AGE_NOUN_RE = re.compile(r"\s?-\s?years?\s?-\s?old\s+(?:(?:female|male|local|unidentified)\s+)?([a-z]+)\b")
PERSON_NOUNS = {"man", "woman", "boy", "girl", "driver", "passenger", "teen", "teenager", "victim", "suspect"}
# What a sentence says its aged people did or suffered: who is shot and who shoots are two people.
AGE_VICTIM_RE = re.compile(
    r"\b(?:shot|wounded|killed|died|dead|injured|hurt|struck|hit|victims?|hospitali[sz]ed|pronounced)\b", re.IGNORECASE
)
AGE_SUSPECT_RE = re.compile(
    r"\b(?:suspects?|shooter|gunman|arrested|charged|accused|booked|custody|fled|opened\s+fire|"
    r"(?:shot|killed|stabbed)\s+(?:his|her|their|a|an|the)\b)",
    re.IGNORECASE,
)
# "shot by his 14-year-old friend": the age before which this stands is the one who acts.
AGE_AGENT_BEFORE_RE = re.compile(r"\bby\s+(?:his|her|their|a|an|the)\s+$", re.IGNORECASE)
# Month and weekday names: "March 26, 2017" and "Sunday, 26" are dates, not a name and an age.
MONTHS = {m.lower() for m in (*_calendar.month_name, *_calendar.day_name) if m}
# A place's population: "home to 120,000 people", "a population of 2 million", "has about 200,000 residents".
POPULATION_BEFORE_RE = re.compile(
    r"\b(?:home\s+to|population\s+(?:of|is|was|stands\s+at)|populated\s+by|inhabited\s+by)\s+$", re.IGNORECASE
)
RESIDENTS_BEFORE_RE = re.compile(r"\b(?:has|have|had|with)\s+$", re.IGNORECASE)
RESIDENT_UNITS = {"resident", "inhabitant", "residents", "inhabitants"}
POPULATION = "population"
# "next Friday", "this coming Sunday": which week is meant differs between writers.
NEXT_WEEKDAY_RE = re.compile(
    r"\b(?:next|this\s+coming|coming|this)\s+(?:" + "|".join(d for d in _calendar.day_name) + r")\b", re.IGNORECASE
)
# A weekday alone, as `values.day_words` leaves it ("friday", "sunday night" is not one).
WEEKDAY_WORDS_RE = re.compile("|".join(d.lower() for d in _calendar.day_name))
# Times of day, derived by the comparison (the extractor masks them): minutes after midnight, and
# the events a time in a sentence may be of, the nearest event word deciding.
TIME_UNIT = "minutes after midnight"
TIME_EVENTS = (
    ("shot", re.compile(r"\b(?:shoot\w*|shot|shots|gunfire|gunshots?|fired|opened\s+fire|stabb\w*)\b", re.I)),
    ("respond", re.compile(r"\b(?:respond\w*|called|dispatch\w*|911|arrived|reported)\b", re.I)),
    ("killed", re.compile(r"\b(?:died|pronounced\s+dead|death)\b", re.I)),
    ("arrested", re.compile(r"\b(?:arrest\w*|custody|stopped|apprehended)\b", re.I)),
    ("fire", re.compile(r"\b(?:fire\s+broke\s+out|blaze|flames)\b", re.I)),
    ("struck", re.compile(r"\b(?:quake|earthquake|tremor|struck)\b", re.I)),
    ("raid", re.compile(r"\b(?:raid\w*|robbery|robbed|stole|heist)\b", re.I)),
)
# Statement conflicts (#14): words that deny the predicate after them ("does not name Trump").
NEGATORS_RE = re.compile(r"\b(?:not|never|n['’]t)\b|\b\w+n['’]t\b", re.IGNORECASE)
# Words between a negator and the predicate it denies ("has not yet been named", "was not officially").
NEGATION_SKIP = {
    *("be", "been", "being", "is", "are", "was", "were", "have", "has", "had", "do", "does", "did"),
    *("yet", "also", "even", "ever", "always", "currently", "officially", "publicly", "immediately"),
    *("formally", "initially", "directly", "really", "actually", "necessarily", "to"),
}
# Negators that do not deny a predicate: "not just nuclear", "not only", a modal or conditional
# denial ("would not want", "if he did not"), a denial answering a question ("or not,").
NOT_A_DENIAL_RE = re.compile(
    r"\b(?:would|could|might|may|should|if|whether|unless)\s+(?:\w+\s+)?(?:not|never)\b|"
    r"\b(?:wouldn|couldn|shouldn|mightn)['’]t\b|\b(?:not|never)\s+(?:just|only|merely|simply|even)\b|"
    r"\b(?:not|never)\s*[,.;:]",
    re.IGNORECASE,
)
# Words after a predicate read as what it is said of ("name Trump as a defendant": trump, defendant;
# "naming a long list of defendants that includes Mr. Trump": a list phrase reaches further).
ARGUMENT_REACH = 10
# How many of those a denial and its opposite must share.
MIN_SHARED_ARGUMENTS = 2
# How many words after a negator its predicate may come.
NEGATION_REACH = 4
# A denial of a state that may change from one report to the next ("have not made any arrests",
# "has not yet been identified"): between articles of different days an update, not a conflict.
CHANGING_STATE_RE = re.compile(
    r"\b(?:yet|so\s+far|still|as\s+of|at\s+this\s+time|currently)\b|\b(?:has|have)\s+not\b|"
    r"\b(?:hasn|haven)['’]t\b",
    re.IGNORECASE,
)
# Modifiers of opposite sense before one head word ("well equipped" / "insufficiently equipped"),
# and places of opposite sense before one noun ("in a Pontiac home" / "outside a Pontiac home").
OPPOSITE_MODIFIERS = (
    (
        frozenset({"well", "adequately", "sufficiently", "properly", "fully", "appropriately", "correctly"}),
        frozenset({"insufficiently", "inadequately", "poorly", "badly", "improperly", "ill", "incorrectly"}),
    ),
    (frozenset({"inside", "in", "within"}), frozenset({"outside"})),
)
# A modifier, optional quotation marks, then its head ("'insufficiently' equipped"); a place
# preposition, a determiner, up to two capitalised words, then the place noun.
MODIFIED_HEAD_RE = re.compile(r"\b(\w+ly|well|ill)[\"”“'’]?\s+(\w+)\b", re.IGNORECASE)
PLACE_HEAD_RE = re.compile(
    r"\b(inside|in|within|outside)\s+(?:a|an|the|his|her|their)\s+(?:[A-Z][\w'’-]*\s+){0,2}([a-z]\w+)\b"
)
# Who a person is (#14): a report that the identity is not yet known or released ("None of the
# people shot have been identified", "The victim's name has not been released"), and one that
# names them ("has been identified by police as 14-year-old Taylor Smith", "Ann Lee and Bo Ray
# were identified"). A name is two capitalised words or more.
IDENTITY_DENIED_RE = re.compile(
    r"\b(?:identit(?:y|ies)|names?)\b[^.;]{0,40}?\b(?:not|n['’]t|yet\s+to)\b[^.;]{0,20}?\b"
    r"(?:released|made\s+public|disclosed|confirmed)\b|"
    r"\b(?:not|n['’]t|yet\s+to)\b[^.;]{0,30}?\b(?:released|disclosed)\b[^.;]{0,20}?\b(?:identit(?:y|ies)|names?)\b|"
    r"\b(?:not|n['’]t|yet\s+to)\s+(?:yet\s+)?(?:been\s+)?(?:identified|named)\b|"
    r"\b(?:neither|none)\b[^.;]{0,40}?\b(?:identified|released)\b|"
    r"\b(?:no|any)\s+(?:positive\s+)?identification\b|\bhard\s+time\s+identifying\b",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+))*\s+[A-Z][\w'’-]+"
IDENTIFIED_AS_RE = re.compile(
    r"\b(?:identified|named)\b(?:\s+(?!as\b)[\w'’]+){0,4}?\s+as\s+(?:(?:a|an|the)\s+)?"
    r"(?:\d+\s*-?\s*years?\s*-?\s*old\s+)?(?P<name>" + _NAME + ")"
)
NAME_IDENTIFIED_RE = re.compile(
    r"(?P<name>" + _NAME + r")(?:,\s*\d+,)?\s+(?:was|were|has\s+been|have\s+been)\s+identified\b"
)
# Whether anyone is arrested (#14): none yet ("No arrests have been made", "Police do not have any
# suspects in custody", "remains at large") and someone arrested, charged or captured.
NO_ARREST_RE = re.compile(
    r"\bno\s+(?:one|arrests?|suspects?|charges)\b[^.;]{0,40}?\b(?:made|custody|arrested|yet|occurred|filed)\b|"
    r"\bno\s+arrests?\b|\b(?:not|n['’]t)\b[^.;]{0,25}?\b(?:in\s+custody|arrests?|arrested)\b|"
    r"\b(?:remains?|remained|still)\s+at\s+large\b|\b(?:is|are|remain|remains)\s+on\s+the\s+run\b",
    re.IGNORECASE,
)
ARRESTED_RE = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:arrested|charged|captured|apprehended|"
    r"booked|taken\s+into\s+custody)\b|\b(?:have|has|had|'ve|’ve)\s+(?:\w+\s+)?(?:arrested|captured|apprehended|charged)\b|"
    r"\b(?:turned\s+(?:himself|herself)\s+in|(?:is|are)\s+in\s+custody)\b",
    re.IGNORECASE,
)
