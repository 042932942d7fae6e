"""The sources file: which harvest sources each OPD has, kept in one YAML file.

``ckan jakarta sources sync FILE`` makes the portal's jakarta_* harvest
sources match the file: it creates the missing ones, updates those that
differ and disables (soft-deletes, keeping their datasets) those the file no
longer lists. Example::

    sources:
      - name: dlh-katalog-dcat
        opd: dinas-lingkungan-hidup
        title: Katalog DCAT Dinas Lingkungan Hidup
        url: https://dlh.jakarta.go.id/catalog.ttl
        type: jakarta_dcat
        frequency: DAILY
        config: {priority: 10, withdraw: flag}
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import yaml

import ckan.model as model
import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.harvest.interfaces import IHarvester
from ckanext.harvest.model import HarvestSource

from ckanext.jakarta.logic.validators import bilingual

HARVESTER_PREFIX = "jakarta_"
FREQUENCIES = ("MANUAL", "MONTHLY", "WEEKLY", "BIWEEKLY", "DAILY", "ALWAYS")
COMPARED = ("title", "url", "source_type", "owner_org", "frequency", "config")


class SourcesFileError(Exception):
    """The sources file cannot be used; the message names the entry."""


@dataclasses.dataclass
class Plan:
    """What a sync does (or would do, with --dry-run)."""

    create: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    update: list[tuple[str, dict[str, Any]]] = dataclasses.field(default_factory=list)
    disable: list[str] = dataclasses.field(default_factory=list)
    unchanged: list[str] = dataclasses.field(default_factory=list)
    # The whole wanted source by name: an update sends every field, since
    # package_patch on a harvest source trips over its own extras on 2.12.
    wanted: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)

    def empty(self) -> bool:
        """True when the portal already matches the file."""
        return not (self.create or self.update or self.disable)


def _context() -> dict[str, Any]:
    user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
    return {"user": user["name"], "ignore_auth": True}


def _entry_error(
    index: int, entry: Any, problem: str, english: str
) -> SourcesFileError:
    name = entry.get("name") if isinstance(entry, dict) else None
    where = f"#{index + 1} ({name})" if name else f"#{index + 1}"
    return SourcesFileError(
        bilingual(f"Sumber {where}: {problem}", f"source {where}: {english}")
    )


def _loaded_harvesters() -> set[str]:
    return {
        harvester.info()["name"] for harvester in p.PluginImplementations(IHarvester)
    }


def _wanted(index: int, entry: Any) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise _entry_error(index, entry, "harus berupa pemetaan", "must be a mapping")
    missing = [k for k in ("name", "opd", "url", "type") if not entry.get(k)]
    if missing:
        raise _entry_error(
            index,
            entry,
            f"kurang {', '.join(missing)}",
            f"missing {', '.join(missing)}",
        )
    if not str(entry["type"]).startswith(HARVESTER_PREFIX):
        raise _entry_error(
            index,
            entry,
            f"tipe {entry['type']!r} bukan jakarta_*",
            f"type {entry['type']!r} is not a jakarta_* harvester",
        )
    if entry["type"] not in _loaded_harvesters():
        raise _entry_error(
            index,
            entry,
            f"harvester {entry['type']!r} tidak dimuat (periksa ckan.plugins)",
            f"harvester {entry['type']!r} is not loaded (check ckan.plugins)",
        )
    organization = model.Group.get(entry["opd"])
    if organization is None or not organization.is_organization:
        raise _entry_error(
            index,
            entry,
            f"OPD {entry['opd']!r} tidak ada (jalankan ckan jakarta init)",
            f"OPD {entry['opd']!r} does not exist (run ckan jakarta init)",
        )
    frequency = str(entry.get("frequency") or "MANUAL").upper()
    if frequency not in FREQUENCIES:
        raise _entry_error(
            index,
            entry,
            f"frekuensi {frequency!r} tidak dikenal",
            f"unknown frequency {frequency!r}; use one of {', '.join(FREQUENCIES)}",
        )
    config = entry.get("config") or {}
    return {
        "name": entry["name"],
        "title": entry.get("title") or entry["name"],
        "url": entry["url"],
        "source_type": entry["type"],
        "owner_org": organization.id,
        "frequency": frequency,
        "config": json.dumps(config, sort_keys=True) if config else "",
    }


def read(path: str | Path) -> list[dict[str, Any]]:
    """The harvest sources a file asks for, checked entry by entry."""
    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise SourcesFileError(
            bilingual(
                f"Berkas sumber {path} tidak terbaca", f"cannot read {path}: {error}"
            )
        ) from None
    entries = (document or {}).get("sources") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise SourcesFileError(
            bilingual(
                f"{path} tidak memuat daftar 'sources'", f"{path} has no 'sources' list"
            )
        )
    wanted = [_wanted(index, entry) for index, entry in enumerate(entries)]
    names = [w["name"] for w in wanted]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SourcesFileError(
            bilingual(f"Nama ganda: {duplicates}", f"duplicate names: {duplicates}")
        )
    return wanted


def _existing() -> dict[str, dict[str, Any]]:
    """The portal's jakarta_* sources by name, read from the harvest tables.

    harvest_source_show is not used: its output does not always carry
    source_type and frequency, which made every source look changed.
    """
    rows = (
        model.Session.query(HarvestSource, model.Package)
        .join(model.Package, model.Package.id == HarvestSource.id)
        .filter(HarvestSource.type.startswith(HARVESTER_PREFIX))
    )
    return {
        dataset.name: {
            "title": source.title,
            "url": source.url,
            "source_type": source.type,
            "owner_org": dataset.owner_org,
            "frequency": source.frequency,
            "config": source.config,
            "state": dataset.state,
        }
        for source, dataset in rows
    }


def _normal_config(value: str | None) -> str:
    return json.dumps(json.loads(value), sort_keys=True) if value else ""


def _differences(wanted: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    changes = {}
    for key in COMPARED:
        have = current.get(key) or ""
        if key == "config":
            have = _normal_config(have)
        if (key == "frequency" and str(have).upper() != wanted[key]) or (
            key != "frequency" and have != wanted[key]
        ):
            changes[key] = wanted[key]
    if current.get("state") != "active":
        changes["state"] = "active"
    return changes


def plan(wanted: list[dict[str, Any]]) -> Plan:
    """Compare the file with the portal's jakarta_* sources."""
    existing = _existing()
    result = Plan()
    for source in wanted:
        current = existing.get(source["name"])
        if current is None:
            result.create.append(source)
            continue
        changes = _differences(source, current)
        if changes:
            result.update.append((source["name"], changes))
            result.wanted[source["name"]] = source
        else:
            result.unchanged.append(source["name"])
    listed = {source["name"] for source in wanted}
    result.disable = sorted(
        name
        for name, current in existing.items()
        if name not in listed and current.get("state") == "active"
    )
    return result


def apply(result: Plan) -> None:
    """Carry a plan out through ckanext-harvest's actions."""
    context = _context()
    for source in result.create:
        tk.get_action("harvest_source_create")(dict(context), dict(source))
    for name, _changes in result.update:
        data = {**result.wanted[name], "id": name, "state": "active"}
        tk.get_action("harvest_source_update")(dict(context), data)
    for name in result.disable:
        tk.get_action("harvest_source_delete")(dict(context), {"id": name})
