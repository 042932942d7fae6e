"""The dataset form a data officer fills in, in Indonesian by default."""

from __future__ import annotations

import re

import pytest

from ckan.tests import factories


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestDatasetForm:
    @pytest.fixture
    def form(self, app):
        user = factories.UserWithToken()
        factories.Organization(users=[{"name": user["name"], "capacity": "editor"}])
        response = app.get("/dataset/new", headers={"Authorization": user["token"]})
        assert response.status_code == 200
        return response.get_data(as_text=True)

    def test_jakarta_fields_are_labelled_in_indonesian(self, form):
        """The form shows the Jakarta fields with their Indonesian labels."""
        for label in (
            "Klasifikasi Data",
            "Produsen Data (OPD)",
            "Frekuensi Pemutakhiran",
            "Cakupan Wilayah",
            "Cakupan Waktu",
            "Tahun Data",
            "Satuan",
            "Sumber Data",
            "Kode Referensi",
            "Data Prioritas",
            "Jenis Data",
        ):
            assert label in form, label

    def test_wilayah_picker_offers_every_area_with_search(self, form):
        """The area picker is a searchable select of all 318 DKI Jakarta areas."""
        select = re.search(
            r'<select[^>]*name="cakupan_wilayah"[^>]*>(.*?)</select>', form, re.S
        )

        assert select is not None
        assert 'data-module="autocomplete"' in select.group(0)
        assert len(re.findall(r"<option ", select.group(1))) == 318
        assert "Kelurahan Gambir, Gambir (31.71.01.1001)" in select.group(1)
