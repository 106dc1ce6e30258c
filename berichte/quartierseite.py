"""Reads of the quartier page /quartiere/<slug>/: what needs attention, the key figures of
every app and the details below them, for one quartier the user may read.

berichte may read every app, so the page is one view and one template instead of sections
that the apps register. Every figure is read once and shown once; each read is a small query
on one quartier's rows (indexed by quartier), so the page costs a fixed number of queries
whatever the amount of data, and nothing is cached. Builders return data; the template
`berichte/quartier_detail.html` writes the HTML.
"""

import datetime
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import (
    Count,
    DecimalField,
    Func,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext

from akteure.models import Aufgabe, Sitzung
from akteure.selectors import (
    aktive_akteure_je_handlungsfeld,
    aktive_akteure_je_zielgruppe,
    netzwerk_ueberblick,
    offene_aufgaben,
)
from bedarfe.models import Bedarf, Weiterleitung
from bedarfe.selectors import bedarfe_gezaehlt, offene_bedarfe_je_zielgruppe
from karten import selectors as karten
from projekte.models import Projekt, Stadtteilfonds, Teilnahme, Termin
from projekte.selectors import ueberfaellige_nachweise
from quartiere.models import Berichtspflicht, Handlungsfeld, Programmeinsatz, Quartier, Zielgruppe
from quartiere.rules import darf_quartier_bearbeiten
from quartiersmanagement.history import history_for
from quartiersmanagement.templatetags.qm import euro

from .models import Berichtstext

#: Funder reports due within this many days count as needing attention.
BERICHTE_VORLAUF_TAGE = 60
#: Open action items listed on the page (overdue first); the rest are on /aufgaben/.
AUFGABEN_AUF_DER_SEITE = 10
#: Next events and next meetings, each at most this many, merged by date.
NAECHSTE_TERMINE = 5


def _url(name: str, **parameter) -> str:
    """A list URL with its filter parameters (None values left out)."""
    werte = {k: v for k, v in parameter.items() if v is not None}
    return f"{reverse(name)}?{urlencode(werte)}" if werte else reverse(name)


def _anzahl(qs) -> Subquery:
    """COUNT(*) of `qs` as a scalar subquery (an aggregate without GROUP BY: one row)."""
    return Subquery(
        qs.order_by().annotate(_n=Func(Value(1), function="COUNT")).values("_n")[:1],
        output_field=IntegerField(),
    )


# --- what needs attention -----------------------------------------------------------------


def aufmerksamkeit(quartier, stichtag: datetime.date | None = None) -> list[dict]:
    """Overdue forwards, overdue action items and overdue proofs of use of the quartier,
    each with the filtered list behind it, and the number of open action items. One query."""
    stichtag = stichtag or timezone.localdate()
    werte = (
        Quartier.objects.filter(pk=quartier.pk)
        .annotate(
            n_weiterleitungen=_anzahl(
                Weiterleitung.objects.ueberfaellig(stichtag).filter(bedarf__quartier=OuterRef("pk"))
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
            "url": _url("bedarfe:weiterleitungen", quartier=quartier.pk, ueberfaellig="true"),
        },
        {
            "schluessel": "aufgaben",
            "titel": gettext("überfällige Aufgaben"),
            "hinweis": gettext("aus Gremien und Sitzungen, fällig und nicht erledigt"),
            "anzahl": werte["n_aufgaben"],
            "url": _url("akteure:aufgaben", quartier=quartier.pk, ueberfaellig="true"),
        },
        {
            "schluessel": "nachweise",
            "titel": gettext("überfällige Verwendungsnachweise"),
            "hinweis": gettext("Stadtteilfonds: Frist verstrichen, Nachweis fehlt"),
            "anzahl": werte["n_nachweise"],
            "url": _url("projekte:nachweise_ueberfaellig", quartier=quartier.pk),
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
            else _url("projekte:termine", quartier=quartier.pk, von=t.beginn.date().isoformat()),
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


# --- needs ------------------------------------------------------------------------------------


def bedarfe_uebersicht(quartier, zaehlung: list[dict], handlungsfelder: list) -> dict:
    """Open needs by status (for the overview) and by Handlungsfeld × status (the matrix of
    the chart; rows in the order of the Handlungsfelder, needs without one last), and the
    closed ones; from `zaehlung` (`bedarfe_gezaehlt`) and all Handlungsfelder in order."""
    reihenfolge = {h.pk: i for i, h in enumerate(handlungsfelder)}
    namen = dict(Bedarf.Status.choices)
    offen_status = [s for s in Bedarf.Status.values if s not in Bedarf.ABGESCHLOSSEN]
    je_status: dict[str, int] = {}
    felder: dict = {}
    for z in sorted(zaehlung, key=lambda z: reihenfolge.get(z["handlungsfeld"], len(reihenfolge))):
        je_status[z["status"]] = je_status.get(z["status"], 0) + z["anzahl"]
        if z["status"] in Bedarf.ABGESCHLOSSEN:
            continue
        feld = felder.setdefault(
            z["handlungsfeld"],
            {"pk": z["handlungsfeld"], "name": z["handlungsfeld__name"], "je_status": {}},
        )
        feld["je_status"][z["status"]] = z["anzahl"]
    benutzte = [s for s in offen_status if any(s in f["je_status"] for f in felder.values())]
    zeilen = list(felder.values())
    for feld in zeilen:
        feld["werte"] = [(s, feld["je_status"].get(s, 0)) for s in benutzte]
        feld["summe"] = sum(feld["je_status"].values())
    offen = sum(f["summe"] for f in zeilen)
    spitze = max(zeilen, key=lambda f: f["summe"], default=None)
    satz = gettext("%(n)s offene Bedarfe in %(felder)s Handlungsfeldern.") % {
        "n": offen,
        "felder": len(zeilen),
    }
    if spitze:
        satz += " " + gettext("Die meisten betreffen %(feld)s (%(anzahl)s).") % {
            "feld": spitze["name"] or gettext("ohne Handlungsfeld"),
            "anzahl": spitze["summe"],
        }
    return {
        "je_status": [
            {
                "status": s,
                "name": namen[s],
                "anzahl": je_status.get(s, 0),
                "url": _url("bedarfe:liste", quartier=quartier.pk, status=s),
            }
            for s in offen_status
        ],
        "offen": offen,
        "abgeschlossen": sum(je_status.get(s, 0) for s in Bedarf.ABGESCHLOSSEN),
        "matrix": {
            "status": [(s, namen[s]) for s in benutzte],
            "zeilen": zeilen,
            "zusammenfassung": satz,
        },
        "chart": {
            "horizontal": True,
            "gestapelt": True,
            "labels": [z["name"] or gettext("ohne Handlungsfeld") for z in zeilen],
            "datasets": [
                {"label": str(name), "data": [z["je_status"].get(s, 0) for z in zeilen]}
                for s, name in ((s, namen[s]) for s in benutzte)
            ],
        },
    }


def luecken_tabelle(quartier, zaehlung: list[dict], handlungsfelder: list, zielgruppen: list):
    """Handlungsfelder and Zielgruppen with open needs or active actors, each with both
    numbers; a term with open needs and no active actor is a gap. Three queries; the open
    needs per Handlungsfeld come from `zaehlung` (`bedarfe_gezaehlt`)."""
    bedarfe_hf: dict[int, int] = {}
    for z in zaehlung:
        if z["handlungsfeld"] is not None and z["status"] not in Bedarf.ABGESCHLOSSEN:
            bedarfe_hf[z["handlungsfeld"]] = bedarfe_hf.get(z["handlungsfeld"], 0) + z["anzahl"]
    akteure_hf = aktive_akteure_je_handlungsfeld(quartier)
    bedarfe_zg = offene_bedarfe_je_zielgruppe(quartier)
    akteure_zg = aktive_akteure_je_zielgruppe(quartier)

    def zeilen(begriffe, bedarfe, akteure):
        return [
            {
                "begriff": b,
                "bedarfe": bedarfe.get(b.pk, 0),
                "akteure": akteure.get(b.pk, 0),
                "luecke": bedarfe.get(b.pk, 0) > 0 and not akteure.get(b.pk, 0),
            }
            for b in begriffe
            if b.pk in bedarfe or b.pk in akteure
        ]

    hf = zeilen(handlungsfelder, bedarfe_hf, akteure_hf)
    zg = zeilen(zielgruppen, bedarfe_zg, akteure_zg)
    return {
        "gruppen": [
            {
                "filter": "handlungsfeld",
                "kopf": gettext("Handlungsfeld"),
                "titel": gettext("Handlungsfelder: offene Bedarfe und aktive Akteure"),
                "zeilen": hf,
            },
            {
                "filter": "zielgruppe",
                "kopf": gettext("Zielgruppe"),
                "titel": gettext("Zielgruppen: offene Bedarfe und aktive Akteure"),
                "zeilen": zg,
            },
        ],
        "anzahl": sum(z["luecke"] for z in hf + zg),
    }


# --- projects, fund, activation, network ----------------------------------------------------


def _diagramm(kennung, titel, zusammenfassung, kopf, zeilen, *, geld=False) -> dict:
    """One small chart with one value per row, in the form `berichte/quartier_detail.html` and
    `js/berichte-diagramm.js` read: a data table (rows {label, wert, url}; a zero links
    nowhere) and the same figures as Chart.js data."""
    for z in zeilen:
        if not z["wert"]:
            z["url"] = None
    return {
        "id": kennung,
        "daten_id": f"{kennung}-daten",
        "titel": titel,
        "zusammenfassung": zusammenfassung,
        "kopf": kopf,
        "zeilen": zeilen,
        "geld": geld,
        "daten": {
            "labels": [str(z["label"]) for z in zeilen],
            "datasets": [{"label": str(titel), "data": [float(z["wert"] or 0) for z in zeilen]}],
        },
    }


def projekte_diagramm(quartier) -> dict:
    """The quartier's projects by status. One query."""
    je_status = dict(
        Projekt.objects.filter(quartiere=quartier)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    gesamt = sum(je_status.values())
    satz = gettext("%(n)s Projekte im Quartier.") % {"n": gesamt}
    if gesamt:
        spitze = max(Projekt.Status, key=lambda s: je_status.get(s, 0))
        satz += " " + gettext("Die meisten sind im Status „%(status)s“ (%(anzahl)s).") % {
            "status": spitze.label,
            "anzahl": je_status[spitze],
        }
    return _diagramm(
        "projekte-status",
        gettext("Projekte nach Status"),
        satz,
        gettext("Status"),
        [
            {
                "label": s.label,
                "wert": je_status.get(s, 0),
                "url": _url("projekte:liste", quartier=quartier.pk, status=s.value),
            }
            for s in Projekt.Status
        ],
    )


def fonds_diagramm(quartier, jahr: int) -> dict | None:
    """This year's Stadtteilfonds: budget, granted, paid out, available. One query."""
    geld = DecimalField(max_digits=14, decimal_places=2)
    fonds = (
        Stadtteilfonds.objects.filter(quartier=quartier, jahr=jahr)
        .annotate(
            ausgezahlt=Coalesce(Sum("antraege__ausgezahlt_summe"), Value(0), output_field=geld)
        )
        .only("pk", "budget", "bewilligt_summe")
        .order_by()
        .first()
    )
    if fonds is None:
        return None
    budget = fonds.budget or Decimal(0)
    verfuegbar = budget - fonds.bewilligt_summe
    url = fonds.get_absolute_url()
    return _diagramm(
        "fonds-jahr",
        gettext("Stadtteilfonds %(jahr)s in Euro") % {"jahr": jahr},
        gettext(
            "Vom Budget (%(budget)s) sind %(bewilligt)s bewilligt (%(anteil)s %%) und "
            "%(ausgezahlt)s ausgezahlt; %(verfuegbar)s sind noch verfügbar."
        )
        % {
            "budget": euro(budget),
            "bewilligt": euro(fonds.bewilligt_summe),
            "anteil": round(100 * fonds.bewilligt_summe / budget) if budget else 0,
            "ausgezahlt": euro(fonds.ausgezahlt),
            "verfuegbar": euro(verfuegbar),
        },
        gettext("Betrag"),
        [
            {"label": gettext("Budget"), "wert": budget, "url": url},
            {"label": gettext("bewilligt"), "wert": fonds.bewilligt_summe, "url": url},
            {"label": gettext("ausgezahlt"), "wert": fonds.ausgezahlt, "url": url},
            {"label": gettext("verfügbar"), "wert": verfuegbar, "url": url},
        ],
        geld=True,
    )


def aktivierung_diagramm(quartier, jahr: int) -> dict:
    """This year's events (not cancelled) with participants, volunteers and volunteer hours.
    Two queries."""
    tz = timezone.get_current_timezone()
    termine = Termin.objects.filter(
        quartier=quartier,
        abgesagt=False,
        beginn__gte=datetime.datetime(jahr, 1, 1, tzinfo=tz),
        beginn__lt=datetime.datetime(jahr + 1, 1, 1, tzinfo=tz),
    )
    a = termine.aggregate(
        termine=Count("pk"),
        ehrenamtliche=Coalesce(Sum("ehrenamtliche"), 0),
        ehrenamtsstunden=Coalesce(Sum("ehrenamtsstunden"), Value(Decimal(0))),
    )
    a["teilnehmende"] = Teilnahme.objects.filter(termin__in=termine).aggregate(
        n=Coalesce(Sum("anzahl"), 0)
    )["n"]
    url = _url(
        "projekte:termine",
        quartier=quartier.pk,
        von=f"{jahr}-01-01",
        bis=f"{jahr}-12-31",
        abgesagt="false",
    )
    stunden = a["ehrenamtsstunden"]
    return _diagramm(
        "aktivierung-jahr",
        gettext("Aktivierung %(jahr)s") % {"jahr": jahr},
        gettext(
            "%(termine)s Termine mit %(teilnehmende)s Teilnehmenden; %(ehrenamtliche)s "
            "Ehrenamtliche haben %(stunden)s Stunden mitgewirkt."
        )
        % {
            "termine": a["termine"],
            "teilnehmende": a["teilnehmende"],
            "ehrenamtliche": a["ehrenamtliche"],
            "stunden": number_format(stunden, decimal_pos=0 if stunden == int(stunden) else None),
        },
        gettext("Kennzahl"),
        [
            {"label": gettext(name), "wert": a[feld], "url": url}
            for name, feld in (
                ("Termine", "termine"),
                ("Teilnehmende", "teilnehmende"),
                ("Ehrenamtliche", "ehrenamtliche"),
                ("Ehrenamtsstunden", "ehrenamtsstunden"),
            )
        ],
    )


def netzwerk_diagramm(quartier) -> dict:
    """Active actors, their links and the isolated ones (akteure counts them in one query)."""
    k = netzwerk_ueberblick(quartier)
    karte = f"{reverse('akteure:netzwerk')}?{urlencode({'quartier': quartier.slug})}"
    return _diagramm(
        "netzwerk",
        gettext("Netzwerk der aktiven Akteure"),
        gettext(
            "%(akteure)s aktive Akteure mit %(verbindungen)s Verbindungen; %(isoliert)s davon "
            "ohne Verbindung."
        )
        % {
            "akteure": k["akteure"],
            "verbindungen": k["verbindungen"],
            "isoliert": k["anzahl_isoliert"],
        },
        gettext("Kennzahl"),
        [
            {
                "label": gettext("aktive Akteure"),
                "wert": k["akteure"],
                "url": _url("akteure:liste", quartier=quartier.pk, aktiv="true"),
            },
            {"label": gettext("Verbindungen"), "wert": k["verbindungen"], "url": karte},
            {"label": gettext("isolierte Akteure"), "wert": k["anzahl_isoliert"], "url": karte},
        ],
    )


# --- the page ---------------------------------------------------------------------------------


def jahresberichte(user, quartier, jahr: int) -> list[dict]:
    """This and last year's Jahresbericht: whether texts exist and whether the user may write
    them. One query (the permission reads the roles the view has already read)."""
    jahre = [jahr, jahr - 1]
    mit_texten = set(
        Berichtstext.objects.filter(quartier=quartier, jahr__in=jahre).values_list(
            "jahr", flat=True
        )
    )
    darf = user.has_perm("berichte.change_berichtstext", Berichtstext(quartier=quartier, jahr=jahr))
    return [{"jahr": j, "mit_texten": j in mit_texten, "darf_bearbeiten": darf} for j in jahre]


def quartierseite(user, quartier) -> dict:
    """Everything the quartier page shows, for `user` (the edit buttons depend on the user;
    `quartier` comes from `quartier_mit_details`, so the user may read it)."""
    heute = timezone.localdate()
    zaehlung = bedarfe_gezaehlt(quartier)
    handlungsfelder = list(Handlungsfeld.objects.all())
    zielgruppen = list(Zielgruppe.objects.all())
    berichte = faellige_berichte(quartier, heute)
    fonds = fonds_diagramm(quartier, heute.year)
    diagramme = (
        projekte_diagramm(quartier),
        fonds,
        aktivierung_diagramm(quartier, heute.year),
        netzwerk_diagramm(quartier),
    )
    aufgaben = offene_aufgaben(quartier, hoechstens=AUFGABEN_AUF_DER_SEITE + 1)
    for a in aufgaben:
        a.ist_ueberfaellig = a.faellig_am is not None and a.faellig_am < heute
    return {
        "quartier": quartier,
        "aufmerksamkeit": aufmerksamkeit(quartier, heute),
        "berichte": berichte,
        "berichte_ueberfaellig": sum(b.ist_ueberfaellig for b in berichte),
        "naechste": naechste_termine(quartier),
        "termine_url": _url("projekte:termine", quartier=quartier.pk, von=heute.isoformat()),
        "bedarfe": bedarfe_uebersicht(quartier, zaehlung, handlungsfelder),
        "diagramme": [d for d in diagramme if d],
        "ohne_fonds": fonds is None,
        "jahr": heute.year,
        "luecken": luecken_tabelle(quartier, zaehlung, handlungsfelder, zielgruppen),
        "karte": karten.kontext(
            karten.quartier_karte(quartier), karte_id="quartier-karte", titel=gettext("Karte")
        ),
        "aufgaben": aufgaben[:AUFGABEN_AUF_DER_SEITE],
        "weitere_aufgaben": len(aufgaben) > AUFGABEN_AUF_DER_SEITE,
        "darf_bearbeiten": darf_quartier_bearbeiten(user, quartier),
        "jahresberichte": jahresberichte(user, quartier, heute.year),
        "verlauf": history_for(quartier),
    }
