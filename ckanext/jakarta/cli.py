"""The ``ckan jakarta`` commands."""

from __future__ import annotations

from typing import Any

import click

from ckanext.jakarta import vocab
from ckanext.jakarta.harvesters import cli as harvest_cli
from ckanext.jakarta.logic import registry
from ckanext.jakarta.logic.validators import bilingual

__all__ = ["jakarta"]

NOTHING_CHANGED = bilingual("Tidak ada perubahan", "nothing changed")
CREATED = bilingual("dibuat", "created")
UPDATED = bilingual("diperbarui", "updated")
ERRORS = bilingual("galat", "errors")


@click.group(short_help="Portal Data Jakarta: setup and harvest commands.")
def jakarta() -> None:
    """Commands of the Jakarta portal."""


def _echo_report(report: registry.Report) -> None:
    if not report.changed and not report.errors:
        click.echo(f"{report.kind}: {NOTHING_CHANGED.lower()}")
        return
    click.echo(f"{report.kind}:")
    for label, names in ((CREATED, report.created), (UPDATED, report.updated)):
        if names:
            click.echo(f"  {label} ({len(names)}): {', '.join(names)}")
    for error in report.errors:
        click.secho(f"  {ERRORS}: {error}", fg="red", err=True)


def _summary(reports: list[registry.Report]) -> str:
    created = sum(len(report.created) for report in reports)
    updated = sum(len(report.updated) for report in reports)
    errors = sum(len(report.errors) for report in reports)
    if created or updated:
        text = f"{created} {CREATED}, {updated} {UPDATED}"
    else:
        text = NOTHING_CHANGED
    if errors:
        text += f", {errors} {ERRORS}"
    return bilingual("Ringkasan", "summary") + f": {text}"


def _echo_walidata(report: registry.Report, walidata: dict[str, Any] | None) -> None:
    for error in report.errors:
        click.secho(f"  {ERRORS}: {error}", fg="red", err=True)
    if walidata is None:
        return
    done = CREATED if report.created else UPDATED if report.updated else ""
    suffix = f", {done}" if done else ""
    click.echo(f"Walidata: {walidata['name']} ({walidata['title']}){suffix}")


@jakarta.command()
@click.pass_context
def init(ctx: click.Context) -> None:
    """Create or update the OPD organizations, topik groups and the walidata.

    Idempotent: only fields that differ from the registries are written, and
    nothing is deleted.
    """
    with ctx.meta["flask_app"].test_request_context():
        reports = [
            registry.sync_opds(vocab.opds().values()),
            registry.sync_topics(vocab.topics().values()),
        ]
        walidata_report, walidata = registry.ensure_walidata()

    for report in reports:
        _echo_report(report)
    _echo_walidata(walidata_report, walidata)
    reports.append(walidata_report)
    click.echo(_summary(reports))
    if any(report.errors for report in reports):
        ctx.exit(1)


# The harvesting commands live with the harvesters.
jakarta.add_command(harvest_cli.harvest)
jakarta.add_command(harvest_cli.sources_group)
