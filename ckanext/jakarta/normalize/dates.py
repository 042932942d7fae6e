"""Dates as Indonesian and international sources write them.

A parsed date keeps the precision of its source: ``2023`` stays a year and
``Agu 2023`` a month; no day or month is ever invented. A numeric date that reads
validly in both day-first and month-first order is never guessed: without a
known convention it raises (or, in a batch, reports) :class:`AmbiguousDate`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import math
import re
from collections.abc import Callable, Iterable
from typing import Any

from babel.dates import get_day_names, get_month_names
from dateutil import parser as dateutil_parser

_LOCALES = ("id", "en")
_WIDTHS = ("wide", "abbreviated")
_CONTEXTS = ("format", "stand-alone")

_MISSING = frozenset({"n/a", "na", "nan", "null", "none", "tidak ada data"})
_ONLY_DASHES = re.compile(r"^[\s\-\u2012-\u2015]*$")
_TIME = (
    r"(?:[T ]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2}|WIB|WITA|WIT)?)?"
)

# Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the
# non-existent 1900-02-29 that Excel keeps for Lotus 1-2-3 compatibility.
_SERIAL_EPOCH = dt.date(1899, 12, 30)
_SERIAL_LEAP_BUG = 60
_SERIAL_MAX = 2958465  # 9999-12-31
_SERIAL_PLAUSIBLE = (18264, 73050)  # 1950-01-01 .. 2099-12-31
_SERIAL_LOOKING = re.compile(r"^\d{5}\.\d+$")


@dataclasses.dataclass(frozen=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        dt.date(self.year, self.month or 1, self.day or 1)

    def iso(self) -> str:
        """Return the ISO 8601 form at the date's own precision."""
        parts = [f"{self.year:04d}"]
        parts += [f"{n:02d}" for n in (self.month, self.day) if n is not None]
        return "-".join(parts)

    def contains(self, other: PartialDate) -> bool:
        """Tell whether other falls within this (possibly coarser) date."""
        return (
            self.year == other.year
            and self.month in (None, other.month)
            and self.day in (None, other.day)
        )

    def __str__(self) -> str:
        return self.iso()


class AmbiguousDate(ValueError):
    """A numeric date that both day-first and month-first order read validly."""

    def __init__(self, value: str, readings: tuple[PartialDate, PartialDate]) -> None:
        self.value = value
        self.readings = readings
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """Return the bilingual message (Indonesian, then English)."""
        first, second = (reading.iso() for reading in self.readings)
        return (
            f"Tanggal ambigu, bisa {first} atau {second}: {self.value!r} / "
            f"ambiguous date, could be {first} or {second}: {self.value!r}"
        )


@dataclasses.dataclass(frozen=True)
class DateBatch:
    """The dates of one column parsed with one day/month order."""

    dates: tuple[PartialDate | None, ...]
    dayfirst: bool | None
    ambiguous: tuple[AmbiguousDate, ...]
    unparsed: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class _Options:
    """The caller's parsing choices, passed to every pattern handler."""

    dayfirst: bool | None
    within: PartialDate | None
    default_year: int | None


# Month and weekday names (Babel's CLDR data for Indonesian and English)


def _babel_names(getter: Callable[..., Any]) -> dict[int, set[str]]:
    """Collect the Indonesian and English names per index from a Babel getter."""
    names: dict[int, set[str]] = {}
    for locale, width, context in itertools.product(_LOCALES, _WIDTHS, _CONTEXTS):
        found = getter(width, context=context, locale=locale)
        for index, name in found.items():
            names.setdefault(index, set()).add(name.casefold())
    return names


class _ParserInfo(dateutil_parser.parserinfo):
    """dateutil vocabulary extended with Indonesian month and day names."""

    def __init__(self) -> None:
        months = _babel_names(get_month_names)
        days = _babel_names(get_day_names)
        self.MONTHS = [
            tuple({*defaults, *months[number]})
            for number, defaults in enumerate(dateutil_parser.parserinfo.MONTHS, 1)
        ]
        self.WEEKDAYS = [
            tuple({*defaults, *days[index]})
            for index, defaults in enumerate(dateutil_parser.parserinfo.WEEKDAYS)
        ]
        self.JUMP = [*dateutil_parser.parserinfo.JUMP, "tanggal", "tgl", "pukul"]
        super().__init__(dayfirst=True)


@functools.cache
def _parser_info() -> _ParserInfo:
    """Return the shared month/day vocabulary."""
    return _ParserInfo()


@functools.cache
def _text_parser() -> dateutil_parser.parser:
    """Return the shared dateutil parser for dates written with words."""
    return dateutil_parser.parser(_parser_info())


