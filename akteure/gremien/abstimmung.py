"""The rules of procedure (Geschäftsordnung) as one pure function: whether a committee could
decide and what it decided. No database, so every rule is a plain unit test."""

from dataclasses import dataclass

from .models import Beschluss, Gremium

Ergebnis = Beschluss.Ergebnis


@dataclass(frozen=True)
class Auswertung:
    ergebnis: str
    beschlussfaehig: bool
    stimmberechtigte: int
    anwesende: int
    ja: int
    nein: int
    enthaltung: int


def beschlussfaehig(regel: str, *, stimmberechtigte: int, anwesende: int) -> bool:
    """Quorum: `anwesende` are the present voting members who are not biased (a biased member
    leaves the table for the item, as in § 31 GO NRW)."""
    if anwesende < 1:
        return False
    if regel == Gremium.Beschlussfaehigkeit.MEHR_ALS_HAELFTE:
        return 2 * anwesende > stimmberechtigte
    if regel == Gremium.Beschlussfaehigkeit.EIN_DRITTEL:
        return 3 * anwesende >= stimmberechtigte
    return True


def angenommen(regel: str, *, ja: int, nein: int, anwesende: int) -> bool:
    """Majority; abstentions count as votes cast only where the rule says so (never here)."""
    if regel == Gremium.Mehrheit.ANWESENDE:
        return 2 * ja > anwesende
    if regel == Gremium.Mehrheit.ZWEI_DRITTEL:
        return ja > 0 and 3 * ja >= 2 * (ja + nein)
    return ja > nein


def auswerten(
    *,
    beschlussfaehigkeit: str,
    mehrheit: str,
    stimmberechtigte: int,
    anwesende: int,
    ja: int,
    nein: int,
    enthaltung: int,
) -> Auswertung:
    """The result of a vote. Ties are rejected. The caller has checked that the votes come only
    from present, voting, unbiased members (so ja + nein + enthaltung <= anwesende)."""
    if ja + nein + enthaltung > anwesende or anwesende > stimmberechtigte:
        raise ValueError("more votes than present voting members")
    faehig = beschlussfaehig(
        beschlussfaehigkeit, stimmberechtigte=stimmberechtigte, anwesende=anwesende
    )
    if not faehig:
        ergebnis = Ergebnis.NICHT_BESCHLUSSFAEHIG
    elif angenommen(mehrheit, ja=ja, nein=nein, anwesende=anwesende):
        ergebnis = Ergebnis.ANGENOMMEN
    else:
        ergebnis = Ergebnis.ABGELEHNT
    return Auswertung(
        ergebnis=ergebnis,
        beschlussfaehig=faehig,
        stimmberechtigte=stimmberechtigte,
        anwesende=anwesende,
        ja=ja,
        nein=nein,
        enthaltung=enthaltung,
    )
