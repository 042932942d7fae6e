"""jakarta_inventory: an OPD's dataset inventory spreadsheet, CSV or XLSX."""

from __future__ import annotations

import collections
import csv
import datetime as dt
import io
import json
import re
import zipfile

import openpyxl
import pytest

import ckan.plugins.toolkit as tk
from ckan.tests.helpers import call_action

from ckanext.jakarta.harvesters.inventory import JakartaInventoryHarvester
from tests.harvesters.conftest import read

DC_FILE = "dc-gov_enterprise-dataset-inventory_2018-03-11.csv"
DC_CONFIG = json.dumps(
    {
        "columns": {
            "identifier": "RECORD_ID",
            "title": "DATASET_NAME",
            "notes": "DATASET_SUMMARY",
            "access_rights": "DATASET_CLASSIFICATION_NAME",
            "keywords": "KEYWORDS",
            "frequency": "UPDATE_INTERVAL",
            "issued": "PUBLISHED_DATE",
            "modified": "DATE_LAST_MODIFIED",
            "temporal_start": "EARLIEST_DATE_OF_RECORDS",
            "publisher": "AGENCY_NAME",
            "url": "DATASET_URL",
        }
    }
)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_CONFIG = json.dumps(
    {
        "columns": {
            "identifier": "ID",
            "title": "Nama Dataset",
            "notes": "Deskripsi",
            "frequency": "Frekuensi",
            "access_rights": "Klasifikasi",
            "keywords": "Kata Kunci",
            "modified": "Tanggal Pemutakhiran",
            "issued": "Tanggal Terbit",
        },
        "sheet": "Inventaris",
        "keyword_separator": "/",
    }
)
EU_FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"


def _datasets() -> list[dict]:
    found = call_action("package_search", q="*:*", rows=1000, include_private=True)
    return found["results"]


def _dc_rows(agency: str) -> str:
    """The header and one agency's rows of the real DC inventory, as CSV."""
    rows = list(csv.reader(io.StringIO(read(DC_FILE).decode("utf-8-sig"))))
    column = rows[0].index("AGENCY_ACRONYM")
    out = io.StringIO()
    csv.writer(out).writerows([rows[0], *(r for r in rows if r[column] == agency)])
    return out.getvalue()


def _with_cached_value(workbook: bytes, cell: str, cached: str) -> bytes:
    """Write the value Excel would have saved for the formula in cell."""
    source, out = zipfile.ZipFile(io.BytesIO(workbook)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rf'<c r="{cell}"><f>(.*?)</f><v\s*/?>(</v>)?'.encode(),
                    rf'<c r="{cell}" t="str"><f>\1</f><v>{cached}</v>'.encode(),
                    data,
                )
            target.writestr(item, data)
    return out.getvalue()


