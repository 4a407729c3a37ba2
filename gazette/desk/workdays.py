"""Working days (工作日) in mainland China, for the 5-working-day 报送 rule.

The calendar is the State Council's holiday schedule as shipped in the ``chinesecalendar``
package: public holidays, and the 调休 weekends that are working days (2024: Sunday
4 February and Sunday 18 February around 春节, Sunday 29 September and Saturday
12 October around 国庆). Nothing is downloaded.

Convention: the day a document is issued is day 0. :func:`working_days_between` counts
the working days *after* the issue date up to and including the received date, so a
document issued on Monday 5 February 2024 and received on Friday 9 February is received
on working day 4, and "within 5 working days" means ``days <= 5``. The deadline is
:func:`add_working_days` (issued, 5): the fifth working day after the issue date.

The package covers a fixed range of years (:func:`covered_years`); the schedule for a
year is announced at the end of the year before. For a day outside that range nothing
is guessed silently: Monday to Friday count as working days, and the result carries the
year in ``estimated_years`` (its :attr:`note` reads 日历未覆盖 2027 年，按周一至周五估算).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import chinese_calendar
from chinese_calendar import constants as _calendar


@functools.lru_cache(maxsize=1)
def covered_years() -> range:
    """The years the installed calendar knows (e.g. ``range(2004, 2027)`` for 2004–2026)."""
    years = [day.year for day in _calendar.holidays]
    return range(min(years), max(years) + 1)


def is_covered(day: dt.date) -> bool:
    """True when the calendar knows ``day``'s year."""
    return day.year in covered_years()


@functools.lru_cache(maxsize=4096)
def is_workday(day: dt.date) -> bool:
    """Whether ``day`` is a working day: the State Council schedule where the calendar
    covers the year, Monday to Friday otherwise (see :func:`is_covered`)."""
    if is_covered(day):
        return bool(chinese_calendar.is_workday(day))
    return day.weekday() < 5


def estimate_note(years: tuple[int, ...]) -> str:
    """``（日历未覆盖 2027 年，按周一至周五估算）`` for the years given; '' for none."""
    if not years:
        return ""
    return f"（日历未覆盖 {'、'.join(str(y) for y in years)} 年，按周一至周五估算）"


class _Estimated:
    """What a count says about the years it estimated (``estimated_years``)."""

    estimated_years: tuple[int, ...]

    @property
    def estimated(self) -> bool:
        """True when some day was counted by the Monday–Friday estimate."""
        return bool(self.estimated_years)

    @property
    def note(self) -> str:
        """The estimate note, or ''."""
        return estimate_note(self.estimated_years)


@dataclass(frozen=True)
class WorkingDays(_Estimated):
    """A number of working days, and the years in it the calendar does not cover."""

    days: int
    estimated_years: tuple[int, ...] = ()


@dataclass(frozen=True)
class Deadline(_Estimated):
    """A date reached by counting working days, and the years counted by estimate."""

    date: dt.date
    estimated_years: tuple[int, ...] = ()


def _uncovered(days: list[dt.date]) -> tuple[int, ...]:
    return tuple(sorted({day.year for day in days if not is_covered(day)}))


def working_days_between(issued: dt.date, received: dt.date) -> WorkingDays:
    """The working days after ``issued`` up to and including ``received`` (day 0 is the
    issue date; 0 when ``received`` is not after it)."""
    days = [issued + dt.timedelta(days=n) for n in range(1, (received - issued).days + 1)]
    return WorkingDays(sum(1 for day in days if is_workday(day)), _uncovered(days))


def add_working_days(start: dt.date, n: int) -> Deadline:
    """The ``n``-th working day after ``start`` (``start`` itself for ``n`` = 0)."""
    if n < 0:
        raise ValueError(f"cannot count {n} working days; give 0 or more")
    day, seen, counted = start, [], 0
    while counted < n:
        day += dt.timedelta(days=1)
        seen.append(day)
        counted += is_workday(day)
    return Deadline(day, _uncovered(seen))
