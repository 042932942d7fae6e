"""jakarta_satudata: satudata.jakarta.go.id's JSON backend, one OPD per source."""

from __future__ import annotations

import json

import pytest

import ckan.plugins.toolkit as tk
from ckan.tests.helpers import call_action

from tests.harvesters.conftest import read

SEARCH = "/backend/api/v2/satudata/search"
DETAIL = "/backend/api/v2/satudata/detail"
DESA = "data-desa-wisata"
HOTEL = "jumlah-hotel-berbintang-menurut-kota-administrasi"
WISMAN = "jumlah-kunjungan-wisatawan-mancanegara-menurut-pintu-masuk"
CONFIG = '{"organisasi": "org8"}'
EU_FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"


def _page(number: int) -> dict:
    return json.loads(read(f"satudata/search-org8-page-{number}.json"))


def _serve_portal(server, first_page: bytes | None = None, **kwargs) -> str:
    """Serve the two search pages and the three details; return the base URL."""
    first = first_page or read("satudata/search-org8-page-1.json")
    server.serve(SEARCH, first, when={"page_no": 1}, **kwargs)
    server.serve(SEARCH, read("satudata/search-org8-page-2.json"), when={"page_no": 2})
    for slug in (DESA, HOTEL, WISMAN):
        server.serve(
            DETAIL, read(f"satudata/detail-{slug}.json"), when={"page_url": slug}
        )
    return server.url("/")


def _datasets() -> dict[str, dict]:
    found = call_action("package_search", q="*:*", rows=100, include_private=True)
    return {d["url"].rsplit("/", 1)[-1]: d for d in found["results"]}


