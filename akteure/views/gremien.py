"""Committees, meetings, minutes as PDF and the iCal feeds."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from quartiersmanagement import ical
from quartiersmanagement.form_widgets import DateWidget
from quartiersmanagement.history import history_for
from quartiersmanagement.lists import ExportMixin, FilteredListView
from quartiersmanagement.pdf import pdf_response
from quartiersmanagement.permissions import permission

from .. import exports, selectors, services
from ..filters import AufgabeFilter, GremiumFilter
from ..forms import (
    AnwesenheitForm,
    AufgabeForm,
    BeschlussForm,
    GremiumForm,
    MitgliedschaftForm,
    SitzungForm,
    TagesordnungspunktForm,
    TeilnahmeForm,
)
from ..models import Mitgliedschaft
from .helpers import formularseite

__all__ = [
    "gremium_liste",
    "gremium_neu",
    "gremium_detail",
    "gremium_bearbeiten",
    "mitglied_neu",
    "mitgliedschaft_beenden",
    "sitzung_neu",
    "sitzung_detail",
    "sitzung_bearbeiten",
    "sitzung_einladen",
    "protokoll_pdf",
    "top_neu",
    "teilnahme_neu",
    "anwesenheit",
    "beschluss_neu",
    "aufgabe_neu",
    "aufgabe_erledigt",
    "aufgabe_liste",
    "gremium_ics",
    "quartier_ics",
    "kalender",
]


class BisForm(forms.Form):
    bis = forms.DateField(label=gettext_lazy("bis"), widget=DateWidget())


class GremiumListe(FilteredListView):
    """Committees of the user's quartiers."""

    filterset_class = GremiumFilter
    template_name = "akteure/gremium_list.html"
    create_permission = "akteure.add_akteur"

    def get_queryset(self):
        return selectors.gremien_fuer(self.request.user)


gremium_liste = GremiumListe.as_view()


@permission("akteure.add_akteur")
def gremium_neu(request):
    form = GremiumForm(request.POST or None, user=request.user)
    return formularseite(
        request,
        form,
        titel=_("Neues Gremium"),
        zurueck=reverse("akteure:gremien"),
        speichern=lambda f: services.gremium_anlegen(**f.cleaned_data),
    )


@require_safe
def gremium_detail(request, pk):
    gremium = selectors.gremium_detail(request.user, pk)
    mitglieder = gremium.alle_mitgliedschaften
    heute = timezone.localdate()
    return render(
        request,
        "akteure/gremium_detail.html",
        {
            "gremium": gremium,
            "aktuelle": [m for m in mitglieder if m.bis is None or m.bis >= heute],
            "fruehere": [m for m in mitglieder if m.bis is not None and m.bis < heute],
            "darf_bearbeiten": request.user.has_perm("akteure.change_gremium", gremium),
            "verlauf": history_for(gremium),
        },
    )


#: A committee of an edit page: 404 outside the user's quartiers, 403 for read-only roles.
gremium_bearbeitbar = permission(
    "akteure.change_gremium", obj=lambda request, pk: selectors.gremium_fuer(request.user, pk)
)


@gremium_bearbeitbar
def gremium_bearbeiten(request, gremium):
    form = GremiumForm(request.POST or None, instance=gremium, user=request.user)
    return formularseite(
        request,
        form,
        titel=_("Gremium bearbeiten"),
        zurueck=gremium.get_absolute_url(),
        speichern=lambda f: services.gremium_aendern(gremium=gremium, **f.cleaned_data),
    )


@gremium_bearbeitbar
def mitglied_neu(request, gremium):
    form = MitgliedschaftForm(request.POST or None, user=request.user, gremium=gremium)

    def speichern(f):
        services.mitgliedschaft_anlegen(gremium=gremium, **f.cleaned_data)
        return gremium.get_absolute_url()

    return formularseite(
        request,
        form,
        titel=_("Mitglied in „%(gremium)s“ aufnehmen") % {"gremium": gremium},
        zurueck=gremium.get_absolute_url(),
        speichern=speichern,
    )


