"""Search facets on the Jakarta fields, with area ancestors indexed."""

from __future__ import annotations

import re

import pytest

from ckan.tests import factories
from ckan.tests.helpers import call_action

from tests.factories import jakarta_dataset

FACETS = ["organization", "groups", "vocab_wilayah", "frequency", "tahun_data"]


def _names(result):
    return sorted(dataset["name"] for dataset in result["results"])


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestWilayahAncestors:
    @pytest.fixture
    def datasets(self, with_plugins, clean_db, clean_index):
        jakarta_dataset(name="kelurahan-gambir", cakupan_wilayah=["31.71.01.1001"])
        jakarta_dataset(name="kecamatan-tanah-abang", cakupan_wilayah=["31.71.02"])
        jakarta_dataset(name="kota-jakarta-utara", cakupan_wilayah=["31.72"])
        jakarta_dataset(name="provinsi", cakupan_wilayah=["31"])

    @pytest.mark.usefixtures("datasets")
    def test_filtering_by_kota_finds_its_kecamatan_and_kelurahan(self):
        """Filtering on Jakarta Pusat finds its kecamatan and kelurahan datasets."""
        result = call_action("package_search", fq='vocab_wilayah:"31.71"')

        assert _names(result) == ["kecamatan-tanah-abang", "kelurahan-gambir"]

    @pytest.mark.usefixtures("datasets")
    def test_filtering_by_province_finds_everything_in_it(self):
        """fq on the province code finds every dataset recorded inside DKI Jakarta."""
        result = call_action("package_search", fq='vocab_wilayah:"31"')

        assert result["count"] == 4

    @pytest.mark.usefixtures("datasets")
    def test_wilayah_facet_counts_ancestors_and_shows_names(self):
        """The wilayah facet counts a kelurahan under its kota, labelled by name."""
        result = call_action(
            "package_search", **{"facet.field": '["vocab_wilayah"]', "facet.limit": -1}
        )

        items = {
            item["name"]: item
            for item in result["search_facets"]["vocab_wilayah"]["items"]
        }
        assert items["31.71"]["count"] == 2
        assert items["31.71"]["display_name"] == "Kota Administrasi Jakarta Pusat"
        assert items["31.71.01.1001"]["display_name"] == "Gambir"


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestFacets:
    def test_search_page_shows_the_jakarta_facets_in_indonesian(self, app):
        """The dataset search page offers the facets with Indonesian titles."""
        jakarta_dataset(frequency="bulanan", tahun_data="2023")

        body = app.get("/dataset/").get_data(as_text=True)

        headings = re.findall(r'fa-filter"></i>\s*([^<]+?)\s*</h2>', body)
        assert headings[:7] == [
            "OPD",
            "Topik",
            "Wilayah",
            "Frekuensi",
            "Tahun",
            "Format",
            "Klasifikasi",
        ]

    def test_frequency_and_year_facets_filter(self):
        """Frequency (by EU URI) and tahun data filter the search."""
        jakarta_dataset(name="bulanan-2023", frequency="bulanan", tahun_data="2023")
        jakarta_dataset(name="tahunan-2024", frequency="tahunan", tahun_data="2024")
        monthly = "http://publications.europa.eu/resource/authority/frequency/MONTHLY"

        by_frequency = call_action("package_search", fq=f'frequency:"{monthly}"')
        by_year = call_action("package_search", fq="tahun_data:2024")

        assert _names(by_frequency) == ["bulanan-2023"]
        assert _names(by_year) == ["tahunan-2024"]

    def test_topik_facet_is_the_groups_facet(self):
        """A dataset in a topik group is counted under that topik."""
        group = factories.Group(name="lingkungan-hidup")
        jakarta_dataset(groups=[{"name": group["name"]}])

        result = call_action("package_search", **{"facet.field": '["groups"]'})

        items = result["search_facets"]["groups"]["items"]
        assert [(i["name"], i["count"]) for i in items] == [("lingkungan-hidup", 1)]
