from django.db import transaction

from loket.organisaties.models import Gemeente
from loket.zgw.catalogi.models import Catalogus


@transaction.atomic
def create_catalogus(**fields) -> Catalogus:
    """A catalogus; it belongs to the gemeente with the same RSIN, if there is one."""
    catalogus = Catalogus(**fields)
    catalogus.gemeente = Gemeente.objects.filter(rsin=catalogus.rsin).first()
    catalogus.full_clean()
    catalogus.save()
    return catalogus
