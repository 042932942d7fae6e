"""Update frequencies from words, ISO 8601 durations and EU authority URIs."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from ckanext.jakarta import vocab

# Words that only pad a frequency ("diperbarui setiap 1 tahun sekali"); they are
# dropped when the whole text is not a known alias.
_FILLER_WORDS = frozenset(
    {
        "setiap", "tiap", "per", "sekali", "satu", "1", "data", "diperbarui",
        "pembaruan", "pemutakhiran", "update", "updated", "every", "each", "once",
        "a", "an",
    }
)  # fmt: skip

_DURATION = re.compile(
    r"^(?:R\d*/)?(?:[^/]+/)?P(?:(?P<n>\d+)(?P<unit>[YMWD])|T(?P<hours>\d+)H)$",
    re.IGNORECASE,
)
_UNIT_SIZE = {"Y": ("M", 12), "M": ("M", 1), "W": ("D", 7), "D": ("D", 1)}


def _text_key(text: str) -> str:
    """Reduce text to lowercase words separated by single spaces."""
    text = re.sub(r"^https?://", "", text.strip(), flags=re.IGNORECASE)
    return " ".join(re.split(r"[\W_]+", text.casefold())).strip()


def _duration_key(text: str) -> tuple[str, int] | None:
    """Reduce a simple ISO 8601 duration to (unit, count): P1W and P7D agree."""
    match = _DURATION.match(text.strip())
    if match is None:
        return None
    if match["hours"]:
        return ("H", int(match["hours"]))
    unit, size = _UNIT_SIZE[match["unit"].upper()]
    return (unit, int(match["n"]) * size)


@functools.cache
def _word_index() -> Mapping[str, str]:
    """Map the text key of every alias, key and label to a frequency key."""
    index: dict[str, str] = {}
    for item in vocab.frequencies().values():
        for text in (item.key, item.label_id, item.label_en):
            index[_text_key(text)] = item.key
    for alias, key in vocab.frequency_aliases().items():
        index[_text_key(alias)] = key
    return index


@functools.cache
def _duration_index() -> Mapping[tuple[str, int], str]:
    """Map the duration key of every frequency that has one to its key."""
    index: dict[tuple[str, int], str] = {}
    for item in vocab.frequencies().values():
        found = _duration_key(item.iso8601) if item.iso8601 else None
        if found:
            index[found] = item.key
    return index


def _match_words(text: str) -> str | None:
    """Find the frequency key for words, retrying without filler words."""
    key = _text_key(text)
    if key in _word_index():
        return _word_index()[key]
    kept = [word for word in key.split() if word not in _FILLER_WORDS]
    return _word_index().get(" ".join(kept))


def match_frequency(value: object) -> vocab.Frequency | None:
    """Return the vocabulary frequency a value denotes, or None."""
    text = str(value).strip() if value is not None else ""
    if not text:
        return None
    found = vocab.frequency(text)
    if found is not None:
        return found
    duration = _duration_key(text)
    key = _duration_index().get(duration) if duration else _match_words(text)
    return vocab.frequencies()[key] if key else None


def to_frequency_uri(value: object) -> str | None:
    """Return the EU frequency authority URI a value denotes, or None."""
    found = match_frequency(value)
    return found.uri if found else None
