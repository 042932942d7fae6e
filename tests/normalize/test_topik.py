"""Themes, categories and concept URIs to the portal's topik groups."""

from __future__ import annotations

import pytest

from ckanext.jakarta.normalize.topik import match_topics

EU = "http://publications.europa.eu/resource/authority/data-theme/"


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("kesehatan", "kesehatan"),
        ("Kesehatan", "kesehatan"),
        ("Health", "kesehatan"),
        ("Penanggulangan Bencana", "kebencanaan"),
        ("Public Safety", "keamanan-ketertiban"),
        ("Planning Land Use and Zoning", "tata-ruang-pertanahan"),
        ("Government Operations", "pemerintahan"),
        ("https://data.jakarta.go.id/vocab/topik/transportasi", "transportasi"),
        ("http://127.0.0.1:5000/vocab/topik/energi", "energi"),
        (EU + "HEAL", "kesehatan"),
        (EU + "TRAN", "transportasi"),
        (
            "https://publications.europa.eu/resource/authority/data-theme/ENVI",
            "lingkungan-hidup",
        ),
    ],
)
def test_one_value_gives_its_topik(value, name):
    """Names, titles, aliases, portal concept URIs and unique EU themes match."""
    assert match_topics([value]).names == [name]
    assert match_topics([value]).problems == []


def test_unknown_theme_is_reported_not_guessed():
    """A word no table knows adds no topik and says so, in both languages."""
    found = match_topics(["Public Services", "kesehatan"])

    assert found.names == ["kesehatan"]
    assert found.problems == [
        "Tema 'Public Services' tidak dikenal, dilewati / "
        "unknown theme 'Public Services', left out"
    ]


def test_eu_theme_shared_by_several_topik_is_not_narrowed():
    """EU ECON covers four topik: alone it gives none, with a message naming them."""
    found = match_topics([EU + "ECON"])

    assert found.names == []
    assert "ekonomi, keuangan, industri-perdagangan, pariwisata" in found.problems[0]


def test_broad_eu_theme_beside_its_topik_is_silent():
    """The Jakarta export pairs each topik URI with its EU theme: no message."""
    found = match_topics(
        ["https://data.jakarta.go.id/vocab/topik/keuangan", EU + "ECON"]
    )

    assert (found.names, found.problems) == (["keuangan"], [])


def test_repeated_and_empty_values():
    """Duplicates count once; empty values are ignored."""
    found = match_topics(["Health", "", None, "kesehatan", EU + "HEAL"])

    assert (found.names, found.problems) == (["kesehatan"], [])


def test_unknown_portal_topik_is_reported():
    """A topik URI of a scheme value this portal lacks is not invented."""
    found = match_topics(["https://data.jakarta.go.id/vocab/topik/astronomi"])

    assert found.names == []
    assert len(found.problems) == 1
