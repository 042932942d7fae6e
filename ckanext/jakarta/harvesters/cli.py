"""``ckan jakarta harvest`` and ``ckan jakarta sources``: harvesting by hand."""

from __future__ import annotations

import click

import ckan.plugins.toolkit as tk

from ckanext.jakarta.harvesters import runner, sources
from ckanext.jakarta.logic.validators import bilingual


@click.command(short_help="Harvest one source now, in the foreground.")
@click.argument("source")
@click.pass_context
def harvest(ctx: click.Context, source: str) -> None:
    """Run harvest SOURCE (name or id) end to end and print what changed."""
    try:
        tk.get_action("harvest_source_show")({"ignore_auth": True}, {"id": source})
    except tk.ObjectNotFound:
        tk.error_shout(
            bilingual(f"Sumber {source!r} tidak ada", f"no harvest source {source!r}")
        )
        raise click.Abort() from None
    with click.progressbar(length=1, label="Memanen / harvesting") as bar:

        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(done - bar.pos)

        # The report mails are rendered from templates, which need a request.
        with ctx.meta["flask_app"].test_request_context():
            report = runner.run_source(source, progress)
    click.echo(report.line())
    for error in report.errors:
        click.secho(f"  {error}", fg="red", err=True)
    for warning in report.warnings:
        click.secho(f"  {warning}", fg="yellow", err=True)


@click.group(name="sources", short_help="Keep harvest sources in step with a file.")
def sources_group() -> None:
    """Harvest sources of every OPD, kept in a YAML file."""


def _echo_plan(plan: sources.Plan, dry_run: bool) -> None:
    verb = "akan / would" if dry_run else "sudah / did"
    for source in plan.create:
        click.echo(f"{verb} create {source['name']} ({source['source_type']})")
    for name, changes in plan.update:
        click.echo(f"{verb} update {name}: {', '.join(sorted(changes))}")
    for name in plan.disable:
        click.echo(f"{verb} disable {name}")
    if plan.empty():
        click.echo(bilingual("Tidak ada perubahan", "nothing changed"))


@sources_group.command(short_help="Create, update and disable sources to match FILE.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Show the plan, change nothing.")
def sync(file: str, dry_run: bool) -> None:
    """Make the portal's jakarta_* harvest sources match FILE."""
    try:
        plan = sources.plan(sources.read(file))
    except sources.SourcesFileError as error:
        tk.error_shout(str(error))
        raise click.Abort() from None
    if not dry_run:
        sources.apply(plan)
    _echo_plan(plan, dry_run)
