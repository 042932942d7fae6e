"""The one literal to keep from a set of language-tagged alternatives."""

from __future__ import annotations

from collections.abc import Iterable

# ISO 639 codes that mean the same language as the two-letter code ("in" is
# the withdrawn code for Indonesian that Java and old systems still emit).
_SYNONYMS = {"in": "id", "ind": "id", "eng": "en"}


def primary_language(tag: str | None) -> str | None:
    """Return the lowercase primary subtag of a language tag (``id-ID``: ``id``)."""
    if not tag or not tag.strip():
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].casefold()
    return _SYNONYMS.get(primary, primary)


def pick_literal(
    literals: Iterable[tuple[str, str | None]], default_locale: str = "id"
) -> str | None:
    """Pick the literal to show from (text, language tag) pairs.

    Preference: the default locale's language (``id`` also matches ``id-ID``
    and ``in``), then English, then an untagged text, then the first one.
    Blank texts are skipped; None when no text is left.
    """
    usable = [
        (text, primary_language(lang))
        for text, lang in literals
        if text and text.strip()
    ]
    if not usable:
        return None
    for wanted in (primary_language(default_locale), "en", None):
        for text, lang in usable:
            if lang == wanted:
                return text
    return usable[0][0]
