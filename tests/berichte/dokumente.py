"""Every PDF and XLSX document the app produces, fetched through its URL, for the layout and
type tests; and a data set with long names that pushes every table to its limits."""

import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from akteure.models import Person, Sitzung
from projekte.models import Fondsantrag
from quartiere.models import Programmeinsatz, Quartier
from quartiersmanagement.letters import Anrede
from tests import factories

LANG = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen"


def _zeit(tag: datetime.date, stunde=18) -> datetime.datetime:
    return datetime.datetime.combine(
        tag, datetime.time(stunde), tzinfo=timezone.get_current_timezone()
    )


def lange_namen() -> dict:
    """One quartier whose every name, title and address is as long as the fields allow
    (and one word longer than any line): the documents must still fit their pages."""
    jahr = timezone.localdate().year
    heute = timezone.localdate()
    quartier = factories.QuartierFactory(
        name="Kronenberg/Kullen-Süd mit Driescher Hof und Rothe Erde Nord (Erweiterung 2026)",
        slug="lange-namen",
        oeffentlich=True,
        aktiv=True,
        buero_adresse=f"Stadtteilbüro im Bürgerzentrum {LANG}\nLange Straße 123a\n52062 Aachen",
        kontakt_email="stadtteilbuero.kronenberg-kullen-sued@quartiere.stadt.example",
    )
    felder = [
        factories.HandlungsfeldFactory(
            name=f"Öffentlicher Raum, Umwelt und Verkehr {i} – " + LANG + " und Klimaanpassung"
        )
        for i in range(3)
    ]
    fachbereich = factories.FachbereichFactory(
        kuerzel="FB 61/700",
        name="Fachbereich Stadtentwicklung, Stadtplanung und Mobilitätsinfrastruktur " + LANG,
    )
    for i, feld in enumerate(felder):
        for _n in range(i + 1):
            bedarf = factories.BedarfFactory(
                quartier=quartier,
                handlungsfeld=feld,
                titel=("Barrierefreier Zugang zur Haltestelle " + LANG)[:200],
                gemeldet_am=heute,
            )
            factories.WeiterleitungFactory(
                bedarf=bedarf, fachbereich=fachbereich, gesendet_am=timezone.now()
            )
    programm = factories.ProgrammFactory(
        name="Sonderprogramm Quartiersentwicklung und " + LANG + " des Landes",
        traeger="Altenheim St. Elisabeth gemeinnützige " + LANG + " GmbH",
        foerdergeber="Ministerium für Heimat, Kommunales, Bau und Digitalisierung " + LANG,
        laufzeit_von=datetime.date(jahr - 1, 1, 1),
    )
    Programmeinsatz.objects.create(
        programm=programm, quartier=quartier, von=datetime.date(jahr - 1, 1, 1), stellenanteil=50
    )
    akteur = factories.AkteurFactory(
        name=("Nachbarschaftskreis " + LANG + " und Freundeskreis der Grundschule e. V.")[:200],
        strasse="Am Langen Weg zum " + LANG + " 123a",
        plz="52062",
        ort="Aachen",
    )
    akteur.quartiere.add(quartier)
    projekt = factories.ProjektFactory(
        titel=("Gemeinschaftsgarten und Reparaturcafé " + LANG)[:200],
        ziele="Nachbarschaft stärken: " + LANG + " " + "Begegnung schaffen. " * 20,
    )
    projekt.quartiere.add(quartier)
    for i in range(3):
        termin = factories.TerminFactory(
            quartier=quartier,
            projekt=projekt,
            oeffentlich=True,
            titel=("Öffentliches Fest " + LANG + f" Nr. {i}")[:200],
            ort=("Bürgerzentrum " + LANG + ", großer Saal im Erdgeschoss")[:200],
            beginn=_zeit(heute + datetime.timedelta(days=i + 1)),
        )
        factories.TeilnahmeFactory(termin=termin, anzahl=12345)
    gremium = factories.GremiumFactory(
        quartier=quartier, name=("Stadtteilkonferenz und Vergabejury " + LANG)[:200]
    )
    sitzung = factories.SitzungFactory(
        gremium=gremium,
        titel=("Sitzung zur Vergabe der Mittel " + LANG)[:200],
        ort=("Gemeindesaal " + LANG)[:200],
        beginn=_zeit(heute),
        status=Sitzung.Status.DURCHGEFUEHRT,
        protokoll=("Verlauf: " + LANG + " ") * 60,
    )
    factories.BeschlussFactory(sitzung=sitzung, text=("Beschluss " + LANG + " ") * 10)
    fonds = factories.StadtteilfondsFactory(
        quartier=quartier, jahr=jahr, budget=Decimal("1234567.89")
    )
    bewilligt = factories.FondsantragFactory(
        fonds=fonds,
        akteur=akteur,
        antragsteller_anrede=Anrede.FRAU,
        antragsteller_name="Gisela Muster-" + LANG,
        titel=("Sommerfest " + LANG)[:200],
        status=Fondsantrag.Status.BEWILLIGT,
        betrag_bewilligt=Decimal("300.00"),
        entschieden_am=heute,
        nachweis_faellig_am=heute + datetime.timedelta(days=90),
        begruendung=("Begründung " + LANG + " ") * 80,
    )
    abgelehnt = factories.FondsantragFactory(
        fonds=fonds,
        antragsteller_organisation=("Initiative " + LANG)[:200],
        antragsteller_anrede=Anrede.HERR,
        antragsteller_name="Hans-Joachim " + LANG,
        antragsteller_email="hans@example.org",
        antragsteller_anschrift="c/o " + LANG + "\nHinterhaus, 3. Etage links\n52062 Aachen",
        einwilligung=True,
        titel=("Lastenrad " + LANG)[:200],
        status=Fondsantrag.Status.ABGELEHNT,
        entschieden_am=heute,
        begruendung="Das Budget ist ausgeschöpft. " + LANG,
    )
    person = factories.PersonFactory(vorname="Maximiliane-Friederike", nachname=LANG)
    return {
        "quartier": quartier,
        "programm": programm,
        "sitzung": sitzung,
        "bewilligt": bewilligt,
        "abgelehnt": abgelehnt,
        "person": person,
        "jahr": jahr,
    }


