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


def _arten(user, quartier_ids, jetzt, heute):
    """(kind, queryset newest first, row -> Eintrag) for every kind of entry."""

    def weiterleitung(w, detail):
        return dict(
            titel=_("%(fb)s zu „%(bedarf)s“") % {"fb": w.fachbereich.kuerzel, "bedarf": w.bedarf},
            detail=detail,
            url=w.get_absolute_url(),
            quartier=w.bedarf.quartier.name,
        )

    def antrag(a, detail):
        return dict(
            titel=f"{a.referenz}: {a.titel}",
            detail=detail,
            url=a.get_absolute_url(),
            quartier=a.fonds.quartier.name,
        )

    rueckmeldungen = Rueckmeldung.objects.filter(erledigt=False).select_related("quartier")
    if quartier_ids is not None:
        # Feedback without a quartier reaches only the city-wide roles.
        rueckmeldungen = rueckmeldungen.filter(quartier_id__in=sorted(quartier_ids))
    wochen = settings.HEUTE_STILLSTAND_WOCHEN
    weiterleitungen = Weiterleitung.objects.select_related("bedarf__quartier", "fachbereich")
    antraege = Fondsantrag.objects.select_related("fonds__quartier")
    return [
        (
            Art.ANTWORT,
            _im(
                weiterleitungen.filter(
                    beantwortet_am__gte=jetzt - datetime.timedelta(days=ANTWORT_NEU_TAGE)
                ),
                "bedarf__quartier_id",
                quartier_ids,
            ).order_by("-beantwortet_am"),
            lambda w: (w.beantwortet_am, weiterleitung(w, w.get_ergebnis_display())),
        ),
        (
            Art.ANTRAG,
            _im(
                antraege.filter(status=Fondsantrag.Status.EINGEREICHT),
                "fonds__quartier_id",
                quartier_ids,
            ).order_by("-erstellt"),
            lambda a: (a.erstellt, antrag(a, _("eingegangen, noch nicht geprüft"))),
        ),
        (
            Art.RUECKMELDUNG,
            rueckmeldungen.order_by("-erstellt"),
            lambda r: (
                r.erstellt,
                dict(
                    titel=r.nachricht[:120],
                    detail=r.seite,
                    url=r.seite if r.seite.startswith("/") else "",
                    quartier=r.quartier.name if r.quartier else "",
                ),
            ),
        ),
        (
            Art.AUFGABE,
            _im(
                Aufgabe.objects.offen()
                .filter(
                    verantwortlich_benutzer=user,
                    faellig_am__lte=heute + datetime.timedelta(days=AUFGABEN_VORSCHAU_TAGE),
                )
                .select_related("quartier", "sitzung"),
                "quartier_id",
                quartier_ids,
            ).order_by("faellig_am", "pk"),
            lambda a: (
                _als_zeitpunkt(a.faellig_am),
                dict(
                    titel=a.titel,
                    detail=_("überfällig") if a.ueberfaellig else _("fällig"),
                    url=a.sitzung.get_absolute_url()
                    if a.sitzung
                    else reverse("akteure:aufgaben") + "?offen=true",
                    quartier=a.quartier.name,
                ),
            ),
        ),
        (
            Art.WEITERLEITUNG,
            _im(weiterleitungen.ueberfaellig(heute), "quartier_id", quartier_ids).order_by(
                "-frist", "pk"
            ),
            lambda w: (_als_zeitpunkt(w.frist), weiterleitung(w, _("Frist abgelaufen"))),
        ),
        (
            Art.NACHWEIS,
            _im(
                antraege.filter(
                    status=Fondsantrag.Status.AUSGEZAHLT,
                    nachweis_faellig_am__lte=heute
                    + datetime.timedelta(days=NACHWEIS_VORSCHAU_TAGE),
                ),
                "fonds__quartier_id",
                quartier_ids,
            ).order_by("-nachweis_faellig_am", "pk"),
            lambda a: (
                _als_zeitpunkt(a.nachweis_faellig_am),
                antrag(a, _("überfällig") if a.nachweis_faellig_am < heute else _("bald fällig")),
            ),
        ),
        (
            Art.SITZUNG,
            _im(
                Sitzung.objects.filter(
                    beginn__gte=jetzt,
                    beginn__lte=jetzt + datetime.timedelta(days=SITZUNGEN_VORSCHAU_TAGE),
                )
                .exclude(status=Sitzung.Status.ABGESAGT)
                .select_related("gremium__quartier"),
                "gremium__quartier_id",
                quartier_ids,
            ).order_by("beginn", "pk"),
            lambda s: (
                s.beginn,
                dict(
                    titel=f"{s.gremium.name}: {s.titel}" if s.titel else s.gremium.name,
                    detail=s.ort,
                    url=s.get_absolute_url(),
                    quartier=s.gremium.quartier.name,
                ),
            ),
        ),
        (
            Art.STILLSTAND,
            _im(
                Bedarf.objects.offen()
                .filter(geaendert__lt=jetzt - datetime.timedelta(weeks=wochen))
                .select_related("quartier")
                .only("pk", "titel", "geaendert", "quartier__name"),
                "quartier_id",
                quartier_ids,
            ).order_by("-geaendert", "-pk"),
            lambda b: (
                b.geaendert,
                dict(
                    titel=b.titel,
                    detail=_("seit mehr als %(wochen)s Wochen unverändert") % {"wochen": wochen},
                    url=b.get_absolute_url(),
                    quartier=b.quartier.name,
                ),
            ),
        ),
    ]


def eintraege_fuer(
    user, *, quartier_ids: frozenset[int] | None = None, ungemeldet: bool = False
) -> list[Eintrag]:
    """Every open entry of the user, most recent first (upcoming dates count as now)."""
    if quartier_ids is None:
        quartier_ids = heute_quartier_ids(user)
    jetzt = timezone.now()
    eintraege = []
    for art, qs, als_eintrag in _arten(user, quartier_ids, jetzt, timezone.localdate()):
        for zeile in _offen_fuer(qs, user, art, ungemeldet=ungemeldet)[:HOECHSTENS]:
            zeitpunkt, felder = als_eintrag(zeile)
            eintraege.append(Eintrag(art=art, objekt_id=zeile.pk, zeitpunkt=zeitpunkt, **felder))
    # Newest first; what lies ahead (meetings, due dates) counts as now, soonest first.
    eintraege.sort(key=lambda e: (min(e.zeitpunkt, jetzt), -e.zeitpunkt.timestamp()), reverse=True)
    return eintraege
