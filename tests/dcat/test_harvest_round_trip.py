"""Round trip through the harvester: export, harvest with jakarta_dcat, compare.

What a second Jakarta portal (or this one, rebuilt) gets when it harvests
this portal's public catalog: every field of the dataset schema must come
back equal, through the same fetch, parse and mapping as any OPD catalog.
"""

from __future__ import annotations

import pytest

from ckan.tests import factories
from ckan.tests.helpers import call_action

from ckanext.jakarta.dcat.profile import NOT_EXPORTED
from tests.dcat.conftest import full_fields
from tests.dcat.test_round_trip import field_value, schema
from tests.factories import jakarta_dataset
from tests.harvesters import conftest as harvesting

# The harvest fixtures live beside the harvester tests.
source_server = harvesting.source_server
harvest_source = harvesting.harvest_source
harvest = harvesting.harvest

# The URL name is the harvesting portal's own: made from the title.
NOT_COMPARED = set(NOT_EXPORTED) | {"name"}


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestHarvestRoundTrip:
    def test_public_catalog_harvested_back_is_equal(
        self,
        app,
        opd,
        topik,
        reset_db,
        migrate_db_for,
        reset_index,
        source_server,
        harvest_source,
        harvest,
    ):
        """Every schema field survives /catalog.ttl, jakarta_dcat and the mapping."""
        original = call_action(
            "package_show", id=jakarta_dataset(**full_fields(opd, topik))["id"]
        )
        catalog = app.get("/catalog.ttl").get_data(as_text=True)

        reset_db()
        migrate_db_for("activity")
        migrate_db_for("harvest")
        reset_index()
        owner = factories.Organization(name=opd["name"], title=opd["title"])
        factories.Group(name=topik["name"], title=topik["title"])
        url = source_server.serve("/catalog.ttl", catalog, content_type="text/turtle")
        report = harvest(harvest_source(url, "jakarta_dcat", org=owner)["id"])

        assert (report.created, report.errors, report.warnings) == (1, [], [])
        back = call_action("package_search", q="*:*", include_private=True)["results"][
            0
        ]
        back = call_action("package_show", id=back["id"])
        fields = [
            f["field_name"]
            for f in schema()["dataset_fields"]
            if f["field_name"] not in NOT_COMPARED
        ]
        different = {
            name: (field_value(original, name), field_value(back, name))
            for name in fields
            if field_value(back, name) != field_value(original, name)
        }
        assert different == {}
        assert [g["name"] for g in back["groups"]] == [topik["name"]]
        resource_fields = [f["field_name"] for f in schema()["resource_fields"]]
        for mine, theirs in zip(original["resources"], back["resources"], strict=True):
            assert {name: field_value(theirs, name) for name in resource_fields} == {
                name: field_value(mine, name) for name in resource_fields
            }