@permission(
    "akteure.change_mitgliedschaft",
    obj=lambda request, pk: selectors.mitgliedschaft_fuer(request.user, pk),
)
def mitgliedschaft_beenden(request, m):
    form = BisForm(request.POST or None, initial={"bis": timezone.localdate()})

    def speichern(f):
        services.mitgliedschaft_beenden(mitgliedschaft=m, bis=f.cleaned_data["bis"])
        return m.gremium.get_absolute_url()

    return formularseite(
        request,
        form,
        titel=_("Mitgliedschaft von %(mitglied)s beenden") % {"mitglied": m.mitglied},
        zurueck=m.gremium.get_absolute_url(),
        speichern=speichern,
    )


@gremium_bearbeitbar
def sitzung_neu(request, gremium):
    form = SitzungForm(request.POST or None, initial={"ort": ""})
    form.fields.pop("protokoll")
    form.fields.pop("status")
    return formularseite(
        request,
        form,
        titel=_("Sitzung von „%(gremium)s“ planen") % {"gremium": gremium},
        zurueck=gremium.get_absolute_url(),
        speichern=lambda f: services.sitzung_anlegen(gremium=gremium, **f.cleaned_data),
    )


@require_safe
def sitzung_detail(request, pk):
    sitzung = selectors.sitzung_detail(request.user, pk)
    return render(
        request,
        "akteure/sitzung_detail.html",
        {
            "sitzung": sitzung,
            "darf_bearbeiten": request.user.has_perm("akteure.change_sitzung", sitzung),
            "heute": timezone.localdate(),
            "verlauf": history_for(sitzung),
        },
    )


#: A meeting of an edit page: 404 outside the user's quartiers, 403 for read-only roles.
sitzung_bearbeitbar = permission(
    "akteure.change_sitzung", obj=lambda request, pk: selectors.sitzung_fuer(request.user, pk)
)


@sitzung_bearbeitbar
def sitzung_bearbeiten(request, sitzung):
    form = SitzungForm(request.POST or None, instance=sitzung)

    def speichern(f):
        return services.sitzung_aendern(sitzung=sitzung, **f.cleaned_data)

    return formularseite(
        request,
        form,
        titel=_("Sitzung bearbeiten"),
        zurueck=sitzung.get_absolute_url(),
        speichern=speichern,
    )


@require_POST
@sitzung_bearbeitbar
def sitzung_einladen(request, sitzung):
    try:
        anzahl = services.sitzung_einladen(sitzung=sitzung, von=request.user)
    except ValidationError as fehler:
        messages.error(request, " ".join(fehler.messages))
    else:
        messages.success(request, _("Einladung an %(n)s Mitglieder verschickt.") % {"n": anzahl})
    return redirect(sitzung)


@require_safe
def protokoll_pdf(request, pk):
    sitzung = selectors.sitzung_detail(request.user, pk)
    return pdf_response(
        "akteure/pdf/protokoll.html",
        {"sitzung": sitzung},
        filename=f"protokoll-{timezone.localtime(sitzung.beginn):%Y-%m-%d}",
        request=request,
    )


def _sitzungsformular(request, sitzung, *, form_klasse, service, titel, form_kwargs=None):
    """A form page that adds one thing to a meeting through `service(sitzung=..., **data)`;
    `form_kwargs(sitzung)` gives the form's extra arguments."""
    form = form_klasse(request.POST or None, **(form_kwargs(sitzung) if form_kwargs else {}))

    def speichern(f):
        service(sitzung=sitzung, **f.cleaned_data)
        return sitzung.get_absolute_url()

    return formularseite(
        request, form, titel=titel, zurueck=sitzung.get_absolute_url(), speichern=speichern
    )


@sitzung_bearbeitbar
def top_neu(request, sitzung):
    return _sitzungsformular(
        request,
        sitzung,
        form_klasse=TagesordnungspunktForm,
        service=services.top_anlegen,
        titel=_("Tagesordnungspunkt hinzufügen"),
    )


@sitzung_bearbeitbar
def teilnahme_neu(request, sitzung):
    return _sitzungsformular(
        request,
        sitzung,
        form_klasse=TeilnahmeForm,
        service=services.teilnahme_erfassen,
        titel=_("Teilnahme erfassen"),
        form_kwargs=lambda s: {"user": request.user, "sitzung": s},
    )


