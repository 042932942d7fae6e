"""Tests for ckanext.jakarta.normalize.wilayah."""

from __future__ import annotations

import csv
import pathlib

import pytest

from ckanext.jakarta.normalize import match_wilayah, to_wilayah_code

DATA = pathlib.Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("31", "31"),
        ("31.71", "31.71"),
        ("3171", "31.71"),
        (3171, "31.71"),
        ("317101", "31.71.01"),
        ("31.71.01.1001", "31.71.01.1001"),
        ("3171011001", "31.71.01.1001"),
        (" 31.71.01.1001 ", "31.71.01.1001"),
    ],
)
def test_codes_dotted_or_not(value, code):
    """Kemendagri codes, dotted or as bare digits, give the dotted code."""
    assert to_wilayah_code(value) == code


@pytest.mark.parametrize("value", ["3199", "31.99", "31.71.01.9999", "123"])
def test_unknown_codes(value):
    """A code-shaped value that names no DKI area gives None."""
    assert to_wilayah_code(value) is None


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("KOTA ADM. JAKARTA PUSAT", "31.71"),
        ("Kota Administrasi Jakarta Pusat", "31.71"),
        ("Kota Jakarta Selatan", "31.74"),
        ("JAKARTA TIMUR", "31.75"),
        ("Kep. Seribu", "31.01"),
        ("KAB.ADM.KEP.SERIBU", "31.01"),
        ("Jakpus", "31.71"),
        ("jaksel", "31.74"),
        ("PROVINSI DKI JAKARTA", "31"),
        ("Daerah Khusus Ibukota Jakarta", "31"),
        ("KEP. SERIBU UTR", "31.01.01"),
        ("Kecamatan Gambir", "31.71.01"),
        ("Kel. Gambir", "31.71.01.1001"),
        ("P. PARI", "31.01.02.1003"),
        ("KAMPUNG TENGAH", "31.75.04.1002"),
        ("Kota Bambu Selatan", "31.73.07.1006"),
    ],
)
def test_names_and_aliases(value, code):
    """Names, old display names, abbreviations and portal spellings resolve."""
    assert to_wilayah_code(value) == code


def test_ambiguous_name_is_not_guessed():
    """Gambir (a kecamatan and a kelurahan) gives None with both candidates."""
    found = match_wilayah("Gambir")

    assert found.code is None
    assert found.candidates == ("31.71.01", "31.71.01.1001")


def test_ambiguous_name_problem_is_bilingual():
    """An ambiguous name carries a message in Indonesian, then English."""
    assert match_wilayah("Jatinegara").problem == (
        "Nama wilayah ambigu (31.75.03, 31.75.06.1001): 'Jatinegara' / "
        "ambiguous area name (31.75.03, 31.75.06.1001): 'Jatinegara'"
    )


def test_unknown_name_problem_is_bilingual():
    """An unknown name carries a message in Indonesian, then English."""
    assert match_wilayah("Bandung").problem == (
        "Wilayah tidak dikenal: 'Bandung' / unknown area: 'Bandung'"
    )


def test_empty_value_is_no_problem():
    """An empty value matches nothing and is not reported."""
    found = match_wilayah("  ")

    assert found.code is None
    assert found.problem is None


def test_level_and_parent_narrow_a_name():
    """A level or a parent code settles a shared name."""
    assert to_wilayah_code("PALMERAH", level="kecamatan") == "31.73.07"
    assert to_wilayah_code("PALMERAH", level="kelurahan") == "31.73.07.1001"
    assert to_wilayah_code("Jatinegara", within="31.75.06") == "31.75.06.1001"


def test_level_filters_codes_too():
    """A code of another level than the one asked for gives None."""
    assert to_wilayah_code("31.71", level="kecamatan") is None


def test_every_area_of_the_portal_population_file_resolves():
    """Each area spelling of the portal file resolves at its level within its parent."""
    with (DATA / "penduduk_wilayah_names.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))

    for row in rows:
        kota = to_wilayah_code(row["nama_kabupaten_kota"], level="kota")
        kecamatan = to_wilayah_code(
            row["nama_kecamatan"], level="kecamatan", within=kota
        )
        kelurahan = to_wilayah_code(
            row["nama_kelurahan"], level="kelurahan", within=kecamatan
        )
        assert None not in (kota, kecamatan, kelurahan), row
    assert len(rows) == 261
