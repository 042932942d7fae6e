"""What every Jakarta harvester shares: the harvest rules the stock ones lack.

A subclass says how to read its kind of source (:meth:`records`) and how one
record becomes a Jakarta dataset (:meth:`to_package`). This base does the rest:

- one stable guid per source record, the same over http and https;
- a content hash per record, so an unchanged record is not written again;
- a guard against sources that suddenly return nothing or far fewer records;
- records gone from the source withdrawn (deleted or flagged, per source);
- one dataset per identifier across sources, by source priority;
- a broken record saved as a harvest object error while the job goes on;
- provenance on each dataset.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

import ckan.logic as logic
import ckan.model as model
import ckan.plugins as p
import ckan.plugins.toolkit as tk
from ckan.lib import search
from ckan.lib.munge import munge_title_to_name

from ckanext.harvest.harvesters.base import HarvesterBase
from ckanext.harvest.interfaces import IHarvester
from ckanext.harvest.model import (
    HarvestJob,
    HarvestObject,
    HarvestObjectExtra,
    HarvestSource,
)

from ckanext.jakarta import config
from ckanext.jakarta.harvesters.http import FetchError
from ckanext.jakarta.logic.validators import bilingual

log = logging.getLogger(__name__)

WITHDRAW_POLICIES = ("delete", "flag")
# ckanext-harvest only knows errors; a warning is an object error saved with
# this stage, so the reports can count it apart from the real errors.
WARNING_STAGE = "Warning"
_SCHEME = re.compile(r"^https?://", re.IGNORECASE)


class RecordError(Exception):
    """One source record cannot become a dataset; the message is for the admin."""


@dataclasses.dataclass
class Record:
    """One dataset as a source describes it."""

    guid: str
    content: dict[str, Any]


@dataclasses.dataclass
class Mapped:
    """A record mapped to a Jakarta dataset, with warnings worth showing."""

    package: dict[str, Any]
    warnings: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class GatherSummary:
    """What one gather found, for the foreground command's report."""

    records: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    withdrawn: int = 0


def stable_guid(identifier: str) -> str:
    """The guid of a record: its identifier, with any http(s) scheme dropped."""
    return _SCHEME.sub("", identifier.strip()).rstrip("/")


