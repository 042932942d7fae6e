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


def walidata_org() -> str:
    """Name of the walidata's organization, which ``ckan jakarta init`` ensures."""
    return tk.config["ckanext.jakarta.walidata_org"]


def catalog_description() -> str:
    """Description of the DCAT catalog when the site has none."""
    return tk.config["ckanext.jakarta.catalog_description"]


def harvest_allowed_hosts() -> list[str]:
    """Internal addresses or networks harvest sources may reach anyway."""
    return tk.config["ckanext.jakarta.harvest.allowed_hosts"]


def harvest_connect_timeout() -> float:
    """Seconds to wait for a source's server to accept the connection."""
    return tk.config["ckanext.jakarta.harvest.connect_timeout"]


def harvest_read_timeout() -> float:
    """Seconds to wait for a source's server between two bytes of the answer."""
    return tk.config["ckanext.jakarta.harvest.read_timeout"]


def harvest_retries() -> int:
    """How many times a request failing with 5xx, 429 or a timeout is retried."""
    return tk.config["ckanext.jakarta.harvest.retries"]


def harvest_backoff() -> float:
    """Backoff factor between retries, in seconds (doubling each time)."""
    return tk.config["ckanext.jakarta.harvest.backoff"]


def harvest_max_bytes() -> int:
    """Largest document a harvester downloads."""
    return tk.config["ckanext.jakarta.harvest.max_bytes"]


def harvest_max_redirects() -> int:
    """Most redirects followed for one request."""
    return tk.config["ckanext.jakarta.harvest.max_redirects"]


def harvest_max_pages() -> int:
    """Most pages read from one paged source in one job."""
    return tk.config["ckanext.jakarta.harvest.max_pages"]


def harvest_min_ratio() -> float:
    """Fewest records, as a share of the last harvest, a job accepts."""
    return tk.config["ckanext.jakarta.harvest.min_ratio"]
