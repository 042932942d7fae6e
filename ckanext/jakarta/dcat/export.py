"""DCAT exports as the portal serves them.

The profiles run in the configured order, ckanext-dcat's ``euro_dcat_ap_3``
first. :func:`prepare` hides every field the Jakarta profile owns (a row of
its tables) from the stock profile, which then spends no time on values the
Jakarta profile replaces and never meets a stored value it cannot handle (a
free-text date that dateutil overflows on would fail the whole page); the
Jakarta profile reads the dataset as it is, under ``ORIGINAL``. It also adds
what would otherwise cost a query per dataset: the EU theme of each topik.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import ckan.plugins.toolkit as tk

from ckanext.dcat.processors import RDFSerializer
from ckanext.dcat.utils import url_to_rdflib_format

from ckanext.jakarta.dcat import convert
from ckanext.jakarta.dcat.profile import DATASET_ROWS, ORIGINAL, RESOURCE_ROWS

log = logging.getLogger(__name__)

JAKARTA_PROFILE = "jakarta_dcat_ap"

GROUP_PAGE = 25  # ckan.group_and_organization_list_all_fields_max, CKAN's default
# What euro_dcat_ap_3 would fall back to for predicates the Jakarta profile owns.
STOCK_FALLBACKS = {"metadata_created", "metadata_modified", "organization"}
HIDDEN = {row.field for row in DATASET_ROWS} | STOCK_FALLBACKS
HIDDEN_IN_RESOURCES = {row.field for row in RESOURCE_ROWS}


def _with_theme(group: Any, themes: Mapping[str, str]) -> Any:
    if isinstance(group, Mapping) and group.get("name") in themes:
        return {**group, "eu_theme": themes[group["name"]]}
    return group


def _shown(item: Mapping[str, Any], hidden: set[str]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if key not in hidden}


def prepare(
    dataset_dict: Mapping[str, Any], themes: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The dataset as the profiles should see it: Jakarta fields for Jakarta only.

    ``themes`` maps group names to the EU theme their topik names; each group
    of the dataset gets its theme.
    """
    original = dict(dataset_dict)
    groups = original.get("groups") or []
    original["groups"] = [_with_theme(group, themes or {}) for group in groups]
    shown = _shown(original, HIDDEN)
    shown["resources"] = [
        _shown(resource, HIDDEN_IN_RESOURCES)
        for resource in original.get("resources") or []
    ]
    shown[ORIGINAL] = original
    return shown


def _readable(name: str, field: str, value: Any) -> bool:
    if convert.text(value) and convert.partial_date(value) is None:
        log.warning(
            "DCAT export of %s %s: %r left out (not a date)", name, field, value
        )
        return False
    return True


def without_unreadable_dates(dataset_dict: Mapping[str, Any]) -> dict[str, Any]:
    """For profile chains without the Jakarta profile: bad dates taken out."""
    name = dataset_dict.get("name")
    safe = dict(dataset_dict)
    for field in ("issued", "modified"):
        if not _readable(name, field, safe.get(field)):
            safe[field] = None
    safe["temporal_coverage"] = [
        {k: v for k, v in period.items() if _readable(name, "temporal_coverage", v)}
        for period in convert.items(safe.get("temporal_coverage"))
        if isinstance(period, Mapping)
    ]
    return safe


def for_profiles(
    datasets: list[dict[str, Any]], profiles: list[str] | None
) -> list[dict[str, Any]]:
    """The datasets as the profile chain (the configured one by default) needs."""
    chain = profiles or str(tk.config.get("ckanext.dcat.rdf.profiles")).split()
    if JAKARTA_PROFILE not in chain:
        return [without_unreadable_dates(dataset) for dataset in datasets]
    themes = group_themes()
    return [prepare(dataset, themes) for dataset in datasets]


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


def rdflib_format(fmt: str | None) -> str | None:
    """The rdflib serializer for an endpoint's format; plain RDF/XML for XML.

    ckanext-dcat writes RDF/XML with rdflib's pretty-xml serializer, which at
    times writes the tail of an rdf:List a second time as a list of its own,
    so the export's data dictionary read back had a column too many
    (depending on blank node order). The plain serializer states each triple.
    """
    if url_to_rdflib_format(fmt or "xml") == "pretty-xml":
        return "application/rdf+xml"
    return fmt


def serialize_catalog(
    datasets: list[dict[str, Any]],
    fmt: str | None,
    pagination: Mapping[str, Any] | None = None,
    profiles: list[str] | None = None,
) -> str:
    """One catalog page in RDF, the datasets made ready for the profiles."""
    serializer = RDFSerializer(profiles=profiles)
    return serializer.serialize_catalog(
        {},
        for_profiles(datasets, profiles),
        _format=rdflib_format(fmt),
        pagination_info=pagination,
    )


def serialize_dataset(
    dataset: dict[str, Any], fmt: str | None, profiles: list[str] | None = None
) -> str:
    """One dataset in RDF, made ready for the profiles."""
    serializer = RDFSerializer(profiles=profiles)
    [ready] = for_profiles([dataset], profiles)
    return serializer.serialize_dataset(ready, _format=rdflib_format(fmt))
