"""Running one harvest source end to end in the foreground.

The same stages the Redis consumers run (ckanext-harvest's ``gather_stage``
and ``fetch_and_import_stages``), called in turn, so ``ckan jakarta harvest``
and the tests exercise exactly what the queues do.
"""

from __future__ import annotations

import collections
import dataclasses
from collections.abc import Callable
from typing import Any

import ckan.model as model
import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.harvest import queue
from ckanext.harvest.interfaces import IHarvester
from ckanext.harvest.model import (
    HarvestGatherError,
    HarvestJob,
    HarvestObject,
    HarvestSource,
)

from ckanext.jakarta.harvesters.base import WARNING_STAGE, GatherSummary


@dataclasses.dataclass
class Report:
    """What one job did, as ``ckan jakarta harvest`` prints it."""

    job_id: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    errors: list[str] = dataclasses.field(default_factory=list)
    warnings: list[str] = dataclasses.field(default_factory=list)

    def line(self) -> str:
        """One summary line, Indonesian then English."""
        return (
            f"dibuat/created {self.created}, diperbarui/updated {self.updated}, "
            f"tetap/unchanged {self.unchanged}, ditarik/withdrawn {self.withdrawn}, "
            f"galat/errors {len(self.errors)}, "
            f"peringatan/warnings {len(self.warnings)}"
        )


def _harvester(source_type: str) -> Any:
    for harvester in p.PluginImplementations(IHarvester):
        if harvester.info()["name"] == source_type:
            return harvester
    raise tk.ObjectNotFound(f"no harvester for source type {source_type!r}")


def _context() -> dict[str, Any]:
    user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
    return {"user": user["name"], "ignore_auth": True}


def _report(job: HarvestJob, summary: GatherSummary | None) -> Report:
    objects = model.Session.query(HarvestObject).filter_by(harvest_job_id=job.id)
    statuses = collections.Counter(obj.report_status for obj in objects)
    report = Report(
        job_id=job.id,
        created=statuses["added"],
        updated=statuses["updated"],
        unchanged=(summary.unchanged if summary else 0) + statuses["not modified"],
        withdrawn=statuses["deleted"],
    )
    gather_errors = model.Session.query(HarvestGatherError).filter_by(
        harvest_job_id=job.id
    )
    report.errors = [error.message for error in gather_errors]
    for obj in objects:
        for error in obj.errors:
            found = report.warnings if error.stage == WARNING_STAGE else report.errors
            found.append(f"{obj.guid}: {error.message}")
    return report


def run_source(
    source_id: str, progress: Callable[[int, int], None] | None = None
) -> Report:
    """Harvest one source now, in this process, and report what changed."""
    context = _context()
    source = tk.get_action("harvest_source_show")(context, {"id": source_id})
    job_dict = tk.get_action("harvest_job_create")(
        context, {"source_id": source["id"], "run": False}
    )
    job = HarvestJob.get(job_dict["id"])
    job.status = "Running"
    job.save()
    harvester = _harvester(HarvestSource.get(source["id"]).type)
    harvester.summary = None
    ids = queue.gather_stage(harvester, job) or []
    for done, object_id in enumerate(ids, start=1):
        queue.fetch_and_import_stages(harvester, HarvestObject.get(object_id))
        if progress:
            progress(done, len(ids))
    tk.get_action("harvest_jobs_run")(context, {"source_id": source["id"]})
    return _report(job, getattr(harvester, "summary", None))
