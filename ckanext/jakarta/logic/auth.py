"""Authorization: a dataset a user may not read does not exist for them."""

from __future__ import annotations

import ckan.plugins.toolkit as tk
from ckan.types import AuthFunction, AuthResult, Context, DataDict

__all__ = ["package_show"]


@tk.chained_auth_function
@tk.auth_allow_anonymous_access
def package_show(
    next_auth: AuthFunction, context: Context, data_dict: DataDict | None
) -> AuthResult:
    """Refuse a dataset the user may not read as not found, not as forbidden.

    A 403 would tell anyone that a terbatas or tertutup dataset with that
    name or id exists. Every route that reads a dataset (API, pages, DCAT
    documents, activity, downloads) asks this auth function, so each of
    them answers exactly as for a name that was never used: CKAN's
    NotFound without a message.
    """
    result = next_auth(context, data_dict)
    if not result.get("success"):
        raise tk.ObjectNotFound()
    return result
