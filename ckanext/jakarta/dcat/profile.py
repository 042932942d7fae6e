"""The Jakarta DCAT-AP 3 profile (``jakarta_dcat_ap``).

It runs after ckanext-dcat's ``euro_dcat_ap_3`` (``ckanext.dcat.rdf.profiles =
euro_dcat_ap_3 jakarta_dcat_ap``), which writes and reads what DCAT-AP 3 says
about CKAN's core fields (title, description, keywords, contact point,
distributions). Each row of the tables below gives one Jakarta field, the
predicate that expresses it and the converter between the two: exporting, the
profile removes whatever the stock profile wrote for that predicate and writes
the field's value; parsing, it reads the value back the same way. A value that
cannot be expressed is left out and logged.
"""

from __future__ import annotations

import dataclasses
import logging
import weakref
from collections.abc import Iterable, Mapping
from typing import Any

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF
from rdflib.term import Node

import ckan.plugins.toolkit as tk

from ckanext.dcat.profiles import EuropeanDCATAP3Profile
from ckanext.dcat.profiles.base import ADMS, CleanedURIRef
from ckanext.dcat.utils import resource_uri

from ckanext.jakarta import config, vocab
from ckanext.jakarta.dcat import convert, terms
from ckanext.jakarta.dcat.terms import CSVW, JAKARTA, SDMX_ATTRIBUTE

log = logging.getLogger(__name__)

DCT = DCTERMS


@dataclasses.dataclass(frozen=True)
class Row:
    """One Jakarta field, the predicate that expresses it and their converter."""

    field: str
    predicate: URIRef
    converter: convert.Converter


DATASET_ROWS = (
    Row("name", DCAT.landingPage, convert.LandingPage()),
    Row("identifier", DCT.identifier, convert.Identifier()),
    Row("klasifikasi", DCT.accessRights, convert.AccessRights()),
    Row("owner_org", DCT.creator, convert.Creator()),
    Row("publisher", DCT.publisher, convert.Publisher()),
    Row("contact", DCAT.contactPoint, convert.Contact()),
    Row("cakupan_wilayah", DCT.spatial, convert.Wilayah()),
    Row("frequency", DCT.accrualPeriodicity, convert.Frequency()),
    Row("groups", DCAT.theme, convert.Topik()),
    Row("temporal_coverage", DCT.temporal, convert.Period()),
    Row("issued", DCT.issued, convert.CalendarDate()),
    Row("modified", DCT.modified, convert.CalendarDate()),
    Row("language", DCT.language, convert.Language()),
    Row("conforms_to", DCT.conformsTo, convert.Standard()),
    Row("alternate_identifier", ADMS.identifier, convert.AdmsIdentifier()),
    Row("license_id", DCT.license, convert.License()),
    Row("sumber_data", DCT.provenance, convert.Provenance()),
    Row("satuan", SDMX_ATTRIBUTE.unitMeasure, convert.Text()),
    Row("tahun_data", JAKARTA.tahunData, convert.Year()),
    Row("jenis_data", JAKARTA.jenisData, convert.Text()),
    Row("data_prioritas", JAKARTA.dataPrioritas, convert.Boolean()),
)

# Schema fields deliberately left out of the export, and why.
NOT_EXPORTED = {
    "harvest_provenance": (
        "the harvester's own bookkeeping (source ids and URLs, which may be "
        "internal addresses); a portal harvesting the export records its own"
    ),
}

RESOURCE_ROWS = (
    Row("url", DCAT.accessURL, convert.AccessUrl()),
    Row("format", DCT["format"], convert.Format()),
    Row("mimetype", DCAT.mediaType, convert.MediaType()),
    Row("komponen_data", CSVW.tableSchema, convert.TableSchema()),
)

CATALOG_ROWS = (
    Row("description", DCT.description, convert.Text()),
    Row("language", DCT.language, convert.Language()),
    Row("homepage", FOAF.homepage, convert.Document()),
    Row("publisher", DCT.publisher, convert.Publisher()),
    Row("spatial", DCT.spatial, convert.Wilayah()),
    Row("theme_taxonomy", DCAT.themeTaxonomy, convert.ThemeTaxonomy()),
)

# Where ckanext.jakarta.dcat.export.prepare keeps the dataset as stored, when
# it hides the Jakarta fields from the stock profile.
ORIGINAL = "_jakarta_original"

# What ckanext-dcat's parser leaves that the rows above have read instead.
STOCK_EXTRAS = {"access_rights", "theme", "spatial_uri", "spatial_text", "provenance"}
STOCK_EXTRA_PREFIXES = ("creator_", "homepage")
CORE_RESOURCE_FIELDS = {"uri", "mimetype", "size", "hash"}

PREFIXES = {"csvw": CSVW, "sdmx-attribute": SDMX_ATTRIBUTE, "jakarta": JAKARTA}


def _node(reference: str) -> Node:
    return URIRef(reference) if "://" in reference else BNode(reference)


@dataclasses.dataclass
class _Written:
    """What the profile has already written to one graph: prefixes, typed nodes."""

    bound: bool = False
    typed: set[tuple[Node, URIRef]] = dataclasses.field(default_factory=set)


# ckanext-dcat makes a profile for every dataset of a catalog; what they have
# written to the catalog's graph is kept here for as long as the graph lives.
_WRITTEN: weakref.WeakKeyDictionary[Graph, _Written] = weakref.WeakKeyDictionary()


def _written_to(graph: Graph) -> _Written:
    return _WRITTEN.setdefault(graph, _Written())


