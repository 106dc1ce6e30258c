from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Art, Benachrichtigung


class GelesenForm(forms.Form):
    art = forms.ChoiceField(choices=Art.choices)
    objekt_id = forms.IntegerField(min_value=1)


class BenachrichtigungForm(forms.ModelForm):
    class Meta:
        model = Benachrichtigung
        fields = ["zustellung"]
        help_texts = {
            "zustellung": _(
                "Neue Einträge dieser Seite per E-Mail: sofort (alle paar Minuten gesammelt) "
                "oder einmal am Morgen."
            )
        }
