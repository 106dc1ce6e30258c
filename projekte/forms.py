"""Forms of the projekte app. They collect input; the rules live in the services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from akteure.models import Akteur, Aufgabe
from akteure.selectors import waehlbare_akteure
from bedarfe.models import Bedarf
from quartiere.models import Handlungsfeld, Programm, Quartier, Zielgruppe
from quartiere.selectors import programme_fuer
from quartiersmanagement.form_widgets import DateTimeWidget, DateWidget
from quartiersmanagement.versioning import VersionFormMixin

from .models import Budgetposten, Projekt
from .services import AKTEUR_NICHT_WAEHLBAR, UEBERGAENGE


def geldfeld(label, *, required=True, help_text="", min_value=0):
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=12,
        decimal_places=2,
        min_value=min_value,
        localize=True,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


# --------------------------------------------------------------------------------------------
# Projekte


class ProjektForm(VersionFormMixin, forms.ModelForm):
    class Meta:
        model = Projekt
        fields = [
            "titel",
            "quartiere",
            "ziele",
            "beschreibung",
            "handlungsfelder",
            "zielgruppen",
            "qm_rolle",
            "programm",
            "beginn",
            "ende",
            "lage",
            "bedarfe",
            "aufgabe",
            "oeffentlich",
        ]
        widgets = {
            "quartiere": forms.CheckboxSelectMultiple,
            "handlungsfelder": forms.CheckboxSelectMultiple,
            "zielgruppen": forms.CheckboxSelectMultiple,
            "beginn": DateWidget,
            "ende": DateWidget,
            "ziele": forms.Textarea(attrs={"rows": 3}),
            "beschreibung": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, lesbare_quartiere, bearbeitbare_quartiere, **kwargs):
        super().__init__(*args, **kwargs)
        erlaubt = Quartier.objects.filter(pk__in=bearbeitbare_quartiere.values("pk"))
        programme = programme_fuer(user)
        if self.instance.pk:
            erlaubt = erlaubt | self.instance.quartiere.all()
            programme = programme | Programm.objects.filter(pk=self.instance.programm_id)
        self.fields["quartiere"].queryset = erlaubt.distinct().order_by("name")
        self.fields["programm"].queryset = programme.order_by("name")
        self.fields["handlungsfelder"].queryset = Handlungsfeld.objects.filter(aktiv=True)
        self.fields["zielgruppen"].queryset = Zielgruppe.objects.filter(aktiv=True)
        self.fields["bedarfe"].queryset = Bedarf.objects.filter(
            quartier__in=lesbare_quartiere
        ).select_related("quartier")
        self.fields["bedarfe"].label_from_instance = lambda b: f"{b.titel} ({b.quartier})"
        self.fields["aufgabe"].queryset = Aufgabe.objects.filter(quartier__in=lesbare_quartiere)
        self._bearbeitbar = set(bearbeitbare_quartiere.values_list("pk", flat=True))

    def clean_quartiere(self):
        quartiere = self.cleaned_data["quartiere"]
        if not any(q.pk in self._bearbeitbar for q in quartiere):
            raise ValidationError(_("Mindestens ein Quartier muss eines sein, das Sie bearbeiten."))
        return quartiere


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("neuer Status"))
    datum = forms.DateField(label=_("Datum"), widget=DateWidget, initial=timezone.localdate)
    kommentar = forms.CharField(
        label=_("Kommentar"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Was ist passiert? Bei einem Abbruch: warum?"),
    )

    def __init__(self, *args, projekt, **kwargs):
        super().__init__(*args, **kwargs)
        erlaubt = UEBERGAENGE[projekt.status]
        self.fields["status"].choices = [(s.value, s.label) for s in Projekt.Status if s in erlaubt]


class PartnerForm(forms.Form):
    akteur = forms.ModelChoiceField(
        label=_("Akteur"),
        queryset=Akteur.objects.none(),
        error_messages={"invalid_choice": AKTEUR_NICHT_WAEHLBAR},
    )
    rolle = forms.CharField(
        label=_("Rolle"), max_length=120, help_text=_("z. B. Träger, Kooperationspartner")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["akteur"].queryset = waehlbare_akteure(user)


class BudgetpostenForm(forms.ModelForm):
    geplant = geldfeld(_("geplant (€)"))
    tatsaechlich = geldfeld(
        _("tatsächlich (€)"), required=False, help_text=_("Leer, solange nicht abgerechnet.")
    )

    class Meta:
        model = Budgetposten
        fields = ["bezeichnung", "quelle", "geplant", "tatsaechlich"]


class ErgebnisForm(forms.ModelForm):
    class Meta:
        model = Projekt
        fields = ["ergebnis", "erkenntnisse", "wird_fortgefuehrt", "fortgefuehrt_von"]
        widgets = {
            "ergebnis": forms.Textarea(attrs={"rows": 4}),
            "erkenntnisse": forms.Textarea(attrs={"rows": 4}),
        }


# --------------------------------------------------------------------------------------------
# Termine


class TerminForm(forms.Form):
    quartier = forms.ModelChoiceField(label=_("Quartier"), queryset=Quartier.objects.none())
    projekt = forms.ModelChoiceField(
        label=_("Projekt"),
        queryset=Projekt.objects.none(),
        required=False,
        help_text=_("Leer lassen für einen Termin des Quartiers."),
    )
    titel = forms.CharField(label=_("Titel"), max_length=200)
    beginn = forms.DateTimeField(label=_("Beginn"), widget=DateTimeWidget)
    ende = forms.DateTimeField(label=_("Ende"), widget=DateTimeWidget, required=False)
    ort = forms.CharField(label=_("Ort"), max_length=200, required=False)
    beschreibung = forms.CharField(
        label=_("Beschreibung"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    oeffentlich = forms.BooleanField(
        label=_("öffentlich"),
        required=False,
        help_text=_("Öffentliche Termine erscheinen im Kalender ohne Anmeldung."),
    )
    abgesagt = forms.BooleanField(label=_("abgesagt"), required=False)
    ehrenamtliche = forms.IntegerField(label=_("Ehrenamtliche"), min_value=0, initial=0)
    ehrenamtsstunden = forms.DecimalField(
        label=_("Ehrenamtsstunden"),
        min_value=0,
        max_digits=8,
        decimal_places=2,
        initial=0,
        localize=True,
        help_text=_("Summe der Stunden aller Ehrenamtlichen."),
    )

    def __init__(self, *args, quartiere, projekte, zielgruppen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quartier"].queryset = quartiere
        self.fields["projekt"].queryset = projekte
        self.zielgruppen = list(zielgruppen)
        for zg in self.zielgruppen:
            self.fields[f"teilnahme_{zg.pk}"] = forms.IntegerField(
                label=zg.name, min_value=0, required=False
            )

    def teilnahme_felder(self):
        return [self[f"teilnahme_{zg.pk}"] for zg in self.zielgruppen]

    def allgemeine_felder(self):
        return [f for f in self if not f.name.startswith("teilnahme_")]

    def teilnahmen(self) -> dict:
        return {zg: self.cleaned_data.get(f"teilnahme_{zg.pk}") or 0 for zg in self.zielgruppen}
