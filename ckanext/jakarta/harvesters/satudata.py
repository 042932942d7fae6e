"""``jakarta_satudata``: the JSON backend of satudata.jakarta.go.id, one OPD a source.

The current Jakarta portal is not CKAN: its pages read an undocumented JSON
backend (research notes §1.5). A source is the portal's base URL plus the
``organisasi`` id of one OPD (``org8``). Gather searches that OPD's datasets
page by page, then asks the backend for each one's detail: its metadata and
its column dictionary (``komponen_data_table``). The guid is the dataset's
slug (``page_url``), which the portal keeps for the life of the dataset.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from ckanext.jakarta.harvesters.base import (
    JakartaHarvester,
    Mapped,
    Record,
    RecordError,
    stable_guid,
)
from ckanext.jakarta.harvesters.http import FetchError, fetch
from ckanext.jakarta.harvesters.mapping import jakarta_package
from ckanext.jakarta.harvesters.paging import Pages
from ckanext.jakarta.logic.validators import bilingual

log = logging.getLogger(__name__)

API = "backend/api/v2/satudata/"
# The parts of a detail answer the mapping reads. The rest (view counts, the
# first rows of the table) changes without the metadata changing.
DETAIL_FIELDS = (
    "title",
    "desc",
    "tag",
    "sumber_data",
    "frekuensi_penerbitan",
    "satuan",
    "klasifikasi_data",
    "kontak",
    "author",
    "cakupan",
    "updated_at",
    "komponen_data_table",
)
# The backend's column types (database and JSON names) to the data
# dictionary's; any other type becomes "other".
COLUMN_TYPES = {
    "text": "string",
    "string": "string",
    "varchar": "string",
    "character varying": "string",
    "char": "string",
    "integer": "integer",
    "int": "integer",
    "bigint": "integer",
    "smallint": "integer",
    "number": "number",
    "numeric": "number",
    "decimal": "number",
    "float": "number",
    "double": "number",
    "double precision": "number",
    "real": "number",
    "boolean": "boolean",
    "bool": "boolean",
    "date": "date",
    "datetime": "datetime",
    "timestamp": "datetime",
}
EXPORT_LINK = re.compile(r"/export-dataset/", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
AREA_SEPARATORS = re.compile(r"[;,\n]")


def _text(value: Any) -> str:
    return str(value).strip() if value not in (None, "") else ""


def _search_body(organisasi: str, page_no: int) -> dict[str, Any]:
    return {
        "q": "",
        "kategori": "all",
        "topik": "all",
        "organisasi": organisasi,
        "status": "all",
        "sort": "desc",
        "page_no": page_no,
        "lang": "id",
    }


def _detail_body(slug: str) -> dict[str, Any]:
    return {
        "kategori": "dataset",
        "page_url": slug,
        "data_no": 1,
        "per_page": 10,
        "table_params": {
            "page": 1,
            "per_page": 10,
            "sort_field": None,
            "sort_order": None,
            "filters": {},
        },
    }


def _post(url: str, body: dict[str, Any], label: str) -> Any:
    """POST a JSON body; the JSON answer, a UTF-8 BOM or not."""
    fetched = fetch(url, method="POST", json=body)
    text = fetched.text().lstrip("\ufeff")
    if fetched.content_type == "text/html" or text.lstrip().startswith("<"):
        raise RecordError(
            bilingual(
                f"{label} menjawab halaman HTML, bukan JSON (portal sedang "
                "pemeliharaan?); panen dihentikan",
                f"{label} answered an HTML page instead of JSON (is the portal "
                "under maintenance?); the job stopped",
            )
        )
    try:
        return json.loads(text)
    except ValueError as error:
        raise RecordError(
            bilingual(f"Jawaban {label} bukan JSON", f"{label} is not JSON: {error}")
        ) from None


def _search_page(answer: Any, label: str) -> tuple[list[Any], int]:
    """The items and the page count of a search answer, flat or in data.data."""
    data = answer.get("data") if isinstance(answer, dict) else None
    meta = data if isinstance(data, dict) else {}
    items = data if isinstance(data, list) else meta.get("data")
    if not isinstance(items, list):
        raise RecordError(
            bilingual(
                f"Jawaban {label} tidak memuat daftar dataset",
                f"the answer from {label} has no list of datasets",
            )
        )
    total = answer.get("total_page") or meta.get("total_page") or 0
    try:
        return items, int(total)
    except (TypeError, ValueError):
        return items, 0


def _slug(item: Any) -> str:
    """An item's slug: ``page_url``, else the last segment of ``url``."""
    if not isinstance(item, dict):
        return ""
    return _text(item.get("page_url") or item.get("url")).rstrip("/").rsplit("/")[-1]


