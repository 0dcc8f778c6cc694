"""Casualty counts the verdicts need (#14): made-up sentences, one row per reading rule."""

import math
from datetime import date

import pytest

from factcheck.stages.claims import extract_claims_from_text
from factcheck.stages.claims.quantities import extract_quantities

INF = math.inf

# (text, [(surface, event, low, high)]) for every quantity claim of the text, in order.
COUNTS = [
    # "other"/"another" N after the event word
    (
        "The blast went off, killing 10 persons and wounding other 70.",
        [("10 persons", "killed", 10, 10), ("70", "injured", 70, 70)],
    ),
    ("The attack killed two and injured another 15.", [("two", "killed", 2, 2), ("15", "injured", 15, 15)]),
    # treated after being injured
    ("Officials said five people had received treatment after being injured.", [("five people", "injured", 5, 5)]),
    ("Two villagers slightly injured in the clash.", [("Two villagers", "injured", 2, 2)]),
    # a part of the wounded is no total of the wounded
    ("Thirty of the 80 wounded remained in hospital.", [("Thirty", "", 30, 30), ("80", "injured", 80, 80)]),
    # the predicate after "N of the M victims" counts N
    ("Police say four of the five victims were shot to death.", [("four", "killed", 4, 4), ("five victims", "", 5, 5)]),
    # "as many as N" states N, the upper end of the figure: [0.9N, N] (lexicon/qualifiers.py)
    ("Three of the victims were killed.", [("Three", "killed", 3, 3)]),
    ("Two of them were wounded.", [("Two", "injured", 2, 2)]),
    ("As many as 80 people were also wounded.", [("As many as 80 people", "injured", 72, 80)]),
    ("Up to 80 people were hurt.", [("Up to 80 people", "injured", 0, 80)]),
    ("Almost four dozen people were hurt.", [("Almost four dozen people", "injured", 43.2, 48)]),
    ("The storm injured almost 50.", [("almost 50", "injured", 45, 50)]),
    # label lines and victims lists
    ("Wounded: 3", [("3", "injured", 3, 3)]),
    ("Killed: 2, wounded: 5", [("2", "killed", 2, 2), ("5", "injured", 5, 5)]),
    ("John Smith, 48 years old – deceased", [("John Smith", "killed", 1, INF)]),
    # people named without a number: at least one each
    (
        "A shooting on Friday killed 24-year-old Alex Brown of Dorchester.",
        [("24-year-old Alex Brown", "killed", 1, INF)],
    ),
    ("The man and woman were pronounced dead at the scene.", [("The man and woman", "killed", 2, INF)]),
    ("That man later died.", [("That man", "killed", 1, INF)]),
    ("The victim was taken to a hospital and died a short time later.", [("The victim", "killed", 1, INF)]),
    ("Medics tried, but Kaleb didn't make it and was pronounced dead.", [("Kaleb", "killed", 1, INF)]),
    (
        "The name of a 20-year-old man who was killed in the crash was released.",
        [("a 20-year-old man", "killed", 1, INF)],
    ),
    ("Jane Doe was stabbed to death.", [("Jane Doe", "killed", 1, INF)]),
    ("Officer JD DeGuzman was shot and killed as he stood by.", [("Officer JD DeGuzman", "killed", 1, INF)]),
    (
        "Police say the suspect who shot a police dog and fled on foot has been found dead.",
        [("the suspect", "killed", 1, INF)],
    ),
    (
        "Sheriff: student shooter, 14, dead, another girl injured",
        [("student shooter", "killed", 1, INF), ("another girl", "injured", 1, INF)],
    ),
    (
        "That's when, according to police, the 14-year-old turned the gun on herself and died.",
        [("the 14-year-old", "killed", 1, INF)],
    ),
    ("The suspect, 24, was arrested.", []),
    # a name after a preposition is no subject
    ("A teen who was caught in the crossfire near Riverfest has died.", [("A teen", "killed", 1, INF)]),
    ("The mother of John Smith was killed.", []),
    # not casualties
    ("The officer returned fire and was not injured.", []),
    (
        "Shots rang out at a Black Lives Matter rally where five officers were killed.",
        [("five officers", "killed", 5, 5)],
    ),
    ("The victim, 24, died at the scene.", [("The victim, 24", "killed", 1, INF)]),
    ("A student shooter, 14, was found at the school.", []),
    # tokenised text (spaced commas): the age is still no count
    ("Police Chief Jane Roe , 46 , was injured .", [("Police Chief Jane Roe , 46", "injured", 1, INF)]),
    ("The shooter , 14 , died at the scene .", [("The shooter , 14", "killed", 1, INF)]),
    # nobody killed or hurt, said in words: exactly 0 (#15); a count of others is no toll
    ("Police said no one was killed in the crash.", [("no one", "killed", 0, 0)]),
    ("Nobody died, and no injuries were reported.", [("Nobody", "killed", 0, 0), ("no injuries", "injured", 0, 0)]),
    ("There were no fatalities at the fair.", [("no fatalities", "killed", 0, 0)]),
    ("It was the town's second non-fatal shooting.", []),
    ("Investigators called it a non-fatal shooting.", [("non-fatal", "killed", 0, 0)]),
    (
        "Three men were hurt; all three are expected to survive.",
        [("Three men", "injured", 3, 3), ("all three", "killed", 0, 0)],
    ),
    ("Doctors expect both to recover.", [("both", "killed", 0, 0)]),
    ("No one else was injured.", []),
    ("Four were shot; none were killed.", [("Four", "", 4, 4), ("none", "killed", 0, 0)]),
    ("No other deaths were reported.", []),
    # a reduced relative after "of", an object pronoun, a suicide, a time after the object
    ("The family of a 19-year-old shot and killed by a deputy spoke.", [("a 19-year-old", "killed", 1, INF)]),
    ("The rifle went off, wounding him.", [("him", "injured", 1, INF)]),
    ("The gunman shot a clerk and then killed himself this afternoon.", [("himself", "killed", 1, INF)]),
    ("The neighbour who took his own life lived here.", [("The neighbour", "killed", 1, INF)]),
    ("He was convicted of killing his cousin two years ago.", [("his cousin", "killed", 1, INF)]),
    # a noun for one dead person; not a rate
    ("The coroner identified the fatality as a local man.", [("the fatality", "killed", 1, INF)]),
    ("The fatality rate fell.", []),
    # the dead said in other words (#15): a relative clause, an appositive, a verb of dying
    ("The driver, who died Sunday, was 30.", [("The driver", "killed", 1, INF), ("30", "", 30, 30)]),
    ("Ms Grey, the town's best-known baker for decades, was found dead.", [("Ms Grey", "killed", 1, INF)]),
    ("Tom Ray lost his life in the fire.", [("Tom Ray", "killed", 1, INF)]),
    ("The clerk later succumbed to his gunshot wounds.", [("The clerk", "killed", 1, INF)]),
    ("The boy passed away at the hospital.", [("The boy", "killed", 1, INF)]),
    ("She lost her life savings.", []),
    # an adjective, a count in the crime's name, a noun of death and its object
    ("The slain deputy was a father of three.", [("The slain deputy", "killed", 1, INF), ("three", "", 3, 3)]),
    ("Police are investigating a double homicide.", [("double homicide", "killed", 2, INF)]),
    ("It was a triple murder-suicide.", [("triple murder-suicide", "killed", 4, INF)]),
    ("Detectives reopened the murder of Anna Bell.", [("Anna Bell", "killed", 1, INF)]),
    ("Divers found the bodies of a man and a woman.", [("a man and a woman", "killed", 2, INF)]),
    ("The fire claimed the life of a 70-year-old man.", [("a 70-year-old man", "killed", 1, INF)]),
    ("The storm claimed the lives of four hikers.", [("four hikers", "killed", 4, 4)]),
    # no death: an attempt, a possessor, a dead-end street, people without a number
    ("He faces a charge of attempted murder of Anna Bell.", []),
    ("He was charged with the attempted double homicide.", []),
    ("The death of Anna Bell's dog upset her.", []),
    ("The car stopped on a dead-end street.", []),
    ("The slain officers were honoured.", []),
    ("The killing of Ann Lee, Bob Ray sat silent.", [("Ann Lee", "killed", 1, INF)]),
    ("He mourned the murder of the deputy and father of two.", [("two", "", 2, 2)]),
    # a name, its age and a description with "a" are one person; the count before "killing X" did it
    (
        "They shot and killed Ann Lee, 34, a mother of two.",
        [("Ann Lee, 34, a mother", "killed", 1, INF), ("two", "", 2, 2)],
    ),
    ("Two men are accused of killing Ann Lee.", [("Two men", "", 2, 2), ("Ann Lee", "killed", 1, INF)]),
    # a death that did not happen or is only guessed
    ("The bullet could have killed him.", []),
    ("The blast nearly killed 20 workers.", [("20 workers", "", 20, 20)]),
    ("She feared the death of her son Tom.", []),
]


