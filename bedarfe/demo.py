"""Demo data of the bedarfe app: plausible, fictional needs per quartier in several states,
with Erhebungen and forwards (some overdue, some answered).

Called by `manage.py demo_daten` after the quartiere part; idempotent: a need is keyed by
quartier and title, and its history is only written when it is created. No e-mail is sent.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from quartiere.demo_profile import profil
from quartiere.models import Fachbereich, Handlungsfeld, Quartier, Zielgruppe

from . import services
from .models import Bedarf, Erhebung, Weiterleitung
from .weiterleitungen import services as weiterleitung_services

S = Bedarf.Status

# (title, description, Handlungsfeld, Zielgruppen, place, mentions, scenario)
# scenario: "neu", "pruefung", "offen" (forwarded, waiting), "ueberfaellig", "uebernommen",
#           "nicht_zustaendig", "erledigt", "zurueckgestellt"
BEDARFE = [
    (
        "Spielplatz an der Grundschule verwahrlost",
        "Die Rutsche ist gesperrt, der Sand verschmutzt; Eltern weichen auf Parkplätze aus.",
        "Kinder, Jugend und Familie",
        ["Kinder", "Familien"],
        "Schulhof und Spielplatz an der Grundschule",
        6,
        "uebernommen",
    ),
    (
        "Treffpunkt für Jugendliche am Abend fehlt",
        "Jugendliche treffen sich an der Bushaltestelle; Anwohnende beschweren sich über Lärm.",
        "Kinder, Jugend und Familie",
        ["Jugendliche"],
        "Bushaltestelle Marktplatz",
        4,
        "ueberfaellig",
    ),
    (
        "Sitzbänke auf dem Weg zum Einkaufszentrum",
        "Ältere Menschen brauchen unterwegs Möglichkeiten zum Ausruhen.",
        "Öffentlicher Raum, Umwelt und Verkehr",
        ["Seniorinnen und Senioren", "Menschen mit Behinderung"],
        "Fußweg zum Einkaufszentrum",
        9,
        "offen",
    ),
    (
        "Beleuchtung im Durchgang zur Haltestelle zu dunkel",
        "Besonders Frauen meiden den Durchgang nach Einbruch der Dunkelheit.",
        "Sicherheit und Sauberkeit",
        ["Alle Bewohner:innen"],
        "Durchgang zur Haltestelle",
        5,
        "nicht_zustaendig",
    ),
    (
        "Sprachcafé für neu Zugewanderte",
        "Viele Zugewanderte wünschen sich einen offenen Ort, um Deutsch zu üben.",
        "Integration und Teilhabe",
        ["Geflüchtete", "Menschen mit Migrationsgeschichte"],
        "Stadtteilbüro",
        3,
        "pruefung",
    ),
    (
        "Wilder Müll an den Containerstellplätzen",
        "Sperrmüll wird regelmäßig neben den Containern abgestellt.",
        "Sicherheit und Sauberkeit",
        ["Alle Bewohner:innen"],
        "Containerstellplatz am Wendehammer",
        7,
        "erledigt",
    ),
    (
        "Hausaufgabenhilfe für Grundschulkinder",
        "Eltern berichten, dass ihre Kinder zu Hause keine Unterstützung bekommen.",
        "Bildung",
        ["Kinder", "Alleinerziehende"],
        "",
        2,
        "neu",
    ),
    (
        "Gemeinschaftsgarten auf der Brachfläche",
        "Eine Gruppe von Nachbarinnen möchte die Brachfläche gemeinsam bepflanzen.",
        "Nachbarschaft und Zusammenleben",
        ["Alle Bewohner:innen", "Familien"],
        "Brachfläche hinter dem Gemeindezentrum",
        2,
        "zurueckgestellt",
    ),
]

# (Erhebung title, method, days ago, participants, notes)
ERHEBUNGEN = [
    (
        "Quartiersbegehung mit Bewohnenden",
        Erhebung.Methode.QUARTIERSBEGEHUNG,
        90,
        18,
        "Rundgang in zwei Gruppen; Schwerpunkte Spielflächen, Wege und Beleuchtung.",
    ),
    (
        "Aktivierende Befragung im Frühjahr",
        Erhebung.Methode.AKTIVIERENDE_BEFRAGUNG,
        150,
        64,
        "Haustürgespräche an drei Nachmittagen, Fragebogen in vier Sprachen.",
    ),
]

# scenario -> days since the need was reported
GEMELDET_VOR_TAGEN = {
    "neu": 5,
    "pruefung": 20,
    "offen": 15,
    "ueberfaellig": 50,
    "uebernommen": 70,
    "nicht_zustaendig": 55,
    "erledigt": 130,
    "zurueckgestellt": 100,
}
# scenario -> (Fachbereich Kürzel, days since sent); the Frist is four weeks after sending
WEITERLEITUNGEN = {
    "offen": ("FB 61", 10),
    "ueberfaellig": ("FB 45", 45),
    "uebernommen": ("E 18", 60),
    "nicht_zustaendig": ("FB 61", 50),
    "erledigt": ("E 18", 120),
}
ANTWORT_NACH_TAGEN = 18


@transaction.atomic
def laden() -> None:
    fachbereiche = {f.kuerzel: f for f in Fachbereich.objects.all()}
    handlungsfelder = {h.name: h for h in Handlungsfeld.objects.all()}
    zielgruppen = {z.name: z for z in Zielgruppe.objects.all()}
    benutzer = {u.username: u for u in get_user_model().objects.filter(username__startswith="qm-")}
    heute = timezone.localdate()
    for nummer, quartier in enumerate(Quartier.objects.order_by("slug")):
        von = benutzer.get(f"qm-{quartier.slug}") or benutzer.get(
            {"westparkviertel": "qm-westpark"}.get(quartier.slug, "")
        )
        erhebungen = [
            Erhebung.objects.update_or_create(
                quartier=quartier,
                titel=titel,
                defaults={
                    "methode": methode,
                    "datum": heute - datetime.timedelta(days=tage),
                    "teilnehmende": teilnehmende,
                    "notizen": notizen,
                },
            )[0]
            for titel, methode, tage, teilnehmende, notizen in ERHEBUNGEN
        ]
        # Each quartier gets as many of the eight needs as its profile says, rotated, so the
        # lists and the figures of the city overview differ.
        anzahl = profil(quartier).bedarfe
        auswahl = [BEDARFE[(nummer + i) % len(BEDARFE)] for i in range(anzahl)]
        for i, (titel, text, feld, gruppen, ort, nennungen, szenario) in enumerate(auswahl):
            if Bedarf.objects.filter(quartier=quartier, titel=titel).exists():
                continue
            bedarf = services.bedarf_anlegen(
                quartier=quartier,
                titel=titel,
                von=von,
                beschreibung=text,
                handlungsfeld=handlungsfelder.get(feld),
                zielgruppen=[zielgruppen[g] for g in gruppen if g in zielgruppen],
                ort=ort,
                nennungen=nennungen,
                quelle=Bedarf.Quelle.ERHEBUNG if i % 2 == 0 else Bedarf.Quelle.SPRECHSTUNDE,
                erhebung=erhebungen[i % 2] if i % 2 == 0 else None,
                gemeldet_am=heute - datetime.timedelta(days=GEMELDET_VOR_TAGEN[szenario]),
                prioritaet=Bedarf.Prioritaet.HOCH if nennungen >= 5 else Bedarf.Prioritaet.MITTEL,
            )
            _szenario(bedarf, szenario, von=von, fachbereiche=fachbereiche, heute=heute)
            _verlauf_zurueckdatieren(bedarf)


def _szenario(bedarf, szenario, *, von, fachbereiche, heute):
    if szenario == "neu":
        return
    services.bedarf_status_aendern(bedarf=bedarf, status=S.IN_PRUEFUNG, von=von)
    if szenario == "pruefung":
        return
    if szenario == "zurueckgestellt":
        services.bedarf_status_aendern(
            bedarf=bedarf,
            status=S.ZURUECKGESTELLT,
            von=von,
            kommentar="Fläche gehört einem privaten Eigentümer; Gespräch im nächsten Jahr.",
        )
        return
    kuerzel, vor_tagen = WEITERLEITUNGEN[szenario]
    w = _weiterleitung(bedarf, fachbereiche[kuerzel], von, heute, vor_tagen, 28)
    if szenario == "uebernommen":
        weiterleitung_services.weiterleitung_beantworten(
            weiterleitung=w,
            ergebnis=Weiterleitung.Ergebnis.UEBERNOMMEN,
            antwort="Wir erneuern die Spielgeräte im kommenden Frühjahr und reinigen den Sand.",
            antwort_von="Sachbearbeitung Grünflächen (fiktiv)",
            benachrichtigen=False,
        )
        services.antwort_freigeben(
            bedarf=bedarf,
            oeffentlich=True,
            oeffentliche_antwort="Der Stadtbetrieb erneuert die Spielgeräte im Frühjahr.",
            von=von,
        )
    elif szenario == "nicht_zustaendig":
        weiterleitung_services.weiterleitung_beantworten(
            weiterleitung=w,
            ergebnis=Weiterleitung.Ergebnis.NICHT_ZUSTAENDIG,
            antwort="Für die Beleuchtung ist der Fachbereich Sicherheit und Ordnung zuständig.",
            vorgeschlagener_fachbereich=fachbereiche.get("FB 32"),
            benachrichtigen=False,
        )
    elif szenario == "erledigt":
        weiterleitung_services.weiterleitung_beantworten(
            weiterleitung=w,
            ergebnis=Weiterleitung.Ergebnis.UEBERNOMMEN,
            antwort="Die Stellplätze werden jetzt wöchentlich kontrolliert und geräumt.",
            ueber=Weiterleitung.Antwortweg.TELEFON,
            von=von,
        )
        services.bedarf_status_aendern(
            bedarf=bedarf, status=S.ERLEDIGT, von=von, kommentar="Seit zwei Monaten sauber."
        )


def _weiterleitung(bedarf, fachbereich, von, heute, vor_tagen, frist_tage):
    """A forward dated in the past (the service only allows a future Frist) without e-mail."""
    schluessel, token_hash = weiterleitung_services.neuer_schluessel()
    gesendet = timezone.now() - datetime.timedelta(days=vor_tagen)
    w = Weiterleitung.objects.create(
        bedarf=bedarf,
        fachbereich=fachbereich,
        kontakt_email=fachbereich.email or "poststelle@stadt.example",
        nachricht="Bitte prüfen Sie das Anliegen und geben Sie uns eine kurze Rückmeldung.",
        gesendet_am=gesendet,
        gesendet_von=von,
        frist=heute - datetime.timedelta(days=vor_tagen - frist_tage),
        schluessel=schluessel,
        token_hash=token_hash,
    )
    weiterleitung_services.weiterleitung_vermerken(bedarf=bedarf, weiterleitung=w, von=von)
    return w


def _verlauf_zurueckdatieren(bedarf):
    """Spread the demo timeline over the weeks since the need was reported (the services
    stamp everything 'now'); answers arrive some days after sending."""
    jetzt = timezone.now()
    for w in bedarf.weiterleitungen.filter(beantwortet_am__isnull=False):
        w.beantwortet_am = min(jetzt, w.gesendet_am + datetime.timedelta(days=ANTWORT_NACH_TAGEN))
        w.save(update_fields=["beantwortet_am"])
    beginn = timezone.make_aware(datetime.datetime.combine(bedarf.gemeldet_am, datetime.time(10)))
    zeit = beginn
    for e in bedarf.ereignisse.select_related("weiterleitung").order_by("pk"):
        if e.art == e.Art.ERSTELLT:
            zeit = beginn
        elif e.art == e.Art.WEITERGELEITET and e.weiterleitung:
            zeit = e.weiterleitung.gesendet_am
        elif e.art == e.Art.BEANTWORTET and e.weiterleitung:
            zeit = e.weiterleitung.beantwortet_am
        else:
            zeit = zeit + datetime.timedelta(days=2)
        e.zeitpunkt = min(zeit, jetzt)
        e.save(update_fields=["zeitpunkt"])
