"""iCalendar (RFC 5545) feeds that calendar programs can subscribe to.

Every event keeps a stable UID (stored on its model), a SEQUENCE that grows with each change,
and DTSTAMP/LAST-MODIFIED from the record's last change, so a re-download updates entries
instead of duplicating them. Times are written in Europe/Berlin with a VTIMEZONE.
"""

import datetime
import functools
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

PRODID = "-//Quartiersmanagement//DE"
#: Feeds carry events from this long ago on: the recent past a calendar shows, while a feed
#: stays small after ten years of use (older entries drop out of subscribers' calendars).
RUECKBLICK = datetime.timedelta(days=180)


def fenster_beginn() -> datetime.datetime:
    """The earliest start of an event that a feed still contains."""
    return timezone.now() - RUECKBLICK


@functools.cache
def _vtimezone(tzid: str) -> icalendar.Timezone:
    """The VTIMEZONE of the zone every event is written in, built once per process (building
    it for each download was a fifth of a feed's time)."""
    return icalendar.Timezone.from_tzid(tzid)


def kalender(*, name: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add_component(_vtimezone(settings.TIME_ZONE))
    return cal


def ereignis(
    *,
    uid: str,
    beginn: datetime.datetime,
    ende: datetime.datetime | None,
    titel: str,
    geaendert: datetime.datetime,
    sequenz: int = 0,
    ort: str = "",
    beschreibung: str = "",
    url: str = "",
    abgesagt: bool = False,
) -> icalendar.Event:
    """One VEVENT; a cancelled one stays in the feed with STATUS:CANCELLED."""
    zone = ZoneInfo(settings.TIME_ZONE)
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", geaendert.astimezone(datetime.UTC))
    event.add("last-modified", geaendert.astimezone(datetime.UTC))
    event.add("sequence", sequenz)
    event.add("dtstart", beginn.astimezone(zone))
    if ende:
        event.add("dtend", ende.astimezone(zone))
    event.add("summary", titel)
    if ort:
        event.add("location", ort)
    if beschreibung:
        event.add("description", beschreibung)
    if url:
        event.add("url", url)
    event.add("status", "CANCELLED" if abgesagt else "CONFIRMED")
    return event


def ical_bytes(cal: icalendar.Calendar) -> bytes:
    return cal.to_ical()


def ical_antwort(cal: icalendar.Calendar | bytes, *, dateiname: str) -> HttpResponse:
    """The feed as a download; `cal` may be a calendar or its bytes (a feed cached as bytes,
    see `oeffentlichkeit.views.termine_ics`)."""
    inhalt = cal if isinstance(cal, bytes) else ical_bytes(cal)
    antwort = HttpResponse(inhalt, content_type="text/calendar; charset=utf-8")
    antwort["Content-Disposition"] = f'inline; filename="{dateiname}.ics"'
    return antwort
