"""Access classification: no route gives an anonymous user a non-terbuka dataset.

Who may read what (README, "Access classification"):
- terbuka: everybody;
- terbatas: the owning OPD's members and sysadmins (the dataset is private);
- tertutup: the same readers, metadata only: it carries no resource URL or file.
"""

from __future__ import annotations

import pytest

import ckan.plugins.toolkit as tk
from ckan.tests import factories
from ckan.tests.helpers import call_action

from tests.factories import jakarta_dataset

# Distinctive words: if any of them shows up in an anonymous response, a
# restricted dataset has leaked.
OPEN_TITLE = "Kualitas Udara Terbuka Untuk Umum"
SECRETS = ("rahasiaterbatas", "rahasiatertutup")


@pytest.fixture
def catalog(create_with_upload):
    """An OPD with one terbuka, one terbatas and one tertutup dataset."""
    org = factories.Organization(name="dinas-kesehatan", title="Dinas Kesehatan")
    group = factories.Group(name="kesehatan")
    common = {"owner_org": org["id"], "groups": [{"name": group["name"]}]}
    public = jakarta_dataset(
        name="udara-terbuka",
        title=OPEN_TITLE,
        tags=[{"name": "udaraterbuka"}],
        resources=[{"url": "http://127.0.0.1/udara.csv", "name": "Udara"}],
        **common,
    )
    restricted = jakarta_dataset(
        name="kasus-per-kelurahan",
        title="Kasus rahasiaterbatas per kelurahan",
        notes="Catatan rahasiaterbatas",
        klasifikasi="terbatas",
        tags=[{"name": "rahasiaterbatas"}],
        **common,
    )
    upload = create_with_upload(
        "nik,nama\n3171,rahasiaterbatas\n",
        "kasus.csv",
        package_id=restricted["id"],
        name="Berkas rahasiaterbatas",
        context={"user": factories.Sysadmin()["name"]},
    )
    closed = jakarta_dataset(
        name="daftar-penerima",
        title="Daftar rahasiatertutup",
        notes="Catatan rahasiatertutup",
        klasifikasi="tertutup",
        tags=[{"name": "rahasiatertutup"}],
        resources=[{"name": "Tabel rahasiatertutup", "description": "tanpa berkas"}],
        **common,
    )
    return {
        "org": org,
        "group": group,
        "public": public,
        "restricted": call_action("package_show", id=restricted["id"]),
        "upload": upload,
        "closed": closed,
    }


@pytest.fixture
def member_context(catalog) -> dict:
    """The context of a member of the OPD that owns the catalog."""
    member = factories.User()
    call_action(
        "organization_member_create",
        id=catalog["org"]["id"],
        username=member["name"],
        role="member",
    )
    return {"user": member["name"], "ignore_auth": False}


def _assert_no_secret(text: str) -> None:
    leaked = [word for word in SECRETS if word in text.lower()]
    assert not leaked, f"restricted dataset leaked: {leaked}"


def _anonymous_routes(catalog) -> list[str]:
    org, group = catalog["org"]["name"], catalog["group"]["name"]
    return [
        "/api/3/action/package_search?q=*:*&include_private=true&rows=100",
        "/api/3/action/package_search?fq=organization:" + org,
        "/api/3/action/package_list",
        "/api/3/action/current_package_list_with_resources",
        "/api/3/action/package_autocomplete?q=rahasia",
        "/api/2/util/dataset/autocomplete?incomplete=rahasia",
        "/api/3/action/tag_list",
        "/api/3/action/tag_list?all_fields=true",
        "/api/3/action/tag_search?query=rahasia",
        "/api/3/action/tag_autocomplete?query=rahasia",
        "/api/2/util/tag/autocomplete?incomplete=rahasia",
        "/api/3/action/organization_show?include_datasets=true&id=" + org,
        "/api/3/action/group_show?include_datasets=true&id=" + group,
        "/api/3/action/group_package_show?id=" + group,
        "/api/3/action/recently_changed_packages_activity_list",
        "/api/3/action/organization_activity_list?id=" + org,
        "/api/3/action/group_activity_list?id=" + group,
        "/dataset/",
        "/dataset/?q=rahasia",
        "/organization/" + org,
        "/group/" + group,
        "/organization/activity/" + org,
        "/catalog.ttl",
        "/catalog.xml",
        "/catalog.jsonld",
        "/catalog.ttl?q=rahasia",
        "/catalog.nt",
        "/vocab/opd/" + org,
        "/vocab/topik/" + group,
        "/feeds/dataset.atom",
        "/feeds/custom.atom?q=rahasia",
        "/feeds/organization/" + org + ".atom",
        "/feeds/group/" + group + ".atom",
    ]


