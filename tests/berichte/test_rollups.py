"""The rollups of the city-wide figures equal a recount from the base tables after writes of
every kind (services, save, update(), bulk_create, raw SQL, deletes), and can be rebuilt."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Case, Count, F, Sum, When
from django.db.models.functions import ExtractYear

from bedarfe import services as bedarf_services
from bedarfe.models import Bedarf, Bedarfsereignis, Weiterleitung
from bedarfe.weiterleitungen import services as weiterleitung_services
from berichte import rollups
from berichte.models import (
    AbschlussZahl,
    AntwortdauerZahl,
    BedarfZahl,
    TerminZahl,
    WeiterleitungZahl,
)
from berichte.selectors import TageZwischen, median
from projekte.models import Teilnahme, Termin
from tests import factories
from tests.berichte.test_uebersicht import _zeit

D = datetime.date
ABGESCHLOSSEN = Bedarf.ABGESCHLOSSEN_GEZAEHLT  # a merged need counts in its target


def _menge(qs, *felder):
    return sorted(tuple(z[f] for f in felder) for z in qs)


def nachgezaehlt() -> dict:
    """Every rollup recounted with the ORM from the base tables (as the pages used to)."""
    termine = {
        (z["quartier"], z["jahr"]): [z["n"], z["ehrenamtliche"], z["stunden"], 0]
        for z in Termin.objects.filter(abgesagt=False)
        .annotate(jahr=ExtractYear("beginn"))
        .values("quartier", "jahr")
        .annotate(
            n=Count("pk"), ehrenamtliche=Sum("ehrenamtliche"), stunden=Sum("ehrenamtsstunden")
        )
    }
    for z in (
        Teilnahme.objects.filter(termin__abgesagt=False)
        .annotate(jahr=ExtractYear("termin__beginn"))
        .values("termin__quartier", "jahr")
        .annotate(n=Sum("anzahl"))
    ):
        termine[(z["termin__quartier"], z["jahr"])][3] = z["n"]
    # counted by the need's quartier, the source of the forward's own copy
    weiterleitungen = Weiterleitung.objects.annotate(
        jahr=ExtractYear("gesendet_am"), des_bedarfs=F("bedarf__quartier")
    )
    return {
        "bedarfe": _menge(
            Bedarf.objects.annotate(jahr=ExtractYear("gemeldet_am"))
            .values("quartier", "jahr", "status")
            .annotate(n=Count("pk")),
            "quartier",
            "jahr",
            "status",
            "n",
        ),
        "abschluesse": _menge(
            Bedarfsereignis.objects.filter(
                bedarf__status__in=ABGESCHLOSSEN, zu_status__in=ABGESCHLOSSEN
            )
            .annotate(jahr=ExtractYear("zeitpunkt"))
            .values("bedarf__quartier", "jahr")
            .annotate(n=Count("bedarf", distinct=True)),
            "bedarf__quartier",
            "jahr",
            "n",
        ),
        "weiterleitungen": _menge(
            weiterleitungen.annotate(
                frist_offen=Case(When(beantwortet_am__isnull=True, then=F("frist")))
            )
            .values("fachbereich", "des_bedarfs", "jahr", "ergebnis", "frist_offen")
            .annotate(n=Count("pk")),
            "fachbereich",
            "des_bedarfs",
            "jahr",
            "ergebnis",
            "frist_offen",
            "n",
        ),
        "antwortdauern": _menge(
            weiterleitungen.filter(beantwortet_am__isnull=False)
            .annotate(tage=TageZwischen("beantwortet_am", "gesendet_am"))
            .values("fachbereich", "des_bedarfs", "jahr", "tage")
            .annotate(n=Count("pk")),
            "fachbereich",
            "des_bedarfs",
            "jahr",
            "tage",
            "n",
        ),
        "termine": sorted((*k, *v) for k, v in termine.items()),
    }


def gespeichert() -> dict:
    return {
        "bedarfe": sorted(BedarfZahl.objects.values_list("quartier", "jahr", "status", "anzahl")),
        "abschluesse": sorted(AbschlussZahl.objects.values_list("quartier", "jahr", "anzahl")),
        "weiterleitungen": sorted(
            WeiterleitungZahl.objects.values_list(
                "fachbereich", "quartier", "jahr", "ergebnis", "frist_offen", "anzahl"
            )
        ),
        "antwortdauern": sorted(
            AntwortdauerZahl.objects.values_list(
                "fachbereich", "quartier", "jahr", "tage", "anzahl"
            )
        ),
        "termine": sorted(
            TerminZahl.objects.values_list(
                "quartier",
                "jahr",
                "veranstaltungen",
                "ehrenamtliche",
                "ehrenamtsstunden",
                "teilnehmende",
            )
        ),
    }


def stimmt():
    assert gespeichert() == nachgezaehlt()


def _schliessen(bedarf, tag, status=Bedarf.Status.ERLEDIGT):
    Bedarfsereignis.objects.create(
        bedarf=bedarf,
        art=Bedarfsereignis.Art.STATUS,
        von_status=bedarf.status,
        zu_status=status,
        zeitpunkt=_zeit(tag),
    )
    Bedarf.objects.filter(pk=bedarf.pk).update(status=status)


@pytest.mark.django_db
def test_bedarfe_und_abschluesse_folgen_jeder_art_zu_schreiben(qm, quartier, anderes_quartier):
    hf = factories.HandlungsfeldFactory()
    a = factories.BedarfFactory(quartier=quartier, gemeldet_am=D(2024, 12, 31), handlungsfeld=hf)
    b = factories.BedarfFactory(quartier=quartier, gemeldet_am=D(2025, 1, 1))
    c = factories.BedarfFactory(quartier=anderes_quartier, gemeldet_am=D(2025, 5, 1))
    stimmt()
    # Status through the service (select_for_update, event, save) and by update().
    bedarf_services.bedarf_status_aendern(bedarf=a, status=Bedarf.Status.IN_PRUEFUNG, von=qm)
    _schliessen(b, D(2025, 12, 31))  # 31.12. 10:00 local: still 2025
    _schliessen(c, D(2025, 3, 1), Bedarf.Status.NICHT_UMSETZBAR)
    stimmt()
    # Closed twice in different years (reopened in between), then once more in the same year.
    Bedarf.objects.filter(pk=b.pk).update(status=Bedarf.Status.IN_BEARBEITUNG)
    stimmt()
    _schliessen(b, D(2026, 2, 1))
    _schliessen(b, D(2026, 3, 1))
    stimmt()
    # Quartier, Handlungsfeld and date changed by save() and by update().
    b.refresh_from_db()
    b.quartier = anderes_quartier
    b.handlungsfeld = hf
    b.save()
    Bedarf.objects.filter(pk=a.pk).update(quartier=anderes_quartier, gemeldet_am=D(2023, 1, 1))
    stimmt()
    # Events moved, changed and deleted, also in bulk and by raw SQL.
    ereignis = b.ereignisse.filter(zu_status=Bedarf.Status.ERLEDIGT).first()
    ereignis.zeitpunkt = _zeit(D(2022, 6, 1))
    ereignis.save()
    b.ereignisse.filter(zeitpunkt__year=2026).update(zu_status=Bedarf.Status.IN_BEARBEITUNG)
    stimmt()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE bedarfe_bedarfsereignis SET bedarf_id = %s WHERE bedarf_id = %s",
            [a.pk, c.pk],
        )
    stimmt()
    Bedarfsereignis.objects.bulk_create(
        [
            Bedarfsereignis(bedarf=c, art="status", zu_status="erledigt", zeitpunkt=_zeit(tag))
            for tag in (D(2025, 1, 1), D(2025, 2, 1), D(2024, 2, 1))
        ]
    )
    b.ereignisse.all().delete()
    stimmt()
    # Merge (forwards and status move in one service) and delete with cascades.
    d = factories.BedarfFactory(quartier=anderes_quartier, gemeldet_am=D(2025, 5, 1))
    factories.WeiterleitungFactory(bedarf=d, gesendet_am=_zeit(D(2025, 6, 1)))
    bedarf_services.bedarf_zusammenfuehren(quelle=d, ziel=c, von=qm)
    stimmt()
    d.delete()
    c.delete()
    Bedarf.objects.filter(pk=a.pk).delete()
    stimmt()


@pytest.mark.django_db
def test_weiterleitungen_folgen_jeder_art_zu_schreiben(qm, quartier, anderes_quartier):
    fb, fb2 = factories.FachbereichFactory(), factories.FachbereichFactory()
    bedarf = factories.BedarfFactory(quartier=quartier)
    w = weiterleitung_services.bedarf_weiterleiten(
        bedarf=bedarf, an=fb, von=qm, kontakt_email="a@b.de"
    )
    stimmt()
    weiterleitung_services.weiterleitung_beantworten(
        weiterleitung=w, ergebnis=Weiterleitung.Ergebnis.UEBERNOMMEN, antwort="Ja."
    )
    zweite = factories.WeiterleitungFactory(
        bedarf=bedarf, fachbereich=fb2, gesendet_am=_zeit(D(2025, 1, 1)), frist=D(2025, 2, 1)
    )
    stimmt()
    Weiterleitung.objects.filter(pk=zweite.pk).update(
        beantwortet_am=_zeit(D(2025, 1, 8)), ergebnis="abgelehnt"
    )
    Weiterleitung.objects.filter(pk=w.pk).update(fachbereich=fb2, gesendet_am=_zeit(D(2024, 5, 1)))
    stimmt()
    bedarf.refresh_from_db()  # the services above raised its version
    bedarf.quartier = anderes_quartier
    bedarf.save()
    stimmt()
    Bedarf.objects.filter(pk=bedarf.pk).update(quartier=quartier)
    stimmt()
    Weiterleitung.objects.bulk_create(
        [
            Weiterleitung(
                bedarf=bedarf,
                fachbereich=fb,
                kontakt_email="x@y.de",
                frist=D(2025, 3, n),
                schluessel=f"s{n}",
                token_hash=f"h{n}",
                gesendet_am=_zeit(D(2025, 2, n)),
            )
            for n in (1, 2, 3)
        ]
    )
    stimmt()
    Weiterleitung.objects.filter(pk=zweite.pk).delete()
    bedarf.delete()
    stimmt()


@pytest.mark.django_db
def test_termine_und_teilnahmen_folgen_jeder_art_zu_schreiben(quartier, anderes_quartier):
    termin = factories.TerminFactory(
        quartier=quartier,
        beginn=_zeit(D(2025, 6, 1)),
        ehrenamtliche=3,
        ehrenamtsstunden=Decimal("7.50"),
    )
    factories.TeilnahmeFactory(termin=termin, anzahl=10)
    teilnahme = factories.TeilnahmeFactory(termin=termin, anzahl=5)
    stimmt()
    teilnahme.anzahl = 8
    teilnahme.save()
    Termin.objects.filter(pk=termin.pk).update(abgesagt=True)
    stimmt()
    Termin.objects.filter(pk=termin.pk).update(abgesagt=False, quartier=anderes_quartier)
    termin.refresh_from_db()
    termin.beginn = _zeit(D(2026, 1, 1))
    termin.save()
    stimmt()
    zweiter = factories.TerminFactory(quartier=quartier, beginn=_zeit(D(2025, 1, 1)))
    Teilnahme.objects.bulk_create(
        [
            Teilnahme(termin=zweiter, zielgruppe=factories.ZielgruppeFactory(), anzahl=n)
            for n in (1, 2)
        ]
    )
    Teilnahme.objects.filter(termin=termin).update(termin=zweiter)
    stimmt()
    Teilnahme.objects.filter(anzahl=2).delete()
    termin.delete()
    zweiter.delete()
    stimmt()
    assert not TerminZahl.objects.exists()


@pytest.mark.django_db
def test_neu_aufbauen_zaehlt_aus_den_grunddaten(quartier):
    factories.BedarfFactory(quartier=quartier, gemeldet_am=D(2025, 1, 1))
    factories.TeilnahmeFactory(termin=factories.TerminFactory(quartier=quartier), anzahl=4)
    factories.WeiterleitungFactory(
        bedarf=factories.BedarfFactory(quartier=quartier),
        beantwortet_am=_zeit(D(2026, 7, 1)),
        gesendet_am=_zeit(D(2026, 6, 1)),
        ergebnis="uebernommen",
    )
    soll = gespeichert()
    BedarfZahl.objects.update(anzahl=99)
    TerminZahl.objects.all().delete()
    AntwortdauerZahl.objects.all().delete()
    rollups.neu_aufbauen()
    assert gespeichert() == soll == nachgezaehlt()
    TerminZahl.objects.all().delete()
    call_command("rollups_neu_aufbauen")
    assert gespeichert() == soll


@pytest.mark.django_db
@pytest.mark.parametrize(
    "werte", [[3.0], [1.0, 2.0], [1.5, 1.5, 4.0, 10.25], [2.0, 2.0, 2.0, 7.0, 9.5], [0.1, 0.2, 0.3]]
)
def test_median_aus_haeufigkeiten_gleicht_percentile_cont(werte):
    from collections import Counter

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM unnest(%s::float8[]) v",
            [werte],
        )
        erwartet = cursor.fetchone()[0]
    assert median(sorted(Counter(werte).items())) == erwartet
    assert median([]) is None
