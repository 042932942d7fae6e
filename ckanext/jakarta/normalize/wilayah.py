"""Kemendagri area codes from codes, names and the spellings other data use."""

from __future__ import annotations

import dataclasses
import re

from ckanext.jakarta import vocab

_DOTTED_CODE = re.compile(r"^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$")
_DIGIT_SPANS = {2: (2,), 4: (2, 2), 6: (2, 2, 2), 10: (2, 2, 2, 4)}

# A leading designator ("Kota Adm.", "Kec.", "Kelurahan") names the level of
# the area that follows it.
_DESIGNATORS = tuple(
    (re.compile(rf"^(?:{words})\b\W*", re.IGNORECASE), level)
    for words, level in (
        (r"provinsi|prov", "provinsi"),
        (
            r"kota\W+administrasi|kota\W+adm|kabupaten\W+administrasi|kab\W+adm"
            r"|kabupaten|kab|kota",
            "kota",
        ),
        (r"kecamatan|kec", "kecamatan"),
        (r"kelurahan|kel|desa", "kelurahan"),
    )
)


@dataclasses.dataclass(frozen=True)
class WilayahMatch:
    """The outcome of matching one value against the area vocabulary."""

    value: str
    candidates: tuple[str, ...]

    @property
    def code(self) -> str | None:
        """Return the one matching code, or None when unknown or ambiguous."""
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def problem(self) -> str | None:
        """Return a bilingual message when a non-empty value did not match."""
        if not self.value or self.code:
            return None
        if self.candidates:
            codes = ", ".join(self.candidates)
            return (
                f"Nama wilayah ambigu ({codes}): {self.value!r} / "
                f"ambiguous area name ({codes}): {self.value!r}"
            )
        return f"Wilayah tidak dikenal: {self.value!r} / unknown area: {self.value!r}"


def _code_from_digits(text: str) -> str | None:
    """Return the dotted code a dotted or all-digit code spells, if it exists."""
    compact = re.sub(r"\s", "", text)
    if compact.isdigit() and len(compact) in _DIGIT_SPANS:
        parts, start = [], 0
        for size in _DIGIT_SPANS[len(compact)]:
            parts.append(compact[start : start + size])
            start += size
        compact = ".".join(parts)
    if _DOTTED_CODE.match(compact) and vocab.area(compact):
        return compact
    return None


def _fits(code: str, level: str | None, within: str | None) -> bool:
    """Tell whether a code is of the wanted level and under the wanted parent."""
    found = vocab.area(code)
    return (
        found is not None
        and level in (None, found.level)
        and (within is None or within in vocab.ancestors(code))
    )


def _designated(text: str) -> tuple[str, str] | None:
    """Split a leading level designator off text: (level, rest)."""
    for pattern, level in _DESIGNATORS:
        match = pattern.match(text)
        if match and text[match.end() :].strip():
            return level, text[match.end() :]
    return None


def _name_candidates(
    text: str, level: str | None, within: str | None
) -> tuple[str, ...]:
    """Match a name or alias, then the name after a level designator."""
    found = vocab.area_candidates(text, level=level, within=within)
    designated = _designated(text) if not found else None
    if designated is None or level not in (None, designated[0]):
        return found
    return vocab.area_candidates(designated[1], level=designated[0], within=within)


def match_wilayah(
    value: object, *, level: str | None = None, within: str | None = None
) -> WilayahMatch:
    """Match a code, name or alias against the area vocabulary.

    ``level`` (provinsi, kota, kecamatan, kelurahan) and ``within`` (a parent
    code) narrow a name that several areas share.
    """
    text = str(value).strip() if value is not None else ""
    if not text:
        return WilayahMatch("", ())
    code = _code_from_digits(text)
    if code is not None:
        return WilayahMatch(text, (code,) if _fits(code, level, within) else ())
    return WilayahMatch(text, _name_candidates(text, level, within))


def to_wilayah_code(
    value: object, *, level: str | None = None, within: str | None = None
) -> str | None:
    """Return the dotted code a value denotes; None if unknown or ambiguous."""
    return match_wilayah(value, level=level, within=within).code
