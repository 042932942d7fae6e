"""Harvest reports go to the OPD's own contact emails too."""

from __future__ import annotations

import json
from typing import Any

import ckan.plugins.toolkit as tk
from ckan.types import Action, Context, DataDict


def _emails(value: Any) -> list[str]:
    if isinstance(value, str):
        value = json.loads(value) if value.startswith("[") else [value]
    return [email for email in value or [] if email]


@tk.chained_action
@tk.side_effect_free
def harvest_get_notifications_recipients(
    up_func: Action, context: Context, data_dict: DataDict
) -> list[dict[str, str]]:
    """ckanext-harvest's recipients (sysadmins, OPD admins) plus the OPD's emails."""
    recipients = up_func(context, data_dict)
    site = tk.get_action("get_site_user")({"ignore_auth": True}, {})
    site_context = {"user": site["name"], "ignore_auth": True}
    source = tk.get_action("harvest_source_show")(
        dict(site_context), {"id": data_dict["source_id"]}
    )
    if not source.get("owner_org"):
        return recipients
    opd = tk.get_action("organization_show")(
        dict(site_context), {"id": source["owner_org"], "include_datasets": False}
    )
    known = {recipient["email"] for recipient in recipients}
    for email in _emails(opd.get("emails")):
        if email not in known:
            recipients.append({"name": opd["title"], "email": email})
            known.add(email)
    return recipients
