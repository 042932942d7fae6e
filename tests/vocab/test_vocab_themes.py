"""Tests for the EU data themes and the kinds of OPD of ckanext.jakarta.vocab."""

from __future__ import annotations

from ckanext.jakarta import vocab

EU_THEME_BASE = "http://publications.europa.eu/resource/authority/data-theme/"
EU_THEME_CODES = {
    "AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI",
    "SOCI", "TECH", "TRAN",
}  # fmt: skip


def test_eu_themes_are_the_thirteen_data_themes():
    """The theme list holds the 13 data themes, each URI ending in its code."""
    themes = vocab.eu_themes()

    assert {theme.code for theme in themes.values()} == EU_THEME_CODES
    assert all(uri == EU_THEME_BASE + theme.code for uri, theme in themes.items())
    assert all(theme.label_id and theme.label_en for theme in themes.values())


def test_every_topik_theme_is_in_the_theme_list():
    """Each topik's EU theme is one the group form offers."""
    for topic in vocab.topics().values():
        assert topic.eu_theme_uri in vocab.eu_themes(), topic.name


def test_every_registry_opd_has_a_kind():
    """Each OPD of the registry maps to one jenis OPD."""
    for item in vocab.opds().values():
        assert vocab.opd_type_of(item) in vocab.opd_types(), item.slug


def test_kota_and_kabupaten_are_told_apart_by_name():
    """The registry's wilayah rows split into kota and kabupaten administrasi."""
    kinds = {slug: vocab.opd_type_of(item) for slug, item in vocab.opds().items()}

    assert kinds["kabupaten-administrasi-kepulauan-seribu"] == "kabupaten_administrasi"
    assert kinds["kota-administrasi-jakarta-timur"] == "kota_administrasi"
    assert kinds["bps-provinsi-dki-jakarta"] == "lainnya"
