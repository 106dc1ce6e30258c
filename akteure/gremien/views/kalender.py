"""The iCal feeds of meetings and the user's subscription links."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from quartiere.selectors import quartiere_fuer
from quartiersmanagement import ical

from ... import selectors as akteure_selectors
from ... import services as akteure_services
from .. import einladung, selectors

__all__ = ["gremium_ics", "quartier_ics", "kalender"]


# --- iCal ----------------------------------------------------------------------------------
# Calendar programs cannot log in: a feed opens with the session of a signed-in user, or with
# the user's secret token (?token=…, see /kalender/); both see only their quartiers' meetings.


def _feed_benutzer(request):
    if request.user.is_authenticated:
        return request.user
    token = request.GET.get("token", "")
    benutzer = akteure_selectors.benutzer_zum_token(token) if token else None
    if benutzer is None:
        raise PermissionDenied
    return benutzer


def _feed(sitzungen, name: str, dateiname: str):
    cal = ical.calendar(name=name)
    for sitzung in sitzungen:
        cal.add_component(einladung.sitzung_ereignis(sitzung))
    return ical.ical_response(cal, filename=dateiname)


@login_not_required
@require_safe
def gremium_ics(request, pk):
    benutzer = _feed_benutzer(request)
    gremium = get_object_or_404(selectors.gremien_fuer(benutzer), pk=pk)
    sitzungen = selectors.sitzungen_fuer_feed(user=benutzer, gremium=gremium)
    return _feed(sitzungen, name=str(gremium), dateiname=f"gremium-{gremium.pk}")


@login_not_required
@require_safe
def quartier_ics(request):
    benutzer = _feed_benutzer(request)
    quartiere = quartiere_fuer(benutzer)
    slug = request.GET.get("quartier")
    quartier = get_object_or_404(quartiere, slug=slug) if slug else None
    sitzungen = selectors.sitzungen_fuer_feed(user=benutzer, quartier=quartier)
    name = _("Sitzungen %(q)s") % {"q": quartier} if quartier else _("Sitzungen")
    return _feed(sitzungen, name=name, dateiname=f"sitzungen-{slug or 'alle'}")


#: Session key of a just created feed token: shown on the next page view, then gone.
NEUES_TOKEN = "kalender_token_neu"  # noqa: S105 (a session key, not a password)


def kalender(request):
    """The user's subscription links, shown once right after the token was (re)created (only
    its hash is stored); POST renews the token, or revokes it with `sperren`."""
    if request.method == "POST":
        if "sperren" in request.POST:
            akteure_services.kalenderzugang_sperren(benutzer=request.user)
            messages.success(request, _("Ihre Abo-Links sind gesperrt."))
        else:
            zugang = akteure_services.kalenderzugang_erneuern(benutzer=request.user)
            request.session[NEUES_TOKEN] = zugang.token
            messages.success(request, _("Neuer Abo-Link erzeugt; alte Links gelten nicht mehr."))
        return redirect("akteure:kalender")
    token = request.session.pop(NEUES_TOKEN, None)
    return render(
        request,
        "akteure/kalender.html",
        {
            "zugang": getattr(request.user, "kalenderzugang", None),
            "links": _abo_links(request, token) if token else [],
        },
    )


def _abo_links(request, token: str) -> list[tuple[str, str, str]]:
    """(calendar, quartier, address) of every personal feed the apps registered."""
    quartiere = list(quartiere_fuer(request.user).only("name", "slug"))
    links = []
    for feed in ical.personal_feeds():
        basis = request.build_absolute_uri(reverse(feed.url_name))
        if feed.all_quartiers:
            adresse = f"{basis}?{urlencode({'token': token})}"
            links.append((feed.title, _("Alle meine Quartiere"), adresse))
        for q in quartiere:
            adresse = f"{basis}?{urlencode({'quartier': q.slug, 'token': token})}"
            links.append((feed.title, q.name, adresse))
    return links
