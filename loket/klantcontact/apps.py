from django.apps import AppConfig


class KlantcontactConfig(AppConfig):
    """The contact centre: contactmomenten, webvragen, call-back requests, the
    knowledge base, and the klantbeeld of a person or company."""

    name = "loket.klantcontact"
    label = "klantcontact"
    verbose_name = "Klantcontact"