def _export_link(detail: dict[str, Any], base: str) -> str | None:
    """The CSV export link a detail carries in any of its fields, if one."""
    for value in detail.values():
        if isinstance(value, str) and EXPORT_LINK.search(value):
            return urljoin(base, value.strip())
    return None


def _tags(value: Any) -> list[Any] | str:
    """Tags given as a list, a JSON string of a list, or plain text."""
    if isinstance(value, str) and value.strip().startswith("["):
        try:
            value = json.loads(value)
        except ValueError:
            return value.strip("[]")
    if isinstance(value, list):
        return [tag for tag in value if isinstance(tag, str | int | float)]
    return _text(value)


def _joined(value: Any) -> str:
    values = value if isinstance(value, list) else [value]
    return "; ".join(_text(v) for v in values if _text(v))


def _areas(value: Any) -> list[str]:
    if isinstance(value, str) and value.strip().startswith("["):
        value = _tags(value)
    values = value if isinstance(value, list) else AREA_SEPARATORS.split(_text(value))
    return [_text(v) for v in values if _text(v)]


def _contact(author: Any, kontak: Any) -> list[dict[str, str]]:
    emails = EMAIL.findall(_text(kontak))
    contact = {"name": _text(author), "email": emails[0] if emails else ""}
    return [contact] if any(contact.values()) else []


def _column(entry: dict[str, Any]) -> dict[str, str]:
    kind = _text(entry.get("tipe_data_komponen")).casefold()
    column = {
        "nama": _text(entry.get("header_komponen")),
        "tipe": COLUMN_TYPES.get(kind, "other"),
        "deskripsi": _text(entry.get("desc_komponen")),
    }
    return {k: v for k, v in column.items() if v}


def _columns(entries: Any) -> list[dict[str, str]]:
    if not isinstance(entries, list):
        return []
    return [
        _column(e) for e in entries if isinstance(e, dict) and e.get("header_komponen")
    ]


def _resource(content: dict[str, Any]) -> dict[str, Any]:
    if content.get("export_url"):
        resource = {"url": content["export_url"], "name": "Data CSV", "format": "CSV"}
    else:
        resource = {
            "url": content["landing_page"],
            "name": "Halaman dataset di Satu Data Jakarta",
            "format": "HTML",
        }
    resource["komponen_data"] = _columns(content.get("komponen_data_table"))
    return resource


def to_record(content: dict[str, Any]) -> dict[str, Any]:
    """Rename one satudata dataset (search item plus detail) to Jakarta fields."""
    return {
        "title": content.get("title"),
        "notes": content.get("desc"),
        "identifier": content.get("landing_page"),
        "url": content.get("landing_page"),
        "keywords": _tags(content.get("tag")),
        "frequency": content.get("frekuensi_penerbitan"),
        "access_rights": content.get("klasifikasi_data"),
        "satuan": _text(content.get("satuan")),
        "sumber_data": _joined(content.get("sumber_data")),
        "areas": _areas(content.get("cakupan")),
        "contact": _contact(content.get("author"), content.get("kontak")),
        "modified": content.get("updated_at"),
        "resources": [_resource(content)],
    }


