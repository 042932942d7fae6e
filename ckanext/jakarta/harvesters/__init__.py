"""The jakarta_* harvesters (ckanext-harvest plugins), one module per source type."""

from __future__ import annotations

from ckanext.jakarta.harvesters.ckan import JakartaCKANHarvester
from ckanext.jakarta.harvesters.datajson import JakartaDataJSONHarvester
from ckanext.jakarta.harvesters.dcat import JakartaDCATHarvester

__all__ = ["JakartaCKANHarvester", "JakartaDCATHarvester", "JakartaDataJSONHarvester"]
