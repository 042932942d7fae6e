"""schema.org for dataset pages (``jakarta_schemaorg``).

ckanext-dcat's ``schemaorg`` profile, which the ``structured_data`` plugin
embeds in every dataset page, with the dates Jakarta keeps (``2024``,
``2024-08``) written at their own precision, unreadable ones left out
instead of failing the page, and the Jakarta areas and periods added.
"""

from __future__ import annotations

import logging
from typing import Any

from rdflib import Literal
from rdflib.namespace import RDF
from rdflib.term import Node

from ckanext.dcat.profiles import SchemaOrgProfile
from ckanext.dcat.profiles.base import SCHEMA

from ckanext.jakarta import vocab
from ckanext.jakarta.dcat import convert, terms

log = logging.getLogger(__name__)


def _interval(period: Any) -> str | None:
    if not isinstance(period, dict):
        return None
    start, end = (convert.partial_date(period.get(key)) for key in ("start", "end"))
    if start is None and end is None:
        return None
    return f"{start.iso() if start else '..'}/{end.iso() if end else '..'}"


class JakartaSchemaOrgProfile(SchemaOrgProfile):
    """schema.org Dataset with Jakarta dates, periods and areas."""

    def _add_date_triple(
        self, subject: Node, predicate: Node, value: Any, _type: Any = Literal
    ) -> None:
        parsed = convert.partial_date(value)
        if parsed is not None:
            self.g.add((subject, predicate, _type(parsed.iso())))
        elif convert.text(value):
            log.warning("schema.org: %r left out (not a date)", value)

    def additional_fields(self, dataset_ref: Node, dataset_dict: dict) -> None:
        """Add the temporal coverage periods and the Kemendagri areas."""
        for period in convert.items(dataset_dict.get("temporal_coverage")):
            interval = _interval(period)
            if interval:
                self.g.add((dataset_ref, SCHEMA.temporalCoverage, Literal(interval)))
        base = terms.portal_base()
        for code in convert.items(dataset_dict.get("cakupan_wilayah")):
            area = vocab.area(convert.text(code))
            if area is None:
                continue
            place = terms.vocab_uri(base, "wilayah", area.code)
            self.g.add((place, RDF.type, SCHEMA.Place))
            self.g.add((place, SCHEMA.name, Literal(area.name)))
            self.g.add((dataset_ref, SCHEMA.spatialCoverage, place))
