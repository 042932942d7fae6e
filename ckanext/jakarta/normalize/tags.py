"""Keywords cleaned into valid CKAN tags."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# CKAN 2.12 (ckan.model.tag, ckan.logic.validators.tag_name_validator): word
# characters (unicode letters, digits, underscore), spaces, "-" and "."; 2 to 100
# characters.
MIN_TAG_LENGTH = 2
MAX_TAG_LENGTH = 100

_SEPARATORS = re.compile(r";|(?<!\d),|,(?!\d)")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_INVALID = re.compile(r"[^\w \-.]+")


def clean_tag(keyword: object) -> str | None:
    """Return keyword as a valid CKAN tag, or None when nothing valid remains.

    Text and numbers are cleaned; any other value (None, bytes, objects) gives
    None.
    """
    if isinstance(keyword, bool) or not isinstance(keyword, str | int | float):
        return None
    text = unicodedata.normalize("NFC", str(keyword))
    text = _DECIMAL_COMMA.sub(".", text)
    text = " ".join(_INVALID.sub(" ", text).split())
    if len(text) > MAX_TAG_LENGTH:
        text = text[:MAX_TAG_LENGTH].rsplit(" ", 1)[0].strip()
    return text if len(text) >= MIN_TAG_LENGTH else None


def _split(keywords: str | Iterable[object]) -> list[object]:
    """Split a keyword string or each keyword of a list at ``;`` and ``,``.

    A comma between digits is a decimal comma (``PM2,5``) and does not split.
    """
    items = [keywords] if isinstance(keywords, str) else list(keywords)
    parts: list[object] = []
    for item in items:
        parts.extend(_SEPARATORS.split(item) if isinstance(item, str) else [item])
    return parts


def clean_tags(keywords: str | Iterable[object] | None) -> list[str]:
    """Turn keywords into valid CKAN tags, dropping duplicates, keeping order."""
    tags: dict[str, str] = {}
    for keyword in _split(keywords or ()):
        tag = clean_tag(keyword)
        if tag is not None:
            tags.setdefault(tag.casefold(), tag)
    return list(tags.values())
