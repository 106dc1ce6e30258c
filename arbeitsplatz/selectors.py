"""What needs a staff member today: one query per kind of entry, scoped by the access object.

The entries come from the quartiers the user has a current role in (`Zugriff.lesbar`); a
city-wide role without such a role (Leitung, superuser) sees every quartier. Action items are
the user's own. An entry the user marked "gelesen / erledigt" (`Vermerk.gelesen_am`) is gone
for them; the notification command also leaves out what it already mailed (`gemeldet_am`).
Each kind is capped (`HOECHSTENS`), so the page costs the same number of queries however
much data there is.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from akteure.models import Aufgabe, Sitzung
from bedarfe.models import Bedarf, Weiterleitung
from oeffentlichkeit.models import Rueckmeldung
from projekte.models import Fondsantrag
from quartiere.zugriff import zugriff_fuer

from .models import Art, Vermerk

HOECHSTENS = 25
#: How long an answer of a department stays "new".
ANTWORT_NEU_TAGE = 14
SITZUNGEN_VORSCHAU_TAGE = 14
AUFGABEN_VORSCHAU_TAGE = 7
NACHWEIS_VORSCHAU_TAGE = 14


@dataclass(frozen=True)
class Eintrag:
    art: str
    objekt_id: int
    zeitpunkt: datetime.datetime
    titel: str
    detail: str
    url: str
    quartier: str

    @property
    def art_label(self) -> str:
        return Art(self.art).label

    @property
    def schluessel(self) -> str:
        return f"{self.art}-{self.objekt_id}"


def heute_quartier_ids(user) -> frozenset[int] | None:
    """The quartiers of the user's "Heute" page; None: every quartier (city-wide role)."""
    zugriff = zugriff_fuer(user)
    if zugriff.lesbar:
        return zugriff.lesbar
    return None if zugriff.liest_alle else frozenset()


def _als_zeitpunkt(wert) -> datetime.datetime:
    if isinstance(wert, datetime.datetime):
        return wert
    return timezone.make_aware(datetime.datetime.combine(wert, datetime.time.min))


def _offen_fuer(qs: QuerySet, user, art: str, *, ungemeldet: bool) -> QuerySet:
    """Leave out what the user marked read (and, for mail, what was already mailed)."""
    bedingung = Q(gelesen_am__isnull=False)
    if ungemeldet:
        bedingung |= Q(gemeldet_am__isnull=False)
    vermerkt = Vermerk.objects.filter(bedingung, benutzer=user, art=art, objekt_id=OuterRef("pk"))
    return qs.filter(~Exists(vermerkt))


def _im(qs: QuerySet, feld: str, ids: frozenset[int] | None) -> QuerySet:
    return qs if ids is None else qs.filter(**{f"{feld}__in": sorted(ids)})


