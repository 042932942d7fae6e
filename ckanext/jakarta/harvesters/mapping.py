"""From a harvested record, in Jakarta field names, to a valid Jakarta dataset.

Each harvester first renames its source's fields to the dataset schema's
names; this module then normalises the values through the shared
normalisation layer. A value that cannot be normalised is left out with a
warning the admin sees on the harvest object, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ckanext.jakarta.harvesters.base import Mapped, RecordError
from ckanext.jakarta.logic.validators import bilingual
from ckanext.jakarta.normalize import dates, frequency, licence, tags, topik, wilayah

ACCESS_RIGHTS = {
    "TERBUKA": "terbuka",
    "TERBATAS": "terbatas",
    "TERTUTUP": "tertutup",
    "PUBLIK": "terbuka",
    "RAHASIA": "tertutup",
    "DIKECUALIKAN": "tertutup",
    "PUBLIC": "terbuka",
    "RESTRICTED": "terbatas",
    "NON_PUBLIC": "tertutup",
    "RESTRICTED_PUBLIC": "terbatas",
    "CONFIDENTIAL": "tertutup",
    "SENSITIVE": "tertutup",
}
# Fields copied as they are when present (a source's own name is only a
# hint for a new dataset's URL name).
PLAIN_FIELDS = (
    "name",
    "notes",
    "identifier",
    "url",
    "satuan",
    "sumber_data",
    "jenis_data",
    "data_prioritas",
)
LIST_FIELDS = ("alternate_identifier", "conforms_to", "language")


def _text(value: Any) -> str:
    return str(value).strip() if value not in (None, "") else ""


def _date(value: Any, field: str, warnings: list[str]) -> str | None:
    try:
        parsed = dates.parse_date(value)
    except dates.AmbiguousDate as error:
        warnings.append(f"{field}: {error.message}")
        return None
    if parsed is None and _text(value):
        warnings.append(
            bilingual(
                f"{field}: tanggal tidak terbaca {value!r}, dilewati",
                f"{field}: unreadable date {value!r}, left out",
            )
        )
    return parsed.iso() if parsed else None


def klasifikasi(access_rights: Any, warnings: list[str] | None = None) -> str:
    """Klasifikasi from an access-rights URI or word.

    A record of a public catalog that says nothing is terbuka. A value that is
    given but not understood is treated as tertutup, with a warning: an
    unknown restriction is never published.
    """
    text = _text(access_rights)
    if not text:
        return "terbuka"
    code = text.rstrip("/").rsplit("/", 1)[-1].upper().replace(" ", "_")
    code = code.replace("-", "_")
    if code in ACCESS_RIGHTS:
        return ACCESS_RIGHTS[code]
    if warnings is not None:
        warnings.append(
            bilingual(
                f"Klasifikasi tidak dikenal {text!r}; dianggap tertutup",
                f"unknown access level {text!r}; treated as tertutup (closed)",
            )
        )
    return "tertutup"


def _frequency(value: Any, warnings: list[str]) -> str | None:
    if not _text(value):
        return None
    uri = frequency.to_frequency_uri(value)
    if uri is None:
        warnings.append(
            bilingual(
                f"Frekuensi tidak dikenal {value!r}, dilewati",
                f"unknown frequency {value!r}, left out",
            )
        )
    return uri


def _license(values: Iterable[Any], warnings: list[str]) -> str | None:
    given = [_text(v) for v in values if _text(v)]
    for value in given:
        license_id = licence.to_license_id(value)
        if license_id:
            return license_id
    if given:
        warnings.append(
            bilingual(
                f"Lisensi tidak dikenal {given[0]!r}, dilewati",
                f"unknown licence {given[0]!r}, left out",
            )
        )
    return None


def _areas(values: Iterable[Any], warnings: list[str]) -> list[str]:
    codes = []
    for value in values:
        code = wilayah.to_wilayah_code(value) if _text(value) else None
        if code:
            codes.append(code)
        elif _text(value):
            warnings.append(
                bilingual(
                    f"Wilayah tidak dikenal {value!r}, dilewati",
                    f"unknown area {value!r}, left out",
                )
            )
    return list(dict.fromkeys(codes))


def _people(entries: Any, warnings: list[str]) -> list[dict[str, str]]:
    people = []
    for entry in entries or []:
        person = {
            k: _text(entry.get(k)) for k in ("name", "email", "url") if entry.get(k)
        }
        email = person.get("email", "").removeprefix("mailto:")
        if email and ("@" not in email or " " in email):
            warnings.append(
                bilingual(
                    f"Surel tidak valid {email!r}, dilewati",
                    f"malformed email {email!r}, left out",
                )
            )
            email = ""
        if email:
            person["email"] = email
        else:
            person.pop("email", None)
        if person:
            people.append(person)
    return people


def _temporal(entries: Any, warnings: list[str]) -> list[dict[str, str]]:
    periods = []
    for entry in entries or []:
        period = {
            bound: _date(entry.get(bound), f"temporal {bound}", warnings)
            for bound in ("start", "end")
        }
        period = {k: v for k, v in period.items() if v}
        if period:
            periods.append(period)
    return periods


def _resources(entries: Any) -> list[dict[str, Any]]:
    resources = []
    for entry in entries or []:
        resource = {
            "url": _text(entry.get("url")),
            "name": _text(entry.get("name")),
            "description": _text(entry.get("description")),
            "format": _text(entry.get("format")),
        }
        if entry.get("komponen_data"):
            resource["komponen_data"] = entry["komponen_data"]
        resources.append({k: v for k, v in resource.items() if v})
    return resources


def _list(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [_text(v) for v in values if _text(v)]


def _drop_links(resources: list[dict[str, Any]], warnings: list[str]) -> None:
    if any(resource.pop("url", None) for resource in resources):
        warnings.append(
            bilingual(
                "Dataset tertutup: tautan sumber daya tidak disimpan",
                "closed (tertutup) dataset: its resource links were not kept",
            )
        )


def jakarta_package(record: dict[str, Any]) -> Mapped:
    """Normalise a record already in Jakarta field names into a dataset dict."""
    title = _text(record.get("title"))
    if not title:
        raise RecordError(
            bilingual("Rekaman tanpa judul", "the record has no title")
            + f": {record.get('identifier') or '?'}"
        )
    warnings: list[str] = []
    package: dict[str, Any] = {"title": title}
    package.update(
        {k: record[k] for k in PLAIN_FIELDS if record.get(k) not in (None, "")}
    )
    package.update({k: _list(record[k]) for k in LIST_FIELDS if record.get(k)})
    package["notes"] = package.get("notes") or title
    package["klasifikasi"] = klasifikasi(record.get("access_rights"), warnings)
    package["tags"] = [
        {"name": t} for t in tags.clean_tags(record.get("keywords") or [])
    ]
    topics = topik.match_topics(record.get("themes") or [])
    warnings += topics.problems
    package["groups"] = [{"name": name} for name in topics.names]
    package["license_id"] = _license(record.get("licenses") or [], warnings)
    package["frequency"] = _frequency(record.get("frequency"), warnings)
    package["cakupan_wilayah"] = _areas(record.get("areas") or [], warnings)
    package["temporal_coverage"] = _temporal(record.get("temporal_coverage"), warnings)
    package["contact"] = _people(record.get("contact"), warnings)
    package["publisher"] = _people(record.get("publisher"), warnings)
    for field in ("issued", "modified"):
        package[field] = _date(record.get(field), field, warnings)
    if record.get("tahun_data"):
        package["tahun_data"] = _text(record["tahun_data"])
    package["resources"] = _resources(record.get("resources"))
    if package["klasifikasi"] == "tertutup":
        _drop_links(package["resources"], warnings)
    return Mapped(
        {k: v for k, v in package.items() if v not in (None, "", [])}, warnings
    )
