"""The fixed set of life events, so that a new installation has them."""

from django.db import migrations

# A copy of levensgebeurtenissen.LEVENSGEBEURTENISSEN as it was when this
# migration was written: a migration must not change when the code does.
LEVENSGEBEURTENISSEN = [
    ("verhuizen", "Verhuizen", "U gaat verhuizen of bent net verhuisd."),
    (
        "trouwen-en-samenwonen",
        "Trouwen en samenwonen",
        "U gaat trouwen, een partnerschap aan of samenwonen.",
    ),
    ("een-kind-krijgen", "Een kind krijgen", "U krijgt een baby of heeft net een kind."),
    ("overlijden", "Overlijden", "Iemand in uw omgeving is overleden."),
    ("wonen", "Wonen", "Alles over uw huis en uw buurt."),
    (
        "parkeren-en-verkeer",
        "Parkeren en verkeer",
        "Parkeren in de gemeente, met of zonder beperking.",
    ),
    ("afval", "Afval", "Containers, grofvuil en het afval van uw huis."),
    (
        "reizen-en-identiteit",
        "Reizen en identiteit",
        "Paspoort, identiteitskaart en bewijzen van wie u bent.",
    ),
    (
        "zorg-en-ondersteuning",
        "Zorg en ondersteuning",
        "Hulp als het zelf niet meer lukt, thuis of onderweg.",
    ),
    (
        "geld-en-belastingen",
        "Geld en belastingen",
        "Gemeentelijke belastingen, kwijtschelding en hulp met geld.",
    ),
    ("ondernemen", "Ondernemen", "U heeft een bedrijf of begint er een."),
    (
        "evenementen-organiseren",
        "Evenementen organiseren",
        "U organiseert een feest, markt, sportdag of concert.",
    ),
    (
        "bezwaar-en-klachten",
        "Bezwaar en klachten",
        "U bent het niet eens met een besluit of niet tevreden over ons.",
    ),
]


def create(apps, schema_editor):
    Levensgebeurtenis = apps.get_model("producten", "Levensgebeurtenis")
    for volgorde, (slug, naam, uitleg) in enumerate(LEVENSGEBEURTENISSEN, start=1):
        Levensgebeurtenis.objects.get_or_create(
            slug=slug, defaults={"naam": naam, "uitleg": uitleg, "volgorde": volgorde}
        )


class Migration(migrations.Migration):
    dependencies = [("producten", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
