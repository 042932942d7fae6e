"""``jakarta_dcat``: DCAT catalogs in RDF/XML, Turtle, JSON-LD or N-Triples.

Parsing is ckanext-dcat's (``RDFParser`` with the portal's profiles); this
module adds what Jakarta needs around it: hydra paging with loop detection,
the charset the server declares, the Indonesian literal when a title comes in
several languages, a dataset-level licence, and stable guids.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS

from ckanext.dcat.processors import RDFParser, RDFParserException

from ckanext.jakarta.harvesters.base import (
    JakartaHarvester,
    Mapped,
    Record,
    RecordError,
    stable_guid,
)
from ckanext.jakarta.harvesters.http import Fetched, fetch
from ckanext.jakarta.harvesters.mapping import jakarta_package
from ckanext.jakarta.harvesters.paging import Pages
from ckanext.jakarta.logic.validators import bilingual
from ckanext.jakarta.normalize import language

log = logging.getLogger(__name__)

FORMATS = {
    "application/rdf+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/json": "json-ld",
    "application/n-triples": "nt",
    "text/plain": "nt",
}
EXTENSIONS = {
    ".rdf": "xml",
    ".xml": "xml",
    ".ttl": "turtle",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".nt": "nt",
}
_XML_ENCODING = re.compile(
    rb"""^(\s*<\?xml[^>]*encoding=)["']([A-Za-z0-9._-]+)["']""", re.IGNORECASE
)


def rdf_format(fetched: Fetched, configured: str | None) -> str:
    """The rdflib format of a document: configured, declared, or by extension."""
    if configured:
        return configured
    if fetched.content_type in FORMATS:
        return FORMATS[fetched.content_type]
    path = fetched.url.split("?", 1)[0].lower()
    for extension, fmt in EXTENSIONS.items():
        if path.endswith(extension):
            return fmt
    return "xml"


def rdf_data(fetched: Fetched, fmt: str) -> str:
    """The document as text for rdflib, decoded with the charset it declares.

    The server's header wins, then an XML prolog's encoding, then UTF-8. rdflib
    reads text as UTF-8, so an XML prolog is rewritten to say so.
    """
    declared = _XML_ENCODING.match(fetched.content) if fmt == "xml" else None
    charset = fetched.charset or (declared.group(2).decode() if declared else None)
    text = fetched.text(charset)
    if declared:
        text = re.sub(
            r"""^(\s*<\?xml[^>]*encoding=)["'][^"']+["']""", r'\1"UTF-8"', text, count=1
        )
    return text


def _literals(graph, subject, predicate) -> list[tuple[str, str | None]]:
    return [
        (str(o), o.language)
        for o in graph.objects(subject, predicate)
        if isinstance(o, Literal)
    ]


def _graph_identifier(graph, ref) -> str | None:
    for value in graph.objects(ref, DCTERMS.identifier):
        if str(value).strip():
            return str(value).strip()
    return None


def _dataset_license(graph, ref) -> str | None:
    for value in graph.objects(ref, DCTERMS.license):
        return str(value)
    return None


class JakartaDCATHarvester(JakartaHarvester):
    """Harvests an OPD's DCAT catalog."""

    name = "jakarta_dcat"
    title = "DCAT (Jakarta)"
    description = (
        "Katalog DCAT (RDF/XML, Turtle, JSON-LD) sebuah OPD / an OPD's DCAT "
        "catalog, mapped to Jakarta metadata"
    )
    config_keys = ("rdf_format",)

    def _parse(self, fetched: Fetched, fmt: str) -> RDFParser:
        parser = RDFParser()
        try:
            parser.parse(rdf_data(fetched, fmt), _format=fmt)
        except RDFParserException as error:
            raise RecordError(
                bilingual(
                    f"Katalog di {fetched.url!r} tidak dapat dibaca sebagai {fmt}",
                    f"the catalog at {fetched.url!r} cannot be parsed as {fmt}: "
                    f"{error}",
                )
            ) from None
        return parser

    def _dataset(self, parser: RDFParser, ref) -> dict[str, Any]:
        dataset: dict[str, Any] = {}
        for profile_class in parser._profiles:
            profile = profile_class(parser.g, dataset_type="dataset")
            profile.parse_dataset(dataset, ref)
        for field, predicate in (
            ("title", DCTERMS.title),
            ("notes", DCTERMS.description),
        ):
            chosen = language.pick_literal(_literals(parser.g, ref, predicate))
            if chosen:
                dataset[field] = chosen
        dataset["_dataset_license"] = _dataset_license(parser.g, ref)
        dataset["_themes"] = [
            str(theme)
            for theme in parser.g.objects(ref, DCAT.theme)
            if isinstance(theme, (URIRef, Literal))
        ]
        dataset["_uri"] = str(ref) if isinstance(ref, URIRef) else ""
        return dataset

    def records(self, url: str, source_config: dict[str, Any]) -> Iterator[Record]:
        pages = Pages(url)
        for page_url in pages:
            fetched = fetch(page_url)
            parser = self._parse(
                fetched, rdf_format(fetched, source_config.get("rdf_format"))
            )
            for ref in parser._datasets():
                dataset = self._dataset(parser, ref)
                # Read from the graph, not the parsed dict: the guid must not
                # change when the portal's DCAT profiles change.
                identifier = _graph_identifier(parser.g, ref) or dataset["_uri"]
                if not identifier:
                    self.warn(
                        bilingual(
                            "Dataset tanpa URI maupun dct:identifier dilewati: "
                            f"{dataset.get('title')!r}",
                            "a dataset with neither a URI nor a dct:identifier was "
                            f"skipped: {dataset.get('title')!r}",
                        )
                    )
                    continue
                yield Record(stable_guid(identifier), dataset)
            pages.follow(parser.next_page())

    def to_package(
        self, content: dict[str, Any], source_config: dict[str, Any]
    ) -> Mapped:
        return jakarta_package(to_record(content))


def to_record(dataset: dict[str, Any]) -> dict[str, Any]:
    """Rename a ckanext-dcat dataset dict to Jakarta field names."""
    resources = dataset.get("resources") or []
    record = {k: v for k, v in dataset.items() if not k.startswith("_")}
    record["keywords"] = [tag["name"] for tag in dataset.get("tags") or []]
    record["licenses"] = [
        dataset.get("license_id"),
        dataset.get("_dataset_license"),
        *[res.get("license") for res in resources],
    ]
    record["areas"] = dataset.get("cakupan_wilayah") or [
        area.get("text") or area.get("uri")
        for area in dataset.get("spatial_coverage") or []
    ]
    record["identifier"] = dataset.get("identifier") or dataset.get("_uri")
    record["themes"] = dataset.get("_themes") or []
    record["resources"] = [
        {
            **res,
            "url": res.get("download_url") or res.get("access_url") or res.get("url"),
        }
        for res in resources
    ]
    return record
