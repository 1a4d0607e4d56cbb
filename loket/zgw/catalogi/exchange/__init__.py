"""Moving a whole catalogus between gemeenten or installations as one JSON document.

The format is documented in ``docs/catalogus-uitwisseling.md`` (``formaat``
"loket-catalogus", ``versie`` 1). Keys are the model fields in camelCase, close to
the Catalogi API; relations inside the document use names, not URLs: an
informatieobjecttype or besluittype by its ``omschrijving``, a zaaktype by its
``identificatie``, a statustype by its ``volgnummer``. The Selectielijst is
referenced by UUID (the same in every installation) and the generic
resultaattypeomschrijving by its ``omschrijving``.

Importing creates everything as a concept through the services, in one transaction,
and then publishes what the document says was published. Making a new version of a
zaaktype is the same operation on one zaaktype: copy it into the same catalogus.
"""

from loket.zgw.catalogi.exchange.export import dumps, export_catalogus, zaaktype_data
from loket.zgw.catalogi.exchange.formaat import (
    FORMAAT,
    SPECS,
    VERSIE,
    check_document,
    read_document,
)
from loket.zgw.catalogi.exchange.importeren import (
    ImportReport,
    catalogus_fields,
    import_catalogus,
    messages_of,
    new_version,
)

__all__ = [
    "FORMAAT",
    "SPECS",
    "VERSIE",
    "ImportReport",
    "catalogus_fields",
    "check_document",
    "dumps",
    "export_catalogus",
    "import_catalogus",
    "messages_of",
    "new_version",
    "read_document",
    "zaaktype_data",
]
