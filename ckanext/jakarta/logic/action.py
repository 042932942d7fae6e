"""Actions: core actions chained to keep the classification rules."""

from __future__ import annotations

from typing import Any

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
