"""Forms of the forwards; the rules live in the services, forms only collect input."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quartiere.models import Fachbereich
from quartiersmanagement.form_widgets import DateWidget

from .models import Weiterleitung
from .selectors import empfaenger
from .services import STANDARDFRIST


def empfaenger_waehlbar(feld: forms.ModelChoiceField) -> None:
    """Offer the active addressees, grouped: departments of the city, then Stellen outside."""
    feld.queryset = empfaenger()
    gruppen = {False: [], True: []}
    for f in feld.queryset:
        gruppen[f.extern].append((f.pk, str(f)))
    feld.choices = [
        ("", "---------"),
        (_("Fachbereiche der Stadt"), gruppen[False]),
        (_("Stellen außerhalb der Verwaltung"), gruppen[True]),
    ]


def _standardfrist():
    return timezone.localdate() + STANDARDFRIST


class WeiterleitenForm(forms.Form):
    fachbereich = forms.ModelChoiceField(
        label=_("An (Fachbereich oder Stelle)"), queryset=Fachbereich.objects.none()
    )
    kontakt_email = forms.EmailField(
        label=_("Kontakt-E-Mail"),
        required=False,
        help_text=_(
            "Leer lassen, um das Funktionspostfach des Fachbereichs oder der Stelle zu nutzen."
        ),
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
        empfaenger_waehlbar(self.fields["fachbereich"])
        self.fields["vorgaenger"].queryset = Weiterleitung.objects.filter(
            bedarf=bedarf, ergebnis=Weiterleitung.Ergebnis.NICHT_ZUSTAENDIG
        )


class AntwortForm(forms.Form):
    """The department's answer through the link."""

    ergebnis = forms.ChoiceField(
        label=_("Ergebnis"), choices=Weiterleitung.ANTWORTEN, widget=forms.RadioSelect
    )
    antwort = forms.CharField(
        label=_("Antwort"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Was geschieht mit dem Anliegen? Die Antwort geht an das Quartiersmanagement."),
    )
    vorgeschlagener_fachbereich = forms.ModelChoiceField(
        label=_("Zuständig ist stattdessen"),
        queryset=Fachbereich.objects.none(),
        required=False,
        help_text=_(
            "Nur bei „nicht zuständig“: Welcher Fachbereich oder welche Stelle ist zuständig?"
        ),
    )
    antwort_von = forms.CharField(
        label=_("Ihr Name"), max_length=200, required=False, help_text=_("Freiwillig.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        empfaenger_waehlbar(self.fields["vorgeschlagener_fachbereich"])


class AntwortErfassenForm(AntwortForm):
    """An answer staff received by phone, letter or in person."""

    ueber = forms.ChoiceField(
        label=_("Antwort erhalten per"),
        choices=[
            c for c in Weiterleitung.Antwortweg.choices if c[0] != Weiterleitung.Antwortweg.LINK
        ],
    )
    antwort_von = forms.CharField(label=_("Antwort von"), max_length=200, required=False)


class UmleitenForm(forms.Form):
    """Re-route after "nicht zuständig" without a suggestion: pick the next addressee."""

    fachbereich = forms.ModelChoiceField(
        label=_("Ohne Vorschlag – umleiten an"), queryset=Fachbereich.objects.none()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        empfaenger_waehlbar(self.fields["fachbereich"])


class ZurueckziehenForm(forms.Form):
    grund = forms.CharField(
        label=_("Grund"),
        max_length=500,
        help_text=_("Geht an den Fachbereich oder die Stelle und erscheint im Verlauf."),
    )


class FristForm(forms.Form):
    frist = forms.DateField(
        label=_("Neue Frist"),
        widget=DateWidget(),
        help_text=_("Der Fachbereich oder die Stelle erhält die neue Frist per E-Mail."),
    )
