"""The extension on the real stack: plugins, search, DCAT and harvest tables."""

from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import DCAT, DCTERMS, RDF

import ckan.plugins as p
from ckan.common import config_declaration
from ckan.tests import factories
from ckan.tests.helpers import call_action

from ckanext.jakarta import config
from tests.factories import jakarta_dataset


@pytest.mark.usefixtures("with_plugins")
class TestPluginLoads:
    @pytest.mark.parametrize(
        "name",
        ["jakarta", "scheming_datasets", "scheming_organizations", "dcat", "harvest"],
    )
    def test_plugin_is_loaded_with_the_others(self, name: str):
        """Every plugin of the Jakarta stack loads together from test.ini."""
        assert p.plugin_loaded(name)

    def test_status_show_reports_ckan_2_12_and_the_plugins(self):
        """status_show, what an administrator checks first, names CKAN 2.12.0."""
        status = call_action("status_show")

        assert status["ckan_version"] == "2.12.0"
        assert {"jakarta", "dcat", "harvest"} <= set(status["extensions"])


@pytest.mark.usefixtures("with_plugins")
class TestConfigDeclaration:
    @pytest.mark.parametrize(
        "key", ["ckanext.jakarta.walidata_name", "ckanext.jakarta.walidata_email"]
    )
    def test_option_is_declared(self, key: str):
        """Each ckanext.jakarta option is declared with a description."""
        option = config_declaration.get(key)

        assert option is not None
        assert option.description

    def test_accessor_returns_the_declared_default(self):
        """An unset option reads as its declared default, with no second default."""
        assert config.walidata_name() == (
            "Dinas Komunikasi, Informatika dan Statistik Provinsi DKI Jakarta"
        )


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestDatasetReachesSearchAndDcat:
    def test_created_dataset_is_found_by_package_search(self):
        """A dataset created through the action API is indexed in the real Solr."""
        jakarta_dataset(title="Kualitas Udara Jakarta Pusat", name="udara-jakpus")

        result = call_action("package_search", q="udara")

        assert result["count"] == 1
        assert result["results"][0]["name"] == "udara-jakpus"

    def test_catalog_ttl_parses_and_lists_the_dataset(self, app):
        """/catalog.ttl is valid Turtle and describes the dataset with its title."""
        dataset = jakarta_dataset(title="Penumpang Transjakarta 2021")

        response = app.get("/catalog.ttl")

        assert response.status_code == 200
        graph = rdflib.Graph().parse(data=response.get_data(as_text=True), format="ttl")
        datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
        assert len(datasets) == 1
        assert str(graph.value(datasets[0], DCTERMS.title)) == dataset["title"]
        assert str(graph.value(datasets[0], DCTERMS.identifier)) == dataset["id"]


@pytest.mark.ckan_config(
    "ckan.plugins",
    "jakarta scheming_datasets scheming_organizations dcat harvest activity"
    " dcat_rdf_harvester",
)
@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestHarvestTables:
    def test_harvest_source_can_be_created_and_read_back(self):
        """The harvest tables are migrated: a source is stored and shown again."""
        org = factories.Organization()
        sysadmin = factories.Sysadmin()
        context = {"user": sysadmin["name"]}

        source = call_action(
            "harvest_source_create",
            context=context,
            name="dlh-dcat",
            title="DLH DCAT",
            url="http://127.0.0.1:8999/catalog.ttl",
            source_type="dcat_rdf",
            owner_org=org["id"],
        )
        shown = call_action("harvest_source_show", context=context, id=source["id"])

        assert shown["url"] == "http://127.0.0.1:8999/catalog.ttl"
        assert shown["source_type"] == "dcat_rdf"
        assert shown["owner_org"] == org["id"]


@pytest.mark.usefixtures("with_plugins")
class TestJakartaSchemaIsActive:
    def test_dataset_type_uses_the_jakarta_schema(self):
        """The plugin makes its own dataset schema the scheming default."""
        schema = call_action("scheming_dataset_schema_show", type="dataset")

        assert schema["about"] == "Dataset Portal Data Jakarta (Satu Data Indonesia)"
