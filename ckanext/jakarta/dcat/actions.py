"""ckanext-dcat's export actions, with every dataset made safe first.

They keep ckanext-dcat's access checks, search, sorting and hydra paging
(``ckanext.dcat.logic``, pinned at 2.4.4) and serialize through
:mod:`ckanext.jakarta.dcat.export`, so a dataset with bad stored values
still exports (without them) and a catalog page is never a server error.
"""

from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk
from ckan.types import Action, Context, DataDict

from ckanext.dcat import logic as dcat_logic

from ckanext.jakarta.dcat import export

__all__ = ["dcat_catalog_search", "dcat_catalog_show", "dcat_dataset_show"]


def _catalog(action: str, context: Context, data_dict: DataDict) -> str:
    tk.check_access(action, context, data_dict)
    query = dcat_logic._search_ckan_datasets(context, data_dict)
    return export.serialize_catalog(
        query["results"],
        data_dict.get("format"),
        dcat_logic._pagination_info(query, data_dict),
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
    dataset = tk.get_action("package_show")(context, data_dict)
    return export.serialize_dataset(
        dataset, data_dict.get("format"), data_dict.get("profiles")
    )