def _columns(resource: dict) -> list[dict]:
    columns = resource["komponen_data"]
    return json.loads(columns) if isinstance(columns, str) else columns


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestSatuData:
    def test_two_pages_become_three_jakarta_datasets(
        self, source_server, harvest_source, harvest
    ):
        """Three datasets over two search pages keep klasifikasi, frequency,
        satuan, areas and data dictionary."""
        base = _serve_portal(source_server)

        report = harvest(harvest_source(base, "jakarta_satudata", CONFIG)["id"])

        assert report.created == 3, report.errors
        found = _datasets()
        assert sorted(found) == sorted([DESA, HOTEL, WISMAN])
        desa, hotel, wisman = found[DESA], found[HOTEL], found[WISMAN]
        assert {d["klasifikasi"] for d in found.values()} == {"terbuka"}
        assert desa["frequency"] == EU_FREQUENCY + "ANNUAL"
        assert wisman["frequency"] == EU_FREQUENCY + "MONTHLY"
        assert (desa["satuan"], hotel["satuan"], wisman["satuan"]) == (
            "Desa",
            "Unit",
            "Orang",
        )
        assert desa["cakupan_wilayah"] == ["31"]
        assert sorted(hotel["cakupan_wilayah"]) == [
            "31.01",
            "31.71",
            "31.72",
            "31.73",
            "31.74",
            "31.75",
        ]
        assert hotel["sumber_data"] == (
            "BPS Provinsi DKI Jakarta; "
            "Dinas Pariwisata dan Ekonomi Kreatif Provinsi DKI Jakarta"
        )
        assert hotel["contact"] == [
            {
                "name": "Dinas Pariwisata dan Ekonomi Kreatif",
                "email": "disparekraf@jakarta.go.id",
            }
        ]
        assert wisman["modified"] == "2024-04-02"
        assert [c["tipe"] for c in _columns(wisman["resources"][0])] == [
            "string",
            "date",
            "string",
            "number",
            "other",
        ]
        assert _columns(hotel["resources"][0])[4] == {
            "nama": "jumlah_kamar",
            "tipe": "integer",
            "deskripsi": "Jumlah kamar",
        }

    def test_resource_is_the_export_link_else_the_landing_page(
        self, source_server, harvest_source, harvest
    ):
        """A detail with a CSV export link gives a CSV resource, one without it
        the dataset's landing page."""
        base = _serve_portal(source_server)

        harvest(harvest_source(base, "jakarta_satudata", CONFIG)["id"])

        found = _datasets()
        desa, hotel = found[DESA]["resources"][0], found[HOTEL]["resources"][0]
        assert (desa["format"], desa["url"]) == (
            "CSV",
            "https://satudata.jakarta.go.id/backend/restapi/v1/export-dataset/"
            "filedata_org8_5f2c9a1e7b3d4c6a8e0f1a2b3c4d5e6f",
        )
        assert (hotel["format"], hotel["url"]) == ("HTML", f"{base}open-data/{HOTEL}")
        assert found[HOTEL]["harvest_provenance"]["guid"] == HOTEL

    def test_search_asks_for_the_configured_organisasi_page_by_page(
        self, source_server, harvest_source, harvest
    ):
        """The search is POSTed for organisasi org8 with page_no 1, then 2."""
        base = _serve_portal(source_server)

        harvest(harvest_source(base, "jakarta_satudata", CONFIG)["id"])

        searches = [body for path, body in source_server.posts if path == SEARCH]
        assert [(b["organisasi"], b["page_no"]) for b in searches] == [
            ("org8", 1),
            ("org8", 2),
        ]
        details = [body for path, body in source_server.posts if path == DETAIL]
        assert {(b["kategori"], b["page_url"]) for b in details} == {
            ("dataset", DESA),
            ("dataset", HOTEL),
            ("dataset", WISMAN),
        }

    def test_answer_with_a_utf8_bom_is_read(
        self, source_server, harvest_source, harvest
    ):
        """A search answer starting with a UTF-8 BOM, charset declared, is read."""
        bom_page = b"\xef\xbb\xbf" + read("satudata/search-org8-page-1.json")
        base = _serve_portal(
            source_server, bom_page, content_type="application/json; charset=utf-8"
        )

        report = harvest(harvest_source(base, "jakarta_satudata", CONFIG)["id"])

        assert report.created == 3, report.errors

    def test_maintenance_page_stops_the_job_and_withdraws_nothing(
        self, source_server, harvest_source, harvest
    ):
        """An HTML maintenance page instead of JSON is a job error naming the URL;
        every dataset stays."""
        base = _serve_portal(source_server)
        source = harvest_source(base, "jakarta_satudata", CONFIG)
        harvest(source["id"])

        source_server.serve(
            SEARCH,
            read("satudata/maintenance.html"),
            when={"page_no": 1},
            content_type="text/html; charset=utf-8",
        )
        report = harvest(source["id"])

        assert (report.created, report.updated, report.withdrawn) == (0, 0, 0)
        assert len(_datasets()) == 3
        assert any(
            "maintenance" in error and f"{base}backend/api/v2/satudata/search" in error
            for error in report.errors
        ), report.errors

    def test_tag_as_json_string_or_list_gives_the_same_tags(
        self, source_server, harvest_source, harvest
    ):
        """Tags sent as a list and as a JSON string of a list become the same tags."""
        page = _page(1)
        page["total_page"] = 1
        page["data"][0]["tag"] = ["hotel", "akomodasi"]
        page["data"][1]["tag"] = '["hotel", "akomodasi"]'
        base = _serve_portal(source_server, json.dumps(page).encode())

        harvest(harvest_source(base, "jakarta_satudata", CONFIG)["id"])

        found = _datasets()
        tags = {slug: sorted(t["name"] for t in d["tags"]) for slug, d in found.items()}
        assert tags == {DESA: ["akomodasi", "hotel"], HOTEL: ["akomodasi", "hotel"]}

    def test_view_counts_alone_do_not_update_datasets(
        self, source_server, harvest_source, harvest
    ):
        """A re-harvest where only count_view changed writes nothing."""
        base = _serve_portal(source_server)
        source = harvest_source(base, "jakarta_satudata", CONFIG)
        harvest(source["id"])

        page = _page(1)
        for item in page["data"]:
            item["count_view"] += 100
        _serve_portal(source_server, json.dumps(page).encode())
        report = harvest(source["id"])

        assert (report.created, report.updated, report.unchanged) == (0, 0, 3)

    def test_a_page_repeating_an_earlier_one_stops_the_job(
        self, source_server, harvest_source, harvest
    ):
        """A backend that ignores page_no and repeats page 1 stops with an error."""
        base = _serve_portal(source_server)
        source_server.serve(
            SEARCH, read("satudata/search-org8-page-1.json"), when={"page_no": 2}
        )

        report = harvest(harvest_source(base, "jakarta_satudata", CONFIG)["id"])

        assert report.created == 0
        assert any("repeats an earlier one" in error for error in report.errors)

    def test_source_without_organisasi_is_refused(self, harvest_source):
        """A source config without organisasi is refused, in both languages."""
        with pytest.raises(tk.ValidationError) as error:
            harvest_source("http://127.0.0.1/", "jakarta_satudata", "{}")

        message = str(error.value.error_dict)
        assert "organisasi wajib diisi" in message
        assert "organisasi is required" in message
