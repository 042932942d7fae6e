"""Converters between Jakarta field values and RDF nodes.

Each converter turns one field's value into the objects of one predicate
(``dump``) and reads those objects back into the field's value (``load``).
The rows of ``ckanext.jakarta.dcat.profile`` pair them with fields and
predicates. A value that cannot be expressed is reported with ``out.skip``
(logged) and left out.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from typing import Any, Protocol

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

import ckan.plugins.toolkit as tk
from ckan.model.license import LicenseRegister

from ckanext.dcat.profiles.base import ADMS, VCARD, CleanedURIRef

from ckanext.jakarta import config, vocab
from ckanext.jakarta.dcat import terms
from ckanext.jakarta.dcat.terms import CSVW, SDMX_ATTRIBUTE
from ckanext.jakarta.normalize import dates, frequency, language, licence

DCT = DCTERMS
Item = Mapping[str, Any]

_PRECISION = {1: XSD.gYear, 2: XSD.gYearMonth, 3: XSD.date}
_YEAR = re.compile(r"^\d{4}$")
_URL = re.compile(r"^https?://\S+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
_LANDING_PAGE = re.compile(r"^(?P<base>.+)/dataset/(?P<name>[^/?#]+)$")
_OPD_SUFFIX = re.compile(r"provinsi(daerahkhusus(ibukota)?|dki)?jakarta$")
# Column types of the data dictionary and the CSVW (XML Schema) datatypes.
COLUMN_TYPES = {
    "string": XSD.string,
    "integer": XSD.integer,
    "number": XSD.double,
    "boolean": XSD.boolean,
    "date": XSD.date,
    "datetime": XSD.dateTime,
    "other": XSD.anyAtomicType,
}
_TYPE_OF_DATATYPE = {uri: name for name, uri in COLUMN_TYPES.items()}
_COLUMN_TEXTS = (("deskripsi", DCT.description), ("satuan", SDMX_ATTRIBUTE.unitMeasure))


class Out(Protocol):
    """What a converter writes with: the profile exporting a dataset."""

    g: Graph
    base: str

    def skip(self, value: Any, reason: str) -> None:
        """Log a value left out of the export."""

    def describe(self, node: Node, kind: URIRef, *facts: tuple[URIRef, Node]) -> Node:
        """Type node and add facts about it, once per graph."""


class In(Protocol):
    """What a converter reads with: the profile parsing a dataset."""

    g: Graph

    def _temporal_interval_details(self, interval_ref: Node) -> dict[str, str]: ...

    def _agents_details(self, subject: Node, predicate: URIRef) -> list[dict]: ...

    def _contact_details(self, subject: Node, predicate: URIRef) -> list[dict]: ...


class Converter:
    """Turns one field's value into RDF nodes and back; the base does nothing."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        """Return the objects that express value (describing them in out.g)."""
        return []

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        """Return the field's value read from the objects; None when absent."""
        return None


# Small helpers


def items(value: Any) -> list[Any]:
    """The non-empty members of a list field (a list, JSON list or one value)."""
    if value in (None, ""):
        return []
    if isinstance(value, str) and value.strip().startswith("["):
        try:
            value = json.loads(value)
        except ValueError:
            pass
    values = value if isinstance(value, list) else [value]
    return [v for v in values if v not in (None, "", {}) and str(v).strip()]


def extra(item: Item, key: str) -> Any:
    """A value at the root of a CKAN dict, else in its extras."""
    if item.get(key) not in (None, ""):
        return item[key]
    found = [e.get("value") for e in item.get("extras") or [] if e.get("key") == key]
    return found[0] if found else None


def text(value: Any) -> str:
    """The value as stripped text; empty for None."""
    return "" if value is None else str(value).strip()


def partial_date(value: Any) -> dates.PartialDate | None:
    """The calendar date of a value, day first; None if unreadable or ambiguous."""
    try:
        return dates.parse_date(text(value), dayfirst=True)
    except ValueError:
        return None


def date_literal(value: Any) -> Literal | None:
    """A date at its own precision: xsd:gYear, xsd:gYearMonth or xsd:date."""
    parsed = partial_date(value)
    if parsed is None:
        return None
    precision = 1 + (parsed.month is not None) + (parsed.day is not None)
    return Literal(parsed.iso(), datatype=_PRECISION[precision])


