"""Typo-tolerant search in the products of one gemeente, in Python.

A gemeente has tens to a few hundred products, so ranking them all in memory is
fast enough and behaves the same on SQLite and PostgreSQL. Each query word is
compared with the words of a product's name, its search words and its UPL name:
an exact word counts most, then the start of a word ("parkeer" →
"parkeervergunning"), a part of a compound word ("kaart" →
"gehandicaptenparkeerkaart"), and finally a word that is a few typing errors
away ("parkeervergunnig", "verhiuzen"), also inside a compound word.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Protocol

# Words that say nothing about which product someone looks for.
STOPWOORDEN = frozenset(
    {
        *("aan", "aanvraag", "aanvragen", "bij", "de", "een", "en", "hoe", "ik"),
        *("in", "is", "je", "kan", "met", "mijn", "moet", "of", "op", "te", "u"),
        *("uw", "van", "voor", "waar", "wat", "wil"),
    }
)

NAAM, ZOEKWOORD, UPL = 1.0, 0.9, 0.8  # how much a match in each field counts
HELE_ZIN = 0.5  # bonus when the whole query is part of the name


class Zoekbaar(Protocol):
    naam: str
    upl_naam: str
    zoekwoorden: Sequence[str]


def normaliseer(tekst: str) -> str:
    """Lower case, without accents (ë → e), only letters and digits."""
    decomposed = unicodedata.normalize("NFKD", tekst.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def woorden(tekst: str) -> list[str]:
    return normaliseer(tekst).split()


def zoekwoorden_van(tekst: str) -> list[str]:
    """Search words as a functional administrator types them: comma separated."""
    return [w.strip() for w in re.split(r"[,\n]", tekst) if w.strip()]


def _max_edits(length: int) -> int:
    if length <= 4:
        return 0
    if length <= 7:
        return 1
    if length <= 12:
        return 2
    return 3


def _bigrams(word: str) -> set[str]:
    return {word[i : i + 2] for i in range(len(word) - 1)}


def _distance(query: str, word: str, *, inside: bool) -> int:
    """Optimal string alignment distance (Damerau-Levenshtein without repeated
    edits of one part). ``inside``: the smallest distance of ``query`` to any part
    of ``word`` (the alignment may start and end anywhere in ``word``)."""
    cols = len(word) + 1
    before = None
    previous = [0] * cols if inside else list(range(cols))
    for i in range(1, len(query) + 1):
        current = [i] + [0] * (cols - 1)
        for j in range(1, cols):
            cost = 0 if query[i - 1] == word[j - 1] else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                before is not None
                and j > 1
                and query[i - 1] == word[j - 2]
                and query[i - 2] == word[j - 1]
            ):
                best = min(best, before[j - 2] + 1)
            current[j] = best
        before, previous = previous, current
    return min(previous) if inside else previous[-1]


def gelijkenis(query: str, word: str) -> float:
    """How well a query word matches a word of a product: 0 (not) to 1 (equal)."""
    if query == word:
        return 1.0
    if len(query) >= 3 and word.startswith(query):
        return 0.9
    if len(query) >= 4 and query in word:
        return 0.8
    if len(word) >= 5 and query.startswith(word):
        return 0.8  # "parkeervergunningen" → "parkeervergunning"
    edits = _max_edits(len(query))
    if edits == 0:
        return 0.0
    # Each typing error breaks at most three of the query's letter pairs: a cheap
    # way to skip words that cannot be close before computing a distance.
    query_pairs = _bigrams(query)
    if len(query_pairs & _bigrams(word)) < len(query_pairs) - 3 * edits:
        return 0.0
    if abs(len(word) - len(query)) <= edits:
        distance = _distance(query, word, inside=False)
        if distance <= edits:
            return 0.85 - 0.1 * distance
    distance = _distance(query, word, inside=True)
    if distance <= edits:
        return 0.7 - 0.1 * distance
    return 0.0


def _weights(product: Zoekbaar) -> dict[str, float]:
    weights: dict[str, float] = {}
    fields = (
        (woorden(product.naam), NAAM),
        ([w for z in product.zoekwoorden for w in woorden(z)], ZOEKWOORD),
        (woorden(product.upl_naam), UPL),
    )
    for words, weight in fields:
        for word in words:
            weights[word] = max(weights.get(word, 0.0), weight)
    return weights


def rangschik[T: Zoekbaar](producten: Iterable[T], tekst: str) -> list[T]:
    """The products that match ``tekst``, best first (equal scores by name)."""
    query = [w for w in woorden(tekst) if w not in STOPWOORDEN] or woorden(tekst)
    if not query:
        return []
    phrase = " ".join(query)
    scored = []
    cache: dict[tuple[str, str], float] = {}
    for product in producten:
        score = 0.0
        weights = _weights(product)
        for q in query:
            best = 0.0
            for word, weight in weights.items():
                key = (q, word)
                if key not in cache:
                    cache[key] = gelijkenis(q, word)
                best = max(best, cache[key] * weight)
            score += best
        if score <= 0:
            continue
        if phrase in normaliseer(product.naam):
            score += HELE_ZIN
        scored.append((-score, product.naam.casefold(), product))
    scored.sort(key=lambda item: item[:2])
    return [product for _, _, product in scored]
