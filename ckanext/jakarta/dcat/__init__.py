"""DCAT exports: the Jakarta DCAT-AP 3 profile, its SKOS vocabularies and routes."""