def _first_text(src: In, nodes: list[Node], *labels: URIRef) -> str | None:
    for node in nodes:
        if isinstance(node, Literal):
            return str(node)
        for predicate in labels:
            label = src.g.value(node, predicate)
            if label is not None:
                return str(label)
    return None


@functools.cache
def _concept_facts(concept: terms.Concept) -> tuple[tuple[URIRef, Node], ...]:
    return (
        (SKOS.prefLabel, Literal(concept.label_en, lang="en")),
        (SKOS.inScheme, concept.scheme),
    )


def _authority(out: Out, concept: terms.Concept, kind: URIRef) -> Node:
    return out.describe(concept.uri, kind, *_concept_facts(concept))


def _skos_concept(out: Out, concept: terms.Concept) -> Node:
    return _authority(out, concept, SKOS.Concept)


# Classification, areas, frequency, language


class AccessRights(Converter):
    """klasifikasi as an EU access-right concept."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        concept = terms.concept("access-right", text(value))
        if concept is None:
            out.skip(value, "not a klasifikasi (terbuka, terbatas, tertutup)")
            return []
        return [_authority(out, concept, DCT.RightsStatement)]

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        found = [terms.concept_at(str(node)) for node in nodes]
        values = [c.value for c in found if c and c.table == "access-right"]
        return values[0] if values else None


class Wilayah(Converter):
    """Kemendagri area codes as the portal's wilayah concepts."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        nodes = []
        for code in items(value):
            area = vocab.area(text(code))
            if area is None:
                out.skip(code, "not a Kemendagri code of DKI Jakarta")
                continue
            uri = terms.vocab_uri(out.base, "wilayah", area.code)
            label = (SKOS.prefLabel, Literal(area.name, lang="id"))
            nodes.append(out.describe(uri, DCT.Location, label))
        return nodes

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        codes = {terms.vocab_key(node, "wilayah") for node in nodes}
        return sorted(c for c in codes if c and vocab.area(c)) or None


class Frequency(Converter):
    """The update frequency as an EU frequency concept."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        if not text(value):
            return []
        uri = frequency.to_frequency_uri(text(value))
        if uri is None:
            out.skip(value, "not a known frequency")
            return []
        return [out.describe(URIRef(uri), DCT.Frequency)]

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        for node in nodes:
            uri = frequency.to_frequency_uri(str(node))
            if uri:
                return uri
        return None


def _language_concept(value: str) -> terms.Concept | None:
    if value.startswith("http"):
        return terms.concept_at(value)
    return terms.concept("language", language.primary_language(value) or "")


class Language(Converter):
    """Language codes (``id``, ``en``) as EU language concepts."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        nodes = []
        for code in items(value):
            concept = _language_concept(text(code))
            if concept is None or concept.table != "language":
                out.skip(code, "no EU language concept for it")
                continue
            nodes.append(out.describe(concept.uri, DCT.LinguisticSystem))
        return nodes

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        codes = set()
        for node in nodes:
            concept = terms.concept_at(str(node))
            if concept is not None and concept.table == "language":
                codes.add(concept.value)
            elif isinstance(node, Literal):
                codes.add(language.primary_language(str(node)))
        return sorted(c for c in codes if c) or None


# Identifiers and standards


class Identifier(Converter):
    """dct:identifier: the source system's identifier, else the CKAN id.

    Like euro_dcat_ap_3, it falls back to the harvest guid and then to the
    dataset id; reading back, the id of the dataset's own URI is no identifier.
    """

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        fallback = text(extra(item, "guid")) or text(item.get("id"))
        return [Literal(text(value) or fallback)] if text(value) or fallback else []

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        own = {str(subject), str(subject).rsplit("/", 1)[-1]}
        values = [str(node) for node in nodes if str(node) not in own]
        return values[0] if values else None


