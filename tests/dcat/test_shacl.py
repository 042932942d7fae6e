"""The exports against the official DCAT-AP 3.0.1 SHACL shapes, offline."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from tests.dcat.conftest import turtle

SHAPES = Path(__file__).parent / "shacl"
DCAT = "http://www.w3.org/ns/dcat#"
# What the recommended shapes still ask of a fully filled dataset and the
# portal has no data for: area geometries and planned availability.
KNOWN_GAPS = {
    URIRef(DCAT + "bbox"),
    URIRef(DCAT + "centroid"),
    URIRef("http://data.europa.eu/r5r/availability"),
}


def shapes(*names: str) -> Graph:
    """The named shapes files of tests/dcat/shacl, in one graph."""
    graph = Graph()
    for name in names:
        graph.parse(SHAPES / name, format="turtle")
    return graph


def results(data: Graph, shapes_graph: Graph) -> list[dict[str, str]]:
    """Every validation result: severity, focus node, path and message."""
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none")
    return [
        {
            "severity": str(report.value(result, SH.resultSeverity)),
            "focus": str(report.value(result, SH.focusNode)),
            "path": report.value(result, SH.resultPath),
            "message": str(report.value(result, SH.resultMessage)),
        }
        for result in report.subjects(SH.resultSeverity, None)
    ]


def violations(data: Graph) -> list[dict[str, str]]:
    """The violations of shapes.ttl with range.ttl."""
    found = results(data, shapes("shapes.ttl", "range.ttl"))
    return [r for r in found if r["severity"] == str(SH.Violation)]


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestShapes:
    def test_catalog_of_realistic_datasets_has_no_violation(
        self, app, realistic_catalog
    ):
        """The catalog page of five OPD datasets violates no DCAT-AP 3 shape."""
        graph = turtle(app, "/catalog.ttl")

        assert len(set(graph.subjects(None, URIRef(DCAT + "Dataset")))) == 5
        assert violations(graph) == []

    def test_each_dataset_document_has_no_violation(self, app, realistic_catalog):
        """Every /dataset/{id}.ttl of the catalog violates no DCAT-AP 3 shape."""
        for dataset in realistic_catalog:
            graph = turtle(app, f"/dataset/{dataset['id']}.ttl")

            assert violations(graph) == [], dataset["name"]

    def test_stock_profile_alone_is_caught_by_the_shapes(self, app, full_dataset):
        """Without the Jakarta profile the same catalog violates the shapes."""
        graph = turtle(app, "/catalog.ttl?profiles=euro_dcat_ap_3")

        paths = {str(r["path"]) for r in violations(graph)}
        assert "http://purl.org/dc/terms/publisher" in paths
        assert "http://purl.org/dc/terms/language" in paths

    def test_full_dataset_meets_the_recommended_shapes(self, app, full_dataset):
        """A fully filled dataset misses only what the portal has no data for."""
        graph = turtle(app, f"/dataset/{full_dataset['id']}.ttl")

        found = results(graph, shapes("shapes_recommended.ttl"))

        assert {r["path"] for r in found} == KNOWN_GAPS
        assert {r["severity"] for r in found} == {str(SH.Warning)}
