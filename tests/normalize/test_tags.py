"""Tests for ckanext.jakarta.normalize.tags."""

from __future__ import annotations

import re

import pytest

from ckanext.jakarta.normalize import clean_tag, clean_tags

CKAN_TAG = re.compile(r"[\w \-.]{2,100}")


@pytest.mark.parametrize(
    ("keyword", "tag"),
    [
        ("R&D (2023)", "R D 2023"),
        ("Rp/Tahun", "Rp Tahun"),
        ("PM2,5", "PM2.5"),
        ("  kualitas   udara ", "kualitas udara"),
        ("Pencemaran-Udara", "Pencemaran-Udara"),
        ("Jl. Sudirman", "Jl. Sudirman"),
        ("Kebersihan_Lingkungan", "Kebersihan_Lingkungan"),
        ("Ruang Terbuka Hijau (RTH)", "Ruang Terbuka Hijau RTH"),
        (
            "Pendidikan Anak Usia Dini (PAUD) – 2024",
            "Pendidikan Anak Usia Dini PAUD 2024",
        ),
        ("Çimento ğ", "Çimento ğ"),
    ],
)
def test_clean_tag(keyword, tag):
    """Characters CKAN rejects become spaces; unicode letters and - _ . stay."""
    assert clean_tag(keyword) == tag


@pytest.mark.parametrize("keyword", ["1", "&", " ", "", None, "(a)"])
def test_too_short_keywords_are_dropped(keyword):
    """A keyword with fewer than two valid characters left gives None."""
    assert clean_tag(keyword) is None


def test_long_keyword_is_cut_at_a_word_boundary():
    """A keyword over 100 characters is cut to at most 100 at a space."""
    tag = clean_tag("kata " * 30)

    assert len(tag) <= 100
    assert tag.endswith("kata")


def test_clean_tags_drops_duplicates_keeping_first_spelling_and_order():
    """Case-insensitive duplicates go; the first spelling and order stay."""
    keywords = ["Kesehatan", "R&D (2023)", "1", "kesehatan", "r d 2023", "Rp/Tahun"]

    assert clean_tags(keywords) == ["Kesehatan", "R D 2023", "Rp Tahun"]


def test_clean_tags_splits_joined_keywords():
    """Keywords joined by commas or semicolons split, but a decimal comma does not."""
    assert clean_tags(["ekonomi, kesehatan; PM2,5"]) == [
        "ekonomi",
        "kesehatan",
        "PM2.5",
    ]


def test_clean_tags_accepts_a_tag_string():
    """A single comma-separated string is split like CKAN's tag_string."""
    assert clean_tags("banjir,genangan") == ["banjir", "genangan"]


def test_one_bad_keyword_never_raises():
    """Numbers become tags; None, empty text and other objects are skipped."""
    keywords = [None, 12, 3.5, "", "banjir", object(), True, b"bytes"]

    assert clean_tags(keywords) == ["12", "3.5", "banjir"]


def test_clean_tags_of_nothing():
    """No keywords give no tags."""
    assert clean_tags(None) == []
    assert clean_tags([]) == []


def test_every_output_is_a_valid_ckan_tag():
    """Whatever comes in, every tag out passes CKAN's tag name and length rules."""
    keywords = ["R&D (2023)", "Rp/Tahun", "a/b\\c", "100%", "x" * 150, "€uro", "日本語"]

    for tag in clean_tags(keywords):
        assert CKAN_TAG.fullmatch(tag), tag
