"""Round trip: export datasets, parse them back, recreate them, compare."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ckan.tests import factories
from ckan.tests.helpers import call_action

from ckanext.dcat.processors import RDFParser

from ckanext.jakarta.dcat.profile import NOT_EXPORTED
from tests.dcat.conftest import COLUMNS, full_fields
from tests.factories import jakarta_dataset

# Fields whose order is part of the value; other lists are sets in RDF.
ORDERED = {"komponen_data"}


def comparable(value: Any, ordered: bool = False) -> Any:
    """A value with empty parts removed, and lists sorted unless ordered."""
    if isinstance(value, dict):
        kept = {k: comparable(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v is not None} or None
    if isinstance(value, list):
        items = [comparable(v) for v in value]
        items = [v for v in items if v is not None]
        if not ordered:
            items.sort(key=lambda v: json.dumps(v, sort_keys=True))
        return items or None
    if isinstance(value, str):
        return value.strip() or None
    return value


def field_value(dataset: dict[str, Any], field: str) -> Any:
    """The value of one schema field, as package_show gives it."""
    if field == "tag_string":
        return sorted(tag["name"] for tag in dataset["tags"])
    if field == "owner_org":
        return (dataset.get("organization") or {}).get("name")
    return comparable(dataset.get(field), ordered=field in ORDERED)


def schema() -> dict[str, Any]:
    """The Jakarta dataset schema as scheming serves it."""
    return call_action("scheming_dataset_schema_show", type="dataset")


def _columns(level: str) -> list[dict[str, str]]:
    return [column | {"klasifikasi": level} for column in COLUMNS]


def restricted_variants(org, group) -> list[dict[str, Any]]:
    """A terbatas and a tertutup dataset, the latter without a resource URL."""
    terbatas = full_fields(org, group) | {
        "name": "ispu-2024-terbatas",
        "klasifikasi": "terbatas",
    }
    terbatas["resources"][0]["komponen_data"] = _columns("terbatas")
    tertutup = full_fields(org, group) | {
        "name": "daftar-penerima-bantuan",
        "klasifikasi": "tertutup",
        "publisher": [],
    }
    tertutup["resources"] = [
        {
            "name": "Tabel penerima",
            "description": "Tanpa berkas",
            "format": "XLSX",
            "komponen_data": _columns("tertutup"),
        }
    ]
    return [terbatas, tertutup]


def export(app, datasets, token) -> RDFParser:
    """Export each dataset as Turtle, as the sysadmin, into one parser."""
    parser = RDFParser()
    for dataset in datasets:
        response = app.get(
            f"/dataset/{dataset['id']}.ttl", headers={"Authorization": token}
        )
        assert response.status_code == 200
        parser.parse(response.get_data(as_text=True), _format="ttl")
    return parser


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestRoundTrip:
    def test_every_schema_field_comes_back_equal(
        self, app, opd, topik, reset_db, migrate_db_for, reset_index
    ):
        """Each field of the dataset schema survives export, parse and create."""
        sysadmin = factories.SysadminWithToken()
        created = [jakarta_dataset(**full_fields(opd, topik))]
        created += [jakarta_dataset(**f) for f in restricted_variants(opd, topik)]
        context = {"user": sysadmin["name"]}
        originals = [
            call_action("package_show", context=context, id=d["id"]) for d in created
        ]
        parser = export(app, originals, sysadmin["token"])

        reset_db()
        migrate_db_for("activity")
        migrate_db_for("harvest")
        reset_index()
        factories.Organization(name=opd["name"], title=opd["title"])
        factories.Group(name=topik["name"], title=topik["title"])
        admin = factories.Sysadmin()
        for parsed in parser.datasets():
            call_action("package_create", context={"user": admin["name"]}, **parsed)

        fields = [
            f for f in schema()["dataset_fields"] if f["field_name"] not in NOT_EXPORTED
        ]
        for field in fields:
            assert field_value(originals[0], field["field_name"]), field["field_name"]
        for original in originals:
            back = call_action(
                "package_show", context={"user": admin["name"]}, id=original["name"]
            )
            for field in fields:
                name = field["field_name"]
                assert field_value(back, name) == field_value(original, name), name
            assert back["private"] == original["private"]
            assert [g["name"] for g in back["groups"]] == [topik["name"]]
            self._resources_come_back(original, back)

    def _resources_come_back(self, original, back) -> None:
        fields = [f["field_name"] for f in schema()["resource_fields"]]
        by_name = {res["name"]: res for res in back["resources"]}
        assert len(by_name) == len(original["resources"])
        for resource in original["resources"]:
            copy = by_name[resource["name"]]
            for name in fields:
                assert field_value(copy, name) == field_value(resource, name), name