def aus_demodaten() -> dict:
    """The same kinds of objects picked from the loaded demo data."""
    jahr = timezone.localdate().year
    quartier = Quartier.objects.filter(oeffentlich=True, aktiv=True).order_by("name").first()
    einsatz = Programmeinsatz.objects.select_related("programm").order_by("pk").first()
    return {
        "quartier": quartier,
        "programm": einsatz.programm,
        "sitzung": Sitzung.objects.order_by("pk").first(),
        "bewilligt": Fondsantrag.objects.filter(betrag_bewilligt__isnull=False).first(),
        "abgelehnt": Fondsantrag.objects.filter(status=Fondsantrag.Status.ABGELEHNT).first()
        or Fondsantrag.objects.filter(entschieden_am__isnull=False).last(),
        "person": Person.objects.order_by("pk").first(),
        "jahr": jahr,
    }


def pdf_urls(daten: dict) -> dict[str, str]:
    """Name -> URL of every PDF the app produces for `daten`."""
    q, jahr = daten["quartier"], daten["jahr"]
    urls = {
        "jahresbericht": reverse("berichte:jahresbericht_pdf", args=[q.slug, jahr]),
        "sachbericht": reverse("berichte:sachbericht_pdf", args=[daten["programm"].pk])
        + f"?jahr={jahr}",
        "protokoll": reverse("akteure:protokoll_pdf", args=[daten["sitzung"].pk]),
        "aushang": reverse("oeffentlichkeit:aushang", args=[q.slug]),
        "auskunft": reverse("akteure:person_auskunft", args=[daten["person"].pk, "pdf"]),
    }
    for art in ("bewilligt", "abgelehnt"):
        if daten[art] is not None and daten[art].entschieden_am:
            urls[f"brief-{art}"] = reverse("projekte:entscheidungsschreiben", args=[daten[art].pk])
    return urls


def xlsx_urls(daten: dict) -> dict[str, str]:
    """Name -> URL of every report spreadsheet for `daten` (the lists' exports are checked
    by their apps)."""
    q, jahr = daten["quartier"], daten["jahr"]
    return {
        "jahresbericht": reverse("berichte:jahresbericht_xlsx", args=[q.slug, jahr]),
        "sachbericht": reverse("berichte:sachbericht_xlsx", args=[daten["programm"].pk])
        + f"?jahr={jahr}",
        "uebersicht": reverse("berichte:uebersicht") + f"?jahr={jahr}&format=xlsx",
    }
