"""Tests for ckanext.jakarta.normalize.language."""

from __future__ import annotations

import pytest

from ckanext.jakarta.normalize import pick_literal, primary_language


def test_indonesian_wins_over_english():
    """With @en and @id-ID literals, the Indonesian one is picked."""
    literals = [("Air quality index", "en"), ("Indeks kualitas udara", "id-ID")]

    assert pick_literal(literals) == "Indeks kualitas udara"


@pytest.mark.parametrize("tag", ["id", "ID", "id-ID", "id_ID", "in", "ind"])
def test_indonesian_tags_in_any_form(tag):
    """id, id-ID, in and ind, in any case, all count as Indonesian."""
    assert pick_literal([("English", "en"), ("Indonesia", tag)]) == "Indonesia"


def test_english_when_no_indonesian():
    """Without Indonesian, an English literal (en-GB too) is picked."""
    literals = [("Titre", "fr"), ("Title", "en-GB"), ("Untagged", None)]

    assert pick_literal(literals) == "Title"


def test_untagged_when_neither_language():
    """Without Indonesian or English, the untagged literal is picked."""
    assert pick_literal([("Titre", "fr"), ("Judul", None)]) == "Judul"


def test_first_when_nothing_else_fits():
    """With only other languages, the first literal is picked."""
    assert pick_literal([("Titre", "fr"), ("Titel", "de")]) == "Titre"


def test_default_locale_can_be_english():
    """default_locale="en" prefers the English literal."""
    literals = [("Judul", "id"), ("Title", "en")]

    assert pick_literal(literals, default_locale="en") == "Title"


def test_blank_literals_are_skipped():
    """A blank Indonesian literal does not hide a filled English one."""
    assert pick_literal([("  ", "id"), ("Title", "en")]) == "Title"


def test_no_literals_give_none():
    """An empty list gives None."""
    assert pick_literal([]) is None


@pytest.mark.parametrize(
    ("tag", "primary"),
    [("id-ID", "id"), ("EN-us", "en"), ("in", "id"), ("", None), (None, None)],
)
def test_primary_language(tag, primary):
    """primary_language returns the lowercase primary subtag, in as id."""
    assert primary_language(tag) == primary
