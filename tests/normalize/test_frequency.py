"""Tests for ckanext.jakarta.normalize.frequency."""

from __future__ import annotations

import pytest

from ckanext.jakarta import vocab
from ckanext.jakarta.normalize import match_frequency, to_frequency_uri

EU = "http://publications.europa.eu/resource/authority/frequency/"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Tahunan", "ANNUAL"),
        ("Setiap Tahun", "ANNUAL"),
        ("Per Tahun", "ANNUAL"),
        ("annually", "ANNUAL"),
        ("yearly", "ANNUAL"),
        ("1 tahun sekali", "ANNUAL"),
        ("once a year", "ANNUAL"),
        ("Bulanan", "MONTHLY"),
        ("monthly", "MONTHLY"),
        ("diperbarui setiap bulan", "MONTHLY"),
        ("Harian", "DAILY"),
        ("Mingguan", "WEEKLY"),
        ("Triwulanan", "QUARTERLY"),
        ("kuartalan", "QUARTERLY"),
        ("Semester", "ANNUAL_2"),
        ("Semesteran", "ANNUAL_2"),
        ("6 bulanan", "ANNUAL_2"),
        ("Enam Bulanan", "ANNUAL_2"),
        ("Dua Tahunan", "BIENNIAL"),
        ("Lima Tahunan", "QUINQUENNIAL"),
        ("Tidak Tentu", "IRREG"),
        ("irregular", "IRREG"),
        ("Tidak Diperbarui", "NEVER"),
        ("Real Time", "UPDATE_CONT"),
        # UPDATE_INTERVAL values of the DC enterprise dataset inventory
        ("Real-Time/Near Real-Time", "UPDATE_CONT"),
        ("Static", "NEVER"),
        ("Yearly", "ANNUAL"),
        ("Biennially", "BIENNIAL"),
    ],
)
def test_words(value, code):
    """Indonesian and English frequency words map to their EU authority URI."""
    assert to_frequency_uri(value) == EU + code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("HARIAN", "DAILY"),
        ("TRIWULANAN", "QUARTERLY"),
        ("EMPAT_BULANAN", "ANNUAL_3"),
        ("SEMESTERAN", "ANNUAL_2"),
        ("LEBIH_DARI_DUA_TAHUNAN", "BIENNIAL"),
    ],
)
def test_bps_ms_keg_codes(value, code):
    """The BPS MS-Keg frequency codes map to EU URIs."""
    assert to_frequency_uri(value) == EU + code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("R/P1M", "MONTHLY"),
        ("R/P1Y", "ANNUAL"),
        ("P1D", "DAILY"),
        ("R/P1W", "WEEKLY"),
        ("P7D", "WEEKLY"),
        ("R/P12M", "ANNUAL"),
        ("R/P6M", "ANNUAL_2"),
        ("R/P5Y", "QUINQUENNIAL"),
        ("R/PT1H", "HOURLY"),
        ("R/2020-01-01/P3M", "QUARTERLY"),
    ],
)
def test_iso8601_durations(value, code):
    """ISO 8601 repeating and plain durations map by length, P7D as P1W."""
    assert to_frequency_uri(value) == EU + code


@pytest.mark.parametrize(
    "value",
    [
        EU + "ANNUAL_2",
        "https://publications.europa.eu/resource/authority/frequency/annual_2",
        EU + "ANNUAL_2/",
    ],
)
def test_eu_uris(value):
    """EU URIs over http or https, in any case, come back in canonical form."""
    assert to_frequency_uri(value) == EU + "ANNUAL_2"


def test_dublin_core_frequency_uri():
    """A Dublin Core collection frequency URI maps to its EU equivalent."""
    assert to_frequency_uri("http://purl.org/cld/freq/monthly") == EU + "MONTHLY"


@pytest.mark.parametrize("value", [None, "", "kadang-kadang", "R/P9D", EU + "WEEKLY_5"])
def test_unknown_gives_none(value):
    """Unknown words, durations and EU codes outside the vocabulary give None."""
    assert to_frequency_uri(value) is None


def test_match_frequency_returns_the_vocabulary_entry():
    """match_frequency returns the vocabulary item with its labels."""
    assert match_frequency("Per Tahun") == vocab.frequency("tahunan")


def test_every_vocabulary_label_maps_back_to_its_frequency():
    """Each frequency's own key, labels and aliases lead back to it."""
    for item in vocab.frequencies().values():
        for text in (item.key, item.label_id, item.label_en, item.uri):
            assert match_frequency(text) == item, text
    for alias, key in vocab.frequency_aliases().items():
        assert match_frequency(alias).key == key, alias
