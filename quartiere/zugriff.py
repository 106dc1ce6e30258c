"""Who may read and edit which quartier: one access object per request.

Leitung (group) reads every quartier; a current Zuständigkeit gives its role in one quartier:
Quartiersmanagement edits, Leitung and Lesend read; superusers read and edit everything.
`zugriff_fuer(user)` reads the group membership and the current Zuständigkeiten in ONE query
and keeps the result on the user object in the attribute `_zugriff` (the only memo on the
user). `request.user` is loaded anew for every request, so the memo lives exactly one request;
rules predicates receive the user, which is why the memo sits there and not on the request.
The selectors (`quartiere.selectors.quartiere_fuer`) and the predicates
(`quartiere.rules.ist_zustaendig`) both read this object, so the rule is written once.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Exists, OuterRef, QuerySet

from .models import Quartier, Zustaendigkeit

GRUPPE_QUARTIERSMANAGEMENT = "Quartiersmanagement"
GRUPPE_LEITUNG = "Leitung"
GRUPPE_LESEND = "Lesend"
GRUPPEN = (GRUPPE_QUARTIERSMANAGEMENT, GRUPPE_LEITUNG, GRUPPE_LESEND)

#: The attribute on the user object that holds the access object of the current request.
MEMO = "_zugriff"


@dataclass(frozen=True)
class Zugriff:
    """The user's rights: quartier ids with a current role (`lesbar`), those with the role
    Quartiersmanagement (`bearbeitbar`), and the city-wide roles."""

    lesbar: frozenset[int] = frozenset()
    bearbeitbar: frozenset[int] = frozenset()
    ist_leitung: bool = False
    ist_superuser: bool = False

    @property
    def liest_alle(self) -> bool:
        return self.ist_superuser or self.ist_leitung

    @property
    def bearbeitet_irgendwo(self) -> bool:
        """May create records in some quartier: the "create" buttons and pages."""
        return self.ist_superuser or bool(self.bearbeitbar)

    def darf_lesen(self, quartier_id: int | None) -> bool:
        return quartier_id is not None and (self.liest_alle or quartier_id in self.lesbar)

    def darf_bearbeiten(self, quartier_id: int | None) -> bool:
        return quartier_id is not None and (self.ist_superuser or quartier_id in self.bearbeitbar)

    def lesbare_quartiere(self) -> QuerySet[Quartier]:
        if self.liest_alle:
            return Quartier.objects.all()
        return _quartiere(self.lesbar)

    def bearbeitbare_quartiere(self) -> QuerySet[Quartier]:
        if self.ist_superuser:
            return Quartier.objects.all()
        return _quartiere(self.bearbeitbar)

    def einziges_quartier(self) -> int | None:
        """The id of the only quartier the user reads; None for city-wide roles and for
        several or none (a hint for the planner of lists, never the access decision)."""
        if self.liest_alle or len(self.lesbar) != 1:
            return None
        return next(iter(self.lesbar))


def _quartiere(ids: frozenset[int]) -> QuerySet[Quartier]:
    return Quartier.objects.filter(pk__in=sorted(ids)) if ids else Quartier.objects.none()


KEIN_ZUGRIFF = Zugriff()


def zugriff_fuer(user) -> Zugriff:
    """The access object of `user`, read once and then kept on the user (see module doc)."""
    if user is None or not user.is_authenticated:
        return KEIN_ZUGRIFF
    zugriff = getattr(user, MEMO, None)
    if zugriff is None:
        zugriff = _lesen(user)
        setattr(user, MEMO, zugriff)
    return zugriff


def _lesen(user) -> Zugriff:
    aktuell = Zustaendigkeit.objects.aktuell().filter(benutzer=OuterRef("pk"))
    leitung, lesbar, bearbeitbar = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            _leitung=Exists(Group.objects.filter(user=OuterRef("pk"), name=GRUPPE_LEITUNG)),
            _lesbar=ArraySubquery(aktuell.values("quartier_id")),
            _bearbeitbar=ArraySubquery(
                aktuell.filter(rolle=Zustaendigkeit.Rolle.QUARTIERSMANAGEMENT).values("quartier_id")
            ),
        )
        .values_list("_leitung", "_lesbar", "_bearbeitbar")
        .get()
    )
    return Zugriff(
        lesbar=frozenset(lesbar),
        bearbeitbar=frozenset(bearbeitbar),
        ist_leitung=leitung,
        ist_superuser=user.is_superuser,
    )
