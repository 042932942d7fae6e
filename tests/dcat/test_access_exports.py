"""Only terbuka datasets reach an anonymous requester, on every page and format."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, RDF

import ckan.plugins.toolkit as tk
from ckan.tests import factories

from tests.factories import jakarta_dataset

HYDRA_NEXT = URIRef("http://www.w3.org/ns/hydra/core#next")
FORMATS = {"xml": "xml", "ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}
SECRETS = ("rahasiaterbatas", "rahasiatertutup")


def assert_no_secret(text: str, where: str) -> None:
    """Fail if a word of a restricted dataset shows in text."""
    leaked = [word for word in SECRETS if word in text.lower()]
    assert not leaked, f"{where}: restricted dataset leaked: {leaked}"


@pytest.fixture
def mixed_catalog():
    """Three terbuka datasets and a terbatas and a tertutup one, one OPD."""
    org = factories.Organization(name="dinas-kesehatan", title="Dinas Kesehatan")
    group = factories.Group(name="kesehatan", title="Kesehatan")
    common = {"owner_org": org["id"], "groups": [{"name": group["name"]}]}
    public = [
        jakarta_dataset(name=f"kesehatan-terbuka-{n}", **common) for n in (1, 2, 3)
    ]
    restricted = [
        jakarta_dataset(
            name="kasus-rahasiaterbatas",
            title="Kasus rahasiaterbatas",
            klasifikasi="terbatas",
            resources=[{"url": "http://127.0.0.1/rahasiaterbatas.csv"}],
            **common,
        ),
        jakarta_dataset(
            name="penerima-rahasiatertutup",
            title="Penerima rahasiatertutup",
            klasifikasi="tertutup",
            resources=[{"name": "Tabel rahasiatertutup"}],
            **common,
        ),
    ]
    return {"org": org, "group": group, "public": public, "restricted": restricted}


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestAnonymousExports:
    @pytest.mark.ckan_config("ckanext.dcat.datasets_per_page", "1")
    @pytest.mark.parametrize("ext", sorted(FORMATS))
    def test_every_catalog_page_holds_only_terbuka(self, app, mixed_catalog, ext):
        """Each catalog page, in each format, names only terbuka datasets."""
        site = tk.config["ckan.site_url"]
        path, seen = f"/catalog.{ext}", []
        while path:
            body = app.get(path).get_data(as_text=True)
            assert_no_secret(body, path)
            graph = Graph().parse(data=body, format=FORMATS[ext])
            seen += [str(s) for s in graph.subjects(RDF.type, DCAT.Dataset)]
            following = list(graph.objects(None, HYDRA_NEXT))
            path = str(following[0]).removeprefix(site) if following else None

        ids = sorted(f"{site}/dataset/{d['id']}" for d in mixed_catalog["public"])
        assert sorted(seen) == ids

    @pytest.mark.parametrize("ext", sorted(FORMATS))
    def test_restricted_dataset_documents_are_refused(self, app, mixed_catalog, ext):
        """/dataset/{id}.{ext} of a terbatas or tertutup dataset is refused."""
        for dataset in mixed_catalog["restricted"]:
            response = app.get(f"/dataset/{dataset['id']}.{ext}")

            assert response.status_code == 404, dataset["name"]
            assert_no_secret(response.get_data(as_text=True), dataset["name"])

    def test_content_negotiation_refuses_restricted_datasets(self, app, mixed_catalog):
        """Asking /dataset/{id} for Turtle does not open a restricted dataset."""
        for dataset in mixed_catalog["restricted"]:
            response = app.get(
                f"/dataset/{dataset['id']}", headers={"Accept": "text/turtle"}
            )

            assert response.status_code == 404, dataset["name"]
            assert_no_secret(response.get_data(as_text=True), dataset["name"])

    @pytest.mark.parametrize(
        "path",
        [
            "/catalog.ttl?q=rahasiaterbatas",
            "/catalog.ttl?fq=private:true",
            "/catalog.nt?q=*:*&page=1",
            "/",
            "/api/3/action/dcat_catalog_search?format=ttl&q=rahasia*",
            "/vocab/opd",
            "/vocab/topik",
            "/vocab/opd/dinas-kesehatan",
            "/vocab/topik/kesehatan",
        ],
    )
    def test_queries_and_vocabularies_name_no_restricted_dataset(
        self, app, mixed_catalog, path
    ):
        """Searches, the RDF home page and the vocabularies leak nothing."""
        response = app.get(path, headers={"Accept": "text/turtle"})

        assert response.status_code == 200, path
        assert_no_secret(response.get_data(as_text=True), path)

    def test_the_owning_opd_member_can_export_a_terbatas_dataset(
        self, app, mixed_catalog
    ):
        """The sweep is not vacuous: a member of the OPD gets the document."""
        member = factories.UserWithToken()
        tk.get_action("organization_member_create")(
            {"ignore_auth": True},
            {
                "id": mixed_catalog["org"]["id"],
                "username": member["name"],
                "role": "member",
            },  # fmt: skip
        )
        dataset = mixed_catalog["restricted"][0]

        response = app.get(
            f"/dataset/{dataset['id']}.ttl", headers={"Authorization": member["token"]}
        )

        assert response.status_code == 200
        assert "rahasiaterbatas" in response.get_data(as_text=True)
