"""Measurement units, counted nouns and currencies."""

from __future__ import annotations

from factcheck.lexicon import word_set as _word_set

IRREGULAR_PLURALS = {
    "children": "child",
    "men": "man",
    "women": "woman",
    "people": "people",
    "lives": "life",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "police": "police",
    "news": "news",
    "series": "series",
    "species": "species",
    "others": "people",
}
# Surface forms of measurement units -> one canonical name; abbreviations only count
# when glued to the number or standing alone ("3km", "5 kg"), never as a prefix of a word.
UNIT_CANON = {
    **dict.fromkeys(("km", "kms", "kilometer", "kilometre", "kilometers", "kilometres"), "kilometre"),
    **dict.fromkeys(("meter", "metre", "meters", "metres"), "metre"),
    **dict.fromkeys(("cm", "cms", "centimeter", "centimetre", "centimeters", "centimetres"), "centimetre"),
    **dict.fromkeys(("mm", "millimeter", "millimetre", "millimeters", "millimetres"), "millimetre"),
    **dict.fromkeys(("mi", "mile", "miles"), "mile"),
    **dict.fromkeys(("ft", "foot", "feet"), "foot"),
    **dict.fromkeys(("inch", "inches"), "inch"),
    **dict.fromkeys(("yd", "yds", "yard", "yards"), "yard"),
    **dict.fromkeys(("kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"), "kilogram"),
    **dict.fromkeys(("g", "gs", "gr", "gram", "grams", "gramme", "grammes"), "gram"),
    **dict.fromkeys(("mg", "milligram", "milligrams"), "milligram"),
    **dict.fromkeys(("lb", "lbs"), "pound"),
    **dict.fromkeys(("oz", "ounce", "ounces"), "ounce"),
    **dict.fromkeys(("tonne", "tonnes", "ton", "tons"), "tonne"),
    **dict.fromkeys(("l", "liter", "litre", "liters", "litres"), "litre"),
    **dict.fromkeys(("ml", "mls", "milliliter", "millilitre", "milliliters", "millilitres"), "millilitre"),
    **dict.fromkeys(("hl", "hectoliter", "hectolitre", "hectoliters", "hectolitres"), "hectolitre"),
    **dict.fromkeys(("gal", "gallon", "gallons"), "gallon"),
    **dict.fromkeys(("cup", "cups"), "cup"),
    **dict.fromkeys(("°c", "celsius", "centigrade"), "celsius"),
    **dict.fromkeys(("°f", "fahrenheit"), "fahrenheit"),
    **dict.fromkeys(("°", "degree", "degrees", "deg"), "degree"),
    **dict.fromkeys(("sec", "secs", "second", "seconds"), "second"),
    **dict.fromkeys(("min", "mins", "minute", "minutes"), "minute"),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), "hour"),
    **dict.fromkeys(("day", "days"), "day"),
    **dict.fromkeys(("week", "weeks"), "week"),
    **dict.fromkeys(("fortnight", "fortnights"), "fortnight"),
    **dict.fromkeys(("month", "months"), "month"),
    **dict.fromkeys(("year", "years", "yr", "yrs"), "year"),
    **dict.fromkeys(("decade", "decades"), "decade"),
    **dict.fromkeys(("century", "centuries"), "century"),
    **dict.fromkeys(("quarter", "quarters"), "quarter"),
    **dict.fromkeys(("magnitude", "magnitudes"), "magnitude"),  # of an earthquake
}
# Abbreviations too short to be trusted after a space ("5 in", "2 m", "3 h").
GLUED_ONLY_UNITS = {"in", "m", "h", "l", "g", "gs", "gr", "s", "mi", "°", "c"}
DURATION_UNITS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century"}
TEMPERATURE_UNITS = {"celsius", "fahrenheit", "degree"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "dlrs": "USD",
    "buck": "USD",
    "bucks": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "yen": "JPY",
    "rupee": "INR",
    "rupees": "INR",
    "shekel": "ILS",
    "shekels": "ILS",
    "franc": "CHF",
    "francs": "CHF",
    "ringgit": "MYR",
    "ringgits": "MYR",
}
CURRENCY_CODES = _word_set(
    "USD EUR GBP CNY JPY INR CAD CHF AUD NZD RUB ILS KWD EGP QAR SAR AED MYR BGN LBP SEK NOK DKK HKD SGD "
    "KRW BRL MXN ZAR TRY UAH PLN MNT PKR"
)
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "us$": "USD", "rs": "INR", "rs.": "INR"}
# Signs written in capitals only, since their lower-case forms are words ("RM42", "L.E. 42") (#15).
CURRENCY_SIGNS_UPPER = {"RM": "MYR", "L.E.": "EGP", "L.E": "EGP"}
# Minor units, a hundredth of their currency ("20 ringgit and 43 sen", "3 UAH 4 kopiykas") (#15).
MINOR_UNITS = _word_set(
    "cent cents c ¢ penny pennies pence sen sens kopek kopeks kopiyka kopiykas kopecks paisa paise fils"
)
# A currency named with its country ("US dollars", "Egyptian pounds"): the adjective, then the code.
CURRENCY_ADJECTIVES = {
    ("us", "dollar"): "USD",
    ("u.s.", "dollar"): "USD",
    ("american", "dollar"): "USD",
    ("canadian", "dollar"): "CAD",
    ("australian", "dollar"): "AUD",
    ("singapore", "dollar"): "SGD",
    ("swiss", "franc"): "CHF",
    ("egyptian", "pound"): "EGP",
    ("lebanese", "pound"): "LBP",
    ("british", "pound"): "GBP",
    ("kuwaiti", "dinar"): "KWD",
    ("qatari", "riyal"): "QAR",
    ("saudi", "riyal"): "SAR",
    ("malaysian", "ringgit"): "MYR",
    ("malaysia", "ringgit"): "MYR",
    ("indian", "rupee"): "INR",
    ("pakistani", "rupee"): "PKR",
    ("russian", "rouble"): "RUB",
    ("russian", "ruble"): "RUB",
    ("chinese", "yuan"): "CNY",
    ("japanese", "yen"): "JPY",
    ("mexican", "peso"): "MXN",
    ("turkish", "lira"): "TRY",
}
# Currency names without a country: ambiguous ones keep their name as the unit.
CURRENCY_WORDS.update(
    {
        **dict.fromkeys(("dinar", "dinars"), "DINAR"),
        **dict.fromkeys(("riyal", "riyals", "rial", "rials"), "RIYAL"),
        **dict.fromkeys(("tugrik", "tugriks"), "MNT"),
        **dict.fromkeys(("peso", "pesos"), "PESO"),
        **dict.fromkeys(("lira", "liras"), "LIRA"),
        **dict.fromkeys(("hryvnia", "hryvnias"), "UAH"),
        **dict.fromkeys(("zloty", "zlotys"), "PLN"),
        **dict.fromkeys(("won",), "KRW"),
    }
)
UNIT_CANON.update(dict.fromkeys(sorted(MINOR_UNITS), "cent"))
# Each canonical unit's dimension and size in that dimension's base unit (metre, gram, litre,
# second). A month is 30 days and a year 365 when mixed with days; calendar units convert
# among themselves exactly (a year is 12 months).
UNIT_SIZES = {
    "kilometre": ("length", 1000.0),
    "metre": ("length", 1.0),
    "centimetre": ("length", 0.01),
    "millimetre": ("length", 0.001),
    "mile": ("length", 1609.344),
    "yard": ("length", 0.9144),
    "foot": ("length", 0.3048),
    "inch": ("length", 0.0254),
    "kilogram": ("mass", 1000.0),
    "gram": ("mass", 1.0),
    "milligram": ("mass", 0.001),
    "pound": ("mass", 453.59237),
    "ounce": ("mass", 28.349523125),
    "tonne": ("mass", 1_000_000.0),
    "litre": ("volume", 1.0),
    "millilitre": ("volume", 0.001),
    "hectolitre": ("volume", 100.0),
    "gallon": ("volume", 3.785411784),
    "second": ("time", 1.0),
    "minute": ("time", 60.0),
    "hour": ("time", 3600.0),
    "day": ("time", 86400.0),
    "week": ("time", 604800.0),
    "fortnight": ("time", 1209600.0),
    "month": ("time", 2592000.0),
    "quarter": ("time", 7776000.0),
    "year": ("time", 31536000.0),
    "decade": ("time", 315360000.0),
    "century": ("time", 3153600000.0),
}
CALENDAR_MONTHS = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}
# Every unit a money claim can carry: the codes currency words and adjectives map to.
MONEY_UNITS = frozenset(CURRENCY_WORDS.values()) | frozenset(CURRENCY_ADJECTIVES.values()) | CURRENCY_CODES

