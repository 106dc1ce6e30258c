"""Services of the akteure app: rules hold, bad input gives a German error and saves nothing."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from akteure import services
from akteure.gremien import beschluesse, einladung
from akteure.gremien import services as gremien_services
from akteure.models import (
    Akteur,
    Beziehung,
    Beziehungsart,
    Funktion,
    Mitgliedschaft,
    Person,
    Sitzung,
)
from tests import factories

pytestmark = pytest.mark.django_db

HEUTE = datetime.date(2026, 3, 1)


def test_beziehungsarten_sind_vorbelegt():
    namen = set(Beziehungsart.objects.values_list("name", flat=True))
    assert {"Kooperation", "Mitglied in", "Träger von", "Förderer"} <= namen


def test_akteur_anlegen_mit_mehreren_quartieren(quartier, anderes_quartier):
    feld = factories.HandlungsfeldFactory(name="Bildung")
    akteur = services.akteur_anlegen(
        name="Kita Regenbogen",
        art=Akteur.Art.KITA,
        quartiere=[quartier, anderes_quartier],
        handlungsfelder=[feld],
    )
    assert set(akteur.quartiere.all()) == {quartier, anderes_quartier}
    assert list(akteur.handlungsfelder.all()) == [feld]


def test_akteur_ohne_quartier_wird_abgelehnt(db):
    with pytest.raises(ValidationError) as fehler:
        services.akteur_anlegen(name="X", art=Akteur.Art.VEREIN, quartiere=[])
    assert "quartiere" in fehler.value.message_dict
    assert not Akteur.objects.exists()


def test_oeffentlich_ohne_einwilligung_wird_abgelehnt(quartier):
    with pytest.raises(ValidationError) as fehler:
        services.akteur_anlegen(
            name="Verein", art=Akteur.Art.VEREIN, quartiere=[quartier], oeffentlich=True
        )
    assert "Einwilligung" in fehler.value.message_dict["einwilligung_am"][0]
    assert not Akteur.objects.exists()


def test_datenbank_verbietet_oeffentlich_ohne_einwilligung(quartier):
    akteur = factories.AkteurFactory(quartiere=[quartier])
    with pytest.raises(IntegrityError), transaction.atomic():
        Akteur.objects.filter(pk=akteur.pk).update(oeffentlich=True)


def test_beziehung_zu_sich_selbst_wird_abgelehnt(quartier):
    akteur = factories.AkteurFactory(quartiere=[quartier])
    art = Beziehungsart.objects.get(name="Kooperation")
    with pytest.raises(ValidationError) as fehler:
        services.beziehung_anlegen(quelle=akteur, ziel=akteur, art=art)
    assert fehler.value.message_dict["ziel"] == [
        "Ein Akteur kann keine Beziehung zu sich selbst haben."
    ]
    assert not Beziehung.objects.exists()


def test_datenbank_verbietet_beziehung_zu_sich_selbst(quartier):
    akteur = factories.AkteurFactory(quartiere=[quartier])
    with pytest.raises(IntegrityError), transaction.atomic():
        Beziehung.objects.create(
            quelle=akteur, ziel=akteur, art=Beziehungsart.objects.get(name="Förderer")
        )


def test_beziehung_mit_ende_vor_beginn_wird_abgelehnt(quartier):
    a, b = factories.AkteurFactory.create_batch(2, quartiere=[quartier])
    with pytest.raises(ValidationError) as fehler:
        services.beziehung_anlegen(
            quelle=a,
            ziel=b,
            art=Beziehungsart.objects.get(name="Kooperation"),
            von=HEUTE,
            bis=HEUTE - datetime.timedelta(days=1),
        )
    assert fehler.value.message_dict["bis"] == ["Das Ende liegt vor dem Beginn."]
    assert not Beziehung.objects.exists()


def test_funktion_wechseln_beendet_die_alte_und_behaelt_sie(quartier):
    funktion = factories.FunktionFactory(
        akteur__quartiere=[quartier], rolle="Stellvertretung", von=datetime.date(2024, 1, 1)
    )
    neu = services.funktion_wechseln(funktion=funktion, rolle="Leitung", ab=HEUTE)
    funktion.refresh_from_db()
    assert funktion.bis == HEUTE - datetime.timedelta(days=1)
    assert funktion.rolle == "Stellvertretung"
    assert neu.rolle == "Leitung" and neu.von == HEUTE and neu.bis is None
    assert Funktion.objects.filter(person=funktion.person).count() == 2


def test_funktion_wechsel_vor_beginn_wird_abgelehnt(quartier):
    funktion = factories.FunktionFactory(akteur__quartiere=[quartier], von=HEUTE)
    with pytest.raises(ValidationError):
        services.funktion_wechseln(funktion=funktion, rolle="Leitung", ab=HEUTE)
    assert Funktion.objects.count() == 1


def test_zweite_laufende_funktion_beim_selben_akteur_wird_abgelehnt(quartier):
    funktion = factories.FunktionFactory(akteur__quartiere=[quartier])
    with pytest.raises(ValidationError) as fehler:
        services.funktion_anlegen(
            person=funktion.person, akteur=funktion.akteur, rolle="Kasse", von=HEUTE
        )
    assert "laufende Funktion" in fehler.value.message_dict["rolle"][0]


def test_person_anlegen_mit_funktion_und_einwilligung(quartier):
    akteur = factories.AkteurFactory(quartiere=[quartier])
    person = services.person_anlegen(
        nachname="Beispiel",
        vorname="Bea",
        akteur=akteur,
        rolle="Vorsitz",
        einwilligung_zweck="Einladungen",
        einwilligung_am=HEUTE,
        einwilligung_quelle="schriftlich",
    )
    assert person.funktionen.get().akteur == akteur
    assert person.einwilligungen.get().zweck == "Einladungen"


def test_person_anlegen_mit_fehler_speichert_nichts(quartier):
    akteur = factories.AkteurFactory(quartiere=[quartier])
    with pytest.raises(ValidationError):
        services.person_anlegen(
            nachname="Beispiel",
            akteur=akteur,
            rolle="",  # a role is required
        )
    assert not Person.objects.exists()


def test_einwilligung_widerruf_vor_erteilung_wird_abgelehnt(db):
    einwilligung = factories.EinwilligungFactory(erteilt_am=HEUTE)
    with pytest.raises(ValidationError) as fehler:
        services.einwilligung_widerrufen(
            einwilligung=einwilligung, am=HEUTE - datetime.timedelta(days=3)
        )
    assert "widerrufen_am" in fehler.value.message_dict


def test_zweite_offene_mitgliedschaft_wird_abgelehnt(quartier):
    gremium = factories.GremiumFactory(quartier=quartier)
    akteur = factories.AkteurFactory(quartiere=[quartier])
    gremien_services.mitgliedschaft_anlegen(gremium=gremium, akteur=akteur, von=HEUTE)
    with pytest.raises(ValidationError) as fehler:
        gremien_services.mitgliedschaft_anlegen(gremium=gremium, akteur=akteur, von=HEUTE)
    assert fehler.value.message_dict["akteur"] == [
        "Dieses Mitglied hat in diesem Gremium schon eine laufende Mitgliedschaft."
    ]
    assert Mitgliedschaft.objects.count() == 1


def test_datenbank_verbietet_zweite_offene_mitgliedschaft(quartier):
    m = factories.MitgliedschaftFactory(gremium__quartier=quartier)
    with pytest.raises(IntegrityError), transaction.atomic():
        Mitgliedschaft.objects.create(gremium=m.gremium, akteur=m.akteur, von=HEUTE)


def test_nach_beendeter_mitgliedschaft_ist_neue_moeglich(quartier):
    m = factories.MitgliedschaftFactory(gremium__quartier=quartier, von=datetime.date(2024, 1, 1))
    gremien_services.mitgliedschaft_beenden(mitgliedschaft=m, bis=datetime.date(2024, 12, 31))
    neu = gremien_services.mitgliedschaft_anlegen(gremium=m.gremium, akteur=m.akteur, von=HEUTE)
    assert neu.pk and m.gremium.mitgliedschaften.count() == 2


def test_mitgliedschaft_mit_ende_vor_beginn_wird_abgelehnt(quartier):
    gremium = factories.GremiumFactory(quartier=quartier)
    person = factories.PersonFactory()
    with pytest.raises(ValidationError) as fehler:
        gremien_services.mitgliedschaft_anlegen(
            gremium=gremium, person=person, von=HEUTE, bis=HEUTE - datetime.timedelta(days=1)
        )
    assert fehler.value.message_dict["bis"] == ["Das Ende liegt vor dem Beginn."]
    assert not Mitgliedschaft.objects.exists()


def test_mitgliedschaft_braucht_genau_ein_mitglied(quartier):
    gremium = factories.GremiumFactory(quartier=quartier)
    with pytest.raises(ValidationError):
        gremien_services.mitgliedschaft_anlegen(gremium=gremium, von=HEUTE)


def test_sitzung_aendern_erhoeht_sequenz_und_behaelt_uid(quartier):
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    uid, sequenz = sitzung.uid, sitzung.sequenz
    gremien_services.sitzung_aendern(sitzung=sitzung, ort="Gemeindesaal")
    gremien_services.sitzung_absagen(sitzung=sitzung)
    sitzung.refresh_from_db()
    assert sitzung.uid == uid
    assert sitzung.sequenz == sequenz + 2
    assert sitzung.status == Sitzung.Status.ABGESAGT


def test_sitzung_mit_ende_vor_beginn_wird_abgelehnt(quartier):
    gremium = factories.GremiumFactory(quartier=quartier)
    beginn = datetime.datetime(2026, 5, 4, 18, tzinfo=datetime.UTC)
    with pytest.raises(ValidationError) as fehler:
        gremien_services.sitzung_anlegen(
            gremium=gremium, beginn=beginn, ende=beginn - datetime.timedelta(hours=1)
        )
    assert "ende" in fehler.value.message_dict
    assert not Sitzung.objects.exists()


def test_sitzung_anlegen_mit_tagesordnung(quartier):
    gremium = factories.GremiumFactory(quartier=quartier)
    sitzung = gremien_services.sitzung_anlegen(
        gremium=gremium,
        beginn=datetime.datetime(2026, 5, 4, 18, tzinfo=datetime.UTC),
        tagesordnung=["Begrüßung", "Stadtteilfest"],
    )
    top = gremien_services.top_anlegen(sitzung=sitzung, titel="Verschiedenes")
    assert top.nummer == 3
    assert [t.titel for t in sitzung.tagesordnungspunkte.all()] == [
        "Begrüßung",
        "Stadtteilfest",
        "Verschiedenes",
    ]


def test_aufgabe_aus_sitzung_gehoert_zum_quartier_des_gremiums(quartier):
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    aufgabe = gremien_services.aufgabe_anlegen(titel="Flyer drucken", sitzung=sitzung)
    assert aufgabe.quartier == quartier
    gremien_services.aufgabe_erledigen(aufgabe=aufgabe, am=HEUTE)
    assert aufgabe.erledigt and aufgabe.erledigt_am == HEUTE


def test_beschluss_mit_top_einer_anderen_sitzung_wird_abgelehnt(quartier):
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    fremder_top = factories.TagesordnungspunktFactory()
    with pytest.raises(ValidationError):
        beschluesse.beschluss_fassen(
            sitzung=sitzung, text="x", tagesordnungspunkt=fremder_top, ja=1
        )


def test_einladen_schickt_jedem_mitglied_eine_mail_mit_ics(quartier, qm):
    sitzung = factories.SitzungFactory(gremium__quartier=quartier, titel="Frühjahrssitzung")
    factories.MitgliedschaftFactory(gremium=sitzung.gremium, akteur__email="a@verein.example")
    factories.MitgliedschaftFactory(
        gremium=sitzung.gremium, akteur=None, person=factories.PersonFactory(email="p@x.example")
    )
    factories.MitgliedschaftFactory(
        gremium=sitzung.gremium, akteur__email="alt@verein.example", bis=datetime.date(2024, 6, 1)
    )
    anzahl = einladung.sitzung_einladen(sitzung=sitzung, von=qm)
    assert anzahl == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@verein.example", "p@x.example"]
    name, inhalt, mime = mail.outbox[0].attachments[0]
    assert name == "einladung.ics" and mime == "text/calendar"
    assert str(sitzung.uid) in (inhalt.decode() if isinstance(inhalt, bytes) else inhalt)


def test_kalenderzugang_erneuern_ersetzt_das_token(qm):
    alt = services.kalenderzugang_erneuern(benutzer=qm).token
    neu = services.kalenderzugang_erneuern(benutzer=qm).token
    assert alt != neu and len(neu) >= 40


def test_faellige_personen_werden_samt_verlauf_anonymisiert(quartier):
    alt = factories.FunktionFactory(akteur__quartiere=[quartier]).person
    alt.loeschen_am = HEUTE
    alt.save()
    bleibt = factories.PersonFactory(loeschen_am=HEUTE + datetime.timedelta(days=1))
    probe = services.personen_anonymisieren(HEUTE, False)
    assert probe == [f"Person #{alt.pk}: Löschdatum {HEUTE:%d.%m.%Y} erreicht"]
    assert Person.objects.get(pk=alt.pk).nachname != services.ANONYM, "Probelauf ändert nichts"

    services.personen_anonymisieren(HEUTE, True)

    alt.refresh_from_db()
    assert (alt.nachname, alt.email, alt.anonymisiert_am) == (services.ANONYM, "", HEUTE)
    assert alt.funktionen.exists(), "Rollen bleiben, nur ohne Namen"
    assert set(Person.history.filter(id=alt.pk).values_list("email", flat=True)) == {""}
    bleibt.refresh_from_db()
    assert bleibt.nachname != services.ANONYM
    assert services.personen_anonymisieren(HEUTE, True) == [], "kein zweites Mal"


def test_person_mit_widerrufener_einwilligung_wird_anonymisiert():
    person = factories.PersonFactory()
    factories.EinwilligungFactory(person=person, widerrufen_am=HEUTE)
    weiter = factories.PersonFactory()
    factories.EinwilligungFactory(person=weiter, widerrufen_am=HEUTE)
    factories.EinwilligungFactory(person=weiter, zweck="Newsletter")
    assert services.personen_anonymisieren(HEUTE, False) == [
        f"Person #{person.pk}: alle Einwilligungen widerrufen"
    ]


def test_datenbankkonflikt_wird_zur_deutschen_fehlermeldung(quartier, monkeypatch):
    m = factories.MitgliedschaftFactory(gremium__quartier=quartier)
    # As if a second request had passed validation at the same moment.
    monkeypatch.setattr(Mitgliedschaft, "full_clean", lambda self, **kw: None)
    with pytest.raises(ValidationError) as fehler:
        gremien_services.mitgliedschaft_anlegen(gremium=m.gremium, akteur=m.akteur, von=HEUTE)
    assert "gleichzeitig" in fehler.value.messages[0]
    assert Mitgliedschaft.objects.count() == 1


def test_person_ohne_einwilligung_und_ohne_andere_rechtsgrundlage_wird_nicht_gespeichert(
    quartier,
):
    akteur = factories.AkteurFactory(quartiere=[quartier])
    with pytest.raises(ValidationError) as fehler:
        services.person_anlegen(nachname="Beispiel", akteur=akteur, rolle="Vorsitz")
    assert "einwilligung_zweck" in fehler.value.message_dict
    with pytest.raises(ValidationError) as fehler:
        services.person_anlegen(
            nachname="Beispiel", akteur=akteur, rolle="Vorsitz", rechtsgrundlage="aufgabe"
        )
    assert "Löschdatum" in fehler.value.message_dict["loeschen_am"][0]
    assert not Person.objects.exists()


def test_person_mit_anderer_rechtsgrundlage_und_loeschdatum(quartier):
    akteur = factories.AkteurFactory(quartiere=[quartier])
    person = services.person_anlegen(
        nachname="Beispiel",
        akteur=akteur,
        rolle="Leitung",
        rechtsgrundlage="aufgabe",
        loeschen_am=HEUTE + datetime.timedelta(days=365),
    )
    assert not person.einwilligungen.exists()


def test_datenbank_verweigert_person_ohne_einwilligung_und_ohne_loeschdatum(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(nachname="Beispiel", rechtsgrundlage="vertrag")


def test_person_aendern_auf_einwilligung_ohne_erfasste_einwilligung_wird_abgelehnt(db):
    person = factories.PersonFactory(rechtsgrundlage="aufgabe", loeschen_am=HEUTE)
    with pytest.raises(ValidationError) as fehler:
        services.person_aendern(person=person, rechtsgrundlage="einwilligung")
    assert "keine Einwilligung erfasst" in fehler.value.message_dict["rechtsgrundlage"][0]
    with pytest.raises(TypeError):
        services.person_aendern(person=person, anonymisiert_am=HEUTE)


def test_akteur_aendern_nimmt_nur_benannte_felder(db):
    akteur = factories.AkteurFactory(name="Alt")
    services.akteur_aendern(akteur=akteur, name="Neu")
    akteur.refresh_from_db()
    assert akteur.name == "Neu"
    with pytest.raises(TypeError):
        services.akteur_aendern(akteur=akteur, suchvektor="x")


def test_person_hat_funktionen_bei_mehreren_akteuren_zugleich(quartier):
    funktion = factories.FunktionFactory(akteur__quartiere=[quartier], von=HEUTE)
    weitere = services.funktion_anlegen(
        person=funktion.person,
        akteur=factories.AkteurFactory(quartiere=[quartier]),
        rolle="Kasse",
        von=HEUTE,
    )
    assert set(funktion.person.funktionen.filter(bis__isnull=True)) == {funktion, weitere}


def test_funktion_endet_ohne_nachfolge_und_nur_einmal(db):
    funktion = factories.FunktionFactory(von=HEUTE - datetime.timedelta(days=10))
    services.funktion_beenden(funktion=funktion, bis=HEUTE)
    funktion.refresh_from_db()
    assert funktion.bis == HEUTE
    assert funktion.person.funktionen.count() == 1
    with pytest.raises(ValidationError, match="bereits beendet"):
        services.funktion_beenden(funktion=funktion, bis=HEUTE)
