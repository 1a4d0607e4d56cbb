"""The catalogue in the beheer: catalogi, zaaktypen with everything below them,
informatieobjecttypen and besluittypen, import and export.

A functional administrator sees the catalogi of the gemeenten their organisation
serves (``selectors.catalogussen_for``); every change goes through
``loket.zgw.catalogi.services``, and a refusal of a service shows as a form error
(``service_forms``).
"""

from loket.zgw.catalogi.admin import catalogussen, zaaktypen

__all__ = ["catalogussen", "zaaktypen"]
