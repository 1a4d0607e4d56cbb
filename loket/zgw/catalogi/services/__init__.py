"""Every change to the catalogue goes through these functions (each one transaction,
with its notificatie). The Catalogi API, the beheer and the importers use them."""

from loket.zgw.catalogi.services.besluittypen import (
    create_besluittype,
    delete_besluittype,
    publish_besluittype,
    update_besluittype,
)
from loket.zgw.catalogi.services.catalogussen import create_catalogus
from loket.zgw.catalogi.services.informatieobjecttypen import (
    create_informatieobjecttype,
    delete_informatieobjecttype,
    publish_informatieobjecttype,
    update_informatieobjecttype,
)
from loket.zgw.catalogi.services.onderdelen import (
    create_onderdeel,
    delete_onderdeel,
    update_onderdeel,
)
from loket.zgw.catalogi.services.zaaktypen import (
    create_zaaktype,
    delete_zaaktype,
    publish_zaaktype,
    update_zaaktype,
)

__all__ = [
    "create_besluittype",
    "create_catalogus",
    "create_informatieobjecttype",
    "create_onderdeel",
    "create_zaaktype",
    "delete_besluittype",
    "delete_informatieobjecttype",
    "delete_onderdeel",
    "delete_zaaktype",
    "publish_besluittype",
    "publish_informatieobjecttype",
    "publish_zaaktype",
    "update_besluittype",
    "update_informatieobjecttype",
    "update_onderdeel",
    "update_zaaktype",
]
