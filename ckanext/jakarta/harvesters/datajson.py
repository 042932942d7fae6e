"""``jakarta_datajson``: DCAT-US ``data.json`` catalogs (ArcGIS Hub, Socrata)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ckanext.jakarta.harvesters.base import (
    JakartaHarvester,
    Mapped,
    Record,
    RecordError,
    stable_guid,
)
from ckanext.jakarta.harvesters.http import fetch
from ckanext.jakarta.harvesters.mapping import jakarta_package
from ckanext.jakarta.logic.validators import bilingual


def _contact(point: Any) -> list[dict[str, str]]:
    if not isinstance(point, dict):
        return []
    return [{"name": point.get("fn") or "", "email": point.get("hasEmail") or ""}]


def _temporal(value: Any) -> list[dict[str, str]]:
    if not isinstance(value, str) or "/" not in value:
        return []
    start, end = value.split("/", 1)
    return [{"start": start, "end": end}]


def _list(value: Any) -> list[Any]:
    if value in (None, ""):
        return []
    return value if isinstance(value, list) else [value]


def _resource(distribution: dict[str, Any]) -> dict[str, Any]:
    return {
        "url": distribution.get("downloadURL") or distribution.get("accessURL"),
        "name": distribution.get("title"),
        "description": distribution.get("description"),
        "format": distribution.get("format") or distribution.get("mediaType"),
    }


def to_record(entry: dict[str, Any]) -> dict[str, Any]:
    """Rename one data.json dataset to Jakarta field names."""
    publisher = entry.get("publisher")
    return {
        "title": entry.get("title"),
        "notes": entry.get("description"),
        "identifier": entry.get("identifier"),
        "keywords": _list(entry.get("keyword")),
        "themes": _list(entry.get("theme")),
        "issued": entry.get("issued"),
        "modified": entry.get("modified"),
        "publisher": [{"name": publisher.get("name")}]
        if isinstance(publisher, dict)
        else [],
        "contact": _contact(entry.get("contactPoint")),
        "access_rights": entry.get("accessLevel"),
        "licenses": _list(entry.get("license")),
        "areas": _list(entry.get("spatial")),
        "temporal_coverage": _temporal(entry.get("temporal")),
        "frequency": entry.get("accrualPeriodicity"),
        "url": entry.get("landingPage"),
        "language": _list(entry.get("language")),
        "conforms_to": _list(entry.get("conformsTo")),
        "resources": [
            _resource(d)
            for d in _list(entry.get("distribution"))
            if isinstance(d, dict)
        ],
    }


class JakartaDataJSONHarvester(JakartaHarvester):
    """Harvests an OPD's DCAT-US data.json."""

    name = "jakarta_datajson"
    title = "data.json (Jakarta)"
    description = (
        "Katalog DCAT-US data.json sebuah OPD / an OPD's DCAT-US data.json "
        "catalog, mapped to Jakarta metadata"
    )

    def records(self, url: str, source_config: dict[str, Any]) -> Iterator[Record]:
        fetched = fetch(url)
        try:
            catalog = json.loads(fetched.text())
        except ValueError as error:
            raise RecordError(
                bilingual(
                    f"{url!r} bukan JSON",
                    f"the data.json at {url!r} is not JSON: {error}",
                )
            ) from None
        entries = catalog.get("dataset") if isinstance(catalog, dict) else None
        if not isinstance(entries, list):
            raise RecordError(
                bilingual(
                    f"{url!r} tidak memuat daftar 'dataset'",
                    f"the data.json at {url!r} has no 'dataset' list",
                )
            )
        for index, entry in enumerate(entries):
            if isinstance(entry, dict) and entry.get("identifier"):
                yield Record(stable_guid(str(entry["identifier"])), entry)
            else:
                self.warn(
                    bilingual(
                        f"Dataset ke-{index + 1} tanpa 'identifier' dilewati",
                        f"dataset {index + 1} has no 'identifier' and was skipped",
                    )
                )

    def to_package(
        self, content: dict[str, Any], source_config: dict[str, Any]
    ) -> Mapped:
        return jakarta_package(to_record(content))