class JakartaDCATAPProfile(EuropeanDCATAP3Profile):
    """DCAT-AP 3 for the Jakarta fields, on top of ``euro_dcat_ap_3``."""

    def __init__(
        self,
        graph: Graph,
        dataset_type: str = "dataset",
        compatibility_mode: bool = False,
    ) -> None:
        super().__init__(graph, dataset_type, compatibility_mode)
        self.base = terms.portal_base()
        self._written = _written_to(graph)
        self._where = ("", "")

    # What the converters write with

    def skip(self, value: Any, reason: str) -> None:
        """Log a value the export leaves out."""
        where, field = self._where
        log.warning(
            "DCAT export of %s %s: %r left out (%s)", where, field, value, reason
        )

    def describe(self, node: Node, kind: URIRef, *facts: tuple[URIRef, Node]) -> Node:
        """Type node and add facts about it, unless it already has that type."""
        typed = self._written.typed
        if (node, kind) in typed:
            return node
        typed.add((node, kind))
        if (node, RDF.type, kind) not in self.g:
            self.g.add((node, RDF.type, kind))
            for predicate, obj in facts:
                self.g.add((node, predicate, obj))
        return node

    # Export

    def graph_from_dataset(self, dataset_dict: dict, dataset_ref: Node) -> None:
        """Write the Jakarta fields of a dataset and of its resources."""
        self._bind()
        dataset = dataset_dict.get(ORIGINAL) or dataset_dict
        name = dataset.get("name") or dataset.get("id")
        self._export(dataset_ref, DATASET_ROWS, dataset, name)
        licences = list(self.g.objects(dataset_ref, DCT.license))
        for resource in dataset.get("resources") or []:
            distribution = CleanedURIRef(resource_uri(resource))
            self._export(distribution, RESOURCE_ROWS, resource, f"{name} resource")
            self._own(distribution, DCT.license, licences)

    def graph_from_catalog(self, catalog_dict: dict | None, catalog_ref: Node) -> None:
        """Give the catalog what DCAT-AP requires: publisher, description, IRIs."""
        self._bind()
        self._export(catalog_ref, CATALOG_ROWS, self._catalog_values(), "catalog")

    def _catalog_values(self) -> dict[str, Any]:
        return {
            "description": tk.config.get("ckan.site_description")
            or config.catalog_description(),
            "language": [tk.config.get("ckan.locale_default")],
            "homepage": tk.config.get("ckan.site_url"),
            "spatial": [vocab.PROVINCE_CODE],
            "theme_taxonomy": [
                terms.vocab_uri(self.base, "topik"),
                terms.EU_DATA_THEME,
            ],
        }

    def _bind(self) -> None:
        if self._written.bound:
            return
        for prefix, namespace in PREFIXES.items():
            self.g.bind(prefix, namespace)
        self._written.bound = True

    def _export(
        self, subject: Node, rows: Iterable[Row], item: Mapping, where: str
    ) -> None:
        written_before = set(self.g.predicates(subject))
        for row in rows:
            self._where = (where, row.field)
            if row.predicate in written_before:
                self._drop(subject, row.predicate)
            nodes = row.converter.dump(self, item.get(row.field), item, subject)
            for node in nodes:
                self.g.add((subject, row.predicate, node))

    def _own(self, subject: Node, predicate: URIRef, nodes: Iterable[Node]) -> None:
        self._drop(subject, predicate)
        for node in nodes:
            self.g.add((subject, predicate, node))

    def _drop(self, subject: Node, predicate: URIRef) -> None:
        dropped = list(self.g.objects(subject, predicate))
        if not dropped:
            return
        self.g.remove((subject, predicate, None))
        for node in dropped:
            self._forget(node)

    def _forget(self, node: Node) -> None:
        """Remove what the graph says about a blank node nothing refers to."""
        if not isinstance(node, BNode) or (None, None, node) in self.g:
            return
        children = list(self.g.objects(node, None))
        self.g.remove((node, None, None))
        for child in children:
            self._forget(child)

    # Parse

    def parse_dataset(self, dataset_dict: dict, dataset_ref: Node) -> dict:
        """Read the Jakarta fields back into the dict euro_dcat_ap_3 parsed."""
        self._import(dataset_ref, DATASET_ROWS, dataset_dict)
        for resource in dataset_dict.get("resources") or []:
            reference = resource.get("distribution_ref") or resource.get("uri") or ""
            self._import(_node(reference), RESOURCE_ROWS, resource)
            self._prune_resource(resource)
        self._tidy(dataset_dict)
        return dataset_dict

    def _import(self, subject: Node, rows: Iterable[Row], item: dict) -> None:
        for row in rows:
            nodes = list(self.g.objects(subject, row.predicate))
            value = row.converter.load(self, nodes, item, subject)
            if value is None:
                item.pop(row.field, None)
            else:
                item[row.field] = value

    def _prune_resource(self, resource: dict) -> None:
        schema = self._dataset_schema or {"resource_fields": []}
        keep = {f["field_name"] for f in schema["resource_fields"]}
        for key in set(resource) - keep - CORE_RESOURCE_FIELDS:
            del resource[key]

    def _tidy(self, dataset_dict: dict) -> None:
        dataset_dict.pop("creator", None)
        landing_page = f"/dataset/{dataset_dict.get('name')}"
        if str(dataset_dict.get("url", "")).endswith(landing_page):
            dataset_dict.pop("url")
        dataset_dict["extras"] = [
            extra
            for extra in dataset_dict.get("extras") or []
            if extra["key"] not in STOCK_EXTRAS
            and not extra["key"].startswith(STOCK_EXTRA_PREFIXES)
        ]
