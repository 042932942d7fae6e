"""jakarta_datajson, and the harvest rules every Jakarta harvester shares."""

from __future__ import annotations

import json

import pytest

from ckan.tests import factories
from ckan.tests.helpers import call_action

from tests.harvesters.conftest import read


def _entry(n: int, **fields) -> dict:
    entry = {
        "identifier": f"https://data.example.go.id/dataset/{n}",
        "title": f"Dataset nomor {n}",
        "description": f"Deskripsi dataset {n}",
        "accessLevel": "public",
        "keyword": ["kesehatan"],
        "modified": "2024-01-15",
        "distribution": [
            {"downloadURL": f"http://127.0.0.1/data/{n}.csv", "format": "CSV"}
        ],
    }
    entry.update(fields)
    return entry


def _catalog(*entries: dict) -> str:
    return json.dumps(
        {
            "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
            "dataset": list(entries),
        }
    )


def _datasets():
    return call_action("package_search", q="*:*", rows=100, include_private=True)


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestDataJSON:
    def test_real_catalog_is_harvested_whole(
        self, source_server, harvest_source, harvest
    ):
        """All 11 datasets of the CFPB data.json become Jakarta datasets."""
        url = source_server.serve("/data.json", read("us-consumerfinance.data.json"))
        source = harvest_source(url, "jakarta_datajson")

        report = harvest(source["id"])

        assert report.created == 11, report.errors
        found = _datasets()
        assert found["count"] == 11
        complaints = [d for d in found["results"] if "Complaint" in d["title"]][0]
        assert complaints["frequency"].endswith("/frequency/DAILY")
        assert complaints["klasifikasi"] == "terbuka"
        assert complaints["harvest_provenance"]["source_url"] == url
        assert complaints["harvest_provenance"]["original_identifier"]

    def test_three_datasets_reharvested_with_one_removed(
        self, source_server, harvest_source, harvest
    ):
        """A dataset removed at the source is withdrawn; the other two stay as is."""
        url = source_server.serve(
            "/data.json", _catalog(_entry(1), _entry(2), _entry(3))
        )
        source = harvest_source(url, "jakarta_datajson")
        harvest(source["id"])
        before = {d["title"]: d for d in _datasets()["results"]}

        source_server.serve("/data.json", _catalog(_entry(1), _entry(3)))
        report = harvest(source["id"])

        after = {d["title"]: d for d in _datasets()["results"]}
        assert sorted(after) == ["Dataset nomor 1", "Dataset nomor 3"]
        assert report.withdrawn == 1 and report.unchanged == 2
        for title in after:
            assert (
                after[title]["metadata_modified"] == before[title]["metadata_modified"]
            )

    def test_unchanged_reharvest_writes_nothing(
        self, source_server, harvest_source, harvest
    ):
        """Re-harvesting an unchanged source creates no harvest object and no write."""
        url = source_server.serve("/data.json", _catalog(_entry(1), _entry(2)))
        source = harvest_source(url, "jakarta_datajson")
        harvest(source["id"])
        modified = {d["id"]: d["metadata_modified"] for d in _datasets()["results"]}

        report = harvest(source["id"])

        assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
        assert {
            d["id"]: d["metadata_modified"] for d in _datasets()["results"]
        } == modified

    def test_changed_record_updates_its_dataset(
        self, source_server, harvest_source, harvest
    ):
        """A record whose content changed updates the same dataset."""
        url = source_server.serve("/data.json", _catalog(_entry(1)))
        source = harvest_source(url, "jakarta_datajson")
        harvest(source["id"])
        first = _datasets()["results"][0]

        source_server.serve("/data.json", _catalog(_entry(1, title="Judul baru")))
        report = harvest(source["id"])

        second = _datasets()["results"][0]
        assert report.updated == 1
        assert (second["id"], second["title"]) == (first["id"], "Judul baru")

    def test_dates_are_read_the_indonesian_way(
        self, source_server, harvest_source, harvest
    ):
        """1904, 03/04/2023 and 17 Agustus 2023 become 1904, 2023-04-03, 2023-08-17."""
        entry = _entry(
            1,
            issued="03/04/2023",
            modified="17 Agustus 2023",
            temporal="1904/17 Agustus 2023",
        )
        url = source_server.serve("/data.json", _catalog(entry))
        harvest(harvest_source(url, "jakarta_datajson")["id"])

        dataset = _datasets()["results"][0]
        assert dataset["issued"] == "2023-04-03"
        assert dataset["modified"] == "2023-08-17"
        assert dataset["temporal_coverage"] == [{"start": "1904", "end": "2023-08-17"}]

    def test_bad_keywords_never_reject_the_dataset(
        self, source_server, harvest_source, harvest
    ):
        """Keywords 1, R&D (2023) and Rp/Tahun are cleaned; the dataset is created."""
        entry = _entry(1, keyword=["1", "R&D (2023)", "Rp/Tahun"])
        url = source_server.serve("/data.json", _catalog(entry))
        report = harvest(harvest_source(url, "jakarta_datajson")["id"])

        dataset = _datasets()["results"][0]
        assert report.created == 1
        names = [tag["name"] for tag in dataset["tags"]]
        assert "1" not in names
        assert len(names) == 2
        assert all(
            set(name)
            <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.")
            for name in names
        )

    def test_zero_datasets_after_a_full_catalog_stops_the_job(
        self, source_server, harvest_source, harvest
    ):
        """A valid but empty catalog stops with an error and withdraws nothing."""
        url = source_server.serve("/data.json", _catalog(_entry(1), _entry(2)))
        source = harvest_source(url, "jakarta_datajson")
        harvest(source["id"])

        source_server.serve("/data.json", _catalog())
        report = harvest(source["id"])

        assert _datasets()["count"] == 2
        assert report.withdrawn == 0
        assert any("now lists 0 datasets" in error for error in report.errors)

    def test_far_fewer_records_stops_the_job(
        self, source_server, harvest_source, harvest
    ):
        """A catalog cut to a third of its size is refused at the default 50%."""
        url = source_server.serve(
            "/data.json", _catalog(*[_entry(n) for n in range(6)])
        )
        source = harvest_source(url, "jakarta_datajson")
        harvest(source["id"])

        source_server.serve("/data.json", _catalog(_entry(0), _entry(1)))
        report = harvest(source["id"])

        assert _datasets()["count"] == 6
        assert any("where the last harvest had 6" in error for error in report.errors)

    def test_broken_record_is_an_object_error_and_the_rest_goes_on(
        self, source_server, harvest_source, harvest
    ):
        """A record without a title is reported; its neighbours are harvested."""
        url = source_server.serve(
            "/data.json", _catalog(_entry(1), _entry(2, title=""), _entry(3))
        )
        report = harvest(harvest_source(url, "jakarta_datajson")["id"])

        assert report.created == 2
        assert any("the record has no title" in error for error in report.errors)

    def test_withdraw_flag_keeps_the_dataset_and_marks_it(
        self, source_server, harvest_source, harvest
    ):
        """With withdraw=flag, a record gone from the source is kept and flagged."""
        url = source_server.serve("/data.json", _catalog(_entry(1), _entry(2)))
        source = harvest_source(
            url, "jakarta_datajson", config='{"withdraw": "flag", "min_ratio": 0}'
        )
        harvest(source["id"])

        source_server.serve("/data.json", _catalog(_entry(1)))
        harvest(source["id"])

        flagged = [
            d
            for d in _datasets()["results"]
            if d["harvest_provenance"].get("withdrawn_at")
        ]
        assert _datasets()["count"] == 2
        assert [d["title"] for d in flagged] == ["Dataset nomor 2"]

    def test_restricted_access_level_is_harvested_private(
        self, source_server, harvest_source, harvest
    ):
        """accessLevel 'restricted public' becomes terbatas, and so private."""
        entry = _entry(1, accessLevel="restricted public")
        url = source_server.serve("/data.json", _catalog(entry))
        harvest(harvest_source(url, "jakarta_datajson")["id"])

        dataset = _datasets()["results"][0]
        assert (dataset["klasifikasi"], dataset["private"]) == ("terbatas", True)

    def test_unknown_access_level_is_never_published(
        self, source_server, harvest_source, harvest
    ):
        """An access level no rule knows is treated as tertutup, with a warning."""
        entry = _entry(1, accessLevel="internal only")
        url = source_server.serve("/data.json", _catalog(entry))
        report = harvest(harvest_source(url, "jakarta_datajson")["id"])

        dataset = _datasets()["results"][0]
        assert (dataset["klasifikasi"], dataset["private"]) == ("tertutup", True)
        assert not any(res.get("url") for res in dataset["resources"])
        assert any("unknown access level 'internal only'" in w for w in report.warnings)
        assert report.errors == []
        assert "galat/errors 0, peringatan/warnings 2" in report.line()

    def test_themes_put_the_dataset_in_its_topik(
        self, source_server, harvest_source, harvest
    ):
        """data.json themes become topik groups; the rest is a warning each."""
        for name in ("kesehatan", "keamanan-ketertiban"):
            factories.Group(name=name)
        entry = _entry(
            1, theme=["Health", "Public Safety", "Public Services", "Energy"]
        )
        url = source_server.serve("/data.json", _catalog(entry))
        report = harvest(harvest_source(url, "jakarta_datajson")["id"])

        dataset = _datasets()["results"][0]
        assert sorted(g["name"] for g in dataset["groups"]) == [
            "keamanan-ketertiban",
            "kesehatan",
        ]
        assert report.created == 1
        assert any("unknown theme 'Public Services'" in w for w in report.warnings)
        assert any("topic 'energi' does not exist" in w for w in report.warnings)
        facets = call_action("package_search", **{"facet.field": '["groups"]'})
        assert facets["facets"]["groups"] == {"kesehatan": 1, "keamanan-ketertiban": 1}
