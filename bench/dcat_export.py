"""Benchmark: DCAT exports, the Jakarta profile against stock DCAT-AP 3.

Both measurements run every profile chain in a process of its own, so the
peak memory (ru_maxrss) is that process's, CKAN itself included (about 170
MB); ``euro_dcat_ap_3`` alone is the stock chain, ``euro_dcat_ap_3
jakarta_dcat_ap`` the Jakarta one. The data are N dataset dicts shaped like
``package_show`` output (every Jakarta field, 1-3 resources each with a data
dictionary of 3-8 columns), the same for both chains.

The whole catalog: the N dicts serialized as one graph with ckanext-dcat's
``RDFSerializer``, the Jakarta chain after the export's :func:`prepare` step.
The dicts never touch the database; loading CKAN does (its site user), and
the catalog's last-modified date is one Solr query. Seconds per 1,000
datasets and the ratio of the two chains.

One catalog page, as ``/catalog.ttl?page=`` serves it: the OPD organizations
and topik groups are created as ``ckan jakarta init`` does, in the ini's
database, and the N dicts (with those organizations) are indexed straight
into the ini's Solr core with ``ckan.lib.search``, the dict stored as
``package_show`` would store it, which takes seconds where creating the
datasets would take an hour. The site's search index is replaced and is
cleared at the end. A fresh process then requests the first and the last
page from the WSGI app (view, ``dcat_catalog_show``, Solr, profiles,
Turtle), ``ckanext.dcat.datasets_per_page`` datasets each. Seconds per page
and the peak memory, which should not grow with N.

    .venv/bin/ckan -c bench/bench.ini db init
    .venv/bin/python bench/dcat_export.py --ckan-ini bench/bench.ini

Not run by ``make test``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import sqlalchemy as sa

STOCK = ["euro_dcat_ap_3"]
JAKARTA = ["euro_dcat_ap_3", "jakarta_dcat_ap"]
CHAINS = (("euro_dcat_ap_3", STOCK), ("euro_dcat_ap_3 jakarta_dcat_ap", JAKARTA))
SEED = 20261203
# What CKAN's default schema keeps at the root of a dataset dict.
CORE_FIELDS = {
    "id", "name", "title", "notes", "type", "private", "state", "metadata_created",
    "metadata_modified", "owner_org", "organization", "groups", "tags",
    "license_id", "license_title", "license_url", "resources",
}  # fmt: skip
Organization = Mapping[str, Any]


def _columns(rng: random.Random) -> list[dict[str, str]]:
    kinds = ["string", "integer", "number", "date"]
    return [
        {
            "nama": f"kolom_{n}",
            "tipe": rng.choice(kinds),
            "deskripsi": f"Keterangan kolom {n}",
            "satuan": rng.choice(["", "orang", "µg/m³", "rupiah"]),
            "klasifikasi": "terbuka",
        }
        for n in range(rng.randint(3, 8))
    ]


def _resource(rng: random.Random, dataset_id: str, n: int) -> dict[str, Any]:
    fmt = rng.choice(["CSV", "XLSX", "JSON", "API", "GeoJSON"])
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128))),
        "package_id": dataset_id,
        "name": f"Berkas {n}",
        "description": "Data per bulan",
        "url": f"https://data.jakarta.go.id/files/{dataset_id}/{n}.{fmt.lower()}",
        "format": fmt,
        "mimetype": None,
        "created": "2024-03-01T08:00:00.000000",
        "metadata_modified": "2024-03-02T08:00:00.000000",
        "komponen_data": _columns(rng),
    }


def dataset(
    rng: random.Random, n: int, organizations: list[Organization], topics, areas
) -> dict[str, Any]:
    """One dataset dict as package_show gives it, with Jakarta fields."""
    dataset_id = str(uuid.UUID(int=rng.getrandbits(128)))
    org = rng.choice(organizations)
    year = rng.randint(2015, 2025)
    return {
        "id": dataset_id,
        "name": f"dataset-{n}",
        "title": f"Data {n} {org['title']} {year}",
        "notes": "Data sektoral yang dihasilkan OPD dan dipublikasikan walidata.",
        "type": "dataset",
        "private": False,
        "state": "active",
        "metadata_created": "2024-03-01T08:00:00.000000",
        "metadata_modified": "2024-03-02T08:00:00.000000",
        "owner_org": org["id"],
        "organization": dict(org),
        "groups": [
            {"name": t.name, "title": t.title_id} for t in rng.sample(topics, 2)
        ],
        "tags": [
            {"name": tag} for tag in rng.sample(["data", "jakarta", "kota", "sdi"], 2)
        ],
        "license_id": "cc-by",
        "license_title": "Creative Commons Attribution",
        "license_url": "http://www.opendefinition.org/licenses/cc-by",
        "klasifikasi": "terbuka",
        "contact": [{"name": org["title"], "email": "data@jakarta.go.id"}],
        "publisher": [],
        "frequency": "http://publications.europa.eu/resource/authority/frequency/ANNUAL",
        "cakupan_wilayah": rng.sample(areas, 2),
        "temporal_coverage": [{"start": str(year), "end": f"{year}-12"}],
        "tahun_data": str(year),
        "satuan": "orang",
        "sumber_data": org["title"],
        "alternate_identifier": [f"IKU-{n}"],
        "conforms_to": [f"SDS-{n % 50}"],
        "data_prioritas": n % 7 == 0,
        "jenis_data": "statistik",
        "identifier": f"sdi-{n}",
        "language": ["id"],
        "issued": f"{year}-06",
        "modified": f"{year}-12-31",
        "resources": [_resource(rng, dataset_id, r) for r in range(rng.randint(1, 3))],
    }


def _registry_organizations() -> list[Organization]:
    from ckanext.jakarta import vocab

    return [
        {
            "id": f"org-{opd.slug}",
            "name": opd.slug,
            "title": opd.name,
            "state": "active",
            "is_organization": True,
        }
        for opd in vocab.opds().values()
    ]


def datasets(
    count: int, organizations: list[Organization] | None = None
) -> list[dict[str, Any]]:
    """The same count dataset dicts for every run, one OPD organization each.

    ``organizations`` are the portal's, in registry order; by default dicts
    standing for them, which no query ever looks up.
    """
    from ckanext.jakarta import vocab

    rng = random.Random(SEED)
    topics = list(vocab.topics().values())
    areas = sorted(vocab.areas())
    orgs = organizations or _registry_organizations()
    return [dataset(rng, n, orgs, topics, areas) for n in range(count)]


def _warm_organization_cache(dicts: list[dict[str, Any]]) -> None:
    """Fill ckanext-dcat's organization cache as a running worker has it."""
    from ckanext.dcat.profiles.base import RDFProfile

    for item in dicts:
        org = item["organization"]
        RDFProfile._org_cache[org["id"]] = {"title": org["title"], "name": org["name"]}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _app(ini: str):
    from ckan.cli import load_config
    from ckan.config.middleware import make_app

    return make_app(load_config(ini))


