from django.conf import settings


def loket(request):
    return {"loket_demo": settings.DEMO}
