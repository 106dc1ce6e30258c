"""What the public pages share: HTTP caching for anonymous visitors, the time window
of cached feeds, schema.org event data."""

import functools
import time

from django.middleware.http import ConditionalGetMiddleware
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.decorators import decorator_from_middleware

ZEITFENSTER = 5 * 60  # seconds


_conditional = decorator_from_middleware(ConditionalGetMiddleware)


def public_page(view):
    """Public pages: shared caches may keep them a minute, then revalidate with the ETag
    (a 304 without body when nothing changed). Nothing on them depends on the visitor."""

    @functools.wraps(view)
    def with_cache_control(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=60)
        return response

    return _conditional(with_cache_control)


def time_window() -> int:
    """The number of the current five-minute window: part of the key of shared content that
    lists coming dates, so a date that has begun leaves it at most five minutes late (as long
    as the shared HTTP caches may keep the page, `public_page`)."""
    return int(time.time() // ZEITFENSTER)


def event_ld(request, quartier, termine) -> list[dict]:
    """schema.org Event data for search engines and calendar apps."""
    return [
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": t.titel,
            "startDate": t.beginn.isoformat(),
            **({"endDate": t.ende.isoformat()} if t.ende else {}),
            "eventStatus": "https://schema.org/EventCancelled"
            if t.abgesagt
            else "https://schema.org/EventScheduled",
            "location": {"@type": "Place", "name": t.ort or quartier.name},
            **({"description": t.beschreibung} if t.beschreibung else {}),
            "url": request.build_absolute_uri(
                reverse("oeffentlichkeit:termine", kwargs={"slug": quartier.slug})
            ),
        }
        for t in termine
    ]