@pytest.mark.parametrize(("text", "expected"), COUNTS, ids=[t[:40] for t, _ in COUNTS])
def test_casualty_counts(text, expected):
    claims = [c for c in extract_claims_from_text(text, None) if c.kind == "quantity"]
    got = [(c.text, c.event, c.value.low, INF if c.value.high is None else c.value.high) for c in claims]
    assert len(got) == len(expected), got
    for (surface, event, low, high), (g_surface, g_event, g_low, g_high) in zip(expected, got, strict=True):
        assert (g_surface, g_event) == (surface, event)
        assert g_low == pytest.approx(low)
        assert g_high == pytest.approx(high)


def test_saved_lives_are_not_deaths():
    claims = extract_claims_from_text("Our officers saved a life today; the flood claimed 257 lives.", None)
    assert [(c.text, c.event) for c in claims if c.kind == "quantity"] == [("257 lives", "killed")]


def test_a_thing_is_no_casualty():
    # "a bloody trail" near "killed" counted one dead (#14)
    claims = extract_claims_from_text("He left a bloody trail and killed three people.", None)
    assert [(c.text, c.event) for c in claims if c.event] == [("three people", "killed")]


# Numbers, bounds and units of #15: (text, [(surface, unit, low, high)]) for each quantity-like claim.
AMOUNTS = [
    ("There were 3 hundred and 21 votes.", [("3 hundred and 21 votes", "vote", 321, 321)]),
    ("They counted 7 hundred and forty-two ballots.", [("7 hundred and forty-two ballots", "ballot", 742, 742)]),
    ("Sales reached three hundred krores.", [("three hundred krores", "", 3e9, 3e9)]),
    ("The survey ran 20 through 30 days.", [("20 through 30 days", "day", 20, 30)]),
    ("At most 40 stayed.", [("At most 40", "", 0, 40)]),
    ("Between 20 and 30 came.", [("Between 20 and 30", "", 20, 30)]),
    ("Hundreds of thousands marched through the city.", [("Hundreds of thousands", "", 2e5, 1e6)]),
    (
        "Twenty elected officials and 5 used cars.",
        [("Twenty elected officials", "official", 20, 20), ("5 used cars", "car", 5, 5)],
    ),
    ("The pipe is 5'' wide.", [("5''", "inch", 5, 5)]),
    ("She scored 45/100 in the test.", [("45/100", "%", 45, 45)]),
    # one of a measure; "a yard", "in a foot" and "a man" stay unread
    ("Police seized a kilogram of heroin.", [("a kilogram", "kilogram", 1, 1)]),
    ("The tank held one litre and a cup.", [("one litre", "litre", 1, 1)]),
    ("She lives a mile away and he was shot in a foot in a yard.", [("a mile", "mile", 1, 1)]),
    # below zero; cents after a currency word; a fraction in digits with a glued unit or a long denominator
    ("Lows reached 12 degrees below zero.", [("12 degrees below zero", "degree", -12, -12)]),
    ("It felt like 20 to 30 below zero.", [("20 to 30 below zero", "degree", -30, -20)]),
    ("The fare is 15 dollars 20.", [("15 dollars 20", "USD", 15.2, 15.2)]),
    ("He waited 1/2h.", [("1/2h", "hour", 0.5, 0.5)]),
    ("A dose of 3/1000 grams.", [("3/1000 grams", "gram", 0.003, 0.003)]),
    # height and inch marks; a straight quote that closes a quotation is no inch
    ("The man is 5'11\" tall.", [("5'11\"", "inch", 71, 71)]),
    ('They ordered a 14" pizza.', [('14"', "inch", 14, 14)]),
    ('She said "we saw 4" and left.', [("4", "", 4, 4)]),
    # a height in feet and a bare number of inches; pounds after "weighs" or a height are a weight
    ("He is 6 feet 1, and weighs 190 pounds.", [("6 feet 1", "inch", 73, 73), ("190 pounds", "pound", 190, 190)]),
    ("The fine was 500 pounds.", [("500 pounds", "GBP", 500, 500)]),
    # a plural possessive counts its noun
    ("The attack led to three officers' deaths.", [("three officers", "officer", 3, 3)]),
]


