"""Wiring of the Jakarta portal into CKAN."""

from __future__ import annotations

from typing import Any

import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.jakarta.dcat import views as dcat_views
from ckanext.jakarta.search import index


@tk.blanket.actions
@tk.blanket.auth_functions
@tk.blanket.cli
@tk.blanket.config_declarations
@tk.blanket.helpers
@tk.blanket.validators
class JakartaPlugin(p.SingletonPlugin):
    """Jakarta's provincial open data portal."""

    p.implements(p.IBlueprint)
    p.implements(p.IConfigurer, inherit=True)
    p.implements(p.IFacets, inherit=True)
    p.implements(p.IPackageController, inherit=True)

    # IConfigurer

    def update_config(self, config: Any) -> None:
        tk.add_template_directory(config, "templates")

    # IBlueprint

    def get_blueprint(self) -> list[Any]:
        return dcat_views.blueprints()

    # IFacets

    def dataset_facets(
        self, facets_dict: dict[str, Any], package_type: str
    ) -> dict[str, Any]:
        return index.dataset_facets()

    # IPackageController

    def before_dataset_index(self, pkg_dict: dict[str, Any]) -> dict[str, Any]:
        return index.before_dataset_index(pkg_dict)

    def after_dataset_search(
        self, search_results: dict[str, Any], search_params: dict[str, Any]
    ) -> dict[str, Any]:
        return index.label_facets(search_results)
