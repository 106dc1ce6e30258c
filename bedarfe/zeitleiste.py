"""Writing a need's timeline: every service that changes a need or its forwards notes it here,
so the need's page tells the whole story (who, when, from which status to which)."""

from .models import Bedarf, Bedarfsereignis


def ereignis(
    bedarf, art, *, von=None, extern="", kommentar="", weiterleitung=None, alt="", neu=""
) -> Bedarfsereignis:
    return Bedarfsereignis.objects.create(
        bedarf=bedarf,
        art=art,
        benutzer=von,
        extern=extern,
        kommentar=kommentar,
        weiterleitung=weiterleitung,
        von_status=alt,
        zu_status=neu,
    )


def status_setzen(
    bedarf: Bedarf, neu, *, von=None, extern="", kommentar="", art=None, weiterleitung=None
) -> Bedarfsereignis:
    alt = bedarf.status
    bedarf.status = neu
    bedarf.save(update_fields=["status", "geaendert"])
    return ereignis(
        bedarf,
        art or Bedarfsereignis.Art.STATUS,
        von=von,
        extern=extern,
        kommentar=kommentar,
        weiterleitung=weiterleitung,
        alt=alt,
        neu=neu,
    )
