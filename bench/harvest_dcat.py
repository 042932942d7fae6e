"""Benchmark: jakarta_dcat against ckanext-dcat's stock dcat_rdf harvester.

Usage (services running, e.g. after ``make test`` or ``stack/stack.sh start``)::

    .venv/bin/python bench/harvest_dcat.py            # 2,000 datasets
    .venv/bin/python bench/harvest_dcat.py --datasets 500

One run generates a DCAT catalog in Turtle shaped like the real fixtures
(titles in Indonesian and English, keywords, publisher, contact point,
temporal coverage, frequency, licence, two distributions each), serves it on
127.0.0.1, and harvests it with each harvester into a fresh ckan_bench
database: a first harvest, then an unchanged re-harvest. Each harvester runs
in its own process so its peak memory (ru_maxrss) is its own. The stock
harvester runs as ckanext-dcat ships it, with its dcat_ap_full schema and the
euro_dcat_ap_3 profile; jakarta_dcat with the Jakarta schema and profiles.
Both run with the same CKAN settings (``ckan.search.solr_commit`` on, as by
default): the stock harvester's datasets are hard-committed one by one by
CKAN, jakarta_dcat soft-commits its own. Solr is warmed up first, so neither
harvester pays for the JVM's warm-up alone.
"""

from __future__ import annotations

import argparse
import configparser
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
INI = HERE / "bench.ini"
STOCK = {
    "scheming.dataset_schemas": "ckanext.dcat.schemas:dcat_ap_full.yaml",
    "ckanext.dcat.rdf.profiles": "euro_dcat_ap_3",
}

FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
PREFIXES = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def _dataset(n: int) -> str:
    base = f"http://127.0.0.1/bench/dataset/{n}"
    return f"""
<{base}> a dcat:Dataset ;
    dct:identifier "bench-{n}" ;
    dct:title "Indeks kualitas udara stasiun {n}"@id,
        "Air quality index station {n}"@en ;
    dct:description "Data harian kualitas udara stasiun {n} di DKI Jakarta."@id ;
    dcat:keyword "udara", "ispu", "lingkungan hidup", "stasiun {n % 50}" ;
    dct:issued "2023-0{1 + n % 9}-1{n % 10}"^^xsd:date ;
    dct:modified "2024-0{1 + n % 9}-2{n % 8}"^^xsd:date ;
    dct:accrualPeriodicity <{FREQUENCY}DAILY> ;
    dct:license <http://creativecommons.org/licenses/by/4.0/> ;
    dct:temporal [ a dct:PeriodOfTime ;
        dcat:startDate "2023-01-01"^^xsd:date ; dcat:endDate "2023-12-31"^^xsd:date ] ;
    dct:publisher [ a foaf:Organization ; foaf:name "Dinas Lingkungan Hidup" ] ;
    dcat:contactPoint [ a vcard:Organization ; vcard:fn "DLH" ;
        vcard:hasEmail <mailto:dlh@jakarta.go.id> ] ;
    dcat:distribution <{base}/csv>, <{base}/json> .
<{base}/csv> a dcat:Distribution ; dct:title "CSV" ; dct:format "CSV" ;
    dcat:downloadURL <http://127.0.0.1/bench/{n}.csv> .
<{base}/json> a dcat:Distribution ; dct:title "JSON" ; dct:format "JSON" ;
    dcat:accessURL <http://127.0.0.1/bench/{n}.json> .
"""


def write_catalog(folder: Path, count: int) -> Path:
    """Write a Turtle catalog of count datasets; return its path."""
    refs = ", ".join(f"<http://127.0.0.1/bench/dataset/{n}>" for n in range(count))
    body = (
        PREFIXES
        + f"<http://127.0.0.1/bench/catalog> a dcat:Catalog ; dcat:dataset {refs} .\n"
    )
    path = folder / "catalog.ttl"
    path.write_text(body + "".join(_dataset(n) for n in range(count)), encoding="utf-8")
    return path


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve folder on an ephemeral loopback port."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/catalog.ttl"


def _ini_for(harvester: str, folder: Path) -> Path:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(INI)
    storage = HERE.parent / ".stack" / "bench-storage"
    parser["app:main"]["ckan.storage_path"] = str(storage)
    if harvester == "dcat_rdf":
        for key, value in STOCK.items():
            parser["app:main"][key] = value
    path = folder / f"{harvester}.ini"
    with path.open("w") as handle:
        parser.write(handle)
    return path