def in_process(target: Callable, *args: Any) -> Any:
    """What target(*args, queue) puts on its queue, run in a new process."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    process.join()
    if process.exitcode != 0:
        raise SystemExit(f"{target.__name__}{args} failed in its process")
    return queue.get()


# The whole catalog in one graph


def _whole_catalog(ini: str, count: int, profiles: list[str], fmt: str, queue) -> None:
    app = _app(ini)
    with app._wsgi_app.test_request_context():
        from ckanext.dcat.processors import RDFSerializer

        from ckanext.jakarta.dcat.export import prepare

        dicts = datasets(count)
        _warm_organization_cache(dicts)
        RDFSerializer(profiles=profiles).serialize_catalog({}, dicts[:20], _format=fmt)
        start = time.process_time()
        if profiles == JAKARTA:
            dicts = [prepare(item) for item in dicts]
        output = RDFSerializer(profiles=profiles).serialize_catalog(
            {}, dicts, _format=fmt
        )
        seconds = time.process_time() - start
    queue.put((seconds, _peak_mb(), len(output)))


def whole_catalog(ini: str, counts: list[int], fmt: str) -> None:
    """Print CPU seconds per 1,000 datasets, peak memory and ratio of each chain."""
    print(f"The whole catalog, {fmt}, CPU seconds")
    print("     N  profiles                          s/1000  peak MB  output MB  ratio")
    for count in counts:
        stock = None
        for label, profiles in CHAINS:
            seconds, peak, size = in_process(_whole_catalog, ini, count, profiles, fmt)
            stock = stock or seconds
            print(
                f"{count:>6}  {label:<33} {seconds / count * 1000:>6.2f}"
                f"  {peak:>7.0f}  {size / 1e6:>9.1f}  {seconds / stock:>5.2f}"
            )


# One catalog page, served from the search index


def _portal_organizations() -> list[Organization]:
    import ckan.plugins.toolkit as tk

    from ckanext.jakarta import vocab
    from ckanext.jakarta.logic import registry

    registry.sync_opds(vocab.opds().values())
    registry.sync_topics(vocab.topics().values())
    show = tk.get_action("organization_show")
    return [
        show({"ignore_auth": True}, {"id": slug, "include_datasets": False})
        for slug in vocab.opds()
    ]


def _as_stored(item: Mapping[str, Any]) -> dict[str, Any]:
    """The dataset in CKAN's default schema: scheming fields as JSON extras."""
    stored = {key: value for key, value in item.items() if key in CORE_FIELDS}
    stored["extras"] = [
        {"key": key, "value": value if isinstance(value, str) else json.dumps(value)}
        for key, value in item.items()
        if key not in CORE_FIELDS
    ]
    return stored