class Standard(Converter):
    """Data standard codes as dct:Standard nodes (a URI when one is given)."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        nodes = []
        for code in map(text, items(value)):
            if _URL.match(code):
                nodes.append(out.describe(URIRef(code), DCT.Standard))
                continue
            node = BNode()
            out.g.add((node, RDF.type, DCT.Standard))
            out.g.add((node, DCT.identifier, Literal(code)))
            nodes.append(node)
        return nodes

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        codes = [
            str(node)
            if isinstance(node, URIRef)
            else _first_text(src, [node], DCT.identifier, RDFS.label, SKOS.notation)
            for node in nodes
        ]
        return sorted(c for c in codes if c) or None


class AdmsIdentifier(Converter):
    """Kode referensi as adms:Identifier nodes with a skos:notation."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        nodes = []
        for code in map(text, items(value)):
            node = BNode()
            out.g.add((node, RDF.type, ADMS.Identifier))
            out.g.add((node, SKOS.notation, Literal(code)))
            nodes.append(node)
        return nodes

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        codes = [
            str(node)
            if not isinstance(node, BNode)
            else _first_text(src, [node], SKOS.notation)
            for node in nodes
        ]
        return sorted(c for c in codes if c) or None


# Dates


class CalendarDate(Converter):
    """A partial ISO date typed at its precision; never a made-up day."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        if not text(value):
            return []
        literal = date_literal(value)
        if literal is None:
            out.skip(value, "not a readable date")
            return []
        return [literal]

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        for node in nodes:
            parsed = partial_date(node)
            if parsed is not None:
                return parsed.iso()
        return None


def _period_key(period: Item) -> tuple[str, str]:
    return (period.get("start", ""), period.get("end", ""))


class Period(Converter):
    """Temporal coverage periods as dct:PeriodOfTime with dcat:startDate/endDate."""

    def _bound(self, out: Out, value: Any) -> Literal | None:
        literal = date_literal(value) if text(value) else None
        if text(value) and literal is None:
            out.skip(value, "not a readable date")
        return literal

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        nodes = []
        for period in items(value):
            start = self._bound(out, period.get("start"))
            end = self._bound(out, period.get("end"))
            if start is None and end is None:
                continue
            node = BNode()
            out.g.add((node, RDF.type, DCT.PeriodOfTime))
            for predicate, literal in ((DCAT.startDate, start), (DCAT.endDate, end)):
                if literal is not None:
                    out.g.add((node, predicate, literal))
            nodes.append(node)
        return nodes

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        periods = []
        for node in nodes:
            details = src._temporal_interval_details(node)
            bounds = {k: partial_date(v) for k, v in details.items()}
            period = {k: v.iso() for k, v in bounds.items() if v is not None}
            if period:
                periods.append(period)
        return sorted(periods, key=_period_key) or None


class Year(Converter):
    """A four-digit year as xsd:gYear."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        if not text(value):
            return []
        if not _YEAR.match(text(value)):
            out.skip(value, "not a four-digit year")
            return []
        return [Literal(text(value), datatype=XSD.gYear)]

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        years = [str(node) for node in nodes if _YEAR.match(str(node))]
        return years[0] if years else None


# Plain values


class Text(Converter):
    """A plain literal."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        return [Literal(text(value))] if text(value) else []

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        return _first_text(src, nodes, RDFS.label)


class Provenance(Converter):
    """Sumber data as a dct:ProvenanceStatement with an rdfs:label."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        if not text(value):
            return []
        node = BNode()
        out.g.add((node, RDF.type, DCT.ProvenanceStatement))
        out.g.add((node, RDFS.label, Literal(text(value))))
        return [node]

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        return _first_text(src, nodes, RDFS.label)


class Boolean(Converter):
    """A yes/no flag as xsd:boolean."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        if text(value) == "":
            return []
        try:
            return [Literal(tk.asbool(value))]
        except ValueError:
            out.skip(value, "not true or false")
            return []

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        for node in nodes:
            try:
                return tk.asbool(str(node))
            except ValueError:
                continue
        return None


# Licence


@functools.cache
def _register_urls() -> Mapping[str, str]:
    return {lic.url: lic.id for lic in LicenseRegister().licenses if lic.url}


def license_id_of(uri: str) -> str | None:
    """The CKAN licence id a licence URI denotes, by alias or CKAN's register."""
    return licence.to_license_id(uri) or _register_urls().get(uri)


