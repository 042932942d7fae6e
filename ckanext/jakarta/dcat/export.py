"""DCAT exports as the portal serves them.

The profiles run in the order configured, ckanext-dcat's first, so a value
that makes the stock profile fail (a free-text date dateutil overflows on)
must be taken out before any profile sees the dataset: :func:`prepare` does
that, and resolves what would otherwise cost a database query per dataset
(the walidata publisher, the EU theme of each topik).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import ckan.plugins.toolkit as tk

from ckanext.dcat.processors import RDFSerializer

from ckanext.jakarta.dcat import convert, terms

log = logging.getLogger(__name__)

DATE_FIELDS = ("issued", "modified")
GROUP_PAGE = 25  # ckan.group_and_organization_list_all_fields_max, CKAN's default


def _readable(name: str, field: str, value: Any) -> Any:
    if convert.text(value) and convert.partial_date(value) is None:
        log.warning(
            "DCAT export of %s %s: %r left out (not a date)", name, field, value
        )
        return None
    return value


def _readable_period(name: str, period: Any) -> dict[str, Any]:
    if not isinstance(period, Mapping):
        return {}
    return {
        key: _readable(name, "temporal_coverage", value)
        for key, value in period.items()
    }


def _with_theme(group: Any, themes: Mapping[str, str]) -> Any:
    if isinstance(group, Mapping) and group.get("name") in themes:
        return {**group, "eu_theme": themes[group["name"]]}
    return group


def prepare(
    dataset_dict: Mapping[str, Any], themes: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """A copy of a dataset dict that every profile can serialize.

    Unreadable dates are left out (and logged), the publisher is resolved
    (the walidata when none is named) and each group gets the EU theme of
    its topik when ``themes`` (group name to theme URI) knows it.
    """
    name = dataset_dict.get("name") or dataset_dict.get("id")
    prepared = dict(dataset_dict)
    for field in DATE_FIELDS:
        prepared[field] = _readable(name, field, prepared.get(field))
    prepared["temporal_coverage"] = [
        _readable_period(name, period)
        for period in convert.items(prepared.get("temporal_coverage"))
    ]
    base = terms.portal_base()
    prepared["publisher"] = [convert.publisher_entry(prepared.get("publisher"), base)]
    groups = prepared.get("groups") or []
    prepared["groups"] = [_with_theme(group, themes or {}) for group in groups]
    return prepared


def _group_theme(group: Mapping[str, Any]) -> str | None:
    if group.get("eu_theme"):
        return group["eu_theme"]
    extras = {e.get("key"): e.get("value") for e in group.get("extras") or []}
    return extras.get("eu_theme")


def group_themes() -> dict[str, str]:
    """The EU data theme each group (topik) names, keyed by group name."""
    themes: dict[str, str] = {}
    group_list = tk.get_action("group_list")
    for offset in range(0, 100_000, GROUP_PAGE):
        page = group_list(
            {"ignore_auth": True},
            {
                "all_fields": True,
                "include_extras": True,
                "limit": GROUP_PAGE,
                "offset": offset,
            },  # fmt: skip
        )
        themes.update((g["name"], _group_theme(g)) for g in page if _group_theme(g))
        if len(page) < GROUP_PAGE:
            break
    return themes


def serialize_catalog(
    datasets: list[dict[str, Any]],
    fmt: str | None,
    pagination: Mapping[str, Any] | None = None,
    profiles: list[str] | None = None,
) -> str:
    """One catalog page in RDF, every dataset passed through :func:`prepare`."""
    themes = group_themes()
    prepared = [prepare(dataset, themes) for dataset in datasets]
    serializer = RDFSerializer(profiles=profiles)
    return serializer.serialize_catalog(
        {}, prepared, _format=fmt, pagination_info=pagination
    )


def serialize_dataset(
    dataset: dict[str, Any], fmt: str | None, profiles: list[str] | None = None
) -> str:
    """One dataset in RDF, passed through :func:`prepare`."""
    serializer = RDFSerializer(profiles=profiles)
    return serializer.serialize_dataset(prepare(dataset, group_themes()), _format=fmt)
