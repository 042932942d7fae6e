"""The jakarta_* harvesters (ckanext-harvest plugins), one module per source type."""

from __future__ import annotations

from ckanext.jakarta.harvesters.ckan import JakartaCKANHarvester
from ckanext.jakarta.harvesters.datajson import JakartaDataJSONHarvester
from ckanext.jakarta.harvesters.dcat import JakartaDCATHarvester
from ckanext.jakarta.harvesters.inventory import JakartaInventoryHarvester
from ckanext.jakarta.harvesters.satudata import JakartaSatuDataHarvester

__all__ = [
    "JakartaCKANHarvester",
    "JakartaDCATHarvester",
    "JakartaDataJSONHarvester",
    "JakartaInventoryHarvester",
    "JakartaSatuDataHarvester",
]
