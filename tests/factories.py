"""Test data made through the services, so tests see what production would store.

Each maker takes only what a test cares about; the rest gets a valid default.
"""

import itertools

from loket.organisaties import services
from loket.organisaties.models import Gemeente, Medewerker, Organisatie
from loket.organisaties.roles import Rolcode

_counter = itertools.count(1)


def rsin(n: int) -> str:
    """The n-th nine-digit number from 100000000 on that passes the elfproef."""
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    found = 0
    for candidate in itertools.count(100_000_000):
        digits = f"{candidate:09d}"
        if sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0:
            found += 1
            if found == n:
                return digits
    raise AssertionError("unreachable")


def gemeente(**overrides) -> Gemeente:
    n = next(_counter)
    fields = {
        "naam": f"Teststad {n}",
        "slug": f"teststad-{n}",
        # Four digits however many gemeenten the session makes; each test starts
        # from an empty database, so codes only need to differ within one test.
        "gemeentecode": f"{9000 + n % 1000:04d}",
        "rsin": rsin(n),
    }
    fields.update(overrides)
    return services.create_gemeente(**fields)


def organisatie(*gemeenten: Gemeente, soort=None, **overrides) -> Organisatie:
    gemeenten = gemeenten or (gemeente(),)
    if soort is None:
        soort = (
            Organisatie.Soort.GEMEENTE
            if len(gemeenten) == 1
            else Organisatie.Soort.WERKORGANISATIE
        )
    fields = {"naam": f"Organisatie {next(_counter)}"}
    fields.update(overrides)
    return services.create_organisatie(soort=soort, gemeenten=gemeenten, **fields)


PASSWORD = "een-lang-test-wachtwoord"


def medewerker(
    organisatie_: Organisatie | None = None,
    *,
    rollen: tuple[Rolcode, ...] = (Rolcode.BEHANDELAAR,),
    password: str | None = PASSWORD,
    **overrides,
) -> Medewerker:
    n = next(_counter)
    fields = {
        "email": f"medewerker{n}@gemeente.test",
        "naam": f"Medewerker {n}",
        "rollen": rollen,
        "password": password,
    }
    fields.update(overrides)
    if "organisatie" not in fields:
        fields["organisatie"] = organisatie_ or organisatie()
    return services.create_medewerker(**fields)
