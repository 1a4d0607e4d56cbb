from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """Klanttevredenheid (KTO): after a zaak closes or a question or contact is
    answered, the resident is invited to a short survey; the answers are anonymous
    and counted into the sturing indicators."""

    name = "loket.feedback"
    label = "feedback"
    verbose_name = "Klanttevredenheid"

    def ready(self) -> None:
        from loket.feedback import services
        from loket.zgw.notificaties import services as notificaties

        notificaties.listen(services.on_notificatie)