@functools.cache
def _month_names() -> dict[str, int]:
    """Map every known month name and abbreviation to its number."""
    months = _parser_info().MONTHS
    return {name.casefold(): n for n, names in enumerate(months, 1) for name in names}


def parse_month(value: object) -> int | None:
    """Return the month number of an Indonesian or English month name, or 1-12."""
    text = str(value).strip().rstrip(".").casefold() if value is not None else ""
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return _month_names().get(text)


# Pattern handlers: each gets the regex match and the options

_Handler = Callable[[re.Match[str], _Options], PartialDate | None]


def _safe_partial(
    year: int, month: int | None = None, day: int | None = None
) -> PartialDate | None:
    """Return the partial date, or None when it does not exist."""
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _optional_int(text: str | None) -> int | None:
    """Return the integer a regex group holds, None for an absent group."""
    return int(text) if text else None


def _year(match: re.Match[str], options: _Options) -> PartialDate | None:
    """Read a bare four-digit year."""
    return _safe_partial(int(match["year"]))


def _year_month_day(match: re.Match[str], options: _Options) -> PartialDate | None:
    """Read a year-first date (ISO 8601 and its slash or compact forms)."""
    month = _optional_int(match["month"])
    day = _optional_int(match.groupdict().get("day"))
    return _safe_partial(int(match["year"]), month, day)


def _month_year(match: re.Match[str], options: _Options) -> PartialDate | None:
    """Read a month followed by a four-digit year (``08/2023``)."""
    return _safe_partial(int(match["year"]), int(match["month"]))


def _full_year(digits: str) -> int:
    """Expand a two-digit year to the latest year not in the future."""
    year = int(digits)
    if len(digits) > 2:
        return year
    this_year = dt.date.today().year
    century = this_year - this_year % 100
    return century + year if century + year <= this_year else century - 100 + year


def _day_month_year(match: re.Match[str], options: _Options) -> PartialDate | None:
    """Read ``a/b/yyyy``, settling the day/month order as the options say."""
    first, second = int(match["first"]), int(match["second"])
    year = _full_year(match["year"])
    day_first = _safe_partial(year, second, first)
    month_first = _safe_partial(year, first, second)
    readings = [r for r in dict.fromkeys((day_first, month_first)) if r]
    if len(readings) < 2:
        return readings[0] if readings else None
    if options.within is not None:
        fitting = [r for r in readings if options.within.contains(r)]
        if len(fitting) == 1:
            return fitting[0]
    if options.dayfirst is None:
        raise AmbiguousDate(match.string, (readings[0], readings[1]))
    return readings[0] if options.dayfirst else readings[1]


_PATTERNS: tuple[tuple[re.Pattern[str], _Handler], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), handler)
    for pattern, handler in (
        (r"^(?P<year>\d{4})$", _year),
        (r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})?$", _year_month_day),
        (
            r"^(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?" + _TIME + "$",
            _year_month_day,
        ),
        (
            r"^(?P<year>\d{4})(?P<sep>[/.])(?P<month>\d{1,2})"
            r"(?:(?P=sep)(?P<day>\d{1,2}))?" + _TIME + "$",
            _year_month_day,
        ),
        (r"^(?P<month>\d{1,2})[/.\-](?P<year>\d{4})$", _month_year),
        (
            r"^(?P<first>\d{1,2})(?P<sep>[/.\-])(?P<second>\d{1,2})(?P=sep)"
            r"(?P<year>\d{4}|\d{2})" + _TIME + "$",
            _day_month_year,
        ),
    )
)


# Excel serial numbers


def _from_serial(serial: float) -> PartialDate | None:
    """Convert an Excel serial day number (1900 system) to its date."""
    whole = math.floor(serial)
    if not 1 <= whole <= _SERIAL_MAX or whole == _SERIAL_LEAP_BUG:
        return None
    if whole < _SERIAL_LEAP_BUG:
        whole += 1  # before the phantom 29 Feb 1900 the epoch is one day later
    day = _SERIAL_EPOCH + dt.timedelta(days=whole)
    return PartialDate(day.year, day.month, day.day)


def _serial_in(value: object, spreadsheet: bool) -> float | None:
    """Return value as an Excel serial when it should be read as one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)?", value.strip()):
        number = float(value)
    else:
        return None
    if spreadsheet:
        looks_like_year = number.is_integer() and 1000 <= number <= 2999
        in_range = 1 <= number <= _SERIAL_PLAUSIBLE[1]
        return number if in_range and not looks_like_year else None
    float_looking = isinstance(value, float) or (
        isinstance(value, str) and _SERIAL_LOOKING.match(value.strip())
    )
    low, high = _SERIAL_PLAUSIBLE
    return number if float_looking and low <= number <= high else None


# Entry points


def _is_missing(value: object) -> bool:
    """Tell whether a value stands for "no date" (empty, ``---``, ``N/A``)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    text = str(value).strip()
    return bool(_ONLY_DASHES.match(text)) or text.casefold() in _MISSING


