"""Jakarta reference data (areas, frequencies, OPDs, topics, themes, licences).

The data live in CSV files next to this module (see ``SOURCES.md``); each file is
read once, on first use, and the accessors hand out read-only views.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import re
import unicodedata
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

LEVELS = ("provinsi", "kota", "kecamatan", "kelurahan")
PROVINCE_CODE = "31"
EU_FREQUENCY_BASE = "http://publications.europa.eu/resource/authority/frequency/"

_EU_FREQUENCY_URI = re.compile(
    r"^https?://publications\.europa\.eu/resource/authority/frequency/(\w+)/?$",
    re.IGNORECASE,
)


@dataclasses.dataclass(frozen=True)
class Area:
    """One Kemendagri administrative area."""

    code: str
    name: str
    parent_code: str | None
    level: str


@dataclasses.dataclass(frozen=True)
class Frequency:
    """One update frequency with its EU authority URI."""

    key: str
    uri: str
    label_id: str
    label_en: str
    iso8601: str | None


@dataclasses.dataclass(frozen=True)
class Opd:
    """One organization of the OPD registry."""

    slug: str
    name: str
    acronym: str
    acronym_source: str
    type: str
    name_verified: bool
    sources: str
    parent_slug: str | None
    wilayah_code: str | None


@dataclasses.dataclass(frozen=True)
class Topic:
    """One portal topic (a CKAN group) with its EU data theme."""

    name: str
    title_id: str
    title_en: str
    eu_theme_uri: str


@dataclasses.dataclass(frozen=True)
class EuTheme:
    """One concept of the EU data-theme authority table."""

    code: str
    uri: str
    label_id: str
    label_en: str


@dataclasses.dataclass(frozen=True)
class OpdType:
    """One kind of OPD (jenis OPD) and the registry rows it stands for."""

    key: str
    label_id: str
    label_en: str
    registry_type: str
    name_prefix: str


def _read_csv(filename: str) -> tuple[dict[str, str], ...]:
    """Read one packaged CSV file into a tuple of row dicts."""
    source = resources.files(__name__).joinpath(filename)
    with source.open("r", encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def _name_key(text: str) -> str:
    """Reduce a name to lowercase ASCII letters and digits for matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]", "", stripped.casefold())


# Areas


@functools.cache
def areas() -> Mapping[str, Area]:
    """Return every area keyed by its dotted code, province first."""
    result = {
        row["code"]: Area(
            code=row["code"],
            name=row["name"],
            parent_code=row["parent_code"] or None,
            level=row["level"],
        )
        for row in _read_csv("wilayah.csv")
    }
    return MappingProxyType(result)


def area(code: str) -> Area | None:
    """Return the area with this dotted code, or None."""
    return areas().get(code)


def ancestors(code: str) -> list[str]:
    """Return the code itself and its parents up to the province; [] if unknown."""
    chain: list[str] = []
    current = area(code)
    while current is not None:
        chain.append(current.code)
        current = area(current.parent_code) if current.parent_code else None
    return chain


@functools.cache
def _children_index() -> Mapping[str, tuple[str, ...]]:
    """Map each parent code to the codes of its direct children."""
    index: dict[str, list[str]] = {}
    for item in areas().values():
        if item.parent_code:
            index.setdefault(item.parent_code, []).append(item.code)
    return MappingProxyType({key: tuple(value) for key, value in index.items()})


def children(code: str) -> list[str]:
    """Return the codes of the areas directly under this code."""
    return list(_children_index().get(code, ()))


@functools.cache
def wilayah_aliases() -> tuple[tuple[str, str], ...]:
    """Return the (alias, code) rows of the area alias table."""
    return tuple(
        (row["alias"], row["code"]) for row in _read_csv("wilayah_aliases.csv")
    )


@functools.cache
def _area_name_index() -> Mapping[str, frozenset[str]]:
    """Map each name key (names and aliases) to every code it may denote."""
    index: dict[str, set[str]] = {}
    pairs = [(item.name, item.code) for item in areas().values()]
    for text, code in [*pairs, *wilayah_aliases()]:
        index.setdefault(_name_key(text), set()).add(code)
    return MappingProxyType({key: frozenset(value) for key, value in index.items()})


