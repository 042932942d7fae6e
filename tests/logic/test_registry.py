"""Syncing registry rows into organizations: order, bad rows and what is kept."""

from __future__ import annotations

import dataclasses

import pytest

from ckan.tests.helpers import call_action

from ckanext.jakarta import vocab
from ckanext.jakarta.logic import registry

DINAS = vocab.Opd(
    slug="dinas-contoh",
    name="Dinas Contoh",
    acronym="Dicon",
    acronym_source="test",
    type="dinas",
    name_verified=True,
    sources="test",
    parent_slug=None,
    wilayah_code="31",
)
SUDIN = dataclasses.replace(
    DINAS,
    slug="sudin-contoh-jakarta-barat",
    name="Suku Dinas Contoh Jakarta Barat (Sudin)",
    type="suku dinas",
    parent_slug="dinas-contoh",
    wilayah_code="31.73",
)


def test_parents_come_before_their_units():
    """A Suku Dinas listed before its Dinas is created after it."""
    ordered = registry.parents_first([SUDIN, DINAS])

    assert [item.slug for item in ordered] == [
        "dinas-contoh",
        "sudin-contoh-jakarta-barat",
    ]


def test_opd_fields_drop_the_registry_notes():
    """The title and acronym leave out the registry's parenthesised notes."""
    fields = registry.opd_fields(SUDIN)

    assert fields["title"] == "Suku Dinas Contoh Jakarta Barat"
    assert fields["jenis_opd"] == "suku_dinas"
    assert fields["parent_opd"] == "dinas-contoh"


def test_unmapped_kind_of_opd_is_a_registry_error():
    """A registry type no jenis OPD stands for is refused, naming the type."""
    with pytest.raises(registry.RegistryError, match="'kementerian'"):
        registry.opd_fields(dataclasses.replace(DINAS, type="kementerian"))


def test_missing_and_empty_values_are_not_differences():
    """A field the registry leaves empty matches a field never stored."""
    wanted = {"name": "x", "parent_opd": "", "wilayah": "31"}

    assert registry.differences({"name": "x", "wilayah": "31"}, wanted) == {}
    assert registry.differences({"name": "x"}, wanted) == {"wilayah": "31"}


@pytest.mark.usefixtures("with_plugins", "clean_db")
class TestBadRows:
    def test_bad_rows_are_named_and_the_others_are_created(self):
        """Rows CKAN or the registry rejects are reported; the good ones go on."""
        bad_area = dataclasses.replace(DINAS, slug="dinas-jabar", wilayah_code="32.73")
        bad_kind = dataclasses.replace(DINAS, slug="kementerian-x", type="kementerian")

        report = registry.sync_opds([bad_area, DINAS, bad_kind, SUDIN])

        assert report.created == ["dinas-contoh", "sudin-contoh-jakarta-barat"]
        assert len(report.errors) == 2
        assert report.errors[0].startswith("opd.csv dinas-jabar (Dinas Contoh): ")
        assert "wilayah: " in report.errors[0]
        assert "from another province" in report.errors[0]
        assert report.errors[1].startswith("opd.csv kementerian-x (Dinas Contoh): ")
        shown = call_action("organization_show", id="sudin-contoh-jakarta-barat")
        assert shown["parent_opd"] == "dinas-contoh"

    def test_unit_whose_parent_failed_is_reported_too(self):
        """A Suku Dinas whose Dinas could not be created fails on its parent."""
        bad_parent = dataclasses.replace(DINAS, wilayah_code="99")

        report = registry.sync_opds([SUDIN, bad_parent])

        assert report.created == []
        assert len(report.errors) == 2
        assert report.errors[0].startswith("opd.csv dinas-contoh (Dinas Contoh): ")
        assert report.errors[1].startswith("opd.csv sudin-contoh-jakarta-barat (")
        assert "parent_opd: " in report.errors[1]
