"""CKAN licence ids from licence URIs, titles and SPDX identifiers."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from ckanext.jakarta import vocab

# URI path endings that name a rendering of a licence, not another licence.
_RENDERING = re.compile(r"/(?:legalcode(?:\.\w+)?|deed\.[\w-]+|summary)$")
# Creative Commons and Open Data Commons URIs: the licence is the path's first
# segment after "licenses" (or "publicdomain"); version and port do not matter.
_VERSIONED = re.compile(
    r"^(?P<base>(?:creativecommons\.org/(?:licenses|publicdomain)"
    r"|opendatacommons\.org/licenses)/[\w-]+)(?:/.*)?$"
)
_SPDX = re.compile(r"^spdx\.org/licenses/(?P<id>[\w.+-]+?)(?:\.html|\.json)?$")


def _uri_key(text: str) -> str:
    """Reduce a licence URI to host and path, without scheme, www. or version."""
    key = re.sub(r"^[a-z]+://(?:www\.)?", "", text.casefold()).rstrip("/")
    key = _RENDERING.sub("", key).rstrip("/")
    spdx = _SPDX.match(key)
    if spdx:
        return _text_key(spdx["id"])
    versioned = _VERSIONED.match(key)
    return versioned["base"] if versioned else key


def _text_key(text: str) -> str:
    """Reduce a licence title or identifier to lowercase letters, digits and dots."""
    return re.sub(r"[^0-9a-z.]", "", text.casefold())


def _key(text: str) -> str:
    """Return the matching key of a licence URI, title or identifier."""
    text = text.strip()
    return _uri_key(text) if "://" in text else _text_key(text)


@functools.cache
def _index() -> Mapping[str, str]:
    """Map the key of every alias and every CKAN licence id to the licence id."""
    index = {_key(alias): id_ for alias, id_ in vocab.license_aliases().items()}
    for license_id in set(vocab.license_aliases().values()):
        index.setdefault(_key(license_id), license_id)
    return index


def to_license_id(value: object) -> str | None:
    """Return the CKAN licence id a licence URI, title or SPDX id denotes."""
    text = str(value).strip() if value is not None else ""
    return _index().get(_key(text)) if text else None
