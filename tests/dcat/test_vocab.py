"""The portal's SKOS vocabularies: wilayah, OPD and topik."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, RDF, SKOS

import ckan.plugins.toolkit as tk

from tests.dcat.conftest import turtle

FORMATS = {
    "ttl": ("turtle", "text/turtle"),
    "xml": ("xml", "application/rdf+xml"),
    "rdf": ("xml", "application/rdf+xml"),
    "jsonld": ("json-ld", "application/ld+json"),
    "nt": ("nt", "application/n-triples"),
}
ENVI = URIRef("http://publications.europa.eu/resource/authority/data-theme/ENVI")


def site() -> str:
    """The test portal's URL."""
    return tk.config["ckan.site_url"]


def vocab(path: str) -> URIRef:
    """A URI of the portal vocabularies."""
    return URIRef(f"{site()}/vocab/{path}")


def fetch(app, path: str, **headers) -> Graph:
    """GET a vocabulary document and parse it in the format it says it is."""
    response = app.get(path, headers=headers)
    assert response.status_code == 200, path
    media_type = response.headers["Content-Type"].split(";")[0]
    fmt = next(f for f, media in FORMATS.values() if media == media_type)
    return Graph().parse(data=response.get_data(as_text=True), format=fmt)


def vocab_uris(graph: Graph) -> set[URIRef]:
    """The /vocab/ URIs a graph mentions."""
    prefix = f"{site()}/vocab/"
    nodes = set(graph.subjects()) | set(graph.objects())
    return {n for n in nodes if isinstance(n, URIRef) and str(n).startswith(prefix)}


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestEveryExportedUriDereferences:
    def test_catalog_and_dataset_vocabulary_uris_answer(self, app, realistic_catalog):
        """Each /vocab/ URI of an export answers 200 with that concept or scheme."""
        exported = turtle(app, "/catalog.ttl")
        for dataset in realistic_catalog:
            exported += turtle(app, f"/dataset/{dataset['id']}.ttl")
        uris = vocab_uris(exported)

        assert len(uris) >= 8
        for uri in uris:
            concept = fetch(app, str(uri).removeprefix(site()))

            kinds = set(concept.objects(uri, RDF.type))
            assert kinds & {SKOS.Concept, SKOS.ConceptScheme}, uri
            labels = set(concept.objects(uri, SKOS.prefLabel))
            assert labels | set(concept.objects(uri, DCTERMS.title)), uri


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestWilayah:
    def test_broader_leads_from_a_kelurahan_up_to_the_province(self, app):
        """Following skos:broader from Gambir reaches the province in three steps."""
        chain = [vocab("wilayah/31.71.01.1001")]
        while True:
            graph = fetch(app, str(chain[-1]).removeprefix(site()))
            broader = graph.value(chain[-1], SKOS.broader)
            if broader is None:
                break
            chain.append(broader)

        assert chain[1:] == [
            vocab("wilayah/31.71.01"),
            vocab("wilayah/31.71"),
            vocab("wilayah/31"),
        ]
        assert (chain[-1], SKOS.topConceptOf, vocab("wilayah")) in graph

    def test_a_kota_lists_its_kecamatan_as_narrower(self, app):
        """Jakarta Pusat has its eight kecamatan as skos:narrower, each named."""
        graph = fetch(app, "/vocab/wilayah/31.71")
        kota = vocab("wilayah/31.71")
        narrower = set(graph.objects(kota, SKOS.narrower))

        assert len(narrower) == 8
        assert vocab("wilayah/31.71.01") in narrower
        assert graph.value(vocab("wilayah/31.71.01"), SKOS.prefLabel) == Literal(
            "Gambir", lang="id"
        )
        assert (kota, RDF.type, SKOS.Concept) in graph
        assert (kota, SKOS.notation, Literal("31.71")) in graph

    def test_the_scheme_lists_every_area(self, app):
        """/vocab/wilayah describes the 318 areas of DKI Jakarta."""
        graph = fetch(app, "/vocab/wilayah")

        assert len(set(graph.subjects(SKOS.inScheme, vocab("wilayah")))) == 318
        assert (vocab("wilayah"), SKOS.hasTopConcept, vocab("wilayah/31")) in graph


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestOpdAndTopik:
    def test_an_organization_is_an_opd_concept(self, app, opd):
        """/vocab/opd/{name} describes the organization as a named concept."""
        graph = fetch(app, "/vocab/opd/dinas-lingkungan-hidup")
        uri = vocab("opd/dinas-lingkungan-hidup")

        assert (uri, RDF.type, FOAF.Organization) in graph
        assert (
            uri,
            SKOS.prefLabel,
            Literal("Dinas Lingkungan Hidup", lang="id"),
        ) in graph
        assert (uri, SKOS.inScheme, vocab("opd")) in graph

    def test_the_walidata_is_served_from_the_registry(self, app):
        """An OPD of the registry answers even before its organization exists."""
        path = "opd/dinas-komunikasi-informatika-dan-statistik"
        graph = fetch(app, "/vocab/" + path)

        assert (vocab(path), RDF.type, SKOS.Concept) in graph
        assert (vocab(path), DCTERMS.spatial, vocab("wilayah/31")) in graph

    def test_a_topik_broad_matches_its_eu_theme(self, app, topik):
        """/vocab/topik/{name} has its labels and skos:broadMatch the EU theme."""
        graph = fetch(app, "/vocab/topik/lingkungan-hidup")
        uri = vocab("topik/lingkungan-hidup")

        assert (uri, SKOS.broadMatch, ENVI) in graph
        assert (uri, SKOS.prefLabel, Literal("Environment", lang="en")) in graph
        assert (ENVI, SKOS.prefLabel, Literal("Environment", lang="en")) in graph

    def test_the_schemes_list_organizations_and_groups(self, app, opd, topik):
        """/vocab/opd and /vocab/topik list the portal's organizations and groups."""
        opds = fetch(app, "/vocab/opd")
        topics = fetch(app, "/vocab/topik")

        assert (
            vocab("opd/dinas-lingkungan-hidup"),
            SKOS.inScheme,
            vocab("opd"),
        ) in opds
        assert (
            vocab("topik/lingkungan-hidup"),
            SKOS.inScheme,
            vocab("topik"),
        ) in topics
        assert (vocab("topik"), RDF.type, SKOS.ConceptScheme) in topics


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestFormats:
    @pytest.mark.parametrize("ext", sorted(FORMATS))
    def test_each_extension_gives_its_format(self, app, ext):
        """Every extension answers in its media type with the same triples."""
        response = app.get("/vocab/wilayah/31.71.ttl")
        reference = Graph().parse(data=response.get_data(as_text=True), format="turtle")

        response = app.get(f"/vocab/wilayah/31.71.{ext}")

        fmt, media_type = FORMATS[ext]
        assert response.headers["Content-Type"].startswith(media_type)
        graph = Graph().parse(data=response.get_data(as_text=True), format=fmt)
        assert isomorphic(graph, reference)

    @pytest.mark.parametrize("ext", ["ttl", "xml", "jsonld", "nt"])
    def test_accept_header_picks_the_format(self, app, ext):
        """Without an extension, the Accept header picks the format."""
        fmt, media_type = FORMATS[ext]

        response = app.get("/vocab/wilayah/31.71", headers={"Accept": media_type})

        assert response.headers["Content-Type"].startswith(media_type)
        graph = Graph().parse(data=response.get_data(as_text=True), format=fmt)
        assert (vocab("wilayah/31.71"), RDF.type, SKOS.Concept) in graph

    @pytest.mark.parametrize(
        "path", ["/vocab/wilayah/32.01", "/vocab/opd/tidak-ada", "/vocab/lain/x"]
    )
    def test_unknown_concepts_are_not_found(self, app, path):
        """A code, OPD or scheme the portal does not know is a 404."""
        assert app.get(path).status_code == 404


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestBrowser:
    def test_a_browser_gets_a_page_of_the_concept(self, app):
        """The area's name, its broader area and narrower ones, and the RDF links."""
        response = app.get("/vocab/wilayah/31.71", headers={"Accept": BROWSER})

        assert response.headers["Content-Type"].startswith("text/html")
        page = response.get_data(as_text=True)
        assert '<h1 class="heading">Kota Administrasi Jakarta Pusat</h1>' in page
        assert (
            f'<a href="{vocab("wilayah/31")}">Daerah Khusus Ibukota Jakarta</a>' in page
        )
        assert f'<a href="{vocab("wilayah/31.71.01")}">' in page
        assert f'href="{vocab("wilayah/31.71")}.ttl"' in page

    def test_a_browser_gets_the_scheme_with_every_concept(self, app):
        response = app.get("/vocab/wilayah", headers={"Accept": BROWSER})

        assert "Konsep / Concepts (318)" in response.get_data(as_text=True)

    def test_no_preference_still_gets_turtle(self, app):
        response = app.get("/vocab/wilayah/31.71", headers={"Accept": "*/*"})

        assert response.headers["Content-Type"].startswith("text/turtle")
