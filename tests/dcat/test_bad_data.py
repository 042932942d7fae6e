"""Bad stored data still exports: what cannot be expressed is left out and logged."""

from __future__ import annotations

import json
import logging

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, XSD

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib import search
from ckan.tests import factories

from tests.dcat.conftest import turtle
from tests.dcat.test_shacl import violations
from tests.factories import jakarta_dataset

DCT = DCTERMS
SDMX_UNIT = URIRef("http://purl.org/linked-data/sdmx/2009/attribute#unitMeasure")


def store(dataset: dict, **raw: str) -> None:
    """Write values straight into the database, past the validators."""
    package = model.Package.get(dataset["id"])
    package.extras = {**package.extras, **raw}
    model.repo.commit()
    search.rebuild(dataset["id"])


def ref(dataset: dict) -> URIRef:
    """The dataset's URI in the export."""
    return URIRef(f"{tk.config['ckan.site_url']}/dataset/{dataset['id']}")


@pytest.fixture
def left_out(caplog):
    """The export's "left out" log messages, as one text.

    The database migrations of clean_db run Alembic's fileConfig, which
    disables the loggers that exist at that moment; they are enabled again.
    """
    for name, logger in logging.root.manager.loggerDict.items():
        if name.startswith("ckanext.jakarta") and isinstance(logger, logging.Logger):
            logger.disabled = False
    caplog.set_level(logging.WARNING)

    def messages() -> str:
        found = [r.getMessage() for r in caplog.records]
        return "\n".join(m for m in found if "left out" in m)

    return messages


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestDates:
    def test_unreadable_dates_are_left_out_and_logged(self, app, left_out):
        """Free-text and overflowing dates are dropped, the readable one kept."""
        dataset = jakarta_dataset()
        periods = [{"start": "17 Agustus 2023", "end": "bukan tanggal"}]
        store(
            dataset,
            issued="kemarin",
            modified="12/99999999999999999999",
            temporal_coverage=json.dumps(periods),
        )

        graph = turtle(app, f"/dataset/{dataset['id']}.ttl")
        catalog = turtle(app, "/catalog.ttl")

        assert (ref(dataset), DCT.issued, None) not in graph
        assert (ref(dataset), DCT.modified, None) not in graph
        [period] = graph.objects(ref(dataset), DCT.temporal)
        assert graph.value(period, DCAT.startDate) == Literal(
            "2023-08-17", datatype=XSD.date
        )
        assert graph.value(period, DCAT.endDate) is None
        assert (ref(dataset), DCT.title, None) in catalog
        for value in ("kemarin", "12/99999999999999999999", "bukan tanggal"):
            assert value in left_out()
        assert violations(graph) == []

    def test_stock_profile_alone_survives_an_overflowing_date(self, app):
        """?profiles=euro_dcat_ap_3 still answers when a date overflows dateutil."""
        dataset = jakarta_dataset()
        store(dataset, issued="12/99999999999999999999")

        graph = turtle(app, "/catalog.ttl?profiles=euro_dcat_ap_3")

        assert (ref(dataset), DCT.title, None) in graph
        assert not any("9999" in str(o) for o in graph.objects(ref(dataset), None))

    def test_numeric_dates_are_read_day_first(self, app):
        """03/04/2023 stored as text is 3 April 2023, as Indonesians write it."""
        dataset = jakarta_dataset()
        store(dataset, issued="03/04/2023")

        graph = turtle(app, f"/dataset/{dataset['id']}.ttl")

        assert list(graph.objects(ref(dataset), DCT.issued)) == [
            Literal("2023-04-03", datatype=XSD.date)
        ]

    def test_dataset_page_with_bad_dates_still_renders(self, app):
        """The HTML page and its schema.org block survive an overflowing date."""
        dataset = jakarta_dataset()
        store(dataset, issued="12/99999999999999999999", modified="kemarin")

        response = app.get(f"/dataset/{dataset['name']}")

        assert response.status_code == 200
        assert 'type="application/ld+json"' in response.get_data(as_text=True)


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestEmptyAndUnknownValues:
    def test_empty_strings_are_left_out(self, app):
        """Empty stored values give no triple and the document stays valid."""
        dataset = jakarta_dataset()
        store(
            dataset,
            satuan="",
            frequency="",
            identifier="",
            tahun_data="",
            sumber_data="",
            jenis_data="",
            contact=json.dumps([{"name": "", "email": ""}]),
            language=json.dumps([""]),
            conforms_to=json.dumps([""]),
        )

        graph = turtle(app, f"/dataset/{dataset['id']}.ttl")

        for predicate in (SDMX_UNIT, DCT.accrualPeriodicity, DCT.provenance,
                          DCAT.contactPoint, DCT.language, DCT.conformsTo):  # fmt: skip
            assert (ref(dataset), predicate, None) not in graph, predicate
        identifier = Literal(dataset["id"])
        assert list(graph.objects(ref(dataset), DCT.identifier)) == [identifier]
        assert violations(graph) == []

    def test_unknown_codes_are_left_out_and_logged(self, app, left_out):
        """A free-text frequency, a foreign area code and a language are dropped."""
        dataset = jakarta_dataset()
        store(
            dataset,
            frequency="tiap hari kerja",
            cakupan_wilayah=json.dumps(["32.01", "31.71"]),
            language=json.dumps(["klingon"]),
            tahun_data="dua ribu",
        )

        graph = turtle(app, f"/dataset/{dataset['id']}.ttl")

        assert (ref(dataset), DCT.accrualPeriodicity, None) not in graph
        spatial = list(graph.objects(ref(dataset), DCT.spatial))
        assert [str(s).rsplit("/", 1)[-1] for s in spatial] == ["31.71"]
        assert (ref(dataset), DCT.language, None) not in graph
        for value in ("tiap hari kerja", "32.01", "klingon", "dua ribu"):
            assert value in left_out()
        assert violations(graph) == []


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestMissingThings:
    def test_deleted_organization_leaves_out_the_creator(self, app, left_out):
        """A dataset of a deleted OPD exports without creator, and says so."""
        org = factories.Organization(name="dinas-lama", title="Dinas Lama")
        dataset = jakarta_dataset(owner_org=org["id"])
        model.Group.get(org["id"]).state = "deleted"
        model.repo.commit()
        search.rebuild(dataset["id"])

        graph = turtle(app, f"/dataset/{dataset['id']}.ttl")
        catalog = turtle(app, "/catalog.ttl")

        assert (ref(dataset), DCT.creator, None) not in graph
        assert (ref(dataset), DCT.publisher, None) in graph
        assert (ref(dataset), DCT.title, None) in catalog
        assert org["id"] in left_out()
        assert app.get("/vocab/opd/dinas-lama").status_code == 404
        assert violations(graph) == []

    def test_resource_without_url_points_to_its_page(self, app, left_out):
        """A resource without URL gets its portal page as access URL, logged."""
        dataset = jakarta_dataset(resources=[{"name": "Belum tersedia"}])
        resource = dataset["resources"][0]
        page = URIRef(f"{ref(dataset)}/resource/{resource['id']}")

        graph = turtle(app, f"/dataset/{dataset['id']}.ttl")

        assert list(graph.objects(page, DCAT.accessURL)) == [page]
        assert "resource page stands in" in left_out()
        assert violations(graph) == []
