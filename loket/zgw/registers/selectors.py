from loket.zgw.registers.models import AuditTrail


def trail(bron: str, hoofd_object_uuid):
    """The audit trail of one zaak, informatieobject or besluit, oldest first."""
    return AuditTrail.objects.filter(bron=bron, hoofd_object_uuid=hoofd_object_uuid)
