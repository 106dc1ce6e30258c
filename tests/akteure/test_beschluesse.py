"""Decisions are checked against attendance and the committee's rules; minutes lock on release."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from akteure.gremien import beschluesse, einladung
from akteure.gremien import services as gremien_services
from akteure.models import Beschluss, Stimme

pytestmark = pytest.mark.django_db
E = Beschluss.Ergebnis


def _fassen(sitzung, **kwargs):
    return beschluesse.beschluss_fassen(sitzung=sitzung, text="Sommerfest im Juli", **kwargs)


def test_einzelstimmen_ergeben_das_berechnete_ergebnis(konferenz, melden, qm):
    sitzung, (a, b, c, d, e), _beratend = konferenz
    melden(sitzung, a, b, c)
    beschluss = _fassen(sitzung, stimmen={a: "ja", b: "ja", c: "enthaltung"}, benutzer=qm)
    assert (beschluss.ja, beschluss.nein, beschluss.enthaltung) == (2, 0, 1)
    assert (beschluss.anwesende, beschluss.stimmberechtigte) == (3, 5)
    assert beschluss.ergebnis == E.ANGENOMMEN
    assert beschluss.stimmen.count() == 3
    assert beschluss.beschlossen_am == sitzung.datum


def test_entschuldigtes_mitglied_kann_nicht_abstimmen(konferenz, melden):
    sitzung, (a, b, c, d, e), _ = konferenz
    melden(sitzung, a, b, c)
    melden(sitzung, d, status="entschuldigt")
    with pytest.raises(ValidationError) as fehler:
        _fassen(sitzung, stimmen={a: "ja", b: "ja", d: "ja"})
    assert "Nicht anwesend" in str(fehler.value.message_dict["stimmen"])
    assert not Beschluss.objects.exists()


def test_beratendes_mitglied_hat_kein_stimmrecht(konferenz, melden):
    sitzung, (a, b, c, *_r), beratend = konferenz
    melden(sitzung, a, b, c, beratend)
    with pytest.raises(ValidationError) as fehler:
        _fassen(sitzung, stimmen={a: "ja", beratend: "ja"})
    assert "kein Stimmrecht" in str(fehler.value.message_dict["stimmen"])


def test_vorbelegt_befangenes_mitglied_darf_nicht_mitstimmen(konferenz, melden):
    sitzung, (a, b, c, d, e), _ = konferenz
    melden(sitzung, a, b, c, d)
    with pytest.raises(ValidationError) as fehler:
        _fassen(sitzung, stimmen={a: "ja", b: "ja", c: "nein"}, befangen=[c])
    assert "Befangene" in str(fehler.value.message_dict["stimmen"])
    beschluss = _fassen(sitzung, stimmen={a: "ja", b: "ja", d: "nein"}, befangen=[c])
    assert beschluss.anwesende == 3 and beschluss.ergebnis == E.ANGENOMMEN
    assert beschluss.stimmen.get(mitgliedschaft=c).wert == Stimme.Wert.BEFANGEN


def test_befangene_mitglieder_des_antragstellers(konferenz):
    sitzung, (a, *_r), _ = konferenz
    assert beschluesse.befangene_mitglieder(sitzung, akteur=a.akteur) == [a]
    assert beschluesse.befangene_mitglieder(sitzung) == []


def test_ohne_beschlussfaehigkeit_wird_keine_abstimmung_gespeichert(konferenz, melden):
    sitzung, (a, b, *_r), _ = konferenz
    melden(sitzung, a, b)
    with pytest.raises(ValidationError) as fehler:
        _fassen(sitzung, stimmen={a: "ja", b: "ja"})
    assert "nicht beschlussfähig" in str(fehler.value.message_dict["stimmen"])
    assert not Beschluss.objects.exists()
    # Recorded without votes, the minutes note that the committee could not decide.
    beschluss = _fassen(sitzung, ja=0)
    assert beschluss.ergebnis == E.NICHT_BESCHLUSSFAEHIG


def test_summen_ueber_den_anwesenden_werden_abgelehnt(konferenz, melden):
    sitzung, (a, b, c, *_r), _ = konferenz
    melden(sitzung, a, b, c)
    with pytest.raises(ValidationError) as fehler:
        _fassen(sitzung, ja=40)
    assert "nur 3 sind anwesend" in str(fehler.value.message_dict["ja"])
    assert _fassen(sitzung, ja=2, nein=1).ergebnis == E.ANGENOMMEN


def test_anwesend_ab_top_zaehlt_erst_ab_diesem_punkt(konferenz, melden):
    sitzung, (a, b, c, *_r), _ = konferenz
    top1, top2, top3 = sitzung.tagesordnungspunkte.order_by("nummer")
    melden(sitzung, a, b)
    melden(sitzung, c, ab_top=top3)
    with pytest.raises(ValidationError):
        _fassen(sitzung, tagesordnungspunkt=top2, stimmen={a: "ja", b: "ja", c: "ja"})
    beschluss = _fassen(sitzung, tagesordnungspunkt=top3, stimmen={a: "ja", b: "ja", c: "ja"})
    assert beschluss.ja == 3


def test_geplante_sitzung_kann_nicht_beschliessen(quartier):
    from tests import factories

    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    with pytest.raises(ValidationError):
        _fassen(sitzung, ja=1)


def test_anwesenheit_die_nicht_zu_den_stimmen_passt_wird_abgelehnt(konferenz, melden):
    sitzung, (a, b, c, *_r), _ = konferenz
    melden(sitzung, a, b, c)
    _fassen(sitzung, stimmen={a: "ja", b: "ja", c: "nein"})
    with pytest.raises(ValidationError) as fehler:
        gremien_services.anwesenheit_erfassen(
            sitzung=sitzung, eintraege=[(c.akteur, None, "entschuldigt", None)]
        )
    assert "Bitte zuerst den Beschluss ändern" in " ".join(fehler.value.messages)
    assert sitzung.teilnahmen.get(akteur=c.akteur).status == "anwesend"


def test_beschluss_aendern_und_loeschen_im_entwurf(konferenz, melden):
    sitzung, (a, b, c, *_r), _ = konferenz
    melden(sitzung, a, b, c)
    beschluss = _fassen(sitzung, stimmen={a: "ja", b: "ja", c: "ja"})
    beschluesse.beschluss_aendern(
        beschluss=beschluss, text="Sommerfest im August", stimmen={a: "nein", b: "nein"}
    )
    beschluss.refresh_from_db()
    assert beschluss.ergebnis == E.ABGELEHNT and beschluss.stimmen.count() == 2
    assert beschluss.history.count() == 2
    beschluesse.beschluss_loeschen(beschluss=beschluss)
    assert not Beschluss.objects.exists()


def test_freigabe_sperrt_das_protokoll(konferenz, melden, qm):
    sitzung, (a, b, c, *_r), _ = konferenz
    melden(sitzung, a, b, c)
    beschluss = _fassen(sitzung, stimmen={a: "ja", b: "ja", c: "ja"})
    top = sitzung.tagesordnungspunkte.first()
    beschluesse.protokoll_freigeben(sitzung=sitzung, benutzer=qm)
    sitzung.refresh_from_db()
    assert sitzung.protokoll_freigegeben and sitzung.status == "durchgefuehrt"
    for versuch in (
        lambda: gremien_services.top_aendern(top=top, titel="Neu"),
        lambda: gremien_services.top_loeschen(top=top),
        lambda: gremien_services.teilnahme_erfassen(sitzung=sitzung, gast="Frau X"),
        lambda: beschluesse.beschluss_loeschen(beschluss=beschluss),
        lambda: _fassen(sitzung, ja=1),
        lambda: gremien_services.aufgabe_anlegen(titel="x", sitzung=sitzung),
        lambda: gremien_services.sitzung_aendern(sitzung=sitzung, protokoll="anders"),
    ):
        with pytest.raises(ValidationError, match="freigegeben"):
            versuch()


def test_berichtigung_erst_nach_der_freigabe(konferenz, melden, qm):
    sitzung, (a, b, c, *_r), _ = konferenz
    melden(sitzung, a, b, c)
    beschluss = _fassen(sitzung, ja=3)
    daten = {
        "sitzung": sitzung,
        "datum": timezone.localdate(),
        "grund": "Stimmen falsch übertragen",
        "text": "Richtig: 2 Ja, 1 Nein.",
        "beschluss": beschluss,
        "benutzer": qm,
    }
    with pytest.raises(ValidationError, match="Entwurf"):
        beschluesse.berichtigung_erfassen(**daten)
    beschluesse.protokoll_freigeben(sitzung=sitzung, benutzer=qm)
    berichtigung = beschluesse.berichtigung_erfassen(**daten)
    assert berichtigung.erfasst_von == qm
    with pytest.raises(ValidationError):
        beschluesse.berichtigung_erfassen(**daten)  # double submit
    with pytest.raises(ValidationError):
        beschluesse.berichtigung_erfassen(
            **{**daten, "grund": "früher", "datum": sitzung.datum - datetime.timedelta(days=1)}
        )


def test_top_loeschen_nummeriert_nach(konferenz):
    sitzung, *_r = konferenz
    gremien_services.top_loeschen(top=sitzung.tagesordnungspunkte.get(nummer=1))
    assert list(sitzung.tagesordnungspunkte.values_list("nummer", "titel")) == [
        (1, "Sommerfest"),
        (2, "Verschiedenes"),
    ]


def test_geaenderte_einladung_und_doppelter_versand(quartier, qm):
    from tests import factories

    sitzung = factories.SitzungFactory(gremium__quartier=quartier, titel="Wintersitzung")
    factories.MitgliedschaftFactory(gremium=sitzung.gremium, akteur__email="a@verein.example")
    factories.TagesordnungspunktFactory(sitzung=sitzung, nummer=1, titel="Jahresplanung")
    vorschau = einladung.einladung_vorschau(sitzung=sitzung, von=qm, text="Bitte pünktlich.")
    assert "Jahresplanung" in vorschau["text"] and "Bitte pünktlich." in vorschau["text"]
    assert "Wintersitzung" in vorschau["text"]
    assert vorschau["betreff"].startswith("Einladung:")
    einladung.sitzung_einladen(sitzung=sitzung, von=qm, text="Bitte pünktlich.", stand="")
    with pytest.raises(ValidationError):
        einladung.sitzung_einladen(sitzung=sitzung, von=qm, stand="")  # double submit
    sitzung.refresh_from_db()
    sequenz = sitzung.sequenz
    einladung.sitzung_einladen(sitzung=sitzung, von=qm, stand=sitzung.eingeladen_am.isoformat())
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Einladung", "Geänderte Einladung"]
    sitzung.refresh_from_db()
    assert sitzung.sequenz == sequenz  # an invitation is no change of the calendar entry


def test_anwesende_ohne_stimme_bleiben_im_ergebnis(konferenz, melden):
    sitzung, (a, b, c, d, _e), _ = konferenz
    melden(sitzung, a, b, c, d)
    beschluss = _fassen(sitzung, stimmen={a: "ja", b: "nein", c: "ja"})
    assert beschluss.anwesende == 4 and beschluss.ohne_stimme == 1