def warm_solr(count: int = 200) -> None:
    """Index and delete throwaway documents so Solr's JVM is warm for both runs.

    Without it the harvester that runs first pays for Solr's JIT warm-up
    alone, which on a freshly started stack costs it more than the
    difference being measured.
    """
    import pysolr

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(INI)
    solr = pysolr.Solr(parser["app:main"]["solr_url"], timeout=30)
    for n in range(count):
        doc = {
            "id": f"warm-{n}",
            "index_id": f"warm-{n}",
            "site_id": "bench_warm_up",
            "name": f"warm-{n}",
            "entity_type": "package",
            "dataset_type": "dataset",
            "state": "active",
            "capacity": "public",
            "metadata_created": "2024-01-01T00:00:00Z",
            "metadata_modified": "2024-01-01T00:00:00Z",
        }
        solr.add([doc], commit=True)
        solr.search("site_id:bench_warm_up", rows=1)
    solr.delete(q="site_id:bench_warm_up", commit=True)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def graph_mb(path: str) -> float:
    """In a child process: what parsing the catalog alone adds to peak memory."""
    import rdflib

    before = _peak_mb()
    graph = rdflib.Graph().parse(path, format="turtle")
    return _peak_mb() - before if len(graph) else 0.0


def run_one(harvester: str, url: str, ini: str) -> dict[str, float]:
    """In a child process: harvest url twice with one harvester on a fresh DB."""
    import ckan.plugins.toolkit as tk
    from ckan.cli import load_config
    from ckan.config.middleware import make_app
    from ckan.lib import search

    from ckanext.jakarta.harvesters import runner

    ckan = str(Path(sys.executable).with_name("ckan"))
    for command in (["db", "clean", "--yes"], ["db", "init"]):
        subprocess.run([ckan, "-c", ini, *command], check=True, capture_output=True)
    app = make_app(load_config(ini))
    with app._wsgi_app.test_request_context():
        search.clear_all()
        site = tk.get_action("get_site_user")({"ignore_auth": True}, {})
        context = {"user": site["name"], "ignore_auth": True}
        org = tk.get_action("organization_create")(dict(context), {"name": "bench-opd"})
        source = tk.get_action("harvest_source_create")(
            dict(context),
            {
                "name": f"bench-{harvester}",
                "url": url,
                "source_type": harvester,
                "owner_org": org["id"],
            },
        )
        baseline = _peak_mb()
        timings = {}
        for phase in ("first", "again"):
            started = time.perf_counter()
            report = runner.run_source(source["id"])
            timings[phase] = time.perf_counter() - started
            timings[f"{phase}_peak_mb"] = _peak_mb()
            timings[f"{phase}_created"] = report.created
            timings[f"{phase}_errors"] = len(report.errors)
        timings["baseline_mb"] = baseline
        count = tk.get_action("package_search")(dict(context), {"q": "*:*", "rows": 0})
        timings["datasets"] = count["count"]
    return timings


def main() -> None:
    """Run both harvesters on one generated catalog and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--datasets", type=int, default=2000)
    parser.add_argument("--one", nargs=3, metavar=("HARVESTER", "URL", "INI"))
    parser.add_argument("--graph", metavar="TURTLE_FILE")
    args = parser.parse_args()
    if args.graph:
        print(json.dumps(graph_mb(args.graph)))
        return
    if args.one:
        print(json.dumps(run_one(*args.one)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        catalog = write_catalog(folder, args.datasets)
        graph = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--graph", str(catalog)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        server, url = serve(folder)
        warm_solr()
        results = {}
        for harvester in ("dcat_rdf", "jakarta_dcat"):
            output = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--one",
                    harvester,
                    url,
                    str(_ini_for(harvester, folder)),
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            results[harvester] = json.loads(output.strip().splitlines()[-1])
        server.shutdown()
    report(args.datasets, results, graph)


def report(count: int, results: dict[str, dict[str, float]], graph: float) -> None:
    """Print datasets per second, ratios and peak memory.

    "above CKAN" is the peak less what the process held once CKAN was loaded,
    before the first harvest; "graph" is what parsing the catalog alone adds
    to a process's peak, which both harvesters hold while they gather.
    """
    print(f"catalog: {count} datasets (Turtle), harvested twice per harvester")
    print(f"parsed graph alone: {graph:.0f} MB")
    header = f"{'harvester':<14}{'first ds/s':>12}{'again ds/s':>12}{'peak MB':>10}"
    print(header + f"{'above CKAN':>12}{'datasets':>10}{'errors':>8}")
    for name, r in results.items():
        print(
            f"{name:<14}{count / r['first']:>12.1f}{count / r['again']:>12.1f}"
            f"{r['again_peak_mb']:>10.0f}{r['again_peak_mb'] - r['baseline_mb']:>12.0f}"
            f"{int(r['datasets']):>10}{int(r['first_errors']):>8}"
        )
    stock, ours = results["dcat_rdf"], results["jakarta_dcat"]
    first, again = stock["first"] / ours["first"], stock["again"] / ours["again"]
    print(f"first harvest, jakarta_dcat speed / stock: {first:.2f}x")
    print(f"unchanged re-harvest, jakarta_dcat speed / stock: {again:.1f}x")


if __name__ == "__main__":
    main()
