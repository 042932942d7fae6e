"""The portal's vocabularies as SKOS: wilayah, OPD and topik.

Every URI the DCAT export mints for an area, an OPD or a topic is a concept
here, served by :mod:`ckanext.jakarta.dcat.views`. Areas come from the
Kemendagri registry; OPDs and topics from the portal's organizations and
groups, completed by the registries (``ckanext.jakarta.vocab``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, SKOS

import ckan.plugins.toolkit as tk

from ckanext.jakarta import vocab
from ckanext.jakarta.dcat import terms

DCT = DCTERMS
ORG_PAGE = 25  # ckan.group_and_organization_list_all_fields_max, CKAN's default
TITLES = {
    "wilayah": (
        "Wilayah administrasi Provinsi DKI Jakarta (kode Kemendagri)",
        "Administrative areas of DKI Jakarta (Kemendagri codes)",
    ),
    "opd": (
        "Organisasi Perangkat Daerah Provinsi DKI Jakarta",
        "Agencies (OPD) of the DKI Jakarta provincial government",
    ),
    "topik": ("Topik data", "Data topics"),
}


def new_graph() -> Graph:
    """An empty graph with the prefixes the vocabularies use."""
    graph = Graph()
    for prefix, namespace in (("skos", SKOS), ("dct", DCT), ("foaf", FOAF)):
        graph.bind(prefix, namespace)
    return graph


def _scheme(graph: Graph, base: str, scheme: str) -> URIRef:
    uri = terms.vocab_uri(base, scheme)
    graph.add((uri, RDF.type, SKOS.ConceptScheme))
    title_id, title_en = TITLES[scheme]
    graph.add((uri, DCT.title, Literal(title_id, lang="id")))
    graph.add((uri, DCT.title, Literal(title_en, lang="en")))
    return uri


def _concept(graph: Graph, base: str, scheme: str, key: str, label: str) -> URIRef:
    uri = terms.vocab_uri(base, scheme, key)
    graph.add((uri, RDF.type, SKOS.Concept))
    graph.add((uri, SKOS.prefLabel, Literal(label, lang="id")))
    graph.add((uri, SKOS.notation, Literal(key)))
    graph.add((uri, SKOS.inScheme, terms.vocab_uri(base, scheme)))
    return uri


# Wilayah


def _area(graph: Graph, base: str, code: str) -> URIRef:
    area = vocab.areas()[code]
    uri = _concept(graph, base, "wilayah", code, area.name)
    graph.add((uri, RDF.type, DCT.Location))
    if area.parent_code:
        graph.add(
            (uri, SKOS.broader, terms.vocab_uri(base, "wilayah", area.parent_code))
        )
    else:
        graph.add((uri, SKOS.topConceptOf, terms.vocab_uri(base, "wilayah")))
    return uri


def wilayah_concept(graph: Graph, base: str, code: str) -> bool:
    """Describe one area with its parents up to the province and its children."""
    if vocab.area(code) is None:
        return False
    uri = _area(graph, base, code)
    for ancestor in vocab.ancestors(code)[1:]:
        _area(graph, base, ancestor)
    for child in vocab.children(code):
        graph.add((uri, SKOS.narrower, _area(graph, base, child)))
    for alias, alias_code in vocab.wilayah_aliases():
        if alias_code == code:
            graph.add((uri, SKOS.altLabel, Literal(alias)))
    return True


def wilayah_scheme(graph: Graph, base: str) -> None:
    """Describe every area, each with its broader area."""
    scheme = _scheme(graph, base, "wilayah")
    top = terms.vocab_uri(base, "wilayah", vocab.PROVINCE_CODE)
    graph.add((scheme, SKOS.hasTopConcept, top))
    for code in vocab.areas():
        _area(graph, base, code)


# OPD


def _organization(name: str) -> dict[str, Any] | None:
    try:
        org = tk.get_action("organization_show")(
            {"ignore_auth": True}, {"id": name, "include_datasets": False}
        )
    except tk.ObjectNotFound:
        return None
    return org if org.get("state") == "active" else None


def _registry_opd(name: str) -> dict[str, Any] | None:
    opd = vocab.opd(name)
    if opd is None:
        return None
    return {
        "name": opd.slug,
        "title": opd.name,
        "singkatan": opd.acronym.split(" (")[0],
        "parent_opd": opd.parent_slug,
        "wilayah": opd.wilayah_code,
    }


def _opd_facts(base: str, org: Mapping[str, Any]) -> list[tuple[URIRef, Any]]:
    """What the OPD's organization fields say, as (predicate, object) pairs."""
    get = org.get
    return [
        (SKOS.altLabel, get("singkatan") and Literal(get("singkatan"))),
        (
            SKOS.broader,
            get("parent_opd") and terms.vocab_uri(base, "opd", get("parent_opd")),
        ),
        (
            DCT.spatial,
            get("wilayah") and terms.vocab_uri(base, "wilayah", get("wilayah")),
        ),
        (FOAF.homepage, get("website") and URIRef(get("website"))),
    ]


