"""The Jakarta dataset validators, through the action API a data officer uses."""

from __future__ import annotations

import json

import pytest

import ckan.plugins.toolkit as tk
from ckan.tests import factories
from ckan.tests.helpers import call_action

from tests.factories import jakarta_dataset

FREQ = "http://publications.europa.eu/resource/authority/frequency/"


def _errors(**fields):
    with pytest.raises(tk.ValidationError) as raised:
        jakarta_dataset(**fields)
    return raised.value.error_dict


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestGoodValuesAreStored:
    def test_full_dataset_round_trips_through_package_show(self):
        """Every Jakarta field given in good form is stored and shown back."""
        dataset = jakarta_dataset(
            frequency="Bulanan",
            cakupan_wilayah=["31.71", "31.71.01.1001"],
            temporal_coverage=[{"start": "2020", "end": "2024-06"}],
            issued="17 Agustus 2023",
            satuan="µg/m³",
            sumber_data="Stasiun SPKU DKI1-DKI5",
            alternate_identifier=["IKU-DLH-01"],
            conforms_to=["SDS-ISPU-2020"],
            data_prioritas=True,
            jenis_data="statistik",
        )

        shown = call_action("package_show", id=dataset["id"])

        assert shown["frequency"] == FREQ + "MONTHLY"
        assert shown["cakupan_wilayah"] == ["31.71", "31.71.01.1001"]
        assert shown["temporal_coverage"] == [{"start": "2020", "end": "2024-06"}]
        assert shown["issued"] == "2023-08-17"
        assert shown["tahun_data"] == "2024"
        assert shown["satuan"] == "µg/m³"
        assert shown["alternate_identifier"] == ["IKU-DLH-01"]
        assert shown["conforms_to"] == ["SDS-ISPU-2020"]
        assert shown["data_prioritas"] is True
        assert shown["jenis_data"] == "statistik"
        assert shown["klasifikasi"] == "terbuka"
        assert shown["private"] is False

    @pytest.mark.parametrize("year", ["1904", "2024"])
    def test_plausible_years_are_accepted(self, year):
        """A year from 1800 to next year is a valid tahun data."""
        assert jakarta_dataset(tahun_data=year)["tahun_data"] == year

    def test_bare_year_is_a_valid_temporal_bound(self):
        """A period given as bare years is stored as bare years, not dates."""
        dataset = jakarta_dataset(temporal_coverage=[{"start": "2013", "end": "2021"}])

        assert dataset["temporal_coverage"] == [{"start": "2013", "end": "2021"}]

    def test_day_first_date_is_read_in_indonesian_order(self):
        """03/04/2023 is the 3rd of April, as Indonesians write it."""
        assert jakarta_dataset(modified="03/04/2023")["modified"] == "2023-04-03"

    def test_data_dictionary_is_stored_as_columns(self):
        """A resource's komponen data is kept as a list of columns."""
        columns = [
            {"nama": "pm10", "tipe": "number", "satuan": "µg/m³"},
            {"nama": "stasiun", "tipe": "string", "klasifikasi": "terbuka"},
        ]
        dataset = jakarta_dataset(
            resources=[{"url": "http://127.0.0.1/ispu.csv", "komponen_data": columns}]
        )

        assert dataset["resources"][0]["komponen_data"] == columns


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestBadValuesGetFieldErrors:
    def test_unknown_wilayah_code(self):
        """An area code that is not in the Kemendagri list is named in the error."""
        errors = _errors(cakupan_wilayah=["31.79"])

        assert "unknown area code: '31.79'" in errors["cakupan_wilayah"][0]
        assert "Kode wilayah tidak dikenal" in errors["cakupan_wilayah"][0]

    def test_code_from_another_province(self):
        """A Jawa Barat code is refused as being from another province."""
        errors = _errors(cakupan_wilayah=["32.73"])

        assert "from another province" in errors["cakupan_wilayah"][0]

    def test_end_before_start(self):
        """A period that ends before it starts is refused on its end."""
        errors = _errors(temporal_coverage=[{"start": "2024-05", "end": "2023"}])

        message = errors["temporal_coverage"][0]["end"][0]
        assert "ends (2023) before it starts (2024-05)" in message

    @pytest.mark.parametrize("year", ["1492", "3024", "20x4"])
    def test_year_out_of_range(self, year):
        """A tahun data outside 1800..next year is refused."""
        errors = _errors(tahun_data=year)

        assert "year out of range" in errors["tahun_data"][0]

    def test_malformed_email(self):
        """A contact email without a domain is refused and quoted."""
        errors = _errors(contact=[{"name": "DLH", "email": "dlh@"}])

        assert "malformed email address: 'dlh@'" in errors["contact"][0]["email"][0]

    def test_unknown_frequency(self):
        """A frequency no vocabulary knows is refused, not guessed."""
        errors = _errors(frequency="sometimes maybe")

        assert "unknown frequency: 'sometimes maybe'" in errors["frequency"][0]

    def test_unknown_classification(self):
        """Only terbuka, terbatas and tertutup are classifications."""
        errors = _errors(klasifikasi="rahasia")

        assert "unknown classification 'rahasia'" in errors["klasifikasi"][0]

    def test_missing_classification(self):
        """A dataset must say how it is classified."""
        errors = _errors(klasifikasi="")

        assert errors["klasifikasi"]

    def test_column_more_open_than_its_dataset(self):
        """A terbuka column in a terbatas dataset is refused."""
        errors = _errors(
            klasifikasi="terbatas",
            resources=[
                {
                    "name": "Data",
                    "komponen_data": [{"nama": "nik", "klasifikasi": "terbuka"}],
                }
            ],
        )

        message = errors["resources"][0]["komponen_data"][0]
        assert "column 'nik' is classified terbuka, more openly" in message

    def test_open_dataset_with_a_closed_column(self):
        """A terbuka dataset cannot describe a tertutup column."""
        errors = _errors(
            resources=[
                {
                    "url": "http://127.0.0.1/penduduk.csv",
                    "komponen_data": [{"nama": "nik", "klasifikasi": "tertutup"}],
                }
            ]
        )

        message = errors["resources"][0]["komponen_data"][0]
        assert "cannot hold the closed column 'nik'" in message

    def test_data_dictionary_that_is_not_json(self):
        """A komponen data that is not JSON names the parse problem."""
        errors = _errors(resources=[{"url": "http://x.test/a", "komponen_data": "[{"}])

        assert "not valid JSON" in errors["resources"][0]["komponen_data"][0]

    def test_rejected_update_leaves_the_stored_dataset_unchanged(self):
        """A failed package_update keeps every stored value as it was."""
        dataset = jakarta_dataset(tahun_data="2023")
        before = call_action("package_show", id=dataset["id"])
        sysadmin = factories.Sysadmin()

        with pytest.raises(tk.ValidationError):
            call_action(
                "package_patch",
                context={"user": sysadmin["name"]},
                id=dataset["id"],
                tahun_data="2023",
                cakupan_wilayah=["99.99"],
                title="Judul baru",
            )

        after = call_action("package_show", id=dataset["id"])
        assert after == before


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestValidatorsInTheWebForm:
    def test_bad_code_in_the_form_is_a_field_error_not_a_500(self, app):
        """The dataset form answers a bad area code with its error, status 200."""
        sysadmin = factories.SysadminWithToken()
        org = factories.Organization()

        response = app.post(
            "/dataset/new",
            data={
                "name": "udara-form",
                "title": "Udara",
                "notes": "Catatan",
                "owner_org": org["id"],
                "klasifikasi": "terbuka",
                "cakupan_wilayah": "31.99",
                "save": "",
                "_ckan_phase": "dataset_new_1",
            },
            headers={"Authorization": sysadmin["token"]},
        )

        assert response.status_code == 200
        assert "unknown area code: &#39;31.99&#39;" in response.get_data(as_text=True)


def test_wilayah_codes_are_stored_once_each():
    """The same code given twice is stored once."""
    from ckanext.jakarta.logic.validators import jakarta_wilayah_codes

    assert json.loads(jakarta_wilayah_codes(["31.71", "31.71"], {})) == ["31.71"]
