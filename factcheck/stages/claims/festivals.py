"""Holidays of lunar and lunisolar calendars, and a few more fixed days news names.

Islamic, Jewish, Chinese and Hindu holidays move against the Gregorian calendar; their dates
come from the `holidays` package's calendar tables (python-holidays, offline, about 1900-2100),
whose per-calendar classes are private, so every call is wrapped: a missing method or a year
out of its tables gives no date, never an error.

Conventions:
- Jewish holidays begin at sundown: a holiday's interval starts on its eve ("Yom Kippur 2018"
  is 18-19 September 2018) and runs to its last day (Passover: eight days, Hanukkah: eight).
- Islamic holidays are the day itself as the tables give it (Umm al-Qura); Ramadan runs from its
  first day to the day before Eid al-Fitr.
- Orthodox Easter is the Julian computus moved to the Gregorian calendar.

Each entry maps a pattern of names to a function of the Gregorian year giving (first, last) day
or None.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

Span = tuple[date, date]


@functools.cache
def _calendars() -> dict[str, Any]:
    """The calendar tables of `holidays`, loaded on first use; {} when the package is not there."""
    try:
        from holidays.calendars.chinese import _ChineseLunisolar
        from holidays.calendars.hebrew import _HebrewLunisolar
        from holidays.calendars.hindu import _HinduLunisolar
        from holidays.calendars.islamic import _IslamicLunar
    except ImportError:  # pragma: no cover - the package is a dependency
        return {}
    return {
        "chinese": _ChineseLunisolar(),
        "hebrew": _HebrewLunisolar(),
        "hindu": _HinduLunisolar(),
        "islamic": _IslamicLunar(),
    }


def _dates_of(result: Any) -> list[date]:
    """The dates in whatever a calendar method returns (a date, a set, (date, estimated) pairs)."""
    if result is None:
        return []
    if isinstance(result, date):
        return [result]
    if isinstance(result, tuple) and result and isinstance(result[0], date):
        return [result[0]]
    out: list[date] = []
    if isinstance(result, Iterable):
        for item in result:
            out.extend(_dates_of(item))
    return sorted(out)


def _lookup(calendar: str, method: str, year: int) -> date | None:
    """The first date in Gregorian `year` of a holiday from the tables, or None.

    `method` may name several methods, "a|b": the first that has the year wins (India's own Diwali
    table, then the general one).
    """
    cal = _calendars().get(calendar)
    for name in method.split("|"):
        fn = getattr(cal, name, None)
        if fn is None:
            continue
        try:
            days = [d for d in _dates_of(fn(year)) if d.year == year]
        except (KeyError, ValueError, TypeError, AttributeError, OverflowError):
            continue
        if days:
            return days[0]
    return None


def _table(calendar: str, method: str, before: int = 0, after: int = 0, shift: int = 0) -> Callable[[int], Span | None]:
    """A holiday from the tables, as the interval from `before` days ahead of it to `after` days past it."""

    def span(year: int) -> Span | None:
        day = _lookup(calendar, method, year)
        if day is None:
            return None
        day += timedelta(days=shift)
        return day - timedelta(days=before), day + timedelta(days=after)

    return span


def _ramadan(year: int) -> Span | None:
    """First day of Ramadan to the day before Eid al-Fitr."""
    first = _lookup("islamic", "ramadan_beginning_dates", year)
    if first is None:
        return None
    eid = _lookup("islamic", "eid_al_fitr_dates", year)
    last = eid - timedelta(days=1) if eid is not None and eid > first else first + timedelta(days=28)
    return first, last


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian = date(year, month, day + 1)
    return julian + timedelta(days=year // 100 - year // 400 - 2)


def _orthodox(before: int, after: int = 0, shift: int = 0) -> Callable[[int], Span | None]:
    """A day counted from Orthodox Easter."""

    def span(year: int) -> Span | None:
        day = orthodox_easter(year) + timedelta(days=shift)
        return day - timedelta(days=before), day + timedelta(days=after)

    return span


def _fixed(month: int, day: int) -> Callable[[int], Span | None]:
    """A day with the same date every year."""
    return lambda year: (date(year, month, day), date(year, month, day))


def _kings_day(year: int) -> Span | None:
    """Dutch King's Day (from 2014): 27 April, or the 26th when the 27th is a Sunday."""
    if year < 2014:
        return None
    day = date(year, 4, 27)
    day -= timedelta(days=1 if day.weekday() == 6 else 0)
    return day, day