def _package_rows(dicts: list[dict[str, Any]]) -> None:
    """Store each dataset's package row, which search needs for its visibility."""
    import ckan.model as model

    table = model.package_table
    ids = [item["id"] for item in dicts]
    model.Session.execute(sa.delete(table).where(table.c.id.in_(ids)))
    columns = ("id", "name", "title", "type", "state", "private", "owner_org")
    model.Session.execute(
        sa.insert(table), [{key: item[key] for key in columns} for item in dicts]
    )
    model.Session.commit()


def _index(ini: str, count: int, queue) -> None:
    from ckan.lib import search

    app = _app(ini)
    with app._wsgi_app.test_request_context():
        dicts = datasets(count, _portal_organizations())
        _package_rows(dicts)
        search.clear_all()
        package_index = search.index_for("package")
        for item in dicts:
            stored = dict(_as_stored(item), with_custom_schema=item)
            package_index.index_package(stored, defer_commit=True)
        package_index.commit()
    queue.put(count)


def _clean_up(ini: str, count: int, queue) -> None:
    import ckan.model as model
    from ckan.lib import search

    app = _app(ini)
    with app._wsgi_app.test_request_context():
        search.clear_all()
        ids = [item["id"] for item in datasets(count)]
        table = model.package_table
        model.Session.execute(sa.delete(table).where(table.c.id.in_(ids)))
        model.Session.commit()
    queue.put(None)


def _page(ini: str, count: int, profiles: list[str], queue) -> None:
    from werkzeug.test import Client

    import ckan.plugins.toolkit as tk

    client = Client(_app(ini))
    loaded = _peak_mb()
    per_page = int(tk.config.get("ckanext.dcat.datasets_per_page"))
    seconds = []
    for page in (1, 1, -(-count // per_page)):
        path = f"/catalog.ttl?page={page}&profiles={','.join(profiles)}"
        start = time.perf_counter()
        response = client.get(path)
        seconds.append(time.perf_counter() - start)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
    queue.put((seconds, loaded, _peak_mb()))


def catalog_page(ini: str, counts: list[int]) -> None:
    """Print seconds per page and peak memory of serving pages, for each N."""
    print("\nOne catalog page (/catalog.ttl): the first cold, then the first and last")
    print(
        "     N  profiles                          s cold  s/page warm"
        "  MB loaded  peak MB  ratio"
    )
    try:
        for count in counts:
            in_process(_index, ini, count)
            stock = None
            for label, profiles in CHAINS:
                seconds, loaded, peak = in_process(_page, ini, count, profiles)
                warm = sum(seconds[1:]) / 2
                stock = stock or warm
                print(
                    f"{count:>6}  {label:<33} {seconds[0]:>6.2f}  {warm:>11.2f}"
                    f"  {loaded:>9.0f}  {peak:>7.0f}  {warm / stock:>5.2f}"
                )
    finally:
        in_process(_clean_up, ini, max(counts))


def main() -> None:
    """Run both measurements for each N and print their tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ckan-ini", default="test.ini")
    parser.add_argument(
        "--format", default="nt", choices=["ttl", "xml", "jsonld", "nt"]
    )
    parser.add_argument("-n", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--only", choices=["catalog", "page"], help="run one measurement only"
    )
    args = parser.parse_args()

    if args.only != "page":
        whole_catalog(args.ckan_ini, args.n, args.format)
    if args.only != "catalog":
        catalog_page(args.ckan_ini, args.n)


if __name__ == "__main__":
    main()
