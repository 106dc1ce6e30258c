"""Forms of the bedarfe app; the rules live in services.py, forms only collect input."""

import datetime

from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quartiere.models import Fachbereich, Handlungsfeld, Zielgruppe
from quartiere.selectors import bearbeitbare_quartiere_fuer
from quartiersmanagement.form_widgets import DateWidget, MultipleFilesField
from quartiersmanagement.map_widgets import PlaceWidget
from quartiersmanagement.uploads import DOCUMENT_TYPES, FileValidator
from quartiersmanagement.versioning import VersionFormMixin

from . import services
from .models import Bedarf, Erhebung, Weiterleitung


class BedarfForm(forms.ModelForm):
    class Meta:
        model = Bedarf
        fields = [
            "quartier",
            "titel",
            "beschreibung",
            "handlungsfeld",
            "zielgruppen",
            "quelle",
            "erhebung",
            "gemeldet_am",
            "ort",
            "lage",
            "prioritaet",
            "nennungen",
        ]
        widgets = {
            "zielgruppen": forms.CheckboxSelectMultiple,
            "gemeldet_am": DateWidget(),
            "beschreibung": forms.Textarea(attrs={"rows": 4}),
            "lage": PlaceWidget(quartier_feld="id_quartier"),
        }
        help_texts = {
            "titel": _("Kurz und treffend, z. B. „Spielplatz an der Kirche verwahrlost“."),
            "erhebung": _("Stammt der Bedarf aus einer Erhebung? Dann hier auswählen."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        quartiere = bearbeitbare_quartiere_fuer(user)
        self.fields["quartier"].queryset = quartiere
        self.fields["handlungsfeld"].queryset = Handlungsfeld.objects.filter(aktiv=True)
        self.fields["zielgruppen"].queryset = Zielgruppe.objects.filter(aktiv=True)
        self.fields["erhebung"].queryset = Erhebung.objects.filter(
            quartier__in=quartiere
        ).select_related("quartier")
        self.fields["erhebung"].label_from_instance = lambda e: f"{e} – {e.quartier}"
        self.fields["titel"].widget.attrs.update(
            {
                "autocomplete": "off",
                "hx-get": reverse_lazy("bedarfe:aehnliche"),
                "hx-trigger": "input changed delay:400ms, change from:#id_quartier",
                "hx-target": "#aehnliche-bedarfe",
                "hx-include": "[name=quartier]",
                "hx-sync": "this:replace",
            }
        )
        if self.instance.pk:
            self.fields["quartier"].disabled = True


class BedarfBearbeitenForm(VersionFormMixin, BedarfForm):
    """The edit form: carries the version it was built from (no silent lost updates)."""


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Neuer Status"), choices=Bedarf.Status.choices)
    kommentar = forms.CharField(
        label=_("Kommentar"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Beim Wiedereröffnen eines abgeschlossenen Bedarfs bitte begründen."),
    )

    def __init__(self, *args, bedarf, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only the allowed next states; any other value reaches the service, which
        # rejects it with a message at the field.
        namen = dict(Bedarf.Status.choices)
        self.fields["status"].widget = forms.RadioSelect(
            choices=[(s, namen[s]) for s in services.erlaubte_uebergaenge(bedarf)]
        )


def _standardfrist():
    return timezone.localdate() + services.STANDARDFRIST


class WeiterleitenForm(forms.Form):
    fachbereich = forms.ModelChoiceField(
        label=_("Fachbereich"), queryset=Fachbereich.objects.filter(aktiv=True)
    )
    kontakt_email = forms.EmailField(
        label=_("Kontakt-E-Mail"),
        required=False,
        help_text=_("Leer lassen, um das Funktionspostfach des Fachbereichs zu nutzen."),
    )
    nachricht = forms.CharField(
        label=_("Nachricht"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    frist = forms.DateField(
        label=_("Frist"),
        initial=_standardfrist,
        widget=DateWidget(),
        help_text=_("Bis wann soll der Fachbereich antworten? Üblich sind vier Wochen."),
    )
    vorgaenger = forms.ModelChoiceField(
        queryset=Weiterleitung.objects.none(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, bedarf, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vorgaenger"].queryset = Weiterleitung.objects.filter(
            bedarf=bedarf, ergebnis=Weiterleitung.Ergebnis.NICHT_ZUSTAENDIG
        )


class AntwortForm(forms.Form):
    """The department's answer through the link."""

    ergebnis = forms.ChoiceField(
        label=_("Ergebnis"), choices=Weiterleitung.Ergebnis.choices, widget=forms.RadioSelect
    )
    antwort = forms.CharField(
        label=_("Antwort"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Was geschieht mit dem Anliegen? Die Antwort geht an das Quartiersmanagement."),
    )
    vorgeschlagener_fachbereich = forms.ModelChoiceField(
        label=_("Zuständig ist stattdessen"),
        queryset=Fachbereich.objects.filter(aktiv=True),
        required=False,
        help_text=_("Nur bei „nicht zuständig“: Welcher Fachbereich ist zuständig?"),
    )
    antwort_von = forms.CharField(
        label=_("Ihr Name"), max_length=200, required=False, help_text=_("Freiwillig.")
    )


class AntwortErfassenForm(AntwortForm):
    """An answer staff received by phone, letter or in person."""

    ueber = forms.ChoiceField(
        label=_("Antwort erhalten per"),
        choices=[
            c for c in Weiterleitung.Antwortweg.choices if c[0] != Weiterleitung.Antwortweg.LINK
        ],
    )
    antwort_von = forms.CharField(label=_("Antwort von"), max_length=200, required=False)


class ZusammenfuehrenForm(forms.Form):
    ziel = forms.ModelChoiceField(
        label=_("Zusammenführen in"),
        queryset=Bedarf.objects.none(),
        help_text=_(
            "Dieser Bedarf geht im gewählten auf: Nennungen werden addiert, "
            "Weiterleitungen und Verknüpfungen wandern mit."
        ),
    )

    def __init__(self, *args, bedarf, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ziel"].queryset = (
            Bedarf.objects.filter(quartier_id=bedarf.quartier_id)
            .exclude(pk=bedarf.pk)
            .exclude(status=Bedarf.Status.ZUSAMMENGEFUEHRT)
            .defer("suchvektor")
            .order_by("titel")
        )


class FreigabeForm(forms.Form):
    oeffentlich = forms.BooleanField(label=_("öffentlich zeigen"), required=False)
    oeffentliche_antwort = forms.CharField(
        label=_("Öffentliche Antwort"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Dieser Text erscheint auf der öffentlichen Quartiersseite."),
    )


class KommentarForm(forms.Form):
    kommentar = forms.CharField(label=_("Kommentar"), widget=forms.Textarea(attrs={"rows": 2}))


class ErhebungForm(forms.ModelForm):
    dateien = MultipleFilesField(
        label=_("Dateien anhängen"),
        required=False,
        validators=[FileValidator(typen=DOCUMENT_TYPES, max_mb=10)],
        help_text=_("PDF, Bilder oder Office-Dateien, je höchstens 10 MB."),
    )

    class Meta:
        model = Erhebung
        fields = ["quartier", "titel", "methode", "datum", "teilnehmende", "notizen"]
        widgets = {"datum": DateWidget(), "notizen": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        quartiere = bearbeitbare_quartiere_fuer(user)
        self.fields["quartier"].queryset = quartiere
        if self.instance.pk:
            self.fields["quartier"].disabled = True
        else:
            # A new instance's empty values would hide field initials, so set the form's.
            self.initial.setdefault("datum", None)
            self.initial["datum"] = self.initial["datum"] or datetime.date.today()
            eigene = list(quartiere[:2])
            if len(eigene) == 1 and not self.initial.get("quartier"):
                self.initial["quartier"] = eigene[0].pk
