"""The Jakarta DCAT-AP 3 profile, triple by triple."""

from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

import ckan.plugins.toolkit as tk

from ckanext.dcat.processors import RDFParser

from ckanext.jakarta.dcat.profile import JAKARTA
from ckanext.jakarta.dcat.terms import CSVW, SDMX_ATTRIBUTE
from tests.dcat.conftest import turtle
from tests.factories import jakarta_dataset

DCT = DCTERMS
ADMS = "http://www.w3.org/ns/adms#"
VCARD = "http://www.w3.org/2006/vcard/ns#"
EU = "http://publications.europa.eu/resource/authority/"


def site(path: str) -> URIRef:
    """A URI on the test portal."""
    return URIRef(tk.config["ckan.site_url"] + path)


def dataset_ref(dataset) -> URIRef:
    """The dataset's URI in the export."""
    return site("/dataset/" + dataset["id"])


def distribution_ref(dataset) -> URIRef:
    """The URI of the dataset's first distribution."""
    resource = dataset["resources"][0]
    return site(f"/dataset/{dataset['id']}/resource/{resource['id']}")


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestDatasetExport:
    @pytest.fixture
    def exported(self, app, full_dataset):
        graph = turtle(app, f"/dataset/{full_dataset['id']}.ttl")
        return graph, dataset_ref(full_dataset), full_dataset

    def test_klasifikasi_is_the_eu_access_right(self, exported):
        """A terbuka dataset has dct:accessRights PUBLIC, a dct:RightsStatement."""
        g, ref, _ = exported
        public = URIRef(EU + "access-right/PUBLIC")

        assert (ref, DCT.accessRights, public) in g
        assert (public, RDF.type, DCT.RightsStatement) in g

    def test_spatial_is_the_wilayah_concept_with_its_name(self, exported):
        """Each area code is a dct:Location the portal serves, named in Indonesian."""
        g, ref, _ = exported
        kota, kelurahan = (
            site("/vocab/wilayah/31.71"),
            site("/vocab/wilayah/31.71.01.1001"),
        )

        assert set(g.objects(ref, DCT.spatial)) == {kota, kelurahan}
        assert (kota, RDF.type, DCT.Location) in g
        assert (
            kota,
            SKOS.prefLabel,
            Literal("Kota Administrasi Jakarta Pusat", lang="id"),
        ) in g
        assert (kelurahan, SKOS.prefLabel, Literal("Gambir", lang="id")) in g

    def test_frequency_is_the_eu_frequency(self, exported):
        """harian is dct:accrualPeriodicity DAILY, typed dct:Frequency."""
        g, ref, _ = exported
        daily = URIRef(EU + "frequency/DAILY")

        assert list(g.objects(ref, DCT.accrualPeriodicity)) == [daily]
        assert (daily, RDF.type, DCT.Frequency) in g

    def test_themes_are_the_topik_and_its_eu_data_theme(self, exported):
        """The group gives the portal's topik concept and the EU theme ENVI."""
        g, ref, _ = exported
        topik, envi = (
            site("/vocab/topik/lingkungan-hidup"),
            URIRef(EU + "data-theme/ENVI"),
        )

        assert set(g.objects(ref, DCAT.theme)) == {topik, envi}
        assert (topik, SKOS.prefLabel, Literal("Lingkungan Hidup", lang="id")) in g
        assert (topik, SKOS.inScheme, site("/vocab/topik")) in g
        assert (envi, SKOS.prefLabel, Literal("Environment", lang="en")) in g
        assert (envi, SKOS.inScheme, URIRef(EU + "data-theme")) in g

    def test_creator_is_the_owning_opd(self, exported):
        """The OPD is dct:creator, a foaf:Organization with its name and identifier."""
        g, ref, _ = exported
        opd = site("/vocab/opd/dinas-lingkungan-hidup")

        assert list(g.objects(ref, DCT.creator)) == [opd]
        assert (opd, RDF.type, FOAF.Organization) in g
        assert (opd, FOAF.name, Literal("Dinas Lingkungan Hidup")) in g
        assert (opd, DCT.identifier, Literal("dinas-lingkungan-hidup")) in g
        regional = URIRef("http://purl.org/adms/publishertype/RegionalAuthority")
        assert (opd, DCT.type, regional) in g

    def test_named_publisher_keeps_its_words_and_the_opd_identifier(self, exported):
        """A named publisher keeps name, email and site, and the OPD's identifier."""
        g, ref, _ = exported
        [publisher] = g.objects(ref, DCT.publisher)

        assert (publisher, RDF.type, FOAF.Organization) in g
        name = "Dinas Lingkungan Hidup Provinsi DKI Jakarta"
        assert list(g.objects(publisher, FOAF.name)) == [Literal(name)]
        assert (publisher, FOAF.mbox, URIRef("mailto:dlh@jakarta.go.id")) in g
        homepage = URIRef("https://lingkunganhidup.jakarta.go.id")
        assert (publisher, FOAF.homepage, homepage) in g
        assert (publisher, DCT.identifier, Literal("dinas-lingkungan-hidup")) in g

    def test_contact_point_is_a_vcard(self, exported):
        """The contact is a vcard:Kind with its name and mailto address."""
        g, ref, _ = exported
        [contact] = g.objects(ref, DCAT.contactPoint)

        assert (contact, RDF.type, URIRef(VCARD + "Kind")) in g
        fn = Literal("Bidang Pengendalian Pencemaran")
        assert (contact, URIRef(VCARD + "fn"), fn) in g
        email = URIRef("mailto:ppl@jakarta.go.id")
        assert (contact, URIRef(VCARD + "hasEmail"), email) in g

    def test_dates_keep_their_precision(self, exported):
        """2024-08 is an xsd:gYearMonth and 2025-01-15 an xsd:date, nothing more."""
        g, ref, _ = exported

        issued = Literal("2024-08", datatype=XSD.gYearMonth)
        assert list(g.objects(ref, DCT.issued)) == [issued]
        assert list(g.objects(ref, DCT.modified)) == [
            Literal("2025-01-15", datatype=XSD.date)
        ]

    def test_temporal_periods_keep_their_precision(self, exported):
        """A bare year stays xsd:gYear, a month xsd:gYearMonth, a day xsd:date."""
        g, ref, _ = exported
        periods = {
            (g.value(p, DCAT.startDate), g.value(p, DCAT.endDate))
            for p in g.objects(ref, DCT.temporal)
        }

        assert periods == {
            (
                Literal("2024", datatype=XSD.gYear),
                Literal("2024-12", datatype=XSD.gYearMonth),
            ),
            (
                Literal("2024-01-01", datatype=XSD.date),
                Literal("2024-06-30", datatype=XSD.date),
            ),
        }
        for period in g.objects(ref, DCT.temporal):
            assert (period, RDF.type, DCT.PeriodOfTime) in g

    def test_language_is_the_eu_language(self, exported):
        """id and en are the EU language concepts IND and ENG."""
        g, ref, _ = exported
        languages = {URIRef(EU + "language/IND"), URIRef(EU + "language/ENG")}

        assert set(g.objects(ref, DCT.language)) == languages
        for language in languages:
            assert (language, RDF.type, DCT.LinguisticSystem) in g

    def test_data_standard_and_reference_codes(self, exported):
        """conforms_to is a dct:Standard; kode referensi are adms:Identifier."""
        g, ref, _ = exported
        [standard] = g.objects(ref, DCT.conformsTo)
        notations = {
            g.value(node, SKOS.notation)
            for node in g.objects(ref, URIRef(ADMS + "identifier"))
        }

        assert (standard, RDF.type, DCT.Standard) in g
        assert g.value(standard, DCT.identifier) == Literal("SDS-LH-2024-01")
        assert notations == {Literal("IKU-LH-01"), Literal("SDI-3171-ISPU")}

    def test_identifier_and_landing_page(self, exported):
        """dct:identifier is the source identifier; the landing page is the page."""
        g, ref, dataset = exported

        assert list(g.objects(ref, DCT.identifier)) == [Literal("dlh-ispu-2024")]
        page = site("/dataset/" + dataset["name"])
        assert list(g.objects(ref, DCAT.landingPage)) == [page]
        assert (page, RDF.type, FOAF.Document) in g

    def test_satu_data_fields(self, exported):
        """Unit, source, data year, priority and kind of data are exported."""
        g, ref, _ = exported
        [provenance] = g.objects(ref, DCT.provenance)

        assert g.value(ref, SDMX_ATTRIBUTE.unitMeasure) == Literal("µg/m³")
        assert (provenance, RDF.type, DCT.ProvenanceStatement) in g
        source = Literal("Stasiun Pemantau Kualitas Udara (SPKU) DLH")
        assert g.value(provenance, RDFS.label) == source
        assert g.value(ref, JAKARTA.tahunData) == Literal("2024", datatype=XSD.gYear)
        assert g.value(ref, JAKARTA.dataPrioritas) == Literal(True)
        assert g.value(ref, JAKARTA.jenisData) == Literal("statistik")

    def test_licence_on_the_dataset_and_each_distribution(self, exported):
        """cc-by is dct:license of the dataset and distribution, with its type."""
        g, ref, dataset = exported
        licence = URIRef("http://www.opendefinition.org/licenses/cc-by")
        attribution = URIRef("http://purl.org/adms/licencetype/Attribution")

        assert list(g.objects(ref, DCT.license)) == [licence]
        assert list(g.objects(distribution_ref(dataset), DCT.license)) == [licence]
        assert (licence, RDF.type, DCT.LicenseDocument) in g
        assert (licence, DCT.type, attribution) in g
        assert (attribution, RDF.type, SKOS.Concept) in g

    def test_distribution_format_and_access_url(self, exported):
        """CSV is the EU file type; the resource URL is the access URL."""
        g, _, dataset = exported
        dist = distribution_ref(dataset)
        csv = URIRef(EU + "file-type/CSV")

        assert list(g.objects(dist, DCT["format"])) == [csv]
        assert (csv, RDF.type, DCT.MediaTypeOrExtent) in g
        access = URIRef("http://127.0.0.1/ispu-2024.csv")
        assert list(g.objects(dist, DCAT.accessURL)) == [access]

    def test_data_dictionary_is_a_csvw_table_schema(self, exported):
        """komponen_data is a csvw:tableSchema whose columns keep their order."""
        g, _, dataset = exported
        [schema] = g.objects(distribution_ref(dataset), CSVW.tableSchema)
        columns = list(Collection(g, g.value(schema, CSVW.column)))

        assert (schema, RDF.type, CSVW.Schema) in g
        assert [str(g.value(c, CSVW.name)) for c in columns] == [
            "tanggal",
            "stasiun",
            "pm10",
        ]
        pm10 = columns[2]
        assert g.value(pm10, CSVW.datatype) == XSD.double
        assert g.value(pm10, DCT.description) == Literal("Partikulat PM10")
        assert g.value(pm10, SDMX_ATTRIBUTE.unitMeasure) == Literal("µg/m³")
        public = URIRef(EU + "access-right/PUBLIC")
        assert g.value(pm10, DCT.accessRights) == public
        assert g.value(columns[1], DCT.accessRights) is None


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestDefaults:
    def test_walidata_publishes_a_dataset_that_names_no_publisher(self, app):
        """Without a publisher the walidata, an OPD the portal serves, publishes."""
        dataset = jakarta_dataset()

        g = turtle(app, f"/dataset/{dataset['id']}.ttl")

        walidata = site("/vocab/opd/dinas-komunikasi-informatika-dan-statistik")
        assert list(g.objects(dataset_ref(dataset), DCT.publisher)) == [walidata]
        assert (
            walidata,
            FOAF.name,
            Literal(tk.config["ckanext.jakarta.walidata_name"]),
        ) in g
        slug = Literal("dinas-komunikasi-informatika-dan-statistik")
        assert (walidata, DCT.identifier, slug) in g

    def test_identifier_falls_back_to_the_dataset_id(self, app):
        """A dataset without identifier has its CKAN id as dct:identifier."""
        dataset = jakarta_dataset()

        g = turtle(app, f"/dataset/{dataset['id']}.ttl")

        ref = dataset_ref(dataset)
        assert list(g.objects(ref, DCT.identifier)) == [Literal(dataset["id"])]

    def test_empty_dates_do_not_fall_back_to_the_record_dates(self, app):
        """No Tanggal Terbit means no dct:issued, not CKAN's metadata_created."""
        dataset = jakarta_dataset()

        g = turtle(app, f"/dataset/{dataset['id']}.ttl")

        assert (dataset_ref(dataset), DCT.issued, None) not in g
        assert (dataset_ref(dataset), DCT.modified, None) not in g

    def test_a_format_without_eu_file_type_is_a_labelled_node(self, app):
        """API has no EU file type; it is a dct:MediaTypeOrExtent labelled API."""
        dataset = jakarta_dataset(
            resources=[{"url": "http://127.0.0.1/api/data", "format": "API"}]
        )

        g = turtle(app, f"/dataset/{dataset['id']}.ttl")

        [fmt] = g.objects(distribution_ref(dataset), DCT["format"])
        assert isinstance(fmt, BNode)
        assert (fmt, RDF.type, DCT.MediaTypeOrExtent) in g
        assert g.value(fmt, RDFS.label) == Literal("API")


@pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")
class TestCatalog:
    def test_catalog_has_what_dcat_ap_requires(self, app, full_dataset):
        """The catalog has a publisher, a description and IRIs DCAT-AP allows."""
        g = turtle(app, "/catalog.ttl")
        catalog = URIRef(tk.config["ckan.site_url"])

        assert (catalog, RDF.type, DCAT.Catalog) in g
        walidata = site("/vocab/opd/dinas-komunikasi-informatika-dan-statistik")
        assert list(g.objects(catalog, DCT.publisher)) == [walidata]
        assert g.value(catalog, DCT.description) is not None
        languages = list(g.objects(catalog, DCT.language))
        assert languages == [URIRef(EU + "language/IND")]
        assert (catalog, FOAF.homepage, catalog) in g
        assert (catalog, RDF.type, FOAF.Document) in g
        assert list(g.objects(catalog, DCT.spatial)) == [site("/vocab/wilayah/31")]

    def test_catalog_names_its_theme_taxonomies(self, app, full_dataset):
        """The topik scheme and the EU data themes are the catalog's taxonomies."""
        g = turtle(app, "/catalog.ttl")
        catalog = URIRef(tk.config["ckan.site_url"])
        schemes = {site("/vocab/topik"), URIRef(EU + "data-theme")}

        assert set(g.objects(catalog, DCAT.themeTaxonomy)) == schemes
        for scheme in schemes:
            assert (scheme, RDF.type, SKOS.ConceptScheme) in g
            assert g.value(scheme, DCT.title) is not None