def _dataset_routes(dataset) -> list[str]:
    routes = [
        "/api/3/action/package_show?id=" + dataset["id"],
        "/api/3/action/package_activity_list?id=" + dataset["id"],
        "/dataset/" + dataset["name"],
        "/dataset/activity/" + dataset["name"],
        "/dataset/" + dataset["id"] + ".ttl",
        "/dataset/" + dataset["id"] + ".xml",
        "/dataset/" + dataset["id"] + ".jsonld",
        "/dataset/" + dataset["id"] + ".nt",
    ]
    for resource in dataset["resources"]:
        routes += [
            "/api/3/action/resource_show?id=" + resource["id"],
            "/api/3/action/resource_view_list?id=" + resource["id"],
            f"/dataset/{dataset['id']}/resource/{resource['id']}",
            f"/dataset/{dataset['id']}/resource/{resource['id']}/download",
        ]
    return routes


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestAnonymousSweep:
    def test_listing_routes_show_only_the_terbuka_dataset(self, app, catalog):
        """Every listing an anonymous user can open names no restricted dataset."""
        for route in _anonymous_routes(catalog):
            response = app.get(route)

            assert response.status_code == 200, route
            _assert_no_secret(response.get_data(as_text=True))

    def test_a_restricted_dataset_keyword_does_not_exist(
        self, app, catalog, member_context
    ):
        """Its tag answers as a tag never used would; members still see it."""
        for name in SECRETS:
            response = app.get(f"/api/3/action/tag_show?id={name}", status=404)
            _assert_no_secret(response.get_data(as_text=True))
        never_used = app.get("/api/3/action/tag_show?id=tidakpernahada", status=404)
        assert response.json["error"] == never_used.json["error"]

        assert set(SECRETS) <= set(call_action("tag_list", member_context))
        anonymous = app.get("/api/3/action/tag_list").json["result"]
        assert "udaraterbuka" in anonymous

    def test_listing_routes_do_show_the_open_dataset(self, app, catalog):
        """The sweep is not vacuous: the terbuka dataset is found where it should be."""
        for route in ("/api/3/action/package_search", "/dataset/", "/catalog.ttl"):
            body = app.get(route).get_data(as_text=True)

            assert catalog["public"]["name"] in body or OPEN_TITLE in body, route

    @pytest.mark.parametrize("which", ["restricted", "closed"])
    def test_restricted_dataset_routes_are_not_found(self, app, catalog, which):
        """Each page, API call, RDF document and download of it is a 404.

        A 403 would confirm that a dataset with that id exists.
        """
        for route in _dataset_routes(catalog[which]):
            response = app.get(route)

            assert response.status_code == 404, route
            _assert_no_secret(response.get_data(as_text=True))

    @pytest.mark.parametrize("which", ["restricted", "closed"])
    def test_api_answers_as_for_an_id_never_used(self, app, catalog, which):
        """package_show and resource_show give the same error as for unknown ids."""
        dataset = catalog[which]
        unknown = "00000000-0000-4000-8000-000000000000"
        for action, real in (
            ("package_show", dataset["id"]),
            ("package_show", dataset["name"]),
            ("resource_show", dataset["resources"][0]["id"]),
        ):
            url = f"/api/3/action/{action}?id="
            answer = app.get(url + real).get_json()
            never_used = app.get(url + unknown).get_json()

            assert answer == never_used, (action, real)

    def test_open_dataset_routes_answer(self, app, catalog):
        """The same routes do serve the terbuka dataset (the check can fail)."""
        routes = [
            r for r in _dataset_routes(catalog["public"]) if not r.endswith("download")
        ]
        for route in routes:
            assert app.get(route).status_code == 200, route


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestWhoReadsRestrictedData:
    def test_member_of_the_owning_opd_reads_terbatas(self, catalog, member_context):
        """A member of the owning OPD can read a terbatas dataset."""
        context = member_context

        shown = call_action("package_show", context=context, id="kasus-per-kelurahan")

        assert shown["klasifikasi"] == "terbatas"

    def test_member_of_another_opd_cannot_read_terbatas(self, catalog):
        """A logged-in officer of another OPD gets no access to it."""
        other = factories.User()
        factories.Organization(users=[{"name": other["name"], "capacity": "editor"}])
        context = {"user": other["name"], "ignore_auth": False}

        with pytest.raises(tk.ObjectNotFound):
            call_action("package_show", context=context, id="kasus-per-kelurahan")


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestClassificationFollowsTheDataset:
    def test_restricted_dataset_is_private_even_if_asked_public(self):
        """A terbatas dataset sent with private=False is stored private."""
        dataset = jakarta_dataset(klasifikasi="terbatas", private=False)

        assert dataset["private"] is True

    def test_reclassifying_to_terbatas_hides_a_public_dataset(self):
        """Changing terbuka to terbatas makes the dataset private at once."""
        dataset = jakarta_dataset()

        patched = call_action(
            "package_patch",
            context={"user": factories.Sysadmin()["name"]},
            id=dataset["id"],
            klasifikasi="terbatas",
        )

        assert patched["private"] is True
        assert call_action("package_search", q="*:*")["count"] == 0

    def test_closed_dataset_refuses_a_resource_url(self):
        """A tertutup dataset cannot carry a link to its data."""
        with pytest.raises(tk.ValidationError) as raised:
            jakarta_dataset(
                klasifikasi="tertutup",
                resources=[{"url": "http://127.0.0.1/rahasia.csv"}],
            )

        message = raised.value.error_dict["resources"][0]["url"][0]
        assert "cannot have links or files" in message

    def test_closing_a_dataset_with_links_is_refused(self):
        """Reclassifying to tertutup while resources still link out is refused."""
        dataset = jakarta_dataset(resources=[{"url": "http://127.0.0.1/a.csv"}])

        with pytest.raises(tk.ValidationError) as raised:
            call_action("package_patch", id=dataset["id"], klasifikasi="tertutup")

        message = raised.value.error_dict["klasifikasi"][0]
        assert "cannot have links or files" in message
        assert call_action("package_show", id=dataset["id"])["private"] is False

    def test_bulk_make_public_refuses_restricted_datasets(self):
        """The organization's bulk 'make public' cannot publish a terbatas dataset."""
        org = factories.Organization()
        dataset = jakarta_dataset(owner_org=org["id"], klasifikasi="terbatas")

        with pytest.raises(tk.ValidationError) as raised:
            call_action(
                "bulk_update_public", datasets=[dataset["id"]], org_id=org["id"]
            )

        assert dataset["name"] in raised.value.error_dict["datasets"][0]
        assert call_action("package_show", id=dataset["id"])["private"] is True
