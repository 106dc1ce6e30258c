from django import forms
from django.utils.translation import gettext_lazy as _

from projekte.models import ANTRAG_TEXT_MAX
from quartiere.models import Quartier
from quartiersmanagement.form_widgets import DateWidget
from quartiersmanagement.letters import Anrede
from quartiersmanagement.uploads import IMAGE_TYPES, FileValidator

from .models import BILD_MAX_MB, TEXT_MAX


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
        widget=DateWidget,
        help_text=_("Ab diesem Tag ist der Beitrag öffentlich sichtbar."),
    )

    bild = forms.FileField(
        label=_("Bild (freiwillig)"),
        required=False,
        validators=[FileValidator(typen=IMAGE_TYPES, max_mb=BILD_MAX_MB)],
        help_text=_(
            "JPEG oder PNG, höchstens 5 MB, mindestens 300 × 200 Pixel; wird verkleinert. "
            "Leer lassen, um ein vorhandenes Bild zu behalten."
        ),
    )
    bild_alt = forms.CharField(
        label=_("Bildbeschreibung (Alternativtext)"),
        max_length=300,
        required=False,
        help_text=_("Was ist auf dem Bild zu sehen? Pflicht, wenn der Beitrag ein Bild hat."),
    )

    def __init__(self, *args, quartiere, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quartier"].queryset = quartiere


class OnlineAntragForm(forms.Form):
    """The public application form: the staff form's fields without the internal ones."""

    titel = forms.CharField(label=_("Titel Ihres Vorhabens"), max_length=200)
    zweck = forms.CharField(
        label=_("Was haben Sie vor?"),
        max_length=ANTRAG_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Beschreiben Sie kurz, was Sie planen und wem es im Quartier nützt."),
    )
    kostenplan = forms.CharField(
        label=_("Kostenplan"),
        max_length=ANTRAG_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eine Zeile je Posten, z. B. „Material: 120 €“."),
    )
    betrag_beantragt = forms.DecimalField(
        label=_("Beantragter Betrag in Euro"),
        max_digits=12,
        decimal_places=2,
        min_value=0,
        localize=True,
        help_text=_("Zum Beispiel 350,00"),
    )
    antragsteller_organisation = forms.CharField(
        label=_("Name Ihrer Gruppe oder Organisation (freiwillig)"),
        max_length=200,
        required=False,
    )
    antragsteller_anrede = forms.ChoiceField(
        label=_("Anrede (freiwillig)"), choices=Anrede.choices, required=False
    )
    antragsteller_name = forms.CharField(
        label=_("Ihr Vor- und Nachname"),
        max_length=200,
        help_text=_("Wir schreiben Ihnen unter diesem Namen."),
    )
    antragsteller_email = forms.EmailField(
        label=_("E-Mail"), help_text=_("An diese Adresse schicken wir die Eingangsbestätigung.")
    )
    antragsteller_telefon = forms.CharField(
        label=_("Telefon (freiwillig)"), max_length=50, required=False
    )
    antragsteller_anschrift = forms.CharField(
        label=_("Anschrift (freiwillig)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    einwilligung = forms.BooleanField(
        label=_(
            "Ich willige ein, dass das Quartiersmanagement meine Angaben zur Bearbeitung des "
            "Antrags speichert und verarbeitet."
        ),
        error_messages={
            "required": _("Ohne Ihre Einwilligung können wir den Antrag nicht bearbeiten.")
        },
    )
    # Honeypot: hidden from people (and assistive technology), filled in by spam bots.
    webseite = forms.CharField(label=_("Webseite"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["antragsteller_email"].widget.attrs["autocomplete"] = "email"
        self.fields["antragsteller_name"].widget.attrs["autocomplete"] = "name"
        self.fields["antragsteller_organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["antragsteller_anrede"].widget.attrs["autocomplete"] = "honorific-prefix"
        self.fields["antragsteller_telefon"].widget.attrs["autocomplete"] = "tel"
        self.fields["antragsteller_anschrift"].widget.attrs["autocomplete"] = "street-address"
        self.fields["webseite"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def ist_spam(self) -> bool:
        return bool(self.data.get("webseite"))


class RueckmeldungForm(forms.Form):
    quartier = forms.ModelChoiceField(
        label=_("Quartier (freiwillig)"),
        queryset=Quartier.objects.none(),
        required=False,
        help_text=_("Dann erreicht Ihre Nachricht direkt das zuständige Stadtteilbüro."),
    )
    seite = forms.CharField(
        label=_("Welche Seite ist betroffen? (freiwillig)"), max_length=300, required=False
    )
    nachricht = forms.CharField(
        label=_("Welche Barriere haben Sie bemerkt?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    name = forms.CharField(label=_("Name (freiwillig)"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("E-Mail (freiwillig)"),
        required=False,
        help_text=_("Nur wenn Sie eine Antwort wünschen."),
    )
    webseite = forms.CharField(label=_("Webseite"), required=False, max_length=200)

    def __init__(self, *args, quartiere, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quartier"].queryset = quartiere
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["webseite"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def ist_spam(self) -> bool:
        return bool(self.data.get("webseite"))