FOREIGN = r"""
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix eu: <http://publications.europa.eu/resource/authority/> .
@prefix kota: <https://kota.example/vocab/> .
@prefix secure: <https://publications.europa.eu/resource/authority/> .

<https://kota.example/dataset/abc> a dcat:Dataset ;
    dct:title "Jumlah Sekolah" ;
    dct:description "Sekolah per kecamatan" ;
    dct:issued "17/08/2023" ;
    dct:modified "2024-02-01T10:15:00"^^xsd:dateTime ;
    dct:spatial kota:wilayah\/31.74.01 ;
    dct:accessRights secure:access-right\/PUBLIC ;
    dct:accrualPeriodicity <http://purl.org/cld/freq/annual> ;
    dct:language eu:language\/IND ;
    dct:publisher kota:opd\/dinas-komunikasi-informatika-dan-statistik .

kota:opd\/dinas-komunikasi-informatika-dan-statistik
    a foaf:Organization ; foaf:name "Diskominfotik" .
"""


def _parse(data: str, fmt: str = "turtle") -> dict:
    parser = RDFParser()
    parser.parse(data, _format=fmt)
    [dataset] = parser.datasets()
    return dataset


@pytest.mark.usefixtures("with_plugins")
class TestParsingOtherCatalogs:
    def test_dates_are_read_at_calendar_precision_day_first(self):
        """An untyped 17/08/2023 is 2023-08-17; a dateTime keeps its day."""
        dataset = _parse(FOREIGN)

        assert dataset["issued"] == "2023-08-17"
        assert dataset["modified"] == "2024-02-01"

    def test_jakarta_concepts_are_read_whatever_the_host(self):
        """Area, access right, frequency and language come back as Jakarta values."""
        dataset = _parse(FOREIGN)

        assert dataset["cakupan_wilayah"] == ["31.74.01"]
        assert dataset["klasifikasi"] == "terbuka"
        assert dataset["frequency"] == EU + "frequency/ANNUAL"
        assert dataset["language"] == ["id"]

    def test_the_walidata_publisher_is_the_default_one(self):
        """A publisher that is the walidata leaves the publisher field empty."""
        dataset = _parse(FOREIGN)

        assert "publisher" not in dataset
        assert "owner_org" not in dataset
