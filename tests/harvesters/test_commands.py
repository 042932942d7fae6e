"""``ckan jakarta harvest`` and ``ckan jakarta sources sync`` as an admin types them."""

from __future__ import annotations

import json

import pytest

from ckan.cli.cli import ckan
from ckan.tests import factories
from ckan.tests.helpers import call_action


def _catalog(count: int) -> str:
    return json.dumps(
        {
            "dataset": [
                {
                    "identifier": f"cmd-{n}",
                    "title": f"Data {n}",
                    "accessLevel": "public",
                }
                for n in range(count)
            ]
        }
    )


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestHarvestCommand:
    def test_prints_what_changed(self, cli, source_server, harvest_source):
        """The command harvests in the foreground and prints the counts."""
        url = source_server.serve("/data.json", _catalog(3))
        source = harvest_source(url, "jakarta_datajson", name="opd-data-json")

        result = cli.invoke(ckan, ["jakarta", "harvest", "opd-data-json"])

        assert result.exit_code == 0, result.output
        assert "dibuat/created 3" in result.output
        assert call_action("package_search", q="*:*")["count"] == 3
        again = cli.invoke(ckan, ["jakarta", "harvest", source["id"]])
        assert "tetap/unchanged 3" in again.output

    def test_unknown_source_is_named(self, cli):
        """A source that does not exist is an error naming it, not a traceback."""
        result = cli.invoke(ckan, ["jakarta", "harvest", "tidak-ada"])

        assert result.exit_code != 0
        assert "no harvest source 'tidak-ada'" in result.output


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestSourcesSyncCommand:
    def test_dry_run_then_sync(self, cli, tmp_path):
        """--dry-run shows the plan and changes nothing; sync then applies it."""
        factories.Organization(name="dinas-perhubungan")
        path = tmp_path / "sources.yaml"
        path.write_text(
            "sources:\n  - name: dishub\n    opd: dinas-perhubungan\n"
            "    url: http://127.0.0.1:9/data.json\n    type: jakarta_datajson\n",
            encoding="utf-8",
        )

        dry = cli.invoke(ckan, ["jakarta", "sources", "sync", str(path), "--dry-run"])
        assert "would create dishub (jakarta_datajson)" in dry.output
        assert call_action("harvest_source_list") == []

        done = cli.invoke(ckan, ["jakarta", "sources", "sync", str(path)])
        assert done.exit_code == 0, done.output
        assert call_action("harvest_source_show", id="dishub")["state"] == "active"

        again = cli.invoke(ckan, ["jakarta", "sources", "sync", str(path)])
        assert "nothing changed" in again.output
