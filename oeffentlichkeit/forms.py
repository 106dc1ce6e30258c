from django import forms
from django.utils.translation import gettext_lazy as _

from quartiere.models import Quartier
from quartiersmanagement.formulare import DatumEingabe


class BeitragForm(forms.Form):
    quartier = forms.ModelChoiceField(label=_("Quartier"), queryset=Quartier.objects.none())
    titel = forms.CharField(label=_("Titel"), max_length=200)
    teaser = forms.CharField(
        label=_("Anreißer"),
        max_length=300,
        help_text=_("Ein bis zwei Sätze für die Übersicht und den Feed."),
    )
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Leerzeilen trennen Absätze; Adressen wie https://… werden zu Links. "
            "HTML wird als Text angezeigt."
        ),
    )
    veroeffentlicht_am = forms.DateField(
        label=_("veröffentlicht am"),
        widget=DatumEingabe,
        help_text=_("Ab diesem Tag ist der Beitrag öffentlich sichtbar."),
    )

    def __init__(self, *args, quartiere, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quartier"].queryset = quartiere