class JakartaSatuDataHarvester(JakartaHarvester):
    """Harvests one OPD's datasets from satudata.jakarta.go.id's JSON backend."""

    name = "jakarta_satudata"
    title = "Satu Data Jakarta"
    description = (
        "Dataset satu OPD di satudata.jakarta.go.id (backend JSON) / one OPD's "
        "datasets on satudata.jakarta.go.id (its JSON backend)"
    )
    config_keys = ("organisasi",)

    def validate_config(self, source_config: str | None) -> str | None:
        if not source_config:
            raise ValueError(
                bilingual(
                    "Konfigurasi wajib menyebut organisasi, mis. "
                    '{"organisasi": "org8"}',
                    'the config must name the organisasi, e.g. {"organisasi": "org8"}',
                )
            )
        return super().validate_config(source_config)

    def _check_config(self, parsed: Any) -> None:
        super()._check_config(parsed)
        organisasi = parsed.get("organisasi")
        if not isinstance(organisasi, str) or not organisasi.strip():
            raise ValueError(
                bilingual(
                    "organisasi wajib diisi (id OPD di portal, mis. org8)",
                    "organisasi is required (the OPD's id on the portal, e.g. org8)",
                )
            )

    def _detail(self, base: str, slug: str) -> dict[str, Any] | None:
        url = urljoin(base, API + "detail")
        answer = _post(url, _detail_body(slug), f"{url} (page_url {slug})")
        data = answer.get("data") if isinstance(answer, dict) else None
        if isinstance(data, dict) and _text(data.get("title")):
            return data
        self.warn(
            bilingual(
                f"Detail dataset {slug!r} kosong; dataset dilewati",
                f"the detail of dataset {slug!r} is empty; the dataset was skipped",
            )
        )
        return None

    def _record(self, base: str, item: dict[str, Any]) -> Record | None:
        slug = _slug(item)
        detail = self._detail(base, slug)
        if detail is None:
            return None
        content = {k: detail.get(k) for k in DETAIL_FIELDS if detail.get(k)}
        content.setdefault("tag", item.get("tag"))
        content.update(
            slug=slug,
            landing_page=urljoin(base, f"open-data/{slug}"),
            export_url=_export_link(detail, base),
        )
        return Record(stable_guid(slug), content)

    def _items(self, base: str, organisasi: str) -> Iterator[dict[str, Any]]:
        """The search items of every page, until the page count the answers give."""
        url = urljoin(base, API + "search")
        pages, page_no, seen = Pages(f"{url}#page_no=1"), 0, set()
        for _page in pages:
            page_no += 1
            label = f"{url} (page_no {page_no})"
            answer = _post(url, _search_body(organisasi, page_no), label)
            items, total_page = _search_page(answer, label)
            log.debug("Search page %s of %s: %s items", page_no, total_page, len(items))
            slugs = {_slug(item) for item in items} - {""}
            repeated = bool(slugs) and slugs <= seen
            if repeated or (not items and 1 < page_no <= total_page):
                raise FetchError(
                    bilingual(
                        f"Halaman {page_no} dari {total_page} kosong atau berulang",
                        f"page {page_no} of {total_page} is empty or repeats an "
                        "earlier one; the job stopped",
                    )
                )
            seen |= slugs
            yield from items
            if page_no < total_page:
                pages.follow(f"{url}#page_no={page_no + 1}")

    def records(self, url: str, source_config: dict[str, Any]) -> Iterator[Record]:
        organisasi = _text(source_config.get("organisasi"))
        if not organisasi:
            raise RecordError(
                bilingual(
                    "Konfigurasi sumber tidak menyebut organisasi",
                    "the source config names no organisasi",
                )
            )
        base = url.rstrip("/") + "/"
        for index, item in enumerate(self._items(base, organisasi), start=1):
            if not _slug(item):
                self.warn(
                    bilingual(
                        f"Hasil pencarian ke-{index} tanpa page_url dilewati",
                        f"search result {index} has no page_url and was skipped",
                    )
                )
                continue
            record = self._record(base, item)
            if record is not None:
                yield record

    def to_package(
        self, content: dict[str, Any], source_config: dict[str, Any]
    ) -> Mapped:
        return jakarta_package(to_record(content))
