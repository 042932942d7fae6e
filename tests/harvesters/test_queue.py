"""The whole harvest path through ckanext-harvest's Redis queues.

A gather consumer and two fetch consumers run as separate ``ckan harvester``
processes on test.ini, as a deployment runs them; the test only queues the
job and waits.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ckan.tests.helpers import call_action

from ckanext.harvest import queue

CKAN = str(Path(sys.executable).with_name("ckan"))
INI = str(Path(__file__).resolve().parents[2] / "test.ini")


def _entries(count: int) -> str:
    return json.dumps(
        {
            "dataset": [
                {
                    "identifier": f"queue-{n}",
                    "title": f"Dataset antrean {n}",
                    "description": "Dipanen lewat antrean Redis",
                    "accessLevel": "public",
                }
                for n in range(count)
            ]
        }
    )


@pytest.fixture
def consumers():
    """One gather and two fetch consumers, stopped after the test."""
    queue.purge_queues()
    processes = [
        subprocess.Popen(
            [CKAN, "-c", INI, "harvester", kind],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for kind in ("gather-consumer", "fetch-consumer", "fetch-consumer")
    ]
    yield processes
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=30)


def _wait_for_job(source_id: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        call_action("harvest_jobs_run", source_id=source_id)
        [job] = call_action("harvest_job_list", source_id=source_id)
        if job["status"] == "Finished":
            return job
        time.sleep(1)
    raise AssertionError(f"the job did not finish in {timeout}s")


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
def test_two_fetch_consumers_harvest_every_record(
    source_server, harvest_source, consumers
):
    """A job queued in Redis is gathered, fetched by two consumers and imported."""
    url = source_server.serve("/data.json", _entries(12))
    source = harvest_source(url, "jakarta_datajson")

    call_action("harvest_job_create", source_id=source["id"], run=True)
    job = _wait_for_job(source["id"])

    assert job["stats"]["added"] == 12
    assert call_action("package_search", q="*:*")["count"] == 12
    assert all(process.poll() is None for process in consumers)