def eintraege_fuer(
    user, *, quartier_ids: frozenset[int] | None = None, ungemeldet: bool = False
) -> list[Eintrag]:
    """Every open entry of the user, most recent first (upcoming dates count as now)."""
    if quartier_ids is None:
        quartier_ids = heute_quartier_ids(user)
    jetzt = timezone.now()
    heute = timezone.localdate()

    def offen(qs, art):
        return _offen_fuer(qs, user, art, ungemeldet=ungemeldet)[:HOECHSTENS]

    eintraege: list[Eintrag] = []

    antworten = _im(
        Weiterleitung.objects.filter(
            beantwortet_am__gte=jetzt - datetime.timedelta(days=ANTWORT_NEU_TAGE)
        ).select_related("bedarf__quartier", "fachbereich"),
        "bedarf__quartier_id",
        quartier_ids,
    ).order_by("-beantwortet_am")
    for w in offen(antworten, Art.ANTWORT):
        eintraege.append(
            Eintrag(
                Art.ANTWORT,
                w.pk,
                w.beantwortet_am,
                _("%(fb)s zu „%(bedarf)s“") % {"fb": w.fachbereich.kuerzel, "bedarf": w.bedarf},
                w.get_ergebnis_display(),
                w.get_absolute_url(),
                w.bedarf.quartier.name,
            )
        )

    antraege = _im(
        Fondsantrag.objects.filter(status=Fondsantrag.Status.EINGEREICHT).select_related(
            "fonds__quartier"
        ),
        "fonds__quartier_id",
        quartier_ids,
    ).order_by("-erstellt")
    for a in offen(antraege, Art.ANTRAG):
        eintraege.append(
            Eintrag(
                Art.ANTRAG,
                a.pk,
                a.erstellt,
                f"{a.referenz}: {a.titel}",
                _("eingegangen, noch nicht geprüft"),
                a.get_absolute_url(),
                a.fonds.quartier.name,
            )
        )

    rueckmeldungen = Rueckmeldung.objects.filter(erledigt=False).select_related("quartier")
    if quartier_ids is not None:
        rueckmeldungen = rueckmeldungen.filter(quartier_id__in=sorted(quartier_ids))
    for r in offen(rueckmeldungen.order_by("-erstellt"), Art.RUECKMELDUNG):
        eintraege.append(
            Eintrag(
                Art.RUECKMELDUNG,
                r.pk,
                r.erstellt,
                r.nachricht[:120],
                r.seite,
                r.seite if r.seite.startswith("/") else "",
                r.quartier.name if r.quartier else "",
            )
        )

    aufgaben = _im(
        Aufgabe.objects.offen()
        .filter(
            verantwortlich_benutzer=user,
            faellig_am__lte=heute + datetime.timedelta(days=AUFGABEN_VORSCHAU_TAGE),
        )
        .select_related("quartier", "sitzung"),
        "quartier_id",
        quartier_ids,
    ).order_by("faellig_am", "pk")
    for a in offen(aufgaben, Art.AUFGABE):
        eintraege.append(
            Eintrag(
                Art.AUFGABE,
                a.pk,
                _als_zeitpunkt(a.faellig_am),
                a.titel,
                _("überfällig") if a.ueberfaellig else _("fällig"),
                a.sitzung.get_absolute_url()
                if a.sitzung
                else reverse("akteure:aufgaben") + "?offen=true",
                a.quartier.name,
            )
        )

    ueberfaellig = _im(
        Weiterleitung.objects.ueberfaellig(heute).select_related("bedarf__quartier", "fachbereich"),
        "bedarf__quartier_id",
        quartier_ids,
    ).order_by("-frist", "pk")
    for w in offen(ueberfaellig, Art.WEITERLEITUNG):
        eintraege.append(
            Eintrag(
                Art.WEITERLEITUNG,
                w.pk,
                _als_zeitpunkt(w.frist),
                _("%(fb)s zu „%(bedarf)s“") % {"fb": w.fachbereich.kuerzel, "bedarf": w.bedarf},
                _("Frist abgelaufen"),
                w.get_absolute_url(),
                w.bedarf.quartier.name,
            )
        )

    nachweise = _im(
        Fondsantrag.objects.filter(
            status=Fondsantrag.Status.AUSGEZAHLT,
            nachweis_faellig_am__lte=heute + datetime.timedelta(days=NACHWEIS_VORSCHAU_TAGE),
        ).select_related("fonds__quartier"),
        "fonds__quartier_id",
        quartier_ids,
    ).order_by("-nachweis_faellig_am", "pk")
    for a in offen(nachweise, Art.NACHWEIS):
        eintraege.append(
            Eintrag(
                Art.NACHWEIS,
                a.pk,
                _als_zeitpunkt(a.nachweis_faellig_am),
                f"{a.referenz}: {a.titel}",
                _("überfällig") if a.nachweis_faellig_am < heute else _("bald fällig"),
                a.get_absolute_url(),
                a.fonds.quartier.name,
            )
        )

    sitzungen = _im(
        Sitzung.objects.filter(
            beginn__gte=jetzt, beginn__lte=jetzt + datetime.timedelta(days=SITZUNGEN_VORSCHAU_TAGE)
        )
        .exclude(status=Sitzung.Status.ABGESAGT)
        .select_related("gremium__quartier"),
        "gremium__quartier_id",
        quartier_ids,
    ).order_by("beginn", "pk")
    for s in offen(sitzungen, Art.SITZUNG):
        eintraege.append(
            Eintrag(
                Art.SITZUNG,
                s.pk,
                s.beginn,
                f"{s.gremium.name}: {s.titel}" if s.titel else s.gremium.name,
                s.ort,
                s.get_absolute_url(),
                s.gremium.quartier.name,
            )
        )

    wochen = settings.HEUTE_STILLSTAND_WOCHEN
    stillstand = _im(
        Bedarf.objects.offen()
        .filter(geaendert__lt=jetzt - datetime.timedelta(weeks=wochen))
        .select_related("quartier")
        .only("pk", "titel", "geaendert", "quartier__name"),
        "quartier_id",
        quartier_ids,
    ).order_by("-geaendert", "-pk")
    for b in offen(stillstand, Art.STILLSTAND):
        eintraege.append(
            Eintrag(
                Art.STILLSTAND,
                b.pk,
                b.geaendert,
                b.titel,
                _("seit mehr als %(wochen)s Wochen unverändert") % {"wochen": wochen},
                b.get_absolute_url(),
                b.quartier.name,
            )
        )

    # Newest first; what lies ahead (meetings, due dates) counts as now, soonest first.
    eintraege.sort(key=lambda e: (min(e.zeitpunkt, jetzt), -e.zeitpunkt.timestamp()), reverse=True)
    return eintraege
