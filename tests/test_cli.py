"""`ckan jakarta init` on the real stack: OPDs, topik groups and the walidata."""

from __future__ import annotations

import pytest

from ckan import model
from ckan.cli.cli import ckan
from ckan.tests import factories
from ckan.tests.helpers import call_action

from ckanext.activity.model import Activity

from ckanext.jakarta import vocab

CREATED_OPDS = f"dibuat / created ({len(vocab.opds())})"
NOTHING_CHANGED = "Tidak ada perubahan / nothing changed"


def _init(cli):
    result = cli.invoke(ckan, ["jakarta", "init"])
    assert result.exit_code == 0, result.output
    return result.output


def _snapshot() -> dict[str, dict]:
    shown = {name: call_action("organization_show", id=name) for name in vocab.opds()}
    shown.update({name: call_action("group_show", id=name) for name in vocab.topics()})
    return shown


@pytest.mark.usefixtures("with_plugins", "clean_db", "with_extended_cli")
class TestInitCreates:
    def test_every_registry_opd_with_its_kind_parent_and_area(self, cli):
        """Each OPD of the registry becomes an organization with its fields."""
        _init(cli)

        for item in vocab.opds().values():
            org = call_action("organization_show", id=item.slug)
            assert org["state"] == "active"
            assert org["jenis_opd"] == vocab.opd_type_of(item)
            assert (org.get("parent_opd") or None) == item.parent_slug
            assert org["wilayah"] == item.wilayah_code

    def test_registry_notes_are_left_out_of_titles_and_acronyms(self, cli):
        """A Biro's title and a Dinas's acronym drop the registry's notes."""
        _init(cli)

        biro = call_action("organization_show", id="biro-tata-pemerintahan")
        dsda = call_action("organization_show", id="dinas-sumber-daya-air")
        assert biro["title"] == "Biro Tata Pemerintahan"
        assert biro["parent_opd"] == "sekretariat-daerah"
        assert biro["jenis_opd"] == "biro"
        assert dsda["singkatan"] == "DSDA"

    def test_kota_and_kabupaten_administrasi_are_told_apart(self, cli):
        """Kepulauan Seribu is a kabupaten, Jakarta Pusat a kota, with their codes."""
        _init(cli)

        seribu = call_action(
            "organization_show", id="kabupaten-administrasi-kepulauan-seribu"
        )
        jakpus = call_action("organization_show", id="kota-administrasi-jakarta-pusat")
        assert seribu["jenis_opd"] == "kabupaten_administrasi"
        assert seribu["wilayah"] == "31.01"
        assert jakpus["jenis_opd"] == "kota_administrasi"
        assert jakpus["wilayah"] == "31.71"

    def test_every_topik_with_its_eu_theme(self, cli):
        """Each topik of the registry becomes a group with its EU data theme."""
        _init(cli)

        for topic in vocab.topics().values():
            group = call_action("group_show", id=topic.name)
            assert group["title"] == topic.title_id
            assert group["eu_theme"] == topic.eu_theme_uri

    def test_output_names_what_was_created_and_the_walidata(self, cli):
        """The report lists the created names per kind and names the walidata."""
        output = _init(cli)

        assert CREATED_OPDS in output
        assert "biro-tata-pemerintahan" in output
        assert f"dibuat / created ({len(vocab.topics())})" in output
        assert (
            "Walidata: dinas-komunikasi-informatika-dan-statistik "
            "(Dinas Komunikasi, Informatika dan Statistik)"
        ) in output
        total = len(vocab.opds()) + len(vocab.topics())
        assert f"Ringkasan / summary: {total} dibuat / created" in output

    def test_organizations_not_in_the_registry_are_left_alone(self, cli):
        """Init deletes nothing: an organization of its own stays as it was."""
        own = factories.Organization(name="dinas-lama", title="Dinas Lama")

        _init(cli)

        assert call_action("organization_show", id=own["id"])["state"] == "active"


@pytest.mark.usefixtures("with_plugins", "clean_db", "with_extended_cli")
class TestInitAgain:
    def test_second_run_reports_nothing_changed_and_writes_nothing(self, cli):
        """A second run changes no stored field and records no activity."""
        _init(cli)
        before = _snapshot()
        activities = model.Session.query(Activity).count()

        output = _init(cli)

        assert f"Ringkasan / summary: {NOTHING_CHANGED}" in output
        assert "dibuat / created" not in output
        assert _snapshot() == before
        assert model.Session.query(Activity).count() == activities

    def test_hand_edited_opd_is_put_back_and_reported_as_updated(self, cli):
        """Registry fields edited by hand are restored; the other fields are kept."""
        _init(cli)
        sysadmin = factories.Sysadmin()
        call_action(
            "organization_patch",
            context={"user": sysadmin["name"]},
            id="dinas-lingkungan-hidup",
            title="DLH (judul lama)",
            wilayah="31.71",
            description="Diisi oleh admin.",
            emails=["dlh@jakarta.go.id"],
        )

        output = _init(cli)

        org = call_action("organization_show", id="dinas-lingkungan-hidup")
        assert "diperbarui / updated (1): dinas-lingkungan-hidup" in output
        assert "Ringkasan / summary: 0 dibuat / created, 1 diperbarui" in output
        assert (org["title"], org["wilayah"]) == ("Dinas Lingkungan Hidup", "31")
        assert org["description"] == "Diisi oleh admin."
        assert org["emails"] == ["dlh@jakarta.go.id"]

    def test_deleted_opd_is_made_active_again(self, cli):
        """An OPD deleted by hand comes back, reported as updated."""
        _init(cli)
        sysadmin = factories.Sysadmin()
        call_action(
            "organization_delete", context={"user": sysadmin["name"]}, id="inspektorat"
        )

        output = _init(cli)

        assert "diperbarui / updated (1): inspektorat" in output
        assert call_action("organization_show", id="inspektorat")["state"] == "active"


@pytest.mark.usefixtures("with_plugins", "clean_db", "with_extended_cli")
class TestWalidata:
    @pytest.mark.ckan_config("ckanext.jakarta.walidata_org", "walidata-jakarta")
    @pytest.mark.ckan_config("ckanext.jakarta.walidata_name", "Walidata Jakarta")
    def test_walidata_outside_the_registry_is_created(self, cli):
        """A configured walidata that is no OPD is created under its own name."""
        output = _init(cli)

        org = call_action("organization_show", id="walidata-jakarta")
        assert org["title"] == "Walidata Jakarta"
        assert "Walidata: walidata-jakarta (Walidata Jakarta), dibuat" in output
