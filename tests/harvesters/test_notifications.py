"""Harvest reports are mailed to the OPD's contact emails through CKAN's mailer."""

from __future__ import annotations

import pytest

from ckan.tests import factories
from ckan.tests.helpers import call_action


@pytest.mark.ckan_config("ckan.harvest.status_mail.all", "true")
@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestHarvestMail:
    def test_recipients_include_the_opd_emails(self, harvest_source):
        """The OPD's contact emails join ckanext-harvest's own recipients."""
        opd = factories.Organization(
            emails=["data@dlh.jakarta.go.id", "it@dlh.jakarta.go.id"]
        )
        source = harvest_source(
            "http://127.0.0.1:9/data.json", "jakarta_datajson", org=opd
        )

        recipients = call_action(
            "harvest_get_notifications_recipients", source_id=source["id"]
        )

        emails = [r["email"] for r in recipients]
        assert "data@dlh.jakarta.go.id" in emails and "it@dlh.jakarta.go.id" in emails

    def test_finished_job_mails_its_report_to_the_opd(
        self, app, mail_server, source_server, harvest_source, harvest
    ):
        """When a job finishes, its report reaches the OPD's contact address."""
        opd = factories.Organization(
            title="Dinas Lingkungan Hidup", emails=["data@dlh.jakarta.go.id"]
        )
        url = source_server.serve(
            "/data.json", '{"dataset": [{"identifier": "a", "title": "Udara"}]}'
        )
        source = harvest_source(url, "jakarta_datajson", org=opd)

        # Mail bodies are rendered templates, as under `ckan jakarta harvest`.
        with app.flask_app.test_request_context():
            harvest(source["id"])

        sent_to = [message[2] for message in mail_server.get_smtp_messages()]
        assert ["data@dlh.jakarta.go.id"] in sent_to
