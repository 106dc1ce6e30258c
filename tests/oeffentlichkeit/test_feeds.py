import datetime
import xml.etree.ElementTree as ET

import icalendar
from django.urls import reverse
from django.utils import timezone

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
