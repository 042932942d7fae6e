"""The Jakarta organization and group schemas are the scheming defaults."""

from __future__ import annotations

import pytest

import ckan.plugins.toolkit as tk
from ckan.tests import factories
from ckan.tests.helpers import call_action

from ckanext.jakarta import helpers, vocab

OPD_FIELDS = ["singkatan", "jenis_opd", "parent_opd", "wilayah", "emails", "website"]


def _field(schema: dict, name: str) -> dict:
    return next(field for field in schema["fields"] if field["field_name"] == name)


@pytest.mark.usefixtures("with_plugins")
class TestSchemasAreShown:
    def test_organization_schema_has_the_opd_fields(self):
        """scheming_organization_schema_show gives the Jakarta OPD schema."""
        schema = call_action("scheming_organization_schema_show", type="organization")

        names = [field["field_name"] for field in schema["fields"]]
        assert names[:4] == ["title", "name", "description", "image_url"]
        assert names[4:] == OPD_FIELDS
        assert _field(schema, "wilayah")["label"] == {
            "id": "Wilayah Kerja",
            "en": "Area served",
        }

    def test_group_schema_offers_the_eu_themes(self):
        """scheming_group_schema_show gives the topik schema with its theme list."""
        schema = call_action("scheming_group_schema_show", type="group")

        field = _field(schema, "eu_theme")
        assert field["choices_helper"] == "jakarta_eu_theme_choices"
        values = [choice["value"] for choice in helpers.jakarta_eu_theme_choices(field)]
        assert values == list(vocab.eu_themes())
        assert len(values) == 13

    def test_jenis_opd_choices_are_the_short_keys(self):
        """The kinds of OPD are offered by short key with both labels."""
        choices = helpers.jakarta_opd_type_choices({})

        labels = {choice["value"]: choice["label"] for choice in choices}
        assert labels["suku_dinas"]["id"] == "Suku Dinas / Suku Badan"
        assert labels["suku_dinas"]["en"] == "City branch of an agency (Suku Dinas)"
        assert [choice["value"] for choice in choices][-1] == "lainnya"


@pytest.mark.usefixtures("with_plugins", "clean_db")
class TestGroupTheme:
    def test_theme_is_stored_and_an_unknown_one_refused(self):
        """A group keeps a listed EU theme and refuses one that is not listed."""
        theme = "http://publications.europa.eu/resource/authority/data-theme/ENVI"

        group = factories.Group(eu_theme=theme)

        assert call_action("group_show", id=group["id"])["eu_theme"] == theme
        with pytest.raises(tk.ValidationError) as raised:
            factories.Group(eu_theme=theme.replace("ENVI", "SPACE"))
        assert raised.value.error_dict["eu_theme"]

    def test_parent_choices_list_the_active_organizations(self):
        """The parent OPD select lists active organizations by name and title."""
        factories.Organization(name="dinas-kesehatan", title="Dinas Kesehatan")

        choices = helpers.jakarta_organization_choices({})

        assert {"value": "dinas-kesehatan", "label": "Dinas Kesehatan"} in choices


@pytest.mark.usefixtures("with_plugins", "clean_db")
class TestForms:
    def test_organization_form_shows_the_opd_fields(self, app):
        """The new-organization form renders every OPD field for a sysadmin."""
        sysadmin = factories.SysadminWithToken()

        response = app.get(
            "/organization/new", headers={"Authorization": sysadmin["token"]}
        )

        assert response.status_code == 200
        for name in OPD_FIELDS:
            assert f'name="{name}"' in response.body

    def test_organization_about_page_shows_the_stored_values(self, app):
        """The about page of an OPD shows its acronym and area code."""
        org = factories.Organization(singkatan="DLH", wilayah="31.71")

        response = app.get(f"/organization/about/{org['name']}")

        assert response.status_code == 200
        assert "DLH" in response.body
        assert "31.71" in response.body

    def test_group_form_offers_the_eu_themes(self, app):
        """The new-group form offers the EU themes with their labels."""
        sysadmin = factories.SysadminWithToken()

        response = app.get("/group/new", headers={"Authorization": sysadmin["token"]})

        assert response.status_code == 200
        assert "data-theme/ENVI" in response.body
