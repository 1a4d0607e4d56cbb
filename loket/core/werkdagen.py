"""Working days: Monday to Friday. Public holidays are not known to Loket and
count as working days. Used for answer-time norms and deadline warnings."""

from datetime import date, timedelta

ZATERDAG = 5


def is_werkdag(dag: date) -> bool:
    return dag.weekday() < ZATERDAG


def werkdagen_na(dag: date, aantal: int) -> date:
    """The date ``aantal`` working days after ``dag``."""
    while aantal > 0:
        dag += timedelta(days=1)
        if is_werkdag(dag):
            aantal -= 1
    return dag