class License(Converter):
    """The CKAN licence as a dct:LicenseDocument typed with its ADMS licence type."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        license_id = text(value)
        if not license_id:
            return []
        url = text(item.get("license_url"))
        node: Node = URIRef(url) if _URL.match(url) else BNode()
        kind = terms.concept("licence-type", license_id) or terms.concept(
            "licence-type", ""
        )
        facts = [(DCT.type, _skos_concept(out, kind))]
        if isinstance(node, BNode):
            facts.append((DCT.identifier, Literal(license_id)))
            facts.append((RDFS.label, Literal(text(item.get("license_title")))))
        return [out.describe(node, DCT.LicenseDocument, *facts)]

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        for node in nodes:
            if isinstance(node, URIRef) and license_id_of(str(node)):
                return license_id_of(str(node))
            identifier = src.g.value(node, DCT.identifier)
            if identifier is not None:
                return str(identifier)
        return item.get("license_id") or None


# Topics, OPDs and the publisher


class Topik(Converter):
    """The dataset's groups as portal topik concepts plus their EU data theme."""

    def _eu_theme(self, out: Out, group: Item, topic: vocab.Topic | None) -> Node:
        uri = group.get("eu_theme") or (topic.eu_theme_uri if topic else "")
        theme = vocab.eu_themes().get(uri) if uri else None
        if theme is None:
            return None
        return out.describe(
            URIRef(theme.uri),
            SKOS.Concept,
            (SKOS.prefLabel, Literal(theme.label_en, lang="en")),
            (SKOS.prefLabel, Literal(theme.label_id, lang="id")),
            (SKOS.inScheme, terms.EU_DATA_THEME),
        )

    def _topik(self, out: Out, group: Item, topic: vocab.Topic | None) -> Node:
        title = text(group.get("title")) or (topic.title_id if topic else group["name"])
        facts = [(SKOS.prefLabel, Literal(title, lang="id"))]
        if topic is not None:
            facts.append((SKOS.prefLabel, Literal(topic.title_en, lang="en")))
        facts.append((SKOS.inScheme, terms.vocab_uri(out.base, "topik")))
        uri = terms.vocab_uri(out.base, "topik", group["name"])
        return out.describe(uri, SKOS.Concept, *facts)

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        nodes = []
        for group in items(value):
            if not isinstance(group, Mapping) or not text(group.get("name")):
                continue
            topic = vocab.topics().get(group["name"])
            nodes.append(self._topik(out, group, topic))
            nodes.append(self._eu_theme(out, group, topic))
        return [node for node in nodes if node is not None]

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        names = {terms.vocab_key(node, "topik") for node in nodes}
        return [{"name": name} for name in sorted(n for n in names if n)] or None


def _publisher_type(out: Out) -> Node:
    return _skos_concept(out, terms.concept("publisher-type", "opd"))


def _name_key(name: str) -> str:
    key = re.sub(r"[^0-9a-z]", "", name.casefold())
    return _OPD_SUFFIX.sub("", key)


@functools.cache
def _opd_slugs() -> Mapping[str, str]:
    return {_name_key(opd.name): opd.slug for opd in vocab.opds().values()}


def opd_slug(name: str) -> str | None:
    """The registry slug of the OPD with this name (with or without its province)."""
    return _opd_slugs().get(_name_key(name)) if name else None


def walidata(base: str) -> dict[str, str]:
    """The walidata as a publisher entry: the default publisher of every dataset."""
    slug = config.walidata_org()
    return {
        "uri": str(terms.vocab_uri(base, "opd", slug)),
        "name": config.walidata_name(),
        "email": config.walidata_email(),
        "identifier": slug,
    }


def publisher_entry(value: Any, base: str) -> dict[str, str]:
    """The one publisher to export: the first filled entry, else the walidata.

    A named publisher keeps its own words on a node of its own; when it names
    an OPD of the registry it carries that OPD's identifier.
    """
    entries = [e for e in items(value) if isinstance(e, Mapping) and any(e.values())]
    if not entries:
        return walidata(base)
    entry = {key: text(entries[0].get(key)) for key in ("name", "email", "url")}
    slug = opd_slug(entry["name"])
    return {**entry, "identifier": slug} if slug else entry


def _agent_facts(out: Out, entry: Item) -> list[tuple[URIRef, Node]]:
    facts: list[tuple[URIRef, Node]] = [(RDF.type, FOAF.Agent)]
    facts.append((FOAF.name, Literal(text(entry.get("name")))))
    email, url = text(entry.get("email")), text(entry.get("url"))
    if email and _EMAIL.match(email):
        facts.append((FOAF.mbox, URIRef("mailto:" + email)))
    elif email:
        out.skip(email, "not an email address")
    if url and _URL.match(url):
        facts.append((FOAF.homepage, CleanedURIRef(url)))
    elif url:
        out.skip(url, "not a web address")
    if entry.get("identifier"):
        facts.append((DCT.identifier, Literal(entry["identifier"])))
        facts.append((DCT.type, _publisher_type(out)))
    return facts


