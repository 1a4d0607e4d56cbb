"""Reads of programmes, goals and the projectenboek, per gemeente.

Authorisation (who may see which gemeente) is checked by the caller with
``loket.sturing.toegang``; every function here takes the gemeente and never
returns anything of another one. Each function costs a fixed number of queries,
however many programmes, goals or projects there are.
"""

import uuid as uuid_module

from django.db.models import Prefetch

from loket.beleid.models import Beleidsdoel, Programma, Project


def _doelen_met_programma():
    return Beleidsdoel.objects.select_related("programma").order_by(
        "programma__volgorde", "programma__naam", "jaar", "titel"
    )


def programmas(gemeente) -> list[Programma]:
    """The gemeente's programmes in their order, with ``doelen`` prefetched
    (by year, then title). Two queries."""
    return list(
        Programma.objects.filter(gemeente=gemeente)
        .order_by("volgorde", "naam")
        .prefetch_related(
            Prefetch("doelen", queryset=Beleidsdoel.objects.order_by("jaar", "titel"))
        )
    )


def doelen(gemeente, jaar: int | None = None) -> list[Beleidsdoel]:
    """The gemeente's goals (optionally of one year) with their programme, in the
    order of the programmes. One query."""
    qs = _doelen_met_programma().filter(programma__gemeente=gemeente)
    if jaar is not None:
        qs = qs.filter(jaar=jaar)
    return list(qs)


def doel(gemeente, doel_uuid) -> Beleidsdoel | None:
    """One goal of the gemeente, or None (also for a malformed uuid)."""
    try:
        doel_uuid = uuid_module.UUID(str(doel_uuid))
    except ValueError:
        return None
    return (
        _doelen_met_programma()
        .filter(programma__gemeente=gemeente, uuid=doel_uuid)
        .first()
    )


def programma(gemeente, pk) -> Programma | None:
    """One programme of the gemeente, or None."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return Programma.objects.filter(gemeente=gemeente, pk=pk).first()


def _projecten(gemeente):
    return (
        Project.objects.filter(gemeente=gemeente)
        .order_by("naam")
        .prefetch_related(
            Prefetch("doelen", queryset=_doelen_met_programma()),
            "mijlpalen",
            "risicos",
        )
    )


def projecten(gemeente) -> list[Project]:
    """The projectenboek of the gemeente by name, with ``doelen`` (and their
    programme), ``mijlpalen`` (by planned date) and ``risicos`` prefetched.
    Four queries."""
    return list(_projecten(gemeente))


def project(gemeente, project_uuid) -> Project | None:
    """One project of the gemeente with everything of :func:`projecten` and its
    ``standen`` (the history, newest first) prefetched; None when it is not
    there or belongs to another gemeente. Five queries."""
    try:
        project_uuid = uuid_module.UUID(str(project_uuid))
    except ValueError:
        return None
    return (
        _projecten(gemeente)
        .filter(uuid=project_uuid)
        .prefetch_related("standen")
        .first()
    )


def volgende_mijlpaal(project: Project):
    """The first milestone not yet met (by planned date), from the prefetched
    ``mijlpalen``; None when all are met."""
    return next((m for m in project.mijlpalen.all() if m.gehaald is None), None)


def open_risicos(project: Project) -> list:
    """The risks not yet closed, highest level first, from the prefetched
    ``risicos``."""
    volgorde = {"hoog": 0, "midden": 1, "laag": 2}
    return sorted(
        (r for r in project.risicos.all() if not r.gesloten),
        key=lambda r: volgorde.get(r.niveau, 3),
    )


def besteed_percentage(project: Project) -> int | None:
    """Spent as a whole percentage of the budget; None without a budget."""
    if not project.budget:
        return None
    return round(project.besteed * 100 / project.budget)
