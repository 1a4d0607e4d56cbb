from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NotificatiesConfig(AppConfig):
    """Notificaties: kanalen and abonnementen (the Notificaties API 1.0.0), an outbox
    written in the same transaction as every change, and delivery with retries."""

    name = "loket.zgw.notificaties"
    label = "notificaties"
    verbose_name = "Notificaties"

    def ready(self) -> None:
        # Like Django's own permissions: whoever migrates (``loket setup``, the test
        # database) gets Loket's kanalen, so subscribers can find them at once.
        post_migrate.connect(_register_kanalen, sender=self)


def _register_kanalen(sender, apps=None, **kwargs) -> None:
    # ``flush`` (between transactional tests) sends post_migrate without ``apps``.
    if apps is None:
        from django.apps import apps
    try:
        apps.get_model("notificaties", "Kanaal")
    except LookupError:  # migrated back to before the kanalen existed
        return
    from loket.zgw.notificaties import services

    services.ensure_loket_kanalen()
