"""The OPD organization validators, through the action API an administrator uses."""

from __future__ import annotations

import pytest

import ckan.plugins.toolkit as tk
from ckan.tests import factories
from ckan.tests.helpers import call_action


def _errors(**fields):
    with pytest.raises(tk.ValidationError) as raised:
        factories.Organization(**fields)
    return raised.value.error_dict


def _patch_errors(org, **fields):
    sysadmin = factories.Sysadmin()
    with pytest.raises(tk.ValidationError) as raised:
        call_action(
            "organization_patch",
            context={"user": sysadmin["name"]},
            id=org["id"],
            **fields,
        )
    return raised.value.error_dict


@pytest.mark.usefixtures("with_plugins", "clean_db")
class TestGoodOrganizationValues:
    def test_opd_fields_round_trip_through_organization_show(self):
        """Every OPD field given in good form is stored and shown back."""
        dinas = factories.Organization(name="dinas-lingkungan-hidup")
        sudin = factories.Organization(
            name="sudin-lh-jakarta-pusat",
            singkatan="Sudin LH Jakpus",
            jenis_opd="suku_dinas",
            parent_opd="dinas-lingkungan-hidup",
            wilayah="31.71",
            emails=["sudinlh.jakpus@jakarta.go.id", "data.lh@jakarta.go.id"],
            website="https://lingkunganhidup.jakarta.go.id",
        )

        shown = call_action("organization_show", id=sudin["id"])

        assert shown["parent_opd"] == dinas["name"]
        assert shown["singkatan"] == "Sudin LH Jakpus"
        assert shown["jenis_opd"] == "suku_dinas"
        assert shown["wilayah"] == "31.71"
        assert shown["emails"] == [
            "sudinlh.jakpus@jakarta.go.id",
            "data.lh@jakarta.go.id",
        ]
        assert shown["website"] == "https://lingkunganhidup.jakarta.go.id"

    def test_parent_given_by_id_is_stored_by_name(self):
        """A parent OPD named by its id is kept as its organization name."""
        dinas = factories.Organization(name="dinas-kesehatan")

        sudin = factories.Organization(parent_opd=dinas["id"])

        assert sudin["parent_opd"] == "dinas-kesehatan"

    def test_emails_typed_in_one_line_become_a_list(self):
        """Addresses separated by commas or semicolons are kept one by one."""
        org = factories.Organization(emails="a@jakarta.go.id, b@jakarta.go.id;c@x.id")

        assert org["emails"] == ["a@jakarta.go.id", "b@jakarta.go.id", "c@x.id"]

    def test_organization_without_jakarta_fields_still_saves(self):
        """Every Jakarta field is optional, so a bare organization is accepted."""
        org = factories.Organization(name="kantor-tanpa-isian")

        assert call_action("organization_show", id=org["id"])["name"] == (
            "kantor-tanpa-isian"
        )


@pytest.mark.usefixtures("with_plugins", "clean_db")
class TestBadOrganizationValues:
    def test_unknown_wilayah(self):
        """An area code that is not in the Kemendagri list is refused on wilayah."""
        errors = _errors(wilayah="31.79")

        assert "Kode wilayah tidak dikenal: '31.79'" in errors["wilayah"][0]
        assert "unknown area code: '31.79'" in errors["wilayah"][0]

    def test_wilayah_of_another_province(self):
        """A Jawa Barat code is refused as being from another province."""
        errors = _errors(wilayah="32.73")

        assert "bukan wilayah Provinsi DKI Jakarta" in errors["wilayah"][0]
        assert "from another province" in errors["wilayah"][0]

    def test_malformed_email_is_named_and_the_good_one_is_not(self):
        """Only the malformed address of the list is quoted in the error."""
        errors = _errors(emails=["dlh@jakarta.go.id", "dlh@"])

        message = errors["emails"][0]
        assert "Alamat surel tidak valid: 'dlh@'" in message
        assert "malformed email address: 'dlh@'" in message
        assert "dlh@jakarta.go.id" not in message

    def test_unknown_parent(self):
        """A parent OPD that is not an organization of the portal is refused."""
        errors = _errors(parent_opd="dinas-yang-tidak-ada")

        assert (
            "OPD induk tidak ditemukan: 'dinas-yang-tidak-ada'"
            in (errors["parent_opd"][0])
        )
        assert "no such parent organization" in errors["parent_opd"][0]

    def test_group_is_not_a_parent(self):
        """A topik group cannot be the parent of an OPD."""
        factories.Group(name="lingkungan-hidup")

        errors = _errors(parent_opd="lingkungan-hidup")

        assert "no such parent organization" in errors["parent_opd"][0]

    def test_organization_cannot_be_its_own_parent(self):
        """An OPD updated to name itself as parent is refused."""
        org = factories.Organization(name="dinas-sosial")

        errors = _patch_errors(org, parent_opd="dinas-sosial")

        assert "induk bagi dirinya sendiri" in errors["parent_opd"][0]
        assert "cannot be its own parent" in errors["parent_opd"][0]

    def test_parents_cannot_form_a_loop(self):
        """A Dinas cannot be put under its own Suku Dinas."""
        dinas = factories.Organization(name="dinas-perhubungan")
        factories.Organization(name="sudin-hub-jakbar", parent_opd=dinas["name"])

        errors = _patch_errors(dinas, parent_opd="sudin-hub-jakbar")

        assert "parents cannot form a loop" in errors["parent_opd"][0]

    def test_unknown_jenis_opd(self):
        """A kind of OPD that is not in the list is refused."""
        errors = _errors(jenis_opd="kementerian")

        assert errors["jenis_opd"]

    def test_website_that_is_not_a_url(self):
        """A website without scheme and host is refused."""
        errors = _errors(website="lingkungan hidup")

        assert errors["website"]
