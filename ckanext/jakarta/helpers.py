"""Template helpers, also used as scheming ``choices_helper`` functions."""

from __future__ import annotations

from typing import Any

from ckan import model

from ckanext.jakarta import vocab

__all__ = [
    "jakarta_frequency_choices",
    "jakarta_wilayah_choices",
    "jakarta_area_name",
    "jakarta_opd_type_choices",
    "jakarta_organization_choices",
    "jakarta_eu_theme_choices",
]

LEVEL_LABELS = {
    "provinsi": {"id": "Provinsi", "en": "Province"},
    "kota": {"id": "Kota/Kabupaten", "en": "City/Regency"},
    "kecamatan": {"id": "Kecamatan", "en": "District"},
    "kelurahan": {"id": "Kelurahan", "en": "Village"},
}


def jakarta_frequency_choices(field: dict[str, Any]) -> list[dict[str, Any]]:
    """The update frequencies, valued by their EU authority URI (first label wins)."""
    first = {}
    for freq in vocab.frequencies().values():
        first.setdefault(freq.uri, freq)
    return [
        {"value": freq.uri, "label": {"id": freq.label_id, "en": freq.label_en}}
        for freq in first.values()
    ]


def _area_label(area: vocab.Area, lang: str) -> str:
    parent = vocab.area(area.parent_code) if area.parent_code else None
    where = f", {parent.name}" if parent and parent.level != "provinsi" else ""
    return f"{LEVEL_LABELS[area.level][lang]} {area.name}{where} ({area.code})"


def jakarta_wilayah_choices(field: dict[str, Any]) -> list[dict[str, Any]]:
    """Every DKI Jakarta area, valued by its Kemendagri code."""
    return [
        {
            "value": area.code,
            "label": {lang: _area_label(area, lang) for lang in ("id", "en")},
        }
        for area in vocab.areas().values()
    ]


def jakarta_area_name(code: str) -> str:
    """The name of the area with this code, or the code itself if unknown."""
    area = vocab.area(code)
    return area.name if area else code


def jakarta_opd_type_choices(field: dict[str, Any]) -> list[dict[str, Any]]:
    """The kinds of OPD, valued by their short key."""
    return [
        {"value": kind.key, "label": {"id": kind.label_id, "en": kind.label_en}}
        for kind in vocab.opd_types().values()
    ]


def jakarta_organization_choices(field: dict[str, Any]) -> list[dict[str, Any]]:
    """The active organizations, valued by name and sorted by title."""
    rows = (
        model.Session.query(model.Group.name, model.Group.title)
        .filter(model.Group.is_organization.is_(True))
        .filter(model.Group.state == "active")
        .order_by(model.Group.title)
    )
    return [{"value": name, "label": title or name} for name, title in rows]


def jakarta_eu_theme_choices(field: dict[str, Any]) -> list[dict[str, Any]]:
    """The EU data themes, valued by their authority URI."""
    return [
        {"value": theme.uri, "label": {"id": theme.label_id, "en": theme.label_en}}
        for theme in vocab.eu_themes().values()
    ]
