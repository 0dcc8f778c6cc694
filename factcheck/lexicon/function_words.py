"""Function words: where a counted noun stops, and which words mark the past."""

from __future__ import annotations

from factcheck.lexicon import word_set as _word_set

STOP_AFTER = _word_set(
    "in on at to from by for with into since and or but who whom whose that which were was are is be been "
    "have had has will would could can may might must should the a an this than as while when where after "
    "before including most of until because if he she it they we i you his her their its them him there "
    "each per apiece then also not so all both more less ago later earlier old out up down off over under "
    "about against during through between among via hence now today tonight yesterday tomorrow only just "
    "again too either neither nor last next past previous coming this these those according"
)
PAST_IRREGULAR = _word_set(
    "said told met began went came held spoke took gave made saw was were had did found left fled fell "
    "rose won lost paid sold bought brought thought felt kept led ran shot struck sent spent stood wrote "
    "broke chose drove flew grew knew threw wore became sought caught taught fought hid heard sat sank "
    "stole shook woke rode swore tore understood withdrew overtook undertook forgot got meant built dealt "
    "drew ate slew ago earlier yesterday since previously formerly"
)
# Participles spelt like their present, closing a count with nothing after them ("7.8 million cast"):
# a verb, not what is counted.
BARE_PARTICIPLES = _word_set("cast")
# Words ending in -ed that are not past-tense verbs.
NOT_PAST_ED = _word_set(
    "need needed seed feed speed bleed breed creed greed shed bed red hundred sacred naked wicked rugged "
    "ragged kindred beloved aged alleged armed united limited indeed proceed exceed succeed embed weed "
    "reed deed tweed wed fled led sled planned scheduled expected proposed intended slated anticipated "
    "supposed required related based called named so-called unidentified unnamed unexpected detailed "
    "advanced experienced talented skilled complicated sophisticated dedicated interested concerned "
    "married retired wounded injured deceased"
)
# Words that continue a clock time after "a.m."/"p.m.": "at 9 p.m. Saturday", "10 a.m. EST", "4 a.m.
# local time". Sentence splitters take the capital after the abbreviation's period for a new
# sentence; a new sentence rarely opens with one of these (weekdays and months come from `calendar`).
TIME_CONTINUATIONS = _word_set(
    "local et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest ist aest jst eastern central "
    "pacific mountain today tonight yesterday tomorrow"
)
