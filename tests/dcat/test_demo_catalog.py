"""The demo portal's catalog, built as ``make demo`` builds it, against the shapes.

The demo content and the six demo sources (real catalogs from other portals
and files written for the demo) are loaded and harvested into the test
portal; every page of the anonymous ``/catalog.ttl`` must then violate no
DCAT-AP 3.0.1 shape.
"""

from __future__ import annotations

import importlib.util
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from rdflib import Graph, URIRef

from ckan.cli.cli import ckan
from ckan.tests import factories
from ckan.tests.helpers import call_action

from ckanext.jakarta.harvesters import runner
from tests.dcat.test_shacl import violations

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo"
DEMO_SOURCES_BASE = "http://127.0.0.1:8900"
HYDRA_NEXT = URIRef("http://www.w3.org/ns/hydra/core#next")
DCAT_DATASET = URIRef("http://www.w3.org/ns/dcat#Dataset")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def demo_remote():
    """demo/remote on a free loopback port, as make demo serves it on 8900."""
    handler = partial(_QuietHandler, directory=str(DEMO / "remote"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _load_demo_content() -> None:
    spec = importlib.util.spec_from_file_location(
        "demo_content", ROOT / "stack" / "demo_content.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    content = yaml.safe_load((DEMO / "content.yaml").read_text(encoding="utf-8"))
    for org in content.get("organizations", []):
        module._organization(org)
    for dataset in content.get("datasets", []):
        module._dataset(dataset)


def _catalog_pages(app) -> list[Graph]:
    pages, path = [], "/catalog.ttl"
    while path:
        response = app.get(path)
        assert response.status_code == 200, path
        graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
        pages.append(graph)
        following = list(graph.objects(None, HYDRA_NEXT))
        path = str(following[0]).split("test.ckan.net", 1)[-1] if following else None
    return pages


@pytest.mark.usefixtures(
    "with_plugins", "clean_db", "clean_index", "with_request_context"
)
class TestDemoCatalog:
    def test_every_page_of_the_demo_catalog_has_no_violation(
        self, app, cli, demo_remote, tmp_path
    ):
        """make demo's public catalog, all pages, violates no DCAT-AP 3 shape."""
        factories.Sysadmin(name="admin")
        assert cli.invoke(ckan, ["jakarta", "init"]).exit_code == 0
        _load_demo_content()
        sources = (DEMO / "sources.yaml").read_text(encoding="utf-8")
        path = tmp_path / "sources.yaml"
        path.write_text(sources.replace(DEMO_SOURCES_BASE, demo_remote))
        synced = cli.invoke(ckan, ["jakarta", "sources", "sync", str(path)])
        assert synced.exit_code == 0, synced.output
        for source in yaml.safe_load(sources)["sources"]:
            report = runner.run_source(source["name"])
            assert report.errors == [], (source["name"], report.errors[:3])

        pages = _catalog_pages(app)

        datasets = {d for page in pages for d in page.subjects(None, DCAT_DATASET)}
        public = call_action("package_search", context={"user": ""}, rows=0)["count"]
        assert len(datasets) == public > 90
        for number, page in enumerate(pages, start=1):
            assert violations(page) == [], f"page {number}"
