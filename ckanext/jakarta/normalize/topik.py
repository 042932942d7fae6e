"""Portal topics (topik groups) from theme URIs, names and category words.

A harvested record may name its themes as the portal's own topik concept
URIs, EU data-theme URIs, group names or titles, or free category words
("Public Safety", "Kesehatan"). Each is matched to one topik or reported;
a theme that could mean several topics (EU ``ECON`` covers four) is never
narrowed down by guessing.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping

from ckanext.jakarta import vocab

_VOCAB_TOPIK = re.compile(r"/vocab/topik/([a-z0-9-]+)/?$")


@dataclasses.dataclass
class Topics:
    """The topik names found in a record's themes, and what could not be used."""

    names: list[str] = dataclasses.field(default_factory=list)
    problems: list[str] = dataclasses.field(default_factory=list)


def _text_key(text: str) -> str:
    return " ".join(re.split(r"[\W_]+", text.casefold())).strip()


@functools.cache
def _word_index() -> Mapping[str, str]:
    index: dict[str, str] = {}
    for topic in vocab.topics().values():
        for text in (topic.name, topic.title_id, topic.title_en):
            index[_text_key(text)] = topic.name
    for alias, name in vocab.topic_aliases().items():
        index[_text_key(alias)] = name
    return index


@functools.cache
def _eu_index() -> Mapping[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for topic in vocab.topics().values():
        index.setdefault(topic.eu_theme_uri, []).append(topic.name)
    return {uri: tuple(names) for uri, names in index.items()}


def _candidates(value: str) -> tuple[str, ...]:
    """The topik names one theme value may denote; empty if unknown."""
    found = _VOCAB_TOPIK.search(value)
    if found and found.group(1) in vocab.topics():
        return (found.group(1),)
    theme = value.rstrip("/").replace("https://", "http://", 1)
    if theme in _eu_index():
        return _eu_index()[theme]
    name = _word_index().get(_text_key(value))
    return (name,) if name else ()


def match_topics(values: Iterable[object]) -> Topics:
    """Match a record's theme values to topik names, in the order first seen.

    A value denoting several topics (an EU theme shared by several topik)
    adds none; it is reported only when no other value of the record
    settled on one of those topics.
    """
    result = Topics()
    broad: list[tuple[str, tuple[str, ...]]] = []
    for value in values:
        text = str(value).strip() if value is not None else ""
        if not text:
            continue
        candidates = _candidates(text)
        if len(candidates) == 1:
            if candidates[0] not in result.names:
                result.names.append(candidates[0])
        elif candidates:
            broad.append((text, candidates))
        else:
            result.problems.append(
                f"Tema {text!r} tidak dikenal, dilewati / "
                f"unknown theme {text!r}, left out"
            )
    for text, candidates in broad:
        if not set(candidates) & set(result.names):
            topics = ", ".join(candidates)
            result.problems.append(
                f"Tema {text!r} bisa berarti beberapa topik ({topics}), dilewati / "
                f"theme {text!r} could mean several topics ({topics}), left out"
            )
    return result
