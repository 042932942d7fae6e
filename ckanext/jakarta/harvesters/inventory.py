"""``jakarta_inventory``: an OPD's dataset inventory spreadsheet (CSV or XLSX).

One row per dataset. The source config maps the sheet's column headings to
Jakarta fields (``columns``); the header is the first row, among the first
twenty, that holds the heading mapped to ``title``. A row's guid is its
mapped ``identifier``, else its title normalised (case, spacing and
punctuation ignored).

Spreadsheets are read as data only: an XLSX formula gives the value Excel
saved with it and is never evaluated; a file is no larger than the fetch
size limit, and an XLSX may not unpack to more than that limit either.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import zipfile
from collections.abc import Callable, Iterator
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from ckanext.jakarta import config
from ckanext.jakarta.harvesters.base import (
    JakartaHarvester,
    Mapped,
    Record,
    RecordError,
    stable_guid,
)
from ckanext.jakarta.harvesters.http import Fetched, FetchError, fetch
from ckanext.jakarta.harvesters.mapping import jakarta_package
from ckanext.jakarta.logic.validators import CLASSIFICATIONS, bilingual
from ckanext.jakarta.normalize import dates

log = logging.getLogger(__name__)

# Jakarta fields a column can be mapped to.
FIELDS = (
    "title",
    "notes",
    "identifier",
    "url",
    "keywords",
    "themes",
    "frequency",
    "access_rights",
    "licenses",
    "areas",
    "issued",
    "modified",
    "temporal_start",
    "temporal_end",
    "tahun_data",
    "satuan",
    "sumber_data",
    "contact_name",
    "contact_email",
    "publisher",
    "resource_url",
    "resource_format",
)
DATE_FIELDS = ("issued", "modified", "temporal_start", "temporal_end")
URL_FIELDS = ("url", "resource_url")
LINK = re.compile(r"^https?://\S+$", re.IGNORECASE)
PLAIN_FIELDS = (
    "title",
    "notes",
    "identifier",
    "frequency",
    "tahun_data",
    "satuan",
    "sumber_data",
)
# Classification words of inventories (Jakarta's own, English ones such as
# Washington DC's) to klasifikasi. Data an OPD shares only inside the
# government is terbatas; confidential data is tertutup.
KLASIFIKASI = {
    "terbuka": "terbuka",
    "publik": "terbuka",
    "open": "terbuka",
    "public": "terbuka",
    "terbatas": "terbatas",
    "restricted": "terbatas",
    "internal": "terbatas",
    "for district government use": "terbatas",
    "public not proactively released": "terbatas",
    "tertutup": "tertutup",
    "dikecualikan": "tertutup",
    "rahasia": "tertutup",
    "confidential": "tertutup",
    "restricted confidential": "tertutup",
    "non-public": "tertutup",
}
DEFAULT_KLASIFIKASI = "tertutup"
HEADER_ROWS = 20
DELIMITERS = ",;\t|"
XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"
WRONG_DOCUMENTS = (
    (
        XLS_MAGIC,
        "Berkas .xls (Excel 97-2003) tidak didukung; simpan sebagai .xlsx atau .csv",
        "old .xls (Excel 97-2003) files are not supported; save it as .xlsx or .csv",
    ),
    (
        b"<",
        "Sumber menjawab HTML, bukan lembar kerja",
        "the source answered HTML, not a spreadsheet",
    ),
)


def _key(heading: Any) -> str:
    return " ".join(str(heading).split()).casefold() if heading is not None else ""


def _text(value: Any) -> str:
    return str(value).strip() if value not in (None, "") else ""


def title_guid(title: str) -> str:
    """The guid of a row without identifier: its title, case and spacing ignored."""
    return "-".join(re.findall(r"\w+", title.casefold()))


def _cell(value: Any) -> Any:
    """A cell as JSON: Excel dates through the date normaliser, 2.0 as 2."""
    if isinstance(value, dt.datetime | dt.date):
        parsed = dates.parse_date(value, spreadsheet=True)
        return parsed.iso() if parsed else None
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


# Reading the file


def _check_unpacked(book: zipfile.ZipFile, url: str) -> None:
    """Refuse a workbook that unpacks to more than the fetch size limit."""
    limit = config.harvest_max_bytes()
    size = sum(info.file_size for info in book.infolist())
    if size > limit:
        raise FetchError(
            bilingual(
                f"Lembar kerja {url!r} terurai menjadi {size} bita, melebihi batas "
                f"{limit} bita",
                f"the workbook at {url!r} unpacks to {size} bytes, more than the "
                f"{limit} byte limit",
            )
        )


def _open_workbook(fetched: Fetched) -> Any:
    """The workbook, read only and with formulas as their saved values."""
    try:
        with zipfile.ZipFile(io.BytesIO(fetched.content)) as archive:
            _check_unpacked(archive, fetched.url)
        return openpyxl.load_workbook(
            io.BytesIO(fetched.content), read_only=True, data_only=True
        )
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as error:
        raise RecordError(
            bilingual(
                f"Lembar kerja {fetched.url!r} rusak",
                f"the workbook at {fetched.url!r} is damaged: {error}",
            )
        ) from None


def _xlsx_rows(fetched: Fetched, sheet: str | None) -> list[list[Any]]:
    book = _open_workbook(fetched)
    try:
        if sheet and sheet not in book.sheetnames:
            names = ", ".join(book.sheetnames)
            raise RecordError(
                bilingual(
                    f"Lembar {sheet!r} tidak ada; yang ada: {names}",
                    f"no sheet {sheet!r}; the workbook has {names}",
                )
            )
        worksheet = book[sheet] if sheet else book.worksheets[0]
        rows = worksheet.iter_rows(values_only=True)
        return [[_cell(value) for value in row] for row in rows]
    finally:
        book.close()


def _decode(fetched: Fetched, warn: Callable[[str], None]) -> str:
    """The text in its declared charset, else UTF-8, else Windows-1252 (said so)."""
    for charset in filter(None, (fetched.charset, "utf-8-sig")):
        try:
            return fetched.content.decode(charset).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError):
            continue
    warn(
        bilingual(
            f"Berkas {fetched.url!r} bukan UTF-8 dan tidak menyebut charset; dibaca "
            "sebagai Windows-1252",
            f"the file at {fetched.url!r} is not UTF-8 and declares no charset; "
            "read as Windows-1252",
        )
    )
    return fetched.content.decode("cp1252", errors="replace")


def _delimiter(text: str) -> str:
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        header = sample.split("\n", 1)[0]
        return max(DELIMITERS, key=header.count)


def _csv_rows(fetched: Fetched, warn: Callable[[str], None]) -> list[list[Any]]:
    text = _decode(fetched, warn)
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    return [[cell.strip() for cell in row] for row in reader]


def _refuse_wrong_document(fetched: Fetched) -> None:
    head = fetched.content[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    for magic, indonesian, english in WRONG_DOCUMENTS:
        if head.startswith(magic):
            raise RecordError(bilingual(f"{indonesian}: {fetched.url!r}", english))


def read_rows(
    fetched: Fetched, sheet: str | None, warn: Callable[[str], None]
) -> list[list[Any]]:
    """The rows of a CSV or XLSX document, told apart by their first bytes."""
    if fetched.content.startswith(XLSX_MAGIC):
        return _xlsx_rows(fetched, sheet)
    _refuse_wrong_document(fetched)
    return _csv_rows(fetched, warn)


# Rows to records


def _header(
    rows: list[list[Any]], columns: dict[str, str]
) -> tuple[int, dict[str, int]]:
    """The header row's index and each mapped field's column in it."""
    wanted = _key(columns["title"])
    for index, row in enumerate(rows[:HEADER_ROWS]):
        # Reversed, so that the first of two equal headings wins.
        headings = {_key(cell): i for i, cell in reversed(list(enumerate(row)))}
        if wanted in headings:
            found = {f: headings.get(_key(h)) for f, h in columns.items()}
            return index, {f: i for f, i in found.items() if i is not None}
    first = ", ".join(_text(cell) for cell in rows[0] if _text(cell)) if rows else ""
    raise RecordError(
        bilingual(
            f"Kolom judul {columns['title']!r} tidak ditemukan di "
            f"{HEADER_ROWS} baris pertama",
            f"no header with the title column {columns['title']!r} in the first "
            f"{HEADER_ROWS} rows; the first row has: {first or '(nothing)'}",
        )
    )


def _values(row: list[Any], positions: dict[str, int]) -> dict[str, Any]:
    values = {f: row[i] if i < len(row) else None for f, i in positions.items()}
    return {f: v for f, v in values.items() if v not in (None, "")}


def _guid(values: dict[str, Any]) -> str:
    identifier = _text(values.get("identifier"))
    return stable_guid(identifier) if identifier else title_guid(values["title"])


# Records to Jakarta datasets


def _klasifikasi(value: Any, source_config: dict[str, Any], warnings: list[str]) -> str:
    own = source_config.get("klasifikasi") or {}
    table = {**KLASIFIKASI, **{_key(word): k for word, k in own.items()}}
    word = _key(value)
    if not word:
        return source_config.get("default_klasifikasi", DEFAULT_KLASIFIKASI)
    if word in table:
        return table[word]
    warnings.append(
        bilingual(
            f"Klasifikasi tidak dikenal {value!r}; dianggap tertutup",
            f"unknown classification {value!r}; taken as tertutup (closed)",
        )
    )
    return "tertutup"


def _spreadsheet_date(value: Any) -> Any:
    """An ISO date for a date or Excel serial; anything else as it is."""
    try:
        parsed = dates.parse_date(value, spreadsheet=True)
    except dates.AmbiguousDate:
        return value
    return parsed.iso() if parsed else value


def _link(content: dict[str, Any], field: str, warnings: list[str]) -> str | None:
    """A field holding one http(s) URL; other text (N/A, notes) is left out."""
    value = _text(content.get(field))
    if not value or LINK.match(value):
        return value or None
    warnings.append(
        bilingual(
            f"{field}: bukan URL {value!r}, dilewati",
            f"{field}: not a URL {value!r}, left out",
        )
    )
    return None


def _keywords(value: Any, separator: str | None) -> list[str]:
    text = _text(value)
    return text.split(separator) if separator else [text]


def to_record(
    content: dict[str, Any], source_config: dict[str, Any], warnings: list[str]
) -> dict[str, Any]:
    """Rename one inventory row to Jakarta field names."""
    get = content.get
    when = {f: _spreadsheet_date(get(f)) for f in DATE_FIELDS if get(f) is not None}
    links = {f: _link(content, f, warnings) for f in URL_FIELDS}
    record = {f: _text(get(f)) for f in PLAIN_FIELDS}
    record.update(
        url=links["url"],
        keywords=_keywords(get("keywords"), source_config.get("keyword_separator")),
        themes=_keywords(get("themes"), source_config.get("theme_separator")),
        access_rights=_klasifikasi(get("access_rights"), source_config, warnings),
        licenses=[get("licenses")],
        areas=re.split(r"[;,\n]", _text(get("areas"))),
        issued=when.get("issued"),
        modified=when.get("modified"),
        temporal_coverage=[
            {"start": when.get("temporal_start"), "end": when.get("temporal_end")}
        ],
        contact=[{"name": get("contact_name"), "email": get("contact_email")}]
        if get("contact_name") or get("contact_email")
        else [],
        publisher=[{"name": get("publisher")}] if get("publisher") else [],
        resources=[
            {
                "url": links["resource_url"],
                "name": get("title"),
                "format": get("resource_format"),
            }
        ]
        if links["resource_url"]
        else [],
    )
    return record


def _config_error(indonesian: str, english: str) -> ValueError:
    return ValueError(bilingual(indonesian, english))


def _check_columns(columns: Any) -> None:
    if not isinstance(columns, dict) or not isinstance(columns.get("title"), str):
        raise _config_error(
            'columns wajib: objek {"title": "<judul kolom>", ...}',
            'columns is required: an object {"title": "<column heading>", ...}',
        )
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        raise _config_error(
            f"Kolom untuk bidang tidak dikenal: {', '.join(unknown)}",
            f"columns maps unknown fields: {', '.join(unknown)}; known are "
            f"{', '.join(FIELDS)}",
        )
    if not all(isinstance(h, str) and h.strip() for h in columns.values()):
        raise _config_error(
            "Setiap judul kolom harus teks", "every column heading must be text"
        )


def _check_klasifikasi(parsed: dict[str, Any]) -> None:
    table = parsed.get("klasifikasi", {})
    values = list(table.values()) if isinstance(table, dict) else [None]
    values.append(parsed.get("default_klasifikasi", DEFAULT_KLASIFIKASI))
    if any(value not in CLASSIFICATIONS for value in values):
        raise _config_error(
            "klasifikasi dan default_klasifikasi: terbuka, terbatas atau tertutup",
            "klasifikasi values and default_klasifikasi must be terbuka, "
            "terbatas or tertutup",
        )


class JakartaInventoryHarvester(JakartaHarvester):
    """Harvests an OPD's dataset inventory, a CSV or XLSX sheet at a URL."""

    name = "jakarta_inventory"
    title = "Inventaris dataset OPD (CSV/XLSX)"
    description = (
        "Lembar inventaris dataset sebuah OPD, satu baris per dataset / an OPD's "
        "dataset inventory spreadsheet, one row per dataset"
    )
    config_keys = (
        "columns",
        "sheet",
        "keyword_separator",
        "theme_separator",
        "klasifikasi",
        "default_klasifikasi",
    )

    def validate_config(self, source_config: str | None) -> str | None:
        if not source_config:
            raise _config_error(
                'Konfigurasi wajib memetakan kolom, mis. {"columns": {"title": '
                '"Nama Dataset"}}',
                'the config must map the columns, e.g. {"columns": {"title": '
                '"Nama Dataset"}}',
            )
        return super().validate_config(source_config)

    def _check_config(self, parsed: Any) -> None:
        super()._check_config(parsed)
        _check_columns(parsed.get("columns"))
        _check_klasifikasi(parsed)
        for key in ("sheet", "keyword_separator", "theme_separator"):
            if key in parsed and not (isinstance(parsed[key], str) and parsed[key]):
                raise _config_error(
                    f"{key} harus teks tidak kosong", f"{key} must be non-empty text"
                )

    def _warn_missing(self, columns: dict[str, str], found: dict[str, int]) -> None:
        for field in sorted(set(columns) - set(found)):
            self.warn(
                bilingual(
                    f"Kolom {columns[field]!r} ({field}) tidak ada di lembar; "
                    "bidang ini dikosongkan",
                    f"column {columns[field]!r} ({field}) is not in the sheet; "
                    "the field is left empty",
                )
            )

    def records(self, url: str, source_config: dict[str, Any]) -> Iterator[Record]:
        columns = source_config.get("columns") or {}
        try:
            _check_columns(columns)
        except ValueError as error:
            raise RecordError(str(error)) from None
        rows = read_rows(fetch(url), source_config.get("sheet"), self.warn)
        log.debug("Read %s rows from %s", len(rows), url)
        header, positions = _header(rows, columns)
        self._warn_missing(columns, positions)
        for number, row in enumerate(rows[header + 1 :], start=header + 2):
            values = _values(row, positions)
            if not any(_text(cell) for cell in row):
                continue
            if not _text(values.get("title")):
                self.warn(
                    bilingual(
                        f"Baris {number} tanpa judul dilewati",
                        f"row {number} has no title and was skipped",
                    )
                )
                continue
            yield Record(_guid(values), values)

    def to_package(
        self, content: dict[str, Any], source_config: dict[str, Any]
    ) -> Mapped:
        warnings: list[str] = []
        mapped = jakarta_package(to_record(content, source_config, warnings))
        mapped.warnings[:0] = warnings
        return mapped
