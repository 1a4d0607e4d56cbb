"""The ZGW APIs Loket serves, where, and from which official specification."""

from loket.zgw.api.views import Api

CATALOGI = Api("Catalogi API", "catalogi/api/v1", "catalogi-1.3.1.yaml", "ztc")
AUTORISATIES = Api(
    "Autorisaties API", "autorisaties/api/v1", "autorisaties-1.0.0.yaml", "ac"
)
NOTIFICATIES = Api(
    "Notificaties API", "notificaties/api/v1", "notificaties-1.0.0.yaml", "nrc"
)
REFERENTIELIJSTEN = Api(
    "Referentielijsten API",
    "referentielijsten/api/v1",
    "referentielijsten-0.6.0.yaml",
    "",
    authenticated=False,
)

ALL = (CATALOGI, AUTORISATIES, NOTIFICATIES, REFERENTIELIJSTEN)
