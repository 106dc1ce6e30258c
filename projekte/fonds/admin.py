"""Admin of the fund. Money moves only through the services: a fund's settings are saved by
`fonds_aendern` (row lock, only the named fields, budget never below the grants), applications,
proofs of use and the journal are read-only here (they have their workflow in the app)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from quartiersmanagement.form_widgets import LOCALIZED_DECIMALS

from .abrechnung import Verwendungsnachweis
from .journal import Buchung
from .models import Fondsantrag, Stadtteilfonds
from .services import FONDS_FELDER, budget_pruefen, fonds_aendern


class NurLesen:
    """View the rows, change nothing (the app's services are the only writers)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class StadtteilfondsForm(forms.ModelForm):
    def clean_budget(self):
        budget = self.cleaned_data["budget"]
        if self.instance.pk and budget is not None:
            try:
                budget_pruefen(self.instance, budget)
            except ValidationError as e:
                raise ValidationError(e.message_dict["budget"]) from None
        return budget


@admin.register(Stadtteilfonds)
class StadtteilfondsAdmin(SimpleHistoryAdmin):
    formfield_overrides = LOCALIZED_DECIMALS
    form = StadtteilfondsForm
    list_display = ["quartier", "jahr", "budget", "bewilligt_summe", "restmittel"]
    list_filter = ["jahr", "quartier"]
    readonly_fields = ["bewilligt_summe", "vortrag_summe", "abgang_summe"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return self.readonly_fields
        return [*self.readonly_fields, "quartier", "jahr"]

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        felder = {f: form.cleaned_data[f] for f in FONDS_FELDER if f in form.cleaned_data}
        # Under the fund's row lock, with only these fields: a grant made meanwhile stays.
        fonds_aendern(fonds=obj, von=request.user, **felder)

    def has_delete_permission(self, request, obj=None):
        return False


class BuchungInline(NurLesen, admin.TabularInline):
    model = Buchung
    fk_name = "antrag"
    extra = 0
    fields = ["datum", "art", "betrag", "vermerk", "faellig_am", "storno_von", "gebucht_von"]
    readonly_fields = fields


@admin.register(Fondsantrag)
class FondsantragAdmin(NurLesen, SimpleHistoryAdmin):
    list_display = ["titel", "referenz", "fonds", "status", "betrag_beantragt", "betrag_bewilligt"]
    list_filter = ["status", "fonds__quartier", "fonds__jahr"]
    search_fields = ["titel", "referenz", "antragsteller_name"]
    inlines = [BuchungInline]


@admin.register(Verwendungsnachweis)
class VerwendungsnachweisAdmin(NurLesen, SimpleHistoryAdmin):
    list_display = ["antrag", "tatsaechliche_kosten", "anerkannte_kosten", "geprueft_am"]


@admin.register(Buchung)
class BuchungAdmin(NurLesen, admin.ModelAdmin):
    list_display = ["datum", "art", "betrag", "fonds", "antrag", "vermerk", "storno_von"]
    list_filter = ["art", "fonds__jahr", "fonds__quartier"]
    search_fields = ["vermerk", "antrag__referenz", "antrag__titel"]
    list_select_related = ["fonds__quartier", "antrag"]
