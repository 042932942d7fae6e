"""Tests for ckanext.jakarta.normalize.licence."""

from __future__ import annotations

import pytest

from ckanext.jakarta import vocab
from ckanext.jakarta.normalize import to_license_id

EU = "http://publications.europa.eu/resource/authority/licence/"


@pytest.mark.parametrize(
    ("value", "license_id"),
    [
        ("CC-BY-4.0", "cc-by"),
        ("CC-BY-SA-4.0", "cc-by-sa"),
        ("CC0-1.0", "cc-zero"),
        ("ODbL-1.0", "odc-odbl"),
        ("PDDL-1.0", "odc-pddl"),
        ("ODC-By-1.0", "odc-by"),
        ("OGL-UK-3.0", "uk-ogl"),
        ("https://spdx.org/licenses/CC-BY-4.0.html", "cc-by"),
    ],
)
def test_spdx_ids(value, license_id):
    """SPDX identifiers (and their spdx.org pages) map to CKAN licence ids."""
    assert to_license_id(value) == license_id


@pytest.mark.parametrize(
    "value",
    [
        "https://creativecommons.org/licenses/by/4.0/",
        "http://creativecommons.org/licenses/by/4.0/",
        "https://creativecommons.org/licenses/by/4.0",
        "http://www.creativecommons.org/licenses/by/4.0",
        "https://creativecommons.org/licenses/by/4.0/legalcode",
        "https://creativecommons.org/licenses/by/4.0/deed.id",
        "https://creativecommons.org/licenses/by/3.0/",
        EU + "CC_BY_4_0",
        "https://publications.europa.eu/resource/authority/licence/cc_by_4_0/",
    ],
)
def test_cc_by_uris(value):
    """CC BY URIs of any scheme, version or rendering, and the EU URI, give cc-by."""
    assert to_license_id(value) == "cc-by"


@pytest.mark.parametrize(
    ("value", "license_id"),
    [
        ("https://creativecommons.org/licenses/by-sa/4.0/", "cc-by-sa"),
        ("https://creativecommons.org/publicdomain/zero/1.0/", "cc-zero"),
        ("https://opendatacommons.org/licenses/odbl/", "odc-odbl"),
        ("https://opendatacommons.org/licenses/odbl/1-0/", "odc-odbl"),
        ("http://opendatacommons.org/licenses/pddl/1.0/", "odc-pddl"),
        ("https://opendatacommons.org/licenses/by/1-0/", "odc-by"),
        ("https://creativecommons.org/licenses/by-nc/4.0/", "cc-nc"),
        (EU + "CC_BYSA_4_0", "cc-by-sa"),
        (EU + "CC0", "cc-zero"),
        (EU + "ODC_BL", "odc-odbl"),
        (EU + "OGL_3_0", "uk-ogl"),
    ],
)
def test_other_uris(value, license_id):
    """Open licence URIs of CC, Open Data Commons and the EU map to their ids."""
    assert to_license_id(value) == license_id


@pytest.mark.parametrize(
    ("value", "license_id"),
    [
        ("Creative Commons Attribution", "cc-by"),
        ("CC BY 4.0", "cc-by"),
        ("cc-by", "cc-by"),
        ("Open Data Commons Open Database License (ODbL)", "odc-odbl"),
        ("Creative Commons Attribution Share-Alike", "cc-by-sa"),
        ("Atribusi 4.0 Internasional", "cc-by"),
        ("License not specified", "notspecified"),
    ],
)
def test_titles_and_ckan_ids(value, license_id):
    """Licence titles, Indonesian ones included, and CKAN ids map to CKAN ids."""
    assert to_license_id(value) == license_id


@pytest.mark.parametrize("value", [None, "", "MIT", "https://example.org/licence"])
def test_unknown_gives_none(value):
    """A value that names no known data licence gives None."""
    assert to_license_id(value) is None


def test_every_alias_maps_to_its_own_licence():
    """No two aliases collide: each alias resolves to the id its row gives."""
    for alias, license_id in vocab.license_aliases().items():
        assert to_license_id(alias) == license_id, alias
