"""The request groups that the judgment treats apart, shared by the simulated users
(bench/locustfile.py, which runs in Locust's process without Django) and the judgment
(bench/messung.py): one place for the names and for the minimum count."""

from collections import Counter

GRUNDLINIE = "Grundlinie (1 Abfrage)"
ANMELDESEITE = "Anmeldung: Formular"
ANMELDUNG = "Anmeldung: Passwort prüfen"
ZWEITER_FAKTOR = "Anmeldung: zweiter Faktor"
SCHREIBEN = "Schreiben: "
_ANMELDESCHRITT = "Anmeldung: "

#: Fewer requests than this in a group say nothing about its median: with two, one slow
#: request decided it. A run goes on until every group has this many (bench/locustfile.py).
MINDESTANZAHL = 10


def braucht_mindestanzahl(name: str) -> bool:
    """Every group but the floor, which runs all the time, and the steps of a login, of which
    there is one per working session."""
    return name != GRUNDLINIE and not name.startswith(_ANMELDESCHRITT)


def jede_hat_genug(roh: list, *, ab: float) -> bool:
    """Whether every group that needs it has MINDESTANZAHL successful requests that started
    at or after `ab` (the end of the warm-up), in Locust's raw records [name, ms, ok, start]."""
    gezaehlt = Counter(name for name, _ms, ok, start in roh if ok and start >= ab)
    return all(
        gezaehlt[name] >= MINDESTANZAHL
        for name in {name for name, *_rest in roh}
        if braucht_mindestanzahl(name)
    )
