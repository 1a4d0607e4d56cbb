"""Reading kanalen and abonnementen, with who may see what as part of the query."""

from django.db.models import QuerySet

from loket.zgw.autorisaties.models import Client
from loket.zgw.notificaties.models import Abonnement, Kanaal


def kanalen() -> QuerySet[Kanaal]:
    return Kanaal.objects.order_by("naam")


def abonnementen_for(client) -> QuerySet[Abonnement]:
    """The abonnementen an API client may see and change: those of its own
    application (any of its client ids). An abonnement holds the subscriber's
    Authorization header, so other applications do not see it; an application
    with all autorisaties sees every abonnement."""
    queryset = Abonnement.objects.prefetch_related("kanalen__kanaal").order_by(
        "aangemaakt_op", "pk"
    )
    if client.heeft_alle_autorisaties:
        return queryset
    own_ids = Client.objects.filter(applicatie_id=client.applicatie_id).values(
        "client_id"
    )
    return queryset.filter(client_id__in=own_ids)
