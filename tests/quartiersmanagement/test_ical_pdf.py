"""The shared iCal and PDF helpers produce valid, parseable documents."""

import datetime
import io
from zoneinfo import ZoneInfo

import icalendar
from pypdf import PdfReader

from quartiersmanagement import ical
from quartiersmanagement.ical import ical_bytes
from quartiersmanagement.pdf import pdf_bytes

BERLIN = ZoneInfo("Europe/Berlin")


def test_ical_mit_uid_sequence_und_zeitzone():
    cal = ical.calendar(name="Termine Preuswald")
    beginn = datetime.datetime(2026, 12, 3, 18, 0, tzinfo=BERLIN)
    cal.add_component(
        ical.event(
            uid="sitzung-1@quartiere.stadt.example",
            start=beginn,
            end=beginn + datetime.timedelta(hours=2),
            title="Stadtteilkonferenz",
            modified=datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.UTC),
            sequence=2,
            cancelled=True,
        )
    )
    geparst = icalendar.Calendar.from_ical(ical_bytes(cal))
    (event,) = geparst.walk("VEVENT")
    assert str(event["uid"]) == "sitzung-1@quartiere.stadt.example"
    assert event["sequence"] == 2
    assert str(event["status"]) == "CANCELLED"
    assert event["dtstart"].dt == beginn
    assert geparst.walk("VTIMEZONE")[0]["tzid"] == "Europe/Berlin"


def test_pdf_mit_seitenzahlen():
    pdf = pdf_bytes("pdf/basis.html", {})
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Quartiersmanagement" in text
    assert "Seite 1 von 1" in text
