"""Factories for Jakarta datasets, on top of CKAN's."""

from __future__ import annotations

from typing import Any

from ckan.tests import factories


def jakarta_dataset(**fields: Any) -> dict[str, Any]:
    """Create a dataset carrying the Jakarta fields; keyword fields override."""
    data: dict[str, Any] = {
        "title": "Indeks Standar Pencemar Udara 2024",
        "notes": "ISPU harian dari stasiun pemantau kualitas udara.",
        "klasifikasi": "terbuka",
        "frequency": "harian",
        "cakupan_wilayah": ["31.71"],
        "tahun_data": "2024",
        "temporal_coverage": [{"start": "2024-01-01", "end": "2024-12-31"}],
        "contact": [{"name": "Dinas Lingkungan Hidup", "email": "dlh@jakarta.go.id"}],
    }
    if "owner_org" not in fields:
        data["owner_org"] = factories.Organization()["id"]
    data.update(fields)
    return factories.Dataset(**data)
