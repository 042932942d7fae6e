"""Bring the OPD organizations, topik groups and walidata in line with vocab.

This is the work of ``ckan jakarta init``. Everything goes through CKAN's
action API as the site user, only the fields the registries decide are
compared and written, and nothing is ever deleted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

import ckan.plugins.toolkit as tk
from ckan.types import Context

from ckanext.jakarta import config, vocab
from ckanext.jakarta.logic.validators import bilingual

log = logging.getLogger(__name__)

# The registry adds notes in parentheses to some names and acronyms
# ("Biro Tata Pemerintahan (Setda)", "DSDA (Sudin: SDA)"); slugs leave them
# out, and so do titles.
NOTE = re.compile(r"\s*\([^)]*\)")


class RegistryError(ValueError):
    """A registry row that cannot become an organization or a group."""


@dataclasses.dataclass
class Report:
    """The names one kind of object had created and updated, and the failures."""

    kind: str
    created: list[str] = dataclasses.field(default_factory=list)
    updated: list[str] = dataclasses.field(default_factory=list)
    errors: list[str] = dataclasses.field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether anything was created or updated."""
        return bool(self.created or self.updated)


def _context() -> Context:
    """A fresh context acting as the site user (actions change what they get)."""
    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
    return {"user": site_user["name"]}


def _without_note(text: str) -> str:
    return NOTE.sub("", text).strip()


# What the registries decide


def opd_fields(item: vocab.Opd) -> dict[str, Any]:
    """The organization fields the registry decides for one OPD."""
    kind = vocab.opd_type_of(item)
    if kind is None:
        raise RegistryError(
            bilingual(
                f"jenis OPD {item.type!r} tidak ada di jenis_opd.csv",
                f"the kind of OPD {item.type!r} is not in jenis_opd.csv",
            )
        )
    return {
        "name": item.slug,
        "title": _without_note(item.name),
        "singkatan": _without_note(item.acronym),
        "jenis_opd": kind,
        "parent_opd": item.parent_slug or "",
        "wilayah": item.wilayah_code or "",
        "state": "active",
    }


def topic_fields(topic: vocab.Topic) -> dict[str, Any]:
    """The group fields the registry decides for one topik."""
    return {
        "name": topic.name,
        "title": topic.title_id,
        "eu_theme": topic.eu_theme_uri,
        "state": "active",
    }


def parents_first(items: Iterable[vocab.Opd]) -> list[vocab.Opd]:
    """Order OPDs so that each parent in the list comes before its units."""
    pending = list(items)
    slugs = {item.slug for item in pending}
    placed: set[str] = set()
    ordered: list[vocab.Opd] = []
    while pending:
        ready = [
            item
            for item in pending
            if item.parent_slug in placed or item.parent_slug not in slugs
        ]
        # A loop of parents: CKAN's validation reports each row of it.
        ready = ready or pending
        ordered += ready
        placed |= {item.slug for item in ready}
        pending = [item for item in pending if item.slug not in placed]
    return ordered


# Comparing and writing


def _stored(kind: str, name: str) -> dict[str, Any] | None:
    try:
        return tk.get_action(f"{kind}_show")(
            _context(), {"id": name, "include_users": False, "include_groups": False}
        )
    except tk.ObjectNotFound:
        return None


def differences(stored: dict[str, Any], wanted: dict[str, Any]) -> dict[str, Any]:
    """The wanted fields whose stored value differs (missing counts as empty)."""
    return {
        field: value
        for field, value in wanted.items()
        if (stored.get(field) or "") != (value or "")
    }


def _apply(kind: str, wanted: dict[str, Any], report: Report) -> None:
    """Create the object, or patch the wanted fields that differ."""
    stored = _stored(kind, wanted["name"])
    if stored is None:
        fields = {field: value for field, value in wanted.items() if value}
        tk.get_action(f"{kind}_create")(_context(), fields)
        report.created.append(wanted["name"])
        log.debug("Created %s %s", kind, wanted["name"])
        return

    changes = differences(stored, wanted)
    if changes:
        tk.get_action(f"{kind}_patch")(_context(), {"id": stored["id"], **changes})
        report.updated.append(wanted["name"])
        log.debug("Updated %s %s: %s", kind, wanted["name"], ", ".join(changes))


def _describe(error_dict: dict[str, Any]) -> str:
    parts = []
    for field, problems in error_dict.items():
        text = "; ".join(map(str, problems)) if isinstance(problems, list) else problems
        parts.append(f"{field}: {text}")
    return "; ".join(parts)


def _reject(report: Report, row: str, problem: str) -> None:
    report.errors.append(f"{row}: {problem}")
    log.warning("Registry row rejected: %s: %s", row, problem)


@contextlib.contextmanager
def _row(report: Report, row: str) -> Iterator[None]:
    """Record a row that CKAN or the registry rejects, and let the rest go on."""
    try:
        yield
    except tk.ValidationError as error:
        _reject(report, row, _describe(error.error_dict))
    except RegistryError as error:
        _reject(report, row, str(error))


# The three steps of init


def sync_opds(items: Iterable[vocab.Opd]) -> Report:
    """Create or update one organization per registry OPD, parents first."""
    report = Report(bilingual("Organisasi OPD", "OPD organizations"))
    for item in parents_first(items):
        with _row(report, f"opd.csv {item.slug} ({item.name})"):
            _apply("organization", opd_fields(item), report)
    return report


def sync_topics(topics: Iterable[vocab.Topic]) -> Report:
    """Create or update one group per registry topik."""
    report = Report(bilingual("Topik", "topics"))
    for topic in topics:
        with _row(report, f"topik.csv {topic.name} ({topic.title_id})"):
            _apply("group", topic_fields(topic), report)
    return report


def ensure_walidata() -> tuple[Report, dict[str, Any] | None]:
    """Make sure the walidata's organization exists; return it with the report.

    It is normally an OPD the registry already created; if not, it is created
    with the configured walidata name as its title.
    """
    report = Report("Walidata")
    name = config.walidata_org()
    with _row(report, f"ckanext.jakarta.walidata_org = {name}"):
        if _stored("organization", name) is None:
            tk.get_action("organization_create")(
                _context(), {"name": name, "title": config.walidata_name()}
            )
            report.created.append(name)
        _apply("organization", {"name": name, "state": "active"}, report)
    return report, _stored("organization", name)
