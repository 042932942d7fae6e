"""The sources file and ``ckan jakarta sources sync``."""

from __future__ import annotations

import pytest

from ckan.tests import factories
from ckan.tests.helpers import call_action

from ckanext.jakarta.harvesters import sources

FILE = """
sources:
  - name: dlh-dcat
    opd: dinas-lingkungan-hidup
    title: Katalog DLH
    url: http://127.0.0.1:9/catalog.ttl
    type: jakarta_dcat
    frequency: daily
    config: {{priority: 10}}
  - name: dishub-datajson
    opd: dinas-perhubungan
    url: http://127.0.0.1:9/data.json
    type: jakarta_datajson
{extra}
"""


@pytest.fixture
def opds(with_plugins, clean_db, clean_index):
    factories.Organization(name="dinas-lingkungan-hidup")
    factories.Organization(name="dinas-perhubungan")


def _entry(name: str, opd: str, kind: str, url: str = "http://a/") -> str:
    lines = [f"  - name: {name}", f"    opd: {opd}", f"    type: {kind}"]
    return "\n".join(lines + ([f"    url: {url}"] if url else []))


def _write(tmp_path, extra: str = "") -> str:
    path = tmp_path / "sources.yaml"
    path.write_text(FILE.format(extra=extra), encoding="utf-8")
    return str(path)


def _sync(path: str) -> sources.Plan:
    plan = sources.plan(sources.read(path))
    sources.apply(plan)
    return plan


@pytest.mark.usefixtures("opds")
class TestSync:
    def test_first_sync_creates_every_source(self, tmp_path):
        """Each entry becomes a harvest source of its OPD with its config."""
        plan = _sync(_write(tmp_path))

        assert sorted(s["name"] for s in plan.create) == ["dishub-datajson", "dlh-dcat"]
        shown = call_action("harvest_source_show", id="dlh-dcat")
        assert shown["source_type"] == "jakarta_dcat"
        assert shown["frequency"] == "DAILY"
        assert shown["config"] == '{"priority": 10}'

    def test_second_sync_changes_nothing(self, tmp_path):
        """Syncing the same file again plans nothing."""
        path = _write(tmp_path)
        _sync(path)

        plan = _sync(path)

        assert plan.empty()
        assert sorted(plan.unchanged) == ["dishub-datajson", "dlh-dcat"]

    def test_changed_entry_is_updated(self, tmp_path):
        """A changed URL updates that source only."""
        _sync(_write(tmp_path))
        path = tmp_path / "sources.yaml"
        path.write_text(
            path.read_text().replace("9/data.json", "9/v2/data.json"), encoding="utf-8"
        )

        plan = _sync(str(path))

        assert plan.update == [
            ("dishub-datajson", {"url": "http://127.0.0.1:9/v2/data.json"})
        ]
        shown = call_action("harvest_source_show", id="dishub-datajson")
        assert shown["url"] == "http://127.0.0.1:9/v2/data.json"

    def test_source_left_out_is_disabled_not_purged(self, tmp_path):
        """A source the file drops is disabled; nothing is purged."""
        _sync(_write(tmp_path))
        path = tmp_path / "sources.yaml"
        text = path.read_text()
        path.write_text(text[: text.index("  - name: dishub")], encoding="utf-8")

        plan = _sync(str(path))

        assert plan.disable == ["dishub-datajson"]
        shown = call_action("harvest_source_show", id="dishub-datajson")
        assert shown["state"] == "deleted"

    def test_dry_run_plans_without_changing(self, tmp_path):
        """Planning alone creates nothing."""
        plan = sources.plan(sources.read(_write(tmp_path)))

        assert len(plan.create) == 2
        assert call_action("harvest_source_list") == []

    @pytest.mark.parametrize(
        ("extra", "message"),
        [
            (
                _entry("x", "tidak-ada", "jakarta_dcat"),
                "OPD 'tidak-ada' does not exist",
            ),
            (
                _entry("x", "dinas-perhubungan", "ckan"),
                r"is not a jakarta_\* harvester",
            ),
            (_entry("x", "dinas-perhubungan", "jakarta_dcat", url=""), "missing url"),
            (
                _entry("x", "dinas-perhubungan", "jakarta_nope"),
                "'jakarta_nope' is not loaded",
            ),
            (
                _entry("dlh-dcat", "dinas-perhubungan", "jakarta_dcat"),
                "duplicate names",
            ),
        ],
    )
    def test_bad_entry_is_named_and_nothing_changes(self, tmp_path, extra, message):
        """A bad entry stops the sync with a message naming it; nothing is created."""
        with pytest.raises(sources.SourcesFileError, match=message):
            _sync(_write(tmp_path, extra))

        assert call_action("harvest_source_list") == []
