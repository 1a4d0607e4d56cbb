"""Deadlines of a zaak: ISO 8601 durations (P8W, P1M) added to dates."""

from datetime import date

import isodate


def parse_duration(value: str):
    """A duration that can be added to a date (years and months included)."""
    return isodate.parse_duration(value)


def add_duration(day: date, duration: str) -> date:
    """``day`` plus ``duration``; hours and less do not move a date."""
    return day + parse_duration(duration)


def longer(duration: str, maximum: str, *, on: date) -> bool:
    """Is ``duration`` longer than ``maximum``, counted from ``on``?"""
    return add_duration(on, duration) > add_duration(on, maximum)
