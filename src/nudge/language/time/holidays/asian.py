"""Hindu, Sikh, Jain, Parsi, Buddhist and Chinese holidays, from ``holidays`` (python-holidays).

Their days follow lunisolar calendars observed at a place, so they are read from the
country calendars python-holidays maintains, through its public API: India's government
lists (2001 to 2035), Thailand's Buddhist calendar for Vesak (Visakha Bucha, 1914 to 2100),
China's for the lunar new year (1950 to 2100). Outside a list's years there is no date
rather than a guess. A few days are defined by their distance to one of these (Dhanteras
two days before Diwali; Bhogi, Mattu and Kaanum Pongal around Thai Pongal).

``holidays`` is imported on the first lookup only: it takes a tenth of a second to load.
"""

from __future__ import annotations

import warnings
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from nudge.language.time.holidays.western import DateOf, Days, after


class Listing(NamedTuple):
    """Where python-holidays lists a holiday: a country, its years, the name it gives."""

    country: str
    first: int
    last: int
    name: str
    exact: bool = True  # else any name starting so ("Janmashtami (Smarta)", "… (Vaishnava)")


def _india(name: str, *, exact: bool = True) -> Listing:
    return Listing("IN", 2001, 2035, name, exact)


LISTINGS: dict[str, Listing] = {
    "diwali": _india("Diwali"), "naraka_chaturdashi": _india("Naraka Chaturdashi"),
    "govardhan_puja": _india("Govardhan Puja"), "bhai_dooj": _india("Bhai Duj"),
    "chhath": _india("Pratihar Shashthi or Surya Shashthi (Chhath Puja)"),
    "holi": _india("Holi"), "holika_dahan": _india("Holika Dahan"),
    "dussehra": _india("Dussehra"), "maha_saptami": _india("Dussehra (Saptami)"),
    "maha_ashtami": _india("Dussehra (Mahashtami)"),
    "maha_navami": _india("Dussehra (Mahanavami)"),
    "karva_chauth": _india("Karaka Chaturthi (Karwa Chouth)"),
    "rath_yatra": _india("Rath Yatra"), "raksha_bandhan": _india("Raksha Bandhan"),
    "janmashtami": _india("Janmashtami", exact=False),
    "ganesh_chaturthi": _india("Ganesh Chaturthi", exact=False),
    "maha_shivaratri": _india("Maha Shivaratri"), "ram_navami": _india("Ram Navami"),
    "ugadi": _india("Ugadi"), "gudi_padwa": _india("Gudi Padwa"),
    "vasant_panchami": _india("Basant Panchami", exact=False),
    "makar_sankranti": _india("Makar Sankranti"), "pongal": _india("Pongal"),
    "vaisakhi": _india("Vaisakhi"), "onam": _india("Onam"),
    "mahavir_jayanti": _india("Mahavira's Birthday"),
    "dayananda_jayanti": _india("Swami Dayanand Saraswati's Birthday"),
    "valmiki_jayanti": _india("Maharishi Valmiki's Birthday"),
    "rabindra_jayanti": _india("Guru Rabindranath's Birthday"),
    "guru_ravidas": _india("Guru Ravi Das's Birthday"),
    "guru_gobind_singh": _india("Guru Gobind Singh's Birthday"),
    "guru_nanak": _india("Guru Nanak's Birthday"),
    "parsi_new_year": Listing("IN", 1948, 2100, "Parsi New Year"),
    "navaratri": Listing("NP", 2010, 2035, "Ghatasthapana"),
    "vesak": Listing("TH", 1914, 2100, "Visakha Bucha"),
    "chinese_new_year": Listing("CN", 1950, 2100, "Chinese New Year (Spring Festival)"),
}  # fmt: skip


@lru_cache(maxsize=128)
def _calendar(country: str, year: int) -> tuple[tuple[date, str], ...]:
    """Every (day, name) python-holidays lists for ``country`` in ``year``, in every category.

    A day with several holidays is listed once per holiday.
    """
    import holidays

    kind = holidays.country_holidays(country).__class__
    with warnings.catch_warnings():  # it warns about years beyond its lists; we check them
        warnings.simplefilter("ignore")
        days = holidays.country_holidays(
            country, years=year, categories=kind.supported_categories, language="en_US"
        )
    return tuple((day, name) for day, names in sorted(days.items()) for name in names.split("; "))


def listed(listing: Listing) -> DateOf:
    """The first day python-holidays lists for ``listing`` in a year (none outside its years)."""

    def found(year: int) -> Days:
        if not listing.first <= year <= listing.last:
            return ()
        for day, name in _calendar(listing.country, year):
            if name == listing.name or not listing.exact and name.startswith(listing.name):
                return (day,)
        return ()

    return found


DAYS: dict[str, DateOf] = {key: listed(listing) for key, listing in LISTINGS.items()}
DAYS |= {
    "dhanteras": after(DAYS["diwali"], -2),
    "choti_diwali": after(DAYS["diwali"], -1),
    "bhogi": after(DAYS["pongal"], -1),
    "mattu_pongal": after(DAYS["pongal"], 1),
    "kaanum_pongal": after(DAYS["pongal"], 2),
}
