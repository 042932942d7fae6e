"""Tests for the OPD, topic and licence data of ckanext.jakarta.vocab."""

from __future__ import annotations

import csv
import re
from importlib import resources

from ckan.model.license import DefaultLicense

from ckanext.jakarta import vocab

CKAN_NAME = re.compile(r"[a-z0-9_-]{2,100}")
EU_THEMES = {
    "AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI",
    "SOCI", "TECH", "TRAN",
}  # fmt: skip
EU_THEME_BASE = "http://publications.europa.eu/resource/authority/data-theme/"
ORIGINAL_OPD_COLUMNS = [
    "name", "acronym", "acronym_source", "type", "name_verified", "sources",
]  # fmt: skip


def _opd_rows() -> list[dict[str, str]]:
    """Read the raw rows of the OPD registry file."""
    source = resources.files("ckanext.jakarta.vocab").joinpath("opd.csv")
    with source.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_opd_registry_keeps_the_original_columns_first():
    """The registry starts with the compiled list's columns, then adds three."""
    header = list(_opd_rows()[0])

    assert header == [*ORIGINAL_OPD_COLUMNS, "slug", "parent_slug", "wilayah_code"]


def test_opd_slugs_are_valid_ckan_names_and_unique():
    """Every non-empty slug is a valid CKAN organization name, used once."""
    slugs = [row["slug"] for row in _opd_rows() if row["slug"]]

    assert all(CKAN_NAME.fullmatch(slug) for slug in slugs)
    assert len(slugs) == len(set(slugs))


def test_opds_leave_out_group_rows():
    """Only rows with a slug become organizations."""
    rows = _opd_rows()

    assert len(vocab.opds()) == sum(1 for row in rows if row["slug"])
    assert len(vocab.opds()) < len(rows)


def test_opd_parents_exist():
    """Every parent slug names another organization of the registry."""
    for item in vocab.opds().values():
        if item.parent_slug is not None:
            assert item.parent_slug in vocab.opds(), item.slug
            assert item.parent_slug != item.slug


def test_opd_wilayah_codes_exist():
    """Every organization serves an area of the area table."""
    for item in vocab.opds().values():
        assert vocab.area(item.wilayah_code) is not None, item.slug


def test_provincial_dinas_serves_the_province():
    """A provincial dinas serves code 31 and has no parent."""
    item = vocab.opd("dinas-lingkungan-hidup")

    assert item.wilayah_code == "31"
    assert item.parent_slug is None
    assert item.acronym == "DLH"


def test_kota_administrasi_serve_their_kota():
    """Each kota administrasi organization serves its own kota code."""
    kota = {a.code for a in vocab.areas().values() if a.level == "kota"}
    served = {
        item.wilayah_code for item in vocab.opds().values() if item.type == "wilayah"
    }

    assert served == kota


def test_biro_belongs_to_the_sekretariat_daerah():
    """A Biro of the Setda has the Sekretariat Daerah as parent."""
    assert vocab.opd("biro-tata-pemerintahan").parent_slug == "sekretariat-daerah"


def test_topics_map_to_eu_data_themes():
    """Every topic maps to one of the 13 EU data themes."""
    for topic in vocab.topics().values():
        assert topic.eu_theme_uri.startswith(EU_THEME_BASE), topic
        assert topic.eu_theme_uri.removeprefix(EU_THEME_BASE) in EU_THEMES


def test_topic_names_are_valid_group_names_with_both_titles():
    """Every topic has a valid CKAN group name, an Indonesian and an English title."""
    for topic in vocab.topics().values():
        assert CKAN_NAME.fullmatch(topic.name)
        assert topic.title_id and topic.title_en


def test_licence_aliases_map_to_ckan_default_licences():
    """Every licence alias maps to an id of CKAN's default licence register."""
    ckan_ids = {cls.id for cls in DefaultLicense.__subclasses__()}

    assert set(vocab.license_aliases().values()) <= ckan_ids