def _opd(graph: Graph, base: str, org: Mapping[str, Any]) -> URIRef:
    title = org.get("title") or org["name"]
    uri = _concept(graph, base, "opd", org["name"], title)
    graph.add((uri, RDF.type, FOAF.Organization))
    graph.add((uri, FOAF.name, Literal(title)))
    graph.add((uri, DCT.identifier, Literal(org["name"])))
    for predicate, obj in _opd_facts(base, org):
        if obj:
            graph.add((uri, predicate, obj))
    return uri


def opd_concept(graph: Graph, base: str, name: str) -> bool:
    """Describe one OPD: the portal's organization, else the registry's entry."""
    org = _organization(name) or _registry_opd(name)
    if org is None:
        return False
    _opd(graph, base, org)
    return True


def _organizations() -> Iterator[dict[str, Any]]:
    organization_list = tk.get_action("organization_list")
    for offset in range(0, 100_000, ORG_PAGE):
        page = organization_list(
            {"ignore_auth": True},
            {"all_fields": True, "limit": ORG_PAGE, "offset": offset},
        )
        yield from page
        if len(page) < ORG_PAGE:
            return


def opd_scheme(graph: Graph, base: str) -> None:
    """Describe every OPD of the registry and every organization of the portal."""
    _scheme(graph, base, "opd")
    known = {org["name"]: org for org in map(_registry_opd, vocab.opds())}
    known.update((org["name"], org) for org in _organizations())
    for org in known.values():
        _opd(graph, base, org)


# Topik


def _group(name: str) -> dict[str, Any] | None:
    try:
        group = tk.get_action("group_show")(
            {"ignore_auth": True}, {"id": name, "include_datasets": False}
        )
    except tk.ObjectNotFound:
        return None
    return group if group.get("state") == "active" else None


def _registry_topik(name: str) -> dict[str, Any] | None:
    topic = vocab.topics().get(name)
    if topic is None:
        return None
    return {"name": name, "title": topic.title_id, "eu_theme": topic.eu_theme_uri}


def _topik(graph: Graph, base: str, group: Mapping[str, Any]) -> URIRef:
    title = group.get("title") or group["name"]
    uri = _concept(graph, base, "topik", group["name"], title)
    topic = vocab.topics().get(group["name"])
    if topic is not None:
        graph.add((uri, SKOS.prefLabel, Literal(topic.title_en, lang="en")))
    theme = vocab.eu_themes().get(
        group.get("eu_theme") or (topic.eu_theme_uri if topic else "")
    )
    if theme is not None:
        theme_uri = URIRef(theme.uri)
        graph.add((uri, SKOS.broadMatch, theme_uri))
        graph.add((theme_uri, RDF.type, SKOS.Concept))
        graph.add((theme_uri, SKOS.prefLabel, Literal(theme.label_en, lang="en")))
        graph.add((theme_uri, SKOS.inScheme, terms.EU_DATA_THEME))
    return uri


def topik_concept(graph: Graph, base: str, name: str) -> bool:
    """Describe one topic: the portal's group, else the registry's entry."""
    group = _group(name) or _registry_topik(name)
    if group is None:
        return False
    _topik(graph, base, group)
    return True


def topik_scheme(graph: Graph, base: str) -> None:
    """Describe every topic of the registry and every group of the portal."""
    _scheme(graph, base, "topik")
    known = {name: _registry_topik(name) for name in vocab.topics()}
    groups = tk.get_action("group_list")({"ignore_auth": True}, {})
    known.update((name, _group(name)) for name in groups)
    for group in known.values():
        if group is not None:
            _topik(graph, base, group)


CONCEPTS = {"wilayah": wilayah_concept, "opd": opd_concept, "topik": topik_concept}
SCHEMES = {"wilayah": wilayah_scheme, "opd": opd_scheme, "topik": topik_scheme}


def vocabulary(base: str, scheme: str, key: str | None) -> Graph | None:
    """The graph of one scheme or one of its concepts; None if there is none."""
    if scheme not in SCHEMES:
        return None
    graph = new_graph()
    if key is None:
        SCHEMES[scheme](graph, base)
        return graph
    return graph if CONCEPTS[scheme](graph, base, key) else None
