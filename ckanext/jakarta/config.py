"""One accessor per ``ckanext.jakarta.*`` option.

Defaults live in ``config_declaration.yaml`` only: CKAN fills them in, so the
accessors never carry a second one.
"""

from __future__ import annotations

import ckan.plugins.toolkit as tk


def walidata_name() -> str:
    """Name of the portal's walidata, the publisher of last resort."""
    return tk.config["ckanext.jakarta.walidata_name"]


def walidata_email() -> str:
    """Contact email of the walidata; empty when not configured."""
    return tk.config["ckanext.jakarta.walidata_email"]
