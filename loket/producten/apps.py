from django.apps import AppConfig


class ProductenConfig(AppConfig):
    """The product and services catalogue (PDC) of each gemeente."""

    name = "loket.producten"
    label = "producten"
    verbose_name = "Producten en diensten"
