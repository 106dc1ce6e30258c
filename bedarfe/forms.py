"""Forms of the bedarfe app; the rules live in services.py, forms only collect input."""

import datetime

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from quartiere.models import Handlungsfeld, Zielgruppe
from quartiere.selectors import bearbeitbare_quartiere_fuer
from quartiersmanagement.form_widgets import DateWidget, MultipleFilesField
from quartiersmanagement.map_widgets import PlaceWidget
from quartiersmanagement.uploads import DOCUMENT_TYPES, FileValidator
from quartiersmanagement.versioning import VersionFormMixin

from . import services
from .models import Bedarf, Erhebung


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
        else:
            # The hint may then offer "add as a mention" to a similar need.
            self.fields["titel"].widget.attrs["hx-vals"] = '{"nennung": "1"}'


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


class ZusammenfuehrenForm(forms.Form):
    """The target is one of a few candidates (the similar needs, search results): the radio
    buttons show only those, validation accepts any other need of the quartier (a hit of the
    search fragment) – never a list of every open need."""

    ziel = forms.ModelChoiceField(
        label=_("Zusammenführen in"),
        queryset=Bedarf.objects.none(),
        widget=forms.RadioSelect,
        help_text=_(
            "Dieser Bedarf geht im gewählten auf: Nennungen werden addiert, "
            "Weiterleitungen und Verknüpfungen wandern mit, offene Weiterleitungen "
            "werden zurückgezogen."
        ),
        error_messages={"required": _("Bitte wählen Sie den Bedarf, in den zusammengeführt wird.")},
    )

    def __init__(self, *args, bedarf, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ziel"].queryset = (
            Bedarf.objects.filter(quartier_id=bedarf.quartier_id)
            .exclude(pk=bedarf.pk)
            .exclude(status=Bedarf.Status.ZUSAMMENGEFUEHRT)
            .defer("suchvektor")
        )
        self.fields["ziel"].choices = [(k.pk, zielbeschreibung(k)) for k in kandidaten]


def zielbeschreibung(bedarf: Bedarf) -> str:
    """How a merge candidate reads in the list: title, number, status, mentions."""
    return _("%(titel)s (Nr. %(pk)s, %(status)s, %(n)s× genannt)") % {
        "titel": bedarf.titel,
        "pk": bedarf.pk,
        "status": bedarf.get_status_display(),
        "n": bedarf.nennungen,
    }


class NennungForm(forms.Form):
    """One more mention of an existing need, from the new-need form's similar-need hint (the
    form's own fields come along; only these are read)."""

    quelle = forms.ChoiceField(
        label=_("Quelle"), choices=Bedarf.Quelle.choices, initial=Bedarf.Quelle.SONSTIGES
    )
    gemeldet_am = forms.DateField(label=_("gemeldet am"), widget=DateWidget())
    erhebung = forms.ModelChoiceField(
        label=_("aus Erhebung"), queryset=Erhebung.objects.none(), required=False
    )
    beschreibung = forms.CharField(label=_("Notiz"), required=False, widget=forms.Textarea)

    def __init__(self, *args, bedarf, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["erhebung"].queryset = Erhebung.objects.filter(quartier_id=bedarf.quartier_id)


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