@pytest.mark.parametrize(("text", "expected"), AMOUNTS, ids=[t[:40] for t, _ in AMOUNTS])
def test_amounts(text, expected):
    claims = [c for c in extract_claims_from_text(text, None) if c.kind != "date"]
    got = [(c.text, c.unit, c.value.low, INF if c.value.high is None else c.value.high) for c in claims]
    assert [g[:2] for g in got] == [e[:2] for e in expected]
    for (_s, _u, low, high), (_gs, _gu, g_low, g_high) in zip(expected, got, strict=True):
        assert (g_low, g_high) == (pytest.approx(low), pytest.approx(high))


def test_bare_slash_fractions_that_may_be_dates_stay_dates():
    claims = extract_claims_from_text("On 3/15 the office opened.", None)
    assert all(c.kind != "percent" for c in claims)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("made off with $ 137-million of diamonds", 137e6),
        ("a $2 . 6 - million haul", 2.6e6),
        ("a 25-million-dollar deal", 25e6),
    ],
)
def test_a_hyphenated_scale_is_the_scale_not_a_range(text: str, value: float):
    [claim] = extract_quantities(text)
    assert claim.value.point == value  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "event"),
    [("About 20,000 people joined the march.", "protest"), ("Some 5,000 protesters rallied.", "protest")],
)
def test_counts_at_a_protest(text: str, event: str):
    [claim] = extract_quantities(text)
    assert claim.event == event


