"""``jakarta_ckan``: a remote CKAN Action API (a Suku Dinas portal, the national one).

Datasets are read page by page from ``package_search``, optionally only those
of some remote organizations. A dataset deleted or made private remotely no
longer appears there, so the shared withdrawal rule applies to it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from ckanext.jakarta.harvesters.base import (
    JakartaHarvester,
    Mapped,
    Record,
    RecordError,
)
from ckanext.jakarta.harvesters.http import fetch
from ckanext.jakarta.harvesters.mapping import jakarta_package
from ckanext.jakarta.harvesters.paging import Pages
from ckanext.jakarta.logic.validators import bilingual
from ckanext.jakarta.normalize import language

ROWS = 100
# Remote extras that carry a Jakarta field under another name.
EXTRA_FIELDS = {
    "frequency": ("frequency", "update_freq", "accrual_periodicity", "frekuensi"),
    "areas": ("cakupan_wilayah", "spatial_coverage", "spatial_text", "wilayah"),
    "access_rights": ("access_rights", "klasifikasi"),
    "identifier": ("identifier", "guid"),
    "satuan": ("satuan",),
    "sumber_data": ("sumber_data",),
    "tahun_data": ("tahun_data",),
}
VOLATILE = ("tracking_summary", "num_resources", "num_tags", "relationships_as_object")


def _search_url(base: str, source_config: dict[str, Any], start: int) -> str:
    params: dict[str, Any] = {"rows": ROWS, "start": start, "sort": "id asc"}
    organizations = source_config.get("organizations")
    if organizations:
        params["fq"] = "organization:(" + " OR ".join(organizations) + ")"
    return base.rstrip("/") + "/api/3/action/package_search?" + urlencode(params)


def _text(value: Any) -> Any:
    """Strings as they are; a language dict (opendata.swiss style) by language."""
    if isinstance(value, dict):
        return language.pick_literal([(v, k) for k, v in value.items() if v])
    return value


def _extras(package: dict[str, Any]) -> dict[str, Any]:
    extras = {e.get("key"): e.get("value") for e in package.get("extras") or []}
    return {**extras, **package}


def to_record(package: dict[str, Any]) -> dict[str, Any]:
    """Rename one remote CKAN dataset to Jakarta field names."""
    fields = _extras(package)
    record = {
        jakarta: next((fields[k] for k in names if fields.get(k)), None)
        for jakarta, names in EXTRA_FIELDS.items()
    }
    areas = record["areas"]
    if isinstance(areas, str) and areas.startswith("["):
        areas = json.loads(areas)
    organization = package.get("organization") or {}
    record.update(
        title=_text(package.get("title")),
        name=_text(package.get("name")),
        notes=_text(package.get("notes") or package.get("description")),
        identifier=record["identifier"] or package.get("id"),
        keywords=[_text(tag.get("name")) for tag in package.get("tags") or []],
        themes=[
            _text(group.get("title") or group.get("name"))
            for group in package.get("groups") or []
        ],
        licenses=[package.get("license_id"), package.get("license_url")],
        areas=areas if isinstance(areas, list) else [areas],
        url=package.get("url"),
        contact=[
            {
                "name": package.get("maintainer") or package.get("author") or "",
                "email": package.get("maintainer_email") or package.get("author_email"),
            }
        ],
        publisher=[{"name": _text(organization.get("title"))}] if organization else [],
        temporal_coverage=package.get("temporal_coverage") or [],
        issued=package.get("issued"),
        modified=package.get("modified") or package.get("metadata_modified"),
        resources=[
            {
                "url": res.get("url"),
                "name": _text(res.get("name")),
                "description": _text(res.get("description")),
                "format": res.get("format"),
                "komponen_data": res.get("komponen_data"),
            }
            for res in package.get("resources") or []
        ],
    )
    return record


class JakartaCKANHarvester(JakartaHarvester):
    """Harvests a remote CKAN through its Action API."""

    name = "jakarta_ckan"
    title = "CKAN (Jakarta)"
    description = (
        "Portal CKAN lain (mis. portal Suku Dinas, katalog.data.go.id) / another "
        "CKAN portal, mapped to Jakarta metadata"
    )
    config_keys = ("organizations",)

    def _page(self, url: str) -> dict[str, Any]:
        fetched = fetch(url)
        try:
            answer = json.loads(fetched.text())
            return answer["result"]
        except (ValueError, KeyError, TypeError):
            raise RecordError(
                bilingual(
                    f"Jawaban {url!r} bukan JSON API CKAN (sedang pemeliharaan?)",
                    f"the answer from {url!r} is not CKAN API JSON (maintenance?)",
                )
            ) from None

    def records(self, url: str, source_config: dict[str, Any]) -> Iterator[Record]:
        start = 0
        pages = Pages(_search_url(url, source_config, start))
        for page_url in pages:
            result = self._page(page_url)
            for package in result.get("results") or []:
                content = {k: v for k, v in package.items() if k not in VOLATILE}
                yield Record(str(package["id"]), content)
            start += ROWS
            if start < int(result.get("count") or 0):
                pages.follow(_search_url(url, source_config, start))

    def to_package(
        self, content: dict[str, Any], source_config: dict[str, Any]
    ) -> Mapped:
        return jakarta_package(to_record(content))