def area_candidates(
    text: str, *, level: str | None = None, within: str | None = None
) -> tuple[str, ...]:
    """Return every code whose name or alias matches text, sorted.

    ``level`` keeps only areas of that level; ``within`` keeps only areas at or
    under that code.
    """
    codes = _area_name_index().get(_name_key(text), frozenset())
    if level is not None:
        codes = frozenset(code for code in codes if areas()[code].level == level)
    if within is not None:
        codes = frozenset(code for code in codes if within in ancestors(code))
    return tuple(sorted(codes))


def area_by_name(
    text: str, *, level: str | None = None, within: str | None = None
) -> str | None:
    """Return the one code a name or alias denotes; None if unknown or ambiguous."""
    codes = area_candidates(text, level=level, within=within)
    return codes[0] if len(codes) == 1 else None


# Frequencies


@functools.cache
def frequencies() -> Mapping[str, Frequency]:
    """Return every update frequency keyed by its Indonesian key."""
    result = {
        row["key"]: Frequency(
            key=row["key"],
            uri=row["uri"],
            label_id=row["label_id"],
            label_en=row["label_en"],
            iso8601=row["iso8601"] or None,
        )
        for row in _read_csv("frequency.csv")
    }
    return MappingProxyType(result)


@functools.cache
def _frequency_by_code() -> Mapping[str, Frequency]:
    """Map each EU authority code (e.g. ``ANNUAL_2``) to its frequency."""
    result = {item.uri.rsplit("/", 1)[-1]: item for item in frequencies().values()}
    return MappingProxyType(result)


def frequency(key_or_uri: str) -> Frequency | None:
    """Return the frequency with this key or EU authority URI (http or https)."""
    match = _EU_FREQUENCY_URI.match(key_or_uri.strip())
    if match:
        return _frequency_by_code().get(match.group(1).upper())
    return frequencies().get(key_or_uri.strip())


@functools.cache
def frequency_aliases() -> Mapping[str, str]:
    """Return the frequency alias table, alias as written to key."""
    rows = _read_csv("frequency_aliases.csv")
    return MappingProxyType({row["alias"]: row["key"] for row in rows})


# OPDs and topics


def _opd_from_row(row: dict[str, str]) -> Opd:
    """Build an Opd from one registry row."""
    return Opd(
        slug=row["slug"],
        name=row["name"],
        acronym=row["acronym"],
        acronym_source=row["acronym_source"],
        type=row["type"],
        name_verified=row["name_verified"] == "yes",
        sources=row["sources"],
        parent_slug=row["parent_slug"] or None,
        wilayah_code=row["wilayah_code"] or None,
    )


@functools.cache
def opds() -> Mapping[str, Opd]:
    """Return the organizations of the OPD registry keyed by slug.

    Registry rows without a slug describe a group of units, not one
    organization, and are left out.
    """
    rows = [row for row in _read_csv("opd.csv") if row["slug"]]
    return MappingProxyType({row["slug"]: _opd_from_row(row) for row in rows})


def opd(slug: str) -> Opd | None:
    """Return the registry organization with this slug, or None."""
    return opds().get(slug)


@functools.cache
def topics() -> Mapping[str, Topic]:
    """Return the portal topics keyed by group name."""
    result = {row["name"]: Topic(**row) for row in _read_csv("topik.csv")}
    return MappingProxyType(result)


@functools.cache
def topic_aliases() -> Mapping[str, str]:
    """Return the topic alias table, alias as written to group name."""
    rows = _read_csv("topik_aliases.csv")
    return MappingProxyType({row["alias"]: row["name"] for row in rows})


@functools.cache
def eu_themes() -> Mapping[str, EuTheme]:
    """Return the EU data themes keyed by their authority URI."""
    result = {row["uri"]: EuTheme(**row) for row in _read_csv("eu_theme.csv")}
    return MappingProxyType(result)


@functools.cache
def opd_types() -> Mapping[str, OpdType]:
    """Return the kinds of OPD keyed by their short key."""
    result = {row["key"]: OpdType(**row) for row in _read_csv("jenis_opd.csv")}
    return MappingProxyType(result)


def opd_type_of(item: Opd) -> str | None:
    """Return the key of the kind of this registry OPD, or None if unmapped."""
    for kind in opd_types().values():
        if kind.registry_type == item.type and item.name.startswith(kind.name_prefix):
            return kind.key
    return None


# Licences


@functools.cache
def license_aliases() -> Mapping[str, str]:
    """Return the licence alias table, alias as written to CKAN licence id."""
    rows = _read_csv("licenses.csv")
    return MappingProxyType({row["alias"]: row["license_id"] for row in rows})
