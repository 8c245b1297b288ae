"""Reference data, one home: countries (ISO 3166, from ``rigour.territories``) and the
authorities, lists and publishers of ``authorities.yaml``. Pure data; imports only :mod:`schema`.

    from reference import registry
    registry().entity("agency:us-bis")            # the one Bureau of Industry and Security
    registry().list_by_code("csl", "EL")          # the Entity List, its administering body, kind
    registry().countries.code("Korea, North")     # "KP"
"""

from .countries import country_id, single_country
from .registry import RefList, Registry, registry

__all__ = ["registry", "Registry", "RefList", "Evidence", "country_id", "single_country"]
