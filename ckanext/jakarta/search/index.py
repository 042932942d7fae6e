"""What the Jakarta fields add to the Solr index, and the facets built on it."""

from __future__ import annotations

import json
from typing import Any

import ckan.plugins.toolkit as tk

from ckanext.jakarta import vocab

# Solr field holding each dataset's area codes and all their ancestors, so
# that filtering by a kota also finds datasets recorded at its kelurahan.
WILAYAH_FIELD = "vocab_wilayah"


def dataset_facets() -> dict[str, Any]:
    """The search facets of the portal, in display order."""
    return {
        "organization": tk._("OPD"),
        "groups": tk._("Topik"),
        WILAYAH_FIELD: tk._("Wilayah"),
        "frequency": tk._("Frekuensi"),
        "tahun_data": tk._("Tahun"),
        "res_format": tk._("Format"),
        "klasifikasi": tk._("Klasifikasi"),
        "license_id": tk._("Lisensi"),
    }


def _codes(value: Any) -> list[str]:
    if isinstance(value, list):
        return value
    try:
        loaded = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return loaded if isinstance(loaded, list) else []


def before_dataset_index(pkg_dict: dict[str, Any]) -> dict[str, Any]:
    """Index each area code of the dataset together with its ancestors."""
    codes = _codes(pkg_dict.get("cakupan_wilayah"))
    expanded = {code for own in codes for code in vocab.ancestors(own)}
    if expanded:
        pkg_dict[WILAYAH_FIELD] = sorted(expanded)
    return pkg_dict


def _display_name(field: str, value: str) -> str | None:
    if field == WILAYAH_FIELD:
        area = vocab.area(value)
        return area.name if area else None
    if field == "frequency":
        freq = vocab.frequency(value)
        return freq.label_id if freq else None
    return None


def label_facets(search_results: dict[str, Any]) -> dict[str, Any]:
    """Show area and frequency facet items by name instead of code or URI."""
    facets = search_results.get("search_facets") or {}
    for field in (WILAYAH_FIELD, "frequency"):
        for item in facets.get(field, {}).get("items", []):
            item["display_name"] = _display_name(field, item["name"]) or item["name"]
    return search_results