def _inventory_xlsx() -> bytes:
    """An OPD inventory as Excel saves one: a title row above the header."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Inventaris"
    sheet.append(["Inventaris Data Dinas Kesehatan Provinsi DKI Jakarta 2024"])
    sheet.append(
        [
            "ID",
            "Nama Dataset",
            "Deskripsi",
            "Frekuensi",
            "Klasifikasi",
            "Kata Kunci",
            "Tanggal Pemutakhiran",
            "Tanggal Terbit",
        ]
    )
    sheet.append(
        [
            "DINKES-001",
            "Jumlah Puskesmas per Kecamatan",
            "Daftar puskesmas kecamatan dan kelurahan",
            "Tahunan",
            "Terbuka",
            "kesehatan/puskesmas",
            dt.datetime(2024, 3, 15, 10, 30),
            45292,
        ]
    )
    sheet.append(
        [
            "DINKES-002",
            "Cakupan Imunisasi Dasar Lengkap",
            '=CONCATENATE("Persentase bayi ","yang mendapat imunisasi")',
            "Bulanan",
            "Terbatas",
            "imunisasi",
            None,
            None,
        ]
    )
    sheet.append([None, None, "Catatan: baris tanpa judul", "Tahunan"])
    sheet.append(
        [
            "DINKES-003",
            "Data Pasien Rumah Sakit Umum Daerah",
            '=HYPERLINK("http://127.0.0.1:1/exfiltrate","klik")',
            "Harian",
            "Tertutup",
            "rsud",
            None,
            None,
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return _with_cached_value(
        buffer.getvalue(), "C4", "Persentase bayi yang mendapat imunisasi"
    )


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestInventory:
    def test_whole_dc_inventory_maps_row_by_row(self, source_server):
        """All 1640 rows of Washington DC's inventory map to datasets: 708
        terbuka, 330 terbatas, 602 tertutup."""
        url = source_server.serve("/inventory.csv", read(DC_FILE))
        harvester = JakartaInventoryHarvester()
        harvester._warnings = []
        config = json.loads(DC_CONFIG)

        records = list(harvester.records(url, config))

        packages = [harvester.to_package(r.content, config).package for r in records]
        assert len({r.guid for r in records}) == 1640
        assert harvester._warnings == []
        counts = collections.Counter(p["klasifikasi"] for p in packages)
        assert counts == {"terbuka": 708, "terbatas": 330, "tertutup": 602}
        # Every UPDATE_INTERVAL maps to a frequency except the 13 cells "Null".
        assert sum(1 for p in packages if p.get("frequency")) == 1640 - 13

    def test_one_agency_of_the_dc_inventory_is_harvested(
        self, source_server, harvest_source, harvest
    ):
        """The 18 rows of DC's banking department become 18 datasets, private
        unless Open, and a second harvest changes nothing."""
        url = source_server.serve(
            "/disb.csv", _dc_rows("DISB"), content_type="text/csv"
        )
        source = harvest_source(url, "jakarta_inventory", DC_CONFIG)

        report = harvest(source["id"])

        found = _datasets()
        assert report.created == 18, report.errors
        counts = collections.Counter(d["klasifikasi"] for d in found)
        assert counts == {"terbuka": 4, "terbatas": 3, "tertutup": 11}
        assert all(d["private"] == (d["klasifikasi"] != "terbuka") for d in found)
        assert {d["publisher"][0]["name"] for d in found} == {
            "Department of Insurance, Securities and Banking",
            "Department of Insurance Securities and Banking",
        }
        assert all(d["issued"] == "2018-03-11" for d in found)
        assert harvest(source["id"]).unchanged == 18

    def test_xlsx_dates_formulas_and_a_row_without_title(
        self, source_server, harvest_source, harvest
    ):
        """An XLSX gives its date cells and serials as dates, formulas as their
        saved value, and reports the untitled row by number."""
        url = source_server.serve(
            "/inventaris.xlsx", _inventory_xlsx(), content_type=XLSX_TYPE
        )

        report = harvest(harvest_source(url, "jakarta_inventory", XLSX_CONFIG)["id"])

        found = {d["identifier"]: d for d in _datasets()}
        assert sorted(found) == ["DINKES-001", "DINKES-002", "DINKES-003"]
        puskesmas = found["DINKES-001"]
        assert (puskesmas["modified"], puskesmas["issued"]) == (
            "2024-03-15",
            "2024-01-01",
        )
        assert sorted(t["name"] for t in puskesmas["tags"]) == [
            "kesehatan",
            "puskesmas",
        ]
        assert puskesmas["frequency"] == EU_FREQUENCY + "ANNUAL"
        imunisasi, pasien = found["DINKES-002"], found["DINKES-003"]
        assert imunisasi["notes"] == "Persentase bayi yang mendapat imunisasi"
        assert imunisasi["klasifikasi"] == "terbatas"
        assert "HYPERLINK" not in pasien["notes"]
        assert pasien["klasifikasi"] == "tertutup"
        assert any("row 5 has no title" in error for error in report.errors)

    def test_semicolon_csv_in_windows_1252_is_read_and_said_so(
        self, source_server, harvest_source, harvest
    ):
        """A semicolon CSV in Windows-1252 without charset is read, with a warning."""
        body = (
            "Nama Dataset;Klasifikasi;Satuan\r\n"
            "Kepadatan Penduduk per Kelurahan;Terbuka;jiwa/km²\r\n"
        ).encode("cp1252")
        url = source_server.serve("/inventaris.csv", body, content_type="text/csv")
        config = {
            "columns": {
                "title": "Nama Dataset",
                "access_rights": "Klasifikasi",
                "satuan": "Satuan",
            }
        }

        report = harvest(
            harvest_source(url, "jakarta_inventory", json.dumps(config))["id"]
        )

        (dataset,) = _datasets()
        assert (dataset["title"], dataset["satuan"]) == (
            "Kepadatan Penduduk per Kelurahan",
            "jiwa/km²",
        )
        assert any("read as Windows-1252" in error for error in report.errors)

    def test_rows_without_identifier_are_known_by_their_title(
        self, source_server, harvest_source, harvest
    ):
        """Without an identifier column, a retitled row differing only in case and
        spacing updates the same dataset."""
        config = json.dumps({"columns": {"title": "Judul", "notes": "Deskripsi"}})
        url = source_server.serve(
            "/inventaris.csv", "Judul,Deskripsi\nData Sekolah Dasar,Versi 1\n"
        )
        source = harvest_source(url, "jakarta_inventory", config)
        harvest(source["id"])
        (first,) = _datasets()

        source_server.serve(
            "/inventaris.csv", "Judul,Deskripsi\n data  sekolah DASAR ,Versi 2\n"
        )
        report = harvest(source["id"])

        (second,) = _datasets()
        assert report.updated == 1
        assert (second["id"], second["notes"]) == (first["id"], "Versi 2")

    @pytest.mark.ckan_config("ckanext.jakarta.harvest.max_bytes", "50000")
    def test_workbook_unpacking_past_the_size_limit_is_refused(
        self, source_server, harvest_source, harvest
    ):
        """An XLSX under the size limit that unpacks past it stops the job."""
        book = openpyxl.Workbook()
        book.active.append(["Nama Dataset"])
        for _row in range(2000):
            book.active.append(["Dataset yang sama berulang-ulang"])
        buffer = io.BytesIO()
        book.save(buffer)
        assert len(buffer.getvalue()) < 50000
        url = source_server.serve(
            "/besar.xlsx", buffer.getvalue(), content_type=XLSX_TYPE
        )
        config = json.dumps({"columns": {"title": "Nama Dataset"}})

        report = harvest(harvest_source(url, "jakarta_inventory", config)["id"])

        assert report.created == 0
        assert any("byte limit" in error for error in report.errors), report.errors

    @pytest.mark.parametrize(
        "config, english",
        [
            ({"columns": {"notes": "Deskripsi"}}, "columns is required"),
            ({"columns": {"judul": "Judul"}}, "columns is required"),
            ({"columns": {"title": "Judul", "judul": "X"}}, "unknown fields: judul"),
            ({"columns": {"title": "J"}, "klasifikasi": ["open"]}, "must be terbuka"),
            (
                {"columns": {"title": "J"}, "default_klasifikasi": "x"},
                "must be terbuka",
            ),
        ],
    )
    def test_source_config_without_a_usable_mapping_is_refused(
        self, harvest_source, config, english
    ):
        """A config without a title column, with unknown fields or with a
        classification outside terbuka/terbatas/tertutup is refused."""
        with pytest.raises(tk.ValidationError) as error:
            harvest_source(
                "http://127.0.0.1/i.csv", "jakarta_inventory", json.dumps(config)
            )

        assert english in str(error.value.error_dict)
