"""The Notificaties API 1.0.0: kanalen, abonnementen and publishing a message.

As the specification says, the lists are plain arrays (not paginated) and
``POST /notificaties`` answers 200 with the message as stored.
"""

from django.urls import path as url_path

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.views import Call, Resource, Result
from loket.zgw.notificaties import selectors, services
from loket.zgw.notificaties.models import Abonnement, Kanaal


def kanaal_dict(call: Call, kanaal: Kanaal) -> dict:
    data = {
        "url": call.url("/kanaal", kanaal.uuid),
        "naam": kanaal.naam,
        "filters": list(kanaal.filters),
    }
    if kanaal.documentatie_link:
        data["documentatieLink"] = kanaal.documentatie_link
    return data


def abonnement_dict(call: Call, abonnement: Abonnement) -> dict:
    return {
        "url": call.url("/abonnement", abonnement.uuid),
        "callbackUrl": abonnement.callback_url,
        "auth": abonnement.auth,
        "kanalen": [
            {"naam": group.kanaal.naam, "filters": dict(group.filters)}
            for group in abonnement.kanalen.all()
        ],
    }


class KanaalResource(Resource):
    api = apis.NOTIFICATIES
    path = "/kanaal"
    field_names = {"documentatie_link": "documentatieLink"}

    def list(self, call: Call):
        queryset = selectors.kanalen()
        if "naam" in call.params:
            queryset = queryset.filter(naam=call.params["naam"])
        return [kanaal_dict(call, kanaal) for kanaal in queryset]

    def retrieve(self, call: Call, uuid):
        kanaal = selectors.kanalen().filter(uuid=uuid).first()
        if kanaal is None:
            raise errors.not_found()
        return kanaal_dict(call, kanaal)

    def create(self, call: Call):
        if call.body.get("documentatieLink") == "":
            # Elsewhere an empty uri means "no reference" (clients echo what they
            # read); a kanaal's link is never rendered empty, so "" is a mistake.
            raise errors.field_error(
                "documentatieLink", "invalid", "Geef een URL of laat het veld weg."
            )
        kanaal = services.create_kanaal(
            naam=call.body["naam"],
            documentatie_link=call.body.get("documentatieLink", ""),
            filters=call.body.get("filters", []),
        )
        url = call.url(self.path, kanaal.uuid)
        return Result(kanaal_dict(call, kanaal), headers={"Location": url})


class AbonnementResource(Resource):
    api = apis.NOTIFICATIES
    path = "/abonnement"
    field_names = {"callback_url": "callbackUrl"}

    def _get(self, call: Call, uuid) -> Abonnement:
        abonnement = selectors.abonnementen_for(call.client).filter(uuid=uuid).first()
        if abonnement is None:
            raise errors.not_found()
        return abonnement

    def list(self, call: Call):
        queryset = selectors.abonnementen_for(call.client)
        return [abonnement_dict(call, abonnement) for abonnement in queryset]

    def retrieve(self, call: Call, uuid):
        return abonnement_dict(call, self._get(call, uuid))

    def create(self, call: Call):
        abonnement = services.create_abonnement(
            callback_url=call.body["callbackUrl"],
            auth=call.body["auth"],
            kanalen=_groups(call.body["kanalen"]),
            client_id=call.client.client_id,
        )
        url = call.url(self.path, abonnement.uuid)
        data = abonnement_dict(call, self._get(call, abonnement.uuid))
        return Result(data, headers={"Location": url})

    def update(self, call: Call, uuid):
        return self._change(call, uuid)

    def partial_update(self, call: Call, uuid):
        return self._change(call, uuid)

    def _change(self, call: Call, uuid):
        body = call.body
        abonnement = services.update_abonnement(
            self._get(call, uuid),
            callback_url=body.get("callbackUrl"),
            auth=body.get("auth"),
            kanalen=_groups(body["kanalen"]) if "kanalen" in body else None,
        )
        return abonnement_dict(call, self._get(call, abonnement.uuid))

    def destroy(self, call: Call, uuid):
        services.delete_abonnement(self._get(call, uuid))


def _groups(items: list[dict]) -> list[services.FilterGroep]:
    return [
        services.FilterGroep(naam=item["naam"], filters=item.get("filters") or {})
        for item in items
    ]


class NotificatieResource(Resource):
    """POST /notificaties: an application publishes a message on a kanaal."""

    api = apis.NOTIFICATIES
    path = "/notificaties"

    @classmethod
    def urls(cls) -> list:
        # A collection to post to; there is nothing to read back.
        return [url_path("notificaties", cls().view(cls.path), name="notificaties")]

    def create(self, call: Call):
        notificatie = services.publish_message(
            message=call.body, bron=call.client.client_id
        )
        return notificatie.message()
