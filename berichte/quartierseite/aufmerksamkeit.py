"""What needs attention on the quartier page: overdue work, funder reports due and the
next dates.
"""

import datetime

from django.db.models import (
    Func,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
)
from django.utils import timezone
from django.utils.translation import gettext

from akteure.models import Aufgabe, Sitzung
from bedarfe.models import Weiterleitung
from projekte.fonds.selectors import ueberfaellige_nachweise
from projekte.models import Termin
from quartiere.models import Berichtspflicht, Programmeinsatz, Quartier

from .links import list_url

#: Funder reports due within this many days count as needing attention.
BERICHTE_VORLAUF_TAGE = 60
#: Next events and next meetings, each at most this many, merged by date.
NAECHSTE_TERMINE = 5


def _anzahl(qs) -> Subquery:
    """COUNT(*) of `qs` as a scalar subquery (an aggregate without GROUP BY: one row)."""
    return Subquery(
        qs.order_by().annotate(_n=Func(Value(1), function="COUNT")).values("_n")[:1],
        output_field=IntegerField(),
    )


def aufmerksamkeit(quartier, stichtag: datetime.date | None = None) -> list[dict]:
    """Overdue forwards, overdue action items and overdue proofs of use of the quartier,
    each with the filtered list behind it, and the number of open action items. One query."""
    stichtag = stichtag or timezone.localdate()
    werte = (
        Quartier.objects.filter(pk=quartier.pk)
        .annotate(
            n_weiterleitungen=_anzahl(
                Weiterleitung.objects.ueberfaellig(stichtag).filter(quartier=OuterRef("pk"))
            ),
            n_aufgaben=_anzahl(
                Aufgabe.objects.offen().filter(quartier=OuterRef("pk"), faellig_am__lt=stichtag)
            ),
            n_nachweise=_anzahl(
                ueberfaellige_nachweise(stichtag=stichtag).filter(fonds__quartier=OuterRef("pk"))
            ),
        )
        .values("n_weiterleitungen", "n_aufgaben", "n_nachweise")
        .get()
    )
    return [
        {
            "schluessel": "weiterleitungen",
            "titel": gettext("überfällige Weiterleitungen"),
            "hinweis": gettext("Frist verstrichen, noch keine Antwort des Fachbereichs"),
            "anzahl": werte["n_weiterleitungen"],
            "url": list_url("bedarfe:weiterleitungen", quartier=quartier.pk, ueberfaellig="true"),
        },
        {
            "schluessel": "aufgaben",
            "titel": gettext("überfällige Aufgaben"),
            "hinweis": gettext("aus Gremien und Sitzungen, fällig und nicht erledigt"),
            "anzahl": werte["n_aufgaben"],
            "url": list_url("akteure:aufgaben", quartier=quartier.pk, ueberfaellig="true"),
        },
        {
            "schluessel": "nachweise",
            "titel": gettext("überfällige Verwendungsnachweise"),
            "hinweis": gettext("Stadtteilfonds: Frist verstrichen, Nachweis fehlt"),
            "anzahl": werte["n_nachweise"],
            "url": list_url("projekte:nachweise_ueberfaellig", quartier=quartier.pk),
        },
    ]


def faellige_berichte(quartier, stichtag: datetime.date | None = None) -> list[Berichtspflicht]:
    """Open funder reports of the programmes running here, overdue or due within 60 days."""
    stichtag = stichtag or timezone.localdate()
    laufende = Programmeinsatz.objects.aktuell(stichtag).filter(quartier=quartier)
    berichte = list(
        Berichtspflicht.objects.filter(
            programm__in=laufende.values("programm"),
            erledigt_am__isnull=True,
            faellig_am__lte=stichtag + datetime.timedelta(days=BERICHTE_VORLAUF_TAGE),
        )
        .select_related("programm")
        .order_by("faellig_am", "pk")
    )
    for b in berichte:
        b.ist_ueberfaellig = b.faellig_am < stichtag
    return berichte


def naechste_termine(quartier, anzahl: int = NAECHSTE_TERMINE) -> list[dict]:
    """The next `anzahl` events in the quartier and the next `anzahl` meetings of its Gremien
    (neither cancelled), merged by date. Two queries."""
    jetzt = timezone.now()
    termine = (
        Termin.objects.filter(quartier=quartier, beginn__gte=jetzt, abgesagt=False)
        .select_related("projekt")
        .only("beginn", "titel", "ort", "projekt__titel", "projekt__slug")
        .order_by("beginn", "pk")[:anzahl]
    )
    sitzungen = (
        Sitzung.objects.filter(gremium__quartier=quartier, beginn__gte=jetzt)
        .exclude(status=Sitzung.Status.ABGESAGT)
        .select_related("gremium")
        .only("beginn", "titel", "ort", "gremium__name")
        .order_by("beginn", "pk")[:anzahl]
    )
    eintraege = [
        {
            "beginn": t.beginn,
            "art": gettext("Veranstaltung"),
            "titel": t.titel,
            "zusatz": t.projekt.titel if t.projekt_id else "",
            "ort": t.ort,
            "url": t.projekt.get_absolute_url()
            if t.projekt_id
            else list_url(
                "projekte:termine", quartier=quartier.pk, von=t.beginn.date().isoformat()
            ),
        }
        for t in termine
    ] + [
        {
            "beginn": s.beginn,
            "art": gettext("Sitzung"),
            "titel": s.titel or s.gremium.name,
            "zusatz": s.gremium.name,
            "ort": s.ort,
            "url": s.get_absolute_url(),
        }
        for s in sitzungen
    ]
    return sorted(eintraege, key=lambda e: e["beginn"])
