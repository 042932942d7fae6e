"""Tests for ckanext.jakarta.normalize.dates."""

from __future__ import annotations

import csv
import datetime as dt
import pathlib

import pytest

from ckanext.jakarta.normalize import (
    AmbiguousDate,
    PartialDate,
    infer_dayfirst,
    parse_date,
    parse_dates_consistently,
    parse_month,
)

DATA = pathlib.Path(__file__).parent / "data"


def _column(filename: str) -> list[dict[str, str]]:
    """Read a fixture CSV into row dicts."""
    with (DATA / filename).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class TestPartialDate:
    def test_iso_keeps_the_precision(self):
        """iso() gives a year, a month or a day, never inventing the rest."""
        assert PartialDate(2023).iso() == "2023"
        assert PartialDate(2023, 8).iso() == "2023-08"
        assert PartialDate(2023, 8, 17).iso() == "2023-08-17"

    def test_rejects_an_impossible_date(self):
        """A date that does not exist cannot be built."""
        with pytest.raises(ValueError):
            PartialDate(2023, 2, 30)

    def test_rejects_a_day_without_month(self):
        """A day needs a month."""
        with pytest.raises(ValueError):
            PartialDate(2023, None, 5)

    def test_contains(self):
        """A month contains its days; a day does not contain another day."""
        assert PartialDate(2023, 4).contains(PartialDate(2023, 4, 3))
        assert not PartialDate(2023, 4).contains(PartialDate(2023, 3, 4))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023", "2023"),
        ("1904", "1904"),
        ("2023-08", "2023-08"),
        ("2023-08-17", "2023-08-17"),
        ("2023-8-7", "2023-08-07"),
        ("2023-08-17T10:15:00+07:00", "2023-08-17"),
        ("2023-08-17 10:15:00", "2023-08-17"),
        ("2023/08/17", "2023-08-17"),
        ("201309", "2013-09"),
        ("20230817", "2023-08-17"),
        ("08/2023", "2023-08"),
        ("17 Agustus 2023", "2023-08-17"),
        ("17 Agu 2023", "2023-08-17"),
        ("17-Agu-2023", "2023-08-17"),
        ("Kamis, 17 Agustus 2023", "2023-08-17"),
        ("Agu 2023", "2023-08"),
        ("Mei 2021", "2021-05"),
        ("Desember 2020", "2020-12"),
        ("August 17, 2023", "2023-08-17"),
        ("17 Aug 2023", "2023-08-17"),
        ("Sept 2019", "2019-09"),
    ],
)
def test_parse_date_forms(value, expected):
    """ISO, compact, year-only and worded dates keep their own precision."""
    assert parse_date(value).iso() == expected


@pytest.mark.parametrize(
    "value", [None, "", "   ", "-", "---", "N/A", "TIDAK ADA DATA"]
)
def test_missing_values_give_none(value):
    """Empty values and the portal's placeholders for missing mean no date."""
    assert parse_date(value) is None


@pytest.mark.parametrize("value", ["abc", "R&D", "51.0", "2023-13-01", "31/02/2023"])
def test_unreadable_values_give_none(value):
    """Text that is no date, or a date that does not exist, gives None."""
    assert parse_date(value) is None


def test_slash_date_is_day_first_by_default():
    """03/04/2023 is 3 April 2023 in Indonesian order, not 4 March."""
    assert parse_date("03/04/2023").iso() == "2023-04-03"


def test_slash_date_month_first_when_the_source_is_us():
    """dayfirst=False reads 03/04/2023 as 4 March 2023."""
    assert parse_date("03/04/2023", dayfirst=False).iso() == "2023-03-04"


def test_slash_date_with_only_one_valid_reading_needs_no_convention():
    """13/04/2023 can only be 13 April, whatever the convention."""
    assert parse_date("13/04/2023", dayfirst=None).iso() == "2023-04-13"


def test_slash_date_with_two_digit_year():
    """A two-digit year is the latest such year not in the future."""
    assert parse_date("17/08/23").iso() == "2023-08-17"


def test_ambiguous_date_raises_without_a_convention():
    """With no known convention, 03/04/2023 raises rather than guessing."""
    with pytest.raises(AmbiguousDate) as caught:
        parse_date("03/04/2023", dayfirst=None)

    assert caught.value.readings == (PartialDate(2023, 4, 3), PartialDate(2023, 3, 4))


def test_ambiguous_date_message_is_bilingual():
    """The ambiguity message gives both readings in Indonesian, then English."""
    with pytest.raises(AmbiguousDate) as caught:
        parse_date("03/04/2023", dayfirst=None)

    assert caught.value.message == (
        "Tanggal ambigu, bisa 2023-04-03 atau 2023-03-04: '03/04/2023' / "
        "ambiguous date, could be 2023-04-03 or 2023-03-04: '03/04/2023'"
    )
    assert str(caught.value) == caught.value.message


def test_within_settles_an_ambiguous_date():
    """A known period (periode_data) picks the one reading inside it."""
    september = PartialDate(2013, 9)

    assert parse_date("9/1/2013", dayfirst=True, within=september).iso() == "2013-09-01"


