"""The ZGW APIs Loket serves, where, and from which official specification."""

from loket.zgw.api.views import Api

CATALOGI = Api("Catalogi API", "catalogi/api/v1", "catalogi-1.3.1.yaml", "ztc")
AUTORISATIES = Api(
    "Autorisaties API", "autorisaties/api/v1", "autorisaties-1.0.0.yaml", "ac"
)
NOTIFICATIES = Api(
    "Notificaties API", "notificaties/api/v1", "notificaties-1.0.0.yaml", "nrc"
)
ZAKEN = Api("Zaken API", "zaken/api/v1", "zaken-1.5.1.yaml", "zrc")
DOCUMENTEN = Api("Documenten API", "documenten/api/v1", "documenten-1.5.0.yaml", "drc")
BESLUITEN = Api("Besluiten API", "besluiten/api/v1", "besluiten-1.1.0.yaml", "brc")
REFERENTIELIJSTEN = Api(
    "Referentielijsten API",
    "referentielijsten/api/v1",
    "referentielijsten-0.6.0.yaml",
    "",
    authenticated=False,
)

ALL = (
    CATALOGI,
    ZAKEN,
    DOCUMENTEN,
    BESLUITEN,
    AUTORISATIES,
    NOTIFICATIES,
    REFERENTIELIJSTEN,
)
