"""ckanext-dcat's export actions, with every dataset made safe first.

They keep ckanext-dcat's access checks, search, sorting and hydra paging
(``ckanext.dcat.logic``, pinned at 2.4.4) and serialize through
:mod:`ckanext.jakarta.dcat.export`, so a dataset with bad stored values
still exports (without them) and a catalog page is never a server error.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from rdflib import plugin
from rdflib.plugin import PluginException
from rdflib.serializer import Serializer

import ckan.plugins.toolkit as tk
from ckan.lib.search import SearchError
from ckan.types import Action, Context, DataDict

from ckanext.dcat import logic as dcat_logic
from ckanext.dcat.utils import url_to_rdflib_format

from ckanext.jakarta.dcat import export
from ckanext.jakarta.logic.validators import bilingual

__all__ = ["dcat_catalog_search", "dcat_catalog_show", "dcat_dataset_show"]

# Solr counts rows from a signed 32-bit integer.
_LARGEST_START = 2**31 - 1
# What may stay as it is in a paging link; anything else (a quote or a space
# from the query string) is percent-encoded, or Turtle cannot write the IRI.
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~"


def _invalid(field: str, indonesian: str, english: str) -> tk.ValidationError:
    return tk.ValidationError({field: [bilingual(indonesian, english)]})


def _check_format(fmt: str | None) -> None:
    try:
        plugin.get(url_to_rdflib_format(fmt or "xml"), Serializer)
    except PluginException:
        raise _invalid(
            "format", f"Format {fmt!r} tidak dikenal", f"unknown format {fmt!r}"
        ) from None


def _check_page(data_dict: DataDict) -> None:
    rows = int(tk.config.get("ckanext.dcat.datasets_per_page"))
    try:
        page = int(data_dict.get("page") or 1)
    except (TypeError, ValueError):
        return  # ckanext-dcat refuses it with its own message
    if rows * (page - 1) > _LARGEST_START:
        raise _invalid("page", "Halaman terlalu jauh", "page out of range")


def _safe_links(pagination: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: quote(value, safe=_URI_SAFE) if isinstance(value, str) else value
        for key, value in pagination.items()
    }


def _catalog(action: str, context: Context, data_dict: DataDict) -> str:
    tk.check_access(action, context, data_dict)
    _check_format(data_dict.get("format"))
    _check_page(data_dict)
    try:
        query = dcat_logic._search_ckan_datasets(context, data_dict)
    except SearchError as error:
        raise _invalid(
            "q", "Kueri pencarian tidak valid", f"invalid search query: {error}"
        ) from None
    return export.serialize_catalog(
        query["results"],
        data_dict.get("format"),
        _safe_links(dcat_logic._pagination_info(query, data_dict)),
        data_dict.get("profiles"),
    )


@tk.chained_action
@tk.side_effect_free
def dcat_catalog_show(up_func: Action, context: Context, data_dict: DataDict) -> Any:
    """One page of the DCAT catalog (replaces ckanext-dcat's own)."""
    return _catalog("dcat_catalog_show", context, data_dict)


@tk.chained_action
@tk.side_effect_free
def dcat_catalog_search(up_func: Action, context: Context, data_dict: DataDict) -> Any:
    """One page of a DCAT catalog search (replaces ckanext-dcat's own)."""
    return _catalog("dcat_catalog_search", context, data_dict)


@tk.chained_action
def dcat_dataset_show(up_func: Action, context: Context, data_dict: DataDict) -> Any:
    """One dataset in DCAT (replaces ckanext-dcat's own)."""
    tk.check_access("dcat_dataset_show", context, data_dict)
    _check_format(data_dict.get("format"))
    dataset = tk.get_action("package_show")(context, data_dict)
    return export.serialize_dataset(
        dataset, data_dict.get("format"), data_dict.get("profiles")
    )
