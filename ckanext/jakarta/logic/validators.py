"""Validators of the Jakarta metadata schemas.

Every message names the problem in Indonesian and then in English, because
the portal's data officers read both and CKAN's core catalog for ``id`` is
mostly untranslated.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import ckan.plugins.toolkit as tk
from ckan import model
from ckan.types import Context, FlattenDataDict, FlattenErrorDict, FlattenKey

from ckanext.jakarta import vocab
from ckanext.jakarta.normalize import dates, frequency

__all__ = [
    "jakarta_classification_rules",
    "jakarta_data_dictionary",
    "jakarta_email",
    "jakarta_emails",
    "jakarta_frequency",
    "jakarta_klasifikasi",
    "jakarta_parent_opd",
    "jakarta_partial_date",
    "jakarta_temporal_order",
    "jakarta_wilayah_code",
    "jakarta_wilayah_codes",
    "jakarta_year",
]

# Ordered from most open to most closed: a column may not be more open than
# the dataset it belongs to.
CLASSIFICATIONS = ("terbuka", "terbatas", "tertutup")
FIRST_YEAR = 1800
COLUMN_TYPES = ("string", "integer", "number", "boolean", "date", "datetime", "other")


def bilingual(indonesian: str, english: str) -> str:
    """Join the Indonesian and English versions of one message."""
    return f"{indonesian} / {english}"


def _rank(classification: str) -> int:
    return CLASSIFICATIONS.index(classification)


def _earliest(date: dates.PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month or 1, date.day or 1)


def _latest(date: dates.PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month or 12, date.day or 31)


# Field validators


def jakarta_klasifikasi(value: Any, context: Context) -> Any:
    """Accept terbuka, terbatas or tertutup (case-insensitive), stored lowercase."""
    text = str(value or "").strip().lower()
    if text not in CLASSIFICATIONS:
        raise tk.Invalid(
            bilingual(
                f"Klasifikasi tidak dikenal: {value!r}; pilih terbuka, terbatas "
                "atau tertutup",
                f"unknown classification {value!r}; choose terbuka (open), "
                "terbatas (restricted) or tertutup (closed)",
            )
        )
    return text


def jakarta_email(value: Any, context: Context) -> Any:
    """Reject a malformed email address."""
    if not value:
        return value
    try:
        return tk.get_validator("email_validator")(value.strip(), context)
    except tk.Invalid:
        raise tk.Invalid(
            bilingual(
                f"Alamat surel tidak valid: {value!r}",
                f"malformed email address: {value!r}",
            )
        ) from None


def jakarta_frequency(value: Any, context: Context) -> Any:
    """Store a known frequency as its EU authority URI."""
    if not value:
        return value
    uri = frequency.to_frequency_uri(value)
    if uri is None:
        raise tk.Invalid(
            bilingual(
                f"Frekuensi tidak dikenal: {value!r}",
                f"unknown frequency: {value!r}",
            )
        )
    return uri


def _as_list(value: Any, separators: str = ",") -> list[str]:
    """A list given as a list, a JSON list, or text split at separators (a regex)."""
    if isinstance(value, list):
        return [str(item).strip() for item in value if str(item).strip()]
    text = str(value).strip()
    if text.startswith("["):
        try:
            loaded = json.loads(text)
        except ValueError:
            loaded = None
        if isinstance(loaded, list):
            return _as_list(loaded)
    return [part.strip() for part in re.split(separators, text) if part.strip()]


def _wilayah_error(code: str) -> str:
    digits = code.replace(".", "")
    if digits.isdigit() and not digits.startswith(vocab.PROVINCE_CODE):
        return bilingual(
            f"Kode wilayah {code!r} bukan wilayah Provinsi DKI Jakarta (31)",
            f"area code {code!r} is from another province, not DKI Jakarta (31)",
        )
    return bilingual(
        f"Kode wilayah tidak dikenal: {code!r}",
        f"unknown area code: {code!r}",
    )


def jakarta_wilayah_codes(value: Any, context: Context) -> Any:
    """Keep a list of known Kemendagri codes of DKI Jakarta, as JSON."""
    if value in (None, "", []):
        return value
    codes = _as_list(value)
    unknown = [code for code in codes if vocab.area(code) is None]
    if unknown:
        raise tk.Invalid("; ".join(_wilayah_error(code) for code in unknown))
    return json.dumps(list(dict.fromkeys(codes)))


def jakarta_wilayah_code(value: Any, context: Context) -> Any:
    """Accept one known Kemendagri code of DKI Jakarta."""
    if value in (None, ""):
        return value
    code = str(value).strip()
    if vocab.area(code) is None:
        raise tk.Invalid(_wilayah_error(code))
    return code


def _addresses(value: Any) -> list[str]:
    return _as_list(value, r"[,;\s]+")


def _is_email(address: str, context: Context) -> bool:
    try:
        tk.get_validator("email_validator")(address, context)
    except tk.Invalid:
        return False
    return True


def jakarta_emails(value: Any, context: Context) -> Any:
    """Keep one or more well-formed email addresses as a JSON list."""
    if value in (None, "", []):
        return value
    addresses = list(dict.fromkeys(_addresses(value)))
    bad = ", ".join(repr(a) for a in addresses if not _is_email(a, context))
    if bad:
        raise tk.Invalid(
            bilingual(
                f"Alamat surel tidak valid: {bad}",
                f"malformed email address: {bad}",
            )
        )
    return json.dumps(addresses)


def jakarta_partial_date(value: Any, context: Context) -> Any:
    """Store a date as ISO 8601 at the precision given: 2023, 2023-08 or 2023-08-17."""
    if not value:
        return value
    try:
        parsed = dates.parse_date(value, dayfirst=True)
    except dates.AmbiguousDate as error:
        raise tk.Invalid(str(error)) from None
    if parsed is None:
        raise tk.Invalid(
            bilingual(
                f"Tanggal tidak dapat dibaca: {value!r} (gunakan mis. 2024, "
                "2024-08 atau 2024-08-17)",
                f"unreadable date: {value!r} (use e.g. 2024, 2024-08 or 2024-08-17)",
            )
        )
    return parsed.iso()


def jakarta_year(value: Any, context: Context) -> Any:
    """Accept a four-digit year from 1800 to next year."""
    if value in (None, ""):
        return value
    last = dt.date.today().year + 1
    text = str(value).strip()
    if not (text.isdigit() and FIRST_YEAR <= int(text) <= last):
        raise tk.Invalid(
            bilingual(
                f"Tahun di luar rentang {FIRST_YEAR}–{last}: {value!r}",
                f"year out of range {FIRST_YEAR}–{last}: {value!r}",
            )
        )
    return text


def _column_errors(index: int, column: Any) -> list[str]:
    if not isinstance(column, dict) or not str(column.get("nama") or "").strip():
        return [
            bilingual(
                f"Kolom ke-{index + 1} harus berupa objek dengan 'nama'",
                f"column {index + 1} must be an object with a 'nama' (name)",
            )
        ]
    name = column["nama"]
    problems = []
    if column.get("tipe") and column["tipe"] not in COLUMN_TYPES:
        problems.append(
            bilingual(
                f"Tipe kolom {name!r} tidak dikenal: {column['tipe']!r}",
                f"unknown type {column['tipe']!r} for column {name!r}; "
                f"use one of {', '.join(COLUMN_TYPES)}",
            )
        )
    klasifikasi = column.get("klasifikasi")
    if klasifikasi and klasifikasi not in CLASSIFICATIONS:
        problems.append(
            bilingual(
                f"Klasifikasi kolom {name!r} tidak dikenal: {klasifikasi!r}",
                f"unknown classification {klasifikasi!r} for column {name!r}",
            )
        )
    return problems


def jakarta_data_dictionary(value: Any, context: Context) -> Any:
    """Accept a list of column descriptions (JSON or list), stored as JSON."""
    if value in (None, "", []):
        return value
    columns = value
    if isinstance(value, str):
        try:
            columns = json.loads(value)
        except ValueError as error:
            raise tk.Invalid(
                bilingual(
                    f"Kamus data bukan JSON yang valid: {error}",
                    f"the data dictionary is not valid JSON: {error}",
                )
            ) from None
    if not isinstance(columns, list):
        raise tk.Invalid(
            bilingual(
                "Kamus data harus berupa daftar kolom",
                "the data dictionary must be a list of columns",
            )
        )
    problems = [p for i, col in enumerate(columns) for p in _column_errors(i, col)]
    if problems:
        raise tk.Invalid("; ".join(problems))
    return json.dumps(columns, ensure_ascii=False)


# Organization fields that look at other organizations


def _own_references(data: FlattenDataDict, context: Context) -> set[str]:
    """The id and names the organization being saved goes by."""
    group = context.get("group")
    found = [data.get(("id",)), data.get(("name",))]
    if group is not None:
        found += [group.id, group.name]
    return {item for item in found if isinstance(item, str) and item}


def _ancestry(parent: model.Group) -> set[str]:
    """The ids and names of an organization and of every OPD above it."""
    seen: set[str] = set()
    current: model.Group | None = parent
    while current is not None and current.id not in seen:
        seen |= {current.id, current.name}
        above = (current.extras or {}).get("parent_opd")
        current = model.Group.get(above) if above else None
    return seen


def _parent_error(value: str, data: FlattenDataDict, context: Context) -> str | None:
    parent = model.Group.get(value)
    if parent is None or not parent.is_organization or parent.state != "active":
        return bilingual(
            f"OPD induk tidak ditemukan: {value!r}",
            f"no such parent organization: {value!r}",
        )
    own = _own_references(data, context)
    if own & {parent.id, parent.name}:
        return bilingual(
            "OPD tidak dapat menjadi induk bagi dirinya sendiri",
            "an organization cannot be its own parent",
        )
    if own & _ancestry(parent):
        return bilingual(
            f"{value!r} berada di bawah OPD ini; induk tidak boleh melingkar",
            f"{value!r} sits under this organization; parents cannot form a loop",
        )
    return None


def jakarta_parent_opd(
    key: FlattenKey,
    data: FlattenDataDict,
    errors: FlattenErrorDict,
    context: Context,
) -> None:
    """Keep the parent OPD as the name of another existing organization."""
    value = data.get(key)
    if not isinstance(value, str) or not value.strip() or errors.get(key):
        return
    problem = _parent_error(value.strip(), data, context)
    if problem:
        errors[key].append(problem)
        return
    data[key] = model.Group.get(value.strip()).name


# Whole-dataset rules (scheming after_validators)


def _add_error(errors: FlattenErrorDict, key: FlattenKey, message: str) -> None:
    errors.setdefault(key, []).append(message)


def _stored_resources(context: Context) -> list[dict[str, Any]]:
    """The resources an update keeps when the request does not send any."""
    package = context.get("package")
    if package is None:
        return []
    return [
        {"url": res.url, "komponen_data": (res.extras or {}).get("komponen_data")}
        for res in package.resources
    ]


def _resources(data: FlattenDataDict, context: Context) -> list[dict[str, Any]]:
    indexes = sorted({k[1] for k in data if k[0] == "resources" and len(k) == 3})
    if not any(key[0] == "resources" for key in data):
        return _stored_resources(context)
    return [
        {
            "url": data.get(("resources", i, "url")),
            "upload": data.get(("resources", i, "upload")),
            "komponen_data": data.get(("resources", i, "komponen_data")),
        }
        for i in indexes
    ]


def _column_level_errors(classification: str, raw: Any) -> list[str]:
    try:
        columns = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return []
    problems = []
    for column in columns if isinstance(columns, list) else []:
        level = column.get("klasifikasi") if isinstance(column, dict) else None
        if level not in CLASSIFICATIONS:
            continue
        name = column.get("nama")
        if _rank(level) < _rank(classification):
            problems.append(
                bilingual(
                    f"Kolom {name!r} ({level}) lebih terbuka daripada datasetnya "
                    f"({classification})",
                    f"column {name!r} is classified {level}, more openly than its "
                    f"dataset ({classification})",
                )
            )
        elif classification == "terbuka" and level == "tertutup":
            problems.append(
                bilingual(
                    f"Dataset terbuka tidak boleh memuat kolom tertutup {name!r}",
                    f"an open (terbuka) dataset cannot hold the closed column {name!r}",
                )
            )
    return problems


CLOSED_WITH_LINK = bilingual(
    "Dataset tertutup tidak boleh memiliki tautan atau berkas; hapus URL atau "
    "unggahannya",
    "a closed (tertutup) dataset cannot have links or files; remove the URL or upload",
)


def jakarta_classification_rules(
    key: FlattenKey,
    data: FlattenDataDict,
    errors: FlattenErrorDict,
    context: Context,
) -> None:
    """Make visibility and resources follow the dataset's klasifikasi.

    A dataset not classified terbuka is always private. A tertutup dataset
    carries no resource URL or upload. No column may be classified more openly
    than its dataset, and a terbuka dataset has no tertutup column.
    """
    classification = data.get(("klasifikasi",))
    if classification not in CLASSIFICATIONS or errors.get(("klasifikasi",)):
        return
    if classification != "terbuka":
        data[("private",)] = True
    sent = any(key[0] == "resources" for key in data)
    for index, resource in enumerate(_resources(data, context)):
        # Stored resources the request did not send are reported on the
        # classification, the field the officer just changed.
        url_key = ("resources", index, "url") if sent else ("klasifikasi",)
        columns_key = ("resources", index, "komponen_data") if sent else url_key
        if classification == "tertutup" and (resource["url"] or resource.get("upload")):
            _add_error(errors, url_key, CLOSED_WITH_LINK)
        for problem in _column_level_errors(classification, resource["komponen_data"]):
            _add_error(errors, columns_key, problem)


def jakarta_temporal_order(
    key: FlattenKey,
    data: FlattenDataDict,
    errors: FlattenErrorDict,
    context: Context,
) -> None:
    """Reject a temporal coverage whose end comes before its start."""
    periods = {k[1] for k in data if k[0] == "temporal_coverage" and len(k) == 3}
    for index in periods:
        start = data.get(("temporal_coverage", index, "start"))
        end = data.get(("temporal_coverage", index, "end"))
        if not (start and end) or errors.get(("temporal_coverage", index, "end")):
            continue
        first, last = dates.parse_date(start), dates.parse_date(end)
        if first and last and _latest(last) < _earliest(first):
            _add_error(
                errors,
                ("temporal_coverage", index, "end"),
                bilingual(
                    f"Akhir periode ({end}) sebelum awalnya ({start})",
                    f"the period ends ({end}) before it starts ({start})",
                ),
            )