def _agent(out: Out, entry: Item) -> Node:
    node = URIRef(entry["uri"]) if entry.get("uri") else BNode()
    return out.describe(node, FOAF.Organization, *_agent_facts(out, entry))


class Publisher(Converter):
    """The publisher (the walidata unless one is named) as a foaf:Organization."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        filled = [e for e in items(value) if isinstance(e, Mapping) and any(e.values())]
        if len(filled) > 1:
            out.skip(filled[1:], "DCAT-AP allows one publisher")
        entry = publisher_entry(value, out.base)
        if not text(entry.get("name")):
            out.skip(entry, "a publisher needs a name")
            return []
        return [_agent(out, entry)]

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        agents = src._agents_details(subject, DCT.publisher)
        if not agents:
            return None
        agent = agents[0]
        if terms.vocab_key(agent.get("uri"), "opd") == config.walidata_org():
            return None
        keys = ("name", "email", "url")
        return [{key: agent[key] for key in keys if agent.get(key)}]


class Contact(Converter):
    """Contact points as vCard kinds with a name and a mailto address."""

    def _vcard(self, out: Out, entry: Item) -> Node:
        node = BNode()
        out.g.add((node, RDF.type, VCARD.Kind))
        if text(entry.get("name")):
            out.g.add((node, VCARD.fn, Literal(text(entry["name"]))))
        email = text(entry.get("email"))
        if _EMAIL.match(email):
            out.g.add((node, VCARD.hasEmail, URIRef("mailto:" + email)))
        elif email:
            out.skip(email, "not an email address")
        return node

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        entries = [e for e in items(value) if isinstance(e, Mapping)]
        return [self._vcard(out, e) for e in entries if any(map(text, e.values()))]

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        contacts = [
            {key: c[key] for key in ("name", "email") if c.get(key)}
            for c in src._contact_details(subject, DCAT.contactPoint)
        ]
        return [c for c in contacts if c] or None


class Creator(Converter):
    """The owning OPD (organization) as the dataset's creator."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        org = item.get("organization") or {}
        if not org or org.get("state", "active") != "active":
            if value:
                out.skip(value, "no active organization (deleted?)")
            return []
        entry = {
            "uri": str(terms.vocab_uri(out.base, "opd", org["name"])),
            "name": org.get("title") or org["name"],
            "identifier": org["name"],
        }
        return [_agent(out, entry)]

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        names = [terms.vocab_key(node, "opd") for node in nodes]
        return next((name for name in names if name), None)


class LandingPage(Converter):
    """The dataset's page on the portal, which carries its name."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        if not text(value):
            return []
        return [out.describe(URIRef(f"{out.base}/dataset/{value}"), FOAF.Document)]

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        for node in nodes:
            match = _LANDING_PAGE.match(str(node))
            if match and str(subject).startswith(match["base"] + "/dataset/"):
                return match["name"]
        return None


class Document(Converter):
    """A web page, as a foaf:Document."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        url = text(value)
        return [out.describe(URIRef(url), FOAF.Document)] if _URL.match(url) else []

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        return next((str(node) for node in nodes if isinstance(node, URIRef)), None)


class ThemeTaxonomy(Converter):
    """The concept schemes a catalog's themes come from, with their titles."""

    def _titles(self, uri: str) -> list[Literal]:
        if uri == str(terms.EU_DATA_THEME):
            return [Literal("Data theme", lang="en")]
        return [Literal("Topik data", lang="id"), Literal("Data topics", lang="en")]

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        return [
            out.describe(
                URIRef(uri),
                SKOS.ConceptScheme,
                *[(DCT.title, title) for title in self._titles(str(uri))],
            )
            for uri in items(value)
        ]


# Distributions


