"""Reading the processing log: a resident's own entries, and the log as the
privacy officer searches it."""

from django.db.models import QuerySet

from loket.verwerkingen.models import Verwerking


def voor_betrokkene(*, bsn: str = "", kvk: str = "") -> QuerySet[Verwerking]:
    """What was done with the data of one person (BSN) or company (KvK), newest
    first."""
    if bsn:
        return Verwerking.objects.filter(bsn=bsn)
    if kvk:
        return Verwerking.objects.filter(kvk=kvk)
    return Verwerking.objects.none()
