"""Routes of the DCAT exports: the SKOS vocabularies and N-Triples.

``/vocab/{wilayah,opd,topik}[/{key}][.ext]`` serves the portal's concept
schemes and concepts in Turtle, RDF/XML, JSON-LD or N-Triples, chosen by
extension or else by the Accept header; a browser (which asks for HTML
first) gets a page of the same facts, linking to the RDF. ``/catalog.nt`` and
``/dataset/{id}.nt`` add the N-Triples format ckanext-dcat's own routes
lack.
"""

from __future__ import annotations

import re

from flask import Blueprint, Response
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, SKOS

import ckan.plugins.toolkit as tk

from ckanext.dcat.exceptions import RDFProfileException
from ckanext.dcat.utils import DEFAULT_CATALOG_ENDPOINT

from ckanext.jakarta.dcat import terms, vocab_rdf

# Extension: (rdflib format, media type).
FORMATS = {
    "ttl": ("turtle", "text/turtle"),
    "xml": ("pretty-xml", "application/rdf+xml"),
    "rdf": ("pretty-xml", "application/rdf+xml"),
    "jsonld": ("json-ld", "application/ld+json"),
    "nt": ("nt", "application/n-triples"),
}
_BY_MEDIA_TYPE = {media_type: ext for ext, (_, media_type) in FORMATS.items()}
_EXTENSION = re.compile(r"^(?P<path>.+)\.(?P<ext>ttl|xml|rdf|jsonld|nt)$")
N_TRIPLES = "application/n-triples"
HTML = "text/html"
_LABELS = (SKOS.prefLabel, DCTERMS.title, FOAF.name)
_FORMAT_NAMES = (
    ("ttl", "Turtle"),
    ("xml", "RDF/XML"),
    ("jsonld", "JSON-LD"),
    ("nt", "N-Triples"),
)


def _negotiated() -> str:
    """The extension to answer with; "html" when HTML is preferred to RDF."""
    offered = [*_BY_MEDIA_TYPE, HTML]  # RDF first: "*/*" gets Turtle
    best = tk.request.accept_mimetypes.best_match(offered)
    return "html" if best == HTML else _BY_MEDIA_TYPE.get(best or "", "ttl")


def _label(graph: Graph, node: URIRef) -> str:
    """The node's Indonesian label, else any label, else its URI."""
    labels = [label for p in _LABELS for label in graph.objects(node, p)]
    preferred = [label for label in labels if getattr(label, "language", None) == "id"]
    return str((preferred or labels or [node])[0])


def _value(graph: Graph, node: object) -> dict[str, str | None]:
    if isinstance(node, Literal):
        return {"text": str(node), "lang": node.language, "href": None}
    return {"text": _label(graph, node), "lang": None, "href": str(node)}


def _page(graph: Graph, uri: URIRef, scheme: str) -> str:
    """An HTML page of what the graph says about uri."""
    facts: dict[str, list] = {}
    for predicate, obj in sorted(graph.predicate_objects(uri)):
        name = graph.namespace_manager.normalizeUri(predicate)
        facts.setdefault(name, []).append(_value(graph, obj))
    members = []
    if (uri, RDF.type, SKOS.ConceptScheme) in graph:
        concepts = graph.subjects(SKOS.inScheme, uri)
        members = sorted(
            (_value(graph, concept) for concept in concepts),
            key=lambda member: member["href"],
        )
    node = {
        "uri": str(uri),
        "label": _label(graph, uri),
        "scheme": scheme,
        "scheme_label": vocab_rdf.TITLES[scheme][0],
        "facts": sorted(facts.items()),
        "members": members,
    }
    return tk.render("jakarta/vocab.html", {"node": node, "formats": _FORMAT_NAMES})


def _split(path: str) -> tuple[str, str | None, str | None]:
    """Scheme, key and extension of a /vocab/ path."""
    match = _EXTENSION.match(path)
    ext = match["ext"] if match else None
    scheme, _, key = (match["path"] if match else path).partition("/")
    return scheme, key or None, ext


def vocabulary(path: str) -> Response:
    """One of the portal's concept schemes, or one concept, as RDF."""
    scheme, key, ext = _split(path)
    graph = vocab_rdf.vocabulary(terms.portal_base(), scheme, key)
    if graph is None:
        return tk.abort(404, tk._("Concept not found"))
    chosen = ext or _negotiated()
    if chosen == "html":
        uri = terms.vocab_uri(terms.portal_base(), scheme, key)
        response = Response(_page(graph, uri, scheme), mimetype=HTML)
    else:
        rdflib_format, media_type = FORMATS[chosen]
        response = Response(graph.serialize(format=rdflib_format), mimetype=media_type)
    response.headers["Vary"] = "Accept"
    return response


def _rdf_response(action: str, data_dict: dict) -> Response:
    try:
        output = tk.get_action(action)({}, data_dict)
    except tk.NotAuthorized:
        return tk.abort(403)
    except tk.ObjectNotFound:
        return tk.abort(404)
    except (tk.ValidationError, RDFProfileException) as error:
        return tk.abort(409, str(error))
    return Response(output, mimetype=N_TRIPLES)


def _profiles() -> list[str] | None:
    profiles = tk.request.args.get("profiles")
    return profiles.split(",") if profiles else None


def catalog_nt() -> Response:
    """One page of the DCAT catalog as N-Triples."""
    args = tk.request.args
    data_dict = {key: args.get(key) for key in ("page", "modified_since", "q", "fq")}
    data_dict.update(format="nt", profiles=_profiles())
    return _rdf_response("dcat_catalog_show", data_dict)


def dataset_nt(id: str) -> Response:
    """One dataset in DCAT as N-Triples."""
    data_dict = {"id": id, "format": "nt", "profiles": _profiles()}
    return _rdf_response("dcat_dataset_show", data_dict)


def blueprints() -> list[Blueprint]:
    """The blueprint of the DCAT export routes."""
    blueprint = Blueprint("jakarta_dcat", __name__)
    blueprint.add_url_rule("/vocab/<path:path>", view_func=vocabulary)
    endpoint = tk.config.get("ckanext.dcat.catalog_endpoint") or (
        DEFAULT_CATALOG_ENDPOINT
    )
    blueprint.add_url_rule(endpoint.replace("{_format}", "nt"), view_func=catalog_nt)
    blueprint.add_url_rule("/dataset/<id>.nt", view_func=dataset_nt)
    return [blueprint]