def test_the_month_march_is_no_protest():
    [count] = [
        c for c in extract_claims_from_text("Since 12 March, 40 people have died.", None) if c.kind == "quantity"
    ]
    assert count.event == "killed"


@pytest.mark.parametrize(
    ("text", "percent"),
    [("A 2/3 majority is needed.", 200 / 3), ("She got 1/5 right.", 20.0), ("The group won 3/15.", 20.0)],
)
def test_a_bare_slash_pair_without_a_date_cue_is_a_share(text: str, percent: float):
    claims = extract_claims_from_text(text, None)
    assert [c.kind for c in claims] == ["percent"]
    assert claims[0].value.point == pytest.approx(percent)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "Since 3/1 the office has been shut.",
        "The fair runs Tuesday 3/15.",
        "Doors open 4/25 at 7 p.m.",
        "Meetings were held on 3/5, 3/12 and 3/19.",
    ],
)
def test_a_slash_pair_with_a_date_cue_is_a_date(text: str):
    claims = extract_claims_from_text(text, date(2016, 2, 1))
    assert claims
    assert all(c.kind == "date" for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "The store is open 24/7.",
        "They won 21/14.",
        "After the 9/11 attacks, flights stopped.",
        "The stock eased 1/8 to 31 7/8.",
        "It rated ( 19 . 2 / 30 ) in the poll.",
    ],
)
def test_a_slash_pair_that_is_no_share_and_no_date(text: str):
    claims = extract_claims_from_text(text, None)
    assert all(c.kind not in ("percent", "date") for c in claims)


