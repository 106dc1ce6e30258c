"""Optional TOTP second factor for admins and Leitung."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from quartiersmanagement.two_factor import backup_codes_create

pytestmark = pytest.mark.django_db


def _code(geraet) -> str:
    return f"{totp(geraet.bin_key, geraet.step, geraet.t0, geraet.digits, geraet.drift):06d}"


def test_leitung_richtet_den_zweiten_faktor_mit_qr_code_ein(client, leitung):
    client.force_login(leitung)
    seite = client.get(reverse("zwei_faktor"))
    assert seite.status_code == 200
    assert "<svg" in seite.content.decode()
    geraet = TOTPDevice.objects.get(user=leitung)
    antwort = client.post(reverse("zwei_faktor"), {"code": _code(geraet)})
    assert antwort.status_code == 302
    geraet.refresh_from_db()
    assert geraet.confirmed


def test_falscher_code_bei_der_einrichtung_gibt_deutsche_meldung(client, leitung):
    client.force_login(leitung)
    client.get(reverse("zwei_faktor"))
    antwort = client.post(reverse("zwei_faktor"), {"code": "000000"})
    assert "Der Code stimmt nicht" in antwort.content.decode()
    assert not TOTPDevice.objects.get(user=leitung).confirmed


def test_quartiersmanagement_kann_keinen_zweiten_faktor_einrichten(client, qm):
    client.force_login(qm)
    assert client.get(reverse("zwei_faktor")).status_code == 403


def test_mit_geraet_oeffnet_keine_seite_ohne_code(client, admin_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code would otherwise block the next second
    geraet = TOTPDevice.objects.create(user=admin_user, name="App", confirmed=True)
    client.force_login(admin_user)
    for url in [reverse("quartiere:start"), reverse("admin:index")]:
        antwort = client.get(url)
        assert antwort.status_code == 302
        assert antwort.url.startswith(reverse("zwei_faktor_pruefen"))
    falsch = client.post(reverse("zwei_faktor_pruefen"), {"code": "000000"})
    assert "Der Code stimmt nicht" in falsch.content.decode()
    richtig = client.post(reverse("zwei_faktor_pruefen") + "?next=/admin/", {"code": _code(geraet)})
    assert richtig.url == "/admin/"
    assert client.get(reverse("admin:index")).status_code == 200


def test_weiterleitung_nach_dem_code_nur_auf_eigene_seiten(client, admin_user):
    geraet = TOTPDevice.objects.create(user=admin_user, name="App", confirmed=True)
    client.force_login(admin_user)
    antwort = client.post(
        reverse("zwei_faktor_pruefen") + "?next=https://boese.example/", {"code": _code(geraet)}
    )
    assert antwort.url == reverse("arbeitsplatz:heute")


def test_nach_falschem_code_wird_kurz_gebremst(client, admin_user):
    geraet = TOTPDevice.objects.create(user=admin_user, name="App", confirmed=True)
    client.force_login(admin_user)
    client.post(reverse("zwei_faktor_pruefen"), {"code": "000000"})
    sofort = client.post(reverse("zwei_faktor_pruefen"), {"code": _code(geraet)})
    assert sofort.status_code == 200, (
        "direkt nach einem Fehlversuch gilt auch ein richtiger Code nicht"
    )


@pytest.mark.parametrize("wer", ["admin_user", "leitung"])
def test_pflicht_fuehrt_admin_und_leitung_ohne_geraet_zur_einrichtung(
    client, settings, request, wer
):
    settings.ZWEI_FAKTOR_PFLICHT = True
    client.force_login(request.getfixturevalue(wer))
    for url in [reverse("quartiere:start"), reverse("admin:index")]:
        antwort = client.get(url)
        assert antwort.status_code == 302
        assert antwort.url == reverse("zwei_faktor")
    assert client.get(reverse("zwei_faktor")).status_code == 200


def test_pflicht_gilt_nicht_fuer_das_quartiersmanagement(client, settings, qm):
    settings.ZWEI_FAKTOR_PFLICHT = True
    client.force_login(qm)
    assert client.get(reverse("quartiere:start")).status_code == 200


def test_ohne_pflicht_kommt_die_administration_ohne_geraet_weiter(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("admin:index")).status_code == 200


def test_admin_erst_nach_einrichtung_dann_notfallcodes_einmal_sichtbar(
    client, settings, admin_user
):
    settings.ZWEI_FAKTOR_PFLICHT = True
    client.force_login(admin_user)
    client.get(reverse("zwei_faktor"))
    geraet = TOTPDevice.objects.get(user=admin_user)
    antwort = client.post(reverse("zwei_faktor"), {"code": _code(geraet)})
    assert antwort.url == reverse("zwei_faktor")
    seite = client.get(reverse("zwei_faktor"))
    codes = seite.context["codes"]
    assert len(codes) == 10
    assert codes[0] in seite.content.decode()
    assert client.get(reverse("zwei_faktor")).context["codes"] is None
    assert client.get(reverse("admin:index")).status_code == 200


def test_notfallcode_meldet_an_und_gilt_nur_einmal(client, settings, admin_user):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    TOTPDevice.objects.create(user=admin_user, name="App", confirmed=True)
    code = backup_codes_create(admin_user)[0]
    client.force_login(admin_user)
    antwort = client.post(reverse("zwei_faktor_pruefen") + "?next=/admin/", {"code": code})
    assert antwort.url == "/admin/"
    assert client.get(reverse("admin:index")).status_code == 200
    client.logout()
    client.force_login(admin_user)
    nochmal = client.post(reverse("zwei_faktor_pruefen"), {"code": code})
    assert "Der Code stimmt nicht" in nochmal.content.decode()