def _parse_words(text: str, options: _Options) -> PartialDate | None:
    """Parse a date written with month or day names through dateutil.

    The text is parsed against two different defaults: a field that differs
    between the two results was absent from the text.
    """
    parser = _text_parser()
    try:
        one = parser.parse(text, default=dt.datetime(2001, 1, 1))
        two = parser.parse(text, default=dt.datetime(2002, 3, 2))
    except (ValueError, OverflowError):
        return None
    year = one.year if one.year == two.year else options.default_year
    month = one.month if one.month == two.month else None
    day = one.day if one.day == two.day and month else None
    if year is None or (month is None and day is None and one.year != two.year):
        return None
    return _safe_partial(year, month, day)


def _parse_text(text: str, options: _Options) -> PartialDate | None:
    """Parse a non-empty string through the pattern table, then dateutil."""
    for pattern, handler in _PATTERNS:
        match = pattern.match(text)
        if match:
            return handler(match, options)
    if re.search(r"[^\W\d_]", text):
        return _parse_words(text, options)
    return None


def parse_date(
    value: object,
    *,
    dayfirst: bool | None = True,
    spreadsheet: bool = False,
    within: PartialDate | None = None,
    default_year: int | None = None,
) -> PartialDate | None:
    """Parse one date; None when missing or unreadable.

    ``dayfirst`` is the source's convention for numeric dates: True (Indonesian,
    the default), False (US) or None (unknown: raise :class:`AmbiguousDate`
    when both orders read validly). ``within`` (e.g. a ``periode_data`` month)
    settles such a date when only one reading falls inside it. ``spreadsheet``
    says the value came from a spreadsheet cell, so numbers are Excel serials
    (except four-digit whole numbers, read as years); without it only a
    float-looking number between 1950 and 2099 is taken as a serial.
    ``default_year`` completes a date written without its year (``Mei``).
    """
    if _is_missing(value):
        return None
    if isinstance(value, dt.datetime | dt.date):
        return PartialDate(value.year, value.month, value.day)
    serial = _serial_in(value, spreadsheet)
    if serial is not None:
        return _from_serial(serial)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    options = _Options(dayfirst=dayfirst, within=within, default_year=default_year)
    return _parse_text(str(value).strip(), options)


_NUMERIC_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](?:\d{4}|\d{2})\b")


def infer_dayfirst(values: Iterable[object]) -> bool | None:
    """Find the day/month order of numeric dates from values that show it.

    True when some value's first field exceeds 12, False when some value's
    second field does, None when no value shows it or the values disagree.
    """
    seen: set[bool] = set()
    for value in values:
        match = _NUMERIC_DMY.match(str(value).strip()) if value is not None else None
        if match:
            first, second = int(match[1]), int(match[2])
            if first > 12 >= second:
                seen.add(True)
            elif second > 12 >= first:
                seen.add(False)
    return seen.pop() if len(seen) == 1 else None


def _parse_sibling(
    value: object, dayfirst: bool | None, spreadsheet: bool
) -> tuple[PartialDate | None, AmbiguousDate | None]:
    """Parse one value of a batch, returning an ambiguity instead of raising."""
    try:
        return parse_date(value, dayfirst=dayfirst, spreadsheet=spreadsheet), None
    except AmbiguousDate as problem:
        return None, problem


def parse_dates_consistently(
    values: Iterable[object],
    *,
    indonesian: bool = False,
    spreadsheet: bool = False,
) -> DateBatch:
    """Parse sibling values (one column) with one day/month order.

    The order comes from any value that shows it (:func:`infer_dayfirst`);
    failing that, day-first when the caller says the source is Indonesian.
    Values the order cannot settle come back as None and are listed in
    ``ambiguous``; unreadable non-empty values are listed in ``unparsed``.
    """
    values = list(values)
    dayfirst = infer_dayfirst(values)
    if dayfirst is None and indonesian:
        dayfirst = True
    dates: list[PartialDate | None] = []
    ambiguous: list[AmbiguousDate] = []
    unparsed: list[str] = []
    for value in values:
        parsed, problem = _parse_sibling(value, dayfirst, spreadsheet)
        dates.append(parsed)
        if problem is not None:
            ambiguous.append(problem)
        elif parsed is None and not _is_missing(value):
            unparsed.append(str(value))
    return DateBatch(tuple(dates), dayfirst, tuple(ambiguous), tuple(unparsed))
