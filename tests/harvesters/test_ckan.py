"""jakarta_ckan: a remote CKAN Action API."""

from __future__ import annotations

import json

import pytest

from ckan.tests.helpers import call_action

from tests.harvesters.conftest import read


def _package(n: int, **fields) -> dict:
    package = {
        "id": f"0000000{n}-aaaa-bbbb-cccc-000000000000",
        "name": f"dataset-{n}",
        "title": f"Data Suku Dinas {n}",
        "notes": "Catatan",
        "license_id": "cc-by",
        "metadata_modified": "2024-05-01T10:00:00",
        "tags": [{"name": "kesehatan"}],
        "organization": {
            "name": "sudin-kesehatan-jakarta-barat",
            "title": "Sudin Kesehatan",
        },
        "extras": [{"key": "frequency", "value": "Bulanan"}],
        "resources": [
            {"url": f"http://127.0.0.1/{n}.csv", "format": "CSV", "name": "CSV"}
        ],
    }
    package.update(fields)
    return package


def _search(*packages: dict) -> str:
    return json.dumps(
        {"success": True, "result": {"count": len(packages), "results": list(packages)}}
    )


def _datasets():
    return call_action("package_search", q="*:*", rows=100, include_private=True)


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestRemoteCkan:
    def test_title_in_another_script_keeps_a_readable_name(
        self, source_server, harvest_source, harvest
    ):
        """A Chinese title (as on demo.ckan.org) takes the remote name, not "__"."""
        remote = _package(
            1,
            title="規管海外物業銷售",
            name="1617in10-regulation-of-sale-of-overseas-properties",
        )
        source_server.serve("/api/3/action/package_search", _search(remote))

        harvest(harvest_source(source_server.url("/"), "jakarta_ckan")["id"])

        dataset = _datasets()["results"][0]
        assert dataset["title"] == "規管海外物業銷售"
        assert dataset["name"] == "1617in10-regulation-of-sale-of-overseas-properties"

    def test_real_package_search_is_harvested(
        self, source_server, harvest_source, harvest
    ):
        """The three datasets of a real demo.ckan.org answer are harvested."""
        source_server.serve(
            "/api/3/action/package_search",
            read("demo-ckan-org_package_search_2017_amsterdam-fixture.json"),
        )

        report = harvest(harvest_source(source_server.url("/"), "jakarta_ckan")["id"])

        assert report.created == 3, report.errors
        assert _datasets()["count"] == 3

    def test_deleted_and_private_remote_datasets_are_withdrawn(
        self, source_server, harvest_source, harvest
    ):
        """One dataset deleted and one made private remotely are both withdrawn."""
        path = "/api/3/action/package_search"
        source_server.serve(path, _search(*[_package(n) for n in range(4)]))
        source = harvest_source(source_server.url("/"), "jakarta_ckan")
        harvest(source["id"])

        # Deleted and private datasets no longer appear in the remote search.
        source_server.serve(path, _search(_package(0), _package(3)))
        report = harvest(source["id"])

        assert report.withdrawn == 2
        titles = sorted(d["title"] for d in _datasets()["results"])
        assert titles == ["Data Suku Dinas 0", "Data Suku Dinas 3"]

    def test_remote_fields_map_to_jakarta_fields(
        self, source_server, harvest_source, harvest
    ):
        """Remote extras, licence and organization become Jakarta fields."""
        source_server.serve("/api/3/action/package_search", _search(_package(1)))

        harvest(harvest_source(source_server.url("/"), "jakarta_ckan")["id"])

        [dataset] = _datasets()["results"]
        assert dataset["frequency"].endswith("/frequency/MONTHLY")
        assert dataset["license_id"] == "cc-by"
        assert dataset["publisher"] == [{"name": "Sudin Kesehatan"}]
        assert dataset["identifier"] == "00000001-aaaa-bbbb-cccc-000000000000"

    def test_paging_reads_every_page(self, source_server, harvest_source, harvest):
        """More than one page of remote results is read to the end."""
        packages = [_package(n) for n in range(101)]
        first = json.dumps(
            {"success": True, "result": {"count": 101, "results": packages[:100]}}
        )
        second = json.dumps(
            {"success": True, "result": {"count": 101, "results": packages[100:]}}
        )
        base = "/api/3/action/package_search?rows=100&start="
        source_server.serve(base + "0&sort=id+asc", first)
        source_server.serve(base + "100&sort=id+asc", second)

        report = harvest(harvest_source(source_server.url("/"), "jakarta_ckan")["id"])

        assert report.created == 101, report.errors[:3]

    def test_maintenance_page_is_a_clear_error(
        self, source_server, harvest_source, harvest
    ):
        """An HTML page instead of API JSON stops the job with a clear error."""
        source_server.serve(
            "/api/3/action/package_search",
            "<html>Maintenance</html>",
            content_type="text/html",
        )

        report = harvest(harvest_source(source_server.url("/"), "jakarta_ckan")["id"])

        assert any("not CKAN API JSON" in error for error in report.errors)
