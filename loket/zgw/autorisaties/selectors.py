from loket.zgw.autorisaties.models import Applicatie, Client


def client_for_jwt(client_id: str) -> Client | None:
    """The client with its application and autorisaties, in two queries."""
    return (
        Client.objects.select_related("applicatie")
        .prefetch_related("applicatie__autorisaties")
        .filter(client_id=client_id)
        .first()
    )


def applicaties():
    return Applicatie.objects.prefetch_related("clients", "autorisaties")
