"""Records of other apps that a meeting decided, e.g. a fund application the deciding Gremium
voted on. Such a decision is taken and kept through that record (the application's page); the
meeting page and the minutes name it and link to it, and it is not edited or deleted there.

An app registers a source in its `AppConfig.ready()` (imports keep pointing downwards):

    vorgaenge.register(quelle)

`quelle(beschluss_ids)` answers {beschluss_id: Vorgang} for the decisions it decided, with one
query.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Vorgang:
    titel: str
    url: str


Quelle = Callable[[list[int]], dict[int, Vorgang]]
_quellen: list[Quelle] = []


def register(quelle: Quelle) -> None:
    if quelle not in _quellen:
        _quellen.append(quelle)


def for_decisions(beschluss_ids: Iterable[int]) -> dict[int, Vorgang]:
    """{decision id: the record it decided} for those of `beschluss_ids` another app owns."""
    ids = list(beschluss_ids)
    gefunden: dict[int, Vorgang] = {}
    if ids:
        for quelle in _quellen:
            gefunden.update(quelle(ids))
    return gefunden


def attach(beschluesse) -> None:
    """Set `vorgang` (a Vorgang or None) on each decision, for the meeting page and minutes."""
    beschluesse = list(beschluesse)
    gefunden = for_decisions(b.pk for b in beschluesse)
    for b in beschluesse:
        b.vorgang = gefunden.get(b.pk)