# Words that may follow "a second" / "one second" when it is a span of time ("a second later",
# "a second or two"); any other word after it makes it an ordinal ("a second front", "a second term").
TIME_AFTER_SECOND = frozenset(
    {"later", "ago", "or", "and", "before", "after", "earlier", "longer", "more", "of", "to", "in", "at", "when",
     "while", "too", "then", "the", "each", "per", "apart", "away", "left", "passed", "elapsed"}
)  # fmt: skip
# "eight crew members", "12 staff members": the group before "members" names who is counted.
MEMBER_COLLECTIVES = _word_set(
    "crew staff family cabinet board team council committee parliament congress band gang union party club "
    "faculty jury militia cult cast tribe squad"
)
# "184 passengers and crew", "300 students and teachers": one count of two kinds of people, the second
# with no number of its own; counted as people.
JOINED_PEOPLE = _word_set(
    "passenger crew staff student teacher pupil worker employee soldier civilian officer guest visitor "
    "resident patient doctor nurse child adult parent spectator fan tourist pilgrim player coach volunteer "
    "firefighter rescuer journalist"
)
# "up to 3 times the limit", "five times as many": after "times", a word that makes it a multiple of
# another amount, not a count of occasions ("flown the route 200 times").
MULTIPLE_AFTER_TIMES = _word_set("the as its their his her our higher more greater larger bigger faster")
# ... unless "the" opens a time: "visited 4 times the following year", "three times the same day".
TIMES_THE_OCCASION = _word_set(
    "following next same previous last first second third year week month day night season game match week's "
    "year's month's"
)
# A length per hour is a speed: "60 miles per hour" is 60 mph, "80 km/h" no 80 kilometres.
SPEED_UNITS = {"mile": "mph", "kilometre": "km/h", "metre": "metre/second", "foot": "foot/second"}
# "The number of firefighters on the lines has grown to 1,400": verbs between "the number of <nouns>"
# and a bare figure that make the figure that number.
NUMBER_OF_VERBS = _word_set(
    "rose risen grown grew climbed increased reached jumped fell dropped declined stood stands is was "
    "has have had now to at"
)
