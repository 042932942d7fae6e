"""jakarta_dcat: DCAT catalogs in any RDF syntax, mapped to Jakarta metadata."""

from __future__ import annotations

import pytest

from ckan.tests import factories
from ckan.tests.helpers import call_action

from tests.harvesters.conftest import read

PREFIXES = """
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
"""


def _turtle_dataset(uri: str, title: str = "Kualitas udara", extra: str = "") -> str:
    return f"""
<{uri}> a dcat:Dataset ;
    dct:title "{title}" ;
    dct:description "Data kualitas udara harian" ;
    {extra}
    dcat:distribution [ a dcat:Distribution ;
        dcat:downloadURL <http://127.0.0.1/unduh.csv> ; dct:format "CSV" ] .
"""


def _catalog(*datasets: str, base: str = "http://data.example.go.id") -> str:
    refs = ", ".join(f"<{base}/dataset/{n}>" for n in range(len(datasets)))
    return (
        PREFIXES
        + f"<{base}/catalog> a dcat:Catalog ; dcat:dataset {refs} .\n"
        + "".join(datasets)
    )


def _datasets():
    return call_action("package_search", q="*:*", rows=100, include_private=True)[
        "results"
    ]


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestRealCatalogs:
    @pytest.mark.parametrize(
        ("name", "content_type", "count"),
        [
            ("dcatapit_dati-unibo_catalog_page.rdf", "application/rdf+xml", 12),
            ("ckanext-dcat_nobelprize_catalog_nodeid.rdf", "application/rdf+xml", 1),
            ("ckanext-dcat_pod-catalog.jsonld", "application/ld+json", 1),
            ("semic-dcat-ap-2.1.1_example1.nt", "application/n-triples", 1),
        ],
    )
    def test_real_catalog_is_harvested(
        self, source_server, harvest_source, harvest, name, content_type, count
    ):
        """Each real catalog, in its own syntax, yields all its datasets."""
        url = source_server.serve("/" + name, read(name), content_type=content_type)

        report = harvest(harvest_source(url, "jakarta_dcat")["id"])

        assert report.created == count, report.errors
        assert all(d["klasifikasi"] == "terbuka" for d in _datasets())

    def test_unibo_italian_and_english_titles_pick_a_language(
        self, source_server, harvest_source, harvest
    ):
        """Without an Indonesian literal, the English title of an @it/@en pair wins."""
        name = "dcatapit_dati-unibo_catalog_page.rdf"
        url = source_server.serve(
            "/c.rdf", read(name), content_type="application/rdf+xml"
        )

        harvest(harvest_source(url, "jakarta_dcat")["id"])

        titles = {d["title"] for d in _datasets()}
        assert {"Course timetable 2016/2017", "Points of interest"} <= titles
        assert "Punti di interesse" not in titles


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestDcatRules:
    def test_iso_8859_1_rdf_xml_keeps_its_accents(
        self, source_server, harvest_source, harvest
    ):
        """An RDF/XML catalog declared ISO-8859-1 with é in a title decodes right."""
        body = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dct="http://purl.org/dc/terms/">
  <dcat:Catalog rdf:about="http://data.example.go.id/catalog">
    <dcat:dataset>
      <dcat:Dataset rdf:about="http://data.example.go.id/dataset/kafe">
        <dct:title>Daftar kafé di Jakarta</dct:title>
        <dct:description>Kafé dan kedai kopi</dct:description>
      </dcat:Dataset>
    </dcat:dataset>
  </dcat:Catalog>
</rdf:RDF>
""".encode("iso-8859-1")
        url = source_server.serve(
            "/catalog.rdf", body, content_type="application/rdf+xml; charset=ISO-8859-1"
        )

        harvest(harvest_source(url, "jakarta_dcat")["id"])

        assert [d["title"] for d in _datasets()] == ["Daftar kafé di Jakarta"]

    def test_turtle_declared_latin_1_by_the_server_decodes(
        self, source_server, harvest_source, harvest
    ):
        """A Turtle body in ISO-8859-1, declared only by the HTTP header, decodes."""
        body = _catalog(_turtle_dataset("http://data.example.go.id/dataset/0", "Kafé"))
        url = source_server.serve(
            "/c.ttl",
            body.encode("iso-8859-1"),
            content_type="text/turtle; charset=iso-8859-1",
        )

        harvest(harvest_source(url, "jakarta_dcat")["id"])

        assert [d["title"] for d in _datasets()] == ["Kafé"]

    def test_indonesian_title_wins_over_english(
        self, source_server, harvest_source, harvest
    ):
        """A title given @en and @id-ID is stored in Indonesian on an `id` portal."""
        dataset = (
            PREFIXES
            + """
<http://data.example.go.id/catalog> a dcat:Catalog ;
    dcat:dataset <http://data.example.go.id/dataset/0> .