class AccessUrl(Converter):
    """The resource URL; without one, the resource's page on the portal."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        url = text(value)
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$", url):
            return [CleanedURIRef(url)]
        out.skip(value, "no usable URL; the resource page stands in")
        return [subject]

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        if any(node == subject for node in nodes):
            return ""
        return item.get("url")


class Format(Converter):
    """The format as an EU file-type concept, else a labelled media type node."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        label = text(value)
        if not label:
            return []
        concept = terms.concept("file-type", label)
        if concept is not None:
            return [out.describe(concept.uri, DCT.MediaTypeOrExtent)]
        node = BNode()
        out.g.add((node, RDF.type, DCT.MediaTypeOrExtent))
        out.g.add((node, RDFS.label, Literal(label)))
        return [node]

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        for node in nodes:
            concept = terms.concept_at(str(node))
            if concept is not None and concept.table == "file-type":
                return concept.value
            label = _first_text(src, [node], RDFS.label)
            if label:
                return label
        return item.get("format")


class MediaType(Converter):
    """The IANA media type as its URI."""

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        mimetype = text(value).removeprefix(terms.IANA_MEDIA_TYPES)
        if not mimetype:
            return []
        if not re.match(r"^[\w.+-]+/[\w.+-]+$", mimetype):
            out.skip(value, "not an IANA media type")
            return []
        uri = URIRef(terms.IANA_MEDIA_TYPES + mimetype)
        return [out.describe(uri, DCT.MediaType)]

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        for node in nodes:
            return str(node).removeprefix(terms.IANA_MEDIA_TYPES)
        return text(item.get("mimetype")).removeprefix(terms.IANA_MEDIA_TYPES) or None


def rdf_list(graph: Graph, members: list[Node]) -> Node:
    """Write members as an rdf:List (in one pass) and return its head."""
    head: Node = RDF.nil
    for member in reversed(members):
        cell = BNode()
        graph.add((cell, RDF.first, member))
        graph.add((cell, RDF.rest, head))
        head = cell
    return head


def _columns(value: Any) -> list[Any]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    return value if isinstance(value, list) else []


class TableSchema(Converter):
    """The data dictionary (komponen data) as a CSVW table schema."""

    def _column(self, out: Out, column: Item) -> Node:
        node = BNode()  # a csvw:Column, as the range of csvw:column says
        out.g.add((node, CSVW.name, Literal(text(column["nama"]))))
        datatype = COLUMN_TYPES.get(text(column.get("tipe")))
        if datatype is not None:
            out.g.add((node, CSVW.datatype, datatype))
        elif text(column.get("tipe")):
            out.skip(column.get("tipe"), "not a column type")
        for key, predicate in _COLUMN_TEXTS:
            if text(column.get(key)):
                out.g.add((node, predicate, Literal(text(column[key]))))
        access = terms.concept("access-right", text(column.get("klasifikasi")))
        if access is not None:
            rights = _authority(out, access, DCT.RightsStatement)
            out.g.add((node, DCT.accessRights, rights))
        return node

    def dump(self, out: Out, value: Any, item: Item, subject: Node) -> list[Node]:
        columns = []
        for column in _columns(value):
            if isinstance(column, Mapping) and text(column.get("nama")):
                columns.append(self._column(out, column))
            else:
                out.skip(column, "a column needs a nama")
        if not columns:
            return []
        schema = BNode()
        out.g.add((schema, RDF.type, CSVW.Schema))
        out.g.add((schema, CSVW.column, rdf_list(out.g, columns)))
        return [schema]

    def _read_column(self, src: In, node: Node) -> dict[str, str]:
        column = {"nama": str(src.g.value(node, CSVW.name) or "")}
        datatype = src.g.value(node, CSVW.datatype)
        if datatype in _TYPE_OF_DATATYPE:
            column["tipe"] = _TYPE_OF_DATATYPE[datatype]
        for key, predicate in _COLUMN_TEXTS:
            found = src.g.value(node, predicate)
            if found is not None:
                column[key] = str(found)
        access = terms.concept_at(str(src.g.value(node, DCT.accessRights) or ""))
        if access is not None and access.table == "access-right":
            column["klasifikasi"] = access.value
        return column

    def load(self, src: In, nodes: list[Node], item: Item, subject: Node) -> Any:
        for schema in nodes:
            head = src.g.value(schema, CSVW.column)
            if head is not None:
                return [self._read_column(src, n) for n in Collection(src.g, head)]
        return None
