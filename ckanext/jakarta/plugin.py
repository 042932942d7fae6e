"""Wiring of the Jakarta portal into CKAN."""

from __future__ import annotations

import ckan.plugins as p
import ckan.plugins.toolkit as tk


@tk.blanket.config_declarations
class JakartaPlugin(p.SingletonPlugin):
    """Jakarta's provincial open data portal."""