<http://data.example.go.id/dataset/0> a dcat:Dataset ;
    dct:title "Air quality"@en, "Kualitas udara"@id-ID ;
    dct:description "Daily air quality"@en, "Kualitas udara harian"@id-ID .
"""
        )
        url = source_server.serve("/c.ttl", dataset, content_type="text/turtle")

        harvest(harvest_source(url, "jakarta_dcat")["id"])

        [found] = _datasets()
        assert (found["title"], found["notes"]) == (
            "Kualitas udara",
            "Kualitas udara harian",
        )

    def test_license_on_the_dataset_node_only(
        self, source_server, harvest_source, harvest
    ):
        """dct:license on the dataset (none on the distribution) sets the licence."""
        body = _catalog(
            _turtle_dataset(
                "http://data.example.go.id/dataset/0",
                extra="dct:license <http://creativecommons.org/licenses/by/4.0/> ;",
            )
        )
        url = source_server.serve("/c.ttl", body, content_type="text/turtle")

        harvest(harvest_source(url, "jakarta_dcat")["id"])

        assert [d["license_id"] for d in _datasets()] == ["cc-by"]

    def test_theme_uris_put_the_dataset_in_its_topik(
        self, source_server, harvest_source, harvest
    ):
        """An EU theme with one topik, or a portal topik URI, sets the group."""
        factories.Group(name="transportasi")
        factories.Group(name="pemerintahan")
        eu = "http://publications.europa.eu/resource/authority/data-theme/"
        themes = (
            f"dcat:theme <{eu}TRAN>, "
            "<https://data.jakarta.go.id/vocab/topik/pemerintahan> ;"
        )
        url = source_server.serve(
            "/c.ttl",
            _catalog(_turtle_dataset("http://data.example.go.id/d/1", extra=themes)),
            content_type="text/turtle",
        )

        report = harvest(harvest_source(url, "jakarta_dcat")["id"])

        groups = [g["name"] for g in _datasets()[0]["groups"]]
        assert sorted(groups) == ["pemerintahan", "transportasi"]
        assert report.warnings == []

    def test_move_from_http_to_https_updates_instead_of_recreating(
        self, source_server, harvest_source, harvest
    ):
        """The same catalog with every URI switched to https keeps its datasets."""
        datasets = [
            _turtle_dataset(f"http://data.example.go.id/dataset/{n}", f"Data {n}")
            for n in range(3)
        ]
        url = source_server.serve(
            "/c.ttl", _catalog(*datasets), content_type="text/turtle"
        )
        source = harvest_source(url, "jakarta_dcat")
        harvest(source["id"])
        before = {d["title"]: d["id"] for d in _datasets()}

        https = _catalog(*datasets, base="https://data.example.go.id").replace(
            "http://data.example.go.id", "https://data.example.go.id"
        )
        source_server.serve("/c.ttl", https, content_type="text/turtle")
        report = harvest(source["id"])

        assert {d["title"]: d["id"] for d in _datasets()} == before
        assert (report.created, report.withdrawn) == (0, 0)

    def test_hydra_pages_are_followed(self, source_server, harvest_source, harvest):
        """A catalog paged with hydra:next is read to its last page."""
        second = source_server.url("/c.ttl?page=2")
        page_1 = _catalog(
            _turtle_dataset("http://data.example.go.id/dataset/0", "Satu")
        )
        page_1 += f'<http://x/p1> a hydra:PagedCollection ; hydra:next "{second}" .\n'
        page_2 = PREFIXES + _turtle_dataset(
            "http://data.example.go.id/dataset/9", "Dua"
        )
        source_server.serve("/c.ttl?page=2", page_2, content_type="text/turtle")
        url = source_server.serve("/c.ttl", page_1, content_type="text/turtle")

        report = harvest(harvest_source(url, "jakarta_dcat")["id"])

        assert report.created == 2
        assert sorted(d["title"] for d in _datasets()) == ["Dua", "Satu"]

    def test_page_loop_stops_the_job(self, source_server, harvest_source, harvest):
        """A second page pointing back to the first is a page loop, not a catalog."""
        first = source_server.url("/c.ttl")
        second = source_server.url("/c.ttl?page=2")
        page = _catalog(_turtle_dataset("http://data.example.go.id/dataset/0"))
        source_server.serve(
            "/c.ttl?page=2",
            page + f'<http://x/p2> a hydra:PagedCollection ; hydra:next "{first}" .',
            content_type="text/turtle",
        )
        source_server.serve(
            "/c.ttl",
            page + f'<http://x/p1> a hydra:PagedCollection ; hydra:next "{second}" .',
            content_type="text/turtle",
        )

        report = harvest(harvest_source(first, "jakarta_dcat")["id"])

        assert report.created == 0
        assert any("page loop" in error for error in report.errors)

    def test_unparseable_catalog_is_a_gather_error(
        self, source_server, harvest_source, harvest
    ):
        """A catalog that is not RDF stops the job with an error naming the URL."""
        url = source_server.serve(
            "/c.ttl", "<html>maintenance</html>", content_type="text/turtle"
        )

        report = harvest(harvest_source(url, "jakarta_dcat")["id"])

        assert any("cannot be parsed as turtle" in error for error in report.errors)


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestIndexing:
    def test_created_and_updated_datasets_are_searchable_at_once(
        self, source_server, harvest_source, harvest
    ):
        """The harvester indexes what it writes, on create and on update.

        It stores with CKAN's indexing deferred and indexes each dataset
        itself (with a soft commit): a new dataset must be found, and an
        updated one under its new title only.
        """
        uri = "http://data.example.go.id/dataset/banjir"
        url = source_server.serve(
            "/c.ttl",
            _catalog(_turtle_dataset(uri, "Titik banjir 2024")),
            content_type="text/turtle",
        )
        source = harvest_source(url, "jakarta_dcat")
        harvest(source["id"])
        found = call_action("package_search", q='title:"banjir 2024"')["results"]
        assert [d["title"] for d in found] == ["Titik banjir 2024"]
        assert found[0]["klasifikasi"] == "terbuka"

        source_server.serve(
            "/c.ttl",
            _catalog(_turtle_dataset(uri, "Titik genangan 2025")),
            content_type="text/turtle",
        )
        harvest(source["id"])

        assert call_action("package_search", q='title:"banjir 2024"')["count"] == 0
        again = call_action("package_search", q='title:"genangan 2025"')["results"]
        assert [d["id"] for d in again] == [found[0]["id"]]


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestTwoSources:
    def _body(self, title: str) -> str:
        return _catalog(
            _turtle_dataset(
                "http://data.example.go.id/dataset/0",
                title,
                extra='dct:identifier "ispu-2024" ;',
            )
        )

    def test_same_identifier_from_two_sources_is_one_dataset(
        self, source_server, harvest_source, harvest
    ):
        """The higher-priority source takes over; the dataset is never duplicated."""
        low = source_server.serve(
            "/a.ttl", self._body("Dari Sudin"), content_type="text/turtle"
        )
        high = source_server.serve(
            "/b.ttl", self._body("Dari Dinas"), content_type="text/turtle"
        )
        harvest(harvest_source(low, "jakarta_dcat", config='{"priority": 0}')["id"])
        harvest(
            harvest_source(
                high,
                "jakarta_dcat",
                config='{"priority": 10}',
                org=factories.Organization(),
            )["id"]
        )

        [dataset] = _datasets()
        assert dataset["title"] == "Dari Dinas"
        assert dataset["harvest_provenance"]["source_url"] == high

    def test_lower_priority_source_does_not_overwrite(
        self, source_server, harvest_source, harvest
    ):
        """A source of equal or lower priority leaves the dataset to the first one."""
        first = source_server.serve(
            "/a.ttl", self._body("Pertama"), content_type="text/turtle"
        )
        later = source_server.serve(
            "/b.ttl", self._body("Kedua"), content_type="text/turtle"
        )
        harvest(harvest_source(first, "jakarta_dcat")["id"])

        harvest(
            harvest_source(later, "jakarta_dcat", org=factories.Organization())["id"]
        )

        assert [d["title"] for d in _datasets()] == ["Pertama"]

    def test_taken_over_dataset_is_left_alone_by_the_lower_source(
        self, source_server, harvest_source, harvest
    ):
        """After a takeover, the lower source's changes neither update nor withdraw."""
        low = source_server.serve(
            "/a.ttl", self._body("Dari Sudin"), content_type="text/turtle"
        )
        high = source_server.serve(
            "/b.ttl", self._body("Dari Dinas"), content_type="text/turtle"
        )
        low_source = harvest_source(low, "jakarta_dcat", config='{"min_ratio": 0}')
        harvest(low_source["id"])
        harvest(
            harvest_source(
                high,
                "jakarta_dcat",
                config='{"priority": 10}',
                org=factories.Organization(),
            )["id"]
        )

        source_server.serve(
            "/a.ttl", self._body("Sudin diubah"), content_type="text/turtle"
        )
        harvest(low_source["id"])

        assert [d["title"] for d in _datasets()] == ["Dari Dinas"]

    def test_dataset_made_on_the_portal_is_not_overwritten(
        self, source_server, harvest_source, harvest
    ):
        """A hand-made dataset with the same identifier is left alone, with a note."""
        from tests.factories import jakarta_dataset

        jakarta_dataset(title="Dibuat petugas", identifier="ispu-2024")
        url = source_server.serve(
            "/a.ttl", self._body("Dari sumber"), content_type="text/turtle"
        )

        report = harvest(harvest_source(url, "jakarta_dcat")["id"])

        assert [d["title"] for d in _datasets()] == ["Dibuat petugas"]
        assert any("made on the portal, not harvested" in e for e in report.errors)
