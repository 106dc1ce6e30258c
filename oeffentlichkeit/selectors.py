"""Reads for the public pages. Everything here is public by construction: each query filters
on the public flags (and the recorded consent of actors) itself, never on the visitor."""

import calendar
import dataclasses
import datetime

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from akteure.models import Akteur, Sitzung
from akteure.selectors import oeffentliche_akteure
from bedarfe.models import Bedarf
from projekte.models import Projekt, Termin
from quartiere.models import Quartier
from quartiersmanagement import report_parts

from .models import Beitrag, Seite


@dataclasses.dataclass(frozen=True)
class OeffentlicherTermin:
    """A public event or a meeting of a public committee, as the public sees it."""

    uid: str
    titel: str
    beginn: datetime.datetime
    ende: datetime.datetime | None
    ort: str
    beschreibung: str
    abgesagt: bool
    geaendert: datetime.datetime
    sequenz: int
    art: str


def oeffentliche_quartiere() -> QuerySet[Quartier]:
    return Quartier.objects.filter(oeffentlich=True, aktiv=True).order_by("name")


def oeffentliches_quartier(slug: str) -> Quartier:
    """A quartier with a public page, else 404."""
    return get_object_or_404(oeffentliche_quartiere(), slug=slug)


def oeffentliche_projekte(quartier) -> QuerySet[Projekt]:
    return Projekt.objects.filter(quartiere=quartier, oeffentlich=True).order_by("titel")


def aktuelle_projekte(quartier) -> QuerySet[Projekt]:
    return oeffentliche_projekte(quartier).laufend()


def oeffentliches_projekt(quartier, slug: str) -> Projekt:
    return get_object_or_404(oeffentliche_projekte(quartier), slug=slug)


def akteure(quartier) -> QuerySet[Akteur]:
    """Only actors with recorded consent (the akteure selector enforces it); never persons."""
    return oeffentliche_akteure(quartier)


def beantwortete_bedarfe(quartier, anzahl: int = 5) -> list[Bedarf]:
    """'Sie haben gesagt – wir haben gehandelt': needs whose answer was released."""
    return list(
        Bedarf.objects.filter(quartier=quartier, oeffentlich=True)
        .exclude(oeffentliche_antwort="")
        .only("pk", "titel", "oeffentliche_antwort", "gemeldet_am")
        .order_by("-geaendert")[:anzahl]
    )


def beitraege(quartier) -> QuerySet[Beitrag]:
    return Beitrag.objects.filter(quartier=quartier).veroeffentlicht()


def oeffentlicher_beitrag(quartier, pk: int) -> Beitrag:
    return get_object_or_404(beitraege(quartier).select_related("quartier"), pk=pk)


def termine(
    quartier,
    *,
    ab: datetime.datetime | None = None,
    bis: datetime.datetime | None = None,
    projekt: Projekt | None = None,
    anzahl: int | None = None,
) -> list[OeffentlicherTermin]:
    """Public events and meetings of public committees, by start; two queries."""
    events = Termin.objects.filter(quartier=quartier, oeffentlich=True)
    sitzungen = Sitzung.objects.filter(
        gremium__quartier=quartier, gremium__oeffentlich=True, gremium__aktiv=True
    ).select_related("gremium")
    if ab is not None:
        events = events.filter(beginn__gte=ab)
        sitzungen = sitzungen.filter(beginn__gte=ab)
    if bis is not None:
        events = events.filter(beginn__lt=bis)
        sitzungen = sitzungen.filter(beginn__lt=bis)
    if projekt is not None:
        events = events.filter(projekt=projekt)
        sitzungen = sitzungen.none()
    if anzahl is not None:
        events, sitzungen = (
            events.order_by("beginn")[:anzahl],
            sitzungen.order_by("beginn")[:anzahl],
        )
    liste = [
        OeffentlicherTermin(
            uid=t.uid,
            titel=t.titel,
            beginn=t.beginn,
            ende=t.ende,
            ort=t.ort,
            beschreibung=t.beschreibung,
            abgesagt=t.abgesagt,
            geaendert=t.geaendert,
            sequenz=t.sequenz,
            art="termin",
        )
        for t in events.only(
            "uid",
            "titel",
            "beginn",
            "ende",
            "ort",
            "beschreibung",
            "abgesagt",
            "geaendert",
            "sequenz",
        )
    ] + [
        OeffentlicherTermin(
            uid=f"sitzung-{s.uid}@quartiersmanagement",
            titel=s.titel or s.gremium.name,
            beginn=s.beginn,
            ende=s.ende,
            ort=s.ort,
            beschreibung=s.gremium.name,  # never the minutes: they may name persons
            abgesagt=s.status == Sitzung.Status.ABGESAGT,
            geaendert=s.geaendert,
            sequenz=s.sequenz,
            art="sitzung",
        )
        for s in sitzungen
    ]
    liste.sort(key=lambda t: t.beginn)
    return liste[:anzahl] if anzahl is not None else liste


def kommende_termine(quartier, anzahl: int | None = None, projekt=None):
    return termine(quartier, ab=timezone.now(), anzahl=anzahl, projekt=projekt)


def monat(quartier, jahr: int, monat_: int) -> list[list[dict]]:
    """Weeks (Monday first) of one month, each day with its public dates; two queries."""
    zone = timezone.get_current_timezone()
    anfang = datetime.datetime(jahr, monat_, 1, tzinfo=zone)
    ende = datetime.datetime(jahr + monat_ // 12, monat_ % 12 + 1, 1, tzinfo=zone)
    je_tag: dict[datetime.date, list] = {}
    for t in termine(quartier, ab=anfang, bis=ende):
        je_tag.setdefault(timezone.localtime(t.beginn).date(), []).append(t)
    return [
        [
            {"tag": tag, "im_monat": tag.month == monat_, "termine": je_tag.get(tag, [])}
            for tag in woche
        ]
        for woche in calendar.Calendar(firstweekday=0).monthdatescalendar(jahr, monat_)
    ]


def seite(art: str) -> Seite | None:
    return Seite.objects.filter(art=art).first()


# --- staff side (login): news of the user's quartiers -----------------------------------------


def beitraege_fuer(user) -> QuerySet[Beitrag]:
    from quartiere.selectors import quartiere_fuer

    return Beitrag.objects.filter(quartier__in=quartiere_fuer(user)).select_related("quartier")


def beitrag_fuer(user, pk: int) -> Beitrag:
    return get_object_or_404(beitraege_fuer(user), pk=pk)


def beitraege_im_bericht(fenster) -> list[list]:
    """The news items published in a report's windows (quartier and period), oldest first:
    date, quartier, title and teaser (no personal data)."""
    beitraege = (
        Beitrag.objects.veroeffentlicht()
        .filter(report_parts.im_fenster(fenster, "quartier", "veroeffentlicht_am"))
        .select_related("quartier")
        .only("veroeffentlicht_am", "titel", "teaser", "quartier__name")
        .order_by("veroeffentlicht_am", "quartier__name", "pk")
    )
    return [[b.veroeffentlicht_am, b.quartier.name, b.titel, b.teaser] for b in beitraege]