@sitzung_bearbeitbar
def anwesenheit(request, sitzung):
    """Attendance of all current members on one page."""
    stichtag = timezone.localtime(sitzung.beginn).date()
    mitgliedschaften = (
        Mitgliedschaft.objects.aktuell(stichtag)
        .filter(gremium=sitzung.gremium)
        .select_related("akteur", "person")
        .order_by("akteur__name", "person__nachname")
    )
    form = AnwesenheitForm(
        request.POST or None,
        mitgliedschaften=mitgliedschaften,
        teilnahmen=sitzung.teilnahmen.all(),
    )

    def speichern(f):
        services.anwesenheit_erfassen(sitzung=sitzung, eintraege=f.eintraege())
        return sitzung.get_absolute_url()

    return formularseite(
        request,
        form,
        titel=_("Anwesenheit erfassen"),
        zurueck=sitzung.get_absolute_url(),
        speichern=speichern,
        hinweis=_("Gäste und Personen ohne Mitgliedschaft über „Teilnahme erfassen“."),
    )


@sitzung_bearbeitbar
def beschluss_neu(request, sitzung):
    return _sitzungsformular(
        request,
        sitzung,
        form_klasse=BeschlussForm,
        service=services.beschluss_erfassen,
        titel=_("Beschluss erfassen"),
        form_kwargs=lambda s: {"sitzung": s},
    )


@sitzung_bearbeitbar
def aufgabe_neu(request, sitzung):
    return _sitzungsformular(
        request,
        sitzung,
        form_klasse=AufgabeForm,
        service=services.aufgabe_anlegen,
        titel=_("Aufgabe festhalten"),
        form_kwargs=lambda s: {"user": request.user, "quartier": s.gremium.quartier},
    )


class AufgabeListe(ExportMixin, FilteredListView):
    """Action items of the user's quartiers, filtered (e.g. ?quartier=<pk>&ueberfaellig=true);
    `?format=csv|xlsx` exports exactly the filtered items."""

    filterset_class = AufgabeFilter
    template_name = "akteure/aufgabe_list.html"
    export_filename = "aufgaben"

    def get_queryset(self):
        return selectors.aufgaben_fuer(self.request.user)

    def export_columns(self):
        return exports.aufgaben_spalten()


aufgabe_liste = AufgabeListe.as_view()


@require_POST
@permission(
    "akteure.change_aufgabe", obj=lambda request, pk: selectors.aufgabe_fuer(request.user, pk)
)
def aufgabe_erledigt(request, aufgabe):
    services.aufgabe_erledigen(aufgabe=aufgabe)
    messages.success(request, _("Aufgabe als erledigt markiert."))
    ziel = request.POST.get("weiter", "")
    if not ziel.startswith("/") or ziel.startswith("//"):
        ziel = aufgabe.sitzung.get_absolute_url() if aufgabe.sitzung else "/"
    return redirect(ziel)


# --- iCal ----------------------------------------------------------------------------------
# Calendar programs cannot log in: a feed opens with the session of a signed-in user, or with
# the user's secret token (?token=…, see /kalender/); both see only their quartiers' meetings.


def _feed_benutzer(request):
    if request.user.is_authenticated:
        return request.user
    token = request.GET.get("token", "")
    benutzer = selectors.benutzer_zum_token(token) if token else None
    if benutzer is None:
        raise PermissionDenied
    return benutzer


def _feed(sitzungen, name: str, dateiname: str):
    cal = ical.calendar(name=name)
    for sitzung in sitzungen:
        cal.add_component(services.sitzung_ereignis(sitzung))
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
    quartiere = selectors.quartiere_fuer(benutzer)
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
            services.kalenderzugang_sperren(benutzer=request.user)
            messages.success(request, _("Ihre Abo-Links sind gesperrt."))
        else:
            zugang = services.kalenderzugang_erneuern(benutzer=request.user)
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
    quartiere = list(selectors.quartiere_fuer(request.user).only("name", "slug"))
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
