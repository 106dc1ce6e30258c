import datetime
import xml.etree.ElementTree as ET

import icalendar
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from oeffentlichkeit.views import termine
from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"


def test_ical_feed_enthaelt_oeffentliche_termine_und_sitzungen(client, oeffentliches_quartier):
    q = oeffentliches_quartier
    beginn = timezone.now().replace(microsecond=0) + datetime.timedelta(days=2)
    termin = factories.TerminFactory(
        quartier=q, titel="Sommerfest", oeffentlich=True, beginn=beginn
    )
    factories.TerminFactory(quartier=q, titel="Internes Teamtreffen", oeffentlich=False)
    gremium = factories.GremiumFactory(quartier=q, name="Arbeitskreis Grün", oeffentlich=True)
    factories.SitzungFactory(gremium=gremium, titel="")
    geheim = factories.GremiumFactory(quartier=q, name="Lenkungskreis intern")
    factories.SitzungFactory(gremium=geheim, titel="Lenkung")

    antwort = client.get(reverse("oeffentlichkeit:termine_ics", args=[q.slug]))
    assert antwort["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(antwort.content)
    ereignisse = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    assert set(ereignisse) == {"Sommerfest", "Arbeitskreis Grün"}
    assert str(ereignisse["Sommerfest"]["uid"]) == termin.uid
    assert ereignisse["Sommerfest"].decoded("dtstart") == beginn
    assert cal.walk("VTIMEZONE")


def test_ical_feed_kommt_aus_dem_zwischenspeicher_bis_sich_etwas_aendert(
    client, oeffentliches_quartier, django_capture_on_commit_callbacks, monkeypatch
):
    # The five-minute window is part of the key: pinned, so that the two requests cannot
    # fall on either side of its boundary.
    monkeypatch.setattr(termine, "time_window", lambda: 1)
    q = oeffentliches_quartier
    beginn = timezone.now() + datetime.timedelta(days=2)
    factories.TerminFactory(quartier=q, titel="Sommerfest", oeffentlich=True, beginn=beginn)
    url = reverse("oeffentlichkeit:termine_ics", args=[q.slug])
    erste = client.get(url).content
    with CaptureQueriesContext(connection) as zweiter_abruf:
        assert client.get(url).content == erste
    assert not any("projekte_termin" in q["sql"] for q in zweiter_abruf.captured_queries)
    with django_capture_on_commit_callbacks(execute=True):
        factories.TerminFactory(quartier=q, titel="Flohmarkt", oeffentlich=True, beginn=beginn)
    cal = icalendar.Calendar.from_ical(client.get(url).content)
    assert {str(e["summary"]) for e in cal.walk("VEVENT")} == {"Sommerfest", "Flohmarkt"}


def test_ical_feed_verlinkt_die_adresse_der_anfrage(client, oeffentliches_quartier, settings):
    settings.ALLOWED_HOSTS = ["testserver", "andere.example"]
    q = oeffentliches_quartier
    factories.TerminFactory(
        quartier=q, oeffentlich=True, beginn=timezone.now() + datetime.timedelta(days=2)
    )
    url = reverse("oeffentlichkeit:termine_ics", args=[q.slug])
    client.get(url)
    cal = icalendar.Calendar.from_ical(client.get(url, HTTP_HOST="andere.example").content)
    assert str(cal.walk("VEVENT")[0]["url"]).startswith("http://andere.example/")


def test_atom_feed_enthaelt_veroeffentlichte_beitraege(client, oeffentliches_quartier):
    factories.BeitragFactory(
        quartier=oeffentliches_quartier, titel="Neue Bänke", teaser="Vier Bänke."
    )
    factories.BeitragFactory(
        quartier=oeffentliches_quartier,
        titel="Geplant",
        veroeffentlicht_am=datetime.date.today() + datetime.timedelta(days=5),
    )
    antwort = client.get(reverse("oeffentlichkeit:feed", args=["preuswald"]))
    assert antwort["Content-Type"].startswith("application/atom+xml")
    wurzel = ET.fromstring(antwort.content)  # noqa: S314 (our own feed)
    titel = [e.findtext(f"{ATOM}title") for e in wurzel.findall(f"{ATOM}entry")]
    assert titel == ["Neue Bänke"]
    assert wurzel.findtext(f"{ATOM}title") == "Neuigkeiten aus Preuswald"