def _bosses_day(year: int) -> Span | None:
    """US Boss's Day: 16 October, or the nearest weekday when it falls on a weekend."""
    day = date(year, 10, 16)
    day += timedelta(days={5: -1, 6: 1}.get(day.weekday(), 0))
    return day, day


# India's Diwali (timeanddate's table, 2001-2035) before the package's general one, which in
# years with an intercalary month puts it a lunar month later (Diwali 2017: 17 Nov for 19 Oct).
_DIWALI = "diwali_india_date|diwali_date"

FESTIVALS: dict[str, Callable[[int], Span | None]] = {
    # Islamic (Umm al-Qura tables)
    r"(?:eid|id)\s+(?:al|ul|el)[\s-]?fitr": _table("islamic", "eid_al_fitr_dates"),
    r"(?:eid|id)\s+(?:al|ul|el)[\s-]?adha|bakr[\s-]?id|bakrid|(?:the\s+)?feast\s+of\s+(?:the\s+)?sacrifice"
    r"|sacrifice\s+feast": _table("islamic", "eid_al_adha_dates"),
    r"ramadan|ramazan": _ramadan,
    r"islamic\s+new\s+year|hijri\s+new\s+year|amun\s+jadid": _table("islamic", "hijri_new_year_dates"),
    r"(?:the\s+)?day\s+of\s+ashura|ashura": _table("islamic", "ashura_dates"),
    r"mawlid(?:\s+(?:al|an)[\s-]?nabawi)?|milad\s+un[\s-]?nabi": _table("islamic", "mawlid_dates"),
    r"laylat\s+al[\s-]?(?:qadr|kadr)|(?:the\s+)?night\s+of\s+(?:power|measures|destiny)": _table(
        "islamic", "laylat_al_qadr_dates"
    ),
    r"isra'?\s+(?:and\s+)?mi'?raj|(?:the\s+)?prophet'?s\s+ascension|(?:the\s+)?night\s+journey": _table(
        "islamic", "isra_and_miraj_dates"
    ),
    r"jamat\s+ul[\s-]?vida|jumu'?atul[\s-]?wida": _table("islamic", "jumuatul_wida_dates"),
    # Jewish (from the eve at sundown)
    r"rosh\s+hashann?ah?": _table("hebrew", "rosh_hashanah_date", before=1, after=1),
    r"yom\s+kippur": _table("hebrew", "yom_kippur_date", before=1),
    r"passover|pesach": _table("hebrew", "passover_date", before=1, after=7),
    r"c?hann?ukk?ah?|chanukkah": _table("hebrew", "hanukkah_date", before=1, after=7),
    r"shemini\s+atzeret": _table("hebrew", "sukkot_date", before=1, shift=7),
    r"simchat\s+torah": _table("hebrew", "sukkot_date", before=1, shift=8),
    r"sukkot|succos|sukkos|(?:the\s+)?feast\s+of\s+(?:the\s+)?(?:tabernacles|booths|ingathering)": _table(
        "hebrew", "sukkot_date", before=1, after=6
    ),
    r"shavuot|shavuos": _table("hebrew", "shavuot_date", before=1, after=1),
    r"shushan\s+purim": _table("hebrew", "purim_date", before=1, shift=1),
    r"purim": _table("hebrew", "purim_date", before=1),
    r"tisha\s+b'?av": _table("hebrew", "tisha_bav_date", before=1),
    r"lag\s+b'?a?omer": _table("hebrew", "lag_baomer_date", before=1),
    r"yom\s+ha'?atzmaut": _table("hebrew", "israel_independence_date", before=1),
    r"yom\s+hashoah": _table("hebrew", "passover_date", before=1, shift=12),
    # Chinese
    r"(?:chinese\s+(?:lunar\s+)?|lunar\s+)new\s+year'?s?(?:\s+day)?|spring\s+festival": _table(
        "chinese", "lunar_new_year_date"
    ),
    r"dragon\s+boat\s+festival": _table("chinese", "dragon_boat_date"),
    r"mid[\s-]autumn\s+festival|moon\s+festival": _table("chinese", "mid_autumn_date"),
    r"qingming(?:\s+festival)?|tomb[\s-]sweeping\s+day": _table("chinese", "qingming_date"),
    # Hindu, Sikh, Jain, Buddhist (Indian calendar tables)
    r"dhanteras|dhanatrayodashi": _table("hindu", _DIWALI, shift=-2),
    r"choti\s+diwali|naraka\s+chaturdashi|kali\s+chaudas": _table("hindu", _DIWALI, shift=-1),
    r"bhai\s+dooj|bhau\s+beej": _table("hindu", _DIWALI, shift=2),
    r"diwali|deepavali|divali": _table("hindu", _DIWALI),
    r"chhoti\s+holi|holika\s+dahan": _table("hindu", "holi_date", shift=-1),
    r"holi|dhulandi|phagwah": _table("hindu", "holi_date"),
    r"dussehra|dasara|vijayadashami": _table("hindu", "dussehra_date"),
    r"(?:sharad\s+)?navaratri|(?:sharad\s+)?navratri|durga\s+puja": _table("hindu", "sharad_navratri_date", after=8),
    r"(?:krishna\s+)?janmashtami|gokulashtami": _table("hindu", "janmashtami_date"),
    r"maha\s*shivaratri|maha\s*shivratri": _table("hindu", "maha_shivaratri_date"),
    r"ganesh\s+chaturthi|vinayaka\s+chaturthi": _table("hindu", "ganesh_chaturthi_date"),
    r"ram(?:a)?\s+navami": _table("hindu", "ram_navami_date"),
    r"raksha\s+bandhan|rakhi": _table("hindu", "raksha_bandhan_date"),
    r"makara?\s+sankranthi?|makar\s+sankranti": _table("hindu", "makar_sankranti_date"),
    # the four days of Pongal: Bhogi the day before, Mattu and Kaanum Pongal the two after
    r"bh?ogi(?:\s+pandigai)?": _table("hindu", "pongal_date", shift=-1),
    r"ma+ttu\s+pongal": _table("hindu", "pongal_date", shift=1),
    r"(?:kaa?num|kanni)\s+pongal": _table("hindu", "pongal_date", shift=2),
    r"(?:thai\s+)?pongal": _table("hindu", "pongal_date"),
    r"(?:thiru\s*)?onam|thiruvonam": _table("hindu", "onam_date"),
    r"vaisakhi|baisakhi|vaishakhi|vasakhi": _table("hindu", "vaisakhi_date"),
    r"karva\s+chauth|karwa\s+chauth": _table("hindu", "karwa_chauth_date"),
    r"chhath(?:\s+puja)?|surya\s+shashthi|dala\s+puja": _table("hindu", "chhath_puja_date"),
    r"rath(?:a)?[\s-]yatra": _table("hindu", "rath_yatra_date"),
    r"buddha\s+purnima|buddha\s+day|vesak|wesak": _table("hindu", "buddha_purnima_date"),
    r"(?:vasant|basant)\s+panchami|saraswati\s+puja": _table("hindu", "basant_panchami_date"),
    r"mahavir(?:a)?\s+jayanti|mahaveer\s+janma\s+kalyanak": _table("hindu", "mahavir_jayanti_date"),
    r"guru\s+gobind\s+singh\s+(?:jayanti|birthday)|guru\s+govind\s+singh\s+jayanti": _table(
        "hindu", "guru_gobind_singh_jayanti_date"
    ),
    r"guru\s+ravidass?\s+(?:jayanti|birthday)": _table("hindu", "guru_ravidas_jayanti_date"),
    r"(?:maharishi\s+)?valmiki\s+jayanti": _table("hindu", "maharshi_valmiki_jayanti_date"),
    r"ugadi|yugadi|gudi\s+padwa": _table("hindu", "gudi_padwa_date"),
    # Orthodox Christian
    r"orthodox\s+easter(?:\s+sunday)?": _orthodox(0),
    r"orthodox\s+(?:good|great)\s+friday": _orthodox(0, shift=-2),
    r"clean\s+monday|orthodox\s+shrove\s+monday": _orthodox(0, shift=-48),
    r"lazarus\s+saturday": _orthodox(0, shift=-8),
    r"great\s+(?:lent|fast)": _orthodox(47, shift=-1),  # from Clean Monday to Holy Saturday
    # Fixed days
    r"(?:the\s+)?ides\s+of\s+march": _fixed(3, 15),
    r"king'?s\s+day|koningsdag": _kings_day,
    r"(?:national\s+)?boss'?s?'?\s+day": _bosses_day,
    r"world\s+vegan\s+day": _fixed(11, 1),
    r"earth\s+day": _fixed(4, 22),
    r"juneteenth": _fixed(6, 19),
    r"bastille\s+day": _fixed(7, 14),
    r"anzac\s+day": _fixed(4, 25),
    r"australia\s+day": _fixed(1, 26),
    r"canada\s+day": _fixed(7, 1),
    r"guy\s+fawkes(?:\s+night|\s+day)?|bonfire\s+night": _fixed(11, 5),
    r"groundhog\s+day": _fixed(2, 2),
}
