"""What a count is of: event words and the words allowed around them."""

from __future__ import annotations

from factcheck.lexicon import word_set

EVENTS = {
    "killed": (
        "kill",
        "kills",
        "killed",
        "killing",
        "dead",
        "death",
        "deaths",
        "died",
        "die",
        "dies",
        "massacre",
        "massacred",
        "fatalities",
        "fatally",
        "toll",
        "murdered",
        "slain",
    ),
    "injured": ("injured", "injuring", "injures", "wounded", "wounding", "hurt", "injuries", "hospitalized"),
    "killed_unit": ("lives",),
    "attend": (
        "attend",
        "attended",
        "attending",
        "host",
        "hosting",
        "hosts",
        "hosted",
        "representatives",
        "delegates",
        "participants",
        "gathering",
    ),
    "meet": ("meet", "meets", "met", "meeting", "talks", "summit"),
    # the act, never the people who do it ("5,000 protesters" keeps its noun) nor a count of acts;
    # not "march", the month
    "protest": ("marched", "marching", "rally", "rallied", "protest", "protested", "demonstrated"),
    "visit": ("visit", "visits", "visited", "trip", "excursion", "tour", "travel", "arrived", "arrive"),
    "deported": ("deported", "deportation", "deport"),
    "displaced": ("displaced", "fled", "evacuated", "refugees"),
    "arrested": ("arrested", "detained", "arrest"),
    "deployed": ("deploy", "deployed", "troops", "soldiers"),
    "attack": ("attack", "attacks", "stormed", "crossed", "invasion", "invaded", "strike", "strikes", "airstrike"),
    "fund": ("funding", "aid", "contributed", "spent", "pledged", "invested"),
}
EVENT_OF_WORD = {w: event for event, words in EVENTS.items() for w in words if event != "killed_unit"}
# Event words only in lower case: "joined the march", never the month of "since 12 March".
LOWER_CASE_EVENTS = {"march": "protest"}
# Event words that may take the count right after them ("killed three", "deaths of 12").
EVENT_BEFORE_COUNT = {
    *("kill", "kills", "killed", "killing", "death", "deaths", "massacre", "massacred", "murdered", "toll"),
    *("injured", "injuring", "injures", "wounded", "wounding", "hurt"),
    *("attend", "attended", "host", "hosting", "hosts", "hosted", "representatives", "delegates", "participants"),
    *("deported", "deport", "arrested", "detained", "deploy", "deployed", "evacuated", "displaced", "visited"),
    *("funding", "aid", "contributed", "spent", "pledged", "invested"),
}
# Words allowed between such an event word and its count.
GAP_WORDS = {
    *("of", "the", "a", "an", "to", "all", "another", "other", "at", "least", "his", "her", "their", "its", "from"),
    "some",
    *("rose", "reached", "climbed", "stood", "stands", "is", "was", "now", "has", "had", "risen", "total", "jumped"),
    *("rises", "reaches", "climbs", "passes", "passed", "tops", "topped", "exceeds", "exceeded", "surpassed"),
}
CASUALTY_EVENTS = {"killed", "injured"}
# Things counted that are never casualties, whatever event word is near.
NOT_CASUALTY_UNITS = {
    *("gunman", "gunmen", "shooter", "suspect", "attacker", "assailant", "killer", "murderer", "man-hunt"),
    "time",
    "shot",
    "round",
    "bullet",
    "car",
    "vehicle",
    "block",
    "call",
    "gun",
    "weapon",
    "count",
    "charge",
    "shooting",
    "incident",
    "attack",
    "home",
    "house",
    "hospital",
    "dollar",
    "case",
    "cent",
    "share",
    "point",
}

EVENT_NEEDS_PASSIVE = {"killed", "injured", "wounded", "hurt", "murdered", "slain", "massacred"}
# Active forms that take their victims after them: a count before them did it ("two men accused of killing her").
ACTIVE_GERUNDS = word_set("killing murdering injuring wounding")
# Event words that are also what is counted: "three visits" counts visits, as "his third visit" orders them.
EVENT_NOUNS = word_set(
    "visit visits trip trips meeting meetings talks summit summits attack attacks strike strikes airstrike "
    "airstrikes arrest arrests deportation deportations tour tours invasion invasions massacre massacres "
    "deaths death fatalities injuries lives "
    # people counted by the word that names their part: "28,500 troops", "500 delegates" (#15)
    "troops soldiers representatives delegates participants refugees"
)

# People a casualty sentence names without a number ("the victim died", "a 17-year-old was killed"):
# each singular one counts one (#15).
PERSON_NOUNS = word_set(
    "man woman boy girl teen teenager child kid baby infant toddler victim officer deputy trooper student "
    "son daughter husband wife mother father brother sister grandmother grandfather uncle aunt nephew niece "
    "cousin person resident bystander driver passenger customer clerk employee worker guard suspect gunman "
    "shooter attacker neighbor neighbour friend boyfriend girlfriend fiance fiancee mom dad youth juvenile "
    "teacher pastor owner manager cashier security"
)
# Words for two people ("the couple were found dead", "both died").
PAIR_WORDS = word_set("both couple pair")
# Who a statement is attributed to when no name is given ("police said", "officials told reporters") (#15).
ATTRIBUTION_SOURCES = word_set(
    "police officers officials authorities investigators prosecutors witnesses sources spokesman spokeswoman "
    "spokesperson officers deputies troopers firefighters paramedics doctors medics residents neighbours neighbors "
    "relatives family organisers organizers experts analysts reports media state-media"
)
ATTRIBUTION_VERBS = word_set("said says say told reported announced explained stated confirmed added")