def test_bare_month_needs_a_year():
    """Mei alone is no date; with a default year it is that month."""
    assert parse_date("Mei") is None
    assert parse_date("Mei", default_year=2021).iso() == "2021-05"
    assert parse_date("17 Agustus", default_year=1945).iso() == "1945-08-17"


@pytest.mark.parametrize(
    ("value", "month"),
    [("Mei", 5), ("Agustus", 8), ("agu.", 8), ("AUGUST", 8), ("Okt", 10), ("12", 12)],
)
def test_parse_month(value, month):
    """Indonesian and English month names and abbreviations give the month."""
    assert parse_month(value) == month


@pytest.mark.parametrize("value", [None, "", "13", "Senin", "bulan"])
def test_parse_month_unknown(value):
    """A value that names no month gives None."""
    assert parse_month(value) is None


class TestExcelSerial:
    def test_float_looking_serial_is_read(self):
        """44926.625 (the ISPU 2022 cell) is 31 Dec 2022 15:00, so 2022-12-31."""
        assert parse_date("44926.625").iso() == "2022-12-31"

    def test_serial_from_a_spreadsheet_cell(self):
        """A whole number from a spreadsheet cell is a serial day number."""
        assert parse_date(44927, spreadsheet=True).iso() == "2023-01-01"
        assert parse_date("45000", spreadsheet=True).iso() == "2023-03-15"

    def test_four_digit_number_from_a_spreadsheet_stays_a_year(self):
        """1904 and 2023 read as years even from a spreadsheet cell."""
        assert parse_date(1904, spreadsheet=True).iso() == "1904"
        assert parse_date("2023", spreadsheet=True).iso() == "2023"

    def test_whole_number_outside_a_spreadsheet_is_not_a_serial(self):
        """44926 without the spreadsheet flag is not taken for a date."""
        assert parse_date("44926") is None

    def test_float_outside_the_plausible_range_is_not_a_serial(self):
        """A measurement such as 51.0 is not taken for a date."""
        assert parse_date(51.0) is None

    def test_early_serials_follow_the_1900_system(self):
        """Serial 1 is 1900-01-01 and serial 61 is 1900-03-01."""
        assert parse_date(1.0, spreadsheet=True).iso() == "1900-01-01"
        assert parse_date(61, spreadsheet=True).iso() == "1900-03-01"


def test_date_objects_are_taken_as_they_are():
    """A date or datetime object becomes a day-precision date."""
    assert parse_date(dt.datetime(2023, 8, 17, 10, 0)).iso() == "2023-08-17"
    assert parse_date(dt.date(1945, 8, 17)).iso() == "1945-08-17"


class TestConsistentParsing:
    def test_order_found_from_a_sibling_with_day_above_12(self):
        """One value with a first field over 12 makes the whole column day-first."""
        batch = parse_dates_consistently(["03/04/2023", "13/04/2023"])

        assert batch.dayfirst is True
        assert [d.iso() for d in batch.dates] == ["2023-04-03", "2023-04-13"]
        assert batch.ambiguous == ()

    def test_order_found_from_a_sibling_with_month_first(self):
        """One value with a second field over 12 makes the whole column month-first."""
        batch = parse_dates_consistently(["9/1/2013", "9/13/2013"])

        assert batch.dayfirst is False
        assert batch.dates[0].iso() == "2013-09-01"

    def test_indonesian_source_falls_back_to_day_first(self):
        """With no telling sibling, an Indonesian source is read day-first."""
        batch = parse_dates_consistently(["03/04/2023", "04/05/2023"], indonesian=True)

        assert [d.iso() for d in batch.dates] == ["2023-04-03", "2023-05-04"]

    def test_unresolvable_values_are_reported_not_guessed(self):
        """With no telling sibling and no known source, each value is reported."""
        batch = parse_dates_consistently(["03/04/2023", "2023-05-01", "---", "x"])

        assert batch.dates == (None, PartialDate(2023, 5, 1), None, None)
        assert [problem.value for problem in batch.ambiguous] == ["03/04/2023"]
        assert batch.unparsed == ("x",)

    def test_conflicting_siblings_leave_the_order_unknown(self):
        """A column with both 13/12 and 12/13 values has no single order."""
        assert infer_dayfirst(["13/12/2016", "12/13/2016", "01/02/2016"]) is None

    def test_ispu_2018_column_is_day_first_and_within_its_period(self):
        """Every dd/mm/yyyy date of the ISPU 2018 file falls in its periode_data."""
        rows = _column("ispu_2018_tanggal.csv")
        batch = parse_dates_consistently(row["tanggal"] for row in rows)

        assert batch.dayfirst is True
        assert batch.ambiguous == batch.unparsed == ()
        for row, date in zip(rows, batch.dates, strict=True):
            assert date.iso().replace("-", "")[:6] == row["periode_data"]

    def test_ispu_2022_column_reads_its_excel_serial(self):
        """The ISPU 2022 column parses fully, its serial landing in December 2022."""
        rows = _column("ispu_2022_tanggal.csv")
        batch = parse_dates_consistently(row["tanggal"] for row in rows)
        serial_row = rows.index({"periode_data": "202212", "tanggal": "44926.625"})

        assert batch.unparsed == batch.ambiguous == ()
        assert batch.dates[serial_row] == PartialDate(2022, 12, 31)
