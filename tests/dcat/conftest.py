"""Realistic Jakarta datasets for the DCAT export tests."""

from __future__ import annotations

from typing import Any

import pytest
from rdflib import Graph

from ckan.tests import factories
from ckan.tests.helpers import call_action

from tests.factories import jakarta_dataset

COLUMNS = [
    {
        "nama": "tanggal",
        "tipe": "date",
        "deskripsi": "Tanggal pengukuran",
        "klasifikasi": "terbuka",
    },
    {
        "nama": "stasiun",
        "tipe": "string",
        "deskripsi": "Stasiun pemantau kualitas udara",
    },
    {
        "nama": "pm10",
        "tipe": "number",
        "deskripsi": "Partikulat PM10",
        "satuan": "µg/m³",
        "klasifikasi": "terbuka",
    },
]


def full_fields(org: dict[str, Any], group: dict[str, Any]) -> dict[str, Any]:
    """Every field of the Jakarta dataset schema, filled."""
    return {
        "name": "ispu-2024",
        "title": "Indeks Standar Pencemar Udara 2024",
        "notes": "ISPU harian dari stasiun pemantau kualitas udara DKI Jakarta.",
        "tag_string": "udara,ispu,lingkungan",
        "owner_org": org["id"],
        "klasifikasi": "terbuka",
        "license_id": "cc-by",
        "contact": [
            {"name": "Bidang Pengendalian Pencemaran", "email": "ppl@jakarta.go.id"}
        ],
        "publisher": [
            {
                "name": "Dinas Lingkungan Hidup Provinsi DKI Jakarta",
                "email": "dlh@jakarta.go.id",
                "url": "https://lingkunganhidup.jakarta.go.id",
            }
        ],
        "frequency": "harian",
        "cakupan_wilayah": ["31.71", "31.71.01.1001"],
        "temporal_coverage": [
            {"start": "2024", "end": "2024-12"},
            {"start": "2024-01-01", "end": "2024-06-30"},
        ],
        "tahun_data": "2024",
        "satuan": "µg/m³",
        "sumber_data": "Stasiun Pemantau Kualitas Udara (SPKU) DLH",
        "alternate_identifier": ["IKU-LH-01", "SDI-3171-ISPU"],
        "conforms_to": ["SDS-LH-2024-01"],
        "data_prioritas": True,
        "jenis_data": "statistik",
        "identifier": "dlh-ispu-2024",
        "language": ["id", "en"],
        "issued": "2024-08",
        "modified": "2025-01-15",
        "groups": [{"name": group["name"]}],
        "resources": [
            {
                "url": "http://127.0.0.1/ispu-2024.csv",
                "name": "ISPU 2024",
                "description": "Data harian ISPU 2024",
                "format": "CSV",
                "komponen_data": COLUMNS,
            }
        ],
    }


@pytest.fixture
def opd():
    """The OPD of the registry that owns the test datasets."""
    return factories.Organization(
        name="dinas-lingkungan-hidup", title="Dinas Lingkungan Hidup"
    )


@pytest.fixture
def topik():
    """The registry topic the test datasets belong to."""
    return factories.Group(name="lingkungan-hidup", title="Lingkungan Hidup")


@pytest.fixture
def full_dataset(opd, topik):
    """A terbuka dataset with every Jakarta field filled."""
    return jakarta_dataset(**full_fields(opd, topik))


@pytest.fixture
def realistic_catalog(opd, topik):
    """Five terbuka datasets the way OPDs fill them, from sparse to complete."""
    other = factories.Organization(name="dinas-perhubungan", title="Dinas Perhubungan")
    transport = factories.Group(name="transportasi", title="Transportasi")
    datasets = [jakarta_dataset(**full_fields(opd, topik))]
    datasets.append(
        jakarta_dataset(
            name="penumpang-transjakarta-2021",
            title="Jumlah Penumpang Transjakarta 2021",
            owner_org=other["id"],
            groups=[{"name": transport["name"]}],
            frequency="bulanan",
            cakupan_wilayah=["31"],
            temporal_coverage=[{"start": "2021-01", "end": "2021-12"}],
            tahun_data="2021",
            resources=[
                {"url": "http://127.0.0.1/penumpang.xlsx", "format": "XLSX"},
                {"url": "http://127.0.0.1/api/penumpang", "format": "API"},
            ],
        )
    )
    datasets.append(
        jakarta_dataset(
            name="kualitas-air-sungai",
            title="Kualitas Air Sungai",
            owner_org=opd["id"],
            language=["id"],
            issued="2023",
            resources=[{"url": "http://127.0.0.1/air.json", "format": "JSON"}],
        )
    )
    datasets.append(
        jakarta_dataset(
            name="rekap-sampah-harian",
            title="Rekap Sampah Harian",
            owner_org=opd["id"],
            frequency="",
            cakupan_wilayah=[],
            temporal_coverage=[],
            tahun_data="",
            contact=[],
        )
    )
    datasets.append(
        jakarta_dataset(
            name="batas-kelurahan",
            title="Batas Kelurahan",
            owner_org=other["id"],
            jenis_data="geospasial",
            cakupan_wilayah=["31.72.01", "31.72.01.1001"],
            resources=[{"url": "http://127.0.0.1/batas.geojson", "format": "GeoJSON"}],
        )
    )
    return [call_action("package_show", id=d["id"]) for d in datasets]


def turtle(app, path: str) -> Graph:
    """GET a Turtle document from the test app and parse it."""
    response = app.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return Graph().parse(data=response.get_data(as_text=True), format="turtle")
