"""Demo: DigiD and eHerkenning for both demo gemeenten, at the test identity
provider of this same installation (``settings.BASE_URL``/testdiensten/idp/)."""

from loket.identiteit import services
from loket.identiteit.models import OidcKoppeling


def load(gemeenten: dict, report) -> None:
    """Idempotent: creates or updates one connection per gemeente and middel."""
    from loket.testdiensten import keys

    for slug, gemeente in gemeenten.items():
        for middel in OidcKoppeling.Middel.values:
            _, created = services.save_oidc_koppeling(
                gemeente=gemeente,
                middel=middel,
                issuer=keys.issuer(),
                client_id=f"loket-{slug}-{middel}",
                client_secret_env="",
                minimum_niveau=OidcKoppeling.Niveau.MIDDEN,
                actief=True,
            )
            report.note(created, f"{middel}-koppeling {slug}")
