"""Tests for the administrative-area data of ckanext.jakarta.vocab."""

from __future__ import annotations

import collections
import re

import pytest

from ckanext.jakarta import vocab

CODE_PATTERNS = {
    "provinsi": r"31",
    "kota": r"31\.\d{2}",
    "kecamatan": r"31\.\d{2}\.\d{2}",
    "kelurahan": r"31\.\d{2}\.\d{2}\.1\d{3}",
}


def test_wilayah_has_318_rows():
    """The area table holds every DKI Jakarta area: 318 rows."""
    assert len(vocab.areas()) == 318


def test_level_counts():
    """There are 1 provinsi, 6 kota, 44 kecamatan and 267 kelurahan."""
    counts = collections.Counter(area.level for area in vocab.areas().values())

    assert counts == {"provinsi": 1, "kota": 6, "kecamatan": 44, "kelurahan": 267}


@pytest.mark.parametrize(
    ("kota", "kecamatan", "kelurahan"),
    [
        ("31.01", 2, 6),
        ("31.71", 8, 44),
        ("31.72", 6, 31),
        ("31.73", 8, 56),
        ("31.74", 10, 65),
        ("31.75", 10, 65),
    ],
)
def test_counts_per_kota(kota, kecamatan, kelurahan):
    """Each kota has the kecamatan and kelurahan counts of the Kemendagri list."""
    under = [a for a in vocab.areas().values() if kota in vocab.ancestors(a.code)]
    levels = collections.Counter(area.level for area in under)

    assert levels["kecamatan"] == kecamatan
    assert levels["kelurahan"] == kelurahan


def test_codes_follow_the_kemendagri_pattern_of_their_level():
    """Every code has the dotted shape of its level (kelurahan part starts with 1)."""
    for area in vocab.areas().values():
        assert re.fullmatch(CODE_PATTERNS[area.level], area.code), area


def test_every_parent_exists_one_level_up():
    """Every area but the province has a parent exactly one level above it."""
    for area in vocab.areas().values():
        if area.level == "provinsi":
            assert area.parent_code is None
            continue
        parent = vocab.area(area.parent_code)
        assert parent is not None, area
        assert vocab.LEVELS.index(parent.level) == vocab.LEVELS.index(area.level) - 1


def test_ancestors_of_a_kelurahan_end_at_the_province():
    """A kelurahan's ancestors run from its own code up to "31"."""
    assert vocab.ancestors("31.71.01.1001") == [
        "31.71.01.1001",
        "31.71.01",
        "31.71",
        "31",
    ]


def test_ancestors_of_an_unknown_code_are_empty():
    """An unknown code has no ancestors."""
    assert vocab.ancestors("31.99") == []


def test_children_of_the_province_are_the_six_kota():
    """The province's children are the one kabupaten and five kota."""
    assert vocab.children("31") == [
        "31.01",
        "31.71",
        "31.72",
        "31.73",
        "31.74",
        "31.75",
    ]


def test_children_of_a_kecamatan_are_kelurahan():
    """Kecamatan Gambir has six kelurahan as children."""
    kids = vocab.children("31.71.01")

    assert len(kids) == 6
    assert {vocab.area(code).level for code in kids} == {"kelurahan"}


def test_area_returns_none_for_unknown_code():
    """Looking up a code that does not exist gives None."""
    assert vocab.area("3171") is None


def test_every_alias_points_to_an_existing_code():
    """Every row of the alias table names a code of the area table."""
    for alias, code in vocab.wilayah_aliases():
        assert vocab.area(code) is not None, alias


def test_every_alias_resolves_at_its_level():
    """Every alias resolves to its own code once narrowed to that code's level."""
    for alias, code in vocab.wilayah_aliases():
        level = vocab.area(code).level

        assert vocab.area_by_name(alias, level=level) == code, alias


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Kota Administrasi Jakarta Pusat", "31.71"),
        ("KOTA ADM. JAKARTA PUSAT", "31.71"),
        ("kota adm jakarta pusat", "31.71"),
        ("Kep. Seribu", "31.01"),
        ("Jakpus", "31.71"),
        ("DKI JAKARTA", "31"),
        ("KEP. SERIBU SLT", "31.01.02"),
        ("P. PARI", "31.01.02.1003"),
        ("KERENDANG", "31.73.04.1005"),
        ("HALIM PERDANA KUSUMAH", "31.75.08.1004"),
        ("Kelapa Gading", "31.72.06"),
    ],
)
def test_area_by_name_matches_names_and_aliases(name, code):
    """A name or alias resolves whatever its case, spacing and punctuation."""
    assert vocab.area_by_name(name) == code


@pytest.mark.parametrize("name", ["Gambir", "Jatinegara", "PALMERAH", "KRAMAT JATI"])
def test_ambiguous_name_returns_none(name):
    """A name shared by a kecamatan and a kelurahan resolves to nothing."""
    assert vocab.area_by_name(name) is None
    assert len(vocab.area_candidates(name)) == 2


def test_level_settles_an_ambiguous_name():
    """Asking for a level picks the one area of that level sharing the name."""
    assert vocab.area_by_name("Jatinegara", level="kecamatan") == "31.75.03"
    assert vocab.area_by_name("Jatinegara", level="kelurahan") == "31.75.06.1001"


def test_parent_settles_an_ambiguous_name():
    """Asking within a kecamatan picks the area under it."""
    assert vocab.area_by_name("Jatinegara", within="31.75.06") == "31.75.06.1001"


def test_unknown_name_returns_none():
    """A name that matches nothing resolves to None with no candidates."""
    assert vocab.area_by_name("Bandung") is None
    assert vocab.area_candidates("Bandung") == ()


def test_areas_are_read_only():
    """The cached area mapping cannot be changed by a caller."""
    with pytest.raises(TypeError):
        vocab.areas()["31"] = None  # type: ignore[index]