def content_hash(content: dict[str, Any]) -> str:
    """A digest of a record's content that ignores key order."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _object_extra(obj: HarvestObject, key: str) -> str | None:
    for extra in obj.extras:
        if extra.key == key:
            return extra.value
    return None


class JakartaHarvester(HarvesterBase):
    """Base of the jakarta_* harvesters; subclasses read one kind of source."""

    p.implements(IHarvester)

    name = ""
    title = ""
    description = ""
    # Keys a subclass accepts in the source config, beyond the shared ones.
    config_keys: tuple[str, ...] = ()

    summary: GatherSummary | None = None
    _warnings: list[str]

    def warn(self, message: str) -> None:
        """Note a problem with the source; gather saves it as a gather error."""
        log.warning("%s", message)
        self._warnings.append(message)

    # What subclasses provide

    def records(self, url: str, source_config: dict[str, Any]) -> Iterator[Record]:
        """Yield the source's records; raise FetchError or RecordError if unreadable.

        Every subclass overrides this.
        """
        return iter(())

    def to_package(
        self, content: dict[str, Any], source_config: dict[str, Any]
    ) -> Mapped:
        """Map one record's content to Jakarta dataset fields.

        Every subclass overrides this.
        """
        raise RecordError(f"{type(self).__name__} does not map records")

    # IHarvester

    def info(self) -> dict[str, str]:
        return {"name": self.name, "title": self.title, "description": self.description}

    def validate_config(self, source_config: str | None) -> str | None:
        if not source_config:
            return source_config
        try:
            parsed = json.loads(source_config)
        except ValueError as error:
            raise ValueError(
                bilingual("Konfigurasi bukan JSON", f"config is not JSON: {error}")
            ) from None
        self._check_config(parsed)
        return source_config

    def _check_config(self, parsed: Any) -> None:
        if not isinstance(parsed, dict):
            raise ValueError(
                bilingual(
                    "Konfigurasi harus objek JSON", "config must be a JSON object"
                )
            )
        known = {"withdraw", "min_ratio", "priority", *self.config_keys}
        unknown = sorted(set(parsed) - known)
        if unknown:
            raise ValueError(
                bilingual(
                    f"Kunci konfigurasi tidak dikenal: {', '.join(unknown)}",
                    f"unknown config keys: {', '.join(unknown)}",
                )
            )
        if parsed.get("withdraw", "delete") not in WITHDRAW_POLICIES:
            raise ValueError(
                bilingual(
                    "withdraw harus delete atau flag", "withdraw must be delete or flag"
                )
            )
        ratio = parsed.get("min_ratio", 0.5)
        if not isinstance(ratio, int | float) or not 0 <= ratio <= 1:
            raise ValueError(
                bilingual(
                    "min_ratio harus 0..1", "min_ratio must be a number from 0 to 1"
                )
            )
        if not isinstance(parsed.get("priority", 0), int):
            raise ValueError(
                bilingual(
                    "priority harus bilangan bulat", "priority must be an integer"
                )
            )

    @staticmethod
    def source_config(source: HarvestSource) -> dict[str, Any]:
        """The parsed config of a harvest source ({} when empty)."""
        return json.loads(source.config) if source.config else {}

    # Gather

    def _current_objects(
        self, source_id: str
    ) -> dict[str, tuple[str | None, str | None]]:
        """guid -> (package id, content hash) of the source's current objects."""
        hash_extra = sa.orm.aliased(HarvestObjectExtra)
        rows = (
            model.Session.query(
                HarvestObject.guid, HarvestObject.package_id, hash_extra.value
            )
            .outerjoin(
                hash_extra,
                sa.and_(
                    hash_extra.harvest_object_id == HarvestObject.id,
                    hash_extra.key == "content_hash",
                ),
            )
            .filter(HarvestObject.current.is_(True))
            .filter(HarvestObject.harvest_source_id == source_id)
        )
        return {guid: (package_id, digest) for guid, package_id, digest in rows}

    def _read_records(self, job: HarvestJob) -> list[Record] | None:
        self._warnings = []
        try:
            records = list(self.records(job.source.url, self.source_config(job.source)))
        except (FetchError, RecordError) as error:
            self._save_gather_error(str(error), job)
            return None
        finally:
            for message in self._warnings:
                self._save_gather_error(message, job)
        unique: dict[str, Record] = {}
        for record in records:
            if record.guid in unique:
                self._save_gather_error(
                    bilingual(
                        "Pengenal ganda di sumber, hanya yang pertama dipakai: "
                        f"{record.guid}",
                        f"duplicate identifier at the source, only the first is used: "
                        f"{record.guid}",
                    ),
                    job,
                )
                continue
            unique[record.guid] = record
        return list(unique.values())

    def _too_few(self, job: HarvestJob, found: int, previous: int) -> bool:
        if previous == 0:
            return False
        ratio = self.source_config(job.source).get(
            "min_ratio", config.harvest_min_ratio()
        )
        if found > 0 and found >= ratio * previous:
            return False
        self._save_gather_error(
            bilingual(
                f"Sumber kini memberi {found} dataset, padahal sebelumnya {previous}; "
                "panen dihentikan dan tidak ada dataset yang ditarik",
                f"the source now lists {found} datasets where the last harvest had "
                f"{previous}; the job stopped and withdrew nothing (threshold "
                f"{ratio:.0%})",
            ),
            job,
        )
        return True

    def gather_stage(self, harvest_job: HarvestJob) -> list[str] | None:
        records = self._read_records(harvest_job)
        if records is None:
            return None
        previous = self._current_objects(harvest_job.source.id)
        summary = GatherSummary(records=len(records))
        self.summary = summary
        if self._too_few(harvest_job, len(records), len(previous)):
            return None
        objects = []
        for record in records:
            digest = content_hash(record.content)
            package_id, old_digest = previous.get(record.guid, (None, None))
            if record.guid in previous and old_digest == digest:
                summary.unchanged += 1
                continue
            if record.guid in previous:
                status, summary.changed = "change", summary.changed + 1
            else:
                status, summary.new = "new", summary.new + 1
            obj = HarvestObject(
                guid=record.guid,
                job=harvest_job,
                package_id=package_id,
                content=json.dumps(record.content, ensure_ascii=False),
                extras=[
                    HarvestObjectExtra(key="status", value=status),
                    HarvestObjectExtra(key="content_hash", value=digest),
                ],
            )
            model.Session.add(obj)
            objects.append(obj)
        seen = {record.guid for record in records}
        for guid, (package_id, _digest) in previous.items():
            if guid in seen or package_id is None:
                continue
            obj = HarvestObject(
                guid=guid,
                job=harvest_job,
                package_id=package_id,
                extras=[HarvestObjectExtra(key="status", value="delete")],
            )
            model.Session.add(obj)
            objects.append(obj)
            summary.withdrawn += 1
        # One commit for the whole gather, not one per record.
        model.Session.commit()
        log.info(
            "Gathered %s records from %s: %s new, %s changed, %s unchanged, %s gone",
            summary.records,
            harvest_job.source.url,
            summary.new,
            summary.changed,
            summary.unchanged,
            summary.withdrawn,
        )
        return [obj.id for obj in objects]

    # Fetch: the records' content was read during gather.

    def fetch_stage(self, harvest_object: HarvestObject) -> bool:
        return True

    # Import

    def _context(self) -> dict[str, Any]:
        if not getattr(self, "_site_user", None):
            site = tk.get_action("get_site_user")({"ignore_auth": True}, {})
            self._site_user = site["name"]
        return {"user": self._site_user, "ignore_auth": True}

    def _make_current(self, obj: HarvestObject, package_id: str | None) -> None:
        """Make obj the one current object of its guid and of its dataset.

        A dataset taken over from a lower-priority source stops being that
        source's, so its next harvest neither updates nor withdraws it.
        """
        superseded = sa.or_(
            sa.and_(
                HarvestObject.guid == obj.guid,
                HarvestObject.harvest_source_id == obj.source.id,
            ),
            HarvestObject.package_id == package_id if package_id else sa.false(),
        )
        model.Session.query(HarvestObject).filter(
            superseded, HarvestObject.id != obj.id
        ).update({"current": False}, synchronize_session=False)
        obj.package_id = package_id
        obj.current = package_id is not None
        obj.save()

    def _withdraw(self, obj: HarvestObject) -> bool:
        policy = self.source_config(obj.source).get("withdraw", "delete")
        context = self._context()
        if policy == "delete":
            tk.get_action("package_delete")(context, {"id": obj.package_id})
            log.info("Withdrew (deleted) dataset %s, guid %s", obj.package_id, obj.guid)
            self._make_current(obj, None)
            return True
        dataset = tk.get_action("package_show")(context, {"id": obj.package_id})
        provenance = dict(dataset.get("harvest_provenance") or {})
        provenance["withdrawn_at"] = dt.datetime.now(dt.timezone.utc).isoformat()
        tk.get_action("package_patch")(
            context, {"id": obj.package_id, "harvest_provenance": provenance}
        )
        log.info("Flagged dataset %s as withdrawn, guid %s", obj.package_id, obj.guid)
        return True

    def _priority(self, source: HarvestSource) -> int:
        return self.source_config(source).get("priority", 0)

    def _owner_elsewhere(
        self, obj: HarvestObject, identifier: str | None
    ) -> str | None:
        """The id of a dataset another source already brings with this identifier."""
        if not identifier:
            return None
        row = (
            model.Session.query(model.Package.id)
            .filter(model.Package.extras["identifier"].astext == identifier)
            .filter(model.Package.state == "active")
            .first()
        )
        return row[0] if row else None

    def _source_of(self, package_id: str) -> HarvestSource | None:
        other = (
            model.Session.query(HarvestObject)
            .filter_by(package_id=package_id, current=True)
            .first()
        )
        return other.source if other else None

    def _yields_to_other_source(self, obj: HarvestObject, package_id: str) -> bool:
        other = self._source_of(package_id)
        if other is not None and other.id == obj.source.id:
            return False
        if other is None:
            self._save_object_error(
                bilingual(
                    f"Dataset {package_id} dengan pengenal yang sama dibuat langsung "
                    "di portal, bukan dipanen; dibiarkan",
                    f"dataset {package_id} has the same identifier but was made on "
                    "the portal, not harvested; it is left as it is",
                ),
                obj,
                "Import",
            )
            return True
        if self._priority(obj.source) > self._priority(other):
            log.info(
                "Source %s takes dataset %s over from %s (higher priority)",
                obj.source.url,
                package_id,
                other.url,
            )
            return False
        log.info(
            "Skipped guid %s: dataset %s comes from source %s (priority %s >= %s)",
            obj.guid,
            package_id,
            other.url,
            self._priority(other),
            self._priority(obj.source),
        )
        return True

    def _provenance(
        self, obj: HarvestObject, package: dict[str, Any]
    ) -> dict[str, Any]:
        return {
            "source_id": obj.source.id,
            "source_url": obj.source.url,
            "source_title": obj.source.title,
            "guid": obj.guid,
            "original_identifier": package.get("identifier") or obj.guid,
            "original_url": package.get("url") or "",
            "harvested_at": dt.datetime.now(dt.timezone.utc).isoformat(),
        }

    def _save_validation_error(
        self, obj: HarvestObject, error: tk.ValidationError
    ) -> None:
        parts = [f"{field}: {messages}" for field, messages in error.error_dict.items()]
        self._save_object_error(
            bilingual("Dataset ditolak validasi", "the dataset failed validation")
            + f": {'; '.join(parts)}",
            obj,
            "Import",
        )

    def import_stage(self, harvest_object: HarvestObject) -> bool | str:
        obj = harvest_object
        if _object_extra(obj, "status") == "delete":
            return self._withdraw(obj)
        try:
            mapped = self.to_package(
                json.loads(obj.content), self.source_config(obj.source)
            )
        except RecordError as error:
            self._save_object_error(str(error), obj, "Import")
            return False
        for warning in mapped.warnings:
            self._save_object_error(warning, obj, WARNING_STAGE)
            log.warning("Record %s: %s", obj.guid, warning)
        package = mapped.package
        package_id = obj.package_id
        if not package_id:
            package_id = self._owner_elsewhere(obj, package.get("identifier"))
            if package_id and self._yields_to_other_source(obj, package_id):
                return "unchanged"
        if package.get("groups"):
            package["groups"] = self._existing_topics(package["groups"], obj)
        package["owner_org"] = self._source_owner(obj.source)
        package["harvest_provenance"] = self._provenance(obj, package)
        context = self._context()
        try:
            if package_id:
                package["id"] = package_id
                existing = tk.get_action("package_show")(context, {"id": package_id})
                package["name"] = existing["name"]
                package_id = self._save_package("package_update", package)
                log.info("Updated dataset %s from guid %s", package["name"], obj.guid)
            else:
                package["name"] = self._new_name(package, obj)
                package_id = self._save_package("package_create", package)
                log.info("Created dataset %s from guid %s", package["name"], obj.guid)
        except tk.ValidationError as error:
            model.Session.rollback()
            self._save_validation_error(obj, error)
            return False
        self._make_current(obj, package_id)
        return True

    def _new_name(self, package: dict[str, Any], obj: HarvestObject) -> str:
        """A unique URL name from the title, else the source's name or identifier.

        CKAN's munging keeps only Latin letters and digits, so a title in
        another script ("規管海外物業銷售") would give the name "__".
        """
        for text in (
            package["title"],
            package.get("name"),
            package.get("identifier"),
            obj.guid,
        ):
            if text and re.search(r"[a-z0-9]", munge_title_to_name(str(text))):
                return self._gen_new_name(str(text))
        return self._gen_new_name("dataset")

    def _save_package(self, action: str, package: dict[str, Any]) -> str:
        """Create or update a dataset, index it with a soft commit, return its id.

        Left to themselves, package_create and package_update ask Solr for a
        hard commit after each dataset, which is most of a first harvest's
        time. Here the dataset is stored, then indexed and made searchable
        with a soft commit; Solr's update log keeps it durable until the
        periodic hard commit (autoCommit) of the configset. A portal that
        turned ``ckan.search.solr_commit`` off gets no commit at all, as with
        CKAN's own indexing.
        """
        context = dict(self._context(), defer_commit=True, return_id_only=True)
        package_id = tk.get_action(action)(context, package)
        model.repo.commit()
        default, custom = logic.package_show_default_and_custom_schemas(
            self._context(), package_id
        )
        index = search.index_for("Package")
        index.update_dict(dict(default, with_custom_schema=custom), defer_commit=True)
        if tk.config.get("ckan.search.solr_commit"):
            search.make_connection().commit(softCommit=True)
        return package_id

    def _existing_topics(
        self, groups: list[dict[str, str]], obj: HarvestObject
    ) -> list[dict[str, str]]:
        """The topik groups among groups that exist here; a warning for the rest."""
        kept = []
        for group in groups:
            found = model.Group.get(group["name"])
            if (
                found is not None
                and found.state == "active"
                and not found.is_organization
            ):
                kept.append({"name": found.name})
                continue
            self._save_object_error(
                bilingual(
                    f"Topik {group['name']!r} belum ada di portal ini, dilewati",
                    f"topic {group['name']!r} does not exist on this portal "
                    "(`ckan jakarta init` creates the topics), left out",
                ),
                obj,
                WARNING_STAGE,
            )
        return kept

    @staticmethod
    def _source_owner(source: HarvestSource) -> str | None:
        dataset = model.Package.get(source.id)
        return dataset.owner_org if dataset else None