# Made-up batches (session 8): who is counted, identifiers and ages, differences, passive "announced".
@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The jet had 150 passengers and crew on board.", "150 passengers and crew", "people"),  # one count of both
        ("The bus carried 40 pupils and teachers.", "40 pupils and teachers", "people"),
        ("The ferry had 90 passengers and crew members on board.", "90 passengers and crew members", "people"),
        ("The plane carried 120 passengers and six crew.", "120 passengers", "passenger"),  # each has its own
        ("Four crew members were hurt.", "Four crew members", "crew"),  # the group before "members"
        ("The office has 12 staff members.", "12 staff members", "staff"),
        ("Five new members joined.", "Five new members", "member"),  # an adjective is no group
        ("Some 2.4 million were cast.", "Some 2.4 million", ""),
        ("He won 60% of the 2.4 million cast.", "2.4 million", ""),  # a participle, not what is counted
        ("The play has 14 cast members.", "14 cast members", "cast"),
    ],
)
def test_who_a_count_counts(text: str, surface: str, unit: str):
    by_text = {c.text: c.unit for c in extract_claims_from_text(text, None) if c.kind == "quantity"}
    assert by_text[surface] == unit


@pytest.mark.parametrize(
    "text",
    [
        "The jet overran runway 27 by some 300 metres.",  # a runway is a name
        "The plane was towed to Runway 09L.",
        '"We ran," said passenger Ann Lee, 45.',  # an age closing the sentence
        "The mayor, who is 63, has led the city since 2015.",  # an age in a relative clause
    ],
)
def test_runways_and_ages_are_not_counts(text: str):
    counts = [c.text for c in extract_claims_from_text(text, None) if c.kind == "quantity"]
    assert not [t for t in counts if t.strip().isdigit() or t.endswith(("27", "09L"))]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The jet landed at 160 knots, 20 knots faster than normal.", ["160 knots"]),  # a difference is no speed
        ("She is ten years younger than her brother.", []),
        ("The new tower is 90 metres taller than the old one.", []),
        ("The jet landed at 160 knots.", ["160 knots"]),
    ],
)
def test_a_measure_before_a_comparative_is_a_difference(text: str, kept: list[str]):
    assert [c.text for c in extract_claims_from_text(text, None) if c.kind in ("quantity", "duration")] == kept


