"""Normalisation shared by the harvesters and validators.

Pure functions over the reference data in :mod:`ckanext.jakarta.vocab`; nothing
here needs a database, Solr or a CKAN app context.
"""

from __future__ import annotations

from .dates import (
    AmbiguousDate,
    DateBatch,
    PartialDate,
    infer_dayfirst,
    parse_date,
    parse_dates_consistently,
    parse_month,
)
from .frequency import match_frequency, to_frequency_uri
from .language import pick_literal, primary_language
from .licence import to_license_id
from .tags import clean_tag, clean_tags
from .wilayah import WilayahMatch, match_wilayah, to_wilayah_code

__all__ = [
    "AmbiguousDate",
    "DateBatch",
    "PartialDate",
    "WilayahMatch",
    "clean_tag",
    "clean_tags",
    "infer_dayfirst",
    "match_frequency",
    "match_wilayah",
    "parse_date",
    "parse_dates_consistently",
    "parse_month",
    "pick_literal",
    "primary_language",
    "to_frequency_uri",
    "to_license_id",
    "to_wilayah_code",
]
