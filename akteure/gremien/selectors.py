"""Reads of the committees; every query starts from the user's quartiers."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from quartiere.models import Zustaendigkeit
from quartiere.selectors import quartiere_fuer
from quartiersmanagement import ical

from . import vorgaenge
from .models import (
    Aufgabe,
    Berichtigung,
    Beschluss,
    Gremium,
    Mitgliedschaft,
    Sitzung,
    Stimme,
    Tagesordnungspunkt,
    Teilnahme,
)


def gremien_fuer(user) -> QuerySet[Gremium]:
    return Gremium.objects.filter(quartier__in=quartiere_fuer(user)).select_related("quartier")


def gremium_fuer(user, pk: int) -> Gremium:
    return get_object_or_404(gremien_fuer(user), pk=pk)


def mitgliedschaft_fuer(user, pk: int) -> Mitgliedschaft:
    return get_object_or_404(
        Mitgliedschaft.objects.select_related("gremium__quartier", "akteur", "person").filter(
            gremium__in=gremien_fuer(user)
        ),
        pk=pk,
    )


def gremium_detail(user, pk: int) -> Gremium:
    qs = gremien_fuer(user).prefetch_related(
        "handlungsfelder",
        Prefetch(
            "mitgliedschaften",
            queryset=Mitgliedschaft.objects.select_related("akteur", "person"),
            to_attr="alle_mitgliedschaften",
        ),
        Prefetch(
            "sitzungen",
            queryset=Sitzung.objects.order_by("-beginn"),
            to_attr="alle_sitzungen",
        ),
    )
    return get_object_or_404(qs, pk=pk)


def sitzungen_fuer(user) -> QuerySet[Sitzung]:
    return Sitzung.objects.filter(gremium__quartier__in=quartiere_fuer(user)).select_related(
        "gremium", "gremium__quartier"
    )


def sitzung_fuer(user, pk: int) -> Sitzung:
    return get_object_or_404(sitzungen_fuer(user), pk=pk)


def sitzung_detail(user, pk: int) -> Sitzung:
    qs = (
        sitzungen_fuer(user)
        .select_related("protokoll_freigegeben_von")
        .prefetch_related(
            "tagesordnungspunkte",
            Prefetch(
                "teilnahmen",
                queryset=Teilnahme.objects.select_related("akteur", "person", "ab_top"),
            ),
            Prefetch(
                "beschluesse",
                queryset=Beschluss.objects.select_related("tagesordnungspunkt").prefetch_related(
                    Prefetch(
                        "stimmen",
                        queryset=Stimme.objects.select_related(
                            "mitgliedschaft__akteur", "mitgliedschaft__person"
                        ),
                    ),
                    "berichtigungen",
                ),
            ),
            Prefetch("berichtigungen", queryset=Berichtigung.objects.select_related("beschluss")),
            Prefetch(
                "aufgaben",
                queryset=Aufgabe.objects.select_related(
                    "verantwortlich_akteur", "verantwortlich_person", "verantwortlich_benutzer"
                ),
            ),
        )
    )
    sitzung = get_object_or_404(qs, pk=pk)
    vorgaenge.attach(sitzung.beschluesse.all())
    return sitzung


def sitzungen_fuer_feed(*, user, gremium=None, quartier=None) -> QuerySet[Sitzung]:
    """The meetings of a calendar feed: those of the feed window (see quartiersmanagement.ical)."""
    qs = sitzungen_fuer(user).filter(beginn__gte=ical.window_start())
    if gremium is not None:
        qs = qs.filter(gremium=gremium)
    if quartier is not None:
        qs = qs.filter(gremium__quartier=quartier)
    return qs.order_by("beginn")


def aufgabe_fuer(user, pk: int) -> Aufgabe:
    return get_object_or_404(
        Aufgabe.objects.select_related("quartier", "sitzung").filter(
            quartier__in=quartiere_fuer(user)
        ),
        pk=pk,
    )


def aufgaben_fuer(user) -> QuerySet[Aufgabe]:
    """Action items of the user's quartiers, open ones by due date first. The responsible
    actor, person or user (at most one per item) come in queries of their own: joined too,
    PostgreSQL spent 6–18 ms planning the seven tables for under 1 ms of work."""
    return (
        Aufgabe.objects.filter(quartier__in=quartiere_fuer(user))
        .select_related("quartier", "sitzung__gremium")
        .prefetch_related(
            "verantwortlich_akteur", "verantwortlich_person", "verantwortlich_benutzer"
        )
        .order_by(
            F("erledigt_am").desc(nulls_first=True), F("faellig_am").asc(nulls_last=True), "pk"
        )
    )


def offene_aufgaben(quartier, *, hoechstens: int | None = None) -> list[Aufgabe]:
    """Open action items of a quartier, overdue ones first, then by due date (ascending due
    dates put the overdue ones first; items without a date come last)."""
    aufgaben = (
        Aufgabe.objects.offen()
        .filter(quartier=quartier)
        .select_related(
            "verantwortlich_akteur",
            "verantwortlich_person",
            "verantwortlich_benutzer",
            "sitzung__gremium",
        )
        .order_by(F("faellig_am").asc(nulls_last=True), "pk")
    )
    return list(aufgaben[:hoechstens] if hoechstens else aufgaben)


def top_fuer(user, pk: int) -> Tagesordnungspunkt:
    return get_object_or_404(
        Tagesordnungspunkt.objects.select_related("sitzung__gremium").filter(
            sitzung__in=sitzungen_fuer(user)
        ),
        pk=pk,
    )


def teilnahme_fuer(user, pk: int) -> Teilnahme:
    return get_object_or_404(
        Teilnahme.objects.select_related("sitzung__gremium").filter(
            sitzung__in=sitzungen_fuer(user)
        ),
        pk=pk,
    )


def beschluss_fuer(user, pk: int) -> Beschluss:
    return get_object_or_404(
        Beschluss.objects.select_related("sitzung__gremium__quartier", "tagesordnungspunkt")
        .prefetch_related("stimmen")
        .filter(sitzung__in=sitzungen_fuer(user)),
        pk=pk,
    )


def mitgliedschaften_am(sitzung: Sitzung) -> list[Mitgliedschaft]:
    """The committee's members on the meeting's day, by name (voting members first)."""
    return list(
        Mitgliedschaft.objects.aktuell(sitzung.datum)
        .filter(gremium_id=sitzung.gremium_id)
        .select_related("akteur", "person")
        .order_by("-stimmberechtigt", "akteur__name", "person__nachname", "person__vorname")
    )


@dataclass
class Zeile:
    """One member in the attendance of a vote."""

    mitgliedschaft: Mitgliedschaft
    anwesend: bool
    status: str  # the attendance status as shown ("" when not recorded)


def anwesenheit_bei(sitzung: Sitzung, top: Tagesordnungspunkt | None = None) -> list[Zeile]:
    """Each member on the meeting's day and whether present for `top`: recorded as present,
    and (if arriving late) from an item at or before `top`. Two queries."""
    teilnahmen = {
        (t.akteur_id, t.person_id): t
        for t in Teilnahme.objects.filter(
            Q(akteur__isnull=False) | Q(person__isnull=False), sitzung=sitzung
        )
        .select_related("ab_top")
        .only("akteur_id", "person_id", "status", "ab_top__nummer")
    }
    zeilen = []
    for m in mitgliedschaften_am(sitzung):
        t = teilnahmen.get((m.akteur_id, m.person_id))
        anwesend = t is not None and t.status == Teilnahme.Status.ANWESEND
        if anwesend and t.ab_top is not None and top is not None:
            anwesend = t.ab_top.nummer <= top.nummer
        zeilen.append(Zeile(mitgliedschaft=m, anwesend=anwesend, status=t.status if t else ""))
    return zeilen


def team_im_quartier(quartier):
    """Staff with a current role in the quartier: who can be responsible for an action item."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            pk__in=Zustaendigkeit.objects.aktuell().filter(quartier=quartier).values("benutzer"),
        )
        .order_by("last_name", "first_name", "username")
    )