@pytest.mark.parametrize(
    ("text", "attribution"),
    [
        ("Shares have fallen 9% since the plan was announced on Monday.", ""),  # a passive names no source
        ("Three people were hurt since the results were reported.", ""),
        ("Shares fell 9%, the company announced.", "the company announced"),
    ],
)
def test_a_passive_reporting_verb_is_no_attribution(text: str, attribution: str):
    assert {c.attribution for c in extract_claims_from_text(text, None) if c.kind != "date"} == {attribution}


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Lead was found at up to four times the safe limit.", "multiple"),  # a multiple of another amount
        ("Rents rose five times as fast as wages.", "multiple"),
        ("He has won the race three times, his coach said.", "time"),  # occasions
        ("She was fined 6 times this year.", "time"),
        ("They met 4 times the following spring.", "time"),
        ("They met 4 times the next year.", "time"),
    ],
)
def test_times_before_an_amount_is_a_multiple(text: str, unit: str):
    [claim] = [c for c in extract_claims_from_text(text, None) if c.kind == "quantity"]
    assert claim.unit == unit


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The 737 MAX 8 jets were grounded for a week.", []),  # a model, not 737 of anything
        ("The airline flies two 787 Dreamliners.", ["two"]),
        ("A 777-300 jetliner landed.", []),
        ("The airline flies 40 jets.", ["40 jets"]),
    ],
)
def test_aircraft_models_are_not_counts(text: str, kept: list[str]):
    assert [c.text for c in extract_claims_from_text(text, None) if c.kind == "quantity"] == kept


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Gusts reached 70 miles per hour.", "70 miles per hour", "mph"),  # a speed, not a distance
        ("The truck was doing 60 miles an hour.", "60 miles an hour", "mph"),
        ("Winds of 40 to 50 miles per hour are forecast.", "40 to 50 miles per hour", "mph"),
        ("Winds hit 90 km/h.", "90 km/h", "km/h"),
        ("Gusts of 110 kilometres per hour were measured.", "110 kilometres per hour", "km/h"),
        ("The ship sailed 40 miles in an hour.", "40 miles", "mile"),  # a distance covered
    ],
)
def test_a_length_per_hour_is_a_speed(text: str, surface: str, unit: str):
    by_text = {c.text: c.unit for c in extract_claims_from_text(text, None) if c.kind == "quantity"}
    assert by_text[surface] == unit


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Three workers were hurt, and no deaths were reported.", {"Three workers": False}),  # "no" is the zero's
        ("There were no injuries among the 30 passengers.", {"30 passengers": False}),
        ("The 5 mg tablets are not affected.", {"5 mg": True}),  # a "no" of its own still negates
        ("No one was hurt, but 12 homes were not spared.", {"12 homes": True}),
    ],
)
def test_a_zero_count_keeps_its_no_to_itself(text: str, negated: dict[str, bool]):
    by_text = {c.text: c.negated for c in extract_claims_from_text(text, None)}
    assert {t: by_text[t] for t in negated} == negated


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The number of rescuers at the site has grown to 900, he said.", "rescuer"),  # the figure is that number
        ("The number of people evacuated rose to 6,500.", "people"),
        ("The total number of cases reached 3,000.", "case"),
        ("The number of patients fell by 300.", ""),  # a change, not the number
        ("A number of houses, about 12, burned.", ""),
    ],
)
def test_the_number_of_names_a_bare_figure(text: str, unit: str):
    [claim] = [c for c in extract_claims_from_text(text, None) if c.kind == "quantity"]
    assert claim.unit == unit


def test_the_number_of_does_not_name_a_range_of_years():
    text = "The number of clinics that opened rose between 1990 and 1995."
    assert not [c for c in extract_claims_from_text(text, None) if c.kind == "quantity" and c.unit == "clinic"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The jars carry the lot code 5521.", []),  # a code names a product, it counts nothing
        ("Bottles from lot 77 and batch No. 12 are affected.", []),
        ("The Model 3 cars were recalled.", []),
        ("The recall covers 41 lots.", ["41 lots"]),
    ],
)
def test_lot_and_product_codes_are_not_counts(text: str, kept: list[str]):
    assert [c.text for c in extract_claims_from_text(text, None) if c.kind == "quantity"] == kept


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Of the 40 on board, 36 were passengers and 4 were crew.", ["", "passenger", "crew"]),  # the predicate
        ("Of the dead, 3 were children.", ["child"]),
        ("Two were Americans, officials said.", [""]),  # no person noun of the lexicon: left bare
        ("Ten were taken to hospital.", [""]),  # a verb, not who
    ],
)
def test_a_bare_figure_before_were_people_counts_them(text: str, units: list[str]):
    assert [c.unit for c in extract_claims_from_text(text, None) if c.kind == "quantity"] == units
