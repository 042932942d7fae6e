"""Tests for the update-frequency data of ckanext.jakarta.vocab."""

from __future__ import annotations

import re

import pytest

from ckanext.jakarta import vocab

EU_FREQUENCY = re.compile(
    r"http://publications\.europa\.eu/resource/authority/frequency/[A-Z0-9_]+"
)
ISO_DURATION = re.compile(r"P(\d+[YMWD]|T\d+H)")


def test_every_uri_is_an_eu_authority_uri():
    """Every frequency URI is an EU Publications Office frequency URI."""
    for item in vocab.frequencies().values():
        assert EU_FREQUENCY.fullmatch(item.uri), item


def test_uris_are_unique():
    """No two frequencies share a URI."""
    uris = [item.uri for item in vocab.frequencies().values()]

    assert len(uris) == len(set(uris))


def test_durations_are_iso8601():
    """Every ISO 8601 duration given is a simple one like P1M or PT1H."""
    for item in vocab.frequencies().values():
        if item.iso8601 is not None:
            assert ISO_DURATION.fullmatch(item.iso8601), item


def test_every_alias_points_to_an_existing_key():
    """Every row of the alias table names a frequency key."""
    for alias, key in vocab.frequency_aliases().items():
        assert key in vocab.frequencies(), alias


@pytest.mark.parametrize(
    ("key", "code", "duration"),
    [
        ("harian", "DAILY", "P1D"),
        ("dua_mingguan", "BIWEEKLY", "P2W"),
        ("bulanan", "MONTHLY", "P1M"),
        ("triwulanan", "QUARTERLY", "P3M"),
        ("semesteran", "ANNUAL_2", "P6M"),
        ("tahunan", "ANNUAL", "P1Y"),
        ("lima_tahunan", "QUINQUENNIAL", "P5Y"),
        ("tidak_tentu", "IRREG", None),
        ("tidak_diperbarui", "NEVER", None),
    ],
)
def test_indonesian_keys_map_to_eu_codes(key, code, duration):
    """Each Indonesian frequency maps to the EU code and duration it means."""
    item = vocab.frequencies()[key]

    assert item.uri.endswith("/" + code)
    assert item.iso8601 == duration


def test_frequency_by_key():
    """A frequency is found by its key."""
    assert vocab.frequency("tahunan").label_en == "Annual"


@pytest.mark.parametrize(
    "uri",
    [
        "http://publications.europa.eu/resource/authority/frequency/ANNUAL_2",
        "https://publications.europa.eu/resource/authority/frequency/annual_2",
        "http://publications.europa.eu/resource/authority/frequency/ANNUAL_2/",
    ],
)
def test_frequency_by_uri(uri):
    """A frequency is found by its URI, over http or https, in any case."""
    assert vocab.frequency(uri).key == "semesteran"


def test_frequency_unknown_returns_none():
    """An unknown key or an EU code outside the vocabulary gives None."""
    assert vocab.frequency("sometimes") is None
    eu_base = vocab.EU_FREQUENCY_BASE
    assert vocab.frequency(eu_base + "WEEKLY_5") is None
