"""Namespaces, authority tables and portal URIs of the Jakarta DCAT-AP profile.

``authority.csv`` next to this module maps Jakarta and CKAN values to concepts
of the EU authority tables and the ADMS vocabularies (see ``SOURCES.md``).
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import re
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

from rdflib import Namespace, URIRef

from ckanext.dcat.utils import catalog_uri

CSVW = Namespace("http://www.w3.org/ns/csvw#")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
# Terms for the Satu Data concepts DCAT-AP has no property for (tahun data,
# data prioritas, jenis data). Fixed, so every Jakarta portal exports the same
# predicates whatever its host name.
JAKARTA = Namespace("https://data.jakarta.go.id/ns/dcat-ap#")

IANA_MEDIA_TYPES = "http://www.iana.org/assignments/media-types/"
EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
EU_DATA_THEME = URIRef(EU_AUTHORITY + "data-theme")

# Authority table: (base of its concept URIs, URI of the concept scheme).
TABLES = {
    "access-right": (EU_AUTHORITY + "access-right/", EU_AUTHORITY + "access-right"),
    "language": (EU_AUTHORITY + "language/", EU_AUTHORITY + "language"),
    "file-type": (EU_AUTHORITY + "file-type/", EU_AUTHORITY + "file-type"),
    "licence-type": (
        "http://purl.org/adms/licencetype/",
        "http://purl.org/adms/licencetype/1.0",
    ),
    "publisher-type": (
        "http://purl.org/adms/publishertype/",
        "http://purl.org/adms/publishertype/1.0",
    ),
}

# The portal's own SKOS vocabularies, served by ckanext.jakarta.dcat.views.
SCHEMES = ("wilayah", "opd", "topik")
_VOCAB_PATH = re.compile(r"/vocab/(wilayah|opd|topik)/([^/?#]+)$")


@dataclasses.dataclass(frozen=True)
class Concept:
    """One concept of an authority table, with the value it stands for."""

    table: str
    code: str
    value: str
    label_en: str

    @functools.cached_property
    def uri(self) -> URIRef:
        """The concept's URI."""
        return URIRef(TABLES[self.table][0] + self.code)

    @functools.cached_property
    def scheme(self) -> URIRef:
        """The URI of the concept scheme (the authority table)."""
        return URIRef(TABLES[self.table][1])


@functools.cache
def _concepts() -> tuple[Concept, ...]:
    source = resources.files(__name__.rsplit(".", 1)[0]).joinpath("authority.csv")
    with source.open("r", encoding="utf-8", newline="") as handle:
        return tuple(Concept(**row) for row in csv.DictReader(handle))


@functools.cache
def _by_value() -> Mapping[tuple[str, str], Concept]:
    index: dict[tuple[str, str], Concept] = {}
    for item in _concepts():
        index.setdefault((item.table, item.value.casefold()), item)
    return MappingProxyType(index)


@functools.cache
def _by_uri() -> Mapping[str, Concept]:
    index: dict[str, Concept] = {}
    for item in _concepts():
        index.setdefault(str(item.uri), item)
    return MappingProxyType(index)


def concept(table: str, value: str) -> Concept | None:
    """Return the concept of this table standing for value (case-insensitive)."""
    return _by_value().get((table, value.strip().casefold()))


def concept_at(uri: str) -> Concept | None:
    """Return the concept with this URI (http or https), or None."""
    return _by_uri().get(re.sub(r"^https://", "http://", uri.strip()))


def portal_base() -> str:
    """The base of every URI the portal mints (ckanext-dcat's catalog URI)."""
    return catalog_uri().rstrip("/")


def vocab_uri(base: str, scheme: str, key: str | None = None) -> URIRef:
    """The URI of one of the portal's concept schemes, or of a concept in it."""
    path = f"{base}/vocab/{scheme}"
    return URIRef(f"{path}/{key}" if key is not None else path)


def vocab_key(uri: object, scheme: str) -> str | None:
    """The key of a portal concept URI of this scheme, whatever its host; or None."""
    match = _VOCAB_PATH.search(str(uri))
    return match.group(2) if match and match.group(1) == scheme else None
