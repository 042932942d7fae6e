"""Benchmark: the whole catalog in DCAT, Jakarta profile against stock DCAT-AP 3.

Serializes N dataset dicts shaped like ``package_show`` output (Jakarta
fields, 1-3 resources with data dictionaries) with ``RDFSerializer`` in one
catalog, once with ``euro_dcat_ap_3`` alone and once with ``euro_dcat_ap_3
jakarta_dcat_ap`` through the export's :func:`prepare` step, for N = 1,000 and
10,000. Each measurement runs in a fresh process, so its peak memory is its
own. The dataset dicts never touch the database; loading CKAN from the ini
file does (its site user), and the catalog's last-modified date is one Solr
query.

    .venv/bin/python bench/dcat_export.py --ckan-ini test.ini

Not run by ``make test``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import time
import uuid
from typing import Any

STOCK = ["euro_dcat_ap_3"]
JAKARTA = ["euro_dcat_ap_3", "jakarta_dcat_ap"]
SEED = 20261203


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


def dataset(rng: random.Random, n: int, opds, topics, areas) -> dict[str, Any]:
    """One dataset dict as package_show gives it, with Jakarta fields."""
    dataset_id = str(uuid.UUID(int=rng.getrandbits(128)))
    opd = rng.choice(opds)
    year = rng.randint(2015, 2025)
    return {
        "id": dataset_id,
        "name": f"dataset-{n}",
        "title": f"Data {n} {opd.name} {year}",
        "notes": "Data sektoral yang dihasilkan OPD dan dipublikasikan walidata.",
        "type": "dataset",
        "private": False,
        "state": "active",
        "metadata_created": "2024-03-01T08:00:00.000000",
        "metadata_modified": "2024-03-02T08:00:00.000000",
        "owner_org": f"org-{opd.slug}",
        "organization": {
            "id": f"org-{opd.slug}",
            "name": opd.slug,
            "title": opd.name,
            "state": "active",
            "is_organization": True,
        },
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
        "contact": [{"name": opd.name, "email": "data@jakarta.go.id"}],
        "publisher": [],
        "frequency": "http://publications.europa.eu/resource/authority/frequency/ANNUAL",
        "cakupan_wilayah": rng.sample(areas, 2),
        "temporal_coverage": [{"start": str(year), "end": f"{year}-12"}],
        "tahun_data": str(year),
        "satuan": "orang",
        "sumber_data": opd.name,
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


def datasets(count: int) -> list[dict[str, Any]]:
    """The same count dataset dicts for every run."""
    from ckanext.jakarta import vocab

    rng = random.Random(SEED)
    opds, topics = list(vocab.opds().values()), list(vocab.topics().values())
    areas = sorted(vocab.areas())
    return [dataset(rng, n, opds, topics, areas) for n in range(count)]


def _warm_organization_cache(dicts: list[dict[str, Any]]) -> None:
    """Fill ckanext-dcat's organization cache as a running worker has it."""
    from ckanext.dcat.profiles.base import RDFProfile

    for item in dicts:
        org = item["organization"]
        RDFProfile._org_cache[org["id"]] = {"title": org["title"], "name": org["name"]}


def _measure(ini: str, count: int, profiles: list[str], fmt: str, queue) -> None:
    from ckan.cli import load_config
    from ckan.config.middleware import make_app

    app = make_app(load_config(ini))
    with app._wsgi_app.test_request_context():
        from ckanext.dcat.processors import RDFSerializer

        from ckanext.jakarta.dcat.export import prepare

        dicts = datasets(count)
        _warm_organization_cache(dicts)
        RDFSerializer(profiles=profiles).serialize_catalog({}, dicts[:20], _format=fmt)
        start = time.perf_counter()
        if profiles == JAKARTA:
            dicts = [prepare(item) for item in dicts]
        output = RDFSerializer(profiles=profiles).serialize_catalog(
            {}, dicts, _format=fmt
        )
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put((seconds, peak_mb, len(output)))


def measure(ini: str, count: int, profiles: list[str], fmt: str) -> tuple:
    """Seconds, peak RSS (MB) and output size of one export, in a new process."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_measure, args=(ini, count, profiles, fmt, queue))
    process.start()
    process.join()
    if process.exitcode != 0:
        raise SystemExit(f"the {count} dataset export failed in its process")
    return queue.get()


def main() -> None:
    """Run both profiles for each N and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ckan-ini", default="test.ini")
    parser.add_argument(
        "--format", default="nt", choices=["ttl", "xml", "jsonld", "nt"]
    )
    parser.add_argument("-n", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()

    header = (
        "   N  profile                            s/1000  peak MB  output MB  ratio"
    )
    print(f"format: {args.format}\n{header}")
    for count in args.n:
        stock = measure(args.ckan_ini, count, STOCK, args.format)
        jakarta = measure(args.ckan_ini, count, JAKARTA, args.format)
        for label, (seconds, peak, size) in (
            ("euro_dcat_ap_3", stock),
            ("euro_dcat_ap_3 jakarta_dcat_ap", jakarta),
        ):
            ratio = seconds / stock[0]
            print(
                f"{count:>6}  {label:<33} {seconds / count * 1000:>6.2f}"
                f"  {peak:>7.0f}  {size / 1e6:>9.1f}  {ratio:>5.2f}"
            )


if __name__ == "__main__":
    main()
