"""Actions: core actions chained to keep the classification rules."""

from __future__ import annotations

from typing import Any

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.types import Action, Context, DataDict

from ckanext.jakarta.dcat.actions import (
    dcat_catalog_search,
    dcat_catalog_show,
    dcat_dataset_show,
)
from ckanext.jakarta.harvesters.notifications import (
    harvest_get_notifications_recipients,
)
from ckanext.jakarta.logic.validators import bilingual

__all__ = [
    "bulk_update_public",
    "dcat_catalog_search",
    "dcat_catalog_show",
    "dcat_dataset_show",
    "harvest_get_notifications_recipients",
    "tag_autocomplete",
    "tag_list",
    "tag_search",
    "tag_show",
]


def _not_open(dataset_ids: list[str]) -> list[str]:
    names = []
    for dataset_id in dataset_ids:
        package = model.Package.get(dataset_id)
        if package and (package.extras or {}).get("klasifikasi") != "terbuka":
            names.append(package.name)
    return names


@tk.chained_action
def bulk_update_public(up_func: Action, context: Context, data_dict: DataDict) -> Any:
    """Refuse to make public, in bulk, a dataset not classified terbuka.

    The bulk action writes ``private`` straight to the database, past the
    dataset validators, so the rule is checked here too.
    """
    blocked = _not_open(data_dict.get("datasets") or [])
    if blocked:
        raise tk.ValidationError(
            {
                "datasets": [
                    bilingual(
                        "Hanya dataset berklasifikasi terbuka yang boleh publik: "
                        + ", ".join(blocked),
                        "only datasets classified terbuka (open) may be public: "
                        + ", ".join(blocked),
                    )
                ]
            }
        )
    return up_func(context, data_dict)


# Tags. CKAN lists every free tag of the site, those of private datasets too,
# so the keywords of a terbatas or tertutup dataset reached anyone. A free
# tag is shown only to someone who can read a dataset carrying it, as the
# search index (which applies the reader's permission labels) says.


def _readable_tags(context: Context, data_dict: DataDict) -> set[str] | None:
    """Names of the free tags on datasets the user may read; None: no filter.

    Vocabulary tags, sysadmins and internal calls are not filtered.
    """
    if data_dict.get("vocabulary_id") or data_dict.get("vocabulary"):
        return None
    if context.get("ignore_auth") or authz.is_sysadmin(context.get("user")):
        return None
    result = tk.get_action("package_search")(
        {"user": context.get("user")},
        {
            "rows": 0,
            "include_private": True,
            "facet.field": ["tags"],
            "facet.limit": -1,
        },
    )
    facet = result["search_facets"].get("tags") or {}
    return {item["name"] for item in facet.get("items", [])}


def _name(tag: Any) -> str:
    return tag["name"] if isinstance(tag, dict) else tag


def _only_readable(context: Context, data_dict: DataDict, tags: list) -> list:
    """The tags (names or dicts) the user may see, all when unfiltered."""
    readable = _readable_tags(context, data_dict)
    if readable is None:
        return tags
    return [tag for tag in tags if _name(tag) in readable]


@tk.chained_action
@tk.side_effect_free
def tag_list(up_func: Action, context: Context, data_dict: DataDict) -> Any:
    """The site's free tags that the user may see on some dataset."""
    return _only_readable(context, data_dict, up_func(context, data_dict))


@tk.chained_action
@tk.side_effect_free
def tag_search(up_func: Action, context: Context, data_dict: DataDict) -> Any:
    """Tags matching a string, among those the user may see."""
    found = up_func(context, data_dict)
    readable = _readable_tags(context, data_dict)
    if readable is None:
        return found
    results = [tag for tag in found["results"] if tag["name"] in readable]
    return {"count": len(results), "results": results}


@tk.chained_action
@tk.side_effect_free
def tag_autocomplete(up_func: Action, context: Context, data_dict: DataDict) -> Any:
    """Tag names for completion, among those the user may see."""
    return _only_readable(context, data_dict, up_func(context, data_dict))


@tk.chained_action
@tk.side_effect_free
def tag_show(up_func: Action, context: Context, data_dict: DataDict) -> Any:
    """One tag; one only on datasets the user may not read does not exist."""
    tag = up_func(context, data_dict)
    readable = _readable_tags(context, data_dict)
    if readable is not None and tag["name"] not in readable:
        raise tk.ObjectNotFound()
    return tag
