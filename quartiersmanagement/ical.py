"""iCalendar (RFC 5545) feeds that calendar programs can subscribe to.

Every event keeps a stable UID (stored on its model), a SEQUENCE that grows with each change,
and DTSTAMP/LAST-MODIFIED from the record's last change, so a re-download updates entries
instead of duplicating them. Times are written in Europe/Berlin with a VTIMEZONE.
"""

import datetime
import functools
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

PRODID = "-//Quartiersmanagement//DE"
#: Feeds carry events from this long ago on: the recent past a calendar shows, while a feed
#: stays small after ten years of use (older entries drop out of subscribers' calendars).
LOOKBACK = datetime.timedelta(days=180)


def window_start() -> datetime.datetime:
    """The earliest start of an event that a feed still contains."""
    return timezone.now() - LOOKBACK


@functools.cache
def _vtimezone(tzid: str) -> icalendar.Timezone:
    """The VTIMEZONE of the zone every event is written in, built once per process (building
    it for each download was a fifth of a feed's time)."""
    return icalendar.Timezone.from_tzid(tzid)


def calendar(*, name: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add_component(_vtimezone(settings.TIME_ZONE))
    return cal


def event(
    *,
    uid: str,
    start: datetime.datetime,
    end: datetime.datetime | None,
    title: str,
    modified: datetime.datetime,
    sequence: int = 0,
    location: str = "",
    description: str = "",
    url: str = "",
    cancelled: bool = False,
) -> icalendar.Event:
    """One VEVENT; a cancelled one stays in the feed with STATUS:CANCELLED."""
    zone = ZoneInfo(settings.TIME_ZONE)
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", modified.astimezone(datetime.UTC))
    event.add("last-modified", modified.astimezone(datetime.UTC))
    event.add("sequence", sequence)
    event.add("dtstart", start.astimezone(zone))
    if end:
        event.add("dtend", end.astimezone(zone))
    event.add("summary", title)
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def ical_bytes(cal: icalendar.Calendar) -> bytes:
    return cal.to_ical()


def ical_response(cal: icalendar.Calendar | bytes, *, filename: str) -> HttpResponse:
    """The feed as a download; `cal` may be a calendar or its bytes (a feed cached as bytes,
    see `oeffentlichkeit.views.termine.termine_ics`)."""
    content = cal if isinstance(cal, bytes) else ical_bytes(cal)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


@dataclass(frozen=True)
class PersonalFeed:
    """A feed an app offers with the personal calendar token (akteure.Kalenderzugang): the
    subscription page lists every registered one, so a new token is shown once for all."""

    title: str
    url_name: str
    #: Whether the feed also exists without `?quartier=` (all of the user's quartiers).
    all_quartiers: bool = False


_personal_feeds: dict[str, PersonalFeed] = {}


def register_personal_feed(feed: PersonalFeed) -> None:
    _personal_feeds[feed.url_name] = feed


def personal_feeds() -> list[PersonalFeed]:
    return sorted(_personal_feeds.values(), key=lambda f: str(f.title))
